"""Campaigns: scope, automatic tagging, and the figures against the target.

Definitions (all over the campaign's tagged tickets, dismissed ones left out):
- found 发现: tickets tagged.
- rectified 整改: tickets rectified (awaiting verification or closed).
- overdue 逾期: tickets not closed whose own deadline (due_at) has passed, as of now.
- target deadline: assigned_at + the campaign's target (e.g. 4 working hours, business calendar).
- on-time 按时: rectified by the target deadline.
- due 应整改: rectified, or past the target deadline.
- on-time rate = on-time ÷ due (null when nothing is due yet), compared with target_rate.
Figures are given in total, by zone (片区) and by unit (the department it was handed to, else
the chief who holds it), ranked by on-time rate with 并列, 末位 (the last `BOTTOM_N`) and 不参评
(nothing due yet) as the 通报 ranks (app.core.ranking).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event, insert
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from app.campaigns.models import Campaign, CampaignTicket
from app.core import ranking
from app.core.config import get_settings
from app.core.errors import Invalid, NotFound
from app.core.timeutil import as_utc, utcnow
from app.deadlines.clock import BusinessClock, is_overdue
from app.org.models import Department, User, Zone
from app.photos.models import Photo, PhotoKind
from app.photos.service import photo_public
from app.tickets.models import Status, Ticket

# How many of the last-ranked zones and units are marked 末位, as in the 通报.
BOTTOM_N = 3


def _local_day(moment: dt.datetime) -> dt.date:
    return as_utc(moment).astimezone(ZoneInfo(get_settings().timezone)).date()


def matches(campaign: Campaign, ticket: Ticket) -> bool:
    """The ticket is in the campaign's scope: period, categories (or their class), zones."""
    day = _local_day(ticket.received_at)
    if not campaign.starts_on <= day <= campaign.ends_on:
        return False
    codes = set(campaign.category_codes)
    if codes and ticket.category_code not in codes and ticket.category_code[:2] not in codes:
        return False
    return not campaign.zone_ids or ticket.zone_id in campaign.zone_ids


def active_campaigns(conn: Any, day: dt.date) -> list[Campaign]:
    table = Campaign.__table__  # type: ignore[attr-defined]
    rows = conn.execute(
        table.select().where(table.c.starts_on <= day, table.c.ends_on >= day)
    ).mappings()
    return [Campaign.model_validate(dict(r)) for r in rows]


@event.listens_for(OrmSession, "after_flush")
def _tag_new_tickets(session: OrmSession, _context: Any) -> None:
    # Every way a ticket is filed (phone, citizens, evaluation, Open311) is tagged alike.
    tickets = [o for o in session.new if isinstance(o, Ticket) and o.id is not None]
    if not tickets:
        return
    conn = session.connection()
    campaigns = active_campaigns(conn, _local_day(tickets[0].received_at))
    rows = [
        {"campaign_id": c.id, "ticket_id": t.id, "how": "auto", "tagged_at": utcnow()}
        for t in tickets
        for c in campaigns
        if matches(c, t)
    ]
    if rows:
        conn.execute(insert(CampaignTicket.__table__), rows)  # type: ignore[attr-defined]


def tag(session: Session, campaign: Campaign, ticket: Ticket, user: User) -> bool:
    """Tag by hand (a ticket outside the automatic scope); False when already tagged."""
    if session.get(CampaignTicket, (campaign.id, ticket.id)):
        return False
    session.add(
        CampaignTicket(
            campaign_id=campaign.id or 0,
            ticket_id=ticket.id or 0,
            how="manual",
            tagged_by_id=user.id,
        )
    )
    session.flush()
    return True


def untag(session: Session, campaign: Campaign, ticket_id: int) -> bool:
    row = session.get(CampaignTicket, (campaign.id, ticket_id))
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def get(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"campaign {campaign_id} not found")
    return campaign


@dataclass
class Tally:
    found: int = 0
    rectified: int = 0
    overdue: int = 0
    due: int = 0
    on_time: int = 0
    ids: list[int] = field(default_factory=list)

    def public(self, target: float) -> dict[str, Any]:
        rate = self.on_time / self.due if self.due else None
        return {
            "found": self.found,
            "rectified": self.rectified,
            "overdue": self.overdue,
            "due": self.due,
            "on_time": self.on_time,
            "on_time_rate": rate,
            "meets_target": None if rate is None else rate >= target,
        }


def tagged_tickets(session: Session, campaign: Campaign) -> list[Ticket]:
    return list(
        session.exec(
            select(Ticket)
            .join(CampaignTicket, col(CampaignTicket.ticket_id) == Ticket.id)
            .where(CampaignTicket.campaign_id == campaign.id)
            .where(Ticket.status != Status.dismissed)
            .order_by(col(Ticket.id))
        )
    )


def _merit(row: dict[str, Any]) -> tuple[float] | None:
    """Ranked on the on-time rate; a unit with nothing due yet is 不参评, not last with 0 %."""
    return None if row["on_time_rate"] is None else (row["on_time_rate"],)


