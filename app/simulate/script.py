"""The seeded plan of the week: who does what, when, and how each case will go.

Everything random is drawn here, from one `random.Random(seed)`, before anything is sent:
the same seed and the same county give the same plan. What the server answers (ticket ids,
numbers, who a ticket lands with) and how long requests take vary with timing; each case's
fate (how late it is fixed, how often it is sent back) is fixed by the plan, not by them.
"""

import math
import random
from dataclasses import dataclass, field
from typing import Any

from app.simulate.clients import new_key
from app.simulate.clock import DAY, HOUR

# A ticket's fate: the share of its time limit before the after-photo (above 1: late), and
# how many times the verifier sends it back.
ON_TIME, LATE = 0.78, 0.22
REJECTIONS = ((0, 0.80), (1, 0.13), (2, 0.05), (3, 0.02))  # 3: the unit is 约谈'd


@dataclass(frozen=True)
class Fate:
    work_share: float
    rejections: int
    handoff: bool  # the chief hands it to the category's lead department first


@dataclass
class Report:
    """An inspector's report (or the same problem found again: `again_of`)."""

    n: int
    at: float
    inspector: str
    lat: float
    lon: float
    category: str
    key: str
    fate: Fate
    again_of: int | None = None
    resend: int = 0  # extra copies sent at once with the same key (a double tap, a retry)
    storm: bool = False
    where: str = "road"  # road / zone (off the roads) / outside (no zone: pending)


@dataclass
class CitizenCase:
    n: int
    at: float
    device: str
    address: str  # the citizen's network address (behind the county's proxy)
    lat: float
    lon: float
    category: str
    key: str
    triage: str  # accept / reject / merge
    rating: str  # satisfied / fair / unsatisfied
    fate: Fate


@dataclass
class Open311Case:
    n: int
    at: float
    lat: float
    lon: float
    category: str
    fate: Fate


@dataclass
class Fault:
    at: float
    kind: str  # kill / offline / storm / receiver_down
    until: float
    what: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class EvaluationPlan:
    create_at: float
    score_from: float
    score_until: float
    close_at: float
    inspectors: list[str]
    draw_seed: int
    deduct_share: float = 0.25


@dataclass
class Plan:
    seed: int
    days: int
    inspectors: list[str]
    beats: dict[str, list[int]]  # inspector → road ids they patrol
    reports: list[Report]
    citizens: list[CitizenCase]
    open311: list[Open311Case]
    faults: list[Fault]
    evaluation: EvaluationPlan
    supervisor_rounds: list[float]
    verify_rounds: list[float]
    bulletin_at: float
    end: float

    def summary(self) -> dict[str, int]:
        return {
            "inspectors": len(self.inspectors),
            "reports": sum(1 for r in self.reports if r.again_of is None),
            "found again": sum(1 for r in self.reports if r.again_of is not None),
            "resent": sum(r.resend for r in self.reports),
            "citizen reports": len(self.citizens),
            "open311 requests": len(self.open311),
            "faults": len(self.faults),
        }


# ---- geometry: metres on a local plane around the town ------------------------------------


