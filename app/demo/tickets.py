"""Sample tickets for the demo town, in every state: some overdue, some reworked, one pending.

They go through the same flows as real reports (routing, photos, ledger), with photos drawn
here so the demo needs no files, replayed in time order at the moments of a short history
that ends now (app.core.timeutil.replay_at): each ticket's number, capture and receive times,
watermark, deadline and ledger events agree, whatever day the demo is loaded. Idempotent:
each sample has a fixed Idempotency-Key.
"""

import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from fastapi import UploadFile
from PIL import Image, ImageDraw
from shapely.geometry import shape
from sqlmodel import Session, col, select
from starlette.datastructures import Headers

from app.auth.policy import Actor, jurisdiction_of
from app.core.config import get_settings
from app.core.timeutil import replay_at, utcnow
from app.deadlines.clock import BusinessClock
from app.org.models import Department, Road, User
from app.photos.imaging import IFD_EXIF, TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL
from app.photos.service import prepare_photos
from app.tickets import actions
from app.tickets.filing import Filer, Report, Source, find_by_key
from app.tickets.models import Category, Ticket

# (category, road name, what happens after the report, note)
SAMPLES: list[tuple[str, str | None, str, str]] = [
    ("0201", "人民路", "assigned", "电线杆上贴满开锁、办证小广告"),
    ("0505", "解放路", "assigned", "人行道上三辆机动车乱停放"),
    ("0102", "建设路东段", "overdue", "路口垃圾桶满溢，周边有暴露垃圾"),
    ("0504", "文化路", "rectified", "水果店店外摆摊占用人行道"),
    ("0101", "青山大道中段", "closed", "临街商铺违规搭建雨棚"),
    ("0201", "滨河西路", "reworked", "墙面喷涂小广告，整改后仍有残留"),
    ("0102", "人民路", "closed_late", "绿化带内积存生活垃圾"),
    ("0505", "中山路", "handoff", "消防通道被私家车占用"),
    ("0201", None, "pending", "城郊结合部围墙小广告，未在路段范围内"),
    ("0504", "解放路", "dismissed", "重复上报：店外经营"),
    ("0101", "文化路", "overdue_escalated", "老旧小区门口私搭乱建简易房"),
    ("0102", "滨河东路", "rectified", "河道护栏边堆放建筑垃圾"),
]


def _photo(seed: int, label: str, taken: datetime) -> UploadFile:
    """A street-like picture: sky, a wall, and coloured patches for the problem; its EXIF
    carries the camera time as a phone writes it (local time with its offset)."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (1280, 960), (150 + rnd.randint(0, 60), 180, 210))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 420, 1280, 960], fill=(120 + rnd.randint(0, 40), 110, 100))
    draw.rectangle([0, 780, 1280, 960], fill=(80, 80, 85))
    for _ in range(30):
        x, y = rnd.randint(0, 1200), rnd.randint(430, 760)
        w, h = rnd.randint(20, 120), rnd.randint(15, 80)
        draw.rectangle([x, y, x + w, y + h], fill=tuple(rnd.randint(0, 255) for _ in range(3)))
    draw.text((40, 40), label, fill=(20, 20, 20))
    local = taken.astimezone(ZoneInfo(get_settings().timezone))
    exif = Image.Exif()
    camera = exif.get_ifd(IFD_EXIF)
    camera[TAG_DATETIME_ORIGINAL] = local.strftime("%Y:%m:%d %H:%M:%S")
    camera[TAG_OFFSET_TIME_ORIGINAL] = local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82, exif=exif)
    buf.seek(0)
    return UploadFile(buf, filename=f"{label}.jpg", headers=Headers({"content-type": "image/jpeg"}))


def _point_on(road: Road, offset_m: float) -> tuple[float, float]:
    line = shape(road.geometry)
    p = line.interpolate(0.4, normalized=True)
    return p.y + offset_m / 111_195, p.x


def _actor(session: Session, username: str) -> Actor:
    user = session.exec(select(User).where(User.username == username)).one()
    return Actor(user, jurisdiction_of(session, user))


@dataclass(order=True)
class Step:
    """One thing that happened to a sample, at its moment; replayed in time order."""

    at: datetime
    sample: int
    seq: int
    run: Callable[[], None] = field(compare=False)


class Story:
    """When each sample was reported and what happened next, counted back from `now` so the
    history ends before it whatever day (weekend, holiday, just after midnight) the demo runs."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session, self.now = session, now
        self.clock = BusinessClock.for_session(session)

    def due(self, category: str, reported: datetime) -> datetime:
        c = self.session.get(Category, category)
        assert c is not None
        return self.clock.compute_due(reported, c.limit_value, c.limit_unit)

    def reported_overdue_by(self, category: str, by: timedelta) -> datetime:
        """A report time whose deadline passed at least `by` before now."""
        reported = self.now - by
        while self.due(category, reported) > self.now - by:
            reported -= timedelta(hours=6)
        return reported

    def schedule(
        self, i: int, category: str, fate: str
    ) -> tuple[datetime, list[tuple[str, datetime]]]:
        """(report time, [(action, time)]) for one sample."""
        now, hour = self.now, timedelta(hours=1)
        if fate == "assigned":
            return now - timedelta(minutes=40 + 7 * i), []
        if fate == "pending":
            return now - timedelta(minutes=25), []
        if fate == "handoff":
            t = now - 3 * hour
            return t, [("handoff", t + timedelta(minutes=40))]
        if fate == "rectified":
            t = now - 4 * hour - timedelta(minutes=i)
            return t, [("rectify", t + hour)]
        if fate == "dismissed":
            t = now - 2 * hour
            return t, [("dismiss", t + timedelta(minutes=20))]
        if fate == "closed":
            t = now - timedelta(days=1, hours=i)
            return t, [("rectify", t + timedelta(minutes=45)), ("approve", t + 2 * hour)]
        if fate == "reworked":
            t = now - timedelta(days=1, hours=2)
            return t, [("rectify", t + timedelta(minutes=45)), ("reject", t + 2 * hour)]
        late = self.reported_overdue_by(category, timedelta(days=1, hours=i))
        due = self.due(category, late)
        if fate == "closed_late":
            return late, [("rectify", due + 2 * hour), ("approve", due + 3 * hour)]
        if fate == "overdue_escalated":
            return late, [("escalate", due + hour)]
        return late, []  # overdue


