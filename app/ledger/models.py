"""The ledger (台账): every change of a ticket, append-only and hash-chained."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class Event(SQLModel, table=True):
    __tablename__ = "events"
    id: int | None = Field(default=None, primary_key=True)
    # A ticket's event names its ticket; an event about anything else (an admin's change to the
    # org chart, a campaign, a task) names its subject instead, e.g. "user:12", "task:3".
    ticket_id: int | None = Field(default=None, foreign_key="tickets.id", index=True)
    subject: str | None = Field(default=None, max_length=40, index=True)
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    action: str = Field(max_length=32)
    from_status: str | None = Field(default=None, max_length=16)
    to_status: str | None = Field(default=None, max_length=16)
    note: str = Field(default="", max_length=2000)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    # A phone's retry of the same action carries the same key and is answered, not repeated.
    idempotency_key: str | None = Field(default=None, unique=True, max_length=64)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(unique=True, max_length=64)
