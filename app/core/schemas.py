"""Response models: what every JSON answer contains, stated once for /openapi.json and the PWA.

Each domain keeps its models in `<domain>/schemas.py`, in Dispatch's families: `XBase` (the
fields a client sends and reads), `XCreate` / `XUpdate` (request bodies) and `XRead` (what the
server answers). Routes name them with `response_model=` or a return annotation.

A response model filters: a key the presenter returns and the model lacks is dropped from the
answer. Presenters keep building dicts; the model validates and serialises them (FastAPI's
fast path, straight to JSON bytes in pydantic's core). The tests hold the two together: every
answer a test receives is compared with the presenter's dict (tests/contract/same_json.py), so
a field missing from a model fails the domain's tests instead of vanishing from the API.

Timestamps stay the ISO strings the presenters make (`IsoDateTime`): re-parsing them into
datetimes would cost time on the ticket list and change their spelling (`Z` for `+00:00`).
"""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

# An ISO 8601 timestamp with its offset (UTC from the server), e.g. 2026-12-07T08:30:00+00:00.
IsoDateTime = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
# A calendar date, e.g. 2026-12-07.
IsoDate = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]


def _geometry(*kinds: tuple[str, int]) -> Any:
    """A GeoJSON geometry (RFC 7946) of these types, each with its coordinates' nesting depth.
    Stored geometries pass through unvalidated (they were checked on import); the schema tells
    a client exactly which shapes to expect."""
    position: dict[str, Any] = {"type": "array", "items": {"type": "number"}}

    def nested(depth: int) -> dict[str, Any]:
        schema = position
        for _ in range(depth):
            schema = {"type": "array", "items": schema}
        return schema

    shapes = [
        {
            "type": "object",
            "properties": {
                "type": {"type": "string", "enum": [kind]},
                "coordinates": nested(depth),
            },
            "required": ["type", "coordinates"],
        }
        for kind, depth in kinds
    ]
    return Annotated[
        dict[str, Any], WithJsonSchema({"oneOf": shapes} if len(shapes) > 1 else shapes[0])
    ]


PointGeometry = _geometry(("Point", 0))
LineGeometry = _geometry(("LineString", 1), ("MultiLineString", 2))
AreaGeometry = _geometry(("Polygon", 2), ("MultiPolygon", 3))
AnyGeometry = _geometry(
    ("Point", 0),
    ("LineString", 1),
    ("MultiLineString", 2),
    ("Polygon", 2),
    ("MultiPolygon", 3),
)


class Read(BaseModel):
    """Base of every response model."""

    model_config = ConfigDict(from_attributes=True)


class Ref(Read):
    """Something named: a road, a zone, a grid, a site."""

    id: int
    name: str


class UserRef(Read):
    id: int
    username: str
    name: str


class DepartmentRef(Read):
    id: int
    code: str
    name: str


class Ok(Read):
    """An action that answers nothing but that it was done."""

    ok: bool = Field(description="always true")


class IdRead(Read):
    id: int


class ChiefRef(UserRef):
    """A chief as maps and lists name them: with their level (1 town, 2 zone, 3 road)."""

    level: int | None


class Ranked(Read):
    """A unit's place (core/ranking): equal merit, equal rank (并列); 末位 only within the last
    places; 不参评 units have no rank."""

    rank: int | None
    tied: bool = Field(description="并列: another unit has the same rank")
    bottom: bool = Field(description="末位")
