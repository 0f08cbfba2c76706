"""Zones carry updated_at like roads and grids, so a zone re-drawn through one app process
reaches the routing index of every other (issue 13).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from app.core.timeutil import UTCDateTime

    # A constant default: SQLite adds a NOT NULL column in place only with one.
    op.add_column(
        "zones",
        sa.Column(
            "updated_at",
            UTCDateTime(),
            nullable=False,
            server_default=sa.text("'2026-12-01 00:00:00'"),
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("zones") as batch:
        batch.drop_column("updated_at")
