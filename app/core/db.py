"""Engine and sessions: one transaction per request, committed or rolled back in one place."""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from app.core.config import get_settings
from app.core.nul import refuse_nul_text

WRITER = "roadchief_writer"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, decide when transactions begin.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            # FULL: a committed ledger event survives a power cut, not only a crash.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # Writers take the write lock up front, so two of them never fail on a lock
            # upgrade (SQLITE_BUSY_SNAPSHOT); readers stay deferred and never wait.
            writer = conn.get_execution_options().get(WRITER, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

        refuse_nul_text(engine)
        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    refuse_nul_text(engine)
    return engine


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


def writer(engine: Engine) -> Engine:
    """The engine as used by a transaction that will write."""
    return engine.execution_options(**{WRITER: True})


def get_session(request: Request) -> Iterator[Session]:
    """The request's session: commits when the handler returns, rolls back when it raises."""
    engine = get_engine() if request.method in SAFE_METHODS else writer(get_engine())
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """The same transaction rule for CLI commands and background jobs."""
    with Session(writer(engine or get_engine()), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


LEDGER_LOCK_KEY = 727_001


def lock_ledger(session: Session) -> None:
    """Serialise writers of the hash chain (SQLite already holds its write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.exec(text("SELECT pg_advisory_xact_lock(:k)").bindparams(k=LEDGER_LOCK_KEY))  # type: ignore[call-overload]


# Committed when the handler returns, before the response is sent (scope="function"): a
# client that refetches right after a POST sees its own write.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
