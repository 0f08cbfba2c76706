"""Notices no single ledger event causes: yellow lights, triage waiting too long, the morning
digest (the weekly bulletin's own notices: app.stats.notices). Each is made once (a dedupe key
per ticket, day or week), by a scan that one process at a time runs every minute.
"""

import datetime as dt
import operator
from collections.abc import Callable
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
from app.org.models import Role, User
from app.tickets.models import OPEN_STATUSES, Category, Status, Ticket
from app.tickets.presenter import light

LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2}


def local_time(now: dt.datetime) -> dt.datetime:
    return as_utc(now).astimezone(ZoneInfo(get_settings().timezone))


def at_or_after(now: dt.datetime, hhmm: str, window_h: int = 3) -> bool:
    """Local time is in [hh:mm, hh:mm + window): late starts still send, yesterday's never."""
    local = local_time(now)
    start = dt.datetime.combine(local.date(), dt.time.fromisoformat(hhmm), local.tzinfo)
    return start <= local < start + dt.timedelta(hours=window_h)


def done_already(session: Session, prefix: str) -> bool:
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
        if done_already(session, key):
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
    """The morning digest per chief on working days (the weekly one: app.stats.notices)."""
    settings = get_notify_settings()
    local = local_time(now)
    if not at_or_after(now, settings.digest_time):
        return 0
    if not BusinessClock.for_session(session).is_workday(local.date()):
        return 0
    made = 0
    day_key = f"digest:{local.date().isoformat()}"
    if not done_already(session, day_key):
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
    return made


Scan = Callable[[Session, dt.datetime], int]
# The bulletin's notices (app.stats.notices) add theirs: app.main runs both.
SCANS: tuple[Scan, ...] = (scan_yellow, scan_triage, scan_citizen_triage, scan_digests)


def scan_all(session: Session, now: dt.datetime, scans: tuple[Scan, ...] = SCANS) -> int:
    return sum(scan(session, now) for scan in scans)
