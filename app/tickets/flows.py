"""The ticket loop: report → (routed) → rectify → verify → closed, and the side roads.

Each flow changes a ticket and appends exactly one ledger event per transition, in the
caller's transaction, which is a short write transaction (app/core/db.py): photos arrive
already stored (`app.photos.service.store_photos`), so a flow only adds rows. Flows given
`PreparedPhoto`s store them first, in the caller's transaction — for the CLI, the demo and
tests, never for a request. A request files a report through `file_report`.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from app.auth.policy import Actor
from app.core.config import get_settings
from app.core.db import lock_ledger, write_transaction
from app.core.errors import Conflict, Invalid, NotFound
from app.core.timeutil import utcnow
from app.deadlines.clock import BusinessClock, escalation_level, overdue_clause
from app.ledger import service as ledger
from app.ledger.models import Event
from app.org.models import Department, Grid, Road, Role, User, Zone
from app.photos.models import Photo, PhotoKind
from app.photos.service import (
    Caption,
    PreparedPhoto,
    StoredPhoto,
    distance_m,
    record_photos,
    store_photos,
)
from app.routing.service import road_index, route_point
from app.tickets.models import OPEN_STATUSES, Category, ReportClaim, Status, Ticket

Photos = Sequence[PreparedPhoto] | Sequence[StoredPhoto]

REWORK_CRITICISM = 2  # 通报批评
REWORK_SUMMONS = 3  # 约谈
# A phone's clock may run a little fast; a capture time beyond this is a wrong clock, and would
# make every genuine after-photo look older than the report.
CLOCK_SKEW = timedelta(hours=1)


@dataclass(frozen=True)
class Report:
    category: str
    lat: float
    lon: float
    accuracy_m: float | None
    description: str
    captured_at: datetime | None

    def __post_init__(self) -> None:
        if self.captured_at is not None and self.captured_at > utcnow() + CLOCK_SKEW:
            raise Invalid("captured_at is in the future; check the phone's clock")

    def fingerprint(self, reporter_id: int, photos: Photos | Sequence[str]) -> str:
        """What makes a retry 'the same request': every field and every photo's bytes.

        ``photos`` are the photos or their SHA-256 digests as received.
        """
        body = {
            "category": self.category,
            "lat": round(self.lat, 7),
            "lon": round(self.lon, 7),
            "accuracy_m": self.accuracy_m,
            "description": self.description,
            "captured_at": self.captured_at.isoformat() if self.captured_at else None,
            "photos": [p if isinstance(p, str) else p.sha256 for p in photos],
            "reporter": reporter_id,
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def find_by_key(session: Session, key: str) -> Ticket | None:
    return session.exec(select(Ticket).where(Ticket.idempotency_key == key)).first()


def check_report_replay(ticket: Ticket, reporter: User, data: Report, digests: list[str]) -> None:
    """A report sent again under its key must be the same report by the same reporter (422)."""
    fingerprint = data.fingerprint(reporter.id, digests)  # type: ignore[arg-type]
    if ticket.request_fingerprint != fingerprint or ticket.reporter_id != reporter.id:
        raise Invalid("Idempotency-Key was already used for a different report")


def action_fingerprint(action: str, actor: User, **fields: object) -> str:
    """What makes a retried action 'the same request': who, which action, every field."""
    body = {"action": action, "actor": actor.id, **fields}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def prior_action(session: Session, key: str | None, ticket: Ticket, actor: User) -> Event | None:
    """The event an earlier request under this Idempotency-Key recorded (a phone's retry)."""
    if not key:
        return None
    event = session.exec(select(Event).where(Event.idempotency_key == key)).first()
    if event is None:
        return None
    if event.ticket_id != ticket.id:
        raise Invalid("this Idempotency-Key was already used for another ticket")
    if event.actor_id != actor.id:
        raise Invalid("this Idempotency-Key was already used by another user")
    return event


def check_replay(prior: Event, fingerprint: str | None) -> None:
    """A replay must repeat the request it replays; another body under the key is refused."""
    recorded = prior.data.get("request_fingerprint")
    if recorded is not None and fingerprint is not None and recorded != fingerprint:
        raise Invalid("this Idempotency-Key was already used for a different request")


def _store(photos: Photos, kind: PhotoKind, caption: Caption) -> list[StoredPhoto]:
    """Photos already stored by the request pass through; prepared ones are stored now."""
    prepared = [p for p in photos if isinstance(p, PreparedPhoto)]
    if prepared:
        return store_photos(prepared, kind, caption)
    return [p for p in photos if isinstance(p, StoredPhoto)]


def _attach(
    session: Session, ticket: Ticket, photos: Photos, kind: PhotoKind, actor: User
) -> list[Photo]:
    caption = Caption.of(ticket, session, actor)
    return record_photos(session, ticket, _store(photos, kind, caption), kind, actor)


def _next_number(session: Session, now: datetime) -> str:
    """The day's next number, after every ticket and every number claimed by a report."""
    day = now.astimezone(ZoneInfo(get_settings().timezone)).strftime("%Y%m%d")
    last = [
        session.exec(select(func.max(column)).where(col(column).like(f"{day}-%"))).one()
        for column in (Ticket.number, ReportClaim.number)
    ]
    seq = max((int(n.split("-")[1]) for n in last if n), default=0) + 1
    return f"{day}-{seq:04d}"


def _start_clock(session: Session, ticket: Ticket, now: datetime) -> None:
    category = session.get(Category, ticket.category_code)
    assert category is not None
    ticket.assigned_at = now
    ticket.due_at, ticket.warn_at = BusinessClock.for_session(session).deadline(
        now, category.limit_value, category.limit_unit
    )


def _department_desk(session: Session, department_id: int) -> User | None:
    """The staff account that receives a department's tickets (its first active staff user)."""
    return session.exec(
        select(User)
        .where(
            User.department_id == department_id, User.role == Role.department, col(User.is_active)
        )
        .order_by(col(User.id))
    ).first()


@dataclass(frozen=True)
class Receiver:
    """Who a report goes to instead of the location's chief: a 测评 site's responsible unit."""

    assignee_id: int
    department_id: int | None = None


def unit_receiver(
    session: Session, department_id: int | None, chief_id: int | None
) -> Receiver | None:
    """A unit's receiver: its department's desk (the queue its staff share), else its chief
    if active; None when the unit has nobody to receive a ticket."""
    if department_id is not None:
        desk = _department_desk(session, department_id)
        return Receiver(desk.id, department_id) if desk and desk.id else None  # type: ignore[arg-type]
    if chief_id is not None:
        chief = session.get(User, chief_id)
        if chief is not None and chief.is_active and chief.role == Role.chief:
            return Receiver(chief_id)
    return None


def _with_fingerprint(data: dict[str, object], fingerprint: str | None) -> dict[str, object]:
    return {**data, "request_fingerprint": fingerprint} if fingerprint else data


def _touch(ticket: Ticket, now: datetime) -> None:
    ticket.updated_at = now


def check_category(session: Session, code: str) -> Category:
    category = session.get(Category, code)
    if category is None or not category.active or category.parent_code is None:
        raise Invalid(f"unknown category '{code}'")
    return category


def check_location(session: Session, lat: float, lon: float) -> None:
    """Refuse a point far outside every zone: no one there could act on it."""
    limit = get_settings().report_max_outside_m
    outside = road_index(session).distance_outside_m(lat, lon)
    if outside is not None and outside > limit:
        raise Invalid(
            f"位置在辖区外约 {outside / 1000:.1f} 公里，"
            f"超出受理范围（辖区外 {limit / 1000:g} 公里内）；"
            "请检查定位，或在地图上把定位点移到问题所在处",
            outside_m=round(outside),
            limit_m=limit,
        )


@dataclass(frozen=True)
class Claim:
    """The number a report holds; `ticket` when it was already filed under its key."""

    number: str
    received_at: datetime
    ticket: Ticket | None = None

    def caption(self, session: Session, data: Report, reporter: User) -> Caption:
        """The watermark's words; the road is the one routing will choose (a read, no lock)."""
        s = get_settings()
        route = route_point(session, data.lat, data.lon, s.routing_radius_m, s.routing_tie_margin_m)
        road = session.get(Road, route.road_id) if route.road_id else None
        return Caption(self.number, data.lat, data.lon, self.received_at,
                       road.name if road else None, reporter.name)  # fmt: skip


def claim_report(session: Session, reporter: User, data: Report, photos: Photos, key: str) -> Claim:
    """Hold a number for this report, or find the ticket its key already filed (write txn)."""
    fingerprint = data.fingerprint(reporter.id, photos)  # type: ignore[arg-type]
    # The ledger lock serialises reporters, so two requests with one key cannot both pass here;
    # the unique indexes on the keys are the database's own guard behind it.
    lock_ledger(session)
    existing = find_by_key(session, key)
    held = existing or session.get(ReportClaim, key)
    if held is not None:
        if held.request_fingerprint != fingerprint or held.reporter_id != reporter.id:
            raise Invalid("Idempotency-Key was already used for a different report")
        return Claim(held.number, held.received_at, existing)
    now = utcnow()
    claim = ReportClaim(
        idempotency_key=key,
        number=_next_number(session, now),
        reporter_id=reporter.id,  # type: ignore[arg-type]
        request_fingerprint=fingerprint,
        received_at=now,
    )
    session.add(claim)
    session.flush()
    return Claim(claim.number, claim.received_at)


def record_report(
    session: Session,
    reporter: User,
    data: Report,
    photos: Sequence[StoredPhoto],
    key: str,
    claim: Claim,
    receiver: Receiver | None = None,
    flags: dict[str, Any] | None = None,
) -> tuple[Ticket, bool]:
    """File and route the claimed report with its stored photos (write txn, milliseconds).

    ``receiver``: the unit that answers for the place (a 测评 site's), instead of the
    location's chief; road, zone and grid still come from the location.
    """
    settings = get_settings()
    category = check_category(session, data.category)
    lock_ledger(session)
    existing = find_by_key(session, key)
    if existing is not None:  # the same report, sent twice at once: the other one filed it
        return existing, False
    now = utcnow()
    route = route_point(
        session, data.lat, data.lon, settings.routing_radius_m, settings.routing_tie_margin_m
    )
    road = session.get(Road, route.road_id) if route.road_id else None
    zone = session.get(Zone, route.zone_id) if route.zone_id else None
    grid = session.get(Grid, route.grid_id) if route.grid_id else None
    # Road chief, else (on no road) the grid's 网格长, else the zone's chief.
    grid_chief_id = grid.chief_id if grid and road is None else None
    assignee_id = (
        (road.chief_id if road else None) or grid_chief_id or (zone.chief_id if zone else None)
    )
    if receiver is not None:
        assignee_id = receiver.assignee_id
    ticket = Ticket(
        number=claim.number,
        category_code=category.code,
        description=data.description,
        lat=data.lat,
        lon=data.lon,
        accuracy_m=data.accuracy_m,
        area_id=zone.area_id if zone else None,
        zone_id=zone.id if zone else None,
        road_id=road.id if road else None,
        grid_id=grid.id if grid else None,
        route_candidates=[
            {"road_id": c.road_id, "distance_m": c.distance_m} for c in route.candidates
        ]
        + [{"grid_id": c.grid_id, "distance_m": c.distance_m} for c in route.grid_candidates],
        assignee_id=assignee_id,
        department_id=receiver.department_id if receiver else None,
        lead_department_id=category.department_id,
        flags=dict(flags or {}),
        status=Status.assigned if assignee_id else Status.pending,
        reporter_id=reporter.id,  # type: ignore[arg-type]
        captured_at=data.captured_at,
        received_at=claim.received_at,
        updated_at=now,
        idempotency_key=key,
        request_fingerprint=data.fingerprint(reporter.id, photos),  # type: ignore[arg-type]
    )
    if assignee_id:
        _start_clock(session, ticket, now)
    held = session.get(ReportClaim, key)
    if held is not None:
        session.delete(held)
    session.add(ticket)
    session.flush()
    stored = record_photos(session, ticket, photos, PhotoKind.before, reporter)
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=reporter.id,
        action="report",
        from_status=None,
        to_status=ticket.status,
        note=data.description,
        data={
            "photos": [p.id for p in stored],
            "road_id": ticket.road_id,
            "zone_id": ticket.zone_id,
            "grid_id": ticket.grid_id,
            "assignee_id": ticket.assignee_id,
            "candidates": ticket.route_candidates,
            **({"department_id": ticket.department_id} if ticket.department_id else {}),
            **({"flags": ticket.flags} if ticket.flags else {}),
        },
    )
    return ticket, True


