"""测评 benchmark: a round's scoreboard at county scale, and what a score sheet costs.

    .venv/bin/python bench/evaluation.py                        # SQLite and PostgreSQL
    .venv/bin/python bench/evaluation.py --backend sqlite --sites 500

For each backend it builds a fresh database (migrations, reference data, the demo town's
people, zones and roads), adds S sites spread over the town, a standards version of 60 items
that apply to every site, a round over all the sites, and a submitted sheet for every site
with every item's result (about 8 % deductions) — S × 60 result rows. Then it prints, from
the same run:

- GET /api/rounds/{id}/scores through the app (ASGI, sign-in check included), p50 / p95,
  against the raw SQL alone (each site's score, unit and zone means, item totals, spawned
  tickets) on the same database, and their ratio. Targets: p50 ≤ 300 ms and ratio ≤ 2.
- POST /api/rounds/{id}/sheets with 10 deductions and 10 photos (phone-sized JPEGs, each
  filing a routed ticket) against ten separate POST /api/tickets with one photo each, as the
  median of R alternating repetitions, and their ratio. Target ≤ 1.2.
"""

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import insert, text
from sqlmodel import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.auth.policy import Actor, Jurisdiction  # noqa: E402
from app.core.db import make_engine, session_scope  # noqa: E402
from app.demo.org import load_demo_org  # noqa: E402
from app.evaluation.demo import load_demo_evaluation  # noqa: E402
from app.evaluation.models import (  # noqa: E402
    RoundKind,
    Sheet,
    SheetResult,
    Site,
    SiteType,
    StandardItem,
)
from app.evaluation.rounds import NewRound, create_round  # noqa: E402
from app.evaluation.sites import zone_of  # noqa: E402
from app.evaluation.standards import ItemRow, save_version  # noqa: E402
from app.org.models import Department, Role, User  # noqa: E402
from bench.databases import create_database, drop_database  # noqa: E402

PASSWORD = "bench-pw"
BBOX = (119.880, 30.992, 119.918, 31.011)  # the demo town
CATEGORIES = ("0201", "0102", "0505", "0504", "0108", "0109")
ITEMS = 60
BIG_VERSION, SMALL_VERSION = "BENCH-60", "BENCH-SHEET"


def items(n: int, photo_every: int = 1) -> list[ItemRow]:
    return [
        ItemRow(
            f"{1 + i // 20:02d}",
            f"项目{1 + i // 20}",
            f"{1 + i // 5:04d}",
            f"内容{1 + i // 5}",
            f"B{i:03d}",
            f"基准测评标准 {i}",
            [],
            0.5 + (i % 4) * 0.5,
            2 + i % 3,
            i % photo_every == 0,
            CATEGORIES[i % len(CATEGORIES)],
        )
        for i in range(n)
    ]


