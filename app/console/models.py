"""The live map's pre-aggregated cells, declared for the model registry (app.models).

The table, its triggers and the partial index are created by a migration that runs
app.console.cells.ddl(); declaring them here keeps the models and the migrations in agreement.
The map itself reads them with plain SQL (app.console.service), so it works, more slowly, on a
database without them.
"""

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from app.console.cells import OPEN_LIST
from app.tickets.models import Ticket


class MapCell(SQLModel, table=True):
    """Tickets per base grid cell (cells.BASE_STEP degrees) and status; kept by triggers."""

    __tablename__ = "map_cells"
    cx: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    cy: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    status: str = Field(primary_key=True, max_length=16)
    n: int
    sum_lon: float
    sum_lat: float


_t = Ticket.__table__.c  # type: ignore[attr-defined]
# Open tickets, read by the map without touching the table (their light changes with time).
OPEN_MAP_INDEX = Index(
    "ix_tickets_open_map",
    _t.lon,
    _t.lat,
    _t.status,
    _t.due_at,
    _t.assigned_at,
    _t.id,
    postgresql_where=text(f"status IN {OPEN_LIST}"),
    sqlite_where=text(f"status IN {OPEN_LIST}"),
)
