"""Photo files, authorised like their ticket; originals only for the command centre."""

from typing import Literal

from fastapi import APIRouter, Request, Response

from app.auth.deps import CurrentUser
from app.auth.policy import Actor, jurisdiction_of, load_visible
from app.core.db import SessionDep
from app.core.errors import Forbidden, NotFound
from app.org.models import Role
from app.photos.models import Photo
from app.photos.storage import digest_of, get_storage

router = APIRouter(prefix="/api/photos", tags=["photos"])

# The key is the content hash, so a URL's bytes never change; browsers may keep them for good.
CACHE_CONTROL = "private, max-age=31536000, immutable"


@router.get("/{photo_id}/{variant}")
def photo_file(
    photo_id: int,
    variant: Literal["display", "thumb", "original"],
    request: Request,
    session: SessionDep,
    user: CurrentUser,
) -> Response:
    """The published copy (display, thumb) or, for supervisors and admins, the original."""
    photo = session.get(Photo, photo_id)
    ticket = (
        load_visible(session, Actor(user, jurisdiction_of(session, user)), photo.ticket_id)
        if photo is not None and photo.ticket_id is not None
        else None
    )
    if photo is None or ticket is None:
        raise NotFound(f"photo {photo_id} not found")
    if variant == "original" and user.role not in (Role.supervisor, Role.admin):
        raise Forbidden("original photos are kept for supervisors and admins")
    key = {"display": photo.display_key, "thumb": photo.thumb_key, "original": photo.original_key}[
        variant
    ]
    etag = f'"{digest_of(key)}"'
    headers = {
        "ETag": etag,
        "Cache-Control": CACHE_CONTROL,
        "X-Content-Type-Options": "nosniff",
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    try:
        data = get_storage().get(key)
    except KeyError:
        raise NotFound(f"the file of photo {photo_id} is missing; run `roadchief fsck`") from None
    media_type = "image/jpeg"
    if variant == "original":
        media_type = photo.content_type
        ext = key.rsplit(".", 1)[-1]
        headers["Content-Disposition"] = f'attachment; filename="{ticket.number}-{photo.id}.{ext}"'
    return Response(data, media_type=media_type, headers=headers)
