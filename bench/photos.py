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


class Server:
    """uvicorn serving the app on a temporary SQLite database and photo directory."""

    def __init__(self) -> None:
        import httpx

        self._tmp = tempfile.TemporaryDirectory(prefix="rc-bench-")
        env = _prepare_server(Path(self._tmp.name))
        port = 18000 + random.randrange(1000)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--port",
             str(port), "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
        for _ in range(200):
            try:
                self.client.get("/openapi.json")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        login = {"username": "bench", "password": "bench-pw"}
        r = self.client.post("/api/auth/token", data=login)
        r.raise_for_status()
        self.headers = {"Authorization": f"Bearer {r.json()['access_token']}"}

    def report(self, data: bytes) -> None:
        r = self.client.post(
            "/api/tickets",
            data={"category": "0201", "lat": "31.0", "lon": "119.9", "accuracy_m": "8"},
            files=[("photo", ("IMG_0001.jpg", data, "image/jpeg"))],
            headers={**self.headers, "Idempotency-Key": str(uuid.uuid4())},
        )
        if r.status_code != 201:
            raise RuntimeError(f"POST /api/tickets answered {r.status_code}: {r.text[:300]}")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, all threads (Linux schedstat, in ns)."""
        total = 0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (FileNotFoundError, ProcessLookupError):
                continue
        return total / 1e9

    def close(self) -> None:
        self.client.close()
        self.process.terminate()
        self.process.wait(10)
        self._tmp.cleanup()


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


OURS = "ours (prepare + render copies)"
OBVIOUS = "obvious Pillow (exif_transpose + thumbnail)"
VIPS = "pyvips thumbnail (shrink-on-load)"
HTTP = "POST /api/tickets, one photo (uvicorn, SQLite)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()

    photos = [phone_photo(seed) for seed in range(args.photos)]
    mb = statistics.mean(len(p) for p in photos) / 1e6
    print(f"{len(photos)} phone-like JPEGs, 4000x3000, EXIF orientation 6 + GPS, {mb:.1f} MB avg")
    print(f"{os.cpu_count()} CPUs, Pillow {Image.__version__}")

    contenders: dict[str, Callable[[bytes], object]] = {OURS: ours, OBVIOUS: obvious}
    vips = vips_pipeline()
    if vips is not None:
        contenders[VIPS] = vips
    server = None if args.no_http else Server()
    if server is not None:
        contenders[HTTP] = server.report
    try:
        for fn in contenders.values():
            fn(photos[0])  # warm-up: imports, fonts, caches, the server's first request
        # Interleaved, so a noisy neighbour slows every contender alike.
        times: dict[str, list[float]] = {name: [] for name in contenders}
        cpu: dict[str, list[float]] = {name: [] for name in contenders}
        sizes: dict[str, list[tuple[int, int]]] = {}
        for _ in range(args.rounds):
            for data in photos:
                for name, fn in contenders.items():
                    clock = server.cpu_seconds if name == HTTP and server else time.process_time
                    start, start_cpu = time.perf_counter(), clock()
                    out = fn(data)
                    times[name].append((time.perf_counter() - start) * 1000)
                    cpu[name].append((clock() - start_cpu) * 1000)
                    if isinstance(out, tuple):
                        sizes.setdefault(name, []).append(Image.open(io.BytesIO(out[0])).size)
    finally:
        if server is not None:
            server.close()

    results = {name: statistics.median(t) for name, t in times.items()}
    cpu_ms = {name: statistics.median(t) for name, t in cpu.items()}
    base = results[OBVIOUS]
    print(f"median of {args.rounds * len(photos)} runs per photo: wall time (CPU time)")
    print("(the request's CPU is the server process's, all threads)\n")
    for name, ms in results.items():
        size = "x".join(map(str, sizes[name][0])) if name in sizes else ""
        ratio = f"{ms / base:4.2f} x ({cpu_ms[name] / cpu_ms[OBVIOUS]:4.2f} x)"
        print(f"{name:<48} {ms:6.0f} ms ({cpu_ms[name]:4.0f} ms)  {ratio} obvious  {size}")
    print(f"\nours / obvious = {results[OURS] / base:.2f} (target <= 0.50)")
    if VIPS in results:
        print(f"ours / pyvips  = {results[OURS] / results[VIPS]:.2f} (target < 1)")
    if HTTP in results:
        print(f"request / obvious = {results[HTTP] / base:.2f} (target <= 0.60)")


if __name__ == "__main__":
    main()
