"""Notices no single ledger event causes: yellow lights, triage waiting too long, digests and
the weekly bulletin. Each is made once (a dedupe key per ticket, day or week), by a scan that
one process at a time runs every minute.
"""

import datetime as dt
import operator
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.core.timeutil import as_utc
from app.deadlines.clock import BusinessClock
from app.notify.models import Channel, Notification
from app.notify.outbox import (
    app_url,
    notify_groups,
    notify_people,
    notify_ticket,
    preference,
    ticket_url,
)
from app.notify.rules import RULES
from app.notify.settings import get_notify_settings
from app.org.models import Role, User, Zone
from app.stats.document import find_issue
from app.stats.links import issued_path
from app.stats.models import BulletinIssue
from app.stats.service import Week, bulletin
from app.stats.settings import get_bulletin_settings
from app.stats.terms import BOTTOM, NOT_RATED, month_day, rank_text, week_title
from app.tickets.models import OPEN_STATUSES, Category, Status, Ticket
from app.tickets.presenter import light

LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2}


def _local(now: dt.datetime) -> dt.datetime:
    return as_utc(now).astimezone(ZoneInfo(get_settings().timezone))


def _at_or_after(now: dt.datetime, hhmm: str, window_h: int = 3) -> bool:
    """Local time is in [hh:mm, hh:mm + window): late starts still send, yesterday's never."""
    local = _local(now)
    start = dt.datetime.combine(local.date(), dt.time.fromisoformat(hhmm), local.tzinfo)
    return start <= local < start + dt.timedelta(hours=window_h)


def _done(session: Session, prefix: str) -> bool:
    return (
        session.exec(
            select(Notification.id).where(col(Notification.dedupe_key).startswith(prefix)).limit(1)
        ).first()
        is not None
    )


def _yellow_at(
    clock: BusinessClock, ticket: Ticket, category: Category | None, at: dt.datetime
) -> bool:
    return light(clock, ticket, category, at) == "yellow"


def scan_yellow(session: Session, now: dt.datetime) -> int:
    """Assigned tickets whose light turned yellow tell their assignee, once per deadline."""
    clock = BusinessClock.for_session(session)
    categories = {c.code: c for c in session.exec(select(Category))}
    made = 0
    for ticket in session.exec(
        select(Ticket).where(Ticket.status == Status.assigned, col(Ticket.due_at) > now)
    ):
        if light(clock, ticket, categories.get(ticket.category_code), now) != "yellow":
            continue
        key = f"yellow:{ticket.id}:{int(as_utc(ticket.due_at).timestamp())}"  # type: ignore[arg-type]
        category = categories.get(ticket.category_code)
        made += len(
            notify_ticket(
                session,
                "ticket.yellow",
                ticket,
                now=now,
                dedupe_key=key,
                # A robot added while the light was yellow already starts from now.
                held_at=partial(_yellow_at, clock, ticket, category),
            )
        )
    return made


def scan_triage(session: Session, now: dt.datetime) -> int:
    """Reports nobody could route, waiting beyond the limit, tell the command centre once."""
    limit = dt.timedelta(minutes=get_notify_settings().triage_limit_minutes)
    made = 0
    for ticket in session.exec(
        select(Ticket).where(Ticket.status == Status.pending, col(Ticket.received_at) < now - limit)
    ):
        key = f"triage:{ticket.id}"
        late_from = as_utc(ticket.received_at) + limit
        made += len(
            notify_ticket(
                session,
                "ticket.triage_overdue",
                ticket,
                now=now,
                dedupe_key=key,
                held_at=partial(operator.lt, late_from),
            )
        )
    return made


def scan_citizen_triage(session: Session, now: dt.datetime) -> int:
    """Citizen reports (随手拍) still waiting in triage past their limit: the command centre."""
    from app.citizens.models import CitizenReport, IntakeStatus

    waiting = session.exec(
        select(CitizenReport).where(
            CitizenReport.status == IntakeStatus.triage, col(CitizenReport.triage_due_at) < now
        )
    ).all()
    made = 0
    for report in waiting:
        key = f"citizen:{report.id}"
        if _done(session, key):
            continue
        payload = {
            "title": RULES["citizen.triage_overdue"].title,
            "lines": [
                f"市民上报 #{report.id}：{report.description[:80]}",
                f"地址：{report.address}",
            ],
            "occurred_at": now.isoformat(),
            "url": app_url("/console/dispatch"),
        }
        centre = session.exec(select(User).where(User.role == Role.supervisor, col(User.is_active)))
        made += len(
            notify_people(
                session, "citizen.triage_overdue", list(centre), payload, now=now, dedupe_key=key
            )
        )
        late_from = as_utc(report.triage_due_at)
        groups = [  # a group added after the report was late already starts from now
            g
            for g in session.exec(
                select(Channel).where(col(Channel.active), Channel.scope == "all")
            )
            if as_utc(g.created_at) <= late_from
        ]
        made += len(notify_groups(session, "citizen.triage_overdue", list(groups), payload, key))
    return made


