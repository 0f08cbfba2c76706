"""Triage at the action level: accepting files through the one filing path; merge and reject."""

from typing import Any

import pytest
from sqlmodel import Session, col, select

from app.auth.policy import Actor, jurisdiction_of
from app.citizens import actions
from app.citizens.models import Channel, CitizenReport, IntakeStatus
from app.citizens.service import Intake
from app.core.errors import Conflict, Invalid
from app.ledger.models import Event
from app.org.models import User
from app.photos.models import Photo, PhotoKind
from app.tickets.filing import Source
from tests.factories import LAT0, LON0, Town, create_town, jpeg_bytes
from tests.photos.conftest import upload

pytestmark = pytest.mark.usefixtures("env")
LINK = "https://hotline.example/m/9.jpg"


@pytest.fixture
def town(db: Session) -> Town:
    return create_town(db)


def posted(db: Session, seed: int = 1, media_url: str | None = LINK) -> CitizenReport:
    """A client system's request, waiting in triage (no proof of work on that channel)."""
    intake = Intake(Channel.open311, "0201", LAT0 + 0.0001, LON0 - 0.002, None, "小广告")
    done = actions.file_report(
        db, intake, [upload(jpeg_bytes(seed))], actions.Limits([], 60),
        photo_required=False, media_url=media_url,
    )  # fmt: skip
    return done.result


def supervisor(db: Session, town: Town) -> Actor:
    return Actor(town.supervisor, jurisdiction_of(db, town.supervisor))


def ledger(db: Session, ticket_id: Any) -> list[Event]:
    return list(db.exec(select(Event).where(Event.ticket_id == ticket_id).order_by(col(Event.id))))


def test_accepting_files_the_ticket_as_made_when_the_report_was(db: Session, town: Town) -> None:
    report = posted(db)
    ticket = actions.accept(db, supervisor(db, town), report.id, "受理").result  # type: ignore[arg-type]
    db.refresh(report)
    assert report.status == IntakeStatus.accepted and report.ticket_id == ticket.id
    # Received when the citizen made it; the assignee's clock starts at acceptance.
    assert ticket.received_at == report.created_at
    assert report.triaged_at is not None and ticket.assigned_at is not None
    assert ticket.assigned_at >= report.triaged_at
    assert (ticket.road_id, ticket.assignee_id) == (town.east_west.id, town.road_chief.id)
    reporter = db.get(User, ticket.reporter_id)
    assert reporter is not None and reporter.username == "_open311" and not reporter.is_active
    events = ledger(db, ticket.id)
    assert [e.action for e in events] == ["report", "accept"]
    assert events[0].data["source"] == Source.open311
    assert events[1].data["media_url"] == LINK  # the client's picture link goes with the ticket
    photos = db.exec(select(Photo).where(Photo.ticket_id == ticket.id)).all()
    assert [p.kind for p in photos] == [PhotoKind.before]
    with pytest.raises(Conflict):  # decided already
        actions.accept(db, supervisor(db, town), report.id, "")  # type: ignore[arg-type]


def test_merge_follows_a_ticket_and_reject_needs_a_reason(db: Session, town: Town) -> None:
    sup = supervisor(db, town)
    original = actions.accept(db, sup, posted(db, seed=1).id, "").result  # type: ignore[arg-type]
    second, third = posted(db, seed=2), posted(db, seed=3, media_url=None)
    merged = actions.merge(db, sup, second.id, "同一处", number=original.number).result  # type: ignore[arg-type]
    db.refresh(second)
    assert merged.id == original.id and second.status == IntakeStatus.merged
    assert ledger(db, original.id)[-1].data["media_url"] == LINK
    with pytest.raises(Invalid, match="reason"):
        actions.reject(db, sup, third.id, " ")  # type: ignore[arg-type]
    rejected = actions.reject(db, sup, third.id, "不属于城市管理范围").result  # type: ignore[arg-type]
    assert rejected.status == IntakeStatus.rejected
    with pytest.raises(Conflict):
        actions.merge(db, sup, third.id, "", ticket_id=original.id)  # type: ignore[arg-type]
