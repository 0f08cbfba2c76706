"""测评 (evaluation) answers: site types, questionnaires and rounds."""

from typing import Any, Literal, NotRequired

from pydantic import Field
from typing_extensions import TypedDict

from app.core.schemas import AnyGeometry, IsoDate, IsoDateTime, Ranked, Read, UserRef
from app.evaluation.models import ItemOutcome, RoundKind, RoundStatus
from app.photos.schemas import PhotoRead


class SiteTypeRead(Read):
    code: str
    name: str
    active: bool


class QuestionnaireRead(Read):
    code: str
    name: str


class StandardsImported(Read):
    version: str
    name: str
    items: int


class RoundDraw(TypedDict):
    """How the round's sites were drawn: so many per site type and zone, from this seed."""

    per_type_per_zone: int
    seed: int
    site_types: NotRequired[list[str]]


class RoundProgress(Read):
    sites: int
    done: int = Field(description="sites with a sheet")
    flagged: int = Field(description="sheets scored far from their site")


class RoundSummary(Read):
    id: int
    name: str
    kind: RoundKind
    status: RoundStatus
    standards_version: str | None
    starts_on: IsoDate
    ends_on: IsoDate
    draw: RoundDraw | None = Field(description="null: the sites were chosen by hand")
    created_at: IsoDateTime
    closed_at: IsoDateTime | None
    progress: RoundProgress


class RoundList(Read):
    data: list[RoundSummary]
    count: int


class SurveyPosted(Read):
    answers: int


class SiteUnit(Read):
    """The unit that answers for a site: its department, else its chief."""

    key: str = Field(description="department:ID or chief:ID")
    kind: Literal["department", "chief"]
    id: int
    name: str


class SiteProperties(Read):
    id: int
    name: str
    type: str
    type_name: str
    zone: str | None
    zone_id: int | None
    unit: SiteUnit | None
    unit_receives: bool = Field(
        description="someone receives the unit's deduction tickets (else routed by location)"
    )
    road_id: int | None
    checkin_radius_m: float | None
    lat: float
    lon: float


class SiteFeature(Read):
    type: Literal["Feature"]
    id: int
    geometry: AnyGeometry
    properties: SiteProperties


class SiteCollection(Read):
    type: Literal["FeatureCollection"]
    features: list[SiteFeature]


class SheetBrief(Read):
    id: int
    score: float
    far: bool = Field(description="scored far from the site (flagged)")
    distance_m: float | None


class RoundSite(SiteProperties):
    geometry: AnyGeometry
    sheet: SheetBrief | None


class ChecklistItem(Read):
    code: str
    text: str
    site_types: list[str]
    points: float
    cap: float
    photo_required: bool
    category: str | None
    content: str = Field(description="the item's group (内容)")
    project: str = Field(description="the group's parent (项目)")


class SurveyOption(Read):
    code: str
    label: str


class SurveyQuestionRead(Read):
    code: str
    text: str
    measure: str
    options: list[SurveyOption]


class QuestionnaireDetail(QuestionnaireRead):
    questions: list[SurveyQuestionRead]


class RoundDetail(RoundSummary):
    """The round with its sites (done / to do / flagged), inspectors, checklist and survey."""

    sites: list[RoundSite]
    inspectors: list[UserRef]
    checklist: list[ChecklistItem]
    site_types: dict[str, str] = Field(description="site type code: name")
    questionnaire: QuestionnaireDetail | None


class ResultPhoto(Read):
    """A photo kept on a result that filed no ticket, shaped like a ticket's photo."""

    id: str = Field(description="RESULT-N")
    kind: Literal["before"]
    url: str
    thumb_url: str
    original_url: str
    width: int | None
    height: int | None
    taken_at: str | None
    gps: dict[str, Any] | None


class SheetTicket(Read):
    id: int
    number: str
    status: str
    routed_by_location: bool = Field(
        description="the site's unit had nobody to receive it: routed by location (flagged)"
    )


class SheetResultRead(Read):
    item_code: str
    text: str
    outcome: ItemOutcome
    occurrences: int
    points: float
    note: str
    ticket: SheetTicket | None
    photos: list[PhotoRead | ResultPhoto]


class SheetSite(Read):
    id: int
    name: str | None


class CheckIn(Read):
    lat: float
    lon: float
    accuracy_m: float | None


