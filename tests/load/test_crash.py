"""kill -9 in the middle of a burst, again and again: nothing acknowledged is lost or doubled.

Each round starts the server, replays the previous round's keys (a phone resending after the
crash), fires a new burst and kills the server at a random moment. At the end: every key has
exactly one ticket, every 2xx answer named it, the ledger verifies, and `roadchief fsck` finds
neither an orphaned file nor a missing one — without waiting for its grace period.
"""

import random
import subprocess
import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import BACKENDS, drop_database
from tests.load.conftest import start_server
from tests.load.harness import CLI, SUPERVISOR, Burst, LiveServer, Outcome, fire
from tests.load.test_burst import tickets_by_key

pytestmark = pytest.mark.xdist_group("load")

BURST = 6  # reports per round, all at once, one of them sent twice


@pytest.fixture(params=BACKENDS)
def stopped(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    server, url = start_server(request.param, tmp_path_factory.mktemp(f"crash-{request.param}"))
    try:
        yield server
    finally:
        server.stop()
        drop_database(url)


def crash_loop(server: LiveServer, photo: bytes, rounds: int, seed: int) -> None:
    rnd = random.Random(seed)
    acknowledged: dict[str, int] = {}  # key -> ticket id a 2xx answer named
    all_keys: list[str] = []
    previous: Burst | None = None
    token = ""
    for round_no in range(rounds + 1):
        server.start()
        token = token or server.token()
        if previous is not None:
            # The phones resend what the crash cut off, and what they did not hear back about.
            replayed = fire(server.url, token, previous, timeout=60)
            assert all(o.status in (200, 201) for o in replayed), _explain(replayed)
            _adopt(acknowledged, replayed)
        if round_no == rounds:
            break
        burst = Burst.make(photo, BURST, resend_fraction=1 / BURST, seed=seed + round_no)
        all_keys += burst.keys
        killer = threading.Timer(rnd.uniform(0.05, 2.5), server.kill)
        killer.start()
        outcomes = fire(server.url, token, burst, timeout=60)
        killer.join()
        # Answers that made it out before the kill are promises: 5xx never, 2xx kept.
        assert all(o.status is None or o.status in (200, 201) for o in outcomes), _explain(outcomes)
        _adopt(acknowledged, outcomes)
        previous = burst

    found = tickets_by_key(server.database_url, all_keys)
    assert sorted(found) == sorted(all_keys)
    assert all(len(ids) == 1 for ids in found.values())
    assert all(found[key] == [ticket] for key, ticket in acknowledged.items())

    supervisor = {"Authorization": f"Bearer {server.token(SUPERVISOR)}"}
    ledger = httpx.get(f"{server.url}/api/ledger/verify", headers=supervisor, timeout=60).json()
    assert ledger["ok"], ledger
    server.stop()
    fsck = subprocess.run([CLI, "fsck"], env=server.env, capture_output=True, text=True)
    assert fsck.returncode == 0, fsck.stdout + fsck.stderr
    assert "0 unreferenced file(s)" in fsck.stdout and "0 row(s) whose file is missing" in (
        fsck.stdout
    )


def _adopt(acknowledged: dict[str, int], outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if o.status in (200, 201):
            assert o.ticket_id is not None
            assert acknowledged.setdefault(o.key, o.ticket_id) == o.ticket_id, o.key


def _explain(outcomes: list[Outcome]) -> str:
    return "\n".join(f"{o.key}: {o.status} {o.error}" for o in outcomes)


def test_crash_loop(stopped: LiveServer, photo_12mp: bytes) -> None:
    crash_loop(stopped, photo_12mp, rounds=4, seed=1)


@pytest.mark.slow
def test_crash_loop_20_rounds(stopped: LiveServer, photo_12mp: bytes) -> None:
    crash_loop(stopped, photo_12mp, rounds=20, seed=100)
