"""Open311 GeoReport v2 on top of the citizens' intake and the public-board rules.

Services are the active 小类. A POSTed request enters triage (待受理) like a 随手拍 report, so
the answer is a ``token`` (type ``batch``); ``tokens/{token}`` gives the service_request_id (the
ticket number) once a supervisor accepts or merges it. Reads show what the 曝光台 may show:
status, category, the road's name, a location rounded to ~100 m, public notes and the URLs of
published (blurred) photos — never the reporter, the exact GPS or an original.
"""

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import String, and_, func, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.citizens.models import CitizenReport, IntakeStatus, Open311Client, Publication
from app.core.timeutil import as_utc, utcnow
from app.org.models import Road, Zone
from app.tickets.models import OPEN_STATUSES, STATUS_LABELS, Category, Status, Ticket

SPEC = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-30T00:00:00Z"
MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
COARSE_DIGITS = 3  # ≈ 110 m: the road, not the doorstep
CLOSED = (Status.closed.value, Status.dismissed.value)

# Extra questions some 小类 ask (a service definition's attributes), as data.
ATTRIBUTES: dict[str, list[dict[str, Any]]] = {
    "0102": [
        {
            "variable": True,
            "code": "AMOUNT",
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": None,
            "order": 1,
            "description": "垃圾数量",
            "values": [
                {"key": "small", "name": "少量"},
                {"key": "large", "name": "大量(需车辆清运)"},
            ],
        }
    ],
    "0505": [
        {
            "variable": True,
            "code": "BLOCKING",
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": None,
            "order": 1,
            "description": "是否堵塞通道",
            "values": [
                {"key": "yes", "name": "堵塞消防或人行通道"},
                {"key": "no", "name": "未堵塞"},
            ],
        }
    ],
}


class Open311Error(Exception):
    """Rendered as the spec's errors/error body with this HTTP status."""

    def __init__(self, status: int, description: str, code: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.code = code or status
        self.description = description
        self.headers: dict[str, str] = {}


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def add_client(session: Session, name: str) -> tuple[Open311Client, str]:
    """A new client system; the key is returned once and only its hash is kept."""
    if session.exec(select(Open311Client).where(Open311Client.name == name)).first():
        raise ValueError(f"a client named {name!r} exists already")
    key = "rc311_" + secrets.token_urlsafe(24)
    client = Open311Client(name=name, key_hash=key_hash(key), key_prefix=key[:12])
    session.add(client)
    session.flush()
    return client, key


def revoke_client(session: Session, name: str) -> Open311Client:
    client = session.exec(select(Open311Client).where(Open311Client.name == name)).first()
    if client is None:
        raise ValueError(f"no client named {name!r}")
    client.revoked_at = client.revoked_at or utcnow()
    return client


def client_for_key(session: Session, key: str | None) -> Open311Client:
    if not key:
        raise Open311Error(403, "api_key is required to create a service request")
    client = session.exec(
        select(Open311Client).where(Open311Client.key_hash == key_hash(key))
    ).first()
    if client is None:
        raise Open311Error(403, "invalid api_key")
    if client.revoked_at is not None:
        raise Open311Error(403, "this api_key was revoked")
    return client


def _service(c: Category, groups: dict[str, str]) -> dict[str, Any]:
    return {
        "service_code": c.code,
        "service_name": c.name,
        "description": c.evaluation_item or "",
        "metadata": c.code in ATTRIBUTES,
        "type": "batch",
        "keywords": ", ".join(c.keywords.split()[1:]),
        "group": groups.get(c.parent_code or "", ""),
    }


def services(session: Session) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Category).where(col(Category.active)).order_by(col(Category.code))
    ).all()
    groups = {c.code: c.name for c in rows if c.parent_code is None}
    return [_service(c, groups) for c in rows if c.parent_code is not None]


def category(session: Session, code: str) -> Category:
    c = session.get(Category, code)
    if c is None or not c.active or c.parent_code is None:
        raise Open311Error(404, f"service_code {code} was not found")
    return c


def definition(session: Session, code: str) -> dict[str, Any]:
    category(session, code)
    return {"service_code": code, "attributes": ATTRIBUTES.get(code, [])}


def attribute_lines(code: str, given: dict[str, str]) -> list[str]:
    """The answers to a service's attributes as lines for the description; 400 when missing."""
    lines = []
    for attr in ATTRIBUTES.get(code, []):
        value = given.get(attr["code"], "").strip()
        names = {v["key"]: v["name"] for v in attr["values"]}
        if not value:
            if attr["required"]:
                raise Open311Error(
                    400, f"attribute[{attr['code']}] is required ({attr['description']})"
                )
            continue
        if value not in names:
            raise Open311Error(400, f"attribute[{attr['code']}] must be one of {', '.join(names)}")
        lines.append(f"{attr['description']}：{names[value]}")
    return lines


