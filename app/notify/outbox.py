"""The outbox: what a ledger event's own transaction writes, and its expansion after commit.

`install()` registers `on_ledger_event` with the ledger. For every appended event that a rule
names it adds ONE row (`Fanout`: the event, the notification events it causes, the ticket's
routing fields at that moment) and runs no query, so a ticket POST's short write transaction
pays one insert. The row commits or rolls back with the event: a rolled-back change tells
no one, a committed one is never lost.

After commit the dispatcher (`expand`) turns each row into notifications — recipients by the
rules, each person's channels and quiet hours, group channels in scope, coalescing — and
deletes it, in one transaction; one process at a time expands (a PostgreSQL advisory lock;
SQLite's write lock), in event order, so coalescing sees every earlier message. Rendering
for each platform and every remote call happen later still, when the dispatcher sends.
"""

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Collection
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.core.db import writer
from app.core.timeutil import as_utc, utcnow
from app.ledger import service as ledger
from app.ledger.models import Event
from app.notify.channels import per_minute
from app.notify.models import (
    Channel,
    ChannelKind,
    DeliveryStatus,
    Fanout,
    Notification,
    PersonalKind,
    Preference,
    PushSubscription,
)
from app.notify.rules import RULES, events_for, recipients
from app.notify.settings import get_notify_settings
from app.org.models import Department, Road, User
from app.tickets.models import STATUS_LABELS, Category, Ticket


def install() -> None:
    """Let the ledger queue notifications (idempotent; called by the app and the CLI)."""
    ledger.on_append(on_ledger_event)


# The ticket's fields that decide who hears about it and what the message says.
FROZEN = (
    "number",
    "category_code",
    "status",
    "area_id",
    "zone_id",
    "road_id",
    "assignee_id",
    "department_id",
    "lead_department_id",
    "escalated_to_id",
    "rework_count",
)
FANOUT_LOCK_KEY = 727_006
log = logging.getLogger(__name__)


def on_ledger_event(session: Session, event: Event) -> None:
    """In the event's transaction: one row, no query (the ticket is in the session)."""
    names = events_for(event)
    if not names or event.ticket_id is None:
        return
    ticket = session.get(Ticket, event.ticket_id)
    if ticket is None:
        return
    frozen: dict[str, Any] = {f: getattr(ticket, f) for f in FROZEN}
    frozen["status"] = str(ticket.status)
    frozen["due_at"] = as_utc(ticket.due_at).isoformat() if ticket.due_at else None
    session.add(
        Fanout(
            ledger_event_id=event.id,
            ticket_id=ticket.id,
            events=names,
            ticket=frozen,
            created_at=event.created_at,
        )
    )


def thaw(ticket_id: int | None, frozen: dict[str, Any]) -> Ticket:
    """The ticket as it was at the event (a detached object, never added to a session)."""
    fields = dict(frozen)
    due = fields.pop("due_at", None)
    return Ticket(
        id=ticket_id,
        due_at=dt.datetime.fromisoformat(due) if due else None,
        **fields,
    )


def expand_in(
    session: Session,
    now: dt.datetime | None = None,
    limit: int = 200,
    skip: Collection[int] = (),
) -> int:
    """Turn up to `limit` fan-out rows into notifications, oldest first; in the caller's
    transaction (which must be the only expander: see `expand`). Returns rows expanded."""
    query = select(Fanout).order_by(col(Fanout.id)).limit(limit)
    if skip:
        query = query.where(col(Fanout.id).not_in(list(skip)))
    rows = session.exec(query).all()
    if not rows:
        return 0
    event_ids = {r.ledger_event_id for r in rows} - {None}
    events = {e.id: e for e in session.exec(select(Event).where(col(Event.id).in_(event_ids)))}
    for row in rows:
        ticket = thaw(row.ticket_id, row.ticket)
        event = events.get(row.ledger_event_id)
        for name in row.events:
            notify_ticket(session, name, ticket, event, now=now)
    session.execute(delete(Fanout).where(col(Fanout.id).in_([r.id for r in rows])))
    session.flush()
    return len(rows)


def _expand_round(
    engine: Engine, now: dt.datetime | None, limit: int, skip: Collection[int]
) -> int | None:
    """One transaction: None when another process holds the expander's lock."""
    with Session(writer(engine), expire_on_commit=False) as session:
        if engine.dialect.name == "postgresql":
            got = session.execute(
                text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": FANOUT_LOCK_KEY}
            ).scalar()
            if not got:
                session.rollback()
                return None
        try:
            made = expand_in(session, now, limit, skip)
            session.commit()
            return made
        except BaseException:
            session.rollback()
            raise


