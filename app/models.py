"""The one model registry: importing this module registers every table (used by migrations)."""

from sqlmodel import SQLModel

from app.auth.models import AuthSession, LoginFailure
from app.citizens.models import (
    CitizenPhoto,
    CitizenReport,
    Hit,
    Open311Client,
    Publication,
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
from app.org.models import Area, Department, Road, Role, User, Zone
from app.photos.models import Photo, PhotoKind
from app.stats import models as _stats_indexes  # noqa: F401  (indexes on tickets/events)
from app.stats.models import BulletinIssue
from app.tickets.models import Category, ReportClaim, Status, Ticket

metadata = SQLModel.metadata

__all__ = [
    "Area",
    "AuthSession",
    "BulletinIssue",
    "CalendarDay",
    "Category",
    "Channel",
    "CitizenPhoto",
    "CitizenReport",
    "DeliveryAttempt",
    "Department",
    "Event",
    "Hit",
    "LoginFailure",
    "MapCell",
    "Notification",
    "NotifyKey",
    "Open311Client",
    "Photo",
    "PhotoKind",
    "Preference",
    "Publication",
    "PushSubscription",
    "Rating",
    "ReportClaim",
    "Road",
    "Role",
    "SpentChallenge",
    "Status",
    "Ticket",
    "User",
    "Zone",
    "metadata",
]
