"""Each channel, through the real dispatcher, to fake receivers that check signatures exactly as
the platforms document them; retries keep the message id; dead after the last try."""

import random
import threading

from sqlmodel import Session, select

from app.core.db import session_scope
from app.notify.channels.sms import PROVIDERS
from app.notify.dispatcher import Dispatcher, backoff, claim
from app.notify.models import (
    DeliveryAttempt,
    DeliveryStatus,
    Fanout,
    Notification,
    Preference,
    PushSubscription,
)
from app.notify.outbox import expand
from app.notify.service import add_channel
from app.notify.settings import get_notify_settings
from tests.factories import create_town
from tests.notify.conftest import SECRETS, browser_keys
from tests.notify.helpers import assigned_ticket, name, only_channels

# No quiet hours: these tests run at any hour of the day.
AWAKE = {"quiet_start": "00:00", "quiet_end": "00:00"}


def drain(engine) -> int:
    dispatcher = Dispatcher(engine)
    try:
        return dispatcher.drain()
    finally:
        dispatcher.close()


def rows_for(engine, ticket_id: int) -> list[Notification]:
    with Session(engine) as s:
        return list(s.exec(select(Notification).where(Notification.ticket_id == ticket_id)))


def test_every_robot_and_the_webhook_get_the_event_signed_as_documented(own_engine, receiver):
    with session_scope(own_engine) as s:
        town = create_town(s)
        chans = [
            add_channel(s, "webhook", name(), f"{receiver.url}/webhook/12345", SECRETS["webhook"]),
            add_channel(s, "wecom", name(), f"{receiver.url}/wecom/send?key=abc"),
            add_channel(
                s,
                "dingtalk",
                name(),
                f"{receiver.url}/dingtalk/robot/send?access_token=t1",
                SECRETS["dingtalk"],
                scope=f"zone:{town.zone.id}",
            ),
            add_channel(s, "feishu", name(), f"{receiver.url}/feishu/hook/x", SECRETS["feishu"]),
        ]
        only_channels(s, *chans)
        ticket = assigned_ticket(s, town)
        ticket_id, number, chief = ticket.id, ticket.number, town.road_chief
    assert drain(own_engine) == 4
    assert [r.problem for r in receiver.received if not r.ok] == []
    for prefix in ("webhook", "wecom", "dingtalk", "feishu"):
        assert len(receiver.ok(prefix)) == 1, prefix

    hook = receiver.ok("webhook")[0]
    body = hook.json()
    assert set(body) == {"id", "event", "occurred_at", "ticket", "recipients"}
    assert body["id"] == hook.headers["X-RoadChief-Event-Id"]
    assert body["event"] == "ticket.assigned"
    assert body["recipients"] == [chief.username]
    assert set(body["ticket"]) == {
        "id", "number", "status", "category", "road", "assignee", "deadline_at", "url"
    }  # fmt: skip
    assert body["ticket"]["number"] == number
    assert body["ticket"]["url"] == f"https://rc.example.cn/tickets/{ticket_id}"
    assert body["ticket"]["assignee"]["username"] == chief.username
    assert body["ticket"]["road"]["name"] == "人民路"

    ding = receiver.ok("dingtalk")[0].json()
    assert number in ding["markdown"]["title"]
    assert f"(https://rc.example.cn/tickets/{ticket_id})" in ding["markdown"]["text"]
    card = receiver.ok("feishu")[0].json()["card"]
    assert number in card["header"]["title"]["content"]
    assert card["elements"][-1]["actions"][0]["url"].endswith(f"/tickets/{ticket_id}")
    assert "人民路" in receiver.ok("wecom")[0].json()["markdown"]["content"]

    rows = rows_for(own_engine, ticket_id)
    assert {r.status for r in rows} == {DeliveryStatus.sent}
    assert all(r.attempts == 1 for r in rows)


