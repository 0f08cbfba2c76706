"""Appending to the ledger and proving it untouched.

hash = SHA-256(prev_hash || canonical(event)), one chain over all events in id order. Writers
are serialised by `lock_ledger`, so the chain never forks. Events about tickets and events
about anything else (admin changes, campaigns, tasks: `subject`) share the one chain.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, select

from app.core.db import lock_ledger
from app.core.timeutil import as_utc, utcnow
from app.ledger.models import Event

GENESIS = "0" * 64

# Called with each appended event inside the writer's transaction (the notification outbox
# queues its messages here, so they commit or roll back with the event). Must stay cheap.
Listener = Callable[[Session, Event], None]
_listeners: list[Listener] = []


def on_append(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def canonical(event: Event) -> bytes:
    """The bytes that are hashed: every field that tells what happened, in a fixed encoding."""
    body = {
        "ticket_id": event.ticket_id,
        "actor_id": event.actor_id,
        "action": event.action,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "note": event.note,
        "data": event.data,
        "created_at": as_utc(event.created_at).isoformat(timespec="microseconds"),
        "idempotency_key": event.idempotency_key,
    }
    # Only events with a subject hash it, so every ticket event hashes as it always did.
    if event.subject is not None:
        body["subject"] = event.subject
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: str, event: Event) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(event)).hexdigest()


def append(
    session: Session,
    *,
    ticket_id: int | None,
    subject: str | None = None,
    actor_id: int | None,
    action: str,
    from_status: str | None,
    to_status: str | None,
    note: str = "",
    data: dict[str, Any] | None = None,
    idempotency_key: str | None = None,
) -> Event:
    """Write one event in the caller's transaction."""
    lock_ledger(session)
    prev = session.exec(select(Event.hash).order_by(Event.id.desc()).limit(1)).first()  # type: ignore[union-attr]
    event = Event(
        ticket_id=ticket_id,
        subject=subject,
        actor_id=actor_id,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data=data or {},
        created_at=utcnow(),
        idempotency_key=idempotency_key,
        prev_hash=prev or GENESIS,
        hash="",
    )
    event.hash = chain_hash(event.prev_hash, event)
    session.add(event)
    session.flush()
    if ticket_id is not None:
        # Picked up after commit by the live broker (app.live), which pushes the change to maps.
        session.info.setdefault("ledger_events", []).append((event.id, ticket_id))
    for listener in _listeners:
        listener(session, event)
    return event


def record(
    session: Session,
    actor_id: int | None,
    subject: str,
    action: str,
    changes: dict[str, Any],
    note: str = "",
    idempotency_key: str | None = None,
) -> Event:
    """An event about something other than a ticket: who changed what, from what, to what."""
    return append(
        session,
        ticket_id=None,
        subject=subject,
        actor_id=actor_id,
        action=action,
        from_status=None,
        to_status=None,
        note=note,
        data=changes,
        idempotency_key=idempotency_key,
    )


def verify(session: Session) -> dict[str, Any]:
    """Walk the whole chain; name the first event whose link or content does not check out."""
    prev = GENESIS
    checked = 0
    rows = session.exec(select(Event).order_by(Event.id).execution_options(yield_per=2000))  # type: ignore[arg-type]
    for event in rows:
        problem = None
        if event.prev_hash != prev:
            problem = (
                "previous-hash link broken (an event before it was changed, removed or inserted)"
            )
        elif chain_hash(prev, event) != event.hash:
            problem = "content does not match its hash (the event was edited)"
        if problem:
            return {
                "ok": False,
                "checked": checked,
                "first_bad": {
                    "id": event.id,
                    "ticket_id": event.ticket_id,
                    "subject": event.subject,
                    "reason": problem,
                },
            }
        prev = event.hash
        checked += 1
    return {"ok": True, "checked": checked, "first_bad": None, "head": prev}
