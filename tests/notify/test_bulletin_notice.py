"""The week's ranking as the people told about it read it: the level-1 chief's weekly digest
(片区排名周报) on their phone, and the zone groups' notice when the command centre issues the
通报 (印发) — once, whatever the number of times it is issued again."""

import datetime as dt
import json
import uuid
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from app.notify import scheduled
from app.notify.channels import Message, webhook, webpush, wecom
from app.notify.models import Notification, Preference, PushSubscription
from app.notify.service import add_channel
from app.org.models import Road, User, Zone
from app.stats import notices
from app.stats.notices import weekly_digests
from app.stats.settings import get_bulletin_settings
from app.tickets.models import Status
from tests.console.factories import create_ticket
from tests.factories import LAT0, LON0, create_town, create_user, login
from tests.notify.helpers import name, only_channels


def scan_all(db, now):
    """Every scheduled notice, as app.main runs them: notify's own and the bulletin's."""
    return scheduled.scan_all(db, now, (*scheduled.SCANS, *notices.SCANS))


SH = ZoneInfo("Asia/Shanghai")
MONDAY = dt.date(2026, 11, 30)  # last week: 2026-W48, 11月23日至11月29日


def at(day: dt.date, hh: int, mm: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), SH).astimezone(dt.UTC)


def nov(day: int, hh: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hh, 0, tzinfo=SH).astimezone(dt.UTC)


@pytest.fixture(autouse=True)
def bottom_one(monkeypatch):
    """One 末位 among the zones (the default names three, which needs four rated zones)."""
    monkeypatch.setenv("ROADCHIEF_BULLETIN_BOTTOM_N", "1")
    assert get_bulletin_settings().bottom_n == 1  # read afresh each time


def zone_with_road(db, town, zone_name: str, road_name: str) -> tuple[Zone, Road]:
    chief = create_user(db, "chief", level=2, name=f"{zone_name}长")
    zone = Zone(
        area_id=town.area.id, name=zone_name, chief_id=chief.id, geometry=town.zone.geometry
    )
    db.add(zone)
    db.flush()
    line = {"type": "LineString", "coordinates": [[LON0, LAT0], [LON0, LAT0 + 1e-3]]}
    road = Road(zone_id=zone.id, name=road_name, chief_id=town.road_chief.id, geometry=line)
    db.add(road)
    db.flush()
    return zone, road


@pytest.fixture
def week48(db):
    """A town of three zones in 2026-W48: 城东 fixed its ticket in time, 城西 left its one
    overdue, 城北 had nothing due (不参评)."""
    town = create_town(db)
    suffix = uuid.uuid4().hex[:4]
    west, west_road = zone_with_road(db, town, f"城西片区{suffix}", "西环路")
    north, north_road = zone_with_road(db, town, f"城北片区{suffix}", "北环路")
    town.zone.name = f"城东片区{suffix}"
    db.add(town.zone)
    create_ticket(db, town, received_at=nov(23), due_at=nov(25), status=Status.closed,
                  closed_at=nov(24), closed_in_time=True)  # fmt: skip
    create_ticket(db, town, road=west_road, zone_id=west.id, received_at=nov(23), due_at=nov(25))
    # Reported in W48, due the week after: counted as new, rated next week.
    create_ticket(
        db,
        town,
        road=north_road,
        zone_id=north.id,
        received_at=nov(27),
        due_at=nov(29) + dt.timedelta(days=3),
    )
    db.flush()
    return town, west, north


def subscribe(db, *users: User) -> None:
    for u in users:
        db.add(PushSubscription(user_id=u.id, endpoint=f"https://push.example/w{u.id}",
                                p256dh="k", auth="a"))  # fmt: skip
        db.add(Preference(user_id=u.id, quiet_start="00:00", quiet_end="00:00"))
    db.flush()


def weekly(db, leader: User) -> list[Notification]:
    return list(
        db.exec(
            select(Notification).where(
                Notification.event == "digest.weekly", Notification.user_id == leader.id
            )
        )
    )


def read(row: Notification) -> dict:
    """What the phone shows: the push the service worker turns into a notification."""
    import json

    message = Message(id=row.id, message_id=row.message_id, event=row.event, kind=row.kind,
                      recipients=row.recipients, payload=row.payload, attempt=1)  # fmt: skip
    return json.loads(webpush.data(message))


def test_the_weekly_digest_reads_as_the_leaders_ranking_of_their_own_zones(db, week48):
    town, west, north = week48
    other = create_town(db)  # another town's leader hears only about their own zones
    only_channels(db)
    subscribe(db, town.leader, other.leader)
    assert weekly_digests(db, at(MONDAY, 8, 31)) >= 2
    assert weekly_digests(db, at(MONDAY, 9, 31)) == 0  # once a week

    (mine,) = weekly(db, town.leader)
    shown = read(mine)
    assert shown["title"] == "片区排名周报（2026年第48周）"
    west_row = f"2. {west.name} "
    lines = shown["body"].split("\n")
    assert lines[0] == "2026年第48周（11月23日至11月29日）各片区得分排名："
    assert lines[1] == f"1. {town.zone.name} 100.0 分 优秀"
    assert lines[2].startswith(west_row) and lines[2].endswith(" 分 较差（末位）")
    score = float(lines[2].removeprefix(west_row).split(" ")[0])
    assert 0 <= score < 60
    assert lines[3] == f"— {north.name} 不参评"
    # Tapping it opens the app (the bulletin page is the command centre's).
    assert shown["url"] == "/inbox"

    (theirs,) = weekly(db, other.leader)
    body = read(theirs)["body"]
    assert town.zone.name not in body and west.name not in body
    assert body.split("\n")[1] == "上周没有可排名的片区"


