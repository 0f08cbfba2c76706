"""Citizen reports: file (随手拍 / Open311), triage (accept, merge, reject), follow, rate, review.

Accepting (app.citizens.actions.accept) files the ticket through the one filing path
(app.tickets.filing) as the channel's system account, so routing, deadlines (starting at
acceptance), the map, the bulletin and the ledger treat it like any other ticket; the
supervisor's decision is a ledger event of its own. A rejected report never becomes a ticket.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.citizens.models import (
    INTAKE_LABELS,
    SCORE_LABELS,
    Channel,
    CitizenPhoto,
    CitizenReport,
    IntakeStatus,
    Rating,
    ReviewStatus,
    Score,
)
from app.citizens.settings import get_citizen_settings
from app.citizens.tracking import make_token, new_nonce
from app.core.errors import Conflict, Invalid, NotFound
from app.core.geo import distance_m
from app.core.timeutil import utcnow
from app.deadlines.clock import BusinessClock
from app.deadlines.models import LimitUnit
from app.ledger import service as ledger
from app.org.models import Road, Role, User, Zone
from app.photos.models import Photo, PhotoKind
from app.tickets import filing
from app.tickets.models import OPEN_STATUSES, STATUS_LABELS, Category, Status, Ticket

# The system accounts that stand as reporter of accepted citizen and Open311 tickets.
CHANNEL_USERS = {
    Channel.citizen: ("_citizen", "市民随手拍"),
    Channel.open311: ("_open311", "Open311 接入"),
}
MERGE_RADIUS_M = 50.0
# The short list a citizen chooses from (the 小类 a passer-by can recognise), in this order.
CITIZEN_CODES = (
    "0201", "0102", "0104", "0505", "0506", "0502", "0504", "0109", "0406", "0110", "0108", "0405",
)  # fmt: skip


@dataclass(frozen=True)
class Intake:
    channel: Channel
    category: str
    lat: float
    lon: float
    accuracy_m: float | None
    description: str
    address: str = ""
    phone: str | None = None
    email: str | None = None
    contact_name: str | None = None
    client_id: int | None = None


def channel_user(session: Session, channel: Channel) -> User:
    """The channel's system account, made on first use; it cannot sign in (no password)."""
    username, name = CHANNEL_USERS[channel]
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        user = User(username=username, name=name, role=Role.inspector, is_active=False)
        session.add(user)
        session.flush()
    return user


def citizen_categories(session: Session) -> list[dict[str, Any]]:
    """The short list offered to citizens (CITIZEN_CODES that are active), in its order."""
    rows = {
        c.code: c
        for c in session.exec(
            select(Category).where(col(Category.code).in_(CITIZEN_CODES), col(Category.active))
        )
    }
    return [{"code": code, "name": rows[code].name} for code in CITIZEN_CODES if code in rows]


def town_center(session: Session) -> dict[str, Any]:
    """The centre of the zones' extent; null coordinates when no zone exists yet."""
    lons: list[float] = []
    lats: list[float] = []
    for geometry in session.exec(select(Zone.geometry)):
        rings = geometry["coordinates"]
        polygons = rings if geometry["type"] == "MultiPolygon" else [rings]
        for polygon in polygons:
            for lon, lat, *_ in polygon[0]:
                lons.append(lon)
                lats.append(lat)
    if not lons:
        return {"lat": None, "lon": None}
    return {"lat": (min(lats) + max(lats)) / 2, "lon": (min(lons) + max(lons)) / 2}


def report_by_key(session: Session, key: str) -> CitizenReport | None:
    return session.exec(select(CitizenReport).where(CitizenReport.idempotency_key == key)).first()


def check_intake(session: Session, data: Intake) -> None:
    """Refuse, before anything is stored, a report no one could act on (reads only)."""
    filing.check_category(session, data.category)
    filing.check_location(session, data.lat, data.lon)


def file_report(
    session: Session,
    data: Intake,
    photos: list[CitizenPhoto],
    key: str | None = None,
    media_url: str | None = None,
) -> CitizenReport:
    """Record a checked report in triage (in the write of app.citizens.actions.file_report);
    its photos are stored already."""
    now = utcnow()
    cfg = get_citizen_settings()
    report = CitizenReport(
        channel=data.channel,
        client_id=data.client_id,
        category_code=data.category,
        description=data.description.strip(),
        lat=data.lat,
        lon=data.lon,
        accuracy_m=data.accuracy_m,
        address=data.address.strip()[:200],
        media_url=(media_url or "").strip()[:500] or None,
        phone=(data.phone or "").strip()[:32] or None,
        email=(data.email or "").strip()[:200] or None,
        contact_name=(data.contact_name or "").strip()[:100] or None,
        tracking_nonce=new_nonce(),
        idempotency_key=key,
        created_at=now,
        triage_due_at=BusinessClock.for_session(session).compute_due(
            now, cfg.triage_work_hours, LimitUnit.work_hours
        ),
    )
    session.add(report)
    session.flush()
    for photo in photos:
        photo.report_id = report.id  # type: ignore[assignment]
        session.add(photo)
    session.flush()
    return report


