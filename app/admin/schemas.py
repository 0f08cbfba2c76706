"""The admin pages' answers: people with what they hold, towns and zones, the calendar, audit."""

from typing import Any, Literal

from pydantic import Field

from app.core.schemas import IsoDate, IsoDateTime, Read, Ref, UserRef
from app.deadlines.models import LimitUnit
from app.org.schemas import UserRead


class HeldGridMember(Ref):
    member: Literal[True] = Field(description="a 网格员 of the grid, not its 网格长")


class AdminUserRead(UserRead):
    """A person with their contact details and what they hold."""

    is_active: bool
    phone: str | None
    area_id: int | None
    roads: list[Ref]
    zones: list[Ref] = Field(description="zones they are the chief of")
    led_zones: list[Ref] = Field(description="zones they are 挂包领导 of")
    grids: list[HeldGridMember | Ref]


class AreaZone(Read):
    id: int
    name: str
    chief: UserRef | None
    leader: UserRef | None
    roads: int
    grids: int


class AreaRead(Read):
    """A town or county (镇/县) with its level-1 chiefs and its zones."""

    id: int
    name: str
    leaders: list[UserRef]
    zones: list[AreaZone]


class ZoneOut(Read):
    id: int
    name: str
    chief_id: int | None
    leader_id: int | None


class RoadOut(Read):
    id: int
    name: str
    zone_id: int | None
    chief_id: int | None


class GridOut(Read):
    id: int
    name: str
    zone_id: int
    chief_id: int | None


class RoadNetworkImported(Read):
    areas_created: int
    chiefs_created: int
    zones_created: int
    zones_updated: int
    zones_unchanged: int
    roads_created: int
    roads_updated: int
    roads_unchanged: int


class RerouteMove(Read):
    id: int
    number: str
    from_: str | None = Field(alias="from", description="the assignee now")
    to: str | None = Field(description="the assignee after re-routing")


class ReroutePreview(Read):
    """Open tickets whose road or grid now has another chief (the first 200 listed)."""

    count: int
    tickets: list[RerouteMove]


class GridsImported(Read):
    grids_created: int
    grids_updated: int
    grids_unchanged: int


class Rerouted(Read):
    moved: int


class CategoryAdminRead(Read):
    code: str
    name: str
    parent_code: str | None
    department_id: int | None
    limit_value: int
    limit_unit: LimitUnit
    evaluation_item: str | None
    keywords: str
    sort: int
    active: bool


class CalendarDayRead(Read):
    day: IsoDate
    is_workday: bool
    name: str


class CalendarDayCleared(Read):
    day: IsoDate
    cleared: Literal[True]


class AuditEntry(Read):
    id: int
    subject: str | None
    action: str
    actor: str | None
    changes: dict[str, Any]
    created_at: IsoDateTime
