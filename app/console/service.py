"""Map clusters (grid aggregation in SQL) and duplicate suggestions for the console."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, func, literal_column, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from app.console.filters import TicketFilter
from app.console.summary import OPEN, STATUS_LABELS, T, light_case, ticket_summaries
from app.photos.models import Photo, PhotoKind
from app.tickets.models import Status, Ticket

# At this zoom and above the map gets single tickets instead of clusters.
DETAIL_ZOOM = 17
DETAIL_LIMIT = 5000
# Grid cells per 256-px map tile side: a cell is about 64 px on screen.
CELLS_PER_TILE = 4

DUPLICATE_RADIUS_M = 50.0
DUPLICATE_WINDOW = timedelta(hours=24)
DUPLICATE_MAX_HAMMING = 6
EARTH_M_PER_DEG = 111_320.0


class cell_index(FunctionElement[int]):
    """floor() of a non-negative float as an integer, portable (SQLite has no floor())."""

    type = Integer()
    inherit_cache = True


@compiles(cell_index)
def _cell_pg(element: cell_index, compiler: Any, **kw: Any) -> str:
    return f"CAST(FLOOR({compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(cell_index, "sqlite")
def _cell_sqlite(element: cell_index, compiler: Any, **kw: Any) -> str:
    # Values are made non-negative below, so truncation is floor.
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


@dataclass(frozen=True)
class Grid:
    """Cells square on a Web-Mercator screen: lat steps shrink by cos(latitude)."""

    lon_step: float
    lat_step: float

    @classmethod
    def for_zoom(cls, zoom: int, lat: float) -> "Grid":
        lon_step = 360.0 / (2**zoom) / CELLS_PER_TILE
        return cls(lon_step, lon_step * max(math.cos(math.radians(lat)), 0.01))


def bbox_clause(bbox: tuple[float, float, float, float]) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    # lon first: it leads the (lon, lat) index.
    return and_(T.lon.between(min_lon, max_lon), T.lat.between(min_lat, max_lat))


def clusters(
    session: Session,
    bbox: tuple[float, float, float, float],
    zoom: int,
    flt: TicketFilter,
    now: datetime,
) -> dict[str, Any]:
    """Counts per grid cell (per status and warning light) or, zoomed in, single tickets."""
    where = [bbox_clause(bbox), *flt.clauses(now)]
    if zoom >= DETAIL_ZOOM:
        return _points(session, where, zoom, now)
    grid = Grid.for_zoom(zoom, (bbox[1] + bbox[3]) / 2)
    cx = cell_index((T.lon + 180.0) / grid.lon_step).label("cx")
    cy = cell_index((T.lat + 90.0) / grid.lat_step).label("cy")
    light = light_case(now)
    # One row per cell: conditional counts are cheaper than grouping by status and light too.
    per_status = [func.sum((T.status == s.value).cast(Integer)).label(s.value) for s in Status]
    per_light = [
        func.sum((light == name).cast(Integer)).label(name) for name in ("green", "yellow", "red")
    ]
    stmt = (
        select(
            cx,
            cy,
            func.count().label("n"),
            func.avg(T.lon).label("lon"),
            func.avg(T.lat).label("lat"),
            func.min(T.id).label("first_id"),
            *per_status,
            *per_light,
        )
        .where(*where)
        .group_by(literal_column("cx"), literal_column("cy"))
    )
    rows = session.connection().execute(stmt).all()
    out = []
    total = 0
    for r in rows:
        total += r.n
        out.append(
            {
                "lat": round(r.lat, 6),
                "lon": round(r.lon, 6),
                "count": r.n,
                "status": {s.value: getattr(r, s.value) or 0 for s in Status},
                "light": {name: getattr(r, name) or 0 for name in ("green", "yellow", "red")},
                "ticket_id": r.first_id if r.n == 1 else None,
            }
        )
    return {
        "mode": "clusters",
        "zoom": zoom,
        "cell": {"lon": grid.lon_step, "lat": grid.lat_step},
        "total": total,
        "clusters": out,
    }


def _points(
    session: Session, where: list[ColumnElement[bool]], zoom: int, now: datetime
) -> dict[str, Any]:
    stmt = (
        select(
            T.id, T.number, T.status, T.category_code, T.lat, T.lon, T.due_at,
            light_case(now).label("light"),
        )
        .where(*where)
        .order_by(T.id.desc())
        .limit(DETAIL_LIMIT + 1)
    )  # fmt: skip
    rows = session.connection().execute(stmt).all()
    tickets = [
        {
            "id": r.id,
            "number": r.number,
            "status": r.status,
            "status_label": STATUS_LABELS.get(r.status, r.status),
            "category": r.category_code,
            "lat": r.lat,
            "lon": r.lon,
            "light": r.light,
            "overdue": r.light == "red",
            "due_at": r.due_at.isoformat().replace("+00:00", "Z") if r.due_at else None,
        }
        for r in rows[:DETAIL_LIMIT]
    ]
    return {
        "mode": "tickets",
        "zoom": zoom,
        "total": len(tickets),
        "truncated": len(rows) > DETAIL_LIMIT,
        "tickets": tickets,
    }


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(math.sqrt(a))


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def duplicates(session: Session, ticket_id: int, now: datetime) -> list[dict[str, Any]]:
    """Probable duplicates of a ticket, best first.

    - nearby: another open ticket of the same category received within 24 h of it and
      within 50 m;
    - photo: another open ticket with a before-photo whose dHash is within 6 bits of one of
      this ticket's photos (the same scene photographed again, or the same file re-sent).
    """
    me = (
        session.connection()
        .execute(
            select(T.id, T.lat, T.lon, T.category_code, T.received_at).where(T.id == ticket_id)
        )
        .one()
    )
    found: dict[int, dict[str, Any]] = {}

    dlat = DUPLICATE_RADIUS_M / EARTH_M_PER_DEG
    dlon = dlat / max(math.cos(math.radians(me.lat)), 0.01)
    near = session.connection().execute(
        select(T.id, T.lat, T.lon).where(
            T.lon.between(me.lon - dlon, me.lon + dlon),
            T.lat.between(me.lat - dlat, me.lat + dlat),
            T.id != me.id,
            T.status.in_(OPEN),
            T.category_code == me.category_code,
            T.received_at.between(
                me.received_at - DUPLICATE_WINDOW, me.received_at + DUPLICATE_WINDOW
            ),
        )
    )
    for r in near:
        d = distance_m(me.lat, me.lon, r.lat, r.lon)
        if d <= DUPLICATE_RADIUS_M:
            found[r.id] = {"reasons": ["nearby"], "distance_m": round(d, 1), "hamming": None}

    P = Photo.__table__.c  # type: ignore[attr-defined]
    mine = [
        h
        for h in session.connection().execute(select(P.phash).where(P.ticket_id == me.id)).scalars()
    ]
    if mine:
        others = session.connection().execute(
            select(P.ticket_id, P.phash, T.lat, T.lon)
            .join(Ticket.__table__, T.id == P.ticket_id)  # type: ignore[attr-defined]
            .where(P.ticket_id != me.id, P.kind == PhotoKind.before.value, T.status.in_(OPEN))
        )
        for r in others:
            bits = min(hamming(r.phash, h) for h in mine)
            if bits > DUPLICATE_MAX_HAMMING:
                continue
            hit = found.setdefault(
                r.ticket_id,
                {
                    "reasons": [],
                    "distance_m": round(distance_m(me.lat, me.lon, r.lat, r.lon), 1),
                    "hamming": None,
                },
            )
            if "photo" not in hit["reasons"]:
                hit["reasons"].append("photo")
            hit["hamming"] = bits if hit["hamming"] is None else min(hit["hamming"], bits)

    summaries = ticket_summaries(session, list(found), now)
    ranked = sorted(
        found.items(),
        key=lambda kv: ("photo" not in kv[1]["reasons"], kv[1]["distance_m"] or 0.0),
    )
    return [{"ticket": summaries[tid], **info} for tid, info in ranked if tid in summaries]
