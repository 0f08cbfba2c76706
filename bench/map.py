"""Supervisor-console benchmark: clusters, bulletin and live fan-out at city scale.

    .venv/bin/python bench/map.py                       # 1,000,000 tickets, SQLite and PostgreSQL
    .venv/bin/python bench/map.py --tickets 200000 --backend postgresql --clients 500

For each backend it builds a fresh database (migrations + reference data + a town of zones
and roads), bulk-loads N tickets spread along the roads over the past year (COPY on
PostgreSQL, executemany on SQLite), plus the ledger events of the last three weeks; then it
sets up the map's cell counts and the closed_at index as the migrations do (app.console.cells),
starts real app servers (uvicorn) and prints:

- the cluster endpoint at town zoom (GET /api/map/clusters over HTTP), p50 / p95, against a
  raw SQL grid GROUP BY on the same database in the same run, and their ratio;
- the weekly bulletin (GET /api/bulletin) for the last complete week;
- the delay from a ticket change (POST /api/tickets/{id}/escalate) to its frame arriving at
  every one of C connected SSE clients (p50 / p95). On PostgreSQL the clients are split over
  two server processes and the change is made through one of them, so the LISTEN/NOTIFY
  path between processes is what is measured.

Targets: cluster p50 ≤ 100 ms and ≤ 2 × raw SQL; bulletin ≤ 1 s; SSE p95 ≤ 1 s. The raw
query runs in-process while the endpoint is timed over HTTP (sign-in check included), so on a
small database the endpoint's fixed few milliseconds dominate the ratio; at a million tickets
the raw scan is what costs. A full run takes about seven minutes on two cores.
"""

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import random
import socket
import sqlite3
import subprocess
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

from app.auth.passwords import hash_password  # noqa: E402
from app.console import cells  # noqa: E402
from app.core.db import make_engine, session_scope  # noqa: E402
from app.org.models import Area, Road, Role, User, Zone  # noqa: E402
from app.seed import seed_reference_data  # noqa: E402
from bench.databases import create_database, drop_database  # noqa: E402

PASSWORD = "bench-pw"
# The town: about 5.7 km × 6.7 km around the demo's centre.
LON0, LAT0 = 119.90, 31.00
HALF = 0.03
SCREEN_PX = 1280
ROUNDS = 30
BULLETIN_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_tickets_closed_at ON tickets (closed_at)",
    "CREATE INDEX IF NOT EXISTS ix_events_created_action ON events (created_at, action, ticket_id)",
)
CATEGORY_SQL = "SELECT code, department_id FROM categories WHERE parent_code IS NOT NULL"

TICKET_COLS = (
    "id", "number", "category_code", "description", "lat", "lon", "accuracy_m", "area_id",
    "zone_id", "road_id", "route_candidates", "assignee_id", "department_id",
    "lead_department_id", "status", "reporter_id", "captured_at", "received_at", "updated_at",
    "assigned_at", "due_at", "rectified_at", "rectified_by_id", "closed_at", "closed_in_time",
    "rework_count", "escalation_level", "escalated_to_id", "duplicate_of_id", "flags",
    "idempotency_key", "request_fingerprint",
)  # fmt: skip
EVENT_COLS = (
    "id", "ticket_id", "actor_id", "action", "from_status", "to_status", "note", "data",
    "created_at", "idempotency_key", "prev_hash", "hash",
)  # fmt: skip


# ---------------------------------------------------------------- database and town


