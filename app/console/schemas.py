"""The supervisor console's answers: map clusters, single dots, ticket summaries, duplicates."""

from typing import Annotated, Literal

from pydantic import Field

from app.core.schemas import DepartmentRef, IsoDateTime, Read, Ref, UserRef
from app.tickets.models import Status
from app.tickets.schemas import Light


class StatusCounts(Read):
    pending: int
    assigned: int
    rectified: int
    closed: int
    dismissed: int


class LightCounts(Read):
    green: int
    yellow: int
    red: int


class Cluster(Read):
    """The tickets of one grid cell: where their middle is, and how many of each."""

    lat: float
    lon: float
    count: int
    status: StatusCounts
    light: LightCounts
    ticket_id: int | None = Field(description="the ticket, when the cell holds just one")


class ClusterView(Read):
    mode: Literal["clusters"]
    zoom: int
    cell: float = Field(description="the grid's cell size in degrees")
    total: int
    clusters: list[Cluster]


class TicketDot(Read):
    id: int
    number: str
    status: Status
    status_label: str
    category: str
    lat: float
    lon: float
    light: Light | None
    overdue: bool
    due_at: IsoDateTime | None


class TicketDotView(Read):
    """Zoomed in: the tickets themselves, newest first, up to a limit."""

    mode: Literal["tickets"]
    zoom: int
    total: int
    truncated: bool
    tickets: list[TicketDot]


MapView = Annotated[ClusterView | TicketDotView, Field(discriminator="mode")]


class TicketSummary(Read):
    """A ticket as the map and the live stream show it."""

    id: int
    number: str
    status: Status
    status_label: str
    category: str
    category_name: str | None
    lat: float
    lon: float
    light: Light | None
    overdue: bool
    road: Ref | None
    zone: Ref | None
    assignee: UserRef | None
    department: DepartmentRef | None
    due_at: IsoDateTime | None
    received_at: IsoDateTime
    updated_at: IsoDateTime
    rework_count: int
    escalation_level: int
    duplicate_of_id: int | None


class Duplicate(Read):
    """A probable duplicate: near by, or with a photo alike (`hamming` bits apart)."""

    ticket: TicketSummary
    reasons: list[Literal["nearby", "photo"]]
    distance_m: float
    hamming: int | None
