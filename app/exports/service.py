"""The ledger (台账) as XLSX, written row by row so a year of tickets fits in little memory.

xlsxwriter's constant_memory mode flushes each row to a temporary file as soon as the next
one starts, and the tickets and their events are read from the database in batches, so
memory stays flat however many tickets the filter selects.
"""

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter
from sqlalchemy import select
from sqlmodel import Session

from app.console.filters import TicketFilter
from app.console.service import bbox_clause
from app.core.config import get_settings
from app.core.xlsx import table_sheet
from app.ledger.models import Event
from app.org.models import Department, Road, User, Zone
from app.tickets.models import STATUS_LABELS, Category, Ticket

BATCH = 2000

ACTION_LABELS = {
    "report": "上报",
    "dispatch": "派遣",
    "handoff": "移交部门",
    "rectify": "提交整改",
    "verify": "核查通过",
    "reject": "核查不通过（返工）",
    "dismiss": "作废",
    "escalate": "督办",
}

TICKET_HEADINGS = [
    ("编号", 16), ("类别代码", 8), ("类别", 14), ("状态", 8), ("问题描述", 30), ("纬度", 11),
    ("经度", 11), ("路段", 14), ("片区", 12), ("承办人", 10), ("承办部门", 14), ("主责部门", 14),
    ("上报人", 10), ("拍摄时间", 18), ("接收时间", 18), ("派遣时间", 18), ("整改期限", 18),
    ("整改时间", 18), ("结案时间", 18), ("按期结案", 8), ("返工次数", 8), ("督办级别", 8),
    ("重复于", 16),
]  # fmt: skip
EVENT_HEADINGS = [
    ("案卷编号", 16), ("事件序号", 10), ("时间", 18), ("动作", 14), ("原状态", 8),
    ("新状态", 8), ("操作人", 10), ("说明", 40), ("哈希", 20),
]  # fmt: skip

T = Ticket.__table__.c  # type: ignore[attr-defined]
E = Event.__table__.c  # type: ignore[attr-defined]


class Lookups:
    """Names of the small reference tables, loaded once per export."""

    def __init__(self, session: Session) -> None:
        conn = session.connection()

        def names(table: Any, label: str = "name") -> dict[Any, str]:
            key = table.c.code if table is Category.__table__ else table.c.id  # type: ignore[attr-defined]
            return dict(conn.execute(select(key, table.c[label])).all())

        self.categories = names(Category.__table__)  # type: ignore[attr-defined]
        self.roads = names(Road.__table__)  # type: ignore[attr-defined]
        self.zones = names(Zone.__table__)  # type: ignore[attr-defined]
        self.departments = names(Department.__table__)  # type: ignore[attr-defined]
        self.users = names(User.__table__)  # type: ignore[attr-defined]


def _local(tz: ZoneInfo, moment: datetime | None) -> datetime | None:
    # Excel has no time zones: write local wall-clock time, as officials read it.
    return None if moment is None else moment.astimezone(tz).replace(tzinfo=None)


def _ticket_batches(session: Session, where: list[Any]) -> Iterator[list[Any]]:
    """Tickets in id order, a batch at a time (keyset paging: no long-lived cursor)."""
    last = 0
    table = Ticket.__table__  # type: ignore[attr-defined]
    while True:
        stmt = select(table).where(T.id > last, *where).order_by(T.id).limit(BATCH)
        rows = list(session.connection().execute(stmt))
        if not rows:
            return
        yield rows
        last = rows[-1].id


def write_ledger(
    session: Session,
    flt: TicketFilter,
    bbox: tuple[float, float, float, float] | None,
    now: datetime,
) -> tuple[str, int]:
    """Write the workbook into a fresh temporary directory; returns (path, number of tickets).

    The directory also holds xlsxwriter's row files, so removing it (remove_export) leaves
    nothing behind, and a failed export removes it at once.
    """
    workdir = tempfile.mkdtemp(prefix="ledger-")
    try:
        return _write_ledger(session, flt, bbox, now, workdir)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def remove_export(path: str) -> None:
    """Remove a written export and its working directory."""
    shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def _write_ledger(
    session: Session,
    flt: TicketFilter,
    bbox: tuple[float, float, float, float] | None,
    now: datetime,
    workdir: str,
) -> tuple[str, int]:
    tz = ZoneInfo(get_settings().timezone)
    names = Lookups(session)
    where = [*flt.clauses(now), *([bbox_clause(bbox)] if bbox else [])]
    path = os.path.join(workdir, "ledger.xlsx")
    book = xlsxwriter.Workbook(path, {"constant_memory": True, "tmpdir": workdir})
    head = book.add_format(
        {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"}
    )
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    tickets_sheet = book.add_worksheet("案卷台账")
    events_sheet = book.add_worksheet("流转记录")
    for sheet, headings in ((tickets_sheet, TICKET_HEADINGS), (events_sheet, EVENT_HEADINGS)):
        # Rows are streamed, so widths are fixed up front (sized for the longest usual value).
        table_sheet(
            sheet,
            [label for label, _width in headings],
            widths=[width for _label, width in headings],
            heading_format=head,
        )

    def put(sheet: Any, row: int, col: int, value: Any) -> None:
        if value is None or value == "":
            return
        if isinstance(value, datetime):
            sheet.write_datetime(row, col, _local(tz, value), when)
        elif isinstance(value, bool):
            sheet.write_string(row, col, "是" if value else "否")
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value)
        else:
            sheet.write_string(row, col, str(value))

    t_row = e_row = 0
    for batch in _ticket_batches(session, where):
        numbers = {t.id: t.number for t in batch}
        originals = {t.duplicate_of_id for t in batch if t.duplicate_of_id}
        if originals:
            # .all(): dict() of the result object itself would take it for a mapping.
            originals_q = select(T.id, T.number).where(T.id.in_(originals))
            numbers |= dict(session.connection().execute(originals_q).all())
        for t in batch:
            t_row += 1
            values = [
                t.number, t.category_code, names.categories.get(t.category_code),
                STATUS_LABELS.get(t.status, t.status), t.description, t.lat, t.lon,
                names.roads.get(t.road_id), names.zones.get(t.zone_id),
                names.users.get(t.assignee_id), names.departments.get(t.department_id),
                names.departments.get(t.lead_department_id), names.users.get(t.reporter_id),
                t.captured_at, t.received_at, t.assigned_at, t.due_at, t.rectified_at,
                t.closed_at, t.closed_in_time, t.rework_count, t.escalation_level,
                numbers.get(t.duplicate_of_id),
            ]  # fmt: skip
            for col, value in enumerate(values):
                put(tickets_sheet, t_row, col, value)
        events = session.connection().execute(
            select(E.ticket_id, E.id, E.created_at, E.action, E.from_status, E.to_status,
                   E.actor_id, E.note, E.hash)
            .where(E.ticket_id.in_([t.id for t in batch]))
            .order_by(E.ticket_id, E.id)
        )  # fmt: skip
        for ev in events:
            e_row += 1
            values = [
                numbers[ev.ticket_id], ev.id, ev.created_at,
                ACTION_LABELS.get(ev.action, ev.action),
                STATUS_LABELS.get(ev.from_status, ev.from_status) if ev.from_status else None,
                STATUS_LABELS.get(ev.to_status, ev.to_status) if ev.to_status else None,
                names.users.get(ev.actor_id) or ("系统" if ev.actor_id is None else None),
                ev.note, ev.hash[:16],
            ]  # fmt: skip
            for col, value in enumerate(values):
                put(events_sheet, e_row, col, value)
    book.close()
    return path, t_row
