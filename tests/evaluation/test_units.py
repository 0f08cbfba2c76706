"""What a unit sees of 测评 (its sites, scores, deductions to rectify; its 自查) and the admin's
site types."""

import uuid

from tests.evaluation.factories import create_world, round_body, sheet_form, xlsx
from tests.factories import create_town, login


def _sheet(client, headers, round_id, site, results):
    r = client.post(
        f"/api/rounds/{round_id}/sheets",
        data=sheet_form(site, results),
        headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert r.status_code == 201, r.text
    return r.json()


def test_a_chief_sees_their_sites_deductions_only_once_the_round_is_closed(client, db):
    town = create_town(db)
    world = create_world(db, town)
    sup = login(client, town.supervisor)
    rnd = client.post("/api/rounds", json=round_body(world), headers=sup).json()
    toilet = next(s for s in world.sites if s.name == "toilet-0")
    insp = login(client, town.inspector)
    sheet = _sheet(
        client, insp, rnd["id"], toilet,
        [{"item_code": "B1", "outcome": "deduct", "occurrences": 2, "note": "地面积水"}],
    )  # fmt: skip
    chief = login(client, town.other_chief)  # the toilets' unit
    mine = client.get("/api/sites/mine", headers=chief).json()
    # The toilets, and 解放路: every road is a site of its chief.
    assert sorted(s["name"] for s in mine["sites"]) == [f"toilet-{i}" for i in range(4)] + [
        "解放路"
    ]
    # Unannounced: the open round's sheet is not shown (its ticket is just a ticket).
    assert mine["deductions"] == [] and mine["to_rectify"] == 0
    assert all(s["latest"] is None for s in mine["sites"])

    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=sup).status_code == 200
    mine = client.get("/api/sites/mine", headers=chief).json()
    [d] = mine["deductions"]
    assert (d["site"]["name"], d["item_code"], d["points"], d["note"]) == (
        "toilet-0", "B1", 2, "地面积水",
    )  # fmt: skip
    assert d["ticket"]["id"] == sheet["tickets"][0] and d["to_rectify"] is True
    assert mine["to_rectify"] == 1
    latest = {s["name"]: s["latest"] for s in mine["sites"]}
    assert latest["toilet-0"]["score"] == 98 and latest["toilet-0"]["round"]["id"] == rnd["id"]
    assert latest["toilet-1"] is None  # not visited
    # The department answers for the markets: none of this is theirs.
    dept = client.get("/api/sites/mine", headers=login(client, town.dept_staff)).json()
    assert {s["type"] for s in dept["sites"]} == {"market"} and dept["deductions"] == []
    assert client.get("/api/sites/mine", headers=insp).status_code == 403


def test_a_chief_creates_and_runs_a_self_check_and_sees_it_at_once(client, db):
    town = create_town(db)
    world = create_world(db, town)
    chief = login(client, town.other_chief)
    toilets = [s for s in world.sites if s.type_code == "toilet"]
    body = round_body(world, kind="self", inspector_ids=[], site_ids=[s.id for s in toilets])
    r = client.post("/api/rounds", json=body, headers=chief)
    assert r.status_code == 201, r.text
    rnd = r.json()
    # Someone else's sites cannot be put in my self-check.
    market = world.sites[0]
    other = client.post("/api/rounds", json={**body, "site_ids": [market.id]}, headers=chief)
    assert other.status_code == 422
    _sheet(
        client,
        chief,
        rnd["id"],
        toilets[1],
        [{"item_code": "B1", "outcome": "deduct", "occurrences": 1}],
    )
    mine = client.get("/api/sites/mine", headers=chief).json()
    [d] = mine["deductions"]
    assert d["round"]["kind"] == "self" and d["site"]["name"] == toilets[1].name
    # The unit closes its own self-check; the supervisor's list shows it too.
    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=chief).status_code == 200
    sup = login(client, town.supervisor)
    assert rnd["id"] in [x["id"] for x in client.get("/api/rounds", headers=sup).json()["data"]]


def test_site_types_are_renamed_and_disabled_by_the_admin(client, db):
    town = create_town(db)
    world = create_world(db, town)
    sup = login(client, town.supervisor)
    r = client.post("/api/admin/site-types", json={"code": "kiosk", "name": "报刊亭"}, headers=sup)
    assert r.status_code == 201, r.text
    r = client.patch("/api/admin/site-types/kiosk", json={"name": "书报亭"}, headers=sup)
    assert r.json() == {"code": "kiosk", "name": "书报亭", "active": True}
    dup = client.patch("/api/admin/site-types/kiosk", json={"name": "公共厕所"}, headers=sup)
    assert dup.status_code == 422
    assert (
        client.patch("/api/admin/site-types/nope", json={"active": False}, headers=sup).status_code
        == 404
    )
    chief = login(client, town.road_chief)
    assert (
        client.patch(
            "/api/admin/site-types/kiosk", json={"active": False}, headers=chief
        ).status_code
        == 403
    )
    # Disabled: listed as such, refused for new sites, skipped by a draw.
    assert (
        client.patch(
            "/api/admin/site-types/toilet", json={"active": False}, headers=sup
        ).status_code
        == 200
    )
    listed = {t["code"]: t for t in client.get("/api/site-types", headers=sup).json()}
    assert listed["toilet"]["active"] is False and listed["kiosk"]["name"] == "书报亭"
    book = xlsx(
        [["名称", "类型", "经度", "纬度", "责任单位"], ["新厕所", "toilet", 119.9, 31.0, "城管局"]]
    )
    r = client.post(
        "/api/admin/sites/import", files={"file": ("s.xlsx", book, "application/octet-stream")},
        headers=sup,
    )  # fmt: skip
    assert r.status_code == 422 and "disabled" in r.text
    drawn = client.post(
        "/api/rounds",
        json=round_body(world, site_ids=None, draw={"per_type_per_zone": 10, "seed": 1}),
        headers=sup,
    ).json()
    assert drawn["sites"] and "toilet" not in {s["type"] for s in drawn["sites"]}
