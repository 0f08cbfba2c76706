"""Import a task breakdown (任务分解表) from XLSX: all rows or none.

The first sheet; a heading row with these columns (any order, extra columns ignored):
任务名称 (required), 任务内容, 牵头单位 (department name or code), 责任人 (username, required),
配合单位 (names or codes separated by 、 , ；), 所属片区, and one or more milestone column pairs
节点1 / 完成时限1, 节点2 / 完成时限2 … (a date cell or YYYY-MM-DD). A row with a problem is refused
with its row number and column, and nothing is imported.
"""

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlmodel import Session, select

from app.core.errors import Invalid
from app.org.models import Department, User, Zone
from app.tasks.service import MilestoneIn

REQUIRED = ("任务名称", "责任人")
MAX_ROWS = 2000


@dataclass
class TaskRow:
    row: int
    title: str
    description: str
    owner_id: int
    lead_department_id: int | None
    cooperating_department_ids: list[int]
    zone_id: int | None
    milestones: list[MilestoneIn]


class _Bad(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _date(value: Any, column: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip().replace("/", "-"))
    except ValueError:
        raise _Bad(column, f"'{value}' is not a date (YYYY-MM-DD)") from None


def parse(session: Session, content: bytes) -> list[TaskRow]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise Invalid(f"not a readable XLSX workbook: {type(exc).__name__}") from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    columns = {name: i for i, name in enumerate(header) if name}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise Invalid(f"row 1: missing column(s) {', '.join(missing)}")
    pairs = sorted(
        (int(m.group(1)), columns[name], columns.get(f"完成时限{m.group(1)}"))
        for name in columns
        if (m := re.fullmatch(r"节点(\d+)", name))
    )
    departments = list(session.exec(select(Department)))
    by_name = {d.name: d for d in departments} | {d.code: d for d in departments}
    users = {u.username: u for u in session.exec(select(User))}
    zones = {z.name: z for z in session.exec(select(Zone))}

    def dept(value: str, column: str) -> int:
        d = by_name.get(value.strip())
        if d is None:
            raise _Bad(column, f"unknown unit '{value.strip()}'")
        return d.id  # type: ignore[return-value]

    parsed: list[TaskRow] = []
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise Invalid(f"at most {MAX_ROWS} tasks per file")
        cells = list(values) + [None] * (len(header) - len(values))
        if all(v is None or str(v).strip() == "" for v in cells):
            continue

        def text(name: str, cells: list[Any] = cells) -> str:
            i = columns.get(name)
            return "" if i is None or cells[i] is None else str(cells[i]).strip()

        def where(name: str) -> str:
            return f"{get_column_letter(columns[name] + 1)} ({name})"

        try:
            title = text("任务名称")
            if not title or len(title) > 200:
                raise _Bad(where("任务名称"), "a task name of 1–200 characters is required")
            owner = users.get(text("责任人"))
            if owner is None or not owner.is_active:
                raise _Bad(where("责任人"), f"unknown or disabled user '{text('责任人')}'")
            lead = dept(text("牵头单位"), where("牵头单位")) if text("牵头单位") else None
            coop = [
                dept(part, where("配合单位"))
                for part in re.split(r"[、,，;；]", text("配合单位"))
                if part.strip()
            ]
            zone_id = None
            if text("所属片区"):
                zone = zones.get(text("所属片区"))
                if zone is None:
                    raise _Bad(where("所属片区"), f"unknown zone '{text('所属片区')}'")
                zone_id = zone.id
            milestones = []
            for seq, name_col, due_col in pairs:
                name = cells[name_col]
                if name is None or str(name).strip() == "":
                    continue
                label = f"完成时限{seq}"
                if due_col is None or cells[due_col] in (None, ""):
                    raise _Bad(label, f"milestone '{name}' has no 完成时限{seq}")
                column = f"{get_column_letter(due_col + 1)} ({label})"
                milestones.append(
                    MilestoneIn(str(name).strip()[:200], _date(cells[due_col], column))
                )
            if not milestones:
                raise _Bad("节点1", "a task needs at least one milestone (节点) with a date")
            parsed.append(
                TaskRow(
                    number,
                    title,
                    text("任务内容")[:4000],
                    owner.id or 0,
                    lead,
                    coop,  # type: ignore[arg-type]
                    zone_id,
                    milestones,
                )
            )
        except _Bad as exc:
            raise Invalid(
                f"row {number}, column {exc.column}: {exc}", row=number, column=exc.column
            ) from None
    if not parsed:
        raise Invalid("the sheet has no task rows")
    return parsed
