"""The console's navigation fits a 1440×900 and a 1280×800 desk: every page has an entry one
can see and click, none cut off, none wrapped (issue 9)."""

from typing import Any

import pytest

from .conftest import Server
from .test_console import screenshot
from .test_field_app import login

pytestmark = pytest.mark.browser

# Every page the console links for an admin, by its nav entry.
PAGES = {
    "map": "/console",
    "dispatch": "/console/dispatch",
    "triage": "/console/triage",
    "publish": "/console/publish",
    "bulletin": "/console/bulletin",
    "eval": "/console/eval",
    "campaigns": "/console/campaigns",
    "tasks": "/console/tasks",
    "ledger": "/console/ledger",
    "notify": "/console/notify",
    "admin": "/console/admin",
}

INSIDE = """(el) => {
    const r = el.getBoundingClientRect()
    const right = document.querySelector('.cc-right').getBoundingClientRect()
    const style = getComputedStyle(el)
    return {
        visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden',
        inside: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight,
        clearOfRight: r.bottom <= right.top || r.top >= right.bottom || r.right <= right.left,
        oneLine: el.getClientRects().length === 1 && r.height <= 56,
    }
}"""


@pytest.mark.parametrize("size", [(1440, 900), (1280, 800)], ids=["1440", "1280"])
def test_every_console_page_has_a_reachable_nav_entry(
    browser: Any, server: Server, size: tuple[int, int]
) -> None:
    width, height = size
    ctx = browser.new_context(
        base_url=server.url,
        viewport={"width": width, "height": height},
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        service_workers="block",
    )
    ctx.set_default_timeout(15_000)
    if width == 1280:
        # The narrowest desk with the longest status: the event stream down (重连中…).
        ctx.route("**/api/stream*", lambda route: route.abort())
    try:
        page = ctx.new_page()
        login(page, "admin1")
        page.goto("/console")
        page.wait_for_selector("[data-testid=cc-nav]")
        bar = page.evaluate(
            "() => { const b = document.querySelector('.cc-bar');"
            " return [b.scrollWidth, b.clientWidth] }"
        )
        assert bar[0] <= bar[1], f"the title bar overflows at {width}px: {bar}"
        # The bar's own words never wrap (实时连接 once stood one character per line).
        for sel in (".cc-live", ".cc-clock", ".cc-user", ".cc-brand"):
            box = page.locator(sel).bounding_box()
            assert box and box["height"] <= 32, f"{sel} wraps at {width}px: {box}"

        top = page.locator("[data-testid=cc-nav] > a, [data-testid=cc-nav] .cc-group-btn")
        for i in range(top.count()):
            where = top.nth(i).evaluate(INSIDE)
            name = top.nth(i).inner_text()
            assert all(where.values()), f"{name!r} is cut off or hidden at {width}px: {where}"

        reached = set()
        for key, path in PAGES.items():
            entry = page.locator(f"[data-testid=nav-{key}]")
            if not entry.is_visible():
                # In a group: its button opens it.
                group = page.locator(".cc-group", has=entry)
                group.locator(".cc-group-btn").click()
                if key == "bulletin":
                    screenshot(page, f"polish-console-nav-{width}-open")
            where = entry.evaluate(INSIDE)
            assert where["visible"] and where["inside"], f"{key} cannot be reached: {where}"
            entry.click()
            page.wait_for_url(
                lambda url, path=path: url.split("?")[0].endswith(path) or f"{path}/" in url
            )
            assert page.locator(".cc-menu:visible").count() == 0  # the menu closes
            reached.add(key)
        assert reached == set(PAGES)
        page.goto("/console")
        page.wait_for_selector("[data-testid=cc-nav]")
        screenshot(page, f"polish-console-nav-{width}")
    finally:
        ctx.close()
