"""Import zones and roads with their chiefs from GeoJSON: all of it, or none of it.

Polygon / MultiPolygon features are zones (片区): properties `name`, `area` (the town),
`chief` (the level-2 chief's username). LineString / MultiLineString features are roads
(路段): properties `name`, `zone` (zone name; optional `area` when two towns share a zone
name), `chief` (the level-3 chief's username). Either may carry `chief_name` to create a
chief not yet on the system (without a password, so they cannot sign in until an admin
sets one). Zones are upserted by name within their town, roads by name within their zone.
"""

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from app.core.errors import Invalid
from app.core.timeutil import utcnow
from app.org.geometry import ROAD_TYPES, ZONE_TYPES, BadFeature, parse_geometry
from app.org.models import Area, Road, Role, User, Zone

MAX_ERRORS_SHOWN = 10


@dataclass
class ImportResult:
    areas_created: int = 0
    chiefs_created: int = 0
    zones_created: int = 0
    zones_updated: int = 0
    zones_unchanged: int = 0
    roads_created: int = 0
    roads_updated: int = 0
    roads_unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"zones: {self.zones_created} created, {self.zones_updated} updated, "
            f"{self.zones_unchanged} unchanged; roads: {self.roads_created} created, "
            f"{self.roads_updated} updated, {self.roads_unchanged} unchanged; "
            f"{self.areas_created} areas and {self.chiefs_created} chiefs created"
        )


@dataclass
class _Feature:
    label: str  # "feature 7 (人民路)", for messages
    name: str
    geometry: dict[str, Any]
    chief: str | None
    chief_name: str | None
    area: str | None = None  # zones: their town; roads: optional, to pick the zone
    zone: str | None = None  # roads only
    errors: list[str] = field(default_factory=list)


def _text(props: dict[str, Any], key: str, required: bool = False) -> str | None:
    value = props.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadFeature(f"missing property '{key}'")
        return None
    if not isinstance(value, str):
        raise BadFeature(f"property '{key}' must be text")
    if len(value.strip()) > 100:
        raise BadFeature(f"property '{key}' is longer than 100 characters")
    return value.strip()


def _parse(index: int, raw: Any) -> _Feature:
    props = raw.get("properties") if isinstance(raw, dict) else None
    props = props if isinstance(props, dict) else {}
    name = props.get("name")
    label = f"feature {index} ({name})" if isinstance(name, str) and name else f"feature {index}"
    try:
        if not isinstance(raw, dict) or raw.get("type") != "Feature":
            raise BadFeature("not a GeoJSON Feature")
        geometry = parse_geometry(raw.get("geometry"))
        feature = _Feature(
            label=label,
            name=_text(props, "name", required=True) or "",
            geometry=geometry,
            chief=_text(props, "chief"),
            chief_name=_text(props, "chief_name"),
            area=_text(props, "area", required=geometry["type"] in ZONE_TYPES),
        )
        if geometry["type"] in ROAD_TYPES:
            feature.zone = _text(props, "zone", required=True)
        return feature
    except BadFeature as exc:
        return _Feature(label, "", {}, None, None, errors=[f"{label}: {exc}"])


