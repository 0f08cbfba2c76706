"""Live map stream: server-sent events of ticket changes for the supervisor console.

GET /api/stream  (text/event-stream; session cookie or bearer; supervisor/admin, others 403)
    Optional resume point: the `Last-Event-ID` header (sent by EventSource on reconnect) or
    `?after=N` (a page that reloads and remembers the last id). Frames:

    retry: 2000–5000                reconnect delay, spread so that maps do not all
                                    reconnect in the same instant after a restart
    id: N / event: ready            first frame of a fresh connection (no resume point):
      data: {"last_event_id": N}    the newest ledger event id right now
    id: N / event: ticket           one per ledger event, in id order:
      data: {"event": {"id", "action", "from_status", "to_status", "created_at"},
             "ticket": {"id", "number", "status", "status_label", "category",
                        "category_name", "lat", "lon", "light" ('green'|'yellow'|'red'|null),
                        "overdue", "road": {id,name}|null, "zone": {id,name}|null,
                        "assignee": {id,username,name}|null, "department": {id,code,name}|null,
                        "due_at", "received_at", "updated_at", "rework_count",
                        "escalation_level", "duplicate_of_id" (id|null)}}
      Times are ISO 8601 in UTC with offset, as in the ticket API.
      The ticket is its state when the frame was built (after the event), so a client simply
      replaces the marker with that id.
    event: reset / data: {}         more events were missed than a resume replays (2000):
                                    reload the map (clusters) instead.
    : ping                          heartbeat comment every 15 s.
    The stream ends when the client falls too far behind; EventSource reconnects and resumes.
"""

import asyncio
import json
import random
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse

from app.auth.deps import AuthSchemes, current_session
from app.core.db import SessionDep
from app.core.errors import Forbidden, Invalid
from app.live.broker import RESUME_LIMIT, E, broker, load_frames
from app.org.models import Role, User

router = APIRouter(prefix="/api", tags=["live"])

WATCHERS = (Role.supervisor, Role.admin)


def watcher(request: Request, session: SessionDep, _schemes: AuthSchemes) -> User:
    """The signed-in supervisor or admin, with the database connection already given back.

    Authentication and commit run in one worker thread: a stream lasts hours, and hundreds of
    maps reconnecting at once must not queue for connections (or SQLite's lock) meanwhile.
    """
    current_session(request, session)
    user: User = request.state.user
    session.commit()
    if user.role not in WATCHERS:
        raise Forbidden("the live map is for the command centre")
    return user


@router.get("/stream", response_class=StreamingResponse)
async def stream(
    _user: Annotated[User, Depends(watcher)],
    last_event_id: Annotated[str | None, Header()] = None,
    after: Annotated[int | None, Query(ge=0)] = None,
) -> StreamingResponse:
    """Ticket changes as they are committed, resumable by ledger event id."""
    resume_from = after
    if last_event_id:
        try:
            resume_from = int(last_event_id)
        except ValueError as exc:
            raise Invalid("Last-Event-ID must be a ledger event id") from exc
    client = broker.subscribe()

    async def body() -> AsyncIterator[bytes]:
        try:
            yield f"retry: {random.randint(2000, 5000)}\n\n".encode()
            last = 0
            if resume_from is None:
                # From memory, not the database: 500 maps reconnecting must stay cheap.
                head = broker.last_id
                hello = json.dumps({"last_event_id": head})
                yield f"id: {head}\nevent: ready\ndata: {hello}\n\n".encode()
            else:
                missed = await asyncio.to_thread(
                    load_frames, broker.get_engine(), E.id > resume_from, RESUME_LIMIT + 1
                )
                if len(missed) > RESUME_LIMIT:
                    yield b"event: reset\ndata: {}\n\n"
                else:
                    for event_id, frame in missed:
                        last = event_id
                        yield frame
            while True:
                item = await client.queue.get()
                if item is None:
                    return
                event_id, frame = item
                # Events already replayed from the table may also arrive live.
                if event_id and event_id <= last:
                    continue
                yield frame
        finally:
            broker.unsubscribe(client)

    return StreamingResponse(
        body(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
