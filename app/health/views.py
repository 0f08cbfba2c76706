"""GET /api/health — for load balancers and Docker's HEALTHCHECK; no sign-in.

200 {"ok": true, "checks": {"database": "ok", "storage": "ok", "migrations": "ok"}} when the
database answers, the photo store takes a write and the schema is at the newest migration;
503 (with Retry-After) naming what failed otherwise.
"""

import uuid
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.core.db import get_engine
from app.core.migrate import current_revisions, head_revisions
from app.core.openapi import errors
from app.health.schemas import HealthRead
from app.photos.storage import get_storage

router = APIRouter(prefix="/api", tags=["health"])


def _database() -> str:
    with get_engine().connect() as conn:
        conn.execute(text("SELECT 1"))
    return "ok"


def _migrations() -> str:
    with get_engine().connect() as conn:
        current = current_revisions(conn)
    if current != head_revisions():
        raise LookupError(f"at {', '.join(sorted(current)) or 'no revision'}, not the newest")
    return "ok"


def _storage() -> str:
    # A unique key per probe: two processes probing at once never remove each other's file.
    key = f"health/probe-{uuid.uuid4().hex}"
    storage = get_storage()
    storage.put(key, b"ok", "text/plain")
    storage.delete(key)
    return "ok"


def health_checks() -> dict[str, str]:
    checks: dict[str, str] = {}
    for name, probe in (
        ("database", _database),
        ("migrations", _migrations),
        ("storage", _storage),
    ):
        try:
            checks[name] = probe()
        except Exception as exc:  # any failure is the answer, not an error of this endpoint
            checks[name] = f"failed: {exc}"
    return checks


@router.get("/health", response_model=HealthRead, responses=errors(503))
def health() -> Any:
    """Is this process able to serve: database, photo storage, schema version."""
    checks = health_checks()
    failed = [name for name, result in checks.items() if result != "ok"]
    if failed:
        return JSONResponse(
            {"detail": f"unhealthy: {', '.join(failed)}", "code": "unhealthy", "checks": checks},
            status_code=503,
            headers={"Retry-After": "10"},
        )
    return {"ok": True, "checks": checks}
