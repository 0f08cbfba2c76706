"""The phones' camera: a small street-like JPEG per shot, different for every seed."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter


def shot(seed: int, size: tuple[int, int] = (640, 480)) -> bytes:
    """Coarse colour fields, blocks and strokes (a perceptual hash tells two seeds apart)."""
    rnd = random.Random(seed)
    w, h = size
    coarse = bytes(rnd.randrange(30, 230) for _ in range(8 * 6 * 3))
    img = Image.frombytes("RGB", (8, 6), coarse).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(14):
        x, y = rnd.randrange(w), rnd.randrange(h)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + rnd.randrange(20, 200), y + rnd.randrange(20, 200)), fill=colour)
    for _ in range(40):
        x, y = rnd.randrange(w), rnd.randrange(h)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        end = (x + rnd.randrange(-150, 150), y + rnd.randrange(-150, 150))
        draw.line((x, y, *end), fill=colour, width=rnd.randrange(1, 5))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return buf.getvalue()