class Town:
    """The county's roads and zones as /api/roads and /api/zones give them."""

    def __init__(self, roads: dict[str, Any], zones: dict[str, Any]) -> None:
        self.roads = sorted(roads["features"], key=lambda f: f["properties"]["id"])
        self.zones = sorted(zones["features"], key=lambda f: f["properties"]["id"])
        pts = [c for f in self.roads for c in f["geometry"]["coordinates"]]
        self.lon0 = sum(p[0] for p in pts) / len(pts)
        self.lat0 = sum(p[1] for p in pts) / len(pts)
        self.kx = 111_320 * math.cos(math.radians(self.lat0))
        self.ky = 110_540
        rings = [z["geometry"]["coordinates"][0] for z in self.zones if z.get("geometry")]
        all_pts = [p for ring in rings for p in ring] or pts
        self.bbox = (
            min(p[0] for p in all_pts),
            min(p[1] for p in all_pts),
            max(p[0] for p in all_pts),
            max(p[1] for p in all_pts),
        )
        self.rings = rings

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.lon0 + x / self.kx, self.lat0 + y / self.ky

    def road_ids(self) -> list[int]:
        return [f["properties"]["id"] for f in self.roads]

    def road(self, road_id: int) -> dict[str, Any]:
        return next(f for f in self.roads if f["properties"]["id"] == road_id)

    def point_on(self, road_id: int, rnd: random.Random, off_m: float = 6.0) -> tuple[float, float]:
        """A point along the road (length-weighted), a few metres to one side: (lat, lon)."""
        coords = [self.xy(*c) for c in self.road(road_id)["geometry"]["coordinates"]]
        segs = list(zip(coords, coords[1:], strict=False))
        lengths = [math.dist(a, b) for a, b in segs]
        pick = rnd.random() * sum(lengths)
        for (a, b), length in zip(segs, lengths, strict=True):
            if pick <= length or (a, b) == segs[-1]:
                t = pick / length if length else 0.0
                x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
                nx, ny = (-(b[1] - a[1]) / length, (b[0] - a[0]) / length) if length else (0, 0)
                side = rnd.uniform(-off_m, off_m)
                lon, lat = self.lonlat(x + nx * side, y + ny * side)
                return round(lat, 6), round(lon, 6)
            pick -= length
        raise AssertionError("unreachable")

    def distance_to_roads(self, lat: float, lon: float) -> float:
        p = self.xy(lon, lat)
        best = math.inf
        for f in self.roads:
            coords = [self.xy(*c) for c in f["geometry"]["coordinates"]]
            for a, b in zip(coords, coords[1:], strict=False):
                best = min(best, _segment_distance(p, a, b))
        return best

    def nearest_road(self, lat: float, lon: float) -> int:
        p = self.xy(lon, lat)
        best, best_id = math.inf, self.roads[0]["properties"]["id"]
        for f in self.roads:
            coords = [self.xy(*c) for c in f["geometry"]["coordinates"]]
            for a, b in zip(coords, coords[1:], strict=False):
                d = _segment_distance(p, a, b)
                if d < best:
                    best, best_id = d, f["properties"]["id"]
        return int(best_id)

    def in_zone(self, lat: float, lon: float) -> bool:
        return any(_inside(lon, lat, ring) for ring in self.rings)

    def off_road(self, rnd: random.Random) -> tuple[float, float]:
        """Inside a zone, away from every road (routed to the zone's chief)."""
        for _ in range(200):
            lon = rnd.uniform(self.bbox[0], self.bbox[2])
            lat = rnd.uniform(self.bbox[1], self.bbox[3])
            if self.in_zone(lat, lon) and self.distance_to_roads(lat, lon) > 80:
                return round(lat, 6), round(lon, 6)
        return self.point_on(self.road_ids()[0], rnd)

    def outside(self, rnd: random.Random) -> tuple[float, float]:
        """A few hundred metres outside every zone: pending, for the command centre."""
        for _ in range(200):
            edge = rnd.choice(["n", "s", "e", "w"])
            west, south, east, north = self.bbox
            gap_lat, gap_lon = rnd.uniform(300, 1500) / self.ky, rnd.uniform(300, 1500) / self.kx
            if edge in "ns":
                lon = rnd.uniform(west, east)
                lat = north + gap_lat if edge == "n" else south - gap_lat
            else:
                lat = rnd.uniform(south, north)
                lon = east + gap_lon if edge == "e" else west - gap_lon
            if not self.in_zone(lat, lon) and self.distance_to_roads(lat, lon) > 200:
                return round(lat, 6), round(lon, 6)
        return self.off_road(rnd)


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _inside(x: float, y: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


# ---- the plan -------------------------------------------------------------------------------


def _fate(rnd: random.Random) -> Fate:
    # On time: mostly soon (a sticker is scraped off the same day), some near the deadline.
    share = 0.03 + 0.9 * rnd.random() ** 2 if rnd.random() < ON_TIME else rnd.uniform(1.15, 2.5)
    roll, rejections = rnd.random(), 0
    for count, p in REJECTIONS:
        if roll < p:
            rejections = count
            break
        roll -= p
    return Fate(round(share, 3), rejections, rnd.random() < 0.3)


def _day_time(day: int, start_h: float, end_h: float, rnd: random.Random) -> float:
    return day * DAY + rnd.uniform(start_h, end_h) * HOUR


def make_plan(
    seed: int,
    days: int,
    inspectors: int,
    citizens: int,
    town: Town,
    categories: list[str],
    reports_per_sweep: float = 3.0,
) -> Plan:
    rnd = random.Random(seed)
    names = [f"sim-inspector-{i + 1:02d}" for i in range(inspectors)]
    road_ids = town.road_ids()
    beats = {
        name: sorted(rnd.sample(road_ids, k=min(len(road_ids), rnd.randint(2, 4))))
        for name in names
    }
    faults = _faults(days, rnd, names)
    storm = next((f for f in faults if f.kind == "storm"), None)
    reports: list[Report] = []
    for day in range(days):
        weekend = day % 7 >= 5
        for name in names:
            count = _poisson(rnd, reports_per_sweep * (0.4 if weekend else 1.0))
            for _ in range(count):
                at = _day_time(day, 8.0, 10.5, rnd)
                road = rnd.choice(beats[name])
                roll = rnd.random()
                earlier = [
                    r
                    for r in reports
                    if r.again_of is None and r.where == "road" and at - 2 * DAY < r.at < at - HOUR
                ]
                if roll < 0.10 and earlier:
                    first = rnd.choice(earlier)
                    lat = round(first.lat + rnd.uniform(-5, 5) / town.ky, 6)
                    lon = round(first.lon + rnd.uniform(-5, 5) / town.kx, 6)
                    reports.append(
                        Report(len(reports), at, name, lat, lon, first.category,
                               new_key(rnd), first.fate, again_of=first.n)
                    )  # fmt: skip
                    continue
                if roll < 0.80:
                    (lat, lon), where = town.point_on(road, rnd), "road"
                elif roll < 0.95:
                    (lat, lon), where = town.off_road(rnd), "zone"
                else:
                    (lat, lon), where = town.outside(rnd), "outside"
                resend = 1 if rnd.random() < 0.08 else 0
                reports.append(
                    Report(len(reports), at, name, lat, lon, rnd.choice(categories),
                           new_key(rnd), _fate(rnd), resend=resend, where=where)
                )  # fmt: skip
    if storm is not None:
        # Phones coming back into coverage at once, each sending its report six times.
        for i in range(max(5, len(names) // 2)):
            name = names[i % len(names)]
            lat, lon = town.point_on(rnd.choice(beats[name]), rnd)
            reports.append(
                Report(len(reports), storm.at + i * 7.0, name, lat, lon, rnd.choice(categories),
                       new_key(rnd), _fate(rnd), resend=5, storm=True)
            )  # fmt: skip
    reports.sort(key=lambda r: (r.at, r.n))
    cases = []
    for i in range(citizens):
        day = rnd.randrange(days)
        at = _day_time(day, 7.0, 21.0, rnd)
        lat, lon = town.point_on(rnd.choice(road_ids), rnd, off_m=10)
        roll = rnd.random()
        triage = "reject" if roll < 0.1 else "merge" if roll < 0.2 else "accept"
        score = rnd.random()
        rating = "unsatisfied" if score < 0.1 else "fair" if score < 0.3 else "satisfied"
        cases.append(
            CitizenCase(i, at, f"sim-device-{i:04d}", f"10.{i // 250}.{i % 250}.{2 + i % 97}",
                        lat, lon, rnd.choice(categories), new_key(rnd), triage, rating, _fate(rnd))
        )  # fmt: skip
    cases.sort(key=lambda c: (c.at, c.n))
    requests = []
    for i in range(max(1, citizens // 4)):
        at = _day_time(rnd.randrange(days), 8.0, 18.0, rnd)
        lat, lon = town.point_on(rnd.choice(road_ids), rnd, off_m=10)
        requests.append(Open311Case(i, at, lat, lon, rnd.choice(categories), _fate(rnd)))
    requests.sort(key=lambda c: (c.at, c.n))
    eval_day = min(2, days - 1)
    evaluation = EvaluationPlan(
        create_at=eval_day * DAY + 8.5 * HOUR,
        score_from=eval_day * DAY + 9.0 * HOUR,
        score_until=eval_day * DAY + 15.0 * HOUR,
        close_at=min(days - 1, eval_day + 1) * DAY + 17.0 * HOUR,
        inspectors=names[: max(1, min(4, len(names)))],
        draw_seed=rnd.randrange(1_000_000),
    )
    supervisor_rounds = [d * DAY + h * HOUR for d in range(days) for h in range(8, 19)]
    verify_rounds = [d * DAY + h * HOUR for d in range(days) for h in (14.5, 16.5)]
    return Plan(
        seed=seed,
        days=days,
        inspectors=names,
        beats=beats,
        reports=reports,
        citizens=cases,
        open311=requests,
        faults=faults,
        evaluation=evaluation,
        supervisor_rounds=supervisor_rounds,
        verify_rounds=verify_rounds,
        bulletin_at=(days - 1) * DAY + 17.5 * HOUR,
        end=(days - 1) * DAY + 20.0 * HOUR,
    )


def _faults(days: int, rnd: random.Random, inspectors: list[str]) -> list[Fault]:
    """The schedule: spread over the week, or packed into the one day of a short run."""
    d2, d3 = min(1, days - 1), min(2, days - 1)
    offline = sorted(rnd.sample(inspectors, k=max(1, len(inspectors) // 3)))
    receiver_day = (d2 * DAY + 12 * HOUR, (d2 + 1) * DAY + 12 * HOUR) if days > 2 else (
        12 * HOUR, 15 * HOUR)  # fmt: skip
    return [
        Fault(8.9 * HOUR, "kill", 8.9 * HOUR, "server killed (SIGKILL) mid-burst, restarted"),
        Fault(
            d2 * DAY + 8.3 * HOUR,
            "storm",
            d2 * DAY + 8.6 * HOUR,
            "duplicate-submission storm: reports sent 6 times at once, each with its one key",
        ),
        Fault(
            d3 * DAY + (8.0 if days > 1 else 9.5) * HOUR,
            "offline",
            d3 * DAY + (10.0 if days > 1 else 10.5) * HOUR,
            f"{len(offline)} inspectors' phones offline, outboxes drained after",
            {"inspectors": offline},
        ),
        Fault(
            min(3, days - 1) * DAY + (9.2 if days > 1 else 10.0) * HOUR,
            "locks",
            min(3, days - 1) * DAY + (9.2 if days > 1 else 10.0) * HOUR,
            "slow database: the lock every write needs held by another session",
            {"seconds": 20.0},
        ),
        Fault(
            receiver_day[0],
            "receiver_down",
            receiver_day[1],
            "webhook receiver down (answers 503)",
        ),
    ]


def _poisson(rnd: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rnd.random()
        if p <= limit:
            return k
        k += 1
