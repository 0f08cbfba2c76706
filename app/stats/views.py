"""Weekly bulletin (每周通报): JSON, XLSX and a printable A4 page. Supervisor/admin only.

GET /api/bulletin?week=2026-W48   (week optional: the current week; ISO week, Asia/Shanghai)
→ {"week": "2026-W48", "first_day": "2026-11-23", "last_day": "2026-11-29",
   "start", "end" (UTC ISO, end exclusive), "as_of" (UTC ISO: the week's end, or now),
   "week_name": "第48周", "week_title": "2026年第48周",
   "settings": {"weight_closure", "weight_on_time", "weight_rework", "weight_overdue",
                "grades": {"优秀": 90, …}, "bottom_n", …},
   "totals": <row without id/name/rank>,
   "sections": {"road": [row…], "chief": [row…], "zone": [row…], "department": [row…]}}
row = {"id", "name", (road/zone: "chief" name; chief: "title", "level"; department: "code"),
       "new", "closed", "due", "due_closed", "due_in_time", "rectified", "reworked", "overdue",
       "closure_rate", "on_time_rate", "rework_rate", "overdue_share" (0–1 or null),
       "avg_rectify_hours" (or null), "satisfaction_rate" (0–1 or null) with "ratings" (count),
       "score" (0–100, null when 不参评), "grade" (优秀/良好/合格/较差 or 不参评),
       "rank" (1…, null when 不参评), "tied" (bool, 并列), "bottom" (bool, 末位)}
Rows are in rank order; units 不参评 last. Definitions: app/stats/service.py docstring.
"problems": {"categories": [{code, name, new}], "overdue_total", "overdue": [{number, …}]},
"document": {"issuer" (红头), "issued", "number" (文号, null until issued), "title",
             "addressee", "overview" (总体情况), "problems" [存在问题 lines], "requirements"
             (工作要求), "signature", "date" (落款), "cc" (抄送)}

PUT /api/bulletin/issue?week=…  {"requirements": "…"} → issues the week's 通报 (印发): gives
it the next 文号 of the year (kept on later edits) and saves the 工作要求; → the bulletin.

GET /api/bulletin.xlsx?week=…   → the workbook (汇总 + 按路段/按路长/按片区/按职能部门 sheets).
GET /api/bulletin/print?week=…  → text/html, A4 (@page) — print it from the browser.
GET /api/bulletin/issued?week=…&sig=…  → the same page of an issued 通报, for anyone holding
the signed link its notice carries (chiefs and units in the groups; no sign-in: app.stats.links).
"""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from app.auth.deps import CurrentUser, require_roles
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import IsoWeek, errors
from app.core.timeutil import utcnow
from app.org.models import Role
from app.photos.imaging import FONT_PATH
from app.stats import actions, links
from app.stats.document import document, find_issue
from app.stats.render import bulletin_html, bulletin_xlsx
from app.stats.schemas import BulletinRead
from app.stats.service import Week, bulletin
from app.stats.settings import get_bulletin_settings

router = APIRouter(
    prefix="/api", tags=["bulletin"], dependencies=[require_roles(Role.supervisor, Role.admin)]
)

# The issued 通报 as the groups it was sent to open it (signed link, no sign-in).
public = APIRouter(prefix="/api", tags=["bulletin"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class IssueBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    requirements: str = Field(max_length=5000)


def _bulletin(session: SessionDep, week: str | None) -> dict[str, Any]:
    now = utcnow()
    tz = get_settings().timezone
    cfg = get_bulletin_settings()
    chosen = Week.parse(week, tz) if week else Week.containing(now, tz)
    data = bulletin(session, chosen, now, cfg)
    data["document"] = document(session, data, cfg, tz)
    return data


@router.get("/bulletin", response_model=BulletinRead)
def get_bulletin(session: SessionDep, week: IsoWeek | None = None) -> dict[str, Any]:
    """The week's figures per road, chief, zone and department, ranked and graded."""
    return _bulletin(session, week)


@router.put("/bulletin/issue", response_model=BulletinRead)
def issue_bulletin(
    session: SessionDep, user: CurrentUser, body: IssueBody, week: IsoWeek | None = None
) -> dict[str, Any]:
    """Issue the week's 通报 (印发): its 文号 and the edited 工作要求."""
    return actions.issue_bulletin(session, user, body.requirements, week)


@router.get("/bulletin.xlsx", response_class=Response)
def get_bulletin_xlsx(session: SessionDep, week: IsoWeek | None = None) -> Response:
    """The bulletin as a workbook."""
    data = _bulletin(session, week)
    name = f"bulletin-{data['week']}.xlsx"
    return Response(
        bulletin_xlsx(data),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/bulletin/print", response_class=HTMLResponse)
def get_bulletin_print(session: SessionDep, week: IsoWeek | None = None) -> HTMLResponse:
    """The bulletin as a clean A4 page for printing."""
    return HTMLResponse(bulletin_html(_bulletin(session, week)))


@public.get("/bulletin/issued", response_class=HTMLResponse, responses=errors(404))
def get_issued_bulletin(session: SessionDep, week: IsoWeek, sig: str) -> HTMLResponse:
    """An issued 通报's A4 page, read-only, through the signed link its notice carries."""
    links.check(week, sig)
    if find_issue(session, week) is None:
        raise NotFound(f"no 通报 was issued for {week}")
    return HTMLResponse(bulletin_html(_bulletin(session, week)))


@router.get("/bulletin/font.otf", response_class=FileResponse)
def get_print_font() -> FileResponse:
    """The packaged CJK font the print page falls back to (no Chinese fonts installed)."""
    return FileResponse(
        FONT_PATH, media_type="font/otf", headers={"Cache-Control": "private, max-age=86400"}
    )
