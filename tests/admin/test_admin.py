"""Admins manage people, roads, time limits and the calendar; nobody else may."""

import datetime as dt

from tests.factories import create_town, create_user, login, report


def test_only_admins_reach_admin_endpoints(client, db):
    town = create_town(db)
    r = client.post("/api/admin/users", json={}, headers=login(client, town.supervisor))
    assert r.status_code == 403


def test_create_user_then_disable_ends_their_sessions(client, db):
    admin = login(client, create_user(db, "admin"))
    r = client.post(
        "/api/admin/users",
        headers=admin,
        json={
            "username": "xunchayuan9",
            "name": "新巡查员",
            "role": "inspector",
            "password": "pw-123456",
        },
    )
    assert r.status_code == 201, r.text
    uid = r.json()["id"]
    token = client.post(
        "/api/auth/token", data={"username": "xunchayuan9", "password": "pw-123456"}
    ).json()
    client.cookies.clear()
    theirs = {"Authorization": f"Bearer {token['access_token']}"}
    assert client.get("/api/me", headers=theirs).status_code == 200
    assert (
        client.patch(
            f"/api/admin/users/{uid}", json={"is_active": False}, headers=admin
        ).status_code
        == 200
    )
    assert client.get("/api/me", headers=theirs).status_code == 401
    dup = client.post(
        "/api/admin/users",
        headers=admin,
        json={"username": "xunchayuan9", "name": "x", "role": "inspector", "password": "pw-123456"},
    )
    assert dup.status_code == 422 and "taken" in dup.json()["detail"]


def test_import_roads_over_http_then_reports_route_to_the_new_road(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, "admin"))
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": "新修路",
                    "zone": town.zone.name,
                    "area": town.area.name,
                    "chief": town.other_chief.username,
                },
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[119.89, 31.015], [119.91, 31.015]],
                },
            }
        ],
    }
    r = client.post("/api/admin/roads/import", json=geojson, headers=admin)
    assert r.status_code == 200, r.text
    assert r.json()["roads_created"] == 1
    t = report(client, login(client, town.inspector), lat=31.0151, lon=119.90).json()
    assert t["road"]["name"] == "新修路" and t["assignee"]["id"] == town.other_chief.id
    bad = dict(
        geojson,
        features=[
            dict(geojson["features"][0], geometry={"type": "LineString", "coordinates": [[500, 1]]})
        ],
    )
    r = client.post("/api/admin/roads/import", json=bad, headers=admin)
    assert r.status_code == 422 and "新修路" in r.json()["detail"]


def test_time_limit_changes_new_deadlines_and_holidays_can_be_declared(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, "admin"))
    r = client.patch(
        "/api/admin/categories/0201", json={"limit_value": 2, "limit_unit": "hours"}, headers=admin
    )
    assert r.status_code == 200 and r.json()["limit_unit"] == "hours"
    t = report(client, login(client, town.inspector)).json()
    received = dt.datetime.fromisoformat(t["assigned_at"])
    assert dt.datetime.fromisoformat(t["due_at"]) - received == dt.timedelta(hours=2)
    r = client.put(
        "/api/admin/calendar/2031-05-06",
        json={"day": "2031-05-06", "is_workday": False, "name": "特别假日"},
        headers=admin,
    )
    assert r.status_code == 200 and r.json()["is_workday"] is False


def test_moving_a_person_to_a_department_that_does_not_exist_is_refused(client, db):
    """Found by the chained fuzz (tests/contract/test_stateful.py): it answered 500."""
    admin = login(client, create_user(db, "admin"))
    staff = create_user(db, "inspector")
    r = client.patch(f"/api/admin/users/{staff.id}", json={"department_id": 0}, headers=admin)
    assert r.status_code == 422 and "unknown department" in r.json()["detail"]
    db.refresh(staff)
    assert staff.department_id is None
