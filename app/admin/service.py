"""Administration as services: every change is a ledger event saying who changed what.

An org change (a road's chief, a grid drawn) applies to tickets reported afterwards; tickets
already filed keep their owner until an admin re-routes them explicitly (`reroute`), after a
preview of how many would move.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, delete, select

from app.auth.policy import Actor
from app.core.config import get_settings
from app.core.errors import Invalid, NotFound
from app.core.timeutil import utcnow
from app.ledger import service as ledger
from app.ledger.models import Event
from app.org.models import Department, Grid, GridMember, Road, Role, User, Zone
from app.routing.service import route_point
from app.tickets import flows
from app.tickets.models import Status, Ticket


def audit(
    session: Session, actor: User, subject: str, action: str, changes: dict[str, Any]
) -> Event:
    """One ledger event for an admin change; `changes` maps a field to [before, after]."""
    return ledger.record(session, actor.id, subject, action, changes)


def apply_changes(row: Any, values: dict[str, Any]) -> dict[str, list[Any]]:
    """Set the fields that differ; returns {field: [before, after]} for the ledger."""
    changed: dict[str, list[Any]] = {}
    for key, value in values.items():
        before = getattr(row, key)
        if before != value:
            setattr(row, key, value)
            changed[key] = [before, value]
    return changed


def check_user(
    session: Session, user_id: int | None, roles: tuple[Role, ...], what: str
) -> User | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    if user is None or not user.is_active or user.role not in roles:
        raise Invalid(f"user {user_id} cannot be {what}")
    return user


def check_department(session: Session, department_id: int | None) -> Department | None:
    if department_id is None:
        return None
    department = session.get(Department, department_id)
    if department is None:
        raise Invalid(f"unknown department {department_id}")
    return department


def holdings(session: Session, user_ids: list[int]) -> dict[int, dict[str, list[dict]]]:
    """The roads, zones (as chief or 挂包领导) and grids each user holds."""
    out: dict[int, dict[str, list[dict]]] = {
        u: {"roads": [], "zones": [], "led_zones": [], "grids": []} for u in user_ids
    }
    if not user_ids:
        return out
    for r in session.exec(select(Road).where(col(Road.chief_id).in_(user_ids))):
        out[r.chief_id]["roads"].append({"id": r.id, "name": r.name})  # type: ignore[index]
    for z in session.exec(
        select(Zone).where(col(Zone.chief_id).in_(user_ids) | col(Zone.leader_id).in_(user_ids))
    ):
        if z.chief_id in out:
            out[z.chief_id]["zones"].append({"id": z.id, "name": z.name})
        if z.leader_id in out:
            out[z.leader_id]["led_zones"].append({"id": z.id, "name": z.name})
    for g in session.exec(select(Grid).where(col(Grid.chief_id).in_(user_ids))):
        out[g.chief_id]["grids"].append({"id": g.id, "name": g.name})  # type: ignore[index]
    for m, g in session.exec(
        select(GridMember, Grid)
        .where(GridMember.grid_id == Grid.id)
        .where(col(GridMember.user_id).in_(user_ids))
    ):
        out[m.user_id]["grids"].append({"id": g.id, "name": g.name, "member": True})
    return out


@dataclass(frozen=True)
class Move:
    ticket: Ticket
    assignee_id: int | None
    road_id: int | None
    grid_id: int | None
    zone_id: int | None


def reroute_plan(session: Session) -> list[Move]:
    """Open, not-yet-rectified tickets whose owner the org chart, as it is now, would change."""
    settings = get_settings()
    moves = []
    tickets = session.exec(
        select(Ticket)
        .where(col(Ticket.status).in_([Status.pending, Status.assigned]))
        .where(col(Ticket.department_id).is_(None))  # handed to a department: the chief decided
        .order_by(col(Ticket.id))
    ).all()
    for t in tickets:
        route = route_point(
            session, t.lat, t.lon, settings.routing_radius_m, settings.routing_tie_margin_m
        )
        road = session.get(Road, route.road_id) if route.road_id else None
        grid = session.get(Grid, route.grid_id) if route.grid_id else None
        zone = session.get(Zone, route.zone_id) if route.zone_id else None
        assignee = (
            (road.chief_id if road else None)
            or (grid.chief_id if grid and road is None else None)
            or (zone.chief_id if zone else None)
        )
        if assignee is not None and assignee != t.assignee_id:
            moves.append(Move(t, assignee, route.road_id, route.grid_id, route.zone_id))
    return moves


def preview(moves: list[Move], session: Session) -> dict[str, Any]:
    names = {u.id: u.name for u in session.exec(select(User))}
    return {
        "count": len(moves),
        "tickets": [
            {
                "id": m.ticket.id,
                "number": m.ticket.number,
                "from": names.get(m.ticket.assignee_id or 0),
                "to": names.get(m.assignee_id or 0),
            }
            for m in moves[:200]
        ],
    }


def reroute(session: Session, actor: Actor, expected: int) -> int:
    """Move the tickets the preview showed; refuses when the count changed since the preview."""
    moves = reroute_plan(session)
    if len(moves) != expected:
        raise Invalid(
            f"the preview showed {expected} tickets but {len(moves)} would move now; preview again"
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


def get_or_404(session: Session, model: Any, row_id: Any, what: str) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"{what} {row_id} not found")
    return row


@dataclass(frozen=True)
class Holdings:
    """What one person answers for, as the people page sets it in one go."""

    road_ids: frozenset[int]  # 路长 of these roads
    zone_ids: frozenset[int]  # 片区长 of these zones
    led_zone_ids: frozenset[int]  # 挂包领导 of these zones
    grid_ids: frozenset[int]  # 网格长 of these grids
    member_grid_ids: frozenset[int]  # 网格员 in these grids


# Which role may hold what: (field on the row, roles allowed, words for the refusal).
HOLDING_RULES: dict[str, tuple[Any, str, tuple[Role, ...], str]] = {
    "road_ids": (Road, "chief_id", (Role.chief,), "a road's chief"),
    "zone_ids": (Zone, "chief_id", (Role.chief,), "a zone's chief"),
    "led_zone_ids": (Zone, "leader_id", (Role.leader,), "a 挂包领导"),
    "grid_ids": (Grid, "chief_id", (Role.chief,), "a 网格长"),
}


def set_holdings(session: Session, me: User, user: User, wanted: Holdings) -> dict[str, Any]:
    """Make `user` hold exactly these roads, zones and grids (write txn).

    Taking something from its present holder is a change of that row, on the ledger like any
    other; what the user no longer holds is left with nobody. Filed tickets keep their owner
    (re-routing them stays an explicit action)."""
    if not user.is_active and any(dataclasses.astuple(wanted)):
        raise Invalid("a disabled account cannot hold roads, zones or grids")
    summary: dict[str, Any] = {}
    for name, (model, field, roles, what) in HOLDING_RULES.items():
        ids: frozenset[int] = getattr(wanted, name)
        if ids and user.role not in roles:
            raise Invalid(f"user {user.id} ({user.role}) cannot be {what}")
        column = getattr(model, field)
        rows = session.exec(
            select(model).where((column == user.id) | col(model.id).in_(ids))  # type: ignore[attr-defined]
        ).all()
        missing = ids - {r.id for r in rows}
        if missing:
            raise NotFound(f"{model.__name__.lower()} {min(missing)} not found")
        before = sorted(r.id for r in rows if getattr(r, field) == user.id)
        for row in rows:
            now_holder = user.id if row.id in ids else None
            was = getattr(row, field)
            if was != now_holder:
                setattr(row, field, now_holder)
                row.updated_at = utcnow()
                session.add(row)
                kind = model.__name__.lower()
                audit(session, me, f"{kind}:{row.id}", f"{kind}.update", {field: [was, now_holder]})
        if before != sorted(ids):
            summary[name] = [before, sorted(ids)]
    members_before = sorted(
        session.exec(select(GridMember.grid_id).where(GridMember.user_id == user.id)).all()
    )
    if members_before != sorted(wanted.member_grid_ids):
        found = set(
            session.exec(select(Grid.id).where(col(Grid.id).in_(wanted.member_grid_ids))).all()
        )
        if missing := wanted.member_grid_ids - found:
            raise NotFound(f"grid {min(missing)} not found")
        session.exec(delete(GridMember).where(col(GridMember.user_id) == user.id))  # type: ignore[call-overload]
        for grid_id in sorted(wanted.member_grid_ids):
            session.add(GridMember(grid_id=grid_id, user_id=user.id or 0))
        summary["member_grid_ids"] = [members_before, sorted(wanted.member_grid_ids)]
    session.flush()
    if summary:
        audit(session, me, f"user:{user.id}", "user.holdings", summary)
    return summary
