"""Web Push end to end: a chief turns notifications on in 我的, a ticket reaches them through
the real dispatcher and a fake push service, the service worker shows it, its link opens the ticket.

Headless Chromium has no push service of its own (no GCM/FCM here), so the page's
`PushManager.subscribe` is replaced by one that returns a subscription pointing at the fake push
service, with real browser keys made by the test. Everything else is real: the permission, the
VAPID key from the server, the subscription stored by the server, the dispatcher's encrypted,
VAPID-signed push (decrypted and checked by the fake service), the push event delivered into the
service worker (DevTools' ServiceWorker.deliverPushMessage) and the notification it shows. The
tap on it (notificationclick) is the last test's business: see how it is made there.
"""

import base64
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.notify.conftest import browser_keys
from tests.notify.fakes import FakeReceiver

from .conftest import Server, Spot, make_jpeg, screenshot
from .test_field_app import login

pytestmark = pytest.mark.browser

STUB = """
(() => {
  window.__rc = { asked: 0, subscribed: false, key: null }
  const ask = Notification.requestPermission.bind(Notification)
  Notification.requestPermission = (...a) => { window.__rc.asked++; return ask(...a) }
  const fake = () => {
    const s = window.__rcPush
    return {
      endpoint: s.endpoint,
      toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys }),
      unsubscribe: async () => { window.__rc.subscribed = false; return true },
    }
  }
  PushManager.prototype.getSubscription = async function () {
    return window.__rc.subscribed ? fake() : null
  }
  PushManager.prototype.subscribe = async function (opts) {
    window.__rc.key = btoa(String.fromCharCode(...new Uint8Array(opts.applicationServerKey)))
    window.__rc.subscribed = true
    return fake()
  }
})()
"""


@pytest.fixture
def push_service() -> Iterator[FakeReceiver]:
    fake = FakeReceiver().start()
    yield fake
    fake.stop()


def api(server: Server, method: str, path: str, user: str, **kw: Any) -> Any:
    r = httpx.request(
        method,
        f"{server.url}{path}",
        headers={"Authorization": f"Bearer {server.token(user)}"},
        timeout=20,
        **kw,
    )
    r.raise_for_status()
    return r.json() if r.content else None


