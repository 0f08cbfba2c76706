"""Rate limits count in one row per bucket and window (shared by every app process), not one
row per request (issue 11): Open311 reads are limited across workers too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from app.core.timeutil import UTCDateTime

    op.create_table(
        "rate_counters",
        sa.Column("bucket", sa.String(length=80), nullable=False),
        sa.Column("slot", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "slot"),
    )
    op.create_index("ix_rate_counters_expires_at", "rate_counters", ["expires_at"])
    # The per-request rows only ever held the last hour's counts: nothing to carry over.
    op.drop_index("ix_rate_hits_bucket_at", table_name="rate_hits")
    op.drop_table("rate_hits")


def downgrade() -> None:
    from app.core.timeutil import UTCDateTime

    op.create_table(
        "rate_hits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=80), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rate_hits_bucket_at", "rate_hits", ["bucket", "at"])
    op.drop_index("ix_rate_counters_expires_at", table_name="rate_counters")
    op.drop_table("rate_counters")
