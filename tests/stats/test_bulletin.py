"""The weekly bulletin's arithmetic, against figures worked out by hand.

Week 2026-W46 runs Monday 9 to Sunday 15 November 2026, Asia/Shanghai time.

人民路 (road chief 王主任):
  a1 received Mon 10:00, due Wed 17:30, rectified Tue 15:00 (29 h), closed Wed — in time
  a2 received Mon 11:00, due Thu 17:30, rectified Tue 12:00 (25 h), rejected Tue 16:00,
     rectified again Thu 10:00 (71 h), closed Fri — late
  a3 received the week before, due Tue 17:30, still not rectified — overdue
  a4 received Tue, due the next week — only new
  → new 3, closed 2, due 3 (a1 a2 a3), closed of those 2, in time 1, rectified 3, reworked 1,
    overdue 1; 结案率 2/3, 按期 1/3, 返工率 1/3, overdue share 1/3, avg (29+25+71)/3 = 41.7 h
    score = 100 × (0.3·2/3 + 0.4·1/3 + 0.15·2/3 + 0.15·2/3) = 53.3 → 较差
解放路 (李所长), handed to 交警大队:
  b1 received Mon 09:00, due Wed 17:30, rectified Wed 09:00 (48 h), closed Wed — in time
  b2 received Mon, dismissed as a duplicate — counts nowhere
  → everything 100 % → score 100 → 优秀
城东片区 also has p1, pending with no road (received Wed), which counts for the zone and for
the zone's chief (副镇长) only, as new.
"""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlmodel import Session

from app.org.models import Road
from app.stats.service import Week, bulletin
from app.stats.settings import BulletinSettings
from app.tickets.models import Status
from tests.console.factories import add_event, create_ticket
from tests.factories import LAT0, LON0, create_town, create_user, login

WEEK = "2026-W46"
SH = ZoneInfo("Asia/Shanghai")


def local(day: int, hm: str) -> dt.datetime:
    """A moment in November 2026, Shanghai time, as aware UTC."""
    h, m = map(int, hm.split(":"))
    return dt.datetime(2026, 11, day, h, m, tzinfo=SH).astimezone(dt.UTC)


@pytest.fixture
def town(db: Session):
    return create_town(db)


@pytest.fixture
def week_data(db: Session, town):
    a, b = town.east_west, town.north_south
    assigned = Status.assigned
    a1 = create_ticket(db, town, road=a, received_at=local(9, "10:00"), due_at=local(11, "17:30"),
                       status=Status.closed, closed_at=local(11, "10:00"), closed_in_time=True,
                       rectified_at=local(10, "15:00"))  # fmt: skip
    add_event(db, a1, "rectify", local(10, "15:00"), assigned, "rectified")
    a2 = create_ticket(db, town, road=a, received_at=local(9, "11:00"), due_at=local(12, "17:30"),
                       status=Status.closed, closed_at=local(13, "09:00"), closed_in_time=False,
                       rectified_at=local(12, "10:00"), rework_count=1)  # fmt: skip
    add_event(db, a2, "rectify", local(10, "12:00"), assigned, "rectified")
    add_event(db, a2, "reject", local(10, "16:00"), "rectified", assigned)
    add_event(db, a2, "rectify", local(12, "10:00"), assigned, "rectified")
    create_ticket(db, town, road=a, received_at=local(5, "09:00"), due_at=local(10, "17:30"))
    create_ticket(db, town, road=a, received_at=local(10, "09:00"), due_at=local(17, "17:30"))

    b1 = create_ticket(db, town, road=b, received_at=local(9, "09:00"), due_at=local(11, "17:30"),
                       status=Status.closed, closed_at=local(11, "12:00"), closed_in_time=True,
                       rectified_at=local(11, "09:00"), department_id=town.department.id,
                       assignee_id=town.other_chief.id)  # fmt: skip
    add_event(db, b1, "rectify", local(11, "09:00"), assigned, "rectified")
    create_ticket(db, town, road=b, received_at=local(9, "14:00"), status=Status.dismissed,
                  due_at=local(10, "17:30"))  # fmt: skip

    create_ticket(db, town, road=None, status=Status.pending, received_at=local(11, "08:00"))
    return town


