"""Open311 GeoReport v2: JSON and XML round trips, every documented error, keys, limits."""

import uuid
from datetime import datetime, timedelta
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from sqlmodel import Session, col, select

from app.citizens.models import CitizenReport
from app.core.timeutil import utcnow
from app.open311.service import add_client, revoke_client
from tests.factories import LAT0, LON0, create_town, jpeg_bytes, login, report

REQUEST_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code",
    "description", "agency_responsible", "service_notice", "requested_datetime",
    "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
    "media_url",
}  # fmt: skip


def xml_items(text: str, root: str, item: str) -> list[dict[str, Any]]:
    """Parse a GeoReport XML list into dicts of text (lists of children for nested lists)."""
    tree = ET.fromstring(text)
    assert tree.tag == root
    return [_parse(child) for child in tree if child.tag == item]


def _parse(el: ET.Element) -> Any:
    if len(el) == 0:
        return el.text or ""
    tags = [c.tag for c in el]
    if (
        len(set(tags)) == 1
        and len(tags) > 1
        or el.tag in ("attributes", "values", "endpoints", "formats")
    ):
        return [_parse(c) for c in el]
    return {c.tag: _parse(c) for c in el}


def _same(json_value: Any, xml_value: Any) -> bool:
    if isinstance(json_value, dict):
        return all(_same(v, xml_value.get(k, "")) for k, v in json_value.items())
    if isinstance(json_value, list):
        return len(json_value) == len(xml_value) and all(map(_same, json_value, xml_value))
    if json_value is None:
        return xml_value == ""
    if isinstance(json_value, bool):
        return xml_value == ("true" if json_value else "false")
    if isinstance(json_value, float):
        return abs(float(xml_value) - json_value) < 1e-9
    return str(json_value) == xml_value


@pytest.fixture
def key(db: Session) -> str:
    _client, api_key = add_client(db, f"12345热线-{uuid.uuid4().hex[:6]}")
    db.commit()
    return api_key


def test_discovery_services_and_definition_json_equals_xml(client: Any, db: Session) -> None:
    for path, root, item in (
        ("services", "services", "service"),
        ("services/0505", "service_definition", None),
        ("discovery", "discovery", None),
    ):
        j = client.get(f"/open311/v2/{path}.json")
        x = client.get(f"/open311/v2/{path}.xml")
        assert j.status_code == x.status_code == 200, (path, j.text)
        assert x.headers["content-type"].startswith("text/xml")
        assert x.text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<' + root + ">")
        if item:
            assert _same(j.json(), xml_items(x.text, root, item))
        else:
            assert _same(j.json(), _parse(ET.fromstring(x.text)))
    services = client.get("/open311/v2/services.json").json()
    parking = next(s for s in services if s["service_code"] == "0505")
    assert parking["metadata"] is True and parking["type"] == "batch" and parking["group"]
    attrs = client.get("/open311/v2/services/0505.json").json()["attributes"]
    assert attrs[0]["code"] == "BLOCKING" and attrs[0]["values"]


def test_post_enters_triage_then_token_gives_the_request(
    client: Any, db: Session, key: str
) -> None:
    town = create_town(db)
    db.commit()
    r = client.post(
        "/open311/v2/requests.xml",
        data={
            "api_key": key,
            "service_code": "0201",
            "lat": str(LAT0 + 0.0001),
            "long": str(LON0 - 0.002),
            "description": "电线杆上贴满小广告",
            "email": "a@example.com",
            "phone": "13700000000",
            "first_name": "三",
            "last_name": "张",
            "media_url": "https://hotline.example/m/1.jpg",
        },
        files=[("media", ("m.jpg", jpeg_bytes(61), "image/jpeg"))],
    )
    assert r.status_code == 201, r.text
    token = xml_items(r.text, "service_requests", "request")[0]["token"]
    pending = client.get(f"/open311/v2/tokens/{token}.json").json()
    assert pending == [{"service_request_id": None, "token": token, "service_notice": "待受理"}]

    sup = login(client, town.supervisor)
    queue = client.get("/api/citizen/triage", headers=sup).json()["data"]
    mine = next(q for q in queue if q["channel"] == "open311")
    assert mine["phone"] == "13700000000" and mine["contact_name"] == "张 三"
    accepted = client.post(f"/api/citizen/triage/{mine['id']}/accept", json={}, headers=sup).json()
    number = accepted["ticket"]["number"]
    client.cookies.clear()

    for fmt in ("json", "xml"):
        t = client.get(f"/open311/v2/tokens/{token}.{fmt}")
        got = t.json()[0] if fmt == "json" else xml_items(t.text, "service_requests", "request")[0]
        assert got["service_request_id"] == number
    j = client.get(f"/open311/v2/requests/{number}.json").json()
    x = xml_items(
        client.get(f"/open311/v2/requests/{number}.xml").text, "service_requests", "request"
    )
    assert set(j[0]) == REQUEST_FIELDS and _same(j, x)
    assert j[0]["status"] == "open" and j[0]["address"] == "人民路"
    # Coarse location, and nothing about the reporter.
    assert j[0]["lat"] == round(LAT0 + 0.0001, 3)
    for secret in ("13700000000", "a@example.com", "张", "电线杆上贴满小广告", "hotline.example"):
        assert secret not in str(j), secret


