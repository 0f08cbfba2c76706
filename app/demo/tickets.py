"""Sample tickets for the demo town, in every state: some overdue, some reworked, one pending.

They go through the same flows as real reports (routing, photos, ledger), with photos drawn
here so the demo needs no files. Idempotent: each sample has a fixed Idempotency-Key.
"""

import io
import random
from datetime import timedelta

from fastapi import UploadFile
from PIL import Image, ImageDraw
from shapely.geometry import shape
from sqlmodel import Session, col, select
from starlette.datastructures import Headers

from app.auth.policy import Actor, jurisdiction_of
from app.core.timeutil import utcnow
from app.org.models import Department, Road, User
from app.photos.service import prepare_photos
from app.tickets import flows
from app.tickets.models import Ticket

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


def _photo(seed: int, label: str) -> UploadFile:
    """A street-like picture: sky, a wall, and coloured patches for the problem."""
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
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    buf.seek(0)
    return UploadFile(buf, filename=f"{label}.jpg", headers=Headers({"content-type": "image/jpeg"}))


def _point_on(road: Road, offset_m: float) -> tuple[float, float]:
    line = shape(road.geometry)
    p = line.interpolate(0.4, normalized=True)
    return p.y + offset_m / 111_195, p.x


def _actor(session: Session, username: str) -> Actor:
    user = session.exec(select(User).where(User.username == username)).one()
    return Actor(user, jurisdiction_of(session, user))


def _make_overdue(ticket: Ticket, by: timedelta) -> None:
    """Move a sample's clock back so its deadline passed `by` ago: the demo shows overdue work."""
    if ticket.due_at is None or ticket.assigned_at is None:
        return
    delta = ticket.due_at - utcnow() + by
    ticket.received_at -= delta
    ticket.assigned_at -= delta
    ticket.due_at -= delta


def load_demo_tickets(session: Session) -> int:
    """Create the samples that do not exist yet; returns how many were made."""
    roads = {r.name: r for r in session.exec(select(Road))}
    inspector = _actor(session, "inspector1")
    supervisor = _actor(session, "supervisor1")
    made = 0
    for i, (category, road_name, fate, note) in enumerate(SAMPLES):
        key = f"demo-sample-{i:04d}"
        if flows.find_by_key(session, key):
            continue
        # The unrouted sample lies just north of the town: outside every zone, near enough to file.
        lat, lon = _point_on(roads[road_name], 4) if road_name else (31.024, 119.90)
        report = flows.Report(category, lat, lon, 6.0, note, utcnow() - timedelta(minutes=3))
        ticket, _ = flows.report(
            session, inspector.user, report, prepare_photos([_photo(i, f"before-{i}")]), key
        )
        made += 1
        assignee = session.get(User, ticket.assignee_id) if ticket.assignee_id else None
        chief = _actor(session, assignee.username) if assignee else None
        if fate in ("overdue", "overdue_escalated", "closed_late"):
            _make_overdue(ticket, timedelta(days=1, hours=i))
        if fate == "overdue_escalated":
            flows.escalate(session, None, ticket, "逾期自动督办")
        if fate in ("rectified", "closed", "reworked", "closed_late") and chief:
            after = prepare_photos([_photo(1000 + i, f"after-{i}")])
            flows.rectify(session, chief, ticket, "已整改完毕", after, None)
        if fate in ("closed", "closed_late"):
            flows.verify(session, inspector, ticket, True, "现场核查合格", [], None)
        if fate == "reworked" and chief:
            flows.verify(session, inspector, ticket, False, "仍有残留，返工", [], None)
        if fate == "handoff" and chief:
            dept = session.exec(select(Department).where(Department.code == "jiaojing")).first()
            if dept:
                flows.handoff(session, chief, ticket, dept.id, "违停由交警处置", None)  # type: ignore[arg-type]
        if fate == "dismissed":
            original = session.exec(
                select(Ticket)
                .where(Ticket.category_code == category, Ticket.id != ticket.id)
                .order_by(col(Ticket.id))
            ).first()
            if original:
                flows.dismiss(
                    session, supervisor, ticket, "duplicate", original.id, "与已有工单重复"
                )
        session.flush()
    return made
