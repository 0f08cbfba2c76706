"""Special campaigns (专项整治): time-boxed drives with a lead department, a scope and targets."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow
from app.deadlines.models import LimitUnit


class Campaign(SQLModel, table=True):
    __tablename__ = "campaigns"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    description: str = Field(default="", max_length=2000)
    # Local dates, both included.
    starts_on: dt.date
    ends_on: dt.date
    department_id: int | None = Field(default=None, foreign_key="departments.id")
    # Scope: sub-category codes and zone ids; an empty list means "all".
    category_codes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    zone_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Target: rectified within target_value target_units of assignment, for target_rate of them.
    target_value: int = 4
    target_unit: LimitUnit = Field(default=LimitUnit.work_hours, sa_type=String(16))
    target_rate: float = 0.95
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CampaignTicket(SQLModel, table=True):
    """A ticket counted in a campaign, tagged automatically when filed or by hand."""

    __tablename__ = "campaign_tickets"
    campaign_id: int = Field(foreign_key="campaigns.id", primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", primary_key=True, index=True)
    how: str = Field(default="auto", max_length=8)  # auto | manual
    tagged_by_id: int | None = Field(default=None, foreign_key="users.id")
    tagged_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


def campaign_public(c: Campaign) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "description": c.description,
        "starts_on": c.starts_on.isoformat(),
        "ends_on": c.ends_on.isoformat(),
        "department_id": c.department_id,
        "category_codes": c.category_codes,
        "zone_ids": c.zone_ids,
        "target_value": c.target_value,
        "target_unit": c.target_unit,
        "target_rate": c.target_rate,
    }
