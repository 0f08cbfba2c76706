"""Grids (网格): polygons inside a zone, each with a 网格长 (chief) and 网格员 (members).

A report on no road goes to its grid's 网格长 before it falls back to the zone's chief.
Grids come from GeoJSON (Polygon / MultiPolygon features with properties `name`, `zone`,
optional `area`, `chief` and `members`, a list of usernames), all of it or none of it, or
are drawn on the console's map one at a time.
"""

from dataclasses import dataclass
from typing import Any

from shapely.geometry import shape
from sqlmodel import Session, col, delete, select

from app.core.errors import Invalid
from app.core.timeutil import utcnow
from app.org.geometry import ZONE_TYPES, BadFeature, parse_geometry
from app.org.importer import MAX_ERRORS_SHOWN, feature_list
from app.org.models import Area, Grid, GridMember, Role, User, Zone
from app.org.service import _users_by_id, chief_summary


def grids_geojson(session: Session, zone_ids: set[int] | None = None) -> dict[str, Any]:
    """Every grid with its zone, 网格长 and 网格员: the FeatureCollection behind GET /api/grids."""
    query = select(Grid).order_by(col(Grid.id))
    if zone_ids is not None:
        query = query.where(col(Grid.zone_id).in_(zone_ids))
    grids = session.exec(query).all()
    zones = {z.id: z for z in session.exec(select(Zone))}
    members: dict[int, list[int]] = {}
    for m in session.exec(select(GridMember).order_by(col(GridMember.user_id))):
        members.setdefault(m.grid_id, []).append(m.user_id)
    people = _users_by_id(
        session, {g.chief_id for g in grids} | {u for ids in members.values() for u in ids}
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": g.id,
                "geometry": g.geometry,
                "properties": {
                    "id": g.id,
                    "name": g.name,
                    "zone": {"id": g.zone_id, "name": zones[g.zone_id].name},
                    "chief": chief_summary(people.get(g.chief_id or 0)),
                    "members": [
                        chief_summary(people[u]) for u in members.get(g.id or 0, []) if u in people
                    ],
                },
            }
            for g in grids
        ],
    }


def check_grid_chief(user: User | None, username: str) -> None:
    if user is None:
        raise BadFeature(f"unknown user '{username}'")
    if user.role != Role.chief or not user.is_active:
        raise BadFeature(f"user '{username}' is not an active chief")


@dataclass
class GridImportResult:
    grids_created: int = 0
    grids_updated: int = 0
    grids_unchanged: int = 0