def tracking_token(report: CitizenReport) -> str:
    return make_token(report.id, report.tracking_nonce)  # type: ignore[arg-type]


def report_by_token(session: Session, report_id: int, nonce: str) -> CitizenReport:
    report = session.get(CitizenReport, report_id)
    if report is None or report.tracking_nonce != nonce:
        raise NotFound("this tracking link is not valid")
    return report


def _triage_light(clock: BusinessClock, report: CitizenReport, now: datetime) -> str | None:
    if report.status != IntakeStatus.triage:
        return None
    return clock.warning_light(report.created_at, report.triage_due_at, now, LimitUnit.work_hours)


def triage_queue(session: Session, status: IntakeStatus | None, limit: int) -> dict[str, Any]:
    """The console's 待受理 queue (oldest first) or the decided ones (newest first)."""
    stmt = select(CitizenReport)
    if status is not None:
        stmt = stmt.where(CitizenReport.status == status)
    order = (
        col(CitizenReport.created_at)
        if status == IntakeStatus.triage
        else col(CitizenReport.created_at).desc()
    )
    reports = session.exec(stmt.order_by(order).limit(limit)).all()
    return {"data": present_staff(session, reports), "count": len(reports)}


def present_staff(session: Session, reports: Any) -> list[dict[str, Any]]:
    """Reports as staff see them: contact details, photos, light and merge suggestions."""
    ids = [r.id for r in reports]
    photos: dict[int, list[CitizenPhoto]] = {}
    if ids:
        for p in session.exec(
            select(CitizenPhoto)
            .where(col(CitizenPhoto.report_id).in_(ids))
            .order_by(col(CitizenPhoto.id))
        ):
            photos.setdefault(p.report_id, []).append(p)
    categories = {c.code: c.name for c in session.exec(select(Category))}
    clock = BusinessClock.for_session(session)
    now = utcnow()
    out = []
    for r in reports:
        ticket = session.get(Ticket, r.ticket_id) if r.ticket_id else None
        out.append(
            {
                "id": r.id,
                "channel": r.channel,
                "status": r.status,
                "status_label": INTAKE_LABELS[r.status],
                "category": {"code": r.category_code, "name": categories.get(r.category_code)},
                "description": r.description,
                "lat": r.lat,
                "lon": r.lon,
                "accuracy_m": r.accuracy_m,
                "address": r.address,
                "media_url": r.media_url,  # the picture a client system linked to (Open311)
                "phone": r.phone,
                "email": r.email,
                "contact_name": r.contact_name,
                "created_at": r.created_at.isoformat(),
                "triage_due_at": r.triage_due_at.isoformat(),
                "light": _triage_light(clock, r, now),
                "triaged_at": r.triaged_at.isoformat() if r.triaged_at else None,
                "reject_reason": r.reject_reason,
                "ticket": {"id": ticket.id, "number": ticket.number} if ticket else None,
                "photos": [
                    {
                        "id": p.id,
                        "url": f"/api/citizen/photos/{p.id}/display",
                        "thumb_url": f"/api/citizen/photos/{p.id}/thumb",
                    }
                    for p in photos.get(r.id, [])  # type: ignore[arg-type]
                ],
                "candidates": _merge_candidates(session, r)
                if r.status == IntakeStatus.triage
                else [],
            }
        )
    return out


def _merge_candidates(session: Session, report: CitizenReport) -> list[dict[str, Any]]:
    """Open tickets of the same category within 50 m: what the report may duplicate."""
    dlat = MERGE_RADIUS_M / 111_000
    dlon = dlat / max(0.1, math.cos(math.radians(report.lat)))
    rows = session.exec(
        select(Ticket)
        .where(
            Ticket.category_code == report.category_code,
            col(Ticket.status).in_([s.value for s in OPEN_STATUSES]),
            col(Ticket.lat).between(report.lat - dlat, report.lat + dlat),
            col(Ticket.lon).between(report.lon - dlon, report.lon + dlon),
        )
        .limit(20)
    ).all()
    found = [(distance_m(report.lat, report.lon, t.lat, t.lon), t) for t in rows]
    return [
        {"id": t.id, "number": t.number, "status": t.status, "distance_m": round(d, 1)}
        for d, t in sorted(found, key=lambda x: x[0])
        if d <= MERGE_RADIUS_M
    ]


