"""The weekly bulletin (每周通报): per road, chief, zone and department, ranked and graded.

The week is an ISO week in local time (settings.timezone, Asia/Shanghai): Monday 00:00 up to,
not including, the next Monday 00:00. "As of" is the week's end, or now for the current week.
Dismissed tickets (invalid or duplicate reports) count nowhere.

Who a ticket counts for: road = the road it was routed to; zone = its zone; chief = the road's
chief (路长), or the zone's chief for a ticket with no road; department = the functional
department it was handed to (tickets never handed on count for no department).

For each unit, over the week:
- 新增 new: tickets received in the week.
- 结案 closed: tickets closed (verified) in the week.
- 应结 due: tickets whose deadline (due_at) falls in the week.
- 结案率 closure rate = due tickets closed by the end of the week ÷ due.
- 按期结案率 on-time rate = due tickets closed by the end of the week and closed in time
  (the accepted fix was made by the deadline; fixed when the ticket closed) ÷ due.
- 返工率 rework rate = rejections (返工) in the week ÷ rectifications submitted in the week
  (ledger events 'reject' and 'rectify' dated in the week).
- 逾期 overdue: tickets past their deadline and not closed at the as-of moment ("now" for the
  current week, the week's end for a past one, so old bulletins do not change).
- 平均整改时长 average time to rectify: mean hours from assignment to each rectification
  submitted in the week.
- 群众满意率 satisfaction rate = (满意 + 基本满意) ÷ citizens' ratings given in the week, shown
  with the number of ratings (`ratings`); it does not enter the score.

Score (0–100) = 100 × Σ wᵢ·mᵢ ÷ Σ wᵢ over the measures a unit has: m = closure rate, on-time
rate, 1 − rework rate, and 1 − overdue ÷ (overdue + closed); a measure with a zero denominator
is left out (and its weight with it). Weights and the grade words (优秀 ≥ 90, 良好 ≥ 80,
合格 ≥ 60, else 较差) are settings (app.stats.settings).

Only a unit with something due in the week or overdue at the as-of moment is rated: one with
nothing due is 不参评 (listed unranked at the end), never first with 100 points. Rated units
are ranked by score, then on-time rate, then closure rate; units equal on all three are 并列
with the same rank (1, 2, 2, 4), and 末位 marks the last `bottom_n` (3) — the rule of
app.core.ranking, which the 测评 scoreboard and 专项整治 rank by too.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.campaigns import service as campaigns
from app.citizens.models import Rating, Score
from app.console.summary import epoch
from app.core import ranking
from app.core.config import get_settings
from app.core.errors import Invalid
from app.core.timeutil import as_utc
from app.ledger.models import Event
from app.org.models import Department, Road, User, Zone
from app.stats.settings import BulletinSettings
from app.stats.terms import NOT_RATED, week_name, week_title
from app.tasks import service as tasks
from app.tickets.models import OPEN_STATUSES, Category, Status, Ticket

DIMENSIONS = ("road", "chief", "zone", "department")
COUNTS = (
    "new", "closed", "due", "due_closed", "due_in_time", "rectified", "reworked", "overdue",
    "timed", "rectify_seconds", "rated", "satisfied",
)  # fmt: skip
DIMENSION_LABELS = {"road": "路段", "chief": "路长", "zone": "片区", "department": "职能部门"}

T = Ticket.__table__.c  # type: ignore[attr-defined]
E = Event.__table__.c  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Week:
    label: str  # 2026-W48
    start: dt.datetime  # aware UTC
    end: dt.datetime
    first_day: dt.date
    last_day: dt.date

    @classmethod
    def parse(cls, label: str, tz: str) -> "Week":
        try:
            year_s, week_s = label.upper().split("-W")
            monday = dt.date.fromisocalendar(int(year_s), int(week_s), 1)
        except ValueError as exc:
            raise Invalid("week must be an ISO week like 2026-W48") from exc
        zone = ZoneInfo(tz)
        start = dt.datetime.combine(monday, dt.time(), zone)
        end = dt.datetime.combine(monday + dt.timedelta(days=7), dt.time(), zone)
        year, week, _ = monday.isocalendar()
        return cls(
            f"{year}-W{week:02d}", as_utc(start), as_utc(end), monday, monday + dt.timedelta(6)
        )

    @classmethod
    def containing(cls, moment: dt.datetime, tz: str) -> "Week":
        year, week, _ = as_utc(moment).astimezone(ZoneInfo(tz)).isocalendar()
        return cls.parse(f"{year}-W{week:02d}", tz)

    def __contains__(self, moment: dt.datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end


@dataclass
class Tally:
    """The counts of one unit; the rates are derived from them."""

    new: int = 0
    closed: int = 0
    due: int = 0
    due_closed: int = 0
    due_in_time: int = 0
    rectified: int = 0
    reworked: int = 0
    overdue: int = 0
    timed: int = 0  # rectifications with a known assignment time
    rectify_seconds: float = 0.0
    rated: int = 0  # citizens' ratings given in the week (app.citizens)
    satisfied: int = 0  # of which 满意 or 基本满意

    def add(self, counts: dict[str, Any]) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + (counts.get(name) or 0))

    def measures(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        avg = self.rectify_seconds / 3600 / self.timed if self.timed else None
        return {
            "closure_rate": ratio(self.due_closed, self.due),
            "on_time_rate": ratio(self.due_in_time, self.due),
            "rework_rate": ratio(self.reworked, self.rectified),
            "overdue_share": ratio(self.overdue, self.overdue + self.closed),
            "avg_rectify_hours": None if avg is None else round(avg, 1),
            "satisfaction_rate": ratio(self.satisfied, self.rated),
        }

    def active(self) -> bool:
        return any(
            (
                self.new,
                self.closed,
                self.due,
                self.rectified,
                self.reworked,
                self.overdue,
                self.rated,
            )
        )

    def participates(self) -> bool:
        """Something was due this week or is overdue: otherwise the unit is 不参评."""
        return bool(self.due or self.overdue)


def score_of(m: dict[str, float | None], cfg: BulletinSettings) -> float | None:
    parts = [
        (cfg.weight_closure, m["closure_rate"]),
        (cfg.weight_on_time, m["on_time_rate"]),
        (cfg.weight_rework, None if m["rework_rate"] is None else 1 - m["rework_rate"]),
        (cfg.weight_overdue, None if m["overdue_share"] is None else 1 - m["overdue_share"]),
    ]
    weights = sum(w for w, v in parts if v is not None)
    if not weights:
        return None
    return round(100 * sum(w * v for w, v in parts if v is not None) / weights, 1)


def grade_of(score: float | None, cfg: BulletinSettings) -> str:
    return NOT_RATED if score is None else cfg.grade(score)


def _count(*conditions: Any) -> Any:
    return func.sum(case((and_(*conditions), 1), else_=0))


def _by_units(session: Session, counts: list[Any], source: Any, where: list[Any]) -> list[Any]:
    """The counts per combination of road, chief, zone and department (a few hundred rows,
    rolled up per dimension by the caller)."""
    road, zone = Road.__table__.c, Zone.__table__.c  # type: ignore[attr-defined]
    # "+ 0": grouping by an expression keeps SQLite from walking a whole index in group order
    # instead of fetching the few rows the WHERE terms point at.
    keys = [
        (T.road_id + 0).label("road_id"),
        func.coalesce(road.chief_id, zone.chief_id).label("chief_id"),
        (T.zone_id + 0).label("zone_id"),
        (T.department_id + 0).label("department_id"),
    ]
    stmt = (
        select(*keys, *counts)
        .select_from(source)
        .outerjoin(Road.__table__, road.id == T.road_id)  # type: ignore[attr-defined]
        .outerjoin(Zone.__table__, zone.id == T.zone_id)  # type: ignore[attr-defined]
        .where(*where)
        .group_by(*(k.element for k in keys))
    )
    return [row._mapping for row in session.connection().execute(stmt)]


def _ticket_counts(session: Session, week: Week, as_of: dt.datetime) -> list[Any]:
    def in_week(col: Any) -> Any:
        return and_(col >= week.start, col < week.end)

    live = T.status.in_([s.value for s in Status if s != Status.dismissed])
    open_ = T.status.in_([s.value for s in OPEN_STATUSES])
    due = in_week(T.due_at)
    closed_by_end = T.closed_at < week.end
    # Each term can use an index of its own (received_at, closed_at, (status, due_at)), so a
    # year of tickets is never scanned for one week's figures.
    relevant = or_(
        in_week(T.received_at),
        in_week(T.closed_at),
        and_(live, due),
        and_(open_, T.due_at < as_of),  # overdue and still open
        and_(T.closed_at >= as_of, T.due_at < as_of),  # overdue then, closed since
    )
    counts = [
        _count(in_week(T.received_at)).label("new"),
        _count(T.status == Status.closed.value, in_week(T.closed_at)).label("closed"),
        _count(due).label("due"),
        _count(due, closed_by_end).label("due_closed"),
        _count(due, closed_by_end, T.closed_in_time.is_(True)).label("due_in_time"),
        _count(T.due_at < as_of, or_(T.closed_at.is_(None), T.closed_at >= as_of)).label("overdue"),
    ]
    where = [T.status != Status.dismissed.value, relevant]
    return _by_units(session, counts, Ticket.__table__, where)  # type: ignore[attr-defined]


def _event_counts(session: Session, week: Week) -> list[Any]:
    rectify, timed = E.action == "rectify", T.assigned_at.is_not(None)
    seconds = epoch(E.created_at) - epoch(T.assigned_at)
    counts = [
        _count(rectify).label("rectified"),
        _count(E.action == "reject").label("reworked"),
        _count(rectify, timed).label("timed"),
        func.sum(case((and_(rectify, timed, seconds > 0), seconds), else_=0.0)).label(
            "rectify_seconds"
        ),
    ]
    source = Event.__table__.join(Ticket.__table__, T.id == E.ticket_id)  # type: ignore[attr-defined]
    where = [
        E.created_at >= week.start,
        E.created_at < week.end,
        E.action.in_(("rectify", "reject")),
        T.status != Status.dismissed.value,
    ]
    return _by_units(session, counts, source, where)


def _rating_counts(session: Session, week: Week) -> list[Any]:
    """Citizens' ratings given in the week, counted for the units of the ticket rated."""
    R = Rating.__table__.c  # type: ignore[attr-defined]
    counts = [
        func.count().label("rated"),
        _count(R.score.in_((Score.satisfied.value, Score.fair.value))).label("satisfied"),
    ]
    source = Rating.__table__.join(Ticket.__table__, T.id == R.ticket_id)  # type: ignore[attr-defined]
    return _by_units(session, counts, source, [R.created_at >= week.start, R.created_at < week.end])


