"""Published copies: upright, within size, without any metadata; EXIF read into the record."""

import io
from datetime import UTC, datetime

import pytest
from PIL import Image, ImageChops, ImageCms, JpegImagePlugin

from app.photos import imaging
from app.photos.service import prepare_photos
from tests.photos.conftest import jpeg_segments, photo, upload

# Where the painted corner (stored top-left) must be seen once the photo is upright.
UPRIGHT_CORNER = {
    1: "top-left",
    2: "top-right",
    3: "bottom-right",
    4: "bottom-left",
    5: "top-left",
    6: "top-right",
    7: "bottom-right",
    8: "bottom-left",
}


def _corner_is_marked(img: Image.Image, corner: str) -> bool:
    w, h = img.size
    x = 3 if "left" in corner else w - 4
    y = 3 if "top" in corner else h - 4
    r, g, b = img.convert("RGB").getpixel((x, y))  # type: ignore[misc]
    return r > 200 and g < 60 and b < 60


def _decode(data: bytes) -> imaging.Decoded:
    return prepare_photos([upload(data)])[0].decoded


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(orientation: int) -> None:
    d = _decode(photo((400, 300), orientation=orientation, marker=True))
    display = Image.open(io.BytesIO(imaging.encode_jpeg(d.upright, 90)))
    turned = orientation >= 5
    assert display.size == ((300, 400) if turned else (400, 300))
    assert (d.width, d.height) == display.size
    assert _corner_is_marked(display, UPRIGHT_CORNER[orientation])
    assert _corner_is_marked(d.thumb, UPRIGHT_CORNER[orientation])


def test_heic_comes_out_upright_too() -> None:
    d = _decode(photo((400, 300), fmt="HEIF", orientation=6, marker=True))
    assert d.format == "HEIF" and d.upright.size == (300, 400)
    assert _corner_is_marked(d.upright, "top-right")


def test_a_12_megapixel_jpeg_is_decoded_at_reduced_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = []
    real_load = JpegImagePlugin.JpegImageFile.load

    def load(self):  # type: ignore[no-untyped-def]
        sizes.append(self.size)
        return real_load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", load)
    d = _decode(photo((4000, 3000), orientation=6))
    assert sizes and max(sizes) == (2000, 1500)  # DCT scaling at 1/2, never 4000x3000
    assert d.upright.size == (1200, 1600) and (d.width, d.height) == (3000, 4000)
    assert max(d.thumb.size) == 320


@pytest.mark.parametrize("size", [(4000, 3000), (1000, 2500), (500, 300), (8000, 100)])
def test_copies_respect_their_long_edge(size: tuple[int, int]) -> None:
    d = _decode(photo(size))
    assert max(d.upright.size) == min(max(size), imaging.DISPLAY_EDGE)
    assert max(d.thumb.size) <= imaging.THUMB_EDGE
    ratio = size[0] / size[1]
    assert abs(d.upright.size[0] / d.upright.size[1] - ratio) < 0.02 * ratio + 0.1


def test_published_copies_carry_no_metadata_at_all() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = photo(
        (1200, 900),
        orientation=6,
        gps=(31.2304, 121.4737),
        taken="2026:11:27 09:41:07",
        extra={"icc_profile": profile, "comment": b"secret note", "xmp": b"<x:xmpmeta>gps</x>"},
    )
    assert b"Exif" in data and b"secret note" in data and b"xmpmeta" in data
    d = _decode(data)
    wm = imaging.watermark(d.upright, ["No. 20261127-0042  AFTER", "2026-11-27", "31.2N"])
    for copy in (imaging.encode_jpeg(wm, 82), imaging.encode_jpeg(d.thumb, 75)):
        segments = jpeg_segments(copy)
        codes = {s[0] for s in segments if s != b"SOS"}
        # Only JFIF (APP0), quantisation/Huffman tables and the frame header are allowed.
        assert codes <= {0xE0, 0xDB, 0xC4, 0xC0, 0xDD}, [hex(c) for c in codes]
        for needle in (b"Exif", b"http://ns.adobe.com", b"xmpmeta", b"ICC_PROFILE", b"secret"):
            assert needle not in copy
        info = Image.open(io.BytesIO(copy)).info
        assert not {"exif", "icc_profile", "xmp", "comment", "photoshop"} & set(info)
        assert not Image.open(io.BytesIO(copy)).getexif()


def test_capture_time_and_gps_are_read_from_exif() -> None:
    d = _decode(
        photo(
            gps=(31.2304, -121.4737),
            accuracy_m=6.5,
            taken="2026:11:27 09:41:07",
            offset="+08:00",
        )
    )
    assert d.taken_at == datetime(2026, 11, 27, 1, 41, 7, tzinfo=UTC)
    assert d.gps_lat == pytest.approx(31.2304, abs=1e-5)
    assert d.gps_lon == pytest.approx(-121.4737, abs=1e-5)
    assert d.gps_accuracy_m == pytest.approx(6.5)


def test_capture_time_without_offset_is_local_time() -> None:
    d = _decode(photo(taken="2026:11:27 09:41:07"))
    assert d.taken_at == datetime(2026, 11, 27, 1, 41, 7, tzinfo=UTC)  # Asia/Shanghai


def test_missing_or_junk_exif_is_simply_unknown() -> None:
    assert _decode(photo()).taken_at is None
    d = _decode(photo(taken="not a date", gps=(0.0, 0.0)))
    assert d.taken_at is None and d.gps_lat is None and d.gps_lon is None


def test_wide_gamut_photos_are_converted_to_srgb() -> None:
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    # Not a real camera profile, but any non-sRGB profile must be baked in, not dropped.
    plain = _decode(photo(extra={"icc_profile": srgb}))
    assert plain.upright.getpixel((5, 5)) == _decode(photo()).upright.getpixel((5, 5))
    assert _decode(photo(extra={"icc_profile": lab})).upright.mode == "RGB"


def test_dhash_survives_reencoding_but_tells_different_photos_apart() -> None:
    a = _decode(photo((1600, 1200), seed=1))
    again = io.BytesIO()
    Image.open(io.BytesIO(photo((1600, 1200), seed=1))).resize((800, 600)).save(
        again, "JPEG", quality=60
    )
    b = _decode(again.getvalue())
    c = _decode(photo((1600, 1200), seed=7))
    assert imaging.hamming(a.phash, b.phash) <= 6
    assert imaging.hamming(a.phash, c.phash) > 10


def test_the_watermark_is_legible_on_white_and_black_photos() -> None:
    for colour in ((255, 255, 255), (0, 0, 0)):
        img = Image.new("RGB", (1600, 1200), colour)
        out = imaging.watermark(img, ["No. 20261127-0042  AFTER", "2026-11-27 09:41:07 +0800"])
        band = out.crop((0, 1100, 1600, 1200)).convert("L")
        lo, hi = band.getextrema()  # type: ignore[misc]
        assert hi - lo > 150  # bright text on a dark band, whatever the photo
        assert (
            out.crop((0, 0, 1600, 1000)).getextrema() == img.crop((0, 0, 1600, 1000)).getextrema()
        )


def test_resizing_on_several_cores_leaves_no_seam() -> None:
    img = Image.open(io.BytesIO(photo((2000, 1500), seed=3))).convert("RGB")
    split = imaging._resize_in_strips(img, (1600, 1200))
    whole = img.resize((1600, 1200), Image.Resampling.BILINEAR)
    diff = ImageChops.difference(split, whole)
    assert max(hi for _lo, hi in diff.getextrema()) <= 1  # type: ignore[union-attr]
