"""Two phones retrying at once with one Idempotency-Key make one ticket (real transactions)."""

import threading
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select

from app.core.config import get_settings
from app.core.db import get_engine, session_scope
from app.tickets.models import Ticket
from tests.conftest import create_database, drop_database
from tests.factories import create_town, jpeg_bytes, login


@pytest.fixture(params=["sqlite", "postgresql"])
def live_app(request, tmp_path, monkeypatch):
    url = create_database(request.param, tmp_path)
    monkeypatch.setenv("ROADCHIEF_DATABASE_URL", url)
    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", f"file://{tmp_path / 'photos'}")
    monkeypatch.setenv("ROADCHIEF_SWEEP_INTERVAL_S", "0")
    get_settings.cache_clear()
    get_engine.cache_clear()
    from app.main import create_app

    yield create_app()
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()
    drop_database(url)


def test_concurrent_retries_with_one_key_make_one_ticket(live_app):
    with session_scope() as session:
        town = create_town(session)
    with TestClient(live_app) as client:
        headers = {**login(client, town.inspector), "Idempotency-Key": str(uuid.uuid4())}
        photo = jpeg_bytes(42)
        data = {"category": "0201", "lat": "31.0001", "lon": "119.898", "accuracy_m": "5"}
        results: list[int] = []
        ids: list[int] = []
        barrier = threading.Barrier(4)

        def send() -> None:
            barrier.wait()
            r = client.post(
                "/api/tickets",
                data=data,
                files=[("photo", ("p.jpg", photo, "image/jpeg"))],
                headers=headers,
            )
            results.append(r.status_code)
            ids.append(r.json()["id"])

        threads = [threading.Thread(target=send) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(results) == [200, 200, 200, 201]
    assert len(set(ids)) == 1
    with session_scope() as session:
        assert session.exec(select(func.count()).select_from(Ticket)).one() == 1
