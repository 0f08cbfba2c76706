"""随手拍 in WeChat's in-app browser, as near as a desktop Chromium can come to it.

Emulated: WeChat's user agent (Android, XWeb kernel), a 390×844 phone, no service worker
(WeChat's webviews have none: the page must work without the PWA shell), no
crypto.randomUUID (older WeChat kernels lack it), and the tracking link opened in a fresh
webview (tapped in a chat: no storage shared with the page that filed it). Not emulated: the
real X5/XWeb or iOS WKWebView engines, WeChat's camera and location prompts, its URL
rewriting and domain checks (see the report of issue 11).
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from .conftest import PHONE, Server, Spot, screenshot

pytestmark = pytest.mark.browser

WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 13; V2203A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
    "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 "
    "Weixin NetType/WIFI Language/zh_CN ABI/arm64"
)
# Run before the page's own scripts, in every frame.
WECHAT_WEBVIEW = """
delete Navigator.prototype.serviceWorker;
delete Crypto.prototype.randomUUID;
window.WeixinJSBridge = { invoke() {}, on() {}, call() {} };
"""
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture
def wechat(browser: Any, server: Server, spot: Spot) -> Callable[[], Any]:
    """A new WeChat webview each call (a chat link opens in a fresh one); closed after."""
    contexts: list[Any] = []

    def make() -> Any:
        ctx = browser.new_context(
            base_url=server.url,
            viewport=PHONE,
            device_scale_factor=3,
            is_mobile=True,
            has_touch=True,
            user_agent=WECHAT_UA,
            locale="zh-CN",
            timezone_id="Asia/Shanghai",
            geolocation={"latitude": spot.lat, "longitude": spot.lon, "accuracy": 12},
            permissions=["geolocation"],
            service_workers="block",
        )
        ctx.add_init_script(WECHAT_WEBVIEW)
        ctx.set_default_timeout(20_000)
        errors: list[str] = []
        ctx.on("weberror", lambda e: errors.append(str(e.error)))
        ctx.errors = errors
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()


def _post(server: Server, user: str, path: str, **kw: Any) -> Any:
    r = httpx.post(
        f"{server.url}{path}",
        headers={"Authorization": f"Bearer {server.token(user)}"},
        timeout=30,
        **kw,
    )
    assert r.status_code < 300, r.text
    return r.json()


def test_wechat_citizen_files_follows_and_rates(
    wechat: Callable[[], Any], server: Server, photo: Callable[..., Path]
) -> None:
    webview = wechat()
    page = webview.new_page()
    with page.expect_response("**/api/citizen/challenge") as challenge:
        page.goto("/s")
    assert challenge.value.status == 200 and challenge.value.json()["algorithm"] == "SHA-256"
    # The emulation holds: WeChat's agent, no service worker, no randomUUID.
    assert page.evaluate(
        "() => [navigator.userAgent.includes('MicroMessenger'), 'serviceWorker' in navigator,"
        " typeof crypto.randomUUID]"
    ) == [True, False, "undefined"]

    page.set_input_files("input[type=file]", str(photo()))
    page.click("[data-testid=citizen-categories] [data-code='0102']")
    page.fill("textarea", "微信里拍的：路口垃圾堆放")
    page.fill("input[type=tel]", "13600001111")
    expect(page.get_by_test_id("citizen-gps")).to_contain_text("已定位")
    submit = page.get_by_test_id("citizen-submit")
    expect(submit).to_be_enabled(timeout=60_000)  # the proof-of-work, solved in the page
    screenshot(page, "wechat-citizen-report-phone")
    with page.expect_request(
        lambda r: r.method == "POST" and r.url.endswith("/api/citizen/reports")
    ) as sent:
        submit.click()
    # Filed (201): the server refuses a report without a valid, unspent proof-of-work.
    answer = sent.value.response()
    assert answer is not None and answer.status == 201, answer and answer.text()
    headers = sent.value.headers
    assert UUID4.match(headers["idempotency-key"]) and UUID4.match(headers["x-device-id"])
    page.wait_for_url("**/s/t/**")
    expect(page.get_by_test_id("track-stage")).to_have_text("待受理")
    tracking = page.url.split("?")[0]
    assert "13600001111" not in page.content()

    # The link, tapped later in the chat, opens in a new webview that shares nothing.
    later = wechat().new_page()
    later.goto(tracking)
    expect(later.get_by_test_id("track-stage")).to_have_text("待受理")
    screenshot(later, "wechat-citizen-track-phone")
    # A forged link is refused, not shown as someone else's report.
    forged = wechat().new_page()
    forged.goto(tracking[:-3] + "xyz")
    expect(forged.get_by_test_id("track-error")).to_be_visible()

    # The command centre accepts it; the chief fixes it; an inspector verifies.
    queue = httpx.get(
        f"{server.url}/api/citizen/triage",
        headers={"Authorization": f"Bearer {server.token('supervisor1')}"},
        timeout=30,
    ).json()["data"]
    mine = next(r for r in queue if r["description"] == "微信里拍的：路口垃圾堆放")
    assert mine["phone"] == "13600001111"
    ticket = _post(server, "supervisor1", f"/api/citizen/triage/{mine['id']}/accept", json={})[
        "ticket"
    ]
    detail = httpx.get(
        f"{server.url}/api/tickets/{ticket['id']}",
        headers={"Authorization": f"Bearer {server.token('supervisor1')}"},
        timeout=30,
    ).json()
    with photo().open("rb") as f:
        _post(server, detail["assignee"]["username"], f"/api/tickets/{ticket['id']}/rectify",
              data={"note": "已清运"}, files={"photo": ("after.jpg", f, "image/jpeg")})  # fmt: skip
    _post(server, "inspector1", f"/api/tickets/{ticket['id']}/verify",
          json={"approved": True, "note": "现场已清理"})  # fmt: skip

    again = wechat().new_page()
    again.goto(tracking)
    expect(again.get_by_test_id("track-stage")).to_have_text("已办结")
    after = again.get_by_test_id("track-after").locator("img")
    expect(after).to_be_visible()
    again.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=after.element_handle()
    )
    again.click("[data-score=satisfied]")
    again.get_by_test_id("rate-send").click()
    expect(again.get_by_test_id("rated")).to_contain_text("满意")
    screenshot(again, "wechat-citizen-rated-phone")
    for ctx in (webview, later.context, again.context):
        assert ctx.errors == [], ctx.errors
