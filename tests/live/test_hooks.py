"""Ledger events are announced to the live map only when their transaction commits."""

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.core.db import make_engine
from app.live import broker as live
from tests.console.factories import add_event, create_ticket
from tests.live.conftest import World


@pytest.fixture(scope="module")
def engine(world: World) -> Iterator[Engine]:
    eng = make_engine(world.url)
    live.install()
    yield eng
    eng.dispose()


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Ids handed to this process's broker (the SQLite path)."""
    seen: list[int] = []
    monkeypatch.setattr(live.broker, "announce", lambda ids: seen.extend(ids))
    return seen


@pytest.fixture
def notified(engine: Engine) -> Iterator[psycopg.Connection]:
    """A LISTENing connection (the PostgreSQL path between processes)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("NOTIFY is PostgreSQL's")
    dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"LISTEN {live.CHANNEL}")
        yield conn


def payloads(conn: psycopg.Connection) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=0.5)]


def test_rolled_back_events_are_never_announced(engine, world, announced):
    with Session(engine, expire_on_commit=False) as session:
        ticket = create_ticket(session, world.town)
        add_event(session, ticket, "report")
        session.rollback()
        assert "ledger_events" not in session.info
        # The next transaction starts clean: only its own event goes out.
        ticket = create_ticket(session, world.town)
        event = add_event(session, ticket, "report")
        session.commit()
    if engine.dialect.name == "sqlite":
        assert announced == [event.id]
    else:
        assert announced == []  # PostgreSQL announces through NOTIFY, to every process


def test_postgresql_notifies_on_commit_only(engine, world, notified):
    with Session(engine, expire_on_commit=False) as session:
        ticket = create_ticket(session, world.town)
        first = add_event(session, ticket, "report")
        second = add_event(session, ticket, "escalate")
        session.flush()
        assert payloads(notified) == []  # nothing before the commit
        session.commit()
    assert payloads(notified) == [f"{first.id},{second.id}"]
    with Session(engine, expire_on_commit=False) as session:
        add_event(session, session.merge(ticket), "escalate")
        session.rollback()
    assert payloads(notified) == []


def test_long_batches_are_split_under_the_notify_limit():
    ids = ",".join(str(10**9 + i) for i in range(2000))
    chunks = live._chunks(ids, 7900)
    assert all(len(c) <= 7900 for c in chunks)
    assert ",".join(chunks) == ids
