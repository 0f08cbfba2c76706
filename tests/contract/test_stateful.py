"""Chained calls, as an admin and as a road chief: a call that makes a thing (create) feeds
its id to the calls that take one (read, update, delete), every answer checked against the
schema like the single-call fuzz (test_fuzz.py: no 500, nothing undocumented).

A random id mostly meets a 404; a chained one reaches the handler's real rules. The chains are
OpenAPI links (FastAPI declares none, so they are written below), driven one link at a time:
both requests are drawn first, then sent, so what Hypothesis generates never depends on the
database's answers. (Schemathesis's own state machine chooses its next rule by what earlier
answers made, and a database that keeps everything makes Hypothesis call that flaky.) When
the producer is refused, the consumer gets an existing thing's id instead.
"""

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from sqlalchemy import text

from app.auth.service import login
from app.core.db import session_scope
from tests.contract.test_fuzz import restore, world  # noqa: F401 - the fuzz's committed world
from tests.factories import PASSWORD

pytestmark = pytest.mark.xdist_group("fuzz")

STEPS = int(os.environ.get("ROADCHIEF_FUZZ_STATEFUL_EXAMPLES", "4"))
BODY_ID = "$response.body#/id"
# (producer, its success status, consumer, parameter ← where in the answer)
LINKS: list[tuple[tuple[str, str], str, tuple[str, str], dict[str, str]]] = [
    (("post", "/api/admin/zones"), "201", ("patch", "/api/admin/zones/{zone_id}"),
     {"zone_id": BODY_ID}),
    (("post", "/api/admin/roads"), "201", ("patch", "/api/admin/roads/{road_id}"),
     {"road_id": BODY_ID}),
    (("post", "/api/admin/grids"), "201", ("patch", "/api/admin/grids/{grid_id}"),
     {"grid_id": BODY_ID}),
    (("post", "/api/admin/users"), "201", ("patch", "/api/admin/users/{user_id}"),
     {"user_id": BODY_ID}),
    (("post", "/api/admin/users"), "201", ("put", "/api/admin/users/{user_id}/holdings"),
     {"user_id": BODY_ID}),
    (("post", "/api/admin/channels"), "201", ("patch", "/api/admin/channels/{channel_id}"),
     {"channel_id": BODY_ID}),
    (("post", "/api/admin/channels"), "201", ("post", "/api/admin/channels/{channel_id}/test"),
     {"channel_id": BODY_ID}),
    (("post", "/api/admin/channels/{channel_id}/test"), "202",
     ("get", "/api/admin/notifications/{notification_id}"), {"notification_id": BODY_ID}),
    (("put", "/api/admin/calendar/{day}"), "200", ("delete", "/api/admin/calendar/{day}"),
     {"day": "$request.path.day"}),
    (("post", "/api/tickets"), "201", ("get", "/api/tickets/{ticket_id}"),
     {"ticket_id": BODY_ID}),
    (("post", "/api/tickets"), "201", ("post", "/api/tickets/{ticket_id}/rectify"),
     {"ticket_id": BODY_ID}),
    (("post", "/api/tickets"), "201", ("post", "/api/tickets/{ticket_id}/handoff"),
     {"ticket_id": BODY_ID}),
    (("post", "/api/tickets"), "201", ("post", "/api/tickets/{ticket_id}/photos"),
     {"ticket_id": BODY_ID}),
]  # fmt: skip
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {"enabled": False},
            "negative_data_rejection": {"enabled": False},
        },
    }
)
# An existing thing per path parameter, when a producer was refused.
EXISTING = {
    "zone_id": "SELECT min(id) FROM zones",
    "road_id": "SELECT min(id) FROM roads",
    "grid_id": "SELECT min(id) FROM grids",
    "user_id": "SELECT max(id) FROM users",
    "channel_id": "SELECT min(id) FROM notify_channels",
    "notification_id": "SELECT min(id) FROM notifications",
    "ticket_id": "SELECT min(id) FROM tickets",
}


def linked(doc: dict[str, Any]) -> dict[str, Any]:
    """The API's own document with the links above added (checked to name real operations)."""
    for (method, path), status, (to_method, to_path), parameters in LINKS:
        source = doc["paths"][path][method]
        target = doc["paths"][to_path][to_method]
        assert status in source["responses"], (path, status)
        links = source["responses"][status].setdefault("links", {})
        links[f"{to_method}{to_path}".replace("/", "_")] = {
            "operationId": target["operationId"],
            "parameters": parameters,
        }
    return doc


@pytest.fixture(scope="module")
def chained(world: dict) -> dict[str, Any]:  # noqa: F811 - the imported fixture
    from sqlmodel import select

    from app.org.models import Role, User

    with session_scope(world["engine"]) as session:
        chief = session.exec(select(User).where(User.role == Role.chief, User.level == 3)).first()
        assert chief is not None
        name = chief.username
    with session_scope(world["engine"]) as session:
        token = login(session, name, PASSWORD, "fuzz-setup")[1]
    schema = schemathesis.openapi.from_dict(linked(world["app"].openapi()), config=CONFIG)
    schema.app = world["app"]
    return {"schema": schema, "tokens": {"admin": world["tokens"]["admin"], "chief": token}}


def produced(response: Any, parameter: str, rule: str, case: Any) -> Any:
    """What a link's rule picks out of the producer's exchange (the two forms used above)."""
    if rule == BODY_ID:
        body = response.json()
        return body.get("id") if isinstance(body, dict) else None
    return case.path_parameters[parameter]


@pytest.mark.parametrize("role", ["admin", "chief"])
@pytest.mark.parametrize(
    "link", LINKS, ids=[f"{m} {p} -> {tm} {tp}" for (m, p), _s, (tm, tp), _p in LINKS]
)
def test_chained_calls_answer_as_the_schema_says(
    world: dict,  # noqa: F811
    chained: dict[str, Any],
    link: Any,
    role: str,
) -> None:
    (method, path), status, (to_method, to_path), parameters = link
    schema = chained["schema"]
    headers = {"Authorization": f"Bearer {chained['tokens'][role]}"}
    producer, consumer = schema[path][method], schema[to_path][to_method]

    @given(data=st.data())
    @settings(
        max_examples=STEPS,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def chain(data: st.DataObject) -> None:
        make = data.draw(producer.as_strategy(), label="create")
        use = data.draw(consumer.as_strategy(), label="use")
        made = make.call_and_validate(headers=headers)
        for parameter, rule in parameters.items():
            value = None
            if made.status_code == int(status):
                value = produced(made, parameter, rule, make)
            if value is None and parameter in EXISTING:
                with world["engine"].connect() as conn:
                    value = conn.execute(text(EXISTING[parameter])).scalar()
            if value is not None:
                use.path_parameters[parameter] = value
        use.call_and_validate(headers=headers)
        if (
            made.status_code == 401
            or "/api/admin/users" in (path, to_path)
            or use.path.startswith("/api/admin/users")
        ):
            restore(world)

    chain()
