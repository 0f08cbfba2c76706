"""Notification settings' use cases, each owning its write: views and the CLI call these.

Channels (group robots, webhooks) and the delivery log are the admin's; push subscriptions and
preferences are each user's own. Each records in one short ``write_transaction``
(app/core/db.py); nothing here sends anything (the dispatcher does, after commit).
"""

from typing import Any

from sqlmodel import Session

from app.core.db import write_transaction
from app.notify import service
from app.notify.keys import vapid_keys
from app.notify.models import Channel, Notification, PushSubscription
from app.org.models import User


def add_channel(
    session: Session,
    kind: str,
    name: str,
    url: str,
    secret: str = "",
    scope: str = "all",
    *,
    unsigned: bool = False,
) -> Channel:
    """A group robot or webhook; `roadchief channel add` and the admin page alike. A webhook
    without a secret is refused unless ``unsigned`` says so."""
    with write_transaction(session):
        return service.add_channel(session, kind, name, url, secret, scope, unsigned=unsigned)


def update_channel(session: Session, channel_id: int, changes: dict[str, Any]) -> Channel:
    service.get_channel(session, channel_id)  # 404 before any lock
    with write_transaction(session):
        channel = service.get_channel(session, channel_id)
        session.refresh(channel, with_for_update=True)
        return service.update_channel(session, channel, changes)


def queue_test(session: Session, admin: User, channel_id: int) -> Notification:
    """Queue a test message through the outbox, sent and logged like every other."""
    service.get_channel(session, channel_id)
    with write_transaction(session):
        return service.queue_test(session, service.get_channel(session, channel_id), admin)


def retry_notification(session: Session, notification_id: int) -> Notification:
    """Give a dead notification another round of tries (after the receiver was fixed)."""
    with write_transaction(session):
        return service.retry(session, notification_id)


def vapid_public_key(session: Session) -> str:
    """The applicationServerKey; made and stored here only before the first start made it."""
    stored = service.stored_vapid_public(session)
    if stored is not None:
        return stored
    with write_transaction(session):
        return vapid_keys(session)[1]


def subscribe(
    session: Session, user: User, endpoint: str, p256dh: str, auth: str
) -> PushSubscription:
    with write_transaction(session):
        return service.subscribe(session, user, endpoint, p256dh, auth)


def unsubscribe(session: Session, user: User, endpoint: str) -> bool:
    with write_transaction(session):
        return service.unsubscribe(session, user, endpoint)


def set_preferences(session: Session, user: User, changes: dict[str, Any]) -> None:
    """Channels (webpush, sms), quiet hours (HH:MM, local) and the morning digest on/off."""
    with write_transaction(session):
        service.set_preferences(session, user, changes)
