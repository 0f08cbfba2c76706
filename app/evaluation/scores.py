"""Scores: site = 100 − capped deductions; unit and zone = weighted mean of their sites.

Rankings use competition ranks (1, 2, 2, 4) on scores rounded to two decimals, so two units
showing the same score are 并列; 末位 marks the last `bottom_n`, never a tie reaching above
them (app.core.ranking, the rule the 通报 and 专项整治 rank by too).
Open rounds are scored live for the command centre; a closed round answers its frozen scores.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.core import ranking
from app.evaluation.models import (
    ItemOutcome,
    Round,
    RoundKind,
    RoundSite,
    RoundStatus,
    Sheet,
    SheetResult,
    Site,
    SiteType,
    StandardItem,
)
from app.evaluation.settings import get_evaluation_settings
from app.org.models import Department, Role, User, Zone
from app.tickets.models import Status, Ticket

KIND_LABELS = {
    RoundKind.quarterly: "季度测评",
    RoundKind.daily: "日常督查",
    RoundKind.self_check: "自查",
}


@dataclass(frozen=True)
class _UnitRef:
    unit_department_id: int | None
    unit_chief_id: int | None


def site_score(deductions: Iterable[tuple[int, float, float]]) -> tuple[float, float]:
    """(score, deducted) from (occurrences, points each, cap) per deducted item."""
    lost = sum(min(occ * points, cap) for occ, points, cap in deductions)
    return max(0.0, round(100.0 - lost, 2)), round(lost, 2)


def rank(rows: list[dict[str, Any]], bottom_n: int) -> list[dict[str, Any]]:
    """Best score first, 并列 on equal scores, 末位 by app.core.ranking; unscored rows last."""
    return ranking.rank(
        rows,
        lambda r: None if r["score"] is None else (round(r["score"], 2),),
        bottom_n,
        order=lambda r: str(r.get("name") or ""),
    )


def _weighted(values: list[tuple[float, float]]) -> float | None:
    total = sum(w for _s, w in values)
    return round(sum(s * w for s, w in values) / total, 2) if total else None


def compute_scores(session: Session, rnd: Round) -> dict[str, Any]:
    """The round's scoreboard: sites, units, zones, items that lost most, tickets spawned."""
    if rnd.status == RoundStatus.closed and rnd.published is not None:
        return _ranked_again(rnd.published)
    settings = get_evaluation_settings()
    conn = session.connection()
    # One query for the sites, their names and their units' names (Core rows, no objects):
    # the list every round shows, and what the unit and zone means are computed from.
    chief = aliased(User)
    rows = conn.execute(
        select(  # type: ignore[call-overload, misc]
            Site.id,
            Site.name,
            Site.type_code,
            SiteType.name,
            Site.zone_id,
            Zone.name,
            Department.id,
            Department.name,
            chief.id,
            chief.name,
            chief.title,
            Sheet.score,
            Sheet.far,
        )
        .select_from(RoundSite)
        .join(Site, col(Site.id) == RoundSite.site_id)
        .outerjoin(SiteType, col(SiteType.code) == Site.type_code)
        .outerjoin(Zone, col(Zone.id) == Site.zone_id)
        .outerjoin(Department, col(Department.id) == Site.unit_department_id)
        .outerjoin(chief, (col(chief.id) == Site.unit_chief_id) & (col(chief.role) == Role.chief))
        .outerjoin(Sheet, (col(Sheet.site_id) == Site.id) & (col(Sheet.round_id) == rnd.id))
        .where(RoundSite.round_id == rnd.id)
        .order_by(col(Site.id))
    ).all()
    sites: list[dict[str, Any]] = []
    units: dict[str, tuple[dict[str, Any], list[tuple[float, float]]]] = {}
    zones: dict[int, tuple[str, list[tuple[float, float]]]] = {}
    unit_cache: dict[tuple[int | None, int | None], dict[str, Any] | None] = {}
    weight = settings.type_weights.get
    for (
        sid, name, type_code, type_name, zone_id, zone_name, dept_id, dept_name,
        chief_id, chief_name, chief_title, score, far,
    ) in rows:  # fmt: skip
        unit_key = (dept_id, chief_id)
        if unit_key in unit_cache:
            unit = unit_cache[unit_key]
        else:
            unit = unit_cache[unit_key] = _unit(
                dept_id, dept_name, chief_id, chief_name, chief_title
            )
        sites.append(
            {
                "id": sid,
                "name": name,
                "type": type_code,
                "type_name": type_name or type_code,
                "zone": zone_name,
                "unit": unit["name"] if unit else None,
                "score": score,
                "far": bool(far),
            }
        )
        if score is None:
            continue
        w = weight(type_code, 1.0)
        if unit:
            units.setdefault(unit["key"], (unit, []))[1].append((score, w))
        if zone_name is not None:
            zones.setdefault(zone_id, (zone_name, []))[1].append((score, w))
    previous = _previous(session, rnd)
    unit_rows = []
    for key, (u, v) in units.items():
        score = _weighted(v)
        delta = _delta(score, previous.get("units", {}).get(key))
        unit_rows.append(
            {
                "key": key,
                "name": u["name"],
                "kind": u["kind"],
                "sites": len(v),
                "score": score,
                "delta": delta,
            }
        )
    zone_rows = []
    for zid, (zone_name, v) in zones.items():
        score = _weighted(v)
        delta = _delta(score, previous.get("zones", {}).get(str(zid)))
        zone_rows.append(
            {"id": zid, "name": zone_name, "sites": len(v), "score": score, "delta": delta}
        )
    return {
        "round": {
            "id": rnd.id,
            "name": rnd.name,
            "kind": rnd.kind,
            "kind_label": KIND_LABELS[rnd.kind],
            "status": rnd.status,
            "starts_on": rnd.starts_on.isoformat(),
            "ends_on": rnd.ends_on.isoformat(),
            "previous": previous.get("round"),
        },
        "settings": {"type_weights": settings.type_weights, "bottom_n": settings.bottom_n},
        "totals": {
            "sites": len(sites),
            "done": sum(1 for s in sites if s["score"] is not None),
            "flagged": sum(1 for s in sites if s["far"]),
            "score": _weighted([(s["score"], 1.0) for s in sites if s["score"] is not None]),
        },
        "sites": sites,
        "units": rank(unit_rows, settings.bottom_n),
        "zones": rank(zone_rows, settings.bottom_n),
        "items": items_lost(session, rnd.id),  # type: ignore[arg-type]
        "tickets": tickets_spawned(session, rnd.id),  # type: ignore[arg-type]
    }


