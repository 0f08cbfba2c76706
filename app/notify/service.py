"""Channel configuration, subscriptions, preferences and the delivery log (CLI and API)."""

import re
import uuid
from typing import Any

from sqlmodel import Session, col, func, select

from app.core.errors import Invalid, NotFound
from app.core.outbound import Refused
from app.core.timeutil import utcnow
from app.notify.channels.webpush import check_endpoint
from app.notify.keys import PUBLIC
from app.notify.models import (
    Channel,
    ChannelKind,
    DeliveryAttempt,
    DeliveryStatus,
    Notification,
    NotifyKey,
    PersonalKind,
    Preference,
    PushSubscription,
)
from app.notify.outbox import app_url, preference
from app.notify.rules import RULES
from app.org.models import Department, User, Zone

SCOPE = re.compile(r"^(all|zone:.+|department:.+)$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def check_scope(session: Session, scope: str) -> str:
    """`all`, `zone:ID` or `department:CODE`, naming a zone or department that exists.

    A zone is kept by its id: two towns may each have a 城东片区. `zone:NAME` is accepted when
    exactly one zone has that name, and stored as its id."""
    if not SCOPE.match(scope):
        raise Invalid("scope must be all, zone:ID or department:CODE")
    kind, _, name = scope.partition(":")
    if kind == "zone":
        ids = (
            list(session.exec(select(Zone.id).where(Zone.id == int(name))))
            if name.isdigit()
            else []
        )
        ids = ids or list(session.exec(select(Zone.id).where(Zone.name == name).limit(2)))
        if not ids:
            raise Invalid(f"no zone '{name}'")
        if len(ids) > 1:
            raise Invalid(f"more than one zone is named '{name}': give zone:ID")
        return f"zone:{ids[0]}"
    if (
        kind == "department"
        and not session.exec(select(Department.id).where(Department.code == name)).first()
    ):
        raise Invalid(f"no department with code '{name}'")
    return scope


def check_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/]+", url):
        raise Invalid("the URL must start with http:// or https://")
    return url


UNSIGNED = (
    "a webhook without a secret is sent unsigned: its receiver cannot tell RoadChief's messages "
    "from anyone else's. Give a secret, or say unsigned (roadchief channel add … --unsigned; "
    'the API\'s "unsigned": true) if the receiver checks no signature'
)


def check_signed(kind: ChannelKind, secret: str, unsigned: bool) -> None:
    """A webhook carries a signature unless whoever adds it says, knowingly, that it won't."""
    if kind == ChannelKind.webhook and not secret and not unsigned:
        raise Invalid(UNSIGNED)


def add_channel(
    session: Session,
    kind: str,
    name: str,
    url: str,
    secret: str = "",
    scope: str = "all",
    *,
    unsigned: bool = False,
) -> Channel:
    try:
        channel_kind = ChannelKind(kind)
    except ValueError:
        raise Invalid(f"kind must be one of {', '.join(k.value for k in ChannelKind)}") from None
    check_signed(channel_kind, secret, unsigned)
    if session.exec(select(Channel.id).where(Channel.name == name)).first():
        raise Invalid(f"a channel named '{name}' exists already")
    channel = Channel(
        kind=channel_kind,
        name=name,
        url=check_url(url),
        secret=secret,
        scope=check_scope(session, scope),
    )
    session.add(channel)
    session.flush()
    return channel


def get_channel(session: Session, channel_id: int) -> Channel:
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise NotFound(f"channel {channel_id} not found")
    return channel