def load_demo_tickets(session: Session, now: datetime | None = None) -> int:
    """Create the samples that do not exist yet, as a history ending at `now`; how many made."""
    now = now or utcnow()
    roads = {r.name: r for r in session.exec(select(Road))}
    inspector = _actor(session, "inspector1")
    supervisor = _actor(session, "supervisor1")
    story = Story(session, now)
    tickets: dict[int, Ticket] = {}
    steps: list[Step] = []

    def report_step(i: int, category: str, road_name: str | None, note: str, at: datetime) -> None:
        # The unrouted sample lies just north of the town: outside every zone, near enough to file.
        lat, lon = _point_on(roads[road_name], 4) if road_name else (31.024, 119.90)
        taken = at - timedelta(minutes=3)
        report = Report(category, lat, lon, 6.0, note, taken)
        photos = prepare_photos([_photo(i, f"before-{i}", taken)])
        filer = Filer(inspector.user, Source.demo)
        tickets[i] = actions.report(session, filer, report, photos, _key(i)).result

    def action_step(i: int, category: str, action: str) -> None:
        ticket = tickets[i]
        assignee = session.get(User, ticket.assignee_id) if ticket.assignee_id else None
        chief = _actor(session, assignee.username) if assignee else None
        if action == "rectify" and chief:
            taken = utcnow() - timedelta(minutes=2)
            after = prepare_photos([_photo(1000 + i, f"after-{i}", taken)])
            actions.rectify(session, chief, ticket, note="已整改完毕", photos=after, key=None)
        elif action == "approve":
            actions.verify(session, inspector, ticket, approved=True, note="现场核查合格")
        elif action == "reject":
            actions.verify(session, inspector, ticket, approved=False, note="仍有残留，返工")
        elif action == "escalate":
            actions.escalate_by_clock(session, ticket)
        elif action == "handoff" and chief:
            dept = session.exec(select(Department).where(Department.code == "jiaojing")).first()
            if dept and dept.id is not None:
                note = "违停由交警处置"
                actions.handoff(session, chief, ticket, department_id=dept.id, note=note)
        elif action == "dismiss":
            original = session.exec(
                select(Ticket)
                .where(Ticket.category_code == category, Ticket.id != ticket.id)
                .order_by(col(Ticket.id))
            ).first()
            if original:
                actions.merge(session, supervisor, ticket, into=original.id, note="与已有工单重复")  # type: ignore[arg-type]

    for i, (category, road_name, fate, note) in enumerate(SAMPLES):
        if find_by_key(session, _key(i)):
            continue
        reported, later = story.schedule(i, category, fate)
        steps.append(
            Step(reported, i, 0, partial(report_step, i, category, road_name, note, reported))
        )
        for seq, (action, at) in enumerate(later, 1):
            steps.append(Step(at, i, seq, partial(action_step, i, category, action)))
    for step in sorted(steps):
        with replay_at(step.at):
            step.run()
            session.flush()
    return len(tickets)


def _key(i: int) -> str:
    return f"demo-sample-{i:04d}"
