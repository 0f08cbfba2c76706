"""GET /api/health: what a load balancer and Docker's HEALTHCHECK ask."""

from app.core.config import get_settings
from app.core.db import get_engine


def test_healthy_when_database_schema_and_storage_are_fine(client, storage_dir):
    r = client.get("/api/health")
    assert r.status_code == 200, r.text
    assert r.json() == {
        "ok": True,
        "checks": {"database": "ok", "migrations": "ok", "storage": "ok"},
    }
    assert list((storage_dir / "health").iterdir()) == []  # the probe cleans up


def test_503_names_what_failed(client, tmp_path, monkeypatch):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", f"file://{not_a_dir}/photos")
    monkeypatch.setenv("ROADCHIEF_DATABASE_URL", f"sqlite:///{tmp_path / 'never-migrated.db'}")
    get_settings.cache_clear()
    get_engine.cache_clear()
    r = client.get("/api/health")
    assert r.status_code == 503 and r.headers["retry-after"] == "10"
    body = r.json()
    assert body["code"] == "unhealthy" and body["checks"]["database"] == "ok"
    assert body["checks"]["migrations"].startswith("failed: at no revision")
    assert body["checks"]["storage"].startswith("failed")
    get_engine().dispose()