def expand(
    engine: Engine,
    now: dt.datetime | None = None,
    limit: int = 200,
    poisoned: set[int] | None = None,
) -> int:
    """One expansion round in a short transaction of its own; 0 when there is nothing to do
    or another process is expanding (it will do these too).

    A row that cannot be expanded (a bug, bad data) must neither be lost nor hold up the
    rows behind it: when a batch fails, its rows are tried one at a time, and the ones that
    still fail are logged, left in the table and added to `poisoned` (the caller's; skipped
    by its later rounds for a while: the dispatcher tries them again every few minutes)."""
    poisoned = poisoned if poisoned is not None else set()
    with Session(engine) as peek:  # a plain read: no write lock while the queue is empty
        query = select(Fanout.id).limit(1)
        if poisoned:
            query = query.where(col(Fanout.id).not_in(list(poisoned)))
        if peek.exec(query).first() is None:
            return 0
    try:
        return _expand_round(engine, now, limit, poisoned) or 0
    except Exception:
        log.exception("notification fan-out failed; trying its rows one at a time")
    made = 0
    for _ in range(limit):
        with Session(engine) as peek:
            query = select(Fanout.id).order_by(col(Fanout.id)).limit(1)
            if poisoned:
                query = query.where(col(Fanout.id).not_in(list(poisoned)))
            first = peek.exec(query).first()
        if first is None:
            break
        try:
            got = _expand_round(engine, now, 1, poisoned)
            if got is None:  # another process expands now
                break
            made += got
        except Exception:
            log.exception("notification fan-out row %s cannot be expanded; left for later", first)
            poisoned.add(first)
    return made


def ticket_snapshot(session: Session, ticket: Ticket) -> dict[str, Any]:
    """The ticket as the webhook contract describes it, frozen at the moment of the event."""
    road = session.get(Road, ticket.road_id) if ticket.road_id else None
    assignee = session.get(User, ticket.assignee_id) if ticket.assignee_id else None
    category = session.get(Category, ticket.category_code)
    return {
        "id": ticket.id,
        "number": ticket.number,
        "status": str(ticket.status),
        "status_label": STATUS_LABELS.get(ticket.status, str(ticket.status)),
        "category": {"code": ticket.category_code, "name": category.name if category else ""},
        "road": {"id": road.id, "name": road.name} if road else None,
        "assignee": (
            {"id": assignee.id, "username": assignee.username, "name": assignee.name}
            if assignee
            else None
        ),
        "deadline_at": ticket.due_at.isoformat() if ticket.due_at else None,
        "url": ticket_url(ticket.id),
    }


def app_url(path: str) -> str:
    """An absolute link into the app, for messages read outside it."""
    return get_notify_settings().public_url.rstrip("/") + path


def ticket_url(ticket_id: int | None) -> str:
    return app_url(f"/tickets/{ticket_id}")


def _group_channels(session: Session, ticket: Ticket | None) -> list[Channel]:
    """Active group channels whose scope covers the ticket (scope "all" covers everything)."""
    channels = session.exec(select(Channel).where(col(Channel.active))).all()
    if not channels:
        return []
    scopes = {"all"}
    if ticket is not None:
        if ticket.zone_id:
            scopes.add(f"zone:{ticket.zone_id}")  # by id: two towns may name a zone alike
        for dept_id in {ticket.department_id, ticket.lead_department_id} - {None}:
            if dept := session.get(Department, dept_id):
                scopes.add(f"department:{dept.code}")
    return [c for c in channels if c.scope in scopes]


def notify_ticket(
    session: Session,
    name: str,
    ticket: Ticket,
    event: Event | None = None,
    *,
    now: dt.datetime | None = None,
    dedupe_key: str | None = None,
    held_at: Callable[[dt.datetime], bool] | None = None,
) -> list[Notification]:
    """Queue `name` about `ticket` for everyone the rules name and every group in scope.

    A group channel starts from the moment it is added, not from the backlog: it is not told
    of an event older than itself, nor of a scheduled notice whose condition `held_at` the
    moment it was added (a ticket yellow or waiting in triage already) — else a new "all"
    robot would get one message for every such ticket at its first scan."""
    now = now or utcnow()
    user_ids = recipients(session, name, ticket, event)
    if held_at is None and event is not None:
        happened = as_utc(event.created_at)
        held_at = lambda added: happened < added  # noqa: E731
    groups = [
        c
        for c in _group_channels(session, ticket)
        if held_at is None or not held_at(as_utc(c.created_at))
    ]
    if not user_ids and not groups:
        return []
    users = [u for u in (session.get(User, i) for i in user_ids) if u is not None and u.is_active]
    payload = {
        "title": RULES[name].title,
        "note": event.note if event else "",
        "occurred_at": (event.created_at if event else now).isoformat(),
        "ticket": ticket_snapshot(session, ticket),
        "url": ticket_url(ticket.id),
    }
    usernames = [u.username for u in users]
    urgent = ticket.category_code.startswith(get_notify_settings().urgent_prefix)
    made: list[Notification] = []
    for channel in groups:
        made += _queue(
            session,
            name,
            payload,
            now,
            ticket_id=ticket.id,
            event_id=event.id if event else None,
            channel=channel,
            recipients=usernames,
            # A machine receiver (webhook) gets every event; people in a group are spared repeats.
            coalesce=channel.kind != ChannelKind.webhook,
            dedupe_key=f"{dedupe_key}:c{channel.id}" if dedupe_key else None,
        )
    for user in users:
        for kind in personal_channels(session, user):
            made += _queue(
                session,
                name,
                payload,
                quiet_until(session, user, now) if not urgent else now,
                ticket_id=ticket.id,
                event_id=event.id if event else None,
                user=user,
                kind=kind,
                recipients=[user.username],
                coalesce=True,
                quiet=None if urgent else partial(quiet_until, session, user),
                dedupe_key=f"{dedupe_key}:u{user.id}:{kind}" if dedupe_key else None,
            )
    return made


