"""The demo's sample tickets load (the unrouted one lies near enough the town to be filed)."""

from sqlmodel import Session, select

from app.demo.org import load_demo_org
from app.demo.tickets import SAMPLES, load_demo_tickets
from app.tickets.models import Status, Ticket


def test_every_sample_is_filed(db: Session, storage_dir, monkeypatch) -> None:
    from app.core.config import get_settings

    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", f"file://{storage_dir}")
    get_settings.cache_clear()
    load_demo_org(db, "demo")
    assert load_demo_tickets(db) == len(SAMPLES)
    tickets = db.exec(select(Ticket)).all()
    assert sum(t.status == Status.pending for t in tickets) == 1
    assert load_demo_tickets(db) == 0
    get_settings.cache_clear()
