"""随手拍 (no account), the reporter's tracking link, and the console's triage and reviews."""

import math
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Header, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app.citizens import abuse, actions, service
from app.citizens.deps import TrackedReport, Triager
from app.citizens.models import Channel, CitizenPhoto, CitizenReport, IntakeStatus, Score
from app.citizens.photos import unmarked_copy
from app.citizens.schemas import (
    Challenge,
    CitizenCategory,
    Filed,
    Rated,
    Rejected,
    Reviewed,
    ReviewRow,
    Ticketed,
    TownCenter,
    Tracking,
    TriageQueue,
)
from app.citizens.settings import get_citizen_settings
from app.core.db import SessionDep, release_reads
from app.core.errors import Forbidden, Invalid, NotFound
from app.core.net import client_address
from app.core.openapi import errors
from app.org.models import Role
from app.photos.models import Photo, PhotoKind
from app.photos.storage import digest_of, get_storage
from app.tickets.deps import OptionalKey

JPEG: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/jpeg": {}}, "description": "JPEG"}
}
router = APIRouter(prefix="/api/citizen", tags=["citizens"])

PHONE_CHARS = set("0123456789+- ")
PRIVATE = "private, max-age=31536000, immutable"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RatingBody(Strict):
    score: Score
    reason: str = Field(default="", max_length=500)


class AcceptBody(Strict):
    note: str = Field(default="", max_length=1000)


class MergeBody(Strict):
    """The ticket to follow: its id, or its number as people read it (20261201-0042)."""

    ticket_id: int | None = None
    number: str | None = Field(default=None, max_length=20)
    note: str = Field(default="", max_length=1000)


class RejectBody(Strict):
    reason: str = Field(max_length=500)


class ReviewBody(Strict):
    decision: Literal["uphold", "reopen"]
    note: str = Field(max_length=500)


def _coordinate(name: str, value: float, limit: float) -> float:
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise Invalid(f"{name} must be a number between -{limit:g} and {limit:g}")
    return value


