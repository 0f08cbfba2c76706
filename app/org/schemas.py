"""Roads, zones, grids, departments and people as the API answers them."""

from typing import Literal

from pydantic import Field

from app.core.schemas import AreaGeometry, ChiefRef, DepartmentRef, LineGeometry, Read, Ref
from app.org.models import Role


class UserRead(Read):
    """A person as the apps see them (GET /api/me, /api/users)."""

    id: int
    username: str
    name: str
    role: Role
    level: int | None
    title: str | None
    department: DepartmentRef | None


class RoadProperties(Read):
    id: int
    name: str
    zone: Ref | None
    chief: ChiefRef | None


class RoadFeature(Read):
    type: Literal["Feature"]
    id: int
    geometry: LineGeometry
    properties: RoadProperties


class RoadCollection(Read):
    type: Literal["FeatureCollection"]
    features: list[RoadFeature]


class ZoneProperties(Read):
    id: int
    name: str
    area: Ref = Field(description="the town (镇/街道)")
    chief: ChiefRef | None
    leader: ChiefRef | None = Field(description="挂包领导")


class ZoneFeature(Read):
    type: Literal["Feature"]
    id: int
    geometry: AreaGeometry
    properties: ZoneProperties


class ZoneCollection(Read):
    type: Literal["FeatureCollection"]
    features: list[ZoneFeature]


class GridProperties(Read):
    id: int
    name: str
    zone: Ref
    chief: ChiefRef | None = Field(description="网格长")
    members: list[ChiefRef] = Field(description="网格员")


class GridFeature(Read):
    type: Literal["Feature"]
    id: int
    geometry: AreaGeometry
    properties: GridProperties


class GridCollection(Read):
    type: Literal["FeatureCollection"]
    features: list[GridFeature]


class ClientConfig(Read):
    """What the PWA needs before sign-in."""

    area_bbox: list[float] | None = Field(
        description="[minLon, minLat, maxLon, maxLat] of the roads and zones; null before import"
    )
    report_max_outside_m: float
    tianditu_key: str
    max_photo_bytes: int
    max_photos: int
