"""Image work with no database: validate by content, read EXIF, decode small, render copies."""

import hashlib
import io
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageCms, ImageDraw, ImageFont, UnidentifiedImageError
from pillow_heif import register_heif_opener

from app.core.errors import Invalid, PayloadTooLarge, UnsupportedMedia

register_heif_opener(thumbnails=False)

DISPLAY_EDGE = 1600
THUMB_EDGE = 320
DISPLAY_QUALITY = 82
THUMB_QUALITY = 75
# Outputs at least this big are resized on several cores at once.
PARALLEL_PIXELS = 1_000_000
_POOL_SIZE = min(4, os.cpu_count() or 1)
_POOL = ThreadPoolExecutor(_POOL_SIZE, thread_name_prefix="photo-resize")
# Photos of one request are decoded side by side (a separate pool: decode uses _POOL).
_PHOTO_POOL = ThreadPoolExecutor(_POOL_SIZE, thread_name_prefix="photo-decode")

# ISO-BMFF major brands of HEIC/HEIF stills (AVIF and video brands are not accepted).
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "HEIF": "image/heic"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "HEIF": "heic"}
# Noto Sans CJK SC cut to GB 2312 (fonts/README.md): the watermark's and the print page's font.
FONT_PATH = Path(__file__).with_name("fonts") / "NotoSansSC-GB2312.otf"

# EXIF orientation -> the transpose that makes the picture upright (as ImageOps.exif_transpose).
UPRIGHT = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}

TAG_ORIENTATION = 0x0112
TAG_DATETIME = 0x0132
TAG_DATETIME_ORIGINAL = 0x9003
TAG_OFFSET_TIME_ORIGINAL = 0x9011
IFD_EXIF = 0x8769
IFD_GPS = 0x8825


@dataclass
class Decoded:
    """An accepted photo: the original bytes, what EXIF says, and small upright renderings."""

    data: bytes
    sha256: str
    format: str  # JPEG, PNG or HEIF
    width: int  # of the upright original
    height: int
    upright: Image.Image  # RGB, long edge <= DISPLAY_EDGE, no watermark yet
    thumb: Image.Image  # RGB, long edge <= THUMB_EDGE
    phash: str
    taken_at: datetime | None
    gps_lat: float | None
    gps_lon: float | None
    gps_accuracy_m: float | None

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


def sniff(data: bytes) -> str | None:
    """The accepted format the leading bytes prove, or None."""
    if data[:3] == b"\xff\xd8\xff":
        return "JPEG"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
        return "HEIF"
    return None


def decode_cost(data: bytes) -> int:
    """Bytes of memory decoding ``data`` will need at most (from the header; 0 if unreadable)."""
    fmt = sniff(data)
    if fmt is None:
        return 0
    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as img:
            w, h = img.size
    except Exception:  # noqa: BLE001 - decode() itself says what is wrong with it
        return 0
    pixels = w * h
    if fmt == "JPEG":
        # DCT scaling decodes at 1/2, 1/4 or 1/8 of each edge, never below the display size.
        scale = 1
        while scale < 8 and max(w, h) / (scale * 2) >= DISPLAY_EDGE:
            scale *= 2
        pixels //= scale * scale
    # The decoded image, one converted copy, and the bytes themselves.
    return pixels * 4 * 2 + len(data)


def decode(
    data: bytes,
    *,
    max_pixels: int,
    local_tz: str = "Asia/Shanghai",
    max_png_pixels: int | None = None,
) -> Decoded:
    """Check the bytes are a JPEG, PNG or HEIC within the pixel cap and decode them small."""
    fmt = sniff(data)
    if fmt is None:
        raise UnsupportedMedia("only JPEG, PNG and HEIC photos are accepted")
    try:
        img = Image.open(io.BytesIO(data), formats=[fmt])
    except Image.DecompressionBombError:
        raise PayloadTooLarge("the photo has too many pixels") from None
    except (UnidentifiedImageError, SyntaxError):
        raise UnsupportedMedia("only JPEG, PNG and HEIC photos are accepted") from None
    except (OSError, ValueError, RuntimeError, EOFError) as exc:
        raise Invalid(f"the photo is damaged or truncated ({exc})") from None
    with img:
        width, height = img.size
        if width < 1 or height < 1:
            raise Invalid("the photo has no pixels")
        # PNG is decoded at full size (no DCT scaling), so it has a cap of its own.
        cap = max_png_pixels if fmt == "PNG" and max_png_pixels else max_pixels
        if width * height > cap:
            # From the header alone: a decompression bomb never reaches the decoder.
            raise PayloadTooLarge(
                f"the photo is {width}x{height} pixels; at most {cap // 1_000_000} MP"
                + (" for a PNG" if cap != max_pixels else "")
            )
        try:
            exif = img.getexif()
            orientation = int(exif.get(TAG_ORIENTATION) or 1)
            if fmt == "HEIF":
                # libheif already applies the container's rotation; EXIF must not turn it twice.
                orientation = 1
            small = _decode_small(img, fmt, DISPLAY_EDGE)
        except (OSError, ValueError, RuntimeError, EOFError, SyntaxError) as exc:
            raise Invalid(f"the photo is damaged or truncated ({exc})") from None
        icc = img.info.get("icc_profile")
    small = _to_srgb(small, icc)
    for step in UPRIGHT.get(orientation, ()):
        small = small.transpose(step)
    small.info = {}
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    thumb = fit(small, THUMB_EDGE)
    lat, lon, accuracy = _gps(exif)
    return Decoded(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        width=width,
        height=height,
        upright=small,
        thumb=thumb,
        phash=dhash(thumb),
        taken_at=_taken_at(exif, local_tz),
        gps_lat=lat,
        gps_lon=lon,
        gps_accuracy_m=accuracy,
    )


