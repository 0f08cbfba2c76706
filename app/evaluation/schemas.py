"""测评 (evaluation) answers: site types, questionnaires and rounds."""

from typing import NotRequired

from pydantic import Field
from typing_extensions import TypedDict

from app.core.schemas import IsoDate, IsoDateTime, Read
from app.evaluation.models import RoundKind, RoundStatus


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
