"""The one path that files a ticket, whoever files it: an inspector, a citizen's accepted 随手拍,
an Open311 client's accepted request, a 测评 deduction, the demo.

A report goes through three steps, each run once:

1. `plan` (reads, no lock): the category and the place are checked and the point is routed —
   once — or the filer names who answers for it (`Filer.assignee_id` / `department_id`).
2. `claim` (in a short write transaction): the report holds its number under its
   Idempotency-Key, or finds the ticket that key already filed. The claim is what makes a
   retry safe while the photos are stored: the watermark prints the number, and a retry of a
   request killed after writing its files claims the same number and writes the same files.
3. `record` (in a short write transaction): the ticket, its photos and the ledger event.

Between 2 and 3 the photos are stored with no lock (`Claim.caption` is their watermark).
`app.tickets.actions.report` runs the three for one report; callers that record more in the
same transaction (a citizen report's acceptance, a 测评 sheet) call them in their own actions.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from app.core.actions import Prior, replayed
from app.core.config import get_settings
from app.core.db import lock_ledger
from app.core.errors import Invalid
from app.core.timeutil import utcnow
from app.ledger import service as ledger
from app.org.models import Department, Grid, Road, Role, User, Zone
from app.photos.models import PhotoKind
from app.photos.service import Caption, PreparedPhoto, StoredPhoto
from app.routing.service import Route, road_index
from app.tickets.evidence import record_photos
from app.tickets.flows import department_desk, start_clock
from app.tickets.models import Category, ReportClaim, Status, Ticket

# A phone's clock may run a little fast; a capture time beyond this is a wrong clock, and would
# make every genuine after-photo look older than the report.
CLOCK_SKEW = timedelta(hours=1)


class Source(StrEnum):
    """How a report came in (on the report's ledger event)."""

    staff = "staff"  # an inspector's phone, a chief, the console
    citizen = "citizen"  # 随手拍, accepted from triage
    open311 = "open311"  # a client system's request, accepted from triage
    evaluation = "evaluation"  # a 测评 deduction
    task = "task"
    demo = "demo"


@dataclass(frozen=True)
class Report:
    """What was seen, where, when: the body of a report."""

    category: str
    lat: float
    lon: float
    accuracy_m: float | None
    description: str
    captured_at: datetime | None

    def __post_init__(self) -> None:
        if self.captured_at is not None and self.captured_at > utcnow() + CLOCK_SKEW:
            raise Invalid("captured_at is in the future; check the phone's clock")

    def fingerprint(self, reporter_id: int, photos: Sequence[str]) -> str:
        """What makes a retry 'the same report': every field and every photo's SHA-256."""
        body = {
            "category": self.category,
            "lat": round(self.lat, 7),
            "lon": round(self.lon, 7),
            "accuracy_m": self.accuracy_m,
            "description": self.description,
            "captured_at": self.captured_at.isoformat() if self.captured_at else None,
            "photos": list(photos),
            "reporter": reporter_id,
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Filer:
    """Who files a report and how; and who answers for it when the filer already knows.

    ``assignee_id`` (a chief or department account) or ``department_id`` (its desk receives
    it) replace routing by location; the road, zone and grid are still found from the point,
    so figures count the ticket where it is. A department with nobody to receive it falls
    back to routing by location, and the ticket is flagged ``unit_unreachable`` (its name).
    ``received_at``: when the report first reached the server, if before now (a citizen's
    report waits in triage; the ticket still counts from when it was made).
    ``flags``: what the filer wants the command centre to see on the ticket.
    """

    reporter: User
    source: Source = Source.staff
    assignee_id: int | None = None
    department_id: int | None = None
    received_at: datetime | None = None
    flags: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Filing:
    """A report checked and routed (reads, no lock): everything `record` will write."""

    filer: Filer
    data: Report
    key: str
    fingerprint: str
    category: Category
    route: Route
    road: Road | None
    zone: Zone | None
    grid: Grid | None
    assignee_id: int | None
    department_id: int | None
    flags: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Claim:
    """The number a report holds; `ticket` when its key already filed one."""

    filing: Filing
    number: str
    received_at: datetime
    ticket: Ticket | None = None

    def caption(self) -> Caption:
        """The photos' watermark: the number, the place, the road routing chose, the reporter."""
        f = self.filing
        return Caption(self.number, f.data.lat, f.data.lon, self.received_at,
                       f.road.name if f.road else None, f.filer.reporter.name)  # fmt: skip


def digests(photos: Sequence[PreparedPhoto] | Sequence[StoredPhoto] | Sequence[str]) -> list[str]:
    return [p if isinstance(p, str) else p.sha256 for p in photos]


def find_by_key(session: Session, key: str) -> Ticket | None:
    return session.exec(select(Ticket).where(Ticket.idempotency_key == key)).first()


def filed(session: Session, key: str) -> Prior[Ticket] | None:
    """The ticket an earlier request under this key filed (its fingerprint, to compare)."""
    ticket = find_by_key(session, key)
    return None if ticket is None else Prior(ticket.request_fingerprint, ticket)


def check_category(session: Session, code: str) -> Category:
    category = session.get(Category, code)
    if category is None or not category.active or category.parent_code is None:
        raise Invalid(f"unknown category '{code}'")
    return category


def check_location(session: Session, lat: float, lon: float) -> None:
    """Refuse a point far outside every zone: no one there could act on it."""
    _check_outside(road_index(session).distance_outside_m(lat, lon))


def _check_outside(outside: float | None) -> None:
    limit = get_settings().report_max_outside_m
    if outside is not None and outside > limit:
        raise Invalid(
            f"位置在辖区外约 {outside / 1000:.1f} 公里，"
            f"超出受理范围（辖区外 {limit / 1000:g} 公里内）；"
            "请检查定位，或在地图上把定位点移到问题所在处",
            outside_m=round(outside),
            limit_m=limit,
        )


def plan(
    session: Session,
    filer: Filer,
    data: Report,
    key: str,
    photos: Sequence[PreparedPhoto] | Sequence[StoredPhoto] | Sequence[str],
) -> Filing:
    """Check the category and the place and route the point, once (reads only)."""
    settings = get_settings()
    category = check_category(session, data.category)
    index = road_index(session)
    _check_outside(index.distance_outside_m(data.lat, data.lon))
    route = index.route(
        data.lat, data.lon, settings.routing_radius_m, settings.routing_tie_margin_m
    )
    road = session.get(Road, route.road_id) if route.road_id else None
    zone = session.get(Zone, route.zone_id) if route.zone_id else None
    grid = session.get(Grid, route.grid_id) if route.grid_id else None
    # Road chief, else (on no road) the grid's 网格长, else the zone's chief.
    grid_chief_id = grid.chief_id if grid and road is None else None
    assignee_id = (
        (road.chief_id if road else None) or grid_chief_id or (zone.chief_id if zone else None)
    )
    department_id = None
    flags: dict[str, object] = dict(filer.flags)
    if filer.assignee_id is not None:
        target = session.get(User, filer.assignee_id)
        if (
            target is None
            or not target.is_active
            or target.role not in (Role.chief, Role.department)
        ):
            raise Invalid(f"user {filer.assignee_id} is not an active chief or department account")
        assignee_id = target.id
        department_id = target.department_id if target.role == Role.department else None
    elif filer.department_id is not None:
        desk = department_desk(session, filer.department_id)
        if desk is not None:
            assignee_id, department_id = desk.id, filer.department_id
        else:
            unit = session.get(Department, filer.department_id)
            flags["unit_unreachable"] = unit.name if unit else filer.department_id
    return Filing(
        filer=filer,
        data=data,
        key=key,
        fingerprint=data.fingerprint(filer.reporter.id, digests(photos)),  # type: ignore[arg-type]
        category=category,
        route=route,
        road=road,
        zone=zone,
        grid=grid,
        assignee_id=assignee_id,
        department_id=department_id,
        flags=flags,
    )


def _next_number(session: Session, now: datetime) -> str:
    """The day's next number, after every ticket and every number claimed by a report."""
    day = now.astimezone(ZoneInfo(get_settings().timezone)).strftime("%Y%m%d")
    last = [
        session.exec(select(func.max(column)).where(col(column).like(f"{day}-%"))).one()
        for column in (Ticket.number, ReportClaim.number)
    ]
    seq = max((int(n.split("-")[1]) for n in last if n), default=0) + 1
    return f"{day}-{seq:04d}"


def claim(session: Session, filing: Filing) -> Claim:
    """Hold a number for the report, or find what its key already holds (in a write txn)."""
    # The ledger lock serialises reporters, so two requests with one key cannot both pass here;
    # the unique indexes on the keys are the database's own guard behind it.
    lock_ledger(session)
    existing = find_by_key(session, filing.key)
    held = existing or session.get(ReportClaim, filing.key)
    if held is not None:
        prior = Prior(
            held.request_fingerprint, Claim(filing, held.number, held.received_at, existing)
        )
        return replayed(prior, filing.fingerprint).result  # type: ignore[union-attr]
    now = utcnow()
    row = ReportClaim(
        idempotency_key=filing.key,
        number=_next_number(session, now),
        reporter_id=filing.filer.reporter.id,  # type: ignore[arg-type]
        request_fingerprint=filing.fingerprint,
        received_at=filing.filer.received_at or now,
    )
    session.add(row)
    session.flush()
    return Claim(filing, row.number, row.received_at)


def record(session: Session, claim: Claim, photos: Sequence[StoredPhoto]) -> tuple[Ticket, bool]:
    """File and route the claimed report with its stored photos (in a write txn, milliseconds).

    Returns (ticket, created): a twin request under the same key may have filed it meanwhile.
    """
    f = claim.filing
    lock_ledger(session)
    held = session.get(ReportClaim, f.key)
    if held is None:  # the same report, sent twice at once: the other one filed it
        existing = find_by_key(session, f.key)
        if existing is not None:
            return existing, False
    now = utcnow()
    ticket = Ticket(
        number=claim.number,
        category_code=f.category.code,
        description=f.data.description,
        lat=f.data.lat,
        lon=f.data.lon,
        accuracy_m=f.data.accuracy_m,
        area_id=f.zone.area_id if f.zone else None,
        zone_id=f.zone.id if f.zone else None,
        road_id=f.road.id if f.road else None,
        grid_id=f.grid.id if f.grid else None,
        route_candidates=[
            {"road_id": c.road_id, "distance_m": c.distance_m} for c in f.route.candidates
        ]
        + [{"grid_id": c.grid_id, "distance_m": c.distance_m} for c in f.route.grid_candidates],
        assignee_id=f.assignee_id,
        department_id=f.department_id,
        lead_department_id=f.category.department_id,
        status=Status.assigned if f.assignee_id else Status.pending,
        reporter_id=f.filer.reporter.id,  # type: ignore[arg-type]
        captured_at=f.data.captured_at,
        received_at=claim.received_at,
        updated_at=now,
        idempotency_key=f.key,
        request_fingerprint=f.fingerprint,
        flags=dict(f.flags),
    )
    if f.assignee_id:
        start_clock(session, ticket, now)
    if held is not None:
        session.delete(held)
    session.add(ticket)
    session.flush()
    rows = record_photos(session, ticket, photos, PhotoKind.before, f.filer.reporter)
    ledger.append(
        session,
        ticket_id=ticket.id,
        actor_id=f.filer.reporter.id,
        action="report",
        from_status=None,
        to_status=ticket.status,
        note=f.data.description,
        data={
            "photos": [p.id for p in rows],
            "road_id": ticket.road_id,
            "zone_id": ticket.zone_id,
            "grid_id": ticket.grid_id,
            "assignee_id": ticket.assignee_id,
            "candidates": ticket.route_candidates,
            "source": f.filer.source,
            **({"named_by_filer": True} if f.filer.assignee_id or f.department_id else {}),
            **({"department_id": ticket.department_id} if ticket.department_id else {}),
        },
    )
    return ticket, True
