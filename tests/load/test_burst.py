"""A morning's burst against a real `roadchief serve`: no 5xx, no timeout, one ticket per key."""

import concurrent.futures
import time
import uuid
from collections import Counter

import httpx
import pytest
from sqlalchemy import bindparam, text

from app.core.db import make_engine
from tests.load.harness import VICTIM, Burst, LiveServer, fire, p95

pytestmark = pytest.mark.xdist_group("load")


def tickets_by_key(database_url: str, keys: list[str]) -> dict[str, list[int]]:
    """Every ticket filed under each key, read straight from the database."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT idempotency_key, id FROM tickets WHERE idempotency_key IN :keys"
                ).bindparams(bindparam("keys", expanding=True)),
                {"keys": keys},
            ).all()
    finally:
        engine.dispose()
    found: dict[str, list[int]] = {}
    for key, ticket_id in rows:
        found.setdefault(key, []).append(ticket_id)
    return found


def check_burst(live: LiveServer, photo: bytes, count: int) -> None:
    burst = Burst.make(photo, count, resend_fraction=0.1, seed=count)
    started = time.monotonic()
    outcomes = fire(live.url, live.token(), burst, timeout=120)
    took = time.monotonic() - started
    statuses = Counter(o.status for o in outcomes)
    summary = f"{statuses} in {took:.1f} s, p95 {p95([o.seconds for o in outcomes]):.1f} s"
    assert all(o.status in (200, 201) for o in outcomes), (
        summary + "\n" + "\n".join(f"{o.status}: {o.error}" for o in outcomes if o.error)[:3000]
    )
    found = tickets_by_key(live.database_url, burst.keys)
    assert sorted(found) == sorted(burst.keys), summary
    assert all(len(ids) == 1 for ids in found.values()), summary
    # Every answer, the re-sends' included, names the key's one ticket.
    assert all(o.ticket_id == found[o.key][0] for o in outcomes), summary
    assert statuses[201] == count, summary
    print(summary)


def test_a_burst_of_reports_all_land_once(live: LiveServer, photo_12mp: bytes) -> None:
    check_burst(live, photo_12mp, 20)


@pytest.mark.slow
def test_a_morning_burst_of_100_reports_all_land_once(live: LiveServer, photo_12mp: bytes) -> None:
    check_burst(live, photo_12mp, 100)


def test_parallel_wrong_passwords_get_exactly_the_allowed_tries(live: LiveServer) -> None:
    def attempt(_: int) -> int:
        r = httpx.post(
            f"{live.url}/api/auth/token",
            data={"username": VICTIM, "password": f"wrong-{uuid.uuid4()}"},
            timeout=60,
        )
        return r.status_code

    with concurrent.futures.ThreadPoolExecutor(60) as pool:
        statuses = Counter(pool.map(attempt, range(60)))
    assert statuses == {401: 5, 429: 55}
