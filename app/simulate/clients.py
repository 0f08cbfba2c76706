"""HTTP clients per role, behaving as the real ones do.

Every action carries its own Idempotency-Key and is retried with the same key after a
dropped connection, a timeout, a 429 or a 503 (honouring Retry-After) with exponential
backoff. A phone that is offline keeps its actions in an outbox and sends them, in order,
when it is back. Every request is measured (route, status, latency) for the report.
"""

import random
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

RETRY_STATUSES = {408, 429, 502, 503, 504}
ROUTE_IDS = re.compile(r"/(\d+)(?=/|$|\.)")
TOKEN_PATHS = re.compile(r"/(track|tokens)/[^/]+")


def route_of(method: str, path: str) -> str:
    """`POST /api/tickets/42/rectify` → `POST /api/tickets/{id}/rectify`."""
    path = TOKEN_PATHS.sub(r"/\1/{token}", path.split("?", 1)[0])
    return f"{method} {ROUTE_IDS.sub('/{id}', path)}"


@dataclass
class Call:
    route: str
    status: int | None  # None: the connection failed or timed out
    seconds: float
    at: float  # simulated offset when it was sent
    retry_after: bool = False


@dataclass
class Answer:
    """The last answer to an action after its retries: `ok` when the server acknowledged it."""

    status: int | None
    body: Any
    tries: int
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class GaveUp(Exception):
    """Retries ran out (the action stays unacknowledged, e.g. in a phone's outbox)."""


@dataclass
class Metrics:
    calls: list[Call] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, call: Call) -> None:
        with self.lock:
            self.calls.append(call)


class Api:
    """One HTTP connection pool to the server, shared by every simulated person."""

    def __init__(
        self,
        base_url: str,
        clock_offset: Callable[[], float],
        give_up_s: float = 180.0,
        seed: int = 0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(60.0, connect=5.0),
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
        )
        self.metrics = Metrics()
        self.offset = clock_offset  # the week's clock replaces the eve's
        self.give_up_s = give_up_s
        self.jitter = random.Random(seed)  # backoff jitter only: timing, not the plan
        self.jitter_lock = threading.Lock()
        self.stopped = threading.Event()  # the run is interrupted: no more tries

    def close(self) -> None:
        self.http.close()

    def once(self, method: str, path: str, **kw: Any) -> httpx.Response | None:
        started, at = time.monotonic(), self.offset()
        try:
            r = self.http.request(method, path, **kw)
        except httpx.HTTPError:
            self.metrics.add(Call(route_of(method, path), None, time.monotonic() - started, at))
            return None
        self.metrics.add(
            Call(
                route_of(method, path),
                r.status_code,
                time.monotonic() - started,
                at,
                "retry-after" in r.headers,
            )
        )
        return r

    def call(self, method: str, path: str, retry: bool = True, **kw: Any) -> Answer:
        """Send, and send again (same headers, so the same Idempotency-Key) while it is
        worth retrying; the answer of the last try."""
        deadline = time.monotonic() + self.give_up_s
        tries, backoff = 0, 0.5
        while True:
            tries += 1
            r = self.once(method, path, **kw)
            if r is not None and r.status_code not in RETRY_STATUSES:
                return Answer(r.status_code, _body(r), tries)
            if not retry or time.monotonic() > deadline or self.stopped.is_set():
                status = None if r is None else r.status_code
                return Answer(status, None if r is None else _body(r), tries, "gave up")
            wait = backoff
            if r is not None and (ra := r.headers.get("retry-after", "")).isdigit():
                wait = max(wait, min(float(ra), 30.0))
            with self.jitter_lock:
                wait *= 1 + self.jitter.random() * 0.3
            self.stopped.wait(wait)
            backoff = min(backoff * 2, 8.0)


def _body(r: httpx.Response) -> Any:
    if r.headers.get("content-type", "").startswith("application/json"):
        try:
            return r.json()
        except ValueError:
            return None
    return None


class Session:
    """A signed-in person (inspector, chief, department, supervisor, admin)."""

    def __init__(self, api: Api, username: str, password: str) -> None:
        self.api, self.username, self.password = api, username, password
        self.token = ""
        self.lock = threading.Lock()

    def sign_in(self) -> None:
        answer = self.api.call(
            "POST",
            "/api/auth/token",
            data={"username": self.username, "password": self.password},
        )
        if not answer.ok:
            raise RuntimeError(f"{self.username} cannot sign in: {answer.status} {answer.body}")
        self.token = answer.body["access_token"]

    def call(self, method: str, path: str, key: str | None = None, **kw: Any) -> Answer:
        with self.lock:
            if not self.token:
                self.sign_in()
        headers = dict(kw.pop("headers", {}))
        if key:
            headers["Idempotency-Key"] = key
        for _ in range(2):
            headers["Authorization"] = f"Bearer {self.token}"
            answer = self.api.call(method, path, headers=headers, **kw)
            if answer.status != 401:
                return answer
            with self.lock:
                self.sign_in()
        return answer

    def get(self, path: str, **kw: Any) -> Answer:
        return self.call("GET", path, **kw)


@dataclass
class Queued:
    key: str
    describe: str
    send: Callable[[], Answer]
    done: Callable[[Answer], None]


class Phone:
    """A field phone: actions go through its outbox, which holds them while it is offline
    and when the server cannot be reached, and sends them in order with their own keys."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.offline = False
        self.outbox: list[Queued] = []
        self.lock = threading.Lock()
        self.draining = threading.Lock()

    def submit(self, item: Queued) -> None:
        with self.lock:
            self.outbox.append(item)
            if self.offline:
                return
        self.drain()

    def drain(self) -> None:
        """Send what waits, oldest first; stop at the first that the server did not take."""
        if not self.draining.acquire(blocking=False):
            return  # another thread is draining this phone
        try:
            while True:
                with self.lock:
                    if self.offline or not self.outbox:
                        return
                    item = self.outbox[0]
                answer = item.send()
                if answer.status is None or answer.status in RETRY_STATUSES:
                    return  # still unreachable: it waits for the next drain
                with self.lock:
                    self.outbox.pop(0)
                item.done(answer)
        finally:
            self.draining.release()

    def pending(self) -> int:
        with self.lock:
            return len(self.outbox)


def new_key(rnd: random.Random) -> str:
    """An Idempotency-Key as a phone makes it (a UUID), from the plan's generator."""
    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))
