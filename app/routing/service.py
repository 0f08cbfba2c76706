"""Routing: snap a reported point to the nearest road, else its grid (网格), else its zone,
else the command centre.

Geometry is projected to a local equirectangular plane in metres around the town, where a
30 m radius is a true 30 m (the scale error across a county is well under 1 %). Roads are
split into their segments and kept in a shapely STRtree, so a lookup among tens of thousands
of segments is a tree query, not a scan. Grid and zone polygons have trees of their own.
"""

import math
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree
from sqlmodel import Session, func, select

from app.org import hooks
from app.org.models import Grid, Road, Zone

EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True)
class Candidate:
    road_id: int
    distance_m: float


@dataclass(frozen=True)
class GridCandidate:
    grid_id: int
    # Metres from the point to the grid: 0 inside it (or on its edge).
    distance_m: float


@dataclass(frozen=True)
class Route:
    road_id: int | None = None
    zone_id: int | None = None
    grid_id: int | None = None
    candidates: list[Candidate] = field(default_factory=list)
    # Grids within the tie margin when the report went to a grid near another one's edge.
    grid_candidates: list[GridCandidate] = field(default_factory=list)


class Projection:
    def __init__(self, lon0: float, lat0: float) -> None:
        self.lon0, self.lat0 = lon0, lat0
        self.kx = math.radians(1) * EARTH_RADIUS_M * math.cos(math.radians(lat0))
        self.ky = math.radians(1) * EARTH_RADIUS_M

    def xy(self, coords: Any) -> np.ndarray:
        arr = np.asarray(coords, dtype=float)
        return np.column_stack(
            ((arr[:, 0] - self.lon0) * self.kx, (arr[:, 1] - self.lat0) * self.ky)
        )

    def geometry(self, geom: shapely.Geometry) -> shapely.Geometry:
        return shapely.transform(geom, self.xy)


