"""Categories and tickets (案卷/工单)."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, String
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow
from app.deadlines.models import LimitUnit


class Category(SQLModel, table=True):
    """An event class (大类) or sub-class (小类) in the GB/T 30428 style, e.g. 0201 非法小广告."""

    __tablename__ = "categories"
    code: str = Field(primary_key=True, max_length=8)
    name: str = Field(max_length=64)
    parent_code: str | None = Field(default=None, foreign_key="categories.code", max_length=8)
    department_id: int | None = Field(default=None, foreign_key="departments.id")
    limit_value: int = 2
    limit_unit: LimitUnit = Field(default=LimitUnit.work_days, sa_type=String(16))
    evaluation_item: str | None = Field(default=None, max_length=100)
    keywords: str = Field(default="", max_length=200)
    sort: int = 0
    active: bool = True


class Status(StrEnum):
    pending = "pending"  # 待派遣
    assigned = "assigned"  # 待整改
    rectified = "rectified"  # 待核查
    closed = "closed"  # 已结案
    dismissed = "dismissed"  # 已作废


OPEN_STATUSES = (Status.pending, Status.assigned, Status.rectified)
STATUS_LABELS: dict[str, str] = {
    Status.pending: "待派遣",
    Status.assigned: "待整改",
    Status.rectified: "待核查",
    Status.closed: "已结案",
    Status.dismissed: "已作废",
}


class Ticket(SQLModel, table=True):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_due", "status", "due_at"),
        Index("ix_tickets_lon_lat", "lon", "lat"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(unique=True, max_length=20)
    category_code: str = Field(foreign_key="categories.code", index=True, max_length=8)
    description: str = Field(default="", max_length=2000)
    lat: float
    lon: float
    accuracy_m: float | None = None
    area_id: int | None = Field(default=None, foreign_key="areas.id")
    zone_id: int | None = Field(default=None, foreign_key="zones.id", index=True)
    road_id: int | None = Field(default=None, foreign_key="roads.id", index=True)
    grid_id: int | None = Field(default=None, foreign_key="grids.id", index=True)
    # Roads nearly as close as the chosen one: [{"road_id", "distance_m"}], best first.
    route_candidates: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    assignee_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    department_id: int | None = Field(default=None, foreign_key="departments.id", index=True)
    lead_department_id: int | None = Field(default=None, foreign_key="departments.id")
    status: Status = Field(default=Status.pending, sa_type=String(16), index=True)
    reporter_id: int = Field(foreign_key="users.id", index=True)
    captured_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    # The clock starts when the ticket reaches someone who can act on it.
    assigned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When its light turns yellow (app.deadlines.clock.deadline), for the map's SQL.
    warn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rectified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rectified_by_id: int | None = Field(default=None, foreign_key="users.id")
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Fixed when the ticket closes, so rankings never change afterwards.
    closed_in_time: bool | None = None
    rework_count: int = 0
    escalation_level: int = 0
    escalated_to_id: int | None = Field(default=None, foreign_key="users.id")
    duplicate_of_id: int | None = Field(default=None, foreign_key="tickets.id")
    # Evidence flags for verifiers: {"after_photo_reused": ..., "after_photo_far": ...}.
    flags: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    idempotency_key: str = Field(unique=True, max_length=64)
    request_fingerprint: str = Field(max_length=64)


class ReportClaim(SQLModel, table=True):
    """A report's number, held from its first arrival until its ticket is recorded.

    The number is burnt into the before-photos' watermark, which is drawn before the short
    transaction that files the ticket; a retry under the same Idempotency-Key gets the same
    number (and receive time), so it renders the same copies. The row goes when the ticket
    is recorded; a report abandoned for good leaves it, and its number unused.
    """

    __tablename__ = "report_claims"
    idempotency_key: str = Field(primary_key=True, max_length=64)
    number: str = Field(unique=True, max_length=20)
    reporter_id: int = Field(foreign_key="users.id")
    request_fingerprint: str = Field(max_length=64)
    received_at: datetime = Field(sa_type=UTCDateTime)
