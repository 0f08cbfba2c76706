"""The live map's clusters: counts per cell, status and light; filters; single tickets close up."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.console import cells
from app.console.filters import TicketFilter
from app.console.service import clusters
from app.core.timeutil import utcnow
from app.tickets.models import Status
from tests.console.factories import create_ticket
from tests.factories import create_town, create_user, login

# Far from every other test's tickets, so counts are exactly ours.
LON, LAT = 101.30, 21.70
BBOX = f"{LON - 0.05},{LAT - 0.05},{LON + 0.05},{LAT + 0.05}"
# Two spots about 3 km apart: separate cells at zoom 14 (cells of ~0.0055°).
A = (LAT + 0.001, LON + 0.001)
B = (LAT + 0.021, LON + 0.031)


@pytest.fixture(params=["scan", "cells"])
def mode(request: pytest.FixtureRequest, db: Session) -> Iterator[str]:
    """Every test runs on the plain scan and on the trigger-kept cell counts."""
    if request.param == "cells" and not cells.available(db):
        cells.install(db)
    elif request.param == "scan" and cells.available(db):
        # Inside the test's transaction, so the migration's table comes back afterwards.
        for statement in cells.drop_ddl(db.get_bind().dialect.name):
            db.execute(text(statement))
        cells.forget()
    yield request.param
    cells.forget()


@pytest.fixture
def town(db: Session):
    return create_town(db)


@pytest.fixture
def sup(client, db: Session, town):
    return login(client, town.supervisor)


def world(db: Session, town) -> dict[str, object]:
    now = utcnow()
    old = now - timedelta(days=3)
    made = {
        # Spot A: 2 assigned (one red = overdue, one green), 1 closed, 1 pending.
        "red": create_ticket(db, town, lat=A[0], lon=A[1], received_at=old),
        "green": create_ticket(db, town, lat=A[0] + 0.0002, lon=A[1], category="0505"),
        "closed": create_ticket(
            db,
            town,
            lat=A[0],
            lon=A[1] + 0.0002,
            status=Status.closed,
            closed_at=now,
            closed_in_time=True,
        ),  # fmt: skip
        "pending": create_ticket(
            db, town, lat=A[0] - 0.0002, lon=A[1], status=Status.pending, road=None
        ),  # fmt: skip
        # Spot B: one yellow (90 % of its time used).
        "yellow": create_ticket(
            db,
            town,
            lat=B[0],
            lon=B[1],
            received_at=now - timedelta(hours=9),
            due_at=now + timedelta(hours=1),
        ),  # fmt: skip
    }
    return made


def by_count(body: dict) -> list[dict]:
    return sorted(body["clusters"], key=lambda c: -c["count"])


def test_cells_count_status_and_light(client, db, town, sup, mode):
    world(db, town)
    r = client.get("/api/map/clusters", params={"bbox": BBOX, "zoom": 14}, headers=sup)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["mode"] == "clusters" and body["total"] == 5
    a, b = by_count(body)
    assert a["count"] == 4
    assert a["status"] == {"pending": 1, "assigned": 2, "rectified": 0, "closed": 1, "dismissed": 0}
    assert a["light"] == {"green": 1, "yellow": 0, "red": 1}
    assert abs(a["lat"] - A[0]) < 0.0005 and abs(a["lon"] - A[1]) < 0.0005
    assert a["ticket_id"] is None
    assert b["count"] == 1 and b["light"] == {"green": 0, "yellow": 1, "red": 0}
    assert b["ticket_id"] is not None


def test_zoomed_out_the_two_spots_merge(client, db, town, sup, mode):
    world(db, town)
    body = client.get("/api/map/clusters", params={"bbox": BBOX, "zoom": 8}, headers=sup).json()
    assert [c["count"] for c in body["clusters"]] == [5]


def test_filters(client, db, town, sup, mode):
    made = world(db, town)

    def total(**params) -> int:
        r = client.get(
            "/api/map/clusters", params={"bbox": BBOX, "zoom": 14, **params}, headers=sup
        )
        assert r.status_code == 200, r.text
        return r.json()["total"]

    assert total(status="pending,assigned,rectified") == 4
    assert total(status="closed") == 1
    assert total(overdue=1) == 1
    assert total(category="05") == 1  # a class code matches its sub-classes
    assert total(category="0201,0505") == 5
    assert total(road=str(town.east_west.id)) == 4  # the pending one has no road
    assert total(assignee=str(town.road_chief.id)) == 4
    # Received in the last minute: green, closed and pending (red and yellow are older).
    assert total(since=(made["green"].received_at - timedelta(minutes=1)).isoformat()) == 3


def test_close_up_returns_single_tickets(client, db, town, sup):
    made = world(db, town)
    r = client.get("/api/map/clusters", params={"bbox": BBOX, "zoom": 18}, headers=sup)
    body = r.json()
    assert body["mode"] == "tickets" and body["truncated"] is False
    lights = {t["id"]: t["light"] for t in body["tickets"]}
    assert lights[made["red"].id] == "red"
    assert lights[made["yellow"].id] == "yellow"
    assert lights[made["closed"].id] is None


def test_cell_counts_follow_status_changes(db, town, mode):
    """The triggers move a ticket between status counts as it changes."""
    made = world(db, town)
    bbox = (LON - 0.05, LAT - 0.05, LON + 0.05, LAT + 0.05)
    ticket = made["green"]
    ticket.status = Status.closed
    ticket.closed_at = utcnow()
    db.add(ticket)
    db.flush()
    body = clusters(db, bbox, 14, TicketFilter(), utcnow())
    a = max(body["clusters"], key=lambda c: c["count"])
    assert a["status"]["closed"] == 2 and a["status"]["assigned"] == 1
    assert a["light"] == {"green": 0, "yellow": 0, "red": 1}


def test_only_the_command_centre_sees_the_map(client, db, town):
    inspector = login(client, create_user(db, "inspector"))
    r = client.get("/api/map/clusters", params={"bbox": BBOX, "zoom": 14}, headers=inspector)
    assert r.status_code == 403


def test_bad_bbox_is_refused(client, sup):
    r = client.get("/api/map/clusters", params={"bbox": "1,2,3", "zoom": 14}, headers=sup)
    assert r.status_code == 422
    assert "bbox" in r.json()["detail"]
