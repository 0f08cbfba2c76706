"""The seven-day rehearsal at full size on both databases: `roadchief simulate` twice.

    .venv/bin/python bench/simulate.py [--db sqlite|postgresql|both] [--days 7] [--speed 600]
        [--inspectors 40] [--citizens 200] [--seed 1] [--out var/simulate]

Prints each run's terminal summary and writes its HTML report to OUT/simulate-<db>.html;
then one line per database with the figures the README quotes. The machine's load is
printed beside them (the server and the simulated county share its cores).
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.simulate.invariants import latencies  # noqa: E402
from app.simulate.report import everything  # noqa: E402
from app.simulate.run import Options, Runner  # noqa: E402

PG = os.environ.get(
    "ROADCHIEF_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--days", type=int, default=7)
    p.add_argument("--speed", type=float, default=600)
    p.add_argument("--inspectors", type=int, default=40)
    p.add_argument("--citizens", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default="var/simulate")
    args = p.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    lines = []
    for db in ["sqlite", "postgresql"] if args.db == "both" else [args.db]:
        outcome = Runner(
            Options(
                days=args.days,
                speed=args.speed,
                inspectors=args.inspectors,
                citizens=args.citizens,
                seed=args.seed,
                report=f"{args.out}/simulate-{db}.html",
                database_url=PG if db == "postgresql" else "",
                workers=2 if db == "postgresql" else 1,
            )
        ).run()
        print(everything(outcome), flush=True)
        w, lag = outcome.county.world, sorted(outcome.lag)
        post = {r[0]: r for r in latencies(outcome.county.api)}.get("POST /api/tickets")
        closed = sum(1 for t in outcome.tickets if t["status"] == "closed")
        verdicts = ", ".join(f"{c.verdict} {c.name}" for c in outcome.checks if not c.ok)
        lines.append(
            f"{db}: {outcome.wall_s / 60:.0f} min, {len(w.acked)} reports acknowledged, "
            f"{len(outcome.tickets)} tickets ({closed} closed), "
            f"{len(outcome.county.api.metrics.calls)} requests, POST /api/tickets p50/p95 "
            f"{post[2]:.0f}/{post[3]:.0f} ms, lag p95 {lag[int(0.95 * (len(lag) - 1))] / 60:.0f} "
            f"sim-min; not passing: {verdicts or 'none'}"
            if post and lag
            else f"{db}: no figures"
        )
    print("\n".join(lines))
    print("load:", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    main()
