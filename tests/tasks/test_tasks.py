"""Tasks: milestones on a business calendar with a 调休 weekend, lights, 督办, progress with an
Idempotency-Key, completion with evidence, and an XLSX 任务分解表 with a bad row refused."""

import datetime as dt
import io
import uuid
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from sqlmodel import select

from app.core.errors import Invalid
from app.deadlines.models import CalendarDay
from app.ledger.models import Event
from app.org.models import Role
from app.tasks import service
from app.tasks.models import Milestone, Task
from tests.factories import create_town, create_user, jpeg_bytes, login, report

SH = ZoneInfo("Asia/Shanghai")


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2030, month, day, hour, minute, tzinfo=SH).astimezone(dt.UTC)


def _calendar(db) -> None:
    # Monday 10 June 2030 a holiday, Saturday 8 June a make-up workday (调休).
    db.add(CalendarDay(day=dt.date(2030, 6, 10), is_workday=False, name="端午节"))
    db.add(CalendarDay(day=dt.date(2030, 6, 8), is_workday=True, name="端午调休"))
    db.flush()


def test_lights_and_escalation_follow_the_business_calendar(db):
    town = create_town(db)
    county_leader = create_user(db, Role.leader, name="挂包领导")
    town.zone.leader_id = county_leader.id
    db.add(town.zone)
    _calendar(db)
    task = service.create(
        db, town.supervisor, title="老旧小区改造", description="", owner_id=town.road_chief.id,
        lead_department_id=town.department.id, cooperating_department_ids=[],
        zone_id=town.zone.id,
        milestones=[service.MilestoneIn("方案", dt.date(2030, 6, 10)),
                    service.MilestoneIn("完工", dt.date(2030, 6, 28))],
    )  # fmt: skip
    task.created_at = at(6, 6, 9)  # Thursday 09:00
    db.add(task)
    ms = service.milestones_of(db, [task.id])[task.id]
    # Due on the holiday Monday → Sunday is a weekend → the 调休 Saturday, end of work.
    assert ms[0].due_at == at(6, 8, 17, 30)
    # Thu 6.5 h + Fri 7 h + Sat 7 h = 20.5 working hours; yellow from 16.4 h.
    assert service.light(db, task, ms, at(6, 8, 9)) == "green"  # 14 h used
    assert service.light(db, task, ms, at(6, 8, 14, 30)) == "yellow"  # 17.5 h used
    assert service.light(db, task, ms, at(6, 10, 9)) == "red"

    assert service.escalate_overdue(db, at(6, 8, 17)) == 0  # not yet due
    assert service.escalate_overdue(db, at(6, 8, 18)) == 1
    assert task.escalated_to_id == town.zone_chief.id
    assert service.escalate_overdue(db, at(6, 8, 19)) == 0  # same overrun: once
    # Each further overrun of the milestone's span (56.5 h) climbs one more level.
    assert service.escalate_overdue(db, at(6, 11, 4)) == 1
    assert task.escalated_to_id == town.leader.id
    assert service.escalate_overdue(db, at(6, 13, 14)) == 1
    assert task.escalated_to_id == county_leader.id
    assert service.escalate_overdue(db, at(6, 20, 9)) == 0  # no one above the leader
    actions = db.exec(
        select(Event.action).where(Event.subject == f"task:{task.id}").order_by(Event.id)
    ).all()
    assert actions == ["task.create", "task.escalate", "task.escalate", "task.escalate"]


def test_progress_is_idempotent_and_completion_needs_evidence(client, db):
    town = create_town(db)
    task = service.create(
        db, town.supervisor, title="背街小巷整治", description="", owner_id=town.road_chief.id,
        lead_department_id=None, cooperating_department_ids=[town.department.id], zone_id=None,
        milestones=[service.MilestoneIn("摸排", dt.date(2030, 6, 14))],
    )  # fmt: skip
    milestone = db.exec(select(Milestone).where(Milestone.task_id == task.id)).one()
    chief = login(client, town.road_chief)
    key = str(uuid.uuid4())
    body = {"note": "已完成摸排", "milestone_id": str(milestone.id)}
    files = [("photo", ("p.jpg", jpeg_bytes(3), "image/jpeg"))]
    first = client.post(f"/api/tasks/{task.id}/progress", data=body, files=files,
                        headers={**chief, "Idempotency-Key": key})  # fmt: skip
    assert first.status_code == 201, first.text
    again = client.post(f"/api/tasks/{task.id}/progress", data=body, files=files,
                        headers={**chief, "Idempotency-Key": key})  # fmt: skip
    assert again.status_code == 201
    assert len(again.json()["progress"]) == 1
    assert again.json()["milestones"][0]["done_at"] is not None
    photo = again.json()["progress"][0]["photos"][0]["thumb_url"]
    assert client.get(photo, headers=chief).headers["content-type"] == "image/jpeg"
    other = client.post(f"/api/tasks/{task.id}/progress", data={"note": "别的"},
                        headers={**chief, "Idempotency-Key": key})  # fmt: skip
    assert other.status_code == 422
    no_key = client.post(f"/api/tasks/{task.id}/progress", data=body, headers=chief)
    assert no_key.status_code == 422

    stranger = create_user(db, Role.chief, level=3)
    refused = client.post(
        f"/api/tasks/{task.id}/progress",
        data={"note": "x"},
        headers={**login(client, stranger), "Idempotency-Key": "k-12345678"},
    )
    assert refused.status_code == 403

    bare = client.post(f"/api/tasks/{task.id}/complete", data={"note": "完成"}, headers=chief)
    assert bare.status_code == 422
    done = client.post(
        f"/api/tasks/{task.id}/complete",
        data={"note": "完成"},
        files=[("photo", ("e.jpg", jpeg_bytes(4), "image/jpeg"))],
        headers=chief,
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "completed" and done.json()["light"] is None
    verified = client.get("/api/ledger/verify", headers=chief).json()
    assert verified["ok"] is True


def _workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["任务名称", "任务内容", "牵头单位", "责任人", "配合单位", "节点1", "完成时限1"])
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_xlsx_import_refuses_a_bad_row_naming_row_and_column(client, db):
    town = create_town(db)
    admin = login(client, town.supervisor)
    owner = town.road_chief.username
    dept = town.department.name
    bad = _workbook([
        ["道路提升", "", dept, owner, "", "方案", dt.date(2030, 7, 1)],
        ["绿化补植", "", dept, owner, "", "完工", "七月底"],
    ])  # fmt: skip
    before = len(db.exec(select(Task)).all())
    r = client.post("/api/tasks/import", files={"file": ("t.xlsx", bad)}, headers=admin)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("row 3, column G (完成时限1)")
    assert len(db.exec(select(Task)).all()) == before  # nothing imported

    good = _workbook([
        ["道路提升", "人民路", dept, owner, dept, "方案", dt.date(2030, 7, 1)],
        ["绿化补植", "", dept, owner, "", "完工", "2030-07-31"],
    ])  # fmt: skip
    r = client.post("/api/tasks/import", files={"file": ("t.xlsx", good)}, headers=admin)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 2
    listed = client.get("/api/tasks", headers=login(client, town.road_chief)).json()
    assert {"道路提升", "绿化补植"} <= {t["title"] for t in listed}


