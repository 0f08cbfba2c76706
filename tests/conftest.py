"""Every test runs on SQLite and on the real PostgreSQL; schema built by the migrations.

Each test runs inside a transaction that is rolled back afterwards; the app's request
session joins it through a savepoint, so the app's own commit/rollback rules still apply.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.core.db import make_engine, writer
from app.core.migrate import upgrade
from tests.contract import same_json

same_json.install()  # every answer a test receives is the handler's own JSON, unfiltered

PG_ADMIN_URL = os.environ.get(
    "ROADCHIEF_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ["sqlite", "postgresql"]


def _pg_url(dbname: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + dbname


def create_database(backend: str, tmp_dir: Path) -> str:
    """A fresh, migrated, seeded database; returns its URL."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_dir / ('rc-' + uuid.uuid4().hex[:8] + '.db')}"
    else:
        name = "roadchief_test_" + uuid.uuid4().hex[:10]
        admin = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = _pg_url(name)
    upgrade(url)
    from app.core.db import session_scope
    from app.seed import seed_reference_data

    engine = make_engine(url)
    with session_scope(engine) as session:
        seed_reference_data(session)
    engine.dispose()
    return url


def drop_database(url: str) -> None:
    if not url.startswith("postgresql"):
        return
    name = url.rsplit("/", 1)[1]
    admin = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    url = create_database(request.param, tmp_path_factory.mktemp("db"))
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session whose work is rolled back after the test."""
    connection = writer(engine).connect()
    outer = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def storage_dir(tmp_path: Path) -> Path:
    path = tmp_path / "photos"
    path.mkdir()
    return path


@pytest.fixture
def app(db: Session, database_url: str, storage_dir: Path, monkeypatch: pytest.MonkeyPatch):
    from app.core.config import get_settings
    from app.core.db import GUARDED, get_engine, get_session, guard
    from app.main import create_app
    from app.notify.settings import get_notify_settings

    monkeypatch.setenv("ROADCHIEF_DATABASE_URL", database_url)
    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", f"file://{storage_dir}")
    monkeypatch.setenv("ROADCHIEF_ENVIRONMENT", "test")
    monkeypatch.setenv("ROADCHIEF_SWEEP_INTERVAL_S", "0")
    # The notification dispatcher and scans run only where a test starts them.
    monkeypatch.setenv("ROADCHIEF_NOTIFY_DISPATCH_INTERVAL_S", "0")
    monkeypatch.setenv("ROADCHIEF_NOTIFY_SCAN_INTERVAL_S", "0")
    get_settings.cache_clear()
    get_notify_settings.cache_clear()
    get_engine.cache_clear()
    application = create_app()

    def _session() -> Iterator[Session]:
        # Guarded like a real request session: writes only inside write_transaction.
        guard(db)
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise
        finally:
            db.info.pop(GUARDED, None)

    application.dependency_overrides[get_session] = _session
    yield application
    get_settings.cache_clear()
    get_notify_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture
def env(database_url: str, storage_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app fixture's settings without the app: for tests that call actions directly."""
    from app.core.config import get_settings

    monkeypatch.setenv("ROADCHIEF_DATABASE_URL", database_url)
    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", f"file://{storage_dir}")
    monkeypatch.setenv("ROADCHIEF_ENVIRONMENT", "test")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests share one xdist worker: they run one after another, beside the rest.

    A browser test that fails is run once more before it counts as failed: on a loaded 2-core
    machine the console map's zoom-to-ticket has timed out about once in six module runs (never
    alone). The rerun is printed as RERUN in the report, so a flake stays visible.
    """
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))


@pytest.fixture
def no_stray_writes() -> Iterator[None]:
    """Fail the test if a request wrote outside `write_transaction` (app/core/db.py).

    Autoused by the domains that keep to the rule (their conftest.py); the warning is recorded
    from every thread (the app's handlers run in the thread pool), not turned into an error
    inside the handler, so the failure names the write instead of showing up as a 500.
    """
    import warnings

    from app.core.db import WriteOutsideTransaction

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", WriteOutsideTransaction)
        yield
    stray = [w for w in caught if issubclass(w.category, WriteOutsideTransaction)]
    for w in caught:  # the others go on to pytest's own summary
        if w not in stray:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    assert not stray, (
        f"{len(stray)} write(s) outside write_transaction; run with "
        "-W error::app.core.db.WriteOutsideTransaction to see where"
    )
