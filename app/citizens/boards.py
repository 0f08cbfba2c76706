"""The public boards (曝光台): 整改成效 before/after pairs and 曝光 of overdue or reworked cases.

Nothing is public until a supervisor publishes it, and what is published is fixed at that
moment: a title and note the supervisor wrote, the road's name (never coordinates), the unit
(a department or office, never a person), and blurred, metadata-free copies of chosen photos.
The live ticket, its reporter, its GPS and its original photos are never read by a public page.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_
from sqlmodel import Session, col, func, select

from app.auth.policy import Actor
from app.citizens.models import Board, Publication
from app.core.config import get_settings
from app.core.errors import Conflict, Invalid, NotFound
from app.core.timeutil import utcnow
from app.org.models import Department, Road, User, Zone
from app.photos.models import Photo, PhotoKind
from app.tickets.models import OPEN_STATUSES, Category, Status, Ticket

PAGE_SIZE = 20
REWORKED = 2  # 曝光 takes cases reworked at least this often (通报批评), or overdue ones


@dataclass(frozen=True)
class Chosen:
    photo: Photo
    blur: list[list[float]]


def check_rects(rects: list[list[float]]) -> list[list[float]]:
    out = []
    for r in rects:
        if len(r) != 4 or not all(isinstance(v, int | float) for v in r):
            raise Invalid("a blur rectangle is [x, y, width, height] as fractions of the photo")
        x, y, w, h = (float(v) for v in r)
        if not (0 <= x < 1 and 0 <= y < 1 and 0 < w <= 1 and 0 < h <= 1):
            raise Invalid("blur rectangles must lie within the photo (fractions 0…1)")
        out.append([round(x, 4), round(y, 4), round(min(w, 1 - x), 4), round(min(h, 1 - y), 4)])
    return out


def choose_photos(
    session: Session, ticket: Ticket, board: Board, wanted: list[tuple[int, list[list[float]]]]
) -> list[Chosen]:
    """The photos to publish, checked against the ticket and the board's rules."""
    if not wanted:
        raise Invalid("choose at least one photo to publish")
    chosen = []
    for photo_id, rects in wanted:
        photo = session.get(Photo, photo_id)
        if photo is None or photo.ticket_id != ticket.id or photo.kind == PhotoKind.verify:
            raise Invalid(f"photo {photo_id} is not a before or after photo of {ticket.number}")
        chosen.append(Chosen(photo, check_rects(rects)))
    kinds = {c.photo.kind for c in chosen}
    if board == Board.results and kinds != {PhotoKind.before, PhotoKind.after}:
        raise Invalid("整改成效 needs a before and an after photo")
    return chosen


def check_eligible(ticket: Ticket, board: Board) -> None:
    now = utcnow()
    if board == Board.results and ticket.status != Status.closed:
        raise Conflict("only closed (已结案) tickets go on 整改成效")
    if board == Board.exposure:
        overdue = (
            ticket.due_at is not None
            and (ticket.closed_at or now) > ticket.due_at
            and ticket.status != Status.dismissed
        )
        if not overdue and ticket.rework_count < REWORKED:
            raise Conflict("曝光 takes overdue or repeatedly reworked (返工 ≥ 2) tickets")


def candidate_filter(stmt: Any, board: Board) -> Any:
    """Tickets that may go on the board (check_eligible decides for one ticket)."""
    if board == Board.results:
        return stmt.where(Ticket.status == Status.closed)
    now = utcnow()
    overdue = and_(
        col(Ticket.due_at).is_not(None),
        or_(
            and_(
                col(Ticket.status).in_([s.value for s in OPEN_STATUSES]), col(Ticket.due_at) < now
            ),
            col(Ticket.closed_at) > col(Ticket.due_at),
        ),
    )
    return stmt.where(or_(overdue, col(Ticket.rework_count) >= REWORKED))


def unit_of(session: Session, ticket: Ticket) -> str:
    """The responsible unit by name: the department, else the chief's office, else the zone."""
    if ticket.department_id:
        dept = session.get(Department, ticket.department_id)
        if dept:
            return dept.name
    chief = session.get(User, ticket.assignee_id) if ticket.assignee_id else None
    if chief is not None and chief.title:
        return chief.title
    zone = session.get(Zone, ticket.zone_id) if ticket.zone_id else None
    return zone.name if zone else ""


