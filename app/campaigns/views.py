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
from app.campaigns import service
from app.campaigns.models import Campaign, campaign_public
from app.campaigns.render import report_html, report_xlsx
from app.core.db import SessionDep, write_transaction
from app.core.errors import NotFound
from app.core.openapi import XLSX, binary
from app.core.timeutil import utcnow
from app.deadlines.models import LimitUnit
from app.org.actions import audit
from app.org.models import Role
from app.org.service import check_department
from app.tickets.models import Ticket

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


@router.get("")
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


@router.post("", status_code=201, dependencies=[COMMAND])
def create_campaign(body: CampaignIn, session: SessionDep, me: CurrentUser) -> dict[str, Any]:
    check_department(session, body.department_id)
    service.check_scope(session, body.category_codes, body.zone_ids)
    with write_transaction(session):
        campaign = Campaign(**body.model_dump(), created_by_id=me.id)
        session.add(campaign)
        session.flush()
        audit(
            session, me, f"campaign:{campaign.id}", "campaign.create", body.model_dump(mode="json")
        )
    return {**campaign_public(campaign), "status": service.status(campaign, utcnow())}


@router.get("/{campaign_id}")
def get_campaign(campaign_id: int, session: SessionDep) -> dict[str, Any]:
    campaign = service.get(session, campaign_id)
    return {
        **campaign_public(campaign),
        "figures": service.figures(session, campaign),
        "gallery": service.gallery(session, campaign),
    }


@router.post("/{campaign_id}/tickets", dependencies=[COMMAND])
def tag_ticket(
    campaign_id: int, body: TagIn, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    campaign = service.get(session, campaign_id)
    ticket = session.get(Ticket, body.ticket_id)
    if ticket is None:
        raise NotFound(f"ticket {body.ticket_id} not found")
    with write_transaction(session):
        added = service.tag(session, campaign, ticket, me)
        if added:
            audit(session, me, f"campaign:{campaign.id}", "campaign.tag", {"ticket_id": ticket.id})
    return {"tagged": True, "added": added}


@router.delete("/{campaign_id}/tickets/{ticket_id}", dependencies=[COMMAND])
def untag_ticket(
    campaign_id: int, ticket_id: int, session: SessionDep, me: CurrentUser
) -> dict[str, Any]:
    campaign = service.get(session, campaign_id)
    with write_transaction(session):
        if not service.untag(session, campaign, ticket_id):
            raise NotFound(f"ticket {ticket_id} is not in this campaign")
        audit(session, me, f"campaign:{campaign.id}", "campaign.untag", {"ticket_id": ticket_id})
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
