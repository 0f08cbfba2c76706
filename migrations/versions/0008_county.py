"""County: grids, leaders, campaigns, tasks, admin audit (issue 13).

Reserved in order so that parallel work on each issue has its own revision; fill in
upgrade/downgrade when the issue's tables land.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
