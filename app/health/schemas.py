"""The health probe's answer."""

from typing import Literal

from pydantic import Field

from app.core.schemas import Read


class HealthRead(Read):
    ok: Literal[True]
    checks: dict[str, str] = Field(description="database, migrations, storage: ok each")
