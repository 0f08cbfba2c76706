"""Abuse control without tracking people: proof-of-work (ALTCHA) and rate limits.

No third party is called and nothing identifies a person: addresses, devices and API keys are
kept only as salted hashes in short-lived rate-limit rows, purged with the retention job.
"""

import base64
import binascii
import hashlib
import json
import math
from datetime import timedelta
from typing import Any

# The classic (v1) SHA-256 challenge: what the ALTCHA widget 2.x solves in any phone browser,
# WeChat's included, without WebAssembly.
from altcha import ChallengeOptionsV1, create_challenge_v1, verify_solution_v1
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, func, select

from app.citizens.models import Hit, SpentChallenge
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


def _refuse_when_full(session: Session, limits: list[tuple[str, int]], window_s: int) -> None:
    now = utcnow()
    since = now - timedelta(seconds=window_s)
    for name, limit in limits:
        count, oldest = session.exec(
            select(func.count(), func.min(Hit.at)).where(Hit.bucket == name, col(Hit.at) >= since)
        ).one()
        if count >= limit:
            retry = max(1, math.ceil((oldest + timedelta(seconds=window_s) - now).total_seconds()))
            raise TooManyRequests(
                f"too many reports from here; try again in {retry} s", retry_after=retry
            )


def peek_rate(session: Session, limits: list[tuple[str, int]], window_s: int) -> None:
    """429 when a bucket is already full (a read: refuse before any photo work)."""
    _refuse_when_full(session, limits, window_s)


def check_rate(session: Session, limits: list[tuple[str, int]], window_s: int) -> None:
    """Count this request in every bucket (write transaction); 429 with Retry-After when full."""
    _refuse_when_full(session, limits, window_s)
    now = utcnow()
    for name, _limit in limits:
        session.add(Hit(bucket=name, at=now))
    session.flush()


def purge(session: Session, window_s: int) -> int:
    """Forget rate-limit rows older than the window and spent proofs past their expiry."""
    now = utcnow()
    hits = session.exec(delete(Hit).where(col(Hit.at) < now - timedelta(seconds=window_s)))  # type: ignore[call-overload]
    session.exec(delete(SpentChallenge).where(col(SpentChallenge.expires_at) < now))  # type: ignore[call-overload]
    return int(hits.rowcount or 0)
