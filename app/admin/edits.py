"""What an admin may send to change categories, the calendar, and filed tickets' owners."""

import datetime as dt
from typing import Annotated

from pydantic import Field

from app.core.edits import Keep, Strict
from app.deadlines.models import LimitUnit


class CategoryUpdate(Strict):
    limit_value: Keep[Annotated[int, Field(ge=1, le=1000)]] = None
    limit_unit: Keep[Annotated[LimitUnit, Field(strict=False)]] = None
    department_id: int | None = Field(default=None, description="null: no lead department")
    active: Keep[bool] = None


class CalendarDayIn(Strict):
    day: Annotated[dt.date, Field(strict=False)]
    is_workday: bool
    name: str = Field(default="", max_length=64)


class RerouteIn(Strict):
    expected: int = Field(ge=0)
