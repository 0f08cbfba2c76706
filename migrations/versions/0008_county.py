"""County: grids (网格) and zone leaders (挂包领导), campaigns, tasks, admin events (issue 13).

Ledger events about something other than a ticket name their `subject` ("user:12",
"task:3"), so admin changes, campaigns and tasks chain with the tickets' events.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.types.TypeEngine:
    from app.core.timeutil import UTCDateTime

    return UTCDateTime()


def _add_reference(table: str, column: str, target: str) -> None:
    """A nullable foreign-key column, added in place: a table rebuild (SQLite's batch mode)
    would drop the tickets' map-cell triggers."""
    if op.get_bind().dialect.name == "postgresql":
        op.add_column(table, sa.Column(column, sa.Integer(), sa.ForeignKey(f"{target}.id")))
    else:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES {target}(id)")


def upgrade() -> None:
    op.create_table(
        "grids",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("zone_id", sa.Integer(), sa.ForeignKey("zones.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("chief_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("geometry", sa.JSON(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
    )
    op.create_index("ix_grids_zone_id", "grids", ["zone_id"])
    op.create_table(
        "grid_members",
        sa.Column("grid_id", sa.Integer(), sa.ForeignKey("grids.id"), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
    )
    op.create_index("ix_grid_members_user_id", "grid_members", ["user_id"])
    _add_reference("zones", "leader_id", "users")
    _add_reference("tickets", "grid_id", "grids")
    op.create_index("ix_tickets_grid_id", "tickets", ["grid_id"])
    # In place on both databases: SQLite's table rebuild would drop the append-only triggers.
    op.execute("ALTER TABLE events ADD COLUMN subject VARCHAR(40)")
    op.create_index("ix_events_subject", "events", ["subject"])

    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("description", sa.String(2000), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=True),
        sa.Column("category_codes", sa.JSON(), nullable=False),
        sa.Column("zone_ids", sa.JSON(), nullable=False),
        sa.Column("target_value", sa.Integer(), nullable=False),
        sa.Column("target_unit", sa.String(16), nullable=False),
        sa.Column("target_rate", sa.Float(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
    )
    op.create_table(
        "campaign_tickets",
        sa.Column("campaign_id", sa.Integer(), sa.ForeignKey("campaigns.id"), primary_key=True),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("tickets.id"), primary_key=True),
        sa.Column("how", sa.String(8), nullable=False),
        sa.Column("tagged_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("tagged_at", _utc(), nullable=False),
    )
    op.create_index("ix_campaign_tickets_ticket_id", "campaign_tickets", ["ticket_id"])

    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.String(4000), nullable=False),
        sa.Column(
            "lead_department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=True
        ),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("cooperating_department_ids", sa.JSON(), nullable=False),
        sa.Column("zone_id", sa.Integer(), sa.ForeignKey("zones.id"), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("completed_at", _utc(), nullable=True),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("escalated_to_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_index("ix_tasks_lead_department_id", "tasks", ["lead_department_id"])
    op.create_index("ix_tasks_owner_id", "tasks", ["owner_id"])
    op.create_index("ix_tasks_status", "tasks", ["status"])
    op.create_table(
        "task_milestones",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("task_id", sa.Integer(), sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_at", _utc(), nullable=False),
        sa.Column("done_at", _utc(), nullable=True),
    )
    op.create_index("ix_task_milestones_task_id", "task_milestones", ["task_id"])
    op.create_table(
        "task_progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("task_id", sa.Integer(), sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("note", sa.String(2000), nullable=False),
        sa.Column(
            "milestone_id", sa.Integer(), sa.ForeignKey("task_milestones.id"), nullable=True
        ),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=True, unique=True),
        sa.Column("request_fingerprint", sa.String(64), nullable=False),
    )
    op.create_index("ix_task_progress_task_id", "task_progress", ["task_id"])


def _map_cell_triggers_sqlite() -> list[str]:
    """Migration 0002's SQLite triggers on tickets, as it froze them."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).with_name("0002_map_cells_and_report_indexes.py")
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [s for s in module.SQLITE if s.startswith("CREATE TRIGGER")]


def downgrade() -> None:
    op.drop_table("task_progress")
    op.drop_table("task_milestones")
    op.drop_table("tasks")
    op.drop_table("campaign_tickets")
    op.drop_table("campaigns")
    op.drop_index("ix_events_subject", table_name="events")
    # Fails while the ledger holds events about a subject: the ledger is never rewritten.
    op.execute("ALTER TABLE events DROP COLUMN subject")
    op.drop_index("ix_tickets_grid_id", table_name="tickets")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_column("tickets", "grid_id")
    else:
        # SQLite rebuilds the table to drop a foreign-key column, which drops its triggers too.
        with op.batch_alter_table("tickets") as batch:
            batch.drop_column("grid_id")
        for statement in _map_cell_triggers_sqlite():
            op.execute(statement)
    with op.batch_alter_table("zones") as batch:
        batch.drop_column("leader_id")
    op.drop_table("grid_members")
    op.drop_table("grids")
