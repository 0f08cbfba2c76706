"""The ticket loop's transitions: rectify → verify → closed, and the side roads.

Each flow changes a ticket and appends exactly one ledger event per transition, inside the
short write transaction of its action (app.tickets.actions): photos arrive already stored, so
a flow only adds rows. Filing a report is app.tickets.filing.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.core.config import get_settings
from app.core.errors import Conflict, Invalid, NotFound
from app.core.geo import distance_m
from app.core.timeutil import utcnow
from app.deadlines.clock import BusinessClock, escalation_level, overdue_clause
from app.ledger import service as ledger
from app.ledger.models import Event
from app.org.models import Department, Grid, Road, Role, User, Zone
from app.photos.models import PhotoKind
from app.photos.service import StoredPhoto
from app.tickets.evidence import record_photos
from app.tickets.models import OPEN_STATUSES, Category, Status, Ticket

REWORK_CRITICISM = 2  # 通报批评
REWORK_SUMMONS = 3  # 约谈


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


def start_clock(session: Session, ticket: Ticket, now: datetime) -> None:
    """The assignee's time limit starts now (the category's, on the business clock)."""
    category = session.get(Category, ticket.category_code)
    assert category is not None
    ticket.assigned_at = now
    ticket.due_at, ticket.warn_at = BusinessClock.for_session(session).deadline(
        now, category.limit_value, category.limit_unit
    )


def department_desk(session: Session, department_id: int) -> User | None:
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
        desk = department_desk(session, department_id)
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


def rectify(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    note: str,
    photos: Sequence[StoredPhoto],
    key: str | None,
    fingerprint: str | None = None,
) -> Ticket:
    if not photos:
        raise Invalid("an after-photo (整改后照片) is required")
    now = utcnow()
    stored = record_photos(session, ticket, photos, PhotoKind.after, actor.user)
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
    photos: Sequence[StoredPhoto],
    key: str | None,
    fingerprint: str | None = None,
) -> Ticket:
    """The same problem found again: the finder's photos join the open ticket as 整改前
    evidence instead of a second ticket; the status and the deadline stay as they are."""
    if not photos:
        raise Invalid("a photo is required")
    stored = record_photos(session, ticket, photos, PhotoKind.before, actor.user)
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
    photos: Sequence[StoredPhoto],
    key: str | None,
    verifier_at: tuple[float, float, float | None] | None = None,
    fingerprint: str | None = None,
) -> Ticket:
    if not approved and not note.strip():
        raise Invalid("say why the rectification is rejected")
    now = utcnow()
    checked_from = _verifier_distance(ticket, verifier_at)
    stored = record_photos(session, ticket, photos, PhotoKind.verify, actor.user) if photos else []
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
    desk = department_desk(session, department_id)
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
    key: str | None = None,
    fingerprint: str | None = None,
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
        target = department_desk(session, department_id)  # type: ignore[arg-type]
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
    start_clock(session, ticket, now)
    _touch(ticket, now)
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=actor.user.id,
        action="dispatch",  # type: ignore[arg-type]
        from_status=before,
        to_status=Status.assigned,
        note=note,
        data=_with_fingerprint(
            {
                "road_id": road_id,
                "assignee_id": target.id,
                "department_id": department_id,
                **({"grid_id": grid_id} if grid_id is not None else {}),
            },
            fingerprint,
        ),
        idempotency_key=key,
    )
    return ticket


def dismiss(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    reason: str,
    duplicate_of: int | None,
    note: str,
    key: str | None = None,
    fingerprint: str | None = None,
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
        data=_with_fingerprint(
            {
                "reason": reason,
                "duplicate_of": original.id if original else None,
                "duplicate_of_number": original.number if original else None,
            },
            fingerprint,
        ),
        idempotency_key=key,
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


def escalate(
    session: Session,
    actor_id: int | None,
    ticket: Ticket,
    note: str,
    key: str | None = None,
    fingerprint: str | None = None,
) -> Ticket | None:
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
        data=_with_fingerprint(
            {"level": ticket.escalation_level, "escalated_to": target.id}, fingerprint
        ),
        idempotency_key=key,
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
