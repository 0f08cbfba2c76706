"""A real `roadchief serve` on a fresh database, and phones that all report at once.

Shared by the load tests (tests/load) and the benchmark (bench/burst.py).
"""

import asyncio
import contextlib
import io
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import httpx
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "roadchief")
PASSWORD = "load-test-pw"
INSPECTOR = "inspector-load"
SUPERVISOR = "supervisor-load"
VICTIM = "inspector-guessed"  # whose password the throttling test guesses


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def phone_photo(seed: int = 1, size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A 12 MP JPEG that encodes like a street photo (shapes, strokes, noise), EXIF included."""
    rnd = random.Random(seed)
    w, h = size
    coarse = bytes(rnd.randrange(40, 230) for _ in range(48 * 36 * 3))
    img = Image.frombytes("RGB", (48, 36), coarse).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rnd.randrange(w), rnd.randrange(h)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + rnd.randrange(80, 700), y + rnd.randrange(80, 900)), fill=colour)
    for _ in range(400):
        x, y = rnd.randrange(w), rnd.randrange(h)
        colour = tuple(rnd.randrange(256) for _ in range(3))
        end = (x + rnd.randrange(-500, 500), y + rnd.randrange(-500, 500))
        draw.line((x, y, *end), fill=colour, width=rnd.randrange(1, 9))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    img = Image.blend(img, Image.effect_noise(size, 30).convert("RGB"), 0.12)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[0x9003] = "2026:11:27 09:41:07"
    exif[0x8825] = {
        1: "N",
        2: (Fraction(31), Fraction(0), Fraction(30)),
        3: "E",
        4: (Fraction(119), Fraction(54), Fraction(10)),
        31: Fraction(5),
    }
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def variant(photo: bytes, n: int) -> bytes:
    """The same picture with different bytes (a JPEG comment after SOI): another original."""
    comment = f"load {n} {uuid.uuid4()}".encode()
    return photo[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + photo[2:]


def setup_database(url: str) -> None:
    """Migrate, seed, and add the load test's inspector and supervisor."""
    from sqlmodel import select

    from app.auth.passwords import hash_password
    from app.core.db import make_engine, session_scope
    from app.core.migrate import upgrade
    from app.org.models import Role, User
    from app.seed import seed_reference_data

    upgrade(url)
    engine = make_engine(url)
    with session_scope(engine) as session:
        seed_reference_data(session)
        users = (
            (INSPECTOR, Role.inspector),
            (SUPERVISOR, Role.supervisor),
            (VICTIM, Role.inspector),
        )
        for username, role in users:
            if session.exec(select(User).where(User.username == username)).first() is None:
                session.add(
                    User(
                        username=username,
                        name=username,
                        role=role,
                        password_hash=hash_password(PASSWORD),
                    )
                )
    engine.dispose()


@dataclass
class LiveServer:
    """`roadchief serve` in its own process group, so kill -9 takes its workers too."""

    database_url: str
    var: Path
    workers: int = 1
    env_extra: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "ROADCHIEF_VAR_DIR": str(self.var),
            "ROADCHIEF_DATABASE_URL": self.database_url,
            "ROADCHIEF_STORAGE_URL": f"file://{self.var / 'photos'}",
            "ROADCHIEF_ENVIRONMENT": "development",
            "ROADCHIEF_SWEEP_INTERVAL_S": "0",
            **self.env_extra,
        }

    def start(self, timeout: float = 90) -> None:
        self.port = free_port()
        log = open(self.var / "serve.log", "ab")  # noqa: SIM115 - the child holds it
        self.process = subprocess.Popen(
            [CLI, "serve", "--host", "127.0.0.1", "--port", str(self.port)]
            + (["--workers", str(self.workers)] if self.workers > 1 else []),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{self.url}/api/categories", timeout=2).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"server did not start:\n{self.log()[-3000:]}")
            time.sleep(0.2)

    def log(self) -> str:
        path = self.var / "serve.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def kill(self) -> None:
        """kill -9 the server and its workers, as a power cut or the OOM killer would."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        except ProcessLookupError:
            pass
        self.process = None

    def token(self, username: str = INSPECTOR) -> str:
        r = httpx.post(
            f"{self.url}/api/auth/token",
            data={"username": username, "password": PASSWORD},
            timeout=30,
        )
        r.raise_for_status()
        return str(r.json()["access_token"])


@dataclass
class Outcome:
    key: str
    status: int | None  # None: timed out or the connection failed
    seconds: float
    ticket_id: int | None = None
    error: str = ""


def report_fields(n: int) -> dict[str, str]:
    return {
        "category": "0201",
        "lat": f"{31.0 + (n % 97) / 10000:.6f}",
        "lon": f"{119.9 + (n % 89) / 10000:.6f}",
        "accuracy_m": "8",
        "description": f"burst {n}",
    }


async def send_report(
    client: httpx.AsyncClient, token: str, key: str, n: int, photo: bytes, timeout: float
) -> Outcome:
    started = time.monotonic()
    try:
        r = await client.post(
            "/api/tickets",
            data=report_fields(n),
            files=[("photo", (f"IMG_{n:04d}.jpg", photo, "image/jpeg"))],
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
            timeout=timeout,
        )
    except httpx.HTTPError as exc:
        return Outcome(key, None, time.monotonic() - started, error=repr(exc))
    is_json = r.headers.get("content-type", "").startswith("application/json")
    body: dict[str, Any] = r.json() if is_json else {}
    return Outcome(
        key,
        r.status_code,
        time.monotonic() - started,
        ticket_id=body.get("id") if r.is_success else None,
        error="" if r.is_success else str(body.get("detail", r.text[:200])),
    )


@dataclass
class Burst:
    """Reports sent all at once: `keys[i]` with `photos[i]`; `resend` of them sent twice."""

    keys: list[str]
    photos: list[bytes]
    resend: list[int]

    @classmethod
    def make(cls, base: bytes, count: int, resend_fraction: float = 0.1, seed: int = 0) -> "Burst":
        rnd = random.Random(seed)
        keys = [str(uuid.uuid4()) for _ in range(count)]
        photos = [variant(base, i) for i in range(count)]
        resend = rnd.sample(range(count), round(count * resend_fraction))
        return cls(keys, photos, resend)

    def requests(self) -> list[tuple[str, int, bytes]]:
        out = [(k, i, p) for i, (k, p) in enumerate(zip(self.keys, self.photos, strict=True))]
        out += [(self.keys[i], i, self.photos[i]) for i in self.resend]
        return out


async def _fire(
    url: str, token: str, requests: list[tuple[str, int, bytes]], timeout: float
) -> list[Outcome]:
    limits = httpx.Limits(max_connections=len(requests) + 10, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, limits=limits) as client:
        return list(
            await asyncio.gather(
                *(send_report(client, token, key, n, photo, timeout) for key, n, photo in requests)
            )
        )


def fire(url: str, token: str, burst: Burst, timeout: float = 120) -> list[Outcome]:
    """Send every request of the burst at once; one Outcome per request, in request order."""
    return asyncio.run(_fire(url, token, burst.requests(), timeout))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0.0
