"""One tap adds my photo to the ticket already filed for the same problem (issue 9.10)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Server, screenshot
from .test_field_app import file_ticket, login, newest

pytestmark = pytest.mark.browser


def test_a_second_inspector_adds_a_photo_offline_instead_of_filing_a_duplicate(
    browser: Any, server: Server, phone: Callable[..., Any], photo: Callable[[], Path]
) -> None:
    first = phone().new_page()
    login(first, "inspector1")
    first.goto("/report")
    file_ticket(first, photo(), "同一处，先报")
    ticket = server.wait_for(
        lambda: (t := newest(server)) and t["description"] == "同一处，先报" and t,
        what="the first report on the server",
    )
    tickets_before = server.get("/api/tickets", limit=1)["count"]

    ctx = phone()
    page = ctx.new_page()
    login(page, "inspector2")
    page.goto("/report")
    page.set_input_files("[data-testid=camera-input]", str(photo()))
    page.wait_for_selector(".thumb img")
    page.click("[data-testid=category-all]")
    sheet = page.locator(".van-popup--bottom:visible")
    sheet.locator("input[type=search]").fill("牛皮癣")
    sheet.locator(".van-cell", has_text="非法小广告").first.click()
    row = page.locator("[data-testid=same-ticket]", has_text=ticket["number"])
    row.wait_for()
    button = row.locator("[data-testid=add-to-ticket]")
    box = button.bounding_box()
    assert box and box["height"] >= 44
    screenshot(page, "polish-report-add-to-ticket")

    # The signal drops just as the inspector taps: the photo waits in the outbox.
    ctx.set_offline(True)
    button.click()
    page.wait_for_selector(".thumb img", state="detached")
    page.wait_for_selector(f"text=联网后补充到工单 {ticket['number']}")
    ctx.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    link = page.locator("[data-testid=sent-link]")
    link.wait_for()
    assert f"照片已补充到工单 {ticket['number']}" in link.inner_text()

    after = server.get(f"/api/tickets/{ticket['id']}")
    assert server.get("/api/tickets", limit=1)["count"] == tickets_before  # no duplicate
    assert [p["uploaded_by"]["username"] for p in after["photos"]] == ["inspector1", "inspector2"]
    assert after["events"][-1]["action"] == "add_photo"
    assert after["status"] == ticket["status"]

    link.click()
    strip = page.locator("[data-testid=before-strip]")
    strip.wait_for()
    assert "朱莉 补充" in strip.inner_text()
    history = page.locator(".ev", has_text="补充照片")
    assert history.count() == 1 and "朱莉" in history.inner_text()
    screenshot(page, "polish-ticket-added-photo")

    desk = browser.new_context(
        base_url=server.url,
        viewport={"width": 1440, "height": 900},
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        service_workers="block",
    )
    try:
        console = desk.new_page()
        login(console, "supervisor1")
        console.goto(f"/console/tickets/{ticket['id']}")
        added = console.locator("[data-testid=added-photos]")
        added.wait_for()
        assert "朱莉 补充" in added.inner_text()
        assert console.locator("text=补充照片（同一处问题）").count() == 1
        screenshot(console, "polish-console-added-photo")
    finally:
        desk.close()
