"""Submitting a score sheet: one transaction that records the sheet, each item result, and
files a routed ticket for every deduction through the ordinary tickets flow (当场下单).

Photos are validated and decoded by the caller before this runs. A retried sheet (same
Idempotency-Key, same body) answers the sheet already recorded and counts nothing twice.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from app.auth.policy import Actor
from app.core.db import lock_ledger
from app.core.errors import Conflict, Invalid, NotFound
from app.core.timeutil import utcnow
from app.evaluation.models import (
    ItemOutcome,
    Round,
    RoundSite,
    Sheet,
    SheetResult,
    Site,
)
from app.evaluation.rounds import checklist_for
from app.evaluation.scores import site_score
from app.evaluation.sites import check_in_distance, is_far
from app.ledger import service as ledger
from app.photos.service import PreparedPhoto
from app.tickets import flows as tickets

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

    def fingerprint(self, inspector_id: int) -> str:
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
                    [p.sha256 for p in self.photos.get(r.photo_field or "", [])],
                ]
                for r in self.results
            ],
            "inspector": inspector_id,
        }
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def ticket_key(sheet_key: str, item_code: str) -> str:
    """The deduction's ticket key, derived so a retried sheet can never file it twice."""
    return "ev-" + hashlib.sha256(f"{sheet_key}\x00{item_code}".encode()).hexdigest()[:40]


def submit_sheet(
    session: Session, actor: Actor, rnd: Round, data: SheetIn, key: str
) -> tuple[Sheet, list[int], bool]:
    """Record the sheet; returns (sheet, ticket ids filed, created)."""
    fingerprint = data.fingerprint(actor.user.id)  # type: ignore[arg-type]
    lock_ledger(session)
    existing = session.exec(select(Sheet).where(Sheet.idempotency_key == key)).first()
    if existing is not None:
        if existing.request_fingerprint != fingerprint or existing.round_id != rnd.id:
            raise Invalid("Idempotency-Key was already used for a different sheet")
        return existing, sheet_tickets(session, existing.id), False  # type: ignore[arg-type]
    site = session.get(Site, data.site_id)
    in_round = session.get(RoundSite, (rnd.id, data.site_id))
    if site is None or in_round is None:
        raise Invalid(f"site {data.site_id} is not in this round")
    if session.exec(
        select(Sheet.id).where(Sheet.round_id == rnd.id, Sheet.site_id == site.id)
    ).first():
        raise Conflict(f"{site.name} already has a sheet in this round")

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
    deductions = [
        (r.occurrences, checklist[r.item_code].points, checklist[r.item_code].cap)
        for r in results
        if r.outcome == ItemOutcome.deduct
    ]
    score, deducted = site_score(deductions)
    distance = round(check_in_distance(site, data.lat, data.lon), 1)
    sheet = Sheet(
        round_id=rnd.id,  # type: ignore[arg-type]
        site_id=site.id,  # type: ignore[arg-type]
        inspector_id=actor.user.id,  # type: ignore[arg-type]
        checked_in_lat=data.lat,
        checked_in_lon=data.lon,
        accuracy_m=data.accuracy_m,
        distance_m=distance,
        far=is_far(site, distance),
        deducted=deducted,
        score=score,
        submitted_at=utcnow(),
        idempotency_key=key,
        request_fingerprint=fingerprint,
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
            "distance_m": distance,
            "far": sheet.far,
            "score": score,
        },
    )
    filed: list[int] = []
    for r in results:
        item = checklist[r.item_code]
        points = (
            min(r.occurrences * item.points, item.cap) if r.outcome == ItemOutcome.deduct else 0
        )
        ticket_id = None
        if r.outcome == ItemOutcome.deduct and item.category_code:
            report = tickets.Report(
                category=item.category_code,
                lat=data.lat,
                lon=data.lon,
                accuracy_m=data.accuracy_m,
                description=_description(site, item.text, r),
                captured_at=None,
            )
            photos = data.photos.get(r.photo_field or "", [])
            ticket, _created = tickets.report(
                session, actor.user, report, photos, ticket_key(key, r.item_code)
            )
            ticket_id = ticket.id
            filed.append(ticket.id)  # type: ignore[arg-type]
        session.add(
            SheetResult(
                sheet_id=sheet.id,  # type: ignore[arg-type]
                item_id=item.id,  # type: ignore[arg-type]
                outcome=r.outcome,
                occurrences=r.occurrences if r.outcome == ItemOutcome.deduct else 0,
                points=points,
                note=r.note[:1000],
                ticket_id=ticket_id,
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
                "occurrences": r.occurrences if r.outcome == ItemOutcome.deduct else 0,
                "points_each": item.points,
                "cap": item.cap,
                "points": points,
                "ticket_id": ticket_id,
            },
        )
    session.flush()
    return sheet, filed, True


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
    photos: dict[int, list[dict[str, Any]]] = {}
    if ticket_ids:
        for t in session.exec(select(Ticket).where(Ticket.id.in_(ticket_ids))):  # type: ignore[union-attr]
            numbers[t.id] = (t.number, t.status)  # type: ignore[index]
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
                },
                "photos": photos.get(r.ticket_id, []) if r.ticket_id else [],
            }
            for r, i in rows
        ],
    }


def find_sheet(session: Session, key: str) -> Sheet | None:
    return session.exec(select(Sheet).where(Sheet.idempotency_key == key)).first()


def get_sheet(session: Session, rnd: Round, sheet_id: int) -> Sheet:
    sheet = session.get(Sheet, sheet_id)
    if sheet is None or sheet.round_id != rnd.id:
        raise NotFound(f"sheet {sheet_id} not found")
    return sheet