def test_a_posted_media_url_is_shown_in_triage_and_on_the_ticket(
    client: Any, db: Session, key: str
) -> None:
    """The client's own picture link is for the staff who decide, never for public reads."""
    town = create_town(db)
    db.commit()
    link = "https://hotline.example/m/2.jpg"
    r = client.post(
        "/open311/v2/requests.json",
        data={"api_key": key, "service_code": "0201", "lat": str(LAT0 + 0.0001),
              "long": str(LON0 - 0.002), "description": "小广告", "media_url": link},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    sup = login(client, town.supervisor)
    queue = client.get("/api/citizen/triage", headers=sup).json()["data"]
    mine = next(q for q in queue if q["channel"] == "open311")
    assert mine["media_url"] == link
    ticket = client.post(f"/api/citizen/triage/{mine['id']}/accept", json={}, headers=sup).json()
    shown = client.get(f"/api/tickets/{ticket['ticket']['id']}", headers=sup).json()
    assert shown["media_urls"] == [link]
    client.cookies.clear()
    public = client.get(f"/open311/v2/requests/{ticket['ticket']['number']}.json").json()
    assert link not in str(public)


def test_a_request_is_dated_when_it_was_made_not_when_it_was_accepted(
    client: Any, db: Session, key: str
) -> None:
    """Accepted two days later (a weekend in triage), the request still reads as made then."""
    town = create_town(db)
    db.commit()
    r = client.post(
        "/open311/v2/requests.json",
        data={"api_key": key, "service_code": "0201", "lat": str(LAT0 + 0.0001),
              "long": str(LON0 - 0.002), "description": "小广告"},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    made = (utcnow() - timedelta(days=2)).replace(microsecond=0)
    posted = db.exec(select(CitizenReport).order_by(col(CitizenReport.id).desc())).first()
    assert posted is not None
    posted.created_at = made
    db.commit()
    sup = login(client, town.supervisor)
    accepted = client.post(f"/api/citizen/triage/{posted.id}/accept", json={}, headers=sup)
    number = accepted.json()["ticket"]["number"]
    client.cookies.clear()

    one = client.get(f"/open311/v2/requests/{number}.json").json()[0]
    assert one["requested_datetime"] == made.strftime("%Y-%m-%dT%H:%M:%SZ")

    def listed(start: datetime, end: datetime) -> list[str]:
        span = f"start_date={start:%Y-%m-%dT%H:%M:%SZ}&end_date={end:%Y-%m-%dT%H:%M:%SZ}"
        return [
            x["service_request_id"] for x in client.get(f"/open311/v2/requests.json?{span}").json()
        ]

    hour = timedelta(hours=1)
    assert number in listed(made - hour, made + hour)
    assert number not in listed(utcnow() - hour, utcnow() + hour)


def test_requests_list_filters_and_xml_round_trip(client: Any, db: Session) -> None:
    town = create_town(db)
    inspector = login(client, town.inspector)
    first = report(client, inspector, seed=71).json()
    far = report(client, inspector, seed=72, category="0505", lat=LAT0 + 0.01, lon=LON0).json()
    j = client.get("/open311/v2/requests.json").json()
    x = xml_items(client.get("/open311/v2/requests.xml").text, "service_requests", "request")
    assert _same(j, x) and {first["number"], far["number"]} <= {r["service_request_id"] for r in j}
    by_code = client.get("/open311/v2/requests.json?service_code=0505").json()
    assert {r["service_code"] for r in by_code} == {"0505"}
    near = client.get(f"/open311/v2/requests.json?lat={LAT0}&long={LON0 - 0.002}&radius=200").json()
    assert first["number"] in [r["service_request_id"] for r in near]
    assert far["number"] not in [r["service_request_id"] for r in near]
    ids = client.get(f"/open311/v2/requests.json?service_request_id={far['number']}").json()
    assert [r["service_request_id"] for r in ids] == [far["number"]]
    assert client.get("/open311/v2/requests.json?status=closed").json() == [] or all(
        r["status"] == "closed"
        for r in client.get("/open311/v2/requests.json?status=closed").json()
    )
    dated = client.get(
        "/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z"
    ).json()
    assert dated == []


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_every_documented_error(client: Any, db: Session, key: str, fmt: str) -> None:
    def error(r: Any) -> tuple[int, int, str]:
        if fmt == "json":
            body = r.json()
            assert isinstance(body, list) and set(body[0]) == {"code", "description"}
            return r.status_code, body[0]["code"], body[0]["description"]
        items = xml_items(r.text, "errors", "error")
        return r.status_code, int(items[0]["code"]), items[0]["description"]

    create_town(db)
    db.commit()
    post = f"/open311/v2/requests.{fmt}"
    span = "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"  # over 90 days
    base = {"service_code": "0201", "lat": str(LAT0), "long": str(LON0)}
    cases = [
        (client.post(post, data=base), 403),  # no api_key
        (client.post(post, data={**base, "api_key": "wrong"}), 403),
        (client.post(post, data={"api_key": key, "lat": "31", "long": "119"}), 400),  # no code
        (client.post(post, data={**base, "api_key": key, "service_code": "9999"}), 404),
        (client.post(post, data={"api_key": key, "service_code": "0201"}), 400),  # no location
        (client.post(post, data={**base, "api_key": key, "lat": "north"}), 400),
        (client.post(post, data={**base, "api_key": key, "lat": str(LAT0 + 0.5)}), 400),  # 55 km
        (client.post(post, data={**base, "api_key": key, "service_code": "0505"}), 400),
        (client.post(post, data={**base, "api_key": key, "lat": "", "address_string": "X"}), 400),
        (client.get(f"/open311/v2/services/9999.{fmt}"), 404),
        (client.get(f"/open311/v2/requests/19990101-0001.{fmt}"), 404),
        (client.get(f"/open311/v2/tokens/not-a-token.{fmt}"), 404),
        (client.get(f"/open311/v2/requests.{fmt}?status=pending"), 400),
        (client.get(f"/open311/v2/requests.{fmt}?start_date=yesterday"), 400),
        (client.get(f"/open311/v2/requests.{fmt}?{span}"), 400),
        (client.get(f"/open311/v2/requests.{fmt}?lat=31"), 400),
    ]  # fmt: skip
    for r, status in cases:
        got = error(r)
        assert got[0] == got[1] == status, (r.request.url, r.text)
        assert got[2]


def test_revoked_key_is_refused(client: Any, db: Session) -> None:
    name = f"app-{uuid.uuid4().hex[:6]}"
    _c, key = add_client(db, name)
    db.commit()
    data = {"api_key": key, "service_code": "0201", "lat": str(LAT0), "long": str(LON0)}
    assert client.post("/open311/v2/requests.json", data=data).status_code == 201
    revoke_client(db, name)
    db.commit()
    r = client.post("/open311/v2/requests.json", data=data)
    assert r.status_code == 403 and "revoked" in r.json()[0]["description"]


def test_keys_are_rate_limited(
    client: Any, db: Session, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROADCHIEF_CITIZEN_OPEN311_REPORTS_PER_HOUR", "2")
    data = {"api_key": key, "service_code": "0201", "lat": str(LAT0), "long": str(LON0)}
    assert [client.post("/open311/v2/requests.json", data=data).status_code for _ in range(2)] == [
        201,
        201,
    ]
    r = client.post("/open311/v2/requests.xml", data=data)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert xml_items(r.text, "errors", "error")[0]["code"] == "429"


def test_reads_are_rate_limited_per_address(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADCHIEF_CITIZEN_OPEN311_REQUESTS_PER_MINUTE", "3")
    answers = [client.get("/open311/v2/services.json") for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1].headers["Retry-After"]) <= 61  # the minute and one slice of it
    assert answers[-1].json()[0]["code"] == 429


def test_lists_answer_every_change_at_once_and_revalidate_cheaply(client: Any, db: Session) -> None:
    """Lists are kept between requests, yet a change from any process shows on the next one."""
    from app.auth.policy import Actor, jurisdiction_of
    from app.tickets import flows
    from app.tickets.models import Ticket

    town = create_town(db)
    inspector = login(client, town.inspector)
    first = report(client, inspector, seed=81).json()

    def listed() -> dict[str, dict[str, Any]]:
        r = client.get("/open311/v2/requests.json")
        assert r.status_code == 200 and r.headers["etag"]
        return {x["service_request_id"]: x for x in r.json()}

    assert listed()[first["number"]]["status"] == "open"
    etag = client.get("/open311/v2/requests.json").headers["etag"]
    again = client.get("/open311/v2/requests.json", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content

    second = report(client, inspector, seed=82).json()  # through this app
    assert second["number"] in listed()
    # Dismissed by another process: only the database knows (the next request asks it).
    ticket = db.get(Ticket, first["id"])
    assert ticket is not None
    sup = Actor(town.supervisor, jurisdiction_of(db, town.supervisor))
    flows.dismiss(db, sup, ticket, "invalid", None, "非城市管理问题")
    db.commit()
    assert listed()[first["number"]]["status"] == "closed"
    changed = client.get("/open311/v2/requests.json", headers={"If-None-Match": etag})
    assert changed.status_code == 200


def test_long_lists_page(client: Any, db: Session) -> None:
    town = create_town(db)
    inspector = login(client, town.inspector)
    numbers = [report(client, inspector, seed=90 + i).json()["number"] for i in range(3)]
    pages = [client.get(f"/open311/v2/requests.json?page_size=2&page={n}").json() for n in (1, 2)]
    assert [[r["service_request_id"] for r in page] for page in pages] == [
        numbers[:0:-1],
        numbers[:1],
    ]
    assert client.get("/open311/v2/requests.json?page_size=1001").status_code == 400
    assert client.get("/open311/v2/requests.xml?page=0").status_code == 400


def test_public_reads_work_from_a_browser_on_another_origin(client: Any, db: Session) -> None:
    create_town(db)
    db.commit()
    portal = {"Origin": "https://portal.county.gov.cn"}
    for path in ("discovery.json", "services.xml", "requests.json", "services/0201.json"):
        r = client.get(f"/open311/v2/{path}", headers=portal)
        assert r.status_code == 200, (path, r.text)
        assert r.headers["access-control-allow-origin"] == "*", path
        assert "access-control-allow-credentials" not in r.headers, path
    missing = client.get("/open311/v2/requests/NO-SUCH.json", headers=portal)
    assert missing.status_code == 404 and missing.headers["access-control-allow-origin"] == "*"
    pre = client.options(
        "/open311/v2/requests.json",
        headers={**portal, "Access-Control-Request-Method": "GET"},
    )
    assert pre.status_code == 204
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "GET" in pre.headers["access-control-allow-methods"]
    assert "POST" not in pre.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in pre.headers
    # Filing stays a server's business (its api_key must not sit in a web page).
    post = client.post("/open311/v2/requests.json", data={}, headers=portal)
    assert "access-control-allow-origin" not in post.headers
    # The app's own API is not opened to other origins.
    assert "access-control-allow-origin" not in client.get("/api/health", headers=portal).headers


def test_the_clients_token_is_not_the_citizens_and_cannot_rate(
    client: Any, db: Session, key: str
) -> None:
    from sqlmodel import select

    from app.citizens.models import CitizenReport
    from app.citizens.service import tracking_token

    create_town(db)
    db.commit()
    r = client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": key,
            "service_code": "0201",
            "lat": str(LAT0 + 0.0001),
            "long": str(LON0 - 0.002),
            "description": f"热线转来：井盖松动 {uuid.uuid4().hex[:6]}",
            "phone": "13700000001",
        },
    )
    assert r.status_code == 201, r.text
    token = r.json()[0]["token"]
    assert client.get(f"/open311/v2/tokens/{token}.json").status_code == 200
    # The hotline cannot open the citizen's tracking page, nor rate for them.
    assert client.get(f"/api/citizen/track/{token}").status_code == 404
    bare = token.split(".", 1)[1]  # nor what follows its prefix: it is signed apart
    assert client.get(f"/api/citizen/track/{bare}").status_code == 404
    rated = client.post(f"/api/citizen/track/{token}/rating", json={"score": "satisfied"})
    assert rated.status_code == 404
    report = db.exec(
        select(CitizenReport).order_by(CitizenReport.id.desc())  # type: ignore[union-attr]
    ).first()
    assert report is not None and report.phone == "13700000001"
    citizen = tracking_token(report)
    assert citizen != token
    assert client.get(f"/api/citizen/track/{citizen}").status_code == 200
    # A token issued before the two were apart (the tracking token) still reads its status.
    assert client.get(f"/open311/v2/tokens/{citizen}.json").status_code == 200
