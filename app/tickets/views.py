"""Ticket endpoints: parse, load the ticket (404 once, in deps), call an action, present."""

import math
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app.auth.deps import CurrentActor
from app.core.db import SessionDep
from app.core.errors import Invalid
from app.core.openapi import BBox, errors
from app.core.timeutil import as_utc
from app.tickets import actions
from app.tickets.deps import OptionalKey, RequiredKey, VisibleTicket
from app.tickets.filing import Filer, Report
from app.tickets.models import Status, Ticket
from app.tickets.presenter import TicketPresenter
from app.tickets.schemas import TicketDetail, TicketPage
from app.tickets.service import TicketFilter, list_tickets, parse_bbox, parse_point

router = APIRouter(prefix="/api/tickets", tags=["tickets"])


class StrictBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VerifyBody(StrictBody):
    approved: bool
    note: str = Field(default="", max_length=2000)
    # Where the verifier stands (WGS-84), when the phone has a fix: recorded, flagged when far.
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    accuracy_m: float | None = Field(default=None, ge=0, le=100_000)


class HandoffBody(StrictBody):
    department_id: int
    note: str = Field(max_length=2000)


class DispatchBody(StrictBody):
    road_id: int | None = None
    grid_id: int | None = None
    assignee_id: int | None = None
    department_id: int | None = None
    note: str = Field(default="", max_length=2000)


class DismissBody(StrictBody):
    reason: Literal["invalid", "duplicate"]
    duplicate_of: int | None = None
    note: str = Field(default="", max_length=2000)


class EscalateBody(StrictBody):
    note: str = Field(default="", max_length=2000)


def _coordinate(name: str, value: float, limit: float) -> float:
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise Invalid(f"{name} must be a number between -{limit:g} and {limit:g}")
    return value


def _present(
    session: SessionDep, actor: CurrentActor, ticket: Ticket, events: bool = True
) -> dict[str, Any]:
    session.flush()
    return TicketPresenter(session, actor).one(ticket, with_events=events)


@router.post(
    "",
    status_code=201,
    response_model=TicketDetail,
    responses={
        200: {
            "description": "the same Idempotency-Key and body again: the first ticket",
            "model": TicketDetail,
        }
    },
)
def create_ticket(
    session: SessionDep,
    actor: CurrentActor,
    key: RequiredKey,
    category: Annotated[str, Form(max_length=8)],
    lat: Annotated[float, Form()],
    lon: Annotated[float, Form()],
    accuracy_m: Annotated[float | None, Form(ge=0, le=100_000)] = None,
    description: Annotated[str, Form(max_length=2000)] = "",
    captured_at: Annotated[datetime | None, Form()] = None,
    photo: Annotated[list[UploadFile] | None, File()] = None,
) -> Any:
    """Report a problem (当场下单): photos, GPS and a category; routed to the road chief."""
    report = Report(
        category=category.strip(),
        lat=_coordinate("lat", lat, 90),
        lon=_coordinate("lon", lon, 180),
        accuracy_m=accuracy_m if accuracy_m is None or math.isfinite(accuracy_m) else None,
        description=description.strip(),
        captured_at=as_utc(captured_at) if captured_at else None,
    )
    done = actions.report(session, Filer(actor.user), report, photo or [], key)
    return JSONResponse(
        _present(session, actor, done.result), status_code=201 if done.created else 200
    )


