"""Schemathesis over the whole API, as an admin and as an inspector: no 500, no answer the schema
does not describe (status, content type, body, headers), and auth that is really enforced.

Each database gets its own with a small town in it, committed like in
production (real transactions, no savepoints), and every operation of /openapi.json — other
helpers' routers included — is fuzzed with a bounded number of examples. The examples are
derandomised, so a failure is reproducible: FUZZ_EXAMPLES per operation (8) makes over 5 000
requests per database (the last test counts them), about three minutes each on the 2-core
machine; raise ROADCHIEF_FUZZ_EXAMPLES for a deeper run. Chained calls (create → read →
update → delete) are test_stateful.py's.
"""

import os
from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from sqlalchemy import text

from app.auth.service import login
from app.core.config import get_settings
from app.core.db import get_engine, make_engine, session_scope
from tests.conftest import BACKENDS, create_database, drop_database
from tests.factories import PASSWORD, create_town, create_user, report

FUZZ_EXAMPLES = int(os.environ.get("ROADCHIEF_FUZZ_EXAMPLES", "8"))
# Requests a run must make per database (issue 19: ≥ 5 000), counted below and checked last.
MIN_CASES = int(os.environ.get("ROADCHIEF_FUZZ_MIN_CASES", "5000"))
CALLS: Counter[str] = Counter()
# One worker runs the whole module in order (make test: --dist loadgroup), so the count is whole.
pytestmark = pytest.mark.xdist_group("fuzz")
# The live stream never ends (it is tested in tests/live), and signing out would end the
# token the run uses.
EXCLUDED = ["/api/stream", "/api/auth/logout"]
# Operations that can disable the run's own accounts or end their sessions: undone after each
# (and after any 401, whatever caused it).
ACCOUNT_CHANGES = {"/api/admin/users/{user_id}"}
CONFIG = SchemathesisConfig.from_dict(
    {
        # Every response check. Two checks judge how strict input parsing is, not whether the
        # schema tells the truth about responses, and are off: positive_data_acceptance wants
        # every schema-valid request to succeed, which no API with business rules can promise
        # (an unknown category, a ticket in the wrong state: documented 4xx), and
        # negative_data_rejection refuses pydantic's lenient parsing (a Unix time for a
        # date-time, 0 for false). Their negative requests still run under every other check.
        "checks": {
            "positive_data_acceptance": {"enabled": False},
            "negative_data_rejection": {"enabled": False},
        },
        # One unexpected method per operation is enough to see 405 + Allow; the stateful phase
        # runs in test_stateful.py.
        "phases": {
            "coverage": {"unexpected-methods": ["OPTIONS"]},
            "stateful": {"enabled": False},
        },
    }
)


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict]:
    tmp = tmp_path_factory.mktemp("fuzz")
    url = create_database(request.param, tmp)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROADCHIEF_DATABASE_URL", url)
        mp.setenv("ROADCHIEF_STORAGE_URL", f"file://{tmp / 'photos'}")
        mp.setenv("ROADCHIEF_ENVIRONMENT", "test")
        mp.setenv("ROADCHIEF_SWEEP_INTERVAL_S", "0")
        get_settings.cache_clear()
        get_engine.cache_clear()
        engine = make_engine(url)
        with session_scope(engine) as session:
            town = create_town(session)
            admin = create_user(session, "admin")
            users = {"admin": admin.username, "inspector": town.inspector.username}
        tokens = {}
        for role, username in users.items():
            with session_scope(engine) as session:
                tokens[role] = login(session, username, PASSWORD, "fuzz-setup")[1]
        from app.main import create_app

        app = create_app()
        yield {"app": app, "engine": engine, "tokens": tokens, "users": users}
        engine.dispose()
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
    drop_database(url)


@pytest.fixture(scope="module")
def api_schema(world: dict) -> schemathesis.schemas.BaseSchema:
    from fastapi.testclient import TestClient

    with TestClient(world["app"]) as client:
        headers = {"Authorization": f"Bearer {world['tokens']['inspector']}"}
        assert report(client, headers).status_code == 201  # one ticket for ids to find
    return schemathesis.openapi.from_asgi("/openapi.json", world["app"], config=CONFIG)


def restore(world: dict) -> None:
    """Undo what a fuzzed request may do to the run's own accounts (disable, new password)."""
    with world["engine"].begin() as conn:
        conn.execute(
            text("UPDATE users SET is_active = true WHERE username IN (:a, :b)"),
            {"a": world["users"]["admin"], "b": world["users"]["inspector"]},
        )
        conn.execute(text("UPDATE auth_sessions SET revoked_at = NULL"))


schema = schemathesis.pytest.from_fixture("api_schema").exclude(path=EXCLUDED)


@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_as_its_schema_says(case, world: dict) -> None:
    # Generated requests go out from both roles (what one may do, the other is often refused);
    # the coverage phase's many boundary and invalid requests only as admin, who reaches
    # every operation, to keep the run short.
    coverage = case.meta is not None and case.meta.phase.name.value == "coverage"
    for role in ("admin",) if coverage else ("inspector", "admin"):
        headers = {"Authorization": f"Bearer {world['tokens'][role]}"}
        response = case.call_and_validate(headers=headers)
        CALLS[world["engine"].url.drivername] += 1
        if response.status_code == 401 or case.operation.path in ACCOUNT_CHANGES:
            restore(world)


def test_the_fuzz_made_enough_requests(world: dict) -> None:
    """Runs after every operation's cases for this database (module order, one worker)."""
    made = CALLS[world["engine"].url.drivername]
    if made == 0:
        pytest.skip("the fuzz cases did not run in this process (-k or another worker)")
    assert made >= MIN_CASES, f"{made} requests; raise ROADCHIEF_FUZZ_EXAMPLES"
