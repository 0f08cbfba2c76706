"""The bulletin as a county 通报: ties, 末位, 不参评, grade words, the document and its 文号."""

import pytest
from sqlmodel import Session

from app.org.models import Road
from app.tickets.models import Status
from tests.console.factories import create_ticket
from tests.factories import LAT0, LON0, create_town, create_user, login
from tests.stats.test_bulletin import WEEK, local, run

DUE = local(11, "17:30")
IN_TIME = {"status": Status.closed, "closed_at": local(11, "10:00"), "closed_in_time": True}
LATE = {"status": Status.closed, "closed_at": local(12, "10:00"), "closed_in_time": False}


@pytest.fixture
def town(db: Session):
    return create_town(db)


def roads(db: Session, town, *names: str) -> list[Road]:
    line = {"type": "LineString", "coordinates": [[LON0, LAT0], [LON0, LAT0 + 1e-3]]}
    made = []
    for name in names:
        road = Road(zone_id=town.zone.id, name=name, chief_id=town.road_chief.id, geometry=line)
        db.add(road)
        db.flush()
        made.append(road)
    return made


def ticket(db: Session, town, road: Road, **fields) -> None:
    fields.setdefault("due_at", DUE)
    create_ticket(db, town, road=road, received_at=local(9, "09:00"), **fields)


def ranked(data: dict, only: list[Road]) -> list[tuple]:
    ids = {r.id for r in only}
    return [
        (r["name"], r["rank"], r["tied"], r["bottom"])
        for r in data["sections"]["road"]
        if r["id"] in ids
    ]


def test_ties_share_a_rank_and_bottom_never_splits_a_tie(db, town):
    a, b, c, d, e = roads(db, town, "1号路", "2号路", "3号路", "4号路", "5号路")
    ticket(db, town, a, **IN_TIME)
    ticket(db, town, b, **IN_TIME)
    ticket(db, town, c, **LATE)
    for road in (d, e):
        ticket(db, town, road)  # never closed: 0 points each
    # Bottom three: 3号路 is third from last on its own, 4号路 and 5号路 share the last place.
    assert ranked(run(db), [a, b, c, d, e]) == [
        ("1号路", 1, True, False),
        ("2号路", 1, True, False),
        ("3号路", 3, False, True),
        ("4号路", 4, True, True),
        ("5号路", 4, True, True),
    ]
    # Bottom two: the last places are 4 and 5; the tie at 4 lies within them.
    assert [r[3] for r in ranked(run(db, bottom_n=2), [a, b, c, d, e])] == [
        False, False, False, True, True,
    ]  # fmt: skip
    # Bottom one: the tie at 4 extends above the last place, so nobody is named 末位.
    assert not any(r[3] for r in ranked(run(db, bottom_n=1), [a, b, c, d, e]))


def test_a_unit_with_nothing_due_is_not_rated(db, town):
    busy, early = roads(db, town, "甲路", "乙路")
    ticket(db, town, busy, **LATE)
    # Received and closed this week, due next week: nothing was due, so it is not ranked first.
    ticket(db, town, early, due_at=local(18, "17:30"), **IN_TIME)
    data = run(db)
    rows = {r["name"]: r for r in data["sections"]["road"]}
    assert rows["乙路"]["grade"] == "不参评"
    assert rows["乙路"]["rank"] is None and rows["乙路"]["score"] is None
    assert rows["甲路"]["rank"] == 1
    assert [r["name"] for r in data["sections"]["road"]][-1] == "乙路"


def test_grade_words_are_a_setting(db, town):
    [a] = roads(db, town, "甲路")
    ticket(db, town, a, **LATE)  # 52.9
    assert run(db)["sections"]["road"][0]["grade"] == "较差"
    words = {"好": 50, "差": 0}
    assert run(db, grades=words)["sections"]["road"][0]["grade"] == "好"


def test_the_notice_reads_like_a_county_bulletin(client, db, town):
    a, b = roads(db, town, "甲路", "乙路")
    ticket(db, town, a, **IN_TIME)
    create_ticket(db, town, road=b, received_at=local(9, "09:00"), due_at=local(10, "17:30"))
    sup = login(client, town.supervisor)
    body = client.get("/api/bulletin", params={"week": WEEK}, headers=sup).json()
    doc = body["document"]
    assert body["week_name"] == "第46周"
    assert doc["title"] == "关于2026年第46周路长制工作情况的通报"
    assert doc["issuer"] == f"{town.area.name}路长制工作领导小组办公室"
    assert doc["number"] is None and not doc["issued"]
    assert "第46周（11月9日至11月15日）" in doc["overview"]
    assert "本周应结案 2 件" in doc["overview"] and "结案率 50.0%" in doc["overview"]
    assert "逾期未结案 1 件" in doc["overview"]
    overdue = next(line for line in doc["problems"] if line.startswith("逾期"))
    assert "乙路" in overdue and "非法小广告" in overdue and "逾期 5 天" in overdue
    assert "非法小广告（2 件）" in doc["problems"][0]
    assert doc["cc"] and doc["date"].startswith("20") and doc["date"].endswith("日")


def test_issuing_gives_the_next_running_number_once(client, db, town):
    sup = login(client, town.supervisor)
    first = client.put(
        "/api/bulletin/issue", params={"week": WEEK}, json={"requirements": "一、立即整改。"},
        headers=sup,
    )  # fmt: skip
    assert first.status_code == 200, first.text
    number = first.json()["document"]["number"]
    assert number.startswith("路长办〔") and number.endswith("〕1号")
    again = client.put(
        "/api/bulletin/issue", params={"week": WEEK}, json={"requirements": "二、举一反三。"},
        headers=sup,
    ).json()["document"]  # fmt: skip
    assert again["number"] == number and again["requirements"] == "二、举一反三。"
    other = client.put(
        "/api/bulletin/issue", params={"week": "2026-W47"}, json={"requirements": ""},
        headers=sup,
    ).json()["document"]  # fmt: skip
    assert other["number"].endswith("〕2号")
    page = client.get("/api/bulletin/print", params={"week": WEEK}, headers=sup).text
    assert number in page and "二、举一反三。" in page
    inspector = login(client, create_user(db, "inspector"))
    denied = client.put("/api/bulletin/issue", json={"requirements": ""}, headers=inspector)
    assert denied.status_code == 403
