"""Notifications: an outbox feeding Web Push, group robots, webhooks and digests.

Its settings' use cases — what views and the CLI call to change channels, subscriptions and
preferences — are the actions below (`app.notify.actions`).
"""

from app.notify.actions import (
    add_channel,
    queue_test,
    retry_notification,
    set_preferences,
    subscribe,
    unsubscribe,
    update_channel,
    vapid_public_key,
)

__all__ = [
    "add_channel",
    "queue_test",
    "retry_notification",
    "set_preferences",
    "subscribe",
    "unsubscribe",
    "update_channel",
    "vapid_public_key",
]
