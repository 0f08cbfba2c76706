"""Queries over the organisation: the road-chief chain and the map layers."""

from typing import Any

from sqlmodel import Session, col, select

from app.core.errors import Invalid, NotFound
from app.org.models import Area, Department, Grid, GridMember, Road, Role, User, Zone


def user_public(user: User, department: Department | None = None) -> dict[str, Any]:
    """A person as every screen shows them (who am I, the people list, dispatch)."""
    return {
        "id": user.id,
        "username": user.username,
        "name": user.name,
        "role": user.role,
        "level": user.level,
        "title": user.title,
        "department": (
            {"id": department.id, "code": department.code, "name": department.name}
            if department
            else None
        ),
    }


def chief_summary(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"id": user.id, "username": user.username, "name": user.name, "level": user.level}


def _users_by_id(session: Session, ids: set[int | None]) -> dict[int, User]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {u.id: u for u in session.exec(select(User).where(col(User.id).in_(wanted))) if u.id}


def export_roads_geojson(session: Session) -> dict[str, Any]:
    """Every road with its zone and chief, as the FeatureCollection behind GET /api/roads."""
    roads = session.exec(select(Road).order_by(col(Road.id))).all()
    zones = {z.id: z for z in session.exec(select(Zone))}
    chiefs = _users_by_id(session, {r.chief_id for r in roads})
    features = []
    for road in roads:
        zone = zones.get(road.zone_id)
        features.append(
            {
                "type": "Feature",
                "id": road.id,
                "geometry": road.geometry,
                "properties": {
                    "id": road.id,
                    "name": road.name,
                    "zone": {"id": zone.id, "name": zone.name} if zone else None,
                    "chief": chief_summary(chiefs.get(road.chief_id or 0)),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def zones_geojson(session: Session) -> dict[str, Any]:
    """Every zone with its town and chief, as the FeatureCollection behind GET /api/zones."""
    zones = session.exec(select(Zone).order_by(col(Zone.id))).all()
    areas = {a.id: a for a in session.exec(select(Area))}
    chiefs = _users_by_id(session, {z.chief_id for z in zones} | {z.leader_id for z in zones})
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": zone.id,
                "geometry": zone.geometry,
                "properties": {
                    "id": zone.id,
                    "name": zone.name,
                    "area": {"id": zone.area_id, "name": areas[zone.area_id].name},
                    "chief": chief_summary(chiefs.get(zone.chief_id or 0)),
                    "leader": chief_summary(chiefs.get(zone.leader_id or 0)),
                },
            }
            for zone in zones
        ],
    }


def level1_chiefs(session: Session, area_ids: set[int]) -> list[User]:
    """The town leaders (一级路长) of these areas."""
    if not area_ids:
        return []
    query = select(User).where(
        User.role == Role.chief,
        User.level == 1,
        col(User.is_active),
        col(User.area_id).in_(area_ids),
    )
    return list(session.exec(query.order_by(col(User.id))))


def road_chain(session: Session, road_id: int) -> tuple[User | None, User | None, list[User]]:
    """Who answers for a road, bottom up: (road chief, zone chief, the town's level-1 chiefs)."""
    road = session.get(Road, road_id)
    if road is None:
        raise NotFound(f"road {road_id} not found")
    zone = session.get(Zone, road.zone_id) if road.zone_id else None
    road_chief = session.get(User, road.chief_id) if road.chief_id else None
    zone_chief = session.get(User, zone.chief_id) if zone and zone.chief_id else None
    return road_chief, zone_chief, level1_chiefs(session, {zone.area_id} if zone else set())


def chiefs_above(session: Session, user: User) -> list[User]:
    """The chiefs one and two levels up from a chief: zone chiefs first, then town leaders."""
    if user.role != Role.chief or user.level == 1 or user.id is None:
        return []
    zone_ids = {z for z in session.exec(select(Road.zone_id).where(Road.chief_id == user.id)) if z}
    zones = session.exec(
        select(Zone).where(col(Zone.id).in_(zone_ids) | (Zone.chief_id == user.id))
    ).all()
    own_zones = {z.id for z in zones if z.chief_id == user.id}
    zone_chiefs = _users_by_id(
        session, {z.chief_id for z in zones if z.id not in own_zones and z.chief_id != user.id}
    )
    area_ids = {z.area_id for z in zones} | ({user.area_id} if user.area_id else set())
    above = sorted(zone_chiefs.values(), key=lambda u: u.id or 0)
    return [u for u in above if u.is_active] + level1_chiefs(session, area_ids)


def get_or_404(session: Session, model: Any, row_id: Any, what: str) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"{what} {row_id} not found")
    return row


def check_user(
    session: Session, user_id: int | None, roles: tuple[Role, ...], what: str
) -> User | None:
    """The active user who is to hold something, in a role allowed to hold it (None: nobody)."""
    if user_id is None:
        return None
    user = session.get(User, user_id)
    if user is None or not user.is_active or user.role not in roles:
        raise Invalid(f"user {user_id} cannot be {what}")
    return user


def check_department(session: Session, department_id: int | None) -> Department | None:
    if department_id is None:
        return None
    department = session.get(Department, department_id)
    if department is None:
        raise Invalid(f"unknown department {department_id}")
    return department


def holdings(session: Session, user_ids: list[int]) -> dict[int, dict[str, list[dict]]]:
    """The roads, zones (as chief or 挂包领导) and grids each user holds."""
    out: dict[int, dict[str, list[dict]]] = {
        u: {"roads": [], "zones": [], "led_zones": [], "grids": []} for u in user_ids
    }
    if not user_ids:
        return out
    for r in session.exec(select(Road).where(col(Road.chief_id).in_(user_ids))):
        out[r.chief_id]["roads"].append({"id": r.id, "name": r.name})  # type: ignore[index]
    for z in session.exec(
        select(Zone).where(col(Zone.chief_id).in_(user_ids) | col(Zone.leader_id).in_(user_ids))
    ):
        if z.chief_id in out:
            out[z.chief_id]["zones"].append({"id": z.id, "name": z.name})
        if z.leader_id in out:
            out[z.leader_id]["led_zones"].append({"id": z.id, "name": z.name})
    for g in session.exec(select(Grid).where(col(Grid.chief_id).in_(user_ids))):
        out[g.chief_id]["grids"].append({"id": g.id, "name": g.name})  # type: ignore[index]
    for m, g in session.exec(
        select(GridMember, Grid)
        .where(GridMember.grid_id == Grid.id)
        .where(col(GridMember.user_id).in_(user_ids))
    ):
        out[m.user_id]["grids"].append({"id": g.id, "name": g.name, "member": True})
    return out