def update_channel(session: Session, channel: Channel, changes: dict[str, Any]) -> Channel:
    if nulls := sorted(k for k, v in changes.items() if v is None):
        raise Invalid(f"{', '.join(nulls)}: a value is required (null clears nothing here)")
    if (
        "name" in changes
        and session.exec(
            select(Channel.id).where(Channel.name == changes["name"], Channel.id != channel.id)
        ).first()
    ):
        raise Invalid(f"a channel named '{changes['name']}' exists already")
    unsigned = changes.pop("unsigned", False)
    if "secret" in changes:
        check_signed(channel.kind, changes["secret"], unsigned)
    if "url" in changes:
        changes["url"] = check_url(changes["url"])
    if "scope" in changes:
        changes["scope"] = check_scope(session, changes["scope"])
    for field, value in changes.items():
        setattr(channel, field, value)
    session.add(channel)
    session.flush()
    return channel


def channel_public(channel: Channel, stats: dict[str, int] | None = None) -> dict[str, Any]:
    return {
        "id": channel.id,
        "kind": channel.kind,
        "name": channel.name,
        "url": channel.url,
        "has_secret": bool(channel.secret),
        "scope": channel.scope,
        "active": channel.active,
        "created_at": channel.created_at.isoformat(),
        "counts": stats or {},
    }


def list_channels(session: Session) -> list[dict[str, Any]]:
    counts: dict[int, dict[str, int]] = {}
    for channel_id, status, n in session.exec(
        select(Notification.channel_id, Notification.status, func.count())
        .where(col(Notification.channel_id).is_not(None))
        .group_by(col(Notification.channel_id), col(Notification.status))
    ):
        if channel_id is not None:
            counts.setdefault(channel_id, {})[status] = n
    channels = session.exec(select(Channel).order_by(col(Channel.id))).all()
    return [channel_public(c, counts.get(c.id)) for c in channels]  # type: ignore[arg-type]


