"""Citizens: citizen reports, triage, ratings, public boards, Open311 keys (issue 11).

Reserved in order so that parallel work on each issue has its own revision; fill in
upgrade/downgrade when the issue's tables land.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
