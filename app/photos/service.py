"""Photos as evidence: prepared and stored outside any transaction, recorded inside a short one.

The pipeline, in the order a request runs it (see also app/core/db.py):

1. `prepare_photos(files)` — read, validate by content, decode small. CPU-heavy, so it runs in
   a slot of the bounded photo workers (`app.photos.workers`); a saturated server answers 503
   with Retry-After here, before anything was stored or locked.
2. `store_photos(prepared, kind, caption)` — watermark and encode the published copies (in a
   slot too), then write original, display copy and thumbnail to storage. Still no
   transaction. The copies depend only on the photo and its `Caption` (ticket number, place,
   camera time or the report's own receive time), never on the clock of this request: a retry
   of a request killed before its commit writes the very same files under the very same
   content keys, so a crash leaves no orphan that a retry would not adopt.
3. `record_photos(session, ticket, stored, kind, actor)` — inside ``write_transaction``: the
   photo rows and the fraud flags (queries and a few comparisons; milliseconds).

`attach_photos` does 2 and 3 in the caller's transaction, for the CLI, the demo and tests.

Suspicious photos are flagged, never refused: a proper after-photo of the same spot can
legitimately look like the before-photo, and phones lose GPS. The flags go on the photo and
on the ticket, where the verifier (核查) and the supervisor decide with the pictures in front
of them; a refusal in the street would only teach a cheat where the threshold is.
"""

import copy
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import UploadFile
from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.core.errors import Invalid, PayloadTooLarge
from app.core.geo import distance_m
from app.org.models import Road, User
from app.photos import imaging
from app.photos.imaging import Decoded
from app.photos.models import Photo, PhotoKind
from app.photos.storage import content_key, get_storage, key_for
from app.photos.workers import DECODE, RENDER, photo_workers
from app.tickets.models import Ticket

# dHash bits that may differ for two pictures to count as "the same photo" (of 64).
SIMILAR_BITS = 6
# How far around a ticket other tickets' photos are compared bit by bit (exact copies are
# found anywhere through the sha256/phash indexes).
NEARBY_DEGREES = 0.005
NEARBY_LIMIT = 2000
KIND_LABELS = {PhotoKind.before: "整改前", PhotoKind.after: "整改后", PhotoKind.verify: "核查"}
# Who the watermark names: the one who took this photo, in the role they took it in.
PERSON_LABELS = {PhotoKind.before: "上报人", PhotoKind.after: "整改人", PhotoKind.verify: "核查人"}


@dataclass
class PreparedPhoto:
    """An upload that passed every check, decoded small and ready to store."""

    decoded: Decoded

    @property
    def sha256(self) -> str:
        return self.decoded.sha256


@dataclass(frozen=True)
class Caption:
    """What the watermark says besides the photo's own EXIF: fixed for a given ticket/report."""

    number: str
    # Where the photo was taken when the file says nothing: the report's position, or the phone's
    # own fix sent with the photo (`at_phone`).
    lat: float
    lon: float
    # Shown when the camera wrote no time: when the server first received the report.
    received_at: datetime | None = None
    road: str | None = None  # 路段
    person: str | None = None  # who submits this photo (上报人, 整改人, 核查人 by the photo's kind)
    at_phone: bool = False  # lat/lon are the phone's fix when this photo was sent
    accuracy_m: float | None = None  # of that fix
    captured_at: datetime | None = None  # the phone's clock when the photo was taken

    @classmethod
    def of(
        cls,
        ticket: Ticket,
        session: Session,
        person: User,
        *,
        at: tuple[float, float, float | None] | None = None,
        captured_at: datetime | None = None,
        received_at: datetime | None = None,
    ) -> "Caption":
        """A ticket's caption; `at` (lat, lon, accuracy) and `captured_at` are what the phone sent
        with this photo (an after-photo's own place and time, not the report's)."""
        road = session.get(Road, ticket.road_id) if ticket.road_id else None
        lat, lon, accuracy = at if at is not None else (ticket.lat, ticket.lon, None)
        return cls(ticket.number, lat, lon, received_at, road.name if road else None,
                   person.name, at is not None, accuracy, captured_at)  # fmt: skip


