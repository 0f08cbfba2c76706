"""Random sequences of actions by random users; after every step the ledger and the rules hold.

The model below is an independent statement of the rules (who may do what, in which state);
the API must agree with it step by step.
"""

import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlmodel import col, select

from app.ledger.models import Event
from tests.factories import create_town, jpeg_bytes, login, report

USERS = [
    "inspector",
    "supervisor",
    "road_chief",
    "zone_chief",
    "leader",
    "other_chief",
    "dept_staff",
]
RESPONSIBLE = {"road_chief", "zone_chief", "leader"}  # the ticket is on the road chief's road
CAN_SEE = {"inspector", "supervisor"} | RESPONSIBLE
PERMITTED = {
    "rectify": RESPONSIBLE,
    "verify": {"inspector", "supervisor"},
    "reject": {"inspector", "supervisor"},
    "dismiss": {"supervisor"},
    "escalate": {"supervisor"},
}
STATES = {
    "rectify": {"assigned"},
    "verify": {"rectified"},
    "reject": {"rectified"},
    "dismiss": {"assigned", "rectified", "pending"},
    "escalate": {"assigned"},
}
seeds = itertools.count(1000)


def expected_status(action: str, who: str, state: str) -> int:
    if who not in CAN_SEE:
        return 404
    if who not in PERMITTED[action]:
        return 403
    if state not in STATES[action]:
        return 409
    return 200


def run_machine(client, db) -> None:
    town = create_town(db)
    users = {name: getattr(town, name) for name in USERS}
    headers = {name: login(client, user) for name, user in users.items()}

    class TicketLoop(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            # Each example runs in a savepoint rolled back at teardown, so examples (and
            # hypothesis' replays of a failing one) start from the same database.
            self.example = db.begin_nested()
            self.users = users
            self.headers = headers
            self.tickets: dict[int, dict] = {}
            self.transitions = 0

        @rule(who=st.sampled_from(USERS))
        def report(self, who: str) -> None:
            r = report(client, self.headers[who], seed=next(seeds))
            assert r.status_code == 201, r.text
            t = r.json()
            assert t["status"] == "assigned" and t["assignee"]["id"] == self.users["road_chief"].id
            self.tickets[t["id"]] = {"status": "assigned", "rework": 0, "level": 0}
            self.transitions += 1

        def _act(self, action: str, who: str, ticket_id: int) -> None:
            model = self.tickets[ticket_id]
            h = self.headers[who]
            if action == "rectify":
                r = client.post(
                    f"/api/tickets/{ticket_id}/rectify",
                    data={"note": "ok"},
                    files=[("photo", ("a.jpg", jpeg_bytes(next(seeds)), "image/jpeg"))],
                    headers=h,
                )
            elif action in ("verify", "reject"):
                r = client.post(
                    f"/api/tickets/{ticket_id}/verify",
                    json={"approved": action == "verify", "note": "核查"},
                    headers=h,
                )
            elif action == "dismiss":
                r = client.post(
                    f"/api/tickets/{ticket_id}/dismiss", json={"reason": "invalid"}, headers=h
                )
            else:
                r = client.post(
                    f"/api/tickets/{ticket_id}/escalate", json={"note": "督办"}, headers=h
                )
            want = expected_status(action, who, model["status"])
            if action == "escalate" and want == 200 and model["level"] >= 2:
                want = 422  # nobody above the town leader
            assert r.status_code == want, (action, who, model, r.text)
            if want != 200:
                return
            self.transitions += 1
            if action == "rectify":
                model["status"] = "rectified"
            elif action == "verify":
                model["status"] = "closed"
            elif action == "reject":
                model["status"], model["rework"] = "assigned", model["rework"] + 1
            elif action == "dismiss":
                model["status"] = "dismissed"
            else:
                model["level"] += 1
            got = r.json()
            assert got["status"] == model["status"] and got["rework_count"] == model["rework"]
            event = got["events"][-1]
            assert event["actor"]["id"] == self.users[who].id

        @precondition(lambda self: self.tickets)
        @rule(action=st.sampled_from(sorted(PERMITTED)), who=st.sampled_from(USERS), data=st.data())
        def act(self, action: str, who: str, data: st.DataObject) -> None:
            ticket_id = data.draw(st.sampled_from(sorted(self.tickets)))
            self._act(action, who, ticket_id)

        def teardown(self) -> None:
            self.example.rollback()

        @invariant()
        def ledger_holds(self) -> None:
            result = client.get("/api/ledger/verify", headers=self.headers["supervisor"]).json()
            assert result["ok"], result
            events = db.exec(
                select(Event).where(col(Event.ticket_id).in_(list(self.tickets) or [0]))
            ).all()
            assert len(events) == self.transitions
            ids = {u.id for u in self.users.values()}
            by_name = {u.id: n for n, u in self.users.items()}
            for e in events:
                assert e.actor_id in ids
                if e.action != "report":
                    assert by_name[e.actor_id] in PERMITTED[e.action], (
                        e.action,
                        by_name[e.actor_id],
                    )

    run_state_machine_as_test(
        TicketLoop,
        settings=settings(
            max_examples=10,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )


def test_random_sequences_keep_the_ledger_and_the_rules(app, client, db):
    from app.core.db import get_session

    def request_session():
        # A savepoint per request inside the example's savepoint: a failed request rolls
        # back only itself, as the real per-request transaction would.
        nested = db.begin_nested()
        try:
            yield db
            nested.commit()
        except BaseException:
            nested.rollback()
            raise

    app.dependency_overrides[get_session] = request_session
    run_machine(client, db)
