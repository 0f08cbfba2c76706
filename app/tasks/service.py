"""Tasks: milestones on the business calendar, lights, progress, completion, 督办.

- A milestone's due date is a local date; its deadline is the end of work on that day, or on
  the last workday before it when the day is a holiday or weekend (work is due before a break,
  not after it).
- The current milestone is the first one not done. Its light: green below 80 % of the working
  time from the previous milestone's deadline (or the task's creation) to its own, yellow up to
  the deadline, red past it — the same rule and clock as tickets. A completed task has no light.
- Overdue, a task climbs one level per overrun of its milestone's span, like a ticket: the
  zone's chief, the town's first leader, then the zone's 挂包领导 (whoever is not the owner).
- Every change is a ledger event on subject "task:<id>".
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from app.auth.policy import Actor
from app.core.actions import Prior, replayed
from app.core.db import lock_ledger
from app.core.errors import Conflict, Forbidden, Invalid, NotFound
from app.core.timeutil import as_utc, utcnow
from app.deadlines.clock import BusinessClock, escalation_level
from app.deadlines.models import LimitUnit
from app.ledger import service as ledger
from app.org.models import Department, Role, User, Zone
from app.photos.imaging import hamming
from app.photos.models import Photo
from app.photos.service import SIMILAR_BITS, PreparedPhoto, store_plain_photos
from app.tasks.models import Milestone, Progress, Task, TaskStatus
from app.tickets.models import Ticket


def subject(task: Task) -> str:
    return f"task:{task.id}"


def deadline_for(session: Session, day: dt.date) -> dt.datetime:
    """End of work on `day`, or on the last workday before it."""
    try:
        return BusinessClock.for_session(session).end_of_work(day)
    except ValueError:
        raise Invalid("no workday in the 60 days before the due date") from None


@dataclass(frozen=True)
class MilestoneIn:
    name: str
    due_on: dt.date


def create(
    session: Session,
    actor: User,
    *,
    title: str,
    description: str,
    owner_id: int,
    lead_department_id: int | None,
    cooperating_department_ids: list[int],
    zone_id: int | None,
    milestones: list[MilestoneIn],
    source: str = "console",
) -> Task:
    owner = session.get(User, owner_id)
    if owner is None or not owner.is_active or owner.role not in (Role.chief, Role.department):
        raise Invalid(f"user {owner_id} is not an active chief or department account")
    for dept_id in [lead_department_id, *cooperating_department_ids]:
        if dept_id is not None and session.get(Department, dept_id) is None:
            raise Invalid(f"unknown department {dept_id}")
    if zone_id is not None and session.get(Zone, zone_id) is None:
        raise Invalid(f"unknown zone {zone_id}")
    if not milestones:
        raise Invalid("a task needs at least one milestone with a due date")
    ordered = sorted(milestones, key=lambda m: m.due_on)
    task = Task(
        title=title,
        description=description,
        owner_id=owner_id,
        lead_department_id=lead_department_id or owner.department_id,
        cooperating_department_ids=sorted(set(cooperating_department_ids)),
        zone_id=zone_id,
        created_by_id=actor.id,
    )
    session.add(task)
    session.flush()
    for seq, m in enumerate(ordered, start=1):
        session.add(
            Milestone(
                task_id=task.id or 0,
                seq=seq,
                name=m.name,
                due_on=m.due_on,  # type: ignore[arg-type]
                due_at=deadline_for(session, m.due_on),
            )
        )
    session.flush()
    ledger.record(
        session,
        actor.id,
        subject(task),
        "task.create",
        {
            "title": title,
            "owner_id": owner_id,
            "lead_department_id": task.lead_department_id,
            "milestones": [[m.name, m.due_on.isoformat()] for m in ordered],
            "source": source,
        },
    )
    return task


def milestones_of(session: Session, task_ids: list[int]) -> dict[int, list[Milestone]]:
    out: dict[int, list[Milestone]] = {t: [] for t in task_ids}
    if task_ids:
        rows = session.exec(
            select(Milestone)
            .where(col(Milestone.task_id).in_(task_ids))
            .order_by(col(Milestone.task_id), col(Milestone.seq))
        )
        for m in rows:
            out[m.task_id].append(m)
    return out


def _done(moment: dt.datetime | None, as_of: dt.datetime | None) -> bool:
    return moment is not None and (as_of is None or as_utc(moment) <= as_of)


def current(
    task: Task, milestones: list[Milestone], as_of: dt.datetime | None = None
) -> tuple[Milestone | None, dt.datetime]:
    """The first milestone not done (by `as_of`, when given), and when its clock started."""
    start = as_utc(task.created_at)
    for m in milestones:
        if not _done(m.done_at, as_of):
            return m, start
        start = max(start, as_utc(m.due_at))
    return None, start


def light(
    session: Session,
    task: Task,
    milestones: list[Milestone],
    now: dt.datetime,
    clock: BusinessClock | None = None,
) -> str | None:
    """The task's light at `now` (a past moment reads the task as it stood then)."""
    if _done(task.completed_at, now):
        return None
    milestone, start = current(task, milestones, now)
    if milestone is None:
        return None
    clock = clock or BusinessClock.for_session(session)
    return clock.warning_light(start, milestone.due_at, now, LimitUnit.work_days)


LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2, None: 3}


def weekly(session: Session, start: dt.datetime, as_of: dt.datetime) -> list[dict[str, Any]]:
    """任务清单 in the weekly bulletin: per lead unit (its department, else the owner), the tasks
    open at `as_of` with their lights, those completed in the week, and the milestones that fell
    due in it — on time or not. Units with the most red lights come first."""
    tasks = session.exec(select(Task).where(Task.created_at < as_of).order_by(col(Task.id))).all()
    milestones = milestones_of(session, [t.id for t in tasks if t.id])
    depts = {d.id: d.name for d in session.exec(select(Department))}
    owners = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(
        {t.owner_id for t in tasks})))}  # fmt: skip
    clock = BusinessClock.for_session(session)
    units: dict[tuple[str, int], dict[str, Any]] = {}
    for t in tasks:
        if _done(t.completed_at, start):
            continue  # finished before the week began
        ms = milestones[t.id]  # type: ignore[index]
        owner = owners.get(t.owner_id)
        key = (
            ("department", t.lead_department_id) if t.lead_department_id else ("owner", t.owner_id)
        )
        unit = units.setdefault(
            key,
            {
                "id": key[1],
                "kind": key[0],
                "name": depts.get(key[1], f"#{key[1]}")
                if key[0] == "department"
                else (owner.name if owner else f"#{key[1]}"),
                "open": 0, "completed": 0, "green": 0, "yellow": 0, "red": 0,
                "escalated": 0, "milestones_due": 0, "milestones_on_time": 0, "tasks": [],
            },
        )  # fmt: skip
        for m in ms:
            if start <= as_utc(m.due_at) < as_of:
                unit["milestones_due"] += 1
                unit["milestones_on_time"] += _done(m.done_at, as_utc(m.due_at))
        if _done(t.completed_at, as_of):
            unit["completed"] += 1
            continue
        lamp = light(session, t, ms, as_of, clock)
        milestone, _ = current(t, ms, as_of)
        unit["open"] += 1
        unit[lamp or "green"] += 1
        unit["escalated"] += t.escalation_level > 0
        unit["tasks"].append(
            {
                "id": t.id,
                "title": t.title,
                "light": lamp,
                "owner": owner.name if owner else None,
                "milestone": milestone.name if milestone else None,
                "due_on": milestone.due_on.isoformat() if milestone else None,
                "escalation_level": t.escalation_level,
            }
        )
    for unit in units.values():
        unit["tasks"].sort(key=lambda x: (LIGHT_ORDER[x["light"]], x["due_on"] or "~", x["id"]))
        due = unit["milestones_due"]
        unit["on_time_rate"] = round(unit["milestones_on_time"] / due, 4) if due else None
    return sorted(units.values(), key=lambda u: (-u["red"], -u["yellow"], u["name"]))


def may_report(actor: Actor, task: Task) -> bool:
    """The owner, staff of the lead or cooperating departments, and the command centre."""
    user = actor.user
    if user.role in (Role.supervisor, Role.admin) or user.id == task.owner_id:
        return True
    depts = {task.lead_department_id, *task.cooperating_department_ids}
    return user.role == Role.department and user.department_id in depts


