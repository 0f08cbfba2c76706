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
3. `app.tickets.evidence.record_photos(session, ticket, stored, kind, actor)` — inside
   ``write_transaction``: the photo rows and the fraud flags (queries and a few comparisons;
   milliseconds). Recording is the ticket's business, so it lives in app.tickets, with the
   reasons suspicious photos are flagged and never refused.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import UploadFile

from app.core.config import get_settings
from app.core.errors import Invalid, PayloadTooLarge
from app.photos import imaging
from app.photos.imaging import Decoded
from app.photos.models import Photo, PhotoKind
from app.photos.storage import content_key, get_storage, key_for
from app.photos.workers import DECODE, RENDER, photo_workers

# dHash bits that may differ for two pictures to count as "the same photo" (of 64).
SIMILAR_BITS = 6
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


def _render(d: Decoded, kind: PhotoKind, caption: Caption, mark: bool) -> tuple[bytes, bytes]:
    display_img = d.upright
    if mark:
        display_img = imaging.watermark(display_img, _watermark_lines(caption, d, kind))
    display = imaging.encode_jpeg(display_img, imaging.DISPLAY_QUALITY)
    thumb = imaging.encode_jpeg(d.thumb, imaging.THUMB_QUALITY)
    return display, thumb


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
