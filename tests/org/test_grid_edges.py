"""Where two grids meet: the grid a report goes to is the same whichever order the grids were
drawn in, the one it is deepest inside, and the near-tie grids are kept for a one-tap re-route.
And a zone or grid re-drawn through another app process reaches this one's routing."""

import math

import pytest

from app.org.models import Grid, Role
from app.routing.service import RoadIndex, road_index
from tests.factories import LAT0, LON0, create_town, create_user, login, report

M_LON = 1 / (111_195 * math.cos(math.radians(LAT0)))  # degrees of longitude in one metre
M_LAT = 1 / 111_195
MARGIN = 5.0


def _box(west: float, east: float, south: float = LAT0 - 0.01, north: float = LAT0 - 0.005):
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def _index(grids: list[tuple[int, dict]]) -> RoadIndex:
    zone = _box(LON0 - 0.02, LON0 + 0.02, LAT0 - 0.02, LAT0 + 0.02)
    return RoadIndex([], [(1, zone)], [(g, 1, geom) for g, geom in grids])


def _route(index: RoadIndex, metres_east_of_edge: float):
    lon = LON0 + metres_east_of_edge * M_LON
    return index.route(LAT0 - 0.0075, lon, radius_m=30, tie_margin_m=MARGIN)


WEST = (7, _box(LON0 - 0.01, LON0))  # grid 7 ends at LON0, grid 9 starts there
EAST = (9, _box(LON0, LON0 + 0.01))


@pytest.mark.parametrize("order", [[WEST, EAST], [EAST, WEST]])
def test_on_a_shared_edge_the_answer_does_not_depend_on_drawing_order(order):
    route = _route(_index(order), 0.0)
    assert route.grid_id == 7  # the lower id, both kept as candidates at 0 m
    assert [(c.grid_id, c.distance_m) for c in route.grid_candidates] == [(7, 0.0), (9, 0.0)]


def test_near_the_edge_the_grid_it_is_in_wins_and_the_neighbour_is_a_candidate():
    index = _index([WEST, EAST])
    near = _route(index, 2.0)  # 2 m inside the east grid
    assert near.grid_id == 9
    assert [c.grid_id for c in near.grid_candidates] == [9, 7]
    assert near.grid_candidates[1].distance_m == pytest.approx(2.0, abs=0.2)

    deep = _route(index, 40.0)  # well inside: nothing to re-route
    assert deep.grid_id == 9 and deep.grid_candidates == []


def test_overlap_goes_to_the_grid_it_is_deeper_in_and_a_sliver_to_the_nearest():
    # Drawn by hand, the west grid reaches 4 m into the east one.
    overlapping = _index([(7, _box(LON0 - 0.01, LON0 + 4 * M_LON)), EAST])
    assert _route(overlapping, 3.0).grid_id == 9  # 3 m into east, 1 m from west's edge
    assert _route(overlapping, 1.0).grid_id == 7  # 3 m from west's edge, 1 m into east

    # A 3 m gap between them: a point in it belongs to the nearer grid, not to the zone.
    gap = _index([WEST, (9, _box(LON0 + 3 * M_LON, LON0 + 0.01))])
    in_gap = _route(gap, 2.5)
    assert in_gap.grid_id == 9 and in_gap.zone_id == 1
    assert [c.grid_id for c in in_gap.grid_candidates] == [9, 7]
    assert _route(gap, 0.5).grid_id == 7
    outside = _index([WEST])
    assert _route(outside, 10.0).grid_id is None  # 10 m out: the zone answers


def test_a_report_on_the_edge_names_both_grids(client, db):
    town = create_town(db)
    west_chief = create_user(db, Role.chief, level=3, name="西网格长")
    east_chief = create_user(db, Role.chief, level=3, name="东网格长")
    west = Grid(zone_id=town.zone.id, name="西网格", chief_id=west_chief.id, geometry=WEST[1])
    east = Grid(zone_id=town.zone.id, name="东网格", chief_id=east_chief.id, geometry=EAST[1])
    db.add_all([west, east])
    db.flush()
    filed = report(client, login(client, town.inspector), lat=LAT0 - 0.0075, lon=LON0 + M_LON)
    assert filed.status_code == 201, filed.text
    body = filed.json()
    assert body["assignee"]["id"] == east_chief.id
    assert [(c["grid_name"], c["chief_id"]) for c in body["grid_candidates"]] == [
        ("东网格", east_chief.id),
        ("西网格", west_chief.id),
    ]
    assert body["route_candidates"] == []  # road candidates stay roads
    assert body["grid_id"] == east.id

    # The command centre re-routes it to the other grid: its 网格长 holds it, and the ticket
    # now counts in that grid.
    moved = client.post(
        f"/api/tickets/{body['id']}/dispatch",
        json={"grid_id": west.id},
        headers=login(client, town.supervisor),
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee"]["id"] == west_chief.id
    assert moved.json()["grid_id"] == west.id
    unmanned = Grid(zone_id=town.zone.id, name="无人网格", geometry=WEST[1])
    db.add(unmanned)
    db.flush()
    refused = client.post(
        f"/api/tickets/{body['id']}/dispatch",
        json={"grid_id": unmanned.id},
        headers=login(client, town.supervisor),
    )
    assert refused.status_code == 422 and "网格长" in refused.json()["detail"]


def test_a_zone_redrawn_by_another_process_reaches_this_ones_routing(client, db, monkeypatch):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    inspector = login(client, town.inspector)
    east = (LAT0, LON0 + 0.03)  # 1 km east of the zone
    before = report(client, inspector, lat=east[0], lon=east[1]).json()
    assert before["status"] == "pending"
    cached = road_index(db)

    # The other process changes the database; this process's cache is never told directly.
    monkeypatch.setattr("app.org.hooks._after_map_commit", [])
    wider = _box(LON0 - 0.02, LON0 + 0.04, LAT0 - 0.02, LAT0 + 0.02)
    r = client.patch(f"/api/admin/zones/{town.zone.id}", json={"geometry": wider}, headers=admin)
    assert r.status_code == 200, r.text
    assert road_index(db) is not cached
    after = report(client, inspector, lat=east[0], lon=east[1], seed=1).json()
    assert after["assignee"]["id"] == town.zone_chief.id

    grid_chief = create_user(db, Role.chief, level=3, name="新网格长")
    grid = Grid(
        zone_id=town.zone.id,
        name="东扩网格",
        chief_id=grid_chief.id,
        geometry=_box(LON0 + 0.02, LON0 + 0.04, LAT0 - 0.01, LAT0 - 0.005),
    )
    db.add(grid)
    db.flush()
    moved = _box(LON0 + 0.02, LON0 + 0.04, LAT0 - 0.005, LAT0 + 0.005)  # now covers `east`
    r = client.patch(f"/api/admin/grids/{grid.id}", json={"geometry": moved}, headers=admin)
    assert r.status_code == 200, r.text
    in_grid = report(client, inspector, lat=east[0], lon=east[1], seed=2).json()
    assert in_grid["assignee"]["id"] == grid_chief.id
