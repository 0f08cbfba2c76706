"""The API docs render offline from local assets, and the pages run under the CSP unharmed."""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import Server, screenshot

# The first /openapi.json is built on demand; a loaded machine takes a while.
SLOW = 30_000

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_desk(browser: Any, server: Server) -> Iterator[tuple[Any, list[str]]]:
    """A desktop browser that can reach only the server, collecting CSP violations."""
    ctx = browser.new_context(
        base_url=server.url, viewport={"width": 1280, "height": 900}, bypass_csp=False
    )
    ctx.set_default_timeout(20_000)
    own = urlsplit(server.url).netloc
    ctx.route(
        "**/*",
        lambda route: (
            route.continue_() if urlsplit(route.request.url).netloc == own else route.abort()
        ),
    )
    violations: list[str] = []
    ctx.on(
        "console",
        lambda m: "Content Security Policy" in m.text and violations.append(m.text),
    )
    ctx.on("weberror", lambda e: violations.append(f"page error: {e.error}"))
    yield ctx, violations
    ctx.close()


def test_swagger_and_redoc_render_offline_with_an_authorize_button(offline_desk):
    ctx, violations = offline_desk
    page = ctx.new_page()
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("RoadChief", timeout=SLOW)
    expect(page.locator("button.authorize")).to_be_visible()
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    screenshot(page, "docs-swagger")
    page.locator("button.authorize").click()
    expect(page.locator(".auth-container code", has_text="/api/auth/token")).to_be_visible()
    page.goto("/redoc")
    expect(page.locator("h1").first).to_contain_text("RoadChief", timeout=SLOW)
    expect(page.get_by_text("Verify").first).to_be_attached()
    screenshot(page, "docs-redoc")
    assert violations == []


def test_console_print_page_and_field_app_run_under_the_policy(offline_desk):
    ctx, violations = offline_desk
    page = ctx.new_page()
    page.goto("/login")
    page.fill("input[name=username]", "supervisor1")
    page.fill("input[name=password]", "demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/console**")
    expect(page.locator(".leaflet-container").first).to_be_visible(timeout=SLOW)
    page.goto("/console/bulletin")
    page.wait_for_load_state("networkidle")
    page.goto("/api/bulletin/print")
    expect(page.locator("body")).to_contain_text("通报", timeout=SLOW)
    ctx.clear_cookies()
    page.goto("/login")
    page.fill("input[name=username]", "inspector1")
    page.fill("input[name=password]", "demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/report**")
    page.wait_for_load_state("networkidle")
    # The service worker runs under the policy its script came with: it must still install
    # and precache (a worker may fetch what the app may).
    active = "async () => !!(await navigator.serviceWorker.ready).active"
    assert page.evaluate(active)
    assert violations == []
