"""任务清单's use cases, each owning its write: views, the CLI and jobs call these.

Each reads and checks first, stores photos with no transaction open, and records in one short
``write_transaction`` (app/core/db.py); reports with photos go through the runner
(app.core.actions.run), so a retry is answered before any photo work.
"""

from dataclasses import dataclass, field
from typing import Any

from fastapi import UploadFile
from sqlmodel import Session

from app.auth.policy import Actor
from app.core.actions import Done, run
from app.core.db import write_transaction
from app.core.errors import Forbidden, Invalid
from app.photos.service import photo_digests, prepare_photos
from app.tasks import importer, service
from app.tasks.models import Progress, Task


@dataclass(frozen=True)
class NewTask:
    title: str
    owner_id: int
    milestones: list[service.MilestoneIn]
    description: str = ""
    lead_department_id: int | None = None
    cooperating_department_ids: list[int] = field(default_factory=list)
    zone_id: int | None = None


def _check_command(actor: Actor) -> None:
    if not actor.is_command():
        raise Forbidden("only the command centre sets tasks")


def create_task(session: Session, actor: Actor, new: NewTask) -> Task:
    _check_command(actor)
    with write_transaction(session):
        return service.create(
            session,
            actor.user,
            title=new.title,
            description=new.description,
            owner_id=new.owner_id,
            lead_department_id=new.lead_department_id,
            cooperating_department_ids=new.cooperating_department_ids,
            zone_id=new.zone_id,
            milestones=new.milestones,
        )


def import_tasks(session: Session, actor: Actor, workbook: bytes) -> list[Task]:
    """A 任务分解表 (XLSX, parsed before the write): every row becomes a task, or none does."""
    _check_command(actor)
    rows = importer.parse(session, workbook)
    made = []
    with write_transaction(session):
        for r in rows:
            try:
                made.append(
                    service.create(
                        session,
                        actor.user,
                        title=r.title,
                        description=r.description,
                        owner_id=r.owner_id,
                        lead_department_id=r.lead_department_id,
                        cooperating_department_ids=r.cooperating_department_ids,
                        zone_id=r.zone_id,
                        milestones=r.milestones,
                        source=f"xlsx row {r.row}",
                    )
                )
            except Invalid as exc:
                raise Invalid(f"row {r.row}: {exc.message}", row=r.row) from None
    return made


def _progress(
    session: Session,
    actor: Actor,
    task: Task,
    note: str,
    milestone_id: int | None,
    photos: list[UploadFile],
    key: str | None,
    kind: str,
) -> Done[Progress]:
    """Replay → check → store the photos (no transaction) → one short write (app.core.actions).

    A retry under the same Idempotency-Key answers the first report before any photo work.
    """
    note = note.strip()
    digests = photo_digests(photos) if photos else []
    fp = service.fingerprint(task.id, actor.user.id, kind, note, milestone_id, digests)  # type: ignore[arg-type]

    def read() -> None:
        if not service.may_report(actor, task):
            raise Forbidden("only the task's units and the command centre report on it")
        if kind == "complete" and not photos:
            raise Invalid("completion needs evidence: at least one photo")

    def write(s: Session, stored: list[dict[str, Any]]) -> Progress:
        if kind == "complete":
            return service.complete(s, actor, task, note, stored, key)[0]
        return service.report_progress(s, actor, task, note, milestone_id, stored, key)[0]

    return run(
        session,
        key=key,
        fingerprint=fp,
        prior=service.prior_progress,
        read=read,
        prepare=lambda _: service.store_photos(prepare_photos(photos)) if photos else [],
        lock=lambda s: s.refresh(task, with_for_update=True),
        write=write,
    )


def report_progress(
    session: Session,
    actor: Actor,
    task: Task,
    note: str,
    milestone_id: int | None,
    photos: list[UploadFile],
    key: str | None,
) -> Done[Progress]:
    """进展: text and photos, and with milestone_id that milestone done."""
    return _progress(session, actor, task, note, milestone_id, photos, key, "progress")


def complete_task(
    session: Session, actor: Actor, task: Task, note: str, photos: list[UploadFile], key: str | None
) -> Done[Progress]:
    """完成 with evidence photos; every open milestone is done now."""
    return _progress(session, actor, task, note, None, photos, key, "complete")


def escalate_task(session: Session, actor: Actor, task: Task, note: str) -> Task:
    """督办 by hand: one level up."""
    _check_command(actor)
    with write_transaction(session):
        session.refresh(task, with_for_update=True)
        if not service.escalate(session, actor.user.id, task, note):
            raise Invalid("there is no one above the current level")
    return task
