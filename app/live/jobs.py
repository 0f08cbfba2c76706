"""Periodic jobs and the live machinery's part of the app lifespan.

Every app process may run the escalation sweep; on PostgreSQL a transaction-scoped advisory
lock lets exactly one of them sweep at a time (the others skip that round), so the sweep is
safe on every node of a load-balanced deployment. SQLite is one process, and its write lock
serialises the sweep anyway.
"""

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.core.config import get_settings
from app.core.db import writer
from app.core.timeutil import utcnow
from app.live.broker import broker

log = logging.getLogger(__name__)

SWEEP_LOCK_KEY = 727_002


def sweep_once(engine: Engine, now: datetime | None = None) -> int | None:
    """One escalation sweep in its own transaction; None when another process holds the lock."""
    from app.tasks.service import escalate_overdue as escalate_overdue_tasks
    from app.tickets.flows import escalate_overdue

    # A write transaction from the start: it reads the overdue tickets, then escalates them.
    with Session(writer(engine), expire_on_commit=False) as session:
        try:
            if engine.dialect.name == "postgresql":
                got = session.execute(
                    text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": SWEEP_LOCK_KEY}
                ).scalar()
                if not got:
                    session.rollback()
                    return None
            count = escalate_overdue(session, now or utcnow())
            count += escalate_overdue_tasks(session, now or utcnow())
            session.commit()
            return count
        except BaseException:
            session.rollback()
            raise


async def run_sweeps(engine: Engine, interval_s: float) -> None:
    """Sweep every `interval_s` seconds until cancelled; a failed round is logged, not fatal."""
    while True:
        try:
            count = await asyncio.to_thread(sweep_once, engine)
            if count:
                log.info("escalation sweep: %d ticket(s) escalated", count)
        except Exception:
            log.exception("escalation sweep failed")
        await asyncio.sleep(interval_s)


def end_streams_on_exit() -> None:
    """Chain the server's SIGINT/SIGTERM handlers so that stopping also ends live streams.

    Uvicorn waits for open responses before it shuts down, and a live stream never finishes by
    itself; ending them lets the process stop at once (EventSource reconnects to another node
    and resumes by Last-Event-ID). Only possible from the main thread, where servers run.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous = signal.getsignal(sig)
        if not callable(previous) or getattr(previous, "ends_streams", False):
            continue

        def handler(signum: int, frame: Any, previous: Any = previous) -> None:
            broker.end_streams()
            previous(signum, frame)

        handler.ends_streams = True  # type: ignore[attr-defined]
        signal.signal(sig, handler)


@asynccontextmanager
async def live_lifespan(_app: Any = None) -> AsyncIterator[None]:
    """Start the broker (and its LISTEN thread on PostgreSQL) and the sweep loop; stop both."""
    await broker.start()
    end_streams_on_exit()
    interval = get_settings().sweep_interval_s
    from app.citizens.jobs import run_retention

    tasks = (
        [
            asyncio.create_task(run_sweeps(broker.get_engine(), interval)),
            asyncio.create_task(run_retention(broker.get_engine())),
        ]
        if interval > 0
        else []
    )
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await broker.stop()
