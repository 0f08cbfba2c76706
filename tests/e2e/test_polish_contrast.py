"""Sunlight (issue 9): text on the main screens reads at 4.5:1 or better, checked by axe-core."""

from collections.abc import Callable
from typing import Any

import pytest

from .conftest import ROOT, Server, Spot, screenshot
from .test_console import desk  # noqa: F401 (fixture)
from .test_field_app import login

pytestmark = pytest.mark.browser

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def low_contrast(page: Any, rules: tuple[str, ...] = ("color-contrast",)) -> list[str]:
    """axe-core's rules on what is on screen: color-contrast (WCAG AA: 4.5:1, 3:1 for large text),
    and on phone screens target-size (WCAG 2.2: 24 × 24 px, or spaced so a 24 px circle fits)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci in frontend/)")
    page.wait_for_timeout(400)  # transitions settle
    # Evaluated through the DevTools protocol: the page's CSP rightly refuses inline scripts.
    page.evaluate(AXE.read_text() + "\n;0")
    found = page.evaluate(
        """async (RULES) => {
            const only = { runOnly: { type: 'rule', values: RULES } }
            const r = await axe.run(document, only)
            return r.violations.flatMap((v) => v.nodes.map((n) =>
                `${v.id} ${n.target.join(' ')}: ${n.any.map((a) => a.message).join(' ')}`))
        }""",
        list(rules),
    )
    return found


@pytest.mark.parametrize(
    "user,path",
    [
        ("inspector1", "/report"),
        ("inspector1", "/mine"),
        ("inspector1", "/verify"),
        ("inspector1", "/me"),
        ("inspector1", "/eval"),
        ("inspector1", "/outbox"),
        ("chief", "/inbox"),
        ("chief", "/tasks"),
        ("chief", "ticket"),
        (None, "/s"),
        (None, "/s/board"),
    ],
)
def test_field_screens_have_readable_text(
    server: Server, spot: Spot, phone: Callable[..., Any], user: str, path: str
) -> None:
    page = phone().new_page()
    username = spot.chief if user == "chief" else user
    if username:
        login(page, username)
    if path == "ticket":
        mine = server.get("/api/tickets", username=username, inbox=1, limit=1)["data"]
        path = f"/tickets/{mine[0]['id']}"
    page.goto(path)
    page.wait_for_load_state("networkidle")
    bad = low_contrast(page, ("color-contrast", "target-size"))
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
