"""Task lists (任务清单): work for a unit that is not a single street problem."""

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class TaskStatus(StrEnum):
    open = "open"  # 进行中
    completed = "completed"  # 已完成


class Task(SQLModel, table=True):
    __tablename__ = "tasks"
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=4000)
    lead_department_id: int | None = Field(default=None, foreign_key="departments.id", index=True)
    # The person who answers for it (a chief or a department's staff); lights and 督办 follow them.
    owner_id: int = Field(foreign_key="users.id", index=True)
    cooperating_department_ids: list[int] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    # Optional: the zone it belongs to, whose chief and 挂包领导 hear its escalations.
    zone_id: int | None = Field(default=None, foreign_key="zones.id")
    status: TaskStatus = Field(default=TaskStatus.open, sa_type=String(16), index=True)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    completed_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    escalation_level: int = 0
    escalated_to_id: int | None = Field(default=None, foreign_key="users.id")


class Milestone(SQLModel, table=True):
    """A step of a task with its due date; the first one not done sets the task's light."""

    __tablename__ = "task_milestones"
    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", index=True)
    seq: int
    name: str = Field(max_length=200)
    due_on: dt.date
    # End of work on due_on (or the last workday before it), aware UTC.
    due_at: dt.datetime = Field(sa_type=UTCDateTime)
    done_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class Progress(SQLModel, table=True):
    """A progress report (进展) or the completion report, with photos (stored before the commit)."""

    __tablename__ = "task_progress"
    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", index=True)
    author_id: int = Field(foreign_key="users.id")
    kind: str = Field(default="progress", max_length=16)  # progress | complete
    note: str = Field(default="", max_length=2000)
    milestone_id: int | None = Field(default=None, foreign_key="task_milestones.id")
    # [{"sha256", "display_key", "thumb_key", "width", "height"}]
    photos: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    idempotency_key: str | None = Field(default=None, unique=True, max_length=64)
    request_fingerprint: str = Field(default="", max_length=64)
