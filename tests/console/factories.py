"""Tickets, events and photos with chosen times, straight into the database.

The console's figures depend on exact moments (received, due, closed, each event), which the
HTTP API stamps with "now"; these helpers write them directly instead. Events still form a
valid hash chain, so the ledger verifies.
"""

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from app.core.timeutil import utcnow
from app.ledger.models import Event
from app.ledger.service import GENESIS, chain_hash
from app.photos.models import Photo, PhotoKind
from app.tickets.models import Status, Ticket
from tests.factories import LAT0, LON0, Town

_seq = iter(range(1, 10**9))


def create_ticket(
    session: Session,
    town: Town,
    *,
    status: Status | str = Status.assigned,
    lat: float = LAT0 + 0.0001,
    lon: float = LON0 - 0.002,
    category: str = "0201",
    received_at: datetime | None = None,
    road: Any = "default",
    **fields: Any,
) -> Ticket:
    """A ticket on 人民路 (the road chief's) unless told otherwise; times default to now."""
    received = received_at or utcnow()
    road = town.east_west if road == "default" else road
    status = Status(status)
    values: dict[str, Any] = {
        "road_id": road.id if road else None,
        "zone_id": town.zone.id,
        "area_id": town.area.id,
        "assignee_id": None if status == Status.pending else town.road_chief.id,
        "assigned_at": None if status == Status.pending else received,
        "due_at": None if status == Status.pending else received + timedelta(days=2),
        **fields,
    }
    ticket = Ticket(
        number=f"T{next(_seq):06d}-{uuid.uuid4().hex[:6]}",
        category_code=category,
        lat=lat,
        lon=lon,
        status=status,
        reporter_id=town.inspector.id,
        received_at=received,
        updated_at=received,
        captured_at=received,
        idempotency_key=uuid.uuid4().hex,
        request_fingerprint="test",
        **values,
    )
    session.add(ticket)
    session.flush()
    return ticket


def add_event(
    session: Session,
    ticket: Ticket,
    action: str,
    at: datetime | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    actor_id: int | None = None,
    note: str = "",
) -> Event:
    """Append a ledger event dated `at`, chained like app.ledger.service.append does."""
    prev = session.exec(select(Event.hash).order_by(Event.id.desc()).limit(1)).first()  # type: ignore[union-attr]
    event = Event(
        ticket_id=ticket.id,  # type: ignore[arg-type]
        actor_id=actor_id,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data={},
        created_at=at or utcnow(),
        prev_hash=prev or GENESIS,
    )
    event.hash = chain_hash(event.prev_hash, event)
    session.add(event)
    session.flush()
    session.info.setdefault("ledger_events", []).append((event.id, ticket.id))
    return event


def add_photo(
    session: Session, ticket: Ticket, phash: str, kind: PhotoKind = PhotoKind.before
) -> Photo:
    sha = uuid.uuid4().hex * 2
    photo = Photo(
        ticket_id=ticket.id,  # type: ignore[arg-type]
        kind=kind,
        uploaded_by_id=ticket.reporter_id,
        sha256=sha,
        content_type="image/jpeg",
        size_bytes=1000,
        original_key=f"o/{sha}",
        display_key=f"d/{sha}",
        thumb_key=f"t/{sha}",
        width=640,
        height=480,
        phash=phash,
    )
    session.add(photo)
    session.flush()
    return photo
