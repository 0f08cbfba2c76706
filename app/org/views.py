"""Roads, zones, departments and people, as the apps need them."""

from typing import Any

from fastapi import APIRouter
from sqlmodel import col, select

from app.auth.deps import CurrentUser, require_roles
from app.core.db import SessionDep
from app.core.schemas import DepartmentRef
from app.org.grids import grids_geojson
from app.org.models import Department, Role, User
from app.org.schemas import GridCollection, RoadCollection, UserRead, ZoneCollection
from app.org.service import export_roads_geojson, user_public, zones_geojson

router = APIRouter(prefix="/api", tags=["organisation"])


@router.get("/roads", response_model=RoadCollection)
def roads(_user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    """Roads as GeoJSON, each with its zone and its chief."""
    return export_roads_geojson(session)


@router.get("/zones", response_model=ZoneCollection)
def zones(_user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    """Zones (片区) as GeoJSON, each with its chief."""
    return zones_geojson(session)


@router.get("/grids", response_model=GridCollection)
def grids(_user: CurrentUser, session: SessionDep, zone: int | None = None) -> dict[str, Any]:
    """Grids (网格) as GeoJSON, each with its zone, 网格长 and 网格员."""
    return grids_geojson(session, {zone} if zone is not None else None)


@router.get("/departments", response_model=list[DepartmentRef])
def departments(_user: CurrentUser, session: SessionDep) -> list[dict[str, Any]]:
    return [
        {"id": d.id, "code": d.code, "name": d.name}
        for d in session.exec(select(Department).order_by(col(Department.id)))
    ]


@router.get(
    "/users",
    response_model=list[UserRead],
    dependencies=[require_roles(Role.supervisor, Role.admin)],
)
def users(session: SessionDep, role: Role | None = None) -> list[dict[str, Any]]:
    """People, for dispatching and the admin pages."""
    query = select(User).where(col(User.is_active)).order_by(col(User.id))
    if role is not None:
        query = query.where(User.role == role)
    depts = {d.id: d for d in session.exec(select(Department))}
    return [user_public(u, depts.get(u.department_id)) for u in session.exec(query)]
