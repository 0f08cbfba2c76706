"""A campaign's figures against an independent count on generated tickets.

Every generated ticket is assigned on Wednesday 2030-06-05 at 09:00 (Shanghai). The target is
4 working hours: 09:00–12:00 is three, 14:00–15:00 the fourth, so the target deadline is 15:00
that day, counted here by hand rather than by the business clock.
"""

import datetime as dt
import random
import uuid
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.campaigns import service
from app.campaigns.models import Campaign
from app.org.models import Zone
from app.tickets.models import Status, Ticket
from tests.factories import LAT0, LON0, create_town, login

SH = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2030, 6, day, hour, minute, tzinfo=SH).astimezone(dt.UTC)


TARGET_AT = at(5, 15)
NOW = at(7, 12)


def _ticket(db: Session, town, **kw) -> Ticket:
    ticket = Ticket(
        number=f"T{uuid.uuid4().hex[:12]}",
        lat=LAT0,
        lon=LON0,
        reporter_id=town.inspector.id,
        idempotency_key=uuid.uuid4().hex,
        request_fingerprint="x",
        **({"received_at": at(5, 8)} | kw),
    )
    db.add(ticket)
    db.flush()
    return ticket


def test_figures_match_an_independent_count(client, db):
    town = create_town(db)
    other_zone = Zone(area_id=town.area.id, name="城西片区", geometry=town.zone.geometry)
    db.add(other_zone)
    db.flush()
    headers = login(client, town.supervisor)
    r = client.post(
        "/api/campaigns",
        json={
            "name": "牛皮癣百日攻坚",
            "starts_on": "2030-06-01",
            "ends_on": "2030-06-30",
            "category_codes": ["0201"],
            "zone_ids": [town.zone.id],
            "target_value": 4,
            "target_unit": "work_hours",
            "target_rate": 0.95,
        },
        headers=headers,
    )
    assert r.status_code == 201, r.text
    campaign = db.get(Campaign, r.json()["id"])

    rng = random.Random(13)
    expected = {"found": 0, "rectified": 0, "overdue": 0, "due": 0, "on_time": 0}
    per_unit: dict[int, int] = {}
    untagged = None
    for _ in range(60):
        in_scope = rng.random() < 0.75
        category = "0201" if in_scope or rng.random() < 0.5 else "0505"
        zone = town.zone if in_scope or category == "0505" else other_zone
        status = rng.choice([Status.assigned, Status.rectified, Status.closed, Status.dismissed])
        minutes = rng.choice([-120, -1, 1, 300])  # around the 15:00 target deadline
        fixed = status in (Status.rectified, Status.closed)
        rectified_at = TARGET_AT + dt.timedelta(minutes=minutes) if fixed else None
        due_at = rng.choice([at(6, 17, 30), at(8, 17, 30)])
        assignee = rng.choice([town.road_chief, town.other_chief])
        ticket = _ticket(
            db, town, category_code=category, zone_id=zone.id, status=status,
            assignee_id=assignee.id, assigned_at=at(5, 9), due_at=due_at,
            rectified_at=rectified_at,
        )  # fmt: skip
        tagged = category == "0201" and zone.id == town.zone.id
        if not tagged:
            untagged = ticket
        if not tagged or status == Status.dismissed:
            continue
        expected["found"] += 1
        per_unit[assignee.id] = per_unit.get(assignee.id, 0) + 1
        expected["rectified"] += fixed
        expected["overdue"] += status != Status.closed and due_at < NOW
        # Rectified, or not rectified and past 15:00 (NOW is two days later): due either way.
        expected["due"] += 1
        expected["on_time"] += fixed and rectified_at <= TARGET_AT

    # One ticket outside the scope, tagged by hand, counts too.
    assert untagged is not None
    r = client.post(
        f"/api/campaigns/{campaign.id}/tickets", json={"ticket_id": untagged.id}, headers=headers
    )
    assert r.status_code == 200 and r.json()["added"] is True
    if untagged.status != Status.dismissed:
        fixed = untagged.status in (Status.rectified, Status.closed)
        expected["found"] += 1
        per_unit[untagged.assignee_id] = per_unit.get(untagged.assignee_id, 0) + 1
        expected["rectified"] += fixed
        expected["overdue"] += untagged.status != Status.closed and untagged.due_at < NOW
        expected["due"] += 1
        expected["on_time"] += fixed and untagged.rectified_at <= TARGET_AT

    figures = service.figures(db, campaign, NOW)
    totals = figures["totals"]
    assert {k: totals[k] for k in expected} == expected
    assert totals["on_time_rate"] == expected["on_time"] / expected["due"]
    assert totals["meets_target"] is (expected["on_time"] / expected["due"] >= 0.95)
    assert {r["id"]: r["found"] for r in figures["by_unit"]} == per_unit
    assert sum(d["found"] for d in figures["trend"]) == expected["found"]

    shown = client.get(f"/api/campaigns/{campaign.id}", headers=headers).json()
    assert shown["figures"]["totals"]["found"] == expected["found"]
    report = client.get(f"/api/campaigns/{campaign.id}/report", headers=headers)
    assert report.status_code == 200 and "<script" not in report.text
    assert "牛皮癣百日攻坚" in report.text
    xlsx = client.get(f"/api/campaigns/{campaign.id}/report.xlsx", headers=headers)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_only_tickets_filed_in_the_period_are_tagged(db):
    town = create_town(db)
    campaign = Campaign(name="十乱整治", starts_on=dt.date(2030, 6, 1), ends_on=dt.date(2030, 6, 5))
    db.add(campaign)
    db.flush()
    inside = _ticket(db, town, category_code="0505", zone_id=town.zone.id)  # received June 5
    late = _ticket(db, town, category_code="0505", zone_id=town.zone.id, received_at=at(6, 8))
    tagged = {t.id for t in service.tagged_tickets(db, campaign)}
    assert inside.id in tagged and late.id not in tagged


def test_units_rank_as_the_bulletin_does_and_one_with_nothing_due_is_not_rated(db):
    """专项整治 ranks by the one rule: a unit with nothing due yet is 不参评, not last at 0 %."""
    town = create_town(db)
    campaign = Campaign(
        name="乱停车整治", starts_on=dt.date(2030, 6, 1), ends_on=dt.date(2030, 6, 30),
        category_codes=["0505"], zone_ids=[], target_value=4, target_unit="work_hours",
        target_rate=0.9, department_id=town.department.id, created_by_id=town.supervisor.id,
    )  # fmt: skip
    db.add(campaign)
    db.flush()
    late = TARGET_AT + dt.timedelta(hours=1)
    # road_chief: rectified late (0 %); other_chief: assigned only now, nothing due yet.
    for assignee, assigned_at, rectified_at, status in (
        (town.road_chief, at(5, 9), late, Status.rectified),
        (town.other_chief, at(7, 11), None, Status.assigned),
    ):
        ticket = _ticket(
            db, town, category_code="0505", zone_id=town.zone.id, status=status,
            assignee_id=assignee.id, assigned_at=assigned_at, due_at=at(20, 17),
            rectified_at=rectified_at,
        )  # fmt: skip
        service.tag(db, campaign, ticket, town.supervisor)
    units = {r["id"]: r for r in service.figures(db, campaign, NOW)["by_unit"]}
    late_unit, new_unit = units[town.road_chief.id], units[town.other_chief.id]
    assert (late_unit["on_time_rate"], late_unit["rank"]) == (0.0, 1)
    assert (new_unit["on_time_rate"], new_unit["rank"], new_unit["bottom"]) == (None, None, False)
