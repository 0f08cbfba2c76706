"""Ratings feed the weekly bulletin's 群众满意率 per road, chief, zone and department."""

from typing import Any

from sqlmodel import Session

from tests.citizens.helpers import file
from tests.factories import create_town, jpeg_bytes, login


def _closed_and_rated(client: Any, town: Any, seed: int, score: str) -> int:
    token = file(client, seed=seed).json()["token"]
    sup = login(client, town.supervisor)
    queue = client.get("/api/citizen/triage", headers=sup).json()["data"]
    ticket_id = client.post(
        f"/api/citizen/triage/{queue[0]['id']}/accept", json={}, headers=sup
    ).json()["ticket"]["id"]
    client.post(
        f"/api/tickets/{ticket_id}/rectify",
        data={"note": "ok"},
        files=[("photo", ("a.jpg", jpeg_bytes(seed + 50), "image/jpeg"))],
        headers=login(client, town.road_chief),
    )
    client.post(
        f"/api/tickets/{ticket_id}/verify",
        json={"approved": True},
        headers=login(client, town.inspector),
    )
    body = {"score": score, "reason": "还有残留" if score == "unsatisfied" else ""}
    assert client.post(f"/api/citizen/track/{token}/rating", json=body).status_code == 201
    return ticket_id


def test_bulletin_shows_satisfaction_with_the_number_of_ratings(client: Any, db: Session) -> None:
    town = create_town(db)
    for seed, score in ((11, "satisfied"), (12, "fair"), (13, "unsatisfied")):
        _closed_and_rated(client, town, seed, score)
    sup = login(client, town.supervisor)
    data = client.get("/api/bulletin", headers=sup).json()
    for dim, unit in (
        ("road", town.east_west.id),
        ("chief", town.road_chief.id),
        ("zone", town.zone.id),
    ):
        row = next(r for r in data["sections"][dim] if r["id"] == unit)
        assert row["ratings"] == 3, dim
        assert abs(row["satisfaction_rate"] - 2 / 3) < 1e-3, dim
    assert data["totals"]["ratings"] >= 3
    assert "群众满意率" in client.get("/api/bulletin/print", headers=sup).text
