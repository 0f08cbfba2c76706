"""Photos as API clients see them (photo_public): URLs authorised like the ticket they belong to."""

from typing import Any

from app.core.schemas import IsoDateTime, Read
from app.photos.models import PhotoKind


class PhotoGps(Read):
    """Where the phone's EXIF says the photo was taken."""

    lat: float
    lon: float
    accuracy_m: float | None


class PhotoRead(Read):
    id: int
    kind: PhotoKind
    url: str
    thumb_url: str
    original_url: str
    width: int
    height: int
    taken_at: IsoDateTime | None
    created_at: IsoDateTime | None
    gps: PhotoGps | None
    distance_m: float | None
    flags: dict[str, Any]
