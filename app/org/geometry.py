"""GeoJSON geometry of zones, grids (polygons) and roads (lines): checked and normalised.

Imports and drawn edits use the same checks. A drawn edit must also lie inside the county's
extent: the bounding box of the zones already on the system, widened by EXTENT_MARGIN_M on
every side. That catches what a slip of the hand or a client bug produces — latitude and
longitude swapped, a shape at (0, 0), a road drawn in another province — while leaving room
for a new zone at the county's edge. Before the first zone exists there is no extent (the
first import or drawing defines it).
"""

import math
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity
from sqlmodel import Session, select

from app.core.errors import Invalid
from app.org.models import Zone

ZONE_TYPES = ("Polygon", "MultiPolygon")
ROAD_TYPES = ("LineString", "MultiLineString")
# How far beyond today's zones a drawn zone, grid or road may reach.
EXTENT_MARGIN_M = 10_000.0
METRES_PER_DEGREE = 111_320.0


class BadFeature(Exception):
    """A feature or geometry that cannot be used, with the reason for the admin."""


def _position(value: Any) -> list[float]:
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise BadFeature("a position must be [longitude, latitude]")
    lon, lat = value[0], value[1]
    for v in (lon, lat):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise BadFeature(f"coordinate {v!r} is not a number")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise BadFeature(f"position [{lon}, {lat}] is outside longitude/latitude range")
    # Altitude, if any, is dropped: routing is two-dimensional.
    return [float(lon), float(lat)]


def _line(value: Any) -> list[list[float]]:
    if not isinstance(value, list):
        raise BadFeature("a line must be a list of positions")
    points = [_position(p) for p in value]
    if len({tuple(p) for p in points}) < 2:
        raise BadFeature("a line needs at least 2 distinct points")
    return points


def _ring(value: Any) -> list[list[float]]:
    if not isinstance(value, list):
        raise BadFeature("a polygon ring must be a list of positions")
    points = [_position(p) for p in value]
    if len(points) < 4 or points[0] != points[-1]:
        raise BadFeature("a polygon ring needs at least 4 positions and must be closed")
    return points


def _list_of(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise BadFeature(f"{what} must be a non-empty list")
    return value


def parse_geometry(raw: Any) -> dict[str, Any]:
    """Checked, normalised GeoJSON geometry (2-D positions, floats), or BadFeature."""
    if not isinstance(raw, dict):
        raise BadFeature("missing geometry")
    kind = raw.get("type")
    if kind not in ZONE_TYPES + ROAD_TYPES:
        raise BadFeature(
            f"unsupported geometry type {kind!r} (zones are Polygon/MultiPolygon, "
            "roads LineString/MultiLineString)"
        )
    coords = raw.get("coordinates")
    if kind == "LineString":
        coordinates: Any = _line(coords)
    elif kind == "MultiLineString":
        coordinates = [_line(part) for part in _list_of(coords, "coordinates")]
    elif kind == "Polygon":
        coordinates = [_ring(r) for r in _list_of(coords, "coordinates")]
    else:
        coordinates = [
            [_ring(r) for r in _list_of(poly, "each polygon")]
            for poly in _list_of(coords, "coordinates")
        ]
    geometry = {"type": kind, "coordinates": coordinates}
    if kind in ZONE_TYPES:
        polygon = shape(geometry)
        if not polygon.is_valid:
            raise BadFeature(f"invalid polygon: {explain_validity(polygon)}")
    return geometry


def county_extent(session: Session) -> tuple[float, float, float, float] | None:
    """(minLon, minLat, maxLon, maxLat) a drawn shape must stay inside; None before any zone."""
    shapes = [shape(g) for g in session.exec(select(Zone.geometry))]
    if not shapes:
        return None
    minx, miny, maxx, maxy = (float(v) for v in shapely.total_bounds(shapes))
    dlat = EXTENT_MARGIN_M / METRES_PER_DEGREE
    mid = math.radians((miny + maxy) / 2)
    dlon = EXTENT_MARGIN_M / (METRES_PER_DEGREE * max(math.cos(mid), 0.01))
    return (minx - dlon, miny - dlat, maxx + dlon, maxy + dlat)


def drawn_geometry(
    session: Session, raw: Any, kinds: tuple[str, ...], now: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A geometry drawn on the map or sent by a client: the right type, valid, in the county.

    `now` is the shape as stored: sent back unchanged (a form saving a new name), it is not
    judged again, so a road imported beyond the margin can still be renamed."""
    try:
        geometry = parse_geometry(raw)
    except BadFeature as exc:
        raise Invalid(f"geometry: {exc}") from None
    if geometry["type"] not in kinds:
        raise Invalid(f"geometry must be {' or '.join(kinds)}")
    if geometry == now:
        return geometry
    extent = county_extent(session)
    if extent is not None:
        minx, miny, maxx, maxy = shapely.total_bounds([shape(geometry)])
        if minx < extent[0] or miny < extent[1] or maxx > extent[2] or maxy > extent[3]:
            raise Invalid(
                f"geometry: lies outside the county (more than {EXTENT_MARGIN_M / 1000:g} km "
                "beyond its zones); longitude and latitude swapped?"
            )
    return geometry
