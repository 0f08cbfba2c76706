"""The demo's sample tickets agree with themselves whatever day `roadchief demo` runs.

A ticket received on 11-29 is numbered 2026-11-29-…; its photo was taken minutes before it was
received, and the watermark shows that time; its events follow one another and none lies in
the future; the overdue ones are overdue and the closed ones closed in (or out of) time.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, col, select

from app.demo.org import load_demo_org
from app.demo.tickets import SAMPLES, load_demo_tickets
from app.ledger.models import Event
from app.photos import imaging
from app.photos.models import Photo, PhotoKind
from app.tickets.models import Status, Ticket

SH = ZoneInfo("Asia/Shanghai")
DAYS = {
    "monday-morning": datetime(2026, 12, 7, 9, 30, tzinfo=SH),
    "holiday-just-after-midnight": datetime(2026, 10, 4, 0, 5, tzinfo=SH),
    "new-year-sunday-night": datetime(2027, 1, 3, 23, 50, tzinfo=SH),
}


@pytest.fixture
def demo_storage(storage_dir, monkeypatch):
    from app.core.config import get_settings

    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", f"file://{storage_dir}")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_every_sample_is_filed_once(db: Session, demo_storage) -> None:
    load_demo_org(db, "demo")
    assert load_demo_tickets(db) == len(SAMPLES)
    tickets = db.exec(select(Ticket)).all()
    assert sum(t.status == Status.pending for t in tickets) == 1
    assert load_demo_tickets(db) == 0


@pytest.mark.parametrize("day", DAYS)
def test_numbers_times_watermarks_and_events_agree(db: Session, demo_storage, monkeypatch, day):
    now = DAYS[day].astimezone(UTC)
    marked: list[list[str]] = []
    draw = imaging.watermark
    monkeypatch.setattr(
        imaging, "watermark", lambda img, lines: draw(img, marked.append(lines) or lines)
    )
    load_demo_org(db, "demo")
    load_demo_tickets(db, now)

    tickets = {t.idempotency_key: t for t in db.exec(select(Ticket))}
    assert len(tickets) == len(SAMPLES)
    for i, (_category, _road, fate, _note) in enumerate(SAMPLES):
        t = tickets[f"demo-sample-{i:04d}"]
        received = t.received_at
        assert t.number.startswith(received.astimezone(SH).strftime("%Y%m%d-")), (fate, t.number)
        assert t.captured_at is not None
        assert timedelta(0) < received - t.captured_at < timedelta(hours=1), fate
        assert received <= now

        events = db.exec(select(Event).where(Event.ticket_id == t.id).order_by(col(Event.id))).all()
        assert events[0].action == "report" and events[0].created_at == received, fate
        times = [e.created_at for e in events]
        assert times == sorted(times) and times[-1] <= now, fate

        photos = db.exec(select(Photo).where(Photo.ticket_id == t.id)).all()
        for photo in photos:
            assert photo.taken_at is not None and photo.taken_at <= now
            if photo.kind == PhotoKind.before:
                assert photo.taken_at == t.captured_at, fate
            else:
                rectified = [e.created_at for e in events if e.action == "rectify"]
                assert received < photo.taken_at <= rectified[0], fate
            shown = photo.taken_at.astimezone(SH).strftime("%Y-%m-%d %H:%M")
            assert any(t.number in " ".join(m) and shown in " ".join(m) for m in marked), fate

        if fate.startswith("overdue"):
            assert t.status == Status.assigned and t.due_at < now - timedelta(days=1), fate
        if fate == "overdue_escalated":
            assert t.escalation_level >= 1 and events[-1].action == "escalate"
            assert events[-1].created_at > t.due_at
        if fate in ("closed", "closed_late"):
            assert t.status == Status.closed and t.closed_at <= now
            assert t.closed_in_time is (fate == "closed"), fate
        if fate in ("assigned", "rectified", "handoff"):
            assert t.due_at > now, fate  # still within its time limit
    # One chain in time order: the ledger reads as a history, not a jumble.
    stamps = [e.created_at for e in db.exec(select(Event).order_by(col(Event.id)))]
    assert stamps == sorted(stamps)