def file_report(
    session: Session, reporter: User, data: Report, photos: list[PreparedPhoto], key: str
) -> tuple[Ticket, bool]:
    """File a report from a request: claim (short), store the copies (no lock), record (short).

    Returns (ticket, created); a replayed key returns the first ticket and stores nothing.
    """
    check_location(session, data.lat, data.lon)
    with write_transaction(session):
        claim = claim_report(session, reporter, data, photos, key)
    if claim.ticket is not None:
        return claim.ticket, False
    stored = store_photos(photos, PhotoKind.before, claim.caption(session, data, reporter))
    with write_transaction(session):
        return record_report(session, reporter, data, stored, key, claim)


def report(
    session: Session, reporter: User, data: Report, photos: Photos, key: str
) -> tuple[Ticket, bool]:
    """File a ticket and route it in the caller's transaction (CLI, demo, tests)."""
    check_category(session, data.category)
    check_location(session, data.lat, data.lon)
    claim = claim_report(session, reporter, data, photos, key)
    if claim.ticket is not None:
        return claim.ticket, False
    stored = _store(photos, PhotoKind.before, claim.caption(session, data, reporter))
    return record_report(session, reporter, data, stored, key, claim)


def rectify(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    note: str,
    photos: Photos,
    key: str | None,
    fingerprint: str | None = None,
) -> Ticket:
    if not photos:
        raise Invalid("an after-photo (整改后照片) is required")
    now = utcnow()
    stored = _attach(session, ticket, photos, PhotoKind.after, actor.user)
    ticket.status = Status.rectified
    ticket.rectified_at = now
    ticket.rectified_by_id = actor.user.id
    _touch(ticket, now)
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="rectify",  # type: ignore[arg-type]
        from_status=Status.assigned,
        to_status=Status.rectified,
        note=note,
        data=_with_fingerprint(
            {"photos": [p.id for p in stored], "flags": ticket.flags}, fingerprint
        ),
        idempotency_key=key,
    )
    return ticket