def bulletin(
    session: Session, week: Week, now: dt.datetime, cfg: BulletinSettings
) -> dict[str, Any]:
    """The whole bulletin for one week as plain data (JSON, XLSX and print render it)."""
    as_of = min(week.end, now)
    tallies: dict[str, dict[int, Tally]] = {d: {} for d in DIMENSIONS}
    total = Tally()

    for row in [
        *_ticket_counts(session, week, as_of),
        *_event_counts(session, week),
        *_rating_counts(session, week),
    ]:
        total.add(row)
        for dim in DIMENSIONS:
            unit = row[f"{dim}_id"]
            if unit is not None:
                tallies[dim].setdefault(unit, Tally()).add(row)

    names = _names(session, tallies)
    sections = {
        dim: _ranked(
            [
                (unit, names[dim].get(unit, {"name": f"#{unit}"}), t)
                for unit, t in tallies[dim].items()
                if t.active()
            ],
            cfg,
        )  # fmt: skip
        for dim in DIMENSIONS
    }
    return {
        "week": week.label,
        "week_name": week_name(week.label),
        "week_title": week_title(week.label),
        "first_day": week.first_day.isoformat(),
        "last_day": week.last_day.isoformat(),
        "start": week.start.isoformat(),
        "end": week.end.isoformat(),
        "as_of": as_of.isoformat(),
        "settings": cfg.model_dump(),
        "totals": _row(total, cfg),
        "sections": sections,
        "problems": problems(session, week, as_of),
        "tasks": tasks.weekly(session, week.start, as_of),
        "campaigns": campaigns.weekly(session, week.first_day, week.last_day, as_of),
    }


