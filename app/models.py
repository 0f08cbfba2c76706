"""The one model registry: importing this module registers every table (used by migrations)."""

from sqlmodel import SQLModel

from app.auth.models import AuthSession, LoginFailure
from app.campaigns.models import Campaign, CampaignTicket
from app.citizens.models import (
    CitizenPhoto,
    CitizenReport,
    Open311Client,
    Publication,
    RateCounter,
    Rating,
    SpentChallenge,
)
from app.console.models import MapCell
from app.deadlines.models import CalendarDay
from app.evaluation import models as _evaluation  # noqa: F401  (sites, standards, rounds)
from app.ledger.models import Event
from app.notify.models import (
    Channel,
    DeliveryAttempt,
    Notification,
    NotifyKey,
    Preference,
    PushSubscription,
)
from app.org.models import Area, Department, Grid, GridMember, Road, Role, User, Zone
from app.photos.models import Photo, PhotoKind
from app.stats import models as _stats_indexes  # noqa: F401  (indexes on tickets/events)
from app.stats.models import BulletinIssue
from app.tasks.models import Milestone, Progress, Task
from app.tickets.models import Category, ReportClaim, Status, Ticket

metadata = SQLModel.metadata

__all__ = [
    "Area",
    "AuthSession",
    "BulletinIssue",
    "Campaign",
    "CampaignTicket",
    "CalendarDay",
    "Category",
    "Channel",
    "CitizenPhoto",
    "CitizenReport",
    "DeliveryAttempt",
    "Department",
    "Event",
    "Grid",
    "GridMember",
    "RateCounter",
    "LoginFailure",
    "MapCell",
    "Milestone",
    "Notification",
    "NotifyKey",
    "Open311Client",
    "Photo",
    "PhotoKind",
    "Preference",
    "Progress",
    "Publication",
    "PushSubscription",
    "Rating",
    "ReportClaim",
    "Road",
    "Role",
    "SpentChallenge",
    "Status",
    "Task",
    "Ticket",
    "User",
    "Zone",
    "metadata",
]
