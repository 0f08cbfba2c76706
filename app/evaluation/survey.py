"""Street survey (随机街访): anonymous single-choice answers; rates with 95 % Wilson intervals."""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core.errors import Conflict, Invalid
from app.core.timeutil import utcnow
from app.evaluation.models import Round, RoundStatus, SurveyAnswer, SurveyQuestion
from app.evaluation.sites import zone_of
from app.org.models import User, Zone

Z95 = 1.959963984540054


def wilson(positive: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion; None without answers."""
    if n == 0:
        return None
    p = positive / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # Exactly 0 and 1 at the ends, not a rounding error away.
    low = 0.0 if positive == 0 else max(0.0, centre - half)
    high = 1.0 if positive == n else min(1.0, centre + half)
    return low, high


@dataclass(frozen=True)
class Respondent:
    answers: dict[str, str]  # question code → option code
    lat: float | None
    lon: float | None
    answered_at: datetime | None


def record(
    session: Session, user: User, rnd: Round, data: Respondent, key: str
) -> tuple[int, bool]:
    """One respondent's answers; a re-sent form (same key) is not counted again."""
    if rnd.questionnaire_id is None:
        raise Invalid("this round carries no questionnaire")
    already = session.exec(select(SurveyAnswer).where(SurveyAnswer.respondent_key == key)).all()
    if already:
        if already[0].round_id != rnd.id:
            raise Invalid("Idempotency-Key was already used for another round")
        return len(already), False
    if rnd.status != RoundStatus.open:
        raise Conflict("the round is closed")
    questions = {
        q.code: q
        for q in session.exec(
            select(SurveyQuestion).where(SurveyQuestion.questionnaire_id == rnd.questionnaire_id)
        )
    }
    if not data.answers:
        raise Invalid("answer at least one question")
    zone_id = (
        zone_of(session, data.lat, data.lon)
        if data.lat is not None and data.lon is not None
        else None
    )
    now = utcnow()
    for code, option in data.answers.items():
        q = questions.get(code)
        if q is None:
            raise Invalid(f"unknown question '{code}'")
        chosen = next((o for o in q.options if o["code"] == option), None)
        if chosen is None:
            raise Invalid(f"question {code}: unknown option '{option}'")
        session.add(
            SurveyAnswer(
                round_id=rnd.id,  # type: ignore[arg-type]
                question_id=q.id,  # type: ignore[arg-type]
                option_code=option,
                positive=bool(chosen.get("positive")),
                zone_id=zone_id,
                lat=data.lat,
                lon=data.lon,
                answered_at=min(data.answered_at or now, now),
                inspector_id=user.id,  # type: ignore[arg-type]
                respondent_key=key,
            )
        )
    session.flush()
    return len(data.answers), True


def _rate(positive: int, n: int) -> dict[str, Any]:
    interval = wilson(positive, n)
    return {
        "n": n,
        "positive": positive,
        "rate": round(positive / n, 4) if n else None,
        "low": round(interval[0], 4) if interval else None,
        "high": round(interval[1], 4) if interval else None,
    }


def results(session: Session, rnd: Round) -> dict[str, Any]:
    """Per question: countywide and per zone, rate with sample size and 95 % interval."""
    if rnd.questionnaire_id is None:
        return {"questions": [], "respondents": 0}
    questions = list(
        session.exec(
            select(SurveyQuestion)
            .where(SurveyQuestion.questionnaire_id == rnd.questionnaire_id)
            .order_by(col(SurveyQuestion.sort), col(SurveyQuestion.id))
        )
    )
    rows = session.exec(
        select(SurveyAnswer.question_id, SurveyAnswer.zone_id, SurveyAnswer.positive, func.count())
        .where(SurveyAnswer.round_id == rnd.id)
        .group_by(
            col(SurveyAnswer.question_id), col(SurveyAnswer.zone_id), col(SurveyAnswer.positive)
        )
    ).all()
    zones = {z.id: z.name for z in session.exec(select(Zone))}
    counts: dict[int, dict[int | None, list[int]]] = {}
    for qid, zid, positive, n in rows:
        cell = counts.setdefault(qid, {}).setdefault(zid, [0, 0])
        cell[1] += n
        if positive:
            cell[0] += n
    respondents = session.exec(
        select(func.count(func.distinct(SurveyAnswer.respondent_key))).where(
            SurveyAnswer.round_id == rnd.id
        )
    ).one()
    out = []
    for q in questions:
        per_zone = counts.get(q.id, {})  # type: ignore[arg-type]
        total = [sum(c[0] for c in per_zone.values()), sum(c[1] for c in per_zone.values())]
        out.append(
            {
                "code": q.code,
                "text": q.text,
                "measure": q.measure,
                "overall": _rate(*total),
                "zones": [
                    {"zone_id": zid, "zone": zones.get(zid) if zid else None, **_rate(*c)}
                    for zid, c in sorted(
                        per_zone.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)
                    )
                ],
            }
        )
    return {"questions": out, "respondents": respondents}