def _ranked_again(published: dict[str, Any]) -> dict[str, Any]:
    """A frozen scoreboard keeps its scores; its ranks and 末位 follow today's rule (rounds
    closed before it was one rule marked ties reaching above the last places 末位)."""
    bottom_n = published.get("settings", {}).get("bottom_n", get_evaluation_settings().bottom_n)
    return {
        **published,
        "units": rank([dict(u) for u in published.get("units", [])], bottom_n),
        "zones": rank([dict(z) for z in published.get("zones", [])], bottom_n),
    }


def _unit(
    dept_id: int | None,
    dept_name: str | None,
    chief_id: int | None,
    chief_name: str | None,
    chief_title: str | None,
) -> dict[str, Any] | None:
    """As `app.evaluation.sites.unit_of`: the department, else the chief."""
    if dept_id is not None:
        return {"key": f"department:{dept_id}", "kind": "department", "id": dept_id,
                "name": dept_name}  # fmt: skip
    if chief_id is not None:
        name = f"{chief_name}（{chief_title}）" if chief_title else chief_name
        return {"key": f"chief:{chief_id}", "kind": "chief", "id": chief_id, "name": name}
    return None


def _delta(score: float | None, before: float | None) -> float | None:
    return None if score is None or before is None else round(score - before, 2)


def _previous(session: Session, rnd: Round) -> dict[str, Any]:
    """The last closed round of the same kind before this one: {units, zones} by key."""
    prev = session.exec(
        select(Round)
        .where(
            Round.kind == rnd.kind,
            Round.status == RoundStatus.closed,
            col(Round.id) != rnd.id,
            col(Round.ends_on) <= rnd.ends_on,
        )
        .order_by(col(Round.ends_on).desc(), col(Round.id).desc())
    ).first()
    if prev is None or not prev.published:
        return {}
    return {
        "round": {"id": prev.id, "name": prev.name},
        "units": {u["key"]: u["score"] for u in prev.published["units"]},
        "zones": {str(z["id"]): z["score"] for z in prev.published["zones"]},
    }


def items_lost(session: Session, round_id: int) -> list[dict[str, Any]]:
    """对照扣分原因: the items that lost most points across the round.

    Summed per item id over the round's deductions (the (sheet, outcome) index), then named:
    the join to the items' texts touches one row per item, not one per deduction.
    """
    lost = (
        select(  # type: ignore[call-overload]
            SheetResult.item_id,
            func.sum(SheetResult.points).label("points"),
            func.count().label("sites"),
            func.sum(SheetResult.occurrences).label("occ"),
        )
        .join(Sheet, col(Sheet.id) == SheetResult.sheet_id)
        .where(Sheet.round_id == round_id, SheetResult.outcome == ItemOutcome.deduct)
        .group_by(col(SheetResult.item_id))
        .subquery()
    )
    rows = (
        session.connection()
        .execute(
            select(
                StandardItem.code, StandardItem.text, lost.c.points, lost.c.sites, lost.c.occ
            ).join(lost, lost.c.item_id == StandardItem.id)  # type: ignore[call-overload]
        )
        .all()
    )
    out = [
        {
            "item_code": code,
            "text": text,
            "points_lost": round(float(points or 0), 2),
            "sites": sites,
            "occurrences": int(occ or 0),
        }
        for code, text, points, sites, occ in rows
    ]
    return sorted(out, key=lambda r: (-r["points_lost"], r["item_code"]))


def tickets_spawned(session: Session, round_id: int) -> dict[str, Any]:
    """The tickets the round's deductions filed, and how many are closed (整改销号率)."""
    rows = session.exec(
        select(Ticket.status, func.count())
        .join(SheetResult, col(SheetResult.ticket_id) == Ticket.id)
        .join(Sheet, col(Sheet.id) == SheetResult.sheet_id)
        .where(
            Sheet.round_id == round_id,
            SheetResult.outcome == ItemOutcome.deduct,
            col(SheetResult.ticket_id).is_not(None),
        )
        .group_by(col(Ticket.status))
    ).all()
    counts = {status: n for status, n in rows}
    filed = sum(counts.values()) - counts.get(Status.dismissed, 0)
    closed = counts.get(Status.closed, 0)
    return {
        "filed": filed,
        "closed": closed,
        "closure_rate": round(closed / filed, 4) if filed else None,
    }