def add_photos(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    note: str,
    photos: Photos,
    key: str | None,
    fingerprint: str | None = None,
) -> Ticket:
    """The same problem found again: the finder's photos join the open ticket as 整改前
    evidence instead of a second ticket; the status and the deadline stay as they are."""
    if not photos:
        raise Invalid("a photo is required")
    stored = _attach(session, ticket, photos, PhotoKind.before, actor.user)
    _touch(ticket, utcnow())
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="add_photo",
        from_status=ticket.status,
        to_status=ticket.status,
        note=note,
        data=_with_fingerprint({"photos": [p.id for p in stored]}, fingerprint),
        idempotency_key=key,
    )
    return ticket


def verify(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    approved: bool,
    note: str,
    photos: Photos,
    key: str | None,
    verifier_at: tuple[float, float, float | None] | None = None,
    fingerprint: str | None = None,
) -> Ticket:
    if not approved and not note.strip():
        raise Invalid("say why the rectification is rejected")
    now = utcnow()
    checked_from = _verifier_distance(ticket, verifier_at)
    stored = _attach(session, ticket, photos, PhotoKind.verify, actor.user) if photos else []
    if approved:
        ticket.status = Status.closed
        ticket.closed_at = now
        # Judged on when the accepted fix was made, and fixed now for good.
        fixed_at = ticket.rectified_at or now
        ticket.closed_in_time = ticket.due_at is None or fixed_at <= ticket.due_at
    else:
        ticket.status = Status.assigned
        ticket.rework_count += 1
        ticket.rectified_at = None
        ticket.rectified_by_id = None
        flags = dict(ticket.flags)
        if ticket.rework_count >= REWORK_CRITICISM:
            flags["criticism"] = True  # 通报批评
        if ticket.rework_count >= REWORK_SUMMONS:
            flags["summons"] = True  # 约谈
        ticket.flags = flags
    _touch(ticket, now)
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,  # type: ignore[arg-type]
        action="verify" if approved else "reject",
        from_status=Status.rectified,
        to_status=ticket.status,
        note=note,
        data=_with_fingerprint(
            {
                "photos": [p.id for p in stored],
                "rework_count": ticket.rework_count,
                **({"verifier": checked_from} if checked_from else {}),
            },
            fingerprint,
        ),
        idempotency_key=key,
    )
    return ticket


