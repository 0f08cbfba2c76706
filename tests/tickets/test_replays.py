"""Replays under one Idempotency-Key: who and what must match, and a retry makes the same files."""

import time
import uuid

import pytest
from sqlmodel import func, select

from app.ledger.models import Event
from app.photos.fsck import fsck
from app.photos.models import Photo, PhotoKind
from app.photos.service import prepare_photos, store_photos
from app.photos.storage import get_storage
from app.tickets import filing
from app.tickets.models import ReportClaim, Ticket
from tests.factories import LAT0, LON0, create_town, jpeg_bytes, login, report
from tests.photos.conftest import upload


@pytest.fixture
def town(db):
    return create_town(db)


def rectify(client, headers, ticket_id, key, seed=100, note="已清理"):
    return client.post(
        f"/api/tickets/{ticket_id}/rectify",
        data={"note": note},
        files=[("photo", ("after.jpg", jpeg_bytes(seed), "image/jpeg"))],
        headers={**headers, "Idempotency-Key": key},
    )


def test_an_action_replayed_with_another_body_or_by_another_user_is_refused(client, db, town):
    inspector, chief = login(client, town.inspector), login(client, town.road_chief)
    zone_chief = login(client, town.zone_chief)  # may rectify too (a chief above)
    t = report(client, inspector).json()
    key = str(uuid.uuid4())
    assert rectify(client, chief, t["id"], key).status_code == 200
    other_note = rectify(client, chief, t["id"], key, note="换了说法")
    other_photo = rectify(client, chief, t["id"], key, seed=101)
    other_user = rectify(client, zone_chief, t["id"], key)
    assert [r.status_code for r in (other_note, other_photo, other_user)] == [422] * 3
    assert "another user" in other_user.json()["detail"]
    same = rectify(client, chief, t["id"], key)
    assert same.status_code == 200 and same.json()["status"] == "rectified"
    events = db.exec(select(Event).where(Event.ticket_id == t["id"])).all()
    assert [e.action for e in events] == ["report", "rectify"]
    assert db.exec(select(func.count()).select_from(Photo)).one() == 2


def test_a_handoff_replayed_with_another_department_is_refused(client, db, town):
    inspector, chief = login(client, town.inspector), login(client, town.road_chief)
    t = report(client, inspector).json()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"department_id": town.department.id, "note": "交给部门"}
    url = f"/api/tickets/{t['id']}/handoff"
    assert client.post(url, json=body, headers={**chief, **key}).status_code == 200
    assert client.post(url, json=body, headers={**chief, **key}).status_code == 200
    changed = {**body, "note": "别的理由"}
    assert client.post(url, json=changed, headers={**chief, **key}).status_code == 422


def test_a_retried_report_renders_the_same_copies(app, db, town):
    """A request killed after writing its files leaves nothing its retry does not adopt.

    The watermark's inputs come from the report (the number claimed under its key, the time
    it was first received), not from the clock of the request drawing it.
    """
    data = filing.Report("0201", LAT0 + 0.0001, LON0 - 0.002, 8.0, "小广告", None)
    key = str(uuid.uuid4())
    photo = jpeg_bytes(7)  # no EXIF time: the watermark shows when the server received it

    def attempt() -> tuple[filing.Claim, list[str]]:
        prepared = prepare_photos([upload(photo)])
        planned = filing.plan(db, filing.Filer(town.inspector), data, key, prepared)
        claim = filing.claim(db, planned)
        stored = store_photos(prepared, PhotoKind.before, claim.caption())
        return claim, [k for s in stored for k in (s.original_key, s.display_key, s.thumb_key)]

    killed_claim, killed_files = attempt()  # ... and the process died here
    time.sleep(1.1)  # the retry's clock shows another second
    claim, files = attempt()
    assert claim.number == killed_claim.number and files == killed_files
    stored = store_photos(prepare_photos([upload(photo)]), PhotoKind.before, claim.caption())
    ticket, created = filing.record(db, claim, stored)
    assert created and ticket.number == claim.number
    assert db.get(ReportClaim, key) is None
    report_ = fsck(db, get_storage(), fix=False)
    assert report_.orphans == [] and report_.missing == []


def test_a_report_key_cannot_be_reused_for_another_report_even_before_it_is_filed(client, db, town):
    headers = login(client, town.inspector)
    key = str(uuid.uuid4())
    db.add(
        ReportClaim(
            idempotency_key=key,
            number="20000101-0001",
            reporter_id=town.inspector.id,
            request_fingerprint="0" * 64,
            received_at=town.inspector.created_at,
        )
    )
    db.flush()
    r = report(client, headers, key=key)
    assert r.status_code == 422
    assert db.exec(select(func.count()).select_from(Ticket)).one() == 0
