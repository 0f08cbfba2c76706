"""UTC everywhere in storage; local time only for display and business-time rules."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

_replayed_now: ContextVar[datetime | None] = ContextVar("replayed_now", default=None)


def utcnow() -> datetime:
    replayed = _replayed_now.get()
    if replayed is not None:
        return replayed
    from app.core.config import get_settings

    clock = get_settings().simulated_clock
    return _simulated(clock) if clock else datetime.now(UTC)


def _simulated(clock: str) -> datetime:
    """A rehearsal server's time (ROADCHIEF_SIMULATED_CLOCK, test environment only)."""
    sim, real, speed = _parsed(clock)
    return sim + timedelta(seconds=(datetime.now(UTC).timestamp() - real) * speed)


@lru_cache(maxsize=4)
def _parsed(clock: str) -> tuple[datetime, float, float]:
    from app.core.config import parse_simulated_clock

    return parse_simulated_clock(clock)


@contextmanager
def replay_at(moment: datetime) -> Iterator[None]:
    """Run the ordinary flows as if it were `moment`, for loading a history (the demo town):
    numbers, deadlines, ledger events and watermarks then agree with one another."""
    token = _replayed_now.set(as_utc(moment))
    try:
        yield
    finally:
        _replayed_now.reset(token)


def as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC on every backend and always returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else as_utc(value).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)
