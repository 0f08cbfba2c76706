"""Web Push to installed PWAs (VAPID), through pywebpush; 404/410 means the subscription is gone."""

import json
import threading
from functools import lru_cache
from urllib.parse import urlsplit

import requests
from py_vapid import Vapid, Vapid01
from pywebpush import WebPushException, webpush

from app.notify.channels import Http, Message, Outcome
from app.notify.channels.render import headline, lines
from app.notify.settings import get_notify_settings

_local = threading.local()


@lru_cache(maxsize=4)
def _vapid(private_pem: str) -> Vapid01:
    return Vapid.from_pem(private_pem.encode())


def _session() -> requests.Session:
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
    return _local.session  # type: ignore[no-any-return]


def _path(url: str | None) -> str:
    parts = urlsplit(url or "/")
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


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


def send(message: Message, _http: Http) -> Outcome:
    if not message.subscriptions:
        return Outcome(True, "no push subscription left; nothing to send")
    settings = get_notify_settings()
    vapid = _vapid(message.secret)
    gone: list[int] = []
    problems: list[str] = []
    delivered = 0
    for sub in message.subscriptions:
        try:
            webpush(
                {"endpoint": sub.endpoint, "keys": {"p256dh": sub.p256dh, "auth": sub.auth}},
                data=data(message),
                vapid_private_key=vapid,
                vapid_claims={"sub": settings.vapid_subject},
                ttl=24 * 3600,
                timeout=settings.timeout_s,
                requests_session=_session(),
            )
            delivered += 1
        except WebPushException as exc:
            status = exc.response.status_code if exc.response is not None else None
            if status in (404, 410):
                gone.append(sub.id)
            else:
                problems.append(f"HTTP {status}: {str(exc)[:150]}")
        except requests.RequestException as exc:
            problems.append(str(exc)[:150])
    if problems and not delivered:
        return Outcome(False, "; ".join(problems), gone)
    detail = f"pushed to {delivered} device(s)"
    if gone:
        detail += f", {len(gone)} expired subscription(s) removed"
    return Outcome(True, detail, gone)
