"""What an Open311 client does that writes: every request counted, and a POSTed request filed
into triage through the citizens' own action (app.citizens.actions.file_report)."""

from collections.abc import Sequence

from fastapi import UploadFile
from sqlmodel import Session

from app.citizens import abuse
from app.citizens import actions as citizens
from app.citizens.models import CitizenReport, Open311Client
from app.citizens.service import Intake
from app.citizens.settings import get_citizen_settings
from app.core.actions import Done, short_write

READ_WINDOW_S = 60
CREATE_WINDOW_S = 3600


def count_request(session: Session, address: str) -> None:
    """Requests per minute per address, counted in the database: every process shares them."""
    limit = get_citizen_settings().open311_requests_per_minute
    buckets = [(abuse.bucket("open311", address), limit)]
    short_write(session, lambda s: abuse.check_rate(s, buckets, READ_WINDOW_S))


def create_limits(client: Open311Client) -> citizens.Limits:
    """Requests a client system may create per hour."""
    per_hour = get_citizen_settings().open311_reports_per_hour
    return citizens.Limits([(abuse.bucket("key", str(client.id)), per_hour)], CREATE_WINDOW_S)


def create_request(
    session: Session,
    client: Open311Client,
    intake: Intake,
    media: Sequence[UploadFile],
    media_url: str | None,
) -> Done[CitizenReport]:
    """A service request enters triage (待受理) like a 随手拍 report; a photo is optional."""
    return citizens.file_report(
        session, intake, media, create_limits(client), photo_required=False, media_url=media_url
    )
