"""The core loop over HTTP: report → routed → rectify → verify, with its wrong turns."""

import uuid

import pytest
from sqlmodel import func, select

from app.ledger.models import Event
from app.photos.models import Photo
from app.tickets.models import Ticket
from tests.factories import LAT0, LON0, create_town, jpeg_bytes, login, report


@pytest.fixture
def town(db):
    return create_town(db)


def count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def rectify(client, headers, ticket_id, seed=100, note="已清理", key=None):
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"/api/tickets/{ticket_id}/rectify",
        data={"note": note},
        files=[("photo", ("after.jpg", jpeg_bytes(seed), "image/jpeg"))],
        headers={**headers, **extra},
    )


def test_report_is_routed_to_the_roads_chief(client, db, town):
    r = report(client, login(client, town.inspector), description="电线杆上贴满小广告")
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["status"] == "assigned"
    assert t["road"] == {"id": town.east_west.id, "name": "人民路"}
    assert t["assignee"]["id"] == town.road_chief.id
    assert t["category"] == "0201"
    assert t["number"].count("-") == 1 and len(t["number"]) == 13
    assert t["due_at"] and t["light"] == "green" and t["rework_count"] == 0
    assert len(t["photos"]) == 1 and t["photos"][0]["kind"] == "before"
    assert [e["action"] for e in t["events"]] == ["report"]


def test_the_whole_loop_with_one_rework(client, db, town):
    inspector = login(client, town.inspector)
    chief = login(client, town.road_chief)
    t = report(client, inspector).json()

    r = rectify(client, chief, t["id"])
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "rectified"

    r = client.post(
        f"/api/tickets/{t['id']}/verify",
        json={"approved": False, "note": "没撕干净"},
        headers=inspector,
    )
    assert (
        r.status_code == 200 and r.json()["status"] == "assigned" and r.json()["rework_count"] == 1
    )

    assert rectify(client, chief, t["id"], seed=101).json()["status"] == "rectified"
    r = client.post(
        f"/api/tickets/{t['id']}/verify", json={"approved": True, "note": "合格"}, headers=inspector
    )
    done = r.json()
    assert done["status"] == "closed" and done["closed_in_time"] is True and done["light"] is None
    assert [e["action"] for e in done["events"]] == [
        "report",
        "rectify",
        "reject",
        "rectify",
        "verify",
    ]
    assert {p["kind"] for p in done["photos"]} == {"before", "after"}
    assert client.get("/api/ledger/verify", headers=inspector).json()["ok"] is True


def test_idempotent_report_same_key_same_ticket_different_body_422(client, db, town):
    headers = login(client, town.inspector)
    key = str(uuid.uuid4())
    first = report(client, headers, key=key)
    again = report(client, headers, key=key)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    other = report(client, headers, key=key, description="不同的内容")
    assert other.status_code == 422
    assert count(db, Ticket) == 1 and count(db, Photo) == 1 and count(db, Event) == 1


def test_retried_rectify_is_answered_not_repeated(client, db, town):
    inspector, chief = login(client, town.inspector), login(client, town.road_chief)
    t = report(client, inspector).json()
    key = str(uuid.uuid4())
    assert rectify(client, chief, t["id"], key=key).status_code == 200
    again = rectify(client, chief, t["id"], key=key)
    assert again.status_code == 200 and again.json()["status"] == "rectified"
    assert [e["action"] for e in again.json()["events"]] == ["report", "rectify"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"category": "9999"}, "unknown category"),
        ({"lat": "abc"}, "lat"),
        ({"lat": "91"}, "lat"),
        ({"lon": "-181"}, "lon"),
        ({"lat": "nan"}, "lat"),
        ({"accuracy_m": "-3"}, "accuracy_m"),
        ({"captured_at": "yesterday"}, "captured_at"),
    ],
)
def test_bad_reports_get_a_clear_error_and_leave_nothing(client, db, town, fields, message):
    headers = login(client, town.inspector)
    r = (
        report(client, headers, **fields)
        if "lat" not in fields and "lon" not in fields
        else client.post(
            "/api/tickets",
            data={"category": "0201", "lat": str(LAT0), "lon": str(LON0), **fields},
            files=[("photo", ("p.jpg", jpeg_bytes(), "image/jpeg"))],
            headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
        )
    )
    assert r.status_code == 422, r.text
    assert message in r.json()["detail"]
    assert "Traceback" not in r.text
    assert count(db, Ticket) == 0 and count(db, Photo) == 0 and count(db, Event) == 0