def import_grids(session: Session, data: Any) -> GridImportResult:
    """Grids from a FeatureCollection, upserted by name within their zone; any bad feature: none."""
    users = {u.username: u for u in session.exec(select(User))}
    zones: dict[str, list[tuple[str, Zone]]] = {}
    for zone, area in session.exec(select(Zone, Area).where(Zone.area_id == Area.id)):
        zones.setdefault(zone.name, []).append((area.name, zone))
    parsed: list[tuple[str, Zone, dict[str, Any], User | None, list[User]]] = []
    errors: list[str] = []
    seen: set[tuple[int, str]] = set()
    for i, raw in enumerate(feature_list(data), start=1):
        props = raw.get("properties") if isinstance(raw, dict) else None
        props = props if isinstance(props, dict) else {}
        name = props.get("name")
        label = f"feature {i} ({name})" if isinstance(name, str) and name else f"feature {i}"
        try:
            if not isinstance(raw, dict) or raw.get("type") != "Feature":
                raise BadFeature("not a GeoJSON Feature")
            geometry = parse_geometry(raw.get("geometry"))
            if geometry["type"] not in ZONE_TYPES:
                raise BadFeature("a grid must be a Polygon or MultiPolygon")
            if not isinstance(name, str) or not name.strip() or len(name) > 100:
                raise BadFeature("a grid needs a 'name' (up to 100 characters)")
            found = [
                z
                for a, z in zones.get(str(props.get("zone") or ""), [])
                if props.get("area") in (None, a)
            ]
            if len(found) != 1:
                raise BadFeature(
                    f"unknown zone '{props.get('zone')}'"
                    if not found
                    else f"zone '{props.get('zone')}' exists in several areas; add an 'area'"
                )
            zone = found[0]
            if (zone.id or 0, name.strip()) in seen:
                raise BadFeature(f"grid '{name}' appears twice in zone '{zone.name}'")
            seen.add((zone.id or 0, name.strip()))
            chief = None
            if props.get("chief"):
                chief = users.get(str(props["chief"]))
                check_grid_chief(chief, str(props["chief"]))
            member_names = props.get("members") or []
            if not isinstance(member_names, list):
                raise BadFeature("'members' must be a list of usernames")
            members = []
            for m in member_names:
                if str(m) not in users or not users[str(m)].is_active:
                    raise BadFeature(f"unknown or disabled member '{m}'")
                members.append(users[str(m)])
            parsed.append((name.strip(), zone, geometry, chief, members))
        except BadFeature as exc:
            errors.append(f"{label}: {exc}")
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = len(errors) - MAX_ERRORS_SHOWN
        raise Invalid(shown + (f"; and {more} more" if more > 0 else ""), errors=errors)

    result = GridImportResult()
    existing = {(g.zone_id, g.name): g for g in session.exec(select(Grid))}
    for name, zone, geometry, chief, members in parsed:
        grid = existing.get((zone.id or 0, name))
        chief_id = chief.id if chief else None
        if grid is None:
            grid = Grid(zone_id=zone.id or 0, name=name, geometry=geometry, chief_id=chief_id)
            result.grids_created += 1
        elif grid.geometry != geometry or grid.chief_id != chief_id:
            grid.geometry, grid.chief_id, grid.updated_at = geometry, chief_id, utcnow()
            result.grids_updated += 1
        else:
            result.grids_unchanged += 1
        session.add(grid)
        session.flush()
        set_members(session, grid, [u.id for u in members if u.id])
    return result


def set_members(session: Session, grid: Grid, user_ids: list[int]) -> None:
    """Make the grid's 网格员 exactly these users (writing nothing when they already are)."""
    current = set(session.exec(select(GridMember.user_id).where(GridMember.grid_id == grid.id)))
    if current == set(user_ids):
        return
    session.exec(delete(GridMember).where(col(GridMember.grid_id) == grid.id))  # type: ignore[call-overload]
    for user_id in sorted(set(user_ids)):
        session.add(GridMember(grid_id=grid.id or 0, user_id=user_id))
    session.flush()


def split_zone(zone: Zone, parts: int) -> list[dict[str, Any]]:
    """The zone cut into `parts` strips across its longer side (for the demo town's grids)."""
    polygon = shape(zone.geometry)
    minx, miny, maxx, maxy = polygon.bounds
    strips = []
    for i in range(parts):
        if maxx - minx >= maxy - miny:
            a, b = minx + (maxx - minx) * i / parts, minx + (maxx - minx) * (i + 1) / parts
            cell = shape(
                {
                    "type": "Polygon",
                    "coordinates": [[[a, miny], [b, miny], [b, maxy], [a, maxy], [a, miny]]],
                }
            )
        else:
            a, b = miny + (maxy - miny) * i / parts, miny + (maxy - miny) * (i + 1) / parts
            cell = shape(
                {
                    "type": "Polygon",
                    "coordinates": [[[minx, a], [maxx, a], [maxx, b], [minx, b], [minx, a]]],
                }
            )
        piece = polygon.intersection(cell)
        geojson = piece.__geo_interface__
        strips.append({"type": geojson["type"], "coordinates": _rounded(geojson["coordinates"])})
    return strips


def _rounded(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(coords[0]), 6), round(float(coords[1]), 6)]
    return [_rounded(c) for c in coords]