def test_task_routes_declare_what_they_answer(client):
    """The schema says a task can be refused as already completed (409), that an oversized
    workbook is 413, and that a progress photo is a JPEG file, not JSON."""
    paths = client.get("/openapi.json").json()["paths"]
    for action in ("progress", "complete", "escalate"):
        assert "409" in paths[f"/api/tasks/{{task_id}}/{action}"]["post"]["responses"], action
    assert "413" in paths["/api/tasks/import"]["post"]["responses"]
    photo = paths["/api/tasks/{task_id}/photos/{progress_id}/{n}/{size}"]["get"]["responses"]
    assert list(photo["200"]["content"]) == ["image/jpeg"]
    xlsx = paths["/api/campaigns/{campaign_id}/report.xlsx"]["get"]["responses"]["200"]
    assert list(xlsx["content"]) == [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ]


def test_evidence_that_is_an_earlier_photo_again_is_flagged(client, db):
    """A completion photo that is the progress photo again, or a street ticket's photo, is marked
    (on the report and on the ledger) for the command centre to judge; a new one is not."""
    town = create_town(db)
    task = service.create(
        db, town.supervisor, title="路灯补装", description="", owner_id=town.road_chief.id,
        lead_department_id=None, cooperating_department_ids=[], zone_id=None,
        milestones=[service.MilestoneIn("安装", dt.date(2030, 6, 14))],
    )  # fmt: skip
    chief = login(client, town.road_chief)
    ticket = report(client, login(client, town.inspector), seed=21).json()

    def send(action: str, seed: int) -> dict:
        r = client.post(
            f"/api/tasks/{task.id}/{action}",
            data={"note": action},
            files=[("photo", ("p.jpg", jpeg_bytes(seed), "image/jpeg"))],
            headers={**chief, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert r.status_code in (200, 201), r.text
        return r.json()["progress"][-1]

    fresh = send("progress", 20)
    assert fresh["photos"][0]["reused_from"] == []
    from_ticket = send("progress", 21)
    assert from_ticket["photos"][0]["reused_from"] == [
        {"ticket_id": ticket["id"], "number": ticket["number"]}
    ]
    again = send("complete", 20)
    assert again["photos"][0]["reused_from"] == [{"progress_id": fresh["id"]}]
    event = db.exec(
        select(Event).where(Event.subject == f"task:{task.id}", Event.action == "task.complete")
    ).one()
    assert event.data["photo_reused"] == [[{"progress_id": fresh["id"]}]]


def test_a_retried_progress_report_is_answered_before_any_photo_work(app, db, monkeypatch):
    from app.auth.policy import Actor, jurisdiction_of
    from app.tasks import actions
    from tests.photos.conftest import upload

    town = create_town(db)
    task = service.create(
        db, town.supervisor, title="背街小巷整治", description="", owner_id=town.road_chief.id,
        lead_department_id=None, cooperating_department_ids=[], zone_id=None,
        milestones=[service.MilestoneIn("摸排", dt.date(2030, 6, 14))],
    )  # fmt: skip
    chief = Actor(town.road_chief, jurisdiction_of(db, town.road_chief))
    key = str(uuid.uuid4())
    first = actions.report_progress(db, chief, task, "已摸排", None, [upload(jpeg_bytes(5))], key)
    assert first.created and len(first.result.photos) == 1

    def decode_again(_files):
        raise AssertionError("a retry decoded and stored its photos again")

    monkeypatch.setattr(actions, "prepare_photos", decode_again)
    again = actions.report_progress(db, chief, task, "已摸排", None, [upload(jpeg_bytes(5))], key)
    assert not again.created and again.result.id == first.result.id
    other = [upload(jpeg_bytes(6))]  # another photo under the key: refused, before any work
    with pytest.raises(Invalid):
        actions.report_progress(db, chief, task, "已摸排", None, other, key)
