"""Request and per-photo size caps enforced while the body streams in, before it is buffered."""

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import get_settings

# Room for a part's own headers (Content-Disposition, Content-Type) on top of the photo cap;
# prepare_photos checks each photo's exact size afterwards.
PART_HEADER_SLACK = 16 * 1024


class _TooLarge(Exception):
    pass


class PartSizeCounter:
    """Watches a multipart stream and reports the first part larger than ``cap`` bytes."""

    def __init__(self, boundary: bytes, cap: int) -> None:
        self.delimiter = b"\r\n--" + boundary
        self.cap = cap
        # The first delimiter has no leading CRLF; pretend the stream started with one.
        self.tail = b"\r\n"
        self.consumed = 0  # stream bytes seen so far
        self.part_start = 0

    def feed(self, chunk: bytes) -> bool:
        """True once some part has grown beyond the cap."""
        buf = self.tail + chunk
        base = self.consumed - len(self.tail)
        pos = 0
        while (i := buf.find(self.delimiter, pos)) >= 0:
            if base + i - self.part_start > self.cap:
                return True
            pos = i + len(self.delimiter)
            self.part_start = base + pos
        self.consumed += len(chunk)
        keep = len(self.delimiter) - 1
        self.tail = buf[max(pos, len(buf) - keep) :]
        return self.consumed - self.part_start > self.cap


def _boundary(content_type: str) -> bytes | None:
    kind, _, params = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        return None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary" and value:
            return value.strip('"').encode("latin-1")
    return None


class BodySizeLimitMiddleware:
    """Answer 413 as soon as a body (or one photo in it) passes its cap, chunked or not."""

    def __init__(
        self, app: ASGIApp, max_request_bytes: int | None = None, max_part_bytes: int | None = None
    ) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.max_part_bytes = max_part_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        limit = self.max_request_bytes or settings.max_request_bytes
        part_cap = self.max_part_bytes or settings.max_photo_bytes + PART_HEADER_SLACK
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit, "request")
            return
        boundary = _boundary(headers.get(b"content-type", b"").decode("latin-1"))
        counter = PartSizeCounter(boundary, part_cap) if boundary else None
        state: dict[str, Any] = {"received": 0, "exceeded": None, "started": False}

        async def limited_receive() -> Message:
            if state["exceeded"]:
                raise _TooLarge
            message = await receive()
            if message["type"] == "http.request":
                body = message.get("body", b"")
                state["received"] += len(body)
                if state["received"] > limit:
                    state["exceeded"] = "request"
                elif counter is not None and counter.feed(body):
                    state["exceeded"] = "photo"
                if state["exceeded"]:
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            if state["exceeded"] and not state["started"]:
                return  # whatever the app says about a body it could not read; we answer 413
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not state["exceeded"]:
                raise
        if state["exceeded"] and not state["started"]:
            cap = limit if state["exceeded"] == "request" else part_cap - PART_HEADER_SLACK
            await _refuse(send, cap, state["exceeded"])


async def _refuse(send: Send, cap: int, what: str) -> None:
    mb = cap / (1024 * 1024)
    detail = (
        f"the request is larger than {mb:.0f} MB"
        if what == "request"
        else f"a photo may be at most {mb:.0f} MB"
    )
    body = json.dumps({"detail": detail, "code": "too_large"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                # The rest of the body is never read; the client must not reuse the connection.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
