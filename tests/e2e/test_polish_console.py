"""Console polish (issue 9): the desk at 1440×900 and a supervisor's phone at 390×844."""
# ruff: noqa: F811  (the desk fixture is imported from test_console and requested by name)

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import PHONE, Server
from .test_console import desk, file_ticket, screenshot, wait_live  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def just_outside(server: Server, k: int = 0) -> tuple[float, float]:
    """Some 400 m south of the town's extent: outside every zone, still accepted (pending)."""
    min_lon, min_lat, max_lon, _ = server.get("/api/config")["area_bbox"]
    return min_lat - 0.0035, (min_lon + max_lon) / 2 + k * 0.0004


def test_supervisor_on_a_phone_gets_a_summary_and_the_field_tabs(
    browser: Any, server: Server
) -> None:
    ctx = browser.new_context(
        base_url=server.url,
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        service_workers="block",
    )
    clusters: list[str] = []
    ctx.on("request", lambda r: "/api/map/clusters" in r.url and clusters.append(r.url))
    try:
        page = ctx.new_page()
        page.goto("/login")
        page.fill("input[name=username]", "supervisor1")
        page.fill("input[name=password]", "demo")
        page.click("button[type=submit]")
        page.wait_for_url("**/console")
        summary = page.locator("[data-testid=phone-summary]")
        summary.wait_for()
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=state-counts]').innerText.includes('–')"
        )
        pending = server.get("/api/tickets", status="pending", limit=1)["count"]
        assert str(pending) in summary.locator("[data-testid=state-counts]").inner_text()
        tabs = page.locator("[data-testid=field-tabs]")
        assert [t.strip() for t in tabs.locator(".van-tabbar-item").all_inner_texts()] == [
            "指挥",
            "上报",
            "我的上报",
            "核查",
            "我的",
        ]
        # Nothing wraps one character per line, nothing is wider than the phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], width
        bar = page.locator(".cc-bar").bounding_box()
        assert bar and bar["height"] <= 56
        page.wait_for_timeout(1500)
        assert clusters == [], "the hidden map asked for clusters"
        screenshot(page, "polish-console-phone")
        tabs.locator(".van-tabbar-item", has_text="核查").click()
        page.wait_for_url("**/verify")
    finally:
        ctx.close()


def test_queue_click_opens_the_tickets_popup_and_the_map_has_no_leaflet_prefix(
    desk: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = desk
    ticket = file_ticket(server, photo(), *just_outside(server, 1), "路口待派遣")
    wait_live(page)
    attribution = page.locator("[data-testid=live-map] .leaflet-control-attribution")
    assert "Leaflet" not in attribution.inner_text()
    page.locator("[data-testid=queue-item]", has_text=ticket["number"]).locator("b").click()
    popup = page.locator("[data-testid=ticket-popup]")
    popup.wait_for()
    assert ticket["number"] in popup.inner_text()
    screenshot(page, "polish-console-queue-popup")
    popup.locator("a").click()
    page.wait_for_url(f"**/console/tickets/{ticket['id']}")


def test_road_labels_never_cover_a_ticket(desk: Any, server: Server, spot: Any) -> None:
    page = desk
    wait_live(page)
    # Zoom in on a demo road with tickets: labels and dots share the screen.
    page.locator("[data-testid=overdue-item] .lm-q-main").first.click()
    page.wait_for_selector(".cc-t")
    page.wait_for_timeout(800)
    overlaps = page.evaluate(
        """() => {
            const box = (sel) => [...document.querySelectorAll(sel)]
                .map((e) => e.getBoundingClientRect())
            const labels = box('.cc-road-label span')
            const dots = box('path.cc-t')
            const hit = (a, b) =>
                a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
            const covered = labels.filter((l) => dots.some((d) => hit(l, d)))
            return { labels: labels.length, overlaps: covered.length }
        }"""
    )
    assert overlaps["overlaps"] == 0, overlaps
    screenshot(page, "polish-console-labels")


def test_dispatch_warns_outside_the_area_and_shows_the_candidates_on_a_map(
    desk: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = desk
    ticket = file_ticket(server, photo(), *just_outside(server, 2), "辖区边缘")
    page.click("[data-testid=nav-dispatch]")
    row = page.locator("[data-testid=pending-row]", has_text=ticket["number"])
    row.wait_for()
    assert "不在辖区内" in row.locator("[data-testid=outside-warning]").inner_text()
    assert "更多" in row.locator("[data-testid=dispatch-more]").inner_text()
    assert "公里" in row.inner_text() or "米" in row.inner_text()
    screenshot(page, "polish-console-dispatch")
    row.locator("[data-testid=dispatch-more]").click()
    dialog = page.locator("[data-testid=dispatch-dialog]")
    dialog.locator("[data-testid=dispatch-map] .leaflet-overlay-pane path").first.wait_for()
    assert dialog.locator("[data-testid=dispatch-map] .dm-label").count() >= 2
    screenshot(page, "polish-console-dispatch-dialog")


def test_the_empty_dispatch_list_says_so_in_words(desk: Any) -> None:
    page = desk
    page.route(
        "**/api/tickets?status=*",
        lambda route: route.fulfill(json={"data": [], "count": 0}),
    )
    page.click("[data-testid=nav-dispatch]")
    # The live map (where the desk starts) has empty states of its own: read the
    # dispatch panel's, once the dispatch page is the one on screen.
    panel = page.locator(".cc-panel", has=page.locator("[data-testid=pending-count]"))
    panel.locator(".cc-empty").wait_for()
    assert panel.locator(".cc-empty").first.inner_text().strip() == "暂无工单"


def test_console_ticket_photos_are_whole(
    desk: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = desk
    ticket = file_ticket(server, photo(), *just_outside(server, 3), "整张照片")
    page.goto(f"/console/tickets/{ticket['id']}")
    img = page.locator("[data-testid=before-after] img").first
    img.wait_for()
    page.wait_for_function(
        "() => { const i = document.querySelector('[data-testid=before-after] img'); "
        "return i && i.complete && i.naturalWidth > 0 }"
    )
    ratio = img.evaluate(
        """(i) => {
            const r = i.getBoundingClientRect()
            return [r.width / r.height, i.naturalWidth / i.naturalHeight]
        }"""
    )
    assert ratio[0] == pytest.approx(ratio[1], rel=0.03), ratio
    screenshot(page, "polish-console-ticket")


def test_dates_read_in_chinese_whatever_the_browsers_locale(browser: Any, server: Server) -> None:
    ctx = browser.new_context(
        base_url=server.url,
        viewport={"width": 1440, "height": 900},
        locale="en-US",
        service_workers="block",
    )
    try:
        page = ctx.new_page()
        page.goto("/login")
        page.fill("input[name=username]", "supervisor1")
        page.fill("input[name=password]", "demo")
        page.click("button[type=submit]")
        page.wait_for_url("**/console")
        page.goto("/console/ledger")
        since = page.locator(".df").first
        since.wait_for()
        assert since.inner_text().strip() == "年 / 月 / 日"
        since.locator("input").fill("2026-11-30")
        assert since.inner_text().strip() == "2026年11月30日"
        screenshot(page, "polish-console-dates")
        page.goto("/console/bulletin")
        week = page.locator("[data-testid=week-picker]")
        week.wait_for()
        shown = page.locator(".df", has=week).inner_text().strip()
        y, w = week.input_value().split("-W")
        assert shown == f"{y}年第{int(w)}周"
    finally:
        ctx.close()
