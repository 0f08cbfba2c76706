"""Ledger (台账) export. Supervisor/admin only.

GET /api/ledger/export.xlsx?[status, category, zone, road, assignee, department, since, until,
    overdue=1 — as the map filters (app.console.filters)][&bbox=minLon,minLat,maxLon,maxLat]
→ an XLSX download (ledger-YYYYMMDD-HHMM.xlsx) with two sheets:
  案卷台账: one row per ticket (编号, 类别, 状态, 位置, 路段, 片区, 承办人/部门, 上报人, the
           capture/receive/assign/deadline/rectify/close times in local time, 按期结案, 返工次数,
           督办级别, 重复于), in ticket order;
  流转记录: every ledger event of those tickets (案卷编号, 事件序号, 时间, 动作, 原状态, 新状态,
           操作人, 说明, 哈希 prefix), grouped by ticket in event order.
  Header X-Ticket-Count: number of tickets exported.
"""

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from app.auth.deps import require_roles
from app.console.filters import TicketFilterDep, parse_bbox
from app.core.db import SessionDep
from app.core.openapi import BBox
from app.core.timeutil import utcnow
from app.exports.service import remove_export, write_ledger
from app.org.models import Role

router = APIRouter(
    prefix="/api", tags=["ledger"], dependencies=[require_roles(Role.supervisor, Role.admin)]
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/ledger/export.xlsx", response_class=FileResponse)
def export_ledger(
    session: SessionDep, flt: TicketFilterDep, bbox: BBox | None = None
) -> FileResponse:
    """The filtered tickets and all their events, as a workbook streamed from disk."""
    now = utcnow()
    path, count = write_ledger(session, flt, parse_bbox(bbox) if bbox else None, now)
    return FileResponse(
        path,
        media_type=XLSX,
        filename=f"ledger-{now:%Y%m%d-%H%M}.xlsx",
        headers={"X-Ticket-Count": str(count)},
        background=BackgroundTask(remove_export, path),
    )
