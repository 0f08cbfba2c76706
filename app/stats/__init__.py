"""The weekly bulletin (每周通报): figures per road, chief, zone and department, ranked.

Its use case — issuing the week's 通报 — is the action below (`app.stats.actions`).
"""

from app.stats.actions import issue_bulletin

__all__ = ["issue_bulletin"]