def build_town(engine: Engine) -> dict[str, Any]:
    """Four zones, 29 roads (a street grid), chiefs at three levels, department desks."""
    pw = hash_password(PASSWORD)
    with session_scope(engine) as s:
        seed_reference_data(s)
        area = Area(name="基准镇")
        s.add(area)
        s.flush()

        def user(username: str, role: Role, **kw: Any) -> User:
            u = User(username=username, name=kw.pop("name", username), role=role,
                     password_hash=pw, **kw)  # fmt: skip
            s.add(u)
            s.flush()
            return u

        user("leader", Role.chief, level=1, area_id=area.id, name="书记")
        supervisor = user("supervisor", Role.supervisor, name="指挥中心")
        reporter = user("inspector", Role.inspector, name="巡查员")
        departments = list(s.exec(text("SELECT id FROM departments")).scalars())  # type: ignore[call-overload]
        for d in departments:
            user(f"desk{d}", Role.department, department_id=d)
        zones = []
        for i, (dx, dy) in enumerate([(-1, -1), (1, -1), (-1, 1), (1, 1)]):
            chief = user(f"zone{i}", Role.chief, level=2, name=f"片长{i}")
            x0, y0 = LON0 + min(dx, 0) * HALF, LAT0 + min(dy, 0) * HALF
            ring = [[x0, y0], [x0 + HALF, y0], [x0 + HALF, y0 + HALF], [x0, y0 + HALF], [x0, y0]]
            z = Zone(area_id=area.id, name=f"片区{i}", chief_id=chief.id,
                     geometry={"type": "Polygon", "coordinates": [ring]})  # fmt: skip
            s.add(z)
            s.flush()
            zones.append((z, x0, y0))
        roads = []
        for i in range(29):
            chief = user(f"road{i}", Role.chief, level=3, name=f"路长{i}")
            if i < 15:  # east-west streets
                lat = LAT0 - HALF + (i + 0.5) * 2 * HALF / 15
                coords = [[LON0 - HALF, lat], [LON0 + HALF, lat]]
            else:  # north-south streets
                lon = LON0 - HALF + (i - 15 + 0.5) * 2 * HALF / 14
                coords = [[lon, LAT0 - HALF], [lon, LAT0 + HALF]]
            mid_lon = (coords[0][0] + coords[1][0]) / 2
            mid_lat = (coords[0][1] + coords[1][1]) / 2
            zone = next(z for z, x0, y0 in zones
                        if x0 <= mid_lon <= x0 + HALF and y0 <= mid_lat <= y0 + HALF)  # fmt: skip
            r = Road(zone_id=zone.id, name=f"{i + 1}号路", chief_id=chief.id,
                     geometry={"type": "LineString", "coordinates": coords})  # fmt: skip
            s.add(r)
            s.flush()
            roads.append({"id": r.id, "zone_id": zone.id, "chief_id": chief.id, "coords": coords})
        categories = [
            (c.code, c.department_id)
            for c in s.exec(text(CATEGORY_SQL))  # type: ignore[call-overload]
        ]
        return {
            "area_id": area.id,
            "roads": roads,
            "categories": categories,
            "reporter_id": reporter.id,
            "supervisor": supervisor.username,
            "desks": {d: None for d in departments},
        }


# ---------------------------------------------------------------- synthetic tickets


def generate(n: int, town: dict[str, Any], now: dt.datetime, seed: int = 7):
    """Yield (ticket row tuple in TICKET_COLS order, [event row tuples]); events only for the
    last three weeks. Most tickets are closed; the recent ones are often still open."""
    rng = random.Random(seed)
    rand, uniform, choice = rng.random, rng.uniform, rng.choice
    roads, categories = town["roads"], town["categories"]
    area, reporter = town["area_id"], town["reporter_id"]
    now = now.replace(tzinfo=None)  # naive UTC, the way the tables store it
    recent = now - dt.timedelta(days=21)
    year = 365 * 86400.0
    spans = [dt.timedelta(hours=h) for h in (4, 24, 48, 72)]
    open_states = ("assigned", "assigned", "rectified", "pending")
    td, jitter = dt.timedelta, 0.00025  # about 25 m off the centre line

    def ts(moment: dt.datetime | None) -> str | None:
        return None if moment is None else moment.isoformat(" ", "microseconds")

    event_id = 0
    for i in range(1, n + 1):
        road = choice(roads)
        (x1, y1), (x2, y2) = road["coords"]
        f = rand()
        lon = x1 + (x2 - x1) * f + uniform(-jitter, jitter)
        lat = y1 + (y2 - y1) * f + uniform(-jitter, jitter)
        code, lead_dept = choice(categories)
        age = rand() * year
        received = now - td(seconds=age)
        assigned = received + td(seconds=1 + rand() * 600)
        due = assigned + choice(spans)
        roll = rand()
        if roll < 0.04:
            status = "dismissed"
        elif (age < 10 * 86400 and roll < 0.5) or roll < 0.045:
            status = choice(open_states)
        else:
            status = "closed"
        pending = status == "pending"
        rework = 1 if rand() < 0.1 else 0
        rectified = closed = in_time = None
        if status in ("rectified", "closed"):
            rectified = min(assigned + (due - assigned) * uniform(0.2, 1.4), now - td(minutes=5))
        if status == "closed":
            closed = min(rectified + td(hours=uniform(0.5, 8)), now)  # type: ignore[operator]
            in_time = rectified <= due  # type: ignore[operator]
        received_s = ts(received)
        yield (
            i, f"B{i:011d}", code, "", lat, lon, 8.0, area,
            None if pending else road["zone_id"], None if pending else road["id"], "[]",
            None if pending else road["chief_id"],
            lead_dept if not pending and rand() < 0.3 else None, lead_dept, status, reporter,
            received_s, received_s, ts(closed or rectified or assigned),
            None if pending else ts(assigned), None if pending else ts(due), ts(rectified), None,
            ts(closed), in_time, rework, 0, None, None, "{}", f"bench-{i}", "bench",
        ), _events(i, status, received, assigned, rectified, closed, rework, recent, ts,
                   event_id) if (closed or rectified or received) >= recent else []  # fmt: skip
        event_id += 6  # room for every event of one ticket; ids need not be dense


