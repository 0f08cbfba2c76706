"""A real `roadchief serve` killed between the commit that queues a notification and the end of
its sending: after a restart the message is delivered, once (the receiver saw one completed
delivery of that id)."""

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlmodel import Session, select

from app.core.db import session_scope
from app.notify.models import DeliveryStatus, Fanout, Notification
from app.notify.service import add_channel
from tests.e2e.conftest import _free_port
from tests.factories import LAT0, LON0, PASSWORD, create_town, jpeg_bytes
from tests.notify.conftest import SECRETS
from tests.notify.helpers import name, only_channels

CLI = str(Path(sys.executable).parent / "roadchief")


def serve(engine, var: Path, dispatch_s: str = "0.2") -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {
        **os.environ,
        "ROADCHIEF_DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "ROADCHIEF_STORAGE_URL": f"file://{var / 'photos'}",
        "ROADCHIEF_VAR_DIR": str(var),
        "ROADCHIEF_ENVIRONMENT": "development",
        "ROADCHIEF_SWEEP_INTERVAL_S": "0",
        "ROADCHIEF_NOTIFY_SCAN_INTERVAL_S": "0",
        "ROADCHIEF_OUTBOUND_ALLOW": "127.0.0.1",  # the fake receiver
        "ROADCHIEF_NOTIFY_DISPATCH_INTERVAL_S": dispatch_s,
        "ROADCHIEF_NOTIFY_CLAIM_S": "3",
        "ROADCHIEF_NOTIFY_TIMEOUT_S": "60",
    }
    log = open(var / f"serve-{port}.log", "wb")  # noqa: SIM115 - lives as long as the process
    proc = subprocess.Popen(
        [CLI, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/config", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError((var / f"serve-{port}.log").read_text())


def test_killed_mid_send_the_message_is_sent_once_after_restart(own_engine, receiver, tmp_path):
    arrived, release = threading.Event(), threading.Event()
    receiver.hang["webhook"] = (arrived, release)
    with session_scope(own_engine) as s:
        town = create_town(s)
        hook = add_channel(s, "webhook", name(), f"{receiver.url}/webhook/x", SECRETS["webhook"])
        only_channels(s, hook)
        inspector = town.inspector.username

    first, url = serve(own_engine, tmp_path)
    try:
        token = httpx.post(
            f"{url}/api/auth/token", data={"username": inspector, "password": PASSWORD}
        ).json()["access_token"]
        r = httpx.post(
            f"{url}/api/tickets",
            data={"category": "0201", "lat": str(LAT0 + 0.0001), "lon": str(LON0 - 0.002)},
            files=[("photo", ("a.jpg", jpeg_bytes(77), "image/jpeg"))],
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
            timeout=30,
        )
        assert r.status_code == 201, r.text
        ticket_id = r.json()["id"]
        # The server committed the ticket and its notification, claimed it and is sending: kill.
        assert arrived.wait(30), "the dispatcher never started sending"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    release.set()
    with Session(own_engine) as s:
        (row,) = s.exec(select(Notification).where(Notification.ticket_id == ticket_id)).all()
    assert row.status == DeliveryStatus.sending and row.attempts == 1

    second, _ = serve(own_engine, tmp_path)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not receiver.ok("webhook"):
            time.sleep(0.2)
        time.sleep(1.5)  # room for a wrong second delivery to show up
    finally:
        second.terminate()
        second.wait(15)
    delivered = [r for r in receiver.ok("webhook") if r.json()["ticket"]["id"] == ticket_id]
    assert len(delivered) == 1
    assert delivered[0].headers["X-RoadChief-Event-Id"] == row.message_id
    with Session(own_engine) as s:
        row = s.get(Notification, row.id)
    assert row.status == DeliveryStatus.sent and row.attempts == 2


def test_killed_after_the_commit_before_any_fan_out_the_message_is_sent_once(
    own_engine, receiver, tmp_path
):
    """The request's transaction wrote only the fan-out row; the process dies before its
    dispatcher expands it. The next process expands and sends it, once."""
    with session_scope(own_engine) as s:
        town = create_town(s)
        hook = add_channel(s, "webhook", name(), f"{receiver.url}/webhook/y", SECRETS["webhook"])
        only_channels(s, hook)
        inspector = town.inspector.username

    first, url = serve(own_engine, tmp_path, dispatch_s="0")  # this process never dispatches
    try:
        token = httpx.post(
            f"{url}/api/auth/token", data={"username": inspector, "password": PASSWORD}
        ).json()["access_token"]
        r = httpx.post(
            f"{url}/api/tickets",
            data={"category": "0201", "lat": str(LAT0 + 0.0001), "lon": str(LON0 - 0.002)},
            files=[("photo", ("a.jpg", jpeg_bytes(78), "image/jpeg"))],
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
            timeout=30,
        )
        assert r.status_code == 201, r.text
        ticket_id = r.json()["id"]
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    with Session(own_engine) as s:
        assert s.exec(select(Notification).where(Notification.ticket_id == ticket_id)).all() == []
        (pending,) = s.exec(select(Fanout).where(Fanout.ticket_id == ticket_id)).all()
        assert pending.events == ["ticket.assigned"]

    second, _ = serve(own_engine, tmp_path)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not receiver.ok("webhook/y"):
            time.sleep(0.2)
        time.sleep(1.5)
    finally:
        second.terminate()
        second.wait(15)
    delivered = [r for r in receiver.ok("webhook/y") if r.json()["ticket"]["id"] == ticket_id]
    assert len(delivered) == 1 and delivered[0].json()["event"] == "ticket.assigned"
    with Session(own_engine) as s:
        (row,) = s.exec(select(Notification).where(Notification.ticket_id == ticket_id)).all()
        assert row.status == DeliveryStatus.sent
        assert s.exec(select(Fanout).where(Fanout.ticket_id == ticket_id)).all() == []
