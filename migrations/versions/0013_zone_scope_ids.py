"""Notification channels name their zone by id: `zone:NAME` matched every town's zone of that
name (issue 16). A name only one zone has becomes that zone's id; a name several zones share
becomes the lowest id (the zone made first), and is reported; an unknown name stays as it was
(it matched nothing then and matches nothing now).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

channels = sa.table("notify_channels", sa.column("id", sa.Integer), sa.column("scope", sa.String))
zones = sa.table("zones", sa.column("id", sa.Integer), sa.column("name", sa.String))


def upgrade() -> None:
    conn = op.get_bind()
    by_name: dict[str, list[int]] = {}
    for zone_id, name in conn.execute(sa.select(zones.c.id, zones.c.name).order_by(zones.c.id)):
        by_name.setdefault(name, []).append(zone_id)
    rows = conn.execute(
        sa.select(channels.c.id, channels.c.scope).where(channels.c.scope.like("zone:%"))
    ).all()
    for channel_id, scope in rows:
        name = scope.removeprefix("zone:")
        ids = by_name.get(name)
        if not ids:
            continue
        if len(ids) > 1:
            print(f"channel {channel_id}: zone '{name}' is the name of zones {ids}; kept {ids[0]}")
        conn.execute(
            channels.update().where(channels.c.id == channel_id).values(scope=f"zone:{ids[0]}")
        )


def downgrade() -> None:
    conn = op.get_bind()
    names = dict(conn.execute(sa.select(zones.c.id, zones.c.name)).all())
    rows = conn.execute(
        sa.select(channels.c.id, channels.c.scope).where(channels.c.scope.like("zone:%"))
    ).all()
    for channel_id, scope in rows:
        zone_id = scope.removeprefix("zone:")
        if zone_id.isdigit() and int(zone_id) in names:
            conn.execute(
                channels.update()
                .where(channels.c.id == channel_id)
                .values(scope=f"zone:{names[int(zone_id)]}")
            )