def morning_digest(session: Session, chief: User, now: dt.datetime) -> dict[str, Any]:
    """Counts by light and the three most urgent open tickets of one chief."""
    clock = BusinessClock.for_session(session)
    categories = {c.code: c for c in session.exec(select(Category))}
    tickets = session.exec(
        select(Ticket).where(
            col(Ticket.status).in_(OPEN_STATUSES),
            (Ticket.assignee_id == chief.id) | (Ticket.escalated_to_id == chief.id),
        )
    ).all()
    lit = [(light(clock, t, categories.get(t.category_code), now) or "green", t) for t in tickets]
    counts = {c: sum(1 for lt, _ in lit if lt == c) for c in ("red", "yellow", "green")}
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    urgent = sorted(lit, key=lambda p: (LIGHT_ORDER[p[0]], p[1].due_at or far))[:3]
    names = {"red": "红灯", "yellow": "黄灯", "green": "绿灯"}
    return {
        "title": RULES["digest.morning"].title,
        "lines": [
            "、".join(f"{names[c]} {n} 件" for c, n in counts.items()),
            *[f"{names[lt]} {t.number} {ticket_url(t.id)}" for lt, t in urgent],
        ],
        "counts": counts,
        "urgent": [{"id": t.id, "number": t.number, "light": lt} for lt, t in urgent],
        "occurred_at": as_utc(now).isoformat(),
        "url": app_url("/inbox"),
        "link": "打开待办",
    }


def scan_digests(session: Session, now: dt.datetime) -> int:
    """The morning digest per chief on working days; Mondays the level-1 chiefs' weekly digest."""
    settings = get_notify_settings()
    local = _local(now)
    if not _at_or_after(now, settings.digest_time):
        return 0
    if not BusinessClock.for_session(session).is_workday(local.date()):
        return 0
    made = 0
    day_key = f"digest:{local.date().isoformat()}"
    if not _done(session, day_key):
        chiefs = session.exec(
            select(User).where(User.role.in_((Role.chief, Role.department)), col(User.is_active))  # type: ignore[attr-defined]
        ).all()
        for chief in chiefs:
            if not preference(session, chief.id).digest:  # type: ignore[arg-type]
                continue
            payload = morning_digest(session, chief, now)
            if not payload["urgent"]:
                continue
            made += len(
                notify_people(
                    session, "digest.morning", [chief], payload, now=now, dedupe_key=day_key
                )
            )
    if local.weekday() == settings.weekly_digest_weekday:
        made += weekly_digests(session, now)
    return made


def _zone_line(r: dict[str, Any]) -> str:
    """One zone's place as a leader reads it: 2. 城东片区 86.5 分 良好（末位）."""
    if r.get("rank") is None:
        return f"— {r['name']} {NOT_RATED}"
    bottom = f"（{BOTTOM}）" if r.get("bottom") else ""
    rank = rank_text(r["rank"], r.get("tied", False))
    return f"{rank}. {r['name']} {r['score']:.1f} 分 {r['grade']}{bottom}"


def _week_words(week: Week) -> str:
    """2026年第48周（11月23日至11月29日）: the bulletin's own words for a week."""
    return f"{week_title(week.label)}（{month_day(week.first_day)}至{month_day(week.last_day)}）"


