"""Administration over HTTP: people, the org chart (areas, zones, grids, roads with their
chiefs), categories' time limits and lead departments, the calendar — each change on the ledger.

Views parse, call an action (`app.org.actions`, `app.admin.actions`) and present its result.
"""

import dataclasses
import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, UploadFile
from pydantic import Field
from sqlmodel import col, func, or_, select

from app import org
from app.admin import actions, service
from app.admin.edits import CalendarDayIn, CategoryUpdate, RerouteIn
from app.admin.geofile import read_features
from app.admin.schemas import (
    AdminUserRead,
    AreaRead,
    AuditEntry,
    CalendarDayCleared,
    CalendarDayRead,
    CategoryAdminRead,
    GridOut,
    GridsImported,
    Rerouted,
    ReroutePreview,
    RoadNetworkImported,
    RoadOut,
    ZoneOut,
)
from app.auth.deps import CurrentActor, CurrentUser, require_roles
from app.auth.passwords import hash_password
from app.core.db import SessionDep
from app.core.errors import Invalid
from app.core.openapi import errors
from app.core.schemas import Ref
from app.deadlines.models import CalendarDay
from app.ledger.models import Event
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
from app.org.models import Area, Department, Grid, Road, Role, User, Zone
from app.org.service import holdings, user_public

router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[require_roles(Role.admin)])


def _user_row(session: SessionDep, user: User) -> dict[str, Any]:
    dept = session.get(Department, user.department_id) if user.department_id else None
    held = holdings(session, [user.id])[user.id]  # type: ignore[list-item,index]
    return {
        **user_public(user, dept),
        "is_active": user.is_active,
        "phone": user.phone,
        "area_id": user.area_id,
        **held,
    }


# --- people -------------------------------------------------------------------------------


@router.get("/users", response_model=list[AdminUserRead])
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
    held = holdings(session, [u.id for u in users if u.id])
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


