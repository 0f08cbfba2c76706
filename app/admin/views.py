"""Administration over HTTP: people, roads (GeoJSON), categories' time limits, the calendar."""

import dataclasses
import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import col, func, select

from app.auth.deps import require_roles
from app.auth.passwords import hash_password
from app.auth.service import revoke_all
from app.auth.views import user_public
from app.core.db import SessionDep, write_transaction
from app.core.errors import Conflict, Invalid, NotFound
from app.core.openapi import errors
from app.deadlines.models import CalendarDay, LimitUnit
from app.evaluation.sites import sync_road_sites
from app.org.importer import import_roads
from app.org.models import Area, Department, Role, User
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
    department_id: int | None = None
    area_id: int | None = None


class UserUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    is_active: bool | None = None
    password: str | None = Field(default=None, min_length=6, max_length=256)
    title: str | None = Field(default=None, max_length=100)


class CategoryUpdate(Strict):
    limit_value: int | None = Field(default=None, ge=1, le=1000)
    limit_unit: Annotated[LimitUnit | None, Field(strict=False)] = None
    department_id: int | None = None
    active: bool | None = None


class CalendarDayIn(Strict):
    day: Annotated[dt.date, Field(strict=False)]
    is_workday: bool
    name: str = Field(default="", max_length=64)


def _department(session: SessionDep, department_id: int | None) -> Department | None:
    if department_id is None:
        return None
    department = session.get(Department, department_id)
    if department is None:
        raise Invalid(f"unknown department {department_id}")
    return department


def _area(session: SessionDep, area_id: int | None) -> None:
    if area_id is not None and session.get(Area, area_id) is None:
        raise Invalid(f"unknown area {area_id}")


def _keep_one_admin(session: SessionDep, user: User) -> None:
    """Refuse to disable the last active admin: nobody could sign in to undo it."""
    others = session.exec(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.admin, col(User.is_active), User.id != user.id)
    ).one()
    if user.role == Role.admin and user.is_active and others == 0:
        raise Conflict("the last active admin cannot be disabled")


@router.post("/users", status_code=201)
def create_user(body: UserCreate, session: SessionDep) -> dict[str, Any]:
    if session.exec(select(User).where(User.username == body.username)).first():
        raise Invalid(f"username '{body.username}' is taken")
    if body.role == Role.chief and body.level is None:
        raise Invalid("a chief needs a level (1, 2 or 3)")
    department = _department(session, body.department_id)
    _area(session, body.area_id)
    password_hash = hash_password(body.password)  # slow on purpose: before the transaction
    with write_transaction(session):
        if session.exec(select(User).where(User.username == body.username)).first():
            raise Invalid(f"username '{body.username}' is taken")
        user = User(**body.model_dump(exclude={"password"}), password_hash=password_hash)
        session.add(user)
        session.flush()
    return user_public(user, department)


@router.patch("/users/{user_id}", responses=errors(409))
def update_user(user_id: int, body: UserUpdate, session: SessionDep) -> dict[str, Any]:
    """Rename, disable (ends every session at once) or reset a password (also ends sessions)."""
    password_hash = hash_password(body.password) if body.password is not None else None
    with write_transaction(session):
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(f"user {user_id} not found")
        if body.name is not None:
            user.name = body.name
        if body.title is not None:
            user.title = body.title
        if body.is_active is False:
            _keep_one_admin(session, user)
        if body.is_active is not None:
            user.is_active = body.is_active
        if password_hash is not None:
            user.password_hash = password_hash
        if body.is_active is False or body.password is not None:
            revoke_all(session, user_id)
    return user_public(
        user, session.get(Department, user.department_id) if user.department_id else None
    )


@router.post("/roads/import")
def import_road_network(
    session: SessionDep, data: Annotated[dict[str, Any], Body()]
) -> dict[str, Any]:
    """Zones and roads with their chiefs from a GeoJSON FeatureCollection; all or nothing."""
    with write_transaction(session):
        result = import_roads(session, data)
        sync_road_sites(session)  # every road is also an evaluation site (测评点位)
    invalidate()
    return dataclasses.asdict(result)


@router.patch("/categories/{code}")
def update_category(code: str, body: CategoryUpdate, session: SessionDep) -> dict[str, Any]:
    """Change a category's time limit or lead department; applies to tickets reported afterwards."""
    with write_transaction(session):
        category = session.get(Category, code)
        if category is None:
            raise NotFound(f"category {code} not found")
        for field, value in body.model_dump(exclude_unset=True).items():
            if field == "department_id":
                _department(session, value)
            setattr(category, field, value)
    return category.model_dump()


@router.put("/calendar/{day}")
def set_calendar_day(day: dt.date, body: CalendarDayIn, session: SessionDep) -> dict[str, Any]:
    """Declare a holiday or a make-up workday (调休); deadlines computed afterwards follow it."""
    if body.day != day:
        raise Invalid("the day in the path and the body differ")
    with write_transaction(session):
        row = session.get(CalendarDay, day) or CalendarDay(day=day, is_workday=body.is_workday)
        row.is_workday, row.name = body.is_workday, body.name
        session.add(row)
    return {"day": day.isoformat(), "is_workday": row.is_workday, "name": row.name}
