"""Special campaigns (专项整治) over HTTP: list, create, figures, tagging, the final report.

GET  /api/campaigns                 → [campaign + status + totals]
POST /api/campaigns                 (supervisor/admin) → 201 campaign
GET  /api/campaigns/{id}            → campaign + figures (totals, by_zone, by_unit, trend) + gallery
POST /api/campaigns/{id}/tickets    {ticket_id} tag by hand; DELETE …/tickets/{ticket_id} untag
GET  /api/campaigns/{id}/report     → printable A4 通报 (HTML, no script)
GET  /api/campaigns/{id}/report.xlsx
"""

import datetime as dt
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlmodel import col, select

from app.auth.deps import CurrentUser, require_roles
from app.campaigns import actions, service
from app.campaigns.models import Campaign, campaign_public
from app.campaigns.render import report_html, report_xlsx
from app.campaigns.schemas import CampaignCreated, CampaignDetail, CampaignListRow, Tagged, Untagged
from app.core.db import SessionDep
from app.core.openapi import XLSX, binary
from app.core.timeutil import utcnow
from app.deadlines.models import LimitUnit
from app.org.models import Role

router = APIRouter(
    prefix="/api/campaigns",
    tags=["campaigns"],
    dependencies=[require_roles(Role.supervisor, Role.admin, Role.leader)],
)
COMMAND = require_roles(Role.supervisor, Role.admin)


class CampaignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=2000)
    starts_on: dt.date
    ends_on: dt.date
    department_id: int | None = None
    category_codes: list[str] = Field(default_factory=list, max_length=200)
    zone_ids: list[int] = Field(default_factory=list, max_length=500)
    target_value: int = Field(default=4, ge=1, le=1000)
    target_unit: LimitUnit = LimitUnit.work_hours
    target_rate: float = Field(default=0.95, ge=0, le=1)

    @model_validator(mode="after")
    def _period(self) -> "CampaignIn":
        if self.ends_on < self.starts_on:
            raise ValueError("the campaign ends before it starts")
        if (self.ends_on - self.starts_on).days > 366:
            raise ValueError("a campaign lasts at most a year")
        return self


class TagIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ticket_id: int


@router.get("", response_model=list[CampaignListRow])
def list_campaigns(session: SessionDep) -> list[dict[str, Any]]:
    now = utcnow()
    campaigns = session.exec(select(Campaign).order_by(col(Campaign.starts_on).desc())).all()
    return [
        {
            **campaign_public(c),
            "status": service.status(c, now),
            "totals": service.figures(session, c, now)["totals"],
        }
        for c in campaigns
    ]


@router.post("", status_code=201, response_model=CampaignCreated, dependencies=[COMMAND])
def create_campaign(body: CampaignIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    campaign = actions.create_campaign(session, me, actions.NewCampaign(**body.model_dump()))
    return {**campaign_public(campaign), "status": service.status(campaign, utcnow())}


@router.get("/{campaign_id}", response_model=CampaignDetail)
def get_campaign(campaign_id: int, session: SessionDep) -> dict[str, Any]:
    campaign = service.get(session, campaign_id)
    return {
        **campaign_public(campaign),
        "figures": service.figures(session, campaign),
        "gallery": service.gallery(session, campaign),
    }


@router.post("/{campaign_id}/tickets", response_model=Tagged, dependencies=[COMMAND])
def tag_ticket(
    campaign_id: int, body: TagIn, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    added = actions.tag_ticket(session, me, service.get(session, campaign_id), body.ticket_id)
    return {"tagged": True, "added": added}


@router.delete(
    "/{campaign_id}/tickets/{ticket_id}", response_model=Untagged, dependencies=[COMMAND]
)
def untag_ticket(
    campaign_id: int, ticket_id: int, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    actions.untag_ticket(session, me, service.get(session, campaign_id), ticket_id)
    return {"tagged": False}


def _report_data(session: SessionDep, campaign_id: int) -> dict[str, Any]:
    campaign = service.get(session, campaign_id)
    return {**campaign_public(campaign), "figures": service.figures(session, campaign)}


@router.get("/{campaign_id}/report", response_class=HTMLResponse)
def campaign_report(campaign_id: int, session: SessionDep) -> HTMLResponse:
    """The end-of-campaign 通报 as a clean A4 page (print it from the browser)."""
    return HTMLResponse(report_html(_report_data(session, campaign_id)))


@router.get(
    "/{campaign_id}/report.xlsx",
    response_class=Response,
    responses=binary(XLSX, "the campaign's figures as a workbook"),
)
def campaign_report_xlsx(campaign_id: int, session: SessionDep) -> Response:
    data = _report_data(session, campaign_id)
    return Response(
        report_xlsx(data),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="campaign-{campaign_id}.xlsx"'},
    )