def _row(tally: Tally, cfg: BulletinSettings, scored: bool = True) -> dict[str, Any]:
    m = tally.measures()
    score = score_of(m, cfg) if scored else None
    return {
        "new": tally.new,
        "closed": tally.closed,
        "due": tally.due,
        "due_closed": tally.due_closed,
        "due_in_time": tally.due_in_time,
        "rectified": tally.rectified,
        "reworked": tally.reworked,
        "overdue": tally.overdue,
        "ratings": tally.rated,
        **{k: (None if v is None else round(v, 4)) for k, v in m.items()},
        "score": score,
        "grade": grade_of(score, cfg),
    }


def _ranked(
    units: list[tuple[int, dict[str, Any], Tally]], cfg: BulletinSettings
) -> list[dict[str, Any]]:
    rows = [
        {"id": unit, **info, **_row(tally, cfg, tally.participates())}
        for unit, info, tally in units
    ]

    def merit(r: dict[str, Any]) -> tuple[float, float, float] | None:
        if r["score"] is None:
            return None  # 不参评
        return (r["score"], r["on_time_rate"] or 0.0, r["closure_rate"] or 0.0)

    return ranking.rank(rows, merit, cfg.bottom_n)


PROBLEM_CATEGORIES = 3
PROBLEM_OVERDUE = 10


