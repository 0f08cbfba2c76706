"""Citizens' photos: stored before the transaction, served to staff only; public blurred copies.

A citizen's photo passes the very same checks as a staff photo (app.photos.prepare_photos:
content sniffing, pixel cap, size cap). Its copies carry no watermark: it is not evidence until
a supervisor accepts the report, and then the ticket's own copies are made by the report flow.
"""

from PIL import Image, ImageFilter
from sqlmodel import Session, select

from app.citizens.models import CitizenPhoto, Publication
from app.core.config import get_settings
from app.photos import imaging
from app.photos.service import PreparedPhoto, store_plain_photos
from app.photos.storage import content_key, get_storage
from app.photos.workers import DECODE, RENDER, photo_workers

# Coarse enough that a face or a number plate cannot be read back from the blurred area:
# at most this many mosaic blocks across the rectangle, then smeared.
BLUR_CELLS = 8


def store_citizen_photos(prepared: list[PreparedPhoto]) -> list[CitizenPhoto]:
    """Write every copy (before the transaction that records the rows)."""
    return [
        CitizenPhoto(
            report_id=0,  # set when the report row exists
            sha256=item.sha256,
            content_type=item.decoded.content_type,
            size_bytes=len(item.decoded.data),
            original_key=item.original_key,
            display_key=item.display_key,
            thumb_key=item.thumb_key,
            width=item.decoded.width,
            height=item.decoded.height,
            taken_at=item.decoded.taken_at,
        )
        for item in store_plain_photos(prepared)
    ]


def reprepare(original_keys: list[str]) -> list[PreparedPhoto]:
    """Decode stored originals again (accepting a report files them as the ticket's photos)."""
    settings = get_settings()
    storage = get_storage()
    datas = [storage.get(key) for key in original_keys]
    with photo_workers().slot(sum(imaging.decode_cost(d) for d in datas), DECODE):
        decoded = imaging.decode_all(
            datas,
            max_pixels=settings.max_photo_pixels,
            local_tz=settings.timezone,
            max_png_pixels=settings.max_png_pixels,
        )
    return [PreparedPhoto(d) for d in decoded]


def unmarked_copy(original: bytes) -> bytes:
    """A display-sized, upright copy with no watermark and no metadata (in a photo slot).

    What a reporter sees of an after-photo: the evidence watermark names the staff member who
    took it, and the reporter's page names no one.
    """
    settings = get_settings()
    with photo_workers().slot(imaging.decode_cost(original), RENDER):
        decoded = imaging.decode(
            original, max_pixels=settings.max_photo_pixels, local_tz=settings.timezone
        )
        return imaging.encode_jpeg(decoded.upright, imaging.DISPLAY_QUALITY)


def blurred_copy(original_key: str, rects: list[list[float]]) -> tuple[str, int, int]:
    """A public copy: upright, display-sized, rectangles pixelated, no metadata, no watermark.

    Made from the original rather than the display copy because the display copy's evidence
    watermark prints the coordinates and the ticket number. Rectangles are fractions of the
    image ([x, y, w, h] in 0…1), so the console can draw them over any size of the picture.
    """
    settings = get_settings()
    original = get_storage().get(original_key)
    with photo_workers().slot(imaging.decode_cost(original), RENDER):
        data, width, height = _blur(original, rects, settings.max_photo_pixels, settings.timezone)
    key, _ = content_key("public", data, "jpg")
    get_storage().put(key, data, "image/jpeg")
    return key, width, height


def _blur(
    original: bytes, rects: list[list[float]], max_pixels: int, tz: str
) -> tuple[bytes, int, int]:
    decoded = imaging.decode(original, max_pixels=max_pixels, local_tz=tz)
    img = decoded.upright.convert("RGB")
    width, height = img.size
    for x, y, w, h in rects:
        box = (
            max(0, int(x * width)),
            max(0, int(y * height)),
            min(width, int((x + w) * width + 0.999)),
            min(height, int((y + h) * height + 0.999)),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            continue
        region = img.crop(box)
        block = max(2, max(region.size) // BLUR_CELLS)
        small = region.resize(
            (max(1, region.width // block), max(1, region.height // block)), Image.Resampling.BOX
        )
        coarse = small.resize(region.size, Image.Resampling.NEAREST)
        img.paste(coarse.filter(ImageFilter.GaussianBlur(block / 2)), box)
    return imaging.encode_jpeg(img, imaging.DISPLAY_QUALITY), width, height


def referenced_keys(session: Session) -> set[str]:
    """Storage keys held by citizens' photos and public copies (so fsck keeps them)."""
    keys: set[str] = set()
    for row in session.exec(
        select(CitizenPhoto.original_key, CitizenPhoto.display_key, CitizenPhoto.thumb_key)
    ):
        keys.update(row)
    for photos in session.exec(select(Publication.photos)):
        keys.update(p["key"] for p in photos)
    return keys
