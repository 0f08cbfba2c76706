"""Supervisor console: map clusters and duplicate suggestions. Supervisor/admin only.

GET /api/map/clusters?bbox=minLon,minLat,maxLon,maxLat&zoom=Z[&filters]
    Filters as in app.console.filters: status, category, zone, road, assignee, department,
    since, until, overdue=1.
    zoom < 17 → {"mode": "clusters", "zoom": Z, "cell": <cell size in degrees>, "total": N,
                 "clusters": [{"lat", "lon" (centroid of the cell's tickets), "count",
                 "status": {"pending", "assigned", "rectified", "closed", "dismissed": n},
                 "light": {"green", "yellow", "red": n} (open tickets with a deadline),
                 "ticket_id": the ticket's id when count == 1, else null}]}
    zoom ≥ 17 → {"mode": "tickets", "zoom": Z, "total": N, "truncated": bool (over 5000),
                 "tickets": [{"id", "number", "status", "status_label", "category", "lat",
                 "lon", "light", "overdue", "due_at"}]}
    Cells are square in degrees, about 64 px on screen (four per 256-px tile side), fixed to
    the globe so they do not jump when the map pans, and whole cells are counted even where
    they stick out of the bbox. Every status is counted unless filtered: a live map usually
    asks for status=pending,assigned,rectified. On a stream frame, a client can bump the
    counts of the cell containing the ticket, or simply refetch the view (it is cheap).

GET /api/tickets/{id}/duplicates → [{"ticket": <ticket summary, as in /api/stream frames>,
    "reasons": ["nearby"] | ["photo"] | ["nearby", "photo"], "distance_m": float,
    "hamming": int|null (bits between the closest photo hashes)}], photo matches first, then
    by distance. "nearby" = same category, open, received within 24 h and 50 m of this one;
    "photo" = an open ticket's before-photo within 6 bits (dHash) of one of this ticket's.
    Merge with POST /api/tickets/{id}/dismiss {"reason": "duplicate", "duplicate_of": …}.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.auth.deps import require_roles
from app.console.filters import TicketFilterDep, parse_bbox
from app.console.schemas import Duplicate, MapView
from app.console.service import clusters, duplicates
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import BBox
from app.core.timeutil import utcnow
from app.org.models import Role
from app.tickets.models import Ticket

router = APIRouter(
    prefix="/api", tags=["console"], dependencies=[require_roles(Role.supervisor, Role.admin)]
)


@router.get("/map/clusters", response_model=MapView)
def map_clusters(
    session: SessionDep,
    flt: TicketFilterDep,
    bbox: BBox,
    zoom: Annotated[int, Query(ge=0, le=22)],
) -> dict[str, Any]:
    """Tickets in the view, clustered on a grid sized by zoom."""
    return clusters(session, parse_bbox(bbox), zoom, flt, utcnow())


@router.get("/tickets/{ticket_id}/duplicates", response_model=list[Duplicate])
def ticket_duplicates(session: SessionDep, ticket_id: int) -> list[dict[str, Any]]:
    """Probable duplicates of a ticket, for the merge button."""
    if session.get(Ticket, ticket_id) is None:
        raise NotFound("no such ticket")
    return duplicates(session, ticket_id, utcnow())
