"""Task lists (任务清单) over HTTP.

GET  /api/tasks                      → tasks the user may see, with light and current milestone
POST /api/tasks                      (supervisor/admin) JSON → 201
POST /api/tasks/import               (supervisor/admin) XLSX 任务分解表 → {"created": N}
GET  /api/tasks/{id}                 → task + milestones + progress (with photo URLs) + events
POST /api/tasks/{id}/progress        multipart note, milestone_id?, photo*; Idempotency-Key
POST /api/tasks/{id}/complete        multipart note, photo+ (evidence); Idempotency-Key
POST /api/tasks/{id}/escalate        (supervisor/admin) 督办 by hand
GET  /api/tasks/{id}/photos/{progress_id}/{n}/{size}   size: display | thumb
"""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import col, select

from app.auth.deps import CurrentActor, require_roles
from app.auth.policy import Actor
from app.core.db import SessionDep
from app.core.errors import Forbidden, NotFound, PayloadTooLarge
from app.core.openapi import binary, errors
from app.core.timeutil import utcnow
from app.deadlines.clock import is_overdue
from app.ledger.models import Event
from app.org.models import Department, Role, User
from app.photos.storage import get_storage
from app.tasks import actions, service
from app.tasks.models import Progress, Task
from app.tasks.schemas import TaskDetail, TaskRead, TasksImported
from app.tickets.deps import OptionalKey, RequiredKey

router = APIRouter(prefix="/api/tasks", tags=["tasks"])
COMMAND = require_roles(Role.supervisor, Role.admin)


class MilestoneBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    due_on: dt.date


class TaskBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    owner_id: int
    lead_department_id: int | None = None
    cooperating_department_ids: list[int] = Field(default_factory=list, max_length=50)
    zone_id: int | None = None
    milestones: list[MilestoneBody] = Field(min_length=1, max_length=50)


class EscalateBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(default="", max_length=2000)


def _names(session: SessionDep) -> tuple[dict[int, User], dict[int, str]]:
    users = {u.id: u for u in session.exec(select(User)) if u.id}
    depts = {d.id: d.name for d in session.exec(select(Department)) if d.id}
    return users, depts


def _person(users: dict[int, User], user_id: int | None) -> dict[str, Any] | None:
    u = users.get(user_id or 0)
    return {"id": u.id, "username": u.username, "name": u.name, "title": u.title} if u else None


def present(session: SessionDep, tasks: list[Task], detail: bool = False) -> list[dict[str, Any]]:
    now = utcnow()
    users, depts = _names(session)
    milestones = service.milestones_of(session, [t.id for t in tasks if t.id])
    out = []
    for t in tasks:
        ms = milestones[t.id]  # type: ignore[index]
        cur, _start = service.current(t, ms)
        row: dict[str, Any] = {
            "id": t.id,
            "title": t.title,
            "description": t.description,
            "status": t.status,
            "owner": _person(users, t.owner_id),
            "lead_department": {
                "id": t.lead_department_id,
                "name": depts.get(t.lead_department_id or 0),
            }
            if t.lead_department_id
            else None,
            "cooperating_departments": [
                {"id": d, "name": depts.get(d)} for d in t.cooperating_department_ids
            ],
            "zone_id": t.zone_id,
            "light": service.light(session, t, ms, now),
            "overdue": cur is not None and is_overdue(cur.due_at, now),
            "current_milestone": {
                "id": cur.id,
                "name": cur.name,
                "due_on": cur.due_on.isoformat(),
                "due_at": cur.due_at.isoformat(),
            }
            if cur
            else None,
            "escalation_level": t.escalation_level,
            "escalated_to": _person(users, t.escalated_to_id),
            "created_at": t.created_at.isoformat(),
            "completed_at": t.completed_at.isoformat() if t.completed_at else None,
            "milestones": [
                {
                    "id": m.id,
                    "seq": m.seq,
                    "name": m.name,
                    "due_on": m.due_on.isoformat(),
                    "due_at": m.due_at.isoformat(),
                    "done_at": m.done_at.isoformat() if m.done_at else None,
                }
                for m in ms
            ],
        }
        if detail:
            row["progress"] = _progress(session, t, users)
            row["events"] = [
                {
                    "id": e.id,
                    "action": e.action,
                    "actor": _person(users, e.actor_id),
                    "note": e.note,
                    "data": e.data,
                    "created_at": e.created_at.isoformat(),
                }
                for e in session.exec(
                    select(Event).where(Event.subject == service.subject(t)).order_by(col(Event.id))
                )
            ]
        out.append(row)
    return out


def _progress(session: SessionDep, task: Task, users: dict[int, User]) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Progress).where(Progress.task_id == task.id).order_by(col(Progress.id))
    )
    base = f"/api/tasks/{task.id}/photos"
    return [
        {
            "id": p.id,
            "kind": p.kind,
            "note": p.note,
            "author": _person(users, p.author_id),
            "milestone_id": p.milestone_id,
            "created_at": p.created_at.isoformat(),
            "photos": [
                {
                    "url": f"{base}/{p.id}/{i}/display",
                    "thumb_url": f"{base}/{p.id}/{i}/thumb",
                    # An earlier report's photo of this task, or a ticket's, sent again.
                    "reused_from": photo.get("reused_from", []),
                }
                for i, photo in enumerate(p.photos)
            ],
        }
        for p in rows
    ]


