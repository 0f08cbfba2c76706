"""Duplicate suggestions: same category, open, within 50 m and 24 h — or a near-identical photo."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from app.core.timeutil import utcnow
from app.tickets.models import Status
from tests.console.factories import add_photo, create_ticket
from tests.factories import create_town, create_user, login

LON, LAT = 102.10, 22.30
M = 1 / 111_320  # a metre of latitude in degrees
PHASH = "f0e1d2c3b4a59687"


def flip(phash: str, bits: int) -> str:
    """The hash with its lowest `bits` bits inverted."""
    return f"{int(phash, 16) ^ ((1 << bits) - 1):016x}"


@pytest.fixture
def town(db: Session):
    return create_town(db)


@pytest.fixture
def sup(client, town):
    return login(client, town.supervisor)


def ids(body: list[dict]) -> list[int]:
    return [d["ticket"]["id"] for d in body]


def test_nearby_open_same_category_within_a_day(client, db, town, sup):
    now = utcnow()
    me = create_ticket(db, town, lat=LAT, lon=LON)
    near = create_ticket(db, town, lat=LAT + 30 * M, lon=LON, received_at=now - timedelta(hours=20))
    create_ticket(db, town, lat=LAT + 80 * M, lon=LON)  # too far
    create_ticket(db, town, lat=LAT + 10 * M, lon=LON, category="0505")  # another category
    create_ticket(db, town, lat=LAT, lon=LON, received_at=now - timedelta(hours=30))  # too old
    create_ticket(db, town, lat=LAT, lon=LON, status=Status.closed)  # already done
    r = client.get(f"/api/tickets/{me.id}/duplicates", headers=sup)
    assert r.status_code == 200, r.text
    body = r.json()
    assert ids(body) == [near.id]
    assert body[0]["reasons"] == ["nearby"]
    assert 28 <= body[0]["distance_m"] <= 32
    assert body[0]["ticket"]["number"] == near.number


def test_a_near_identical_photo_is_a_duplicate_anywhere(client, db, town, sup):
    me = create_ticket(db, town, lat=LAT, lon=LON)
    add_photo(db, me, PHASH)
    same_scene = create_ticket(db, town, lat=LAT + 0.01, lon=LON, category="0505")
    add_photo(db, same_scene, flip(PHASH, 6))
    other = create_ticket(db, town, lat=LAT + 0.01, lon=LON)
    add_photo(db, other, flip(PHASH, 7))  # 7 bits apart: a different picture
    body = client.get(f"/api/tickets/{me.id}/duplicates", headers=sup).json()
    assert ids(body) == [same_scene.id]
    assert body[0]["reasons"] == ["photo"] and body[0]["hamming"] == 6


def test_photo_matches_rank_first(client, db, town, sup):
    me = create_ticket(db, town, lat=LAT, lon=LON)
    add_photo(db, me, PHASH)
    near = create_ticket(db, town, lat=LAT + 5 * M, lon=LON)
    both = create_ticket(db, town, lat=LAT + 20 * M, lon=LON)
    add_photo(db, both, PHASH)
    body = client.get(f"/api/tickets/{me.id}/duplicates", headers=sup).json()
    assert ids(body) == [both.id, near.id]
    assert body[0]["reasons"] == ["nearby", "photo"] and body[0]["hamming"] == 0


def test_unknown_ticket_and_other_roles(client, db, town, sup):
    assert client.get("/api/tickets/999999999/duplicates", headers=sup).status_code == 404
    me = create_ticket(db, town, lat=LAT, lon=LON)
    chief = login(client, create_user(db, "chief", level=3))
    assert client.get(f"/api/tickets/{me.id}/duplicates", headers=chief).status_code == 403
