"""The 测评 sheet for one thumb: 44 px targets, 签到 that waits for a late GPS fix and completes
itself, and the site's score on the round at once after an online submit."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Server, poll, screenshot
from .test_evaluation import DESKTOP
from .test_field_app import login
from .test_polish_contrast import low_contrast

PHONE_RULES = ("color-contrast", "target-size")

pytestmark = pytest.mark.browser

# The phone's GPS answers only when the test says so (a fix arriving late in the street): the
# positions the browser reports are held until window.__gpsArrive() hands them over.
LATE_GPS = """
(() => {
  const geo = navigator.geolocation
  const watch = geo.watchPosition.bind(geo)
  const held = []
  window.__gpsArrive = () => {
    window.__gpsOpen = true
    held.splice(0).forEach(([ok, p]) => ok(p))
  }
  geo.watchPosition = (ok, err, opts) =>
    watch((p) => (window.__gpsOpen ? ok(p) : held.push([ok, p])), err, opts)
})()
"""


def test_checkin_waits_for_a_late_fix_targets_fit_a_thumb_and_the_score_shows_at_once(
    browser: Any, server: Server, phone: Callable[..., Any], photo: Callable[[], Path]
) -> None:
    desk_ctx = browser.new_context(
        base_url=server.url, viewport=DESKTOP, locale="zh-CN", service_workers="block"
    )
    desk_ctx.set_default_timeout(15_000)
    desk = desk_ctx.new_page()
    login(desk, "supervisor1")
    desk.goto("/console/eval")
    desk.fill("[data-testid=eval-name]", "拇指测评")
    desk.check("[data-testid=eval-inspector-inspector1]")
    desk.fill("[data-testid=eval-n]", "1")
    desk.fill("[data-testid=eval-seed]", "4401")
    desk.click("[data-testid=eval-create-submit]")
    desk.wait_for_url("**/console/eval/*")
    round_id = int(desk.url.rsplit("/", 1)[1])
    desk_ctx.close()
    site = server.get(f"/api/rounds/{round_id}")["sites"][0]

    ctx = phone()
    ctx.set_geolocation({"latitude": site["lat"], "longitude": site["lon"], "accuracy": 7})
    ctx.add_init_script(LATE_GPS)
    page = ctx.new_page()
    login(page, "inspector1")
    page.goto(f"/eval/{round_id}")
    page.click(f"[data-testid=eval-site] >> text={site['name']}")
    page.wait_for_selector("[data-testid=eval-checkin-btn]")

    # No fix yet: 签到 says it waits, the GPS line says it is locating; nothing is checked in.
    assert "正在定位" in page.inner_text("[data-testid=eval-gps]")
    page.click("[data-testid=eval-checkin-btn]")
    checkin = page.locator("[data-testid=eval-checkin]")
    assert "定位到后自动签到" in checkin.inner_text()
    screenshot(page, "sheet-01-waiting-for-gps")
    page.evaluate("window.__gpsArrive()")
    poll(
        page,
        "() => document.querySelector('[data-testid=eval-checkin]').innerText"
        ".includes('已签到 ±7 米')",
    )
    assert "精度 ±7 米" in page.inner_text("[data-testid=eval-gps]")

    # Every control of the sheet is at least 44 × 44 px; the outcomes fill the card's width.
    items = page.locator("[data-testid^=eval-item-]")
    first = items.first
    code = first.get_attribute("data-testid").removeprefix("eval-item-")
    first.locator(f"[data-testid=deduct-{code}]").click()
    first.locator("[data-testid=camera-input]").set_input_files(str(photo()))
    first.locator(".thumb img").wait_for()
    screenshot(page, "sheet-02-deducted")
    bad = low_contrast(page, PHONE_RULES)
    assert bad == [], "\n".join(bad)
    small = page.evaluate(
        """() => [...document.querySelectorAll(
              '.outcome, .van-stepper__minus, .van-stepper__plus, [data-testid=eval-checkin-btn],'
              + ' [data-testid=eval-submit]')]
            .map((el) => [el.className, el.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([c, r]) => `${c} ${Math.round(r.width)}×${Math.round(r.height)}`)"""
    )
    assert small == []
    widths = page.evaluate(
        """(code) => {
          const item = document.querySelector(`[data-testid=eval-item-${code}]`)
          const group = item.querySelector('.outcomes').getBoundingClientRect()
          return [group.width, item.getBoundingClientRect().width]
        }""",
        code,
    )
    assert widths[0] >= widths[1] - 30  # the card's padding only
    assert page.locator(f"[data-testid=deduct-{code}]").get_attribute("aria-checked") == "true"

    # Online: once sent, the round shows the site's score at once, not 待发送.
    page.click("[data-testid=eval-submit]")
    page.click(".van-dialog__confirm")
    page.wait_for_url(f"**/eval/{round_id}")
    row = page.locator("[data-testid=eval-site]", has_text=site["name"])
    sheet = server.wait_for(
        lambda: next(s["sheet"] for s in server.get(f"/api/rounds/{round_id}")["sites"]
                     if s["id"] == site["id"]),
        what="the sheet",
    )  # fmt: skip
    poll(page, f"() => !document.body.innerText.includes('待发送') && {sheet['score']} > 0", 5)
    assert str(sheet["score"]).rstrip("0").rstrip(".") in row.inner_text()
    screenshot(page, "sheet-03-score-at-once")
    bad = low_contrast(page, PHONE_RULES)
    assert bad == [], "\n".join(bad)