def figures(session: Session, campaign: Campaign, now: dt.datetime | None = None) -> dict[str, Any]:
    """Found / rectified / overdue / on-time rate vs target: total, by zone, by unit; the trend."""
    now = now or utcnow()
    clock = BusinessClock.for_session(session)
    tickets = tagged_tickets(session, campaign)
    total = Tally()
    by_zone: dict[int | None, Tally] = defaultdict(Tally)
    by_unit: dict[tuple[str, int | None], Tally] = defaultdict(Tally)
    found_per_day: dict[dt.date, int] = defaultdict(int)
    fixed_per_day: dict[dt.date, int] = defaultdict(int)
    for t in tickets:
        unit = ("department", t.department_id) if t.department_id else ("user", t.assignee_id)
        rectified = t.status in (Status.rectified, Status.closed) and t.rectified_at is not None
        overdue = t.status != Status.closed and is_overdue(t.due_at, now)
        target_at = (
            clock.compute_due(t.assigned_at, campaign.target_value, campaign.target_unit)
            if t.assigned_at
            else None
        )
        due = rectified or (target_at is not None and target_at < now)
        on_time = bool(rectified and target_at and as_utc(t.rectified_at) <= target_at)  # type: ignore[arg-type]
        for tally in (total, by_zone[t.zone_id], by_unit[unit]):
            tally.found += 1
            tally.rectified += rectified
            tally.overdue += overdue
            tally.due += due
            tally.on_time += on_time
        found_per_day[_local_day(t.received_at)] += 1
        if rectified:
            fixed_per_day[_local_day(t.rectified_at)] += 1  # type: ignore[arg-type]
    zones = {z.id: z.name for z in session.exec(select(Zone))}
    depts = {d.id: d.name for d in session.exec(select(Department))}
    users = {u.id: u for u in session.exec(select(User))}

    def unit_name(kind: str, key: int | None) -> str:
        if kind == "department":
            return depts.get(key, "—")
        user = users.get(key)
        return (
            f"{user.name}（{user.title}）"
            if user and user.title
            else user.name
            if user
            else "未派遣"
        )

    target = campaign.target_rate
    last = min(campaign.ends_on, _local_day(now))
    trend: list[dict[str, Any]] = []
    day = campaign.starts_on
    while day <= last and len(trend) < 366:
        trend.append(
            {"day": day.isoformat(), "found": found_per_day[day], "rectified": fixed_per_day[day]}
        )
        day += dt.timedelta(days=1)
    return {
        "as_of": now.isoformat(),
        "status": status(campaign, now),
        "totals": total.public(target),
        "by_zone": ranking.rank(
            [
                {"id": k, "name": zones.get(k, "片区外") if k else "片区外", **v.public(target)}
                for k, v in by_zone.items()
            ],
            _merit,
            BOTTOM_N,
        ),
        "by_unit": ranking.rank(
            [
                {"kind": k[0], "id": k[1], "name": unit_name(*k), **v.public(target)}
                for k, v in by_unit.items()
            ],
            _merit,
            BOTTOM_N,
        ),
        "trend": trend,
    }


def status(campaign: Campaign, now: dt.datetime) -> str:
    today = _local_day(now)
    if today < campaign.starts_on:
        return "upcoming"
    return "ended" if today > campaign.ends_on else "active"


def gallery(session: Session, campaign: Campaign, limit: int = 24) -> list[dict[str, Any]]:
    """Rectified tickets with their first before-photo and latest after-photo, newest first."""
    tickets = [
        t
        for t in tagged_tickets(session, campaign)
        if t.status in (Status.rectified, Status.closed)
    ][-limit:][::-1]
    if not tickets:
        return []
    photos: dict[int, dict[str, Photo]] = defaultdict(dict)
    for p in session.exec(
        select(Photo)
        .where(col(Photo.ticket_id).in_([t.id for t in tickets]))
        .where(col(Photo.kind).in_([PhotoKind.before, PhotoKind.after]))
        .order_by(col(Photo.id))
    ):
        slot = photos[p.ticket_id]
        if p.kind == PhotoKind.after or p.kind not in slot:
            slot[p.kind] = p
    out = []
    for t in tickets:
        slot = photos.get(t.id or 0, {})
        if PhotoKind.before in slot and PhotoKind.after in slot:
            out.append(
                {
                    "ticket_id": t.id,
                    "number": t.number,
                    "category": t.category_code,
                    "before": photo_public(slot[PhotoKind.before]),
                    "after": photo_public(slot[PhotoKind.after]),
                }
            )
    return out


def check_scope(session: Session, category_codes: list[str], zone_ids: list[int]) -> None:
    from app.tickets.models import Category

    for code in category_codes:
        if session.get(Category, code) is None:
            raise Invalid(f"unknown category '{code}'")
    for zone_id in zone_ids:
        if session.get(Zone, zone_id) is None:
            raise Invalid(f"unknown zone {zone_id}")


def weekly(
    session: Session, first_day: dt.date, last_day: dt.date, as_of: dt.datetime
) -> list[dict[str, Any]]:
    """专项整治 in the weekly bulletin: every campaign running during the week, its figures so far
    against its target, and what was found and rectified in the week itself."""
    campaigns = session.exec(
        select(Campaign)
        .where(Campaign.starts_on <= last_day, Campaign.ends_on >= first_day)
        .order_by(col(Campaign.starts_on), col(Campaign.id))
    ).all()
    depts = {d.id: d.name for d in session.exec(select(Department))}
    rows = []
    for c in campaigns:
        f = figures(session, c, as_of)
        week = [d for d in f["trend"] if first_day.isoformat() <= d["day"] <= last_day.isoformat()]
        rows.append(
            {
                "id": c.id,
                "name": c.name,
                "department": depts.get(c.department_id),
                "starts_on": c.starts_on.isoformat(),
                "ends_on": c.ends_on.isoformat(),
                "status": f["status"],
                "target_rate": c.target_rate,
                **f["totals"],
                "found_in_week": sum(d["found"] for d in week),
                "rectified_in_week": sum(d["rectified"] for d in week),
                # The units furthest below target, for 存在问题.
                "lagging": [u["name"] for u in f["by_unit"] if u["meets_target"] is False][:3],
            }
        )
    return rows
