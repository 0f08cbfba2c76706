"""Org edits as actions (app.org.actions), without HTTP: the rules they keep, and what follows
them through org's hooks — a road's 测评 site updated in the same transaction, routing's
cached index dropped once the edit commits and not when it is refused."""

import pytest
from sqlmodel import Session, select

import app.main  # noqa: F401  (every domain registers its hooks, as in the server)
from app import org
from app.core.errors import Conflict, Invalid, NotFound
from app.evaluation.models import Site
from app.ledger.models import Event
from app.org.edits import AreaIn, HoldingsIn, RoadUpdate, UserCreate, UserUpdate, ZoneIn
from app.org.models import Role, User
from app.routing import service as routing
from tests.factories import LAT0, LON0, create_town, create_user


def _square(lon: float, lat: float, d: float = 0.01) -> dict:
    ring = [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def _site(db: Session, road_id: int | None) -> Site:
    return db.exec(select(Site).where(Site.road_id == road_id)).one()


def test_a_road_edit_keeps_its_evaluation_site_in_step(db: Session) -> None:
    town = create_town(db)
    admin = create_user(db, Role.admin)
    road = town.east_west

    org.update_road(db, admin, road.id, RoadUpdate(name="人民中路"))
    assert (_site(db, road.id).name, _site(db, road.id).unit_chief_id) == (
        "人民中路",
        town.road_chief.id,
    )
    line = {"type": "LineString", "coordinates": [[LON0, LAT0 + 0.001], [LON0 + 0.01, LAT0]]}
    org.update_road(
        db,
        admin,
        road.id,
        RoadUpdate(chief_id=town.other_chief.id, geometry=line),
    )
    site = _site(db, road.id)
    assert site.unit_chief_id == town.other_chief.id  # the unit that answers for the site
    assert site.geometry["coordinates"][0] == [LON0, LAT0 + 0.001]


def test_holdings_move_a_roads_site_to_its_new_chief(db: Session) -> None:
    town = create_town(db)
    newcomer = create_user(db, Role.chief, level=3, name="新路长")

    org.set_holdings(db, None, newcomer.id, HoldingsIn(road_ids=[town.east_west.id]))

    assert _site(db, town.east_west.id).unit_chief_id == newcomer.id


def test_routing_drops_its_index_when_an_edit_commits_not_when_it_is_refused(db: Session) -> None:
    town = create_town(db)
    admin = create_user(db, Role.admin)
    routing.road_index(db)
    assert routing._cache

    far = {"type": "LineString", "coordinates": [[LON0 + 1, LAT0], [LON0 + 1.01, LAT0]]}
    with pytest.raises(Invalid, match="outside the county"):
        org.update_road(db, admin, town.east_west.id, RoadUpdate(geometry=far))
    with pytest.raises(NotFound):
        org.update_road(db, admin, town.east_west.id, RoadUpdate(zone_id=987_654))
    assert routing._cache  # nothing changed: the index stands

    org.update_road(db, admin, town.east_west.id, RoadUpdate(name="人民中路"))
    assert not routing._cache


def test_an_edit_that_changes_nothing_writes_nothing(db: Session) -> None:
    town = create_town(db)
    before = db.exec(select(Event)).all()
    org.update_road(db, None, town.east_west.id, RoadUpdate(name="人民路"))
    assert db.exec(select(Event)).all() == before


def test_an_unknown_area_or_department_is_refused(db: Session) -> None:
    new = UserCreate(
        username="zz", name="z", role=Role.chief, level=1, password="pw-123456", area_id=987_654
    )
    with pytest.raises(Invalid, match="unknown area 987654"):
        org.create_user(db, None, new, "hash")
    staff = UserCreate(username="dd", name="d", role=Role.department, password="pw-123456")
    with pytest.raises(Invalid, match="department staff need a department"):
        org.create_user(db, None, staff, "hash")
    assert db.exec(select(User).where(User.username.in_(["zz", "dd"]))).all() == []


def test_a_chief_keeps_a_level_and_staff_keep_their_department(db: Session) -> None:
    town = create_town(db)
    with pytest.raises(Invalid, match="a chief needs a level"):
        org.update_user(db, None, town.road_chief.id, UserUpdate(level=None))
    with pytest.raises(Invalid, match="need a department"):
        org.update_user(db, None, town.dept_staff.id, UserUpdate(department_id=None))
    # Made an inspector, a chief may drop the level.
    org.update_user(db, None, town.road_chief.id, UserUpdate(role=Role.inspector, level=None))
    db.refresh(town.road_chief)
    assert (town.road_chief.role, town.road_chief.level) == (Role.inspector, None)


def test_the_last_active_admin_cannot_be_disabled_or_demoted(db: Session) -> None:
    me = create_user(db, Role.admin)
    for edit in (UserUpdate(is_active=False), UserUpdate(role=Role.supervisor)):
        with pytest.raises(Conflict, match="last active admin"):
            org.update_user(db, me, me.id, edit)
    other = create_user(db, Role.admin)
    org.update_user(db, me, other.id, UserUpdate(is_active=False))
    with pytest.raises(Conflict):
        org.update_user(db, me, me.id, UserUpdate(is_active=False))
    db.refresh(me)
    assert me.is_active and me.role == Role.admin


def test_a_new_password_comes_with_its_hash(db: Session) -> None:
    me = create_user(db, Role.admin)
    with pytest.raises(ValueError):
        org.update_user(db, me, me.id, UserUpdate(password="new-secret"))


def test_areas_and_zones_are_named_once_and_zones_have_the_right_people(db: Session) -> None:
    town = create_town(db)
    area = org.create_area(db, None, AreaIn(name="新安镇"))
    with pytest.raises(Invalid, match="exists"):
        org.create_area(db, None, AreaIn(name="新安镇"))
    with pytest.raises(Invalid, match="exists"):
        org.rename_area(db, None, town.area.id, AreaIn(name="新安镇"))

    def zone(name: str, **people: int | None) -> ZoneIn:
        return ZoneIn(area_id=area.id, name=name, geometry=_square(LON0 + 0.05, LAT0), **people)

    with pytest.raises(Invalid, match="cannot be a 挂包领导"):
        org.create_zone(db, None, zone("集镇片区", leader_id=town.zone_chief.id))
    with pytest.raises(Invalid, match="cannot be a zone chief"):
        org.create_zone(db, None, zone("集镇片区", chief_id=town.inspector.id))
    org.create_zone(db, None, zone("集镇片区", chief_id=town.zone_chief.id))
    with pytest.raises(Invalid, match="exists in this area"):
        org.create_zone(db, None, zone("集镇片区"))


def test_holdings_follow_the_persons_role_and_name_unknown_rows(db: Session) -> None:
    town = create_town(db)
    chief = create_user(db, Role.chief, level=3)
    leader = create_user(db, Role.leader)

    with pytest.raises(Invalid, match="cannot be a 挂包领导"):
        org.set_holdings(db, None, chief.id, HoldingsIn(led_zone_ids=[town.zone.id]))
    with pytest.raises(Invalid, match="cannot be a road's chief"):
        org.set_holdings(db, None, leader.id, HoldingsIn(road_ids=[town.east_west.id]))
    with pytest.raises(NotFound, match="zone 999999"):
        org.set_holdings(db, None, leader.id, HoldingsIn(led_zone_ids=[999_999]))
    disabled = create_user(db, Role.chief, level=3, is_active=False)
    with pytest.raises(Invalid, match="disabled"):
        org.set_holdings(db, None, disabled.id, HoldingsIn(road_ids=[town.east_west.id]))
    db.refresh(town.east_west)
    assert town.east_west.chief_id == town.road_chief.id  # every refusal left it alone


def test_a_road_beyond_the_margin_keeps_its_shape_through_a_form_that_sends_it_back(db):
    """The console's form sends the geometry with every save: unchanged, it is not judged
    again; redrawn, it is."""
    town = create_town(db)
    far = {"type": "LineString", "coordinates": [[LON0 + 0.3, LAT0], [LON0 + 0.31, LAT0]]}
    town.north_south.geometry = far  # imported long ago, ~30 km east of the zones
    db.add(town.north_south)
    db.flush()

    org.update_road(db, None, town.north_south.id, RoadUpdate(name="东外环", geometry=far))
    farther = {"type": "LineString", "coordinates": [[LON0 + 0.3, LAT0], [LON0 + 0.4, LAT0]]}
    with pytest.raises(Invalid, match="outside the county"):
        org.update_road(db, None, town.north_south.id, RoadUpdate(geometry=farther))
    db.refresh(town.north_south)
    assert (town.north_south.name, town.north_south.geometry) == ("东外环", far)
