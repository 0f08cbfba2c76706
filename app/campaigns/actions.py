"""专项整治's use cases, each owning its write: views and the CLI call these.

Each checks first (no lock) and records in one short ``write_transaction`` (app/core/db.py),
with its ledger event on subject "campaign:<id>".
"""

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlmodel import Session

from app.campaigns import service
from app.campaigns.models import Campaign
from app.core.db import write_transaction
from app.core.errors import Invalid, NotFound
from app.deadlines.models import LimitUnit
from app.ledger import service as ledger
from app.org.models import Department, User
from app.tickets.models import Ticket


@dataclass(frozen=True)
class NewCampaign:
    name: str
    starts_on: dt.date
    ends_on: dt.date
    description: str = ""
    department_id: int | None = None
    category_codes: list[str] = field(default_factory=list)
    zone_ids: list[int] = field(default_factory=list)
    target_value: int = 4
    target_unit: LimitUnit = LimitUnit.work_hours
    target_rate: float = 0.95


def _subject(campaign: Campaign) -> str:
    return f"campaign:{campaign.id}"


def create_campaign(session: Session, user: User, new: NewCampaign) -> Campaign:
    """A time-boxed campaign; tickets in its scope are tagged as they are filed."""
    if new.department_id is not None and session.get(Department, new.department_id) is None:
        raise Invalid(f"unknown department {new.department_id}")
    service.check_scope(session, new.category_codes, new.zone_ids)
    values = asdict(new)
    with write_transaction(session):
        campaign = Campaign(**values, created_by_id=user.id)
        session.add(campaign)
        session.flush()
        logged = {
            **values,
            "starts_on": new.starts_on.isoformat(),
            "ends_on": new.ends_on.isoformat(),
        }
        ledger.record(session, user.id, _subject(campaign), "campaign.create", logged)
    return campaign


def tag_ticket(session: Session, user: User, campaign: Campaign, ticket_id: int) -> bool:
    """Tag a ticket outside the automatic scope by hand; False when it was already tagged."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"ticket {ticket_id} not found")
    with write_transaction(session):
        added = service.tag(session, campaign, ticket, user)
        if added:
            data = {"ticket_id": ticket.id}
            ledger.record(session, user.id, _subject(campaign), "campaign.tag", data)
    return added


def untag_ticket(session: Session, user: User, campaign: Campaign, ticket_id: int) -> None:
    with write_transaction(session):
        if not service.untag(session, campaign, ticket_id):
            raise NotFound(f"ticket {ticket_id} is not in this campaign")
        data = {"ticket_id": ticket_id}
        ledger.record(session, user.id, _subject(campaign), "campaign.untag", data)
