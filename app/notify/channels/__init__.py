"""Channels: one `send(message, http)` per kind, each speaking its platform's format.

Senders run in the dispatcher's threads, outside any database transaction, on a detached
`Message` (a snapshot of the claimed notification). They return an Outcome and never raise for
a refusal by the other side: that is a failed try, retried later.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.outbound import Outbound, Reply


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


# Every sender speaks through the one guarded client (app/core/outbound.py).
Http = Outbound


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


# Messages a minute each group robot accepts, as its platform documents it (企业微信 群机器人:
# 20 条/分钟; 钉钉 自定义机器人: 20 条/分钟; 飞书 自定义机器人: 100 次/分钟). Beyond it the
# platform drops messages (WeCom answers errcode 45009), so the outbox merges the excess.
PER_MINUTE = {"wecom": 20, "dingtalk": 20, "feishu": 100}


def per_minute(kind: str) -> int | None:
    return PER_MINUTE.get(kind)
