"""Notifications reach only where they may: push endpoints on browsers' push services, and no
channel or subscription reaches a loopback, private or metadata address the county did not list."""

import pytest
from sqlmodel import select

from app.core.config import get_settings
from app.core.db import session_scope
from app.notify.models import DeliveryStatus, Preference, PushSubscription
from app.notify.service import add_channel
from tests.factories import create_town, login
from tests.notify.conftest import SECRETS, browser_keys
from tests.notify.helpers import assigned_ticket, name, only_channels
from tests.notify.test_channels import AWAKE, drain, rows_for

KEYS = {"p256dh": "BNc", "auth": "tBH"}


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://127.0.0.1:8000/api/admin/users",
        "https://127.0.0.1/push",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.5/push",
        "https://push.evil.example.com/x",
        "http://fcm.googleapis.com/fcm/send/abc",  # a push service, but not over HTTPS
        "https://fcm.googleapis.com.evil.example.com/x",
    ],
)
def test_a_browser_may_subscribe_only_with_a_push_service(client, db, endpoint, monkeypatch):
    monkeypatch.delenv("ROADCHIEF_NOTIFY_PUSH_SERVICES")  # the real services only
    from app.notify.settings import get_notify_settings

    get_notify_settings.cache_clear()
    chief = login(client, create_town(db).road_chief)
    r = client.post(
        "/api/notify/subscriptions", json={"endpoint": endpoint, "keys": KEYS}, headers=chief
    )
    assert r.status_code == 422, r.text
    assert (
        db.exec(select(PushSubscription).where(PushSubscription.endpoint == endpoint)).all() == []
    )


def test_the_push_services_browsers_use_are_accepted(client, db, monkeypatch):
    monkeypatch.delenv("ROADCHIEF_NOTIFY_PUSH_SERVICES")
    from app.notify.settings import get_notify_settings

    get_notify_settings.cache_clear()
    chief = login(client, create_town(db).road_chief)
    for endpoint in (
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAA",
        "https://wns2-sg2p.notify.windows.com/w/?token=x",
        "https://web.push.apple.com/QGm1",
    ):
        r = client.post(
            "/api/notify/subscriptions", json={"endpoint": endpoint, "keys": KEYS}, headers=chief
        )
        assert r.status_code == 201, (endpoint, r.text)


def test_a_channel_on_an_unlisted_private_address_is_never_sent_to(
    own_engine, receiver, monkeypatch
):
    monkeypatch.setenv("ROADCHIEF_OUTBOUND_ALLOW", "")  # the county lists nothing
    get_settings.cache_clear()
    with session_scope(own_engine) as s:
        town = create_town(s)
        hook = add_channel(s, "webhook", name(), f"{receiver.url}/webhook/1", SECRETS["webhook"])
        robot = add_channel(s, "wecom", name(), "http://169.254.169.254/latest/?key=abc")
        only_channels(s, hook, robot)
        ticket_id = assigned_ticket(s, town).id
    drain(own_engine)
    rows = rows_for(own_engine, ticket_id)
    assert len(rows) == 2
    for row in rows:
        assert row.status == DeliveryStatus.dead
        assert row.last_error.startswith("refused:"), row.last_error
    assert receiver.received == []


def test_a_stored_subscription_off_the_push_services_is_refused_at_send_time(
    own_engine, receiver, monkeypatch
):
    """One written before the check existed (or by hand): the push service list still holds."""
    monkeypatch.setenv("ROADCHIEF_NOTIFY_PUSH_SERVICES", "fcm.googleapis.com")
    from app.notify.settings import get_notify_settings

    get_notify_settings.cache_clear()
    with session_scope(own_engine) as s:
        town = create_town(s)
        only_channels(s)
        private, auth, p256dh, auth_b64 = browser_keys()
        s.add(
            PushSubscription(
                user_id=town.road_chief.id,  # type: ignore[arg-type]
                endpoint=f"{receiver.url}/push/x-{town.road_chief.id}",
                p256dh=p256dh,
                auth=auth_b64,
            )
        )
        receiver.push_keys[f"x-{town.road_chief.id}"] = (private, auth)
        s.add(Preference(user_id=town.road_chief.id, **AWAKE))  # type: ignore[arg-type]
        ticket_id = assigned_ticket(s, town).id
    drain(own_engine)
    (row,) = rows_for(own_engine, ticket_id)
    assert row.status == DeliveryStatus.dead
    assert "push service" in row.last_error
    assert receiver.received == []
