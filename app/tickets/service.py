"""Ticket queries: the list with its filters, seen through the visibility rule (auth.policy)."""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, false, or_
from sqlmodel import Session, col, func, select

from app.auth.policy import Actor, responsible_clause, visible_clause
from app.core.errors import Invalid
from app.core.timeutil import utcnow
from app.deadlines.clock import overdue_clause
from app.org.models import Role
from app.tickets.models import OPEN_STATUSES, Status, Ticket
from app.tickets.presenter import TicketPresenter

LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2, None: 3}


@dataclass
class TicketFilter:
    status: list[Status] | None = None
    category: str | None = None
    road: int | None = None
    zone: int | None = None
    assignee: int | None = None
    reporter: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    since: datetime | None = None
    until: datetime | None = None
    overdue: bool = False
    inbox: bool = False
    near: tuple[float, float] | None = None
    sort: str = "-received_at"
    limit: int = 50
    offset: int = 0


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in text.split(","))
    except ValueError:
        raise Invalid("bbox must be minLon,minLat,maxLon,maxLat") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise Invalid("bbox must be minLon,minLat,maxLon,maxLat within WGS-84 ranges")
    return min_lon, min_lat, max_lon, max_lat


def parse_point(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in text.split(","))
    except ValueError:
        raise Invalid("near must be lat,lon") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
        raise Invalid("near must be lat,lon within WGS-84 ranges")
    return lat, lon


def list_tickets(session: Session, actor: Actor, f: TicketFilter) -> tuple[list[dict], int]:
    where: list[Any] = []
    visible = visible_clause(actor)
    if visible is not None:
        where.append(visible)
    if f.inbox:
        where.append(
            responsible_clause(actor)
            if actor.role in (Role.chief, Role.department)
            else Ticket.escalated_to_id == actor.user.id
            if actor.role == Role.leader
            else false()
        )
        where.append(col(Ticket.status).in_([Status.assigned, Status.rectified]))
    if f.status:
        where.append(col(Ticket.status).in_(f.status))
    if f.category:
        where.append(
            or_(
                col(Ticket.category_code) == f.category,
                col(Ticket.category_code).like(f"{f.category}__"),
            )
            if len(f.category) == 2
            else Ticket.category_code == f.category
        )
    if f.road is not None:
        where.append(Ticket.road_id == f.road)
    if f.zone is not None:
        where.append(Ticket.zone_id == f.zone)
    if f.assignee is not None:
        where.append(Ticket.assignee_id == f.assignee)
    if f.reporter is not None:
        where.append(Ticket.reporter_id == f.reporter)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where.append(
            and_(
                col(Ticket.lon).between(min_lon, max_lon), col(Ticket.lat).between(min_lat, max_lat)
            )
        )
    if f.since:
        where.append(Ticket.received_at >= f.since)
    if f.until:
        where.append(Ticket.received_at < f.until)
    if f.overdue:
        where.append(col(Ticket.status).in_(OPEN_STATUSES))
        where.append(overdue_clause(col(Ticket.due_at), utcnow()))

    count = session.exec(select(func.count()).select_from(Ticket).where(*where)).one()
    query = select(Ticket).where(*where)
    presenter = TicketPresenter(session, actor)
    sort = "light" if f.inbox and f.sort == "-received_at" else f.sort
    if sort == "light":
        # Inboxes are short: order by the computed light, then by deadline.
        rows = list(session.exec(query))
        data = presenter.many(rows)
        data.sort(key=lambda t: (LIGHT_ORDER[t["light"]], t["due_at"] or "9999", t["id"]))
        return data[f.offset : f.offset + f.limit], count
    if sort == "distance":
        if not f.near:
            raise Invalid("sort=distance needs near=lat,lon")
        lat0, lon0 = f.near
        k = math.cos(math.radians(lat0))
        dist: Any = (Ticket.lat - lat0) * (Ticket.lat - lat0) + (Ticket.lon - lon0) * (
            Ticket.lon - lon0
        ) * k * k
        # Equally near (the same spot): the newest first, the one a finder most likely means.
        query = query.order_by(dist, col(Ticket.id).desc())
    elif sort in ("-received_at", "received_at", "due_at", "-updated_at"):
        column = col(getattr(Ticket, sort.lstrip("-")))
        query = query.order_by(
            column.desc() if sort.startswith("-") else column, col(Ticket.id).desc()
        )
    else:
        raise Invalid(
            "sort must be one of light, distance, -received_at, received_at, due_at, -updated_at"
        )
    rows = list(session.exec(query.offset(f.offset).limit(f.limit)))
    return presenter.many(rows), count