def test_a_failing_webhook_is_retried_with_the_same_id_until_it_answers(own_engine, receiver):
    receiver.fail["webhook"] = [500, 503]
    with session_scope(own_engine) as s:
        town = create_town(s)
        chan = add_channel(s, "webhook", name(), f"{receiver.url}/webhook/x", SECRETS["webhook"])
        only_channels(s, chan)
        ticket_id = assigned_ticket(s, town).id
    drain(own_engine)
    tries = [r for r in receiver.received if r.path.startswith("/webhook")]
    assert len(tries) == 3
    assert len({t.headers["X-RoadChief-Event-Id"] for t in tries}) == 1
    assert [t.ok for t in tries] == [False, False, True]
    (row,) = rows_for(own_engine, ticket_id)
    assert row.status == DeliveryStatus.sent and row.attempts == 3
    with Session(own_engine) as s:
        log = s.exec(select(DeliveryAttempt).where(DeliveryAttempt.notification_id == row.id)).all()
    assert [a.ok for a in log] == [False, False, True]
    assert "HTTP 500" in log[0].detail


def test_a_robot_with_the_wrong_secret_ends_dead_with_the_reason(own_engine, receiver):
    with session_scope(own_engine) as s:
        town = create_town(s)
        chan = add_channel(
            s, "dingtalk", name(), f"{receiver.url}/dingtalk/send?access_token=t", "SEC-wrong"
        )
        only_channels(s, chan)
        ticket_id = assigned_ticket(s, town).id
    drain(own_engine)
    (row,) = rows_for(own_engine, ticket_id)
    assert row.status == DeliveryStatus.dead
    assert row.attempts == get_notify_settings().max_attempts
    assert "sign not match" in row.last_error
    assert len(receiver.received) == row.attempts


def test_web_push_is_encrypted_for_the_browser_and_a_gone_subscription_is_removed(
    own_engine, receiver
):
    with session_scope(own_engine) as s:
        town = create_town(s)
        only_channels(s)
        subs = []
        for tag in ("phone", "old-laptop"):
            private, auth, p256dh, auth_b64 = browser_keys()
            sub = PushSubscription(
                user_id=town.road_chief.id,  # type: ignore[arg-type]
                endpoint=f"{receiver.url}/push/{tag}-{town.road_chief.id}",
                p256dh=p256dh,
                auth=auth_b64,
            )
            s.add(sub)
            receiver.push_keys[f"{tag}-{town.road_chief.id}"] = (private, auth)
            subs.append(sub)
        receiver.gone.add(f"old-laptop-{town.road_chief.id}")
        s.add(Preference(user_id=town.road_chief.id, **AWAKE))  # type: ignore[arg-type]
        ticket_id = assigned_ticket(s, town).id
        chief_id = town.road_chief.id
    drain(own_engine)
    (row,) = rows_for(own_engine, ticket_id)
    assert (row.status, row.kind) == (DeliveryStatus.sent, "webpush"), (
        row.last_error,
        receiver.received,
    )
    (shown,) = receiver.decrypted
    assert shown["url"] == f"/tickets/{ticket_id}"
    assert shown["tag"] == f"ticket-{ticket_id}"
    assert "新工单" in shown["title"]
    with Session(own_engine) as s:
        left = s.exec(select(PushSubscription).where(PushSubscription.user_id == chief_id)).all()
    assert [x.endpoint.rsplit("/", 1)[1] for x in left] == [f"phone-{chief_id}"]


def test_sms_goes_through_the_logging_provider(own_engine, receiver):
    with session_scope(own_engine) as s:
        town = create_town(s)
        only_channels(s)
        town.road_chief.phone = "13800001111"
        s.add(town.road_chief)
        s.add(Preference(user_id=town.road_chief.id, channels=["sms"], **AWAKE))  # type: ignore[arg-type]
        s.flush()
        number = assigned_ticket(s, town).number
    before = len(PROVIDERS["log"].sent)  # type: ignore[attr-defined]
    drain(own_engine)
    sent = PROVIDERS["log"].sent[before:]  # type: ignore[attr-defined]
    assert [(p, number in t) for p, t in sent] == [("13800001111", True)]


