"""The console's ticket filters, shared by the map clusters and the ledger export.

Query parameters (all optional, comma-separated lists where plural):
status=pending,assigned  category=0201,05 (a two-digit class code matches its sub-classes)
zone=1,2  road=3  assignee=7 (the chief or desk the ticket is with)  department=2
since=2026-11-01  until=2026-11-30T12:00:00+08:00 (received time; a bare date is local midnight,
`until` is exclusive)  overdue=1 (open and past the deadline)
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Query
from sqlalchemy import or_
from sqlalchemy.sql.elements import ColumnElement

from app.console.summary import T, overdue_clause
from app.core.config import get_settings
from app.core.errors import Invalid
from app.core.timeutil import as_utc
from app.tickets.models import Status


def _ints(value: str | None, name: str) -> list[int]:
    if not value:
        return []
    try:
        return [int(v) for v in value.split(",") if v.strip()]
    except ValueError as exc:
        raise Invalid(f"{name} must be a comma-separated list of ids") from exc


def _moment(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return as_utc(datetime.combine(day, time(), ZoneInfo(get_settings().timezone)))
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise Invalid(f"{name} must be an ISO 8601 date or date-time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(get_settings().timezone))
    return as_utc(moment)


@dataclass
class TicketFilter:
    statuses: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    zone_ids: list[int] = field(default_factory=list)
    road_ids: list[int] = field(default_factory=list)
    assignee_ids: list[int] = field(default_factory=list)
    department_ids: list[int] = field(default_factory=list)
    since: datetime | None = None
    until: datetime | None = None
    overdue: bool = False

    def clauses(self, now: datetime) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.statuses:
            out.append(T.status.in_(self.statuses))
        if self.categories:
            classes = [c for c in self.categories if len(c) <= 2]
            codes = [c for c in self.categories if len(c) > 2]
            out.append(
                or_(
                    *([T.category_code.in_(codes)] if codes else []),
                    *(T.category_code.startswith(c) for c in classes),
                )
            )
        for column, ids in (
            (T.zone_id, self.zone_ids),
            (T.road_id, self.road_ids),
            (T.assignee_id, self.assignee_ids),
            (T.department_id, self.department_ids),
        ):
            if ids:
                out.append(column.in_(ids))
        if self.since is not None:
            out.append(T.received_at >= self.since)
        if self.until is not None:
            out.append(T.received_at < self.until)
        if self.overdue:
            out.append(overdue_clause(now))
        return out


def ticket_filter(
    status: str | None = None,
    category: str | None = None,
    zone: str | None = None,
    road: str | None = None,
    assignee: str | None = None,
    department: str | None = None,
    since: str | None = None,
    until: str | None = None,
    overdue: Annotated[bool, Query()] = False,
) -> TicketFilter:
    statuses = [s for s in (status or "").split(",") if s]
    unknown = set(statuses) - {s.value for s in Status}
    if unknown:
        raise Invalid(f"unknown status: {', '.join(sorted(unknown))}")
    return TicketFilter(
        statuses=statuses,
        categories=[c.strip() for c in (category or "").split(",") if c.strip()],
        zone_ids=_ints(zone, "zone"),
        road_ids=_ints(road, "road"),
        assignee_ids=_ints(assignee, "assignee"),
        department_ids=_ints(department, "department"),
        since=_moment(since, "since"),
        until=_moment(until, "until"),
        overdue=overdue,
    )


TicketFilterDep = Annotated[TicketFilter, Depends(ticket_filter)]


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """minLon,minLat,maxLon,maxLat → floats, checked."""
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise Invalid("bbox must be minLon,minLat,maxLon,maxLat") from exc
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise Invalid("bbox must be minLon,minLat,maxLon,maxLat in WGS-84 degrees")
    return min_lon, min_lat, max_lon, max_lat
