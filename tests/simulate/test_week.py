"""`roadchief simulate` for one simulated day, small, against a real server process on each
database: the faults are injected and survived, and every invariant not already known to
be broken holds."""

from pathlib import Path

import pytest

from app.simulate.report import everything
from app.simulate.run import Options, Runner
from tests.conftest import BACKENDS, PG_ADMIN_URL

# With the load tests: a real server and its crash loop on the same two cores.
pytestmark = pytest.mark.xdist_group("load")


@pytest.mark.parametrize("backend", BACKENDS)
def test_one_day(backend: str, tmp_path: Path) -> None:
    report = tmp_path / "week.html"
    opts = Options(
        days=1,
        speed=2000,
        inspectors=4,
        citizens=6,
        seed=7,
        report=str(report),
        database_url=PG_ADMIN_URL if backend == "postgresql" else "",
        workers=2 if backend == "postgresql" else 1,
        quiet=True,
    )
    outcome = Runner(opts).run()
    summary = everything(outcome)
    failed = [c.name for c in outcome.checks if c.verdict == "FAIL"]
    assert not failed, summary
    world = outcome.county.world
    # The week happened: reports filed and acknowledged, a 测评 round, the 通报 issued.
    assert len(world.acked) >= 5, summary
    assert world.actions["测评 sheet"] > 0 and world.actions["通报 issued"] == 1, summary
    # Resends and the storm were answered with the first ticket, never a second one.
    assert world.actions["report resent"] > 0 and not world.replay_mismatch, summary
    kill = next(f for f in outcome.faults if f.fault.kind == "kill")
    assert any("restarted" in e for e in kill.effect), summary
    # A county reads the page offline: charts inline as SVG, no script, nothing fetched.
    page = report.read_text(encoding="utf-8")
    assert page.count("<svg") >= 3 and "<script" not in page and "src=" not in page
    assert "every acknowledged report is exactly one ticket" in page