def _events(ticket_id, status, received, assigned, rectified, closed, rework, recent, ts, base):  # type: ignore[no-untyped-def]
    steps = [("report", None, status if status == "pending" else "assigned", received)]
    if rectified is not None:
        if rework:
            first = assigned + (rectified - assigned) / 2
            rejected = first + dt.timedelta(hours=1)
            steps += [("rectify", "assigned", "rectified", first),
                      ("reject", "rectified", "assigned", rejected)]  # fmt: skip
        steps.append(("rectify", "assigned", "rectified", rectified))
    if closed is not None:
        steps.append(("verify", "rectified", "closed", closed))
    return [
        (base + k + 1, ticket_id, None, action, src, dst, "", "{}", ts(at), None, "0" * 64,
         f"{base + k + 1:064x}")
        for k, (action, src, dst, at) in enumerate(steps)
    ]  # fmt: skip


def load(url: str, n: int, town: dict[str, Any], now: dt.datetime) -> tuple[int, int]:
    """Bulk-load tickets and their recent events; returns (tickets, events).

    The map's cell counts are set up afterwards in one pass (as a migration would on an
    existing database) rather than by a million trigger calls.
    """
    engine = make_engine(url)
    dialect = engine.dialect.name
    with engine.begin() as conn:
        for statement in cells.drop_ddl(dialect):
            conn.execute(text(statement))
    events: list[tuple[Any, ...]] = []
    if dialect == "sqlite":
        db = sqlite3.connect(url.split("///", 1)[1])
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-400000")
        # Indexes are rebuilt after the load: sorting once beats a million B-tree inserts.
        indexes = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('tickets', 'events')"
        ).fetchall()
        for name, _sql in indexes:
            db.execute(f'DROP INDEX "{name}"')
        marks = ",".join("?" * len(TICKET_COLS))
        t_sql = f"INSERT INTO tickets ({','.join(TICKET_COLS)}) VALUES ({marks})"
        marks = ",".join("?" * len(EVENT_COLS))
        e_sql = f"INSERT INTO events ({','.join(EVENT_COLS)}) VALUES ({marks})"
        batch: list[tuple[Any, ...]] = []
        for row, evs in generate(n, town, now):
            batch.append(row)
            events.extend(evs)
            if len(batch) >= 50_000:
                db.executemany(t_sql, batch)
                batch.clear()
        db.executemany(t_sql, batch)
        db.executemany(e_sql, events)
        for _name, sql in indexes:
            db.execute(sql)
        db.commit()
        db.close()
    else:
        import psycopg

        dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn) as db, db.cursor() as cur:
            with cur.copy(f"COPY tickets ({','.join(TICKET_COLS)}) FROM STDIN") as copy:
                for row, evs in generate(n, town, now):
                    copy.write_row(row)
                    events.extend(evs)
            with cur.copy(f"COPY events ({','.join(EVENT_COLS)}) FROM STDIN") as copy:
                for e in events:
                    copy.write_row(e)
            for table in ("tickets", "events"):
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
    with engine.begin() as conn:
        for statement in cells.ddl(dialect):
            conn.execute(text(statement))
        # The bulletin's indexes (app.stats.models), as the migrations create them.
        for sql in BULLETIN_INDEXES:
            conn.execute(text(sql))
    if dialect == "sqlite":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # The visibility map lets the open-ticket index answer without the table.
            conn.execute(text("VACUUM ANALYZE tickets"))
            conn.execute(text("VACUUM ANALYZE events"))
            conn.execute(text("VACUUM ANALYZE map_cells"))
    engine.dispose()
    return n, len(events)


# ---------------------------------------------------------------- measurements


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def town_view() -> tuple[tuple[float, float, float, float], int]:
    bbox = (LON0 - HALF * 1.1, LAT0 - HALF * 1.1, LON0 + HALF * 1.1, LAT0 + HALF * 1.1)
    # The zoom at which the whole town fits a SCREEN_PX-wide map.
    zoom = int(math.floor(math.log2(360 * SCREEN_PX / 256 / (bbox[2] - bbox[0]))))
    return bbox, zoom


