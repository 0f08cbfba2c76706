"""Size caps hold while the body streams in: 413 before the rest of the body is read."""

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse

from app.photos.limits import BodySizeLimitMiddleware, PartSizeCounter

CHUNK = 64 * 1024


def _in_own_loop(coro: Any) -> Any:
    """asyncio.run in a thread of its own: a browser test in this worker may own a loop here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _form_app(scope: Any, receive: Any, send: Any) -> None:
    """A downstream app that parses a multipart form like FastAPI does."""
    request = Request(scope, receive)
    try:
        form = await request.form()
        sizes = {k: len(await v.read()) if hasattr(v, "read") else len(v) for k, v in form.items()}
        response = JSONResponse(sizes)
    except Exception:
        response = JSONResponse({"detail": "bad body"}, status_code=400)
    await response(scope, receive, send)


def _multipart(parts: dict[str, int], boundary: str = "xYzBoundary") -> bytes:
    body = b""
    for name, size in parts.items():
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
            ).encode()
            + b"\xab" * size
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode()


def _run(
    body: bytes,
    *,
    chunked: bool = True,
    max_request: int = 1_000_000,
    max_part: int = 300_000,
    content_type: str = "multipart/form-data; boundary=xYzBoundary",
) -> tuple[int, dict[str, Any], int]:
    """Stream ``body`` in 64 KB chunks through the middleware; (status, json, chunks read)."""
    chunks = [body[i : i + CHUNK] for i in range(0, len(body), CHUNK)] or [b""]
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        if read > len(chunks):
            await asyncio.sleep(3600)  # a client that never finishes
        return {"type": "http.request", "body": chunks[read - 1], "more_body": read < len(chunks)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    headers = [(b"content-type", content_type.encode())]
    if not chunked:
        headers.append((b"content-length", str(len(body)).encode()))
    scope = {"type": "http", "method": "POST", "path": "/api/tickets", "headers": headers}
    app = BodySizeLimitMiddleware(_form_app, max_request_bytes=max_request, max_part_bytes=max_part)
    _in_own_loop(asyncio.wait_for(app(scope, receive, send), 10))
    start = next(m for m in sent if m["type"] == "http.response.start")
    payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(payload), read


def test_a_body_within_the_caps_reaches_the_app() -> None:
    status, body, _ = _run(_multipart({"photo": 250_000, "other": 200_000}))
    assert status == 200 and body == {"photo": 250_000, "other": 200_000}


def test_a_declared_oversize_body_is_refused_before_reading_any_of_it() -> None:
    status, body, read = _run(_multipart({"photo": 2_000_000}), chunked=False)
    assert status == 413 and body["code"] == "too_large"
    assert read == 0


def test_a_chunked_body_is_cut_off_as_soon_as_it_passes_the_request_cap() -> None:
    status, body, read = _run(
        _multipart({"a": 280_000, "b": 280_000, "c": 280_000, "d": 280_000, "e": 280_000})
    )
    assert status == 413 and body == {"detail": body["detail"], "code": "too_large"}
    assert read == 1_000_000 // CHUNK + 1  # of 22 chunks


def test_one_oversize_photo_is_cut_off_while_streaming() -> None:
    status, body, read = _run(_multipart({"small": 1000, "photo": 900_000}))
    assert status == 413 and body["code"] == "too_large" and "photo" in body["detail"]
    assert read <= 300_000 // CHUNK + 2  # of 15 chunks


def test_the_part_counter_finds_boundaries_split_across_chunks() -> None:
    body = _multipart({"a": 100, "b": 100, "c": 100})
    for cut in range(1, len(body)):
        counter = PartSizeCounter(b"xYzBoundary", 250)
        assert not counter.feed(body[:cut]) and not counter.feed(body[cut:])
    counter = PartSizeCounter(b"xYzBoundary", 250)
    big = _multipart({"a": 100, "b": 400})
    assert any(counter.feed(big[i : i + 7]) for i in range(0, len(big), 7))


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_other_bodies_have_only_the_request_cap(content_type: str) -> None:
    async def echo(scope: Any, receive: Any, send: Any) -> None:
        body = await Request(scope, receive).body()
        await JSONResponse({"n": len(body)})(scope, receive, send)

    payload = b"x" * 500_000
    sent: list[dict[str, Any]] = []
    done = False

    async def receive() -> dict[str, Any]:
        nonlocal done
        if done:
            await asyncio.sleep(3600)
        done = True
        return {"type": "http.request", "body": payload, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    headers = [(b"content-type", content_type.encode())]
    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    app = BodySizeLimitMiddleware(echo, max_request_bytes=1_000_000, max_part_bytes=1000)
    _in_own_loop(app(scope, receive, send))
    assert sent[0]["status"] == 200
