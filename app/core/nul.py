"""Text with NUL characters is refused on every database, not only where the driver balks.

PostgreSQL cannot store U+0000 in text and SQLite stores it silently (then C tools and
exports cut the text short); checking every statement's parameters refuses it the same way
on both, wherever the text comes from.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.core.errors import Invalid


def _has_nul(parameters: Any) -> bool:
    if isinstance(parameters, str):
        return "\x00" in parameters
    if isinstance(parameters, Mapping):
        return any(_has_nul(v) for v in parameters.values())
    if isinstance(parameters, Iterable) and not isinstance(parameters, bytes | bytearray):
        return any(_has_nul(v) for v in parameters)
    return False


def refuse_nul_text(engine: Engine) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _check(
        _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        if _has_nul(parameters):
            raise Invalid("text must not contain NUL (\\u0000) characters")
