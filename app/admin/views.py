"""Administration over HTTP: people, the org chart (areas, zones, grids, roads with their
chiefs), categories' time limits and lead departments, the calendar — each change on the ledger.
"""

import dataclasses
import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, UploadFile
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import col, func, or_, select

from app.admin import service
from app.admin.geofile import read_features
from app.auth.deps import CurrentActor, CurrentUser, require_roles
from app.auth.passwords import hash_password
from app.auth.service import revoke_all
from app.auth.views import user_public
from app.core.db import SessionDep, write_transaction
from app.core.errors import Conflict, Invalid
from app.core.openapi import errors
from app.core.timeutil import utcnow
from app.deadlines.models import CalendarDay, LimitUnit
from app.evaluation.sites import sync_road_sites
from app.ledger.models import Event
from app.org.grids import import_grids, set_members
from app.org.importer import _BadFeature, _geometry, import_roads
from app.org.models import Area, Department, Grid, GridMember, Road, Role, User, Zone
from app.routing.service import invalidate
from app.tickets.models import Category

router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[require_roles(Role.admin)])


class Strict(BaseModel):
    # strict: 0 is not false, "5" is not 5 — what the schema says is what is accepted. Enums
    # and dates arrive as JSON strings, so those fields alone are not strict.
    model_config = ConfigDict(extra="forbid", strict=True)


class UserCreate(Strict):
    username: str = Field(pattern=r"^[A-Za-z0-9_.-]{2,64}$")
    name: str = Field(min_length=1, max_length=100)
    role: Annotated[Role, Field(strict=False)]
    password: str = Field(min_length=6, max_length=256)
    level: int | None = Field(default=None, ge=1, le=3)
    title: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    department_id: int | None = None
    area_id: int | None = None


class UserUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    is_active: bool | None = None
    password: str | None = Field(default=None, min_length=6, max_length=256)
    title: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    role: Annotated[Role | None, Field(strict=False)] = None
    level: int | None = Field(default=None, ge=1, le=3)
    department_id: int | None = None
    area_id: int | None = None


class CategoryUpdate(Strict):
    limit_value: int | None = Field(default=None, ge=1, le=1000)
    limit_unit: Annotated[LimitUnit | None, Field(strict=False)] = None
    department_id: int | None = None
    active: bool | None = None


class CalendarDayIn(Strict):
    day: Annotated[dt.date, Field(strict=False)]
    is_workday: bool
    name: str = Field(default="", max_length=64)


class ZoneUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    chief_id: int | None = None
    leader_id: int | None = None
    geometry: dict[str, Any] | None = None


class AreaIn(Strict):
    name: str = Field(min_length=1, max_length=100)


class ZoneIn(Strict):
    area_id: int
    name: str = Field(min_length=1, max_length=100)
    chief_id: int | None = None
    leader_id: int | None = None
    geometry: dict[str, Any]


class HoldingsIn(Strict):
    """Ids of what the person is to hold; anything they hold now and is not listed is let go."""

    road_ids: list[int] = Field(default_factory=list, max_length=1000)
    zone_ids: list[int] = Field(default_factory=list, max_length=200)
    led_zone_ids: list[int] = Field(default_factory=list, max_length=200)
    grid_ids: list[int] = Field(default_factory=list, max_length=500)
    member_grid_ids: list[int] = Field(default_factory=list, max_length=500)


class RoadIn(Strict):
    name: str = Field(min_length=1, max_length=100)
    zone_id: int
    chief_id: int | None = None
    geometry: dict[str, Any]


class RoadUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    zone_id: int | None = None
    chief_id: int | None = None
    geometry: dict[str, Any] | None = None


class GridIn(Strict):
    name: str = Field(min_length=1, max_length=100)
    zone_id: int
    chief_id: int | None = None
    member_ids: list[int] = Field(default_factory=list, max_length=200)
    geometry: dict[str, Any]


class GridUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    chief_id: int | None = None
    member_ids: list[int] | None = Field(default=None, max_length=200)
    geometry: dict[str, Any] | None = None


class RerouteIn(Strict):
    expected: int = Field(ge=0)


LINES = ("LineString", "MultiLineString")
POLYGONS = ("Polygon", "MultiPolygon")


def _checked_geometry(raw: dict[str, Any], kinds: tuple[str, ...]) -> dict[str, Any]:
    try:
        geometry = _geometry(raw)
    except _BadFeature as exc:
        raise Invalid(f"geometry: {exc}") from None
    if geometry["type"] not in kinds:
        raise Invalid(f"geometry must be {' or '.join(kinds)}")
    return geometry


def _user_row(session: SessionDep, user: User) -> dict[str, Any]:
    dept = session.get(Department, user.department_id) if user.department_id else None
    held = service.holdings(session, [user.id])[user.id]  # type: ignore[list-item,index]
    return {
        **user_public(user, dept),
        "is_active": user.is_active,
        "phone": user.phone,
        "area_id": user.area_id,
        **held,
    }


def _area(session: SessionDep, area_id: int | None) -> None:
    if area_id is not None and session.get(Area, area_id) is None:
        raise Invalid(f"unknown area {area_id}")


def _keep_one_admin(session: SessionDep, user: User) -> None:
    """Refuse to disable or demote the last active admin: nobody could sign in to undo it."""
    others = session.exec(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.admin, col(User.is_active), User.id != user.id)
    ).one()
    if user.role == Role.admin and user.is_active and others == 0:
        raise Conflict("the last active admin cannot be disabled")


# --- people -------------------------------------------------------------------------------


@router.get("/users")
def list_users(
    session: SessionDep,
    q: Annotated[str | None, Field(max_length=64)] = None,
    role: Role | None = None,
    active: bool | None = None,
) -> list[dict[str, Any]]:
    """Everyone (disabled too), with the roads, zones and grids they hold; searchable."""
    query = select(User).order_by(col(User.id))
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(
                col(User.username).like(like), col(User.name).like(like), col(User.title).like(like)
            )
        )
    if role is not None:
        query = query.where(User.role == role)
    if active is not None:
        query = query.where(User.is_active == active)
    users = session.exec(query.limit(500)).all()
    held = service.holdings(session, [u.id for u in users if u.id])
    depts = {d.id: d for d in session.exec(select(Department))}
    return [
        {
            **user_public(u, depts.get(u.department_id)),
            "is_active": u.is_active,
            "phone": u.phone,
            "area_id": u.area_id,
            **held[u.id or 0],
        }
        for u in users
    ]


def _check_user_shape(role: Role, level: int | None) -> None:
    if role == Role.chief and level is None:
        raise Invalid("a chief needs a level (1, 2 or 3)")


