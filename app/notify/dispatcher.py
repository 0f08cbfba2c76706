"""The dispatcher: drains the outbox in every server process, sending outside transactions.

One round: (1) claim due notifications in a short transaction — `FOR UPDATE SKIP LOCKED` on
PostgreSQL so processes never take the same row; on SQLite the claiming transaction holds the
write lock (BEGIN IMMEDIATE), which serialises claimers; (2) send them from a bounded thread
pool with no transaction open; (3) record every outcome in one short transaction. A claim
expires after `claim_s`: a process killed mid-send leaves its rows to be taken over, so a
committed notification is always sent (at least once; the stable message id lets a receiver
drop a repeat). Failures retry with exponential backoff and jitter; after `max_attempts` a
notification is dead and shows in the admins' delivery log.
"""

import asyncio
import contextlib
import datetime as dt
import logging
import os
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import urllib3
from sqlalchemy import bindparam, delete, insert, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app.core.db import writer
from app.core.outbound import Refused
from app.core.timeutil import utcnow
from app.notify.channels import Http, Message, Outcome, Subscription, senders
from app.notify.keys import vapid_keys
from app.notify.models import (
    Channel,
    DeliveryAttempt,
    DeliveryStatus,
    Notification,
    PersonalKind,
    PushSubscription,
)
from app.notify.outbox import expand
from app.notify.settings import NotifySettings, get_notify_settings
from app.org.models import User

log = logging.getLogger(__name__)
POISON_RETRY_S = 300.0


def lower_priority() -> None:
    """Run this thread at a lower CPU priority (Linux: per thread), so that on a busy machine
    requests such as ticket POSTs go first; a notification may wait a few seconds, a chief
    filing a ticket should not."""
    nice = get_notify_settings().nice
    if nice and hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)


def backoff(attempt: int, settings: NotifySettings, rnd: random.Random | None = None) -> float:
    """Seconds before try `attempt + 1`: exponential, capped, with ±50 % jitter."""
    base = min(settings.backoff_cap_s, settings.backoff_base_s * 2 ** (attempt - 1))
    return base * (rnd or random).uniform(0.5, 1.5)


def _due(now: dt.datetime) -> Any:
    t = Notification.__table__.c  # type: ignore[attr-defined]
    return or_(
        (t.status == DeliveryStatus.queued) & (t.next_attempt_at <= now),
        (t.status == DeliveryStatus.sending) & (t.claimed_until < now),
    )


def claim(engine: Engine, limit: int, now: dt.datetime | None = None) -> list[Message]:
    """Take up to `limit` due notifications for this process and snapshot what sending needs.

    One statement claims them (UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED LIMIT n)
    RETURNING …), so a round costs the database a few statements whatever its size; an idle
    poll is one indexed read that takes no lock (on SQLite, no write lock).
    """
    settings = get_notify_settings()
    now = now or utcnow()
    t = Notification.__table__  # type: ignore[attr-defined]
    with engine.connect() as peek:
        if peek.execute(select(t.c.id).where(_due(now)).limit(1)).first() is None:
            return []
    due = (
        select(t.c.id)
        .where(_due(now))
        .order_by(t.c.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .cte("due")
    )
    claimed = (
        update(t)
        .where(t.c.id == due.c.id)
        .values(
            status=DeliveryStatus.sending,
            claimed_until=now + dt.timedelta(seconds=settings.claim_s),
            attempts=t.c.attempts + 1,
        )
        .returning(
            t.c.id, t.c.message_id, t.c.event, t.c.kind, t.c.recipients, t.c.payload,
            t.c.attempts, t.c.channel_id, t.c.user_id,
        )
    )  # fmt: skip
    with Session(writer(engine), expire_on_commit=False) as session:
        rows = list(session.execute(claimed).all())
        if not rows:
            session.rollback()
            return []
        rows.sort(key=lambda r: r.id)
        messages = _snapshot(session, rows)
        session.commit()
        return messages


def _snapshot(session: Session, rows: list[Any]) -> list[Message]:
    channels = {
        c.id: c
        for c in session.exec(
            select(Channel).where(col(Channel.id).in_({r.channel_id for r in rows} - {None}))
        )
    }
    user_ids = {r.user_id for r in rows} - {None}
    users = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(user_ids)))}
    subs: dict[int, list[Subscription]] = {}
    if any(r.kind == PersonalKind.webpush for r in rows):
        for s in session.exec(
            select(PushSubscription).where(col(PushSubscription.user_id).in_(user_ids))
        ):
            subs.setdefault(s.user_id, []).append(Subscription(s.id, s.endpoint, s.p256dh, s.auth))  # type: ignore[arg-type]
    vapid_pem = vapid_keys(session)[0] if subs else ""
    out = []
    for r in rows:
        channel = channels.get(r.channel_id)
        user = users.get(r.user_id)
        out.append(
            Message(
                id=r.id,  # type: ignore[arg-type]
                message_id=r.message_id,
                event=r.event,
                kind=r.kind,
                recipients=list(r.recipients),
                payload=dict(r.payload),
                attempt=r.attempts,
                url=channel.url if channel else "",
                secret=channel.secret if channel else vapid_pem,
                subscriptions=subs.get(r.user_id, []) if r.user_id else [],  # type: ignore[arg-type]
                phone=user.phone if user else None,
            )
        )
    return out


