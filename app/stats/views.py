"""Weekly bulletin (每周通报): JSON, XLSX and a printable A4 page. Supervisor/admin only.

GET /api/bulletin?week=2026-W48   (week optional: the current week; ISO week, Asia/Shanghai)
→ {"week": "2026-W48", "first_day": "2026-11-23", "last_day": "2026-11-29",
   "start", "end" (UTC ISO, end exclusive), "as_of" (UTC ISO: the week's end, or now),
   "settings": {"weight_closure", "weight_on_time", "weight_rework", "weight_overdue",
                "grade_a", "grade_b", "grade_c", "grade_d", "bottom_n"},
   "totals": <row without id/name/rank>,
   "sections": {"road": [row…], "chief": [row…], "zone": [row…], "department": [row…]}}
row = {"id", "name", (road/zone: "chief" name; chief: "title", "level"; department: "code"),
       "new", "closed", "due", "due_closed", "due_in_time", "rectified", "reworked", "overdue",
       "closure_rate", "on_time_rate", "rework_rate", "overdue_share" (0–1 or null),
       "avg_rectify_hours" (or null), "satisfaction_rate" (0–1 or null) with "ratings" (count),
       "score" (0–100 or null), "grade" ('A'–'E' or null),
       "rank" (1… or null when unscored), "bottom" (bool, 末位)}
Rows are in rank order; unscored units last. Definitions: app/stats/service.py docstring.

GET /api/bulletin.xlsx?week=…   → the workbook (汇总 + 按路段/按路长/按片区/按职能部门 sheets).
GET /api/bulletin/print?week=…  → text/html, A4 (@page) — print it from the browser.
"""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from app.auth.deps import require_roles
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.timeutil import utcnow
from app.org.models import Role
from app.stats.render import bulletin_html, bulletin_xlsx
from app.stats.service import Week, bulletin
from app.stats.settings import get_bulletin_settings

router = APIRouter(
    prefix="/api", tags=["bulletin"], dependencies=[require_roles(Role.supervisor, Role.admin)]
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bulletin(session: SessionDep, week: str | None) -> dict[str, Any]:
    now = utcnow()
    tz = get_settings().timezone
    chosen = Week.parse(week, tz) if week else Week.containing(now, tz)
    return bulletin(session, chosen, now, get_bulletin_settings())


@router.get("/bulletin")
def get_bulletin(session: SessionDep, week: str | None = None) -> dict[str, Any]:
    """The week's figures per road, chief, zone and department, ranked and graded."""
    return _bulletin(session, week)


@router.get("/bulletin.xlsx", response_class=Response)
def get_bulletin_xlsx(session: SessionDep, week: str | None = None) -> Response:
    """The bulletin as a workbook."""
    data = _bulletin(session, week)
    name = f"bulletin-{data['week']}.xlsx"
    return Response(
        bulletin_xlsx(data),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/bulletin/print", response_class=HTMLResponse)
def get_bulletin_print(session: SessionDep, week: str | None = None) -> HTMLResponse:
    """The bulletin as a clean A4 page for printing."""
    return HTMLResponse(bulletin_html(_bulletin(session, week)))