@router.post("/users", status_code=201)
def create_user(body: UserCreate, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    if session.exec(select(User).where(User.username == body.username)).first():
        raise Invalid(f"username '{body.username}' is taken")
    _check_user_shape(body.role, body.level)
    service.check_department(session, body.department_id)
    _area(session, body.area_id)
    password_hash = hash_password(body.password)  # slow on purpose: before the transaction
    with write_transaction(session):
        user = User(**body.model_dump(exclude={"password"}), password_hash=password_hash)
        session.add(user)
        session.flush()
        service.audit(
            session, me, f"user:{user.id}", "user.create", body.model_dump(exclude={"password"})
        )
    return _user_row(session, user)


@router.patch("/users/{user_id}", responses=errors(409))
def update_user(
    user_id: int, body: UserUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Edit, disable (ends every session at once) or reset a password (also ends sessions)."""
    password_hash = hash_password(body.password) if body.password is not None else None
    with write_transaction(session):
        return _update_user(session, me, user_id, body, password_hash)


def _update_user(
    session: SessionDep, me: User, user_id: int, body: UserUpdate, password_hash: str | None
) -> dict[str, Any]:
    user: User = service.get_or_404(session, User, user_id, "user")
    values = body.model_dump(exclude_unset=True, exclude={"password"})
    if "department_id" in values:
        service.check_department(session, values["department_id"])
    _area(session, values.get("area_id"))
    if values.get("is_active") is False or values.get("role") not in (None, Role.admin):
        _keep_one_admin(session, user)
    changes = service.apply_changes(user, values)
    _check_user_shape(user.role, user.level)
    if password_hash is not None:
        user.password_hash = password_hash
        changes["password"] = ["***", "reset"]
    if body.is_active is False or body.password is not None:
        revoke_all(session, user_id)
    if changes:
        service.audit(session, me, f"user:{user.id}", "user.update", changes)
    return _user_row(session, user)


@router.put("/users/{user_id}/holdings", responses=errors(422))
def set_holdings(
    user_id: int, body: HoldingsIn, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """What the person holds — roads, zones (as chief or 挂包领导), grids (as 网格长 or 网格员) —
    set in one go; each row that changes hands is on the ledger. Filed tickets keep their owner."""
    wanted = service.Holdings(**{k: frozenset(v) for k, v in body.model_dump().items()})
    with write_transaction(session):
        user: User = service.get_or_404(session, User, user_id, "user")
        service.set_holdings(session, me, user, wanted)
    invalidate()
    return _user_row(session, user)


# --- org chart ----------------------------------------------------------------------------


@router.get("/areas")
def list_areas(session: SessionDep) -> list[dict[str, Any]]:
    """Every town or county (镇/县) with its level-1 chiefs and its zones (片区), who holds each,
    and how many roads and grids each zone has."""
    areas = session.exec(select(Area).order_by(col(Area.id))).all()
    zones = session.exec(select(Zone).order_by(col(Zone.id))).all()
    roads = dict(session.exec(select(Road.zone_id, func.count()).group_by(col(Road.zone_id))).all())
    grids = dict(session.exec(select(Grid.zone_id, func.count()).group_by(col(Grid.zone_id))).all())
    people = {u.id: u for u in session.exec(select(User).where(col(User.is_active)))}

    def person(user_id: int | None) -> dict[str, Any] | None:
        u = people.get(user_id)
        return {"id": u.id, "username": u.username, "name": u.name} if u else None

    return [
        {
            "id": a.id,
            "name": a.name,
            "leaders": [
                person(u.id)
                for u in people.values()
                if u.area_id == a.id and u.role == Role.chief and u.level == 1
            ],
            "zones": [
                {
                    "id": z.id,
                    "name": z.name,
                    "chief": person(z.chief_id),
                    "leader": person(z.leader_id),
                    "roads": roads.get(z.id, 0),
                    "grids": grids.get(z.id or 0, 0),
                }
                for z in zones
                if z.area_id == a.id
            ],
        }
        for a in areas
    ]


@router.post("/areas", status_code=201, responses=errors(422))
def create_area(body: AreaIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A new town or county; its zones are drawn or imported afterwards."""
    with write_transaction(session):
        if session.exec(select(Area).where(Area.name == body.name)).first():
            raise Invalid(f"an area named '{body.name}' exists")
        area = Area(name=body.name)
        session.add(area)
        session.flush()
        service.audit(session, me, f"area:{area.id}", "area.create", {"name": body.name})
    return {"id": area.id, "name": area.name}


@router.patch("/areas/{area_id}", responses=errors(422))
def rename_area(area_id: int, body: AreaIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    with write_transaction(session):
        area: Area = service.get_or_404(session, Area, area_id, "area")
        clash = session.exec(select(Area).where(Area.name == body.name, Area.id != area_id)).first()
        if clash:
            raise Invalid(f"an area named '{body.name}' exists")
        changes = service.apply_changes(area, {"name": body.name})
        if changes:
            session.add(area)
            service.audit(session, me, f"area:{area.id}", "area.update", changes)
    return {"id": area.id, "name": area.name}


@router.post("/zones", status_code=201, responses=errors(404, 422))
def create_zone(body: ZoneIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A zone (片区) drawn on the map, in an area, with its chief and 挂包领导."""
    geometry = _checked_geometry(body.geometry, POLYGONS)
    with write_transaction(session):
        service.get_or_404(session, Area, body.area_id, "area")
        service.check_user(session, body.chief_id, (Role.chief,), "a zone chief")
        service.check_user(session, body.leader_id, (Role.leader,), "a 挂包领导")
        clash = session.exec(
            select(Zone).where(Zone.area_id == body.area_id, Zone.name == body.name)
        ).first()
        if clash:
            raise Invalid(f"zone '{body.name}' exists in this area")
        zone = Zone(**body.model_dump(exclude={"geometry"}), geometry=geometry)
        session.add(zone)
        session.flush()
        service.audit(
            session, me, f"zone:{zone.id}", "zone.create", body.model_dump(exclude={"geometry"})
        )
    invalidate()
    return _zone_out(zone)


@router.patch("/zones/{zone_id}", responses=errors(422))
def update_zone(
    zone_id: int, body: ZoneUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Rename, re-draw, or change a zone's chief or 挂包领导; tickets filed keep their owner."""
    values = body.model_dump(exclude_unset=True)
    if values.get("geometry") is not None:
        values["geometry"] = _checked_geometry(values["geometry"], POLYGONS)
    with write_transaction(session):
        zone: Zone = service.get_or_404(session, Zone, zone_id, "zone")
        if "chief_id" in values:
            service.check_user(session, values["chief_id"], (Role.chief,), "a zone chief")
        if "leader_id" in values:
            service.check_user(session, values["leader_id"], (Role.leader,), "a 挂包领导")
        changes = service.apply_changes(zone, values)
        if changes:
            _touched(session, zone, changes)
            service.audit(session, me, f"zone:{zone.id}", "zone.update", changes)
    invalidate()
    return _zone_out(zone)


def _touched(session: SessionDep, row: Zone | Road | Grid, changes: dict[str, list[Any]]) -> None:
    """Stamp the change (other processes' routing indexes see it) and keep the ledger short."""
    row.updated_at = utcnow()
    session.add(row)
    if "geometry" in changes:
        changes["geometry"] = ["", "redrawn"]


def _zone_out(zone: Zone) -> dict[str, Any]:
    return {
        "id": zone.id,
        "name": zone.name,
        "chief_id": zone.chief_id,
        "leader_id": zone.leader_id,
    }


def _road_out(road: Road) -> dict[str, Any]:
    return {"id": road.id, "name": road.name, "zone_id": road.zone_id, "chief_id": road.chief_id}


def _grid_out(grid: Grid) -> dict[str, Any]:
    return {"id": grid.id, "name": grid.name, "zone_id": grid.zone_id, "chief_id": grid.chief_id}


@router.post("/roads", status_code=201, responses=errors(404, 422))
def create_road(body: RoadIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A road drawn on the map."""
    geometry = _checked_geometry(body.geometry, LINES)
    with write_transaction(session):
        service.get_or_404(session, Zone, body.zone_id, "zone")
        service.check_user(session, body.chief_id, (Role.chief,), "a road chief")
        road = Road(name=body.name, zone_id=body.zone_id, chief_id=body.chief_id, geometry=geometry)
        session.add(road)
        session.flush()
        sync_road_sites(session)
        created = {"name": road.name, "zone_id": road.zone_id, "chief_id": road.chief_id}
        service.audit(session, me, f"road:{road.id}", "road.create", created)
    invalidate()
    return _road_out(road)


@router.patch("/roads/{road_id}", responses=errors(422))
def update_road(
    road_id: int, body: RoadUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Rename, re-draw, move to another zone, or give the road another chief."""
    values = body.model_dump(exclude_unset=True)
    if values.get("geometry") is not None:
        values["geometry"] = _checked_geometry(values["geometry"], LINES)
    with write_transaction(session):
        road: Road = service.get_or_404(session, Road, road_id, "road")
        if "chief_id" in values:
            service.check_user(session, values["chief_id"], (Role.chief,), "a road chief")
        if values.get("zone_id") is not None:
            service.get_or_404(session, Zone, values["zone_id"], "zone")
        changes = service.apply_changes(road, values)
        if changes:
            _touched(session, road, changes)
            service.audit(session, me, f"road:{road.id}", "road.update", changes)
    invalidate()
    return _road_out(road)


@router.post("/roads/import", responses=errors(422))
def import_road_network(
    session: SessionDep, me: CurrentUser, data: Annotated[dict[str, Any], Body()]
) -> dict[str, Any]:
    """Zones and roads with their chiefs from a GeoJSON FeatureCollection; all or nothing."""
    with write_transaction(session):
        result = _import(session, me, None, "roads", data)
    invalidate()
    return result


@router.post("/org/import", responses=errors(422))
def import_file(
    session: SessionDep,
    me: CurrentUser,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(pattern="^(roads|grids)$")] = "roads",
) -> dict[str, Any]:
    """Roads and zones, or grids, from a GeoJSON, KML or zipped Shapefile; all or nothing."""
    data = read_features(file)  # the file is read and converted before the transaction
    with write_transaction(session):
        result = _import(session, me, file.filename, kind, data)
    invalidate()
    return result


def _import(
    session: SessionDep, me: User, filename: str | None, kind: str, data: Any
) -> dict[str, Any]:
    if kind == "roads":
        result: Any = import_roads(session, data)
        sync_road_sites(session)  # every road is also an evaluation site (测评点位)
    else:
        result = import_grids(session, data)
    source = {"file": filename} if filename else {}
    service.audit(session, me, "org", f"{kind}.import", source | dataclasses.asdict(result))
    return dataclasses.asdict(result)


@router.post("/grids", status_code=201, responses=errors(404, 422))
def create_grid(body: GridIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A grid drawn on the map."""
    geometry = _checked_geometry(body.geometry, POLYGONS)
    with write_transaction(session):
        service.get_or_404(session, Zone, body.zone_id, "zone")
        service.check_user(session, body.chief_id, (Role.chief,), "a 网格长")
        for member in body.member_ids:
            service.check_user(session, member, tuple(Role), "a 网格员")
        grid = Grid(name=body.name, zone_id=body.zone_id, chief_id=body.chief_id, geometry=geometry)
        session.add(grid)
        session.flush()
        set_members(session, grid, body.member_ids)
        service.audit(
            session, me, f"grid:{grid.id}", "grid.create", body.model_dump(exclude={"geometry"})
        )
    invalidate()
    return _grid_out(grid)


@router.patch("/grids/{grid_id}", responses=errors(422))
def update_grid(
    grid_id: int, body: GridUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Rename, re-draw, or change a grid's 网格长 or 网格员."""
    values = body.model_dump(exclude_unset=True, exclude={"member_ids"})
    if values.get("geometry") is not None:
        values["geometry"] = _checked_geometry(values["geometry"], POLYGONS)
    with write_transaction(session):
        grid: Grid = service.get_or_404(session, Grid, grid_id, "grid")
        if "chief_id" in values:
            service.check_user(session, values["chief_id"], (Role.chief,), "a 网格长")
        changes = service.apply_changes(grid, values)
        if body.member_ids is not None:
            for member in body.member_ids:
                service.check_user(session, member, tuple(Role), "a 网格员")
            before = sorted(
                session.exec(select(GridMember.user_id).where(GridMember.grid_id == grid.id)).all()
            )
            if before != sorted(set(body.member_ids)):
                set_members(session, grid, body.member_ids)
                changes["member_ids"] = [before, sorted(set(body.member_ids))]
        if changes:
            _touched(session, grid, changes)
            service.audit(session, me, f"grid:{grid.id}", "grid.update", changes)
    invalidate()
    return _grid_out(grid)


@router.get("/reroute")
def reroute_preview(session: SessionDep) -> dict[str, Any]:
    """How many open tickets would move to another owner under today's org chart (none move)."""
    return service.preview(service.reroute_plan(session), session)


@router.post("/reroute")
def reroute(body: RerouteIn, session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    """Move them: the count must match the preview the admin saw."""
    with write_transaction(session):
        return {"moved": service.reroute(session, actor, body.expected)}


# --- categories and calendar --------------------------------------------------------------


@router.patch("/categories/{code}")
def update_category(
    code: str, body: CategoryUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Change a category's time limit or lead department; applies to tickets reported afterwards."""
    with write_transaction(session):
        category: Category = service.get_or_404(session, Category, code, "category")
        values = body.model_dump(exclude_unset=True)
        if "department_id" in values:
            service.check_department(session, values["department_id"])
        changes = service.apply_changes(category, values)
        if changes:
            session.add(category)
            service.audit(session, me, f"category:{code}", "category.update", changes)
        return category.model_dump()


@router.get("/calendar")
def list_calendar(session: SessionDep, year: int | None = None) -> list[dict[str, Any]]:
    """The days that break the Monday–Friday rule (holidays and 调休 workdays)."""
    query = select(CalendarDay).order_by(col(CalendarDay.day))
    if year is not None:
        if not 1900 < year < 3000:
            raise Invalid("year out of range")
        query = query.where(
            CalendarDay.day >= dt.date(year, 1, 1), CalendarDay.day <= dt.date(year, 12, 31)
        )
    return [
        {"day": r.day.isoformat(), "is_workday": r.is_workday, "name": r.name}
        for r in session.exec(query)
    ]


@router.put("/calendar/{day}")
def set_calendar_day(
    day: dt.date, body: CalendarDayIn, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Declare a holiday or a make-up workday (调休); deadlines computed afterwards follow it."""
    with write_transaction(session):
        if body.day != day:
            raise Invalid("the day in the path and the body differ")
        row = session.get(CalendarDay, day)
        before = {"is_workday": row.is_workday, "name": row.name} if row else None
        row = row or CalendarDay(day=day, is_workday=body.is_workday)
        row.is_workday, row.name = body.is_workday, body.name
        session.add(row)
        after = {"is_workday": row.is_workday, "name": row.name}
        if before != after:
            service.audit(
                session, me, f"calendar:{day.isoformat()}", "calendar.set", {"day": [before, after]}
            )
        return {"day": day.isoformat(), "is_workday": row.is_workday, "name": row.name}


@router.delete("/calendar/{day}")
def clear_calendar_day(day: dt.date, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """Back to the Monday–Friday rule for that day."""
    with write_transaction(session):
        row: CalendarDay = service.get_or_404(session, CalendarDay, day, "calendar day")
        before = {"is_workday": row.is_workday, "name": row.name}
        session.delete(row)
        service.audit(
            session, me, f"calendar:{day.isoformat()}", "calendar.clear", {"day": [before, None]}
        )
        return {"day": day.isoformat(), "cleared": True}


# --- the audit trail ----------------------------------------------------------------------


@router.get("/audit")
def audit_trail(
    session: SessionDep, subject: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Admin changes, newest first: who, when, what changed (from the ledger)."""
    query = select(Event).where(col(Event.subject).is_not(None))
    if subject:
        query = query.where(col(Event.subject).startswith(subject))
    rows = session.exec(query.order_by(col(Event.id).desc()).limit(max(1, min(limit, 500)))).all()
    names = {u.id: u.name for u in session.exec(select(User))}
    return [
        {
            "id": e.id,
            "subject": e.subject,
            "action": e.action,
            "actor": names.get(e.actor_id or 0),
            "changes": e.data,
            "created_at": e.created_at.isoformat(),
        }
        for e in rows
    ]