def weekly_digests(session: Session, now: dt.datetime) -> int:
    """Last week's zone ranking of their town, to each level-1 chief."""
    last_week = Week.containing(now - dt.timedelta(days=7), get_settings().timezone)
    key = f"weekly:{last_week.label}"
    if _done(session, key):
        return 0
    data = bulletin(session, last_week, now, get_bulletin_settings())
    made = 0
    for leader in session.exec(
        select(User).where(User.role == Role.chief, User.level == 1, col(User.is_active))
    ):
        zones = set(session.exec(select(Zone.id).where(Zone.area_id == leader.area_id)))
        rows = [r for r in data["sections"].get("zone", []) if r["id"] in zones]
        payload = {
            "title": f"{RULES['digest.weekly'].title}（{week_title(last_week.label)}）",
            "lines": [
                f"{_week_words(last_week)}各片区得分排名：",
                *([_zone_line(r) for r in rows] or ["上周没有可排名的片区"]),
            ],
            "occurred_at": as_utc(now).isoformat(),
            # The bulletin itself is the command centre's page; a chief opens the app.
            "url": app_url("/inbox"),
            "link": "打开路长通",
        }
        made += len(
            notify_people(session, "digest.weekly", [leader], payload, now=now, dedupe_key=key)
        )
    return made


def _bulletin_channels(session: Session) -> list[Channel]:
    return [
        c
        for c in session.exec(select(Channel).where(col(Channel.active)))
        if c.scope == "all" or c.scope.startswith("zone:")
    ]


def notify_bulletin_issued(
    session: Session, record: BulletinIssue, week: Week, data: dict[str, Any]
) -> int:
    """The week's 通报 was issued (印发): every zone group and every "all" group hears it once,
    with its 文号, the town's figures, the bottom units and, in a zone's group, the zone's own
    place. Called in the issuing transaction (`data`: the week's figures, read before it);
    issuing again (an edit of the text) tells no one again."""
    number = get_bulletin_settings().doc_number.format(year=record.year, seq=record.seq)
    totals = data.get("totals", {})
    closure = totals.get("closure_rate")
    lines = [
        _week_words(week),
        f"全镇新增 {totals.get('new', 0)} 件，结案 {totals.get('closed', 0)} 件，"
        f"结案率 {'—' if closure is None else f'{closure * 100:.1f}%'}，"
        f"逾期 {totals.get('overdue', 0)} 件",
    ]
    for section, label in (("zone", "片区"), ("road", "路段"), ("department", "职能部门")):
        bottom = [r["name"] for r in data.get("sections", {}).get(section, []) if r.get("bottom")]
        if bottom:
            lines.append(f"{BOTTOM}{label}：{'、'.join(bottom)}")
    zones = {f"zone:{r['id']}": r for r in data.get("sections", {}).get("zone", [])}
    made = 0
    for channel in _bulletin_channels(session):
        own = zones.get(channel.scope)
        payload = {
            "title": f"{RULES['bulletin.issued'].title}：{number}",
            "occurred_at": as_utc(record.issued_at).isoformat(),
            "lines": [*lines, *([f"本片区：{_zone_line(own)}"] if own else [])],
            # The console is the command centre's: the groups open the issued 通报 itself.
            "url": app_url(issued_path(week.label)),
            "link": "查看通报",
        }
        made += len(
            notify_groups(
                session, "bulletin.issued", [channel], payload, f"bulletin-issued:{week.label}"
            )
        )
    return made


def scan_bulletin(session: Session, now: dt.datetime) -> int:
    """Monday morning: last week's bulletin is out — tell every zone group (and the 'all' ones)."""
    settings = get_notify_settings()
    local = _local(now)
    if local.weekday() != 0 or not _at_or_after(now, settings.bulletin_time):
        return 0
    last_week = Week.containing(now - dt.timedelta(days=7), get_settings().timezone)
    key = f"bulletin:{last_week.label}"
    if _done(session, key):
        return 0
    if find_issue(session, last_week.label) is not None:
        return 0  # issued already: its notice went out then, with the 文号
    payload = {
        "title": f"{RULES['bulletin.published'].title}（{week_title(last_week.label)}）",
        "occurred_at": as_utc(now).isoformat(),
        "lines": [_week_words(last_week)],
        # Not issued yet, so nothing the groups could open: the app, where each sees their own.
        "url": app_url("/inbox"),
        "link": "打开路长通",
    }
    return len(
        notify_groups(session, "bulletin.published", _bulletin_channels(session), payload, key)
    )


SCANS = (scan_yellow, scan_triage, scan_citizen_triage, scan_digests, scan_bulletin)


def scan_all(session: Session, now: dt.datetime) -> int:
    return sum(scan(session, now) for scan in SCANS)
