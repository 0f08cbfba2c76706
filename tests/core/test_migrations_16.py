"""Migrations 0013 and 0014 on data made before them (issue 16): zone scopes become zone ids,
open tickets get the moment their light turns yellow from the business clock."""

import datetime as dt
import json

from alembic import command
from sqlalchemy import text
from sqlmodel import Session

from app.core.db import make_engine
from app.core.migrate import alembic_config
from app.deadlines.clock import BusinessClock
from app.seed import seed_reference_data

SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]})


def test_zone_scopes_and_yellow_moments_are_filled_in(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0012")
    engine = make_engine(url)
    now = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)  # Friday 16:00 in Shanghai
    with engine.begin() as conn:
        with Session(bind=conn) as session:
            seed_reference_data(session)
            session.flush()
        stamp = {"t": now.isoformat(sep=" ")}
        for area in ("甲镇", "乙镇"):
            conn.execute(text("INSERT INTO areas (name) VALUES (:n)"), {"n": area})
        zones = [(1, "城东片区"), (2, "城东片区"), (1, "城西片区")]
        for area_id, name in zones:
            conn.execute(
                text("INSERT INTO zones (area_id, name, geometry, updated_at) "
                     "VALUES (:a, :n, :g, :t)"),
                {"a": area_id, "n": name, "g": SQUARE, **stamp},
            )  # fmt: skip
        for i, scope in enumerate(["zone:城西片区", "zone:城东片区", "zone:nowhere", "all"]):
            conn.execute(
                text("INSERT INTO notify_channels (kind, name, url, secret, scope, active, "
                     "created_at) VALUES ('wecom', :n, 'https://x', '', :s, 1, :t)"),
                {"n": f"c{i}", "s": scope, **stamp},
            )  # fmt: skip
        conn.execute(
            text("INSERT INTO users (username, name, role, password_hash, is_active, created_at) "
                 "VALUES ('i', 'i', 'inspector', 'x', 1, :t)"),
            stamp,
        )  # fmt: skip
        due = now + dt.timedelta(days=3)
        for i, status in enumerate(["assigned", "closed"]):
            conn.execute(
                text("INSERT INTO tickets (number, category_code, description, lat, lon, "
                     "route_candidates, status, reporter_id, received_at, updated_at, "
                     "rework_count, escalation_level, flags, idempotency_key, "
                     "request_fingerprint, assigned_at, due_at) VALUES (:n, '0201', '', 0, 0, "
                     "'[]', :s, 1, :t, :t, 0, 0, '{}', :n, 'x', :t, :d)"),
                {"n": f"T{i}", "s": status, "d": due.isoformat(sep=" "), **stamp},
            )  # fmt: skip
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        zones_made = conn.execute(text("SELECT id, name FROM zones ORDER BY id")).all()
        scopes = [s for (s,) in conn.execute(text("SELECT scope FROM notify_channels ORDER BY id"))]
        warn = dict(conn.execute(text("SELECT number, warn_at FROM tickets")).all())
    # A name one zone has becomes its id; a shared name the first zone's; unknown stays.
    (first_east, _), (_, _), (west, _) = zones_made
    assert scopes == [f"zone:{west}", f"zone:{first_east}", "zone:nowhere", "all"]
    with Session(engine) as session:
        expected = BusinessClock(session).warn_at(now, due, "work_hours")
    assert warn["T1"] is None  # closed: no light
    assert dt.datetime.fromisoformat(str(warn["T0"])).replace(tzinfo=dt.UTC) == expected
