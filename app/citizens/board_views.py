"""曝光台: public boards without sign-in (ETag, cacheable), and publishing from the console."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import col, select

from app.citizens import actions, boards
from app.citizens.deps import Publisher
from app.citizens.models import Board, Publication
from app.citizens.public_cache import public_answers
from app.citizens.schemas import BoardPage, Candidate, PublicationRow, PublicItem, Withdrawn
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import errors
from app.photos.models import Photo
from app.photos.storage import digest_of, get_storage
from app.tickets.models import Ticket

JPEG: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/jpeg": {}}, "description": "JPEG"}
}
public = APIRouter(prefix="/api/public", tags=["public boards"])
staff = APIRouter(prefix="/api/citizen/publications", tags=["public boards"])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PhotoChoice(Strict):
    photo_id: int
    # Rectangles over faces and number plates: [x, y, width, height] as fractions (0…1).
    blur: list[list[float]] = Field(default_factory=list, max_length=50)


class PublishBody(Strict):
    ticket_id: int
    board: Board
    title: str = Field(max_length=200)
    note: str = Field(default="", max_length=1000)
    unit_name: str | None = Field(default=None, max_length=100)
    photos: list[PhotoChoice] = Field(max_length=6)


@public.get(
    "/boards/{board}",
    response_class=Response,
    responses={200: {"model": BoardPage, "description": "a page of published cases"}},
)
def board_page(
    session: SessionDep,
    board: Board,
    request: Request,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    """A page of a board (整改成效 `results` or 曝光 `exposure`): only what was published."""
    answer = public_answers.answer(
        session,
        ("board", board, page),
        lambda: (boards.page_json(session, board, page), "application/json"),
    )
    response = answer.response(request, "public, max-age=60")
    response.headers["Vary"] = "Accept-Encoding"
    return response


@public.get(
    "/publications/{publication_id}/photos/{index}", response_class=Response, responses=JPEG
)
def public_photo(
    session: SessionDep, publication_id: int, index: int, request: Request
) -> Response:
    """A published, blurred, metadata-free copy; gone when the publication is withdrawn."""
    p = boards.live_publication(session, publication_id)
    if not 0 <= index < len(p.photos):
        raise NotFound("no such photo")
    key = p.photos[index]["key"]
    etag = f'"{digest_of(key)}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(get_storage().get(key), media_type="image/jpeg", headers=headers)


@staff.get("", response_model=list[PublicationRow])
def publications(session: SessionDep, _actor: Publisher) -> list[dict[str, Any]]:
    """Everything ever published, withdrawn ones included."""
    return boards.staff_list(session)


@staff.post("", status_code=201, response_model=PublicItem, responses=errors(404, 409))
def publish(session: SessionDep, actor: Publisher, body: PublishBody) -> dict[str, Any]:
    """Publish a ticket on a board, with blur rectangles applied on the server.

    The blurred copies are made and stored before the short transaction that records them.
    """
    publishing = actions.Publishing(
        body.ticket_id, body.board, body.title, body.note, body.unit_name,
        [(c.photo_id, c.blur) for c in body.photos],
    )  # fmt: skip
    return boards.public_item(actions.publish(session, actor, publishing).result)


@staff.post("/{publication_id}/withdraw", response_model=Withdrawn, responses=errors(409))
def withdraw(session: SessionDep, _actor: Publisher, publication_id: int) -> dict[str, Any]:
    """Take a case off the board at once."""
    p = actions.withdraw(session, publication_id).result
    return {"id": p.id, "withdrawn": True}


@staff.get("/candidates", response_model=list[Candidate])
def candidates(
    session: SessionDep,
    _actor: Publisher,
    board: Board,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[dict[str, Any]]:
    """Tickets that fit a board and are not on it yet, with their photos to choose from."""
    on_board = select(Publication.ticket_id).where(
        Publication.board == board, col(Publication.withdrawn_at).is_(None)
    )
    stmt = select(Ticket).where(col(Ticket.id).not_in(on_board))
    stmt = boards.candidate_filter(stmt, board)
    tickets = session.exec(stmt.order_by(col(Ticket.updated_at).desc()).limit(limit)).all()
    photos: dict[int, list[Photo]] = {}
    ids = [t.id for t in tickets]
    if ids:
        for p in session.exec(
            select(Photo).where(col(Photo.ticket_id).in_(ids)).order_by(col(Photo.id))
        ):
            photos.setdefault(p.ticket_id, []).append(p)
    return [
        {
            "id": t.id,
            "number": t.number,
            "status": t.status,
            "rework_count": t.rework_count,
            "due_at": t.due_at.isoformat() if t.due_at else None,
            "unit": boards.unit_of(session, t),
            "photos": [
                {
                    "id": p.id,
                    "kind": p.kind,
                    "url": f"/api/photos/{p.id}/display",
                    "thumb_url": f"/api/photos/{p.id}/thumb",
                    "width": p.width,
                    "height": p.height,
                }
                for p in photos.get(t.id, [])  # type: ignore[arg-type]
                if p.kind != "verify"
            ],  # fmt: skip
        }
        for t in tickets
    ]
