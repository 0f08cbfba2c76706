"""测评 for the units, in the browser: a road chief creates a 自查 on the phone (Vant date
picker), scores one of their sites, closes it and finds the deduction to rectify on their 测评
tab; the admin keeps the site types (add, rename, disable) in the console."""

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Server, screenshot
from .test_evaluation import DESKTOP, desk_screenshot
from .test_field_app import login

pytestmark = pytest.mark.browser


def test_a_chief_runs_a_self_check_on_the_phone_and_sees_what_to_rectify(
    server: Server, phone: Callable[..., Any], photo: Callable[[], Path]
) -> None:
    ctx = phone(service_workers="block")
    page = ctx.new_page()
    login(page, "chief_wang")
    page.click("[data-testid=tab-eval]")
    page.wait_for_selector("[data-testid=eval-my-site]")
    names = page.locator("[data-testid=eval-my-site] .van-cell__title").all_inner_texts()
    assert "文化新村" in " ".join(names) and "南货弄" in " ".join(names)
    screenshot(page, "eval-units-01-phone-my-sites")

    # 自查: a new round over my own sites, dates from the Vant picker.
    page.click("[role=tab] >> text=自查")
    page.click("[data-testid=eval-new-self]")
    page.wait_for_selector("[data-testid=self-site]")
    page.fill("[data-testid=self-name] input", "南货弄周自查")
    page.click("[data-testid=self-to]")
    picker = page.locator("[data-testid=self-date-picker]")
    picker.wait_for()
    screenshot(page, "eval-units-02-phone-date-picker")
    picker.locator(".van-picker__confirm").click()
    picker.wait_for(state="hidden")
    # Only 南货弄: untick every site but it.
    page.click(".section-title .link")  # 全不选
    page.locator("[data-testid=self-site]", has_text="南货弄").click()
    assert "1/" in page.inner_text(".section-title")
    screenshot(page, "eval-units-03-phone-self-check-form")
    page.click("[data-testid=self-create]")
    page.wait_for_url(re.compile(r"/eval/\d+$"))
    round_id = int(page.url.rsplit("/", 1)[1])
    detail = server.get(f"/api/rounds/{round_id}")
    assert detail["kind"] == "self" and [s["name"] for s in detail["sites"]] == ["南货弄"]
    site = detail["sites"][0]

    # Score it: check in at the lane, deduct the first item (with a photo), submit.
    ctx.set_geolocation({"latitude": site["lat"], "longitude": site["lon"], "accuracy": 5})
    page.click("[data-testid=eval-site] >> text=南货弄")
    page.click("[data-testid=eval-checkin-btn]")
    item = (
        page.locator("[data-testid^=eval-item-]")
        .filter(has=page.locator("[data-testid^=deduct-]"))
        .first
    )
    item.locator("[data-testid^=deduct-]").click()
    item.locator("[data-testid=camera-input]").set_input_files(str(photo()))
    item.locator(".thumb img").wait_for()
    page.click("[data-testid=eval-submit]")
    page.click(".van-dialog__confirm")
    page.wait_for_url(f"**/eval/{round_id}")
    server.wait_for(
        lambda: server.get(f"/api/rounds/{round_id}")["progress"]["done"] == 1 or None,
        what="the self-check's sheet",
    )
    page.reload()
    page.wait_for_selector("[data-testid=eval-site] .van-tag")  # scored
    screenshot(page, "eval-units-04-phone-self-check-round")
    page.click("[data-testid=eval-close-self]")
    page.click(".van-dialog__confirm")
    page.wait_for_selector("[data-testid=eval-close-self]", state="detached")
    assert server.get(f"/api/rounds/{round_id}")["status"] == "closed"

    # Back on the 测评 tab: the deduction, its ticket still to rectify, and the site's score.
    page.goto("/eval")
    # The 扣分整改 tab carries the count still to rectify, and opens first.
    badge = page.locator("[role=tab]", has_text="扣分整改").locator(".van-badge")
    badge.wait_for()
    assert int(badge.inner_text()) >= 1
    row = page.locator("[data-testid=eval-deduction]", has_text="南货弄")
    row.first.wait_for()
    assert "待" in row.first.locator(".van-tag").inner_text()  # 待整改 / 待派遣
    assert "自查" in row.first.inner_text()
    screenshot(page, "eval-units-05-phone-to-rectify")
    page.click("[role=tab] >> text=我的点位")
    lane = page.locator("[data-testid=eval-my-site]", has_text="南货弄")
    assert "南货弄周自查" in lane.inner_text()
    score = lane.locator(".score").inner_text()
    assert 0 < float(score) < 100


def test_the_admin_adds_renames_and_disables_a_site_type(browser: Any, server: Server) -> None:
    ctx = browser.new_context(
        base_url=server.url, viewport=DESKTOP, locale="zh-CN", timezone_id="Asia/Shanghai",
        service_workers="block",
    )  # fmt: skip
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    login(page, "admin1")
    page.goto("/console/admin/sitetypes")
    page.wait_for_selector("[data-testid=sitetype-table] tbody tr")
    code = f"kiosk{int(time.time()) % 100000}"  # a rerun of this test adds its own
    page.fill("[data-testid=sitetype-code]", code)
    page.fill("[data-testid=sitetype-name]", "报刊亭")
    page.click("[data-testid=sitetype-add-btn]")
    row = page.locator(f"[data-testid=sitetype-{code}]")
    row.wait_for()
    row.locator("input").fill("书报亭")
    row.locator("[data-testid=sitetype-rename]").click()
    row.locator(".ad-ok").wait_for()
    row.locator("[data-testid=sitetype-toggle]").click()
    page.wait_for_selector(f"[data-testid=sitetype-{code}] .ad-chip.off")
    kinds = {t["code"]: t for t in server.get("/api/site-types")}
    assert kinds[code] == {"code": code, "name": "书报亭", "active": False}
    # A name already taken is refused with the server's reason.
    row.locator("input").fill("公共厕所")
    row.locator("[data-testid=sitetype-rename]").click()
    assert "已存在" in page.inner_text("[data-testid=sitetype-error]")
    assert row.locator("input").input_value() == "书报亭"  # the refused name is not kept
    desk_screenshot(page, "eval-units-06-console-site-types")

    # The round form's dates read 年月日 whatever the browser's locale (the console's DateField).
    page.goto("/console/eval")
    text = page.inner_text("[data-testid=eval-create] .df >> nth=0")
    assert "年" in text and "月" in text and "日" in text
    ctx.close()
