"""Citizens: citizen reports, triage, ratings, public boards, Open311 keys (issue 11).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.timeutil

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "open311_clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("key_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("key_prefix", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("created_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("revoked_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_hash"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "pow_spent",
        sa.Column("signature", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("expires_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("signature"),
    )
    op.create_index(op.f("ix_pow_spent_expires_at"), "pow_spent", ["expires_at"], unique=False)
    op.create_table(
        "rate_hits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bucket", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rate_hits_bucket_at", "rate_hits", ["bucket", "at"], unique=False)
    op.create_table(
        "citizen_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("category_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("accuracy_m", sa.Float(), nullable=True),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("media_url", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("contact_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("contact_erased_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.Column("tracking_nonce", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("idempotency_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("created_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("triage_due_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("triaged_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.Column("triaged_by_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("reject_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_code"],
            ["categories.code"],
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["open311_clients.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.ForeignKeyConstraint(
            ["triaged_by_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
        sa.UniqueConstraint("tracking_nonce"),
    )
    op.create_index(
        op.f("ix_citizen_reports_created_at"), "citizen_reports", ["created_at"], unique=False
    )
    op.create_index(
        "ix_citizen_reports_status_created",
        "citizen_reports",
        ["status", "created_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_citizen_reports_ticket_id"), "citizen_reports", ["ticket_id"], unique=False
    )
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("board", sa.String(length=16), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("road_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("unit_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("category_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=False),
        sa.Column("published_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_publications_board_live",
        "publications",
        ["board", "withdrawn_at", "published_at"],
        unique=False,
    )
    op.create_index(op.f("ix_publications_ticket_id"), "publications", ["ticket_id"], unique=False)
    op.create_table(
        "citizen_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("content_type", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("original_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("display_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("thumb_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("taken_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["citizen_reports.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_citizen_photos_report_id"), "citizen_photos", ["report_id"], unique=False
    )
    op.create_table(
        "citizen_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("closed_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("score", sa.String(length=16), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("review", sa.String(length=16), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.Column("review_note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["citizen_reports.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("report_id", "closed_at"),
    )
    op.create_index(
        op.f("ix_citizen_ratings_created_at"), "citizen_ratings", ["created_at"], unique=False
    )
    op.create_index(
        op.f("ix_citizen_ratings_report_id"), "citizen_ratings", ["report_id"], unique=False
    )
    op.create_index(
        op.f("ix_citizen_ratings_ticket_id"), "citizen_ratings", ["ticket_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_citizen_ratings_ticket_id"), table_name="citizen_ratings")
    op.drop_index(op.f("ix_citizen_ratings_report_id"), table_name="citizen_ratings")
    op.drop_index(op.f("ix_citizen_ratings_created_at"), table_name="citizen_ratings")
    op.drop_table("citizen_ratings")
    op.drop_index(op.f("ix_citizen_photos_report_id"), table_name="citizen_photos")
    op.drop_table("citizen_photos")
    op.drop_index(op.f("ix_publications_ticket_id"), table_name="publications")
    op.drop_index("ix_publications_board_live", table_name="publications")
    op.drop_table("publications")
    op.drop_index(op.f("ix_citizen_reports_ticket_id"), table_name="citizen_reports")
    op.drop_index("ix_citizen_reports_status_created", table_name="citizen_reports")
    op.drop_index(op.f("ix_citizen_reports_created_at"), table_name="citizen_reports")
    op.drop_table("citizen_reports")
    op.drop_index("ix_rate_hits_bucket_at", table_name="rate_hits")
    op.drop_table("rate_hits")
    op.drop_index(op.f("ix_pow_spent_expires_at"), table_name="pow_spent")
    op.drop_table("pow_spent")
    op.drop_table("open311_clients")
