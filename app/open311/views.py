"""Open311 GeoReport v2 under /open311/v2/, every endpoint as .json and .xml.

Reads need no key (as the spec says); every request is limited per address, and creating one
also per client system's api_key. The counters live in the database, so the limits hold
across all the app processes of a deployment. Errors are the spec's errors/error bodies.
"""

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from sqlmodel import Session

from app.citizens import abuse
from app.citizens import service as citizens
from app.citizens.models import Channel
from app.citizens.public_cache import public_answers
from app.core.db import SessionDep
from app.core.errors import AppError
from app.core.net import client_address
from app.open311 import actions, service
from app.open311.render import render_requests, respond
from app.open311.service import Open311Error, Query
from app.open311.tokens import open311_token, read_open311_token

# GeoReport v2 is its own published contract (discovery.json points to it), with its own error
# body (a list of {code, description}) and XML twins, so it stays out of /openapi.json.
router = APIRouter(prefix="/open311/v2", tags=["open311"], include_in_schema=False)

FORMATS = ("json", "xml")


def _fmt(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Open311Error(404, f"format must be json or xml, not {fmt!r}")
    return fmt


def open311(root: str) -> Callable[..., Any]:
    """Render the endpoint's value in the requested format and every failure as errors/error."""

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def endpoint(*args: Any, **kw: Any) -> Response:
            fmt = kw.get("fmt", "json")
            try:
                _fmt(fmt)
                _count(kw["session"], kw["request"])
                answer = fn(*args, **kw)
                if isinstance(answer, Response):  # rendered already (a cached list)
                    return answer
                status, body = answer
                return respond(fmt, root, body, status)
            except Open311Error as exc:
                _undo(kw)
                return _error(fmt, exc.status, exc.code, exc.description, exc.headers)
            except AppError as exc:
                _undo(kw)
                headers = {}
                if "retry_after" in exc.extra:
                    headers["Retry-After"] = str(exc.extra["retry_after"])
                # 403 for keys, 404 for missing things, 400 for everything else (the spec's rule).
                status = exc.status_code if exc.status_code in (403, 404, 413, 415, 429) else 400
                return _error(fmt, status, status, exc.message, headers)

        return endpoint

    return wrap


def _count(session: Session, request: Request) -> None:
    actions.count_request(session, client_address(request))


def _undo(kw: dict[str, Any]) -> None:
    """A refused request leaves nothing behind (the error is a response, not an exception)."""
    if "session" in kw:
        kw["session"].rollback()


def _error(fmt: str, status: int, code: int, description: str, headers: dict[str, str]) -> Response:
    body = [{"code": code, "description": description}]
    return respond(fmt if fmt in FORMATS else "json", "errors", body, status, **headers)


@router.get("/discovery.{fmt}")
@open311("discovery")
def discovery(session: SessionDep, request: Request, fmt: str) -> tuple[int, Any]:
    """Service discovery: where the GeoReport v2 endpoint is and what it speaks."""
    base = _base_url(request) + "/open311/v2/"
    return 200, {
        "changeset": service.CHANGESET,
        "contact": "城市管理指挥中心",
        "key_service": "向城市管理指挥中心申请 api_key（roadchief apikey add NAME）",
        "endpoints": [
            {
                "specification": service.SPEC,
                "url": base,
                "changeset": service.CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


@router.get("/services.{fmt}")
@open311("services")
def services(session: SessionDep, request: Request, fmt: str) -> tuple[int, Any]:
    """Service list: the active 小类."""
    return 200, service.services(session)


@router.get("/services/{code}.{fmt}")
@open311("service_definition")
def service_definition(
    session: SessionDep, request: Request, code: str, fmt: str
) -> tuple[int, Any]:
    """Service definition: the attributes a 小类 asks for."""
    return 200, service.definition(session, code)


def _split(raw: str | None) -> tuple[str, ...] | None:
    if raw is None or not raw.strip():
        return None
    return tuple(part.strip() for part in raw.split(",") if part.strip())


@router.get("/requests.{fmt}")
@open311("service_requests")
def list_requests(
    session: SessionDep,
    request: Request,
    fmt: str,
    service_request_id: str | None = None,
    service_code: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    status: str | None = None,
    lat: str | None = None,
    long: str | None = None,
    radius: str | None = None,
    page: str | None = None,
    page_size: str | None = None,
) -> Any:
    """Service requests, newest first, at most 1000 and 90 days.

    `page` and `page_size` (≤ 1000) page through longer lists (an extension of the spec).
    """
    statuses = _split(status)
    if statuses and not set(statuses) <= {"open", "closed"}:
        raise Open311Error(400, "status must be open, closed or both")
    near = None
    la, lo = service.parse_float("lat", lat, 90), service.parse_float("long", long, 180)
    if (la is None) != (lo is None):
        raise Open311Error(400, "lat and long go together")
    if la is not None and lo is not None:
        r = service.parse_float("radius", radius, 50_000) or 1000.0
        if r <= 0:
            raise Open311Error(400, "radius must be a positive number of metres")
        near = (la, lo, r)
    q = Query(
        ids=_split(service_request_id),
        codes=_split(service_code),
        start=service.parse_when("start_date", start_date),
        end=service.parse_when("end_date", end_date),
        statuses=statuses,
        near=near,
        page=_positive("page", page, 100_000) or 1,
        page_size=_positive("page_size", page_size, service.MAX_RESULTS) or service.MAX_RESULTS,
    )
    base = _base_url(request)
    answer = public_answers.answer(
        session,
        ("open311", fmt, base, q),
        lambda: render_requests(fmt, service.find_rows(session, q, base)),
    )
    return answer.response(request, "no-cache")


def _base_url(request: Request) -> str:
    """Where this server is, as the client reached it (behind a proxy: its forwarded host)."""
    return str(request.base_url).rstrip("/")


def _positive(name: str, raw: str | None, limit: int) -> int | None:
    if raw is None or not raw.strip():
        return None
    if not raw.strip().isdigit() or not 1 <= int(raw) <= limit:
        raise Open311Error(400, f"{name} must be a whole number from 1 to {limit}")
    return int(raw)


@router.get("/requests/{request_id}.{fmt}")
@open311("service_requests")
def get_request(
    session: SessionDep, request: Request, request_id: str, fmt: str
) -> tuple[int, Any]:
    """One service request by its id (the ticket number)."""
    found = service.find_requests(session, Query(ids=(request_id,)), _base_url(request))
    if not found:
        raise Open311Error(404, f"service_request_id {request_id} was not found")
    return 200, found


@router.get("/tokens/{token}.{fmt}")
@open311("service_requests")
def get_token(session: SessionDep, request: Request, token: str, fmt: str) -> tuple[int, Any]:
    """The service_request_id behind a token, once the request is accepted (受理)."""
    try:
        report_id, nonce = read_open311_token(token)
        report = citizens.report_by_token(session, report_id, nonce)
    except AppError:
        raise Open311Error(404, "token was not found") from None
    return 200, [service.token_status(session, report, token)]


async def attribute_answers(request: Request) -> dict[str, str]:
    """attribute[CODE]=value pairs of a POSTed request (the form is parsed once, cached)."""
    kind = request.headers.get("content-type", "")
    if not kind.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        return {}
    form = await request.form()
    return {
        key[len("attribute[") : -1]: str(value)
        for key, value in form.multi_items()
        if key.startswith("attribute[") and key.endswith("]")
    }


@router.post("/requests.{fmt}")
@open311("service_requests")
def create_request(
    session: SessionDep,
    request: Request,
    fmt: str,
    api_key: Annotated[str | None, Form()] = None,
    service_code: Annotated[str | None, Form()] = None,
    lat: Annotated[str | None, Form()] = None,
    long: Annotated[str | None, Form()] = None,
    address_string: Annotated[str | None, Form()] = None,
    description: Annotated[str | None, Form()] = None,
    media_url: Annotated[str | None, Form()] = None,
    email: Annotated[str | None, Form()] = None,
    phone: Annotated[str | None, Form()] = None,
    first_name: Annotated[str | None, Form()] = None,
    last_name: Annotated[str | None, Form()] = None,
    media: Annotated[list[UploadFile] | None, File()] = None,
    answers: Annotated[dict[str, str], Depends(attribute_answers)] = {},  # noqa: B006
) -> tuple[int, Any]:
    """Create a request (enters triage); answers with a token."""
    client = service.client_for_key(session, api_key)
    limits = actions.create_limits(client)
    abuse.peek_rate(session, limits.buckets, limits.window_s)  # 429 before anything else
    if not service_code:
        raise Open311Error(400, "service_code is required")
    category = service.category(session, service_code)
    la, lo = service.parse_float("lat", lat, 90), service.parse_float("long", long, 180)
    if la is None or lo is None:
        if not (address_string or "").strip():
            raise Open311Error(400, "a location is required: lat and long, or address_string")
        la, lo = service.locate_address(session, address_string or "")
    lines = service.attribute_lines(category.code, answers)
    text = "\n".join([*(description or "").strip()[:4000].splitlines(), *lines]).strip()
    if media_url and not media_url.startswith(("http://", "https://")):
        raise Open311Error(400, "media_url must be an http(s) URL")
    name = " ".join(p for p in ((last_name or "").strip(), (first_name or "").strip()) if p)
    intake = citizens.Intake(
        channel=Channel.open311,
        category=category.code,
        lat=la,
        lon=lo,
        accuracy_m=None,
        description=text[:2000],
        address=address_string or "",
        phone=phone,
        email=email,
        contact_name=name or None,
        client_id=client.id,
    )
    report = actions.create_request(session, client, intake, media or [], media_url).result
    token = open311_token(report)  # not the citizen's tracking token: only they may rate
    notice = "已收到，待受理；受理后可用 token 查询 service_request_id"
    return 201, [{"token": token, "service_notice": notice, "account_id": None}]
