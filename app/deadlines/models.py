"""Time limits as data: categories carry their limit; the calendar carries holidays and 调休."""

import datetime as dt
from enum import StrEnum

from sqlmodel import Field, SQLModel


class LimitUnit(StrEnum):
    work_hours = "work_hours"
    work_days = "work_days"
    hours = "hours"  # natural hours, for urgent things


class CalendarDay(SQLModel, table=True):
    """A date that breaks the Monday–Friday rule: a holiday, or a make-up workday (调休)."""

    __tablename__ = "calendar_days"
    day: dt.date = Field(primary_key=True)
    is_workday: bool
    name: str = Field(default="", max_length=64)