@dataclass
class StoredPhoto:
    """A photo whose files are in storage, waiting for the row that references them."""

    decoded: Decoded
    original_key: str
    display_key: str
    thumb_key: str

    @property
    def sha256(self) -> str:
        return self.decoded.sha256


def read_upload(upload: UploadFile, max_bytes: int) -> bytes:
    """The upload's bytes, refusing more than ``max_bytes`` without reading them all."""
    if upload.size is not None and upload.size > max_bytes:
        raise PayloadTooLarge(f"a photo may be at most {max_bytes // (1024 * 1024)} MB")
    upload.file.seek(0)
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"a photo may be at most {max_bytes // (1024 * 1024)} MB")
    return data


def photo_digests(files: list[UploadFile]) -> list[str]:
    """SHA-256 of each upload as received (what a retried request is compared by); no decode."""
    cap = get_settings().max_photo_bytes
    return [hashlib.sha256(read_upload(upload, cap)).hexdigest() for upload in files]


def prepare_photos(files: list[UploadFile]) -> list[PreparedPhoto]:
    """Validate, read EXIF and decode every upload in a photo slot; nothing is stored yet."""
    settings = get_settings()
    if not files:
        raise Invalid("at least one photo is required")
    if len(files) > settings.max_photos_per_request:
        raise Invalid(f"at most {settings.max_photos_per_request} photos per request")
    datas = [read_upload(upload, settings.max_photo_bytes) for upload in files]
    memory = sum(imaging.decode_cost(d) for d in datas)
    with photo_workers().slot(memory, DECODE):
        decoded = imaging.decode_all(
            datas,
            max_pixels=settings.max_photo_pixels,
            local_tz=settings.timezone,
            max_png_pixels=settings.max_png_pixels,
        )
    return [PreparedPhoto(d) for d in decoded]


def store_photos(
    prepared: Sequence[PreparedPhoto], kind: PhotoKind, caption: Caption
) -> list[StoredPhoto]:
    """Render the published copies (in a photo slot) and write every file; no transaction."""
    mark = get_settings().watermark
    with photo_workers().slot(0, RENDER):
        copies = [_render(p.decoded, kind, caption, mark) for p in prepared]
    return _write(prepared, copies)


def store_plain_photos(prepared: Sequence[PreparedPhoto]) -> list[StoredPhoto]:
    """Copies without a watermark (citizens' photos, task progress); no transaction."""
    with photo_workers().slot(0, RENDER):
        copies = [
            (
                imaging.encode_jpeg(p.decoded.upright, imaging.DISPLAY_QUALITY),
                imaging.encode_jpeg(p.decoded.thumb, imaging.THUMB_QUALITY),
            )
            for p in prepared
        ]
    return _write(prepared, copies)


def _write(
    prepared: Sequence[PreparedPhoto], copies: list[tuple[bytes, bytes]]
) -> list[StoredPhoto]:
    """Write each original and its display and thumbnail copies, content-addressed."""
    storage = get_storage()
    stored = []
    for p, (display, thumb) in zip(prepared, copies, strict=True):
        d = p.decoded
        original_key = key_for("originals", d.sha256, d.extension)
        display_key, _ = content_key("display", display, "jpg")
        thumb_key, _ = content_key("thumbs", thumb, "jpg")
        storage.put(original_key, d.data, d.content_type)
        storage.put(display_key, display, "image/jpeg")
        storage.put(thumb_key, thumb, "image/jpeg")
        stored.append(StoredPhoto(d, original_key, display_key, thumb_key))
    return stored


def record_photos(
    session: Session, ticket: Ticket, stored: Sequence[StoredPhoto], kind: PhotoKind, actor: User
) -> list[Photo]:
    """Add the rows for stored files and flag fraud, in the caller's (write) transaction."""
    settings = get_settings()
    photos = []
    for item in stored:
        photo = _row(ticket, item, kind, actor)
        photo.distance_m = _distance_from_ticket(photo, ticket)
        session.add(photo)
        photos.append(photo)
    session.flush()
    _check_evidence(session, ticket, photos, kind, settings.after_photo_max_distance_m)
    session.flush()
    return photos


def attach_photos(
    session: Session, ticket: Ticket, prepared: list[PreparedPhoto], kind: PhotoKind, actor: User
) -> list[Photo]:
    """Store and record in one go, in the caller's transaction (CLI, demo, tests)."""
    return record_photos(
        session,
        ticket,
        store_photos(prepared, kind, Caption.of(ticket, session, actor)),
        kind,
        actor,
    )