def _verifier_distance(
    ticket: Ticket, at: tuple[float, float, float | None] | None
) -> dict[str, Any] | None:
    """How far from the ticket the verifier stood; far (beyond the setting, less the fix's own
    uncertainty) is flagged on the ticket, since a check from the desk is no check."""
    if at is None:
        return None
    lat, lon, accuracy = at
    metres = distance_m(lat, lon, ticket.lat, ticket.lon)
    far = metres - (accuracy or 0) > get_settings().verify_max_distance_m
    flags = {k: v for k, v in ticket.flags.items() if k != "verifier_far_m"}
    if far:
        flags["verifier_far_m"] = round(metres)
    ticket.flags = flags
    return {"distance_m": round(metres), "accuracy_m": accuracy, "far": far}


def handoff(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    department_id: int,
    note: str,
    key: str | None = None,
    fingerprint: str | None = None,
) -> Ticket:
    """A chief hands the ticket to a functional department; the deadline stays."""
    if not note.strip():
        raise Invalid("say why the ticket goes to the department")
    department = session.get(Department, department_id)
    if department is None:
        raise Invalid(f"unknown department {department_id}")
    desk = _department_desk(session, department_id)
    if desk is None:
        raise Invalid(f"{department.name} has no staff account to receive tickets")
    ticket.department_id = department_id
    ticket.assignee_id = desk.id
    _touch(ticket, utcnow())
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="handoff",  # type: ignore[arg-type]
        from_status=ticket.status,
        to_status=ticket.status,
        note=note,
        data=_with_fingerprint(
            {"department_id": department_id, "assignee_id": desk.id}, fingerprint
        ),
        idempotency_key=key,
    )
    return ticket


