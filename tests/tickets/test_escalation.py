"""Deadlines and 督办: overdue tickets go one chief level up, on the ledger."""

from datetime import timedelta

from sqlmodel import select

from app.core.timeutil import utcnow
from app.ledger.models import Event
from app.tickets.flows import escalate_overdue
from app.tickets.models import Ticket
from tests.factories import create_town, jpeg_bytes, login, report


def test_overdue_ticket_escalates_to_zone_chief_then_town_leader(client, db):
    town = create_town(db)
    t = report(client, login(client, town.inspector)).json()
    ticket = db.get(Ticket, t["id"])
    ticket.assigned_at = utcnow() - timedelta(days=3)
    ticket.due_at = utcnow() - timedelta(hours=1)
    db.flush()

    assert escalate_overdue(db) == 1
    assert ticket.escalation_level == 1 and ticket.escalated_to_id == town.zone_chief.id
    assert escalate_overdue(db) == 0  # the same overrun does not escalate twice

    shown = client.get(f"/api/tickets/{t['id']}", headers=login(client, town.zone_chief)).json()
    assert shown["light"] == "red" and shown["overdue"] is True and shown["escalation_level"] == 1

    # Overrunning by another whole time limit goes one more level up.
    ticket.due_at = utcnow() - timedelta(days=4)
    db.flush()
    assert escalate_overdue(db) == 1
    assert ticket.escalation_level == 2 and ticket.escalated_to_id == town.leader.id
    actions = db.exec(
        select(Event.action).where(Event.ticket_id == ticket.id).order_by(Event.id)
    ).all()
    assert actions == ["report", "escalate", "escalate"]


def test_closed_in_time_is_fixed_when_closed(client, db):
    town = create_town(db)
    inspector, chief = login(client, town.inspector), login(client, town.road_chief)
    t = report(client, inspector).json()
    ticket = db.get(Ticket, t["id"])
    ticket.due_at = utcnow() - timedelta(minutes=5)  # the fix comes late
    db.flush()
    client.post(
        f"/api/tickets/{t['id']}/rectify",
        data={"note": "晚了"},
        files=[("photo", ("a.jpg", jpeg_bytes(7), "image/jpeg"))],
        headers=chief,
    )
    done = client.post(
        f"/api/tickets/{t['id']}/verify", json={"approved": True, "note": ""}, headers=inspector
    ).json()
    assert done["status"] == "closed" and done["closed_in_time"] is False
    # Moving the deadline afterwards does not rewrite history.
    ticket.due_at = utcnow() + timedelta(days=30)
    db.flush()
    assert (
        client.get(f"/api/tickets/{t['id']}", headers=inspector).json()["closed_in_time"] is False
    )