def test_issuing_the_bulletin_tells_every_zone_group_once(client, db, week48):
    town, west, _north = week48
    east_group = add_channel(db, "wecom", name(), "http://127.0.0.1:9/wecom?key=e",
                             scope=f"zone:{town.zone.id}")  # fmt: skip
    west_group = add_channel(db, "wecom", name(), "http://127.0.0.1:9/wecom?key=w",
                             scope=f"zone:{west.id}")  # fmt: skip
    hotline = add_channel(db, "webhook", name(), "http://127.0.0.1:9/hook", "s")  # scope all
    traffic = add_channel(db, "dingtalk", name(), "http://127.0.0.1:9/ding",
                          scope=f"department:{town.department.code}")  # fmt: skip
    only_channels(db, east_group, west_group, hotline, traffic)
    sup = login(client, town.supervisor)

    def notices() -> list[Notification]:
        return list(db.exec(select(Notification).where(Notification.event == "bulletin.issued")
                            .order_by(col(Notification.id))))  # fmt: skip

    r = client.put("/api/bulletin/issue", params={"week": "2026-W48"},
                   json={"requirements": "一、立即整改。"}, headers=sup)  # fmt: skip
    assert r.status_code == 200, r.text
    number = r.json()["document"]["number"]
    assert number and r.json()["sections"]["zone"]  # the answer is the whole bulletin still
    sent = notices()
    assert sorted(n.channel_id for n in sent) == sorted([east_group.id, west_group.id, hotline.id])

    def markdown(channel) -> str:
        (row,) = [n for n in sent if n.channel_id == channel.id]
        message = Message(id=row.id, message_id=row.message_id, event=row.event, kind=row.kind,
                          recipients=[], payload=row.payload, attempt=1)  # fmt: skip
        return wecom.body(message)["markdown"]["content"]

    east = markdown(east_group).split("\n")
    assert east[0] == f"### 通报已印发：{number}"
    assert east[1] == "> 2026年第48周（11月23日至11月29日）"
    assert east[2] == "> 全镇新增 3 件，结案 1 件，结案率 50.0%，逾期 1 件"
    assert east[3] == f"> 末位片区：{west.name}"
    assert f"> 本片区：1. {town.zone.name} 100.0 分 优秀" in east
    # The chiefs in the group open the issued 通报 itself, read-only, signed in to nothing
    # (the console the notice used to link to is the command centre's).
    link = east[-1].removeprefix("[查看通报](https://rc.example.cn").removesuffix(")")
    assert link.startswith("/api/bulletin/issued?week=2026-W48&sig=")
    client.cookies.clear()
    page = client.get(link)
    assert page.status_code == 200 and number in page.text and west.name in page.text
    assert client.get(link.replace("W48", "W47")).status_code == 404  # another week's link
    assert client.get(link[:-3] + "xyz").status_code == 404  # a forged signature
    assert client.get("/api/bulletin/print?week=2026-W48").status_code == 401
    west_text = markdown(west_group)
    assert f"> 本片区：2. {west.name} " in west_text and "（末位）" in west_text
    assert "本片区" not in markdown(hotline)  # the "all" receiver gets the town's lines
    (to_hotline,) = [n for n in sent if n.channel_id == hotline.id]
    hook = json.loads(webhook.body(Message(id=1, message_id=to_hotline.message_id,
        event=to_hotline.event, kind="webhook", recipients=[], payload=to_hotline.payload,
        attempt=1)))  # fmt: skip
    assert hook["event"] == "bulletin.issued" and hook["ticket"] is None
    assert dt.datetime.fromisoformat(hook["occurred_at"]) <= dt.datetime.now(dt.UTC)

    # Issued again (the text edited): nobody is told twice; the Monday timer stays quiet too.
    again = client.put("/api/bulletin/issue", params={"week": "2026-W48"},
                       json={"requirements": "二、举一反三。"}, headers=sup)  # fmt: skip
    assert again.json()["document"]["number"] == number
    assert [n.id for n in notices()] == [n.id for n in sent]
    scan_all(db, at(MONDAY, 9, 5))
    published = db.exec(select(Notification).where(Notification.event == "bulletin.published",
        col(Notification.channel_id).in_([east_group.id, west_group.id]))).all()  # fmt: skip
    assert published == []
    # A week nobody issued is still announced by the Monday timer.
    scan_all(db, at(MONDAY + dt.timedelta(days=7), 9, 5))
    (timer,) = db.exec(select(Notification).where(Notification.event == "bulletin.published",
        Notification.channel_id == east_group.id)).all()  # fmt: skip
    assert timer.payload["title"] == "每周通报已发布（2026年第49周）"
