"""What the simulation can break: its own server (SIGKILL and restart), and a notification
receiver (a signed-webhook endpoint on 127.0.0.1 that can be taken down)."""

import contextlib
import hashlib
import hmac
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

CLI = str(Path(sys.executable).parent / "roadchief")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _scratch_dir() -> Path:
    """Memory-backed when the machine has it: a throwaway database needs no fsync to disk."""
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="roadchief-sim-", dir=base))


@dataclass
class LocalServer:
    """`roadchief serve` on a throwaway database, in its own process group (kill -9 takes all).

    `database_url` empty: a SQLite file in a scratch directory; a PostgreSQL URL: a fresh
    database is created on that server and dropped afterwards."""

    clock_env: str
    database_url: str = ""
    workers: int = 1
    keep: bool = False
    var: Path = field(default_factory=_scratch_dir)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    created_db: str = ""
    admin_url: str = ""  # the PostgreSQL database the fresh one was created from
    extra_env: dict[str, str] = field(default_factory=dict)
    kills: list[float] = field(default_factory=list)  # real unix times of each SIGKILL

    def __post_init__(self) -> None:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.var / 'county.db'}"
        elif self.database_url.startswith("postgresql"):
            self.created_db = "roadchief_sim_" + uuid.uuid4().hex[:10]
            self.admin_url = self.database_url
            self._pg(f'CREATE DATABASE "{self.created_db}"')
            self.database_url = self.database_url.rsplit("/", 1)[0] + "/" + self.created_db

    def _pg(self, statement: str, admin_url: str | None = None) -> None:
        from sqlalchemy import create_engine, text

        url = admin_url or self.database_url
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(statement))
        finally:
            engine.dispose()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "ROADCHIEF_ENVIRONMENT": "test",
            "ROADCHIEF_SIMULATED_CLOCK": self.clock_env,
            "ROADCHIEF_VAR_DIR": str(self.var),
            "ROADCHIEF_DATABASE_URL": self.database_url,
            "ROADCHIEF_STORAGE_URL": f"file://{self.var / 'photos'}",
            # Escalation every simulated ~10 minutes; the citizens come through the county's
            # proxy (each with their own address in X-Forwarded-For).
            "ROADCHIEF_SWEEP_INTERVAL_S": "1",
            "ROADCHIEF_TRUSTED_PROXIES": "127.0.0.1",
            # The webhook receiver listens on this machine's loopback.
            "ROADCHIEF_OUTBOUND_ALLOW": "127.0.0.1",
            **self.extra_env,
        }

    def cli(self, *args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [CLI, *args], env=self.env, input=stdin.encode(), capture_output=True, timeout=600
        )
        if done.returncode not in (0, 1):
            raise RuntimeError(f"roadchief {' '.join(args)}: {done.stderr.decode()[-2000:]}")
        return done.stdout.decode()

    def cli_status(self, *args: str) -> tuple[int, str]:
        done = subprocess.run([CLI, *args], env=self.env, capture_output=True, timeout=600)
        return done.returncode, (done.stdout + done.stderr).decode()

    def start(self, timeout: float = 120) -> float:
        """Serve; the seconds it took to answer."""
        started = time.monotonic()
        self.port = self.port or free_port()
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
        while True:
            try:
                if httpx.get(f"{self.url}/api/categories", timeout=2).status_code < 500:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() - started > timeout:
                tail = (self.var / "serve.log").read_text(errors="replace")[-3000:]
                self.kill()
                raise RuntimeError(f"the server did not start:\n{tail}")
            time.sleep(0.2)

    def kill(self) -> None:
        """kill -9 the server and its workers, as a power cut or the OOM killer would."""
        if self.process is None:
            return
        self.kills.append(time.time())
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

    def hold_locks(self, seconds: float) -> str:
        """A slow database: a writer holds the lock the server's writes need (SQLite's write
        lock; on PostgreSQL the tickets table against every write) for `seconds`."""
        from sqlalchemy import create_engine, text

        if self.database_url.startswith("sqlite"):
            import sqlite3

            db = sqlite3.connect(self.database_url.split("///", 1)[1], isolation_level=None)
            try:
                db.execute("BEGIN IMMEDIATE")
                time.sleep(seconds)
                db.execute("ROLLBACK")
            finally:
                db.close()
            return f"SQLite write lock held {seconds:.0f} s (real)"
        engine = create_engine(self.database_url)
        try:
            with engine.begin() as conn:
                conn.execute(text("LOCK TABLE tickets IN SHARE ROW EXCLUSIVE MODE"))
                time.sleep(seconds)
                conn.rollback()
        finally:
            engine.dispose()
        return f"PostgreSQL: tickets locked against writes {seconds:.0f} s (real)"

    def log_tail(self, chars: int = 4000) -> str:
        path = self.var / "serve.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def dispose(self) -> None:
        self.stop()
        if self.keep:
            return
        if self.created_db:
            with contextlib.suppress(Exception):
                self._pg(
                    f'DROP DATABASE IF EXISTS "{self.created_db}" WITH (FORCE)', self.admin_url
                )
        shutil.rmtree(self.var, ignore_errors=True)


@dataclass
class Receiver:
    """A signed-webhook endpoint: checks each delivery's signature, records its event id,
    and answers 503 while `down` (the sender must retry later, and deliver once)."""

    secret: str
    down: bool = False
    accepted: list[tuple[str, float]] = field(default_factory=list)  # (event id, real time)
    refused_while_down: int = 0
    bad: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def start(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if len(body) < length:
                    return  # the sender went away mid-request (killed): no answer to give
                status = receiver.handle(dict(self.headers.items()), body)
                data = json.dumps({"ok": status == 200}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        class Server(ThreadingHTTPServer):
            request_queue_size = 128
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a sender killed mid-request (the SIGKILL fault): nothing to report

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def handle(self, headers: dict[str, str], body: bytes) -> int:
        with self.lock:
            if self.down:
                self.refused_while_down += 1
                return 503
        ts = headers.get("X-RoadChief-Timestamp", "")
        want = (
            "sha256="
            + hmac.new(self.secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
        )
        event = headers.get("X-RoadChief-Event-Id", "")
        with self.lock:
            if not event or not hmac.compare_digest(headers.get("X-RoadChief-Signature", ""), want):
                self.bad.append(event or "(no event id)")
                return 401
            self.accepted.append((event, time.time()))
        return 200

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