def locate_address(session: Session, address: str) -> tuple[float, float]:
    """A road named in the address (the longest name that appears), at its middle vertex."""
    roads = session.exec(select(Road)).all()
    named = sorted((r for r in roads if r.name and r.name in address), key=lambda r: -len(r.name))
    if not named:
        raise Open311Error(400, "address_string names no known road; send lat and long instead")
    coords = named[0].geometry["coordinates"]
    if named[0].geometry["type"].startswith("Multi"):
        coords = coords[0]
    lon, lat = coords[len(coords) // 2]
    return lat, lon


def parse_float(name: str, raw: str | None, limit: float) -> float | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, f"{name} must be a number") from None
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise Open311Error(400, f"{name} must be between -{limit:g} and {limit:g}")
    return value


def parse_when(name: str, raw: str | None) -> datetime | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        value = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(
            400, f"{name} must be a w3 date-time like 2026-11-01T00:00:00Z"
        ) from None
    if value.tzinfo is None:
        raise Open311Error(400, f"{name} must carry a time zone (Z or ±HH:MM)")
    return as_utc(value)


@dataclass(frozen=True)
class Query:
    """A requests.json question; hashable, so its answer can be kept (app.citizens.public_cache)."""

    ids: tuple[str, ...] | None = None
    codes: tuple[str, ...] | None = None
    start: datetime | None = None
    end: datetime | None = None
    statuses: tuple[str, ...] | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, radius in metres
    page: int = 1
    page_size: int = MAX_RESULTS


