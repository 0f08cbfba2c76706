"""The business-time clock: deadlines in working hours, working days or natural hours.

Working time is the configured periods (settings.workday_periods, local time) on workdays.
A day is a workday if a CalendarDay row says so (holiday, or 调休 make-up workday), else
Monday–Friday. All datetimes in and out are aware UTC.
"""

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from app.core.config import get_settings
from app.core.timeutil import as_utc
from app.deadlines.models import CalendarDay, LimitUnit

Light = Literal["green", "yellow", "red"]

YELLOW_AT = 0.8
_CACHE_KEY = "business_clock"


def parse_periods(spec: str) -> list[tuple[dt.time, dt.time]]:
    """Parse "08:30-12:00,14:00-17:30" into ordered (start, end) local times."""
    periods = []
    for part in spec.split(","):
        start, _, end = part.strip().partition("-")
        a, b = dt.time.fromisoformat(start.strip()), dt.time.fromisoformat(end.strip())
        if b <= a:
            raise ValueError(f"working period {part!r} ends before it starts")
        periods.append((a, b))
    periods.sort()
    for (_, prev_end), (next_start, _) in pairwise(periods):
        if next_start < prev_end:
            raise ValueError(f"working periods overlap in {spec!r}")
    return periods


class BusinessClock:
    """Loads the holiday calendar a year at a time, once, so a page of tickets stays cheap."""

    def __init__(self, session: Session, periods: str | None = None, tz: str | None = None):
        settings = get_settings()
        self.session = session
        self.tz = ZoneInfo(tz or settings.timezone)
        self.periods = parse_periods(periods or settings.workday_periods)
        self._years: dict[int, dict[dt.date, bool]] = {}

    @classmethod
    def for_session(cls, session: Session) -> "BusinessClock":
        """The session's shared clock (dropped when the session flushes calendar changes)."""
        clock = session.info.get(_CACHE_KEY)
        if clock is None:
            clock = session.info[_CACHE_KEY] = cls(session)
        return clock

    def is_workday(self, day: dt.date) -> bool:
        overrides = self._years.get(day.year)
        if overrides is None:
            rows = self.session.exec(
                select(CalendarDay).where(
                    CalendarDay.day >= dt.date(day.year, 1, 1),
                    CalendarDay.day <= dt.date(day.year, 12, 31),
                )
            )
            overrides = self._years[day.year] = {r.day: r.is_workday for r in rows}
        return overrides.get(day, day.weekday() < 5)

    def _periods_from(self, start: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """Working periods (aware local) that end after `start`, in order, forever."""
        local = as_utc(start).astimezone(self.tz)
        day = local.date()
        while True:
            if self.is_workday(day):
                for a, b in self.periods:
                    end = dt.datetime.combine(day, b, self.tz)
                    if end > local:
                        yield max(dt.datetime.combine(day, a, self.tz), local), end
            day += dt.timedelta(days=1)

    def add_working_time(self, start: dt.datetime, amount: dt.timedelta) -> dt.datetime:
        """The moment `amount` of working time after `start` (17:30 if it runs out at 17:30)."""
        if amount <= dt.timedelta(0):
            return as_utc(start)
        remaining = amount
        for a, b in self._periods_from(start):
            if remaining <= b - a:
                return as_utc(a + remaining)
            remaining -= b - a
        raise AssertionError("unreachable")  # pragma: no cover

    def end_of_workdays(self, start: dt.datetime, days: int) -> dt.datetime:
        """End of work on the Nth workday after the local day of `start`."""
        if days <= 0:
            return as_utc(start)
        day = as_utc(start).astimezone(self.tz).date()
        while days:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                days -= 1
        return as_utc(dt.datetime.combine(day, self.periods[-1][1], self.tz))

    def working_time(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Working time between two moments (zero if `end` is not after `start`)."""
        end_local = as_utc(end).astimezone(self.tz)
        total = dt.timedelta(0)
        if end_local <= as_utc(start):
            return total
        for a, b in self._periods_from(start):
            if a >= end_local:
                break
            total += min(b, end_local) - a
        return total

    def compute_due(self, start: dt.datetime, value: int, unit: LimitUnit) -> dt.datetime:
        """The deadline for a limit of `value` `unit`s counted from `start`."""
        match LimitUnit(unit):
            case LimitUnit.hours:
                return as_utc(start) + dt.timedelta(hours=value)
            case LimitUnit.work_hours:
                return self.add_working_time(start, dt.timedelta(hours=value))
            case LimitUnit.work_days:
                return self.end_of_workdays(start, value)

    def elapsed_fraction(
        self, start: dt.datetime, due: dt.datetime, now: dt.datetime, unit: LimitUnit
    ) -> float:
        """How much of the limit has been used: business time for work_* units, else natural."""
        if LimitUnit(unit) == LimitUnit.hours:
            total = as_utc(due) - as_utc(start)
            used = as_utc(now) - as_utc(start)
        else:
            total = self.working_time(start, due)
            used = self.working_time(start, now)
        if total <= dt.timedelta(0):
            return 1.0 if as_utc(now) >= as_utc(due) else 0.0
        return max(used / total, 0.0)

    def warn_at(self, start: dt.datetime, due: dt.datetime, unit: LimitUnit) -> dt.datetime:
        """When the light turns yellow: the first moment YELLOW_AT of the limit is used."""
        if LimitUnit(unit) == LimitUnit.hours:
            return as_utc(start) + (as_utc(due) - as_utc(start)) * YELLOW_AT
        total = self.working_time(start, due)
        if total <= dt.timedelta(0):
            return as_utc(due)
        return self.add_working_time(start, total * YELLOW_AT)

    def deadline(
        self, start: dt.datetime, value: int, unit: LimitUnit
    ) -> tuple[dt.datetime, dt.datetime]:
        """(due_at, warn_at) of a limit started at `start`: kept on the ticket, so the map's SQL
        lights a ticket yellow at the same moment as its page (see console.summary)."""
        due = self.compute_due(start, value, unit)
        return due, self.warn_at(start, due, unit)

    def warning_light(
        self, start: dt.datetime, due: dt.datetime, now: dt.datetime, unit: LimitUnit
    ) -> Light:
        """Green below 80 % of the limit, yellow up to the deadline, red past it."""
        if as_utc(now) > as_utc(due):
            return "red"
        return "yellow" if as_utc(now) >= self.warn_at(start, due, unit) else "green"

    def end_of_work(self, day: dt.date) -> dt.datetime:
        """End of work on `day`, or on the last workday before it (a task's milestone)."""
        for _ in range(60):
            if self.is_workday(day):
                return as_utc(dt.datetime.combine(day, self.periods[-1][1], self.tz))
            day -= dt.timedelta(days=1)
        raise ValueError("no workday in the 60 days before the date")


def is_overdue(due_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Past its deadline (a light is red): strictly after due_at."""
    return due_at is not None and as_utc(now) > as_utc(due_at)


def overdue_clause(due_at: Any, now: dt.datetime) -> Any:
    """`is_overdue` in SQL, on a deadline column (the caller adds which states are open)."""
    return and_(due_at.is_not(None), due_at < now)


def escalation_level(start: dt.datetime, due: dt.datetime, now: dt.datetime) -> int:
    """How many levels up something overdue should be (督办): one when its deadline passes,
    one more per further time limit it overruns (a limit counted as at least an hour);
    0 while it is not overdue. Tickets and tasks are swept by this one rule."""
    if not is_overdue(due, now):
        return 0
    span = max(as_utc(due) - as_utc(start), dt.timedelta(hours=1))
    return 1 + int((as_utc(now) - as_utc(due)) / span)


@event.listens_for(OrmSession, "after_flush")
def _drop_stale_clock(session: OrmSession, _context: Any) -> None:
    # An admin who edits the calendar must see new deadlines in the same session.
    if _CACHE_KEY in session.info and any(
        isinstance(obj, CalendarDay) for obj in (*session.new, *session.dirty, *session.deleted)
    ):
        del session.info[_CACHE_KEY]


def compute_due(session: Session, start: dt.datetime, value: int, unit: LimitUnit) -> dt.datetime:
    return BusinessClock.for_session(session).compute_due(start, value, unit)


def elapsed_fraction(
    session: Session, start: dt.datetime, due: dt.datetime, now: dt.datetime, unit: LimitUnit
) -> float:
    return BusinessClock.for_session(session).elapsed_fraction(start, due, now, unit)


def warning_light(
    session: Session, start: dt.datetime, due: dt.datetime, now: dt.datetime, unit: LimitUnit
) -> Light:
    return BusinessClock.for_session(session).warning_light(start, due, now, unit)