def visible_task(task_id: int, session: SessionDep, actor: CurrentActor) -> Task:
    task = service.get(session, task_id)
    if not service.may_view(actor, task):
        raise Forbidden("this task is not yours to see")
    return task


VisibleTask = Annotated[Task, Depends(visible_task)]


def _visible(session: SessionDep, actor: Actor) -> list[Task]:
    tasks = list(session.exec(select(Task).order_by(col(Task.id))))
    return [t for t in tasks if service.may_view(actor, t)]


@router.get("", response_model=list[TaskRead])
def list_tasks(session: SessionDep, actor: CurrentActor) -> list[dict[str, Any]]:
    """The tasks the user may see; red first, then yellow, then by due date."""
    rows = present(session, _visible(session, actor))
    order = {"red": 0, "yellow": 1, "green": 2, None: 3}
    return sorted(
        rows, key=lambda r: (order[r["light"]], (r["current_milestone"] or {}).get("due_at") or "~")
    )


@router.post("", status_code=201, response_model=TaskDetail, dependencies=[COMMAND])
def create_task(body: TaskBody, session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    new = actions.NewTask(
        title=body.title,
        description=body.description,
        owner_id=body.owner_id,
        lead_department_id=body.lead_department_id,
        cooperating_department_ids=body.cooperating_department_ids,
        zone_id=body.zone_id,
        milestones=[service.MilestoneIn(m.name, m.due_on) for m in body.milestones],
    )
    task = actions.create_task(session, actor, new)
    return present(session, [task], detail=True)[0]


@router.post("/import", response_model=TasksImported, dependencies=[COMMAND], responses=errors(422))
def import_tasks(
    session: SessionDep, actor: CurrentActor, file: Annotated[UploadFile, File()]
) -> dict[str, Any]:
    """A 任务分解表 (XLSX): every row becomes a task, or — one bad row — none does."""
    content = file.file.read(5 * 1024 * 1024 + 1)
    if len(content) > 5 * 1024 * 1024:
        raise PayloadTooLarge("the workbook is larger than 5 MB")
    made = actions.import_tasks(session, actor, content)
    return {"created": len(made), "ids": [t.id for t in made]}


@router.get("/{task_id}", response_model=TaskDetail)
def get_task(session: SessionDep, task: VisibleTask) -> dict[str, Any]:
    return present(session, [task], detail=True)[0]


@router.post(
    "/{task_id}/progress", status_code=201, response_model=TaskDetail, responses=errors(409, 422)
)
def post_progress(
    session: SessionDep,
    actor: CurrentActor,
    task: VisibleTask,
    key: RequiredKey,
    note: Annotated[str, Form(max_length=2000)] = "",
    milestone_id: Annotated[int | None, Form()] = None,
    photo: Annotated[list[UploadFile] | None, File()] = None,
) -> dict[str, Any]:
    """进展: text and photos from the phone (offline through the outbox) or the console."""
    actions.report_progress(session, actor, task, note, milestone_id, photo or [], key)
    return present(session, [task], detail=True)[0]


@router.post("/{task_id}/complete", response_model=TaskDetail, responses=errors(409, 422))
def complete_task(
    session: SessionDep,
    actor: CurrentActor,
    task: VisibleTask,
    key: OptionalKey,
    note: Annotated[str, Form(max_length=2000)] = "",
    photo: Annotated[list[UploadFile] | None, File()] = None,
) -> dict[str, Any]:
    """完成: with evidence photos; every open milestone is done now."""
    actions.complete_task(session, actor, task, note, photo or [], key)
    return present(session, [task], detail=True)[0]


@router.post(
    "/{task_id}/escalate",
    response_model=TaskDetail,
    dependencies=[COMMAND],
    responses=errors(409, 422),
)
def escalate_task(
    session: SessionDep, actor: CurrentActor, task: VisibleTask, body: EscalateBody
) -> dict[str, Any]:
    actions.escalate_task(session, actor, task, body.note)
    return present(session, [task], detail=True)[0]


@router.get(
    "/{task_id}/photos/{progress_id}/{n}/{size}",
    response_class=Response,
    responses=binary("image/jpeg", "the photo's published copy (JPEG, no metadata)"),
)
def task_photo(
    session: SessionDep, task: VisibleTask, progress_id: int, n: int, size: str
) -> Response:
    progress = session.get(Progress, progress_id)
    if progress is None or progress.task_id != task.id or not 0 <= n < len(progress.photos):
        raise NotFound("no such photo")
    if size not in ("display", "thumb"):
        raise NotFound("size is display or thumb")
    data = get_storage().get(progress.photos[n][f"{size}_key"])
    return Response(
        data, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=86400"}
    )
