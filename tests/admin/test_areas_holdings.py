"""Areas and what people hold, from the admin pages: a new town and a zone drawn in it; a
person given roads, a zone, grids in one go — taken from whoever held them, on the ledger — and
reports afterwards reach them while filed tickets keep their owner."""

from sqlmodel import select

from app.ledger.models import Event
from app.org.models import Grid, GridMember, Role, Zone
from tests.factories import LAT0, LON0, create_town, create_user, login, report


def _square(lon: float, lat: float, d: float = 0.01) -> dict:
    ring = [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_an_admin_adds_a_town_and_draws_a_zone_in_it(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    leader = create_user(db, Role.leader, name="挂包领导乙")
    made = client.post("/api/admin/areas", json={"name": "新安镇"}, headers=admin)
    assert made.status_code == 201, made.text
    area_id = made.json()["id"]

    zone = client.post(
        "/api/admin/zones",
        json={"area_id": area_id, "name": "集镇片区", "chief_id": town.zone_chief.id,
              "leader_id": leader.id, "geometry": _square(LON0 + 0.05, LAT0)},
        headers=admin,
    )  # fmt: skip
    assert zone.status_code == 201, zone.text

    areas = client.get("/api/admin/areas", headers=admin).json()
    mine = next(a for a in areas if a["id"] == area_id)
    assert [(z["name"], z["chief"]["id"], z["leader"]["name"]) for z in mine["zones"]] == [
        ("集镇片区", town.zone_chief.id, "挂包领导乙")
    ]
    # A report inside the new zone reaches its chief at once.
    filed = report(client, login(client, town.inspector), lat=LAT0 + 0.005, lon=LON0 + 0.055)
    assert filed.json()["assignee"]["id"] == town.zone_chief.id
    renamed = client.patch(
        f"/api/admin/areas/{area_id}", json={"name": "新安镇（新）"}, headers=admin
    )
    assert renamed.status_code == 200
    actions = db.exec(select(Event.action).where(Event.subject == f"area:{area_id}")).all()
    assert actions == ["area.create", "area.update"]


def test_holdings_are_set_from_the_people_page(client, db):
    town = create_town(db)
    admin_user = create_user(db, Role.admin)
    admin = login(client, admin_user)
    newcomer = create_user(db, Role.chief, level=3, name="新路长")
    grid = Grid(zone_id=town.zone.id, name="西南网格", geometry=_square(LON0 - 0.02, LAT0 - 0.02))
    db.add(grid)
    db.flush()
    filed = report(client, login(client, town.inspector)).json()  # on 人民路
    assert filed["assignee"]["id"] == town.road_chief.id

    r = client.put(
        f"/api/admin/users/{newcomer.id}/holdings",
        json={"road_ids": [town.east_west.id], "grid_ids": [grid.id],
              "member_grid_ids": [grid.id]},
        headers=admin,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    row = r.json()
    assert [x["name"] for x in row["roads"]] == ["人民路"]
    assert {(g["name"], g.get("member", False)) for g in row["grids"]} == {
        ("西南网格", False), ("西南网格", True)
    }  # fmt: skip
    later = report(client, login(client, town.inspector), seed=3).json()
    assert later["assignee"]["id"] == newcomer.id
    assert client.get(f"/api/tickets/{filed['id']}", headers=admin).json()["assignee"]["id"] == (
        town.road_chief.id
    )  # filed before: not moved
    took = db.exec(select(Event).where(Event.subject == f"road:{town.east_west.id}")).one()
    assert took.data == {"chief_id": [town.road_chief.id, newcomer.id]}
    assert took.actor_id == admin_user.id

    # Letting go: an empty list leaves the road with nobody, and the membership ends.
    r = client.put(f"/api/admin/users/{newcomer.id}/holdings", json={}, headers=admin)
    assert r.status_code == 200 and r.json()["roads"] == [] and r.json()["grids"] == []
    db.refresh(town.east_west)
    assert town.east_west.chief_id is None
    assert db.exec(select(GridMember).where(GridMember.user_id == newcomer.id)).all() == []

    # Who may hold what is checked by the action (tests/org/test_actions.py).
    leader = create_user(db, Role.leader)
    led = client.put(
        f"/api/admin/users/{leader.id}/holdings", json={"led_zone_ids": [town.zone.id]},
        headers=admin,
    )  # fmt: skip
    assert [z["name"] for z in led.json()["led_zones"]] == ["城东片区"]
    assert db.get(Zone, town.zone.id).leader_id == leader.id
    unknown = client.put(
        f"/api/admin/users/{leader.id}/holdings", json={"led_zone_ids": [999_999]}, headers=admin
    )
    assert unknown.status_code == 404  # the contract's answer; the rule: the action's test
    assert client.get("/api/ledger/verify", headers=admin).json()["ok"] is True
