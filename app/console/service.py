"""Map clusters (grid aggregation in SQL) and duplicate suggestions for the console."""

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, bindparam, case, func, literal_column, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from app.console.cells import BASE_STEP, BASE_ZOOM, OPEN_CLAUSE
from app.console.cells import available as cells_available
from app.console.filters import TicketFilter
from app.console.summary import (
    OPEN,
    T,
    iso,
    light_case,
    lit_clause,
    red_clause,
    ticket_summaries,
    yellow_clause,
)
from app.photos.models import Photo, PhotoKind
from app.tickets.models import STATUS_LABELS, Status, Ticket

STATUSES = tuple(s.value for s in Status)
LIGHTS = ("green", "yellow", "red")
# Cell (x, y) packed as one integer, x * CELL_KEY + y: y < 180° / BASE_STEP = 2^17.
CELL_KEY = 2**18

# At this zoom and above the map gets single tickets instead of clusters.
DETAIL_ZOOM = 17
DETAIL_LIMIT = 5000

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
    return f"CAST(FLOOR({compiler.process(element.clauses, **kw)}) AS BIGINT)"


@compiles(cell_index, "sqlite")
def _cell_sqlite(element: cell_index, compiler: Any, **kw: Any) -> str:
    # Cell coordinates are offset to be non-negative, so truncation is floor.
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


