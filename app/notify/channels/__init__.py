"""Channels: one `send(message, http)` per kind, each speaking its platform's format.

Senders run in the dispatcher's threads, outside any database transaction, on a detached
`Message` (a snapshot of the claimed notification). They return an Outcome and never raise for
a refusal by the other side: that is a failed try, retried later.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import urllib3


@dataclass(frozen=True)
class Subscription:
    id: int
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class Message:
    id: int
    message_id: str
    event: str
    kind: str
    recipients: list[str]
    payload: dict[str, Any]
    attempt: int
    # Group channels: where and how to sign.
    url: str = ""
    secret: str = ""
    # Personal channels: the user's push subscriptions or phone.
    subscriptions: list[Subscription] = field(default_factory=list)
    phone: str | None = None


@dataclass
class Outcome:
    ok: bool
    detail: str = ""
    # Push subscriptions the push service says are gone (404/410): removed by the dispatcher.
    gone: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Reply:
    status_code: int
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.content)


class Http:
    """A pooled HTTP client shared by the sending threads (urllib3: a fraction of the CPU per
    request of richer clients, which matters at hundreds of messages a second). No redirects,
    no retries of its own: the outbox retries."""

    def __init__(self, timeout_s: float, connections: int) -> None:
        self.pool = urllib3.PoolManager(
            num_pools=64,
            maxsize=connections,
            block=False,
            timeout=urllib3.Timeout(total=timeout_s),
            retries=False,
            headers={"User-Agent": "RoadChief-Notify/1"},
        )

    def post(
        self,
        url: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        body = content
        sent_headers = dict(headers or {})
        if json is not None:
            body = _dumps(json)
            sent_headers.setdefault("Content-Type", "application/json; charset=utf-8")
        r = self.pool.request("POST", url, body=body, headers=sent_headers, redirect=False)
        return Reply(r.status, r.data)

    def close(self) -> None:
        self.pool.clear()


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


Sender = Callable[[Message, Http], Outcome]


def http_outcome(response: Reply, ok_field: str | None = None) -> Outcome:
    """2xx is delivery; robots also answer 200 with an error code in the body."""
    if not response.is_success:
        return Outcome(False, f"HTTP {response.status_code}: {response.text[:200]}")
    if ok_field is None:
        return Outcome(True, f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        return Outcome(False, f"HTTP {response.status_code}, not JSON: {response.text[:200]}")
    code = body.get(ok_field) if isinstance(body, dict) else None
    if code not in (0, None) or not isinstance(body, dict) or ok_field not in body:
        return Outcome(False, f"{ok_field}={code}: {str(body)[:200]}")
    return Outcome(True, f"HTTP {response.status_code}, {ok_field}=0")


def senders() -> dict[str, Sender]:
    from app.notify.channels import dingtalk, feishu, sms, webhook, webpush, wecom

    return {
        "webhook": webhook.send,
        "wecom": wecom.send,
        "dingtalk": dingtalk.send,
        "feishu": feishu.send,
        "sms": sms.send,
        "webpush": webpush.send,
    }
