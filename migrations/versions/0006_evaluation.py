"""Evaluation: sites, standards, rounds, sheets, surveys (issue 10).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.core.timeutil

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _drop_sqlite_ledger_triggers() -> None:
    if _is_sqlite():
        op.execute("DROP TRIGGER IF EXISTS events_no_update")
        op.execute("DROP TRIGGER IF EXISTS events_no_delete")


def _sqlite_ledger_triggers() -> None:
    if _is_sqlite():
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER events_no_{verb.lower()} BEFORE {verb} ON events "
                "BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END"
            )


def upgrade() -> None:
    op.create_table(
        "questionnaires",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "site_types",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "standard_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "standard_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["standard_groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["standard_versions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version_id", "code"),
    )
    with op.batch_alter_table("standard_groups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_standard_groups_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "survey_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("measure", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["questionnaire_id"],
            ["questionnaires.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("questionnaire_id", "code"),
    )
    with op.batch_alter_table("survey_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_questions_questionnaire_id"), ["questionnaire_id"], unique=False
        )

    op.create_table(
        "eval_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("self_department_id", sa.Integer(), nullable=True),
        sa.Column("self_chief_id", sa.Integer(), nullable=True),
        sa.Column("draw", sa.JSON(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("closed_at", app.core.timeutil.UTCDateTime(), nullable=True),
        sa.Column("published", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["questionnaire_id"],
            ["questionnaires.id"],
        ),
        sa.ForeignKeyConstraint(
            ["self_chief_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["self_department_id"],
            ["departments.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["standard_versions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("eval_rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_eval_rounds_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_eval_rounds_status"), ["status"], unique=False)

    op.create_table(
        "standard_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("site_types", sa.JSON(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("cap", sa.Float(), nullable=False),
        sa.Column("photo_required", sa.Boolean(), nullable=False),
        sa.Column("category_code", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_code"],
            ["categories.code"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["standard_groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["standard_versions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version_id", "code"),
    )
    with op.batch_alter_table("standard_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_standard_items_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "eval_round_inspectors",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["eval_rounds.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("round_id", "user_id"),
    )
    with op.batch_alter_table("eval_round_inspectors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_eval_round_inspectors_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "survey_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("option_code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("positive", sa.Boolean(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("answered_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("respondent_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["survey_questions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["eval_rounds.id"],
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("respondent_key", "question_id"),
    )
    with op.batch_alter_table("survey_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_answers_respondent_key"), ["respondent_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_survey_answers_round_id"), ["round_id"], unique=False)

    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("type_code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("geometry", sa.JSON(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("unit_department_id", sa.Integer(), nullable=True),
        sa.Column("unit_chief_id", sa.Integer(), nullable=True),
        sa.Column("checkin_radius_m", sa.Float(), nullable=True),
        sa.Column("road_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["road_id"],
            ["roads.id"],
        ),
        sa.ForeignKeyConstraint(
            ["type_code"],
            ["site_types.code"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_chief_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_department_id"],
            ["departments.id"],
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("road_id"),
    )
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sites_type_code"), ["type_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_sites_zone_id"), ["zone_id"], unique=False)

    op.create_table(
        "eval_round_sites",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["eval_rounds.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
        ),
        sa.PrimaryKeyConstraint("round_id", "site_id"),
    )
    with op.batch_alter_table("eval_round_sites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_eval_round_sites_site_id"), ["site_id"], unique=False)

    op.create_table(
        "eval_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("checked_in_lat", sa.Float(), nullable=False),
        sa.Column("checked_in_lon", sa.Float(), nullable=False),
        sa.Column("accuracy_m", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("far", sa.Boolean(), nullable=False),
        sa.Column("deducted", sa.Float(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("submitted_at", app.core.timeutil.UTCDateTime(), nullable=False),
        sa.Column("idempotency_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column(
            "request_fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["eval_rounds.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
        sa.UniqueConstraint("round_id", "site_id"),
    )
    with op.batch_alter_table("eval_sheets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_eval_sheets_round_id"), ["round_id"], unique=False)

    op.create_table(
        "eval_sheet_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["standard_items.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sheet_id"],
            ["eval_sheets.id"],
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sheet_id", "item_id"),
    )
    with op.batch_alter_table("eval_sheet_results", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_eval_sheet_results_item_id"), ["item_id"], unique=False
        )
        batch_op.create_index(
            "ix_eval_sheet_results_sheet_outcome", ["sheet_id", "outcome"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_eval_sheet_results_ticket_id"), ["ticket_id"], unique=False
        )

    # Ledger events about rounds and sheets belong to no ticket. SQLite rebuilds the table for
    # this, which drops its append-only triggers: they are put back at once.
    _drop_sqlite_ledger_triggers()
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.alter_column("ticket_id", existing_type=sa.INTEGER(), nullable=True)
    _sqlite_ledger_triggers()


def downgrade() -> None:
    # Fails while the ledger holds evaluation events: the ledger is never rewritten.
    _drop_sqlite_ledger_triggers()
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.alter_column("ticket_id", existing_type=sa.INTEGER(), nullable=False)
    _sqlite_ledger_triggers()

    with op.batch_alter_table("eval_sheet_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_eval_sheet_results_ticket_id"))
        batch_op.drop_index("ix_eval_sheet_results_sheet_outcome")
        batch_op.drop_index(batch_op.f("ix_eval_sheet_results_item_id"))

    op.drop_table("eval_sheet_results")
    with op.batch_alter_table("eval_sheets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_eval_sheets_round_id"))

    op.drop_table("eval_sheets")
    with op.batch_alter_table("eval_round_sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_eval_round_sites_site_id"))

    op.drop_table("eval_round_sites")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sites_zone_id"))
        batch_op.drop_index(batch_op.f("ix_sites_type_code"))

    op.drop_table("sites")
    with op.batch_alter_table("survey_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_answers_round_id"))
        batch_op.drop_index(batch_op.f("ix_survey_answers_respondent_key"))

    op.drop_table("survey_answers")
    with op.batch_alter_table("eval_round_inspectors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_eval_round_inspectors_user_id"))

    op.drop_table("eval_round_inspectors")
    with op.batch_alter_table("standard_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standard_items_version_id"))

    op.drop_table("standard_items")
    with op.batch_alter_table("eval_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_eval_rounds_status"))
        batch_op.drop_index(batch_op.f("ix_eval_rounds_kind"))

    op.drop_table("eval_rounds")
    with op.batch_alter_table("survey_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_questions_questionnaire_id"))

    op.drop_table("survey_questions")
    with op.batch_alter_table("standard_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standard_groups_version_id"))

    op.drop_table("standard_groups")
    op.drop_table("standard_versions")
    op.drop_table("site_types")
    op.drop_table("questionnaires")