@dataclass(frozen=True)
class Grid:
    """Square cells in degrees, BASE_STEP × 2^shift; every zoom's cells nest in coarser ones."""

    shift: int

    @classmethod
    def for_zoom(cls, zoom: int) -> "Grid":
        return cls(max(BASE_ZOOM - zoom, 0))

    @property
    def step(self) -> float:
        return BASE_STEP * 2**self.shift

    def cell_range(self, bbox: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """The base-cell index range (inclusive) covering whole cells of this grid."""
        min_lon, min_lat, max_lon, max_lat = bbox
        k = 2**self.shift
        x0 = int((min_lon + 180.0) // self.step) * k
        y0 = int((min_lat + 90.0) // self.step) * k
        x1 = (int((max_lon + 180.0) // self.step) + 1) * k - 1
        y1 = (int((max_lat + 90.0) // self.step) + 1) * k - 1
        return x0, y0, x1, y1

    def cell_bbox(self, bbox: tuple[float, float, float, float]) -> tuple[float, ...]:
        """The bbox grown to whole cells, so every cell drawn is counted completely."""
        x0, y0, x1, y1 = self.cell_range(bbox)
        return (
            x0 * BASE_STEP - 180.0,
            y0 * BASE_STEP - 90.0,
            (x1 + 1) * BASE_STEP - 180.0,
            (y1 + 1) * BASE_STEP - 90.0,
        )


def bbox_clause(bbox: tuple[float, ...]) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    # Half-open like the cells; lon first, as it leads the (lon, lat) indexes.
    return and_(T.lon >= min_lon, T.lon < max_lon, T.lat >= min_lat, T.lat < max_lat)


@dataclass
class _Cell:
    n: int = 0
    sum_lon: float = 0.0
    sum_lat: float = 0.0
    first_id: int | None = None
    status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    light: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LIGHTS, 0))

    def add(self, status: str, n: int, sum_lon: float, sum_lat: float) -> None:
        self.n += n
        self.sum_lon += sum_lon
        self.sum_lat += sum_lat
        self.status[status] += n


def clusters(
    session: Session,
    bbox: tuple[float, float, float, float],
    zoom: int,
    flt: TicketFilter,
    now: datetime,
) -> dict[str, Any]:
    """Counts per grid cell (per status and warning light) or, zoomed in, single tickets."""
    if zoom >= DETAIL_ZOOM:
        return _points(session, [bbox_clause(bbox), *flt.clauses(now)], zoom, now)
    grid = Grid.for_zoom(zoom)
    cells: dict[tuple[int, int], _Cell] = {}
    statuses = set(flt.statuses or STATUSES)
    only_status = flt == TicketFilter(statuses=flt.statuses)
    if only_status and cells_available(session):
        # Closed and dismissed tickets (the bulk) come from the trigger-kept counts; open
        # ones from the partial index, because their light changes with the clock.
        done = sorted(statuses - set(OPEN))
        if done:
            _add_done_cells(session, cells, grid, bbox, done)
        scan = sorted(statuses & set(OPEN))
        if scan:
            # The literal superset lets the planner use the partial open-ticket index.
            where = [text(OPEN_CLAUSE)] + ([T.status.in_(scan)] if len(scan) < len(OPEN) else [])
            _add_scanned(session, cells, grid, bbox, where, now)
    else:
        _add_scanned(session, cells, grid, bbox, flt.clauses(now), now)
    out = [
        {
            "lat": round(c.sum_lat / c.n, 6),
            "lon": round(c.sum_lon / c.n, 6),
            "count": c.n,
            "status": c.status,
            "light": c.light,
            "ticket_id": c.first_id if c.n == 1 else None,
        }
        for c in cells.values()
        if c.n > 0
    ]
    return {
        "mode": "clusters",
        "zoom": zoom,
        "cell": grid.step,
        "total": sum(c["count"] for c in out),
        "clusters": out,
    }


def _add_done_cells(
    session: Session,
    cells: dict[tuple[int, int], _Cell],
    grid: Grid,
    bbox: tuple[float, float, float, float],
    statuses: list[str],
) -> None:
    x0, y0, x1, y1 = grid.cell_range(bbox)
    k = 2**grid.shift
    rows = session.connection().execute(
        text(
            "SELECT cx / :k AS gx, cy / :k AS gy, status, sum(n) AS n, "
            "sum(sum_lon) AS sum_lon, sum(sum_lat) AS sum_lat FROM map_cells "
            "WHERE cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1 AND n > 0 "
            "AND status IN :statuses GROUP BY cx / :k, cy / :k, status"
        ).bindparams(bindparam("statuses", expanding=True)),
        {"k": k, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "statuses": statuses},
    )
    for r in rows:
        cells.setdefault((r.gx, r.gy), _Cell()).add(r.status, r.n, r.sum_lon, r.sum_lat)


def _add_scanned(
    session: Session,
    cells: dict[tuple[int, int], _Cell],
    grid: Grid,
    bbox: tuple[float, float, float, float],
    where: list[ColumnElement[bool]],
    now: datetime,
) -> None:
    # One integer key per cell and conditional counts: far cheaper to group than
    # (x, y, status, light), and the light's date arithmetic runs only on tickets not red.
    key = (
        cell_index((T.lon + 180.0) / grid.step) * CELL_KEY + cell_index((T.lat + 90.0) / grid.step)
    ).label("g")
    counts = [func.sum(case((T.status == s, 1))).label(s) for s in STATUSES]
    lights = [
        func.sum(case((lit_clause(), 1))).label("lit"),
        func.sum(case((red_clause(now), 1))).label("red"),
        func.sum(case((T.due_at >= now, case((yellow_clause(now), 1))))).label("yellow"),
    ]
    stmt = (
        select(
            key, func.count().label("n"), func.sum(T.lon).label("sum_lon"),
            func.sum(T.lat).label("sum_lat"), func.min(T.id).label("first_id"), *counts, *lights,
        )
        .where(bbox_clause(grid.cell_bbox(bbox)), *where)
        .group_by(literal_column("g"))
    )  # fmt: skip
    for r in session.connection().execute(stmt):
        cell = cells.setdefault(divmod(r.g, CELL_KEY), _Cell())
        cell.n += r.n
        cell.sum_lon += r.sum_lon
        cell.sum_lat += r.sum_lat
        cell.first_id = r.first_id if cell.first_id is None else min(cell.first_id, r.first_id)
        for s in STATUSES:
            cell.status[s] += getattr(r, s) or 0
        red, yellow = r.red or 0, r.yellow or 0
        cell.light["red"] += red
        cell.light["yellow"] += yellow
        cell.light["green"] += (r.lit or 0) - red - yellow


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
            "due_at": iso(r.due_at),
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
