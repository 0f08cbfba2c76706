"""Bounded photo work: one slot per core, a memory budget for decodes, a fast 503 when full.

Request threads do the work themselves once they hold a slot (Pillow releases the GIL while
decoding, resampling and encoding, so threads use every core; see bench/burst.py). Waiting
is first come, first served, except that a request finishing its copies goes before one that
has not decoded yet, so a burst drains report by report instead of all finishing at the end.
When the expected wait passes `photo_queue_max_wait_s`, the request is refused at once with
503 and a Retry-After: the phone's outbox retries later with the same Idempotency-Key.

The expected wait counts what the slot's work costs the CPU (the holding thread's CPU time),
not how long it held the slot: in a burst, upload parsing and other requests' threads share
the cores with the slots and stretch every job's wall time, and a wall-time estimate then
refused reports the server would have finished well within the limit (issue 8: 40 % 503s
at 100 concurrent). A wait that really runs past the limit is still refused at the deadline.
"""

import math
import os
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from app.core.config import get_settings
from app.core.errors import Unavailable

DECODE = 1  # priority: a new request's decode
RENDER = 0  # priority: copies of photos already decoded (drains the queue)


class PhotoWorkers:
    def __init__(self, slots: int, memory_bytes: int, max_wait_s: float) -> None:
        self.slots = max(1, slots)
        self.memory_bytes = memory_bytes
        self.max_wait_s = max_wait_s
        self._cond = threading.Condition()
        self._free_slots = self.slots
        self._free_memory = memory_bytes
        self._queues: tuple[deque[object], deque[object]] = (deque(), deque())
        # CPU seconds one job takes in its slot, smoothed; the first guess is one 12 MP report.
        self._job_s = 0.3

    def _waiting(self) -> int:
        return len(self._queues[0]) + len(self._queues[1])

    def expected_wait_s(self) -> float:
        with self._cond:
            return (self._waiting() + 1) * self._job_s / self.slots

    @contextmanager
    def slot(self, memory: int = 0, priority: int = DECODE) -> Iterator[None]:
        """Hold one core (and ``memory`` bytes of the budget) for the duration of the block."""
        # A job larger than the whole budget may still run, alone.
        cost = min(max(0, memory), self.memory_bytes)
        me = object()
        with self._cond:
            expected = (self._waiting() + 1) * self._job_s / self.slots
            if self._free_slots == 0 and expected > self.max_wait_s:
                raise self._busy(expected)
            queue = self._queues[priority]
            queue.append(me)
            deadline = time.monotonic() + self.max_wait_s
            try:
                while not (self._head() is me and self._free_slots and self._free_memory >= cost):
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise self._busy(self.max_wait_s)
                    self._cond.wait(remaining)
            finally:
                queue.remove(me)
                self._cond.notify_all()
            self._free_slots -= 1
            self._free_memory -= cost
        started = time.thread_time()
        try:
            yield
        finally:
            took = time.thread_time() - started
            with self._cond:
                self._free_slots += 1
                self._free_memory += cost
                self._job_s = 0.8 * self._job_s + 0.2 * took
                self._cond.notify_all()

    def _head(self) -> object | None:
        for queue in self._queues:
            if queue:
                return queue[0]
        return None

    def _busy(self, expected_s: float) -> Unavailable:
        retry = max(1, min(120, math.ceil(expected_s)))
        return Unavailable(
            "the server is busy with other photos; your report is kept on the phone and "
            "will be sent again",
            retry_after=retry,
        )


@lru_cache
def photo_workers() -> PhotoWorkers:
    settings = get_settings()
    return PhotoWorkers(
        settings.photo_workers or os.cpu_count() or 1,
        settings.photo_memory_mb * 1024 * 1024,
        settings.photo_queue_max_wait_s,
    )
