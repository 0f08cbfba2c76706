"""The write runner: a replay does no work, preparing holds no transaction, the write is one."""

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.core.actions import Prior, fingerprint, run
from app.core.db import WRITING, make_engine, on_commit
from app.core.errors import Invalid


@pytest.fixture
def engine(tmp_path):
    eng = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    with eng.begin() as conn:
        conn.execute(text("CREATE TABLE done (key TEXT PRIMARY KEY, fp TEXT, value INTEGER)"))
    yield eng
    eng.dispose()


def _prior(session: Session, key: str) -> Prior[int] | None:
    row = session.execute(text("SELECT fp, value FROM done WHERE key = :k"), {"k": key}).first()
    return None if row is None else Prior(row[0], row[1])


def _record(key: str, fp: str, value: int):
    def write(session: Session, prepared: int | None) -> int:
        assert session.info[WRITING]  # inside write_transaction
        session.execute(
            text("INSERT INTO done VALUES (:k, :f, :v)"),
            {"k": key, "f": fp, "v": value + (prepared or 0)},
        )
        return value + (prepared or 0)

    return write


def test_an_action_reads_prepares_with_no_transaction_then_writes_once(engine):
    steps: list[str] = []
    with Session(engine) as session:
        session.execute(text("SELECT 1"))  # a read transaction, as a request has after sign-in

        def prepare(read: int) -> int:
            steps.append(f"prepare with a transaction open: {session.in_transaction()}")
            return read * 10

        done = run(
            session,
            key="k1",
            fingerprint="a",
            prior=_prior,
            read=lambda: 4,
            prepare=prepare,
            write=_record("k1", "a", 2),
        )
    assert done.result == 42 and done.created
    assert steps == ["prepare with a transaction open: False"]


def test_a_replay_does_no_work_and_another_body_under_the_key_is_refused(engine):
    with Session(engine) as session:
        run(session, key="k1", fingerprint="a", prior=_prior, write=_record("k1", "a", 7))
        untouched = pytest.fail  # neither reading nor preparing may run again
        again = run(
            session, key="k1", fingerprint="a", prior=_prior, read=untouched,
            write=_record("k1", "a", 99),
        )  # fmt: skip
        assert again.result == 7 and not again.created
        with pytest.raises(Invalid, match="different request"):
            run(session, key="k1", fingerprint="b", prior=_prior, write=_record("k1", "b", 1))


def test_a_twin_that_finished_while_this_one_prepared_is_found_under_the_lock(engine):
    with Session(engine) as session, Session(engine) as twin:

        def prepare(_: None) -> int:
            # The same request, sent twice at once, commits first.
            run(twin, key="k1", fingerprint="a", prior=_prior, write=_record("k1", "a", 5))
            return 0

        done = run(
            session, key="k1", fingerprint="a", prior=_prior, prepare=prepare,
            write=_record("k1", "a", 6),
        )  # fmt: skip
    assert done.result == 5 and not done.created


def test_what_follows_the_write_runs_after_its_commit(engine):
    seen: list[str] = []

    def write(session: Session, _: None) -> None:
        on_commit(session, lambda: seen.append("after commit"))
        assert seen == []

    with Session(engine) as session:
        run(session, write=write)
    assert seen == ["after commit"]


def test_a_fingerprint_is_every_field_and_who():
    base = fingerprint("rectify", 1, note="已清理", photos=["ab"])
    assert base == fingerprint("rectify", 1, photos=["ab"], note="已清理")
    assert base != fingerprint("rectify", 2, note="已清理", photos=["ab"])
    assert base != fingerprint("rectify", 1, note="已清理", photos=["ac"])
    assert base != fingerprint("verify", 1, note="已清理", photos=["ab"])
