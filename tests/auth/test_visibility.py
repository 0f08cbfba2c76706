"""Who may see a ticket: one rule, read the same by lists, single loads, photos and actions.

Department B's staff see nothing of department A's ticket: 404 on it, its photos and its
rectify, and it is in none of their lists. The SQL clause and the Python reading of the rule
(available actions) agree for every kind of user and ticket, and a drifted copy would be caught.
"""

import uuid

from sqlmodel import Session, col, select

from app.auth import policy
from app.auth.policy import Actor, jurisdiction_of
from app.org.models import Grid, Role, User
from app.tickets.models import Status, Ticket
from tests.factories import LAT0, LON0, create_town, create_user, jpeg_bytes, login, report


def _handed_to_department_a(client, town):
    t = report(client, login(client, town.inspector), category="0505").json()
    r = client.post(
        f"/api/tickets/{t['id']}/handoff",
        json={"department_id": town.department.id, "note": "违停交交警"},
        headers=login(client, town.road_chief),
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_department_b_gets_404_on_department_a_s_ticket_its_photos_and_its_rectify(client, db):
    town = create_town(db)
    ticket = _handed_to_department_a(client, town)
    a, b = login(client, town.dept_staff), login(client, town.other_staff)
    photo = ticket["photos"][0]["url"]

    assert client.get(f"/api/tickets/{ticket['id']}", headers=a).status_code == 200
    assert client.get(photo, headers=a).status_code == 200
    assert client.get(f"/api/tickets/{ticket['id']}", headers=b).status_code == 404
    assert client.get(photo, headers=b).status_code == 404
    rectify = client.post(
        f"/api/tickets/{ticket['id']}/rectify",
        data={"note": "已整改"},
        files=[("photo", ("after.jpg", jpeg_bytes(7), "image/jpeg"))],
        headers={**b, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert rectify.status_code == 404

    def ids(headers, **params):
        r = client.get("/api/tickets", params=params, headers=headers)
        assert r.status_code == 200, r.text
        return {t["id"] for t in r.json()["data"]}

    assert ticket["id"] in ids(a) and ticket["id"] in ids(a, inbox="true")
    assert ticket["id"] not in ids(b)
    assert ticket["id"] not in ids(b, inbox="true")
    assert ticket["id"] not in ids(b, sort="distance", near=f"{LAT0},{LON0}")
    # The live map is the command centre's: department staff are refused it outright.
    assert client.get("/api/stream", headers=b).status_code == 403


def _world(db: Session):
    """Every kind of user against tickets held every way a ticket can be held."""
    town = create_town(db)
    grid = Grid(zone_id=town.zone.id, name="网格一", chief_id=town.other_chief.id,
                geometry=town.zone.geometry)  # fmt: skip
    db.add(grid)
    leader = create_user(db, Role.leader, name="挂包领导")
    town.zone.leader_id = leader.id
    db.add(town.zone)
    db.flush()
    base = {"category_code": "0505", "lat": LAT0, "lon": LON0, "reporter_id": town.inspector.id,
            "request_fingerprint": "x", "status": Status.assigned,
            "area_id": town.area.id}  # fmt: skip
    holds = [
        {"road_id": town.east_west.id, "zone_id": town.zone.id, "assignee_id": town.road_chief.id},
        {"zone_id": town.zone.id, "assignee_id": town.zone_chief.id},
        {"department_id": town.department.id, "assignee_id": town.dept_staff.id},
        {"department_id": town.other_department.id},
        {"grid_id": grid.id, "zone_id": town.zone.id},
        {"grid_id": grid.id, "road_id": town.north_south.id},
        {"escalated_to_id": leader.id},
        {"escalated_to_id": town.other_chief.id, "area_id": None},
        {"area_id": None},
    ]
    tickets = []
    for h in holds:
        t = Ticket(number=uuid.uuid4().hex[:12], idempotency_key=uuid.uuid4().hex, **{**base, **h})
        db.add(t)
        tickets.append(t)
    db.flush()
    users = db.exec(select(User).where(col(User.id).in_(
        [town.leader.id, town.zone_chief.id, town.road_chief.id, town.other_chief.id,
         town.dept_staff.id, town.other_staff.id, town.inspector.id, town.supervisor.id,
         leader.id]))).all()  # fmt: skip
    return [Actor(u, jurisdiction_of(db, u)) for u in users], tickets


def _disagreements(db, actors, tickets, can_view=policy.can_view, is_responsible=None):
    """(user, ticket) pairs where the Python reading and the SQL clause of the rule differ."""
    is_responsible = is_responsible or Actor.is_responsible
    ids = [t.id for t in tickets]
    out = []
    for actor in actors:
        clause = policy.visible_clause(actor)
        query = select(Ticket.id).where(col(Ticket.id).in_(ids))
        seen = set(db.exec(query if clause is None else query.where(clause)))
        mine = set(db.exec(query.where(policy.responsible_clause(actor))))
        for t in tickets:
            if can_view(actor, t) != (t.id in seen):
                out.append(("view", actor.user.name, t.id))
            if is_responsible(actor, t) != (t.id in mine):
                out.append(("responsible", actor.user.name, t.id))
    return out


def test_the_sql_clause_and_the_python_reading_agree_for_every_user_and_ticket(db):
    actors, tickets = _world(db)
    assert _disagreements(db, actors, tickets) == []
    by_name = {a.user.name: a for a in actors}
    # And the rule says what the policy's docstring says.
    seen = {t.id for t in tickets if policy.can_view(by_name["市监小刘"], t)}
    assert seen == {tickets[3].id}
    # The 挂包领导 of the zone: its roads and zone, and what is escalated to them.
    led = {t.id for t in tickets if policy.can_view(by_name["挂包领导"], t)}
    assert led == {tickets[i].id for i in (0, 1, 4, 5, 6)}


def test_a_copy_of_the_rule_that_drifts_is_caught(db):
    """The old Python twin, with the drift it invited: staff seeing any department's tickets."""
    actors, tickets = _world(db)

    def drifted(actor, ticket):
        if actor.user.role == Role.department:
            return ticket.department_id is not None or ticket.assignee_id == actor.user.id
        return policy.can_view(actor, ticket)

    found = _disagreements(db, actors, tickets, can_view=drifted)
    assert ("view", "市监小刘", tickets[2].id) in found
