"""What citizens and the command centre do with citizen reports, each through app.core.actions.

A 随手拍 report (or an Open311 request, app.open311.actions) waits in triage; accepting it
files the ticket through the one filing path (app.tickets.filing) as the channel's system
account, with the time the citizen made the report as its receive time; merging makes it
follow an existing ticket; rejecting tells the reporter why.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import UploadFile
from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.citizens import abuse, boards, service
from app.citizens.models import (
    Board,
    Channel,
    CitizenPhoto,
    CitizenReport,
    IntakeStatus,
    Publication,
    Rating,
    Score,
)
from app.citizens.photos import blurred_copy, reprepare, store_citizen_photos
from app.core.actions import Done, Prior, run, short_write
from app.core.db import lock_ledger, release_reads
from app.core.errors import NotFound
from app.ledger import service as ledger
from app.org.models import User
from app.photos.models import PhotoKind
from app.photos.service import prepare_photos, store_photos
from app.tickets import filing
from app.tickets.models import Ticket


@dataclass(frozen=True)
class Limits:
    """The rate limits a report counts against: [(bucket, per window)], over ``window_s``."""

    buckets: list[tuple[str, int]]
    window_s: int


def _prior_report(session: Session, key: str) -> Prior[CitizenReport] | None:
    report = service.report_by_key(session, key)
    return None if report is None else Prior(None, report)


def file_report(
    session: Session,
    intake: service.Intake,
    photos: Sequence[UploadFile],
    limits: Limits,
    *,
    key: str | None = None,
    proof: str | None = None,
    photo_required: bool = True,
    media_url: str | None = None,
) -> Done[CitizenReport]:
    """Put a report in triage (待受理). Everything that can refuse it is read first (the proof
    of work, the category and place, the rate limits); the photos are stored with no
    transaction; one short write spends the proof, counts the report and records it.
    ``proof`` is the ALTCHA payload when the channel asks for one (随手拍)."""

    def read() -> str | None:
        spent = abuse.check_proof(session, proof) if intake.channel == Channel.citizen else None
        service.check_intake(session, intake)
        abuse.peek_rate(session, limits.buckets, limits.window_s)
        return spent

    def prepare(spent: str | None) -> tuple[str | None, list[CitizenPhoto]]:
        uploads = list(photos)
        stored = store_citizen_photos(prepare_photos(uploads)) if uploads or photo_required else []
        return spent, stored

    def write(s: Session, prepared: tuple[str | None, list[CitizenPhoto]]) -> CitizenReport:
        spent, stored = prepared
        if spent is not None:
            abuse.spend_proof(s, spent)
        abuse.check_rate(s, limits.buckets, limits.window_s)
        return service.file_report(s, intake, stored, key, media_url=media_url)

    return run(
        session,
        key=key,
        prior=_prior_report,
        read=read,
        prepare=prepare,
        lock=lock_ledger,  # two requests under one key: the second finds the first's report
        write=write,
    )


def _undecided(session: Session, report_id: int) -> CitizenReport:
    report = session.get(CitizenReport, report_id)
    if report is None:
        raise NotFound(f"citizen report {report_id} not found")
    service.check_undecided(report)
    return report


def _channel_user(session: Session, channel: Channel) -> User:
    """The channel's system account (made on first use, in a write of its own)."""
    username, _name = service.CHANNEL_USERS[channel]
    user = session.exec(select(User).where(User.username == username)).first()
    return user or short_write(session, lambda s: service.channel_user(s, channel)).result


def accept(session: Session, actor: Actor, report_id: int, note: str) -> Done[Ticket]:
    """受理: the report becomes a routed ticket (the deadline starts now; the ticket counts as
    received when the citizen made the report).

    As any report is filed: checked and routed once, its number held (a short write), the
    evidence copies made with no transaction open, then the ticket, its photos and the
    decision recorded together. The key is the report's, so a retry after a crash finds the
    number it held.
    """
    report = _undecided(session, report_id)
    photos = session.exec(
        select(CitizenPhoto)
        .where(CitizenPhoto.report_id == report.id)
        .order_by(col(CitizenPhoto.id))
    ).all()
    filer = filing.Filer(
        _channel_user(session, report.channel),
        filing.Source(report.channel),
        received_at=report.created_at,
    )
    data = filing.Report(
        category=report.category_code,
        lat=report.lat,
        lon=report.lon,
        accuracy_m=report.accuracy_m,
        description=report.description,
        captured_at=None,
    )
    planned = filing.plan(session, filer, data, f"citizen-{report.id}", [p.sha256 for p in photos])
    release_reads(session)
    # The citizen's originals are decoded again: the ticket's evidence copies are its own.
    prepared = reprepare([p.original_key for p in photos]) if photos else []

    def hold(s: Session) -> filing.Claim:
        service.lock_report(s, report_id)
        return filing.claim(s, planned)

    claim = short_write(session, hold).result
    stored = []
    if claim.ticket is None:
        stored = store_photos(prepared, PhotoKind.before, claim.caption())

    def record(s: Session) -> Ticket:
        locked = service.lock_report(s, report_id)
        service.decide(locked, actor, IntakeStatus.accepted)  # the decision, then the clock
        ticket, _created = filing.record(s, claim, stored)
        locked.ticket_id = ticket.id
        ledger.append(
            s,
            ticket_id=ticket.id,
            actor_id=actor.user.id,
            action="accept",
            from_status=ticket.status,
            to_status=ticket.status,
            note=note.strip(),
            data=service.decision_data(locked),
        )
        return ticket

    return short_write(session, record)