def run(db: Session, **settings) -> dict:
    week = Week.parse(WEEK, "Asia/Shanghai")
    return bulletin(db, week, local(27, "09:00"), BulletinSettings(**settings))


def row(data: dict, dim: str, unit_id: int) -> dict:
    return next(r for r in data["sections"][dim] if r["id"] == unit_id)


def test_road_figures(db, week_data):
    data = run(db)
    a = row(data, "road", week_data.east_west.id)
    assert (a["new"], a["closed"], a["due"], a["due_closed"], a["due_in_time"]) == (3, 2, 3, 2, 1)
    assert (a["rectified"], a["reworked"], a["overdue"]) == (3, 1, 1)
    assert a["closure_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert a["on_time_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert a["rework_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert a["avg_rectify_hours"] == 41.7
    assert (a["score"], a["grade"]) == (53.3, "较差")
    assert a["name"] == "人民路" and a["chief"] == "王主任"

    b = row(data, "road", week_data.north_south.id)
    assert (b["new"], b["closed"], b["due"], b["overdue"], b["rectified"]) == (1, 1, 1, 0, 1)
    assert (b["closure_rate"], b["on_time_rate"], b["rework_rate"]) == (1.0, 1.0, 0.0)
    assert (b["score"], b["grade"], b["avg_rectify_hours"]) == (100.0, "优秀", 48.0)
    assert [r["id"] for r in data["sections"]["road"]] == [b["id"], a["id"]]
    assert (b["rank"], a["rank"]) == (1, 2)
    assert not a["bottom"]  # only two roads ranked: nobody is marked


def test_zone_chief_and_department(db, week_data):
    data = run(db)
    zone = row(data, "zone", week_data.zone.id)
    assert (zone["new"], zone["closed"], zone["due"], zone["due_closed"]) == (5, 3, 4, 3)
    assert (zone["due_in_time"], zone["rectified"], zone["reworked"], zone["overdue"]) == (
        2,
        4,
        1,
        1,
    )
    assert zone["chief"] == "副镇长"

    chiefs = data["sections"]["chief"]
    assert [r["id"] for r in chiefs] == [
        week_data.other_chief.id,
        week_data.road_chief.id,
        week_data.zone_chief.id,
    ]
    deputy = chiefs[-1]
    assert deputy["new"] == 1 and deputy["score"] is None and deputy["rank"] is None
    assert deputy["grade"] == "不参评"

    dept = row(data, "department", week_data.department.id)
    assert (dept["new"], dept["closed"], dept["score"]) == (1, 1, 100.0)
    assert dept["name"] == "交警大队"


def test_weights_and_bottom_marks_are_settings(db, week_data):
    data = run(db, weight_on_time=0, bottom_n=1)
    a = row(data, "road", week_data.east_west.id)
    # (0.3·2/3 + 0.15·2/3 + 0.15·2/3) / 0.6 = 2/3
    assert (a["score"], a["grade"]) == (66.7, "合格")
    assert a["bottom"] is True
    assert row(data, "road", week_data.north_south.id)["bottom"] is False


def test_the_week_is_local_time(db, town):
    line = {"type": "LineString", "coordinates": [[LON0, LAT0], [LON0, LAT0 + 1e-3]]}
    road = Road(zone_id=town.zone.id, name="边界路", chief_id=town.road_chief.id, geometry=line)
    db.add(road)
    db.flush()
    # Monday 00:30 in Shanghai is still Sunday in UTC; Sunday 23:30 is the week before.
    create_ticket(db, town, road=road, received_at=local(9, "00:30"), due_at=local(30, "17:30"))
    create_ticket(db, town, road=road, received_at=local(8, "23:30"), due_at=local(30, "17:30"))
    assert row(run(db), "road", road.id)["new"] == 1


def test_api_json(client, db, week_data):
    sup = login(client, week_data.supervisor)
    r = client.get("/api/bulletin", params={"week": WEEK}, headers=sup)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["week"] == WEEK and body["first_day"] == "2026-11-09"
    assert row(body, "road", week_data.east_west.id)["score"] == 53.3
    bad = client.get("/api/bulletin", params={"week": "2026-48"}, headers=sup)
    assert bad.status_code == 422
    inspector = login(client, create_user(db, "inspector"))
    assert client.get("/api/bulletin", headers=inspector).status_code == 403


def test_xlsx_reads_back(client, db, week_data):
    sup = login(client, week_data.supervisor)
    r = client.get("/api/bulletin.xlsx", params={"week": WEEK}, headers=sup)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert f"bulletin-{WEEK}.xlsx" in r.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    assert book.sheetnames == [
        "汇总", "按路段", "按路长", "按片区", "按职能部门", "任务清单", "专项整治"
    ]  # fmt: skip
    roads = book["按路段"]
    headings = [c.value for c in roads[3]]
    assert headings[:7] == ["排名", "名称", "新增", "结案", "应结", "结案率", "按期结案率"]
    assert "返工率" in headings and "平均整改时长（小时）" in headings and "等级" in headings
    rows = {r[1]: r for r in roads.iter_rows(min_row=4, values_only=True)}
    a = rows["人民路（王主任）"]
    col = {h: i for i, h in enumerate(headings)}
    assert a[col["排名"]] == 2 and a[col["新增"]] == 3 and a[col["应结"]] == 3
    assert a[col["结案率"]] == pytest.approx(2 / 3, abs=1e-4)
    assert a[col["返工率"]] == pytest.approx(1 / 3, abs=1e-4)
    assert a[col["得分"]] == 53.3 and a[col["等级"]] == "较差"
    assert rows["解放路（李所长）"][col["等级"]] == "优秀"
    assert "2026年第46周" in roads["A1"].value and "W46" not in roads["A1"].value
    assert roads.cell(row=5, column=col["结案率"] + 1).number_format == "0.0%"


def test_printable_page(client, db, week_data):
    sup = login(client, week_data.supervisor)
    r = client.get("/api/bulletin/print", params={"week": WEEK}, headers=sup)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "@page" in page and "A4" in page
    assert "关于2026年第46周路长制工作情况的通报" in page and "2026-W46" not in page
    assert "人民路（王主任）" in page and "按路长排名" in page and "较差" in page
    assert "<script" not in page


def test_the_bottom_three_are_marked(db, town):
    line = {"type": "LineString", "coordinates": [[LON0, LAT0], [LON0, LAT0 + 1e-3]]}
    roads = []
    for name in ("一路", "二路", "三路", "四路", "五路"):
        road = Road(zone_id=town.zone.id, name=name, chief_id=town.road_chief.id, geometry=line)
        db.add(road)
        db.flush()
        roads.append(road)
    received, due = local(9, "09:00"), local(11, "17:30")
    for road in roads[:2]:  # closed in time: 100
        closed = {"status": Status.closed, "closed_at": local(11, "10:00"), "closed_in_time": True}
        create_ticket(db, town, road=road, received_at=received, due_at=due, **closed)
    # Closed late: 结案率 1, 按期 0, no overdue → (0.3 + 0.15) / 0.85 = 52.9
    late = {"status": Status.closed, "closed_at": local(12, "10:00"), "closed_in_time": False}
    create_ticket(db, town, road=roads[2], received_at=received, due_at=due, **late)
    for road in roads[3:]:  # never closed: 0
        create_ticket(db, town, road=road, received_at=received, due_at=due)
    ranked = [r for r in run(db)["sections"]["road"] if r["id"] in {x.id for x in roads}]
    assert [(r["name"], r["score"], r["bottom"]) for r in ranked] == [
        ("一路", 100.0, False),
        ("二路", 100.0, False),
        ("三路", 52.9, True),
        ("五路", 0.0, True),
        ("四路", 0.0, True),
    ]
