"""Bounded photo work: a slot per core, a memory budget, and a fast 503 instead of a hang."""

import threading
import time

import pytest

from app.core.config import get_settings
from app.core.errors import PayloadTooLarge, Unavailable
from app.photos import imaging
from app.photos.service import prepare_photos
from app.photos.workers import DECODE, RENDER, PhotoWorkers
from tests.photos.conftest import photo, upload
from tests.photos.test_validation import _png_declaring


def test_a_png_gets_a_far_smaller_pixel_cap_than_a_jpeg(monkeypatch) -> None:
    # A PNG decodes in full (a JPEG of the same size decodes at a fraction), so it has its own cap.
    monkeypatch.setenv("ROADCHIEF_MAX_PNG_PIXELS", "1000000")
    get_settings.cache_clear()
    try:
        with pytest.raises(PayloadTooLarge) as err:
            prepare_photos([upload(_png_declaring(1200, 1000), "big.png")])
        assert "PNG" in err.value.message
        [jpeg] = prepare_photos([upload(photo((1200, 1000)))])
        assert (jpeg.decoded.width, jpeg.decoded.height) == (1200, 1000)
    finally:
        get_settings.cache_clear()


def test_the_memory_a_decode_needs_is_known_from_the_header() -> None:
    jpeg = photo((4000, 3000))
    png = _png_declaring(4000, 3000)
    # JPEG decodes at 1/2 here (still >= 1600 px); PNG needs every pixel.
    assert imaging.decode_cost(jpeg) < 2000 * 1500 * 8 + len(jpeg) + 1
    assert imaging.decode_cost(png) >= 4000 * 3000 * 4
    assert imaging.decode_cost(b"not a photo") == 0


def test_a_saturated_server_says_busy_at_once_with_a_retry_time() -> None:
    workers = PhotoWorkers(slots=1, memory_bytes=10**9, max_wait_s=1.0)
    workers._job_s = 0.6  # as if each photo took 0.6 s
    hold, waiting = threading.Event(), threading.Event()

    def busy() -> None:
        with workers.slot():
            hold.wait(10)

    def queued() -> None:
        waiting.set()
        with workers.slot():
            pass

    first = threading.Thread(target=busy)
    first.start()
    time.sleep(0.05)
    second = threading.Thread(target=queued)
    second.start()
    waiting.wait(5)
    time.sleep(0.05)
    started = time.monotonic()
    with pytest.raises(Unavailable) as err, workers.slot():
        pass
    assert time.monotonic() - started < 0.1  # refused, not left to hang
    assert err.value.status_code == 503 and err.value.retry_after >= 1
    hold.set()
    first.join(5)
    second.join(5)
    with workers.slot():  # free again
        pass


def test_decodes_wait_for_the_memory_budget_and_copies_go_first() -> None:
    workers = PhotoWorkers(slots=4, memory_bytes=100, max_wait_s=10)
    order: list[str] = []
    release = threading.Event()

    def job(name: str, memory: int, priority: int) -> None:
        with workers.slot(memory, priority):
            order.append(name)
            if name == "big":
                release.wait(10)

    big = threading.Thread(target=job, args=("big", 80, DECODE))
    big.start()
    time.sleep(0.05)
    threads = [
        threading.Thread(target=job, args=("decode", 50, DECODE)),
        threading.Thread(target=job, args=("copies", 0, RENDER)),
    ]
    for t in threads:
        t.start()
        time.sleep(0.05)
    time.sleep(0.1)
    # Four slots are free, but the decode would pass the budget; the copies need no budget
    # and go first (they finish a report instead of starting one).
    assert order == ["big", "copies"]
    release.set()
    for t in [big, *threads]:
        t.join(5)
    assert order == ["big", "copies", "decode"]


def test_the_wait_is_estimated_from_cpu_time_not_from_a_crowded_slot() -> None:
    # In a burst, every slot's wall time stretches (uploads being parsed, other threads on the
    # same cores); only the CPU a job costs says how soon the queue drains.
    workers = PhotoWorkers(slots=1, memory_bytes=10**9, max_wait_s=2.0)
    for _ in range(10):
        with workers.slot():
            time.sleep(0.2)  # 0.2 s in the slot, next to no CPU
    assert workers._job_s < 0.05
    spin_until = time.thread_time() + 0.1
    with workers.slot():
        while time.thread_time() < spin_until:
            pass  # 0.1 s of CPU
    assert workers._job_s >= 0.1 * 0.2