def _render(d: Decoded, kind: PhotoKind, caption: Caption, mark: bool) -> tuple[bytes, bytes]:
    display_img = d.upright
    if mark:
        display_img = imaging.watermark(display_img, _watermark_lines(caption, d, kind))
    display = imaging.encode_jpeg(display_img, imaging.DISPLAY_QUALITY)
    thumb = imaging.encode_jpeg(d.thumb, imaging.THUMB_QUALITY)
    return display, thumb


def _row(ticket: Ticket, item: StoredPhoto, kind: PhotoKind, actor: User) -> Photo:
    d = item.decoded
    return Photo(
        ticket_id=ticket.id,  # type: ignore[arg-type]
        kind=kind,
        uploaded_by_id=actor.id,  # type: ignore[arg-type]
        sha256=d.sha256,
        content_type=d.content_type,
        size_bytes=len(d.data),
        original_key=item.original_key,
        display_key=item.display_key,
        thumb_key=item.thumb_key,
        width=d.width,
        height=d.height,
        phash=d.phash,
        taken_at=d.taken_at,
        gps_lat=d.gps_lat,
        gps_lon=d.gps_lon,
        gps_accuracy_m=d.gps_accuracy_m,
        flags={},
    )


def _watermark_lines(caption: Caption, d: Decoded, kind: PhotoKind) -> list[str]:
    tz = ZoneInfo(get_settings().timezone)
    taken = d.taken_at or caption.captured_at
    if taken is not None:
        when = "拍摄时间 " + taken.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
    elif caption.received_at is not None:
        when = "接收时间 " + caption.received_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
    else:
        # Not this request's clock: a retry must render the same bytes (see the docstring).
        when = "拍摄时间 未知"
    if d.gps_lat is not None and d.gps_lon is not None:
        where = _format_position(d.gps_lat, d.gps_lon) + "（照片定位"
        if d.gps_accuracy_m is not None:
            where += f" ±{d.gps_accuracy_m:.0f}米"
        where += "）"
    elif caption.at_phone:
        where = _format_position(caption.lat, caption.lon) + "（手机定位"
        if caption.accuracy_m is not None:
            where += f" ±{caption.accuracy_m:.0f}米"
        where += "）"
    elif kind == PhotoKind.before:
        where = _format_position(caption.lat, caption.lon) + "（上报位置）"
    else:
        # Neither the file nor the phone said where: the ticket's place, named as such.
        where = _format_position(caption.lat, caption.lon) + "（工单位置，照片无定位）"
    return imaging.evidence_lines(
        KIND_LABELS[kind], caption.number, caption.road, when, where, caption.person,
        PERSON_LABELS[kind],
    )  # fmt: skip


def _format_position(lat: float, lon: float) -> str:
    return f"{abs(lat):.6f}°{'N' if lat >= 0 else 'S'} {abs(lon):.6f}°{'E' if lon >= 0 else 'W'}"


def _distance_from_ticket(photo: Photo, ticket: Ticket) -> float | None:
    if photo.gps_lat is None or photo.gps_lon is None:
        return None
    return round(distance_m(photo.gps_lat, photo.gps_lon, ticket.lat, ticket.lon), 1)


