"""重点任务 (tasks) as the API answers them."""

from typing import Any, Literal

from pydantic import Field

from app.core.schemas import IsoDate, IsoDateTime, Read
from app.tasks.models import TaskStatus
from app.tickets.schemas import Light


class TaskPerson(Read):
    id: int
    username: str
    name: str
    title: str | None


class NamedDepartment(Read):
    id: int
    name: str | None


class CurrentMilestone(Read):
    id: int
    name: str
    due_on: IsoDate
    due_at: IsoDateTime


class MilestoneRead(CurrentMilestone):
    seq: int
    done_at: IsoDateTime | None


class ReusedFromProgress(Read):
    progress_id: int


class ReusedFromTicket(Read):
    ticket_id: int
    number: str


class ProgressPhoto(Read):
    url: str
    thumb_url: str
    reused_from: list[ReusedFromProgress | ReusedFromTicket] = Field(
        description="the earlier reports of this task, or tickets, with the same photo"
    )


class ProgressRead(Read):
    id: int
    kind: Literal["progress", "complete"]
    note: str
    author: TaskPerson | None
    milestone_id: int | None
    created_at: IsoDateTime
    photos: list[ProgressPhoto]


class TaskEvent(Read):
    id: int
    action: str
    actor: TaskPerson | None
    note: str
    data: dict[str, Any]
    created_at: IsoDateTime


class TaskRead(Read):
    id: int
    title: str
    description: str
    status: TaskStatus
    owner: TaskPerson | None
    lead_department: NamedDepartment | None
    cooperating_departments: list[NamedDepartment]
    zone_id: int | None
    light: Light | None
    overdue: bool
    current_milestone: CurrentMilestone | None
    escalation_level: int
    escalated_to: TaskPerson | None
    created_at: IsoDateTime
    completed_at: IsoDateTime | None
    milestones: list[MilestoneRead]


class TaskDetail(TaskRead):
    progress: list[ProgressRead]
    events: list[TaskEvent]


class TasksImported(Read):
    created: int
    ids: list[int]