def notify_people(
    session: Session,
    name: str,
    users: list[User],
    payload: dict[str, Any],
    *,
    now: dt.datetime | None = None,
    dedupe_key: str,
) -> list[Notification]:
    """Queue a message that is about no single ticket (a digest) to each user's own channels."""
    now = now or utcnow()
    made: list[Notification] = []
    for user in users:
        for kind in personal_channels(session, user):
            made += _queue(
                session,
                name,
                payload,
                quiet_until(session, user, now),
                user=user,
                kind=kind,
                recipients=[user.username],
                coalesce=False,
                dedupe_key=f"{dedupe_key}:u{user.id}:{kind}",
            )
    return made


def notify_groups(
    session: Session, name: str, channels: list[Channel], payload: dict[str, Any], dedupe_key: str
) -> list[Notification]:
    made: list[Notification] = []
    for channel in channels:
        made += _queue(
            session,
            name,
            payload,
            utcnow(),
            channel=channel,
            recipients=[],
            coalesce=False,
            dedupe_key=f"{dedupe_key}:c{channel.id}",
        )
    return made


def preference(session: Session, user_id: int) -> Preference:
    return session.get(Preference, user_id) or Preference(user_id=user_id)


def personal_channels(session: Session, user: User) -> list[str]:
    """The user's own channels that can reach them now (a push subscription, a phone)."""
    wanted = preference(session, user.id).channels  # type: ignore[arg-type]
    found = []
    if (
        PersonalKind.webpush in wanted
        and session.exec(
            select(PushSubscription.id).where(PushSubscription.user_id == user.id).limit(1)
        ).first()
    ):
        found.append(PersonalKind.webpush.value)
    if PersonalKind.sms in wanted and user.phone:
        found.append(PersonalKind.sms.value)
    return found


def quiet_until(session: Session, user: User, now: dt.datetime) -> dt.datetime:
    """`now`, or the end of the user's quiet hours when `now` falls inside them (local time)."""
    pref = preference(session, user.id)  # type: ignore[arg-type]
    start, end = dt.time.fromisoformat(pref.quiet_start), dt.time.fromisoformat(pref.quiet_end)
    if start == end:
        return now
    tz = ZoneInfo(get_settings().timezone)
    local = as_utc(now).astimezone(tz)
    t = local.time()
    inside = (start <= t or t < end) if start > end else (start <= t < end)
    if not inside:
        return now
    day = local.date() if t < end else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, end, tzinfo=tz).astimezone(dt.UTC)


def _folded_before(session: Session, target: Any, ticket_id: int, dedupe_key: str) -> bool:
    """A scheduled notice already folded into a message to this destination about this ticket
    (its key is in that message's `keys`; the column holds only the message's own key)."""
    told = session.exec(
        select(Notification.payload).where(target, Notification.ticket_id == ticket_id)
    ).all()
    return any(dedupe_key in (p or {}).get("keys", ()) for p in told)