def feature_list(data: Any) -> list[Any]:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise Invalid("not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise Invalid("a FeatureCollection needs a 'features' list")
    return features


def import_roads(session: Session, data: dict[str, Any]) -> ImportResult:
    """Check every feature, then write zones and roads; any bad feature imports nothing."""
    features = [_parse(i, raw) for i, raw in enumerate(feature_list(data), start=1)]
    zones = [f for f in features if not f.errors and f.geometry["type"] in ZONE_TYPES]
    roads = [f for f in features if not f.errors and f.geometry["type"] in ROAD_TYPES]

    users = {u.username: u for u in session.exec(select(User))}
    areas = {a.name: a for a in session.exec(select(Area))}
    db_zones = {
        (area.name, z.name): z
        for z, area in session.exec(select(Zone, Area).where(Zone.area_id == Area.id))
    }
    # Chiefs the file itself creates (chief_name given): username → (name, level).
    new_chiefs: dict[str, tuple[str, int]] = {}

    def check_chief(f: _Feature, level: int) -> None:
        if f.chief is None:
            return
        user = users.get(f.chief)
        if user is None and f.chief_name:
            known = new_chiefs.setdefault(f.chief, (f.chief_name, level))
            if known[0] != f.chief_name:
                f.errors.append(
                    f"{f.label}: chief '{f.chief}' is named both {known[0]!r} and {f.chief_name!r}"
                )
        elif user is None:
            f.errors.append(f"{f.label}: unknown chief '{f.chief}'")
        elif user.role != Role.chief or not user.is_active:
            f.errors.append(f"{f.label}: user '{f.chief}' is not an active chief")

    seen_zones: dict[tuple[str, str], _Feature] = {}
    for f in zones:
        key = (f.area or "", f.name)
        if key in seen_zones:
            first = seen_zones[key].label
            f.errors.append(f"{f.label}: zone '{f.name}' appears twice (see {first})")
        seen_zones.setdefault(key, f)
        check_chief(f, level=2)

    zone_areas: dict[str, set[str]] = {}
    for area_name, zone_name in (*db_zones, *seen_zones):
        zone_areas.setdefault(zone_name, set()).add(area_name)
    seen_roads: dict[tuple[str, str, str], _Feature] = {}
    for f in roads:
        candidates = zone_areas.get(f.zone or "", set())
        if f.area is not None:
            candidates = candidates & {f.area}
        if not candidates:
            in_area = f" in area '{f.area}'" if f.area else ""
            f.errors.append(f"{f.label}: unknown zone '{f.zone}'{in_area}")
        elif len(candidates) > 1:
            f.errors.append(
                f"{f.label}: zone '{f.zone}' exists in several areas; add an 'area' property"
            )
        else:
            f.area = next(iter(candidates))
            road_key = (f.area, f.zone or "", f.name)
            if road_key in seen_roads:
                f.errors.append(
                    f"{f.label}: road '{f.name}' appears twice in zone '{f.zone}' "
                    f"(see {seen_roads[road_key].label})"
                )
            seen_roads.setdefault(road_key, f)
        check_chief(f, level=3)

    errors = [e for f in features for e in f.errors]
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = len(errors) - MAX_ERRORS_SHOWN
        raise Invalid(shown + (f"; and {more} more" if more > 0 else ""), errors=errors)
    return _write(session, zones, roads, users, areas, db_zones, new_chiefs)


def _write(
    session: Session,
    zones: list[_Feature],
    roads: list[_Feature],
    users: dict[str, User],
    areas: dict[str, Area],
    db_zones: dict[tuple[str, str], Zone],
    new_chiefs: dict[str, tuple[str, int]],
) -> ImportResult:
    result = ImportResult()
    for f in zones:
        if f.area and f.area not in areas:
            areas[f.area] = Area(name=f.area)
            session.add(areas[f.area])
            result.areas_created += 1
    session.flush()
    area_ids = {name: area.id for name, area in areas.items() if area.id is not None}

    for username, (name, level) in new_chiefs.items():
        area_names = {f.area or "" for f in (*zones, *roads) if f.chief == username}
        users[username] = User(
            username=username,
            name=name,
            role=Role.chief,
            level=level,
            area_id=area_ids.get(area_names.pop()) if len(area_names) == 1 else None,
        )
        session.add(users[username])
        result.chiefs_created += 1
    session.flush()

    def chief_id(f: _Feature) -> int | None:
        return users[f.chief].id if f.chief else None

    for f in zones:
        key = (f.area or "", f.name)
        zone = db_zones.get(key)
        if zone is None:
            zone = db_zones[key] = Zone(
                area_id=area_ids[key[0]], name=f.name, geometry=f.geometry, chief_id=chief_id(f)
            )
            session.add(zone)
            result.zones_created += 1
        elif zone.geometry != f.geometry or zone.chief_id != chief_id(f):
            zone.geometry, zone.chief_id, zone.updated_at = f.geometry, chief_id(f), utcnow()
            session.add(zone)
            result.zones_updated += 1
        else:
            result.zones_unchanged += 1
    session.flush()

    zone_ids = {z.id for z in db_zones.values()}
    existing_roads = {
        (r.zone_id, r.name): r
        for r in session.exec(select(Road).where(Road.zone_id.in_(zone_ids)))  # type: ignore[union-attr]
    }
    for f in roads:
        zone_id = db_zones[(f.area or "", f.zone or "")].id
        road = existing_roads.get((zone_id, f.name))
        if road is None:
            road = Road(zone_id=zone_id, name=f.name, geometry=f.geometry, chief_id=chief_id(f))
            existing_roads[(zone_id, f.name)] = road
            session.add(road)
            result.roads_created += 1
        elif road.geometry != f.geometry or road.chief_id != chief_id(f):
            road.geometry, road.chief_id, road.updated_at = f.geometry, chief_id(f), utcnow()
            session.add(road)
            result.roads_updated += 1
        else:
            result.roads_unchanged += 1
    session.flush()
    return result
