"""In tests, every answer that goes through a response model must be the JSON the handler made.

A response model filters and converts: a key the presenter returns but the model lacks would
silently leave the API (and break the PWA that reads it). Installed by tests/conftest.py, this
wraps FastAPI's serialisation so each test that calls an endpoint also checks that its body,
after the model, equals the handler's own value encoded as plain JSON (numbers compared as
numbers: 3 and 3.0 are the same JSON value).
"""

import json
from typing import Any

import fastapi.routing
from fastapi.encoders import jsonable_encoder

_original = fastapi.routing.serialize_response


def _diff(before: Any, after: Any, where: str = "$") -> str | None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in before.keys() | after.keys():
            if key not in after:
                return f"{where}.{key}: dropped by the response model"
            if key not in before:
                return f"{where}.{key}: added by the response model"
            found = _diff(before[key], after[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return f"{where}: {len(before)} items became {len(after)}"
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            found = _diff(b, a, f"{where}[{i}]")
            if found:
                return found
        return None
    if isinstance(before, bool) is not isinstance(after, bool) or before != after:
        return f"{where}: {before!r} became {after!r}"
    return None


async def serialize_response(*, field: Any = None, response_content: Any, **kwargs: Any) -> Any:
    result = await _original(field=field, response_content=response_content, **kwargs)
    if field is None:
        return result
    after = json.loads(result) if isinstance(result, bytes | str) else jsonable_encoder(result)
    found = _diff(jsonable_encoder(response_content), after)
    if found:
        raise AssertionError(f"the response model changes the answer: {found}")
    return result


def install() -> None:
    fastapi.routing.serialize_response = serialize_response  # type: ignore[assignment]
