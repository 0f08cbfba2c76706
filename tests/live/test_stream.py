"""The live map's stream: a committed change reaches open maps within a second, resumably."""

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.factories import report
from tests.live.conftest import Stream, World


@pytest.fixture(scope="module")
def server(world: World) -> str:
    return world.start_server()


@pytest.fixture(scope="module")
def tokens(world: World, server: str) -> dict[str, dict[str, str]]:
    town = world.town
    return {
        name: {"Authorization": f"Bearer {world.token(server, user.username)}"}
        for name, user in (("sup", town.supervisor), ("inspector", town.inspector))
    }


@pytest.fixture
def api(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=10) as client:
        yield client


def bearer(headers: dict[str, str]) -> str:
    return headers["Authorization"].split()[1]


def test_a_new_and_a_changed_ticket_reach_the_map(server, tokens, api):
    stream = Stream(server, bearer(tokens["sup"]))
    try:
        head = int(stream.next("ready")["id"])
        started = time.monotonic()
        r = report(api, tokens["inspector"], description="牛皮癣")
        assert r.status_code == 201, r.text
        ticket = r.json()
        frame = stream.next()
        assert time.monotonic() - started < 2.0
        assert int(frame["id"]) > head
        assert frame["data"]["event"]["action"] == "report"
        live = frame["data"]["ticket"]
        assert (live["id"], live["number"], live["status"]) == (
            ticket["id"], ticket["number"], "assigned",
        )  # fmt: skip
        assert live["road"]["name"] == "人民路" and live["assignee"]["name"] == "王主任"
        assert live["light"] == "green" and abs(live["lat"] - ticket["lat"]) < 1e-9

        r = api.post(f"/api/tickets/{ticket['id']}/escalate", json={"note": "督办"},
                     headers=tokens["sup"])  # fmt: skip
        assert r.status_code == 200, r.text
        frame = stream.next()
        assert frame["data"]["event"]["action"] == "escalate"
        assert frame["data"]["ticket"]["escalation_level"] == 1
    finally:
        stream.close()


def test_resume_from_last_event_id(server, tokens, api):
    first = Stream(server, bearer(tokens["sup"]))
    head = int(first.next("ready")["id"])
    first.close()
    # Two tickets filed while the map was disconnected.
    numbers = [report(api, tokens["inspector"], seed=i).json()["number"] for i in (1, 2)]
    again = Stream(server, bearer(tokens["sup"]), last_event_id=head)
    try:
        frames = [again.next(), again.next()]
        assert [f["data"]["ticket"]["number"] for f in frames] == numbers
        ids = [int(f["id"]) for f in frames]
        assert head < ids[0] < ids[1]
        # And it carries on live after the replay.
        third = report(api, tokens["inspector"], seed=3).json()
        assert again.next()["data"]["ticket"]["id"] == third["id"]
    finally:
        again.close()


def test_only_the_command_centre_may_listen(server, tokens):
    stream = Stream(server, bearer(tokens["inspector"]))
    stream.close()
    assert stream.status == 403
    r = httpx.get(server + "/api/stream", timeout=5)
    assert r.status_code == 401


def test_a_change_through_one_process_reaches_a_client_of_another(world, server, tokens, api):
    """Several app processes on PostgreSQL: fan-out goes through LISTEN/NOTIFY."""
    if world.url.startswith("sqlite"):
        pytest.skip("SQLite deployments run one process")
    other = world.start_server()
    stream = Stream(other, bearer(tokens["sup"]))
    try:
        stream.next("ready")
        started = time.monotonic()
        r = report(api, tokens["inspector"], seed=9)  # through the first process
        assert r.status_code == 201, r.text
        frame = stream.next()
        assert time.monotonic() - started < 2.0
        assert frame["data"]["ticket"]["id"] == r.json()["id"]
    finally:
        stream.close()


def test_the_stream_is_never_compressed_and_each_event_comes_at_once(server, tokens, api):
    """A phone or a big screen asks for gzip and br on every request: the stream must not wait
    to fill a compression block, and JSON beside it still comes compressed."""
    assert "gzip" in api.headers["accept-encoding"] and "br" in api.headers["accept-encoding"]
    headers = {**tokens["sup"], "Accept-Encoding": "gzip, deflate, br"}
    with (
        httpx.Client(base_url=server, timeout=httpx.Timeout(10, read=5)) as raw,
        raw.stream("GET", "/api/stream", headers=headers) as r,
    ):
        assert r.headers["content-type"].startswith("text/event-stream")
        assert "content-encoding" not in r.headers
        lines = r.iter_lines()
        assert any(line.startswith("event: ready") for line in lines)
        started = time.monotonic()
        report(api, tokens["inspector"], seed=7)
        assert any(line.startswith("event: ticket") for line in lines)
        assert time.monotonic() - started < 2.0
    listed = api.get("/api/tickets", headers=headers)
    assert listed.status_code == 200 and listed.headers["content-encoding"] == "gzip"
    assert listed.json()["count"] >= 1
