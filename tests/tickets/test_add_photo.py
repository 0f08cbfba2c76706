"""The same problem found again: one tap adds the finder's photo to the open ticket (issue 9.10)."""

import uuid
import warnings

import pytest
from sqlmodel import func, select

from app.core.db import WriteOutsideTransaction
from app.ledger.models import Event
from app.org.models import Role
from app.photos.models import Photo
from app.tickets.models import Ticket
from tests.factories import create_town, create_user, jpeg_bytes, login, report


@pytest.fixture
def town(db):
    return create_town(db)


def add_photo(client, headers, ticket_id, key=None, seed=50, note="我也看到了"):
    return client.post(
        f"/api/tickets/{ticket_id}/photos",
        data={"note": note},
        files=[("photo", (f"p{seed}.jpg", jpeg_bytes(seed), "image/jpeg"))],
        headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())},
    )


def count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def close(client, ticket_id, chief, inspector) -> None:
    r = client.post(
        f"/api/tickets/{ticket_id}/rectify",
        files=[("photo", ("after.jpg", jpeg_bytes(99), "image/jpeg"))],
        headers={**chief, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code == 200, r.text
    r = client.post(
        f"/api/tickets/{ticket_id}/verify", json={"approved": True, "note": ""}, headers=inspector
    )
    assert r.json()["status"] == "closed"


def test_a_second_inspector_adds_a_photo_instead_of_a_second_ticket(client, db, town):
    first = login(client, town.inspector)
    second_user = create_user(db, Role.inspector, name="巡查员乙")
    second = login(client, second_user)
    t = report(client, first).json()
    tickets = count(db, Ticket)
    with warnings.catch_warnings():
        warnings.simplefilter("error", WriteOutsideTransaction)
        r = add_photo(client, second, t["id"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert count(db, Ticket) == tickets  # no duplicate ticket
    assert body["status"] == t["status"] == "assigned" and body["due_at"] == t["due_at"]
    assert [(p["kind"], p["uploaded_by"]["name"]) for p in body["photos"]] == [
        ("before", "巡查员甲"),
        ("before", "巡查员乙"),
    ]
    added = body["events"][-1]
    assert added["action"] == "add_photo" and added["actor"]["name"] == "巡查员乙"
    assert added["note"] == "我也看到了"
    assert added["data"]["photos"] == [body["photos"][1]["id"]]
    # The photo is served like the ticket's others, and the chain still verifies.
    assert client.get(body["photos"][1]["thumb_url"], headers=second).status_code == 200
    assert client.get("/api/ledger/verify", headers=first).json()["ok"] is True


def test_a_retry_under_the_same_key_adds_nothing_twice(client, db, town):
    inspector = login(client, town.inspector)
    t = report(client, inspector).json()
    key = str(uuid.uuid4())
    assert add_photo(client, inspector, t["id"], key).status_code == 200
    photos = count(db, Photo)
    again = add_photo(client, inspector, t["id"], key)
    assert again.status_code == 200 and len(again.json()["photos"]) == 2
    assert count(db, Photo) == photos
    other = add_photo(client, inspector, t["id"], key, seed=51)
    assert other.status_code == 422 and "different request" in other.json()["detail"]
    actions = db.exec(select(Event.action).where(Event.ticket_id == t["id"])).all()
    assert actions == ["report", "add_photo"]


@pytest.mark.parametrize("ending", ["closed", "dismissed"])
def test_a_finished_ticket_refuses_the_photo_with_409(client, db, town, ending):
    inspector, chief = login(client, town.inspector), login(client, town.road_chief)
    t = report(client, inspector).json()
    if ending == "closed":
        close(client, t["id"], chief, inspector)
    else:
        supervisor = login(client, town.supervisor)
        r = client.post(
            f"/api/tickets/{t['id']}/dismiss", json={"reason": "invalid"}, headers=supervisor
        )
        assert r.status_code == 200
    photos = count(db, Photo)
    r = add_photo(client, inspector, t["id"])
    assert r.status_code == 409
    assert r.json()["code"] == "conflict" and r.json()["status"] == ending
    assert f"is {ending}" in r.json()["detail"]
    assert count(db, Photo) == photos


def test_no_key_no_photo_or_a_read_only_leader_is_refused(client, db, town):
    inspector = login(client, town.inspector)
    t = report(client, inspector).json()
    no_key = client.post(
        f"/api/tickets/{t['id']}/photos",
        files=[("photo", ("p.jpg", jpeg_bytes(5), "image/jpeg"))],
        headers=inspector,
    )
    assert no_key.status_code == 422 and "Idempotency-Key" in no_key.json()["detail"]
    no_photo = client.post(
        f"/api/tickets/{t['id']}/photos",
        data={"note": "x"},
        headers={**inspector, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert no_photo.status_code == 422
    town.zone.leader_id = create_user(db, Role.leader, name="挂包领导").id
    db.flush()
    leader = login(client, db.get(type(town.inspector), town.zone.leader_id))
    assert client.get(f"/api/tickets/{t['id']}", headers=leader).status_code == 200
    assert add_photo(client, leader, t["id"]).status_code == 403
    assert len(client.get(f"/api/tickets/{t['id']}", headers=inspector).json()["photos"]) == 1


def test_the_ticket_says_who_may_add_a_photo_and_openapi_declares_the_answers(client, town):
    inspector = login(client, town.inspector)
    t = report(client, inspector).json()
    assert t["can"]["add_photo"] is True
    op = client.get("/openapi.json").json()["paths"]["/api/tickets/{ticket_id}/photos"]["post"]
    assert {"200", "401", "403", "404", "409", "413", "415", "422"} <= set(op["responses"])
    assert "multipart/form-data" in op["requestBody"]["content"]
    assert any(p["name"] == "Idempotency-Key" for p in op["parameters"])
