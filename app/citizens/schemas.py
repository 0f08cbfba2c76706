"""群众 (citizens') reports, their tracking page, triage and reviews as the API answers them."""

from typing import Literal

from pydantic import Field

from app.citizens.models import Board, Channel, IntakeStatus, ReviewStatus, Score
from app.core.schemas import IsoDate, IsoDateTime, Read
from app.tickets.models import Status
from app.tickets.schemas import Light, TicketNumber


class Challenge(Read):
    """An ALTCHA proof-of-work challenge (the widget's `challengeurl` JSON)."""

    algorithm: str
    challenge: str
    maxnumber: int
    maxNumber: int  # noqa: N815 — the widget's own spelling, sent as well
    salt: str
    signature: str


class CitizenCategory(Read):
    code: str
    name: str


class TownCenter(Read):
    """The middle of the zones' extent; null before any zone exists."""

    lat: float | None
    lon: float | None


class Filed(Read):
    token: str = Field(description="the reporter's key to the tracking page")
    tracking_url: str
    status: IntakeStatus


class TrackedTicket(Read):
    number: str
    status: Status
    status_label: str
    road: str = Field(description="the road, else the zone, else empty")
    due_at: IsoDateTime | None
    rectified_at: IsoDateTime | None
    closed_at: IsoDateTime | None


class RatingRead(Read):
    score: Score
    label: str
    reason: str


class Tracking(Read):
    """The reporter's page: no staff names, no contact details, nothing about other reporters."""

    stage: Literal["triage", "rejected", "closed", "dismissed", "in_progress"]
    received_at: IsoDateTime
    category: str
    description: str
    reject_reason: str
    merged: bool
    ticket: TrackedTicket | None
    photos: list[str]
    after_photos: list[str]
    can_rate: bool
    rating: RatingRead | None


class Rated(Read):
    score: Score
    review: ReviewStatus | None


class CategoryName(Read):
    code: str
    name: str | None


class IntakePhoto(Read):
    id: int
    url: str
    thumb_url: str


class MergeCandidate(Read):
    """An open ticket of the same category within 50 m."""

    id: int
    number: str
    status: Status
    distance_m: float


class IntakeReport(Read):
    """A citizen's or an outside system's report as staff see it."""

    id: int
    channel: Channel
    status: IntakeStatus
    status_label: str
    category: CategoryName
    description: str
    lat: float
    lon: float
    accuracy_m: float | None
    address: str
    media_url: str | None = Field(
        description="the picture an outside system linked to (Open311 media_url), for staff only"
    )
    phone: str | None
    email: str | None
    contact_name: str | None
    created_at: IsoDateTime
    triage_due_at: IsoDateTime
    light: Light | None
    triaged_at: IsoDateTime | None
    reject_reason: str
    ticket: TicketNumber | None
    photos: list[IntakePhoto]
    candidates: list[MergeCandidate]


class TriageQueue(Read):
    data: list[IntakeReport]
    count: int


class Ticketed(Read):
    """Accepted (a new ticket) or merged (into an existing one)."""

    status: IntakeStatus
    ticket: TicketNumber


class Rejected(Read):
    status: IntakeStatus
    reject_reason: str


class ReviewTicket(Read):
    id: int
    number: str
    status: Status


class ReviewRow(Read):
    """An unsatisfied rating waiting for a supervisor."""

    id: int
    score: Score
    label: str
    reason: str
    created_at: IsoDateTime
    ticket: ReviewTicket


class Reviewed(Read):
    review: ReviewStatus | None


class PublicationFacts(Read):
    received_on: IsoDate
    closed_on: IsoDate | None
    overdue_days: int | None = Field(description="曝光 only: how late it was")
    rework_count: int


class PublicPhoto(Read):
    kind: Literal["before", "after"]
    url: str
    width: int
    height: int


class PublicItem(Read):
    """Every field a public board shows of a case (nothing else may appear)."""

    id: int
    board: Board
    title: str
    note: str
    road: str
    unit: str
    category: str
    published_at: IsoDateTime
    facts: PublicationFacts
    photos: list[PublicPhoto]


class UnitCount(Read):
    unit: str
    count: int


class BoardPage(Read):
    board: Board
    page: int
    count: int
    data: list[PublicItem]
    by_unit: list[UnitCount] = Field(description="曝光: cases per unit; empty on 整改成效")


class TicketNumberMaybe(Read):
    id: int
    number: str | None


class PublicationRow(PublicItem):
    """A publication as the publishers see it, withdrawn ones included."""

    ticket: TicketNumberMaybe
    withdrawn_at: IsoDateTime | None
    blur: list[list[list[float]]] = Field(description="per photo: [x, y, w, h] fractions")


class Withdrawn(Read):
    id: int
    withdrawn: Literal[True]


class CandidatePhoto(Read):
    id: int
    kind: Literal["before", "after"]
    url: str
    thumb_url: str
    width: int
    height: int


class Candidate(Read):
    """A ticket that fits a board and is not on it yet."""

    id: int
    number: str
    status: Status
    rework_count: int
    due_at: IsoDateTime | None
    unit: str
    photos: list[CandidatePhoto]
