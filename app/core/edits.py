"""Request models for edits (PATCH / PUT): a field left out is left alone, and an explicit
``null`` is refused where the value is required.

An update model declares ``name: Keep[str] = None``: the field may be omitted (``None`` is
then only the "not sent" default, never written), but ``{"name": null}`` answers 422 naming
the field, and the OpenAPI document says the field is a string, not "string or null". A
field whose ``null`` means something — clearing an optional link such as a road's chief —
stays ``int | None`` and says so in its description. Constraints go inside:
``Keep[Annotated[str, Field(max_length=100)]]`` (outside, pydantic applies them to the union).
"""

from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

T = TypeVar("T")


def _not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("may be left out, but not null")
    return value


def _schema_without_null(schema: dict[str, Any]) -> None:
    """What the client may send: the value's own type, without the null branch."""
    branches = [b for b in schema.pop("anyOf", []) if b != {"type": "null"}]
    if len(branches) == 1:
        schema.update(branches[0])
    elif branches:
        schema["anyOf"] = branches
    schema.pop("default", None)


# Optional in the request, never null.
Keep = Annotated[
    T | None, BeforeValidator(_not_null), Field(json_schema_extra=_schema_without_null)
]


class Strict(BaseModel):
    # strict: 0 is not false, "5" is not 5 — what the schema says is what is accepted. Enums
    # and dates arrive as JSON strings, so those fields alone are not strict.
    model_config = ConfigDict(extra="forbid", strict=True)

    def changes(self) -> dict[str, Any]:
        """The fields the client sent, with their values (an edit's only source of writes)."""
        return self.model_dump(exclude_unset=True)