class RoadIndex:
    """Spatial index over road segments, grid and zone polygons, in metres."""

    def __init__(
        self,
        roads: list[tuple[int, int | None, dict[str, Any]]],
        zones: list[tuple[int, dict[str, Any]]],
        grids: list[tuple[int, int, dict[str, Any]]] | None = None,
    ) -> None:
        grids = grids or []
        geoms = [shape(g) for _, _, g in roads] + [shape(g) for _, g in zones]
        # The area's extent in WGS-84 (minLon, minLat, maxLon, maxLat); None for an empty town.
        self.bbox: tuple[float, float, float, float] | None = None
        if geoms:
            minx, miny, maxx, maxy = shapely.total_bounds(geoms)
            self.bbox = (float(minx), float(miny), float(maxx), float(maxy))
            self.proj = Projection((minx + maxx) / 2, (miny + maxy) / 2)
        else:
            self.proj = Projection(0.0, 0.0)
        segments: list[shapely.Geometry] = []
        owners: list[int] = []
        self.road_zone: dict[int, int | None] = {}
        for road_id, zone_id, geometry in roads:
            self.road_zone[road_id] = zone_id
            line = self.proj.geometry(shape(geometry))
            for part in getattr(line, "geoms", [line]):
                pts = np.asarray(part.coords)
                for a, b in zip(pts[:-1], pts[1:], strict=True):
                    segments.append(shapely.LineString([a, b]))
                    owners.append(road_id)
        self.segments = np.array(segments, dtype=object)
        self.owners = np.array(owners, dtype=np.int64)
        self.tree = STRtree(self.segments)
        self.zone_ids = np.array([z for z, _ in zones], dtype=np.int64)
        self.zone_shapes = np.array([self.proj.geometry(shape(g)) for _, g in zones], dtype=object)
        self.zone_tree = STRtree(self.zone_shapes)
        self.grid_ids = np.array([g for g, _, _ in grids], dtype=np.int64)
        self.grid_zone = {g: z for g, z, _ in grids}
        self.grid_shapes = np.array(
            [self.proj.geometry(shape(geom)) for _, _, geom in grids], dtype=object
        )
        self.grid_tree = STRtree(self.grid_shapes)

    def route(self, lat: float, lon: float, radius_m: float, tie_margin_m: float) -> Route:
        x, y = self.proj.xy([[lon, lat]])[0]
        point = Point(x, y)
        hits = self.tree.query(point, predicate="dwithin", distance=radius_m)
        if len(hits):
            distances = shapely.distance(self.segments[hits], point)
            best: dict[int, float] = {}
            for owner, dist in zip(self.owners[hits], distances, strict=True):
                road_id = int(owner)
                if dist < best.get(road_id, math.inf):
                    best[road_id] = float(dist)
            ranked = sorted(best.items(), key=lambda kv: (kv[1], kv[0]))
            nearest = ranked[0][1]
            close = [Candidate(r, round(d, 1)) for r, d in ranked if d <= nearest + tie_margin_m]
            road_id = close[0].road_id
            zone_id = self.road_zone.get(road_id) or self._zone_at(point)
            grid_id, _ = self._grid_at(point, tie_margin_m)
            return Route(road_id, zone_id, grid_id, close if len(close) > 1 else [])
        grid_id, near = self._grid_at(point, tie_margin_m)
        # A grid lies inside its zone; the zone polygon decides only where no grid is drawn.
        zone_id = self.grid_zone.get(grid_id) if grid_id else self._zone_at(point)
        return Route(None, zone_id, grid_id, [], near)

    def distance_outside_m(self, lat: float, lon: float) -> float | None:
        """Metres from the point to the nearest zone (0 inside one); None with no zones."""
        if not len(self.zone_shapes):
            return None
        x, y = self.proj.xy([[lon, lat]])[0]
        _, distances = self.zone_tree.query_nearest(Point(x, y), return_distance=True)
        return float(distances.min())

    def _zone_at(self, point: Point) -> int | None:
        hits = self.zone_tree.query(point, predicate="intersects")
        return int(self.zone_ids[min(hits)]) if len(hits) else None

    def _grid_at(self, point: Point, margin_m: float) -> tuple[int | None, list[GridCandidate]]:
        """The grid the point is deepest inside, and the near-tie candidates.

        Hand-drawn grids overlap or leave slivers along shared edges, and a phone's fix is a
        few metres off: inside two overlapping grids, the one whose edge is farther away wins;
        in a gap narrower than the margin, the nearest grid does; exactly on a shared edge the
        lower id does, so the answer never depends on the order the index was built in. When
        the point is within the margin of more than one grid, they are all kept (nearest
        first) for a supervisor to re-route in one tap, like two roads nearly equally close.
        """
        hits = self.grid_tree.query(point, predicate="dwithin", distance=margin_m)
        if not len(hits):
            return None, []
        shapes = self.grid_shapes[hits]
        inside = shapely.intersects(shapes, point)
        depth = shapely.distance(shapely.boundary(shapes), point)
        # Signed: negative inside (the deeper the smaller), positive outside.
        signed = np.where(inside, -depth, shapely.distance(shapes, point))
        ranked = sorted(
            zip(np.round(signed, 1), self.grid_ids[hits], strict=True),
            key=lambda sg: (float(sg[0]), int(sg[1])),
        )
        best = int(ranked[0][1])
        if len(ranked) < 2 or abs(float(ranked[0][0])) > margin_m:
            return best, []
        return best, [GridCandidate(int(g), max(0.0, float(d))) for d, g in ranked]


_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], RoadIndex]] = {}


def _version(session: Session) -> tuple[Any, ...]:
    """What the org chart looks like from here: a change by any process changes it (each
    change stamps updated_at; a deletion lowers a count)."""
    roads = session.exec(select(func.count(), func.max(Road.id), func.max(Road.updated_at))).one()
    zones = session.exec(select(func.count(), func.max(Zone.id), func.max(Zone.updated_at))).one()
    grids = session.exec(select(func.count(), func.max(Grid.id), func.max(Grid.updated_at))).one()
    return (*roads, *zones, *grids)


def road_index(session: Session) -> RoadIndex:
    """The index for this database, rebuilt only when roads or zones changed."""
    key = str(session.get_bind().engine.url)
    version = _version(session)
    cached = _cache.get(key)
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        roads = [(r.id, r.zone_id, r.geometry) for r in session.exec(select(Road))]
        zones = [(z.id, z.geometry) for z in session.exec(select(Zone))]
        grids = [(g.id, g.zone_id, g.geometry) for g in session.exec(select(Grid))]
        index = RoadIndex(roads, zones, grids)  # type: ignore[arg-type]
        _cache[key] = (version, index)
        return index


def invalidate() -> None:
    """Drop this process's indexes at once (other processes notice through `_version`)."""
    _cache.clear()


hooks.after_map_commit(invalidate)  # once an org edit commits (app.org.hooks)


def route_point(
    session: Session, lat: float, lon: float, radius_m: float, tie_margin_m: float
) -> Route:
    return road_index(session).route(lat, lon, radius_m, tie_margin_m)
