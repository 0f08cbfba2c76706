"""Every change to the org chart and its people, one function per use case.

Views and the CLI parse what they were sent into the models of `app.org.edits`, prepare
what is slow (a password hash) and call one of these. Each action checks what it can before
locking (a geometry, a refusal that needs no lock), then in one short write transaction
re-reads what it changes, writes, puts who changed what on the ledger, and fires org's hooks
(`app.org.hooks`): the 测评 sites of changed roads are updated in the same transaction and
routing's cached index is dropped once it commits. An edit that is refused changes nothing.

Org changes apply to tickets reported afterwards; tickets already filed keep their owner until
an admin re-routes them explicitly (`app.admin.actions.reroute`).
"""

import dataclasses
from typing import Any

from sqlmodel import Session, col, delete, func, select

from app.core.db import write_transaction
from app.core.errors import Conflict, Invalid, NotFound
from app.core.timeutil import utcnow
from app.ledger import service as ledger
from app.ledger.models import Event
from app.org import hooks
from app.org.edits import (
    AreaIn,
    GridIn,
    GridUpdate,
    HoldingsIn,
    RoadIn,
    RoadUpdate,
    UserCreate,
    UserUpdate,
    ZoneIn,
    ZoneUpdate,
)
from app.org.geometry import ROAD_TYPES, ZONE_TYPES, drawn_geometry
from app.org.grids import GridImportResult, import_grids, set_members
from app.org.importer import ImportResult, import_roads
from app.org.models import Area, Grid, GridMember, Road, Role, User, Zone
from app.org.service import check_department, check_user, get_or_404

ROAD_CHIEF, ZONE_CHIEF, LEADER, GRID_CHIEF = (
    "a road chief",
    "a zone chief",
    "a 挂包领导",
    "a 网格长",
)


def audit(
    session: Session, actor: User | None, subject: str, action: str, changes: dict[str, Any]
) -> Event:
    """One ledger event for an admin change (actor None: the command line);
    `changes` maps a field to [before, after]."""
    return ledger.record(session, actor.id if actor else None, subject, action, changes)


def _apply(row: Any, values: dict[str, Any]) -> dict[str, list[Any]]:
    """Set the fields that differ; returns {field: [before, after]} for the ledger."""
    changed: dict[str, list[Any]] = {}
    for key, value in values.items():
        before = getattr(row, key)
        if before != value:
            setattr(row, key, value)
            changed[key] = [before, value]
    return changed


def _touched(session: Session, row: Zone | Road | Grid, changes: dict[str, list[Any]]) -> None:
    """Stamp the change (other processes' routing indexes see it) and keep the ledger short."""
    row.updated_at = utcnow()
    session.add(row)
    if "geometry" in changes:
        changes["geometry"] = ["", "redrawn"]


# --- people -------------------------------------------------------------------------------


def _check_person(
    session: Session, role: Role, level: int | None, department_id: int | None
) -> None:
    if role == Role.chief and level is None:
        raise Invalid("a chief needs a level (1, 2 or 3)")
    if role == Role.department and department_id is None:
        raise Invalid("department staff need a department_id")
    check_department(session, department_id)


def _check_area(session: Session, area_id: int | None) -> None:
    if area_id is not None and session.get(Area, area_id) is None:
        raise Invalid(f"unknown area {area_id}")


def _keep_one_admin(session: Session, user: User) -> None:
    """Refuse to disable or demote the last active admin: nobody could sign in to undo it."""
    others = session.exec(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.admin, col(User.is_active), User.id != user.id)
    ).one()
    if user.role == Role.admin and user.is_active and others == 0:
        raise Conflict("the last active admin cannot be disabled")


def create_user(session: Session, me: User | None, new: UserCreate, password_hash: str) -> User:
    """A person who can sign in with the password whose hash the caller computed."""
    with write_transaction(session):
        if session.exec(select(User).where(User.username == new.username)).first():
            raise Invalid(f"username '{new.username}' is taken")
        _check_person(session, new.role, new.level, new.department_id)
        _check_area(session, new.area_id)
        user = User(**new.model_dump(exclude={"password"}), password_hash=password_hash)
        session.add(user)
        session.flush()
        audit(session, me, f"user:{user.id}", "user.create", new.model_dump(exclude={"password"}))
    return user


