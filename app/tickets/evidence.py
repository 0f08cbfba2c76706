"""A ticket's photos as evidence: recorded in the write, with what looks wrong flagged.

The files are stored before (app.photos.service); here, inside the short write transaction,
the rows are added and reused, repeated and far-away photos flagged — never refused: a proper
after-photo of the same spot can look like the before-photo, and phones lose GPS. The flags
go on the photo and on the ticket, where the verifier (核查) and the supervisor decide with
the pictures in front of them; a refusal in the street would only teach a cheat where the
threshold is.
"""

import copy
import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.core.geo import distance_m
from app.org.models import Road, User
from app.photos import imaging
from app.photos.models import Photo, PhotoKind
from app.photos.service import SIMILAR_BITS, Caption, PreparedPhoto, StoredPhoto, store_photos
from app.tickets.models import Ticket

# How far around a ticket other tickets' photos are compared bit by bit (exact copies are
# found anywhere through the sha256/phash indexes).
NEARBY_DEGREES = 0.005
NEARBY_LIMIT = 2000


def caption_of(
    ticket: Ticket,
    session: Session,
    person: User,
    *,
    at: tuple[float, float, float | None] | None = None,
    captured_at: datetime | None = None,
    received_at: datetime | None = None,
) -> Caption:
    """The watermark of a photo added to a filed ticket: its number, place and road; `at`
    (lat, lon, accuracy) and `captured_at` are what the phone sent with this photo (an
    after-photo's own place and time, not the report's)."""
    road = session.get(Road, ticket.road_id) if ticket.road_id else None
    lat, lon, accuracy = at if at is not None else (ticket.lat, ticket.lon, None)
    return Caption(ticket.number, lat, lon, received_at, road.name if road else None,
                   person.name, at is not None, accuracy, captured_at)  # fmt: skip


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
    """Store and record in one go, in the caller's transaction (tests)."""
    return record_photos(
        session,
        ticket,
        store_photos(prepared, kind, caption_of(ticket, session, actor)),
        kind,
        actor,
    )


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
