"""Weekly bulletin (每周通报) answers: GET /api/bulletin and PUT /api/bulletin/issue."""

from typing import Literal, NotRequired

from pydantic import Field
from typing_extensions import TypedDict

from app.core.schemas import IsoDate, IsoDateTime, Read


class BulletinSettingsRead(Read):
    """How the week was scored and graded (app.stats.settings)."""

    weight_closure: float
    weight_on_time: float
    weight_rework: float
    weight_overdue: float
    grades: dict[str, float] = Field(description="grade word: the lowest score that earns it")
    bottom_n: int
    issuer: str
    doc_number: str
    addressee: str
    requirements: str
    cc: str


class Measures(TypedDict):
    """A unit's (or the whole town's) figures for the week (app/stats/service.py docstring)."""

    new: int
    closed: int
    due: int
    due_closed: int
    due_in_time: int
    rectified: int
    reworked: int
    overdue: int
    ratings: int
    closure_rate: float | None
    on_time_rate: float | None
    rework_rate: float | None
    overdue_share: float | None
    avg_rectify_hours: float | None
    satisfaction_rate: float | None
    score: float | None
    grade: str


class _UnitRow(Measures):
    id: int
    name: str
    rank: int | None
    tied: bool
    bottom: bool


# A unit no longer found by its id is named "#ID" without its other columns: hence NotRequired.
class RoadRow(_UnitRow):
    chief: NotRequired[str | None]


class ZoneRow(_UnitRow):
    chief: NotRequired[str | None]
    leader: NotRequired[str | None]


class ChiefRow(_UnitRow):
    title: NotRequired[str | None]
    level: NotRequired[int | None]


class DepartmentRow(_UnitRow):
    code: NotRequired[str]


class BulletinSections(Read):
    """Each dimension's units in rank order, 不参评 last."""

    road: list[RoadRow]
    chief: list[ChiefRow]
    zone: list[ZoneRow]
    department: list[DepartmentRow]


class ProblemCategory(Read):
    code: str
    name: str
    new: int


class OverdueTicket(Read):
    number: str
    category: str
    road: str | None
    assignee: str | None
    due_at: IsoDateTime
    overdue_days: int
    overdue_hours: int
    escalation_level: int


class BulletinProblems(Read):
    categories: list[ProblemCategory]
    overdue_total: int
    overdue: list[OverdueTicket]


class WeeklyTask(Read):
    id: int
    title: str
    light: Literal["red", "yellow", "green"] | None
    owner: str | None
    milestone: str | None
    due_on: IsoDate | None
    escalation_level: int


class TaskUnit(Read):
    """任务清单 per lead unit: a department, else the task's owner."""

    id: int
    kind: Literal["department", "owner"]
    name: str
    open: int
    completed: int
    green: int
    yellow: int
    red: int
    escalated: int
    milestones_due: int
    milestones_on_time: int
    tasks: list[WeeklyTask]
    on_time_rate: float | None


class CampaignRun(Read):
    """A 专项整治 running during the week: its figures so far and the week's own."""

    id: int
    name: str
    department: str | None
    starts_on: IsoDate
    ends_on: IsoDate
    status: Literal["upcoming", "active", "ended"]
    target_rate: float
    found: int
    rectified: int
    overdue: int
    due: int
    on_time: int
    on_time_rate: float | None
    meets_target: bool | None
    found_in_week: int
    rectified_in_week: int
    lagging: list[str] = Field(description="the units furthest below target")


class NoticeDocument(Read):
    """The 通报 around the tables (app/stats/document.py)."""

    issuer: str = Field(description="红头")
    issued: bool
    number: str | None = Field(description="文号, null until issued")
    title: str
    addressee: str
    overview: str = Field(description="总体情况")
    problems: list[str] = Field(description="存在问题")
    requirements: str = Field(description="工作要求")
    signature: str
    date: str = Field(description="落款")
    cc: str = Field(description="抄送")


class BulletinRead(Read):
    """One ISO week's bulletin: figures per road, chief, zone and department, ranked and graded."""

    week: str = Field(description="ISO week, e.g. 2026-W48")
    week_name: str
    week_title: str
    first_day: IsoDate
    last_day: IsoDate
    start: IsoDateTime
    end: IsoDateTime = Field(description="exclusive")
    as_of: IsoDateTime = Field(description="the week's end, or now")
    settings: BulletinSettingsRead
    totals: Measures
    sections: BulletinSections
    problems: BulletinProblems
    tasks: list[TaskUnit]
    campaigns: list[CampaignRun]
    document: NoticeDocument