def update_user(
    session: Session,
    me: User | None,
    user_id: int,
    edit: UserUpdate,
    password_hash: str | None = None,
) -> User:
    """Edit, disable (ends every session at once) or reset a password (also ends sessions).

    `password_hash` is the hash of `edit.password`, computed by the caller before the call."""
    if (edit.password is None) != (password_hash is None):
        raise ValueError("a new password comes with its hash")
    values = edit.changes()
    values.pop("password", None)
    with write_transaction(session):
        user: User = get_or_404(session, User, user_id, "user")
        if values.get("is_active") is False or values.get("role", Role.admin) != Role.admin:
            _keep_one_admin(session, user)
        _check_area(session, values.get("area_id"))
        check_department(session, values.get("department_id"))  # before the row changes
        changes = _apply(user, values)
        if {"role", "level", "department_id"} & values.keys():
            _check_person(session, user.role, user.level, user.department_id)
        if password_hash is not None:
            user.password_hash = password_hash
            changes["password"] = ["***", "reset"]
        session.add(user)
        if values.get("is_active") is False or password_hash is not None:
            hooks.access_revoked(session, user_id)
        if changes:
            audit(session, me, f"user:{user.id}", "user.update", changes)
    return user


# Which role may hold what: (row, its field, roles allowed, words for the refusal).
HOLDING_RULES: dict[str, tuple[Any, str, tuple[Role, ...], str]] = {
    "road_ids": (Road, "chief_id", (Role.chief,), "a road's chief"),
    "zone_ids": (Zone, "chief_id", (Role.chief,), "a zone's chief"),
    "led_zone_ids": (Zone, "leader_id", (Role.leader,), LEADER),
    "grid_ids": (Grid, "chief_id", (Role.chief,), GRID_CHIEF),
}


def set_holdings(session: Session, me: User | None, user_id: int, wanted: HoldingsIn) -> User:
    """Make the person hold exactly these roads, zones (as chief or 挂包领导) and grids (as
    网格长 or 网格员).

    Taking something from its present holder is a change of that row, on the ledger like any
    other; what the person no longer holds is left with nobody. Filed tickets keep their owner.
    """
    with write_transaction(session):
        user: User = get_or_404(session, User, user_id, "user")
        if not user.is_active and any(wanted.model_dump().values()):
            raise Invalid("a disabled account cannot hold roads, zones or grids")
        summary: dict[str, Any] = {}
        roads_moved: list[int] = []
        for name, (model, field, roles, what) in HOLDING_RULES.items():
            ids = frozenset(getattr(wanted, name))
            if ids and user.role not in roles:
                raise Invalid(f"user {user.id} ({user.role}) cannot be {what}")
            column = getattr(model, field)
            rows = session.exec(
                select(model).where((column == user.id) | col(model.id).in_(ids))  # type: ignore[attr-defined]
            ).all()
            if missing := ids - {r.id for r in rows}:
                raise NotFound(f"{model.__name__.lower()} {min(missing)} not found")
            before = sorted(r.id for r in rows if getattr(r, field) == user.id)
            for row in rows:
                now_holder = user.id if row.id in ids else None
                was = getattr(row, field)
                if was != now_holder:
                    setattr(row, field, now_holder)
                    if model is Road:
                        roads_moved.append(row.id)
                    row.updated_at = utcnow()
                    session.add(row)
                    kind = model.__name__.lower()
                    audit(
                        session,
                        me,
                        f"{kind}:{row.id}",
                        f"{kind}.update",
                        {field: [was, now_holder]},
                    )
            if before != sorted(ids):
                summary[name] = [before, sorted(ids)]
        member_of = frozenset(wanted.member_grid_ids)
        members_before = sorted(
            session.exec(select(GridMember.grid_id).where(GridMember.user_id == user.id)).all()
        )
        if members_before != sorted(member_of):
            found = set(session.exec(select(Grid.id).where(col(Grid.id).in_(member_of))).all())
            if missing := member_of - found:
                raise NotFound(f"grid {min(missing)} not found")
            session.exec(delete(GridMember).where(col(GridMember.user_id) == user.id))  # type: ignore[call-overload]
            for grid_id in sorted(member_of):
                session.add(GridMember(grid_id=grid_id, user_id=user.id or 0))
            summary["member_grid_ids"] = [members_before, sorted(member_of)]
        if summary:
            audit(session, me, f"user:{user.id}", "user.holdings", summary)
            if roads_moved:
                hooks.roads_changed(session, roads_moved)  # a road's 测评 site names its unit
            else:
                hooks.map_changed(session)
    return user


