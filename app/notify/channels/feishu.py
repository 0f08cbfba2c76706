"""飞书 group robot with signature verification (签名校验), sending an interactive card.

sign = base64(HMAC-SHA256(key=timestamp_s + "\\n" + secret, msg="")), carried in the JSON body
as `timestamp` and `sign`.
"""

import base64
import hashlib
import hmac
import time
from typing import Any

from app.notify.channels import Http, Message, Outcome, http_outcome
from app.notify.channels.render import headline, lines, link_text

URGENT = ("ticket.overdue", "ticket.escalated", "ticket.summons", "ticket.criticism")


def sign(secret: str, timestamp_s: str) -> str:
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256)
    return base64.b64encode(digest.digest()).decode()


def body(message: Message) -> dict[str, Any]:
    p = message.payload
    elements: list[dict[str, Any]] = [{"tag": "markdown", "content": "\n".join(lines(p))}]
    if p.get("url"):
        elements.append(
            {
                "tag": "action",
                "actions": [
                    {
                        "tag": "button",
                        "text": {"tag": "plain_text", "content": link_text(p)},
                        "type": "primary",
                        "url": p["url"],
                    }
                ],
            }
        )
    doc: dict[str, Any] = {
        "msg_type": "interactive",
        "card": {
            "header": {
                "title": {"tag": "plain_text", "content": headline(p)},
                "template": "red" if message.event in URGENT else "blue",
            },
            "elements": elements,
        },
    }
    if message.secret:
        timestamp = str(int(time.time()))
        doc = {"timestamp": timestamp, "sign": sign(message.secret, timestamp), **doc}
    return doc


def send(message: Message, http: Http) -> Outcome:
    return http_outcome(http.post(message.url, json=body(message)), ok_field="code")
