"""The OpenAPI contract made true: the error body, and which error statuses an operation can answer.

Routes declare their own particular errors with `responses=errors(409)`; the ones that follow
from how an operation is built are added to every operation here, so a new router gets them
without thinking: 401/403 where a sign-in is required, 404 where the path names something,
413 where there is a body, 400/415 where it is multipart (photos), and every 422 carries
{detail, code} like every other error rather than FastAPI's HTTPValidationError.
"""

import re
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field

ERROR_STATUSES: dict[int, str] = {
    400: "the body cannot be parsed",
    401: "not signed in, or the session has ended",
    403: "signed in, but not allowed (role, jurisdiction, or a missing CSRF token)",
    404: "not found, or not visible to you",
    409: "the action does not fit the current state",
    413: "the body, or one photo in it, is too large",
    415: "not an accepted image (JPEG, PNG or HEIC, checked by content)",
    422: "invalid input",
    429: "too many attempts; retry after Retry-After seconds",
    503: "busy or unhealthy; retry after Retry-After seconds",
}
RETRY_AFTER = {
    "Retry-After": {"description": "seconds to wait before retrying", "schema": {"type": "integer"}}
}


class ErrorBody(BaseModel):
    """Every error answer: a message for people, a stable code for programs."""

    model_config = ConfigDict(extra="allow")
    detail: str = Field(description="what went wrong, in words")
    code: str = Field(description="a stable machine-readable code, e.g. invalid, not_found")


def _response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {"description": ERROR_STATUSES[status]}
    if status in (429, 503):
        response["headers"] = RETRY_AFTER
    return response


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route or router: these error statuses, each with the ErrorBody."""
    return {status: {"model": ErrorBody, **_response(status)} for status in statuses}


def binary(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a 200 that is a file (a photo, a workbook) rather than JSON."""
    schema = {"type": "string", "format": "binary"}
    return {200: {"description": description, "content": {media_type: {"schema": schema}}}}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Formats of query parameters several routers share; parsed (and refused with 422) by their
# routers, declared here so the schema says what a client must send.
BBox = Annotated[
    str,
    Query(
        description="minLon,minLat,maxLon,maxLat in WGS-84 degrees",
        pattern=r"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$",
        examples=["119.98,30.27,120.02,30.29"],
    ),
]
IsoWeek = Annotated[
    str,
    Query(
        description="ISO week in local time, e.g. 2026-W49 (第49周); absent or empty: this week",
        pattern=r"^(\d{4}-W\d{2})?$",
        examples=["2026-W49"],
    ),
]

REF_TEMPLATE = "#/components/schemas/{model}"
ERROR_REF = {"$ref": REF_TEMPLATE.format(model="ErrorBody")}


def _implied(method: str, operation: dict[str, Any]) -> list[int]:
    statuses = []
    if operation.get("security"):
        statuses += [401, 403]
    if any(p.get("in") == "path" for p in operation.get("parameters", [])):
        statuses.append(404)
    content = operation.get("requestBody", {}).get("content", {})
    if content or method in ("post", "put", "patch"):
        statuses += [400, 413]  # 400: a body that is not even text, JSON or multipart
    if "multipart/form-data" in content:
        statuses.append(415)
    if method in ("post", "put", "patch", "delete"):
        statuses.append(503)  # saturated (photo work, the database's lock): retry later
    return statuses


def _without_null(parameter: dict[str, Any]) -> None:
    """An optional query or header parameter is left out, never sent as null: drop that branch."""
    schema = parameter.get("schema", {})
    branches = [b for b in schema.get("anyOf", []) if b.get("type") != "null"]
    if not parameter.get("required") and len(branches) == 1 and len(schema["anyOf"]) == 2:
        del schema["anyOf"]
        parameter["schema"] = {**branches[0], **schema}


def complete(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the implied error responses, and give every error the ErrorBody schema."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ErrorBody"] = ErrorBody.model_json_schema(ref_template=REF_TEMPLATE)
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            for parameter in operation.get("parameters", []):
                _without_null(parameter)
            responses = operation.setdefault("responses", {})
            for status in _implied(method, operation):
                responses.setdefault(str(status), _response(status))
            for status, response in responses.items():
                if status.isdigit() and int(status) in ERROR_STATUSES:
                    response["content"] = {"application/json": {"schema": ERROR_REF}}
                    if response.get("description") == "Validation Error":
                        response["description"] = ERROR_STATUSES[int(status)]
    return schema


def allowed_methods(app: FastAPI, path: str) -> set[str]:
    """Every method the schema lists for a concrete path (for the Allow header of a 405)."""
    templates: list[tuple[re.Pattern[str], set[str]]] | None = getattr(
        app.state, "path_templates", None
    )
    if templates is None:
        templates = [
            (
                re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"),
                {method.upper() for method in item},
            )
            for template, item in app.openapi().get("paths", {}).items()
        ]
        app.state.path_templates = templates
        app.state.literal_paths = {
            template: {method.upper() for method in item}
            for template, item in app.openapi().get("paths", {}).items()
            if "{" not in template
        }
    # A literal path (/api/tasks/import) is its own resource, not an id of its templated
    # sibling (/api/tasks/{task_id}): when one matches exactly, it alone answers.
    literal = app.state.literal_paths.get(path)
    if literal is not None:
        return literal
    return {method for pattern, methods in templates if pattern.match(path) for method in methods}


def install(app: FastAPI) -> None:
    """Serve the completed schema at app.openapi_url (built once, on first use)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
