"""The retention job: erase reporters' contact details after the retention period, and forget
rate-limit rows and spent proofs-of-work that can no longer matter.

Like the escalation sweep (app.live.jobs) it may run on every app process: on PostgreSQL a
transaction-scoped advisory lock lets one of them work per round, the others skip it.
"""

import asyncio
import logging
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.citizens import abuse
from app.citizens.service import erase_expired_contacts
from app.core.db import writer

log = logging.getLogger(__name__)

RETENTION_LOCK_KEY = 727_011
INTERVAL_S = 3600


def retention_once(engine: Engine, now: datetime | None = None) -> int | None:
    """One round in its own short transaction; None when another process holds the lock."""
    with Session(writer(engine), expire_on_commit=False) as session:
        try:
            if engine.dialect.name == "postgresql":
                got = session.execute(
                    text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": RETENTION_LOCK_KEY}
                ).scalar()
                if not got:
                    session.rollback()
                    return None
            erased = erase_expired_contacts(session, now)
            abuse.purge(session)
            session.commit()
            return erased
        except BaseException:
            session.rollback()
            raise


async def run_retention(engine: Engine, interval_s: float = INTERVAL_S) -> None:
    """Every `interval_s` seconds until cancelled; a failed round is logged, not fatal."""
    while True:
        try:
            erased = await asyncio.to_thread(retention_once, engine)
            if erased:
                log.info("retention: contact details of %d report(s) erased", erased)
        except Exception:
            log.exception("citizen retention job failed")
        await asyncio.sleep(interval_s)
