"""Simulated time: a fixed linear map from the real clock, shared with a rehearsal server.

The server started by `roadchief simulate` gets the same map (ROADCHIEF_SIMULATED_CLOCK), so
its deadlines, warning lights and escalations run on the simulated week. Against a running
deployment only the plan is compressed: the server keeps the real time.
"""

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Shanghai")
DAY = 86_400.0
HOUR = 3_600.0


def week_start(now: datetime) -> datetime:
    """The next Monday 00:00 in local time (a county's week starts on Monday)."""
    local = now.astimezone(LOCAL)
    monday = (local + timedelta(days=(7 - local.weekday()) % 7 or 7)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return monday.astimezone(UTC)


@dataclass(frozen=True)
class SimClock:
    """`start` is the week's Monday 00:00; at real unix time `real0` it is start + `offset0`."""

    start: datetime
    real0: float
    offset0: float
    speed: float

    @classmethod
    def begin(cls, speed: float, offset0: float, at: float | None = None) -> "SimClock":
        """The week after now; simulated `offset0` at real unix time `at` (default: now)."""
        real = time.time() if at is None else at
        return cls(week_start(datetime.fromtimestamp(time.time(), UTC)), real, offset0, speed)

    def offset(self, real: float | None = None) -> float:
        """Simulated seconds since Monday 00:00."""
        return self.offset0 + ((time.time() if real is None else real) - self.real0) * self.speed

    def at(self, offset: float) -> datetime:
        return self.start + timedelta(seconds=offset)

    def now(self) -> datetime:
        return self.at(self.offset())

    def real_of(self, offset: float) -> float:
        return self.real0 + (offset - self.offset0) / self.speed

    def sleep_until(self, offset: float) -> None:
        delay = self.real_of(offset) - time.time()
        if delay > 0:
            time.sleep(delay)

    def env(self) -> str:
        """ROADCHIEF_SIMULATED_CLOCK for a rehearsal server: the same map."""
        return f"{self.at(self.offset0).isoformat()},{self.real0!r},{self.speed!r}"

    @staticmethod
    def label(offset: float) -> str:
        """'D2 09:15' — day of the week (1 = Monday) and local time."""
        day, rest = divmod(int(offset), int(DAY))
        return f"D{day + 1} {rest // 3600:02d}:{rest % 3600 // 60:02d}"
