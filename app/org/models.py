"""The organisation: area → zone → road, each with its chief; departments; users."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class Role(StrEnum):
    inspector = "inspector"
    chief = "chief"
    department = "department"
    supervisor = "supervisor"
    admin = "admin"
    # 挂包领导: a county leader who follows one or more zones, read-only, and hears escalations.
    leader = "leader"


class Department(SQLModel, table=True):
    """A functional department (职能部门): traffic police, 综合执法, telecom …"""

    __tablename__ = "departments"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=100)


class User(SQLModel, table=True):
    __tablename__ = "users"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True, max_length=64)
    name: str = Field(max_length=100)
    role: Role = Field(sa_type=String(16))
    # Chiefs only: 1 town leader, 2 zone deputy, 3 road/department head.
    level: int | None = None
    title: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    department_id: int | None = Field(default=None, foreign_key="departments.id")
    area_id: int | None = Field(default=None, foreign_key="areas.id")
    password_hash: str = Field(default="", max_length=255)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Area(SQLModel, table=True):
    """A town or county (镇/县); its level-1 chiefs are users with level 1 and this area."""

    __tablename__ = "areas"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)


class Zone(SQLModel, table=True):
    """A zone (片区): a polygon answered for by a level-2 chief."""

    __tablename__ = "zones"
    id: int | None = Field(default=None, primary_key=True)
    area_id: int = Field(foreign_key="areas.id", index=True)
    name: str = Field(max_length=100)
    chief_id: int | None = Field(default=None, foreign_key="users.id")
    # 挂包领导: the county leader who answers for this zone above the town's level-1 chiefs.
    leader_id: int | None = Field(default=None, foreign_key="users.id")
    # GeoJSON geometry (Polygon / MultiPolygon), WGS-84.
    geometry: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    # Stamped on every change: routing indexes in other processes compare it (routing/service).
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Grid(SQLModel, table=True):
    """A grid (网格): a polygon in a zone; its 网格长 answers for the problems on no road."""

    __tablename__ = "grids"
    id: int | None = Field(default=None, primary_key=True)
    zone_id: int = Field(foreign_key="zones.id", index=True)
    name: str = Field(max_length=100)
    chief_id: int | None = Field(default=None, foreign_key="users.id")
    # GeoJSON geometry (Polygon / MultiPolygon), WGS-84.
    geometry: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class GridMember(SQLModel, table=True):
    """A 网格员: someone who patrols a grid (a user may patrol several)."""

    __tablename__ = "grid_members"
    grid_id: int = Field(foreign_key="grids.id", primary_key=True)
    user_id: int = Field(foreign_key="users.id", primary_key=True, index=True)


class Road(SQLModel, table=True):
    """A road segment (路段): a line answered for by a level-3 chief."""

    __tablename__ = "roads"
    id: int | None = Field(default=None, primary_key=True)
    zone_id: int | None = Field(default=None, foreign_key="zones.id", index=True)
    name: str = Field(max_length=100)
    chief_id: int | None = Field(default=None, foreign_key="users.id")
    # GeoJSON geometry (LineString / MultiLineString), WGS-84.
    geometry: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
