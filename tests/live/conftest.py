"""Real app servers (uvicorn subprocesses) on a fresh database, and a small SSE reader.

Server-sent events need a real server: the stream never ends, and the changes must be
committed (the test `db` session is rolled back). Each module gets its own database.
"""

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.db import make_engine, session_scope
from tests.conftest import create_database, drop_database
from tests.factories import PASSWORD, Town, create_town

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class World:
    url: str
    town: Town
    workdir: Path
    servers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_server(self) -> str:
        """Start one more app process on the database; returns its base URL."""
        port = _free_port()
        env = {
            **os.environ,
            "ROADCHIEF_DATABASE_URL": self.url,
            "ROADCHIEF_STORAGE_URL": f"file://{self.workdir / 'photos'}",
            "ROADCHIEF_VAR_DIR": str(self.workdir),
            "ROADCHIEF_SWEEP_INTERVAL_S": "0",
            "ROADCHIEF_ENVIRONMENT": "test",
        }
        log = open(self.workdir / f"server-{port}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.servers.append(proc)
        base = f"http://127.0.0.1:{port}"
        # A loaded CI machine can take a while to import the app; a crash still fails at once.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    return base
            except httpx.HTTPError:
                time.sleep(0.1)
            if proc.poll() is not None:
                break
        proc.kill()
        raise RuntimeError(
            "server did not start:\n" + (self.workdir / f"server-{port}.log").read_text()
        )

    def token(self, base: str, username: str) -> str:
        r = httpx.post(base + "/api/auth/token", data={"username": username, "password": PASSWORD})
        r.raise_for_status()
        return r.json()["access_token"]

    def stop(self) -> None:
        for proc in self.servers:
            proc.terminate()
        for proc in self.servers:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def make_world(backend: str, tmp: Path) -> World:
    url = create_database(backend, tmp)
    (tmp / "photos").mkdir(exist_ok=True)
    engine = make_engine(url)
    with session_scope(engine) as session:
        town = create_town(session)
    engine.dispose()
    return World(url, town, tmp)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    w = make_world(request.param, tmp_path_factory.mktemp(f"live-{request.param}"))
    try:
        yield w
    finally:
        w.stop()
        drop_database(w.url)


class Stream:
    """An SSE connection read in a thread; frames arrive on a queue as dicts."""

    def __init__(self, base: str, token: str, last_event_id: int | None = None) -> None:
        self.frames: queue.Queue[dict[str, Any]] = queue.Queue()
        self.status: int | None = None
        self._opened = threading.Event()
        headers = {"Authorization": f"Bearer {token}"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self._client = httpx.Client(timeout=httpx.Timeout(10, read=None))
        self._thread = threading.Thread(
            target=self._run, args=(base + "/api/stream", headers), daemon=True
        )
        self._thread.start()
        assert self._opened.wait(10), "stream did not open"

    def _run(self, url: str, headers: dict[str, str]) -> None:
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                self.status = r.status_code
                self._opened.set()
                frame: dict[str, Any] = {}
                for line in r.iter_lines():
                    if not line:
                        if frame:
                            self.frames.put(frame)
                        frame = {}
                    elif line.startswith(":"):
                        continue
                    else:
                        key, _, value = line.partition(": ")
                        frame[key] = json.loads(value) if key == "data" else value
        except (httpx.HTTPError, RuntimeError):
            pass
        finally:
            self._opened.set()

    def next(self, event: str = "ticket", timeout: float = 5.0) -> dict[str, Any]:
        """The next frame of the given event type (others are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no '{event}' frame within {timeout} s")
            try:
                frame = self.frames.get(timeout=remaining)
            except queue.Empty:
                continue
            if frame.get("event") == event:
                return frame

    def close(self) -> None:
        self._client.close()
