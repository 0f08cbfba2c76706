"""Admin changes outside the org chart: categories' time limits and lead departments, the
holiday calendar, and re-routing filed tickets after the org chart changed. Each owns its
short write transaction and its ledger event; the org chart's own are in `app.org.actions`.
"""

import datetime as dt
from typing import Any

from sqlmodel import Session

from app.admin.edits import CalendarDayIn, CategoryUpdate
from app.admin.service import reroute_plan
from app.auth.policy import Actor
from app.core.db import write_transaction
from app.core.errors import Invalid
from app.deadlines.models import CalendarDay
from app.org.actions import audit
from app.org.models import User, Zone
from app.org.service import check_department, get_or_404
from app.tickets import flows
from app.tickets.models import Category


def update_category(session: Session, me: User, code: str, edit: CategoryUpdate) -> Category:
    """A category's time limit or lead department; applies to tickets reported afterwards."""
    values = edit.changes()
    with write_transaction(session):
        category: Category = get_or_404(session, Category, code, "category")
        if "department_id" in values:
            check_department(session, values["department_id"])
        changed: dict[str, list[Any]] = {}
        for key, value in values.items():
            if getattr(category, key) != value:
                changed[key] = [getattr(category, key), value]
                setattr(category, key, value)
        if changed:
            session.add(category)
            audit(session, me, f"category:{code}", "category.update", changed)
    return category


def set_calendar_day(session: Session, me: User, day: dt.date, body: CalendarDayIn) -> CalendarDay:
    """Declare a holiday or a make-up workday (调休); deadlines computed afterwards follow it."""
    if body.day != day:
        raise Invalid("the day in the path and the body differ")
    with write_transaction(session):
        row = session.get(CalendarDay, day)
        before = {"is_workday": row.is_workday, "name": row.name} if row else None
        row = row or CalendarDay(day=day, is_workday=body.is_workday)
        row.is_workday, row.name = body.is_workday, body.name
        session.add(row)
        after = {"is_workday": row.is_workday, "name": row.name}
        if before != after:
            audit(
                session, me, f"calendar:{day.isoformat()}", "calendar.set", {"day": [before, after]}
            )
    return row


def clear_calendar_day(session: Session, me: User, day: dt.date) -> None:
    """Back to the Monday–Friday rule for that day."""
    with write_transaction(session):
        row: CalendarDay = get_or_404(session, CalendarDay, day, "calendar day")
        before = {"is_workday": row.is_workday, "name": row.name}
        session.delete(row)
        audit(session, me, f"calendar:{day.isoformat()}", "calendar.clear", {"day": [before, None]})


def reroute(session: Session, actor: Actor, expected: int) -> int:
    """Move the open tickets the org chart now gives to someone else; refuses when the count
    differs from the preview the admin saw."""
    with write_transaction(session):
        moves = reroute_plan(session)
        if len(moves) != expected:
            raise Invalid(
                f"the preview showed {expected} tickets but {len(moves)} would move now; "
                "preview again"
            )
        for m in moves:
            zone = session.get(Zone, m.zone_id) if m.zone_id else None
            m.ticket.road_id, m.ticket.grid_id = m.road_id, m.grid_id
            m.ticket.zone_id = m.zone_id
            m.ticket.area_id = zone.area_id if zone else m.ticket.area_id
            flows.dispatch(
                session,
                actor,
                m.ticket,
                road_id=None,
                assignee_id=m.assignee_id,
                department_id=None,
                note="组织架构调整后重新分派",
            )
        audit(session, actor.user, "org", "reroute", {"tickets": [m.ticket.id for m in moves]})
    return len(moves)
