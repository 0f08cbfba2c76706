"""The compact ticket summary the live map draws: light computed in SQL, many tickets per query."""

from datetime import datetime
from typing import Any

from sqlalchemy import Float, and_, case, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from app.deadlines.clock import YELLOW_AT, BusinessClock
from app.deadlines.clock import overdue_clause as past_due
from app.org.models import Department, Road, User, Zone
from app.tickets.models import OPEN_STATUSES, STATUS_LABELS, Category, Ticket

OPEN = tuple(s.value for s in OPEN_STATUSES)
# The light turns yellow at this share of the time limit (DESIGN §3).

T = Ticket.__table__.c  # type: ignore[attr-defined]


class epoch(FunctionElement[float]):
    """Seconds since 1970 of a naive-UTC datetime column."""

    type = Float()
    inherit_cache = True


@compiles(epoch)
def _epoch_pg(element: epoch, compiler: Any, **kw: Any) -> str:
    return f"EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})"


@compiles(epoch, "sqlite")
def _epoch_sqlite(element: epoch, compiler: Any, **kw: Any) -> str:
    return f"((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5) * 86400.0)"


def overdue_clause(now: datetime) -> ColumnElement[bool]:
    return and_(T.status.in_(OPEN), past_due(T.due_at, now))


def lit_clause() -> ColumnElement[bool]:
    """Tickets that have a warning light: open, with a clock started and a deadline."""
    return and_(T.status.in_(OPEN), T.due_at.is_not(None), T.assigned_at.is_not(None))


def red_clause(now: datetime) -> ColumnElement[bool]:
    return and_(lit_clause(), past_due(T.due_at, now))


def yellow_clause(now: datetime) -> ColumnElement[bool]:
    """Past the moment the business clock lit the ticket yellow (warn_at, kept on the ticket
    when its deadline was set: the same moment its page shows). A row from before warn_at was
    kept falls back to 80 % of the span in natural time."""
    proxy = YELLOW_AT * epoch(T.due_at) + (1 - YELLOW_AT) * epoch(T.assigned_at)
    reached = or_(
        and_(T.warn_at.is_not(None), T.warn_at <= now),
        and_(T.warn_at.is_(None), proxy <= now.timestamp()),
    )
    return and_(lit_clause(), T.due_at >= now, reached)


def light_case(now: datetime) -> ColumnElement[Any]:
    """'green' / 'yellow' / 'red' per ticket in SQL, NULL for tickets without a light."""
    return case(
        (~lit_clause(), None),
        (past_due(T.due_at, now), "red"),
        (yellow_clause(now), "yellow"),
        else_="green",
    )


def _ref(id_: Any, **fields: Any) -> dict[str, Any] | None:
    return None if id_ is None else {"id": id_, **fields}


def ticket_summaries(session: Session, ticket_ids: list[int], now: datetime) -> dict[int, dict]:
    """{ticket id: summary} for the map and the live stream, in one query."""
    if not ticket_ids:
        return {}
    road, zone, dept, cat = Road.__table__, Zone.__table__, Department.__table__, Category.__table__  # type: ignore[attr-defined]
    u = aliased(User.__table__)  # type: ignore[attr-defined]
    stmt = (
        select(
            T.id,
            T.number,
            T.status,
            T.category_code,
            cat.c.name.label("category_name"),
            T.lat,
            T.lon,
            T.due_at,
            T.updated_at,
            T.received_at,
            T.rework_count,
            T.escalation_level,
            T.duplicate_of_id,
            T.assigned_at,
            cat.c.limit_unit,
            road.c.id.label("road_id"),
            road.c.name.label("road_name"),
            zone.c.id.label("zone_id"),
            zone.c.name.label("zone_name"),
            u.c.id.label("assignee_id"),
            u.c.username.label("assignee_username"),
            u.c.name.label("assignee_name"),
            dept.c.id.label("dept_id"),
            dept.c.code.label("dept_code"),
            dept.c.name.label("dept_name"),
        )
        .select_from(Ticket.__table__)  # type: ignore[attr-defined]
        .join(cat, cat.c.code == T.category_code)
        .outerjoin(road, road.c.id == T.road_id)
        .outerjoin(zone, zone.c.id == T.zone_id)
        .outerjoin(u, u.c.id == T.assignee_id)
        .outerjoin(dept, dept.c.id == T.department_id)
        .where(T.id.in_(ticket_ids))
    )
    clock = BusinessClock.for_session(session)
    out: dict[int, dict] = {}
    for r in session.connection().execute(stmt):
        light = None
        if r.status in OPEN and r.due_at is not None and r.assigned_at is not None:
            light = clock.warning_light(r.assigned_at, r.due_at, now, r.limit_unit)
        out[r.id] = {
            "id": r.id,
            "number": r.number,
            "status": r.status,
            "status_label": STATUS_LABELS.get(r.status, r.status),
            "category": r.category_code,
            "category_name": r.category_name,
            "lat": r.lat,
            "lon": r.lon,
            "light": light,
            "overdue": light == "red",
            "road": _ref(r.road_id, name=r.road_name),
            "zone": _ref(r.zone_id, name=r.zone_name),
            "assignee": _ref(r.assignee_id, username=r.assignee_username, name=r.assignee_name),
            "department": _ref(r.dept_id, code=r.dept_code, name=r.dept_name),
            "due_at": iso(r.due_at),
            "received_at": iso(r.received_at),
            "updated_at": iso(r.updated_at),
            "rework_count": r.rework_count,
            "escalation_level": r.escalation_level,
            "duplicate_of_id": r.duplicate_of_id,
        }
    return out


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
