"""Indexes the weekly bulletin reads through, declared for the model registry (app.models).

A week's figures must not scan a year of tickets: closures are found by closed_at, and the
week's rectifications and rejections by an index that holds everything the count needs.
They are created by a migration:
    op.create_index("ix_tickets_closed_at", "tickets", ["closed_at"])
    op.create_index("ix_events_created_action", "events", ["created_at", "action", "ticket_id"])
"""

from datetime import datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow
from app.ledger.models import Event
from app.tickets.models import Ticket

_t = Ticket.__table__.c  # type: ignore[attr-defined]
_e = Event.__table__.c  # type: ignore[attr-defined]

TICKETS_BY_CLOSED_AT = Index("ix_tickets_closed_at", _t.closed_at)
EVENTS_BY_WEEK = Index("ix_events_created_action", _e.created_at, _e.action, _e.ticket_id)


class BulletinIssue(SQLModel, table=True):
    """A week's bulletin once issued (印发): its running number (文号) and its edited text.

    The number runs per calendar year of issue: 〔2026〕1号, 2号 … and never changes once given.
    """

    __tablename__ = "bulletin_issues"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_bulletin_issues_year_seq"),)
    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(unique=True, max_length=10)  # ISO week, 2026-W49
    year: int
    seq: int
    requirements: str = Field(default="", sa_type=Text)  # 工作要求, edited before issuing
    issued_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    issued_by_id: int | None = Field(default=None, foreign_key="users.id")
