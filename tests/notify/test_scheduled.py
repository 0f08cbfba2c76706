"""Scheduled notices: yellow light, triage waiting too long, morning and weekly digests, the
weekly bulletin to zone groups — each once."""

import datetime as dt
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from app.notify import scheduled
from app.notify.models import Notification, Preference, PushSubscription
from app.notify.service import add_channel
from app.stats import notices
from app.tickets.models import Status
from tests.factories import create_town
from tests.notify.helpers import assigned_ticket, name, only_channels


def scan_all(db, now):
    """Every scheduled notice, as app.main runs them: notify's own and the bulletin's."""
    return scheduled.scan_all(db, now, (*scheduled.SCANS, *notices.SCANS))


SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: dt.date, hh: int, mm: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), SHANGHAI).astimezone(dt.UTC)


def subscribe(db, *users) -> None:
    for u in users:
        db.add(
            PushSubscription(
                user_id=u.id, endpoint=f"https://push.example/s{u.id}", p256dh="k", auth="a"
            )
        )
        db.add(Preference(user_id=u.id, quiet_start="00:00", quiet_end="00:00"))
    db.flush()


def rows(db, event: str) -> list[Notification]:
    return list(
        db.exec(
            select(Notification).where(Notification.event == event).order_by(col(Notification.id))
        )
    )


def test_yellow_light_and_waiting_triage_are_told_once(db):
    town = create_town(db)
    only_channels(db)
    subscribe(db, town.road_chief, town.supervisor)
    ticket = assigned_ticket(db, town)
    # 90 % of its time gone: yellow.
    now = ticket.assigned_at + (ticket.due_at - ticket.assigned_at) * 0.9
    ticket.assigned_at, ticket.due_at = now - dt.timedelta(hours=9), now + dt.timedelta(hours=1)
    ticket.category_code = "0401"  # natural hours, so the fraction is plain arithmetic
    pending = assigned_ticket(db, town)
    pending.status, pending.assignee_id = Status.pending, None
    pending.received_at = now - dt.timedelta(hours=3)
    db.add(ticket)
    db.add(pending)
    db.flush()
    scan_all(db, now)
    scan_all(db, now + dt.timedelta(minutes=1))
    yellow = [r for r in rows(db, "ticket.yellow") if r.ticket_id == ticket.id]
    assert [(r.user_id, r.kind) for r in yellow] == [(town.road_chief.id, "webpush")]
    triage = [r for r in rows(db, "ticket.triage_overdue") if r.ticket_id == pending.id]
    assert {r.user_id for r in triage} >= {town.supervisor.id}
    assert len([r for r in triage if r.user_id == town.supervisor.id]) == 1


def test_morning_digest_on_working_days_and_weekly_ranking_to_the_leader(db):
    town = create_town(db)
    zone_group = add_channel(
        db, "wecom", name(), "http://127.0.0.1:9/wecom?key=k", scope=f"zone:{town.zone.id}"
    )
    only_channels(db, zone_group)
    subscribe(db, town.road_chief, town.leader)
    for _ in range(4):
        assigned_ticket(db, town)
    monday = dt.date(2026, 11, 30)
    saturday = dt.date(2026, 12, 5)
    scan_all(db, at(saturday, 8, 40))  # not a working day
    assert [r for r in rows(db, "digest.morning") if r.user_id == town.road_chief.id] == []
    scan_all(db, at(monday, 8, 0))  # too early
    assert [r for r in rows(db, "digest.morning") if r.user_id == town.road_chief.id] == []
    scan_all(db, at(monday, 8, 31))
    scan_all(db, at(monday, 9, 5))
    (digest,) = [r for r in rows(db, "digest.morning") if r.user_id == town.road_chief.id]
    assert digest.payload["counts"]["green"] >= 4
    assert len(digest.payload["urgent"]) == 3
    (weekly,) = [r for r in rows(db, "digest.weekly") if r.user_id == town.leader.id]
    assert weekly.payload["title"] == "片区排名周报（2026年第48周）"
    # The town's tickets are all from this week: last week had nothing to rank.
    assert weekly.payload["lines"][1:] == ["上周没有可排名的片区"]
    bulletin = [r for r in rows(db, "bulletin.published") if r.channel_id == zone_group.id]
    assert len(bulletin) == 1
    assert bulletin[0].payload["title"] == "每周通报已发布（2026年第48周）"
    # A chief who turned the digest off gets none the next day.
    pref = db.get(Preference, town.road_chief.id)
    pref.digest = False
    db.add(pref)
    db.flush()
    scan_all(db, at(monday + dt.timedelta(days=1), 8, 45))
    assert len([r for r in rows(db, "digest.morning") if r.user_id == town.road_chief.id]) == 1


def test_a_new_robot_starts_from_now_not_from_the_backlog(db):
    """Added while tickets were already yellow or waiting in triage, a robot hears of neither;
    a ticket turning yellow after it was added, it hears of (before: one message for every
    ticket of the backlog at its first scan)."""
    from app.notify.outbox import expand_in

    town = create_town(db)
    hooks = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key="
    old = add_channel(db, "wecom", name(), hooks + "old")
    new = add_channel(db, "wecom", name(), hooks + "new")
    later = add_channel(db, "wecom", name(), hooks + "later")  # added after the reports
    only_channels(db, old, new, later)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    old.created_at, new.created_at = now - dt.timedelta(days=1), now - dt.timedelta(minutes=10)

    def yellow_since(minutes_ago: int):
        t = assigned_ticket(db, town, category="0401")  # natural hours: plain arithmetic
        turned = now - dt.timedelta(minutes=minutes_ago)  # at 80 % of 10 hours
        t.assigned_at, t.due_at = turned - dt.timedelta(hours=8), turned + dt.timedelta(hours=2)
        db.add(t)
        return t

    backlog, fresh = yellow_since(60), yellow_since(5)
    pending = assigned_ticket(db, town)
    pending.status, pending.assignee_id = Status.pending, None
    pending.received_at = now - dt.timedelta(hours=3)  # late in triage for two hours
    db.add(pending)
    later.created_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
    db.add_all([old, new, later])
    db.flush()
    expand_in(db, now=now)  # the reports' ticket.assigned: older than `later`
    scan_all(db, now)

    def told(channel) -> set[tuple[str, int]]:
        return {
            (r.event, r.ticket_id)
            for r in db.exec(select(Notification).where(Notification.channel_id == channel.id))
        }

    assert told(old) >= {
        ("ticket.yellow", backlog.id),
        ("ticket.yellow", fresh.id),
        ("ticket.triage_overdue", pending.id),
    }
    assert ("ticket.yellow", backlog.id) not in told(new)
    assert ("ticket.triage_overdue", pending.id) not in told(new)
    assert ("ticket.yellow", fresh.id) in told(new)
    assert told(later) == set()  # every event and every light is older than it
