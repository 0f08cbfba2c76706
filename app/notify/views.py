"""Notifications over HTTP: admins' channels and delivery log; everyone's push and preferences."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from app.auth.deps import CurrentUser, require_roles
from app.core.db import SessionDep
from app.core.edits import Keep
from app.notify import actions, service
from app.notify.models import ChannelKind, DeliveryStatus
from app.notify.schemas import (
    ChannelRead,
    DeliveryLog,
    NotificationRead,
    PreferencesRead,
    SubscriptionRead,
    VapidKey,
)
from app.org.models import Role

admin = APIRouter(
    prefix="/api/admin", tags=["notifications"], dependencies=[require_roles(Role.admin)]
)
router = APIRouter(prefix="/api/notify", tags=["notifications"])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChannelIn(Strict):
    kind: ChannelKind
    name: str = Field(min_length=1, max_length=100)
    url: str = Field(min_length=8, max_length=1000)
    secret: str = Field(default="", max_length=200)
    scope: str = Field(default="all", max_length=120)
    # A webhook without a secret is refused unless this says it is meant to go unsigned.
    unsigned: bool = False


class ChannelUpdate(Strict):
    # Left out: unchanged; null: refused (app.core.edits).
    name: Keep[Annotated[str, Field(min_length=1, max_length=100)]] = None
    url: Keep[Annotated[str, Field(min_length=8, max_length=1000)]] = None
    secret: Keep[Annotated[str, Field(max_length=200)]] = None
    scope: Keep[Annotated[str, Field(max_length=120)]] = None
    active: Keep[bool] = None
    unsigned: bool = False  # clearing a webhook's secret, knowingly


class Keys(Strict):
    p256dh: str = Field(min_length=1, max_length=200)
    auth: str = Field(min_length=1, max_length=100)


class SubscriptionIn(BaseModel):
    # As the browser's PushSubscription.toJSON() gives it (it may add expirationTime).
    endpoint: str = Field(pattern=r"^https?://", max_length=1000)
    keys: Keys


class Unsubscribe(Strict):
    endpoint: str = Field(max_length=1000)


HHMM = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class PreferencesIn(Strict):
    # Left out: unchanged; null: refused (app.core.edits).
    channels: Keep[list[Literal["webpush", "sms"]]] = None
    quiet_start: Keep[HHMM] = None
    quiet_end: Keep[HHMM] = None
    digest: Keep[bool] = None


@admin.get("/channels", response_model=list[ChannelRead])
def list_channels(session: SessionDep) -> list[dict[str, Any]]:
    """Group robots and webhooks, with how many of their messages are in each state."""
    return service.list_channels(session)


@admin.post("/channels", status_code=201, response_model=ChannelRead)
def add_channel(body: ChannelIn, session: SessionDep) -> dict[str, Any]:
    """The same as `roadchief channel add KIND NAME URL [--secret S] [--scope …]`."""
    channel = actions.add_channel(
        session, body.kind, body.name, body.url, body.secret, body.scope, unsigned=body.unsigned
    )
    return service.channel_public(channel)


@admin.patch("/channels/{channel_id}", response_model=ChannelRead)
def update_channel(channel_id: int, body: ChannelUpdate, session: SessionDep) -> dict[str, Any]:
    changed = actions.update_channel(session, channel_id, body.model_dump(exclude_unset=True))
    return service.channel_public(changed)


@admin.post("/channels/{channel_id}/test", status_code=202, response_model=NotificationRead)
def test_channel(channel_id: int, user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    """Queue a test message; poll GET /api/admin/notifications/{id} for its outcome."""
    row = actions.queue_test(session, user, channel_id)
    return service.notification_public(row)


@admin.get("/notifications", response_model=DeliveryLog)
def delivery_log(
    session: SessionDep,
    status: DeliveryStatus | None = None,
    channel_id: int | None = None,
    ticket_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Every notification, newest first, with each try: sent, failed with reason, retried, dead."""
    return service.delivery_log(
        session,
        status=status,
        channel_id=channel_id,
        ticket_id=ticket_id,
        limit=limit,
        offset=offset,
    )


@admin.get("/notifications/{notification_id}", response_model=NotificationRead)
def get_notification(notification_id: int, session: SessionDep) -> dict[str, Any]:
    return service.get_notification(session, notification_id)


@admin.post("/notifications/{notification_id}/retry", response_model=NotificationRead)
def retry_notification(notification_id: int, session: SessionDep) -> dict[str, Any]:
    row = actions.retry_notification(session, notification_id)
    return service.notification_public(row)


@router.get("/vapid", response_model=VapidKey)
def vapid_public_key(_user: CurrentUser, session: SessionDep) -> dict[str, str]:
    """The applicationServerKey a browser subscribes with."""
    return {"public_key": actions.vapid_public_key(session)}


@router.post("/subscriptions", status_code=201, response_model=SubscriptionRead)
def subscribe(body: SubscriptionIn, user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    sub = actions.subscribe(session, user, body.endpoint, body.keys.p256dh, body.keys.auth)
    return {"id": sub.id, "endpoint": sub.endpoint}


@router.post("/subscriptions/remove", status_code=204)
def unsubscribe(body: Unsubscribe, user: CurrentUser, session: SessionDep) -> Response:
    actions.unsubscribe(session, user, body.endpoint)
    return Response(status_code=204)


@router.get("/preferences", response_model=PreferencesRead)
def get_preferences(user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    return service.preferences_public(session, user)


@router.put("/preferences", response_model=PreferencesRead)
def put_preferences(body: PreferencesIn, user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    """Channels (webpush, sms), quiet hours (HH:MM, local) and the morning digest on/off."""
    actions.set_preferences(session, user, body.model_dump(exclude_none=True))
    return service.preferences_public(session, user)
