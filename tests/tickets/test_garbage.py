"""Garbage anywhere gets a clear JSON error (4xx), never a 500 or a stack trace."""

import uuid
from datetime import UTC, datetime

import pytest

from tests.factories import create_town, jpeg_bytes, login, report


@pytest.fixture
def setup(client, db):
    town = create_town(db)
    headers = login(client, town.inspector)
    return headers, report(client, headers).json()


def _key(headers):
    return {**headers, "Idempotency-Key": str(uuid.uuid4())}


def test_garbage_requests(client, setup):
    h, t = setup
    photo = [("photo", ("p.jpg", jpeg_bytes(), "image/jpeg"))]
    cases = [
        (
            client.post(
                "/api/tickets",
                content=b"\x00\xffgarbage",
                headers={**_key(h), "Content-Type": "multipart/form-data; boundary=zzz"},
            ),
            400,
        ),
        (
            client.post(
                "/api/tickets",
                content=b"{}",
                headers={**_key(h), "Content-Type": "application/json"},
            ),
            422,
        ),
        (client.get("/api/tickets?limit=abc", headers=h), 422),
        (client.get("/api/tickets?since=notadate", headers=h), 422),
        (client.get("/api/tickets/99999999999999999999", headers=h), 422),
        (client.get(f"/api/tickets?road={10**30}", headers=h), 422),
        (client.get("/api/tickets?near=1,2,3&sort=distance", headers=h), 422),
        (
            client.post(
                "/api/tickets",
                data={"category": "0201", "lat": "1e400", "lon": "0"},
                files=photo,
                headers=_key(h),
            ),
            422,
        ),
        (
            client.post(
                "/api/tickets",
                data={"category": "0201", "lat": "31", "lon": "119.9", "description": "x" * 5000},
                files=photo,
                headers=_key(h),
            ),
            422,
        ),
        (
            client.post(
                "/api/tickets",
                data={"category": "0201", "lat": "31", "lon": "119.9"},
                files=photo,
                headers={**h, "Idempotency-Key": "short"},
            ),
            422,
        ),
    ]
    for response, status in cases:
        assert response.status_code == status, response.text
        body = response.json()
        assert body["detail"] and "Traceback" not in response.text


def test_malformed_verify_bodies(client, db, setup):
    h, t = setup
    town_chief = t["assignee"]["id"]
    assert town_chief
    from app.org.models import User

    chief = login(client, db.get(User, town_chief))
    client.post(
        f"/api/tickets/{t['id']}/rectify",
        data={"note": "ok"},
        files=[("photo", ("a.jpg", jpeg_bytes(9), "image/jpeg"))],
        headers=chief,
    )
    for body in (b"{not json", b'{"approved": "maybe"}', b"[1, 2]", b'{"approved": true, "x": 1}'):
        r = client.post(
            f"/api/tickets/{t['id']}/verify",
            content=body,
            headers={**h, "Content-Type": "application/json"},
        )
        assert r.status_code == 422, (body, r.text)
    assert client.get(f"/api/tickets/{t['id']}", headers=h).json()["status"] == "rectified"


def test_text_with_nul_characters_is_refused_on_every_database(client, setup):
    h, t = setup
    r = report(client, h, description="牛皮癣\x00一处")
    assert r.status_code == 422 and "NUL" in r.json()["detail"], r.text
    r = client.get("/api/tickets", params={"category": "02\x0001"}, headers=h)
    assert r.status_code == 422 and "NUL" in r.json()["detail"], r.text
    assert client.get("/api/tickets", headers=h).json()["count"] == 1


def test_a_capture_time_in_the_future_is_refused(client, setup):
    h, t = setup
    r = report(client, h, captured_at="9999-12-31T00:00:00Z")
    assert r.status_code == 422 and "captured_at" in r.json()["detail"], r.text
    r = report(client, h, captured_at=datetime.now(UTC).isoformat())
    assert r.status_code == 201, r.text