def _jpeg(data: Callable[[], bytes], tag: str, request: Request, cache: str) -> Response:
    """The picture, or 304 when the phone holds it already (nothing is read then)."""
    etag = f'"{tag}"'
    headers = {"ETag": etag, "Cache-Control": cache, "X-Content-Type-Options": "nosniff"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(data(), media_type="image/jpeg", headers=headers)


def _file(key: str) -> bytes:
    try:
        return get_storage().get(key)
    except KeyError:
        raise NotFound("the photo file is missing") from None


@router.get("/challenge", response_model=Challenge)
def challenge(response: Response) -> dict[str, Any]:
    """A proof-of-work challenge for the ALTCHA widget (solved in the page, no third party)."""
    response.headers["Cache-Control"] = "no-store"
    return abuse.new_challenge()


@router.get("/categories", response_model=list[CitizenCategory])
def categories(session: SessionDep) -> list[dict[str, Any]]:
    """The categories a citizen may choose from."""
    return service.citizen_categories(session)


@router.get("/area", response_model=TownCenter)
def area(session: SessionDep) -> dict[str, Any]:
    """Where the town is (the middle of its zones), for the map when the phone has no GPS."""
    return service.town_center(session)


@router.post(
    "/reports",
    status_code=201,
    response_model=Filed,
    responses={**errors(429), 200: {"description": "the same report again", "model": Filed}},
)
def file_report(
    request: Request,
    session: SessionDep,
    key: OptionalKey,
    category: Annotated[str, Form(max_length=8)],
    lat: Annotated[float, Form()],
    lon: Annotated[float, Form()],
    altcha: Annotated[str | None, Form(max_length=4000)] = None,
    accuracy_m: Annotated[float | None, Form(ge=0, le=100_000)] = None,
    description: Annotated[str, Form(max_length=2000)] = "",
    phone: Annotated[str, Form(max_length=32)] = "",
    photo: Annotated[list[UploadFile] | None, File()] = None,
    device: Annotated[str | None, Header(alias="X-Device-Id", max_length=64)] = None,
) -> Any:
    """随手拍: report a problem without an account; answers with the private tracking link."""
    if phone and not set(phone) <= PHONE_CHARS:
        raise Invalid("the phone number may hold digits, spaces, + and - only")
    intake = service.Intake(
        channel=Channel.citizen,
        category=category.strip(),
        lat=_coordinate("lat", lat, 90),
        lon=_coordinate("lon", lon, 180),
        accuracy_m=accuracy_m if accuracy_m is None or math.isfinite(accuracy_m) else None,
        description=description,
        phone=phone,
    )
    cfg = get_citizen_settings()
    buckets = [(abuse.bucket("addr", client_address(request)), cfg.reports_per_address)]
    if device:
        buckets.append((abuse.bucket("device", device), cfg.reports_per_device))
    done = actions.file_report(
        session, intake, photo or [], actions.Limits(buckets, cfg.rate_window_s),
        key=key, proof=altcha,
    )  # fmt: skip
    return _filed(done.result, 201 if done.created else 200)


def _filed(report: CitizenReport, status: int) -> JSONResponse:
    token = service.tracking_token(report)
    return JSONResponse(
        {"token": token, "tracking_url": f"/s/t/{token}", "status": report.status},
        status_code=status,
    )


@router.get("/track/{token}", response_model=Tracking)
def track(session: SessionDep, token: str, report: TrackedReport, response: Response) -> Any:
    """The reporter's view of their report: stage, after-photos, rating."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return service.tracking_view(session, report, token)


@router.get(
    "/track/{token}/photos/{which}/{photo_id}",
    response_class=Response,
    responses={**JPEG, **errors(503)},  # 503: the photo workers are saturated
)
def tracked_photo(
    session: SessionDep,
    report: TrackedReport,
    which: Literal["mine", "after"],
    photo_id: int,
    request: Request,
) -> Response:
    """The reporter's own photos and the after-photos of the ticket they follow.

    An after-photo is shown without the evidence watermark, which names the staff member who
    took it: made from the original on request (in a photo slot), kept by the phone's cache.
    """
    if which == "mine":
        mine = session.get(CitizenPhoto, photo_id)
        if mine is not None and mine.report_id == report.id:
            key = mine.display_key
            return _jpeg(lambda: _file(key), digest_of(key), request, PRIVATE)
    elif report.ticket_id is not None:
        photo = session.get(Photo, photo_id)
        if (
            photo is not None
            and photo.ticket_id == report.ticket_id
            and photo.kind == PhotoKind.after
        ):
            original = photo.original_key
            release_reads(session)  # no connection held while waiting for a photo slot
            return _jpeg(lambda: unmarked_copy(_file(original)), f"plain-{photo.sha256}",
                         request, PRIVATE)  # fmt: skip
    raise NotFound(f"photo {photo_id} not found")


@router.post("/track/{token}/rating", status_code=201, response_model=Rated, responses=errors(409))
def rate(session: SessionDep, report: TrackedReport, body: RatingBody) -> dict[str, Any]:
    """满意 / 基本满意 / 不满意 (with a reason) once the ticket is closed."""
    rating = actions.rate(session, report, body.score, body.reason).result
    return {"score": rating.score, "review": rating.review}


# --- the console --------------------------------------------------------------------------


@router.get("/triage", response_model=TriageQueue)
def triage_queue(
    session: SessionDep,
    _actor: Triager,
    status: IntakeStatus | None = IntakeStatus.triage,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """待受理 queue (oldest first, with the triage light), or decided reports."""
    return service.triage_queue(session, status, limit)


@router.post("/triage/{report_id}/accept", response_model=Ticketed, responses=errors(409))
def accept(session: SessionDep, actor: Triager, report_id: int, body: AcceptBody) -> dict[str, Any]:
    """受理: becomes a routed ticket; the deadline clock starts now."""
    ticket = actions.accept(session, actor, report_id, body.note).result
    return {"status": IntakeStatus.accepted, "ticket": {"id": ticket.id, "number": ticket.number}}


@router.post("/triage/{report_id}/merge", response_model=Ticketed, responses=errors(409))
def merge(session: SessionDep, actor: Triager, report_id: int, body: MergeBody) -> dict[str, Any]:
    """合并 into an existing ticket, which the reporter then follows."""
    ticket = actions.merge(
        session, actor, report_id, body.note, ticket_id=body.ticket_id, number=body.number
    ).result
    return {"status": IntakeStatus.merged, "ticket": {"id": ticket.id, "number": ticket.number}}


@router.post("/triage/{report_id}/reject", response_model=Rejected, responses=errors(409))
def reject(session: SessionDep, actor: Triager, report_id: int, body: RejectBody) -> dict[str, Any]:
    """不予受理 with a reason the reporter reads."""
    report = actions.reject(session, actor, report_id, body.reason).result
    return {"status": report.status, "reject_reason": report.reject_reason}


@router.get("/photos/{photo_id}/{variant}", response_class=Response, responses=JPEG)
def citizen_photo(
    session: SessionDep,
    actor: Triager,
    photo_id: int,
    variant: Literal["display", "thumb", "original"],
    request: Request,
) -> Response:
    """A citizen's photo for triage; the original only for supervisors and admins."""
    photo = session.get(CitizenPhoto, photo_id)
    if photo is None:
        raise NotFound(f"photo {photo_id} not found")
    if variant == "original":
        if actor.role not in (Role.supervisor, Role.admin):
            raise Forbidden("original photos are kept for supervisors and admins")
        return Response(_file(photo.original_key), media_type=photo.content_type)
    key = photo.display_key if variant == "display" else photo.thumb_key
    return _jpeg(
        lambda: _file(key), digest_of(key), request, "private, max-age=31536000, immutable"
    )


@router.get("/reviews", response_model=list[ReviewRow])
def reviews(session: SessionDep, _actor: Triager) -> list[dict[str, Any]]:
    """不满意 ratings waiting for a supervisor."""
    return service.review_queue(session)


@router.post("/reviews/{rating_id}", response_model=Reviewed, responses=errors(409))
def review(session: SessionDep, actor: Triager, rating_id: int, body: ReviewBody) -> dict[str, Any]:
    """Uphold the closure, or reopen the ticket for its assignee (rework +1)."""
    rating = actions.review(
        session, actor, rating_id, reopen=body.decision == "reopen", note=body.note
    ).result
    return {"review": rating.review}
