"""测评 endpoints: sites, standards, rounds, sheets, scores and the street survey.

Rounds are loaded once by `visible_round`: a round the user may not see is a 404 (unannounced).
"""

import json
import math
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import col, select
from starlette.datastructures import UploadFile as StarletteUpload

from app.auth.deps import CurrentActor, require_roles
from app.auth.policy import can_view_round, may_close_round
from app.core.db import SessionDep
from app.core.edits import Keep
from app.core.errors import Forbidden, Invalid, NotFound
from app.core.openapi import errors
from app.core.timeutil import as_utc
from app.evaluation import actions, flows, mine, render, rounds, scores, sites, standards, survey
from app.evaluation.models import (
    ItemOutcome,
    Questionnaire,
    Round,
    RoundKind,
    RoundStatus,
    SheetResult,
    SiteType,
)
from app.evaluation.schemas import (
    MyResults,
    QuestionnaireRead,
    RoundDetail,
    RoundList,
    RoundScores,
    RoundSummary,
    SheetRead,
    SiteCollection,
    SitesImported,
    SiteTypeRead,
    StandardsImported,
    StandardsTree,
    SurveyPosted,
    SurveyResults,
)
from app.org.models import Role
from app.photos.storage import get_storage
from app.tickets.deps import RequiredKey

# Rounds, sites and standards name each other by id and version: a missing one is a 404.
router = APIRouter(prefix="/api", tags=["evaluation"], responses=errors(404))
ADMIN = require_roles(Role.supervisor, Role.admin)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class StrictBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- sites ----------------------------------------------------------------------------------


@router.get("/sites", response_model=SiteCollection)
def list_sites(session: SessionDep, _actor: CurrentActor) -> dict[str, Any]:
    """Every active site (点位) as GeoJSON; properties id, name, type, zone, unit."""
    return sites.sites_geojson(session)