def may_view(actor: Actor, task: Task) -> bool:
    user = actor.user
    if may_report(actor, task) or task.escalated_to_id == user.id:
        return True
    return user.role == Role.leader and task.zone_id in actor.jurisdiction.zone_ids


def get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(f"task {task_id} not found")
    return task


def store_photos(prepared: list[PreparedPhoto]) -> list[dict[str, Any]]:
    """Encode and store the copies; done before the transaction that records the report."""
    return [
        {
            "sha256": item.sha256,
            "phash": item.decoded.phash,
            "original_key": item.original_key,
            "display_key": item.display_key,
            "thumb_key": item.thumb_key,
            "width": item.decoded.width,
            "height": item.decoded.height,
            "taken_at": item.decoded.taken_at.isoformat() if item.decoded.taken_at else None,
        }
        for item in store_plain_photos(prepared)
    ]


def fingerprint(
    task_id: int,
    author_id: int,
    kind: str,
    note: str,
    milestone_id: int | None,
    digests: list[str],
) -> str:
    """What makes a retried report 'the same': every field and each photo's SHA-256 as sent."""
    body = {
        "task": task_id,
        "author": author_id,
        "kind": kind,
        "note": note,
        "milestone": milestone_id,
        "photos": digests,
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def prior_progress(session: Session, key: str) -> Prior[Progress] | None:
    """The report an earlier request under this Idempotency-Key recorded."""
    done = session.exec(select(Progress).where(Progress.idempotency_key == key)).first()
    return None if done is None else Prior(done.request_fingerprint, done)


def _replay(session: Session, key: str | None, fingerprint: str) -> Progress | None:
    if not key:
        return None
    done = replayed(prior_progress(session, key), fingerprint)
    return done.result if done else None


def report_progress(
    session: Session,
    actor: Actor,
    task: Task,
    note: str,
    milestone_id: int | None,
    photos: list[dict[str, Any]],
    key: str | None,
    kind: str = "progress",
) -> tuple[Progress, bool]:
    """A progress report (and, with milestone_id, that milestone done); (report, created)."""
    if not may_report(actor, task):
        raise Forbidden("only the task's units and the command centre report on it")
    digests = [p["sha256"] for p in photos]
    fp = fingerprint(task.id, actor.user.id, kind, note, milestone_id, digests)  # type: ignore[arg-type]
    lock_ledger(session)  # serialises replays of one key, like ticket reports
    done = _replay(session, key, fp)
    if done is not None:
        return done, False
    if task.status == TaskStatus.completed:
        raise Conflict("the task is already completed")
    if not note.strip() and not photos:
        raise Invalid("say what was done, or add a photo")
    now = utcnow()
    milestone = None
    if milestone_id is not None:
        milestone = session.get(Milestone, milestone_id)
        if milestone is None or milestone.task_id != task.id:
            raise Invalid(f"milestone {milestone_id} is not part of this task")
        if milestone.done_at is None:
            milestone.done_at = now
            session.add(milestone)
    photos = flag_reused(session, task, photos)
    progress = Progress(
        task_id=task.id or 0,
        author_id=actor.user.id or 0,
        kind=kind,
        note=note,  # type: ignore[arg-type]
        milestone_id=milestone_id,
        photos=photos,
        created_at=now,
        idempotency_key=key,
        request_fingerprint=fp,
    )
    session.add(progress)
    session.flush()
    data: dict[str, Any] = {"progress_id": progress.id, "photos": [p["sha256"] for p in photos]}
    if any(p.get("reused_from") for p in photos):
        data["photo_reused"] = [p["reused_from"] for p in photos if p.get("reused_from")]
    if milestone is not None:
        on_time = as_utc(milestone.done_at) <= as_utc(milestone.due_at)  # type: ignore[arg-type]
        data |= {"milestone_id": milestone.id, "milestone_on_time": on_time}
    ledger.record(
        session, actor.user.id, subject(task), f"task.{kind}", data, note=note, idempotency_key=key
    )
    return progress, True


def flag_reused(session: Session, task: Task, photos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark a photo that is an earlier report's photo of this task again, or a ticket's photo:
    evidence of work done should not be a picture sent before (like a ticket's after-photo)."""
    if not photos:
        return photos
    earlier = [
        (p.id, photo)
        for p in session.exec(select(Progress).where(Progress.task_id == task.id))
        for photo in p.photos
    ]
    tickets = session.exec(
        select(Photo.sha256, Photo.phash, Ticket.id, Ticket.number)
        .join(Ticket, col(Ticket.id) == Photo.ticket_id)
        .where(
            col(Photo.sha256).in_([p["sha256"] for p in photos])
            | col(Photo.phash).in_([p.get("phash") for p in photos])
        )
        .limit(50)
    ).all()
    out = []
    for photo in photos:

        def same(sha: str, phash: str | None, photo: dict[str, Any] = photo) -> bool:
            if sha == photo["sha256"]:
                return True
            return bool(phash and photo.get("phash")) and (
                hamming(phash, photo["phash"]) <= SIMILAR_BITS  # type: ignore[arg-type]
            )

        reused = [
            {"progress_id": pid} for pid, old in earlier if same(old["sha256"], old.get("phash"))
        ] + [{"ticket_id": tid, "number": num} for sha, ph, tid, num in tickets if same(sha, ph)]
        out.append({**photo, "reused_from": reused} if reused else photo)
    return out


def complete(
    session: Session,
    actor: Actor,
    task: Task,
    note: str,
    photos: list[dict[str, Any]],
    key: str | None,
) -> tuple[Progress, bool]:
    """Completion with evidence: every milestone not yet done is done now."""
    if not photos:
        raise Invalid("completion needs evidence: at least one photo")
    if task.status == TaskStatus.completed and not key:
        raise Conflict("the task is already completed")
    progress, created = report_progress(
        session, actor, task, note, None, photos, key, kind="complete"
    )
    if created:
        now = progress.created_at
        for m in milestones_of(session, [task.id or 0])[task.id or 0]:
            if m.done_at is None:
                m.done_at = now
                session.add(m)
        task.status = TaskStatus.completed
        task.completed_at = now
        session.add(task)
        session.flush()
    return progress, created


def _above(session: Session, task: Task) -> list[int]:
    """Who hears a task's 督办, in order: zone chief, the town's first leader, 挂包领导."""
    owner = session.get(User, task.owner_id)
    zone = session.get(Zone, task.zone_id) if task.zone_id else None
    area_id = zone.area_id if zone else owner.area_id if owner else None
    leader = (
        session.exec(
            select(User.id)
            .where(User.role == Role.chief, User.level == 1, User.area_id == area_id)
            .where(col(User.is_active))
            .order_by(col(User.id))
        ).first()
        if area_id
        else None
    )
    chain = [zone.chief_id if zone else None, leader, zone.leader_id if zone else None]
    seen: list[int] = []
    for c in chain:
        if c is not None and c != task.owner_id and c not in seen:
            seen.append(c)
    return seen


def escalate(session: Session, actor_id: int | None, task: Task, note: str) -> bool:
    """督办: one level up; False when there is no one higher."""
    if task.status != TaskStatus.open:
        raise Conflict("a completed task cannot be escalated")
    chain = _above(session, task)
    if task.escalation_level >= len(chain):
        return False
    target = chain[task.escalation_level]
    task.escalation_level += 1
    task.escalated_to_id = target
    session.add(task)
    ledger.record(
        session,
        actor_id,
        subject(task),
        "task.escalate",
        {"level": task.escalation_level, "escalated_to": target},
        note=note,
    )
    return True


def escalate_overdue(session: Session, now: dt.datetime | None = None) -> int:
    """The sweep for tasks: one level up per overrun of the current milestone's span."""
    now = now or utcnow()
    tasks = session.exec(
        select(Task).where(Task.status == TaskStatus.open).order_by(col(Task.id))
    ).all()
    milestones = milestones_of(session, [t.id for t in tasks if t.id])
    count = 0
    for task in tasks:
        milestone, start = current(task, milestones[task.id])  # type: ignore[index]
        if milestone is None:
            continue
        wanted = escalation_level(start, milestone.due_at, now)
        if (
            wanted
            and task.escalation_level < wanted
            and escalate(session, None, task, "任务逾期自动督办")
        ):
            count += 1
    return count


def task_photo_keys(session: Session) -> set[str]:
    """Storage keys the task reports hold (so `roadchief fsck` keeps them)."""
    return {
        photo[k]
        for photos in session.exec(select(Progress.photos))
        for photo in photos
        for k in ("original_key", "display_key", "thumb_key")
    }