# --- areas and zones ----------------------------------------------------------------------


def _unique_area_name(session: Session, name: str, area_id: int | None = None) -> None:
    clash = session.exec(select(Area).where(Area.name == name, Area.id != area_id)).first()
    if clash:
        raise Invalid(f"an area named '{name}' exists")


def create_area(session: Session, me: User | None, new: AreaIn) -> Area:
    """A new town or county; its zones are drawn or imported afterwards."""
    with write_transaction(session):
        _unique_area_name(session, new.name)
        area = Area(name=new.name)
        session.add(area)
        session.flush()
        audit(session, me, f"area:{area.id}", "area.create", {"name": new.name})
    return area


def rename_area(session: Session, me: User | None, area_id: int, edit: AreaIn) -> Area:
    with write_transaction(session):
        area: Area = get_or_404(session, Area, area_id, "area")
        _unique_area_name(session, edit.name, area_id)
        changes = _apply(area, {"name": edit.name})
        if changes:
            session.add(area)
            audit(session, me, f"area:{area.id}", "area.update", changes)
    return area


def create_zone(session: Session, me: User | None, new: ZoneIn) -> Zone:
    """A zone (片区) drawn on the map, in an area, with its chief and 挂包领导."""
    geometry = drawn_geometry(session, new.geometry, ZONE_TYPES)
    with write_transaction(session):
        get_or_404(session, Area, new.area_id, "area")
        check_user(session, new.chief_id, (Role.chief,), ZONE_CHIEF)
        check_user(session, new.leader_id, (Role.leader,), LEADER)
        clash = session.exec(
            select(Zone).where(Zone.area_id == new.area_id, Zone.name == new.name)
        ).first()
        if clash:
            raise Invalid(f"zone '{new.name}' exists in this area")
        zone = Zone(**new.model_dump(exclude={"geometry"}), geometry=geometry)
        session.add(zone)
        session.flush()
        audit(session, me, f"zone:{zone.id}", "zone.create", new.model_dump(exclude={"geometry"}))
        hooks.map_changed(session)
    return zone


def update_zone(session: Session, me: User | None, zone_id: int, edit: ZoneUpdate) -> Zone:
    """Rename, re-draw, or change a zone's chief or 挂包领导; tickets filed keep their owner."""
    values = edit.changes()
    zone: Zone = get_or_404(session, Zone, zone_id, "zone")  # 404 before any lock
    if "geometry" in values:
        values["geometry"] = drawn_geometry(session, values["geometry"], ZONE_TYPES, zone.geometry)
    with write_transaction(session):
        session.refresh(zone, with_for_update=True)  # as it is now, not as first read
        if "chief_id" in values:
            check_user(session, values["chief_id"], (Role.chief,), ZONE_CHIEF)
        if "leader_id" in values:
            check_user(session, values["leader_id"], (Role.leader,), LEADER)
        changes = _apply(zone, values)
        if changes:
            _touched(session, zone, changes)
            audit(session, me, f"zone:{zone.id}", "zone.update", changes)
            hooks.map_changed(session)
    return zone


# --- roads --------------------------------------------------------------------------------


def create_road(session: Session, me: User | None, new: RoadIn) -> Road:
    """A road drawn on the map; it becomes a 测评 site too (a hook of evaluation's)."""
    geometry = drawn_geometry(session, new.geometry, ROAD_TYPES)
    with write_transaction(session):
        get_or_404(session, Zone, new.zone_id, "zone")
        check_user(session, new.chief_id, (Role.chief,), ROAD_CHIEF)
        road = Road(name=new.name, zone_id=new.zone_id, chief_id=new.chief_id, geometry=geometry)
        session.add(road)
        session.flush()
        created = {"name": road.name, "zone_id": road.zone_id, "chief_id": road.chief_id}
        audit(session, me, f"road:{road.id}", "road.create", created)
        hooks.roads_changed(session, [road.id or 0])
    return road