def dispatch(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    *,
    road_id: int | None,
    assignee_id: int | None,
    department_id: int | None,
    note: str,
    grid_id: int | None = None,
) -> Ticket:
    """The command centre sends a pending ticket to someone, or re-routes a wrongly routed one.

    To a road (its chief) or a grid (its 网格长; for a problem on no road where grids meet),
    the ticket's road or grid — and zone — follow, so figures count it where it now is.
    """
    if sum(x is not None for x in (road_id, assignee_id, department_id, grid_id)) != 1:
        raise Invalid("give exactly one of road_id, grid_id, assignee_id, department_id")
    road = zone = grid = None
    department = None
    if road_id is not None:
        road = session.get(Road, road_id)
        if road is None or road.chief_id is None:
            raise Invalid(f"road {road_id} does not exist or has no chief")
        zone = session.get(Zone, road.zone_id) if road.zone_id else None
        target = session.get(User, road.chief_id)
    elif grid_id is not None:
        grid = session.get(Grid, grid_id)
        if grid is None or grid.chief_id is None:
            raise Invalid(f"grid {grid_id} does not exist or has no 网格长")
        zone = session.get(Zone, grid.zone_id)
        target = session.get(User, grid.chief_id)
    elif assignee_id is not None:
        target = session.get(User, assignee_id)
        if (
            target is None
            or not target.is_active
            or target.role not in (Role.chief, Role.department)
        ):
            raise Invalid(f"user {assignee_id} is not an active chief or department account")
    else:
        department = session.get(Department, department_id)
        if department is None:
            raise Invalid(f"unknown department {department_id}")
        target = _department_desk(session, department_id)  # type: ignore[arg-type]
        if target is None:
            raise Invalid(f"{department.name} has no staff account to receive tickets")
    assert target is not None
    now = utcnow()
    before = ticket.status
    if road is not None:
        ticket.road_id = road.id
    if grid is not None:
        ticket.grid_id = grid.id
    if road is not None or grid is not None:
        ticket.zone_id = zone.id if zone else ticket.zone_id
        ticket.area_id = zone.area_id if zone else ticket.area_id
    ticket.assignee_id = target.id
    ticket.department_id = (
        department.id
        if department
        else target.department_id
        if target.role == Role.department
        else None
    )
    ticket.status = Status.assigned
    ticket.escalation_level = 0
    ticket.escalated_to_id = None
    # A mis-routed ticket was not the new owner's fault: their clock starts now.
    _start_clock(session, ticket, now)
    _touch(ticket, now)
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="dispatch",  # type: ignore[arg-type]
        from_status=before,
        to_status=Status.assigned,
        note=note,
        data={
            "road_id": road_id,
            "assignee_id": target.id,
            "department_id": department_id,
            **({"grid_id": grid_id} if grid_id is not None else {}),
        },
    )
    return ticket


