"""Who gets what: the rule table against every ledger event of the state-machine test, quiet
hours, and coalescing (one message per ticket per person per 10 minutes)."""

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from app.ledger import service as ledger
from app.notify.models import DeliveryStatus, Notification, Preference, PushSubscription
from app.notify.outbox import expand_in, notify_ticket
from app.notify.service import add_channel
from app.tickets.models import Ticket
from tests.factories import create_town
from tests.notify.helpers import assigned_ticket, name, only_channels

SHANGHAI = ZoneInfo("Asia/Shanghai")


def expected(event, town, rework_count: int) -> dict[str, set[int]]:
    """The rules, stated independently: notification event → who hears it (not the actor)."""
    road, zone, leader = (town.road_chief.id, town.zone_chief.id, town.leader.id)
    want: dict[str, set[int]] = {}
    if event.action == "report":
        want["ticket.assigned"] = {road}
    elif event.action in ("handoff", "dispatch"):
        want["ticket.assigned"] = {event.data["assignee_id"]}
    elif event.action == "reject":
        want["ticket.rework"] = {road}
        if rework_count == 2:
            want["ticket.criticism"] = {road, leader}
        if rework_count == 3:
            want["ticket.summons"] = {road, leader}
    elif event.action == "escalate" and event.actor_id is None and event.data["level"] == 1:
        want["ticket.overdue"] = {road, zone}  # the red light: me and my superior
    elif event.action == "escalate":
        want["ticket.escalated"] = (
            {road, zone} if event.data["level"] == 1 else {road, zone, leader}
        )
    # rectify, verify, dismiss: nobody.
    return {k: {u for u in v if u != event.actor_id} for k, v in want.items()}


def walk(client, db, town) -> None:
    """Every action of the state-machine test, by the same users, through the same API —
    plus handoff, dispatch and the sweep's automatic escalation, which it does not take."""
    from app.tickets.flows import escalate_overdue
    from tests.factories import jpeg_bytes, login, report

    h = {n: login(client, getattr(town, n)) for n in ("inspector", "supervisor", "road_chief")}
    seed = iter(range(5000, 6000))

    def ok(r):
        assert r.status_code in (200, 201), r.text
        return r.json()

    def rectify(tid):
        ok(
            client.post(
                f"/api/tickets/{tid}/rectify",
                data={"note": "已整改"},
                headers=h["road_chief"],
                files=[("photo", ("a.jpg", jpeg_bytes(next(seed)), "image/jpeg"))],
            )
        )

    def check(tid, approved):
        ok(
            client.post(
                f"/api/tickets/{tid}/verify",
                json={"approved": approved, "note": "核查"},
                headers=h["inspector"],
            )
        )

    a = ok(report(client, h["inspector"], seed=next(seed)))["id"]
    b = ok(report(client, h["road_chief"], seed=next(seed)))["id"]
    for _ in range(2):
        ok(
            client.post(
                f"/api/tickets/{a}/escalate", json={"note": "督办"}, headers=h["supervisor"]
            )
        )
    for _ in range(3):
        rectify(a)
        check(a, approved=False)
    rectify(a)
    check(a, approved=True)
    ok(
        client.post(
            f"/api/tickets/{b}/handoff",
            json={"department_id": town.department.id, "note": "交警处理"},
            headers=h["road_chief"],
        )
    )
    ok(
        client.post(
            f"/api/tickets/{b}/dispatch",
            json={"assignee_id": town.other_chief.id},
            headers=h["supervisor"],
        )
    )
    ok(
        client.post(
            f"/api/tickets/{b}/dismiss", json={"reason": "invalid"}, headers=h["supervisor"]
        )
    )
    c = ok(report(client, h["inspector"], seed=next(seed)))
    assert escalate_overdue(db, dt.datetime.fromisoformat(c["due_at"]) + dt.timedelta(minutes=1))