def _check_evidence(
    session: Session, ticket: Ticket, photos: list[Photo], kind: PhotoKind, max_distance_m: float
) -> None:
    """Flag reused, repeated and far-away photos on the photo and on the ticket."""
    others = _similar_elsewhere(session, ticket, photos)
    befores: Sequence[Photo] = []
    if kind == PhotoKind.after:
        befores = session.exec(
            select(Photo).where(Photo.ticket_id == ticket.id, Photo.kind == PhotoKind.before)
        ).all()
    flags = copy.deepcopy(ticket.flags)
    if kind == PhotoKind.after:
        # A new rectification is judged on its own photos.
        for name in list(flags):
            if name.startswith("after_photo_"):
                del flags[name]
    for photo in photos:
        photo_flags: dict[str, Any] = {}
        reused = others.get(photo.id, [])  # type: ignore[arg-type]
        if reused:
            photo_flags["reused_from"] = reused
            name = "after_photo_reused" if kind == PhotoKind.after else "photo_reused"
            flags.setdefault(name, []).append({"photo_id": photo.id, "matches": reused})
        if kind == PhotoKind.after:
            same = [
                {"photo_id": b.id, "bits": bits}
                for b in befores
                if (bits := _difference(b.sha256, b.phash, photo)) <= SIMILAR_BITS
            ]
            if same:
                photo_flags["same_as_before"] = same
                flags.setdefault("after_photo_same_as_before", []).append(
                    {"photo_id": photo.id, "matches": same}
                )
            if photo.distance_m is not None and photo.distance_m > max_distance_m:
                photo_flags["far_m"] = photo.distance_m
                flags.setdefault("after_photo_far", []).append(
                    {
                        "photo_id": photo.id,
                        "distance_m": photo.distance_m,
                        "limit_m": max_distance_m,
                    }
                )
            reported = ticket.captured_at or ticket.received_at
            if photo.taken_at is not None and reported is not None and photo.taken_at < reported:
                photo_flags["taken_before_report"] = True
                flags.setdefault("after_photo_taken_before_report", []).append(
                    {"photo_id": photo.id, "taken_at": photo.taken_at.isoformat()}
                )
        if photo.gps_lat is None:
            photo_flags["no_gps"] = True
        photo.flags = photo_flags
    ticket.flags = flags


def _similar_elsewhere(
    session: Session, ticket: Ticket, photos: list[Photo]
) -> dict[int, list[dict[str, Any]]]:
    """Other tickets' photos that are these photos again: {photo id: [matches]}."""
    dlat = NEARBY_DEGREES
    dlon = NEARBY_DEGREES / max(0.1, math.cos(math.radians(ticket.lat)))
    nearby = and_(
        col(Ticket.lat).between(ticket.lat - dlat, ticket.lat + dlat),
        col(Ticket.lon).between(ticket.lon - dlon, ticket.lon + dlon),
    )
    exact = or_(
        col(Photo.sha256).in_([p.sha256 for p in photos]),
        col(Photo.phash).in_([p.phash for p in photos]),
    )
    rows = session.exec(
        select(col(Photo.id), Photo.ticket_id, Photo.sha256, Photo.phash)
        .join(Ticket, col(Ticket.id) == Photo.ticket_id)
        .where(Photo.ticket_id != ticket.id, or_(exact, nearby))
        .order_by(col(Photo.id).desc())
        .limit(NEARBY_LIMIT)
    ).all()
    found: dict[int, list[dict[str, Any]]] = {}
    for photo in photos:
        for other_id, ticket_id, sha, phash in rows:
            bits = _difference(sha, phash, photo)
            if bits <= SIMILAR_BITS:
                found.setdefault(photo.id, []).append(  # type: ignore[arg-type]
                    {"photo_id": other_id, "ticket_id": ticket_id, "bits": bits}
                )
    ticket_ids = {m["ticket_id"] for matches in found.values() for m in matches}
    if ticket_ids:
        numbers = dict(
            session.exec(
                select(col(Ticket.id), Ticket.number).where(col(Ticket.id).in_(ticket_ids))
            ).all()
        )
        for matches in found.values():
            for m in matches:
                m["number"] = numbers.get(m["ticket_id"])
    return found


def _difference(sha256: str, phash: str, photo: Photo) -> int:
    """How many dHash bits tell two photos apart (0 for the very same bytes)."""
    return 0 if sha256 == photo.sha256 else imaging.hamming(phash, photo.phash)


def photo_public(photo: Photo) -> dict[str, Any]:
    """The photo as API clients see it; the URLs are authorised like the ticket."""
    base = f"/api/photos/{photo.id}"
    return {
        "id": photo.id,
        "kind": photo.kind,
        "url": f"{base}/display",
        "thumb_url": f"{base}/thumb",
        "original_url": f"{base}/original",
        "width": photo.width,
        "height": photo.height,
        "taken_at": _iso(photo.taken_at),
        "created_at": _iso(photo.created_at),
        "gps": None
        if photo.gps_lat is None
        else {"lat": photo.gps_lat, "lon": photo.gps_lon, "accuracy_m": photo.gps_accuracy_m},
        "distance_m": photo.distance_m,
        "flags": photo.flags,
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