def _w3_sql(column: Any, dialect: str) -> Any:
    """A stored (naive UTC) time as text: PostgreSQL formats it as a W3C date-time, SQLite
    gives its stored text (YYYY-MM-DD HH:MM:SS.ffffff), which `_w3_stored` cuts to shape."""
    if dialect == "postgresql":
        return func.to_char(column, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    return type_coerce(column, String)


def _w3_stored(text: str | None) -> str | None:
    return f"{text[:10]}T{text[11:19]}Z" if text else None


class RequestRow(NamedTuple):
    """What a service request shows, as plain values: its own cache key when rendered."""

    number: str
    status: str
    service_code: str
    service_name: str
    requested: str
    updated: str
    expected: str | None
    lat: float
    lon: float
    address: str
    description: str  # the published note
    media_url: str  # a published (blurred) photo


def find_requests(session: Session, q: Query, base_url: str = "") -> list[dict[str, Any]]:
    return [present(row) for row in find_rows(session, q, base_url)]


def find_rows(session: Session, q: Query, base_url: str = "") -> list[RequestRow]:
    """The requests asked for; ``base_url`` (``https://host``) makes photo URLs absolute, as
    the spec's ``media_url`` is a URL a client system can fetch."""
    t = Ticket.__table__.c  # type: ignore[attr-defined]
    road, zone = Road.__table__.c, Zone.__table__.c  # type: ignore[attr-defined]
    category = Category.__table__.c  # type: ignore[attr-defined]
    # Plain columns, dates as text: a thousand rows are read and dropped within the request,
    # and parsing them into datetimes only to format them again costs more than the query.
    dialect = session.get_bind().dialect.name
    stmt = (
        sa_select(
            t.number, t.status, t.category_code, category.name.label("service_name"),
            _w3_sql(t.received_at, dialect).label("requested"),
            _w3_sql(t.updated_at, dialect).label("updated"),
            _w3_sql(t.due_at, dialect).label("expected"),
            t.lat, t.lon, road.name.label("road"), zone.name.label("zone"), t.id,
        )
        .select_from(Ticket.__table__)  # type: ignore[attr-defined]
        .join(Category.__table__, category.code == t.category_code)  # type: ignore[attr-defined]
        .outerjoin(Road.__table__, road.id == t.road_id)  # type: ignore[attr-defined]
        .outerjoin(Zone.__table__, zone.id == t.zone_id)  # type: ignore[attr-defined]
    )  # fmt: skip
    if q.ids is not None:
        stmt = stmt.where(t.number.in_(q.ids))
    else:
        end = q.end or utcnow()
        start = q.start or end - MAX_SPAN
        if end - start > MAX_SPAN:
            raise Open311Error(400, "start_date and end_date may not span more than 90 days")
        stmt = stmt.where(t.received_at >= start, t.received_at <= end)
        if q.codes:
            stmt = stmt.where(t.category_code.in_(q.codes))
        if q.statuses:
            wanted: list[str] = []
            if "open" in q.statuses:
                wanted += [s.value for s in OPEN_STATUSES]
            if "closed" in q.statuses:
                wanted += [Status.closed.value, Status.dismissed.value]
            stmt = stmt.where(t.status.in_(wanted))
        if q.near is not None:
            lat, lon, radius = q.near
            dlat = radius / 111_000
            dlon = dlat / max(0.01, math.cos(math.radians(lat)))
            stmt = stmt.where(
                and_(t.lat.between(lat - dlat, lat + dlat), t.lon.between(lon - dlon, lon + dlon))
            )
            # The box's corners are farther than the radius: the exact distance in SQL keeps
            # the page whole (≈ metres on a plane; fine within tens of kilometres).
            scale = math.cos(math.radians(lat))
            dy = (t.lat - lat) * 111_000
            dx = (t.lon - lon) * (111_000 * scale)
            stmt = stmt.where(dy * dy + dx * dx <= radius * radius)
    stmt = (
        stmt.order_by(t.received_at.desc(), t.id.desc())
        .offset((q.page - 1) * q.page_size)
        .limit(q.page_size)
    )
    rows = session.connection().execute(stmt).all()
    if dialect != "postgresql":
        rows = [
            (*r[:4], _w3_stored(r[4]), _w3_stored(r[5]), _w3_stored(r[6]), *r[7:]) for r in rows
        ]
    return _with_publications(session, rows, base_url)


def _with_publications(session: Session, rows: Any, base_url: str) -> list[RequestRow]:
    """The rows with what their live publication shows: the note and an after-photo's URL.

    The live publications are few (a supervisor chose each), so their ticket ids are read in
    one small query rather than looked up row by row.
    """
    pub = Publication.__table__.c  # type: ignore[attr-defined]
    newest: dict[int, int] = dict(
        session.connection()
        .execute(
            sa_select(pub.ticket_id, func.max(pub.id))
            .where(pub.withdrawn_at.is_(None))
            .group_by(pub.ticket_id)
        )
        .all()
    )
    shown = {newest[r[-1]] for r in rows if r[-1] in newest}
    published: dict[int, tuple[str, str]] = {}
    if shown:
        for row in session.connection().execute(
            sa_select(pub.id, pub.note, pub.photos).where(pub.id.in_(shown))
        ):
            media = ""
            if row.photos:
                index = next((i for i, ph in enumerate(row.photos) if ph["kind"] == "after"), 0)
                media = f"{base_url}/api/public/publications/{row.id}/photos/{index}"
            published[row.id] = (row.note, media)
    nothing = ("", "")
    return [
        RequestRow(
            number,
            status,
            code,
            name,
            requested,
            updated,
            expected,
            round(lat, COARSE_DIGITS),
            round(lon, COARSE_DIGITS),
            road or zone or "",
            *published.get(newest.get(ticket_id, 0), nothing),
        )  # fmt: skip
        for (
            number,
            status,
            code,
            name,
            requested,
            updated,
            expected,
            lat,
            lon,
            road,
            zone,
            ticket_id,
        ) in rows  # fmt: skip
    ]


def present(r: RequestRow) -> dict[str, Any]:
    """A GeoReport service request: only what the public boards allow."""
    return {
        "service_request_id": r.number,
        "status": "closed" if r.status in CLOSED else "open",
        "status_notes": STATUS_LABELS[r.status],
        "service_name": r.service_name,
        "service_code": r.service_code,
        "description": r.description,
        "agency_responsible": "",
        "service_notice": "",
        "requested_datetime": r.requested,
        "updated_datetime": r.updated,
        "expected_datetime": r.expected,
        "address": r.address,
        "address_id": "",
        "zipcode": "",
        "lat": r.lat,
        "long": r.lon,
        "media_url": r.media_url,
    }


def token_status(session: Session, report: CitizenReport, token: str) -> dict[str, Any]:
    ticket = session.get(Ticket, report.ticket_id) if report.ticket_id else None
    notice = ""
    if report.status == IntakeStatus.rejected:
        notice = f"不予受理：{report.reject_reason}"
    elif report.status == IntakeStatus.triage:
        notice = "待受理"
    return {
        "service_request_id": ticket.number if ticket else None,
        "token": token,
        "service_notice": notice,
    }