def check_undecided(report: CitizenReport) -> None:
    if report.status != IntakeStatus.triage:
        raise Conflict(f"report {report.id} was already decided ({INTAKE_LABELS[report.status]})")


def lock_report(session: Session, report_id: int) -> CitizenReport:
    """The report read again in the write transaction, locked; still undecided (else 409)."""
    report = session.get(CitizenReport, report_id, with_for_update=True, populate_existing=True)
    if report is None:
        raise NotFound(f"citizen report {report_id} not found")
    check_undecided(report)
    return report


def _decide(report: CitizenReport, actor: Actor) -> None:
    check_undecided(report)
    report.triaged_at = utcnow()
    report.triaged_by_id = actor.user.id


def decide(report: CitizenReport, actor: Actor, status: IntakeStatus) -> None:
    """Accepted or merged (then the report follows a ticket), or rejected."""
    _decide(report, actor)
    report.status = status


def decision_data(report: CitizenReport) -> dict[str, Any]:
    """The ledger's record of a report joining a ticket; a client's ``media_url`` goes with it,
    so the ticket shows the picture the client linked to."""
    data: dict[str, Any] = {"citizen_report_id": report.id, "channel": report.channel}
    if report.media_url:
        data["media_url"] = report.media_url
    return data


def merge(
    session: Session, actor: Actor, report: CitizenReport, ticket_id: int, note: str
) -> Ticket:
    """合并: the report follows an existing ticket (write txn, the report locked)."""
    ticket = session.get(Ticket, ticket_id, with_for_update=True, populate_existing=True)
    if ticket is None:
        raise NotFound(f"ticket {ticket_id} not found")
    if ticket.status == Status.dismissed:
        raise Invalid(f"ticket {ticket.number} is dismissed; merge into its original instead")
    decide(report, actor, IntakeStatus.merged)
    report.ticket_id = ticket.id
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="merge_report",
        from_status=ticket.status,
        to_status=ticket.status,
        note=note,
        data=decision_data(report),
    )
    return ticket


def reject(session: Session, actor: Actor, report: CitizenReport, reason: str) -> None:
    """不予受理: the reporter reads the reason on the tracking page."""
    if not reason.strip():
        raise Invalid("give the reason the reporter will read")
    _decide(report, actor)
    report.status = IntakeStatus.rejected
    report.reject_reason = reason.strip()[:500]


def _stage(report: CitizenReport, ticket: Ticket | None) -> str:
    """What the reporter is told: 待受理 → 处理中 → 已办结 (or 不予受理)."""
    if report.status == IntakeStatus.triage:
        return "triage"
    if report.status == IntakeStatus.rejected:
        return "rejected"
    assert ticket is not None
    if ticket.status == Status.closed:
        return "closed"
    if ticket.status == Status.dismissed:
        return "dismissed"
    return "in_progress"


def tracking_view(session: Session, report: CitizenReport, token: str) -> dict[str, Any]:
    """The reporter's page: no staff names, no contact details, nothing about other reporters."""
    ticket = session.get(Ticket, report.ticket_id) if report.ticket_id else None
    category = session.get(Category, report.category_code)
    road = session.get(Road, ticket.road_id) if ticket and ticket.road_id else None
    zone = session.get(Zone, ticket.zone_id) if ticket and ticket.zone_id else None
    own = session.exec(
        select(CitizenPhoto.id)
        .where(CitizenPhoto.report_id == report.id)
        .order_by(col(CitizenPhoto.id))
    ).all()
    after: list[int | None] = []
    if ticket is not None and ticket.status in (Status.rectified, Status.closed):
        after = list(
            session.exec(
                select(col(Photo.id))
                .where(Photo.ticket_id == ticket.id, Photo.kind == PhotoKind.after)
                .order_by(col(Photo.id))
            ).all()
        )
    rating = None
    if ticket is not None and ticket.closed_at is not None:
        rating = session.exec(
            select(Rating).where(
                Rating.report_id == report.id, Rating.closed_at == ticket.closed_at
            )
        ).first()
    base = f"/api/citizen/track/{token}/photos"
    stage = _stage(report, ticket)
    return {
        "stage": stage,
        "received_at": report.created_at.isoformat(),
        "category": category.name if category else report.category_code,
        "description": report.description,
        "reject_reason": report.reject_reason if report.status == IntakeStatus.rejected else "",
        "merged": report.status == IntakeStatus.merged,
        "ticket": None
        if ticket is None
        else {
            "number": ticket.number,
            "status": ticket.status,
            "status_label": STATUS_LABELS[ticket.status],
            "road": road.name if road else (zone.name if zone else ""),
            "due_at": ticket.due_at.isoformat() if ticket.due_at else None,
            "rectified_at": ticket.rectified_at.isoformat() if ticket.rectified_at else None,
            "closed_at": ticket.closed_at.isoformat() if ticket.closed_at else None,
        },
        "photos": [f"{base}/mine/{pid}" for pid in own],
        "after_photos": [f"{base}/after/{pid}" for pid in after],
        "can_rate": stage == "closed" and rating is None,
        "rating": None
        if rating is None
        else {"score": rating.score, "label": SCORE_LABELS[rating.score], "reason": rating.reason},
    }


