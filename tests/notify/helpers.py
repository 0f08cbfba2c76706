"""Small builders for notification tests."""

import uuid

from sqlmodel import Session, select

from app.ledger import service as ledger
from app.notify.models import Channel
from app.notify.outbox import install
from app.org.models import User
from app.tickets.models import Status, Ticket
from tests.factories import LAT0, LON0, Town

install()


def assigned_ticket(
    session: Session, town: Town, category: str = "0201", actor: User | None = None
) -> Ticket:
    """A ticket on 人民路 assigned to its chief, with its report event on the ledger."""
    from datetime import timedelta

    from app.core.timeutil import utcnow

    now = utcnow()
    ticket = Ticket(
        number=f"T{uuid.uuid4().hex[:10]}",
        category_code=category,
        lat=LAT0,
        lon=LON0,
        area_id=town.area.id,
        zone_id=town.zone.id,
        road_id=town.east_west.id,
        assignee_id=town.road_chief.id,
        status=Status.assigned,
        reporter_id=(actor or town.inspector).id,  # type: ignore[arg-type]
        assigned_at=now,
        due_at=now + timedelta(days=2),
        idempotency_key=uuid.uuid4().hex,
        request_fingerprint="x",
    )
    session.add(ticket)
    session.flush()
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=(actor or town.inspector).id,
        action="report",
        from_status=None,
        to_status=Status.assigned,
        note="人行道上有小广告",
    )
    return ticket


def only_channels(session: Session, *channels: Channel) -> None:
    """Deactivate every channel but these (tests in one database must not hear each other)."""
    for c in session.exec(select(Channel)):
        c.active = c in channels
        session.add(c)
    session.flush()


def name() -> str:
    return f"群-{uuid.uuid4().hex[:6]}"
