"""Engine and sessions: reads never lock; every write is a short transaction of its own.

How a request touches the database (the rule every endpoint follows):

1. **Read** through the request's session (`SessionDep`): sign-in, loading the ticket,
   permission and state checks. This is a plain deferred transaction: on SQLite it never
   takes the write lock, on PostgreSQL it holds no lock. A 401/403/404/409 costs no lock.
2. **Prepare** everything slow with no transaction open: photo decoding and copies
   (`app.photos.service`), password hashing, rendering, remote calls.
3. **Record** in ``with write_transaction(session):`` — re-read what the decision depends on
   (``session.refresh(ticket, with_for_update=True)``, then check the state again: another
   request may have moved it meanwhile), add the rows, append the ledger events. This block
   takes SQLite's write lock (``BEGIN IMMEDIATE``) or the PostgreSQL ledger advisory lock and
   must last milliseconds: no decoding, hashing, storage writes or HTTP calls in it.

Handlers do not write these steps out: every write is an action (``<domain>/actions.py``)
run by `app.core.actions.run`, which does read → prepare → ``write_transaction`` with the
Idempotency-Key, the fingerprint, the replay check and the relock in one place.

Why the write runs inside the handler's call and not in a dependency: FastAPI runs
each sync dependency in its own trip through the thread pool. A lock taken in one dependency
and released in a later one is held while the request waits for a thread, and when every
thread waits for that lock the server stalls for the busy timeout (issue 8's 500s).

A flush outside ``write_transaction`` on a request session warns `WriteOutsideTransaction`
(pytest lists it): it still works, committed when the request ends, but on SQLite a deferred
transaction that read first and then writes fails with SQLITE_BUSY under concurrency (answered
503 + Retry-After) and holds the write lock until the request's teardown. Move such writes
into ``write_transaction``.
CLI commands and background jobs use `session_scope`, which is a write transaction from its
first statement (they hold it briefly and there is no thread pool to starve).
"""

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, create_engine

from app.core.config import get_settings
from app.core.nul import refuse_nul_text

WRITER = "roadchief_writer"
# session.info keys: a request session guarded against stray writes, and whether a
# write_transaction is open on it.
GUARDED = "roadchief_guarded"
WRITING = "roadchief_writing"
# session.info key: callbacks to run once the write transaction has committed (`on_commit`).
AFTER_COMMIT = "roadchief_after_commit"


class WriteOutsideTransaction(RuntimeWarning):
    """A request session wrote outside `write_transaction` (see the module docstring)."""


def make_engine(url: str) -> Engine:
    threads = get_settings().threads
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            # One connection per request thread, and more when requests between two trips
            # through the thread pool still hold one (a file handle each; the write lock,
            # not the pool, is what writers queue for): nobody waits for the pool.
            pool_size=threads,
            max_overflow=-1,
        )

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
    # As many connections as threads that can use one, but only a few kept open when idle
    # (one PostgreSQL serves several app processes).
    idle = max(2, threads // 4)
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=idle, max_overflow=max(0, threads + 4 - idle)
    )
    refuse_nul_text(engine)
    return engine


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


def writer(engine: Engine) -> Engine:
    """The engine as used by a transaction that will write."""
    return engine.execution_options(**{WRITER: True})


@event.listens_for(OrmSession, "before_flush")
def _refuse_stray_writes(session: OrmSession, _context: Any, _instances: Any) -> None:
    if session.info.get(GUARDED) and not session.info.get(WRITING):
        warnings.warn(
            "a request session should write only inside `with write_transaction(session):` "
            "(see app/core/db.py)",
            WriteOutsideTransaction,
            stacklevel=2,
        )


def on_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the current write transaction commits; forget it on rollback.

    For what must follow a write but not hold its lock: clearing a cache (routing's road
    index), waking a dispatcher. The callback must not use the session: the transaction is
    over when it runs. Zulip's ``send_event_on_commit`` is the same idea.
    """
    callbacks: list[Callable[[], None]] = session.info.setdefault(AFTER_COMMIT, [])
    callbacks.append(callback)


def _run_after_commit(session: OrmSession) -> None:
    for callback in session.info.pop(AFTER_COMMIT, []):
        callback()


@event.listens_for(OrmSession, "after_commit")
def _after_commit(session: OrmSession) -> None:
    _run_after_commit(session)


@event.listens_for(OrmSession, "after_soft_rollback")
def _after_soft_rollback(session: OrmSession, previous: Any) -> None:
    if previous.parent is None:  # only the outermost rollback discards what was queued
        session.info.pop(AFTER_COMMIT, None)


def guard(session: Session) -> None:
    """Mark a session as a request session: reads anywhere, writes only in write_transaction."""
    session.info[GUARDED] = True


def release_reads(session: Session) -> None:
    """End the read transaction so its connection goes back to the pool.

    Called where a request is about to wait — for a thread after its sign-in dependencies,
    for a photo slot before its photo work: a connection held while waiting is one another
    request cannot use (issue 8: 100 reports exhausted a pool of 44). Objects loaded stay
    usable (``expire_on_commit=False``); the next read takes a connection again.
    """
    if session.info.get(WRITING) or session.new or session.dirty or session.deleted:
        return
    if session.in_transaction() and not session.in_nested_transaction():
        session.commit()


def get_session() -> Iterator[Session]:
    """The request's session: reads only, until the handler opens `write_transaction`."""
    with Session(get_engine(), expire_on_commit=False) as session:
        guard(session)
        try:
            yield session
            session.commit()  # ends the read transaction; nothing is pending by construction
        except BaseException:
            session.rollback()
            raise


@contextmanager
def write_transaction(session: Session) -> Iterator[Session]:
    """A short write transaction on the request's session: commits on exit, rolls back on error.

    The read transaction before it is ended first, so objects loaded earlier may be stale:
    refresh (with ``with_for_update=True``) whatever the write depends on.
    """
    if session.info.get(WRITING):
        raise RuntimeError("write_transaction is not re-entrant")
    session.info[WRITING] = True
    try:
        if session.in_nested_transaction():
            # Only tests run requests inside a savepoint of theirs: join it with one more,
            # and count its release as the commit.
            try:
                with session.begin_nested():
                    yield session
            except BaseException:
                session.info.pop(AFTER_COMMIT, None)
                raise
            _run_after_commit(session)
            return
        session.commit()
        session.connection(execution_options={WRITER: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
    finally:
        session.info[WRITING] = False


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One write transaction for a CLI command or a background job."""
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


# Ended when the handler returns, before the response is sent (scope="function").
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
