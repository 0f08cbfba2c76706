"""Submitting a score sheet: the sheet, each item result, and a routed ticket for every
deduction through the ordinary tickets flow (当场下单), sent to the site's responsible unit.

`app.evaluation.actions.submit_sheet` runs it in steps (app/core/db.py): `check_sheet` (reads),
`claim_tickets` (a short write transaction holding the tickets' numbers), `store_sheet_photos`
(watermarks and storage, no transaction), `record_sheet` (a short write transaction). A retried
sheet (same Idempotency-Key, same body) answers the sheet already recorded and counts nothing
twice.
A deduction on an item that files no ticket keeps its photos on the sheet's result.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.core.actions import Prior
from app.core.db import lock_ledger
from app.core.errors import Conflict, Invalid, NotFound
from app.core.timeutil import utcnow
from app.evaluation.models import (
    ItemOutcome,
    Round,
    RoundSite,
    RoundStatus,
    Sheet,
    SheetResult,
    Site,
    StandardItem,
)
from app.evaluation.rounds import checklist_for
from app.evaluation.scores import site_score
from app.evaluation.sites import check_in_distance, is_far
from app.ledger import service as ledger
from app.photos.models import PhotoKind
from app.photos.service import Caption, PreparedPhoto, StoredPhoto, store_photos
from app.tickets import filing as tickets
from app.tickets.flows import Receiver, unit_receiver

MAX_OCCURRENCES = 99


@dataclass(frozen=True)
class ResultIn:
    item_code: str
    outcome: ItemOutcome
    occurrences: int = 0
    note: str = ""
    photo_field: str | None = None


@dataclass
class SheetIn:
    site_id: int
    lat: float
    lon: float
    accuracy_m: float | None
    results: list[ResultIn]
    photos: dict[str, list[PreparedPhoto]] = field(default_factory=dict)

    def fingerprint(self, inspector_id: int, digests: dict[str, list[str]] | None = None) -> str:
        """Every field and each photo's SHA-256 as sent (``digests`` by photo field, before any
        decoding; else the prepared photos')."""
        if digests is None:
            digests = {name: [p.sha256 for p in ps] for name, ps in self.photos.items()}
        body = {
            "site": self.site_id,
            "lat": round(self.lat, 7),
            "lon": round(self.lon, 7),
            "accuracy_m": self.accuracy_m,
            "results": [
                [
                    r.item_code,
                    r.outcome,
                    r.occurrences,
                    r.note,
                    digests.get(r.photo_field or "", []),
                ]
                for r in self.results
            ],
            "inspector": inspector_id,
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def ticket_key(sheet_key: str, item_code: str) -> str:
    """The deduction's ticket key, derived so a retried sheet can never file it twice."""
    return "ev-" + hashlib.sha256(f"{sheet_key}\x00{item_code}".encode()).hexdigest()[:40]


@dataclass
class SheetPlan:
    """A checked sheet, ready to record: every decision that needs no lock, made on a read."""

    site: Site
    checklist: dict[str, StandardItem]
    results: list[ResultIn]
    fingerprint: str
    score: float
    deducted: float
    distance_m: float

    def deductions(self) -> list[ResultIn]:
        return [r for r in self.results if r.outcome == ItemOutcome.deduct]

    def files_ticket(self, r: ResultIn) -> bool:
        return r.outcome == ItemOutcome.deduct and bool(self.checklist[r.item_code].category_code)


def check_sheet(session: Session, actor: Actor, rnd: Round, data: SheetIn) -> SheetPlan:
    """Validate the sheet against the round and the site's checklist (reads only, no lock)."""
    site = session.get(Site, data.site_id)
    in_round = session.get(RoundSite, (rnd.id, data.site_id))
    if site is None or in_round is None:
        raise Invalid(f"site {data.site_id} is not in this round")
    checklist = {i.code: i for i in checklist_for(session, rnd, site)}
    given: dict[str, ResultIn] = {}
    for r in data.results:
        if r.item_code not in checklist:
            raise Invalid(f"item {r.item_code} is not on the checklist of {site.name}")
        if r.item_code in given:
            raise Invalid(f"item {r.item_code} appears twice")
        if r.outcome == ItemOutcome.deduct:
            if not 1 <= r.occurrences <= MAX_OCCURRENCES:
                raise Invalid(f"item {r.item_code}: occurrences must be 1–{MAX_OCCURRENCES}")
            if checklist[r.item_code].photo_required and not data.photos.get(r.photo_field or ""):
                raise Invalid(f"item {r.item_code} needs a photo of the problem")
        given[r.item_code] = r
    # Items the inspector did not mark passed: evaluators write down what is wrong.
    results = [given.get(code) or ResultIn(code, ItemOutcome.passed) for code in checklist]
    score, deducted = site_score(
        [
            (r.occurrences, checklist[r.item_code].points, checklist[r.item_code].cap)
            for r in results
            if r.outcome == ItemOutcome.deduct
        ]
    )
    return SheetPlan(
        site=site,
        checklist=checklist,
        results=results,
        fingerprint=data.fingerprint(actor.user.id),  # type: ignore[arg-type]
        score=score,
        deducted=deducted,
        distance_m=round(check_in_distance(site, data.lat, data.lon), 1),
    )


def _report(plan: SheetPlan, data: SheetIn, r: ResultIn) -> tickets.Report:
    item = plan.checklist[r.item_code]
    assert item.category_code
    return tickets.Report(
        category=item.category_code,
        lat=data.lat,
        lon=data.lon,
        accuracy_m=data.accuracy_m,
        description=_description(plan.site, item.text, r),
        captured_at=None,
    )


def _photos(data: SheetIn, r: ResultIn) -> list[PreparedPhoto]:
    return data.photos.get(r.photo_field or "", [])


def claim_tickets(
    session: Session, actor: Actor, plan: SheetPlan, data: SheetIn, key: str
) -> dict[str, tickets.Claim]:
    """Hold a ticket number for each deduction that files one (write txn, milliseconds).

    The numbers go into the photos' watermarks, which are rendered before the sheet is
    recorded. A retry claims under the same derived keys and gets the same numbers back.
    """
    receiver, flags = _unit_route(session, plan.site)
    filer = tickets.Filer(
        actor.user,
        tickets.Source.evaluation,
        assignee_id=receiver.assignee_id if receiver else None,
        department_id=receiver.department_id if receiver else None,
        flags=flags,
    )
    return {
        r.item_code: tickets.claim(
            session,
            tickets.plan(
                session,
                filer,
                _report(plan, data, r),
                ticket_key(key, r.item_code),
                _photos(data, r),
            ),
        )  # fmt: skip
        for r in plan.deductions()
        if plan.files_ticket(r)
    }


def store_sheet_photos(
    session: Session,
    actor: Actor,
    plan: SheetPlan,
    data: SheetIn,
    claims: dict[str, tickets.Claim],
) -> dict[str, list[StoredPhoto]]:
    """Watermark and write every deduction's photos; no transaction (reads only).

    A deduction that files a ticket is captioned with the ticket's number; one that files
    none (an item that is not a street problem) with the site, and is kept on the sheet.
    """
    stored: dict[str, list[StoredPhoto]] = {}
    for r in plan.deductions():
        prepared = _photos(data, r)
        if not prepared:
            continue
        claim = claims.get(r.item_code)
        if claim is not None:
            caption = claim.caption()
        else:
            caption = Caption("测评扣分", data.lat, data.lon, None, plan.site.name, actor.user.name)
        stored[r.item_code] = store_photos(prepared, PhotoKind.before, caption)
    return stored


def _photo_record(p: StoredPhoto) -> dict[str, Any]:
    d = p.decoded
    return {
        "sha256": p.sha256,
        "original_key": p.original_key,
        "display_key": p.display_key,
        "thumb_key": p.thumb_key,
        "width": d.width,
        "height": d.height,
        "taken_at": d.taken_at.isoformat() if d.taken_at else None,
        "gps": None
        if d.gps_lat is None
        else {"lat": d.gps_lat, "lon": d.gps_lon, "accuracy_m": d.gps_accuracy_m},
    }


def record_sheet(
    session: Session,
    actor: Actor,
    rnd: Round,
    plan: SheetPlan,
    data: SheetIn,
    key: str,
    claims: dict[str, tickets.Claim],
    stored: dict[str, list[StoredPhoto]],
) -> tuple[Sheet, list[int], bool]:
    """Record the sheet, its results and tickets (write txn); returns (sheet, tickets, created)."""
    lock_ledger(session)
    existing = find_sheet(session, key)
    if existing is not None:
        if existing.request_fingerprint != plan.fingerprint or existing.round_id != rnd.id:
            raise Invalid("Idempotency-Key was already used for a different sheet")
        return existing, sheet_tickets(session, existing.id), False  # type: ignore[arg-type]
    session.refresh(rnd)
    if rnd.status != RoundStatus.open:
        raise Invalid("the round is closed")
    site = plan.site
    if session.exec(
        select(Sheet.id).where(Sheet.round_id == rnd.id, Sheet.site_id == site.id)
    ).first():
        raise Conflict(f"{site.name} already has a sheet in this round")
    sheet = Sheet(
        round_id=rnd.id,  # type: ignore[arg-type]
        site_id=site.id,  # type: ignore[arg-type]
        inspector_id=actor.user.id,  # type: ignore[arg-type]
        checked_in_lat=data.lat,
        checked_in_lon=data.lon,
        accuracy_m=data.accuracy_m,
        distance_m=plan.distance_m,
        far=is_far(site, plan.distance_m),
        deducted=plan.deducted,
        score=plan.score,
        submitted_at=utcnow(),
        idempotency_key=key,
        request_fingerprint=plan.fingerprint,
    )
    session.add(sheet)
    session.flush()
    ledger.append(
        session,
        ticket_id=None,
        actor_id=actor.user.id,
        action="sheet_submit",
        from_status=None,
        to_status=None,
        note=site.name,
        idempotency_key=None,
        data={
            "round_id": rnd.id,
            "sheet_id": sheet.id,
            "site_id": site.id,
            "type": site.type_code,
            "zone_id": site.zone_id,
            "unit_department_id": site.unit_department_id,
            "unit_chief_id": site.unit_chief_id,
            "lat": data.lat,
            "lon": data.lon,
            "distance_m": plan.distance_m,
            "far": sheet.far,
            "score": plan.score,
        },
    )
    filed: list[int] = []
    for r in plan.results:
        item = plan.checklist[r.item_code]
        deduct = r.outcome == ItemOutcome.deduct
        points = min(r.occurrences * item.points, item.cap) if deduct else 0
        ticket_id = None
        kept: list[dict[str, Any]] = []
        photos = stored.get(r.item_code, [])
        if plan.files_ticket(r):
            ticket, _created = tickets.record(session, claims[r.item_code], photos)
            ticket_id = ticket.id
            filed.append(ticket.id)  # type: ignore[arg-type]
        elif deduct:
            # No ticket to hold them: the photos stay on the sheet's result.
            kept = [_photo_record(p) for p in photos]
        session.add(
            SheetResult(
                sheet_id=sheet.id,  # type: ignore[arg-type]
                item_id=item.id,  # type: ignore[arg-type]
                outcome=r.outcome,
                occurrences=r.occurrences if deduct else 0,
                points=points,
                note=r.note[:1000],
                ticket_id=ticket_id,
                photos=kept,
            )
        )
        ledger.append(
            session,
            ticket_id=None,
            actor_id=actor.user.id,
            action="item_result",
            from_status=None,
            to_status=r.outcome,
            data={
                "round_id": rnd.id,
                "sheet_id": sheet.id,
                "site_id": site.id,
                "item_code": item.code,
                "occurrences": r.occurrences if deduct else 0,
                "points_each": item.points,
                "cap": item.cap,
                "points": points,
                "ticket_id": ticket_id,
                "photos": [p["sha256"] for p in kept],
            },
        )
    session.flush()
    return sheet, filed, True


# tickets.flags key: the site's unit had nobody to receive the deduction's ticket, so it went
# by location (value: the unit's name, or UNIT_NONE).
UNIT_UNREACHABLE = "unit_unreachable"
UNIT_NONE = "未设责任单位"


def _unit_route(session: Session, site: Site) -> tuple[Receiver | None, dict[str, Any]]:
    """Where a deduction's ticket goes: the site's responsible unit (the department's queue,
    or the chief), not the location's chief. A unit with nobody to receive it: by location,
    flagged, so the command centre sees it and the sheet says so."""
    receiver = unit_receiver(session, site.unit_department_id, site.unit_chief_id)
    if receiver is not None:
        return receiver, {}
    return None, {UNIT_UNREACHABLE: _unit_name(session, site) or UNIT_NONE}


def _unit_name(session: Session, site: Site) -> str | None:
    from app.org.models import Department, User

    if site.unit_department_id is not None:
        dept = session.get(Department, site.unit_department_id)
        return dept.name if dept else None
    if site.unit_chief_id is not None:
        chief = session.get(User, site.unit_chief_id)
        return chief.name if chief else None
    return None


def _description(site: Site, text: str, r: ResultIn) -> str:
    # No round name: the chief learns of the problem, not of the unannounced round.
    parts = [f"{site.name}：{text}"]
    if r.occurrences > 1:
        parts.append(f"（{r.occurrences}处）")
    if r.note.strip():
        parts.append(f" {r.note.strip()}")
    return "".join(parts)[:2000]


def sheet_tickets(session: Session, sheet_id: int) -> list[int]:
    return [
        t
        for t in session.exec(
            select(SheetResult.ticket_id)
            .where(SheetResult.sheet_id == sheet_id)
            .order_by(SheetResult.id)  # type: ignore[arg-type]
        )
        if t is not None
    ]


def sheet_public(session: Session, sheet: Sheet) -> dict[str, Any]:
    """The sheet with each item's outcome, the ticket it filed, and that ticket's photos."""
    from app.evaluation.models import StandardItem
    from app.photos.models import Photo
    from app.photos.service import photo_public
    from app.tickets.models import Ticket

    rows = session.exec(
        select(SheetResult, StandardItem)
        .join(StandardItem, StandardItem.id == SheetResult.item_id)  # type: ignore[arg-type]
        .where(SheetResult.sheet_id == sheet.id)
        .order_by(SheetResult.id)  # type: ignore[arg-type]
    ).all()
    ticket_ids = [r.ticket_id for r, _i in rows if r.ticket_id]
    numbers: dict[int, tuple[str, str]] = {}
    unreachable: dict[int, str] = {}
    photos: dict[int, list[dict[str, Any]]] = {}
    if ticket_ids:
        for t in session.exec(select(Ticket).where(Ticket.id.in_(ticket_ids))):  # type: ignore[union-attr]
            numbers[t.id] = (t.number, t.status)  # type: ignore[index]
            if UNIT_UNREACHABLE in t.flags:
                unreachable[t.id] = t.flags[UNIT_UNREACHABLE]  # type: ignore[index]
        for p in session.exec(select(Photo).where(Photo.ticket_id.in_(ticket_ids))):  # type: ignore[attr-defined]
            photos.setdefault(p.ticket_id, []).append(photo_public(p))
    site = session.get(Site, sheet.site_id)
    return {
        "id": sheet.id,
        "round_id": sheet.round_id,
        "site": {"id": sheet.site_id, "name": site.name if site else None},
        "inspector_id": sheet.inspector_id,
        "checked_in": {
            "lat": sheet.checked_in_lat,
            "lon": sheet.checked_in_lon,
            "accuracy_m": sheet.accuracy_m,
        },
        "distance_m": sheet.distance_m,
        "far": sheet.far,
        "score": sheet.score,
        "deducted": sheet.deducted,
        "submitted_at": sheet.submitted_at.isoformat(),
        "tickets": ticket_ids,
        # The site's unit had nobody to receive its tickets: they went by location (flagged).
        "unit_unreachable": next(iter(unreachable.values()), None),
        "results": [
            {
                "item_code": i.code,
                "text": i.text,
                "outcome": r.outcome,
                "occurrences": r.occurrences,
                "points": r.points,
                "note": r.note,
                "ticket": None
                if not r.ticket_id
                else {
                    "id": r.ticket_id,
                    "number": numbers.get(r.ticket_id, ("", ""))[0],
                    "status": numbers.get(r.ticket_id, ("", ""))[1],
                    "routed_by_location": r.ticket_id in unreachable,
                },
                "photos": photos.get(r.ticket_id, []) if r.ticket_id else result_photos(sheet, r),
            }
            for r, i in rows
        ],
    }


def result_photos(sheet: Sheet, result: SheetResult) -> list[dict[str, Any]]:
    """Photos kept on a result that filed no ticket, shaped like a ticket's photos."""
    base = f"/api/rounds/{sheet.round_id}/sheets/{sheet.id}/results/{result.id}/photos"
    return [
        {
            "id": f"{result.id}-{n}",
            "kind": "before",
            "url": f"{base}/{n}/display",
            "thumb_url": f"{base}/{n}/thumb",
            "original_url": f"{base}/{n}/original",
            "width": p.get("width"),
            "height": p.get("height"),
            "taken_at": p.get("taken_at"),
            "gps": p.get("gps"),
        }
        for n, p in enumerate(result.photos or [])
    ]


def deduction_rows(session: Session, rnd: Round) -> list[dict[str, Any]]:
    """Every deduction of the round: site, item, points, its ticket, its photos' links."""
    from app.photos.models import Photo
    from app.tickets.models import Ticket

    rows = session.exec(
        select(SheetResult, Sheet, StandardItem.code, StandardItem.text, Site.name)  # type: ignore[call-overload]
        .join(Sheet, Sheet.id == SheetResult.sheet_id)  # type: ignore[arg-type]
        .join(StandardItem, StandardItem.id == SheetResult.item_id)  # type: ignore[arg-type]
        .join(Site, Site.id == Sheet.site_id)  # type: ignore[arg-type]
        .where(Sheet.round_id == rnd.id, SheetResult.outcome == ItemOutcome.deduct)
        .order_by(Site.name, StandardItem.code)  # type: ignore[arg-type]
    ).all()
    ticket_ids = [r.ticket_id for r, *_ in rows if r.ticket_id]
    numbers: dict[int, str] = {}
    photos: dict[int, list[dict[str, Any]]] = {}
    if ticket_ids:
        for tid, number in session.exec(
            select(Ticket.id, Ticket.number).where(Ticket.id.in_(ticket_ids))  # type: ignore[union-attr]
        ):
            numbers[tid] = number  # type: ignore[index]
        for p in session.exec(
            select(Photo).where(col(Photo.ticket_id).in_(ticket_ids)).order_by(col(Photo.id))
        ):
            photos.setdefault(p.ticket_id, []).append({"url": f"/api/photos/{p.id}/display"})
    return [
        {
            "site": site_name,
            "item_code": code,
            "text": text,
            "occurrences": r.occurrences,
            "points": r.points,
            "note": r.note,
            "ticket": numbers.get(r.ticket_id) if r.ticket_id else None,
            "photos": photos.get(r.ticket_id, []) if r.ticket_id else result_photos(sheet, r),
        }
        for r, sheet, code, text, site_name in rows
    ]


def sheet_photo_keys(session: Session) -> set[str]:
    """Storage keys held by photos kept on sheets (so fsck keeps them)."""
    keys: set[str] = set()
    for photos in session.exec(select(SheetResult.photos).where(SheetResult.ticket_id == None)):  # noqa: E711
        for p in photos or []:
            keys.update((p["original_key"], p["display_key"], p["thumb_key"]))
    return keys


def prior_sheet(session: Session, key: str) -> Prior[Sheet] | None:
    """The sheet an earlier request under this Idempotency-Key recorded."""
    sheet = find_sheet(session, key)
    return None if sheet is None else Prior(sheet.request_fingerprint, sheet)


def find_sheet(session: Session, key: str) -> Sheet | None:
    return session.exec(select(Sheet).where(Sheet.idempotency_key == key)).first()


def get_sheet(session: Session, rnd: Round, sheet_id: int) -> Sheet:
    sheet = session.get(Sheet, sheet_id)
    if sheet is None or sheet.round_id != rnd.id:
        raise NotFound(f"sheet {sheet_id} not found")
    return sheet
