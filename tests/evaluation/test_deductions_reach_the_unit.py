"""A deduction's ticket goes to the unit that answers for the site (issue 16, seam 1).

The department or chief ranked for a site sees, rectifies and is counted for the tickets its
deductions file; where the unit has nobody to receive one, it goes by location, flagged, and
the sheet says so.
"""

import datetime as dt
import uuid

from sqlmodel import Session

from app.auth.policy import Actor, Jurisdiction, jurisdiction_of, load_visible, may
from app.core.config import get_settings
from app.evaluation import actions, flows, rounds
from app.evaluation.models import ItemOutcome, RoundKind
from app.evaluation.sites import Lookups
from app.org.models import Role
from app.stats.service import Week, bulletin
from app.stats.settings import BulletinSettings
from app.tickets.models import Ticket
from tests.evaluation.factories import World, create_world, round_body, sheet_form
from tests.factories import create_department, create_town, create_user, jpeg_bytes, login


def _round(client, sup, world: World, site) -> dict:
    body = round_body(world, site_ids=[site.id])
    r = client.post("/api/rounds", json=body, headers=sup)
    assert r.status_code == 201, r.text
    return r.json()


def _sheet(client, headers, round_id, site, results, files=()):
    r = client.post(
        f"/api/rounds/{round_id}/sheets",
        data=sheet_form(site, results),
        files=list(files),
        headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert r.status_code == 201, r.text
    return r.json()


def test_the_department_rectifies_its_markets_deduction_and_the_next_round_shows_it(client, db):
    town = create_town(db)
    world = create_world(db, town)
    market = world.sites[0]  # on 人民路, but the department answers for it
    sup, insp = login(client, town.supervisor), login(client, town.inspector)
    staff = login(client, town.dept_staff)
    first = _round(client, sup, world, market)
    deduct = [{"item_code": "A2", "outcome": "deduct", "occurrences": 1, "photo_field": "p"}]
    photo = [("p", ("p.jpg", jpeg_bytes(7), "image/jpeg"))]
    sheet = _sheet(client, insp, first["id"], market, deduct, photo)
    assert sheet["score"] == 99
    [ticket_id] = sheet["tickets"]

    # The department's queue holds it: its staff open and rectify it.
    t = client.get(f"/api/tickets/{ticket_id}", headers=staff)
    assert t.status_code == 200, t.text
    assert t.json()["assignee"]["id"] == town.dept_staff.id
    assert sheet["unit_unreachable"] is None  # nothing to tell the inspector
    mine = client.get("/api/tickets?inbox=true", headers=staff)
    assert ticket_id in [x["id"] for x in mine.json()["data"]]
    r = client.post(
        f"/api/tickets/{ticket_id}/rectify",
        data={"note": "已清理乱停车辆"},
        files=[("photo", ("after.jpg", jpeg_bytes(70), "image/jpeg"))],
        headers={**staff, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert r.status_code == 200, r.text
    v = client.post(
        f"/api/tickets/{ticket_id}/verify", json={"approved": True, "note": ""}, headers=insp
    )
    assert v.status_code == 200 and v.json()["status"] == "closed"

    # Counted for the department in the weekly 通报: due, closed, 结案率 100 %.
    closed = db.get(Ticket, ticket_id)
    assert closed is not None and closed.due_at is not None and closed.closed_at is not None
    week = Week.containing(closed.due_at, get_settings().timezone)
    data = bulletin(db, week, max(week.end, closed.closed_at), BulletinSettings())
    dept = next(r for r in data["sections"]["department"] if r["id"] == town.department.id)
    assert (dept["due"], dept["due_closed"], dept["closure_rate"]) == (1, 1, 1.0)

    assert client.post(f"/api/rounds/{first['id']}/close", headers=sup).status_code == 200
    mine = client.get("/api/sites/mine", headers=staff).json()
    assert mine["to_rectify"] == 0
    [d] = mine["deductions"]
    assert d["ticket"]["status"] == "closed" and d["to_rectify"] is False

    # Re-scored in the next round of the same kind: the market passes, the unit gains.
    second = _round(client, sup, world, market)
    _sheet(client, insp, second["id"], market, [])
    assert client.post(f"/api/rounds/{second['id']}/close", headers=sup).status_code == 200
    scores = client.get(f"/api/rounds/{second['id']}/scores", headers=staff).json()
    [unit] = scores["units"]
    assert unit["key"] == f"department:{town.department.id}"
    assert (unit["score"], unit["delta"]) == (100, 1)
    mine = client.get("/api/sites/mine", headers=staff).json()
    latest = {s["name"]: s["latest"] for s in mine["sites"]}
    assert latest[market.name]["score"] == 100
    assert latest[market.name]["round"]["id"] == second["id"]


def _submit(db: Session, world: World, site, results: list[flows.ResultIn]):
    """A round over one site and its sheet, at the action level (no HTTP)."""
    town = world.town
    new = rounds.NewRound(
        name="日常督查", kind=RoundKind.daily, standards_version="T-1",
        starts_on=dt.date(2026, 11, 1), ends_on=dt.date(2026, 11, 30),
        inspector_ids=[town.inspector.id], site_ids=[site.id], draw=None,
    )  # fmt: skip
    rnd = actions.create_round(db, Actor(town.supervisor, Jurisdiction()), new)
    inspector = Actor(town.inspector, Jurisdiction())
    data = flows.SheetIn(site.id, site.lat, site.lon, 8, results)
    done = actions.submit_sheet(db, inspector, rnd, data, uuid.uuid4().hex)
    return done.sheet, [db.get(Ticket, t) for t in done.tickets]


def test_a_chiefs_site_sends_its_deduction_to_that_chief_who_may_rectify_it(db):
    town = create_town(db)
    world = create_world(db, town)
    toilet = next(s for s in world.sites if s.name == "toilet-0")  # on 人民路; 李所长's site
    _sheet, [ticket] = _submit(db, world, toilet, [flows.ResultIn("B1", ItemOutcome.deduct, 1)])
    assert ticket.assignee_id == town.other_chief.id and not ticket.flags
    chief = Actor(town.other_chief, jurisdiction_of(db, town.other_chief))
    assert load_visible(db, chief, ticket.id) is not None and may(chief, "rectify", ticket)


def test_a_unit_with_nobody_to_receive_it_gets_it_by_location_flagged_on_the_sheet(db):
    town = create_town(db)
    world = create_world(db, town)
    empty = create_department(db, name="市场监管所")
    # Its only staff account is disabled: nobody there to receive a ticket.
    create_user(db, Role.department, department_id=empty.id, is_active=False)
    toilet = next(s for s in world.sites if s.name == "toilet-1")
    toilet.unit_chief_id, toilet.unit_department_id = None, empty.id
    db.add(toilet)
    # The phone's sheet page is told before anything is scored.
    look = Lookups.load(db)
    assert look.site(toilet)["unit_receives"] is False
    assert look.site(world.sites[0])["unit_receives"] is True  # the markets' staffed department
    sheet, [ticket] = _submit(db, world, toilet, [flows.ResultIn("B1", ItemOutcome.deduct, 1)])
    # By location (toilet-1 is on no road: the zone's chief), and flagged for the centre.
    assert ticket.assignee_id == town.zone_chief.id and ticket.department_id is None
    assert ticket.flags == {"unit_unreachable": "市场监管所"}
    public = flows.sheet_public(db, sheet)
    assert public["unit_unreachable"] == "市场监管所"
    [result] = [r for r in public["results"] if r["ticket"]]
    assert result["ticket"]["routed_by_location"] is True
