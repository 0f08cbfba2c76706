"""Snapping to roads in metres, zone fallback, near-tie candidates, index refresh."""

from app.core.config import get_settings
from app.org.models import Road
from app.routing.service import RoadIndex, route_point
from tests.factories import LAT0, LON0, create_town

M_LAT = 1 / 111_195  # degrees of latitude per metre


def _index() -> RoadIndex:
    line = {"type": "LineString", "coordinates": [[LON0 - 0.01, LAT0], [LON0 + 0.01, LAT0]]}
    zone = {
        "type": "Polygon",
        "coordinates": [
            [
                [LON0 - 0.05, LAT0 - 0.05],
                [LON0 + 0.05, LAT0 - 0.05],
                [LON0 + 0.05, LAT0 + 0.05],
                [LON0 - 0.05, LAT0 + 0.05],
                [LON0 - 0.05, LAT0 - 0.05],
            ]
        ],
    }
    return RoadIndex([(1, 9, line)], [(9, zone)])


def test_radius_is_in_metres():
    index = _index()
    assert index.route(LAT0 + 29 * M_LAT, LON0, 30, 5).road_id == 1
    missed = index.route(LAT0 + 31 * M_LAT, LON0, 30, 5)
    assert missed.road_id is None and missed.zone_id == 9
    assert index.route(LAT0 + 0.2, LON0, 30, 5).zone_id is None


def test_east_west_distance_uses_the_latitude_scale():
    # 25 m east of the road's end, at latitude 31°: a degree of longitude is ~95 km here.
    east = 25 / (111_195 * 0.857)
    assert _index().route(LAT0, LON0 + 0.01 + east, 30, 5).road_id == 1
    assert _index().route(LAT0, LON0 + 0.01 + 2 * east, 30, 5).road_id is None


def test_candidates_only_when_nearly_equal(db):
    town = create_town(db)
    s = get_settings()
    near_corner = route_point(
        db,
        LAT0 + 2 * M_LAT,
        LON0 + 0.005 - 3 / (111_195 * 0.857),
        s.routing_radius_m,
        s.routing_tie_margin_m,
    )
    assert {c.road_id for c in near_corner.candidates} == {town.east_west.id, town.north_south.id}
    clear = route_point(
        db, LAT0 + 2 * M_LAT, LON0 - 0.005, s.routing_radius_m, s.routing_tie_margin_m
    )
    assert clear.road_id == town.east_west.id and clear.candidates == []


def test_index_sees_a_new_road(db):
    town = create_town(db)
    s = get_settings()
    far = (LAT0 + 0.015, LON0 + 0.015)
    assert route_point(db, *far, s.routing_radius_m, s.routing_tie_margin_m).road_id is None
    road = Road(
        zone_id=town.zone.id,
        name="新路",
        chief_id=town.road_chief.id,
        geometry={"type": "LineString", "coordinates": [[LON0, far[0]], [LON0 + 0.02, far[0]]]},
    )
    db.add(road)
    db.flush()
    assert route_point(db, *far, s.routing_radius_m, s.routing_tie_margin_m).road_id == road.id
