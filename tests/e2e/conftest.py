"""End-to-end fixtures: a real `roadchief serve` on the demo town, and headless Chromium as a phone.

Nothing is built here: the Makefile builds the PWA into app/static first.
"""

import contextlib
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "app" / "static"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, username: str) -> str:
        if username not in self.tokens:
            r = httpx.post(
                f"{self.url}/api/auth/token", data={"username": username, "password": "demo"}
            )
            r.raise_for_status()
            self.tokens[username] = r.json()["access_token"]
        return self.tokens[username]

    def get(self, path: str, username: str = "supervisor1", **params: Any) -> Any:
        r = httpx.get(
            f"{self.url}{path}",
            params=params,
            headers={"Authorization": f"Bearer {self.token(username)}"},
            timeout=10,
        )
        r.raise_for_status()
        return r.json()

    def wait_for(self, check: Callable[[], Any], timeout: float = 20, what: str = "") -> Any:
        """Poll until check() is truthy (the phone sends in the background)."""
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what or check}")
            time.sleep(0.3)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not (STATIC / "index.html").exists():
        pytest.skip("app/static has no built PWA: run `make frontend` (npm run build in frontend/)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    var = tmp_path_factory.mktemp("e2e-var")
    env = {
        **os.environ,
        "ROADCHIEF_VAR_DIR": str(var),
        "ROADCHIEF_DATABASE_URL": f"sqlite:///{var / 'roadchief.db'}",
        "ROADCHIEF_STORAGE_URL": f"file://{var / 'photos'}",
        "ROADCHIEF_ENVIRONMENT": "development",
        # The test's robot and push receivers listen on this machine, which the outbound
        # guard refuses unless a county lists it (app/core/outbound.py).
        "ROADCHIEF_OUTBOUND_ALLOW": "127.0.0.1",
        "ROADCHIEF_NOTIFY_PUSH_SERVICES": "fcm.googleapis.com,http://127.0.0.1",
    }
    cli = str(Path(sys.executable).parent / "roadchief")
    subprocess.run([cli, "demo"], env=env, check=True, capture_output=True, timeout=300)
    port = _free_port()
    log = open(var / "serve.log", "wb")  # noqa: SIM115 - closed after the server stops
    proc = subprocess.Popen(
        [cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/config", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{(var / 'serve.log').read_text()}")
            time.sleep(0.3)
        yield Server(url)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser(server: Server) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        plain_context = b.new_context

        def new_context(**options: Any) -> Any:
            # Playwright's wait_for_function evaluates its predicate from a string, which the
            # pages' Content-Security-Policy (no eval) refuses; test_docs_and_policy.py runs the
            # pages under the real policy instead (bypass_csp=False).
            options.setdefault("bypass_csp", True)
            return plain_context(**options)

        b.new_context = new_context
        yield b
        b.close()


@dataclass
class Spot:
    """A point on a demo road, and who answers for that road."""

    lat: float
    lon: float
    road_id: int
    road_name: str
    chief: str


@pytest.fixture(scope="session")
def spot(server: Server) -> Spot:
    roads = server.get("/api/roads")["features"]
    road = next(f for f in roads if f["properties"]["chief"])
    (lon1, lat1), (lon2, lat2) = road["geometry"]["coordinates"][:2]
    p = road["properties"]
    return Spot((lat1 + lat2) / 2, (lon1 + lon2) / 2, p["id"], p["name"], p["chief"]["username"])


@pytest.fixture
def phone(browser: Any, server: Server, spot: Spot) -> Callable[..., Any]:
    """Make a phone-sized browser context with GPS at the demo road; closed after the test."""
    contexts: list[Any] = []

    def make(service_workers: str = "allow", accuracy: float = 6) -> Any:
        ctx = browser.new_context(
            base_url=server.url,
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="zh-CN",
            timezone_id="Asia/Shanghai",
            geolocation={"latitude": spot.lat, "longitude": spot.lon, "accuracy": accuracy},
            permissions=["geolocation"],
            # Playwright cannot intercept requests that pass through a service worker.
            service_workers=service_workers,
        )
        ctx.set_default_timeout(15_000)
        # Browser console output shows up in the report of a failing test.
        ctx.on("console", lambda m: print(f"[console.{m.type}] {m.text}"))
        ctx.on("weberror", lambda e: print(f"[page error] {e.error}"))
        ctx.on("response", lambda r: r.status >= 400 and print(f"[http {r.status}] {r.url}"))
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()


def make_jpeg(path: Path, seed: int, taken_at: tuple[float, float] | None = None) -> Path:
    """A real camera-sized JPEG, different for every seed (the server compares photos).

    With taken_at=(lat, lon) it carries the camera's EXIF: capture time and GPS.
    """
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    img = Image.new("RGB", (2400, 1800), tuple(rnd.randrange(60, 200) for _ in range(3)))
    d = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rnd.randrange(2400), rnd.randrange(1800)
        d.rectangle(
            [x, y, x + rnd.randrange(80, 600), y + rnd.randrange(80, 400)],
            fill=tuple(rnd.randrange(256) for _ in range(3)),
        )
    exif = Image.Exif()
    if taken_at:
        exif.get_ifd(0x8769)[0x9003] = "2026:11:27 08:30:00"  # DateTimeOriginal, local time
        gps = exif.get_ifd(0x8825)
        for ref, value, tags in (("N", taken_at[0], (1, 2)), ("E", taken_at[1], (3, 4))):
            minutes = (value % 1) * 60
            gps[tags[0]] = ref
            gps[tags[1]] = (float(int(value)), float(int(minutes)), round((minutes % 1) * 60, 4))
    buf = BytesIO()
    img.save(buf, "JPEG", quality=88, exif=exif)
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def photo(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(10_000))

    def make(taken_at: tuple[float, float] | None = None) -> Path:
        n = next(counter)
        return make_jpeg(tmp_path / f"photo-{n}.jpg", hash((tmp_path.name, n)), taken_at)

    return make


def screenshot(page: Any, name: str) -> None:
    """Save a screenshot once the images on screen have loaded (or after 15 s regardless).

    The picture is an artifact to look at, not an assertion: a slow image on a loaded CI
    machine must not fail the test it illustrates.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(PlaywrightTimeoutError):
        poll(
            page,
            """() => [...document.images].every((i) => {
                const r = i.getBoundingClientRect()
                return i.complete || r.bottom < 0 || r.top > innerHeight || !r.width
            })""",
            timeout=15,
        )
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def poll(page: Any, predicate: str, timeout: float = 15) -> None:
    """page.wait_for_function without eval in the page: the pages' CSP (script-src 'self')
    refuses Playwright's in-page predicate, while evaluate runs through the DevTools protocol."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(f"timed out waiting for {predicate}")
        time.sleep(0.2)