def update_road(session: Session, me: User | None, road_id: int, edit: RoadUpdate) -> Road:
    """Rename, re-draw, move to another zone, or give the road another chief (or none)."""
    values = edit.changes()
    road: Road = get_or_404(session, Road, road_id, "road")  # 404 before any lock
    if "geometry" in values:
        values["geometry"] = drawn_geometry(session, values["geometry"], ROAD_TYPES, road.geometry)
    with write_transaction(session):
        session.refresh(road, with_for_update=True)  # as it is now, not as first read
        if "chief_id" in values:
            check_user(session, values["chief_id"], (Role.chief,), ROAD_CHIEF)
        if "zone_id" in values:
            get_or_404(session, Zone, values["zone_id"], "zone")
        changes = _apply(road, values)
        if changes:
            _touched(session, road, changes)
            audit(session, me, f"road:{road.id}", "road.update", changes)
            hooks.roads_changed(session, [road_id])
    return road


# --- grids --------------------------------------------------------------------------------


def _check_members(session: Session, member_ids: list[int]) -> None:
    for member in member_ids:
        check_user(session, member, tuple(Role), "a 网格员")


def create_grid(session: Session, me: User | None, new: GridIn) -> Grid:
    """A grid drawn on the map, with its 网格长 and 网格员."""
    geometry = drawn_geometry(session, new.geometry, ZONE_TYPES)
    with write_transaction(session):
        get_or_404(session, Zone, new.zone_id, "zone")
        check_user(session, new.chief_id, (Role.chief,), GRID_CHIEF)
        _check_members(session, new.member_ids)
        grid = Grid(name=new.name, zone_id=new.zone_id, chief_id=new.chief_id, geometry=geometry)
        session.add(grid)
        session.flush()
        set_members(session, grid, new.member_ids)
        audit(session, me, f"grid:{grid.id}", "grid.create", new.model_dump(exclude={"geometry"}))
        hooks.map_changed(session)
    return grid


def update_grid(session: Session, me: User | None, grid_id: int, edit: GridUpdate) -> Grid:
    """Rename, re-draw, or change a grid's 网格长 or 网格员."""
    values = edit.changes()
    member_ids: list[int] | None = values.pop("member_ids", None)
    grid: Grid = get_or_404(session, Grid, grid_id, "grid")  # 404 before any lock
    if "geometry" in values:
        values["geometry"] = drawn_geometry(session, values["geometry"], ZONE_TYPES, grid.geometry)
    with write_transaction(session):
        session.refresh(grid, with_for_update=True)  # as it is now, not as first read
        if "chief_id" in values:
            check_user(session, values["chief_id"], (Role.chief,), GRID_CHIEF)
        changes = _apply(grid, values)
        if member_ids is not None:
            _check_members(session, member_ids)
            before = sorted(
                session.exec(select(GridMember.user_id).where(GridMember.grid_id == grid.id)).all()
            )
            if before != sorted(set(member_ids)):
                set_members(session, grid, member_ids)
                changes["member_ids"] = [before, sorted(set(member_ids))]
        if changes:
            _touched(session, grid, changes)
            audit(session, me, f"grid:{grid.id}", "grid.update", changes)
            hooks.map_changed(session)
    return grid


# --- files --------------------------------------------------------------------------------


def import_road_network(
    session: Session, me: User | None, data: Any, filename: str | None = None
) -> ImportResult:
    """Zones and roads with their chiefs from a GeoJSON FeatureCollection; all or nothing."""
    with write_transaction(session):
        result = import_roads(session, data)
        source = {"file": filename} if filename else {}
        audit(session, me, "org", "roads.import", source | dataclasses.asdict(result))
        hooks.roads_changed(session)
    return result


def import_grid_network(
    session: Session, me: User | None, data: Any, filename: str | None = None
) -> GridImportResult:
    """Grids with their 网格长 and 网格员 from a FeatureCollection; all or nothing."""
    with write_transaction(session):
        result = import_grids(session, data)
        source = {"file": filename} if filename else {}
        audit(session, me, "org", "grids.import", source | dataclasses.asdict(result))
        hooks.map_changed(session)
    return result
