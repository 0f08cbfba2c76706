"""Who is asking: a supervisor at the console, or a citizen holding a tracking link."""

from typing import Annotated

from fastapi import Depends

from app.auth.deps import CurrentActor
from app.auth.policy import Actor, may_publish, may_triage
from app.citizens.models import CitizenReport
from app.citizens.service import report_by_token
from app.citizens.tracking import read_token
from app.core.db import SessionDep
from app.core.errors import Forbidden


def triager(actor: CurrentActor) -> Actor:
    if not may_triage(actor):
        raise Forbidden("triage (受理) is for the command centre")
    return actor


def publisher(actor: CurrentActor) -> Actor:
    if not may_publish(actor):
        raise Forbidden("publishing to the 曝光台 is for the command centre")
    return actor


def tracked_report(token: str, session: SessionDep) -> CitizenReport:
    report_id, nonce = read_token(token)
    return report_by_token(session, report_id, nonce)


Triager = Annotated[Actor, Depends(triager)]
Publisher = Annotated[Actor, Depends(publisher)]
TrackedReport = Annotated[CitizenReport, Depends(tracked_report)]