def test_no_photo_no_key_no_login(client, db, town):
    headers = login(client, town.inspector)
    data = {"category": "0201", "lat": str(LAT0), "lon": str(LON0)}
    no_photo = client.post(
        "/api/tickets", data=data, headers={**headers, "Idempotency-Key": str(uuid.uuid4())}
    )
    assert no_photo.status_code == 422 and "photo" in no_photo.json()["detail"]
    no_key = client.post(
        "/api/tickets",
        data=data,
        files=[("photo", ("p.jpg", jpeg_bytes(), "image/jpeg"))],
        headers=headers,
    )
    assert no_key.status_code == 422 and "Idempotency-Key" in no_key.json()["detail"]
    anonymous = report(client, {})
    assert anonymous.status_code == 401
    assert count(db, Ticket) == 0 and count(db, Photo) == 0


def test_who_may_do_what(client, town):
    inspector = login(client, town.inspector)
    t = report(client, inspector).json()
    tid = t["id"]
    other_chief = login(client, town.other_chief)
    assert client.get(f"/api/tickets/{tid}", headers=other_chief).status_code == 404
    assert rectify(client, other_chief, tid).status_code == 404
    assert rectify(client, inspector, tid).status_code == 403
    staff = login(client, town.dept_staff)
    assert rectify(client, staff, tid).status_code == 404
    # Verifying a ticket nobody rectified yet is the wrong state.
    r = client.post(
        f"/api/tickets/{tid}/verify", json={"approved": True, "note": ""}, headers=inspector
    )
    assert r.status_code == 409
    r = client.post(f"/api/tickets/{tid}/dismiss", json={"reason": "invalid"}, headers=inspector)
    assert r.status_code == 403
    # The zone chief stands above the road chief and may act.
    zone_chief = login(client, town.zone_chief)
    assert rectify(client, zone_chief, tid).status_code == 200
    # A chief may not verify.
    r = client.post(
        f"/api/tickets/{tid}/verify", json={"approved": True, "note": ""}, headers=zone_chief
    )
    assert r.status_code == 403
    # The town leader (level 1) sees everything in the town.
    leader = login(client, town.leader)
    assert client.get("/api/tickets?inbox=1", headers=leader).json()["count"] == 1


def test_handoff_dispatch_and_dismiss_answer_the_ticket(client, town):
    """The side roads' contract (their rules: test_ticket_actions.py)."""
    inspector, sup = login(client, town.inspector), login(client, town.supervisor)
    t = report(client, inspector, category="0505").json()
    r = client.post(
        f"/api/tickets/{t['id']}/handoff",
        json={"department_id": town.department.id, "note": "违停交交警"},
        headers=login(client, town.road_chief),
    )
    assert r.status_code == 200, r.text
    assert r.json()["department"]["id"] == town.department.id
    assert r.json()["assignee"]["id"] == town.dept_staff.id
    lost = report(client, inspector, lat=LAT0 + 0.03, lon=LON0, seed=3).json()
    r = client.post(
        f"/api/tickets/{lost['id']}/dispatch",
        json={"road_id": town.north_south.id, "note": "人工派遣"},
        headers=sup,
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "assigned" and r.json()["assignee"]["id"] == town.other_chief.id
    r = client.post(
        f"/api/tickets/{lost['id']}/dismiss",
        json={"reason": "duplicate", "duplicate_of": t["id"], "note": "重复上报"},
        headers=sup,
    )
    assert r.json()["status"] == "dismissed" and r.json()["duplicate_of"]["id"] == t["id"]
    r = client.post(f"/api/tickets/{lost['id']}/dismiss", json={"reason": "invalid"}, headers=sup)
    assert r.status_code == 409


def test_list_filters_bbox_and_paging(client, town):
    headers = login(client, town.inspector)
    for seed in range(3):
        report(client, headers, seed=10 + seed)
    report(client, headers, lat=LAT0 + 0.03, lon=LON0 + 0.03, seed=20)
    page = client.get("/api/tickets?limit=2", headers=headers).json()
    assert page["count"] == 4 and len(page["data"]) == 2
    box = f"{LON0 - 0.01},{LAT0 - 0.01},{LON0 + 0.01},{LAT0 + 0.01}"
    assert client.get(f"/api/tickets?bbox={box}", headers=headers).json()["count"] == 3
    assert client.get("/api/tickets?status=pending", headers=headers).json()["count"] == 1
    assert (
        client.get(f"/api/tickets?road={town.east_west.id}", headers=headers).json()["count"] == 3
    )
    assert client.get("/api/tickets?bbox=1,2,3", headers=headers).status_code == 422
    assert client.get("/api/tickets?status=open", headers=headers).status_code == 422
