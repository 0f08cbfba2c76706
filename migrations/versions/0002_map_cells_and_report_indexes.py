"""Live map cells (counts per grid cell and status, kept by triggers) and report indexes.

The SQL is frozen here as it stood when this migration was written (app.console.cells builds
the same statements for tests and benchmarks); later changes need a migration of their own.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTGRESQL = [
    "CREATE TABLE map_cells (\n    cx integer NOT NULL,\n    cy integer NOT NULL,\n    status varchar(16) NOT NULL,\n    n integer NOT NULL,\n    sum_lon double precision NOT NULL,\n    sum_lat double precision NOT NULL,\n    PRIMARY KEY (cx, cy, status)\n)",
    "CREATE FUNCTION map_cells_track() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    IF TG_OP IN ('UPDATE', 'DELETE') THEN\n        UPDATE map_cells\n           SET n = n - 1, sum_lon = sum_lon - OLD.lon, sum_lat = sum_lat - OLD.lat\n         WHERE cx = floor((OLD.lon + 180.0) / 0.001373291015625)::integer\n           AND cy = floor((OLD.lat + 90.0) / 0.001373291015625)::integer\n           AND status = OLD.status;\n    END IF;\n    IF TG_OP IN ('INSERT', 'UPDATE') THEN\n        INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat)\n        VALUES (floor((NEW.lon + 180.0) / 0.001373291015625)::integer,\n                floor((NEW.lat + 90.0) / 0.001373291015625)::integer,\n                NEW.status, 1, NEW.lon, NEW.lat)\n        ON CONFLICT (cx, cy, status) DO UPDATE\n           SET n = map_cells.n + 1,\n               sum_lon = map_cells.sum_lon + EXCLUDED.sum_lon,\n               sum_lat = map_cells.sum_lat + EXCLUDED.sum_lat;\n    END IF;\n    RETURN NULL;\nEND $$",
    "CREATE TRIGGER tickets_map_cells_ins AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION map_cells_track()",
    "CREATE TRIGGER tickets_map_cells_del AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION map_cells_track()",
    "CREATE TRIGGER tickets_map_cells_upd AFTER UPDATE OF status, lat, lon ON tickets FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.lat <> NEW.lat OR OLD.lon <> NEW.lon) EXECUTE FUNCTION map_cells_track()",
    "CREATE INDEX ix_tickets_open_map ON tickets (lon, lat, status, due_at, assigned_at, id) WHERE status IN ('pending','assigned','rectified')",
    "DELETE FROM map_cells",
    "INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat) SELECT floor((lon + 180.0) / 0.001373291015625)::integer, floor((lat + 90.0) / 0.001373291015625)::integer, status, count(*), sum(lon), sum(lat) FROM tickets GROUP BY floor((lon + 180.0) / 0.001373291015625)::integer, floor((lat + 90.0) / 0.001373291015625)::integer, status",
]

SQLITE = [
    "CREATE TABLE map_cells (\n    cx integer NOT NULL,\n    cy integer NOT NULL,\n    status varchar(16) NOT NULL,\n    n integer NOT NULL,\n    sum_lon FLOAT NOT NULL,\n    sum_lat FLOAT NOT NULL,\n    PRIMARY KEY (cx, cy, status)\n)",
    "CREATE TRIGGER tickets_map_cells_ins AFTER INSERT ON tickets BEGIN \n    INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat)\n    VALUES (CAST((NEW.lon + 180.0) / 0.001373291015625 AS INTEGER),\n            CAST((NEW.lat + 90.0) / 0.001373291015625 AS INTEGER),\n            NEW.status, 1, NEW.lon, NEW.lat)\n    ON CONFLICT (cx, cy, status) DO UPDATE\n       SET n = n + 1, sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat;\n END",
    "CREATE TRIGGER tickets_map_cells_del AFTER DELETE ON tickets BEGIN \n    UPDATE map_cells SET n = n - 1, sum_lon = sum_lon - OLD.lon, sum_lat = sum_lat - OLD.lat\n     WHERE cx = CAST((OLD.lon + 180.0) / 0.001373291015625 AS INTEGER)\n       AND cy = CAST((OLD.lat + 90.0) / 0.001373291015625 AS INTEGER)\n       AND status = OLD.status;\n END",
    "CREATE TRIGGER tickets_map_cells_upd AFTER UPDATE OF status, lat, lon ON tickets WHEN OLD.status IS NOT NEW.status OR OLD.lat <> NEW.lat OR OLD.lon <> NEW.lon BEGIN \n    UPDATE map_cells SET n = n - 1, sum_lon = sum_lon - OLD.lon, sum_lat = sum_lat - OLD.lat\n     WHERE cx = CAST((OLD.lon + 180.0) / 0.001373291015625 AS INTEGER)\n       AND cy = CAST((OLD.lat + 90.0) / 0.001373291015625 AS INTEGER)\n       AND status = OLD.status;\n \n    INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat)\n    VALUES (CAST((NEW.lon + 180.0) / 0.001373291015625 AS INTEGER),\n            CAST((NEW.lat + 90.0) / 0.001373291015625 AS INTEGER),\n            NEW.status, 1, NEW.lon, NEW.lat)\n    ON CONFLICT (cx, cy, status) DO UPDATE\n       SET n = n + 1, sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat;\n END",
    "CREATE INDEX ix_tickets_open_map ON tickets (lon, lat, status, due_at, assigned_at, id) WHERE status IN ('pending','assigned','rectified')",
    "DELETE FROM map_cells",
    "INSERT INTO map_cells (cx, cy, status, n, sum_lon, sum_lat) SELECT CAST((lon + 180.0) / 0.001373291015625 AS INTEGER), CAST((lat + 90.0) / 0.001373291015625 AS INTEGER), status, count(*), sum(lon), sum(lat) FROM tickets GROUP BY CAST((lon + 180.0) / 0.001373291015625 AS INTEGER), CAST((lat + 90.0) / 0.001373291015625 AS INTEGER), status",
]

DROP_POSTGRESQL = [
    "DROP TRIGGER IF EXISTS tickets_map_cells_ins ON tickets",
    "DROP TRIGGER IF EXISTS tickets_map_cells_del ON tickets",
    "DROP TRIGGER IF EXISTS tickets_map_cells_upd ON tickets",
    "DROP FUNCTION IF EXISTS map_cells_track()",
    "DROP INDEX IF EXISTS ix_tickets_open_map",
    "DROP TABLE IF EXISTS map_cells",
]

DROP_SQLITE = [
    "DROP TRIGGER IF EXISTS tickets_map_cells_ins",
    "DROP TRIGGER IF EXISTS tickets_map_cells_del",
    "DROP TRIGGER IF EXISTS tickets_map_cells_upd",
    "DROP INDEX IF EXISTS ix_tickets_open_map",
    "DROP TABLE IF EXISTS map_cells",
]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL if postgres else SQLITE:
        op.execute(statement)
    op.create_index("ix_tickets_closed_at", "tickets", ["closed_at"])
    op.create_index("ix_events_created_action", "events", ["created_at", "action", "ticket_id"])


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.drop_index("ix_events_created_action", table_name="events")
    op.drop_index("ix_tickets_closed_at", table_name="tickets")
    for statement in DROP_POSTGRESQL if postgres else DROP_SQLITE:
        op.execute(statement)
