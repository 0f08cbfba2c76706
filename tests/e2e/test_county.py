"""The county's own set-up and work, in the browser: an admin imports new roads and gives one a
chief (and a report on it reaches that chief); a chief reports task progress from a phone
offline; screenshots of the admin, campaign and task pages."""

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import Server, make_jpeg, screenshot
from .test_console import DESKTOP

pytestmark = pytest.mark.browser

# Inside 老城片区, some 230 m from every demo road.
NEW_ROAD = [[119.9058, 31.0020], [119.9069, 31.0021]]
ON_NEW_ROAD = (31.00205, 119.90635)


def _headers(server: Server, username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.token(username)}"}


@pytest.fixture
def admin_desk(browser: Any, server: Server) -> Iterator[Any]:
    ctx = browser.new_context(
        base_url=server.url, viewport=DESKTOP, locale="zh-CN", timezone_id="Asia/Shanghai",
        service_workers="block",
    )  # fmt: skip
    ctx.set_default_timeout(15_000)
    ctx.on("weberror", lambda e: print(f"[page error] {e.error}"))
    ctx.on("response", lambda r: r.status >= 400 and print(f"[http {r.status}] {r.url}"))
    page = ctx.new_page()
    page.goto("/login")
    page.fill("input[name=username]", "admin1")
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/console")
    yield page
    ctx.close()


