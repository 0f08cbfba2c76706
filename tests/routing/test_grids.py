"""Grids (网格): a report on no road goes to the grid's 网格长, then the zone, then the centre;
overdue, it climbs zone chief → town leader → the zone's 挂包领导, who only reads."""

from sqlmodel import Session

from app.org.models import Grid, GridMember, Role
from app.tickets.flows import escalate
from app.tickets.models import Ticket
from tests.factories import LAT0, LON0, Town, create_town, create_user, jpeg_bytes, login, report

# South-west quarter of the test zone, well away from both roads.
SW = [
    [LON0 - 0.02, LAT0 - 0.02],
    [LON0, LAT0 - 0.02],
    [LON0, LAT0 - 0.005],
    [LON0 - 0.02, LAT0 - 0.005],
    [LON0 - 0.02, LAT0 - 0.02],
]
IN_GRID = (LAT0 - 0.01, LON0 - 0.01)  # ~1 km from either road


def _grid(db: Session, town: Town, chief_id: int | None, ring=SW, name="一网格") -> Grid:
    grid = Grid(
        zone_id=town.zone.id,
        name=name,
        chief_id=chief_id,
        geometry={"type": "Polygon", "coordinates": [ring]},
    )
    db.add(grid)
    db.flush()
    return grid


def _file(client, town: Town, lat: float, lon: float) -> dict:
    r = report(client, login(client, town.inspector), lat=lat, lon=lon)
    assert r.status_code == 201, r.text
    return r.json()


def test_fallback_order_road_then_grid_then_zone_then_centre(client, db):
    town = create_town(db)
    grid_chief = create_user(db, Role.chief, level=3, name="网格长")
    grid = _grid(db, town, grid_chief.id)
    # Inside a grid whose edge runs 5 m from 人民路: the road still wins.
    _grid(
        db,
        town,
        grid_chief.id,
        name="路边网格",
        ring=[
            [LON0 - 0.01, LAT0 + 0.00005],
            [LON0, LAT0 + 0.00005],
            [LON0, LAT0 + 0.004],
            [LON0 - 0.01, LAT0 + 0.004],
            [LON0 - 0.01, LAT0 + 0.00005],
        ],
    )

    on_road = _file(client, town, LAT0 + 0.0001, LON0 - 0.005)
    assert on_road["assignee"]["id"] == town.road_chief.id

    in_grid = _file(client, town, *IN_GRID)
    assert in_grid["road"] is None and in_grid["assignee"]["id"] == grid_chief.id
    assert db.get(Ticket, in_grid["id"]).grid_id == grid.id

    in_zone_only = _file(client, town, LAT0 + 0.015, LON0 + 0.015)  # NE: no grid drawn there
    assert in_zone_only["assignee"]["id"] == town.zone_chief.id

    grid.chief_id = None  # a grid without its 网格长 falls back to the zone
    db.add(grid)
    db.flush()
    no_grid_chief = _file(client, town, IN_GRID[0] + 0.001, IN_GRID[1])
    assert no_grid_chief["assignee"]["id"] == town.zone_chief.id

    nowhere = _file(client, town, LAT0 + 0.03, LON0)  # 1 km outside the zone
    assert nowhere["status"] == "pending" and nowhere["assignee"] is None


def test_grid_chief_sees_and_rectifies_only_grid_tickets(client, db):
    town = create_town(db)
    grid_chief = create_user(db, Role.chief, level=3, name="网格长")
    _grid(db, town, grid_chief.id)
    mine = _file(client, town, *IN_GRID)
    on_road = _file(client, town, LAT0 + 0.0001, LON0 - 0.005)
    headers = login(client, grid_chief)
    inbox = client.get("/api/tickets", params={"inbox": "true"}, headers=headers).json()
    assert [t["id"] for t in inbox["data"]] == [mine["id"]]
    assert client.get(f"/api/tickets/{on_road['id']}", headers=headers).status_code == 404
    done = client.post(
        f"/api/tickets/{mine['id']}/rectify",
        data={"note": "已清理"},
        files=[("photo", ("a.jpg", jpeg_bytes(5), "image/jpeg"))],
        headers=headers,
    )
    assert done.status_code == 200, done.text


def test_escalation_reaches_the_zone_leader_after_the_town_leader(client, db):
    town = create_town(db)
    county_leader = create_user(db, Role.leader, name="挂包领导")
    town.zone.leader_id = county_leader.id
    db.add(town.zone)
    grid_chief = create_user(db, Role.chief, level=3, name="网格长")
    _grid(db, town, grid_chief.id)
    t = _file(client, town, *IN_GRID)
    ticket = db.get(Ticket, t["id"])
    climbed = []
    while escalate(db, None, ticket, "逾期自动督办"):
        climbed.append(ticket.escalated_to_id)
    assert climbed == [town.zone_chief.id, town.leader.id, county_leader.id]

    # The leader reads the ticket and their zone's tickets, and may change none of them.
    headers = login(client, county_leader)
    shown = client.get(f"/api/tickets/{t['id']}", headers=headers)
    assert shown.status_code == 200
    assert not any(shown.json()["can"].values())
    inbox = client.get("/api/tickets", params={"inbox": "true"}, headers=headers).json()
    assert [x["id"] for x in inbox["data"]] == [t["id"]]
    refused = client.post(
        f"/api/tickets/{t['id']}/rectify",
        data={"note": "我来"},
        files=[("photo", ("a.jpg", jpeg_bytes(6), "image/jpeg"))],
        headers=headers,
    )
    assert refused.status_code == 403


def test_grids_geojson_names_chief_and_members(client, db):
    town = create_town(db)
    grid_chief = create_user(db, Role.chief, level=3, name="网格长甲")
    grid = _grid(db, town, grid_chief.id)
    db.add(GridMember(grid_id=grid.id, user_id=town.inspector.id))
    db.flush()
    body = client.get("/api/grids", headers=login(client, town.inspector)).json()
    mine = next(f for f in body["features"] if f["id"] == grid.id)
    assert mine["geometry"]["type"] == "Polygon"
    assert mine["properties"]["chief"]["name"] == "网格长甲"
    assert [m["id"] for m in mine["properties"]["members"]] == [town.inspector.id]
    assert mine["properties"]["zone"]["id"] == town.zone.id
