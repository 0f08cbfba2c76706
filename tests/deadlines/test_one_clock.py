"""Deadlines from one clock: the map lights a ticket yellow at the moment its page does.

The map counts and colours tickets in SQL; the ticket page asks the business clock. Before
tickets kept warn_at, the map took 80 % of the natural-time span, so a ticket given 4 working
hours on a Friday afternoon was still green on the map on Monday morning while its page (and
the chief's inbox) said yellow.
"""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from app.console.summary import T, light_case
from app.deadlines.clock import BusinessClock
from app.tickets.models import Category, Status, Ticket
from app.tickets.presenter import light
from tests.factories import LAT0, LON0, create_town, login, report

SH = ZoneInfo("Asia/Shanghai")


def _map_light(db: Session, ticket: Ticket, now: dt.datetime) -> str | None:
    return db.connection().execute(select(light_case(now)).where(T.id == ticket.id)).scalar_one()


def test_a_reported_ticket_keeps_the_moment_its_light_turns_yellow(client, db):
    town = create_town(db)
    made = report(client, login(client, town.inspector), category="0201").json()
    ticket = db.get(Ticket, made["id"])
    db.refresh(ticket)
    clock = BusinessClock.for_session(db)
    category = db.get(Category, "0201")
    assert ticket.warn_at == clock.warn_at(ticket.assigned_at, ticket.due_at, category.limit_unit)


def test_the_map_and_the_ticket_page_show_the_same_light_all_through_its_time(db):
    town = create_town(db)
    clock = BusinessClock.for_session(db)
    category = db.get(Category, "0201")  # 4 working hours
    friday = dt.datetime(2026, 12, 4, 16, 0, tzinfo=SH).astimezone(dt.UTC)
    due, warn = clock.deadline(friday, category.limit_value, category.limit_unit)
    ticket = Ticket(
        number=uuid.uuid4().hex[:12], category_code="0201", lat=LAT0, lon=LON0,
        reporter_id=town.inspector.id, idempotency_key=uuid.uuid4().hex, request_fingerprint="x",
        status=Status.assigned, assignee_id=town.road_chief.id, assigned_at=friday,
        due_at=due, warn_at=warn,
    )  # fmt: skip
    db.add(ticket)
    db.flush()
    now, seen = friday, set()
    while now < due + dt.timedelta(hours=2):
        page = light(clock, ticket, category, now)
        assert _map_light(db, ticket, now) == page, now.astimezone(SH)
        seen.add(page)
        now += dt.timedelta(minutes=20)
    assert seen == {"green", "yellow", "red"}


def test_tickets_and_tasks_escalate_by_one_rule():
    """One level when the deadline passes, one more per further limit overrun (≥ 1 hour)."""
    from app.deadlines.clock import escalation_level

    start = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)
    due = start + dt.timedelta(hours=4)
    assert [
        escalation_level(start, due, due + dt.timedelta(hours=h)) for h in (-1, 0, 0.01, 3.9, 4, 8)
    ] == [0, 0, 1, 1, 2, 3]
    short = start + dt.timedelta(minutes=10)  # a limit shorter than an hour counts as one
    assert escalation_level(start, short, short + dt.timedelta(minutes=59)) == 1
