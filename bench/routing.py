"""Routing speed: STRtree lookups among tens of thousands of road segments vs a linear scan.

Run: .venv/bin/python bench/routing.py [--segments 40000] [--lookups 2000]
"""

import argparse
import random
import statistics
import time

import shapely

from app.routing.service import RoadIndex


def town(segments: int, seed: int = 7) -> list[tuple[int, int | None, dict]]:
    """A county-sized grid of roads, each a polyline of ~10 segments."""
    rnd = random.Random(seed)
    roads = []
    per_road = 10
    for road_id in range(segments // per_road):
        lon, lat = 119.5 + rnd.random() * 0.8, 30.6 + rnd.random() * 0.8
        pts = []
        for _ in range(per_road + 1):
            pts.append([lon, lat])
            lon += rnd.uniform(-0.001, 0.001)
            lat += rnd.uniform(-0.001, 0.001)
        roads.append((road_id, None, {"type": "LineString", "coordinates": pts}))
    return roads


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--segments", type=int, default=40_000)
    ap.add_argument("--lookups", type=int, default=2_000)
    args = ap.parse_args()
    roads = town(args.segments)
    t0 = time.perf_counter()
    index = RoadIndex(roads, [])
    build = time.perf_counter() - t0
    rnd = random.Random(1)
    points = [(30.6 + rnd.random() * 0.8, 119.5 + rnd.random() * 0.8) for _ in range(args.lookups)]

    tree_times = []
    for lat, lon in points:
        t = time.perf_counter()
        index.route(lat, lon, 30, 5)
        tree_times.append(time.perf_counter() - t)

    # Baseline: the obvious scan — distance to every segment, then filter.
    scan_times = []
    for lat, lon in points[: max(20, args.lookups // 50)]:
        t = time.perf_counter()
        x, y = index.proj.xy([[lon, lat]])[0]
        d = shapely.distance(index.segments, shapely.Point(x, y))
        _ = index.owners[d <= 30]
        scan_times.append(time.perf_counter() - t)

    p50 = statistics.median(tree_times) * 1e3
    p95 = sorted(tree_times)[int(len(tree_times) * 0.95)] * 1e3
    scan = statistics.median(scan_times) * 1e3
    print(f"segments: {len(index.segments)}  index build: {build * 1e3:.0f} ms")
    print(f"STRtree lookup: p50 {p50:.3f} ms  p95 {p95:.3f} ms")
    print(f"linear scan (vectorised shapely): p50 {scan:.3f} ms")
    print(f"ratio tree/scan: {p50 / scan:.4f}")


if __name__ == "__main__":
    main()
