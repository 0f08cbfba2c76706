"""Importing zones and roads from GeoJSON: all or nothing, errors naming the feature."""

import copy
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app.core.errors import Invalid
from app.org.importer import import_roads
from app.org.models import Area, Road, Role, User, Zone
from app.org.service import chiefs_above, export_roads_geojson, road_chain, zones_geojson
from tests.factories import create_user

AREA = "测试乡"


def zone_feature(name: str = "河东片区", chief: str | None = "zc", **props: Any) -> dict[str, Any]:
    ring = [[120.0, 30.0], [120.02, 30.0], [120.02, 30.02], [120.0, 30.02], [120.0, 30.0]]
    return {
        "type": "Feature",
        "properties": {"name": name, "area": AREA, "chief": chief, **props},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def road_feature(
    name: str, coords: list[list[float]], chief: str | None = "rc", zone: str = "河东片区"
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"name": name, "zone": zone, "chief": chief},
        "geometry": {"type": "LineString", "coordinates": coords},
    }


def collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


@pytest.fixture
def chiefs(db: Session) -> dict[str, User]:
    return {
        "zc": create_user(db, Role.chief, "zc", level=2, name="赵副镇长"),
        "rc": create_user(db, Role.chief, "rc", level=3, name="钱所长"),
        "rc2": create_user(db, Role.chief, "rc2", level=3, name="孙主任"),
    }


def town_file() -> dict[str, Any]:
    return collection(
        zone_feature(),
        road_feature("人民路", [[120.001, 30.01], [120.019, 30.01]]),
        road_feature("解放路", [[120.01, 30.001], [120.01, 30.019]], chief="rc2"),
    )


def counts(db: Session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        db.exec(select(func.count()).select_from(model)).one() for model in (Area, Zone, Road)
    )


def test_import_creates_area_zone_roads_with_their_chiefs(db: Session, chiefs) -> None:
    result = import_roads(db, town_file())
    assert (result.areas_created, result.zones_created, result.roads_created) == (1, 1, 2)

    zone = db.exec(select(Zone).where(Zone.name == "河东片区")).one()
    assert zone.chief_id == chiefs["zc"].id
    assert db.get(Area, zone.area_id).name == AREA
    roads = {r.name: r for r in db.exec(select(Road).where(Road.zone_id == zone.id))}
    assert roads["人民路"].chief_id == chiefs["rc"].id
    assert roads["解放路"].chief_id == chiefs["rc2"].id
    assert roads["人民路"].geometry["coordinates"] == [[120.001, 30.01], [120.019, 30.01]]


def test_reimport_upserts_by_name(db: Session, chiefs) -> None:
    import_roads(db, town_file())
    again = import_roads(db, town_file())
    assert (again.zones_created, again.roads_created, again.roads_updated) == (0, 0, 0)
    assert (again.zones_unchanged, again.roads_unchanged) == (1, 2)

    changed = town_file()
    changed["features"][1]["geometry"]["coordinates"][1] = [120.018, 30.011]
    changed["features"][2]["properties"]["chief"] = "rc"
    result = import_roads(db, changed)
    assert (result.roads_created, result.roads_updated, result.roads_unchanged) == (0, 2, 0)
    jiefang = db.exec(select(Road).where(Road.name == "解放路")).one()
    assert jiefang.chief_id == chiefs["rc"].id
    assert len(db.exec(select(Road).where(Road.name == "人民路")).all()) == 1


def test_roads_can_join_a_zone_already_in_the_database(db: Session, chiefs) -> None:
    import_roads(db, collection(zone_feature()))
    result = import_roads(
        db, collection(road_feature("文化路", [[120.002, 30.005], [120.01, 30.005]]))
    )
    assert result.roads_created == 1


def test_chief_name_creates_a_missing_chief_without_a_password(db: Session, chiefs) -> None:
    data = collection(zone_feature(chief="fuzhen_li", chief_name="李副镇长"))
    result = import_roads(db, data)
    assert result.chiefs_created == 1
    li = db.exec(select(User).where(User.username == "fuzhen_li")).one()
    assert (li.name, li.role, li.level, li.password_hash) == ("李副镇长", Role.chief, 2, "")


def bowtie() -> dict[str, Any]:
    feature = zone_feature("八字片区")
    feature["geometry"]["coordinates"] = [
        [[120.0, 30.0], [120.02, 30.02], [120.02, 30.0], [120.0, 30.02], [120.0, 30.0]]
    ]
    return feature


def without_geometry() -> dict[str, Any]:
    feature = road_feature("建设路", [[120.0, 30.0], [120.01, 30.0]])
    del feature["geometry"]
    return feature


def point() -> dict[str, Any]:
    feature = road_feature("建设路", [])
    feature["geometry"] = {"type": "Point", "coordinates": [120.0, 30.0]}
    return feature


