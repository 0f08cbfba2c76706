"""Public read paths at city scale: the 曝光台's first page and Open311 requests.json.

    .venv/bin/python bench/public.py                      # 100,000 tickets, SQLite and PostgreSQL
    .venv/bin/python bench/public.py --tickets 20000 --backend sqlite

For each backend it builds a fresh database with the town and N tickets of bench/map.py (spread
over the past year), publishes 300 closed tickets on the 整改成效 board and 100 on 曝光, starts a
real app server (uvicorn) and times over HTTP, without signing in:

- GET /api/public/boards/results (the first page, 20 cases), against the raw SQL of the same page
  (the live publications of the board, newest first, plus their count);
- GET /open311/v2/requests.json with its defaults (the last 90 days, at most 1 000 requests:
  1 000 are returned), against the raw SQL that selects the same 1 000 ticket rows.

Target: p50 ≤ 100 ms for both, with 100 000 tickets. The raw query runs in-process while the
endpoint is timed over HTTP, so the ratio (endpoint ÷ raw SQL, both p50) shows what the app
adds: the HTTP round trip, presenting rows and serialising JSON.
"""

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import map as town_bench  # noqa: E402  (bench/map.py: the town, the tickets, the server)

from app.core.db import make_engine  # noqa: E402

ROUNDS = 30
BOARD_SQL = (
    "SELECT id, board, title, note, road_name, unit_name, category_name, published_at, facts, "
    "photos FROM publications WHERE board = 'results' AND withdrawn_at IS NULL "
    "ORDER BY published_at DESC, id DESC LIMIT 20"
)
BOARD_COUNT_SQL = (
    "SELECT count(*) FROM publications WHERE board = 'results' AND withdrawn_at IS NULL"
)
REQUESTS_SQL = (
    "SELECT id, number, status, category_code, received_at, updated_at, due_at, road_id, "
    "zone_id, lat, lon FROM tickets WHERE received_at >= :since AND received_at <= :until "
    "ORDER BY received_at DESC LIMIT 1000"
)


def publish(engine: Engine, n_results: int, n_exposure: int) -> None:
    """Publication rows as a supervisor would leave them (the photo files are not needed)."""
    rng = random.Random(11)
    with engine.begin() as conn:
        closed = [r[0] for r in conn.execute(text(
            "SELECT id FROM tickets WHERE status = 'closed' ORDER BY id DESC LIMIT :n"
        ), {"n": n_results + n_exposure})]  # fmt: skip
        by = conn.execute(text("SELECT id FROM users ORDER BY id LIMIT 1")).scalar()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = []
        for i, ticket_id in enumerate(closed):
            board = "results" if i < n_results else "exposure"
            photos = [
                {"kind": kind, "key": f"public/00/{rng.getrandbits(128):032x}.jpg",
                 "width": 1600, "height": 1200, "source_photo_id": 0, "blur": []}
                for kind in ("before", "after")
            ]  # fmt: skip
            rows.append({
                "ticket_id": ticket_id, "board": board, "title": f"整改案例 {i}", "note": "已整改",
                "road_name": "人民路", "unit_name": f"单位{i % 12}", "category_name": "非法小广告",
                "facts": json.dumps({"received_on": "2026-11-01", "closed_on": "2026-11-02",
                                     "overdue_days": None, "rework_count": 0}),
                "photos": json.dumps(photos), "published_by_id": by,
                "published_at": now - dt.timedelta(minutes=i),
            })  # fmt: skip
        conn.execute(text(
            "INSERT INTO publications (ticket_id, board, title, note, road_name, unit_name, "
            "category_name, facts, photos, published_by_id, published_at) VALUES (:ticket_id, "
            ":board, :title, :note, :road_name, :unit_name, :category_name, :facts, :photos, "
            ":published_by_id, :published_at)"
        ), rows)  # fmt: skip


def raw_ms(engine: Engine, statements: list[tuple[str, dict[str, Any]]]) -> list[float]:
    times = []
    with engine.connect() as conn:
        for sql, params in statements:
            conn.execute(text(sql), params).all()  # warm
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            for sql, params in statements:
                conn.execute(text(sql), params).all()
            times.append((time.perf_counter() - t0) * 1000)
    return times


def run_backend(backend: str, n: int, keep: bool) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"rc-public-{backend}-"))
    url = town_bench.create_database(backend, workdir)
    server = None
    try:
        engine = make_engine(url)
        town = town_bench.build_town(engine)
        now = dt.datetime.now(dt.UTC)
        t0 = time.perf_counter()
        town_bench.load(url, n, town, now)
        publish(engine, 300, 100)
        print(f"[{backend}] {n:,} tickets loaded in {time.perf_counter() - t0:.0f} s", flush=True)
        until = now.replace(tzinfo=None)
        window = {"since": until - dt.timedelta(days=90), "until": until}
        raw_board = raw_ms(engine, [(BOARD_SQL, {}), (BOARD_COUNT_SQL, {})])
        raw_requests = raw_ms(engine, [(REQUESTS_SQL, window)])
        server, base = town_bench.start_server(url, workdir)
        with httpx.Client(base_url=base, timeout=30) as client:
            board = town_bench.http_ms(client, "/api/public/boards/results", {}, ROUNDS)
            answer = client.get("/open311/v2/requests.json").json()
            assert len(answer) == 1000, f"expected 1000 requests, got {len(answer)}"
            requests = town_bench.http_ms(client, "/open311/v2/requests.json", {}, ROUNDS)
        engine.dispose()
        p = town_bench.percentile
        return {
            "backend": backend,
            "tickets": n,
            "board_p50": p(board, 0.5),
            "board_p95": p(board, 0.95),
            "board_raw": p(raw_board, 0.5),
            "requests_p50": p(requests, 0.5),
            "requests_p95": p(requests, 0.95),
            "requests_raw": p(raw_requests, 0.5),
        }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if not keep:
            town_bench.drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    args = parser.parse_args()
    results = [run_backend(b.strip(), args.tickets, args.keep) for b in args.backend.split(",")]
    print("\n| backend | tickets | board p50 / p95 (ms) | raw SQL p50 (ms) | ratio "
          "| requests.json ×1000 p50 / p95 (ms) | raw SQL p50 (ms) | ratio |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['backend']} | {r['tickets']:,} | {r['board_p50']:.0f} / {r['board_p95']:.0f} "
              f"| {r['board_raw']:.1f} | {r['board_p50'] / r['board_raw']:.1f} "
              f"| {r['requests_p50']:.0f} / {r['requests_p95']:.0f} | {r['requests_raw']:.1f} "
              f"| {r['requests_p50'] / r['requests_raw']:.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
