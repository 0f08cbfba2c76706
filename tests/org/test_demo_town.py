"""The demo town 青山镇: organised like a real town, and loading it twice changes nothing."""

import re

from shapely.geometry import shape
from sqlalchemy import event, func
from sqlmodel import Session, select

from app.auth.passwords import verify_password
from app.demo.org import TOWN, load_demo_org, town_geojson
from app.org.models import Area, Department, Road, Role, User, Zone
from app.org.service import chiefs_above, export_roads_geojson, road_chain

HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def people(db: Session) -> dict[str, User]:
    return {u.username: u for u in db.exec(select(User))}


def test_demo_town_has_29_roads_in_zones_under_three_chief_levels(db: Session) -> None:
    load_demo_org(db, "demo")
    area = db.exec(select(Area).where(Area.name == TOWN)).one()
    zones = db.exec(select(Zone).where(Zone.area_id == area.id)).all()
    roads = db.exec(select(Road).where(Road.zone_id.in_([z.id for z in zones]))).all()
    users = people(db)
    by_id = {u.id: u for u in users.values()}

    assert len(roads) == 29
    assert 4 <= len(zones) <= 5
    assert {by_id[z.chief_id].level for z in zones} == {2}
    assert {by_id[r.chief_id].level for r in roads} == {3}
    # Each office head answers for a few roads, not one or all.
    per_chief = [sum(r.chief_id == c for r in roads) for c in {r.chief_id for r in roads}]
    assert min(per_chief) >= 2 and max(per_chief) <= 4

    leaders = [u for u in users.values() if u.level == 1]
    assert {u.username for u in leaders} == {"shuji", "zhenzhang"}
    assert all(u.role == Role.chief and u.area_id == area.id for u in leaders)
    assert {u.title for u in leaders} == {"镇党委书记", "镇长"}


def test_demo_accounts_exist_with_chinese_names_and_the_password(db: Session) -> None:
    load_demo_org(db, "demo")
    users = people(db)
    accounts = {
        "inspector1": Role.inspector,
        "inspector2": Role.inspector,
        "supervisor1": Role.supervisor,
        "admin1": Role.admin,
    }
    assert {name: users[name].role for name in accounts} == accounts
    hashes = {users[name].password_hash for name in accounts}
    assert all(verify_password(h, "demo") for h in hashes)
    demo = [u for u in users.values() if u.area_id is not None]
    assert all(HAN.match(u.name) and u.title for u in demo)


def test_every_department_has_staff(db: Session) -> None:
    load_demo_org(db, "demo")
    staff = db.exec(select(User).where(User.role == Role.department)).all()
    departments = db.exec(select(Department)).all()
    assert {d.id for d in departments} <= {u.department_id for u in staff}


def test_loading_twice_writes_nothing(db: Session) -> None:
    load_demo_org(db, "demo")
    db.flush()
    before = (
        db.exec(select(func.count()).select_from(User)).one(),
        {r.id: (r.updated_at, r.geometry, r.chief_id) for r in db.exec(select(Road))},
    )
    writes: list[str] = []
    conn = db.connection()

    def listener(_conn, _cursor, statement, *_args) -> None:
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", statement):
            writes.append(statement)

    event.listen(conn, "before_cursor_execute", listener)
    try:
        load_demo_org(db, "demo")
        db.flush()
    finally:
        event.remove(conn, "before_cursor_execute", listener)
    assert writes == []
    db.expire_all()
    after = (
        db.exec(select(func.count()).select_from(User)).one(),
        {r.id: (r.updated_at, r.geometry, r.chief_id) for r in db.exec(select(Road))},
    )
    assert after == before


def test_rerunning_with_a_new_password_resets_every_password(db: Session) -> None:
    load_demo_org(db, "demo")
    load_demo_org(db, "new-secret")
    users = [u for u in people(db).values() if u.area_id is not None]
    assert len(users) > 20
    hashes = {u.password_hash for u in users}  # verified once each: Argon2 is slow on purpose
    assert all(verify_password(h, "new-secret") for h in hashes)
    assert not any(verify_password(h, "demo") for h in hashes)


def test_roads_meet_at_intersections(db: Session) -> None:
    lines = {
        f["properties"]["name"]: shape(f["geometry"])
        for f in town_geojson()["features"]
        if f["geometry"]["type"] == "LineString"
    }
    # Main street and main avenue cross; the lane in front of the town hall ends on both
    # streets it joins, so a report at a corner has two nearly equally close roads.
    assert lines["人民路"].intersects(lines["青山大道中段"])
    assert lines["人民路"].intersects(lines["新华路"])
    assert lines["府前街"].distance(lines["人民路"]) < 1e-9
    assert lines["府前街"].distance(lines["文化路"]) < 1e-9
    crossings = sum(
        a.intersects(b) for i, a in enumerate(lines.values()) for b in list(lines.values())[i + 1 :]
    )
    assert crossings >= 40


def test_demo_zones_tile_the_town_without_overlap() -> None:
    polygons = [
        shape(f["geometry"])
        for f in town_geojson()["features"]
        if f["geometry"]["type"] == "Polygon"
    ]
    for i, a in enumerate(polygons):
        for b in polygons[i + 1 :]:
            assert a.intersection(b).area < 1e-12


def test_demo_chain_from_a_road_to_the_town_leaders(db: Session) -> None:
    load_demo_org(db, "demo")
    renmin = next(
        f for f in export_roads_geojson(db)["features"] if f["properties"]["name"] == "人民路"
    )
    assert renmin["properties"]["chief"]["username"] == "chief_wang"
    assert renmin["properties"]["zone"]["name"] == "老城片区"
    road_chief, zone_chief, leaders = road_chain(db, renmin["properties"]["id"])
    assert (road_chief.title, zone_chief.username) == ("城管办主任", "weiyuan_sun")
    assert [u.username for u in leaders] == ["shuji", "zhenzhang"]
    above = [u.username for u in chiefs_above(db, road_chief)]
    assert above == ["weiyuan_sun", "shuji", "zhenzhang"]