def decode_all(
    datas: list[bytes], *, max_pixels: int, local_tz: str, max_png_pixels: int | None = None
) -> list[Decoded]:
    """Decode several photos on several cores; the first bad one (in order) raises."""

    def one(data: bytes) -> Decoded:
        return decode(data, max_pixels=max_pixels, local_tz=local_tz, max_png_pixels=max_png_pixels)

    if len(datas) == 1:
        return [one(datas[0])]
    return list(_PHOTO_POOL.map(one, datas))


def _decode_small(img: Image.Image, fmt: str, edge: int) -> Image.Image:
    """Decode to RGB with the long edge at most ``edge``, never fully decoding a big JPEG."""
    w, h = img.size
    scale = min(1.0, edge / max(w, h))
    if fmt == "JPEG" and scale < 1.0:
        # DCT scaling: libjpeg decodes at 1/2, 1/4 or 1/8, the smallest still >= the request.
        img.draft("RGB", (math.ceil(w * scale), math.ceil(h * scale)))
    img.load()
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGBA").convert("RGB") if "A" in img.mode else img.convert("RGB")
    elif img.mode == "L":
        img = img.convert("RGB")
    return fit(img, edge)


def fit(img: Image.Image, edge: int) -> Image.Image:
    """A copy scaled so its long edge is at most ``edge`` (never enlarged)."""
    w, h = img.size
    scale = edge / max(w, h)
    if scale >= 1.0:
        return img
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    # Like resize(reducing_gap=2): shrink by a whole factor first (cheap box averaging) while
    # the picture stays at least twice the target, then resample the rest.
    factor = int(1 / scale / 2)
    if factor >= 2:
        img = img.reduce(factor)
    if size[0] * size[1] < PARALLEL_PIXELS or _POOL_SIZE < 2:
        return img.resize(size, Image.Resampling.BILINEAR)
    return _resize_in_strips(img, size)


