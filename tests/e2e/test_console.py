"""The supervisor console on a desktop: live map, dispatch, duplicates, bulletin, ledger."""

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from .conftest import ARTIFACTS, Server, Spot

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 900}
# Some 400 m south of every demo road and zone (reports over 5 km out are refused): the
# ticket waits in the pending queue.
NOWHERE = (30.9820, 119.9000)


@pytest.fixture
def desk(browser: Any, server: Server) -> Iterator[Any]:
    """A supervisor signed in on a 1440×900 desktop browser."""
    ctx = browser.new_context(
        base_url=server.url,
        viewport=DESKTOP,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        service_workers="block",
    )
    ctx.set_default_timeout(15_000)
    ctx.on("console", lambda m: print(f"[console.{m.type}] {m.text}"))
    ctx.on("weberror", lambda e: print(f"[page error] {e.error}"))
    ctx.on("response", lambda r: r.status >= 400 and print(f"[http {r.status}] {r.url}"))
    page = ctx.new_page()
    page.goto("/login")
    page.fill("input[name=username]", "supervisor1")
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/console")
    yield page
    ctx.close()


def screenshot(page: Any, name: str) -> None:
    """Save a screenshot once the photos on screen have loaded (map tiles may never: no network)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # An artifact, not an assertion: a slow photo on a loaded machine must not fail the test.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """() => [...document.images].every((i) => {
                const r = i.getBoundingClientRect()
                const tile = i.classList.contains('leaflet-tile')
                return i.complete || tile || r.bottom < 0 || !r.width
            })""",
            timeout=15_000,
        )
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def file_ticket(
    server: Server,
    photo: Path,
    lat: float,
    lon: float,
    note: str,
    category: str = "0201",
    username: str = "inspector1",
) -> dict[str, Any]:
    """What the phone's outbox sends: multipart with a JPEG, bearer token and an idempotency key."""
    with photo.open("rb") as f:
        r = httpx.post(
            f"{server.url}/api/tickets",
            headers={
                "Authorization": f"Bearer {server.token(username)}",
                "Idempotency-Key": str(uuid.uuid4()),
            },
            data={
                "category": category,
                "lat": lat,
                "lon": lon,
                "accuracy_m": 5,
                "description": note,
            },
            files={"photo": (photo.name, f, "image/jpeg")},
            timeout=30,
        )
    assert r.status_code == 201, r.text
    return r.json()


def wait_live(page: Any) -> None:
    """The map has drawn the roads and the event stream is connected."""
    page.wait_for_selector("[data-testid=live-map] .leaflet-overlay-pane path")
    page.wait_for_selector("[data-testid=live-status].on")


def test_a_ticket_filed_in_the_street_appears_on_the_open_map_without_reload(
    desk: Any, server: Server, spot: Spot, photo: Callable[[], Path]
) -> None:
    page = desk
    wait_live(page)
    page.wait_for_selector("[data-testid=state-counts][data-loaded=true]")
    # Anything that reloads the page would lose this.
    page.evaluate("window.__stillHere = true")
    screenshot(page, "console-map")

    started = time.monotonic()
    ticket = file_ticket(server, photo(), spot.lat, spot.lon, "路口电线杆小广告")
    entry = page.locator("[data-testid=feed-item]", has_text=ticket["number"])
    entry.wait_for(timeout=5_000)
    elapsed = time.monotonic() - started
    assert elapsed < 5, f"the ticket took {elapsed:.1f}s to reach the map"
    # A marker label with its number flashes where it was filed.
    page.wait_for_selector(f"[data-number='{ticket['number']}']")
    assert spot.road_name in entry.inner_text()
    assert page.evaluate("window.__stillHere") is True
    screenshot(page, "console-map-live")

    # The feed entry opens the ticket's detail page.
    page.locator("[data-testid=feed-item]", has_text=ticket["number"]).click()
    page.wait_for_url(f"**/console/tickets/{ticket['id']}")
    page.wait_for_selector("[data-testid=ticket-number]")
    assert page.locator("[data-testid=ticket-number]").inner_text() == ticket["number"]
    page.wait_for_selector("[data-testid=timeline] li")
    assert "上报" in page.locator("[data-testid=timeline]").inner_text()


