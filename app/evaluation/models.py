"""测评: sites (点位), versioned standards (测评体系), rounds, score sheets, street surveys."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Date, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class SiteType(SQLModel, table=True):
    """A kind of place the evaluators visit (主次干道, 农贸市场, 公共厕所 …); admins add more."""

    __tablename__ = "site_types"
    code: str = Field(primary_key=True, max_length=32)
    name: str = Field(unique=True, max_length=64)
    sort: int = 0
    active: bool = True


class Site(SQLModel, table=True):
    """A 点位: a point or polygon with a type, a zone and the unit answering for it.

    Roads are sites too: `road_id` links the site kept in step with the road (see service).
    """

    __tablename__ = "sites"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    type_code: str = Field(foreign_key="site_types.code", index=True, max_length=32)
    zone_id: int | None = Field(default=None, foreign_key="zones.id", index=True)
    # GeoJSON geometry (Point, Polygon, or a road's LineString), WGS-84.
    geometry: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    # A representative point: nearest-first lists, ticket location fallback.
    lat: float
    lon: float
    unit_department_id: int | None = Field(default=None, foreign_key="departments.id")
    unit_chief_id: int | None = Field(default=None, foreign_key="users.id")
    checkin_radius_m: float | None = None
    road_id: int | None = Field(default=None, foreign_key="roads.id", unique=True)
    active: bool = True


class StandardVersion(SQLModel, table=True):
    """One year's operations manual (操作手册); rounds keep the version they were created with."""

    __tablename__ = "standard_versions"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StandardGroup(SQLModel, table=True):
    """测评项目 (no parent) or 测评内容 (under a 项目)."""

    __tablename__ = "standard_groups"
    __table_args__ = (UniqueConstraint("version_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="standard_versions.id", index=True)
    parent_id: int | None = Field(default=None, foreign_key="standard_groups.id")
    code: str = Field(max_length=32)
    name: str = Field(max_length=200)
    sort: int = 0


class StandardItem(SQLModel, table=True):
    """测评标准: what is checked, where, and what a failure costs."""

    __tablename__ = "standard_items"
    __table_args__ = (UniqueConstraint("version_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="standard_versions.id", index=True)
    group_id: int = Field(foreign_key="standard_groups.id")
    code: str = Field(max_length=32)
    text: str = Field(max_length=1000)
    site_types: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    points: float  # per occurrence
    cap: float  # at most this much per site
    photo_required: bool = False
    # The ticket a deduction files (None: not a street problem, no ticket).
    category_code: str | None = Field(default=None, foreign_key="categories.code", max_length=8)
    sort: int = 0


class RoundKind(StrEnum):
    quarterly = "quarterly"  # 季度测评
    daily = "daily"  # 日常督查
    self_check = "self"  # 自查


class RoundStatus(StrEnum):
    open = "open"
    closed = "closed"


class Questionnaire(SQLModel, table=True):
    """A street survey (随机街访) a round may carry."""

    __tablename__ = "questionnaires"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=200)


class SurveyQuestion(SQLModel, table=True):
    """A single-choice question; options [{"code", "label", "positive"}] count towards its rate."""

    __tablename__ = "survey_questions"
    __table_args__ = (UniqueConstraint("questionnaire_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    questionnaire_id: int = Field(foreign_key="questionnaires.id", index=True)
    code: str = Field(max_length=32)
    text: str = Field(max_length=500)
    # awareness 知晓率, support 支持率, satisfaction 满意率
    measure: str = Field(max_length=32)
    options: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    sort: int = 0


class Round(SQLModel, table=True):
    """测评轮次: who inspects which sites against which standards, and (once closed) the scores."""

    __tablename__ = "eval_rounds"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    kind: RoundKind = Field(sa_type=String(16), index=True)
    status: RoundStatus = Field(default=RoundStatus.open, sa_type=String(16), index=True)
    version_id: int = Field(foreign_key="standard_versions.id")
    questionnaire_id: int | None = Field(default=None, foreign_key="questionnaires.id")
    starts_on: date = Field(sa_type=Date)
    ends_on: date = Field(sa_type=Date)
    # 自查: the unit checking its own sites (a department or a chief).
    self_department_id: int | None = Field(default=None, foreign_key="departments.id")
    self_chief_id: int | None = Field(default=None, foreign_key="users.id")
    # {"per_type_per_zone", "seed", "site_types"} when the sites were drawn at random.
    draw: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_by_id: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The scores as published at close, frozen.
    published: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class RoundSite(SQLModel, table=True):
    __tablename__ = "eval_round_sites"
    round_id: int = Field(foreign_key="eval_rounds.id", primary_key=True)
    site_id: int = Field(foreign_key="sites.id", primary_key=True, index=True)


class RoundInspector(SQLModel, table=True):
    __tablename__ = "eval_round_inspectors"
    round_id: int = Field(foreign_key="eval_rounds.id", primary_key=True)
    user_id: int = Field(foreign_key="users.id", primary_key=True, index=True)


class Sheet(SQLModel, table=True):
    """A site's score sheet (测评表) in a round: one per site, submitted once."""

    __tablename__ = "eval_sheets"
    __table_args__ = (UniqueConstraint("round_id", "site_id"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="eval_rounds.id", index=True)
    site_id: int = Field(foreign_key="sites.id")
    inspector_id: int = Field(foreign_key="users.id")
    checked_in_lat: float
    checked_in_lon: float
    accuracy_m: float | None = None
    # How far the check-in was from the site (0 inside its polygon); flagged beyond the radius.
    distance_m: float | None = None
    far: bool = False
    deducted: float = 0
    score: float = 100
    submitted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    idempotency_key: str = Field(unique=True, max_length=64)
    request_fingerprint: str = Field(max_length=64)


class ItemOutcome(StrEnum):
    passed = "pass"
    deduct = "deduct"
    na = "na"


class SheetResult(SQLModel, table=True):
    """One 测评标准 on one sheet: pass, deduct (with the ticket it filed) or not applicable."""

    __tablename__ = "eval_sheet_results"
    __table_args__ = (
        UniqueConstraint("sheet_id", "item_id"),
        # A round's deductions without reading its passes (item analysis, spawned tickets).
        Index("ix_eval_sheet_results_sheet_outcome", "sheet_id", "outcome"),
    )
    id: int | None = Field(default=None, primary_key=True)
    sheet_id: int = Field(foreign_key="eval_sheets.id")
    item_id: int = Field(foreign_key="standard_items.id", index=True)
    outcome: ItemOutcome = Field(sa_type=String(8))
    occurrences: int = 0
    points: float = 0  # after the cap
    note: str = Field(default="", max_length=1000)
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", index=True)
    # A deduction that filed no ticket keeps its photos here: [{sha256, original_key,
    # display_key, thumb_key, width, height, taken_at, gps}] (a ticket's are on the ticket).
    photos: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )


class SurveyAnswer(SQLModel, table=True):
    """One anonymous respondent's answer to one question: place and time, no personal data."""

    __tablename__ = "survey_answers"
    __table_args__ = (UniqueConstraint("respondent_key", "question_id"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="eval_rounds.id", index=True)
    question_id: int = Field(foreign_key="survey_questions.id")
    option_code: str = Field(max_length=32)
    positive: bool
    zone_id: int | None = Field(default=None, foreign_key="zones.id")
    lat: float | None = None
    lon: float | None = None
    answered_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    inspector_id: int = Field(foreign_key="users.id")
    # One respondent = one Idempotency-Key; a re-sent form is answered, not counted again.
    respondent_key: str = Field(max_length=64, index=True)