@router.get(
    "/sites/mine",
    response_model=MyResults,
    dependencies=[require_roles(Role.chief, Role.department)],
    responses=errors(403),
)
def my_sites(session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    """My unit's sites with their latest published score, the deductions found there and
    the tickets still to rectify (closed rounds and my own 自查 only)."""
    return mine.my_results(session, actor)


@router.get("/site-types", response_model=list[SiteTypeRead])
def list_site_types(session: SessionDep, _actor: CurrentActor) -> list[dict[str, Any]]:
    return [
        {"code": t.code, "name": t.name, "active": t.active}
        for t in session.exec(select(SiteType).order_by(col(SiteType.sort), col(SiteType.code)))
    ]


class SiteTypeBody(StrictBody):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")
    name: str = Field(min_length=1, max_length=64)


@router.post(
    "/admin/site-types", status_code=201, response_model=SiteTypeRead, dependencies=[ADMIN]
)
def add_site_type(session: SessionDep, body: SiteTypeBody) -> dict[str, Any]:
    """Extend the reference list of site types."""
    return _site_type(actions.add_site_type(session, body.code, body.name))


def _site_type(t: SiteType) -> dict[str, Any]:
    return {"code": t.code, "name": t.name, "active": t.active}


class SiteTypePatch(StrictBody):
    # Left out: unchanged; null: refused (app.core.edits).
    name: Keep[Annotated[str, Field(min_length=1, max_length=64)]] = None
    active: Keep[bool] = None


@router.patch("/admin/site-types/{code}", response_model=SiteTypeRead, dependencies=[ADMIN])
def update_site_type(session: SessionDep, code: str, body: SiteTypePatch) -> dict[str, Any]:
    """Rename a site type or disable it (sites keep it; new imports and draws skip it)."""
    return _site_type(actions.update_site_type(session, code, body.name, body.active))


def _read(upload: UploadFile) -> bytes:
    data = upload.file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise Invalid("the file is larger than 20 MB")
    return data


@router.post("/admin/sites/import", response_model=SitesImported, dependencies=[ADMIN])
def import_sites(session: SessionDep, file: Annotated[UploadFile, File()]) -> dict[str, Any]:
    """Sites from GeoJSON or XLSX (名称 | 类型 | 经度 | 纬度 | 责任单位 | 签到半径(米))."""
    rows = sites.parse_sites_file(file.filename or "", _read(file))
    return actions.import_sites(session, rows).as_dict()


# ---- standards ------------------------------------------------------------------------------


@router.get("/standards", response_model=StandardsTree)
def get_standards(
    session: SessionDep,
    _actor: CurrentActor,
    version: Annotated[str | None, Query(max_length=32)] = None,
) -> dict[str, Any]:
    """The standards tree 测评项目 → 测评内容 → 测评标准 of a version (default: the newest)."""
    return standards.tree(session, standards.get_version(session, version))


@router.post(
    "/admin/standards/import",
    response_model=StandardsImported,
    dependencies=[ADMIN],
    responses=errors(409),
)
def import_standards(
    session: SessionDep,
    file: Annotated[UploadFile, File()],
    replace: Annotated[bool, Form()] = False,
) -> dict[str, Any]:
    """A standards version from XLSX in the documented layout (README 测评)."""
    version, items = actions.import_standards(session, _read(file), replace)
    return {"version": version.code, "name": version.name, "items": items}


@router.get("/admin/standards/export.xlsx", response_class=Response, dependencies=[ADMIN])
def export_standards(
    session: SessionDep, version: Annotated[str | None, Query(max_length=32)] = None
) -> Response:
    v = standards.get_version(session, version)
    return Response(
        standards.standards_xlsx(session, v),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="standards-{v.code}.xlsx"'},
    )


@router.get("/questionnaires", response_model=list[QuestionnaireRead], dependencies=[ADMIN])
def list_questionnaires(session: SessionDep) -> list[dict[str, Any]]:
    """Street-survey questionnaires a round may carry."""
    return [
        {"code": q.code, "name": q.name}
        for q in session.exec(select(Questionnaire).order_by(col(Questionnaire.id)))
    ]


# ---- rounds ---------------------------------------------------------------------------------


class DrawBody(StrictBody):
    per_type_per_zone: int = Field(ge=1, le=100)
    seed: int | None = Field(default=None, ge=0, le=2**53)
    site_types: list[str] = Field(default_factory=list, max_length=50)


class RoundBody(StrictBody):
    name: str = Field(min_length=1, max_length=200)
    kind: RoundKind
    standards_version: str | None = Field(default=None, max_length=32)
    starts_on: date
    ends_on: date
    inspector_ids: list[int] = Field(default_factory=list, max_length=500)
    site_ids: list[int] | None = Field(default=None, max_length=20_000)
    draw: DrawBody | None = None
    questionnaire: str | None = Field(default=None, max_length=32)


def visible_round(round_id: int, session: SessionDep, actor: CurrentActor) -> Round:
    rnd = session.get(Round, round_id)
    if rnd is None or not can_view_round(actor, rnd, rounds.inspector_ids(session, rnd)):
        raise NotFound(f"round {round_id} not found")
    return rnd


VisibleRound = Annotated[Round, Depends(visible_round)]


@router.post("/rounds", status_code=201, response_model=RoundDetail)
def create_round(session: SessionDep, actor: CurrentActor, body: RoundBody) -> dict[str, Any]:
    """A round over chosen sites, or drawn at random: N per type per zone with a stored seed."""
    draw = (
        rounds.Draw(body.draw.per_type_per_zone, body.draw.seed, tuple(body.draw.site_types))
        if body.draw
        else None
    )
    new = rounds.NewRound(
        name=body.name,
        kind=body.kind,
        standards_version=body.standards_version,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        inspector_ids=body.inspector_ids,
        site_ids=body.site_ids,
        draw=draw,
        questionnaire=body.questionnaire,
    )
    return rounds.round_detail(session, actions.create_round(session, actor, new))


@router.get("/rounds", response_model=RoundList)
def list_rounds(session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    """The rounds I may see, newest first."""
    data = []
    for rnd in session.exec(select(Round).order_by(col(Round.id).desc())):
        if can_view_round(actor, rnd, rounds.inspector_ids(session, rnd)):
            data.append(rounds.round_summary(session, rnd))
    return {"data": data, "count": len(data)}


@router.get("/rounds/{round_id}", response_model=RoundDetail)
def get_round(session: SessionDep, rnd: VisibleRound) -> dict[str, Any]:
    """The round with its sites, inspectors, checklist and questionnaire."""
    return rounds.round_detail(session, rnd)


@router.post("/rounds/{round_id}/close", response_model=RoundSummary, responses=errors(409))
def close_round(session: SessionDep, actor: CurrentActor, rnd: VisibleRound) -> dict[str, Any]:
    """Freeze and publish the scores."""
    return rounds.round_summary(session, actions.close_round(session, actor, rnd))


# ---- sheets ---------------------------------------------------------------------------------


class ResultBody(StrictBody):
    item_code: str = Field(min_length=1, max_length=32)
    outcome: Literal["pass", "deduct", "na"]
    occurrences: int = Field(default=0, ge=0, le=flows.MAX_OCCURRENCES)
    note: str = Field(default="", max_length=1000)
    photo_field: str | None = Field(default=None, max_length=64)


class SheetForm(BaseModel):
    site_id: int
    lat: float
    lon: float
    accuracy_m: float | None
    results: list[ResultBody]
    files: dict[str, list[UploadFile]]

    model_config = ConfigDict(arbitrary_types_allowed=True)


def _number(form: Any, name: str, required: bool = True) -> float | None:
    raw = form.get(name)
    if raw is None or str(raw).strip() == "":
        if required:
            raise Invalid(f"{name} is required")
        return None
    try:
        value = float(str(raw))
    except ValueError:
        raise Invalid(f"{name} must be a number") from None
    if not math.isfinite(value):
        raise Invalid(f"{name} must be a finite number")
    return value


async def sheet_form(request: Request) -> SheetForm:
    """The multipart sheet: fields per the contract, photos named by each result's photo_field."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise Invalid("send the sheet as multipart/form-data")
    form = await request.form()
    site_raw = str(form.get("site_id") or "")
    if not site_raw.isdigit() or len(site_raw) > 12:
        raise Invalid("site_id must be a site id")
    lat, lon = _number(form, "checked_in_lat"), _number(form, "checked_in_lon")
    assert lat is not None and lon is not None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise Invalid("checked_in_lat/lon are out of range")
    accuracy = _number(form, "accuracy_m", required=False)
    try:
        raw = json.loads(str(form.get("results") or "[]"))
        results = [ResultBody.model_validate(r) for r in raw]
    except (json.JSONDecodeError, ValueError, TypeError) as exc:
        raise Invalid(f"results must be a JSON list of item results: {exc}") from None
    files: dict[str, list[UploadFile]] = {}
    for r in results:
        if r.photo_field:
            found = [f for f in form.getlist(r.photo_field) if isinstance(f, StarletteUpload)]
            files[r.photo_field] = found  # type: ignore[assignment]
    return SheetForm(
        site_id=int(site_raw), lat=lat, lon=lon, accuracy_m=accuracy, results=results, files=files
    )


SHEET_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["site_id", "checked_in_lat", "checked_in_lon", "results"],
                    "properties": {
                        "site_id": {"type": "integer"},
                        "checked_in_lat": {"type": "number", "minimum": -90, "maximum": 90},
                        "checked_in_lon": {"type": "number", "minimum": -180, "maximum": 180},
                        "accuracy_m": {"type": "number", "minimum": 0},
                        "results": {
                            "type": "string",
                            "description": "JSON list of {item_code, outcome: pass|deduct|na, "
                            "occurrences, note, photo_field}",
                            "contentMediaType": "application/json",
                        },
                    },
                    "additionalProperties": {
                        "type": "string",
                        "format": "binary",
                        "description": "photos, under the field named by a result's photo_field",
                    },
                }
            }
        },
    }
}


@router.post(
    "/rounds/{round_id}/sheets",
    status_code=201,
    response_model=SheetRead,
    responses={
        **errors(409),
        200: {
            "description": "the same Idempotency-Key and body again: the sheet recorded",
            "model": SheetRead,
        },
    },
    openapi_extra=SHEET_BODY_DOC,
)
def submit_sheet(
    session: SessionDep,
    actor: CurrentActor,
    key: RequiredKey,
    rnd: VisibleRound,
    form: Annotated[SheetForm, Depends(sheet_form)],
) -> Any:
    """A site's score sheet; each deduction files a ticket to the site's responsible unit (by
    location, flagged, when nobody there receives it). Retries never count twice."""
    data = flows.SheetIn(
        site_id=form.site_id,
        lat=form.lat,
        lon=form.lon,
        accuracy_m=form.accuracy_m,
        results=[
            flows.ResultIn(
                r.item_code.strip(),
                ItemOutcome(r.outcome),
                r.occurrences,
                r.note.strip(),
                r.photo_field,
            )
            for r in form.results
        ],
    )
    done = actions.submit_sheet(session, actor, rnd, data, key, form.files)
    body = flows.sheet_public(session, done.sheet)
    return JSONResponse(body, status_code=201 if done.created else 200)


@router.get("/rounds/{round_id}/sheets/{sheet_id}", response_model=SheetRead)
def get_sheet(session: SessionDep, rnd: VisibleRound, sheet_id: int) -> dict[str, Any]:
    """A site's sheet with the tickets it filed and their photos."""
    sheet = flows.get_sheet(session, rnd, sheet_id)
    return flows.sheet_public(session, sheet)


@router.get(
    "/rounds/{round_id}/sheets/{sheet_id}/results/{result_id}/photos/{n}/{size}",
    response_class=Response,
)
def get_result_photo(
    session: SessionDep,
    rnd: VisibleRound,
    sheet_id: int,
    result_id: int,
    n: int,
    size: Literal["display", "thumb", "original"],
) -> Response:
    """A photo kept on a deduction that filed no ticket (authorised like the round)."""
    sheet = flows.get_sheet(session, rnd, sheet_id)
    result = session.get(SheetResult, result_id)
    if result is None or result.sheet_id != sheet.id or not 0 <= n < len(result.photos or []):
        raise NotFound("no such photo")
    photo = result.photos[n]
    data = get_storage().get(photo[f"{size}_key"])
    media = "image/jpeg"
    if size == "original" and not photo["original_key"].endswith((".jpg", ".jpeg")):
        media = "application/octet-stream"
    return Response(data, media_type=media, headers={"Cache-Control": "private, max-age=86400"})


# ---- scores ---------------------------------------------------------------------------------


def _scores(session: SessionDep, actor: CurrentActor, rnd: Round) -> dict[str, Any]:
    if rnd.status == RoundStatus.open and not (actor.is_command() or may_close_round(actor, rnd)):
        raise Forbidden("scores are published when the round is closed")
    return scores.compute_scores(session, rnd)


@router.get("/rounds/{round_id}/scores", response_model=RoundScores)
def get_scores(session: SessionDep, actor: CurrentActor, rnd: VisibleRound) -> Response:
    """Sites, units and zones with rank, 并列, 末位 and change; items that lost most; tickets."""
    # Thousands of plain site rows: encoded once, not validated field by field on the way out.
    body = json.dumps(_scores(session, actor, rnd), ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type="application/json")


@router.get("/rounds/{round_id}/scores.xlsx", response_class=Response)
def get_scores_xlsx(session: SessionDep, actor: CurrentActor, rnd: VisibleRound) -> Response:
    data = _scores(session, actor, rnd)
    return Response(
        render.scores_xlsx(data, survey.results(session, rnd), flows.deduction_rows(session, rnd)),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="round-{rnd.id}-scores.xlsx"'},
    )


@router.get("/rounds/{round_id}/scores/print", response_class=HTMLResponse)
def get_scores_print(session: SessionDep, actor: CurrentActor, rnd: VisibleRound) -> HTMLResponse:
    """The 测评通报 as an A4 page for the browser's print dialog."""
    data = _scores(session, actor, rnd)
    return HTMLResponse(render.scores_html(data, survey.results(session, rnd)))


# ---- survey ---------------------------------------------------------------------------------


class SurveyBody(StrictBody):
    answers: dict[str, str] = Field(min_length=1, max_length=50)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    answered_at: datetime | None = None


@router.post(
    "/rounds/{round_id}/survey",
    status_code=201,
    response_model=SurveyPosted,
    responses={
        **errors(409),
        200: {
            "description": "the same respondent (Idempotency-Key) again: not counted twice",
            "model": SurveyPosted,
        },
    },
)
def post_survey(
    session: SessionDep, actor: CurrentActor, key: RequiredKey, rnd: VisibleRound, body: SurveyBody
) -> Any:
    """One anonymous respondent's answers (随机街访); no personal data is accepted."""
    respondent = survey.Respondent(
        body.answers, body.lat, body.lon, as_utc(body.answered_at) if body.answered_at else None
    )
    count, created = actions.answer_survey(session, actor, rnd, respondent, key)
    return JSONResponse({"answers": count}, status_code=201 if created else 200)


@router.get("/rounds/{round_id}/survey/results", response_model=SurveyResults)
def get_survey_results(
    session: SessionDep, actor: CurrentActor, rnd: VisibleRound
) -> dict[str, Any]:
    """知晓率 / 支持率 / 满意率 per zone and countywide, with n and a 95 % Wilson interval."""
    if rnd.status == RoundStatus.open and not (actor.is_command() or may_close_round(actor, rnd)):
        raise Forbidden("results are published when the round is closed")
    return survey.results(session, rnd)
