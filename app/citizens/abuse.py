"""Abuse control without tracking people: proof-of-work (ALTCHA) and rate limits.

No third party is called and nothing identifies a person: addresses, devices and API keys are
kept only as salted hashes in short-lived rate-limit rows, purged with the retention job.
"""

import base64
import binascii
import hashlib
import json
import math
from datetime import UTC, datetime, timedelta
from typing import Any

# The classic (v1) SHA-256 challenge: what the ALTCHA widget 2.x solves in any phone browser,
# WeChat's included, without WebAssembly.
from altcha import ChallengeOptionsV1, create_challenge_v1, verify_solution_v1
from sqlalchemy import select as sa_select
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as lite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete

from app.citizens.models import RateCounter, SpentChallenge
from app.citizens.settings import get_citizen_settings
from app.core.config import get_settings
from app.core.errors import AppError, TooManyRequests
from app.core.timeutil import utcnow

REPLAYED = "this proof-of-work was already used; solve a new one"


class ProofRequired(AppError):
    status_code = 422
    code = "proof_required"


def _pow_key() -> str:
    return hashlib.sha256(b"altcha|" + get_settings().secret_key.encode()).hexdigest()


def new_challenge() -> dict[str, Any]:
    """A challenge for the ALTCHA widget (its `challengeurl` JSON)."""
    cfg = get_citizen_settings()
    challenge = create_challenge_v1(
        ChallengeOptionsV1(
            max_number=cfg.pow_max_number,
            hmac_key=_pow_key(),
            expires=utcnow() + timedelta(seconds=cfg.pow_expires_s),
        )
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "maxNumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def check_proof(session: Session, payload: str | None) -> str:
    """Check the widget's base64 payload (a read, no lock); returns its signature to spend."""
    if not payload:
        raise ProofRequired("the proof-of-work (人机验证) is missing; wait for it to finish")
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):
        raise ProofRequired("the proof-of-work is malformed") from None
    if not isinstance(data, dict):
        raise ProofRequired("the proof-of-work is malformed")
    try:
        ok, _err = verify_solution_v1(data, _pow_key(), check_expires=True)  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise ProofRequired("the proof-of-work is wrong or expired; try again")
    signature = str(data["signature"])[:128]
    if session.get(SpentChallenge, signature) is not None:
        raise ProofRequired(REPLAYED)
    return signature


def spend_proof(session: Session, signature: str) -> None:
    """Record a checked proof as spent (in the write transaction); a replay is refused."""
    cfg = get_citizen_settings()
    if session.get(SpentChallenge, signature) is not None:
        raise ProofRequired(REPLAYED)
    try:
        with session.begin_nested():
            session.add(
                SpentChallenge(
                    signature=signature, expires_at=utcnow() + timedelta(seconds=cfg.pow_expires_s)
                )
            )
            session.flush()
    except IntegrityError:  # the same proof, spent by a request running at the same time
        raise ProofRequired(REPLAYED) from None


def bucket(kind: str, value: str) -> str:
    """A rate-limit bucket name that does not reveal the address, device or key it counts."""
    digest = hashlib.sha256(f"{kind}|{value}|{get_settings().secret_key}".encode()).hexdigest()
    return f"{kind}:{digest[:40]}"


# A window is counted in this many slices: one counter row per bucket and slice.
SLICES = 60
RATE_LOCK_KEY = 727_012


def _lock_bucket(session: Session, name: str) -> None:
    """Count one request of a bucket at a time across processes (SQLite: the write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:ns, hashtext(:name))"),
            {"ns": RATE_LOCK_KEY, "name": name},
        )


def _count(session: Session, limits: list[tuple[str, int]], window_s: int, record: bool) -> None:
    """429 with Retry-After unless every bucket has room for this request; count it if `record`.

    Each bucket keeps a counter per slice of the window (1/60th of it). A request counts as if
    it came at the end of its slice, so it is forgotten at most one slice late: the limit is
    never exceeded in any window, and a refused client waits at most a slice longer than an
    exact log of requests would say. Nothing identifies a request but its bucket's hash.
    """
    now = utcnow().timestamp()
    size = window_s / SLICES
    current = int(now // size)
    table = RateCounter.__table__  # type: ignore[attr-defined]
    for name, limit in limits:
        if record:
            _lock_bucket(session, name)
        slices = session.execute(
            sa_select(table.c.slot, table.c.count)
            .where(table.c.bucket == name, table.c.slot >= current - SLICES)
            .order_by(table.c.slot)
        ).all()
        counted = sum(n for _, n in slices)
        if counted + 1 > limit:
            retry = window_s + size  # never, while the limit is 0
            for slot, n in slices:
                counted -= n
                if counted + 1 <= limit:
                    retry = (slot + 1) * size + window_s - now
                    break
            retry_s = max(1, math.ceil(retry))
            raise TooManyRequests(
                f"too many requests from here; try again in {retry_s} s", retry_after=retry_s
            )
        if record:
            insert = pg_insert if session.get_bind().dialect.name == "postgresql" else lite_insert
            upsert = insert(table).values(
                bucket=name,
                slot=current,
                count=1,
                expires_at=datetime.fromtimestamp((current + 1) * size + window_s, UTC),
            )
            session.execute(
                upsert.on_conflict_do_update(
                    index_elements=[table.c.bucket, table.c.slot],
                    set_={"count": table.c.count + 1},
                )
            )


def peek_rate(session: Session, limits: list[tuple[str, int]], window_s: int) -> None:
    """429 when a bucket has no room for one more (a read: refuse before any photo work)."""
    _count(session, limits, window_s, record=False)


def check_rate(session: Session, limits: list[tuple[str, int]], window_s: int) -> None:
    """Count this request in every bucket (write transaction); 429 with Retry-After when full.

    A refused request is not counted.
    """
    _count(session, limits, window_s, record=True)


def purge(session: Session) -> int:
    """Forget counters of windows that no longer count, and spent proofs past their expiry."""
    now = utcnow()
    counters = session.exec(delete(RateCounter).where(col(RateCounter.expires_at) < now))  # type: ignore[call-overload]
    session.exec(delete(SpentChallenge).where(col(SpentChallenge.expires_at) < now))  # type: ignore[call-overload]
    return int(counters.rowcount or 0)