def test_a_pushed_ticket_is_shown_by_the_service_worker_and_opens_the_ticket(
    phone: Any, server: Server, spot: Spot, push_service: FakeReceiver, tmp_path: Any
) -> None:
    private, auth, p256dh, auth_b64 = browser_keys()
    sub_id = uuid.uuid4().hex[:8]
    push_service.push_keys[sub_id] = (private, auth)
    endpoint = f"{push_service.url}/push/{sub_id}"

    ctx = phone()
    ctx.grant_permissions(["geolocation", "notifications"])
    subscription = {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth_b64}}
    ctx.add_init_script(f"window.__rcPush = {json.dumps(subscription)};" + STUB)
    page = ctx.new_page()
    login(page, spot.chief)
    ready = page.evaluate(
        """Promise.race([navigator.serviceWorker.ready.then(() => 'ready'),
                         new Promise((r) => setTimeout(() => r('no service worker'), 60000))])"""
    )
    assert ready == "ready"
    # Never on first load: nothing asked, no dialog.
    assert page.evaluate("window.__rc.asked") == 0
    assert page.locator(".van-dialog:visible").count() == 0

    page.goto("/me")
    switch = page.locator("[data-testid=push-switch]")
    switch.wait_for()
    screenshot(page, "notify-me-off")
    switch.click()
    page.wait_for_selector("[data-testid=push-switch].van-switch--on")
    screenshot(page, "notify-me-on")
    assert page.evaluate("window.__rc.asked") == 1
    vapid = api(server, "GET", "/api/notify/vapid", spot.chief)["public_key"]
    sent_key = base64.b64decode(page.evaluate("window.__rc.key"))
    assert base64.urlsafe_b64encode(sent_key).rstrip(b"=").decode() == vapid
    prefs = api(
        server,
        "PUT",
        "/api/notify/preferences",
        spot.chief,
        json={"quiet_start": "00:00", "quiet_end": "00:00"},
    )
    assert prefs["push_devices"] >= 1

    # An inspector files a ticket on the chief's road: the dispatcher pushes it.
    photo = make_jpeg(tmp_path / "p.jpg", 4242)
    r = httpx.post(
        f"{server.url}/api/tickets",
        data={"category": "0201", "lat": str(spot.lat), "lon": str(spot.lon), "accuracy_m": "5"},
        files=[("photo", ("p.jpg", photo.read_bytes(), "image/jpeg"))],
        headers={
            "Authorization": f"Bearer {server.token('inspector1')}",
            "Idempotency-Key": str(uuid.uuid4()),
        },
        timeout=30,
    )
    assert r.status_code == 201, r.text
    ticket = r.json()
    pushed = server.wait_for(
        lambda: next(
            (d for d in push_service.decrypted if d["url"] == f"/tickets/{ticket['id']}"), None
        ),
        timeout=30,
        what="the push for the new ticket",
    )
    assert ticket["number"] in pushed["title"]
    assert [x.problem for x in push_service.received if not x.ok] == []

    # The push service hands the message to the browser: a real push event in the service worker.
    cdp = ctx.new_cdp_session(page)
    registrations: list[dict] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda e: registrations.extend(e["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    for _ in range(50):  # CDP events arrive while Playwright runs, not during time.sleep
        if registrations:
            break
        page.wait_for_timeout(200)
    live = next(x for x in registrations if not x["isDeleted"])
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": server.url,
            "registrationId": live["registrationId"],
            "data": json.dumps(pushed),
        },
    )
    shown = server.wait_for(
        lambda: page.evaluate(
            """async () => (await (await navigator.serviceWorker.ready).getNotifications())
                 .map((n) => ({ title: n.title, tag: n.tag, body: n.body, url: n.data?.url }))"""
        ),
        timeout=10,
        what="the notification",
    )
    (note,) = [n for n in shown if n["tag"] == f"ticket-{ticket['id']}"]
    assert note["title"] == pushed["title"] and note["url"] == f"/tickets/{ticket['id']}"
    assert "非法小广告" in note["body"]

    page.goto(note["url"])
    page.get_by_text(ticket["number"]).first.wait_for()
    screenshot(page, "notify-opened-ticket")


def test_admin_adds_a_robot_and_its_test_message_arrives(
    browser: Any, server: Server, push_service: FakeReceiver
) -> None:
    from .test_console import screenshot as console_shot

    push_service.secrets["dingtalk"] = "SEC-e2e-secret"
    ctx = browser.new_context(
        base_url=server.url, viewport={"width": 1440, "height": 900}, locale="zh-CN",
        timezone_id="Asia/Shanghai", service_workers="block",
    )  # fmt: skip
    ctx.set_default_timeout(20_000)
    page = ctx.new_page()
    try:
        page.goto("/login")
        page.fill("input[name=username]", "admin1")
        page.fill("input[name=password]", "demo")
        page.click("button[type=submit]")
        page.wait_for_url(lambda u: "/login" not in u)
        page.goto("/console/notify")
        page.wait_for_selector("[data-testid=channel-form]")
        name = f"城东片区群-{uuid.uuid4().hex[:4]}"
        page.select_option("[data-testid=channel-form] select", "dingtalk")
        page.fill("[data-testid=channel-name]", name)
        page.fill(
            "[data-testid=channel-url]", f"{push_service.url}/dingtalk/robot/send?access_token=e2e"
        )
        page.fill("[data-testid=channel-secret]", "SEC-e2e-secret")
        page.click("[data-testid=channel-add]")
        page.wait_for_selector(f"[data-testid='channel-{name}']")
        page.click(f"[data-testid='test-{name}']")
        result = page.locator(f"[data-testid='test-result-{name}']")
        result.get_by_text("已送达").wait_for(timeout=30_000)
        (got,) = push_service.ok("dingtalk")
        assert "测试消息" in got.json()["markdown"]["title"]
        page.wait_for_selector("[data-testid=delivery-log] td:has-text('测试消息')")
        console_shot(page, "notify-console")
    finally:
        ctx.close()


