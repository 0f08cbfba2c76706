"""A supervisor on a 390×844 phone: the dispatch page and the ticket page in a phone layout —
nothing wider than the screen, buttons a thumb can hit, the field tabs at the bottom (issue 9)."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import PHONE, Server
from .test_console import file_ticket, screenshot
from .test_polish_console import just_outside

pytestmark = pytest.mark.browser

FITS = """(sel) => {
    const main = document.querySelector('.cc-main')
    // A map's tiles run past its edge and are clipped by it: the map itself is what counts.
    const inMap = (e) => e.parentElement && e.parentElement.closest('.leaflet-container')
    const wide = [...document.querySelectorAll(sel)].filter((e) => !inMap(e)).filter((e) => {
        const r = e.getBoundingClientRect()
        return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1)
    }).map((e) => String(e.className) || e.tagName)
    return {
        page: document.documentElement.scrollWidth <= innerWidth,
        main: main.scrollWidth <= main.clientWidth + 1,
        wide: wide.slice(0, 5),
    }
}"""


@pytest.fixture
def pocket(browser: Any, server: Server) -> Iterator[Any]:
    """supervisor1 signed in on a phone."""
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
    ctx.set_default_timeout(15_000)
    ctx.on("weberror", lambda e: print(f"[page error] {e.error}"))
    page = ctx.new_page()
    page.goto("/login")
    page.fill("input[name=username]", "supervisor1")
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/console")
    yield page
    ctx.close()


def assert_fits(page: Any, what: str) -> None:
    fits = page.evaluate(FITS, ".cc-main *")
    assert fits["page"] and fits["main"] and not fits["wide"], (
        f"{what} is wider than a phone: {fits}"
    )
    assert page.locator(".van-tabbar").is_visible()  # the field app's tabs


def tappable(locator: Any) -> None:
    box = locator.bounding_box()
    assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 390, box


def test_dispatch_on_a_phone_is_a_list_of_cards_with_thumb_sized_buttons(
    pocket: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = pocket
    ticket = file_ticket(server, photo(), *just_outside(server, 5), "手机派遣")
    page.goto("/console/dispatch")
    row = page.locator("[data-testid=pending-row]", has_text=ticket["number"])
    row.wait_for()
    assert_fits(page, "the dispatch page")
    assert "手机派遣" in row.inner_text() and "不在辖区内" in row.inner_text()
    tappable(row.locator("[data-testid=dispatch-nearest]"))
    tappable(row.locator("[data-testid=dispatch-more]"))
    screenshot(page, "polish-phone-dispatch")

    row.locator("[data-testid=dispatch-more]").click()
    dialog = page.locator("[data-testid=dispatch-dialog]")
    dialog.locator("[data-testid=dispatch-map] .leaflet-overlay-pane path").first.wait_for()
    box = dialog.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    screenshot(page, "polish-phone-dispatch-dialog")
    page.keyboard.press("Escape")
    page.locator(".dd-back").click(position={"x": 5, "y": 5})
    dialog.wait_for(state="detached")

    # One tap sends it to the nearest road; the card leaves the list.
    road = row.locator("[data-testid=dispatch-nearest]").inner_text().split("·")[0].strip()
    row.locator("[data-testid=dispatch-nearest]").click()
    row.wait_for(state="detached")
    after = server.get(f"/api/tickets/{ticket['id']}")
    assert after["status"] == "assigned" and after["road"]["name"] == road


def test_the_ticket_page_on_a_phone_stacks_photos_facts_and_history(
    pocket: Any, server: Server, photo: Callable[[], Path]
) -> None:
    page = pocket
    ticket = file_ticket(server, photo(), *just_outside(server, 6), "手机看工单")
    page.goto(f"/console/tickets/{ticket['id']}")
    img = page.locator("[data-testid=before-after] img").first
    img.wait_for()
    page.wait_for_selector("text=台账记录")
    assert_fits(page, "the ticket page")
    box = img.bounding_box()
    assert box and box["width"] >= 300, box  # the photo takes the phone's width, not half of it
    for action in ("dispatch", "dismiss"):
        tappable(page.locator(f"[data-testid=action-{action}]"))
    screenshot(page, "polish-phone-ticket")
    # The last of the page is above the tabs, not under them.
    page.evaluate("document.querySelector('.cc-main').scrollTo(0, 1e6)")
    last = page.locator(".cc-main .cc-page > *").last.bounding_box()
    tabs = page.locator(".van-tabbar").bounding_box()
    assert last and tabs and last["y"] + last["height"] <= tabs["y"] + 1
    screenshot(page, "polish-phone-ticket-bottom")
