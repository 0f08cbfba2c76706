"""Tickets keep the moment their light turns yellow (warn_at), set by the business clock with
their deadline: the map's SQL then lights a ticket yellow when its page does, not at 80 % of
the natural-time span (issue 16: deadlines from one clock). Open tickets are filled in here.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from sqlmodel import Session

    from app.core.timeutil import UTCDateTime
    from app.deadlines.clock import BusinessClock

    op.add_column("tickets", sa.Column("warn_at", UTCDateTime(), nullable=True))
    conn = op.get_bind()
    tickets = sa.table(
        "tickets",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("category_code", sa.String),
        sa.column("assigned_at", UTCDateTime()),
        sa.column("due_at", UTCDateTime()),
        sa.column("warn_at", UTCDateTime()),
    )
    categories = sa.table(
        "categories", sa.column("code", sa.String), sa.column("limit_unit", sa.String)
    )
    units = dict(conn.execute(sa.select(categories.c.code, categories.c.limit_unit)).all())
    rows = conn.execute(
        sa.select(tickets.c.id, tickets.c.category_code, tickets.c.assigned_at, tickets.c.due_at)
        .where(tickets.c.status.in_(["pending", "assigned", "rectified"]))
        .where(tickets.c.assigned_at.is_not(None), tickets.c.due_at.is_not(None))
    ).all()
    clock = BusinessClock(Session(bind=conn))
    for ticket_id, code, assigned_at, due_at in rows:
        warn = clock.warn_at(assigned_at, due_at, units.get(code, "work_days"))
        conn.execute(tickets.update().where(tickets.c.id == ticket_id).values(warn_at=warn))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("warn_at")
