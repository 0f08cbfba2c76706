"""Tickets (案卷): what can be done to one — `report`, `rectify`, `verify` … — is in `actions`.

    from app.tickets import Filer, Report, report, rectify

Exported lazily: app.photos and app.ledger import this package's models, and the actions
import them in turn.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.tickets.actions import (
        add_photo,
        dismiss,
        dispatch,
        escalate,
        escalate_by_clock,
        escalate_overdue,
        handoff,
        merge,
        rectify,
        report,
        verify,
    )
    from app.tickets.filing import Filer, Report, Source

__all__ = [
    "Filer",
    "Report",
    "Source",
    "add_photo",
    "dismiss",
    "dispatch",
    "escalate",
    "escalate_by_clock",
    "escalate_overdue",
    "handoff",
    "merge",
    "rectify",
    "report",
    "verify",
]
FILING = ("Filer", "Report", "Source")


def __getattr__(name: str) -> Any:
    if name in FILING:
        return getattr(import_module("app.tickets.filing"), name)
    if name in __all__:
        return getattr(import_module("app.tickets.actions"), name)
    raise AttributeError(f"module 'app.tickets' has no attribute {name!r}")