def test_backoff_grows_exponentially_with_jitter(monkeypatch):
    monkeypatch.setenv("ROADCHIEF_NOTIFY_BACKOFF_BASE_S", "10")
    monkeypatch.setenv("ROADCHIEF_NOTIFY_BACKOFF_CAP_S", "600")
    get_notify_settings.cache_clear()
    settings = get_notify_settings()
    rnd = random.Random(7)
    for attempt, base in ((1, 10), (2, 20), (3, 40), (7, 600), (12, 600)):
        values = [backoff(attempt, settings, rnd) for _ in range(50)]
        assert all(base * 0.5 <= v <= base * 1.5 for v in values), attempt
        assert max(values) - min(values) > base * 0.3  # jittered, not fixed


def test_two_dispatchers_never_claim_the_same_notification(own_engine, receiver):
    with session_scope(own_engine) as s:
        town = create_town(s)
        chan = add_channel(s, "webhook", name(), f"{receiver.url}/webhook/x", SECRETS["webhook"])
        only_channels(s, chan)
        for _ in range(40):
            assigned_ticket(s, town)
    assert expand(own_engine) == 40  # the 40 reports' fan-out: 40 messages to the webhook
    claimed: list[list[int]] = [[], []]

    def take(i: int) -> None:
        while batch := claim(own_engine, 7):
            claimed[i] += [m.id for m in batch]

    threads = [threading.Thread(target=take, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    mine = claimed[0] + claimed[1]
    assert len(mine) == len(set(mine)) >= 40
    # Claimed rows are in flight: nobody else takes them until the claim expires.
    assert claim(own_engine, 100) == []


def test_a_fan_out_row_that_cannot_be_expanded_holds_up_nothing_and_is_kept(
    own_engine, receiver, caplog
):
    with session_scope(own_engine) as s:
        town = create_town(s)
        chan = add_channel(s, "webhook", name(), f"{receiver.url}/webhook/p", SECRETS["webhook"])
        only_channels(s, chan)
        before = assigned_ticket(s, town)
        # A row written by a newer version, say, naming an event this one has no rule for.
        bad = Fanout(ticket_id=before.id, events=["ticket.unknown"], ticket={"number": "X"})
        s.add(bad)
        s.flush()
        after = assigned_ticket(s, town)
        ids = before.id, after.id, bad.id
    dispatcher = Dispatcher(own_engine)
    try:
        dispatcher.drain()
        dispatcher.drain()  # later rounds skip it (no second try, no second log line)
    finally:
        dispatcher.close()
    told = {r.json()["ticket"]["id"] for r in receiver.ok("webhook/p")}
    assert told == {ids[0], ids[1]}  # the rows before and after it went out
    with Session(own_engine) as s:
        assert [f.id for f in s.exec(select(Fanout))] == [ids[2]]  # kept, not lost
    assert len([r for r in caplog.records if "cannot be expanded" in r.getMessage()]) == 1


def test_production_refuses_to_start_without_the_public_url(monkeypatch):
    import pytest
    from pydantic import ValidationError

    from app.core.config import get_settings
    from app.main import create_app

    monkeypatch.setenv("ROADCHIEF_ENVIRONMENT", "production")
    monkeypatch.setenv("ROADCHIEF_SECRET_KEY", "a-real-secret")
    monkeypatch.delenv("ROADCHIEF_NOTIFY_PUBLIC_URL")
    get_settings.cache_clear()
    get_notify_settings.cache_clear()
    try:
        with pytest.raises(ValidationError, match="ROADCHIEF_NOTIFY_PUBLIC_URL must be set"):
            create_app()
        monkeypatch.setenv("ROADCHIEF_NOTIFY_PUBLIC_URL", "https://rcz.county.gov.cn")
        get_notify_settings.cache_clear()
        assert get_notify_settings().public_url == "https://rcz.county.gov.cn"
    finally:
        get_settings.cache_clear()
        get_notify_settings.cache_clear()


def test_the_compose_file_sets_the_public_url():
    from pathlib import Path

    import yaml

    compose = yaml.safe_load((Path(__file__).parents[2] / "docker-compose.yml").read_text())
    env = compose["x-app"]["environment"]
    assert env["ROADCHIEF_NOTIFY_PUBLIC_URL"].startswith("${ROADCHIEF_NOTIFY_PUBLIC_URL:?")
