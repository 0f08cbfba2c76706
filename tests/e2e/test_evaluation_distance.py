"""The phone's 测评 sheet measures a road as the server does: to its line (issue 16).

Standing on 人民路, one metre from its line near its east end (800 m from its middle), the sheet
said "281 米 · 不在点位范围内，已标记" — it measured to one point of the road. It now says what
the server will record: a metre, not flagged.
"""

from typing import Any

import httpx
import pytest

from .conftest import Server
from .test_field_app import login

pytestmark = pytest.mark.browser

METRE = 1 / 111_195  # degrees of latitude


def test_one_metre_from_a_road_s_line_is_on_site_on_the_phone_as_on_the_server(
    server: Server, phone: Any
) -> None:
    road = next(
        f for f in server.get("/api/sites")["features"] if f["properties"]["name"] == "人民路"
    )
    inspector = server.get("/api/me", "inspector3")
    r = httpx.post(
        f"{server.url}/api/rounds",
        json={
            "name": "人民路复查",
            "kind": "daily",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-31",
            "inspector_ids": [inspector["id"]],
            "site_ids": [road["id"]],
        },  # fmt: skip
        headers={"Authorization": f"Bearer {server.token('supervisor1')}"},
        timeout=10,
    )
    assert r.status_code == 201, r.text
    round_id = r.json()["id"]
    lon, lat = road["geometry"]["coordinates"][-1]
    here = {"latitude": lat + METRE, "longitude": lon, "accuracy": 5}  # by its east end

    ctx = phone()
    ctx.set_geolocation(here)
    page = ctx.new_page()
    login(page, "inspector3")
    page.goto(f"/eval/{round_id}/sites/{road['id']}")
    page.wait_for_selector("[data-testid=eval-checkin-btn]")
    page.click("[data-testid=eval-checkin-btn]")
    text = page.inner_text("[data-testid=eval-checkin]")
    assert "1 米" in text and "不在点位范围内" not in text, text
