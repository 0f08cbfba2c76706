"""测评 end to end: the console draws a round, an inspector scores a site offline, the
deductions become routed tickets once the phone is back online, the supervisor publishes."""

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import ARTIFACTS, Server, poll, screenshot
from .test_field_app import login

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 900}
ITEMS = ("0101-02", "0102-01")  # 小广告 and 暴露垃圾: both need a photo, both file a ticket


def desk_screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(PlaywrightTimeoutError):
        poll(
            page,
            "() => [...document.images].every((i) => i.complete"
            " || i.classList.contains('leaflet-tile'))",
            timeout=10,
        )
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_an_offline_sheet_files_two_routed_tickets_once_and_the_published_ranking_shows(
    browser: Any, server: Server, phone: Callable[..., Any], photo: Callable[[], Path]
) -> None:
    # The supervisor draws a quarterly round in the console: one site per type per zone.
    desk_ctx = browser.new_context(
        base_url=server.url,
        viewport=DESKTOP,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        service_workers="block",
    )
    desk_ctx.set_default_timeout(15_000)
    desk = desk_ctx.new_page()
    desk.on("dialog", lambda d: d.accept())
    login(desk, "supervisor1")
    desk.goto("/console/eval")
    desk.fill("[data-testid=eval-name]", "第四季度模拟测评")
    desk.check("[data-testid=eval-inspector-inspector3]")
    desk.fill("[data-testid=eval-n]", "1")
    desk.fill("[data-testid=eval-seed]", "2026")
    desk.select_option("[data-testid=eval-create] select >> nth=2", index=1)  # the survey
    desk_screenshot(desk, "eval-01-console-create")
    desk.click("[data-testid=eval-create-submit]")
    desk.wait_for_url("**/console/eval/*")
    round_id = int(desk.url.rsplit("/", 1)[1])
    detail = server.get(f"/api/rounds/{round_id}")
    assert detail["draw"]["seed"] == 2026
    market = next(s for s in detail["sites"] if s["type"] == "market")
    # Unannounced: the market's chief cannot see the round.
    r = _get(server, f"/api/rounds/{round_id}", "chief_wang")
    assert r.status_code == 404

    ctx = phone()
    page = ctx.new_page()
    login(page, "inspector3")
    # The service worker has precached the app (offline later needs it) and controls the page.
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.goto("/eval")
    poll(page, "() => navigator.serviceWorker.controller !== null", timeout=30)
    page.click("[data-testid=eval-round] >> nth=0")
    page.wait_for_selector("[data-testid=eval-site]")
    screenshot(page, "eval-02-phone-round-sites")

    # In the street, with no network: check in at the market and deduct two items.
    ctx.set_geolocation({"latitude": market["lat"], "longitude": market["lon"], "accuracy": 5})
    ctx.set_offline(True)
    page.wait_for_selector("[data-testid=offline-bar]")
    page.click(f"[data-testid=eval-site] >> text={market['name']}")
    page.wait_for_selector("[data-testid=eval-checkin-btn]")
    page.click("[data-testid=eval-checkin-btn]")
    for code in ITEMS:
        item = page.locator(f"[data-testid=eval-item-{code}]")
        item.locator(f"[data-testid=deduct-{code}]").click()
        item.locator("[data-testid=camera-input]").set_input_files(str(photo()))
        item.locator(".thumb img").wait_for()
    page.locator(f"[data-testid=eval-item-{ITEMS[0]}] .van-stepper__plus").click()
    assert "98" in page.inner_text("[data-testid=eval-score]")  # 2 × 0.5 + 1
    screenshot(page, "eval-03-phone-sheet-deductions")
    page.click("[data-testid=eval-submit]")
    page.click(".van-dialog__confirm")
    page.wait_for_url(f"**/eval/{round_id}")
    assert server.get(f"/api/rounds/{round_id}")["progress"]["done"] == 0

    ctx.set_offline(False)
    sheet_of = lambda: next(  # noqa: E731
        s["sheet"]
        for s in server.get(f"/api/rounds/{round_id}")["sites"]
        if s["id"] == market["id"]
    )
    sheet_ref = server.wait_for(sheet_of, what="the sheet")
    time.sleep(2)  # a duplicate send would have landed by now
    detail = server.get(f"/api/rounds/{round_id}")
    assert detail["progress"]["done"] == 1
    sheet = server.get(f"/api/rounds/{round_id}/sheets/{sheet_ref['id']}")
    assert sheet["score"] == 98 and sheet["far"] is False
    assert len(sheet["tickets"]) == 2
    for ticket_id in sheet["tickets"]:
        ticket = server.get(f"/api/tickets/{ticket_id}")
        assert ticket["assignee"] is not None and len(ticket["photos"]) == 1

    page.click("[data-testid=eval-survey-link]")
    page.locator(".van-cell", has_text="知道").first.click()
    screenshot(page, "eval-04-phone-survey")
    page.click("[data-testid=survey-submit]")

    # The supervisor closes the round and sees the published ranking.
    desk.reload()
    desk.wait_for_selector("[data-testid=eval-map] .leaflet-interactive")
    desk.click("[data-testid=eval-close]")
    desk.wait_for_selector("[data-testid=eval-close]", state="detached")
    units = desk.locator("[data-testid=eval-units] tbody tr")
    assert units.count() >= 1
    assert units.first.locator("td").first.inner_text().startswith("1")
    desk_screenshot(desk, "eval-05-console-scoreboard")
    scores = server.get(f"/api/rounds/{round_id}/scores")
    assert scores["round"]["status"] == "closed"
    assert {i["item_code"] for i in scores["items"]} == set(ITEMS)
    assert _get(server, f"/api/rounds/{round_id}", "chief_wang").status_code == 200
    # A scored site's sheet with its photos.
    desk.goto(f"/console/eval/{round_id}")
    desk.wait_for_selector("[data-testid=eval-map] .leaflet-interactive")
    desk.evaluate("window.scrollTo(0, 0)")
    desk.click("text=扣分分析")
    desk.wait_for_selector("[data-testid=eval-items] tbody tr")
    desk_screenshot(desk, "eval-06-console-items")
    desk.click(".er-tabs >> text=测评表")
    desk.click(f"[data-testid=eval-done-site] >> text={market['name']}")
    desk.wait_for_selector("[data-testid=eval-sheet] .er-photos img >> nth=1")
    desk_screenshot(desk, "eval-07-console-sheet")
    desk.click(".er-tabs >> text=街访")
    desk.wait_for_selector(".er-q")
    desk_screenshot(desk, "eval-08-console-survey")
    desk.goto(f"/api/rounds/{round_id}/scores/print")
    assert "责任单位排名" in desk.inner_text("body")
    desk_screenshot(desk, "eval-09-print")
    desk_ctx.close()


def _get(server: Server, path: str, username: str) -> Any:
    import httpx

    return httpx.get(
        f"{server.url}{path}",
        headers={"Authorization": f"Bearer {server.token(username)}"},
        timeout=10,
    )
