"""Citizen reports (随手拍, Open311), their triage (受理), ratings and the public boards (曝光台).

A citizen report is an intake record, not a ticket: it waits in triage (待受理) and becomes a
ticket through the normal report flow only when a supervisor accepts it. So the ticket state
machine, the live map, the bulletin and the ledger only ever see tickets someone vouched for,
and an Open311 client or a citizen cannot put anything on a chief's desk by themselves.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class Channel(StrEnum):
    citizen = "citizen"  # 随手拍 page
    open311 = "open311"  # a client system (12345 hotline, other apps)


class IntakeStatus(StrEnum):
    triage = "triage"  # 待受理
    accepted = "accepted"  # 已受理 → a new ticket
    merged = "merged"  # 已合并 → follows an existing ticket
    rejected = "rejected"  # 不予受理, with a reason the reporter sees


INTAKE_LABELS = {
    IntakeStatus.triage: "待受理",
    IntakeStatus.accepted: "已受理",
    IntakeStatus.merged: "已合并",
    IntakeStatus.rejected: "不予受理",
}


class CitizenReport(SQLModel, table=True):
    __tablename__ = "citizen_reports"
    __table_args__ = (Index("ix_citizen_reports_status_created", "status", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: Channel = Field(sa_type=String(16))
    client_id: int | None = Field(default=None, foreign_key="open311_clients.id")
    status: IntakeStatus = Field(default=IntakeStatus.triage, sa_type=String(16))
    category_code: str = Field(foreign_key="categories.code", max_length=8)
    description: str = Field(default="", max_length=2000)
    lat: float
    lon: float
    accuracy_m: float | None = None
    address: str = Field(default="", max_length=200)
    # Open311 clients may point at media they host; kept as a link for staff, never fetched.
    media_url: str | None = Field(default=None, max_length=500)
    # Contact details for staff only; erased after the retention period (contact_erased_at).
    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=200)
    contact_name: str | None = Field(default=None, max_length=100)
    contact_erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The random half of the tracking link; the other half is the server's signature.
    tracking_nonce: str = Field(unique=True, max_length=32)
    idempotency_key: str | None = Field(default=None, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    triage_due_at: datetime = Field(sa_type=UTCDateTime)
    triaged_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    triaged_by_id: int | None = Field(default=None, foreign_key="users.id")
    # Accepted: the ticket made from it; merged: the ticket it follows.
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", index=True)
    reject_reason: str = Field(default="", max_length=500)


class CitizenPhoto(SQLModel, table=True):
    """A citizen's photo: staff only; copied onto the ticket when the report is accepted."""

    __tablename__ = "citizen_photos"
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="citizen_reports.id", index=True)
    sha256: str = Field(max_length=64)
    content_type: str = Field(max_length=32)
    size_bytes: int
    original_key: str = Field(max_length=200)
    display_key: str = Field(max_length=200)
    thumb_key: str = Field(max_length=200)
    width: int
    height: int
    taken_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Score(StrEnum):
    satisfied = "satisfied"  # 满意
    fair = "fair"  # 基本满意
    unsatisfied = "unsatisfied"  # 不满意


SCORE_LABELS = {Score.satisfied: "满意", Score.fair: "基本满意", Score.unsatisfied: "不满意"}


class ReviewStatus(StrEnum):
    open = "open"  # waiting for a supervisor
    upheld = "upheld"  # the closure stands
    reopened = "reopened"  # sent back to the assignee


class Rating(SQLModel, table=True):
    """A reporter's verdict on a closed ticket; one per report and closure."""

    __tablename__ = "citizen_ratings"
    __table_args__ = (UniqueConstraint("report_id", "closed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="citizen_reports.id", index=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    # The closure rated: a reopened and closed-again ticket can be rated again.
    closed_at: datetime = Field(sa_type=UTCDateTime)
    score: Score = Field(sa_type=String(16))
    reason: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    # 不满意 asks a supervisor to review the closure.
    review: ReviewStatus | None = Field(default=None, sa_type=String(16))
    reviewed_by_id: int | None = Field(default=None, foreign_key="users.id")
    reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    review_note: str = Field(default="", max_length=500)


class Board(StrEnum):
    results = "results"  # 整改成效: before/after pairs
    exposure = "exposure"  # 曝光: overdue or repeatedly reworked cases, by unit


class Publication(SQLModel, table=True):
    """A ticket on a public board, with the privacy-checked copies of its photos."""

    __tablename__ = "publications"
    __table_args__ = (Index("ix_publications_board_live", "board", "withdrawn_at", "published_at"),)

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    board: Board = Field(sa_type=String(16))
    # What the public reads, fixed at publication: no coordinates, no names of people.
    title: str = Field(max_length=200)
    note: str = Field(default="", max_length=1000)
    road_name: str = Field(default="", max_length=100)
    unit_name: str = Field(default="", max_length=100)
    category_name: str = Field(default="", max_length=64)
    # Dates and counts shown with the case: {"received_on", "closed_on", "overdue_days", …}.
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # [{"kind", "key", "width", "height", "source_photo_id", "blur": [[x, y, w, h], …]}];
    # keys of blurred, metadata-free copies; rectangles as fractions of the image.
    photos: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    published_by_id: int = Field(foreign_key="users.id")
    published_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Open311Client(SQLModel, table=True):
    """A client system with an API key (stored as its SHA-256 only)."""

    __tablename__ = "open311_clients"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    key_hash: str = Field(unique=True, max_length=64)
    key_prefix: str = Field(max_length=12)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class RateCounter(SQLModel, table=True):
    """Requests counted for a rate limit in one window of time, shared by every app process.

    `bucket` is a salted hash of who is counted (an address, a device, an API key); `slot` is
    the number of a slice of time (seconds since 1970 ÷ the slice's length, a 60th of the
    limit's window). A row is needed until its slice leaves the window (`expires_at`).
    """

    __tablename__ = "rate_counters"

    bucket: str = Field(primary_key=True, max_length=80)
    slot: int = Field(primary_key=True, sa_type=BigInteger)
    count: int = 0
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)


class SpentChallenge(SQLModel, table=True):
    """A proof-of-work already used; kept until the challenge would have expired anyway."""

    __tablename__ = "pow_spent"
    signature: str = Field(primary_key=True, max_length=128)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
