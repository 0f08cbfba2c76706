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

Each is timed twice: repeated (the answer kept by the server, app.citizens.public_cache, after it
checked the data's version), and right after a change (a publication added before every round,
untimed, so every timed request renders afresh: the first reader after a supervisor publishes or
a ticket moves: the list is read again, assembled from the requests' kept renderings). Open311
requests also pass the per-address rate limit, a short write. Last, requests.json is made
in-process with nothing kept at all (no answer, no rendered request) to show the full cost.

Target: p50 ≤ 100 ms for both, with 100 000 tickets. The raw query runs in-process while the
endpoint is timed over HTTP, so the ratio (endpoint ÷ raw SQL, both p50) shows what the app
adds: the HTTP round trip, the rate limit, presenting rows and serialising JSON.
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
BOARD = "/api/public/boards/results"
REQUESTS = "/open311/v2/requests.json"
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


def _publication(ticket_id: int, board: str, i: int, by: int, at: dt.datetime) -> dict[str, Any]:
    rng = random.Random(i)
    photos = [
        {"kind": kind, "key": f"public/00/{rng.getrandbits(128):032x}.jpg",
         "width": 1600, "height": 1200, "source_photo_id": 0, "blur": []}
        for kind in ("before", "after")
    ]  # fmt: skip
    return {
        "ticket_id": ticket_id, "board": board, "title": f"整改案例 {i}", "note": "已整改",
        "road_name": "人民路", "unit_name": f"单位{i % 12}", "category_name": "非法小广告",
        "facts": json.dumps({"received_on": "2026-11-01", "closed_on": "2026-11-02",
                             "overdue_days": None, "rework_count": 0}),
        "photos": json.dumps(photos), "published_by_id": by, "published_at": at,
    }  # fmt: skip


INSERT_PUBLICATION = text(
    "INSERT INTO publications (ticket_id, board, title, note, road_name, unit_name, "
    "category_name, facts, photos, published_by_id, published_at) VALUES (:ticket_id, "
    ":board, :title, :note, :road_name, :unit_name, :category_name, :facts, :photos, "
    ":published_by_id, :published_at)"
)


def publish(engine: Engine, n_results: int, n_exposure: int) -> None:
    """Publication rows as a supervisor would leave them (the photo files are not needed)."""
    with engine.begin() as conn:
        closed = [r[0] for r in conn.execute(text(
            "SELECT id FROM tickets WHERE status = 'closed' ORDER BY id DESC LIMIT :n"
        ), {"n": n_results + n_exposure})]  # fmt: skip
        by = conn.execute(text("SELECT id FROM users ORDER BY id LIMIT 1")).scalar()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [
            _publication(ticket_id, "results" if i < n_results else "exposure", i, by,
                         now - dt.timedelta(minutes=i))
            for i, ticket_id in enumerate(closed)
        ]  # fmt: skip
        conn.execute(INSERT_PUBLICATION, rows)


def after_change_ms(client: httpx.Client, engine: Engine, path: str) -> list[float]:
    """Each round: a supervisor publishes one more case (untimed), then the public reads."""
    with engine.connect() as conn:
        ticket_id, by = conn.execute(text(
            "SELECT (SELECT max(id) FROM tickets WHERE status = 'closed'), "
            "(SELECT min(id) FROM users)"
        )).one()  # fmt: skip
    times = []
    for i in range(ROUNDS):
        with engine.begin() as conn:
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            conn.execute(INSERT_PUBLICATION, _publication(ticket_id, "results", 1000 + i, by, now))
        t0 = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return times


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


def scratch_ms(engine: Engine) -> list[float]:
    """requests.json's answer made in-process with nothing kept: no answer, no rendered row."""
    from sqlmodel import Session

    from app.open311 import render, service

    times = []
    with Session(engine) as session:
        for _ in range(ROUNDS):
            render._request_json.cache_clear()
            t0 = time.perf_counter()
            rows = service.find_rows(session, service.Query())
            body, _type = render.render_requests("json", rows)
            times.append((time.perf_counter() - t0) * 1000)
            session.rollback()
    assert body.count(b'"service_request_id"') == 1000
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
        scratch = scratch_ms(engine)
        server, base = town_bench.start_server(url, workdir)
        with httpx.Client(base_url=base, timeout=30) as client:
            board = town_bench.http_ms(client, BOARD, {}, ROUNDS)
            answer = client.get(REQUESTS).json()
            assert len(answer) == 1000, f"expected 1000 requests, got {len(answer)}"
            requests = town_bench.http_ms(client, REQUESTS, {}, ROUNDS)
            board_fresh = after_change_ms(client, engine, BOARD)
            requests_fresh = after_change_ms(client, engine, REQUESTS)
        engine.dispose()
        p = town_bench.percentile
        return {
            "backend": backend,
            "tickets": n,
            "board": (p(board, 0.5), p(board, 0.95)),
            "board_fresh": (p(board_fresh, 0.5), p(board_fresh, 0.95)),
            "board_raw": p(raw_board, 0.5),
            "requests": (p(requests, 0.5), p(requests, 0.95)),
            "requests_fresh": (p(requests_fresh, 0.5), p(requests_fresh, 0.95)),
            "requests_raw": p(raw_requests, 0.5),
            "requests_scratch": (p(scratch, 0.5), p(scratch, 0.95)),
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
    print("\n| backend | tickets | path | repeated p50 / p95 (ms) | after a change p50 / p95 (ms) "
          "| raw SQL p50 (ms) | ratio repeated / after a change |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for r in results:
        for name, label in (("board", "board, first page"), ("requests", "requests.json ×1000")):
            (hot, hot95), (cold, cold95), raw = r[name], r[f"{name}_fresh"], r[f"{name}_raw"]
            print(
                f"| {r['backend']} | {r['tickets']:,} | {label} | {hot:.1f} / {hot95:.1f} "
                f"| {cold:.1f} / {cold95:.1f} | {raw:.1f} | {hot / raw:.1f} / {cold / raw:.1f} |"
            )
    print("\nrequests.json made from scratch in-process (no kept answer or rendered row, no HTTP):")
    for r in results:
        (p50, p95), raw = r["requests_scratch"], r["requests_raw"]
        print(f"- {r['backend']}: p50 {p50:.1f} / p95 {p95:.1f} ms, ratio {p50 / raw:.1f}")


if __name__ == "__main__":
    main()
