"""Draw the app icons (run once; the PNGs are committed): python scripts/icons.py"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
S = 1024  # drawn large, scaled down for smooth edges
BLUE_TOP = (37, 99, 235)
BLUE_BOTTOM = (28, 78, 216)


def gradient(size: int) -> Image.Image:
    img = Image.new("RGB", (size, size))
    px = img.load()
    for y in range(size):
        f = y / (size - 1)
        c = tuple(round(a + (b - a) * f) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True))
        for x in range(size):
            px[x, y] = c
    return img


def glyph(scale: float) -> Image.Image:
    """A road running into the distance with a location pin over it, centred, on transparency."""
    layer = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    c = S / 2

    def p(x: float, y: float) -> tuple[float, float]:
        return (c + (x - c) * scale, c + (y - c) * scale)

    # Road: a trapezoid from the bottom edge to the horizon.
    d.polygon([p(250, 900), p(774, 900), p(560, 520), p(464, 520)], fill=(255, 255, 255, 235))
    # Centre line dashes, shrinking with distance.
    for y0, y1, w in ((820, 880, 22), (710, 760, 16), (620, 655, 11), (555, 578, 7)):
        d.polygon([p(c - w, y1), p(c + w, y1), p(c + w * 0.8, y0), p(c - w * 0.8, y0)], fill=BLUE_BOTTOM)
    # Pin: a circle with a point, white ring, red head.
    cx, cy, r = c, 330, 170
    d.ellipse([p(cx - r, cy - r), p(cx + r, cy + r)], fill=(255, 255, 255, 255))
    d.polygon([p(cx - r * 0.72, cy + r * 0.7), p(cx + r * 0.72, cy + r * 0.7), p(cx, cy + r * 1.75)], fill=(255, 255, 255, 255))
    r2 = r * 0.8
    d.ellipse([p(cx - r2, cy - r2), p(cx + r2, cy + r2)], fill=(239, 68, 68, 255))
    d.polygon([p(cx - r2 * 0.7, cy + r2 * 0.7), p(cx + r2 * 0.7, cy + r2 * 0.7), p(cx, cy + r * 1.55)], fill=(239, 68, 68, 255))
    r3 = r * 0.34
    d.ellipse([p(cx - r3, cy - r3), p(cx + r3, cy + r3)], fill=(255, 255, 255, 255))
    return layer


def icon(rounded: bool, scale: float) -> Image.Image:
    bg = gradient(S).convert("RGBA")
    bg.alpha_composite(glyph(scale))
    if rounded:
        mask = Image.new("L", (S, S), 0)
        ImageDraw.Draw(mask).rounded_rectangle([0, 0, S - 1, S - 1], radius=S * 0.22, fill=255)
        bg.putalpha(mask)
    return bg


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    any_icon = icon(rounded=True, scale=0.92)
    for size in (512, 192):
        any_icon.resize((size, size), Image.LANCZOS).save(OUT / f"icon-{size}.png", optimize=True)
    any_icon.resize((32, 32), Image.LANCZOS).save(OUT / "favicon-32.png", optimize=True)
    # Maskable and Apple icons are full-bleed; the platform cuts the shape, so keep the glyph in the safe zone.
    full = icon(rounded=False, scale=0.72)
    full.resize((512, 512), Image.LANCZOS).save(OUT / "maskable-512.png", optimize=True)
    full.convert("RGB").resize((180, 180), Image.LANCZOS).save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
