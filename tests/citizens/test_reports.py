"""随手拍 end to end through the API: file without an account, triage, follow, rate, review."""

from typing import Any

import pytest
from sqlmodel import Session, select

from app.citizens.models import CitizenReport
from app.tickets.models import Status, Ticket
from tests.citizens.helpers import file, solve
from tests.factories import LAT0, create_town, jpeg_bytes, login


def _track(client: Any, token: str) -> dict[str, Any]:
    r = client.get(f"/api/citizen/track/{token}")
    assert r.status_code == 200, r.text
    return r.json()


def test_file_accept_rectify_close_rate_reopen(client: Any, db: Session) -> None:
    town = create_town(db)
    r = file(client, phone="13800138000")
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    assert r.json()["tracking_url"] == f"/s/t/{token}"
    view = _track(client, token)
    assert view["stage"] == "triage" and view["ticket"] is None
    assert "13800138000" not in str(view)
    assert client.get(view["photos"][0]).headers["content-type"] == "image/jpeg"

    sup = login(client, town.supervisor)
    queue = client.get("/api/citizen/triage", headers=sup).json()["data"]
    mine = next(q for q in queue if q["description"] == "小广告贴满了电线杆")
    assert mine["phone"] == "13800138000" and mine["light"] == "green"
    assert client.get(mine["photos"][0]["thumb_url"], headers=sup).status_code == 200

    r = client.post(f"/api/citizen/triage/{mine['id']}/accept", json={"note": "属实"}, headers=sup)
    assert r.status_code == 200, r.text
    ticket = db.get(Ticket, r.json()["ticket"]["id"])
    assert ticket is not None and ticket.status == Status.assigned
    assert ticket.road_id == town.east_west.id and ticket.assignee_id == town.road_chief.id
    report = db.get(CitizenReport, mine["id"])
    assert report is not None and report.triaged_at is not None and ticket.assigned_at is not None
    assert ticket.assigned_at >= report.triaged_at > report.created_at  # clock from acceptance
    events = client.get(f"/api/tickets/{ticket.id}", headers=sup).json()["events"]
    assert [e["action"] for e in events] == ["report", "accept"]
    assert _track(client, token)["stage"] == "in_progress"
    # A second decision on the same report is refused.
    again = client.post(
        f"/api/citizen/triage/{mine['id']}/reject", json={"reason": "x"}, headers=sup
    )
    assert again.status_code == 409

    chief = login(client, town.road_chief)
    r = client.post(
        f"/api/tickets/{ticket.id}/rectify",
        data={"note": "已清理"},
        files=[("photo", ("a.jpg", jpeg_bytes(77), "image/jpeg"))],
        headers=chief,
    )
    assert r.status_code == 200, r.text
    inspector = login(client, town.inspector)
    r = client.post(f"/api/tickets/{ticket.id}/verify", json={"approved": True}, headers=inspector)
    assert r.status_code == 200, r.text

    view = _track(client, token)
    assert view["stage"] == "closed" and view["can_rate"]
    assert len(view["after_photos"]) == 1
    # The reporter sees the after-photo without the evidence watermark (it names the chief).
    seen = client.get(view["after_photos"][0])
    assert seen.status_code == 200 and b"Exif" not in seen.content[:2000]
    staff = client.get(f"/api/tickets/{ticket.id}", headers=chief).json()["photos"]
    staff_copy = client.get(next(p["url"] for p in staff if p["kind"] == "after"), headers=chief)
    assert staff_copy.status_code == 200 and seen.content != staff_copy.content
    cached = client.get(view["after_photos"][0], headers={"If-None-Match": seen.headers["etag"]})
    assert cached.status_code == 304
    assert (
        client.post(f"/api/citizen/track/{token}/rating", json={"score": "unsatisfied"}).status_code
        == 422
    )
    r = client.post(
        f"/api/citizen/track/{token}/rating", json={"score": "unsatisfied", "reason": "又贴上了"}
    )
    assert r.status_code == 201 and r.json()["review"] == "open"
    assert (
        client.post(f"/api/citizen/track/{token}/rating", json={"score": "satisfied"}).status_code
        == 409
    )
    db.refresh(ticket)
    assert ticket.status == Status.closed  # not reopened for the chief by itself

    sup = login(client, town.supervisor)
    pending = client.get("/api/citizen/reviews", headers=sup).json()
    assert [p["ticket"]["id"] for p in pending] == [ticket.id]
    r = client.post(
        f"/api/citizen/reviews/{pending[0]['id']}",
        json={"decision": "reopen", "note": "现场复查确有反弹"},
        headers=sup,
    )
    assert r.status_code == 200, r.text
    db.refresh(ticket)
    assert ticket.status == Status.assigned and ticket.rework_count == 1
    assert ticket.closed_at is None
    assert _track(client, token)["stage"] == "in_progress"


def test_merge_and_reject_are_what_the_reporter_sees(client: Any, db: Session) -> None:
    town = create_town(db)
    sup = login(client, town.supervisor)
    inspector = login(client, town.inspector)
    from tests.factories import report as staff_report

    original = staff_report(client, inspector).json()
    first = file(client, seed=3).json()["token"]
    second = file(client, seed=4).json()["token"]
    queue = client.get("/api/citizen/triage", headers=sup).json()["data"]
    assert original["id"] in [c["id"] for c in queue[0]["candidates"]]
    a, b = queue[0]["id"], queue[1]["id"]
    r = client.post(
        f"/api/citizen/triage/{a}/merge", json={"number": original["number"]}, headers=sup
    )
    assert r.status_code == 200, r.text
    r = client.post(
        f"/api/citizen/triage/{b}/reject", json={"reason": "不属于城市管理范围"}, headers=sup
    )
    assert r.status_code == 200, r.text
    merged = _track(client, first)
    assert merged["merged"] and merged["ticket"]["number"] == original["number"]
    rejected = _track(client, second)
    assert rejected["stage"] == "rejected" and rejected["reject_reason"] == "不属于城市管理范围"
    assert client.post(
        f"/api/citizen/triage/{b}/reject", json={"reason": ""}, headers=sup
    ).status_code in (409, 422)