def _resize_in_strips(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Resize horizontal strips on several cores (Pillow releases the GIL while resampling).

    Each strip is resampled from its exact source box, reading across the cut like a
    single resize does, so the seams are invisible (at most 1 level apart from one pass).
    """
    (sw, sh), (w, h) = img.size, size
    cuts = [round(h * i / _POOL_SIZE) for i in range(_POOL_SIZE + 1)]

    def strip(i: int) -> Image.Image:
        top, bottom = cuts[i], cuts[i + 1]
        box = (0.0, top * sh / h, float(sw), bottom * sh / h)
        return img.resize((w, bottom - top), Image.Resampling.BILINEAR, box=box)

    out = Image.new(img.mode, size)
    for i, part in enumerate(_POOL.map(strip, range(_POOL_SIZE))):
        out.paste(part, (0, cuts[i]))
    return out


@lru_cache(maxsize=16)
def _srgb_transform(icc: bytes) -> ImageCms.ImageCmsTransform | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in (ImageCms.getProfileDescription(source) or "").lower().replace(" ", ""):
            return None
        return ImageCms.buildTransform(source, ImageCms.createProfile("sRGB"), "RGB", "RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


def _to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    """Bake a wide-gamut profile (e.g. Display P3) into sRGB, since copies carry no ICC block."""
    transform = _srgb_transform(icc) if icc else None
    return ImageCms.applyTransform(img, transform) if transform else img  # type: ignore[return-value]


def dhash(img: Image.Image) -> str:
    """64-bit difference hash as 16 hex digits: robust to re-encoding and resizing."""
    small = img.convert("L").resize((9, 8), Image.Resampling.BOX)
    px = small.tobytes()
    bits = 0
    for row in range(8):
        for col in range(8):
            bits = (bits << 1) | (px[row * 9 + col] > px[row * 9 + col + 1])
    return f"{bits:016x}"


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _ratio(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _gps(exif: Image.Exif) -> tuple[float | None, float | None, float | None]:
    try:
        gps = exif.get_ifd(IFD_GPS)
        if not gps or 2 not in gps or 4 not in gps:
            return None, None, None
        lat = sum(_ratio(v) / 60**i for i, v in enumerate(gps[2]))
        lon = sum(_ratio(v) / 60**i for i, v in enumerate(gps[4]))
        if str(gps.get(1, "N")).upper().startswith("S"):
            lat = -lat
        if str(gps.get(3, "E")).upper().startswith("W"):
            lon = -lon
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
            return None, None, None
        accuracy = _ratio(gps[31]) if 31 in gps else None
        return lat, lon, accuracy
    except (ValueError, TypeError, ZeroDivisionError, KeyError):
        return None, None, None


def _taken_at(exif: Image.Exif, local_tz: str) -> datetime | None:
    """DateTimeOriginal in UTC; phones write local time, with an offset tag when we are lucky."""
    try:
        sub = exif.get_ifd(IFD_EXIF)
        raw = sub.get(TAG_DATETIME_ORIGINAL) or exif.get(TAG_DATETIME)
        if not raw:
            return None
        value = datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
        offset = str(sub.get(TAG_OFFSET_TIME_ORIGINAL) or "").strip("\x00 ")
        if len(offset) == 6 and offset[0] in "+-" and offset[3] == ":":
            sign = 1 if offset[0] == "+" else -1
            delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
            value = value.replace(tzinfo=timezone(sign * delta))
        else:
            value = value.replace(tzinfo=ZoneInfo(local_tz))
        return value.astimezone(UTC)
    except (ValueError, TypeError, KeyError):
        return None


def encode_jpeg(img: Image.Image, quality: int) -> bytes:
    """Baseline JPEG with no metadata block at all (no EXIF, XMP, ICC or comment)."""
    img.info = {}
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# The watermark's text height as a share of the picture's width: a display copy shown across
# a 390-px-wide phone screen gets text about 11 CSS px tall, the smallest that reads outdoors.
TEXT_SHARE = 0.028
# Opacity of the black band behind the text: white on it keeps ≥ 4.5:1 contrast even over a
# white wall, and the scene still shows through.
BAND_ALPHA = 150
SEPARATOR = " · "


def evidence_lines(
    kind: str,
    number: str,
    road: str | None,
    when: str,
    where: str,
    person: str | None,
    person_label: str = "上报人",
) -> list[str]:
    """The watermark: 整改前 · 编号 · 路段, then 拍摄时间 · 上报人 (整改人, 核查人), then 经纬度."""
    return [
        f"{kind}{SEPARATOR}编号 {number}{SEPARATOR}路段 {road or '未定路段'}",
        f"{when}{SEPARATOR}{person_label} {person or '—'}",
        f"经纬度 {where}",
    ]


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    # A CJK font shipped in the package (fonts/README.md): nothing is downloaded at run time.
    return ImageFont.truetype(str(FONT_PATH), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Break a line at its " · " separators, and inside a part only when it alone is too wide."""
    lines: list[str] = []
    current = ""
    for part in text.split(SEPARATOR):
        candidate = f"{current}{SEPARATOR}{part}" if current else part
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for ch in part:
            if font.getlength(current + ch) > width and current:
                lines.append(current)
                current = ""
            current += ch
    if current:
        lines.append(current)
    return lines


def watermark(img: Image.Image, lines: list[str]) -> Image.Image:
    """Burn evidence text onto a translucent band at the bottom, legible on any photo."""
    w, h = img.size
    size = max(12, round(min(w * TEXT_SHARE, h * 0.045)))
    font = _font(size)
    pad = max(4, round(size * 0.6))
    line_h = round(size * 1.35)
    wrapped = [part for line in lines for part in _wrap(line, font, w - 2 * pad)]
    band_h = min(h, pad * 2 + line_h * len(wrapped))
    band = Image.new("RGBA", (w, band_h), (0, 0, 0, BAND_ALPHA))
    out = img.convert("RGBA")
    out.alpha_composite(band, (0, h - band_h))
    draw = ImageDraw.Draw(out)
    # A thin dark outline keeps each stroke readable where the band meets a bright sky.
    stroke = max(1, size // 14)
    y = h - band_h + pad
    for line in wrapped:
        draw.text((pad, y), line, font=font, fill=(255, 255, 255, 255),
                  stroke_width=stroke, stroke_fill=(0, 0, 0, 255))  # fmt: skip
        y += line_h
    return out.convert("RGB")
