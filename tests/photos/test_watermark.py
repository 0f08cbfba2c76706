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
