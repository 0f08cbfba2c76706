"""Live fan-out of ledger events to the console's server-sent-event clients.

The ledger service records the ids of the events it appends in
``session.info["ledger_events"]`` as ``(event_id, ticket_id)`` pairs. When the transaction
commits, those events are announced:

- SQLite (one process): an ``after_commit`` listener hands them to this process's broker.
- PostgreSQL (several processes): a ``before_commit`` listener sends ``pg_notify`` inside the
  same transaction, so the notification exists exactly when the events do; every process
  LISTENs on a dedicated connection in a thread and feeds its own broker.

The broker loads the ticket summaries of a batch of events in one query (in a thread, never on
the event loop), renders each SSE frame once, and puts the same bytes on every client's queue.
A client that cannot keep up is dropped; it reconnects with ``Last-Event-ID`` and resumes from
the events table, which is the durable source of truth.
"""

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from app.console.summary import ticket_summaries
from app.core.timeutil import utcnow
from app.ledger.models import Event

log = logging.getLogger(__name__)

CHANNEL = "roadchief_events"
INFO_KEY = "ledger_events"
HEARTBEAT_S = 15.0
# Frames a slow client may fall behind before it is dropped (it then resumes by id).
CLIENT_QUEUE = 1000
# Resume sends at most this many missed events; beyond that the client reloads the map.
RESUME_LIMIT = 2000

E = Event.__table__.c  # type: ignore[attr-defined]


@dataclass(eq=False)
class Client:
    """One connected SSE client: a bounded queue of ready-made frames."""

    queue: asyncio.Queue[tuple[int, bytes] | None] = field(
        default_factory=lambda: asyncio.Queue(CLIENT_QUEUE)
    )


