"""Rate limits as a client meets them over time: refused when full, let in as the window slides."""

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from app.citizens import abuse
from app.citizens.models import RateCounter
from app.core.errors import TooManyRequests
from app.core.timeutil import utcnow


def test_the_window_slides_and_old_counters_are_purged(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = utcnow().replace(second=0, microsecond=0) + timedelta(minutes=1)
    clock = {"now": start}
    monkeypatch.setattr(abuse, "utcnow", lambda: clock["now"])
    limits = [(abuse.bucket("test", "10.0.0.1"), 3)]

    def at(seconds: float) -> int | None:
        """Ask at start + seconds; None when let in, else the Retry-After given."""
        clock["now"] = start + timedelta(seconds=seconds)
        try:
            abuse.check_rate(db, limits, 60)
        except TooManyRequests as refused:
            return int(refused.extra["retry_after"])
        return None

    assert [at(0.5), at(10.2), at(20.7)] == [None, None, None]
    # Full: the first request leaves the window at 61 s (counted at the end of its second).
    assert at(30) == 31
    assert at(60.5) == 1  # a refusal is not counted, and the first is still in the window
    assert at(61) is None
    assert at(62) is not None  # the one admitted at 61 s filled the window again
    assert at(71.5) is None  # the one of 10.2 s left at 71 s

    clock["now"] = start + timedelta(hours=1)
    abuse.purge(db)
    assert db.exec(select(RateCounter).where(RateCounter.bucket == limits[0][0])).all() == []