def _queue(
    session: Session,
    name: str,
    payload: dict[str, Any],
    at: dt.datetime,
    *,
    ticket_id: int | None = None,
    event_id: int | None = None,
    channel: Channel | None = None,
    user: User | None = None,
    kind: str | None = None,
    recipients: list[str],
    coalesce: bool,
    dedupe_key: str | None,
    quiet: Callable[[dt.datetime], dt.datetime] | None = None,
) -> list[Notification]:
    """Add one notification, or fold it into an unsent one for the same ticket and person."""
    if (
        dedupe_key
        and session.exec(
            select(Notification.id).where(Notification.dedupe_key == dedupe_key)
        ).first()
    ):
        return []
    settings = get_notify_settings()
    # Which notification events (and ledger events) this one message tells.
    entry = {"event": name, "ledger_event_id": event_id}
    if coalesce and ticket_id is not None:
        window = dt.timedelta(minutes=settings.coalesce_minutes)
        target = (
            Notification.channel_id == channel.id
            if channel
            else (Notification.user_id == user.id) & (Notification.kind == kind)  # type: ignore[union-attr]
        )
        if dedupe_key and _folded_before(session, target, ticket_id, dedupe_key):
            return []
        last = session.exec(
            select(Notification)
            .where(target, Notification.ticket_id == ticket_id)
            .order_by(col(Notification.id).desc())
            .limit(1)
            .with_for_update()
        ).first()
        if last is not None and last.status == DeliveryStatus.queued and last.attempts == 0:
            # Not sent yet: it now tells the latest news, and what happened before it. A
            # scheduled notice's key goes with it (`keys`), so the next scan finds it told.
            last.payload = {
                **payload,
                "earlier": [*last.payload.get("earlier", []), last.payload["title"]],
                "history": [*last.payload.get("history", []), entry],
                "keys": [*last.payload.get("keys", []), *([dedupe_key] if dedupe_key else [])],
            }
            last.event = name
            last.ledger_event_id = event_id
            last.recipients = sorted(set(last.recipients) | set(recipients))
            last.next_attempt_at = max(as_utc(last.next_attempt_at), at)
            session.add(last)
            return [last]
        if last is not None:
            previous = as_utc(last.sent_at or last.created_at)
            if at < previous + window:
                # Ten minutes after the last message — unless that falls in quiet hours.
                at = previous + window
                if quiet is not None:
                    at = quiet(at)
    if channel is not None and (paced := _paced(session, channel, name, payload, at, entry)):
        return paced
    row = Notification(
        message_id=str(uuid.uuid4()),
        event=name,
        ticket_id=ticket_id,
        ledger_event_id=event_id,
        channel_id=channel.id if channel else None,
        user_id=user.id if user else None,
        kind=str(channel.kind) if channel else str(kind),
        recipients=recipients,
        payload={**payload, "history": [entry]},
        next_attempt_at=at,
        dedupe_key=dedupe_key,
        created_at=utcnow(),
    )
    session.add(row)
    return [row]


SUMMARY = "summary"
SUMMARY_TITLE = "消息较多，已合并"
SUMMARY_LINES = 30


def _paced(
    session: Session,
    channel: Channel,
    name: str,
    payload: dict[str, Any],
    at: dt.datetime,
    entry: dict[str, Any],
) -> list[Notification]:
    """Keep a group robot within its platform's limit (WeCom, DingTalk: 20 a minute): past
    the limit less one, messages join one summary sent when the minute is over. [] when this
    message may go on its own."""
    limit = per_minute(str(channel.kind))
    if limit is None:
        return []
    window = dt.timedelta(minutes=1)
    # Messages due to this robot within the minute before `at` (or after it): their send
    # times, on the same clock as `at`.
    due = select(Notification.next_attempt_at).where(
        Notification.channel_id == channel.id, Notification.next_attempt_at > at - window
    )
    recent = sorted(as_utc(t) for t in session.exec(due))
    if len(recent) < limit - 1:
        return []
    summary = session.exec(
        select(Notification)
        .where(
            Notification.channel_id == channel.id,
            Notification.event == SUMMARY,
            Notification.status == DeliveryStatus.queued,
            Notification.attempts == 0,
        )
        .order_by(col(Notification.id).desc())
        .limit(1)
        .with_for_update()
    ).first()
    ticket = payload.get("ticket")
    line = f"{payload['title']} {ticket['number']}" if ticket else str(payload["title"])
    if summary is None:
        summary = Notification(
            message_id=str(uuid.uuid4()),
            event=SUMMARY,
            channel_id=channel.id,
            kind=str(channel.kind),
            recipients=[],
            payload={"title": "", "items": [], "history": []},
            # Once the minute that filled the allowance is over.
            next_attempt_at=max(at, recent[0] + window),
            created_at=utcnow(),
        )
    items = [*summary.payload.get("items", []), line]
    shown = items[:SUMMARY_LINES]
    more = [f"……另有 {len(items) - len(shown)} 条"] if len(items) > len(shown) else []
    summary.payload = {
        "title": f"{SUMMARY_TITLE}：{len(items)} 条",
        "lines": [*shown, *more],
        "items": items,
        "occurred_at": at.isoformat(),
        "url": app_url("/console"),
        "link": "打开路长通",
        "history": [*summary.payload.get("history", []), entry],
    }
    session.add(summary)
    return [summary]
