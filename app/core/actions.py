"""The runner every write goes through: read → prepare with no transaction → one short write.

A domain's use cases are plain functions in ``<domain>/actions.py`` (Zulip's ``do_*``): a
view parses the request, calls one and presents what it returns; the CLI, the demo, jobs and
other domains call the same function. An action hands `run` what is particular to it, and
the runner does the rest in one place — the Idempotency-Key, the request's fingerprint, the
replay check before any work and again under the lock, and the short write transaction.
A small action:

    def reject_report(session: Session, actor: Actor, report_id: int, reason: str) -> Done[...]:
        def read() -> None:                      # 404/409 on a read: no lock, no work
            check_undecided(load_report(session, report_id))

        def write(s: Session, _prepared: None) -> CitizenReport:
            report = lock_report(s, report_id)   # FOR UPDATE, and undecided still (else 409)
            report.status, report.reject_reason = IntakeStatus.rejected, reason
            on_commit(s, public_answers.clear)   # after the commit, never on a rollback
            return report

        return run(session, read=read, write=write)

An action that brings photos and an Idempotency-Key (app.tickets.actions.rectify) adds
``key``, ``fingerprint`` (photo digests included), ``prior`` (what the key already did),
``prepare`` (store the photos, given the caption ``read`` returned) and ``lock``.

In order:

1. **Replay** (a read): `prior` says what an earlier request under ``key`` recorded. The same
   fingerprint → its result, and nothing is done (``created`` is False); another → 422.
2. **Read** (no lock): permission and state, so a refusal costs no lock and no work; and what
   preparing needs (a watermark's caption).
3. **Prepare** with the read connection handed back and no transaction open: photo decoding and
   copies, hashing, rendering, remote calls. It may wait for a bounded slot (and answer 503).
4. **Write** in ``write_transaction``: ``lock`` re-reads what the decision depends on
   (``FOR UPDATE``, the ledger lock), ``prior`` is asked again (a twin request under the same
   key may have finished meanwhile: then its result, not a second write), ``write`` checks the
   state again and adds the rows. Milliseconds. `app.core.db.on_commit` callbacks queued by
   ``write`` run once it has committed.

Actions that write twice with photo work between (filing a report holds its number first, so
its watermark can print it: app.tickets.filing) use the same pieces: `replayed` and
`short_write`.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlmodel import Session

from app.core.db import release_reads, write_transaction
from app.core.errors import Invalid

T = TypeVar("T")


@dataclass(frozen=True)
class Prior(Generic[T]):
    """What an earlier request under the same Idempotency-Key recorded."""

    fingerprint: str | None  # None: recorded before fingerprints were kept (never refused)
    result: T


@dataclass(frozen=True)
class Done(Generic[T]):
    """An action's result; ``created`` is False when it replays an earlier request."""

    result: T
    created: bool = True


def fingerprint(action: str | None = None, actor: int | None = None, **fields: Any) -> str:
    """What makes a retry 'the same request': the action, who, and every field (photos as their
    SHA-256 digests). Stored with what the request recorded; a replay must match it."""
    body: dict[str, Any] = {}
    if action is not None:
        body["action"] = action
    if actor is not None:
        body["actor"] = actor
    body.update(fields)
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def replayed(prior: Prior[T] | None, fp: str | None) -> Done[T] | None:
    """The earlier result when this request repeats it; 422 when the key was used otherwise."""
    if prior is None:
        return None
    if prior.fingerprint is not None and fp is not None and prior.fingerprint != fp:
        raise Invalid("this Idempotency-Key was already used for a different request")
    return Done(prior.result, created=False)


def _nothing(*_args: Any) -> None:
    return None


def short_write(
    session: Session,
    fn: Callable[[Session], T],
    *,
    key: str | None = None,
    fingerprint: str | None = None,
    prior: Callable[[Session, str], Prior[T] | None] | None = None,
    lock: Callable[[Session], object] = _nothing,
) -> Done[T]:
    """One short write transaction: ``lock``, ask ``prior`` again under the lock, then ``fn``."""
    with write_transaction(session):
        lock(session)
        if key is not None and prior is not None:
            again = replayed(prior(session, key), fingerprint)
            if again is not None:
                return again
        return Done(fn(session))


def run(
    session: Session,
    *,
    write: Callable[[Session, Any], T],
    read: Callable[[], Any] = _nothing,
    prepare: Callable[[Any], Any] = lambda read: read,
    lock: Callable[[Session], object] = _nothing,
    key: str | None = None,
    fingerprint: str | None = None,
    prior: Callable[[Session, str], Prior[T] | None] | None = None,
) -> Done[T]:
    """Replay → read (checks) → prepare (no transaction) → one short write (module docstring).

    ``read`` checks permission and state and reads what preparing needs (a caption); its value
    goes to ``prepare``, whose value goes to ``write``.
    """
    if key is not None and prior is not None:
        done = replayed(prior(session, key), fingerprint)
        if done is not None:
            return done
    facts = read()
    release_reads(session)  # preparing may wait for a slot: not while holding a connection
    prepared = prepare(facts)
    return short_write(
        session, lambda s: write(s, prepared), key=key, fingerprint=fingerprint, prior=prior,
        lock=lock,
    )  # fmt: skip
