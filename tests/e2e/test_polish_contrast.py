"""Sunlight (issue 9): text on the main screens reads at 4.5:1 or better, checked by axe-core."""

from collections.abc import Callable
from typing import Any

import pytest

from .conftest import ROOT, Server, Spot, screenshot
from .test_console import desk  # noqa: F401 (fixture)
from .test_field_app import login

pytestmark = pytest.mark.browser

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def low_contrast(page: Any) -> list[str]:
    """axe-core's color-contrast rule (WCAG AA: 4.5:1, 3:1 for large text) on what is on screen."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci in frontend/)")
    page.wait_for_timeout(400)  # transitions settle
    # Evaluated through the DevTools protocol: the page's CSP rightly refuses inline scripts.
    page.evaluate(AXE.read_text() + "\n;0")
    found = page.evaluate(
        """async () => {
            const only = { runOnly: { type: 'rule', values: ['color-contrast'] } }
            const r = await axe.run(document, only)
            return r.violations.flatMap((v) => v.nodes.map((n) =>
                `${n.target.join(' ')}: ${n.any.map((a) => a.message).join(' ')}`))
        }"""
    )
    return found


@pytest.mark.parametrize(
    "user,path",
    [
        ("inspector1", "/report"),
        ("inspector1", "/mine"),
        ("inspector1", "/verify"),
        ("inspector1", "/me"),
        ("chief", "/inbox"),
        ("chief", "ticket"),
    ],
)
def test_field_screens_have_readable_text(
    server: Server, spot: Spot, phone: Callable[..., Any], user: str, path: str
) -> None:
    page = phone().new_page()
    username = spot.chief if user == "chief" else user
    login(page, username)
    if path == "ticket":
        mine = server.get("/api/tickets", username=username, inbox=1, limit=1)["data"]
        path = f"/tickets/{mine[0]['id']}"
    page.goto(path)
    page.wait_for_load_state("networkidle")
    bad = low_contrast(page)
    if bad:
        screenshot(page, f"polish-contrast-{user}-{path.strip('/').replace('/', '-')}")
    assert bad == [], "\n".join(bad)


@pytest.mark.parametrize("path", ["/console", "/console/dispatch", "/console/ledger", "ticket"])
def test_console_screens_have_readable_text(desk: Any, server: Server, path: str) -> None:  # noqa: F811
    page = desk
    if path == "ticket":
        path = f"/console/tickets/{server.get('/api/tickets', limit=1)['data'][0]['id']}"
    page.goto(path)
    page.wait_for_load_state("networkidle")
    bad = low_contrast(page)
    assert bad == [], "\n".join(bad)
