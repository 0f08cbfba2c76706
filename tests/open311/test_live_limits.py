"""Open311's read limit holds across the app processes of one deployment (a real server)."""

import concurrent.futures
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import create_database, drop_database
from tests.load.harness import LiveServer, setup_database

pytestmark = pytest.mark.xdist_group("load")
LIMIT = 30


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`roadchief serve --workers 2` on PostgreSQL, as a city runs it."""
    var: Path = tmp_path_factory.mktemp("open311-live")
    url = create_database("postgresql", var)
    setup_database(url)
    server = LiveServer(
        url,
        var,
        workers=2,
        env_extra={"ROADCHIEF_CITIZEN_OPEN311_REQUESTS_PER_MINUTE": str(LIMIT)},
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()
        drop_database(url)


def test_the_read_limit_is_shared_by_every_worker(two_workers: LiveServer) -> None:
    def read(_: int) -> tuple[int, str | None]:
        # A new connection each time, so the requests spread over both workers.
        r = httpx.get(f"{two_workers.url}/open311/v2/services.json", timeout=60)
        return r.status_code, r.headers.get("Retry-After")

    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(read, range(3 * LIMIT)))
    statuses = Counter(status for status, _ in answers)
    assert statuses == {200: LIMIT, 429: 2 * LIMIT}, statuses
    waits = [int(wait) for status, wait in answers if status == 429 and wait is not None]
    assert len(waits) == 2 * LIMIT and all(0 < w <= 61 for w in waits), waits