def problems(session: Session, week: Week, as_of: dt.datetime) -> dict[str, Any]:
    """What 存在问题 names: the categories most reported this week, and the overdue tickets."""
    conn = session.connection()
    cat = Category.__table__.c  # type: ignore[attr-defined]
    road, user = Road.__table__.c, User.__table__.c  # type: ignore[attr-defined]
    live = T.status != Status.dismissed.value
    new = func.count().label("new")
    categories = conn.execute(
        select(T.category_code, cat.name, new)
        .join(Category.__table__, cat.code == T.category_code)  # type: ignore[attr-defined]
        .where(live, T.received_at >= week.start, T.received_at < week.end)
        .group_by(T.category_code, cat.name)
        .order_by(new.desc(), T.category_code)
        .limit(PROBLEM_CATEGORIES)
    ).all()
    overdue_where = and_(live, T.due_at < as_of, or_(T.closed_at.is_(None), T.closed_at >= as_of))
    overdue_total = conn.execute(select(func.count()).where(overdue_where)).scalar_one()
    overdue = conn.execute(
        select(T.number, cat.name.label("category"), road.name.label("road"),
               user.name.label("assignee"), T.due_at, T.escalation_level)
        .select_from(Ticket.__table__)  # type: ignore[attr-defined]
        .join(Category.__table__, cat.code == T.category_code)  # type: ignore[attr-defined]
        .outerjoin(Road.__table__, road.id == T.road_id)  # type: ignore[attr-defined]
        .outerjoin(User.__table__, user.id == T.assignee_id)  # type: ignore[attr-defined]
        .where(overdue_where)
        .order_by(T.due_at, T.number)
        .limit(PROBLEM_OVERDUE)
    ).all()  # fmt: skip
    return {
        "categories": [{"code": c, "name": n, "new": k} for c, n, k in categories],
        "overdue_total": overdue_total,
        "overdue": [
            {
                "number": o.number,
                "category": o.category,
                "road": o.road,
                "assignee": o.assignee,
                "due_at": as_utc(o.due_at).isoformat(),
                "overdue_days": max(0, (as_of - as_utc(o.due_at)).days),
                "overdue_hours": max(1, round((as_of - as_utc(o.due_at)).total_seconds() / 3600)),
                "escalation_level": o.escalation_level,
            }
            for o in overdue
        ],
    }


def _names(session: Session, tallies: dict[str, dict[int, Tally]]) -> dict[str, dict[int, dict]]:
    """Display names for every unit in the bulletin, a query per dimension."""
    out: dict[str, dict[int, dict]] = {d: {} for d in DIMENSIONS}
    conn = session.connection()
    road, zone, dept = Road.__table__.c, Zone.__table__.c, Department.__table__.c  # type: ignore[attr-defined]
    chief = aliased(User.__table__)  # type: ignore[attr-defined]
    if tallies["road"]:
        rows = conn.execute(
            select(road.id, road.name, chief.c.name.label("chief"))
            .outerjoin(chief, chief.c.id == road.chief_id)
            .where(road.id.in_(list(tallies["road"])))
        )
        out["road"] = {r.id: {"name": r.name, "chief": r.chief} for r in rows}
    if tallies["zone"]:
        leader = aliased(User.__table__)  # type: ignore[attr-defined]
        rows = conn.execute(
            select(zone.id, zone.name, chief.c.name.label("chief"), leader.c.name.label("leader"))
            .outerjoin(chief, chief.c.id == zone.chief_id)
            .outerjoin(leader, leader.c.id == zone.leader_id)
            .where(zone.id.in_(list(tallies["zone"])))
        )
        out["zone"] = {r.id: {"name": r.name, "chief": r.chief, "leader": r.leader} for r in rows}
    if tallies["chief"]:
        rows = conn.execute(
            select(chief.c.id, chief.c.name, chief.c.title, chief.c.level).where(
                chief.c.id.in_(list(tallies["chief"]))
            )
        )
        out["chief"] = {r.id: {"name": r.name, "title": r.title, "level": r.level} for r in rows}
    if tallies["department"]:
        rows = conn.execute(
            select(dept.id, dept.name, dept.code).where(dept.id.in_(list(tallies["department"])))
        )
        out["department"] = {r.id: {"name": r.name, "code": r.code} for r in rows}
    return out


def current_week_label(now: dt.datetime) -> str:
    return Week.containing(now, get_settings().timezone).label
