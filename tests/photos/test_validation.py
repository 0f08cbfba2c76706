"""Only real JPEG, PNG and HEIC photos get in, judged by content, never by name."""

import io
import struct
import tracemalloc
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from app.core.config import get_settings
from app.core.errors import AppError, Invalid, PayloadTooLarge, UnsupportedMedia
from app.photos.service import prepare_photos
from tests.photos.conftest import photo, upload


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # One compressed row of zeros stands for billions: the decoder would have to inflate it all.
    idat = zlib.compress(b"\x00" * (width * 3 + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _pillow(fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 10, 10)).save(buf, fmt, **params)
    return buf.getvalue()


HOSTILE = {
    "script renamed .jpg": b"#!/bin/sh\nrm -rf / --no-preserve-root\n",
    "svg": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>",
    "pdf": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    "tiff": _pillow("TIFF"),
    "psd": b"8BPS\x00\x01" + b"\x00" * 6 + b"\x00\x03" + struct.pack(">II", 48, 64) + b"\x00\x08",
    "gif": _pillow("GIF"),
    "webp": _pillow("WEBP"),
    "bmp": _pillow("BMP"),
    "html": b"<html><body><img src=x onerror=alert(1)></body></html>",
    "empty file": b"",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_anything_but_jpeg_png_heic_is_unsupported_media(name: str) -> None:
    with pytest.raises(UnsupportedMedia) as err:
        prepare_photos([upload(HOSTILE[name], "evidence.jpg")])
    assert err.value.status_code == 415


def test_jpeg_magic_in_front_of_other_bytes_is_not_enough() -> None:
    with pytest.raises((UnsupportedMedia, Invalid)):
        prepare_photos([upload(b"\xff\xd8\xff\xe0" + b"<script>alert(1)</script>" * 40)])


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_jpeg_is_invalid(cut: float) -> None:
    data = photo((1200, 900))
    with pytest.raises(Invalid) as err:
        prepare_photos([upload(data[: int(len(data) * cut)])])
    assert err.value.status_code == 422


def test_a_truncated_png_is_invalid() -> None:
    data = photo((600, 400), fmt="PNG")
    with pytest.raises(Invalid):
        prepare_photos([upload(data[: len(data) // 2])])


def test_a_decompression_bomb_is_refused_from_its_header_with_flat_memory() -> None:
    bomb = _png_declaring(50_000, 50_000)
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(PayloadTooLarge) as err:
            prepare_photos([upload(bomb, "bomb.png")])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.value.status_code == 413
    assert peak < 5 * 1024 * 1024  # 50 000² RGB would be 7.5 GB


def test_a_jpeg_header_declaring_a_huge_frame_is_refused_before_decoding() -> None:
    data = bytearray(photo((64, 48)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65_000, 65_000)  # height, width
    with pytest.raises(PayloadTooLarge):
        prepare_photos([upload(bytes(data))])


def test_a_picture_just_over_the_pixel_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADCHIEF_MAX_PHOTO_PIXELS", str(640 * 480 - 1))
    get_settings.cache_clear()
    try:
        with pytest.raises(PayloadTooLarge):
            prepare_photos([upload(photo((640, 480)))])
    finally:
        get_settings.cache_clear()


def test_a_photo_over_the_byte_cap_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    data = photo((800, 600))
    monkeypatch.setenv("ROADCHIEF_MAX_PHOTO_BYTES", str(len(data) - 1))
    get_settings.cache_clear()
    try:
        with pytest.raises(PayloadTooLarge) as err:
            prepare_photos([upload(data)])
        assert err.value.status_code == 413
        # Even when the upload does not know its size, no more than the cap + 1 byte is read.
        unsized = upload(data)
        unsized.size = None
        with pytest.raises(PayloadTooLarge):
            prepare_photos([unsized])
    finally:
        get_settings.cache_clear()


def test_no_photo_at_all_is_invalid() -> None:
    with pytest.raises(Invalid, match="at least one photo"):
        prepare_photos([])


def test_too_many_photos_in_one_request_is_invalid() -> None:
    data = photo((64, 48))
    count = get_settings().max_photos_per_request + 1
    with pytest.raises(Invalid):
        prepare_photos([upload(data) for _ in range(count)])


FORMATS = ["JPEG", "PNG", "HEIF"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_real_photos_are_accepted_whatever_their_name(fmt: str) -> None:
    data = photo((640, 480), fmt=fmt)
    [prepared] = prepare_photos([upload(data, "whatever.txt")])
    assert prepared.decoded.format == fmt
    assert len(prepared.sha256) == 64
    assert (prepared.decoded.width, prepared.decoded.height) == (640, 480)


def test_png_with_transparency_and_grey_jpeg_are_accepted() -> None:
    buf = io.BytesIO()
    Image.new("RGBA", (100, 80), (0, 0, 0, 0)).save(buf, "PNG")
    grey = io.BytesIO()
    Image.new("L", (100, 80), 128).save(grey, "JPEG")
    prepared = prepare_photos([upload(buf.getvalue()), upload(grey.getvalue())])
    assert [p.decoded.upright.mode for p in prepared] == ["RGB", "RGB"]


SEEDS = {fmt: photo((96, 64), fmt=fmt, orientation=6, gps=(31.0, 119.9)) for fmt in FORMATS}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fmt=st.sampled_from(FORMATS),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=12),
    cut=st.integers(0, 10_000) | st.none(),
)
def test_damaged_photos_are_refused_cleanly_never_with_a_crash(
    fmt: str, flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(SEEDS[fmt])
    for pos, value in flips:
        data[pos % len(data)] = value
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    try:
        [prepared] = prepare_photos([upload(bytes(data))])
    except AppError as err:
        assert err.status_code in (413, 415, 422)
    else:
        assert max(prepared.decoded.upright.size) <= 1600 and len(prepared.decoded.phash) == 16