def build(url: str, n_sites: int, seed: int = 7) -> dict[str, Any]:
    """The demo town's people, S sites, a round over all of them with every sheet submitted."""
    rng = random.Random(seed)
    engine = make_engine(url)
    with session_scope(engine) as s:
        load_demo_org(s, PASSWORD)
        load_demo_evaluation(s)
        types = [t.code for t in s.exec(select(SiteType))]
        departments = [d.id for d in s.exec(select(Department))]
        chiefs = [
            u.id for u in s.exec(select(User).where(User.role == Role.chief, User.level == 3))
        ]
        rows = []
        for i in range(n_sites):
            lon, lat = rng.uniform(BBOX[0], BBOX[2]), rng.uniform(BBOX[1], BBOX[3])
            unit = (
                {"unit_department_id": departments[i % len(departments)], "unit_chief_id": None}
                if i % 2
                else {"unit_department_id": None, "unit_chief_id": chiefs[i % len(chiefs)]}
            )
            rows.append(
                {
                    "name": f"基准点位{i}",
                    "type_code": types[i % len(types)],
                    "zone_id": zone_of(s, lat, lon),
                    "lat": lat,
                    "lon": lon,
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "checkin_radius_m": 50,
                    "road_id": None,
                    "active": True,
                    **unit,
                }
            )
        s.execute(insert(Site), rows)
        save_version(s, BIG_VERSION, "基准体系（60 项）", items(ITEMS, photo_every=3))
        save_version(s, SMALL_VERSION, "基准测评表", items(10))
        supervisor = s.exec(select(User).where(User.username == "supervisor1")).one()
        inspector = s.exec(select(User).where(User.username == "inspector1")).one()
        site_ids = [
            i for (i,) in s.execute(text("SELECT id FROM sites WHERE name LIKE '基准点位%'"))
        ]
        actor = Actor(supervisor, Jurisdiction())
        big = create_round(
            s,
            actor,
            NewRound(
                name="基准季度测评",
                kind=RoundKind.quarterly,
                standards_version=BIG_VERSION,
                starts_on=__import__("datetime").date(2026, 10, 1),
                ends_on=__import__("datetime").date(2026, 12, 31),
                inspector_ids=[inspector.id],
                site_ids=site_ids,
                draw=None,
            ),
        )  # type: ignore[list-item]
        sheet_site = site_ids[: max(1, n_sites // 20)]
        small = create_round(
            s,
            actor,
            NewRound(
                name="基准测评表",
                kind=RoundKind.daily,
                standards_version=SMALL_VERSION,
                starts_on=big.starts_on,
                ends_on=big.ends_on,
                inspector_ids=[inspector.id],  # type: ignore[list-item]
                site_ids=sheet_site,
                draw=None,
            ),
        )
        item_ids = [
            (i.id, i.points, i.cap)
            for i in s.exec(select(StandardItem).where(StandardItem.version_id == big.version_id))
        ]
        sheets, results = [], []
        for n, site_id in enumerate(site_ids):
            deducted = []
            for item_id, points, cap in item_ids:
                if rng.random() < 0.08:
                    occ = rng.randint(1, 4)
                    deducted.append(min(occ * points, cap))
                    results.append((n, item_id, "deduct", occ, min(occ * points, cap)))
                else:
                    results.append((n, item_id, "pass", 0, 0.0))
            sheets.append(
                {
                    "round_id": big.id,
                    "site_id": site_id,
                    "inspector_id": inspector.id,
                    "checked_in_lat": 31.0,
                    "checked_in_lon": 119.9,
                    "accuracy_m": 5,
                    "distance_m": 3,
                    "far": rng.random() < 0.03,
                    "deducted": sum(deducted),
                    "score": max(0, 100 - sum(deducted)),
                    "submitted_at": big.created_at,
                    "idempotency_key": uuid.uuid4().hex,
                    "request_fingerprint": "bench",
                }
            )
        s.execute(insert(Sheet), sheets)
        ids = dict(
            s.execute(text(f"SELECT site_id, id FROM eval_sheets WHERE round_id = {big.id}")).all()
        )  # noqa: S608
        s.execute(
            insert(SheetResult),
            [
                {
                    "sheet_id": ids[site_ids[n]],
                    "item_id": item_id,
                    "outcome": outcome,
                    "occurrences": occ,
                    "points": pts,
                    "note": "",
                    "ticket_id": None,
                }
                for n, item_id, outcome, occ, pts in results
            ],
        )
        figures = {
            "round": big.id,
            "sheet_round": small.id,
            "sheet_sites": sheet_site,
            "results": len(results),
        }
    engine.dispose()
    return figures


RAW_SQL = [
    """SELECT s.id, s.name, s.type_code, s.zone_id, s.unit_department_id, s.unit_chief_id,
              sh.score, sh.far
       FROM eval_round_sites rs JOIN sites s ON s.id = rs.site_id
       LEFT JOIN eval_sheets sh ON sh.site_id = s.id AND sh.round_id = rs.round_id
       WHERE rs.round_id = :r ORDER BY s.id""",
    """SELECT s.unit_department_id, s.unit_chief_id, AVG(sh.score), COUNT(*)
       FROM eval_round_sites rs JOIN sites s ON s.id = rs.site_id
       JOIN eval_sheets sh ON sh.site_id = s.id AND sh.round_id = rs.round_id
       WHERE rs.round_id = :r GROUP BY s.unit_department_id, s.unit_chief_id""",
    """SELECT s.zone_id, AVG(sh.score), COUNT(*)
       FROM eval_round_sites rs JOIN sites s ON s.id = rs.site_id
       JOIN eval_sheets sh ON sh.site_id = s.id AND sh.round_id = rs.round_id
       WHERE rs.round_id = :r GROUP BY s.zone_id""",
    """SELECT i.code, SUM(r.points), COUNT(*), SUM(r.occurrences)
       FROM eval_sheet_results r JOIN eval_sheets sh ON sh.id = r.sheet_id
       JOIN standard_items i ON i.id = r.item_id
       WHERE sh.round_id = :r AND r.outcome = 'deduct' GROUP BY i.code""",
    """SELECT t.status, COUNT(*) FROM tickets t JOIN eval_sheet_results r ON r.ticket_id = t.id
       JOIN eval_sheets sh ON sh.id = r.sheet_id WHERE sh.round_id = :r
       AND r.outcome = 'deduct' AND r.ticket_id IS NOT NULL GROUP BY t.status""",
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def jpeg(seed: int) -> bytes:
    """A phone-compressed photo (1920 × 1440, JPEG 0.8), different for every seed."""
    rng = random.Random(seed)
    img = Image.new("RGB", (1920, 1440), tuple(rng.randrange(60, 200) for _ in range(3)))
    d = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rng.randrange(1920), rng.randrange(1440)
        d.rectangle(
            [x, y, x + rng.randrange(40, 400), y + rng.randrange(40, 300)],
            fill=tuple(rng.randrange(256) for _ in range(3)),
        )
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def run(backend: str, n_sites: int, reps: int, rounds: int) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="rc-bench-eval-"))
    url = create_database(backend, workdir, "roadchief_bench_eval")
    try:
        t0 = time.perf_counter()
        built = build(url, n_sites)
        setup_s = time.perf_counter() - t0
        os.environ.update(
            {
                "ROADCHIEF_DATABASE_URL": url,
                "ROADCHIEF_ENVIRONMENT": "test",
                "ROADCHIEF_STORAGE_URL": f"file://{workdir / 'photos'}",
                "ROADCHIEF_SWEEP_INTERVAL_S": "0",
            }
        )
        from fastapi.testclient import TestClient

        from app.core.config import get_settings
        from app.core.db import get_engine
        from app.main import create_app

        get_settings.cache_clear()
        get_engine.cache_clear()
        with TestClient(create_app()) as client:
            tok = client.post(
                "/api/auth/token", data={"username": "supervisor1", "password": PASSWORD}
            )
            sup = {"Authorization": f"Bearer {tok.json()['access_token']}"}
            tok = client.post(
                "/api/auth/token", data={"username": "inspector1", "password": PASSWORD}
            )
            insp = {"Authorization": f"Bearer {tok.json()['access_token']}"}
            path = f"/api/rounds/{built['round']}/scores"
            assert client.get(path, headers=sup).status_code == 200  # warm
            endpoint, raw = [], []
            engine = get_engine()
            for _ in range(rounds):
                t = time.perf_counter()
                r = client.get(path, headers=sup)
                endpoint.append(time.perf_counter() - t)
                assert r.status_code == 200 and len(r.json()["sites"]) == n_sites
                with engine.connect() as conn:
                    t = time.perf_counter()
                    for sql in RAW_SQL:
                        conn.execute(text(sql), {"r": built["round"]}).all()
                    raw.append(time.perf_counter() - t)

            # A sheet with 10 deductions and 10 photos vs ten separate reports.
            sheet_times, report_times = [], []
            sites = iter(built["sheet_sites"])
            site_rows = {
                f["id"]: f
                for f in (
                    p["properties"]
                    for p in client.get("/api/sites", headers=insp).json()["features"]
                )
            }
            seed = 0
            for rep in range(reps):
                site = site_rows[next(sites)]

                def sheet(site: dict[str, Any] = site) -> float:
                    nonlocal seed
                    results, files = [], []
                    for i in range(10):
                        seed += 1
                        results.append(
                            {
                                "item_code": f"B{i:03d}",
                                "outcome": "deduct",
                                "occurrences": 1,
                                "photo_field": f"p{i}",
                            }
                        )
                        files.append((f"p{i}", (f"{i}.jpg", jpeg(seed), "image/jpeg")))
                    data = {
                        "site_id": str(site["id"]),
                        "checked_in_lat": str(site["lat"]),
                        "checked_in_lon": str(site["lon"]),
                        "accuracy_m": "5",
                        "results": json.dumps(results),
                    }
                    t = time.perf_counter()
                    r = client.post(
                        f"/api/rounds/{built['sheet_round']}/sheets",
                        data=data,
                        files=files,
                        headers={**insp, "Idempotency-Key": uuid.uuid4().hex},
                    )
                    took = time.perf_counter() - t
                    assert r.status_code == 201 and len(r.json()["tickets"]) == 10, r.text
                    return took

                def reports(site: dict[str, Any] = site) -> float:
                    nonlocal seed
                    total = 0.0
                    for i in range(10):
                        seed += 1
                        body = jpeg(seed)
                        t = time.perf_counter()
                        r = client.post(
                            "/api/tickets",
                            headers={**insp, "Idempotency-Key": uuid.uuid4().hex},
                            data={
                                "category": CATEGORIES[i % len(CATEGORIES)],
                                "lat": site["lat"],
                                "lon": site["lon"],
                                "accuracy_m": 5,
                            },
                            files={"photo": ("p.jpg", body, "image/jpeg")},
                        )
                        total += time.perf_counter() - t
                        assert r.status_code == 201, r.text
                    return total

                # Alternate which goes first so drift on a shared machine cancels out.
                if rep % 2:
                    report_times.append(reports())
                    sheet_times.append(sheet())
                else:
                    sheet_times.append(sheet())
                    report_times.append(reports())
        get_settings.cache_clear()
        get_engine.cache_clear()
        e50, r50 = statistics.median(endpoint), statistics.median(raw)
        s50, t50 = statistics.median(sheet_times), statistics.median(report_times)
        return {
            "backend": backend,
            "sites": n_sites,
            "results": built["results"],
            "setup_s": setup_s,
            "scores_p50_ms": e50 * 1000,
            "scores_p95_ms": pct(endpoint, 0.95) * 1000,
            "raw_p50_ms": r50 * 1000,
            "scores_ratio": e50 / r50,
            "sheet_ms": s50 * 1000,
            "ten_reports_ms": t50 * 1000,
            "sheet_ratio": s50 / t50,
        }
    finally:
        drop_database(url)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--sites", type=int, default=2000)
    p.add_argument("--reps", type=int, default=3, help="sheet vs ten reports repetitions")
    p.add_argument("--rounds", type=int, default=15, help="scores requests timed")
    args = p.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        f = run(backend, args.sites, args.reps, args.rounds)
        print(
            f"{f['backend']:10} {f['sites']} sites × {ITEMS} items ({f['results']} results, "
            f"set up in {f['setup_s']:.0f} s)\n"
            f"  scores endpoint p50 {f['scores_p50_ms']:.0f} ms, p95 {f['scores_p95_ms']:.0f} ms;"
            f" raw SQL p50 {f['raw_p50_ms']:.0f} ms; ratio {f['scores_ratio']:.2f}"
            f"   (targets ≤ 300 ms, ≤ 2)\n"
            f"  sheet with 10 deductions + 10 photos {f['sheet_ms']:.0f} ms;"
            f" ten reports {f['ten_reports_ms']:.0f} ms;"
            f" ratio {f['sheet_ratio']:.2f}   (target ≤ 1.2)",
            flush=True,
        )


if __name__ == "__main__":
    main()
