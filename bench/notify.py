"""Notification benchmark: drain 10 000 queued notifications through the dispatcher to a fake
receiver with two processes, while ticket POSTs go on; ratios from the same run.

    .venv/bin/python bench/notify.py                         # PostgreSQL, 10 000 notifications
    .venv/bin/python bench/notify.py --backend sqlite --notifications 2000

It builds a fresh database (migrations + reference data + a test town), starts a fake webhook
receiver in a process of its own (it counts requests; the signatures are checked by the tests)
and one real `roadchief serve` with its dispatcher off, so that the server only takes ticket
POSTs. Then:

1. baseline: P ticket POSTs (multipart with a small JPEG, Idempotency-Key), latency p50 / p95;
2. it bulk-queues N webhook notifications and starts two dispatcher processes
   (`roadchief notify drain`, the same code every server runs) and, while they drain, makes
   the same P ticket POSTs again;
3. it prints the drain rate (notifications / s, from the first claim to the last sent row)
   and the ticket POST slow-down as the ratio of the two p50s (and p95s).

Targets (issue 12): ≥ 500 notifications / s with 2 processes; ticket POSTs slowed ≤ 10 %.
"""

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.db import make_engine, session_scope  # noqa: E402
from app.core.timeutil import utcnow  # noqa: E402
from app.notify.models import Notification  # noqa: E402
from app.notify.service import add_channel  # noqa: E402
from tests.conftest import create_database, drop_database  # noqa: E402
from tests.e2e.conftest import _free_port  # noqa: E402
from tests.factories import LAT0, LON0, PASSWORD, create_town, jpeg_bytes  # noqa: E402
from tests.notify.fakes import FakeReceiver  # noqa: E402

CLI = str(Path(sys.executable).parent / "roadchief")


def receiver_process(port_out: Any, stop: Any, nice: int) -> None:
    # The receiver stands in for a county system or a robot platform on another machine: at
    # the lowest priority it takes only the CPU the server leaves (--receiver-nice 0 to not).
    os.nice(nice)
    fake = FakeReceiver(count_only=True).start()
    port_out.put(fake.url)
    stop.wait()
    port_out.put(str(fake.count))
    fake.stop()


def env_for(url: str, var: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ROADCHIEF_DATABASE_URL": url,
        "ROADCHIEF_VAR_DIR": str(var),
        "ROADCHIEF_STORAGE_URL": f"file://{var / 'photos'}",
        "ROADCHIEF_ENVIRONMENT": "development",
        "ROADCHIEF_SWEEP_INTERVAL_S": "0",
        "ROADCHIEF_NOTIFY_SCAN_INTERVAL_S": "0",
        "ROADCHIEF_OUTBOUND_ALLOW": "127.0.0.1",  # the fake receiver
        **extra,
    }


def post_tickets(url: str, token: str, n: int) -> list[float]:
    """n sequential ticket POSTs; their latencies in seconds."""
    photo = jpeg_bytes(5)
    times = []
    with httpx.Client(timeout=60) as client:
        for i in range(n):
            started = time.perf_counter()
            r = client.post(
                f"{url}/api/tickets",
                data={
                    "category": "0201",
                    "lat": str(LAT0 + 0.0001),
                    "lon": str(LON0 - 0.002 + i * 1e-6),
                },
                files=[("photo", ("a.jpg", photo, "image/jpeg"))],
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
            )
            assert r.status_code == 201, r.text
            times.append(time.perf_counter() - started)
    return times


