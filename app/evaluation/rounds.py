"""Rounds (测评轮次): created over chosen or randomly drawn sites, closed and published."""

import random
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.core.errors import Conflict, Invalid
from app.core.timeutil import utcnow
from app.evaluation.models import (
    Questionnaire,
    Round,
    RoundInspector,
    RoundKind,
    RoundSite,
    RoundStatus,
    Sheet,
    Site,
    SiteType,
    StandardGroup,
    StandardItem,
    SurveyQuestion,
)
from app.evaluation.settings import get_evaluation_settings
from app.evaluation.sites import Lookups, sync_road_sites
from app.evaluation.standards import get_version, item_public, items_of
from app.ledger import service as ledger
from app.org.models import Role, User


@dataclass(frozen=True)
class Draw:
    per_type_per_zone: int
    seed: int | None = None
    site_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewRound:
    name: str
    kind: RoundKind
    standards_version: str | None
    starts_on: date
    ends_on: date
    inspector_ids: list[int]
    site_ids: list[int] | None
    draw: Draw | None
    questionnaire: str | None = None


def draw_sites(
    candidates: list[Site], n: int, seed: int, site_types: tuple[str, ...] = ()
) -> list[int]:
    """N sites per (type, zone), drawn with `seed`: same seed, same sites → the same draw."""
    rng = random.Random(seed)
    pools: dict[tuple[str, int], list[int]] = {}
    for s in candidates:
        if site_types and s.type_code not in site_types:
            continue
        pools.setdefault((s.type_code, s.zone_id or 0), []).append(s.id)  # type: ignore[arg-type]
    chosen: list[int] = []
    for key in sorted(pools):
        pool = sorted(pools[key])
        chosen += rng.sample(pool, min(n, len(pool)))
    return sorted(chosen)


def _unit_sites(stmt: Any, actor: Actor) -> Any:
    user = actor.user
    if user.role == Role.department:
        return stmt.where(Site.unit_department_id == user.department_id)
    return stmt.where(Site.unit_chief_id == user.id)


def check_round(actor: Actor, data: NewRound) -> None:
    """The refusals that need no database (a request makes them before its write lock)."""
    user = actor.user
    is_command = user.role in (Role.supervisor, Role.admin)
    if data.kind == RoundKind.self_check:
        if user.role not in (Role.chief, Role.department):
            raise Invalid("a self-check (自查) is created by the unit checking its own sites")
    elif not is_command:
        raise Invalid("only the command centre creates evaluation rounds; units may create 自查")
    if data.ends_on < data.starts_on:
        raise Invalid("ends_on is before starts_on")
    if not data.name.strip():
        raise Invalid("name the round")
    if (data.site_ids is None) == (data.draw is None):
        raise Invalid("give either site_ids or draw")


def create_round(session: Session, actor: Actor, data: NewRound) -> Round:
    """A supervisor's round, or a unit's self-check (自查) of its own sites (write txn)."""
    user = actor.user
    check_round(actor, data)
    version = get_version(session, data.standards_version)
    sync_road_sites(session)
    candidates_stmt = select(Site).where(col(Site.active)).order_by(col(Site.id))
    if data.kind == RoundKind.self_check:
        candidates_stmt = _unit_sites(candidates_stmt, actor)
    candidates = list(session.exec(candidates_stmt))
    draw_record = None
    if data.draw is not None:
        if not 1 <= data.draw.per_type_per_zone <= 100:
            raise Invalid("draw.per_type_per_zone must be between 1 and 100")
        seed = data.draw.seed if data.draw.seed is not None else secrets.randbelow(2**31)
        # A disabled site type is not drawn (its sites may still be chosen by hand).
        active = set(session.exec(select(SiteType.code).where(col(SiteType.active))))
        pool = [s for s in candidates if s.type_code in active]
        site_ids = draw_sites(pool, data.draw.per_type_per_zone, seed, data.draw.site_types)
        draw_record = {
            "per_type_per_zone": data.draw.per_type_per_zone,
            "seed": seed,
            "site_types": list(data.draw.site_types),
        }
    else:
        site_ids = sorted(set(data.site_ids or []))
        allowed = {s.id for s in candidates}
        unknown = [i for i in site_ids if i not in allowed]
        if unknown:
            raise Invalid(f"unknown or not your sites: {', '.join(map(str, unknown[:10]))}")
    if not site_ids:
        raise Invalid("the round has no sites")
    inspectors = sorted(set(data.inspector_ids))
    if data.kind != RoundKind.self_check and not inspectors:
        raise Invalid("name at least one inspector")
    found = {
        u.id
        for u in session.exec(select(User).where(col(User.id).in_(inspectors), col(User.is_active)))
        if u.role in (Role.inspector, Role.supervisor, Role.chief, Role.department)
    }
    if missing := [i for i in inspectors if i not in found]:
        raise Invalid(f"not active field users: {', '.join(map(str, missing))}")
    questionnaire_id = None
    if data.questionnaire:
        q = session.exec(
            select(Questionnaire).where(Questionnaire.code == data.questionnaire)
        ).first()
        if q is None:
            raise Invalid(f"unknown questionnaire '{data.questionnaire}'")
        questionnaire_id = q.id
    rnd = Round(
        name=data.name.strip()[:200],
        kind=data.kind,
        version_id=version.id,  # type: ignore[arg-type]
        questionnaire_id=questionnaire_id,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        self_department_id=user.department_id
        if data.kind == RoundKind.self_check and user.role == Role.department
        else None,
        self_chief_id=user.id
        if data.kind == RoundKind.self_check and user.role == Role.chief
        else None,
        draw=draw_record,
        created_by_id=user.id,  # type: ignore[arg-type]
    )
    session.add(rnd)
    session.flush()
    for site_id in site_ids:
        session.add(RoundSite(round_id=rnd.id, site_id=site_id))  # type: ignore[arg-type]
    for user_id in inspectors:
        session.add(RoundInspector(round_id=rnd.id, user_id=user_id))  # type: ignore[arg-type]
    session.flush()
    ledger.append(
        session,
        ticket_id=None,
        actor_id=user.id,
        action="round_create",
        from_status=None,
        to_status=RoundStatus.open,
        note=rnd.name,
        data={
            "round_id": rnd.id,
            "kind": rnd.kind,
            "standards_version": version.code,
            "site_ids": site_ids,
            "inspector_ids": inspectors,
            "draw": draw_record,
        },
    )
    return rnd