def test_admin_imports_a_road_gives_it_a_chief_and_a_report_on_it_reaches_them(
    admin_desk: Any, server: Server, tmp_path: Path
) -> None:
    page = admin_desk
    name = f"新建路-{uuid.uuid4().hex[:4]}"
    geojson = tmp_path / "roads.geojson"
    geojson.write_text(
        json.dumps({"type": "FeatureCollection", "features": [{
            "type": "Feature", "properties": {"name": name, "zone": "老城片区"},
            "geometry": {"type": "LineString", "coordinates": NEW_ROAD},
        }]}, ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    page.click("[data-testid=nav-group-system]")
    page.click("[data-testid=nav-admin]")
    page.click("[data-testid=admin-tab-org]")
    page.wait_for_selector("[data-testid=org-map] .leaflet-interactive")
    page.set_input_files("[data-testid=import-file]", str(geojson))
    page.wait_for_selector("[data-testid=org-notice]")
    assert "roads_created 1" in page.inner_text("[data-testid=org-notice]")

    road = next(f for f in server.get("/api/roads")["features"] if f["properties"]["name"] == name)
    assert road["properties"]["chief"] is None
    page.select_option("[data-testid=org-pick]", f"road:{road['id']}")
    chief = server.get("/api/admin/users", username="admin1", q="chief_lin")[0]
    page.select_option("[data-testid=org-chief]", str(chief["id"]))
    screenshot(page, "county-01-org-assign-chief")
    page.click("[data-testid=org-save]")
    page.wait_for_selector("[data-testid=org-notice]:has-text('已保存')")

    photo = make_jpeg(tmp_path / "p.jpg", seed=31)
    r = httpx.post(
        f"{server.url}/api/tickets",
        data={"category": "0201", "lat": str(ON_NEW_ROAD[0]), "lon": str(ON_NEW_ROAD[1]),
              "accuracy_m": "5"},
        files=[("photo", ("p.jpg", photo.read_bytes(), "image/jpeg"))],
        headers={**_headers(server, "inspector1"), "Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    ticket = r.json()
    assert ticket["road"]["name"] == name
    assert ticket["assignee"]["username"] == "chief_lin"
    # The change is on the ledger, and the ledger still verifies.
    audit = server.get("/api/admin/audit", username="admin1", subject=f"road:{road['id']}")
    assert audit[0]["action"] == "road.update" and audit[0]["changes"]["chief_id"][1] == chief["id"]
    assert server.get("/api/ledger/verify")["ok"] is True


def test_chief_posts_task_progress_from_the_phone_offline(
    phone: Callable[..., Any], server: Server, tmp_path: Path
) -> None:
    owner = server.get("/api/admin/users", username="admin1", q="chief_wang")[0]
    due = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    r = httpx.post(
        f"{server.url}/api/tasks",
        json={"title": "人民路立面改造", "description": "沿街立面整治", "owner_id": owner["id"],
              "milestones": [{"name": "方案设计", "due_on": due}]},
        headers=_headers(server, "supervisor1"),
    )  # fmt: skip
    assert r.status_code == 201, r.text
    task = r.json()

    ctx = phone()
    page = ctx.new_page()
    page.goto("/login")
    page.fill("input[name=username]", "chief_wang")
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto("/tasks")
    page.wait_for_selector(f"[data-testid=task-{task['id']}]")
    screenshot(page, "county-10-phone-tasks")
    page.click(f"[data-testid=task-{task['id']}]")
    page.wait_for_selector("[data-testid=progress-note]")

    ctx.set_offline(True)
    page.wait_for_selector("[data-testid=offline-bar]")
    page.fill("[data-testid=progress-note] textarea", "方案初稿已完成")
    page.set_input_files("[data-testid=camera-input]", str(make_jpeg(tmp_path / "t.jpg", 41)))
    page.wait_for_selector(".thumb img")
    page.select_option("[data-testid=progress-milestone]", str(task["milestones"][0]["id"]))
    page.click("[data-testid=progress-submit]")
    page.wait_for_selector("[data-testid=outbox-indicator]")
    screenshot(page, "county-11-phone-progress-offline")
    assert server.get(f"/api/tasks/{task['id']}")["progress"] == []

    ctx.set_offline(False)
    done = server.wait_for(
        lambda: server.get(f"/api/tasks/{task['id']}")["progress"], what="the progress to arrive"
    )
    assert len(done) == 1 and done[0]["note"] == "方案初稿已完成" and len(done[0]["photos"]) == 1
    page.wait_for_selector("[data-testid=progress-item]")
    screenshot(page, "county-12-phone-progress-sent")
    shown = server.get(f"/api/tasks/{task['id']}")
    assert shown["milestones"][0]["done_at"] is not None


def test_console_pages_screenshots(admin_desk: Any, server: Server) -> None:
    """The admin, campaign and task pages render with the demo county's data."""
    today = dt.date.today()
    r = httpx.post(
        f"{server.url}/api/campaigns",
        json={"name": "非法小广告百日攻坚", "category_codes": ["0201"],
              "starts_on": (today - dt.timedelta(days=10)).isoformat(),
              "ends_on": (today + dt.timedelta(days=90)).isoformat(),
              "target_value": 4, "target_unit": "work_hours", "target_rate": 0.95},
        headers=_headers(server, "supervisor1"),
    )  # fmt: skip
    assert r.status_code == 201, r.text
    page = admin_desk
    for tab, selector, shot in (
        ("users", "[data-testid=user-table] tbody tr", "county-02-admin-users"),
        ("org", "[data-testid=org-map] .leaflet-interactive", "county-03-admin-org"),
        ("categories", "[data-testid=category-table] tbody tr", "county-04-admin-categories"),
        ("calendar", "[data-testid=calendar-table]", "county-05-admin-calendar"),
        ("audit", "[data-testid=audit-table] tbody tr", "county-06-admin-audit"),
    ):
        page.goto(f"/console/admin/{tab}")
        page.wait_for_selector(selector)
        screenshot(page, shot)
    page.goto("/console/campaigns")
    page.wait_for_selector("[data-testid=campaign-table]")
    screenshot(page, "county-07-campaigns")
    page.goto(f"/console/campaigns/{r.json()['id']}")
    page.wait_for_selector("[data-testid=campaign-kpis]")
    screenshot(page, "county-08-campaign")
    page.goto("/console/tasks")
    page.wait_for_selector("[data-testid=task-table]")
    screenshot(page, "county-09-tasks")


def test_bulletin_shows_tasks_per_department_and_the_zones_leaders(
    admin_desk: Any, server: Server
) -> None:
    """每周通报: a task whose milestone is past due shows red under its lead department, a
    campaign running this week is listed, and the 片区 table names each zone's 挂包领导."""
    owner = server.get("/api/admin/users", username="admin1", q="zhifa1")[0]
    late = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    r = httpx.post(
        f"{server.url}/api/tasks",
        json={"title": "占道经营集中整治", "owner_id": owner["id"],
              "milestones": [{"name": "摸底建档", "due_on": late}]},
        headers=_headers(server, "supervisor1"),
    )  # fmt: skip
    assert r.status_code == 201, r.text
    today = dt.date.today()
    campaign = f"十乱整治-{uuid.uuid4().hex[:4]}"
    r = httpx.post(
        f"{server.url}/api/campaigns",
        json={"name": campaign, "starts_on": (today - dt.timedelta(days=3)).isoformat(),
              "ends_on": (today + dt.timedelta(days=60)).isoformat()},
        headers=_headers(server, "supervisor1"),
    )  # fmt: skip
    assert r.status_code == 201, r.text
    page = admin_desk
    page.goto("/console/bulletin")
    page.locator("[data-testid=bulletin-campaign]", has_text=campaign).wait_for()
    unit = page.locator("[data-testid=bulletin-task-unit]", has_text=owner["department"]["name"])
    unit.wait_for()
    assert "占道经营集中整治" in unit.locator("[data-testid=bulletin-late-task]").inner_text()
    leaders = page.locator("[data-testid=bulletin-zone] [data-testid=bulletin-leader]")
    leaders.first.wait_for()
    assert {"挂包领导 周立新", "挂包领导 吴晓梅"} & set(leaders.all_inner_texts())
    page.locator("[data-testid=bulletin-tasks]").scroll_into_view_if_needed()
    screenshot(page, "county-13-bulletin-tasks")
    unit.locator("[data-testid=bulletin-late-task] a").click()
    page.wait_for_selector("text=摸底建档")


def _user(server: Server, username: str) -> dict[str, Any]:
    found = server.get("/api/admin/users", username="admin1", q=username)
    return next(u for u in found if u["username"] == username)


def _holdings(user: dict[str, Any]) -> dict[str, list[int]]:
    """What GET /api/admin/users says a person holds, as PUT …/holdings takes it."""
    return {
        "road_ids": [r["id"] for r in user["roads"]],
        "zone_ids": [z["id"] for z in user["zones"]],
        "led_zone_ids": [z["id"] for z in user["led_zones"]],
        "grid_ids": [g["id"] for g in user["grids"] if not g.get("member")],
        "member_grid_ids": [g["id"] for g in user["grids"] if g.get("member")],
    }


def test_admin_adds_a_town_sets_a_zone_leader_and_gives_a_chief_roads(
    admin_desk: Any, server: Server
) -> None:
    """镇与片区 and 负责范围: a new town, a zone's 挂包领导 changed in place, and a road and a
    grid passed to another chief from the people page — each seen by the API afterwards."""
    page = admin_desk
    town = f"新安镇-{uuid.uuid4().hex[:4]}"
    page.goto("/console/admin/areas")
    page.wait_for_selector("[data-testid=area-zones]")
    page.fill("[data-testid=area-name]", town)
    page.click("[data-testid=area-add]")
    page.wait_for_selector(f"text={town}")
    assert town in [a["name"] for a in server.get("/api/admin/areas", username="admin1")]

    wu = server.get("/api/admin/users", username="admin1", q="lingdao_wu")[0]
    zones = server.get("/api/zones")["features"]
    old_leader = next(z for z in zones if z["properties"]["name"] == "老城片区")["properties"][
        "leader"
    ]["id"]
    row = page.locator("[data-testid='zone-老城片区']")
    row.locator("[data-testid=zone-leader]").select_option(str(wu["id"]))
    page.wait_for_selector("[data-testid=area-notice]")
    zones = server.get("/api/zones")["features"]
    old_town = next(z for z in zones if z["properties"]["name"] == "老城片区")
    assert old_town["properties"]["leader"]["id"] == wu["id"]
    screenshot(page, "county-14-admin-areas")

    road = next(f for f in server.get("/api/roads")["features"] if f["properties"]["chief"])
    owner_name = road["properties"]["chief"]["username"]
    owner_before = _user(server, owner_name)
    ma_before = _user(server, "chief_ma")
    grid = server.get("/api/grids")["features"][0]
    page.goto("/console/admin/users")
    page.fill("[data-testid=user-search]", "chief_ma")
    page.click("[data-testid=holdings-chief_ma]")
    dialog = page.locator("[data-testid=holdings-dialog]")
    held = dialog.locator("[data-testid=hold-road_ids]").evaluate(
        "s => [...s.selectedOptions].map(o => o.value)"
    )
    dialog.locator("[data-testid=hold-road_ids]").select_option([*held, str(road["id"])])
    dialog.locator("[data-testid=hold-member_grid_ids]").select_option(str(grid["id"]))
    screenshot(page, "county-15-admin-holdings")
    dialog.locator("[data-testid=holdings-save]").click()
    page.wait_for_selector("[data-testid=holdings-dialog]", state="detached")
    ma = _user(server, "chief_ma")
    assert road["id"] in [r["id"] for r in ma["roads"]]
    assert {r["id"] for r in ma["roads"]} >= {int(x) for x in held}
    assert [g["id"] for g in ma["grids"] if g.get("member")] == [grid["id"]]
    row = page.locator("[data-testid=user-chief_ma]")
    assert road["properties"]["name"] in row.inner_text()

    # Give the demo town back as it was: the other browser tests share this server.
    admin = _headers(server, "admin1")
    for person in (ma_before, owner_before):
        httpx.put(
            f"{server.url}/api/admin/users/{person['id']}/holdings", headers=admin,
            json=_holdings(person),
        ).raise_for_status()  # fmt: skip
    httpx.patch(f"{server.url}/api/admin/zones/{old_town['id']}", headers=admin,
                json={"leader_id": old_leader}).raise_for_status()  # fmt: skip


def test_console_reports_task_progress_and_completes_with_evidence(
    admin_desk: Any, server: Server, tmp_path: Path
) -> None:
    """From the desk: a progress note that marks the first milestone done, then completion with
    an evidence photo; the task shows both, and completion without a photo is refused."""
    owner = _user(server, "chief_guo")
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    r = httpx.post(
        f"{server.url}/api/tasks",
        json={"title": "菜场周边提升", "owner_id": owner["id"],
              "milestones": [{"name": "清理摊点", "due_on": soon},
                             {"name": "划线设牌", "due_on": later}]},
        headers=_headers(server, "supervisor1"),
    )  # fmt: skip
    assert r.status_code == 201, r.text
    task = r.json()
    page = admin_desk
    page.goto("/console/tasks")
    page.locator("[data-testid=task-table] tr", has_text="菜场周边提升").click()
    form = page.locator("[data-testid=task-report]")
    form.locator("[data-testid=task-note]").fill("摊点已清理完毕")
    form.locator("[data-testid=task-milestone]").select_option(str(task["milestones"][0]["id"]))
    form.locator("[data-testid=task-send]").click()
    page.wait_for_selector("[data-testid=task-detail] >> text=摊点已清理完毕")
    form.locator("[data-testid=task-complete]").click()  # no photo: refused, said on the page
    page.wait_for_selector("[data-testid=task-error]")
    form.locator("[data-testid=task-note]").fill("划线设牌完成")
    form.locator("[data-testid=task-photos]").set_input_files(
        str(make_jpeg(tmp_path / "done.jpg", seed=41))
    )
    screenshot(page, "county-16-console-task-progress")
    form.locator("[data-testid=task-complete]").click()
    page.wait_for_selector("[data-testid=task-detail] img")
    shown = server.get(f"/api/tasks/{task['id']}")
    assert shown["status"] == "completed"
    assert [p["kind"] for p in shown["progress"]] == ["progress", "complete"]
    assert shown["progress"][0]["milestone_id"] == task["milestones"][0]["id"]
    assert len(shown["progress"][1]["photos"]) == 1


def _on_a_grid_edge(server: Server) -> tuple[float, float, dict[str, Any]]:
    """A point on the line where two demo grids of one zone meet, 60 m or more from any road,
    and the grid of the two with the higher id."""
    from shapely.geometry import Point, shape

    roads = [shape(f["geometry"]) for f in server.get("/api/roads")["features"]]
    grids = server.get("/api/grids")["features"]
    metre = 1 / 111_195  # degrees of latitude; longitude's is larger here, so this is strict
    for a in grids:
        for b in grids:
            if a["id"] >= b["id"] or a["properties"]["zone"]["id"] != b["properties"]["zone"]["id"]:
                continue
            edge = shape(a["geometry"]).boundary.intersection(shape(b["geometry"]).boundary)
            for i in range(1, 20):
                p = edge.interpolate(i / 20, normalized=True)
                if all(r.distance(Point(p.x, p.y)) > 60 * metre * 1.2 for r in roads):
                    return p.y, p.x, b
    raise AssertionError("no shared grid edge away from the roads in the demo town")


def test_a_report_where_two_grids_meet_is_rerouted_to_the_other_grid_in_one_tap(
    admin_desk: Any, server: Server, tmp_path: Path
) -> None:
    """Where two grids meet, off every road: the ticket names both grids, and the dispatch page
    moves it to the other grid's 网格长 in one tap."""
    lat, lon, upper = _on_a_grid_edge(server)
    # The demo's two grids in a zone share their 网格长: give the upper one its own.
    admin = _headers(server, "admin1")
    before = upper["properties"]["chief"]["id"]
    guo = _user(server, "chief_guo")
    httpx.patch(f"{server.url}/api/admin/grids/{upper['id']}", headers=admin,
                json={"chief_id": guo["id"]}).raise_for_status()  # fmt: skip
    photo = make_jpeg(tmp_path / "edge.jpg", seed=51)
    r = httpx.post(
        f"{server.url}/api/tickets",
        data={"category": "0201", "lat": str(lat), "lon": str(lon), "accuracy_m": "5"},
        files=[("photo", ("edge.jpg", photo.read_bytes(), "image/jpeg"))],
        headers={**_headers(server, "inspector1"), "Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )
    assert r.status_code == 201, r.text
    ticket = r.json()
    assert ticket["road"] is None and len(ticket["grid_candidates"]) == 2
    first, other = ticket["grid_candidates"]
    assert first["grid_id"] < other["grid_id"]  # on the edge itself: the lower id
    page = admin_desk
    page.goto(f"/console/tickets/{ticket['id']}")
    assert other["grid_name"] in page.locator("[data-testid=grid-candidates]").inner_text()
    page.goto("/console/dispatch")
    row = page.locator("[data-testid=reroute-row]", has_text=ticket["number"])
    button = row.locator("[data-testid=reroute-grid]")
    assert other["grid_name"] in button.inner_text()
    screenshot(page, "county-17-reroute-to-grid")
    button.click()
    # Back in the list once the change is committed, now under the other 网格长 (and offering
    # the first grid back, as a road ticket keeps offering its other road).
    row.locator(f"text={guo['name']}").wait_for()
    moved = server.get(f"/api/tickets/{ticket['id']}")
    assert moved["assignee"]["id"] == other["chief_id"] == guo["id"]
    assert moved["grid_id"] == other["grid_id"]  # and it now counts in that grid
    httpx.patch(f"{server.url}/api/admin/grids/{upper['id']}", headers=admin,
                json={"chief_id": before}).raise_for_status()  # fmt: skip
