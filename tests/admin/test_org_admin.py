"""The org chart from the admin pages: every change on the ledger (which still verifies), filed
tickets keep their owner until an explicit re-route whose preview says how many move, and
roads from a KML file through pyogrio."""

from sqlmodel import select

from app.ledger.models import Event
from app.org.models import Road, Role
from app.tickets.models import Ticket
from tests.factories import LAT0, LON0, create_town, create_user, login, report


def test_a_new_chief_applies_to_new_reports_and_reroute_is_explicit(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    newcomer = create_user(db, Role.chief, level=3, name="新路长")
    filed = report(client, login(client, town.inspector)).json()
    assert filed["assignee"]["id"] == town.road_chief.id

    r = client.patch(
        f"/api/admin/roads/{town.east_west.id}", json={"chief_id": newcomer.id}, headers=admin
    )
    assert r.status_code == 200, r.text
    assert db.get(Ticket, filed["id"]).assignee_id == town.road_chief.id  # not rewritten
    later = report(client, login(client, town.inspector), seed=2).json()
    assert later["assignee"]["id"] == newcomer.id

    preview = client.get("/api/admin/reroute", headers=admin).json()
    moving = [t["id"] for t in preview["tickets"]]
    assert filed["id"] in moving and later["id"] not in moving
    assert db.get(Ticket, filed["id"]).assignee_id == town.road_chief.id  # a preview moves none

    stale = client.post(
        "/api/admin/reroute", json={"expected": preview["count"] + 1}, headers=admin
    )
    assert stale.status_code == 422
    done = client.post("/api/admin/reroute", json={"expected": preview["count"]}, headers=admin)
    assert done.status_code == 200 and done.json()["moved"] == preview["count"]
    assert db.get(Ticket, filed["id"]).assignee_id == newcomer.id

    audit = client.get("/api/admin/audit", params={"subject": "road:"}, headers=admin).json()
    change = next(a for a in audit if a["subject"] == f"road:{town.east_west.id}")
    assert change["changes"]["chief_id"] == [town.road_chief.id, newcomer.id]
    actions = db.exec(select(Event.action).where(Event.subject == "org")).all()
    assert "reroute" in actions
    assert client.get("/api/ledger/verify", headers=admin).json()["ok"] is True


def test_user_changes_are_on_the_ledger_without_the_password(client, db):
    admin_user = create_user(db, Role.admin, name="管理员")
    admin = login(client, admin_user)
    made = client.post(
        "/api/admin/users",
        json={"username": "wg-1", "name": "网格长甲", "role": "chief", "level": 3,
              "password": "pw-123456"},
        headers=admin,
    )  # fmt: skip
    assert made.status_code == 201, made.text
    uid = made.json()["id"]
    r = client.patch(
        f"/api/admin/users/{uid}",
        json={"role": "leader", "level": None, "password": "new-pw-999"},
        headers=admin,
    )
    assert r.status_code == 200 and r.json()["role"] == "leader"
    events = db.exec(select(Event).where(Event.subject == f"user:{uid}").order_by(Event.id)).all()
    assert [e.action for e in events] == ["user.create", "user.update"]
    assert events[1].actor_id == admin_user.id
    assert events[1].data["role"] == ["chief", "leader"]
    assert "new-pw-999" not in str(events[1].data) and "pw-123456" not in str(events[0].data)
    found = client.get("/api/admin/users", params={"q": "网格长"}, headers=admin).json()
    assert [u["username"] for u in found] == ["wg-1"]


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Schema name="roads" id="roads"><SimpleField name="zone" type="string"/></Schema>
<Placemark><name>滨江路</name>
<ExtendedData><SchemaData schemaUrl="#roads"><SimpleData name="zone">{zone}</SimpleData>
</SchemaData></ExtendedData>
<LineString><coordinates>{a},{lat},0 {b},{lat},0</coordinates></LineString></Placemark>
</Document></kml>"""


def test_roads_import_from_kml(client, db):
    town = create_town(db)
    admin = login(client, create_user(db, Role.admin))
    kml = KML.format(zone=town.zone.name, a=LON0 - 0.01, b=LON0 + 0.01, lat=LAT0 - 0.01)
    r = client.post(
        "/api/admin/org/import",
        files={"file": ("roads.kml", kml.encode(), "application/vnd.google-earth.kml+xml")},
        data={"kind": "roads"},
        headers=admin,
    )
    assert r.status_code == 200, r.text
    assert r.json()["roads_created"] == 1
    road = db.exec(select(Road).where(Road.name == "滨江路")).one()
    assert road.zone_id == town.zone.id and road.geometry["type"] == "LineString"

    bad = client.post(
        "/api/admin/org/import",
        files={"file": ("roads.kml", b"<kml>not really", "application/xml")},
        data={"kind": "roads"},
        headers=admin,
    )
    assert bad.status_code == 422