@router.post("/users", status_code=201, response_model=AdminUserRead)
def create_user(body: UserCreate, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    password_hash = hash_password(body.password)  # slow on purpose: before the transaction
    return _user_row(session, org.create_user(session, me, body, password_hash))


@router.patch("/users/{user_id}", response_model=AdminUserRead, responses=errors(409))
def update_user(
    user_id: int, body: UserUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Edit, disable (ends every session at once) or reset a password (also ends sessions)."""
    password_hash = hash_password(body.password) if body.password is not None else None
    return _user_row(session, org.update_user(session, me, user_id, body, password_hash))


@router.put("/users/{user_id}/holdings", response_model=AdminUserRead, responses=errors(422))
def set_holdings(
    user_id: int, body: HoldingsIn, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """What the person holds — roads, zones (as chief or 挂包领导), grids (as 网格长 or 网格员) —
    set in one go; each row that changes hands is on the ledger. Filed tickets keep their owner."""
    return _user_row(session, org.set_holdings(session, me, user_id, body))


# --- org chart ----------------------------------------------------------------------------


@router.get("/areas", response_model=list[AreaRead])
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


@router.post("/areas", status_code=201, response_model=Ref, responses=errors(422))
def create_area(body: AreaIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A new town or county; its zones are drawn or imported afterwards."""
    area = org.create_area(session, me, body)
    return {"id": area.id, "name": area.name}


@router.patch("/areas/{area_id}", response_model=Ref, responses=errors(422))
def rename_area(area_id: int, body: AreaIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    area = org.rename_area(session, me, area_id, body)
    return {"id": area.id, "name": area.name}


@router.post("/zones", status_code=201, response_model=ZoneOut, responses=errors(404, 422))
def create_zone(body: ZoneIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A zone (片区) drawn on the map, in an area, with its chief and 挂包领导."""
    return _zone_out(org.create_zone(session, me, body))


@router.patch("/zones/{zone_id}", response_model=ZoneOut, responses=errors(422))
def update_zone(
    zone_id: int, body: ZoneUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Rename, re-draw, or change a zone's chief or 挂包领导; tickets filed keep their owner."""
    return _zone_out(org.update_zone(session, me, zone_id, body))


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


@router.post("/roads", status_code=201, response_model=RoadOut, responses=errors(404, 422))
def create_road(body: RoadIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A road drawn on the map; it becomes a 测评 site too."""
    return _road_out(org.create_road(session, me, body))


@router.patch("/roads/{road_id}", response_model=RoadOut, responses=errors(422))
def update_road(
    road_id: int, body: RoadUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Rename, re-draw, move to another zone, or give the road another chief (or none)."""
    return _road_out(org.update_road(session, me, road_id, body))


@router.post("/roads/import", response_model=RoadNetworkImported, responses=errors(422))
def import_road_network(
    session: SessionDep, me: CurrentUser, data: Annotated[dict[str, Any], Body()]
) -> dict[str, Any]:
    """Zones and roads with their chiefs from a GeoJSON FeatureCollection; all or nothing."""
    return dataclasses.asdict(org.import_road_network(session, me, data))


@router.post(
    "/org/import",
    response_model=RoadNetworkImported | GridsImported,
    responses=errors(422),
)
def import_file(
    session: SessionDep,
    me: CurrentUser,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(pattern="^(roads|grids)$")] = "roads",
) -> dict[str, Any]:
    """Roads and zones, or grids, from a GeoJSON, KML or zipped Shapefile; all or nothing."""
    data = read_features(file)  # the file is read and converted before the transaction
    if kind == "roads":
        result: Any = org.import_road_network(session, me, data, file.filename)
    else:
        result = org.import_grid_network(session, me, data, file.filename)
    return dataclasses.asdict(result)


@router.post("/grids", status_code=201, response_model=GridOut, responses=errors(404, 422))
def create_grid(body: GridIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """A grid drawn on the map, with its 网格长 and 网格员."""
    return _grid_out(org.create_grid(session, me, body))


@router.patch("/grids/{grid_id}", response_model=GridOut, responses=errors(422))
def update_grid(
    grid_id: int, body: GridUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Rename, re-draw, or change a grid's 网格长 or 网格员."""
    return _grid_out(org.update_grid(session, me, grid_id, body))


@router.get("/reroute", response_model=ReroutePreview)
def reroute_preview(session: SessionDep) -> dict[str, Any]:
    """How many open tickets would move to another owner under today's org chart (none move)."""
    return service.preview(service.reroute_plan(session), session)


@router.post("/reroute", response_model=Rerouted)
def reroute(body: RerouteIn, session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    """Move them: the count must match the preview the admin saw."""
    return {"moved": actions.reroute(session, actor, body.expected)}


# --- categories and calendar --------------------------------------------------------------


@router.patch("/categories/{code}", response_model=CategoryAdminRead)
def update_category(
    code: str, body: CategoryUpdate, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Change a category's time limit or lead department; applies to tickets reported afterwards."""
    return actions.update_category(session, me, code, body).model_dump()


@router.get("/calendar", response_model=list[CalendarDayRead])
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


@router.put("/calendar/{day}", response_model=CalendarDayRead)
def set_calendar_day(
    day: dt.date, body: CalendarDayIn, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    """Declare a holiday or a make-up workday (调休); deadlines computed afterwards follow it."""
    row = actions.set_calendar_day(session, me, day, body)
    return {"day": day.isoformat(), "is_workday": row.is_workday, "name": row.name}


@router.delete("/calendar/{day}", response_model=CalendarDayCleared)
def clear_calendar_day(day: dt.date, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    """Back to the Monday–Friday rule for that day."""
    actions.clear_calendar_day(session, me, day)
    return {"day": day.isoformat(), "cleared": True}


# --- the audit trail ----------------------------------------------------------------------


@router.get("/audit", response_model=list[AuditEntry])
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