def inspector_ids(session: Session, rnd: Round) -> set[int]:
    return set(
        session.exec(select(RoundInspector.user_id).where(RoundInspector.round_id == rnd.id))
    )


def close_round(session: Session, actor: Actor, rnd: Round) -> Round:
    """Scores are frozen and published; the ledger keeps what was published."""
    from app.evaluation.scores import compute_scores

    if rnd.status == RoundStatus.closed:
        raise Conflict("the round is already closed")
    rnd.status = RoundStatus.closed
    rnd.closed_at = utcnow()
    scores = compute_scores(session, rnd)
    rnd.published = scores
    session.add(rnd)
    session.flush()
    settings = get_evaluation_settings()
    ledger.append(
        session,
        ticket_id=None,
        actor_id=actor.user.id,
        action="round_close",
        from_status=RoundStatus.open,
        to_status=RoundStatus.closed,
        note=rnd.name,
        data={
            "round_id": rnd.id,
            "type_weights": settings.type_weights,
            "sites": {str(s["id"]): s["score"] for s in scores["sites"]},
            "units": {u["key"]: u["score"] for u in scores["units"]},
            "zones": {str(z["id"]): z["score"] for z in scores["zones"]},
        },
    )
    return rnd


def round_summary(session: Session, rnd: Round) -> dict[str, Any]:
    version = rnd.version_id
    from app.evaluation.models import StandardVersion

    v = session.get(StandardVersion, version)
    total = len(list(session.exec(select(RoundSite.site_id).where(RoundSite.round_id == rnd.id))))
    sheets = list(session.exec(select(Sheet.far).where(Sheet.round_id == rnd.id)))
    return {
        "id": rnd.id,
        "name": rnd.name,
        "kind": rnd.kind,
        "status": rnd.status,
        "standards_version": v.code if v else None,
        "starts_on": rnd.starts_on.isoformat(),
        "ends_on": rnd.ends_on.isoformat(),
        "draw": rnd.draw,
        "created_at": rnd.created_at.isoformat(),
        "closed_at": rnd.closed_at.isoformat() if rnd.closed_at else None,
        "progress": {"sites": total, "done": len(sheets), "flagged": sum(1 for f in sheets if f)},
    }


def round_detail(session: Session, rnd: Round) -> dict[str, Any]:
    """The round with its sites (done / to do / flagged), inspectors, checklist and survey."""
    body = round_summary(session, rnd)
    look = Lookups.load(session)
    sheets = {s.site_id: s for s in session.exec(select(Sheet).where(Sheet.round_id == rnd.id))}
    sites = session.exec(
        select(Site)
        .join(RoundSite, col(RoundSite.site_id) == Site.id)
        .where(RoundSite.round_id == rnd.id)
        .order_by(col(Site.id))
    )
    body["sites"] = []
    for site in sites:
        row = look.site(site)
        sheet = sheets.get(site.id)  # type: ignore[arg-type]
        row["geometry"] = site.geometry
        row["sheet"] = (
            None
            if sheet is None
            else {
                "id": sheet.id,
                "score": sheet.score,
                "far": sheet.far,
                "distance_m": sheet.distance_m,
            }
        )
        body["sites"].append(row)
    body["inspectors"] = [
        {"id": u.id, "username": u.username, "name": u.name}
        for u in session.exec(
            select(User)
            .join(RoundInspector, col(RoundInspector.user_id) == User.id)
            .where(RoundInspector.round_id == rnd.id)
            .order_by(col(User.id))
        )
    ]
    groups = {
        g.id: g
        for g in session.exec(
            select(StandardGroup).where(StandardGroup.version_id == rnd.version_id)
        )
    }
    body["checklist"] = [
        {
            **item_public(i),
            "content": groups[i.group_id].name,
            "project": groups[groups[i.group_id].parent_id].name
            if groups[i.group_id].parent_id
            else "",
        }  # type: ignore[index]
        for i in items_of(session, rnd.version_id)
    ]
    body["site_types"] = {code: t.name for code, t in look.types.items()}
    body["questionnaire"] = questionnaire_public(session, rnd.questionnaire_id)
    return body


def questionnaire_public(session: Session, questionnaire_id: int | None) -> dict[str, Any] | None:
    if questionnaire_id is None:
        return None
    q = session.get(Questionnaire, questionnaire_id)
    if q is None:
        return None
    questions = session.exec(
        select(SurveyQuestion)
        .where(SurveyQuestion.questionnaire_id == q.id)
        .order_by(col(SurveyQuestion.sort), col(SurveyQuestion.id))
    )
    return {
        "code": q.code,
        "name": q.name,
        "questions": [
            {
                "code": s.code,
                "text": s.text,
                "measure": s.measure,
                "options": [{"code": o["code"], "label": o["label"]} for o in s.options],
            }
            for s in questions
        ],
    }


def checklist_for(session: Session, rnd: Round, site: Site) -> list[StandardItem]:
    return [
        i
        for i in items_of(session, rnd.version_id)
        if not i.site_types or site.type_code in i.site_types
    ]