def test_only_the_command_centre_triages(client: Any, db: Session) -> None:
    town = create_town(db)
    file(client)
    for user in (town.inspector, town.road_chief):
        assert client.get("/api/citizen/triage", headers=login(client, user)).status_code == 403
    assert client.get("/api/citizen/triage").status_code == 401


def test_proof_of_work_missing_wrong_or_replayed_is_refused(client: Any, db: Session) -> None:
    r = file(client, proof=None)
    assert r.status_code == 422 and r.json()["code"] == "proof_required"
    assert file(client, proof="bm90IGpzb24=").json()["code"] == "proof_required"
    proof = solve(client)
    assert file(client, proof=proof).status_code == 201
    replay = file(client, proof=proof, seed=2)
    assert replay.status_code == 422 and "already used" in replay.json()["detail"]


def test_forged_or_tampered_tracking_links_are_404(client: Any, db: Session) -> None:
    token = file(client).json()["token"]
    assert client.get(f"/api/citizen/track/{token[:-2]}xx").status_code == 404
    assert client.get("/api/citizen/track/WzEsImFiYyJd.bogus").status_code == 404
    report = db.exec(select(CitizenReport).order_by(CitizenReport.id.desc())).first()  # type: ignore[union-attr]
    assert report is not None
    from app.citizens.tracking import make_token

    # Signed by us but with another nonce (a revoked or guessed link): still nothing.
    assert client.get(f"/api/citizen/track/{make_token(report.id, 'guess')}").status_code == 404  # type: ignore[arg-type]


def test_rate_limit_per_device_and_address(
    client: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROADCHIEF_CITIZEN_REPORTS_PER_DEVICE", "2")
    monkeypatch.setenv("ROADCHIEF_CITIZEN_REPORTS_PER_ADDRESS", "3")
    assert file(client, device="phone-a", seed=1).status_code == 201
    assert file(client, device="phone-a", seed=2).status_code == 201
    r = file(client, device="phone-a", seed=3)
    assert r.status_code == 429 and r.json()["code"] == "slow_down"
    assert 0 < int(r.headers["Retry-After"]) <= 3600 + 60  # the window and one slice of it
    assert file(client, device="phone-b", seed=4).status_code == 201
    r = file(client, device="phone-c", seed=5)  # same address, fourth report
    assert r.status_code == 429 and "Retry-After" in r.headers


def test_same_photo_refusals_as_staff_reports(client: Any, db: Session) -> None:
    r = client.post(
        "/api/citizen/reports",
        data={"category": "0201", "lat": "31", "lon": "119.9", "altcha": solve(client)},
        files=[("photo", ("x.jpg", b"<?php echo 1; ?>" * 20, "image/jpeg"))],
    )
    assert r.status_code == 415


def test_contacts_are_erased_after_the_retention_period(client: Any, db: Session) -> None:
    from datetime import timedelta

    from app.citizens.service import erase_expired_contacts
    from app.core.timeutil import utcnow

    file(client, phone="13900000000")
    report = db.exec(select(CitizenReport).where(CitizenReport.phone == "13900000000")).one()
    assert erase_expired_contacts(db, utcnow() + timedelta(days=179)) == 0
    assert erase_expired_contacts(db, utcnow() + timedelta(days=181)) >= 1
    db.refresh(report)
    assert report.phone is None and report.contact_erased_at is not None


def test_a_refused_report_does_not_spend_the_proof_or_the_allowance(
    client: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is counted until the report is recorded: a bad photo or place costs nothing."""
    create_town(db)
    db.commit()  # the town outlives the refused requests' rollbacks
    monkeypatch.setenv("ROADCHIEF_CITIZEN_REPORTS_PER_DEVICE", "1")
    proof = solve(client)
    bad_photo = client.post(
        "/api/citizen/reports",
        data={"category": "0201", "lat": "31", "lon": "119.9", "altcha": proof},
        files=[("photo", ("x.jpg", b"not a photo at all" * 20, "image/jpeg"))],
        headers={"X-Device-Id": "phone-z"},
    )
    assert bad_photo.status_code == 415
    far = file(client, proof=proof, device="phone-z", lat=LAT0 + 0.5)  # ~55 km away
    assert far.status_code == 422 and "辖区外" in far.json()["detail"]
    assert file(client, proof=proof, device="phone-z").status_code == 201
    assert file(client, device="phone-z", seed=2).status_code == 429


def test_behind_the_proxy_each_citizen_has_their_own_allowance(
    app: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through nginx every request comes from the proxy: the limit is per X-Forwarded-For."""
    from fastapi.testclient import TestClient

    from app.core.config import get_settings

    monkeypatch.setenv("ROADCHIEF_TRUSTED_PROXIES", "10.0.0.0/8")
    monkeypatch.setenv("ROADCHIEF_CITIZEN_REPORTS_PER_ADDRESS", "1")
    get_settings.cache_clear()
    with TestClient(app, client=("10.0.0.2", 40000), raise_server_exceptions=False) as proxy:

        def from_(address: str, seed: int) -> int:
            return int(file(proxy, seed=seed, **{"X-Forwarded-For": address}).status_code)

        assert [from_("203.0.113.7", 1), from_("198.51.100.4", 2)] == [201, 201]
        assert from_("203.0.113.7", 3) == 429
    get_settings.cache_clear()
