"""The evidence watermark: Chinese, in the packaged CJK font, legible on dark and light photos
at phone size, and saying what the ticket is (整改前 · 编号 · 路段 · 拍摄时间 · 上报人 · 经纬度)."""

from pathlib import Path

import pytest
from PIL import Image

from app.photos import imaging
from tests.factories import create_town, login, report

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
LINES = imaging.evidence_lines(
    "整改前", "20261130-0042", "青山大道中段", "拍摄时间 2026-11-30 09:41:07",
    "31.000100°N 119.898000°E（照片定位 ±8米）", "巡查员甲",
)  # fmt: skip
PHONE_CSS_WIDTH = 390


def luminance(v: float) -> float:
    c = v / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


@pytest.mark.parametrize("shade", [250, 20])
def test_legible_on_light_and_dark_photos_at_phone_size(shade: int) -> None:
    w, h = 1600, 1200
    img = Image.new("RGB", (w, h), (shade, shade, shade))
    out = imaging.watermark(img, LINES)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out.resize((PHONE_CSS_WIDTH * 2, round(h * PHONE_CSS_WIDTH * 2 / w))).save(
        ARTIFACTS / f"watermark-{'light' if shade > 128 else 'dark'}.png"
    )
    grey = out.convert("L")
    band = [y for y in range(h) if grey.getpixel((w - 1, y)) != shade]
    top = band[0]
    assert band == list(range(top, h))  # one band along the bottom edge
    # Text at phone size: the lines' height is ≥ 10 CSS px when the photo fills a 390-px screen.
    rows = [y for y in range(top, h) if grey.crop((0, y, w, y + 1)).getextrema()[1] > 200]
    line_px = (h - top) / len(LINES)
    assert line_px * PHONE_CSS_WIDTH / w >= 10 and rows
    # White text on the band keeps at least 4.5:1 against the band itself.
    background = grey.getpixel((w - 1, h - 1))
    ratio = (luminance(255) + 0.05) / (luminance(background) + 0.05)
    assert ratio >= 4.5, ratio
    # Translucent: a light photo still shows through the band, it is not painted black.
    if shade > 128:
        assert background > 60


def test_chinese_text_is_drawn_with_real_glyphs() -> None:
    img = Image.new("RGB", (1600, 1200), (120, 120, 120))
    words = imaging.watermark(img, ["整改前 编号 路段"]).crop((0, 1000, 1600, 1200))
    boxes = imaging.watermark(img, ["\U0002a6a5" * 8]).crop((0, 1000, 1600, 1200))
    assert words.tobytes() != boxes.tobytes()  # not the missing-glyph box of a Latin font


def test_long_lines_wrap_inside_the_picture() -> None:
    narrow = Image.new("RGB", (240, 320), (200, 200, 200))
    font = imaging._font(max(12, round(240 * imaging.TEXT_SHARE)))
    pad = max(4, round(font.size * 0.6))
    wrapped = [p for line in LINES for p in imaging._wrap(line, font, 240 - 2 * pad)]
    assert len(wrapped) > len(LINES)
    assert all(font.getlength(p) <= 240 - 2 * pad for p in wrapped)
    imaging.watermark(narrow, LINES)


def test_a_reported_photo_says_what_ticket_it_is(client, db, monkeypatch) -> None:
    town = create_town(db)
    marked: list[list[str]] = []
    draw = imaging.watermark
    monkeypatch.setattr(
        imaging, "watermark", lambda img, lines: draw(img, marked.append(lines) or lines)
    )
    ticket = report(client, login(client, town.inspector)).json()
    [lines] = marked
    text = " ".join(lines)
    assert lines[0] == f"整改前 · 编号 {ticket['number']} · 路段 人民路"
    assert "接收时间 20" in text and "上报人 巡查员甲" in text and "经纬度 31.000100°N" in text


def _lines(kind, caption, **exif):
    from types import SimpleNamespace

    from app.photos.service import _watermark_lines

    file = {"taken_at": None, "gps_lat": None, "gps_lon": None, "gps_accuracy_m": None, **exif}
    return " ".join(_watermark_lines(caption, SimpleNamespace(**file), kind))


def test_an_after_photo_names_the_rectifier_and_its_own_time_and_place() -> None:
    from datetime import UTC, datetime

    from app.photos.models import PhotoKind
    from app.photos.service import Caption

    received = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
    # The phone sent where and when the chief took it; the file itself says nothing.
    taken = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)
    sent = Caption("20261207-0003", 31.0012, 119.8934, received, "人民路", "王主任",
                   at_phone=True, accuracy_m=6, captured_at=taken)  # fmt: skip
    text = _lines(PhotoKind.after, sent)
    assert text.startswith("整改后 · 编号 20261207-0003 · 路段 人民路")
    assert "拍摄时间 2026-12-07 09:30:00 · 整改人 王主任" in text  # Beijing time
    assert "经纬度 31.001200°N 119.893400°E（手机定位 ±6米）" in text
    assert "上报" not in text

    # The camera's own EXIF wins over what the phone said.
    exif = _lines(PhotoKind.after, sent, taken_at=datetime(2026, 12, 7, 1, 0, tzinfo=UTC),
                  gps_lat=31.0, gps_lon=119.9, gps_accuracy_m=4)  # fmt: skip
    assert "拍摄时间 2026-12-07 09:00:00" in exif and "（照片定位 ±4米）" in exif

    # Nothing from the phone or the file: the receive time, and the ticket's place said as such.
    bare = Caption("20261207-0003", 31.0001, 119.898, received, "人民路", "王主任")
    text = _lines(PhotoKind.after, bare)
    assert "接收时间 2026-12-07 10:00:00 · 整改人 王主任" in text
    assert "（工单位置，照片无定位）" in text

    assert "核查人 王主任" in _lines(PhotoKind.verify, bare)
    before = _lines(PhotoKind.before, bare)
    assert "上报人 王主任" in before and "（上报位置）" in before


def test_a_rectified_photo_says_整改人_not_上报人(client, db, monkeypatch) -> None:
    from tests.factories import jpeg_bytes

    town = create_town(db)
    ticket = report(client, login(client, town.inspector)).json()
    marked: list[list[str]] = []
    draw = imaging.watermark
    monkeypatch.setattr(
        imaging, "watermark", lambda img, lines: draw(img, marked.append(lines) or lines)
    )
    r = client.post(
        f"/api/tickets/{ticket['id']}/rectify",
        # What the chief's phone says about the after-photo (its file has no EXIF).
        data={"note": "已清理", "lat": "31.0004000", "lon": "119.8990000", "accuracy_m": "9",
              "captured_at": "2026-12-07T01:30:00Z"},
        files=[("photo", ("after.jpg", jpeg_bytes(101), "image/jpeg"))],
        headers={**login(client, town.road_chief), "Idempotency-Key": "rectify-caption-1"},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    [lines] = marked
    text = " ".join(lines)
    assert lines[0].startswith("整改后 · 编号")
    assert f"拍摄时间 2026-12-07 09:30:00 · 整改人 {town.road_chief.name}" in text
    assert "经纬度 31.000400°N 119.899000°E（手机定位 ±9米）" in text and "上报" not in text
