"""Admin edits that cannot erase (issue 19): an explicit null is refused where a value is
required, a geometry is checked and never cleared, and a road stays in its zone.

Each refusal is a 422 naming the field, and a read afterwards shows nothing changed.
"""

import pytest

from app.org.models import Grid, Role
from tests.factories import LAT0, LON0, create_town, create_user, login, report


def _box(x0: float, x1: float, y0: float, y1: float) -> dict:
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return {"type": "Polygon", "coordinates": [ring]}


def _refused(r, field: str) -> None:
    assert r.status_code == 422, r.text
    assert field in r.json()["detail"], r.json()


def _user_row(client, admin, user_id: int) -> dict:
    rows = client.get("/api/admin/users", headers=admin).json()
    return next(u for u in rows if u["id"] == user_id)


@pytest.mark.parametrize("field", ["name", "is_active", "role"])
def test_a_null_for_a_persons_required_field_is_refused_and_changes_nothing(client, db, field):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    before = _user_row(client, admin, town.road_chief.id)

    r = client.patch(
        f"/api/admin/users/{town.road_chief.id}",
        json={"title": "新职务", field: None},
        headers=admin,
    )

    _refused(r, field)
    assert _user_row(client, admin, town.road_chief.id) == before  # the title did not change either


@pytest.mark.parametrize("kind", ["zones", "roads", "grids"])
def test_a_null_name_of_a_zone_road_or_grid_is_refused(client, db, kind):
    town = create_town(db)
    grid = Grid(
        zone_id=town.zone.id, name="一网格", geometry=_box(LON0, LON0 + 0.01, LAT0, LAT0 + 0.01)
    )
    db.add(grid)
    db.flush()
    row = {"zones": town.zone, "roads": town.east_west, "grids": grid}[kind]
    admin = login(client, create_user(db, Role.admin))

    _refused(
        client.patch(f"/api/admin/{kind}/{row.id}", json={"name": None}, headers=admin), "name"
    )
    db.refresh(row)
    assert row.name in ("城东片区", "人民路", "一网格")


def test_a_null_geometry_leaves_the_road_drawn_and_routed_to(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    inspector = login(client, town.inspector)

    r = client.patch(
        f"/api/admin/roads/{town.east_west.id}",
        json={"name": "人民中路", "geometry": None},
        headers=admin,
    )

    _refused(r, "geometry")
    roads = client.get("/api/roads", headers=admin).json()["features"]
    road = next(f for f in roads if f["id"] == town.east_west.id)
    assert road["geometry"]["type"] == "LineString"
    assert road["properties"]["name"] == "人民路"
    ticket = report(client, inspector).json()  # on 人民路: still routed to its chief
    assert ticket["assignee"]["id"] == town.road_chief.id


def test_a_null_zone_does_not_detach_a_road(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))

    r = client.patch(f"/api/admin/roads/{town.east_west.id}", json={"zone_id": None}, headers=admin)

    _refused(r, "zone_id")
    roads = client.get("/api/roads", headers=admin).json()["features"]
    road = next(f for f in roads if f["id"] == town.east_west.id)
    assert road["properties"]["zone"]["id"] == town.zone.id


def test_a_road_chief_is_cleared_only_by_saying_so(client, db):
    """A vacancy is a real state (the chief left): null chief_id is the explicit way to say it."""
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))

    r = client.patch(
        f"/api/admin/roads/{town.east_west.id}", json={"name": "人民中路"}, headers=admin
    )
    assert r.json()["chief_id"] == town.road_chief.id  # left out: left alone
    r = client.patch(
        f"/api/admin/roads/{town.east_west.id}", json={"chief_id": None}, headers=admin
    )
    assert r.status_code == 200, r.text
    assert r.json()["chief_id"] is None


@pytest.mark.parametrize("field", ["limit_value", "limit_unit", "active"])
def test_a_null_for_a_categorys_required_field_is_refused(client, db, field):
    admin = login(client, create_user(db, Role.admin))
    before = client.get("/api/categories", headers=admin).json()

    r = client.patch(
        "/api/admin/categories/0201", json={"limit_value": 9, field: None}, headers=admin
    )

    _refused(r, field)
    assert client.get("/api/categories", headers=admin).json() == before


@pytest.mark.parametrize(
    ("geometry", "why"),
    [
        # latitude and longitude swapped: somewhere in the Indian Ocean
        (
            {"type": "LineString", "coordinates": [[LAT0, LON0 - 0.01], [LAT0, LON0 + 0.01]]},
            "outside",
        ),
        (
            {"type": "LineString", "coordinates": [[LON0 + 0.5, LAT0], [LON0 + 0.51, LAT0]]},
            "outside the county",
        ),
        (_box(LON0, LON0 + 0.01, LAT0, LAT0 + 0.01), "LineString"),
        ({"type": "LineString", "coordinates": [[LON0, LAT0]]}, "2 distinct points"),
        ({"type": "Point", "coordinates": [LON0, LAT0]}, "unsupported geometry"),
    ],
)
def test_a_redrawn_road_must_be_a_line_in_the_county(client, db, geometry, why):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    before = client.get("/api/roads", headers=admin).json()

    r = client.patch(
        f"/api/admin/roads/{town.east_west.id}", json={"geometry": geometry}, headers=admin
    )

    _refused(r, why)
    assert client.get("/api/roads", headers=admin).json() == before


def test_a_zone_redrawn_as_a_bow_tie_or_far_away_is_refused_and_near_by_is_accepted(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    url = f"/api/admin/zones/{town.zone.id}"
    ring = [[LON0, LAT0], [LON0 + 0.01, LAT0 + 0.01], [LON0 + 0.01, LAT0], [LON0, LAT0 + 0.01]]
    bow_tie = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}

    _refused(client.patch(url, json={"geometry": bow_tie}, headers=admin), "invalid polygon")
    far = _box(LON0 + 1, LON0 + 1.01, LAT0, LAT0 + 0.01)  # ~95 km east
    _refused(client.patch(url, json={"geometry": far}, headers=admin), "outside the county")
    # 5 km beyond today's edge: a county growing at its border is within the margin.
    wider = _box(LON0 - 0.02, LON0 + 0.07, LAT0 - 0.02, LAT0 + 0.02)
    assert client.patch(url, json={"geometry": wider}, headers=admin).status_code == 200