def pct(values: list[float], p: float) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * p))]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    ap.add_argument("--notifications", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=80)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--receiver-nice", type=int, default=19)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="rc-bench-notify-"))
    url = create_database(args.backend, tmp)
    engine = make_engine(url)
    stop = multiprocessing.Event()
    out: multiprocessing.Queue[str] = multiprocessing.Queue()
    rx = multiprocessing.Process(
        target=receiver_process, args=(out, stop, args.receiver_nice), daemon=True
    )
    rx.start()
    receiver_url = out.get(timeout=30)
    server = None
    try:
        with session_scope(engine) as s:
            town = create_town(s)
            channel = add_channel(
                s, "webhook", "bench", f"{receiver_url}/webhook/bench", "bench-secret"
            )
            inspector, channel_id = town.inspector.username, channel.id

        port = _free_port()
        server = subprocess.Popen(
            [CLI, "serve", "--port", str(port)],
            env=env_for(url, tmp, ROADCHIEF_NOTIFY_DISPATCH_INTERVAL_S="0"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/config", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        token = httpx.post(
            f"{base}/api/auth/token", data={"username": inspector, "password": PASSWORD}
        ).json()["access_token"]
        post_tickets(base, token, 5)  # warm-up
        baseline = post_tickets(base, token, args.posts)

        now = utcnow()
        payload = {
            "title": "bench",
            "occurred_at": now.isoformat(),
            "url": "http://x/tickets/1",
            "ticket": {"id": 1, "number": "bench", "status": "assigned",
                       "category": {"code": "0201"}, "road": None, "assignee": None,
                       "deadline_at": None, "url": "http://x/tickets/1"},
        }  # fmt: skip
        rows = [
            {"message_id": str(uuid.uuid4()), "event": "ticket.assigned", "channel_id": channel_id,
             "kind": "webhook", "recipients": ["bench"], "payload": payload, "status": "queued",
             "attempts": 0, "next_attempt_at": now, "last_error": "", "created_at": now}
            for _ in range(args.notifications)
        ]  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(Notification), rows)
        queued = args.notifications + len(baseline) + 5

        load_before = os.getloadavg()
        started = time.perf_counter()
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        drainers = [
            subprocess.Popen(
                [CLI, "notify", "drain"],
                env=env_for(url, tmp),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(args.processes)
        ]
        during = post_tickets(base, token, args.posts)
        for d in drainers:
            d.wait(600)
        # The machine is shared: the baseline is taken before and after the drain (A-B-A), and
        # the slow-down compares the drain with both.
        after = post_tickets(base, token, args.posts)
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        dispatcher_cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (
            cpu_before.ru_utime + cpu_before.ru_stime
        )
        with engine.connect() as conn:
            first, last, sent, total = conn.execute(
                text(
                    "SELECT min(a.at), max(a.at), count(*) FILTER (WHERE a.ok), count(*) "
                    "FROM notification_attempts a"
                )
                if args.backend == "postgresql"
                else text(
                    "SELECT min(a.at), max(a.at), sum(a.ok), count(*) FROM notification_attempts a"
                )
            ).one()
            failures = conn.execute(
                text(
                    "SELECT substr(detail, 1, 60) AS d, count(*) FROM notification_attempts "
                    "WHERE NOT ok GROUP BY d ORDER BY 2 DESC LIMIT 5"
                )
            ).all()
        wall = time.perf_counter() - started
    finally:
        if server is not None:
            server.terminate()
            server.wait(20)
        stop.set()
        received = int(out.get(timeout=30))
        rx.join(10)
        engine.dispose()
        drop_database(url)

    from datetime import datetime

    span = (datetime.fromisoformat(str(last)) - datetime.fromisoformat(str(first))).total_seconds()
    rate = sent / span if span else float("inf")
    cpu_per = dispatcher_cpu / max(sent, 1)
    cores = os.cpu_count() or 1
    quiet = baseline + after
    phases = (baseline, during, after)
    p50a, p50b = statistics.median(quiet), statistics.median(during)
    p95a, p95b = pct(quiet, 0.95), pct(during, 0.95)
    result = {
        "backend": args.backend,
        "processes": args.processes,
        "notifications_queued": queued,
        "sent": sent,
        "attempts": total,
        "received_by_fake": received,
        "failed_tries": {d: n for d, n in failures},
        "drain_s": round(span, 2),
        "wall_s": round(wall, 2),
        "rate_per_s": round(rate, 1),
        # The dispatchers' own CPU (claim, render, sign, send, record); PostgreSQL and the fake
        # receiver are extra. Ideal = cores ÷ CPU per notification, as the other benches do.
        "dispatcher_cpu_ms_per_notification": round(cpu_per * 1000, 3),
        "ideal_rate_per_s": round(cores / cpu_per, 1) if cpu_per else None,
        "rate_vs_ideal": round(rate * cpu_per / cores, 3),
        "load_average": os.getloadavg(),
        # [before, during, after] the drain; the slow-down is during ÷ (before and after).
        "ticket_post_p50_ms": [round(statistics.median(x) * 1000, 1) for x in phases],
        "ticket_post_p95_ms": [round(pct(x, 0.95) * 1000, 1) for x in phases],
        "load_average_before": load_before,
        "post_slowdown_p50": round(p50b / p50a, 3),
        "post_slowdown_p95": round(p95b / p95a, 3),
        "target_rate_ok": rate >= 500,
        "target_slowdown_ok": p50b / p50a <= 1.10,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
