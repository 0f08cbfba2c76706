"""Photo pipeline benchmark: ours vs the obvious Pillow code vs pyvips, and a whole report.

    .venv/bin/python bench/photos.py [--photos 5] [--rounds 5] [--no-http]

Makes phone-like 12 MP JPEGs (4000x3000 stored sideways with EXIF orientation 6, GPS and a
capture time; textured content, about 3.5 MB each) and prints the median milliseconds per
photo, and ratios measured in the same run, for:

- ours: prepare (validate, EXIF, reduced-scale decode, upright, sha256, dHash) and render the
  published copies (watermarked display <= 1600 px, thumbnail <= 320 px, both encoded);
- the obvious Pillow code: open -> exif_transpose -> thumbnail(1600) -> save ->
  thumbnail(320) -> save;
- pyvips' thumbnail (shrink-on-load) to 1600 and the 320 thumbnail from it, if importable;
- POST /api/tickets with one such photo through uvicorn on a temporary SQLite database and
  photo directory (HTTP, auth, validation, copies, storage with fsync, ledger, commit).
"""

import argparse
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.photos import imaging  # noqa: E402

QUALITY = imaging.DISPLAY_QUALITY
THUMB_QUALITY = imaging.THUMB_QUALITY


def phone_photo(seed: int, size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A 12 MP JPEG that looks like a street photo to an encoder: shapes, edges, sensor noise."""
    rnd = random.Random(seed)
    w, h = size
    coarse = bytes(rnd.randrange(40, 230) for _ in range(48 * 36 * 3))
    img = Image.frombytes("RGB", (48, 36), coarse).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(60):  # buildings, poles, signs
        x, y = rnd.randrange(w), rnd.randrange(h)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + rnd.randrange(80, 700), y + rnd.randrange(80, 900)), fill=colour)
    for _ in range(400):  # cables, cracks, text-like strokes
        x, y = rnd.randrange(w), rnd.randrange(h)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        end = (x + rnd.randrange(-500, 500), y + rnd.randrange(-500, 500))
        draw.line((x, y, *end), fill=colour, width=rnd.randrange(1, 9))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise(size, 30).convert("RGB")
    img = Image.blend(img, noise, 0.12)
    exif = Image.Exif()
    exif[0x0110] = "Phone 12"
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[0x9003] = "2026:11:27 09:41:07"
    lat, lon = 31.0 + rnd.random() / 100, 119.9 + rnd.random() / 100
    exif[0x8825] = {
        1: "N",
        2: (Fraction(int(lat)), Fraction(int(lat % 1 * 60)), Fraction(round(lat * 3600 % 60))),
        3: "E",
        4: (Fraction(int(lon)), Fraction(int(lon % 1 * 60)), Fraction(round(lon * 3600 % 60))),
        31: Fraction(5),
    }
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def ours(data: bytes) -> tuple[bytes, bytes]:
    d = imaging.decode(data, max_pixels=64_000_000)
    lines = ["No. 20261127-0042  BEFORE", "2026-11-27 09:41:07 +0800 (camera)", "31.0N 119.9E"]
    display = imaging.encode_jpeg(imaging.watermark(d.upright, lines), QUALITY)
    return display, imaging.encode_jpeg(d.thumb, THUMB_QUALITY)


def obvious(data: bytes) -> tuple[bytes, bytes]:
    img = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    img.thumbnail((1600, 1600))
    display = io.BytesIO()
    img.save(display, "JPEG", quality=QUALITY)
    img.thumbnail((320, 320))
    thumb = io.BytesIO()
    img.save(thumb, "JPEG", quality=THUMB_QUALITY)
    return display.getvalue(), thumb.getvalue()


def vips_pipeline() -> Callable[[bytes], tuple[bytes, bytes]] | None:
    try:
        import pyvips
    except (ImportError, OSError) as exc:
        print(f"pyvips not usable ({exc}); install libvips42 to compare")
        return None

    def run(data: bytes) -> tuple[bytes, bytes]:
        img = pyvips.Image.thumbnail_buffer(data, 1600).copy_memory()
        display = img.jpegsave_buffer(Q=QUALITY, strip=True)
        return display, img.thumbnail_image(320).jpegsave_buffer(Q=THUMB_QUALITY, strip=True)

    print(f"pyvips {pyvips.__version__}, libvips {pyvips.version(0)}.{pyvips.version(1)}")
    return run


def per_photo_ms(fn: Callable[[bytes], object], photos: list[bytes], rounds: int) -> float:
    fn(photos[0])  # warm-up: imports, font, ICC caches
    times = []
    for _ in range(rounds):
        for data in photos:
            start = time.perf_counter()
            fn(data)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _prepare_server(tmp: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "ROADCHIEF_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
        "ROADCHIEF_STORAGE_URL": f"file://{tmp / 'photos'}",
        "ROADCHIEF_VAR_DIR": str(tmp),
        "ROADCHIEF_SWEEP_INTERVAL_S": "0",
        "ROADCHIEF_ENVIRONMENT": "development",
    }
    setup = (
        "from app.core.config import get_settings\n"
        "from app.core.db import session_scope\n"
        "from app.core.migrate import upgrade\n"
        "from app.seed import seed_reference_data\n"
        "from app.auth.passwords import hash_password\n"
        "from app.org.models import Role, User\n"
        "upgrade(get_settings().database_url)\n"
        "with session_scope() as s:\n"
        "    seed_reference_data(s)\n"
        "    s.add(User(username='bench', name='bench', role=Role.inspector,\n"
        "               password_hash=hash_password('bench-pw')))\n"
    )
    subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, check=True)
    return env


def http_report_ms(photos: list[bytes], rounds: int) -> float | None:
    """Median client-side latency of POST /api/tickets with one photo, via uvicorn."""
    import httpx

    with tempfile.TemporaryDirectory(prefix="rc-bench-") as tmpdir:
        tmp = Path(tmpdir)
        env = _prepare_server(tmp)
        port = 18000 + random.randrange(1000)
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--port",
             str(port), "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=60) as client:
                for _ in range(100):
                    try:
                        client.get("/openapi.json")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                login = {"username": "bench", "password": "bench-pw"}
                r = client.post("/api/auth/token", data=login)
                r.raise_for_status()
                headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
                times = []
                for i in range(rounds * len(photos) + 1):
                    data = photos[i % len(photos)]
                    start = time.perf_counter()
                    r = client.post(
                        "/api/tickets",
                        data={"category": "0201", "lat": "31.0", "lon": "119.9", "accuracy_m": "8"},
                        files=[("photo", ("IMG_0001.jpg", data, "image/jpeg"))],
                        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
                    )
                    elapsed = (time.perf_counter() - start) * 1000
                    if r.status_code != 201:
                        print(f"POST /api/tickets answered {r.status_code}: {r.text[:200]}")
                        return None
                    if i:  # the first request warms the server up
                        times.append(elapsed)
                return statistics.median(times)
        finally:
            server.terminate()
            server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()

    photos = [phone_photo(seed) for seed in range(args.photos)]
    mb = statistics.mean(len(p) for p in photos) / 1e6
    print(f"{len(photos)} phone-like JPEGs, 4000x3000, EXIF orientation 6 + GPS, {mb:.1f} MB avg")
    print(f"{os.cpu_count()} CPUs, Pillow {Image.__version__}; median ms per photo\n")

    results = {
        "ours (prepare + render copies)": per_photo_ms(ours, photos, args.rounds),
        "obvious Pillow (exif_transpose + thumbnail)": per_photo_ms(obvious, photos, args.rounds),
    }
    vips = vips_pipeline()
    if vips is not None:
        results["pyvips thumbnail"] = per_photo_ms(vips, photos, args.rounds)
    if not args.no_http:
        http = http_report_ms(photos, max(1, args.rounds // 2))
        if http is not None:
            results["POST /api/tickets, one photo (uvicorn, SQLite)"] = http

    base = results["obvious Pillow (exif_transpose + thumbnail)"]
    for name, ms in results.items():
        print(f"{name:<50} {ms:8.1f} ms   {ms / base:5.2f} x obvious")
    mine = results["ours (prepare + render copies)"]
    print(f"\nours / obvious = {mine / base:.2f} (target <= 0.50)")
    if "pyvips thumbnail" in results:
        print(f"ours / pyvips  = {mine / results['pyvips thumbnail']:.2f} (target < 1)")
    if (key := "POST /api/tickets, one photo (uvicorn, SQLite)") in results:
        print(f"request / obvious = {results[key] / base:.2f} (target <= 0.60)")


if __name__ == "__main__":
    main()
