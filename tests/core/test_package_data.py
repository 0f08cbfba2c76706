"""What pyproject ships as package data exists, and the watermark/print font ships with it."""

import tomllib
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def test_every_package_data_pattern_names_files_that_exist():
    pyproject = tomllib.loads((APP.parent / "pyproject.toml").read_text())
    patterns = pyproject["tool"]["setuptools"]["package-data"]["app"]
    for pattern in patterns:
        if pattern.startswith("static/") and not (APP / "static").is_dir():
            continue  # the built PWA: made by `make frontend` before packaging
        assert any(p.is_file() for p in APP.glob(pattern)), pattern
    assert any((APP / "photos" / "fonts" / "x").match(p) for p in patterns)


def test_the_cjk_font_is_small_and_covers_the_labels():
    from PIL import ImageFont

    from app.photos.imaging import FONT_PATH

    assert FONT_PATH.stat().st_size < 2_000_000
    font = ImageFont.truetype(str(FONT_PATH), 20)

    def glyph(ch: str) -> bytes:
        return bytes(font.getmask(ch))

    notdef = glyph("\U0002a6a5")  # a rare hanzi outside GB 2312: drawn as the missing glyph
    for ch in "整改前后核查编号路段拍摄时间经纬度上报人关于周通报逾期钰0123456789·°":
        assert glyph(ch) != notdef, ch
