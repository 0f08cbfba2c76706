"""Notifications (issue 12): the outbox, group channels, push subscriptions, preferences."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, String, Text
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class ChannelKind(StrEnum):
    webhook = "webhook"
    wecom = "wecom"  # 企业微信群机器人
    dingtalk = "dingtalk"  # 钉钉群机器人
    feishu = "feishu"  # 飞书群机器人


class PersonalKind(StrEnum):
    webpush = "webpush"
    sms = "sms"


class DeliveryStatus(StrEnum):
    queued = "queued"  # waiting for its time (first try, retry, quiet hours, coalescing)
    sending = "sending"  # claimed by a dispatcher; the claim expires if that process dies
    sent = "sent"
    dead = "dead"  # gave up after the last try; shown to admins


class Channel(SQLModel, table=True):
    """A group robot or webhook, configured by an admin, receiving the events of its scope."""

    __tablename__ = "notify_channels"
    id: int | None = Field(default=None, primary_key=True)
    kind: ChannelKind = Field(sa_type=String(16))
    name: str = Field(unique=True, max_length=100)
    url: str = Field(max_length=1000)
    secret: str = Field(default="", max_length=200)
    # "all", "zone:<id>" or "department:<code>".
    scope: str = Field(default="all", max_length=120)
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Fanout(SQLModel, table=True):
    """A ledger event that tells someone, as its own transaction wrote it: one row and no
    look-ups, so a ticket POST pays for one insert. The dispatcher expands it after commit
    into notifications (who, which channels, quiet hours, coalescing) and deletes it in the
    same transaction, so a crash at any point neither loses nor doubles a message.

    `ticket` keeps the ticket's routing fields as they were at the event: recipients are the
    assignee, superior and scopes of that moment, not of the moment the dispatcher runs.
    """

    __tablename__ = "notify_fanout"
    id: int | None = Field(default=None, primary_key=True)
    ledger_event_id: int | None = Field(default=None, foreign_key="events.id")
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id")
    events: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    ticket: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Notification(SQLModel, table=True):
    """One message to one destination (a group channel, or a user's personal channel).

    Written in the transaction of the ledger event that causes it; sent after commit by the
    dispatcher. `message_id` is stable across retries so a receiver can drop duplicates.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_due", "status", "next_attempt_at"),
        Index("ix_notifications_user_ticket", "user_id", "ticket_id", "created_at"),
        Index("ix_notifications_channel_ticket", "channel_id", "ticket_id", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(unique=True, max_length=36)
    event: str = Field(max_length=32)
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id")
    ledger_event_id: int | None = Field(default=None, foreign_key="events.id")
    channel_id: int | None = Field(default=None, foreign_key="notify_channels.id")
    user_id: int | None = Field(default=None, foreign_key="users.id")
    # The destination kind: a ChannelKind for group channels, a PersonalKind for users.
    kind: str = Field(max_length=16)
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # What is rendered per platform: title, lines, url, ticket snapshot, occurred_at, merged.
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: DeliveryStatus = Field(default=DeliveryStatus.queued, sa_type=String(16))
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # While sending: the claim's expiry, after which another dispatcher may take it over.
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str = Field(default="", sa_type=Text)
    # Scheduled notices (yellow light, digests, bulletin) are made once per key.
    dedupe_key: str | None = Field(default=None, unique=True, max_length=120)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class DeliveryAttempt(SQLModel, table=True):
    """The delivery log: every try of every notification, with its outcome."""

    __tablename__ = "notification_attempts"
    id: int | None = Field(default=None, primary_key=True)
    notification_id: int = Field(foreign_key="notifications.id", index=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    ok: bool
    detail: str = Field(default="", sa_type=Text)


class PushSubscription(SQLModel, table=True):
    """A browser's Web Push subscription (one per installed PWA and user)."""

    __tablename__ = "push_subscriptions"
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    endpoint: str = Field(unique=True, max_length=1000)
    p256dh: str = Field(max_length=200)
    auth: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Preference(SQLModel, table=True):
    """A user's choices; a user without a row gets the defaults below."""

    __tablename__ = "notify_preferences"
    user_id: int = Field(foreign_key="users.id", primary_key=True)
    channels: list[str] = Field(
        default_factory=lambda: [PersonalKind.webpush.value],
        sa_column=Column(JSON, nullable=False),
    )
    quiet_start: str = Field(default="22:00", max_length=5)
    quiet_end: str = Field(default="07:30", max_length=5)
    digest: bool = True


class NotifyKey(SQLModel, table=True):
    """Keys made on first start and kept (the VAPID key pair of Web Push)."""

    __tablename__ = "notify_keys"
    name: str = Field(primary_key=True, max_length=32)
    value: str = Field(sa_type=Text)
