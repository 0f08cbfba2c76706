"""The ledger is append-only in the database and its hash chain exposes tampering."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from tests.factories import create_town, login, report


def _make_events(client, db):
    town = create_town(db)
    headers = login(client, town.inspector)
    for seed in range(3):
        report(client, headers, seed=seed)
    return headers


def test_database_refuses_update_and_delete_of_events(client, db):
    _make_events(client, db)
    for sql in ("UPDATE events SET note = 'edited'", "DELETE FROM events"):
        nested = db.begin_nested()
        with pytest.raises((IntegrityError, DBAPIError)) as exc:
            db.exec(text(sql))
        assert "append-only" in str(exc.value)
        nested.rollback()


def _drop_triggers(db):
    if db.get_bind().dialect.name == "postgresql":
        db.exec(text("DROP TRIGGER events_append_only ON events"))
    else:
        db.exec(text("DROP TRIGGER events_no_update"))
        db.exec(text("DROP TRIGGER events_no_delete"))


def test_verify_names_the_first_edited_event(client, db):
    headers = _make_events(client, db)
    assert client.get("/api/ledger/verify", headers=headers).json() == {
        **client.get("/api/ledger/verify", headers=headers).json(),
        "ok": True,
        "first_bad": None,
    }
    ids = db.exec(text("SELECT id FROM events ORDER BY id")).scalars().all()
    # Someone with database access bypasses the trigger (the test's transaction is rolled back).
    _drop_triggers(db)
    db.exec(text("UPDATE events SET note = 'nothing happened' WHERE id = :i").bindparams(i=ids[1]))
    result = client.get("/api/ledger/verify", headers=headers).json()
    assert result["ok"] is False and result["checked"] == 1
    assert result["first_bad"]["id"] == ids[1]


def test_verify_detects_a_deleted_event(client, db):
    headers = _make_events(client, db)
    ids = db.exec(text("SELECT id FROM events ORDER BY id")).scalars().all()
    _drop_triggers(db)
    # The notification fan-out rows that point at the reports' events: a running dispatcher
    # would have expanded and removed them within a second (none runs in this test).
    db.exec(text("DELETE FROM notify_fanout"))
    db.exec(text("DELETE FROM events WHERE id = :i").bindparams(i=ids[1]))
    result = client.get("/api/ledger/verify", headers=headers).json()
    assert result["ok"] is False and result["first_bad"]["id"] == ids[2]