def merge(
    session: Session, actor: Actor, report_id: int, note: str, *, ticket_id: int | None = None,
    number: str | None = None,
) -> Done[Ticket]:  # fmt: skip
    """合并: the report follows an existing ticket (by its id or its number)."""

    def read() -> int:
        _undecided(session, report_id)
        if ticket_id is not None:
            return ticket_id
        found = session.exec(select(Ticket.id).where(Ticket.number == (number or "").strip()))
        target = found.first()
        if target is None:
            raise NotFound(f"ticket {number or '(none given)'} not found")
        return target

    def write(s: Session, target: int) -> Ticket:
        report = service.lock_report(s, report_id)
        return service.merge(s, actor, report, target, note.strip())

    return run(session, read=read, write=write)


def reject(session: Session, actor: Actor, report_id: int, reason: str) -> Done[CitizenReport]:
    """不予受理 with a reason the reporter reads on the tracking page."""

    def write(s: Session, _: None) -> CitizenReport:
        report = service.lock_report(s, report_id)
        service.reject(s, actor, report, reason)
        return report

    def read() -> None:
        _undecided(session, report_id)

    return run(session, read=read, write=write)


def rate(session: Session, report: CitizenReport, score: Score, reason: str) -> Done[Rating]:
    """满意 / 基本满意 / 不满意 on a closed ticket (the ticket locked: two at once are one)."""
    return run(session, write=lambda s, _: service.rate(s, report, score, reason))


def review(
    session: Session, actor: Actor, rating_id: int, *, reopen: bool, note: str
) -> Done[Rating]:
    """A supervisor upholds the closure or reopens the ticket for its assignee (返工)."""

    def read() -> None:
        if session.get(Rating, rating_id) is None:
            raise NotFound(f"rating {rating_id} not found")

    def write(s: Session, _: None) -> Rating:
        rating = s.get(Rating, rating_id, with_for_update=True, populate_existing=True)
        assert rating is not None  # ratings are never deleted
        return service.review(s, actor, rating, reopen, note)

    return run(session, read=read, write=write)


def reopen(session: Session, actor: Actor, rating_id: int, note: str) -> Done[Rating]:
    """Reopen a closed ticket its reporter was not satisfied with (返工, rework +1)."""
    return review(session, actor, rating_id, reopen=True, note=note)


@dataclass(frozen=True)
class Publishing:
    """What goes on a board: the ticket, a title and note, and the photos with their blur."""

    ticket_id: int
    board: Board
    title: str
    note: str
    unit_name: str | None
    photos: list[tuple[int, list[list[float]]]]


def publish(session: Session, actor: Actor, p: Publishing) -> Done[Publication]:
    """Publish a ticket on a board; the blurred copies are made before the short write."""

    def read() -> list[boards.Chosen]:
        ticket = session.get(Ticket, p.ticket_id)
        if ticket is None:
            raise NotFound(f"ticket {p.ticket_id} not found")
        boards.check_eligible(ticket, p.board)
        return boards.choose_photos(session, ticket, p.board, p.photos)

    def prepare(chosen: list[boards.Chosen]) -> list[dict[str, object]]:
        copies: list[dict[str, object]] = []
        for c in chosen:
            key, width, height = blurred_copy(c.photo.original_key, c.blur)
            copies.append(
                {"kind": c.photo.kind, "key": key, "width": width, "height": height,
                 "source_photo_id": c.photo.id, "blur": c.blur}
            )  # fmt: skip
        return copies

    def write(s: Session, copies: list[dict[str, object]]) -> Publication:
        ticket = s.get(Ticket, p.ticket_id, with_for_update=True, populate_existing=True)
        assert ticket is not None  # tickets are never deleted
        boards.check_eligible(ticket, p.board)  # it may have been reopened meanwhile
        return boards.publish(
            s,
            actor,
            ticket,
            p.board,
            p.title,
            p.note,
            p.unit_name,
            copies,  # type: ignore[arg-type]
        )

    return run(session, read=read, prepare=prepare, write=write)


def withdraw(session: Session, publication_id: int) -> Done[Publication]:
    """Take a case off the board at once."""

    def read() -> None:
        if session.get(Publication, publication_id) is None:
            raise NotFound(f"publication {publication_id} not found")

    def write(s: Session, _: None) -> Publication:
        p = s.get(Publication, publication_id, with_for_update=True, populate_existing=True)
        assert p is not None  # publications are never deleted
        boards.withdraw(s, p)
        return p

    return run(session, read=read, write=write)
