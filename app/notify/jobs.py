"""The notification machinery's part of the app lifespan: the dispatcher and the scans.

Every process dispatches (claims keep them apart). The scans take a PostgreSQL advisory lock
so one process at a time makes scheduled notices; SQLite is one process and its write lock.
"""

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.core.db import get_engine, writer
from app.core.timeutil import utcnow
from app.notify.dispatcher import run_dispatcher
from app.notify.keys import vapid_keys
from app.notify.scheduled import SCANS, Scan, scan_all
from app.notify.settings import get_notify_settings

log = logging.getLogger(__name__)

SCAN_LOCK_KEY = 727_005


def scan_once(
    engine: Engine, now: dt.datetime | None = None, scans: tuple[Scan, ...] = SCANS
) -> int | None:
    """One round of scheduled notices; None when another process holds the lock."""
    with Session(writer(engine), expire_on_commit=False) as session:
        try:
            if engine.dialect.name == "postgresql":
                got = session.execute(
                    text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": SCAN_LOCK_KEY}
                ).scalar()
                if not got:
                    session.rollback()
                    return None
            made = scan_all(session, now or utcnow(), scans)
            session.commit()
            return made
        except BaseException:
            session.rollback()
            raise


async def run_scans(engine: Engine, interval_s: float, scans: tuple[Scan, ...]) -> None:
    while True:
        try:
            made = await asyncio.to_thread(scan_once, engine, None, scans)
            if made:
                log.info("scheduled notices: %d queued", made)
        except Exception:
            log.exception("scheduled notice scan failed")
        await asyncio.sleep(interval_s)


def ensure_keys(engine: Engine) -> None:
    with Session(writer(engine)) as session:
        vapid_keys(session)
        session.commit()


@asynccontextmanager
async def notify_lifespan(_app: Any = None, scans: tuple[Scan, ...] = SCANS) -> AsyncIterator[None]:
    """Make the VAPID keys on first start; run the dispatcher and the scans until shutdown
    (notify's own, and those other domains hand it, e.g. the bulletin's: app.main)."""
    settings = get_notify_settings()
    engine = get_engine()
    tasks: list[asyncio.Task[None]] = []
    if settings.dispatch_interval_s > 0:
        await asyncio.to_thread(ensure_keys, engine)
        tasks.append(asyncio.create_task(run_dispatcher(engine)))
    if settings.scan_interval_s > 0:
        tasks.append(asyncio.create_task(run_scans(engine, settings.scan_interval_s, scans)))
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