def frame(event_id: int, payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return f"id: {event_id}\nevent: ticket\ndata: {data}\n\n".encode()


def load_frames(engine: Engine, where: Any, limit: int | None = None) -> list[tuple[int, bytes]]:
    """SSE frames for the events matching `where`, oldest first: event + ticket summary."""
    stmt = select(E.id, E.ticket_id, E.action, E.from_status, E.to_status, E.created_at)
    stmt = stmt.where(where).order_by(E.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    now = utcnow()
    with Session(engine) as session:
        rows = session.connection().execute(stmt).all()
        tickets = ticket_summaries(session, sorted({r.ticket_id for r in rows if r.ticket_id}), now)
    frames = []
    for r in rows:
        ticket = tickets.get(r.ticket_id)
        if ticket is None:
            continue
        payload = {
            "event": {
                "id": r.id,
                "action": r.action,
                "from_status": r.from_status,
                "to_status": r.to_status,
                "created_at": r.created_at.isoformat(),
            },
            "ticket": ticket,
        }
        frames.append((r.id, frame(r.id, payload)))
    return frames


class Broker:
    """Per-process fan-out of ledger events to SSE clients."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.clients: set[Client] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: list[int] = []
        self._flushing = False
        self._last_id = 0
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    @property
    def last_id(self) -> int:
        """The newest ledger event id this process has seen (read at start, then live)."""
        return self._last_id

    @property
    def is_postgres(self) -> bool:
        return self.engine is not None and self.engine.dialect.name == "postgresql"

    def get_engine(self) -> Engine:
        if self.engine is None:
            from app.core.db import get_engine

            self.engine = get_engine()
        return self.engine

    async def start(self) -> None:
        """Bind to the running loop; on PostgreSQL start listening for other processes."""
        self.get_engine()
        self._loop = asyncio.get_running_loop()
        self._stop.clear()
        try:
            self._last_id = await asyncio.to_thread(self.head_id)
        except Exception:
            # A database not migrated yet must not stop the app from starting.
            log.warning("live: could not read the newest ledger event id", exc_info=True)
        self._heartbeat = asyncio.create_task(self._beat())
        if self.is_postgres:
            self._listener = threading.Thread(target=self._listen, name="rc-listen", daemon=True)
            self._listener.start()

    async def stop(self) -> None:
        self._stop.set()
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
        if self._listener is not None:
            await asyncio.to_thread(self._listener.join, 5)
            self._listener = None
        self._drop_all()
        self._loop = None

    def end_streams(self) -> None:
        """End every open stream (server shutdown); callable from any thread."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._drop_all)

    def _drop_all(self) -> None:
        for client in list(self.clients):
            self._drop(client)

    def subscribe(self) -> Client:
        client = Client()
        self.clients.add(client)
        return client

    def unsubscribe(self, client: Client) -> None:
        self.clients.discard(client)

    def announce(self, event_ids: Iterable[int]) -> None:
        """Hand committed event ids to the loop; callable from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        ids = list(event_ids)
        with contextlib.suppress(RuntimeError):  # the loop closed in between
            loop.call_soon_threadsafe(self._enqueue, ids)

    def _enqueue(self, ids: list[int]) -> None:
        self._pending.extend(ids)
        if not self._flushing:
            self._flushing = True
            asyncio.ensure_future(self._flush())

    async def _flush(self) -> None:
        # Everything announced while a batch is loading goes into the next batch.
        try:
            while self._pending:
                ids, self._pending = sorted(set(self._pending)), []
                try:
                    frames = await asyncio.to_thread(load_frames, self.get_engine(), E.id.in_(ids))
                except Exception:
                    log.exception("live: could not load events %s", ids[:10])
                    continue
                for event_id, data in frames:
                    self._last_id = max(self._last_id, event_id)
                    self.broadcast(event_id, data)
        finally:
            self._flushing = False

    def broadcast(self, event_id: int, data: bytes) -> None:
        """The same bytes to every client; a client whose queue is full is dropped."""
        for client in list(self.clients):
            try:
                client.queue.put_nowait((event_id, data))
            except asyncio.QueueFull:
                self._drop(client)

    def _drop(self, client: Client) -> None:
        self.clients.discard(client)
        # Make room for the end-of-stream marker even on a full queue.
        while client.queue.full():
            client.queue.get_nowait()
        client.queue.put_nowait(None)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_S)
            self.broadcast(0, b": ping\n\n")

    def head_id(self) -> int:
        from sqlalchemy import func

        with Session(self.get_engine()) as session:
            return session.connection().execute(select(func.max(E.id))).scalar() or 0

    def _listen(self) -> None:
        """LISTEN on a dedicated connection; after a reconnect, catch up on missed events."""
        import psycopg

        dsn = self.get_engine().url.set(drivername="postgresql")
        dsn_str = dsn.render_as_string(hide_password=False)
        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(dsn_str, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if not first:
                        self._catch_up()
                    first = False
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self.announce(int(x) for x in note.payload.split(",") if x)
            except Exception:
                log.exception("live: LISTEN connection lost; reconnecting")
                self._stop.wait(1.0)

    def _catch_up(self) -> None:
        ids = []
        with Session(self.get_engine()) as session:
            stmt = select(E.id).where(E.id > self._last_id).order_by(E.id).limit(RESUME_LIMIT)
            ids = list(session.connection().execute(stmt).scalars())
        self.announce(ids)


broker = Broker()


def _event_ids(session: Session) -> list[int]:
    return [event_id for event_id, _ticket_id in session.info.get(INFO_KEY, ())]


def _before_commit(session: Session) -> None:
    ids = _event_ids(session)
    bind = session.get_bind()
    if ids and bind.dialect.name == "postgresql":
        from sqlalchemy import text

        # Ids only: a NOTIFY payload is limited to 8000 bytes; long batches are split.
        payload = ",".join(map(str, ids))
        for chunk in _chunks(payload, 7900):
            session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": chunk})


def _chunks(payload: str, size: int) -> list[str]:
    out, rest = [], payload
    while len(rest) > size:
        cut = rest.rfind(",", 0, size)
        out.append(rest[:cut])
        rest = rest[cut + 1 :]
    out.append(rest)
    return out


def _after_commit(session: Session) -> None:
    ids = _event_ids(session)
    session.info.pop(INFO_KEY, None)
    if ids and session.get_bind().dialect.name != "postgresql":
        broker.announce(ids)


def _after_soft_rollback(session: Session, previous: Any) -> None:
    # Only the outermost rollback discards the batch: a savepoint rolled back inside a
    # transaction that later commits keeps the events recorded before it.
    if previous.parent is None:
        session.info.pop(INFO_KEY, None)


def install(engine: Engine | None = None) -> None:
    """Register the commit listeners (once) and the engine the broker reads from."""
    if engine is not None:
        broker.engine = engine
    for name, fn in (
        ("before_commit", _before_commit),
        ("after_commit", _after_commit),
        ("after_soft_rollback", _after_soft_rollback),
    ):
        if not event.contains(OrmSession, name, fn):
            event.listen(OrmSession, name, fn)