class SheetRead(Read):
    """A site's score sheet with each item's outcome, the ticket it filed and its photos."""

    id: int
    round_id: int
    site: SheetSite
    inspector_id: int
    checked_in: CheckIn
    distance_m: float | None
    far: bool
    score: float
    deducted: float
    submitted_at: IsoDateTime
    tickets: list[int]
    unit_unreachable: str | None = Field(
        description="the unit that had nobody to receive its tickets (they went by location)"
    )
    results: list[SheetResultRead]


class SitesImported(Read):
    created: int
    updated: int


class StandardItemRead(Read):
    code: str
    text: str
    site_types: list[str]
    points: float = Field(description="per occurrence")
    cap: float = Field(description="most an item costs a site")
    photo_required: bool
    category: str | None = Field(description="the ticket category a deduction files under")


class StandardContent(Read):
    """测评内容: a group of items."""

    code: str
    name: str
    items: list[StandardItemRead]


class StandardProject(Read):
    """测评项目: a group of contents."""

    code: str
    name: str
    contents: list[StandardContent]


class StandardsTree(Read):
    """A standards version as 测评项目 → 测评内容 → 测评标准."""

    version: str
    name: str
    versions: list[str] = Field(description="every version's code, oldest first")
    projects: list[StandardProject]


class RoundRef(Read):
    id: int
    name: str
    kind: RoundKind
    kind_label: str
    status: RoundStatus


class MyLatest(Read):
    """A site's latest published sheet."""

    round: RoundRef
    sheet_id: int
    score: float
    submitted_at: IsoDateTime


class MySite(SiteProperties):
    latest: MyLatest | None
    sheets: int = Field(description="published sheets at the site")


class MyDeductionTicket(Read):
    id: int
    number: str
    status: str
    due_at: IsoDateTime | None


class MyDeduction(Read):
    round: RoundRef
    site: SheetSite
    sheet_id: int
    item_code: str
    text: str
    occurrences: int
    points: float
    note: str
    ticket: MyDeductionTicket | None
    to_rectify: bool = Field(description="its ticket is still open")


class MyResults(Read):
    """My unit's sites, their latest published scores, the deductions and what to rectify."""

    sites: list[MySite]
    deductions: list[MyDeduction]
    to_rectify: int


class ScoresPrevious(Read):
    id: int
    name: str


class ScoresRound(Read):
    id: int
    name: str
    kind: RoundKind
    kind_label: str
    status: RoundStatus
    starts_on: IsoDate
    ends_on: IsoDate
    previous: ScoresPrevious | None = Field(description="the round the deltas compare with")


class ScoresSettings(Read):
    type_weights: dict[str, float] = Field(description="site type code: its weight in means")
    bottom_n: int


class ScoresTotals(Read):
    sites: int
    done: int
    flagged: int
    score: float | None


class SiteScore(Read):
    id: int
    name: str
    type: str
    type_name: str
    zone: str | None
    unit: str | None
    score: float | None
    far: bool


class UnitScore(Ranked):
    key: str = Field(description="department:ID or chief:ID")
    name: str
    kind: Literal["department", "chief"]
    sites: int
    score: float | None
    delta: float | None = Field(description="against the previous round of the kind")


class ZoneScore(Ranked):
    id: int
    name: str
    sites: int
    score: float | None
    delta: float | None = Field(description="against the previous round of the kind")


class ItemLost(Read):
    item_code: str
    text: str
    points_lost: float
    sites: int
    occurrences: int


class TicketsSpawned(Read):
    filed: int
    closed: int
    closure_rate: float | None


class RoundScores(Read):
    """A round's scoreboard: sites, units and zones ranked, the items that lost most, tickets."""

    round: ScoresRound
    settings: ScoresSettings
    totals: ScoresTotals
    sites: list[SiteScore]
    units: list[UnitScore]
    zones: list[ZoneScore]
    items: list[ItemLost]
    tickets: TicketsSpawned


class SurveyRate(Read):
    n: int
    positive: int
    rate: float | None
    low: float | None = Field(description="95 % Wilson interval")
    high: float | None


class SurveyZoneRate(SurveyRate):
    zone_id: int | None
    zone: str | None


class SurveyQuestionResult(Read):
    code: str
    text: str
    measure: str
    overall: SurveyRate
    zones: list[SurveyZoneRate]


class SurveyResults(Read):
    """知晓率 / 支持率 / 满意率 per question, countywide and per zone."""

    questions: list[SurveyQuestionResult]
    respondents: int
