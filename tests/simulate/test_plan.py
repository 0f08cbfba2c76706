"""The plan is the seed's: the same seed gives the same week; and the rehearsal clock a
test server runs on cannot be switched on anywhere else."""

import time
from datetime import UTC, datetime, timedelta

import pytest

from app.core import timeutil
from app.core.config import Settings, get_settings
from app.simulate.clock import HOUR, LOCAL, SimClock
from app.simulate.script import Town, make_plan

ROADS = {
    "features": [
        {"geometry": {"type": "LineString", "coordinates": [[119.90, 31.00], [119.91, 31.00]]},
         "properties": {"id": 1}},
        {"geometry": {"type": "LineString", "coordinates": [[119.90, 31.00], [119.90, 31.01]]},
         "properties": {"id": 2}},
    ]
}  # fmt: skip
ZONES = {
    "features": [
        {"geometry": {"type": "Polygon", "coordinates": [[[119.895, 30.995], [119.915, 30.995],
         [119.915, 31.015], [119.895, 31.015], [119.895, 30.995]]]}, "properties": {"id": 1}}
    ]
}  # fmt: skip
CATEGORIES = ["0201", "0505", "0102"]


def plan(seed: int, days: int = 7):  # type: ignore[no-untyped-def]
    return make_plan(seed, days, 8, 20, Town(ROADS, ZONES), CATEGORIES)


def test_same_seed_same_week() -> None:
    a, b = plan(1), plan(1)
    assert a == b
    assert [r.key for r in a.reports] == [r.key for r in b.reports]
    assert plan(2).reports != a.reports


def test_the_week_has_what_a_county_does() -> None:
    week = plan(3)
    fresh = [r for r in week.reports if r.again_of is None]
    assert len(fresh) > 50
    assert {r.where for r in fresh} == {"road", "zone", "outside"}
    assert any(r.again_of is not None for r in week.reports)
    assert {f.kind for f in week.faults} == {"kill", "storm", "offline", "locks", "receiver_down"}
    assert any(r.storm and r.resend == 5 for r in week.reports)
    # Fates: most fixed on time, some late, some sent back at 核查.
    shares = [r.fate.work_share for r in fresh]
    assert 0.6 < sum(s <= 1 for s in shares) / len(shares) < 0.95
    assert any(r.fate.rejections >= 2 for r in fresh)
    # Reports come in the morning sweep, local time.
    clock = SimClock.begin(600, 6 * HOUR)
    hours = {clock.at(r.at).astimezone(LOCAL).hour for r in fresh}
    assert hours <= {8, 9, 10}


def test_points_follow_the_roads() -> None:
    town = Town(ROADS, ZONES)
    on_road = [r for r in plan(4).reports if r.where == "road" and r.again_of is None]
    assert all(town.distance_to_roads(r.lat, r.lon) < 10 for r in on_road)
    outside = [r for r in plan(4).reports if r.where == "outside"]
    assert all(not town.in_zone(r.lat, r.lon) for r in outside)


def test_the_rehearsal_clock_is_refused_outside_test_servers() -> None:
    clock = "2026-12-14T06:00:00+08:00,1000.0,600"
    for environment in ("production", "development"):
        with pytest.raises(ValueError, match="SIMULATED_CLOCK"):
            Settings(environment=environment, simulated_clock=clock, secret_key="x" * 32)
    assert Settings(environment="test", simulated_clock=clock).simulated_clock == clock
    with pytest.raises(ValueError, match="SIM_ISO"):
        Settings(environment="test", simulated_clock="tomorrow")


def test_a_test_server_runs_on_the_simulated_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2026, 12, 14, 6, tzinfo=LOCAL)
    monkeypatch.setenv("ROADCHIEF_ENVIRONMENT", "test")
    monkeypatch.setenv("ROADCHIEF_SIMULATED_CLOCK", f"{start.isoformat()},{time.time() - 10},600")
    get_settings.cache_clear()
    try:
        now = timeutil.utcnow()
        assert timedelta(minutes=99) < now - start < timedelta(minutes=102)  # 10 s × 600
        assert now.tzinfo == UTC
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert abs(timeutil.utcnow() - datetime.now(UTC)) < timedelta(seconds=5)