def dismiss(
    session: Session, actor: Actor, ticket: Ticket, reason: str, duplicate_of: int | None, note: str
) -> Ticket:
    """Strike an invalid ticket, or merge a duplicate into its original; both stay on the ledger."""
    original = None
    if reason == "duplicate":
        if duplicate_of is None:
            raise Invalid("name the ticket this one duplicates")
        original = session.get(Ticket, duplicate_of)
        if original is None:
            raise NotFound(f"ticket {duplicate_of} does not exist")
        if original.id == ticket.id or original.duplicate_of_id == ticket.id:
            raise Invalid("a ticket cannot be a duplicate of itself")
    elif reason != "invalid":
        raise Invalid("reason must be 'invalid' or 'duplicate'")
    before = ticket.status
    ticket.status = Status.dismissed
    ticket.duplicate_of_id = original.id if original else None
    _touch(ticket, utcnow())
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="dismiss",  # type: ignore[arg-type]
        from_status=before,
        to_status=Status.dismissed,
        note=note,
        data={
            "reason": reason,
            "duplicate_of": original.id if original else None,
            "duplicate_of_number": original.number if original else None,
        },
    )
    return ticket


def _chief_above(session: Session, ticket: Ticket, level: int) -> User | None:
    """The one `level` steps above the road or grid: the zone's chief, the town's first leader,
    then the zone's 挂包领导 (county leader)."""
    zone = session.get(Zone, ticket.zone_id) if ticket.zone_id else None
    chain: list[int | None] = []
    if ticket.road_id or ticket.grid_id:
        chain.append(zone.chief_id if zone else None)
    area_id = ticket.area_id or (zone.area_id if zone else None)
    leader = (
        session.exec(
            select(User.id)
            .where(User.role == Role.chief, User.level == 1, User.area_id == area_id)
            .order_by(col(User.id))
        ).first()
        if area_id
        else None
    )
    chain.append(leader)
    chain.append(zone.leader_id if zone else None)
    chain = [c for c in chain if c is not None and c != ticket.assignee_id]
    if not chain:
        return None
    return session.get(User, chain[min(level, len(chain)) - 1])


def escalate(session: Session, actor_id: int | None, ticket: Ticket, note: str) -> Ticket | None:
    """督办: raise the ticket one chief level up; None when there is no one higher."""
    if ticket.status not in OPEN_STATUSES or ticket.status == Status.pending:
        raise Conflict(f"a {ticket.status} ticket cannot be escalated")
    target = _chief_above(session, ticket, ticket.escalation_level + 1)
    if target is None or target.id == ticket.escalated_to_id:
        return None
    ticket.escalation_level += 1
    ticket.escalated_to_id = target.id
    _touch(ticket, utcnow())
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor_id,
        action="escalate",  # type: ignore[arg-type]
        from_status=ticket.status,
        to_status=ticket.status,
        note=note,
        data={"level": ticket.escalation_level, "escalated_to": target.id},
    )
    return ticket


def escalate_overdue(session: Session, now: datetime | None = None) -> int:
    """The sweep: every overdue assigned ticket goes one level up per time limit it overran."""
    now = now or utcnow()
    count = 0
    overdue = session.exec(
        select(Ticket)
        .where(Ticket.status == Status.assigned, overdue_clause(col(Ticket.due_at), now))
        .order_by(col(Ticket.id))
    ).all()
    for ticket in overdue:
        assert ticket.due_at and ticket.assigned_at
        wanted = escalation_level(ticket.assigned_at, ticket.due_at, now)
        if ticket.escalation_level < wanted and escalate(session, None, ticket, "逾期自动督办"):
            count += 1
    return count
