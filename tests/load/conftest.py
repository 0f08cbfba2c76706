"""A real server per database for the load tests: SQLite with one process, PostgreSQL with two."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, create_database, drop_database
from tests.load.harness import LiveServer, phone_photo, setup_database


@pytest.fixture(scope="session")
def photo_12mp() -> bytes:
    return phone_photo(seed=8)


def start_server(backend: str, var: Path) -> tuple[LiveServer, str]:
    url = create_database(backend, var)
    setup_database(url)
    # PostgreSQL as a city runs it: several app processes on one database.
    server = LiveServer(url, var, workers=2 if backend == "postgresql" else 1)
    return server, url


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    server, url = start_server(request.param, tmp_path_factory.mktemp(f"live-{request.param}"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        drop_database(url)
