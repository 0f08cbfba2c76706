"""What an admin (or the CLI) may send to change the org chart and its people.

In the update models a field left out is left alone; ``null`` is refused where a value is
required (a name, a geometry, a road's zone, whether an account is active …) and means
"nobody / none" only for the optional links the product allows to be empty: a zone's or
road's or grid's chief (a vacancy), a zone's 挂包领导, a person's title, phone, department,
area and level (a department's staff keep a department, a chief keeps a level: checked on
the result).
"""

from typing import Annotated, Any

from pydantic import Field

from app.core.edits import Keep, Strict
from app.org.models import Role

Name = Annotated[str, Field(min_length=1, max_length=100)]
RoleIn = Annotated[Role, Field(strict=False)]  # an enum arrives as a JSON string
Geometry = dict[str, Any]
CLEARS = "null leaves it with nobody"


class UserCreate(Strict):
    username: str = Field(pattern=r"^[A-Za-z0-9_.-]{2,64}$")
    name: Name
    role: RoleIn
    password: str = Field(min_length=6, max_length=256)
    level: int | None = Field(default=None, ge=1, le=3)
    title: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    department_id: int | None = None
    area_id: int | None = None


class UserUpdate(Strict):
    name: Keep[Name] = None
    is_active: Keep[bool] = None
    password: Keep[Annotated[str, Field(min_length=6, max_length=256)]] = None
    title: str | None = Field(default=None, max_length=100, description="null clears it")
    phone: str | None = Field(default=None, max_length=32, description="null clears it")
    role: Keep[RoleIn] = None
    level: int | None = Field(default=None, ge=1, le=3, description="null: not a chief")
    department_id: int | None = Field(default=None, description="null: no department")
    area_id: int | None = Field(default=None, description="null: no area")


class HoldingsIn(Strict):
    """Ids of what the person is to hold; anything they hold now and is not listed is let go."""

    road_ids: list[int] = Field(default_factory=list, max_length=1000)
    zone_ids: list[int] = Field(default_factory=list, max_length=200)
    led_zone_ids: list[int] = Field(default_factory=list, max_length=200)
    grid_ids: list[int] = Field(default_factory=list, max_length=500)
    member_grid_ids: list[int] = Field(default_factory=list, max_length=500)


class AreaIn(Strict):
    name: Name


class ZoneIn(Strict):
    area_id: int
    name: Name
    chief_id: int | None = None
    leader_id: int | None = None
    geometry: Geometry


class ZoneUpdate(Strict):
    name: Keep[Name] = None
    chief_id: int | None = Field(default=None, description=CLEARS)
    leader_id: int | None = Field(default=None, description=CLEARS)
    geometry: Keep[Geometry] = None


class RoadIn(Strict):
    name: Name
    zone_id: int
    chief_id: int | None = None
    geometry: Geometry


class RoadUpdate(Strict):
    name: Keep[Name] = None
    zone_id: Keep[int] = Field(default=None, description="another zone; a road always has one")
    chief_id: int | None = Field(default=None, description=CLEARS)
    geometry: Keep[Geometry] = None


class GridIn(Strict):
    name: Name
    zone_id: int
    chief_id: int | None = None
    member_ids: list[int] = Field(default_factory=list, max_length=200)
    geometry: Geometry


class GridUpdate(Strict):
    name: Keep[Name] = None
    chief_id: int | None = Field(default=None, description=CLEARS)
    member_ids: Keep[Annotated[list[int], Field(max_length=200)]] = Field(
        default=None, description="the grid's 网格员; [] leaves it with none"
    )
    geometry: Keep[Geometry] = None