@router.get("", response_model=TicketPage)
def search_tickets(
    session: SessionDep,
    actor: CurrentActor,
    status: str | None = None,
    category: Annotated[str | None, Query(max_length=8)] = None,
    road: int | None = None,
    zone: int | None = None,
    assignee: int | None = None,
    reporter: str | None = None,
    bbox: BBox | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    overdue: bool = False,
    inbox: bool = False,
    near: str | None = None,
    sort: str = "-received_at",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Tickets I may see, filtered and paged: {"data": [...], "count": N}."""
    statuses = None
    if status:
        try:
            statuses = [Status(s.strip()) for s in status.split(",") if s.strip()]
        except ValueError:
            raise Invalid(f"status must be among {', '.join(s.value for s in Status)}") from None
    reporter_id = None
    if reporter is not None:
        if reporter == "me":
            reporter_id = actor.user.id
        elif reporter.isdigit():
            reporter_id = int(reporter)
        else:
            raise Invalid("reporter must be a user id or 'me'")
    f = TicketFilter(
        status=statuses,
        category=category,
        road=road,
        zone=zone,
        assignee=assignee,
        reporter=reporter_id,
        bbox=parse_bbox(bbox) if bbox else None,
        since=as_utc(since) if since else None,
        until=as_utc(until) if until else None,
        overdue=overdue,
        inbox=inbox,
        near=parse_point(near) if near else None,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    data, count = list_tickets(session, actor, f)
    return {"data": data, "count": count}


@router.get("/{ticket_id}", response_model=TicketDetail)
def get_ticket(session: SessionDep, actor: CurrentActor, ticket: VisibleTicket) -> dict[str, Any]:
    """One ticket with its photos and its ledger events."""
    return _present(session, actor, ticket)


@router.post("/{ticket_id}/rectify", response_model=TicketDetail, responses=errors(409))
def rectify(
    session: SessionDep,
    actor: CurrentActor,
    key: OptionalKey,
    ticket: VisibleTicket,
    note: Annotated[str, Form(max_length=2000)] = "",
    photo: Annotated[list[UploadFile] | None, File()] = None,
    lat: Annotated[float | None, Form(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Form(ge=-180, le=180)] = None,
    accuracy_m: Annotated[float | None, Form(ge=0, le=100_000)] = None,
    captured_at: Annotated[datetime | None, Form()] = None,
) -> dict[str, Any]:
    """整改: upload the after-photo(s); the ticket waits for verification. The phone's position
    (lat, lon, accuracy_m) and capture time go on the after-photo's watermark when its file has
    none."""
    at = (lat, lon, accuracy_m) if lat is not None and lon is not None else None
    actions.rectify(
        session, actor, ticket, note=note, photos=photo or [], key=key, at=at,
        captured_at=captured_at,
    )  # fmt: skip
    return _present(session, actor, ticket)


@router.post("/{ticket_id}/photos", response_model=TicketDetail, responses=errors(409))
def add_photos(
    session: SessionDep,
    actor: CurrentActor,
    key: RequiredKey,
    ticket: VisibleTicket,
    note: Annotated[str, Form(max_length=2000)] = "",
    photo: Annotated[list[UploadFile] | None, File()] = None,
) -> dict[str, Any]:
    """The same problem, already filed: add my photo(s) to the open ticket, not a new ticket.

    409 when the ticket is closed or dismissed (report it anew); a retry under the same
    Idempotency-Key answers the ticket and adds nothing twice.
    """
    actions.add_photo(session, actor, ticket, note=note, photos=photo or [], key=key)
    return _present(session, actor, ticket)


async def verify_input(request: Request) -> tuple[VerifyBody, list[UploadFile]]:
    """JSON per the contract, or multipart when the inspector adds a verify photo."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        raw = str(form.get("approved", "")).lower()
        if raw not in ("true", "false", "1", "0"):
            raise Invalid("approved must be true or false")
        photos = [f for f in form.getlist("photo") if isinstance(f, UploadFile)]
        where = {
            k: form.get(k) for k in ("lat", "lon", "accuracy_m") if form.get(k) not in (None, "")
        }
        try:
            body = VerifyBody.model_validate(
                {"approved": raw in ("true", "1"), "note": str(form.get("note", "")), **where}
            )
        except ValueError as exc:
            raise Invalid("lat, lon and accuracy_m must be numbers", errors=str(exc)) from None
        return body, photos
    try:
        return VerifyBody.model_validate_json(await request.body()), []
    except ValueError as exc:
        raise Invalid(
            'body must be JSON {"approved": bool, "note": str}', errors=str(exc)
        ) from None


# The body is parsed by verify_input (JSON or multipart), so FastAPI cannot describe it itself.
VERIFY_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": VerifyBody.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["approved"],
                    "properties": {
                        "approved": {"type": "boolean"},
                        "note": {"type": "string", "maxLength": 2000},
                        "photo": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "verify photos (核查), JPEG, PNG or HEIC",
                        },
                    },
                }
            },
        },
    }
}


@router.post(
    "/{ticket_id}/verify",
    response_model=TicketDetail,
    responses=errors(409),
    openapi_extra=VERIFY_BODY_DOC,
)
def verify(
    session: SessionDep,
    actor: CurrentActor,
    key: OptionalKey,
    ticket: VisibleTicket,
    body: Annotated[tuple[VerifyBody, list[UploadFile]], Depends(verify_input)],
) -> dict[str, Any]:
    """核查: approve (closed) or reject (back to the assignee, rework +1)."""
    data, photos = body
    at = (
        (data.lat, data.lon, data.accuracy_m)
        if data.lat is not None and data.lon is not None
        else None
    )
    actions.verify(
        session,
        actor,
        ticket,
        approved=data.approved,
        note=data.note,
        photos=photos,
        at=at,
        key=key,
    )
    return _present(session, actor, ticket)


@router.post("/{ticket_id}/handoff", response_model=TicketDetail, responses=errors(409))
def handoff(
    session: SessionDep,
    actor: CurrentActor,
    key: OptionalKey,
    body: HandoffBody,
    ticket: VisibleTicket,
) -> dict[str, Any]:
    """A chief hands the ticket to a functional department (职能部门) with a reason."""
    actions.handoff(
        session, actor, ticket, department_id=body.department_id, note=body.note, key=key
    )
    return _present(session, actor, ticket)


@router.post("/{ticket_id}/dispatch", response_model=TicketDetail, responses=errors(409))
def dispatch(
    session: SessionDep,
    actor: CurrentActor,
    key: OptionalKey,
    body: DispatchBody,
    ticket: VisibleTicket,
) -> dict[str, Any]:
    """派遣: send a pending ticket to a road, chief or department, or re-route it."""
    actions.dispatch(session, actor, ticket, **body.model_dump(), key=key)
    return _present(session, actor, ticket)


@router.post("/{ticket_id}/dismiss", response_model=TicketDetail, responses=errors(409))
def dismiss(
    session: SessionDep,
    actor: CurrentActor,
    key: OptionalKey,
    body: DismissBody,
    ticket: VisibleTicket,
) -> dict[str, Any]:
    """作废: invalid, or a duplicate merged into its original."""
    actions.dismiss(session, actor, ticket, **body.model_dump(), key=key)
    return _present(session, actor, ticket)


@router.post("/{ticket_id}/escalate", response_model=TicketDetail, responses=errors(409))
def escalate(
    session: SessionDep,
    actor: CurrentActor,
    key: OptionalKey,
    body: EscalateBody,
    ticket: VisibleTicket,
) -> dict[str, Any]:
    """督办 by hand: one chief level up."""
    actions.escalate(session, actor, ticket, note=body.note, key=key)
    return _present(session, actor, ticket)
