"""Burst benchmark: 12 MP reports against a real `roadchief serve`, as a ratio of the ideal.

    .venv/bin/python bench/burst.py [--db sqlite|postgresql|both] [--serial 8] [--per-client 3]

For each database (SQLite with one process; PostgreSQL with `--workers 2`):

1. **Baseline, same run:** reports sent one at a time; the server's CPU time (every process
   and thread of it, from /proc) divided by their number is *one report's CPU time*. The
   ideal throughput is cores ÷ that.
2. **Throughput** at 4, 16 and 100 concurrent clients (closed loop: each client sends its next
   report when the last is answered), as reports/s and as a ratio of the ideal.
3. **p95 latency** of 100 reports sent at once, against 2 × (100 × one report's CPU ÷ cores).

Then photo work alone (decode + copies of one 12 MP photo) on 1 thread, 2 threads and
2 processes, to show whether a process pool would pay. The client runs on the same machine
(its CPU counts against the server's), and the machine may be shared: `uptime` is printed
beside the figures.
"""

import argparse
import asyncio
import concurrent.futures
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.load.harness import (  # noqa: E402
    LiveServer,
    Outcome,
    p95,
    phone_photo,
    report_fields,
    setup_database,
    variant,
)

CORES = os.cpu_count() or 1
PG_ADMIN = os.environ.get(
    "ROADCHIEF_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def server_cpu_seconds(pid: int) -> float:
    """CPU time used so far by every process in the server's process group, all threads."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getpgid(int(proc.name)) != pid:
                continue
            for task in (proc / "task").iterdir():
                total += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total / 1e9


def encoded_reports(
    token: str, photo: bytes, count: int
) -> list[tuple[str, bytes, dict[str, str]]]:
    """Each report's multipart body, built before the clock starts: the phones are other
    machines in a real morning, so the bench client's own encoding must not eat the cores
    the server is measured on (it took about a quarter of one)."""
    out = []
    for n in range(count):
        key = str(uuid.uuid4())
        request = httpx.Request(
            "POST",
            "http://bench/api/tickets",
            data=report_fields(n),
            files=[("photo", (f"IMG_{n:04d}.jpg", variant(photo, n), "image/jpeg"))],
        )
        headers = {
            "Content-Type": request.headers["Content-Type"],
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": key,
        }
        out.append((key, request.read(), headers))
    return out


async def closed_loop(
    url: str, token: str, photo: bytes, clients: int, per_client: int
) -> tuple[float, list[Outcome], float]:
    """`clients` phones, each sending `per_client` reports one after another.

    Returns the wall time, the outcomes and the CPU seconds the client itself used.
    """
    reports = iter(encoded_reports(token, photo, clients * per_client))
    limits = httpx.Limits(max_connections=clients + 10, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits) as client:

        async def send(key: str, body: bytes, headers: dict[str, str]) -> Outcome:
            started = time.monotonic()
            try:
                r = await client.post("/api/tickets", content=body, headers=headers, timeout=300)
            except httpx.HTTPError as exc:
                return Outcome(key, None, time.monotonic() - started, error=repr(exc))
            return Outcome(
                key,
                r.status_code,
                time.monotonic() - started,
                ticket_id=r.json().get("id") if r.is_success else None,
                error="" if r.is_success else r.text[:200],
            )

        async def phone() -> list[Outcome]:
            return [await send(*next(reports)) for _ in range(per_client)]

        cpu = time.process_time()
        started = time.monotonic()
        results = await asyncio.gather(*(phone() for _ in range(clients)))
        wall = time.monotonic() - started
        return wall, [o for r in results for o in r], time.process_time() - cpu


def database(kind: str, tmp: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp / 'bench.db'}"
    from sqlalchemy import create_engine, text

    name = "roadchief_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop(url: str) -> None:
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
        admin.dispose()


def bench_database(kind: str, photo: bytes, serial: int, per_client: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="rc-burst-") as tmp_name:
        tmp = Path(tmp_name)
        url = database(kind, tmp)
        setup_database(url)
        server = LiveServer(url, tmp, workers=2 if kind == "postgresql" else 1)
        server.start()
        try:
            assert server.process is not None
            pgid = server.process.pid
            token = server.token()
            # Warm up (imports, caches, first connections), then the serial baseline.
            asyncio.run(closed_loop(server.url, token, photo, 1, 2))
            cpu0 = server_cpu_seconds(pgid)
            wall, outcomes, _ = asyncio.run(closed_loop(server.url, token, photo, 1, serial))
            cpu = (server_cpu_seconds(pgid) - cpu0) / serial
            assert all(o.status == 201 for o in outcomes), outcomes
            ideal = CORES / cpu
            result: dict[str, object] = {
                "db": kind,
                "cpu_per_report_s": cpu,
                "serial_latency_s": statistics.median(o.seconds for o in outcomes),
                "ideal_per_s": ideal,
            }
            for clients in (4, 16, 100):
                rounds = 1 if clients == 100 else per_client
                cpu0 = server_cpu_seconds(pgid)
                wall, outcomes, client_cpu = asyncio.run(
                    closed_loop(server.url, token, photo, clients, rounds)
                )
                used = server_cpu_seconds(pgid) - cpu0
                bad = [o for o in outcomes if o.status != 201]
                rate = len(outcomes) / wall
                result[f"c{clients}"] = {
                    "reports": len(outcomes),
                    "per_s": rate,
                    "ratio": rate / ideal,
                    "p95_s": p95([o.seconds for o in outcomes]),
                    "failed": len(bad),
                    # Where a shortfall comes from: more CPU per report than alone (contention)
                    # or cores left idle (the server got less than all of them).
                    "cpu_per_report_s": used / len(outcomes),
                    "busy_cores": used / wall,
                    "client_cores": client_cpu / wall,
                    "statuses": sorted({o.status or 0 for o in bad}),
                }
            result["p95_bound_s"] = 2 * (100 * cpu / CORES)
            return result
        finally:
            server.stop()
            drop(url)


def _photo_work(data: bytes) -> int:
    from app.photos import imaging

    d = imaging.decode(data, max_pixels=64_000_000)
    display = imaging.encode_jpeg(imaging.watermark(d.upright, ["No. 1", "t", "p"]), 82)
    return len(display) + len(imaging.encode_jpeg(d.thumb, 75))


def pool_comparison(photo: bytes, jobs: int = 12) -> dict[str, float]:
    """Photos per second: one thread, CORES threads, CORES processes (bytes pickled across)."""
    datas = [variant(photo, i) for i in range(jobs)]
    out = {}
    for name, factory in (
        ("1 thread", lambda: concurrent.futures.ThreadPoolExecutor(1)),
        (f"{CORES} threads", lambda: concurrent.futures.ThreadPoolExecutor(CORES)),
        # spawn: a forked child would inherit the imaging module's thread pools without their
        # threads, and wait for them forever.
        (
            f"{CORES} processes",
            lambda: concurrent.futures.ProcessPoolExecutor(
                CORES, mp_context=multiprocessing.get_context("spawn")
            ),
        ),
    ):
        with factory() as pool:
            list(pool.map(_photo_work, datas[:CORES]))  # warm-up (process start, imports)
            started = time.monotonic()
            list(pool.map(_photo_work, datas))
            out[name] = jobs / (time.monotonic() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--serial", type=int, default=8, help="reports in the baseline")
    parser.add_argument("--pools", action="store_true", help="also threads vs processes")
    parser.add_argument("--per-client", type=int, default=3, help="reports per client (4, 16)")
    args = parser.parse_args()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"{CORES} cores; load before: {uptime}")
    photo = phone_photo(seed=3)
    print(f"photo: 4000x3000 JPEG, {len(photo) / 1e6:.1f} MB")
    pools = pool_comparison(photo) if args.pools else {}
    print(
        "photo work alone (decode + copies):", ", ".join(f"{k} {v:.1f}/s" for k, v in pools.items())
    )
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    for kind in kinds:
        r = bench_database(kind, photo, args.serial, args.per_client)
        print(
            f"\n{kind}: one report {r['cpu_per_report_s']:.3f} s CPU "
            f"(serial latency {r['serial_latency_s']:.3f} s); ideal {r['ideal_per_s']:.2f}/s"
        )
        for clients in (4, 16, 100):
            c = r[f"c{clients}"]
            assert isinstance(c, dict)
            print(
                f"  {clients:>3} clients: {c['reports']:>3} reports, {c['per_s']:.2f}/s, "
                f"ratio {c['ratio']:.2f}, p95 {c['p95_s']:.1f} s, failed {c['failed']} "
                f"{c['statuses'] or ''}; server {c['cpu_per_report_s']:.3f} s CPU a report, "
                f"{c['busy_cores']:.2f} of {CORES} cores busy (client {c['client_cores']:.2f})"
            )
        print(f"  p95 bound at 100: {r['p95_bound_s']:.1f} s")
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"\nload after: {uptime}")


if __name__ == "__main__":
    main()