def unclosed_ring() -> dict[str, Any]:
    feature = zone_feature("开口片区")
    feature["geometry"]["coordinates"][0].pop()
    return feature


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (without_geometry, "feature 4 (建设路): missing geometry"),
        (point, "feature 4 (建设路): unsupported geometry type 'Point'"),
        (
            lambda: road_feature("建设路", [[200.0, 30.0], [120.01, 30.0]]),
            "feature 4 (建设路): position [200.0, 30.0] is outside",
        ),
        (
            lambda: road_feature("建设路", [[120.0, 95.0], [120.01, 30.0]]),
            "feature 4 (建设路): position [120.0, 95.0] is outside",
        ),
        (
            lambda: road_feature("建设路", [[120.0, 30.0]]),
            "feature 4 (建设路): a line needs at least 2 distinct points",
        ),
        (
            lambda: road_feature("建设路", [[120.0, 30.0], [120.0, 30.0]]),
            "feature 4 (建设路): a line needs at least 2 distinct points",
        ),
        (
            lambda: road_feature("建设路", [[120.0, "30.0"], [120.01, 30.0]]),
            "feature 4 (建设路): coordinate '30.0' is not a number",
        ),
        (bowtie, "feature 4 (八字片区): invalid polygon: Self-intersection"),
        (unclosed_ring, "feature 4 (开口片区): a polygon ring needs at least 4 positions"),
        (
            lambda: road_feature("建设路", [[120.0, 30.0], [120.01, 30.0]], chief="zhangsan"),
            "feature 4 (建设路): unknown chief 'zhangsan'",
        ),
        (
            lambda: road_feature("建设路", [[120.0, 30.0], [120.01, 30.0]], zone="无此片区"),
            "feature 4 (建设路): unknown zone '无此片区'",
        ),
        (
            lambda: road_feature("", [[120.0, 30.0], [120.01, 30.0]]),
            "feature 4: missing property 'name'",
        ),
        (
            lambda: road_feature("人民路", [[120.0, 30.0], [120.01, 30.0]]),
            "feature 4 (人民路): road '人民路' appears twice in zone '河东片区' "
            "(see feature 2 (人民路))",
        ),
        (lambda: "road", "feature 4: not a GeoJSON Feature"),
    ],
)
def test_bad_feature_is_named_and_nothing_is_imported(db: Session, chiefs, bad, message) -> None:
    data = town_file()
    data["features"].append(bad())
    before = counts(db)
    with pytest.raises(Invalid) as exc:
        import_roads(db, data)
    assert exc.value.message.startswith(message), exc.value.message
    assert counts(db) == before


def test_a_non_chief_cannot_answer_for_a_road(db: Session, chiefs) -> None:
    create_user(db, Role.inspector, "xunchayuan")
    data = town_file()
    data["features"][1]["properties"]["chief"] = "xunchayuan"
    with pytest.raises(Invalid, match=r"feature 2 \(人民路\): user 'xunchayuan' is not an active"):
        import_roads(db, data)


def test_every_bad_feature_is_listed(db: Session, chiefs) -> None:
    data = town_file()
    data["features"][1]["properties"]["chief"] = "nobody"
    data["features"][2]["geometry"]["coordinates"] = [[181.0, 30.0], [120.0, 30.0]]
    with pytest.raises(Invalid) as exc:
        import_roads(db, data)
    assert "feature 2 (人民路): unknown chief 'nobody'" in exc.value.message
    assert "feature 3 (解放路): position [181.0, 30.0]" in exc.value.message
    assert len(exc.value.extra["errors"]) == 2


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"type": "Feature"},
        {"type": "FeatureCollection"},
        {"type": "FeatureCollection", "features": 3},
    ],
)
def test_not_a_feature_collection(db: Session, data) -> None:
    with pytest.raises(Invalid, match="FeatureCollection"):
        import_roads(db, data)


def test_multi_geometries_are_accepted(db: Session, chiefs) -> None:
    zone = zone_feature("双岛片区")
    ring = zone["geometry"]["coordinates"]
    far = [[[x + 0.1, y] for x, y in ring[0]]]
    zone["geometry"] = {"type": "MultiPolygon", "coordinates": [ring, far]}
    road = road_feature("环岛路", [], zone="双岛片区")
    road["geometry"] = {
        "type": "MultiLineString",
        "coordinates": [
            [[120.001, 30.001], [120.002, 30.002, 5.0]],
            [[120.1, 30.0], [120.11, 30.01]],
        ],
    }
    result = import_roads(db, collection(zone, road))
    assert (result.zones_created, result.roads_created) == (1, 1)
    stored = db.exec(select(Road).where(Road.name == "环岛路")).one()
    # Altitude is dropped: routing is two-dimensional.
    assert stored.geometry["coordinates"][0][1] == [120.002, 30.002]


def test_export_roads_and_zones_geojson(db: Session, chiefs) -> None:
    import_roads(db, town_file())
    roads = export_roads_geojson(db)
    assert roads["type"] == "FeatureCollection"
    renmin = next(f for f in roads["features"] if f["properties"]["name"] == "人民路")
    assert renmin["geometry"]["type"] == "LineString"
    props = renmin["properties"]
    assert props["zone"]["name"] == "河东片区"
    assert props["chief"] == {"id": chiefs["rc"].id, "username": "rc", "name": "钱所长", "level": 3}
    zones = zones_geojson(db)
    hedong = next(f for f in zones["features"] if f["properties"]["name"] == "河东片区")
    assert hedong["properties"]["chief"]["username"] == "zc"
    assert hedong["properties"]["area"]["name"] == AREA


def test_chain_of_chiefs(db: Session, chiefs) -> None:
    import_roads(db, town_file())
    area = db.exec(select(Area).where(Area.name == AREA)).one()
    leader = create_user(db, Role.chief, "shuji-x", level=1, area_id=area.id)
    road = db.exec(select(Road).where(Road.name == "人民路")).one()
    road_chief, zone_chief, leaders = road_chain(db, road.id)
    assert (road_chief.username, zone_chief.username) == ("rc", "zc")
    assert [u.id for u in leaders] == [leader.id]
    assert [u.username for u in chiefs_above(db, chiefs["rc"])] == ["zc", "shuji-x"]
    assert [u.username for u in chiefs_above(db, chiefs["zc"])] == ["shuji-x"]
    assert chiefs_above(db, leader) == []


def test_import_leaves_input_untouched(db: Session, chiefs) -> None:
    data = town_file()
    original = copy.deepcopy(data)
    import_roads(db, data)
    assert data == original
