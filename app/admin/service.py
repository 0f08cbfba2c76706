"""Re-routing filed tickets after an org change: which would move, and the preview.

An org change (a road's chief, a grid drawn) applies to tickets reported afterwards; tickets
already filed keep their owner until an admin re-routes them explicitly
(`app.admin.actions.reroute`), after a preview of how many would move.
"""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.org.models import Grid, Road, User, Zone
from app.routing.service import route_point
from app.tickets.models import Status, Ticket


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
