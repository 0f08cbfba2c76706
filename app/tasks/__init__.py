"""任务清单: tasks with milestones, lights, progress reports, completion and 督办.

Its use cases — what views, the CLI and jobs call to change anything — are the actions below
(`app.tasks.actions`); `service` holds the steps and the reads.
"""

from app.tasks.actions import (
    NewTask,
    complete_task,
    create_task,
    escalate_task,
    import_tasks,
    report_progress,
)

__all__ = [
    "NewTask",
    "complete_task",
    "create_task",
    "escalate_task",
    "import_tasks",
    "report_progress",
]
