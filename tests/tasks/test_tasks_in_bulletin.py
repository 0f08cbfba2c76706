"""任务清单 in the weekly bulletin: per lead unit, the tasks open at the week's end with their
lights, the ones completed in it, the milestones that fell due — read as they stood that week."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import openpyxl

from app.core.timeutil import as_utc
from app.stats.document import document
from app.stats.render import bulletin_html, bulletin_xlsx
from app.stats.service import Week, bulletin
from app.stats.settings import BulletinSettings
from app.tasks import service
from app.tasks.models import TaskStatus
from tests.factories import create_town

SH = ZoneInfo("Asia/Shanghai")


def at(month: int, day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2030, month, day, hour, tzinfo=SH).astimezone(dt.UTC)


def _task(db, town, title, created, due, department=True, done=None):
    task = service.create(
        db, town.supervisor, title=title, description="", owner_id=town.road_chief.id,
        lead_department_id=town.department.id if department else None,
        cooperating_department_ids=[], zone_id=town.zone.id,
        milestones=[service.MilestoneIn("完成", due)],
    )  # fmt: skip
    task.created_at = created
    if done is not None:
        milestone = service.milestones_of(db, [task.id])[task.id][0]
        milestone.done_at = task.completed_at = done
        task.status = TaskStatus.completed
        db.add(milestone)
    db.add(task)
    db.flush()
    return task


def _week(db, label: str, now: dt.datetime) -> dict:
    cfg = BulletinSettings()
    data = bulletin(db, Week.parse(label, "Asia/Shanghai"), now, cfg)
    data["document"] = document(db, data, cfg, "Asia/Shanghai")
    return data


def test_tasks_appear_per_department_with_their_lights(db):
    town = create_town(db)  # the road chief has no department: an owner-led unit
    _task(db, town, "积水点改造", at(6, 3), dt.date(2030, 6, 11))  # due Tue of W24, not done
    _task(db, town, "农贸市场提升", at(6, 10), dt.date(2030, 6, 28))
    _task(db, town, "公厕新建", at(6, 3), dt.date(2030, 6, 13), done=at(6, 12))
    _task(db, town, "路灯补装", at(5, 27), dt.date(2030, 6, 6), done=at(6, 5))  # done in W23
    _task(db, town, "绿化补植", at(6, 3), dt.date(2030, 7, 1), department=False)

    w24 = _week(db, "2030-W24", at(6, 14))  # Friday noon: the week so far
    dept, owner = w24["tasks"]
    assert (dept["kind"], dept["name"]) == ("department", "交警大队")
    assert (dept["open"], dept["red"], dept["yellow"], dept["green"]) == (2, 1, 0, 1)
    assert dept["completed"] == 1  # 公厕新建; 路灯补装 finished the week before
    assert (dept["milestones_due"], dept["milestones_on_time"]) == (2, 1)
    assert dept["on_time_rate"] == 0.5
    assert [t["title"] for t in dept["tasks"]] == ["积水点改造", "农贸市场提升"]  # red first
    assert (owner["kind"], owner["name"], owner["open"]) == ("owner", "王主任", 1)

    # The week before, as it stood on its last day: nothing was late, 公厕新建 still open.
    w23 = _week(db, "2030-W23", at(6, 14))
    (dept23, _owner23) = w23["tasks"]
    assert (dept23["open"], dept23["red"], dept23["completed"]) == (2, 0, 1)
    assert {t["title"] for t in dept23["tasks"]} == {"积水点改造", "公厕新建"}
    assert as_utc(dt.datetime.fromisoformat(w23["as_of"])) == at(6, 10, 0)  # its end

    book = openpyxl.load_workbook(io.BytesIO(bulletin_xlsx(w24)))
    rows = list(book["任务清单"].iter_rows(min_row=4, values_only=True))
    assert rows[0][:3] == ("交警大队", 2, 1)
    assert "积水点改造（完成，2030-06-11）" in rows[0][-1]
    page = bulletin_html(w24)
    assert "任务清单（按牵头单位）" in page and "积水点改造" in page
