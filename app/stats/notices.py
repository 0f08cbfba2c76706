"""The weekly bulletin's notices: the level-1 chiefs' zone ranking (片区排名周报), the Monday
notice to the zone and town groups, and the notice when the command centre issues (印发) the
通报. They read the bulletin, so they live beside it and hand notify their scans (`SCANS`,
run with notify's own by app.main), rather than notify reading the bulletin.
"""

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from app.core.config import get_settings
from app.core.timeutil import as_utc
from app.deadlines.clock import BusinessClock
from app.notify.models import Channel
from app.notify.outbox import app_url, notify_groups, notify_people
from app.notify.rules import RULES
from app.notify.scheduled import Scan, at_or_after, done_already, local_time
from app.notify.settings import get_notify_settings
from app.org.models import Role, User, Zone
from app.stats.document import find_issue
from app.stats.links import issued_path
from app.stats.models import BulletinIssue
from app.stats.service import Week, bulletin
from app.stats.settings import get_bulletin_settings
from app.stats.terms import BOTTOM, NOT_RATED, month_day, rank_text, week_title


def _zone_line(r: dict[str, Any]) -> str:
    """One zone's place as a leader reads it: 2. 城东片区 86.5 分 良好（末位）."""
    if r.get("rank") is None:
        return f"— {r['name']} {NOT_RATED}"
    bottom = f"（{BOTTOM}）" if r.get("bottom") else ""
    rank = rank_text(r["rank"], r.get("tied", False))
    return f"{rank}. {r['name']} {r['score']:.1f} 分 {r['grade']}{bottom}"


def _week_words(week: Week) -> str:
    """2026年第48周（11月23日至11月29日）: the bulletin's own words for a week."""
    return f"{week_title(week.label)}（{month_day(week.first_day)}至{month_day(week.last_day)}）"


def weekly_digests(session: Session, now: dt.datetime) -> int:
    """Last week's zone ranking of their town, to each level-1 chief."""
    last_week = Week.containing(now - dt.timedelta(days=7), get_settings().timezone)
    key = f"weekly:{last_week.label}"
    if done_already(session, key):
        return 0
    data = bulletin(session, last_week, now, get_bulletin_settings())
    made = 0
    for leader in session.exec(
        select(User).where(User.role == Role.chief, User.level == 1, col(User.is_active))
    ):
        zones = set(session.exec(select(Zone.id).where(Zone.area_id == leader.area_id)))
        rows = [r for r in data["sections"].get("zone", []) if r["id"] in zones]
        payload = {
            "title": f"{RULES['digest.weekly'].title}（{week_title(last_week.label)}）",
            "lines": [
                f"{_week_words(last_week)}各片区得分排名：",
                *([_zone_line(r) for r in rows] or ["上周没有可排名的片区"]),
            ],
            "occurred_at": as_utc(now).isoformat(),
            # The bulletin itself is the command centre's page; a chief opens the app.
            "url": app_url("/inbox"),
            "link": "打开路长通",
        }
        made += len(
            notify_people(session, "digest.weekly", [leader], payload, now=now, dedupe_key=key)
        )
    return made


def _bulletin_channels(session: Session) -> list[Channel]:
    return [
        c
        for c in session.exec(select(Channel).where(col(Channel.active)))
        if c.scope == "all" or c.scope.startswith("zone:")
    ]


def notify_bulletin_issued(
    session: Session, record: BulletinIssue, week: Week, data: dict[str, Any]
) -> int:
    """The week's 通报 was issued (印发): every zone group and every "all" group hears it once,
    with its 文号, the town's figures, the bottom units and, in a zone's group, the zone's own
    place. Called in the issuing transaction (`data`: the week's figures, read before it);
    issuing again (an edit of the text) tells no one again."""
    number = get_bulletin_settings().doc_number.format(year=record.year, seq=record.seq)
    totals = data.get("totals", {})
    closure = totals.get("closure_rate")
    lines = [
        _week_words(week),
        f"全镇新增 {totals.get('new', 0)} 件，结案 {totals.get('closed', 0)} 件，"
        f"结案率 {'—' if closure is None else f'{closure * 100:.1f}%'}，"
        f"逾期 {totals.get('overdue', 0)} 件",
    ]
    for section, label in (("zone", "片区"), ("road", "路段"), ("department", "职能部门")):
        bottom = [r["name"] for r in data.get("sections", {}).get(section, []) if r.get("bottom")]
        if bottom:
            lines.append(f"{BOTTOM}{label}：{'、'.join(bottom)}")
    zones = {f"zone:{r['id']}": r for r in data.get("sections", {}).get("zone", [])}
    made = 0
    for channel in _bulletin_channels(session):
        own = zones.get(channel.scope)
        payload = {
            "title": f"{RULES['bulletin.issued'].title}：{number}",
            "occurred_at": as_utc(record.issued_at).isoformat(),
            "lines": [*lines, *([f"本片区：{_zone_line(own)}"] if own else [])],
            # The console is the command centre's: the groups open the issued 通报 itself.
            "url": app_url(issued_path(week.label)),
            "link": "查看通报",
        }
        made += len(
            notify_groups(
                session, "bulletin.issued", [channel], payload, f"bulletin-issued:{week.label}"
            )
        )
    return made


def scan_bulletin(session: Session, now: dt.datetime) -> int:
    """Monday morning: last week's bulletin is out — tell every zone group (and the 'all' ones)."""
    settings = get_notify_settings()
    local = local_time(now)
    if local.weekday() != 0 or not at_or_after(now, settings.bulletin_time):
        return 0
    last_week = Week.containing(now - dt.timedelta(days=7), get_settings().timezone)
    key = f"bulletin:{last_week.label}"
    if done_already(session, key):
        return 0
    if find_issue(session, last_week.label) is not None:
        return 0  # issued already: its notice went out then, with the 文号
    payload = {
        "title": f"{RULES['bulletin.published'].title}（{week_title(last_week.label)}）",
        "occurred_at": as_utc(now).isoformat(),
        "lines": [_week_words(last_week)],
        # Not issued yet, so nothing the groups could open: the app, where each sees their own.
        "url": app_url("/inbox"),
        "link": "打开路长通",
    }
    return len(
        notify_groups(session, "bulletin.published", _bulletin_channels(session), payload, key)
    )


def scan_weekly_digests(session: Session, now: dt.datetime) -> int:
    """On the settings' weekday, at the digest time of a working day: last week's ranking."""
    settings = get_notify_settings()
    if not at_or_after(now, settings.digest_time):
        return 0
    local = local_time(now)
    if local.weekday() != settings.weekly_digest_weekday:
        return 0
    if not BusinessClock.for_session(session).is_workday(local.date()):
        return 0
    return weekly_digests(session, now)


SCANS: tuple[Scan, ...] = (scan_weekly_digests, scan_bulletin)
