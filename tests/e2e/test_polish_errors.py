"""Failures read in Chinese: the server's English `detail` never reaches a toast or the outbox
page; its `code` picks the words (issue 9)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Server, screenshot
from .test_console import desk, file_ticket  # noqa: F401 (fixture)
from .test_field_app import file_ticket as report_from_phone
from .test_field_app import login
from .test_polish_console import just_outside

pytestmark = pytest.mark.browser


def test_a_refused_report_says_why_in_chinese_on_the_outbox_page(
    phone: Callable[..., Any], photo: Callable[[], Path]
) -> None:
    page = phone(service_workers="block").new_page()
    login(page, "inspector1")

    def refuse(route: Any) -> None:
        if route.request.method == "POST":
            route.fulfill(
                status=415,
                json={
                    "detail": "not an accepted image (JPEG, PNG or HEIC, checked by content)",
                    "code": "unsupported_media",
                },
            )
        else:
            route.continue_()

    page.route("**/api/tickets", refuse)
    page.goto("/report")
    report_from_phone(page, photo(), "格式不对")
    page.wait_for_selector("[data-testid=outbox-indicator]:has-text('1 条发送失败')")
    page.click("[data-testid=outbox-indicator]")
    reason = page.locator("[data-testid=outbox-reason]")
    reason.wait_for()
    assert "不支持的照片格式" in reason.inner_text()
    assert "accepted" not in reason.inner_text()
    screenshot(page, "polish-outbox-reason-zh")
    reason.locator("..").locator("text=删除").click()
    page.locator(".van-dialog__confirm").click()


def test_a_console_toast_is_chinese_when_the_server_answers_in_english(
    desk: Any,  # noqa: F811
    server: Server,
    photo: Callable[[], Path],
) -> None:
    page = desk
    ticket = file_ticket(server, photo(), *just_outside(server, 7), "状态已变")
    page.route(
        f"**/api/tickets/{ticket['id']}/dismiss",
        lambda route: route.fulfill(
            status=409,
            json={
                "detail": f"ticket {ticket['number']} is dismissed: "
                "you cannot dismiss (作废) it now",
                "code": "conflict",
                "status": "dismissed",
            },
        ),
    )
    page.goto(f"/console/tickets/{ticket['id']}")
    page.click("[data-testid=action-dismiss]")
    page.click("[data-testid=action-confirm]")
    toast = page.locator(".van-toast:visible")
    toast.wait_for()
    text = toast.inner_text()
    assert "工单状态已变化" in text and "cannot" not in text, text
    page.wait_for_timeout(400)  # past the toast's fade-in
    screenshot(page, "polish-console-toast-zh")
