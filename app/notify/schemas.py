"""Notification channels, the delivery log and personal preferences as the API answers them."""

from pydantic import Field

from app.core.schemas import IsoDateTime, Read
from app.notify.models import ChannelKind, DeliveryStatus


class ChannelRead(Read):
    id: int
    kind: ChannelKind
    name: str
    url: str
    has_secret: bool
    scope: str = Field(description="all, zone:ID, department:CODE, …")
    active: bool
    created_at: IsoDateTime
    counts: dict[str, int] = Field(description="notifications per delivery status")


class AttemptRead(Read):
    at: IsoDateTime
    ok: bool
    detail: str


class NotificationRead(Read):
    id: int
    message_id: str
    event: str
    title: str
    kind: str = Field(description="a channel kind for groups, a personal kind for people")
    channel_id: int | None
    user_id: int | None
    ticket_id: int | None
    ticket_number: str | None
    recipients: list[str]
    status: DeliveryStatus
    attempts: int
    next_attempt_at: IsoDateTime
    last_error: str
    created_at: IsoDateTime
    sent_at: IsoDateTime | None
    log: list[AttemptRead]


class DeliveryLog(Read):
    data: list[NotificationRead]
    count: int
    by_status: dict[str, int]


class VapidKey(Read):
    public_key: str


class SubscriptionRead(Read):
    id: int
    endpoint: str


class PreferencesRead(Read):
    channels: list[str]
    quiet_start: str = Field(description="HH:MM")
    quiet_end: str = Field(description="HH:MM")
    digest: bool
    push_devices: int
    has_phone: bool
