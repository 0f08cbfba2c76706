"""Reference data: categories with their limits, departments, and the holiday calendar."""

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, select

from app.deadlines.models import CalendarDay, LimitUnit
from app.org.models import Department
from app.seed import seed_reference_data
from app.tickets.models import Category


def count(db: Session, model: type) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def test_national_standard_classes_and_subclasses(db: Session) -> None:
    categories = {c.code: c for c in db.exec(select(Category))}
    classes = {c.code: c.name for c in categories.values() if c.parent_code is None}
    assert classes == {
        "01": "市容环境",
        "02": "宣传广告",
        "03": "施工管理",
        "04": "突发事件",
        "05": "街面秩序",
    }
    for code, name in [
        ("0101", "私搭乱建"),
        ("0102", "暴露垃圾"),
        ("0201", "非法小广告"),
        ("0504", "店外经营"),
        ("0505", "机动车乱停放"),
    ]:
        assert categories[code].name == name
    subclasses = [c for c in categories.values() if c.parent_code is not None]
    assert len(subclasses) >= 30
    for c in subclasses:
        assert len(c.code) == 4 and c.parent_code == c.code[:2]
        assert c.department_id is not None and c.limit_value > 0 and c.evaluation_item
    # Urgent things (突发事件) run on natural hours; nothing else does.
    assert {c.code[:2] for c in subclasses if c.limit_unit == LimitUnit.hours} == {"04"}
    assert "牛皮癣" in categories["0201"].keywords
    assert categories["0505"].keywords.startswith("jdcltf")


def test_lead_departments_are_the_ones_a_town_would_call(db: Session) -> None:
    departments = {d.id: d.code for d in db.exec(select(Department))}
    lead = {
        c.code: departments[c.department_id] for c in db.exec(select(Category)) if c.department_id
    }
    assert lead["0505"] == "jiaojing"
    assert lead["0101"] == "zhifa"
    assert lead["0102"] == "huanwei"
    assert lead["0108"] == "tongxin"


def test_calendar_has_holidays_and_makeup_workdays(db: Session) -> None:
    national_day = db.get(CalendarDay, dt.date(2025, 10, 1))
    makeup = db.get(CalendarDay, dt.date(2025, 10, 11))
    assert (national_day.is_workday, national_day.name) == (False, "国庆节")
    assert (makeup.is_workday, makeup.name) == (True, "国庆节调休")
    assert db.get(CalendarDay, dt.date(2024, 2, 10)).name == "春节"


def test_seeding_again_adds_nothing_and_keeps_admin_edits(db: Session) -> None:
    parking = db.get(Category, "0505")
    parking.limit_value = 1
    db.add(parking)
    db.add(CalendarDay(day=dt.date(2030, 5, 20), is_workday=False, name="镇庆"))
    db.flush()
    before = [count(db, m) for m in (Category, Department, CalendarDay)]
    seed_reference_data(db)
    assert [count(db, m) for m in (Category, Department, CalendarDay)] == before
    db.expire_all()
    assert db.get(Category, "0505").limit_value == 1
    assert db.get(CalendarDay, dt.date(2030, 5, 20)).name == "镇庆"