def publish(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    board: Board,
    title: str,
    note: str,
    unit_name: str | None,
    copies: list[dict[str, Any]],
) -> Publication:
    """Record the publication; the blurred copies are already stored."""
    if not title.strip():
        raise Invalid("give the case a title")
    live = session.exec(
        select(Publication).where(
            Publication.ticket_id == ticket.id,
            Publication.board == board,
            col(Publication.withdrawn_at).is_(None),
        )
    ).first()
    if live is not None:
        raise Conflict(f"{ticket.number} is already on this board; withdraw it first")
    road = session.get(Road, ticket.road_id) if ticket.road_id else None
    zone = session.get(Zone, ticket.zone_id) if ticket.zone_id else None
    category = session.get(Category, ticket.category_code)
    now = utcnow()
    overdue_days = None
    if ticket.due_at is not None and (ticket.closed_at or now) > ticket.due_at:
        overdue_days = ((ticket.closed_at or now) - ticket.due_at).days
    publication = Publication(
        ticket_id=ticket.id,  # type: ignore[arg-type]
        board=board,
        title=title.strip()[:200],
        note=note.strip()[:1000],
        road_name=road.name if road else (zone.name if zone else ""),
        unit_name=(unit_name or "").strip()[:100] or unit_of(session, ticket),
        category_name=category.name if category else "",
        facts={
            "received_on": _local_day(ticket.received_at),
            "closed_on": _local_day(ticket.closed_at) if ticket.closed_at else None,
            "overdue_days": overdue_days,
            "rework_count": ticket.rework_count,
        },
        photos=copies,
        published_by_id=actor.user.id,  # type: ignore[arg-type]
        published_at=now,
    )
    session.add(publication)
    session.flush()
    return publication


def _local_day(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo(get_settings().timezone)).date().isoformat()


def withdraw(session: Session, publication: Publication) -> None:
    if publication.withdrawn_at is not None:
        raise Conflict("already withdrawn")
    publication.withdrawn_at = utcnow()


def public_item(p: Publication) -> dict[str, Any]:
    """Every field a public page receives (tests list them: nothing else may appear)."""
    return {
        "id": p.id,
        "board": p.board,
        "title": p.title,
        "note": p.note,
        "road": p.road_name,
        "unit": p.unit_name,
        "category": p.category_name,
        "published_at": p.published_at.isoformat(),
        "facts": p.facts,
        "photos": [
            {
                "kind": ph["kind"],
                "url": f"/api/public/publications/{p.id}/photos/{i}",
                "width": ph["width"],
                "height": ph["height"],
            }
            for i, ph in enumerate(p.photos)
        ],
    }


def board_page(session: Session, board: Board, page: int) -> dict[str, Any]:
    live = (Publication.board == board, col(Publication.withdrawn_at).is_(None))
    rows = session.exec(
        select(Publication)
        .where(*live)
        .order_by(col(Publication.published_at).desc(), col(Publication.id).desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    count = session.exec(select(func.count()).select_from(Publication).where(*live)).one()
    data = [public_item(p) for p in rows]
    if board == Board.exposure:
        units: dict[str, int] = {}
        for p in session.exec(select(Publication.unit_name).where(*live)):
            units[p] = units.get(p, 0) + 1
        by_unit = [{"unit": u, "count": n} for u, n in sorted(units.items(), key=lambda x: -x[1])]
    else:
        by_unit = []
    return {"board": board, "page": page, "count": count, "data": data, "by_unit": by_unit}


def page_json(session: Session, board: Board, page: int) -> bytes:
    return json.dumps(board_page(session, board, page), ensure_ascii=False).encode()


def live_publication(session: Session, publication_id: int) -> Publication:
    p = session.get(Publication, publication_id)
    if p is None or p.withdrawn_at is not None:
        raise NotFound("not published")
    return p


def staff_list(session: Session) -> list[dict[str, Any]]:
    rows = session.exec(select(Publication).order_by(col(Publication.published_at).desc())).all()
    numbers = dict(
        session.exec(
            select(col(Ticket.id), Ticket.number).where(
                col(Ticket.id).in_({p.ticket_id for p in rows} or {0})
            )
        ).all()
    )
    return [
        {
            **public_item(p),
            "ticket": {"id": p.ticket_id, "number": numbers.get(p.ticket_id)},
            "withdrawn_at": p.withdrawn_at.isoformat() if p.withdrawn_at else None,
            "blur": [ph["blur"] for ph in p.photos],
        }
        for p in rows
    ]
