"""Tickets as the API answers them (TicketPresenter), one model per shape in /openapi.json."""

from typing import Any, Literal

from pydantic import Field

from app.core.schemas import DepartmentRef, IsoDateTime, Read, Ref, UserRef
from app.deadlines.models import LimitUnit
from app.photos.schemas import PhotoRead
from app.tickets.models import Status

Light = Literal["green", "yellow", "red"]


class TicketPhoto(PhotoRead):
    uploaded_by: UserRef | None = Field(
        description="who took it: a 整改前 photo may come from another inspector (add_photo)"
    )


class RouteCandidate(Read):
    """A road the report could belong to, where two roads meet."""

    road_id: int
    road_name: str | None
    distance_m: float


class GridCandidate(Read):
    """A grid the report could belong to, on no road near the edge of two grids."""

    grid_id: int
    grid_name: str | None
    chief_id: int | None
    distance_m: float


class TicketNumber(Read):
    id: int
    number: str


class TicketActions(Read):
    """What the viewer may do with the ticket now (role, jurisdiction and state)."""

    rectify: bool
    handoff: bool
    verify: bool
    dispatch: bool
    dismiss: bool
    escalate: bool
    add_photo: bool


class TicketEvent(Read):
    """One ledger event of the ticket, in order; `hash` chains it to the one before."""

    id: int
    action: str
    from_status: str | None
    to_status: str | None
    note: str
    data: dict[str, Any]
    actor: UserRef | None
    created_at: IsoDateTime
    hash: str


class TicketRead(Read):
    id: int
    number: str
    status: Status
    status_label: str
    category: str
    category_name: str | None
    description: str
    lat: float
    lon: float
    accuracy_m: float | None
    road: Ref | None
    zone: Ref | None
    assignee: UserRef | None
    department: DepartmentRef | None
    lead_department: DepartmentRef | None
    reporter: UserRef | None
    captured_at: IsoDateTime | None
    received_at: IsoDateTime
    updated_at: IsoDateTime
    assigned_at: IsoDateTime | None
    due_at: IsoDateTime | None
    rectified_at: IsoDateTime | None
    closed_at: IsoDateTime | None
    closed_in_time: bool | None
    light: Light | None = Field(
        description="an open, assigned ticket's time: green < 80 %, red past due"
    )
    overdue: bool
    rework_count: int
    escalation_level: int
    flags: dict[str, Any]
    route_candidates: list[RouteCandidate]
    grid_id: int | None
    grid_candidates: list[GridCandidate]
    duplicate_of: TicketNumber | None
    photos: list[TicketPhoto]
    can: TicketActions | dict[str, bool] = Field(description="empty when there is no viewer")


class TicketDetail(TicketRead):
    """One ticket with its ledger events."""

    events: list[TicketEvent]
    media_urls: list[str] = Field(
        default_factory=list,
        description="pictures a client system linked to when it reported (Open311 media_url)",
    )


class TicketPage(Read):
    data: list[TicketRead]
    count: int = Field(description="how many match, over all pages")


class CategoryRead(Read):
    """An event class (2-digit code) or sub-class (4-digit code), with its time limit."""

    code: str
    name: str
    parent_code: str | None
    department: DepartmentRef | None
    limit_value: int
    limit_unit: LimitUnit
    evaluation_item: str | None
    keywords: str
