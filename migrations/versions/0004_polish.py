"""Field and console polish: bulletin numbering, verify distance (issue 9).

Reserved in order so that parallel work on each issue has its own revision; fill in
upgrade/downgrade when the issue's tables land. Two helpers share this revision: each keeps
to its own clearly headed block below.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.core.timeutil
import sqlmodel

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # --- Bulletin (通报) issues: the running number 文号 and the edited 工作要求 (polish-backend)
    op.create_table(
        "bulletin_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("issued_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["issued_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("week"),
        sa.UniqueConstraint("year", "seq", name="uq_bulletin_issues_year_seq"),
    )
    # --- end bulletin issues


def downgrade() -> None:
    # --- Bulletin issues (polish-backend)
    op.drop_table("bulletin_issues")
    # --- end bulletin issues
