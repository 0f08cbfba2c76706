"""A unit's own 测评 results (the chief's or department's 测评 tab on the phone).

The sites a road chief or a department answers for, each with its latest published score
(closed rounds, and the unit's own 自查), the deductions those rounds found there, and which of
the tickets they filed are still to rectify. Open rounds stay invisible: their sheets are
not read here (their tickets reach the unit's inbox like any ticket, without the round).
"""

from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.evaluation.models import (
    ItemOutcome,
    Round,
    RoundStatus,
    Sheet,
    SheetResult,
    Site,
    StandardItem,
)
from app.evaluation.scores import KIND_LABELS
from app.evaluation.sites import Lookups
from app.org.models import Role
from app.tickets.models import Status, Ticket

OPEN_TICKET = (Status.pending, Status.assigned, Status.rectified)


def _my_sites(actor: Actor) -> Any:
    user = actor.user
    stmt = select(Site).where(col(Site.active))
    if user.role == Role.department:
        return stmt.where(Site.unit_department_id == user.department_id)
    return stmt.where(Site.unit_chief_id == user.id)


def _visible_rounds(actor: Actor) -> Any:
    """Rounds whose sheets the unit may read: closed ones and its own self-checks."""
    user = actor.user
    if user.role == Role.department:
        if user.department_id is None:
            return col(Round.status) == RoundStatus.closed
        own = col(Round.self_department_id) == user.department_id
    else:
        own = col(Round.self_chief_id) == user.id
    return or_(col(Round.status) == RoundStatus.closed, own)


def my_results(session: Session, actor: Actor) -> dict[str, Any]:
    look = Lookups.load(session)
    sites = {s.id: s for s in session.exec(_my_sites(actor).order_by(col(Site.name)))}
    rows = (
        session.exec(
            select(Sheet, Round)
            .join(Round, col(Round.id) == Sheet.round_id)
            .where(col(Sheet.site_id).in_(list(sites)), _visible_rounds(actor))
            .order_by(col(Sheet.submitted_at).desc(), col(Sheet.id).desc())
        ).all()
        if sites
        else []
    )
    latest: dict[int, dict[str, Any]] = {}
    counts: dict[int, int] = {}
    for sheet, rnd in rows:
        counts[sheet.site_id] = counts.get(sheet.site_id, 0) + 1
        latest.setdefault(
            sheet.site_id,
            {
                "round": _round(rnd),
                "sheet_id": sheet.id,
                "score": sheet.score,
                "submitted_at": sheet.submitted_at.isoformat(),
            },
        )
    sheets = {sheet.id: (sheet, rnd) for sheet, rnd in rows}
    deductions = []
    if sheets:
        found = session.exec(
            select(SheetResult, StandardItem, Ticket)
            .join(StandardItem, col(StandardItem.id) == SheetResult.item_id)
            .outerjoin(Ticket, col(Ticket.id) == SheetResult.ticket_id)
            .where(
                col(SheetResult.sheet_id).in_(list(sheets)),
                SheetResult.outcome == ItemOutcome.deduct,
            )
            .order_by(col(SheetResult.sheet_id).desc(), col(StandardItem.code))
        ).all()
        for result, item, ticket in found:
            sheet, rnd = sheets[result.sheet_id]
            site = sites[sheet.site_id]
            deductions.append(
                {
                    "round": _round(rnd),
                    "site": {"id": site.id, "name": site.name},
                    "sheet_id": sheet.id,
                    "item_code": item.code,
                    "text": item.text,
                    "occurrences": result.occurrences,
                    "points": result.points,
                    "note": result.note,
                    "ticket": None
                    if ticket is None
                    else {
                        "id": ticket.id,
                        "number": ticket.number,
                        "status": ticket.status,
                        "due_at": ticket.due_at.isoformat() if ticket.due_at else None,
                    },
                    "to_rectify": ticket is not None and ticket.status in OPEN_TICKET,
                }
            )
    return {
        "sites": [
            {
                **look.site(site),
                "latest": latest.get(site.id),  # type: ignore[arg-type]
                "sheets": counts.get(site.id, 0),  # type: ignore[arg-type]
            }
            for site in sites.values()
        ],
        "deductions": deductions,
        "to_rectify": sum(1 for d in deductions if d["to_rectify"]),
    }


def _round(rnd: Round) -> dict[str, Any]:
    return {
        "id": rnd.id,
        "name": rnd.name,
        "kind": rnd.kind,
        "kind_label": KIND_LABELS[rnd.kind],
        "status": rnd.status,
    }