def test_tapping_a_ticket_notification_brings_the_open_app_to_that_ticket(
    phone: Any, server: Server, spot: Spot, tmp_path: Any
) -> None:
    """The service worker's notificationclick, on a notification its push handler showed.

    How the tap is made: headless Chromium shows notifications nowhere a test can click, so the
    test takes the real notification from `registration.getNotifications()` inside the service
    worker (Playwright's `context.service_workers[0].evaluate`) and dispatches
    `new NotificationEvent('notificationclick', {notification})` on the worker — the same
    listener a tap runs. A script-made event may not focus a window or open one (the browser
    grants that only to a real tap), so this covers the usual case: the app is open on another
    page, and the tap shows the ticket in that same window (routed in the app, not reloaded).
    """
    ctx = phone()
    ctx.grant_permissions(["geolocation", "notifications"])
    page = ctx.new_page()
    login(page, spot.chief)
    controlled = page.evaluate(
        """Promise.race([
             navigator.serviceWorker.ready.then(() => new Promise((r) => {
               if (navigator.serviceWorker.controller) r(true)
               navigator.serviceWorker.addEventListener('controllerchange', () => r(true))
             })),
             new Promise((r) => setTimeout(() => r(false), 60000))])"""
    )
    assert controlled, "the service worker never took over the page"

    photo = make_jpeg(tmp_path / "p.jpg", 4343)
    r = httpx.post(
        f"{server.url}/api/tickets",
        data={"category": "0201", "lat": str(spot.lat), "lon": str(spot.lon), "accuracy_m": "5"},
        files=[("photo", ("p.jpg", photo.read_bytes(), "image/jpeg"))],
        headers={
            "Authorization": f"Bearer {server.token('inspector1')}",
            "Idempotency-Key": str(uuid.uuid4()),
        },
        timeout=30,
    )
    assert r.status_code == 201, r.text
    ticket = r.json()
    tag = f"ticket-{ticket['id']}"

    page.goto("/me")  # the app is open, on another page
    page.locator("[data-testid=push-switch]").wait_for()
    page.evaluate("window.__sameDocument = true")

    # The push arrives (the payload webpush.py sends) and the worker's push handler shows it.
    cdp = ctx.new_cdp_session(page)
    registrations: list[dict] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda e: registrations.extend(e["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    for _ in range(50):
        if registrations:
            break
        page.wait_for_timeout(200)
    live = next(x for x in registrations if not x["isDeleted"])
    payload = {
        "id": str(uuid.uuid4()),
        "title": f"新工单待整改 {ticket['number']}",
        "body": "类别：非法小广告（0201）",
        "url": f"/tickets/{ticket['id']}",
        "tag": tag,
    }
    push = {"origin": server.url, "registrationId": live["registrationId"]}
    cdp.send("ServiceWorker.deliverPushMessage", {**push, "data": json.dumps(payload)})
    worker = server.wait_for(lambda: ctx.service_workers and ctx.service_workers[0], what="worker")
    shown = server.wait_for(
        lambda: worker.evaluate(
            "async (tag) => (await self.registration.getNotifications({ tag })).length", tag
        ),
        timeout=10,
        what="the notification",
    )
    assert shown == 1

    tapped = worker.evaluate(
        """async (tag) => {
             const [notification] = await self.registration.getNotifications({ tag })
             self.dispatchEvent(new NotificationEvent('notificationclick', { notification }))
             return notification.data.url
           }""",
        tag,
    )
    assert tapped == f"/tickets/{ticket['id']}"
    page.wait_for_url(f"**/tickets/{ticket['id']}")
    page.get_by_text(ticket["number"]).first.wait_for()
    # The same window, routed in the app (not reloaded, no second window), and the notification
    # is gone from the tray.
    assert page.evaluate("window.__sameDocument") is True
    assert len(ctx.pages) == 1
    assert (
        worker.evaluate(
            "async (tag) => (await self.registration.getNotifications({ tag })).length", tag
        )
        == 0
    )
    screenshot(page, "notify-tapped-ticket")
