"""专项整治 campaigns as the API answers them."""

from typing import Literal

from pydantic import Field

from app.core.schemas import IsoDate, IsoDateTime, Ranked, Read
from app.deadlines.models import LimitUnit
from app.photos.schemas import PhotoRead

CampaignStatus = Literal["upcoming", "active", "ended"]


class CampaignRead(Read):
    id: int
    name: str
    description: str
    starts_on: IsoDate
    ends_on: IsoDate
    department_id: int | None
    category_codes: list[str] = Field(description="sub-category codes; empty: all")
    zone_ids: list[int] = Field(description="empty: all zones")
    target_value: int
    target_unit: LimitUnit
    target_rate: float


class CampaignTally(Read):
    found: int
    rectified: int
    overdue: int
    due: int
    on_time: int
    on_time_rate: float | None = Field(description="null while nothing is due (不参评)")
    meets_target: bool | None


class CampaignZoneRow(CampaignTally, Ranked):
    id: int | None = Field(description="null: tickets outside every zone (片区外)")
    name: str


class CampaignUnitRow(CampaignTally, Ranked):
    kind: Literal["department", "user"]
    id: int | None
    name: str


class TrendDay(Read):
    day: IsoDate
    found: int
    rectified: int


class CampaignFigures(Read):
    as_of: IsoDateTime
    status: CampaignStatus
    totals: CampaignTally
    by_zone: list[CampaignZoneRow]
    by_unit: list[CampaignUnitRow]
    trend: list[TrendDay]


class BeforeAfter(Read):
    """A rectified ticket with its first before-photo and latest after-photo."""

    ticket_id: int
    number: str
    category: str
    before: PhotoRead
    after: PhotoRead


class CampaignListRow(CampaignRead):
    status: CampaignStatus
    totals: CampaignTally


class CampaignCreated(CampaignRead):
    status: CampaignStatus


class CampaignDetail(CampaignRead):
    figures: CampaignFigures
    gallery: list[BeforeAfter]


class Tagged(Read):
    tagged: Literal[True]
    added: bool = Field(description="false: it was tagged already")


class Untagged(Read):
    tagged: Literal[False]


class WeeklyCampaign(CampaignTally):
    """A campaign in the weekly 通报."""

    id: int
    name: str
    department: str | None
    starts_on: IsoDate
    ends_on: IsoDate
    status: CampaignStatus
    target_rate: float
    found_in_week: int
    rectified_in_week: int
    lagging: list[str] = Field(description="up to three units below target")