def test_queue_entry_zooms_to_the_single_ticket_and_the_state_filter_hides_it(
    desk: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = desk
    ticket = file_ticket(server, photo(), NOWHERE[0] - 0.003, NOWHERE[1], "路边待派遣")
    wait_live(page)
    page.locator("[data-testid=queue-item]", has_text=ticket["number"]).locator("b").click()
    # Zoomed in, the server sends single tickets instead of clusters.
    marker = page.locator(f".cc-t-{ticket['id']}")
    marker.wait_for()
    screenshot(page, "console-map-zoomed")

    # Untick 待派遣: the map asks again without it, and the pending ticket goes.
    # (A refresh the zoom started may still be under way: the map's next question after it
    # must leave 待派遣 out; none would time out.)
    def without_pending(r: Any) -> bool:
        if "/api/map/clusters" not in r.url:
            return False
        return "pending" not in httpx.URL(r.url).params["status"].split(",")

    with page.expect_request(without_pending) as req:
        page.click("[data-testid=filter-pending]")
    statuses = httpx.URL(req.value.url).params["status"].split(",")
    assert "assigned" in statuses
    marker.wait_for(state="detached")


def test_supervisor_dispatches_a_pending_ticket_from_the_queue(
    desk: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = desk
    first = file_ticket(server, photo(), *NOWHERE, "城郊结合部，未在路段范围内")
    second = file_ticket(server, photo(), NOWHERE[0] + 0.002, NOWHERE[1], "城郊另一处")
    assert first["status"] == second["status"] == "pending"

    # The live map's queue shows it too.
    page.locator("[data-testid=queue-item]", has_text=first["number"]).wait_for()

    page.click("[data-testid=nav-dispatch]")
    row = page.locator("[data-testid=pending-row]", has_text=first["number"])
    row.wait_for()
    screenshot(page, "console-dispatch")
    nearest = row.locator("[data-testid=dispatch-nearest]")
    road_name = nearest.inner_text().split("·")[0].strip()
    nearest.click()  # one click
    row.wait_for(state="detached")
    after = server.get(f"/api/tickets/{first['id']}")
    assert after["status"] == "assigned"
    assert after["road"]["name"] == road_name
    assert after["events"][-1]["action"] == "dispatch"

    # The dialog: send the other one to a department of the supervisor's choosing.
    row = page.locator("[data-testid=pending-row]", has_text=second["number"])
    row.locator("[data-testid=dispatch-more]").click()
    dialog = page.locator("[data-testid=dispatch-dialog]")
    department = server.get("/api/departments")[0]
    dialog.locator("select").nth(2).select_option(str(department["id"]))
    dialog.locator("textarea").fill("请执法局处理")
    screenshot(page, "console-dispatch-dialog")
    dialog.locator("[data-testid=dispatch-submit]").click()
    row.wait_for(state="detached")
    after = server.get(f"/api/tickets/{second['id']}")
    assert after["status"] == "assigned"
    assert after["department"]["id"] == department["id"]
    assert after["events"][-1]["note"] == "请执法局处理"


def test_a_ticket_at_a_junction_is_rerouted_to_the_other_road_in_one_tap(
    desk: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = desk
    # Where two roads meet, routing keeps both as candidates.
    seen: dict[tuple[float, float], str] = {}
    for f in server.get("/api/roads")["features"]:
        for lon, lat in f["geometry"]["coordinates"]:
            if (lon, lat) in seen and seen[(lon, lat)] != f["properties"]["name"]:
                junction = (lat, lon)
                break
            seen[(lon, lat)] = f["properties"]["name"]
        else:
            continue
        break
    ticket = file_ticket(server, photo(), *junction, "路口两条路之间")
    names = [c["road_name"] for c in ticket["route_candidates"]]
    assert len(names) >= 2 and ticket["road"]["name"] in names
    other = next(n for n in names if n != ticket["road"]["name"])

    page.click("[data-testid=nav-dispatch]")
    row = page.locator("[data-testid=reroute-row]", has_text=ticket["number"])
    row.locator("button", has_text=other).click()
    server.wait_for(
        lambda: server.get(f"/api/tickets/{ticket['id']}")["road"]["name"] == other,
        timeout=5,
        what="the re-route",
    )
    # The table follows: the ticket now sits on the other road.
    expect(row.locator("td").nth(2)).to_have_text(other)


def test_duplicate_is_suggested_and_merged_keeping_both_on_the_ledger(
    desk: Any, server: Server, spot: Spot, photo: Callable[[], Path]
) -> None:
    page = desk
    wait_live(page)
    original = file_ticket(server, photo(), spot.lat, spot.lon, "第一次上报", category="0505")
    again = file_ticket(
        server, photo(), spot.lat + 0.0001, spot.lon, "同一辆车又报了一次", category="0505"
    )
    # The live feed flags the second report as it arrives.
    feed = page.locator("[data-testid=feed-item]")
    feed.filter(has_text=again["number"]).locator("[data-testid=suspect]").wait_for()
    feed.filter(has_text=again["number"]).click()
    page.wait_for_url(f"**/console/tickets/{again['id']}")
    suggestion = page.locator("[data-testid=duplicate]", has_text=original["number"])
    suggestion.wait_for()
    screenshot(page, "console-ticket")
    suggestion.locator("[data-testid=merge]").click()
    page.locator(".van-dialog__confirm").click()
    page.wait_for_selector("[data-testid=ticket-number] ~ .cc-tag.dismissed")

    merged = server.get(f"/api/tickets/{again['id']}")
    assert merged["status"] == "dismissed"
    assert merged["duplicate_of"]["id"] == original["id"]
    assert server.get(f"/api/tickets/{original['id']}")["status"] == "assigned"
    assert [e["action"] for e in merged["events"]][-1] == "dismiss"


def test_supervisor_escalates_from_the_ticket_page_and_the_ledger_shows_it(
    desk: Any, server: Server, spot: Spot, photo: Callable[[], Path]
) -> None:
    page = desk
    ticket = file_ticket(server, photo(), spot.lat, spot.lon, "三天没人管", category="0102")
    page.goto(f"/console/tickets/{ticket['id']}")
    page.click("[data-testid=action-escalate]")
    page.fill("[data-testid=action-note]", "指挥部督办：今日内整改")
    page.click("[data-testid=action-confirm]")
    expect(page.locator("[data-testid=flags]")).to_contain_text("已督办 1 级")
    # The ledger entry arrives with the stream's notice of the change.
    expect(page.locator("[data-testid=timeline]")).to_contain_text("指挥部督办：今日内整改")
    after = server.get(f"/api/tickets/{ticket['id']}")
    assert after["escalation_level"] == 1
    assert after["events"][-1]["action"] == "escalate"


def test_weekly_bulletin_shows_ranked_rows_and_export_links(desk: Any, server: Server) -> None:
    page = desk
    page.click("[data-testid=nav-group-oversight]")
    page.click("[data-testid=nav-bulletin]")
    page.wait_for_selector("[data-testid=bulletin-road] [data-testid=bulletin-row]")
    rows = page.locator("[data-testid=bulletin-road] [data-testid=bulletin-row]")
    assert rows.count() >= 3
    cells = [rows.nth(i).locator("td").first for i in range(rows.count())]
    ranks = [int(c.get_attribute("data-rank")) for c in cells if c.get_attribute("data-rank")]
    assert ranks == sorted(ranks)
    # Ties read 并列 and units with nothing due 不参评, the words of the print page.
    texts = [c.inner_text() for c in cells]
    assert all(t.isdigit() or t.endswith("（并列）") or t == "—" for t in texts), texts
    week = page.locator("[data-testid=week-picker]").input_value()
    # The page opens on the server's current ISO week, named 第N周 as in the 通报.
    body = server.get("/api/bulletin")
    assert week == body["week"]
    assert page.inner_text("[data-testid=bulletin-week-name]") == body["week_title"]
    assert "路长制工作情况的通报" in page.inner_text("[data-testid=bulletin-doc]")
    # The 工作要求 are edited here and the 通报 issued with the next 文号.
    page.fill("[data-testid=bulletin-requirements]", "各路长本周内完成逾期问题整改。")
    page.click("[data-testid=bulletin-issue]")
    page.wait_for_function(
        "document.querySelector('[data-testid=bulletin-number]').textContent.endsWith('号')"
    )
    issued = server.get("/api/bulletin")["document"]
    assert issued["requirements"] == "各路长本周内完成逾期问题整改。" and issued["number"]
    assert (
        page.get_attribute("[data-testid=bulletin-xlsx]", "href")
        == f"/api/bulletin.xlsx?week={week}"
    )
    screenshot(page, "console-bulletin")

    # The week before: asked for by its ISO name, and the export link follows.
    with page.expect_response(lambda r: "/api/bulletin?week=" in r.url) as resp:
        page.click("[data-testid=week-prev]")
    previous = httpx.URL(resp.value.url).params["week"]
    assert previous != week and resp.value.status == 200
    assert previous == page.locator("[data-testid=week-picker]").input_value()
    xlsx = page.get_attribute("[data-testid=bulletin-xlsx]", "href")
    assert xlsx == f"/api/bulletin.xlsx?week={previous}"
    with page.expect_download() as download:
        page.click("[data-testid=bulletin-xlsx]")
    assert download.value.suggested_filename == f"bulletin-{previous}.xlsx"


def test_ledger_page_shows_the_chain_check_and_a_filtered_download(
    desk: Any, server: Server
) -> None:
    page = desk
    page.click("[data-testid=nav-ledger]")
    banner = page.locator("[data-testid=ledger-verify].ok")
    banner.wait_for()
    assert "台账完好" in banner.inner_text() and "指纹" in banner.inner_text()
    total = server.get("/api/tickets", limit=1)["count"]
    page.wait_for_selector(f"[data-testid=ledger-count] b:text-is('{total}')")
    page.click("[data-testid=filter-overdue]")
    overdue = server.get("/api/tickets", limit=1, overdue=1)["count"]
    page.wait_for_selector(f"[data-testid=ledger-count] b:text-is('{overdue}')")
    href = page.get_attribute("[data-testid=ledger-download]", "href")
    assert href.startswith("/api/ledger/export.xlsx?") and "overdue=1" in href
    # The link downloads with the browser's session cookie.
    with page.expect_download() as download:
        page.click("[data-testid=ledger-download]")
    assert download.value.suggested_filename.endswith(".xlsx")
    assert download.value.path().read_bytes()[:2] == b"PK"  # a zip, as XLSX files are
    screenshot(page, "console-ledger")


def test_a_broken_ledger_chain_is_shown_in_red_with_the_first_bad_event(desk: Any) -> None:
    page = desk
    # Breaking the real chain needs the server's database; the page's job is to show the verdict.
    bad = {"ok": False, "checked": 41, "first_bad": {"id": 42, "ticket_id": 7, "reason": "hash"}}
    page.route("**/api/ledger/verify", lambda route: route.fulfill(json=bad))
    page.click("[data-testid=nav-ledger]")
    banner = page.locator("[data-testid=ledger-verify].bad")
    banner.wait_for()
    assert "台账被改动过" in banner.inner_text()
    assert "hash" not in page.locator("[data-testid=first-bad]").inner_text()
    assert "#42" in page.locator("[data-testid=first-bad]").inner_text()
    screenshot(page, "console-ledger-broken")
    page.locator("[data-testid=first-bad] a").click()
    page.wait_for_url("**/console/tickets/7")
