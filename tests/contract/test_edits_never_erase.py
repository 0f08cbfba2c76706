"""Every PATCH and PUT in the API, sent with nulls (issue 19): no edit answers 500, an edit
that is refused changes nothing, and an edit that is accepted clears only what the product
allows to be empty (a chief's post left vacant, a person's title …), never a name, a
geometry, a road's zone or whether an account is active.

Hypothesis picks, per example, which of the body's fields are null and which valid values
go beside them (a refused edit must not half-apply); the database is read in full before
and after each request. A PATCH or PUT added to the API without a line here fails
`test_every_patch_and_put_is_here`.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401  (every table, for the snapshot)
from app.notify.models import Channel
from app.org.models import Grid, Role
from tests.factories import LAT0, LON0, Town, create_town, create_user, login

EXAMPLES = 12
# Written by any request (sign-in bookkeeping, throttles), whatever it answers.
NOT_COMPARED = {"auth_sessions", "login_failures", "rate_counters", "spent_challenges"}
DAY = "2026-10-08"


def _box(x0: float, x1: float, y0: float, y1: float) -> dict[str, Any]:
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return {"type": "Polygon", "coordinates": [ring]}


@dataclass
class World:
    town: Town
    grid: Grid
    channel: Channel
    admin: dict[str, str]  # an admin's headers


# The one path parameter not filled from the world: which row of a table keyed by code.
CODES = {
    "/api/admin/categories/{code}": "/api/admin/categories/0201",
    "/api/admin/site-types/{code}": "/api/admin/site-types/main_road",
}


def _url(path: str, w: World) -> str:
    return CODES.get(path, path).format(
        user_id=w.town.road_chief.id,
        area_id=w.town.area.id,
        zone_id=w.town.zone.id,
        road_id=w.town.east_west.id,
        grid_id=w.grid.id,
        channel_id=w.channel.id,
        day=DAY,
    )


def _valid(w: World, path: str) -> dict[str, Any]:
    t = w.town
    return {
        "/api/admin/users/{user_id}": {"name": "改名", "title": "组长", "phone": "13800000000"},
        "/api/admin/users/{user_id}/holdings": {
            "road_ids": [t.north_south.id],
            "zone_ids": [],
            "led_zone_ids": [],
            "grid_ids": [w.grid.id],
            "member_grid_ids": [],
        },
        "/api/admin/areas/{area_id}": {"name": "新镇"},
        "/api/admin/zones/{zone_id}": {"name": "新片区", "chief_id": t.zone_chief.id},
        "/api/admin/roads/{road_id}": {
            "name": "新路",
            "zone_id": t.zone.id,
            "chief_id": t.other_chief.id,
            "geometry": {"type": "LineString", "coordinates": [[LON0, LAT0], [LON0 + 0.01, LAT0]]},
        },
        "/api/admin/grids/{grid_id}": {
            "name": "新网格",
            "chief_id": t.road_chief.id,
            "member_ids": [t.inspector.id],
            "geometry": _box(LON0, LON0 + 0.02, LAT0, LAT0 + 0.02),
        },
        "/api/admin/categories/{code}": {"limit_value": 5, "limit_unit": "hours", "active": True},
        "/api/admin/calendar/{day}": {"day": DAY, "is_workday": True, "name": "调休"},
        "/api/admin/site-types/{code}": {"name": "主干道", "active": True},
        "/api/admin/channels/{channel_id}": {"name": "城东群", "scope": "all", "active": True},
        "/api/notify/preferences": {
            "channels": ["sms"],
            "quiet_start": "22:00",
            "quiet_end": "07:00",
            "digest": True,
        },
        "/api/bulletin/issue": {"requirements": "限期整改"},
    }[path]


EDITS: dict[tuple[str, str], frozenset[tuple[str, str]]] = {
    ("patch", "/api/admin/users/{user_id}"): frozenset(
        ("users", c) for c in ("title", "phone", "level", "department_id", "area_id")
    ),
    ("put", "/api/admin/users/{user_id}/holdings"): frozenset(),
    ("patch", "/api/admin/areas/{area_id}"): frozenset(),
    ("patch", "/api/admin/zones/{zone_id}"): frozenset(
        {("zones", "chief_id"), ("zones", "leader_id")}
    ),
    ("patch", "/api/admin/roads/{road_id}"): frozenset({("roads", "chief_id")}),
    ("patch", "/api/admin/grids/{grid_id}"): frozenset({("grids", "chief_id")}),
    ("patch", "/api/admin/categories/{code}"): frozenset({("categories", "department_id")}),
    ("put", "/api/admin/calendar/{day}"): frozenset(),
    ("patch", "/api/admin/site-types/{code}"): frozenset(),
    ("patch", "/api/admin/channels/{channel_id}"): frozenset(),
    ("put", "/api/notify/preferences"): frozenset(),
    ("put", "/api/bulletin/issue"): frozenset(),
}


def snapshot(db: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but sign-in bookkeeping), in primary-key order."""
    db.flush()
    out = {}
    for table in SQLModel.metadata.sorted_tables:
        if table.name in NOT_COMPARED:
            continue
        query = select(table).order_by(*table.primary_key.columns)
        out[table.name] = [tuple(row) for row in db.execute(query)]
    return out


