"""`on_commit`: what follows a write runs once it commits, and never after a rollback."""

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.core.db import make_engine, on_commit, session_scope, write_transaction


@pytest.fixture
def engine(tmp_path):
    eng = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    with eng.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    yield eng
    eng.dispose()


def test_runs_after_the_write_commits_and_not_before(engine):
    seen: list[int] = []
    with Session(engine) as session, write_transaction(session):
        session.execute(text("INSERT INTO t VALUES (1)"))
        on_commit(session, lambda: seen.append(1))
        assert seen == []
    assert seen == [1]


def test_dropped_when_the_write_rolls_back(engine):
    seen: list[int] = []
    with Session(engine) as session:
        with pytest.raises(RuntimeError), write_transaction(session):
            on_commit(session, lambda: seen.append(1))
            raise RuntimeError("refused")
        with write_transaction(session):
            session.execute(text("INSERT INTO t VALUES (2)"))
    assert seen == []


def test_a_savepoint_inside_a_test_transaction_counts_as_the_commit(engine):
    seen: list[str] = []
    with Session(engine) as session:
        session.begin_nested()
        with pytest.raises(RuntimeError), write_transaction(session):
            on_commit(session, lambda: seen.append("refused"))
            raise RuntimeError("refused")
        with write_transaction(session):
            on_commit(session, lambda: seen.append("kept"))
        assert seen == ["kept"]
        session.rollback()


def test_session_scope_runs_them_too(engine):
    seen: list[int] = []
    with session_scope(engine) as session:
        on_commit(session, lambda: seen.append(1))
    assert seen == [1]