def send_one(message: Message, http: Http) -> Outcome:
    sender = senders().get(message.kind)
    if sender is None:
        return Outcome(False, f"no sender for kind {message.kind!r}")
    try:
        return sender(message, http)
    except Refused as exc:  # an address the guard keeps the server from reaching
        return Outcome(False, f"refused: {exc}"[:300])
    except urllib3.exceptions.HTTPError as exc:
        return Outcome(False, f"{type(exc).__name__}: {exc}"[:300])
    except Exception as exc:  # a bug in one sender must not stop the others
        log.exception("sending notification %s failed", message.id)
        return Outcome(False, f"{type(exc).__name__}: {exc}"[:300])


def record(engine: Engine, results: list[tuple[Message, Outcome]]) -> None:
    """Write every outcome and its log line in one short transaction (a few executemany)."""
    settings = get_notify_settings()
    now = utcnow()
    done: list[dict[str, Any]] = []
    for message, outcome in results:
        row: dict[str, Any] = {"b_id": message.id, "b_attempt": message.attempt}
        if outcome.ok:
            row |= {"status": DeliveryStatus.sent, "sent_at": now, "next_attempt_at": None}
        elif message.attempt >= settings.max_attempts:
            row |= {"status": DeliveryStatus.dead, "sent_at": None, "next_attempt_at": None}
        else:
            wait = dt.timedelta(seconds=backoff(message.attempt, settings))
            row |= {"status": DeliveryStatus.queued, "sent_at": None, "next_attempt_at": now + wait}
        row["last_error"] = "" if outcome.ok else outcome.detail
        done.append(row)
    t = Notification.__table__.c  # type: ignore[attr-defined]
    # Only while still ours: a claim taken over by another process is theirs to record.
    still_ours = (
        (t.id == bindparam("b_id"))
        & (t.status == DeliveryStatus.sending)
        & (t.attempts == bindparam("b_attempt"))
    )
    with Session(writer(engine)) as session:
        for keeps_time in (True, False):
            rows = [r for r in done if (r["next_attempt_at"] is None) is keeps_time]
            if not rows:
                continue
            values: dict[str, Any] = {
                "status": bindparam("status"),
                "sent_at": bindparam("sent_at"),
                "last_error": bindparam("last_error"),
                "claimed_until": None,
            }
            if not keeps_time:
                values["next_attempt_at"] = bindparam("next_attempt_at")
            session.connection().execute(
                update(Notification.__table__).where(still_ours).values(**values),  # type: ignore[attr-defined]
                [
                    {k: v for k, v in r.items() if k != "next_attempt_at" or not keeps_time}
                    for r in rows
                ],
            )
        session.connection().execute(
            insert(DeliveryAttempt.__table__),  # type: ignore[attr-defined]
            [
                {"notification_id": m.id, "at": now, "ok": o.ok, "detail": o.detail}
                for m, o in results
            ],
        )
        gone = [sub_id for _m, o in results for sub_id in o.gone]
        if gone:
            session.execute(delete(PushSubscription).where(col(PushSubscription.id).in_(gone)))
        session.commit()


@dataclass
class Dispatcher:
    """A process's dispatcher: its HTTP client and thread pool live as long as it does."""

    engine: Engine

    def __post_init__(self) -> None:
        settings = get_notify_settings()
        self.pool = ThreadPoolExecutor(
            settings.concurrency, thread_name_prefix="notify", initializer=lower_priority
        )
        # Claims and records run on a thread of their own, at the same low priority.
        self.own = ThreadPoolExecutor(1, thread_name_prefix="notify-db", initializer=lower_priority)
        self.http = Http(settings.timeout_s, settings.concurrency)
        self.expanded = 0  # fan-out rows expanded by the last round
        self.poisoned: set[int] = set()  # fan-out rows that failed to expand (logged, kept)
        self.poisoned_since = time.monotonic()

    def run_once(self, now: dt.datetime | None = None) -> int:
        """One expand–claim–send–record round, paced to `max_rate`; returns how many were tried."""
        started = time.monotonic()
        tried = self._round(now)
        rate = get_notify_settings().max_rate
        if tried and rate > 0:
            # Pacing sleeps on this thread (the dispatcher's own), never on a request's.
            time.sleep(max(0.0, tried / rate - (time.monotonic() - started)))
        return tried

    def _round(self, now: dt.datetime | None) -> int:
        if time.monotonic() - self.poisoned_since > POISON_RETRY_S:
            # What failed may have been passing (the database away): try those rows again.
            self.poisoned.clear()
            self.poisoned_since = time.monotonic()
        self.expanded = expand(self.engine, now, get_notify_settings().batch, self.poisoned)
        messages = claim(self.engine, get_notify_settings().batch, now)
        if not messages:
            return 0
        outcomes = list(self.pool.map(lambda m: send_one(m, self.http), messages))
        record(self.engine, list(zip(messages, outcomes, strict=True)))
        return len(messages)

    def drain(self, now: dt.datetime | None = None) -> int:
        """Rounds until nothing is due and nothing waits to be expanded (tests, the CLI)."""
        total = 0
        while (n := self.run_once(now)) or self.expanded:
            total += n
        return total

    def close(self) -> None:
        self.own.shutdown(wait=True)
        self.pool.shutdown(wait=True)
        self.http.close()


async def run_dispatcher(engine: Engine) -> None:
    """Drain continuously: a full round goes again at once, an idle one waits a little."""
    settings = get_notify_settings()
    dispatcher = Dispatcher(engine)
    loop = asyncio.get_running_loop()
    try:
        while True:
            try:
                tried = await loop.run_in_executor(dispatcher.own, dispatcher.run_once)
            except Exception:
                log.exception("notification dispatch round failed")
                tried = 0
            if tried < settings.batch and dispatcher.expanded < settings.batch:
                await asyncio.sleep(settings.dispatch_interval_s)
    finally:
        await asyncio.to_thread(dispatcher.close)
