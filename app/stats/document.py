"""The weekly bulletin as a county 通报: 红头, 文号, title, generated paragraphs, 落款, 抄送.

The figures come from app.stats.service; this module only words them. A week's 通报 gets
its running number (文号) when a supervisor issues it (印发) on the bulletin page, together
with the 工作要求 they edited; until then it is a draft (征求意见稿) without a number.
"""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, func, select

from app.core.db import lock_ledger
from app.core.timeutil import utcnow
from app.org.models import Area, User
from app.stats.models import BulletinIssue
from app.stats.service import DIMENSION_LABELS
from app.stats.settings import BulletinSettings
from app.stats.terms import BOTTOM, OVERDUE, chinese_date, month_day


def find_issue(session: Session, week: str) -> BulletinIssue | None:
    return session.exec(select(BulletinIssue).where(BulletinIssue.week == week)).first()


def issue(session: Session, week: str, requirements: str, by: User, tz: str) -> BulletinIssue:
    """Issue the week's 通报 (or update the text of one already issued; its number stays).

    Two supervisors issuing at once must neither draw the same number nor both issue the
    week: the ledger's lock (a few milliseconds, once a week) is taken before looking.
    """
    lock_ledger(session)
    existing = find_issue(session, week)
    if existing is not None:
        existing.requirements = requirements
        session.add(existing)
        session.flush()
        return existing
    now = utcnow()
    year = now.astimezone(ZoneInfo(tz)).year
    last = session.exec(select(func.max(BulletinIssue.seq)).where(BulletinIssue.year == year)).one()
    record = BulletinIssue(
        week=week,
        year=year,
        seq=(last or 0) + 1,
        requirements=requirements,
        issued_at=now,
        issued_by_id=by.id,
    )
    session.add(record)
    session.flush()
    return record


def issuer_name(session: Session, cfg: BulletinSettings) -> str:
    if cfg.issuer:
        return cfg.issuer
    area = session.exec(select(Area).order_by(col(Area.id))).first()
    return f"{area.name if area else ''}路长制工作领导小组办公室"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _names(rows: list[dict[str, Any]]) -> str:
    return "、".join(r["name"] for r in rows)


def overview(data: dict[str, Any]) -> str:
    """总体情况, from the town's totals and the road ranking."""
    t = data["totals"]
    first, last = dt.date.fromisoformat(data["first_day"]), dt.date.fromisoformat(data["last_day"])
    text = (
        f"{data['week_name']}（{month_day(first)}至{month_day(last)}），"
        f"全域共新增问题 {t['new']} 件，"
        f"结案 {t['closed']} 件。本周应结案 {t['due']} 件，到期已结案 {t['due_closed']} 件，"
        f"结案率 {_pct(t['closure_rate'])}，按期结案率 {_pct(t['on_time_rate'])}；"
        f"提交整改 {t['rectified']} 次，返工 {t['reworked']} 次，返工率 {_pct(t['rework_rate'])}；"
        f"截至统计时点{OVERDUE}未结案 {t['overdue']} 件"
    )
    if t["avg_rectify_hours"] is not None:
        text += f"，平均整改时长 {t['avg_rectify_hours']:.1f} 小时"
    text += "。"
    roads = [r for r in data["sections"]["road"] if r["rank"] is not None]
    if roads:
        best = [r for r in roads if r["rank"] == 1]
        text += f"路段排名中，{_names(best)}{'并列' if len(best) > 1 else ''}第一"
        bottom = [r for r in roads if r["bottom"]]
        if bottom:
            text += f"；{_names(bottom)}排名{BOTTOM}"
        text += "。"
    return text


def _late(item: dict[str, Any]) -> str:
    days = item["overdue_days"]
    return f"{days} 天" if days else f"{item['overdue_hours']} 小时"


def problem_lines(data: dict[str, Any]) -> list[str]:
    """存在问题: the most reported categories, overdue tickets, rework and the last-ranked."""
    p, lines = data["problems"], []
    if p["categories"]:
        cats = "、".join(f"{c['name']}（{c['new']} 件）" for c in p["categories"])
        lines.append(f"问题集中在{cats}，反复出现，需从源头治理。")
    if p["overdue_total"]:
        items = "；".join(
            f"{o['number']} {o['category']}（{o['road'] or '未分路段'}，"
            f"{o['assignee'] or '待派遣'}，{OVERDUE} {_late(o)}）"
            for o in p["overdue"]
        )
        more = "等" if p["overdue_total"] > len(p["overdue"]) else ""
        lines.append(f"{OVERDUE}未结案 {p['overdue_total']} 件：{items}{more}。")
    reworked = [
        r for r in data["sections"]["road"] if r["reworked"] and (r["rework_rate"] or 0) >= 0.5
    ]
    if reworked:
        lines.append(f"{_names(reworked)}整改质量不高，返工率达 50% 以上。")
    for dim in ("road", "department"):
        bottom = [r for r in data["sections"][dim] if r["bottom"]]
        if bottom:
            lines.append(f"按{DIMENSION_LABELS[dim]}排名{BOTTOM}：{_names(bottom)}。")
    if not lines:
        lines.append("本周未发现突出问题。")
    return lines


def document(
    session: Session, data: dict[str, Any], cfg: BulletinSettings, tz: str
) -> dict[str, Any]:
    """Everything the print page, the console and the workbook show around the tables."""
    record = find_issue(session, data["week"])
    issued_on = (record.issued_at if record else utcnow()).astimezone(ZoneInfo(tz)).date()
    year = int(data["week"].split("-W")[0])
    issuer = issuer_name(session, cfg)
    return {
        "issuer": issuer,
        "issued": record is not None,
        "number": cfg.doc_number.format(year=record.year, seq=record.seq) if record else None,
        "title": f"关于{year}年{data['week_name']}路长制工作情况的通报",
        "addressee": cfg.addressee,
        "overview": overview(data),
        "problems": problem_lines(data),
        "requirements": record.requirements if record else cfg.requirements,
        "signature": issuer,
        "date": chinese_date(issued_on),
        "cc": cfg.cc,
    }