def emptied(
    before: dict[str, list[tuple[Any, ...]]], after: dict[str, list[tuple[Any, ...]]]
) -> set[tuple[str, str]]:
    """(table, column) of every value that went from something to null (SQL or JSON)."""
    found = set()
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in before:
            continue
        names = [c.name for c in table.columns]
        keys = len(table.primary_key.columns)
        old = {row[:keys]: row for row in before[table.name]}
        for row in after[table.name]:
            was = old.get(row[:keys])
            if was is None:
                continue
            for name, a, b in zip(names, was, row, strict=True):
                if a is not None and b is None:
                    found.add((table.name, name))
    return found


def test_every_patch_and_put_is_here(app) -> None:
    schema = app.openapi()
    found = {
        (method, path)
        for path, item in schema["paths"].items()
        for method in ("patch", "put")
        if method in item
    }
    assert found == set(EDITS), "add the new PATCH/PUT to EDITS (and say what null may clear)"


@pytest.fixture
def world(client, db: Session) -> World:
    town = create_town(db)
    grid = Grid(
        zone_id=town.zone.id,
        name="一网格",
        chief_id=town.other_chief.id,
        geometry=_box(LON0 - 0.01, LON0 + 0.01, LAT0 - 0.01, LAT0 + 0.01),
    )
    channel = Channel(kind="webhook", name="指挥群", url="https://example.org/hook", secret="s")
    db.add_all([grid, channel])
    db.flush()
    town.zone.leader_id = create_user(db, Role.leader, name="挂包领导").id
    db.add(town.zone)
    db.flush()
    return World(town, grid, channel, login(client, create_user(db, Role.admin)))


@pytest.mark.parametrize(("method", "path"), sorted(EDITS))
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_null_never_erases_and_a_refusal_changes_nothing(
    app, client, db: Session, world: World, method: str, path: str, data: st.DataObject
) -> None:
    valid = _valid(world, path)
    schema = app.openapi()
    body_ref = schema["paths"][path][method]["requestBody"]["content"]["application/json"]
    name = body_ref["schema"]["$ref"].rsplit("/", 1)[1]
    fields = sorted(schema["components"]["schemas"][name]["properties"])

    nulls = data.draw(st.sets(st.sampled_from(fields), min_size=1), label="null")
    kept = data.draw(st.sets(st.sampled_from(sorted(valid))), label="valid beside")
    body = {k: valid[k] for k in kept if k not in nulls} | dict.fromkeys(nulls)

    before = snapshot(db)
    r = getattr(client, method)(_url(path, world), json=body, headers=world.admin)
    after = snapshot(db)

    assert r.status_code < 500, (body, r.text)
    if r.status_code >= 400:
        changed = [t for t in before if before[t] != after[t]]
        assert not changed, f"refused ({r.status_code}) yet {changed} changed: {body}"
    else:
        erased = emptied(before, after) - EDITS[(method, path)]
        assert not erased, f"{body} answered {r.status_code} and emptied {sorted(erased)}"