def rate(session: Session, report: CitizenReport, score: Score, reason: str) -> Rating:
    """满意 / 基本满意 / 不满意 on a closed ticket; 不满意 goes to a supervisor for review.

    In the write transaction: the ticket is locked, so two ratings sent at once are one.
    """
    ticket = (
        session.get(Ticket, report.ticket_id, with_for_update=True, populate_existing=True)
        if report.ticket_id
        else None
    )
    if ticket is None or ticket.status != Status.closed or ticket.closed_at is None:
        raise Conflict("you can rate once the problem is closed (已办结)")
    if score == Score.unsatisfied and not reason.strip():
        raise Invalid("tell us what is still wrong (不满意的原因)")
    already = session.exec(
        select(Rating).where(Rating.report_id == report.id, Rating.closed_at == ticket.closed_at)
    ).first()
    if already is not None:
        raise Conflict("you have already rated this result")
    rating = Rating(
        report_id=report.id,  # type: ignore[arg-type]
        ticket_id=ticket.id,  # type: ignore[arg-type]
        closed_at=ticket.closed_at,
        score=score,
        reason=reason.strip()[:500],
        review=ReviewStatus.open if score == Score.unsatisfied else None,
    )
    session.add(rating)
    session.flush()
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=None,
        action="citizen_rating",
        from_status=ticket.status,
        to_status=ticket.status,
        note=rating.reason,
        data={"rating_id": rating.id, "score": score, "review": rating.review},
    )
    return rating


def review_queue(session: Session) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Rating, Ticket)
        .join(Ticket, col(Ticket.id) == Rating.ticket_id)
        .where(Rating.review == ReviewStatus.open)
        .order_by(col(Rating.created_at))
    ).all()
    return [
        {
            "id": r.id,
            "score": r.score,
            "label": SCORE_LABELS[r.score],
            "reason": r.reason,
            "created_at": r.created_at.isoformat(),
            "ticket": {"id": t.id, "number": t.number, "status": t.status},
        }
        for r, t in rows
    ]


def review(session: Session, actor: Actor, rating: Rating, reopen: bool, note: str) -> Rating:
    """A supervisor upholds the closure or reopens the ticket for its assignee (返工)."""
    if rating.review != ReviewStatus.open:
        raise Conflict("this rating was already reviewed")
    if not note.strip():
        raise Invalid("say why (the note goes on the ledger)")
    ticket = session.get(Ticket, rating.ticket_id, with_for_update=True, populate_existing=True)
    assert ticket is not None
    now = utcnow()
    rating.review = ReviewStatus.reopened if reopen else ReviewStatus.upheld
    rating.reviewed_by_id = actor.user.id
    rating.reviewed_at = now
    rating.review_note = note.strip()[:500]
    if reopen:
        if ticket.status != Status.closed:
            raise Conflict(f"ticket {ticket.number} is {ticket.status}, not closed")
        category = session.get(Category, ticket.category_code)
        assert category is not None
        ticket.status = Status.assigned
        ticket.rework_count += 1
        ticket.closed_at = None
        ticket.closed_in_time = None
        ticket.rectified_at = None
        ticket.rectified_by_id = None
        # The assignee gets a fresh time limit from now, as after a rejected rectification.
        ticket.assigned_at = now
        ticket.due_at, ticket.warn_at = BusinessClock.for_session(session).deadline(
            now, category.limit_value, category.limit_unit
        )
        ticket.updated_at = now
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="reopen" if reopen else "uphold",
        from_status=Status.closed,
        to_status=ticket.status,
        note=rating.review_note,
        data={"rating_id": rating.id, "rework_count": ticket.rework_count},
    )
    return rating


def erase_expired_contacts(session: Session, now: datetime | None = None) -> int:
    """Erase phone, e-mail and name of reports older than the retention period."""
    cfg = get_citizen_settings()
    cutoff = (now or utcnow()) - timedelta(days=cfg.contact_retention_days)
    rows = session.exec(
        select(CitizenReport).where(
            col(CitizenReport.created_at) < cutoff,
            col(CitizenReport.contact_erased_at).is_(None),
        )
    ).all()
    stamp = now or utcnow()
    for r in rows:
        r.phone = r.email = r.contact_name = None
        r.contact_erased_at = stamp
    session.flush()
    return len(rows)
