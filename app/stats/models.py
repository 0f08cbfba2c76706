"""Indexes the weekly bulletin reads through, declared for the model registry (app.models).

A week's figures must not scan a year of tickets: closures are found by closed_at, and the
week's rectifications and rejections by an index that holds everything the count needs.
They are created by a migration:
    op.create_index("ix_tickets_closed_at", "tickets", ["closed_at"])
    op.create_index("ix_events_created_action", "events", ["created_at", "action", "ticket_id"])
"""

from sqlalchemy import Index

from app.ledger.models import Event
from app.tickets.models import Ticket

_t = Ticket.__table__.c  # type: ignore[attr-defined]
_e = Event.__table__.c  # type: ignore[attr-defined]

TICKETS_BY_CLOSED_AT = Index("ix_tickets_closed_at", _t.closed_at)
EVENTS_BY_WEEK = Index("ix_events_created_action", _e.created_at, _e.action, _e.ticket_id)
