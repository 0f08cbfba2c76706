"""Distances on the ground, in metres: between two points, and from a point to a site.

`site_distance_m` is the one site-distance rule (测评 check-in, the phone's sheet and its list):
to a Point its great-circle distance; to a line (a road) the distance to its nearest point;
inside a polygon 0, outside it the distance to its nearest edge. The nearest point is found on
a flat projection centred on the phone (longitude scaled by cos(latitude): exact to centimetres
within a town), then measured as a great circle. The phone runs a twin of this function
(frontend/src/lib/siteDistance.ts), held to it by tests/cases/site_distance.json, which both
test suites run.
"""

import math
from typing import Any

EARTH_RADIUS_M = 6_371_008.8
# A site with no radius of its own: how far a check-in may be before it is flagged.
DEFAULT_SITE_RADIUS_M = 50.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


Ring = list[list[float]]


def _parts(geometry: dict[str, Any]) -> tuple[list[list[float]], list[Ring], list[list[Ring]]]:
    """(points, lines, polygons) of a GeoJSON geometry, as [lon, lat] lists."""
    kind: str = geometry["type"]
    coords: Any = geometry.get("coordinates")
    if kind == "Point":
        return [coords], [], []
    if kind == "MultiPoint":
        return list(coords), [], []
    if kind == "LineString":
        return [], [coords], []
    if kind == "MultiLineString":
        return [], list(coords), []
    if kind == "Polygon":
        return [], [], [coords]
    if kind == "MultiPolygon":
        return [], [], list(coords)
    if kind == "GeometryCollection":
        points: list[list[float]] = []
        lines: list[Ring] = []
        polygons: list[list[Ring]] = []
        for g in geometry.get("geometries", []):
            p, li, pg = _parts(g)
            points += p
            lines += li
            polygons += pg
        return points, lines, polygons
    raise ValueError(f"not a GeoJSON geometry: {kind}")


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _nearest_on_line(line: Ring, lat: float, lon: float, k: float) -> tuple[float, list[float]]:
    """(squared flat distance, [lon, lat]) of the line's nearest point to (lat, lon)."""
    best: tuple[float, list[float]] = (math.inf, line[0])
    if len(line) == 1:
        ax, ay = (line[0][0] - lon) * k, line[0][1] - lat
        return ax * ax + ay * ay, line[0]
    for a, b in zip(line, line[1:], strict=False):
        ax, ay = (a[0] - lon) * k, a[1] - lat
        dx, dy = (b[0] - lon) * k - ax, (b[1] - lat) - ay
        length = dx * dx + dy * dy
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / length)) if length else 0.0
        x, y = ax + t * dx, ay + t * dy
        d = x * x + y * y
        if d < best[0]:
            best = (d, [lon + x / k, lat + y])
    return best


def site_distance_m(geometry: dict[str, Any], lat: float, lon: float) -> float:
    """Metres from (lat, lon) to a site's geometry (see the module docstring)."""
    points, lines, polygons = _parts(geometry)
    for rings in polygons:
        if (
            rings
            and _in_ring(rings[0], lon, lat)
            and not any(_in_ring(h, lon, lat) for h in rings[1:])
        ):
            return 0.0
    best = math.inf
    for p in points:
        best = min(best, distance_m(lat, lon, p[1], p[0]))
    k = max(math.cos(math.radians(lat)), 1e-9)
    edges = [*lines, *(ring for rings in polygons for ring in rings)]
    for line in edges:
        if line:
            _d, near = _nearest_on_line(line, lat, lon, k)
            best = min(best, distance_m(lat, lon, near[1], near[0]))
    return best


def is_far(distance: float, radius_m: float | None) -> bool:
    """A check-in further from the site than its radius is flagged (not refused)."""
    return distance > (radius_m if radius_m is not None else DEFAULT_SITE_RADIUS_M)