def queue_test(session: Session, channel: Channel, admin: User) -> Notification:
    """A test message through the outbox, so it is sent (and logged) like every other."""
    row = Notification(
        message_id=str(uuid.uuid4()),
        event="test",
        channel_id=channel.id,
        kind=str(channel.kind),
        recipients=[admin.username],
        payload={
            "title": RULES["test"].title,
            "lines": [f"路长通测试消息，来自 {admin.name}；收到即表示「{channel.name}」配置正确。"],
            "occurred_at": utcnow().isoformat(),
            "url": app_url("/console/notify"),
        },
        next_attempt_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def notification_public(
    row: Notification, attempts: list[DeliveryAttempt] | None = None
) -> dict[str, Any]:
    return {
        "id": row.id,
        "message_id": row.message_id,
        "event": row.event,
        "title": row.payload.get("title", ""),
        "kind": row.kind,
        "channel_id": row.channel_id,
        "user_id": row.user_id,
        "ticket_id": row.ticket_id,
        "ticket_number": (row.payload.get("ticket") or {}).get("number"),
        "recipients": row.recipients,
        "status": row.status,
        "attempts": row.attempts,
        "next_attempt_at": row.next_attempt_at.isoformat(),
        "last_error": row.last_error,
        "created_at": row.created_at.isoformat(),
        "sent_at": row.sent_at.isoformat() if row.sent_at else None,
        "log": [{"at": a.at.isoformat(), "ok": a.ok, "detail": a.detail} for a in (attempts or [])],
    }


def delivery_log(
    session: Session,
    *,
    status: DeliveryStatus | None,
    channel_id: int | None,
    ticket_id: int | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    where = []
    if status is not None:
        where.append(Notification.status == status)
    if channel_id is not None:
        where.append(Notification.channel_id == channel_id)
    if ticket_id is not None:
        where.append(Notification.ticket_id == ticket_id)
    count = session.exec(select(func.count()).select_from(Notification).where(*where)).one()
    rows = session.exec(
        select(Notification)
        .where(*where)
        .order_by(col(Notification.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    attempts: dict[int, list[DeliveryAttempt]] = {}
    if rows:
        for a in session.exec(
            select(DeliveryAttempt)
            .where(col(DeliveryAttempt.notification_id).in_([r.id for r in rows]))
            .order_by(col(DeliveryAttempt.id))
        ):
            attempts.setdefault(a.notification_id, []).append(a)
    by_status = dict(
        session.exec(
            select(Notification.status, func.count()).group_by(col(Notification.status))
        ).all()
    )
    return {
        "data": [notification_public(r, attempts.get(r.id)) for r in rows],  # type: ignore[arg-type]
        "count": count,
        "by_status": by_status,
    }


def get_notification(session: Session, notification_id: int) -> dict[str, Any]:
    row = session.get(Notification, notification_id)
    if row is None:
        raise NotFound(f"notification {notification_id} not found")
    attempts = session.exec(
        select(DeliveryAttempt)
        .where(DeliveryAttempt.notification_id == notification_id)
        .order_by(col(DeliveryAttempt.id))
    ).all()
    return notification_public(row, list(attempts))


def retry(session: Session, notification_id: int) -> Notification:
    """Give a dead notification another round of tries (after the receiver was fixed)."""
    row = session.get(Notification, notification_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFound(f"notification {notification_id} not found")
    if row.status != DeliveryStatus.dead:
        raise Invalid("only a dead notification can be retried by hand")
    row.status, row.attempts, row.next_attempt_at = DeliveryStatus.queued, 0, utcnow()
    session.add(row)
    return row


def stored_vapid_public(session: Session) -> str | None:
    """The public VAPID key, when the first start made it already (a read, no lock)."""
    row = session.get(NotifyKey, PUBLIC)
    return row.value if row else None


def subscribe(
    session: Session, user: User, endpoint: str, p256dh: str, auth: str
) -> PushSubscription:
    """Keep this browser's subscription for the user (a shared phone moves it to the new user);
    an endpoint that is not on a browser's push service is refused (422)."""
    try:
        check_endpoint(endpoint)
    except Refused as exc:
        raise Invalid(f"endpoint: {exc}") from None
    sub = session.exec(
        select(PushSubscription).where(PushSubscription.endpoint == endpoint)
    ).first()
    if sub is None:
        sub = PushSubscription(user_id=user.id, endpoint=endpoint, p256dh=p256dh, auth=auth)  # type: ignore[arg-type]
    sub.user_id, sub.p256dh, sub.auth = user.id, p256dh, auth  # type: ignore[assignment]
    session.add(sub)
    session.flush()
    return sub


def unsubscribe(session: Session, user: User, endpoint: str) -> bool:
    sub = session.exec(
        select(PushSubscription).where(
            PushSubscription.endpoint == endpoint, PushSubscription.user_id == user.id
        )
    ).first()
    if sub is not None:
        session.delete(sub)
    return sub is not None


def preferences_public(session: Session, user: User) -> dict[str, Any]:
    pref = preference(session, user.id)  # type: ignore[arg-type]
    subscribed = session.exec(
        select(func.count())
        .select_from(PushSubscription)
        .where(PushSubscription.user_id == user.id)
    ).one()
    return {
        "channels": pref.channels,
        "quiet_start": pref.quiet_start,
        "quiet_end": pref.quiet_end,
        "digest": pref.digest,
        "push_devices": subscribed,
        "has_phone": bool(user.phone),
    }


def set_preferences(session: Session, user: User, changes: dict[str, Any]) -> dict[str, Any]:
    pref = session.get(Preference, user.id) or Preference(user_id=user.id)  # type: ignore[arg-type]
    for key in ("quiet_start", "quiet_end"):
        if key in changes and not HHMM.match(changes[key]):
            raise Invalid(f"{key} must be HH:MM")
    if "channels" in changes:
        unknown = set(changes["channels"]) - {k.value for k in PersonalKind}
        if unknown:
            raise Invalid(f"unknown channel(s): {', '.join(sorted(unknown))}")
        changes["channels"] = sorted(set(changes["channels"]))
    for field, value in changes.items():
        setattr(pref, field, value)
    session.add(pref)
    session.flush()
    return preferences_public(session, user)
