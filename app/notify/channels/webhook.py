"""Generic webhook (12345 hotline, county systems): signed JSON, as the README documents.

Body: {id, event, occurred_at, ticket: {...}, recipients: [usernames]}. Headers:
X-RoadChief-Event-Id (stable across retries), X-RoadChief-Timestamp (unix seconds),
X-RoadChief-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>.
"""

import hashlib
import hmac
import json
import time

from app.notify.channels import Http, Message, Outcome, http_outcome

TICKET_FIELDS = ("id", "number", "status", "category", "road", "assignee", "deadline_at", "url")


def body(message: Message) -> bytes:
    ticket = message.payload.get("ticket")
    doc = {
        "id": message.message_id,
        "event": message.event,
        "occurred_at": message.payload.get("occurred_at"),
        "ticket": {k: ticket.get(k) for k in TICKET_FIELDS} if ticket else None,
        "recipients": message.recipients,
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def signature(secret: str, timestamp: str, raw: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + raw, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def send(message: Message, http: Http) -> Outcome:
    raw = body(message)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-RoadChief-Event-Id": message.message_id,
        "X-RoadChief-Timestamp": timestamp,
    }
    if message.secret:
        headers["X-RoadChief-Signature"] = signature(message.secret, timestamp, raw)
    return http_outcome(http.post(message.url, content=raw, headers=headers))
