"""Web Push to installed PWAs (VAPID): pywebpush encrypts, the guarded client sends.

An endpoint must be HTTPS on a push service browsers use (ROADCHIEF_NOTIFY_PUSH_SERVICES):
checked when a browser subscribes and again here. 404/410 means the subscription is gone.
"""

import json
import time
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from py_vapid import Vapid, Vapid01
from pywebpush import WebPusher

from app.core.outbound import Outbound, Refused, Reply, host_matches
from app.notify.channels import Http, Message, Outcome
from app.notify.channels.render import headline, lines
from app.notify.settings import get_notify_settings


@lru_cache(maxsize=4)
def _vapid(private_pem: str) -> Vapid01:
    return Vapid.from_pem(private_pem.encode())


def _path(url: str | None) -> str:
    parts = urlsplit(url or "/")
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def check_endpoint(endpoint: str) -> str:
    """The endpoint, if it is on a push service browsers use; Refused (with why) if not."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise Refused("not a URL") from None
    entries = [e.strip().lower() for e in get_notify_settings().push_services.split(",")]
    https = [e for e in entries if e and not e.startswith("http://")]
    plain = [e.removeprefix("http://") for e in entries if e.startswith("http://")]
    if parts.scheme == "https" and host_matches(host, https):
        return endpoint
    if parts.scheme == "http" and host_matches(host, plain):
        return endpoint
    raise Refused("a push endpoint must be https:// on a browser's push service")


def data(message: Message) -> str:
    """What the service worker shows: title, body, the ticket to open, one tag per ticket."""
    p = message.payload
    ticket = p.get("ticket")
    return json.dumps(
        {
            "id": message.message_id,
            "title": headline(p),
            "body": "\n".join(lines(p)[:4]),
            # A path in the app: the ticket, or the page the message links to (digests).
            "url": f"/tickets/{ticket['id']}" if ticket else _path(p.get("url")),
            "tag": f"ticket-{ticket['id']}" if ticket else message.event,
        },
        ensure_ascii=False,
    )


class _Session:
    """What pywebpush posts through (`requests_session`): the guarded client."""

    def __init__(self, http: Outbound) -> None:
        self.http = http

    def post(
        self, url: str, *, data: bytes | None, headers: Any, timeout: float | None = None
    ) -> Reply:
        return self.http.post(url, data=data, headers=dict(headers), timeout=timeout)


def push(endpoint: str, keys: dict[str, str], body: str, vapid: Vapid01, http: Outbound) -> Reply:
    """One encrypted, VAPID-signed message to one endpoint (Refused if not a push service)."""
    settings = get_notify_settings()
    check_endpoint(endpoint)
    parts = urlsplit(endpoint)
    claims: dict[str, str | int] = {
        "sub": settings.vapid_subject,
        "aud": f"{parts.scheme}://{parts.netloc}",
        "exp": int(time.time()) + 12 * 3600,
    }
    pusher = WebPusher({"endpoint": endpoint, "keys": keys}, requests_session=_Session(http))  # type: ignore[arg-type]
    reply = pusher.send(body, vapid.sign(claims), ttl=24 * 3600, timeout=settings.timeout_s)
    assert isinstance(reply, Reply)
    return reply


def send(message: Message, http: Http) -> Outcome:
    if not message.subscriptions:
        return Outcome(True, "no push subscription left; nothing to send")
    vapid = _vapid(message.secret)
    body = data(message)
    gone: list[int] = []
    problems: list[str] = []
    delivered = 0
    for sub in message.subscriptions:
        try:
            reply = push(sub.endpoint, {"p256dh": sub.p256dh, "auth": sub.auth}, body, vapid, http)
        except Refused as exc:
            problems.append(f"refused: {exc}")
            continue
        except Exception as exc:  # the network: this device fails, the others are tried
            problems.append(f"{type(exc).__name__}: {exc}"[:150])
            continue
        if reply.status_code in (404, 410):
            gone.append(sub.id)
        elif reply.status_code > 202:
            problems.append(f"HTTP {reply.status_code}: {reply.text[:150]}")
        else:
            delivered += 1
    if problems and not delivered:
        return Outcome(False, "; ".join(problems), gone)
    detail = f"pushed to {delivered} device(s)"
    if gone:
        detail += f", {len(gone)} expired subscription(s) removed"
    return Outcome(True, detail, gone)
