"""Pre-aggregated map cells: ticket counts per fine grid cell and status, kept by triggers.

A town-wide map over a million tickets cannot scan every row in 100 ms. The database keeps
`map_cells` (count and coordinate sums per base cell of BASE_STEP degrees and status) up to
date with row triggers on `tickets`, in the writer's own transaction, so the counts are exact
at every commit and shared by every app process. Coarser zooms add up 2^k × 2^k base cells.

The table and triggers come from a migration that calls `ddl(dialect)`; until then (or on a
database without it) the map falls back to scanning tickets.
"""

from typing import Any

from sqlalchemy import inspect, text
from sqlmodel import Session

# The grid of zoom 16 with four cells per 256-px tile: 360 / 2**16 / 4 degrees (about 150 m);
# a power of two, so every coarser zoom's cell is exactly 2^k × 2^k base cells.
BASE_ZOOM = 16
BASE_STEP = 360.0 / 2**BASE_ZOOM / 4
OPEN_LIST = "('pending','assigned','rectified')"

_TABLE = """
CREATE TABLE map_cells (
    cx integer NOT NULL,
    cy integer NOT NULL,
    status varchar(16) NOT NULL,
    n integer NOT NULL,
    sum_lon double precision NOT NULL,
    sum_lat double precision NOT NULL,
    PRIMARY KEY (cx, cy, status)
)"""

_PG_FUNCTION = f"""
CREATE FUNCTION map_cells_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE map_cells
           SET n = n - 1, sum_lon = sum_lon - OLD.lon, sum_lat = sum_lat - OLD.lat
         WHERE cx = floor((OLD.lon + 180.0) / {BASE_STEP!r})::integer
           AND cy = floor((OLD.lat + 90.0) / {BASE_STEP!r})::integer
           AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat)
        VALUES (floor((NEW.lon + 180.0) / {BASE_STEP!r})::integer,
                floor((NEW.lat + 90.0) / {BASE_STEP!r})::integer,
                NEW.status, 1, NEW.lon, NEW.lat)
        ON CONFLICT (cx, cy, status) DO UPDATE
           SET n = map_cells.n + 1,
               sum_lon = map_cells.sum_lon + EXCLUDED.sum_lon,
               sum_lat = map_cells.sum_lat + EXCLUDED.sum_lat;
    END IF;
    RETURN NULL;
END $$"""

_PG = [
    _TABLE,
    _PG_FUNCTION,
    "CREATE TRIGGER tickets_map_cells_ins AFTER INSERT ON tickets "
    "FOR EACH ROW EXECUTE FUNCTION map_cells_track()",
    "CREATE TRIGGER tickets_map_cells_del AFTER DELETE ON tickets "
    "FOR EACH ROW EXECUTE FUNCTION map_cells_track()",
    "CREATE TRIGGER tickets_map_cells_upd AFTER UPDATE OF status, lat, lon ON tickets "
    "FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.lat <> NEW.lat OR OLD.lon <> NEW.lon) EXECUTE FUNCTION map_cells_track()",
]

_SQLITE_ADD = f"""
    INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat)
    VALUES (CAST((NEW.lon + 180.0) / {BASE_STEP!r} AS INTEGER),
            CAST((NEW.lat + 90.0) / {BASE_STEP!r} AS INTEGER),
            NEW.status, 1, NEW.lon, NEW.lat)
    ON CONFLICT (cx, cy, status) DO UPDATE
       SET n = n + 1, sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat;
"""
_SQLITE_REMOVE = f"""
    UPDATE map_cells SET n = n - 1, sum_lon = sum_lon - OLD.lon, sum_lat = sum_lat - OLD.lat
     WHERE cx = CAST((OLD.lon + 180.0) / {BASE_STEP!r} AS INTEGER)
       AND cy = CAST((OLD.lat + 90.0) / {BASE_STEP!r} AS INTEGER)
       AND status = OLD.status;
"""
_SQLITE = [
    _TABLE.replace("double precision", "FLOAT"),
    f"CREATE TRIGGER tickets_map_cells_ins AFTER INSERT ON tickets BEGIN {_SQLITE_ADD} END",
    f"CREATE TRIGGER tickets_map_cells_del AFTER DELETE ON tickets BEGIN {_SQLITE_REMOVE} END",
    "CREATE TRIGGER tickets_map_cells_upd AFTER UPDATE OF status, lat, lon ON tickets "
    "WHEN OLD.status IS NOT NEW.status OR OLD.lat <> NEW.lat OR OLD.lon <> NEW.lon "
    f"BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END",
]

# Open tickets are few but change all the time: the map reads their status and warning light
# straight from this partial covering index instead of from the table.
# Queries must spell the condition with literal values (OPEN_CLAUSE) for it to be used.
OPEN_INDEX = (
    "CREATE INDEX ix_tickets_open_map ON tickets (lon, lat, status, due_at, assigned_at, id) "
    f"WHERE status IN {OPEN_LIST}"
)
OPEN_CLAUSE = f"tickets.status IN {OPEN_LIST}"


def ddl(dialect: str) -> list[str]:
    """Statements creating map_cells, its triggers and the open-ticket index, then filling it."""
    statements = _PG if dialect == "postgresql" else _SQLITE
    return [*(s.strip() for s in statements), OPEN_INDEX, *rebuild_sql(dialect)]


def drop_ddl(dialect: str) -> list[str]:
    out = [f"DROP TRIGGER IF EXISTS tickets_map_cells_{op}" for op in ("ins", "del", "upd")]
    if dialect == "postgresql":
        out = [s + " ON tickets" for s in out] + ["DROP FUNCTION IF EXISTS map_cells_track()"]
    return [*out, "DROP INDEX IF EXISTS ix_tickets_open_map", "DROP TABLE IF EXISTS map_cells"]


def rebuild_sql(dialect: str) -> list[str]:
    """Recount every cell from the tickets (after a bulk load with triggers off)."""
    cell = "floor({} / {!r})::integer" if dialect == "postgresql" else "CAST({} / {!r} AS INTEGER)"
    cx = cell.format("(lon + 180.0)", BASE_STEP)
    cy = cell.format("(lat + 90.0)", BASE_STEP)
    return [
        "DELETE FROM map_cells",
        "INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat) "
        f"SELECT {cx}, {cy}, status, count(*), sum(lon), sum(lat) FROM tickets "
        f"GROUP BY {cx}, {cy}, status",
    ]


_present: dict[str, bool] = {}


def available(session: Session) -> bool:
    """Whether this database has the map_cells table (checked once per database)."""
    bind: Any = session.get_bind()
    engine = getattr(bind, "engine", bind)
    key = engine.url.render_as_string(hide_password=True)
    if key not in _present:
        _present[key] = inspect(session.connection()).has_table("map_cells")
    return _present[key]


def forget() -> None:
    """Check again next time (after a test rolled the table back, or a migration added it)."""
    _present.clear()


def install(session: Session) -> None:
    """Create the table, triggers and index on a database that lacks them (tests, bench)."""
    if available(session):
        return
    for statement in ddl(session.get_bind().dialect.name):
        session.execute(text(statement))
    forget()
