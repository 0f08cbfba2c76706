"""Load: short write transactions, atomic sign-in throttling (issue 8).

Reserved in order so that parallel work on each issue has its own revision; fill in
upgrade/downgrade when the issue's tables land.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
