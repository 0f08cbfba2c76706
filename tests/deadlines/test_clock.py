"""The business-time clock, checked against hand-computed deadlines (Asia/Shanghai, UTC+8)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event
from sqlmodel import Session

from app.deadlines.clock import BusinessClock, compute_due, elapsed_fraction, warning_light
from app.deadlines.models import CalendarDay, LimitUnit

SH = ZoneInfo("Asia/Shanghai")
WH, WD, H = LimitUnit.work_hours, LimitUnit.work_days, LimitUnit.hours


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    """A Shanghai wall-clock time as the aware UTC datetime the clock takes."""
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=SH).astimezone(dt.UTC)


@pytest.mark.parametrize(
    ("start", "value", "unit", "due"),
    [
        # Wednesday 11:00 + 2 working hours: one before lunch, one after.
        (local(2025, 11, 26, 11), 2, WH, local(2025, 11, 26, 15)),
        # Friday 16:30 + 4 working hours: 1 h on Friday, 3 h on Monday morning.
        (local(2025, 11, 28, 16, 30), 4, WH, local(2025, 12, 1, 11, 30)),
        # Before work starts, the clock starts at 08:30.
        (local(2025, 12, 1, 7), 1, WH, local(2025, 12, 1, 9, 30)),
        # Reported during lunch, the clock starts at 14:00.
        (local(2025, 12, 1, 12, 30), 1, WH, local(2025, 12, 1, 15)),
        # Running out exactly at 17:30 is due at 17:30, not the next morning.
        (local(2025, 12, 1, 16, 30), 1, WH, local(2025, 12, 1, 17, 30)),
        # Reported at 10:00 on Friday with 1 working day: end of Monday's work.
        (local(2025, 11, 28, 10), 1, WD, local(2025, 12, 1, 17, 30)),
        # Reported on a Saturday: Monday is the first working day after it.
        (local(2025, 11, 29, 10), 1, WD, local(2025, 12, 1, 17, 30)),
        # 国庆 2025: 1–8 October off, so the day after 30 September is 9 October.
        (local(2025, 9, 30, 10), 1, WD, local(2025, 10, 9, 17, 30)),
        # ...and Saturday 11 October is a 调休 make-up workday.
        (local(2025, 9, 30, 10), 3, WD, local(2025, 10, 11, 17, 30)),
        # Working hours run on into the 调休 Saturday morning.
        (local(2025, 10, 10, 16), 2, WH, local(2025, 10, 11, 9)),
        # Working hours skip the whole holiday: 30 Sept 17:00 + 1 h → 9 Oct 09:00.
        (local(2025, 9, 30, 17), 1, WH, local(2025, 10, 9, 9)),
        # Sunday 28 September 2025 was a 调休 workday too.
        (local(2025, 9, 27, 9), 1, WD, local(2025, 9, 28, 17, 30)),
        # Urgent things count natural hours, holiday or not, night or day.
        (local(2025, 10, 4, 22), 2, H, local(2025, 10, 5, 0)),
    ],
)
def test_compute_due(db: Session, start, value, unit, due) -> None:
    assert compute_due(db, start, value, unit) == due
    assert BusinessClock(db).compute_due(start, value, unit) == due


def test_due_dates_are_aware_utc(db: Session) -> None:
    due = compute_due(db, local(2025, 11, 26, 11), 2, WH)
    assert due.utcoffset() == dt.timedelta(0)
    assert due == dt.datetime(2025, 11, 26, 7, tzinfo=dt.UTC)


def test_admin_added_holiday_moves_deadline_in_same_session(db: Session) -> None:
    start = local(2025, 11, 28, 10)
    assert compute_due(db, start, 1, WD) == local(2025, 12, 1, 17, 30)
    db.add(CalendarDay(day=dt.date(2025, 12, 1), is_workday=False, name="临时停工"))
    db.flush()
    assert compute_due(db, start, 1, WD) == local(2025, 12, 2, 17, 30)


def test_admin_added_makeup_saturday_counts(db: Session) -> None:
    db.add(CalendarDay(day=dt.date(2025, 11, 29), is_workday=True, name="调休"))
    db.flush()
    assert compute_due(db, local(2025, 11, 28, 17), 1, WH) == local(2025, 11, 29, 9)


def test_business_fraction_ignores_nights_and_weekends(db: Session) -> None:
    start = local(2025, 11, 28, 10)  # Friday; 1 working day → Monday 17:30
    due = compute_due(db, start, 1, WD)
    # Friday 10:00–17:30 is 5.5 working hours of 12.5; the weekend adds nothing.
    friday_share = pytest.approx(5.5 / 12.5)
    assert elapsed_fraction(db, start, due, local(2025, 11, 29, 12), WD) == friday_share
    assert elapsed_fraction(db, start, due, local(2025, 12, 1, 8), WD) == friday_share
    assert elapsed_fraction(db, start, due, due, WD) == pytest.approx(1.0)


# 10 working hours from Monday 08:30: 7 h on Monday, due Tuesday 11:30; 80 % (8 h) is Tuesday 09:30.
LIGHT_START = local(2025, 12, 1, 8, 30)
LIGHT_DUE = local(2025, 12, 2, 11, 30)


@pytest.mark.parametrize(
    ("now", "light"),
    [
        (local(2025, 12, 1, 20), "green"),  # evening: 7 h of 10 used, the night is free
        (local(2025, 12, 2, 9, 29), "green"),
        (local(2025, 12, 2, 9, 30), "yellow"),  # exactly 80 %
        (local(2025, 12, 2, 11, 30), "yellow"),  # exactly due
        (local(2025, 12, 2, 11, 30, 1), "red"),  # one second late
        (local(2025, 12, 2, 13), "red"),  # late even though lunch adds no working time
    ],
)
def test_warning_light_work_hours(db: Session, now: dt.datetime, light: str) -> None:
    assert compute_due(db, LIGHT_START, 10, WH) == LIGHT_DUE
    assert warning_light(db, LIGHT_START, LIGHT_DUE, now, WH) == light


@pytest.mark.parametrize(
    ("minutes", "light"),
    [(0, "green"), (95, "green"), (96, "yellow"), (120, "yellow"), (121, "red")],
)
def test_warning_light_natural_hours(db: Session, minutes: int, light: str) -> None:
    start = local(2025, 10, 1, 23)  # a holiday night: natural hours still run
    due = compute_due(db, start, 2, H)
    now = start + dt.timedelta(minutes=minutes)
    assert warning_light(db, start, due, now, H) == light


def test_clock_loads_calendar_once_per_year(db: Session) -> None:
    clock = BusinessClock(db)
    queries: list[str] = []
    conn = db.connection()
    event.listen(conn, "before_cursor_execute", lambda *a: queries.append(a[2]))
    for day in range(1, 29):
        clock.compute_due(local(2025, 11, day, 9), 3, WD)
        clock.warning_light(local(2025, 11, day, 9), local(2025, 12, 31), local(2025, 12, 1), WD)
    assert len(queries) == 1