def test_the_rule_table_against_every_ledger_event_of_the_ticket_loop(app, client, db, monkeypatch):
    town = create_town(db)
    hook = add_channel(db, "webhook", name(), "http://127.0.0.1:9/none", "s")
    only_channels(db, hook)
    # Everyone who could be told has a push subscription, so each person told gets a row.
    for user in (town.road_chief, town.zone_chief, town.leader, town.other_chief, town.dept_staff):
        db.add(
            PushSubscription(
                user_id=user.id, endpoint=f"https://push.example/{user.id}", p256dh="k", auth="a"
            )
        )
        db.add(Preference(user_id=user.id, quiet_start="00:00", quiet_end="00:00"))
    db.flush()
    mismatches: list[tuple] = []
    seen: Counter[str] = Counter()

    def compare(session, event) -> None:
        session.flush()
        expand_in(session)  # as the dispatcher will after the commit
        rows = session.exec(
            select(Notification).where(Notification.ledger_event_id == event.id)
        ).all()
        want = expected(event, town, session.get(Ticket, event.ticket_id).rework_count)
        # A message may tell several events (coalesced): its history says which.
        told = [
            (r, h["event"]) for r in rows for h in r.payload["history"]
            if h["ledger_event_id"] == event.id
        ]  # fmt: skip
        group = {what for r, what in told if r.channel_id == hook.id}
        people: dict[str, set[int]] = {}
        for r, what in told:
            if r.user_id is not None:
                people.setdefault(what, set()).add(r.user_id)
        seen[event.action] += 1
        if group != set(want) or people != {k: v for k, v in want.items() if v}:
            mismatches.append((event.action, event.data, sorted(group), people, want))

    # Runs after the outbox's own listener, in the same transaction, for every event.
    monkeypatch.setattr(ledger, "_listeners", [*ledger._listeners, compare])
    walk(client, db, town)
    assert mismatches == []
    assert set(seen) == {
        "report",
        "escalate",
        "rectify",
        "reject",
        "verify",
        "handoff",
        "dispatch",
        "dismiss",
    }, seen


@pytest.fixture
def chief_with_push(db):
    town = create_town(db)
    only_channels(db)
    db.add(
        PushSubscription(
            user_id=town.road_chief.id, endpoint="https://push.example/1", p256dh="k", auth="a"
        )
    )
    db.flush()
    return town


def local(hh: int, mm: int, day: int = 2) -> dt.datetime:
    return dt.datetime(2026, 12, day, hh, mm, tzinfo=SHANGHAI).astimezone(dt.UTC)


def test_quiet_hours_hold_a_message_until_morning_but_not_an_emergency(db, chief_with_push):
    town = chief_with_push
    ordinary = assigned_ticket(db, town)
    emergency = assigned_ticket(db, town, category="0401")  # 路面塌陷: 突发事件
    late = local(23, 10)
    (held,) = notify_ticket(db, "ticket.yellow", ordinary, now=late)
    (urgent,) = notify_ticket(db, "ticket.yellow", emergency, now=late)
    assert held.next_attempt_at == local(7, 30, day=3)
    assert urgent.next_attempt_at == late
    (daytime,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=local(10, 0))
    assert daytime.next_attempt_at == local(10, 0)
    early = local(6, 0)
    (dawn,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=early)
    assert dawn.next_attempt_at == local(7, 30)
    # A chief who chose other hours gets theirs.
    db.add(Preference(user_id=town.road_chief.id, quiet_start="12:00", quiet_end="14:00"))
    db.flush()
    (noon,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=local(12, 30))
    assert noon.next_attempt_at == local(14, 0)
    (night,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=late)
    assert night.next_attempt_at == late


def test_one_message_per_ticket_per_person_per_ten_minutes(db, chief_with_push):
    town = chief_with_push
    db.add(Preference(user_id=town.road_chief.id, quiet_start="00:00", quiet_end="00:00"))
    ticket = assigned_ticket(db, town)  # report: ticket.assigned
    t0 = local(10, 0)
    expand_in(db, now=t0)  # what the dispatcher does after the report's commit
    notify_ticket(db, "ticket.yellow", ticket, now=t0)
    notify_ticket(db, "ticket.rework", ticket, now=t0 + dt.timedelta(minutes=1))

    def mine():
        return db.exec(
            select(Notification)
            .where(Notification.ticket_id == ticket.id, Notification.user_id == town.road_chief.id)
            .order_by(col(Notification.id))
        ).all()

    (one,) = mine()  # not sent yet: folded into one message telling the latest news
    assert one.event == "ticket.rework"
    assert one.payload["earlier"] == ["新工单待整改", "工单即将到期（黄灯）"]
    # Sent at 10:02; news at 10:05 waits until 10:12, and news at 10:08 joins it.
    one.status, one.sent_at = DeliveryStatus.sent, t0 + dt.timedelta(minutes=2)
    db.add(one)
    db.flush()
    notify_ticket(db, "ticket.yellow", ticket, now=t0 + dt.timedelta(minutes=5))
    notify_ticket(db, "ticket.escalated", ticket, now=t0 + dt.timedelta(minutes=8))
    first, second = mine()
    assert second.next_attempt_at == t0 + dt.timedelta(minutes=12)
    assert second.event == "ticket.escalated" and second.payload["earlier"] == [
        "工单即将到期（黄灯）"
    ]
    # Another ticket is another conversation.
    other = assigned_ticket(db, town)
    expand_in(db)
    rows = db.exec(select(Notification).where(Notification.ticket_id == other.id)).all()
    assert len(rows) == 1 and rows[0].next_attempt_at <= dt.datetime.now(dt.UTC)
