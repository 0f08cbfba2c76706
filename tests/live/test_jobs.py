"""The escalation sweep runner: sweeps, and on PostgreSQL only one process sweeps at a time."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from app.core.db import make_engine, session_scope
from app.core.timeutil import utcnow
from app.ledger.models import Event
from app.live.jobs import SWEEP_LOCK_KEY, sweep_once
from app.tickets.models import Ticket
from tests.console.factories import create_ticket
from tests.live.conftest import World


@pytest.fixture(scope="module")
def engine_of(world: World) -> Iterator[Engine]:
    engine = make_engine(world.url)
    yield engine
    engine.dispose()


def overdue_ticket(engine: Engine, world: World) -> int:
    with session_scope(engine) as session:
        ticket = create_ticket(session, world.town, received_at=utcnow() - timedelta(days=3))
        return ticket.id  # type: ignore[return-value]


def test_the_sweep_escalates_overdue_tickets(engine_of, world):
    ticket_id = overdue_ticket(engine_of, world)
    assert sweep_once(engine_of) >= 1
    with Session(engine_of) as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None and ticket.escalation_level == 1
        assert ticket.escalated_to_id == world.town.zone_chief.id
        actions = session.exec(select(Event.action).where(Event.ticket_id == ticket_id)).all()
        assert actions == ["escalate"]
    # Nothing new is overdue by another time limit: a second sweep changes nothing.
    assert sweep_once(engine_of) == 0


def test_only_one_process_sweeps_at_a_time(engine_of, world):
    if engine_of.dialect.name != "postgresql":
        pytest.skip("SQLite runs one process; its write lock serialises the sweep")
    ticket_id = overdue_ticket(engine_of, world)
    with engine_of.connect() as other:
        # Another node is in the middle of its sweep.
        other.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SWEEP_LOCK_KEY})
        try:
            assert sweep_once(engine_of) is None
        finally:
            other.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SWEEP_LOCK_KEY})
            other.commit()
    with Session(engine_of) as session:
        assert session.get(Ticket, ticket_id).escalation_level == 0  # type: ignore[union-attr]
    assert sweep_once(engine_of) >= 1
