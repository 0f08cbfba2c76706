"""Seams between notifications and the rest (issue 16, item 8)."""

import datetime as dt
import uuid

import pytest
from sqlmodel import col, select

from app.core.errors import Invalid
from app.core.timeutil import utcnow
from app.notify.models import Notification, PushSubscription
from app.notify.outbox import expand_in, notify_ticket
from app.notify.scheduled import scan_yellow
from app.notify.service import add_channel
from app.org.models import Zone
from tests.factories import create_town, create_user, jpeg_bytes, login, report
from tests.notify.helpers import assigned_ticket, name, only_channels


def test_a_photo_added_to_a_ticket_tells_its_assignee(client, db):
    town = create_town(db)
    only_channels(db)
    db.add(PushSubscription(user_id=town.road_chief.id, endpoint="https://push.example/p",
                            p256dh="k", auth="a"))  # fmt: skip
    db.flush()
    ticket = report(client, login(client, town.inspector)).json()
    assert ticket["assignee"]["id"] == town.road_chief.id
    expand_in(db)
    finder = create_user(db, "inspector", name="巡查员乙")
    r = client.post(
        f"/api/tickets/{ticket['id']}/photos",
        data={"note": "我也看到了"},
        files=[("photo", ("again.jpg", jpeg_bytes(31), "image/jpeg"))],
        headers={**login(client, finder), "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code == 200, r.text
    expand_in(db)
    told = db.exec(
        select(Notification)
        .where(Notification.ticket_id == ticket["id"], Notification.user_id == town.road_chief.id)
        .order_by(col(Notification.id))
    ).all()
    assert "ticket.photo_added" in [n.event for n in told]
    # The finder is not told of their own photo.
    assert not db.exec(select(Notification).where(Notification.user_id == finder.id)).all()


def _yellow(db, town):
    """A ticket 90 % through its time (natural hours): the yellow scan tells its scope."""
    ticket = assigned_ticket(db, town, category="0401")
    now = utcnow()
    ticket.assigned_at, ticket.due_at = now - dt.timedelta(hours=9), now + dt.timedelta(hours=1)
    db.add(ticket)
    db.flush()
    return ticket, now


def _heard(db, channel, ticket) -> int:
    return len(
        db.exec(
            select(Notification).where(
                Notification.channel_id == channel.id, Notification.ticket_id == ticket.id
            )
        ).all()
    )


def test_a_zone_group_hears_its_own_zone_not_another_town_s_of_the_same_name(db):
    town, other = create_town(db), create_town(db)  # both have a 城东片区
    assert town.zone.name == other.zone.name
    group = add_channel(db, "wecom", name(), "http://127.0.0.1:9/wecom?key=z",
                        scope=f"zone:{town.zone.id}")  # fmt: skip
    only_channels(db, group)
    mine, theirs = assigned_ticket(db, town), assigned_ticket(db, other)
    notify_ticket(db, "ticket.yellow", mine)
    notify_ticket(db, "ticket.yellow", theirs)
    assert (_heard(db, group, mine), _heard(db, group, theirs)) == (1, 0)
    # A name several zones share is refused; a name one zone has is kept as its id.
    with pytest.raises(Invalid, match="more than one zone"):
        add_channel(db, "wecom", name(), "http://127.0.0.1:9/x", scope=f"zone:{town.zone.name}")
    west = Zone(
        area_id=town.area.id, name=f"西区-{uuid.uuid4().hex[:6]}", geometry=town.zone.geometry
    )
    db.add(west)
    db.flush()
    named = add_channel(db, "wecom", name(), "http://127.0.0.1:9/y", scope=f"zone:{west.name}")
    assert named.scope == f"zone:{west.id}"


def test_a_scheduled_notice_is_told_once_per_group_however_the_groups_come_and_go(db):
    """Dedupe keys name the group, not its place in the list of active groups: a group switched
    back on is told what it missed, and the others are not told again."""
    town = create_town(db)
    ticket, now = _yellow(db, town)
    first, second = (
        add_channel(db, "wecom", name(), f"http://127.0.0.1:9/wecom?key={k}", scope="all")
        for k in ("a", "b")
    )
    for c in (first, second):  # both there long before the light turned yellow
        c.created_at = now - dt.timedelta(days=1)
        db.add(c)
    only_channels(db, second)  # the first is switched off for now
    scan_yellow(db, now)
    assert (_heard(db, first, ticket), _heard(db, second, ticket)) == (0, 1)
    only_channels(db, first, second)
    scan_yellow(db, now + dt.timedelta(minutes=1))
    scan_yellow(db, now + dt.timedelta(minutes=2))
    assert (_heard(db, first, ticket), _heard(db, second, ticket)) == (1, 1)
