"""核查 from the street, not the desk, as the phone sends it (the rule: test_ticket_actions.py)."""

import pytest

from tests.factories import LON0, create_town, jpeg_bytes, login, report

M_PER_DEG_LAT = 111_195


@pytest.fixture
def town(db):
    return create_town(db)


def rectified(client, town) -> dict:
    t = report(client, login(client, town.inspector)).json()
    r = client.post(
        f"/api/tickets/{t['id']}/rectify",
        data={"note": "已清理"},
        files=[("photo", ("after.jpg", jpeg_bytes(100), "image/jpeg"))],
        headers=login(client, town.road_chief),
    )
    assert r.status_code == 200, r.text
    return r.json()


def form(**fields: object) -> list[tuple[str, tuple[None, str]]]:
    return [(k, (None, str(v))) for k, v in fields.items()]


def test_a_verifier_a_kilometre_away_is_flagged_on_the_ticket(client, town):
    t = rectified(client, town)
    r = client.post(
        f"/api/tickets/{t['id']}/verify",
        # As the phone sends it: multipart form fields.
        files=form(
            approved="false", note="未整改到位", lat=t["lat"] + 0.01, lon=t["lon"], accuracy_m=12
        ),
        headers=login(client, town.inspector),
    )
    assert r.status_code == 200, r.text
    back = r.json()
    assert back["status"] == "assigned"
    assert back["flags"]["verifier_far_m"] == pytest.approx(1112, abs=2)
    assert back["events"][-1]["data"]["verifier"]["far"] is True


def test_without_a_fix_nothing_is_claimed_and_bad_numbers_are_refused(client, town):
    t = rectified(client, town)
    inspector = login(client, town.inspector)
    bad = client.post(
        f"/api/tickets/{t['id']}/verify",
        files=form(approved="true", lat="north", lon=LON0),
        headers=inspector,
    )
    assert bad.status_code == 422 and bad.json()["detail"]
    r = client.post(f"/api/tickets/{t['id']}/verify", json={"approved": True}, headers=inspector)
    assert r.status_code == 200
    assert "verifier" not in r.json()["events"][-1]["data"]
