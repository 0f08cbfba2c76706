"""The 通报's use case: issuing the week's bulletin (印发), owning its write.

The figures are read before the write; the record (its 文号 and 工作要求) and the zone
groups' notice are one short ``write_transaction`` (app/core/db.py).
"""

from typing import Any

from sqlmodel import Session

from app.core.config import get_settings
from app.core.db import write_transaction
from app.core.timeutil import utcnow
from app.org.models import User
from app.stats.document import document, issue
from app.stats.notices import notify_bulletin_issued
from app.stats.service import Week, bulletin
from app.stats.settings import get_bulletin_settings


def issue_bulletin(
    session: Session, user: User, requirements: str, week: str | None = None
) -> dict[str, Any]:
    """Issue the week's 通报 (default: the current week); the bulletin with its document."""
    tz = get_settings().timezone
    chosen = Week.parse(week, tz) if week else Week.containing(utcnow(), tz)
    cfg = get_bulletin_settings()
    data = bulletin(session, chosen, utcnow(), cfg)  # the figures: read before the write
    with write_transaction(session):
        record = issue(session, chosen.label, requirements.strip(), user, tz)
        # Zone groups hear of it once (issuing again only edits the text).
        notify_bulletin_issued(session, record, chosen, data)
    data["document"] = document(session, data, cfg, tz)
    return data