def raw_grouping_ms(engine: Engine, bbox: tuple[float, ...], zoom: int) -> list[float]:
    """The plain SQL a hand-written map would run: count per grid cell in the bbox."""
    from app.console.service import Grid

    grid = Grid.for_zoom(zoom)
    fl = "FLOOR" if engine.dialect.name == "postgresql" else "CAST"
    if fl == "FLOOR":
        cx, cy = "FLOOR((lon + 180.0) / :gx)", "FLOOR((lat + 90.0) / :gy)"
    else:
        cx, cy = "CAST((lon + 180.0) / :gx AS INTEGER)", "CAST((lat + 90.0) / :gy AS INTEGER)"
    sql = text(
        f"SELECT {cx} AS cx, {cy} AS cy, count(*), avg(lon), avg(lat) FROM tickets "
        "WHERE lon BETWEEN :x0 AND :x1 AND lat BETWEEN :y0 AND :y1 GROUP BY cx, cy"
    )
    params = {"gx": grid.step, "gy": grid.step, "x0": bbox[0], "y0": bbox[1],
              "x1": bbox[2], "y1": bbox[3]}  # fmt: skip
    times = []
    with engine.connect() as conn:
        conn.execute(sql, params).all()  # warm
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            conn.execute(sql, params).all()
            times.append((time.perf_counter() - t0) * 1000)
    return times


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "ROADCHIEF_DATABASE_URL": url,
        "ROADCHIEF_STORAGE_URL": f"file://{workdir / 'photos'}",
        "ROADCHIEF_VAR_DIR": str(workdir),
        "ROADCHIEF_SWEEP_INTERVAL_S": "0",
        "ROADCHIEF_ENVIRONMENT": "development",
    }
    log = open(workdir / f"server-{port}.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
         "--backlog", "2048", "--timeout-keep-alive", "60"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not start; see {log.name}")


def token(base: str, username: str) -> str:
    r = httpx.post(base + "/api/auth/token", data={"username": username, "password": PASSWORD})
    r.raise_for_status()
    return r.json()["access_token"]


def http_ms(client: httpx.Client, path: str, params: dict[str, Any], rounds: int) -> list[float]:
    client.get(path, params=params).raise_for_status()  # warm
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        r = client.get(path, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return times


async def sse_delays(
    bases: list[str], bearer: str, n_clients: int, ticket_ids: list[int]
) -> tuple[list[float], int]:
    """Open n SSE clients spread over the servers; change tickets through the first server;
    return the delay (ms) from each change request to its frame at every client."""
    headers = {"Authorization": f"Bearer {bearer}"}
    limits = httpx.Limits(max_connections=n_clients + 10, max_keepalive_connections=n_clients + 10)
    timeout = httpx.Timeout(60.0, read=None)
    arrivals: dict[int, list[float]] = {t: [] for t in ticket_ids}
    ready = 0
    all_ready = asyncio.Event()

    async def listen(client: httpx.AsyncClient, base: str) -> None:
        nonlocal ready
        try:
            async with client.stream("GET", base + "/api/stream", headers=headers) as r:
                r.raise_for_status()
                buf = b""
                async for chunk in r.aiter_bytes():
                    buf += chunk
                    while b"\n\n" in buf:
                        msg, buf = buf.split(b"\n\n", 1)
                        if b"event: ready" in msg:
                            ready += 1
                            if ready == n_clients:
                                all_ready.set()
                        elif b"event: ticket" in msg:
                            data = json.loads(msg.split(b"data: ", 1)[1])
                            tid = data["ticket"]["id"]
                            if tid in arrivals:
                                arrivals[tid].append(time.perf_counter())
        except httpx.HTTPError:
            return  # the servers stop at the end of the run

    clients = [httpx.AsyncClient(limits=limits, timeout=timeout) for _ in bases]
    tasks = []
    # Maps open over a few seconds, as a command centre's screens would, not in one burst.
    for i in range(n_clients):
        tasks.append(asyncio.create_task(listen(clients[i % len(bases)], bases[i % len(bases)])))
        if i % 25 == 24:
            await asyncio.sleep(0.1)
    await asyncio.wait_for(all_ready.wait(), 120)
    sent: dict[int, float] = {}
    async with httpx.AsyncClient(timeout=30, headers=headers) as actor:
        for tid in ticket_ids:
            t0 = time.perf_counter()
            url = f"{bases[0]}/api/tickets/{tid}/escalate"
            r = await actor.post(url, json={"note": "基准督办"})
            r.raise_for_status()
            sent[tid] = t0
            deadline = time.perf_counter() + 10
            while len(arrivals[tid]) < n_clients and time.perf_counter() < deadline:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.2)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for c in clients:
        await c.aclose()
    delays = [(at - sent[tid]) * 1000 for tid, ats in arrivals.items() for at in ats]
    missing = len(ticket_ids) * n_clients - len(delays)
    return delays, missing


# ---------------------------------------------------------------- the run


def last_complete_week(now: dt.datetime) -> str:
    year, week, _ = (now.date() - dt.timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def run_backend(backend: str, n: int, n_clients: int, keep: bool) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"rc-bench-{backend}-"))
    (workdir / "photos").mkdir()
    print(f"\n== {backend}: {n:,} tickets ({workdir})", flush=True)
    url = create_database(backend, workdir)
    engine = make_engine(url)
    servers: list[subprocess.Popen[bytes]] = []
    try:
        town = build_town(engine)
        now = dt.datetime.now(dt.UTC)
        t0 = time.perf_counter()
        n_tickets, n_events = load(url, n, town, now)
        print(f"loaded {n_tickets:,} tickets and {n_events:,} events "
              f"in {time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip

        bbox, zoom = town_view()
        raw = raw_grouping_ms(engine, bbox, zoom)
        proc, base = start_server(url, workdir)
        servers.append(proc)
        bearer = token(base, town["supervisor"])
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {bearer}"},
                          timeout=60) as client:  # fmt: skip
            params = {"bbox": ",".join(f"{v:.6f}" for v in bbox), "zoom": zoom}
            api = http_ms(client, "/api/map/clusters", params, ROUNDS)
            body = client.get("/api/map/clusters", params=params).json()
            week = last_complete_week(now)
            bulletin = http_ms(client, "/api/bulletin", {"week": week}, 5)
        result: dict[str, Any] = {
            "backend": backend,
            "tickets": n_tickets,
            "zoom": zoom,
            "cells": len(body["clusters"]),
            "cluster_p50": percentile(api, 0.5),
            "cluster_p95": percentile(api, 0.95),
            "raw_p50": percentile(raw, 0.5),
            "raw_p95": percentile(raw, 0.95),
            "bulletin_week": week,
            "bulletin_p50": percentile(bulletin, 0.5),
        }
        result["ratio"] = result["cluster_p50"] / result["raw_p50"]
        print(f"clusters at zoom {zoom} ({result['cells']} cells): "
              f"p50 {result['cluster_p50']:.1f} ms, p95 {result['cluster_p95']:.1f} ms | raw SQL "
              f"p50 {result['raw_p50']:.1f} ms, p95 {result['raw_p95']:.1f} ms | "
              f"ratio {result['ratio']:.2f}", flush=True)  # fmt: skip
        print(f"bulletin {week}: p50 {result['bulletin_p50']:.0f} ms", flush=True)

        if n_clients:
            bases = [base]
            if backend == "postgresql":
                proc2, base2 = start_server(url, workdir)
                servers.append(proc2)
                bases.append(base2)
            with engine.connect() as conn:
                ids = list(conn.execute(text(
                    "SELECT id FROM tickets WHERE status = 'assigned' ORDER BY id LIMIT 10"
                )).scalars())  # fmt: skip
            delays, missing = asyncio.run(sse_delays(bases, bearer, n_clients, ids))
            result.update(
                sse_clients=n_clients,
                sse_servers=len(bases),
                sse_p50=percentile(delays, 0.5),
                sse_p95=percentile(delays, 0.95),
                sse_missing=missing,
            )
            print(f"SSE to {n_clients} clients on {len(bases)} server(s), {len(ids)} changes: "
                  f"p50 {result['sse_p50']:.0f} ms, p95 {result['sse_p95']:.0f} ms, "
                  f"missing {missing}", flush=True)  # fmt: skip
        return result
    finally:
        for proc in servers:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        engine.dispose()
        if not keep:
            drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--backend", default="sqlite,postgresql")
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    args = parser.parse_args()
    results = [
        run_backend(b.strip(), args.tickets, args.clients, args.keep)
        for b in args.backend.split(",")
    ]
    print("\n| backend | tickets | cluster p50 / p95 (ms) | raw SQL p50 (ms) | ratio "
          "| bulletin (ms) | SSE p95 (ms), clients |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for r in results:
        sse = f"{r['sse_p95']:.0f}, {r['sse_clients']}" if "sse_p95" in r else "—"
        print(f"| {r['backend']} | {r['tickets']:,} | {r['cluster_p50']:.0f} / "
              f"{r['cluster_p95']:.0f} | {r['raw_p50']:.0f} | {r['ratio']:.2f} "
              f"| {r['bulletin_p50']:.0f} | {sse} |")  # fmt: skip


if __name__ == "__main__":
    main()
