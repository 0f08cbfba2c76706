"""测评's use cases, each owning its write: views, the CLI and jobs call these, not the steps.

Every action reads and checks first (no lock), does slow work (photos, parsing) with no
transaction open, and records in one short ``write_transaction`` (app/core/db.py). Callers
pass parsed input and an `Actor`; who may do what is decided here, so every caller gets the
same rule.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from fastapi import UploadFile
from sqlmodel import Session, select

from app.auth.policy import Actor, may_close_round, may_score_round
from app.core.actions import replayed
from app.core.db import release_reads, write_transaction
from app.core.errors import Forbidden, Invalid, NotFound
from app.evaluation import flows, rounds, sites, standards, survey
from app.evaluation.models import Round, RoundStatus, Sheet, SiteType, StandardVersion
from app.evaluation.settings import get_evaluation_settings
from app.photos.service import photo_digests, prepare_photos

# ---- reference lists and imports (the admin's) --------------------------------------------


def add_site_type(session: Session, code: str, name: str) -> SiteType:
    """Extend the reference list of site types."""
    name = name.strip()
    if (
        session.get(SiteType, code)
        or session.exec(select(SiteType).where(SiteType.name == name)).first()
    ):
        raise Invalid(f"点位类型 {code}（{name}）已存在")
    with write_transaction(session):
        count = len(list(session.exec(select(SiteType.code))))
        site_type = SiteType(code=code, name=name, sort=count)
        session.add(site_type)
    return site_type


def update_site_type(
    session: Session, code: str, name: str | None = None, active: bool | None = None
) -> SiteType:
    """Rename a site type or disable it (sites keep it; new imports and draws skip it)."""
    with write_transaction(session):
        site_type = session.get(SiteType, code, with_for_update=True)
        if site_type is None:
            raise NotFound(f"点位类型 {code} 不存在")
        if name is not None and name.strip() != site_type.name:
            name = name.strip()
            if not name:
                raise Invalid("name the site type")
            if session.exec(select(SiteType).where(SiteType.name == name)).first():
                raise Invalid(f"点位类型「{name}」已存在")
            site_type.name = name
        if active is not None:
            site_type.active = active
        session.add(site_type)
    return site_type


def import_sites(session: Session, rows: list[sites.SiteRow]) -> sites.SiteImport:
    """Sites parsed from GeoJSON or XLSX (`sites.parse_sites_*`): all rows or none."""
    with write_transaction(session):
        return sites.import_sites(session, rows)


def import_standards(
    session: Session, data: bytes, replace: bool = False
) -> tuple[StandardVersion, int]:
    """A standards version from XLSX (parsed before the write); (version, items)."""
    code, name, rows = standards.parse_standards_xlsx(session, data)
    with write_transaction(session):
        version = standards.save_version(session, code, name, rows, replace=replace)
    return version, len(rows)


# ---- rounds ---------------------------------------------------------------------------------


def create_round(session: Session, actor: Actor, new: rounds.NewRound) -> Round:
    """A round over chosen or drawn sites, or a unit's 自查 of its own."""
    rounds.check_round(actor, new)  # the refusals that need no database, before any lock
    with write_transaction(session):
        return rounds.create_round(session, actor, new)


def close_round(session: Session, actor: Actor, rnd: Round) -> Round:
    """Freeze and publish the scores."""
    if not may_close_round(actor, rnd):
        raise Forbidden("only the command centre closes a round")
    with write_transaction(session):
        session.refresh(rnd, with_for_update=True)
        rounds.close_round(session, actor, rnd)
    return rnd


# ---- sheets and the survey ------------------------------------------------------------------


@dataclass(frozen=True)
class SheetOutcome:
    sheet: Sheet
    tickets: list[int]
    created: bool  # False: the same Idempotency-Key and body again, nothing counted twice


def _check_scorer(session: Session, actor: Actor, rnd: Round) -> None:
    if not may_score_round(actor, rnd, rounds.inspector_ids(session, rnd)):
        raise Forbidden("you are not an inspector of this round")


def submit_sheet(
    session: Session,
    actor: Actor,
    rnd: Round,
    data: flows.SheetIn,
    key: str,
    uploads: Mapping[str, list[UploadFile]] | None = None,
) -> SheetOutcome:
    """A site's score sheet; each deduction files a ticket to the site's responsible unit.

    ``uploads``: the photos as received, under each result's photo_field. Steps
    (app.core.actions): a retry (same Idempotency-Key, same body) is answered from the sheet
    recorded, before any photo work → check (reads) → decode the photos (no transaction) →
    hold the tickets' numbers (short write) → render and store the photos (no transaction) →
    record the sheet and tickets (short write, where a twin request is caught under the lock).
    """
    _check_scorer(session, actor, rnd)
    uploads = {name: files for name, files in (uploads or {}).items() if files}
    limit = get_evaluation_settings().max_photos_per_sheet
    if sum(len(v) for v in uploads.values()) > limit:
        raise Invalid(f"at most {limit} photos per sheet")
    digests = {name: photo_digests(files) for name, files in uploads.items()}
    again = replayed(flows.prior_sheet(session, key), data.fingerprint(actor.user.id, digests))  # type: ignore[arg-type]
    if again is not None:
        if again.result.round_id != rnd.id:
            raise Invalid("Idempotency-Key was already used for a different sheet")
        return SheetOutcome(again.result, flows.sheet_tickets(session, again.result.id), False)  # type: ignore[arg-type]
    if rnd.status != RoundStatus.open:
        raise Invalid("the round is closed")
    if uploads:
        release_reads(session)  # no connection held while waiting for a photo slot
        data = replace(data, photos={n: prepare_photos(f) for n, f in uploads.items()})
    plan = flows.check_sheet(session, actor, rnd, data)
    with write_transaction(session):
        claims = flows.claim_tickets(session, actor, plan, data, key)
    stored = flows.store_sheet_photos(session, actor, plan, data, claims)
    with write_transaction(session):
        sheet, tickets, created = flows.record_sheet(
            session, actor, rnd, plan, data, key, claims, stored
        )
    return SheetOutcome(sheet, tickets, created)


def answer_survey(
    session: Session, actor: Actor, rnd: Round, respondent: survey.Respondent, key: str
) -> tuple[int, bool]:
    """One anonymous respondent's answers (随机街访); (answers, created)."""
    _check_scorer(session, actor, rnd)
    with write_transaction(session):
        session.refresh(rnd)
        return survey.record(session, actor.user, rnd, respondent, key)
