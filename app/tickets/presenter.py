"""Ticket JSON: one batch of look-ups for a whole page of tickets, never one per ticket."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.auth.policy import Actor, available_actions
from app.core.timeutil import utcnow
from app.deadlines.clock import BusinessClock
from app.deadlines.models import LimitUnit
from app.ledger.models import Event
from app.org.models import Department, Grid, Road, User, Zone
from app.photos.models import Photo
from app.photos.service import photo_public
from app.tickets.models import OPEN_STATUSES, STATUS_LABELS, Category, Status, Ticket


def _by_id(session: Session, model: Any, ids: set[int | None]) -> dict[int, Any]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {row.id: row for row in session.exec(select(model).where(col(model.id).in_(wanted)))}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def light(
    clock: BusinessClock, ticket: Ticket, category: Category | None, now: datetime
) -> str | None:
    """Warning light of an open, assigned ticket: green < 80 % of its time, yellow to 100 %."""
    if ticket.status not in OPEN_STATUSES or not ticket.due_at or not ticket.assigned_at:
        return None
    unit = category.limit_unit if category else LimitUnit.work_days
    return clock.warning_light(ticket.assigned_at, ticket.due_at, now, unit)


class TicketPresenter:
    """Renders tickets for one viewer, loading everything they refer to in a few queries."""

    def __init__(self, session: Session, actor: Actor | None) -> None:
        self.session = session
        self.actor = actor
        self.clock = BusinessClock.for_session(session)
        self.categories = {c.code: c for c in session.exec(select(Category))}
        self.now = utcnow()

    def many(self, tickets: Sequence[Ticket]) -> list[dict[str, Any]]:
        s = self.session
        photos: dict[int, list[Photo]] = {}
        ids = [t.id for t in tickets]
        if ids:
            for p in s.exec(
                select(Photo).where(col(Photo.ticket_id).in_(ids)).order_by(col(Photo.id))
            ):
                photos.setdefault(p.ticket_id, []).append(p)
        users = _by_id(
            s,
            User,
            {u for t in tickets for u in (t.assignee_id, t.reporter_id)}
            | {p.uploaded_by_id for ps in photos.values() for p in ps},
        )
        roads = _by_id(
            s,
            Road,
            {t.road_id for t in tickets}
            | {c.get("road_id") for t in tickets for c in t.route_candidates},
        )
        grids = _by_id(s, Grid, {c.get("grid_id") for t in tickets for c in t.route_candidates})
        zones = _by_id(s, Zone, {t.zone_id for t in tickets})
        departments = _by_id(
            s, Department, {d for t in tickets for d in (t.department_id, t.lead_department_id)}
        )
        originals = _by_id(s, Ticket, {t.duplicate_of_id for t in tickets})
        return [
            self._one(t, users, roads, grids, zones, departments, originals, photos)
            for t in tickets
        ]

    def one(self, ticket: Ticket, with_events: bool = False) -> dict[str, Any]:
        data = self.many([ticket])[0]
        if with_events:
            events = list(
                self.session.exec(
                    select(Event).where(Event.ticket_id == ticket.id).order_by(col(Event.id))
                )
            )
            actors = _by_id(self.session, User, {e.actor_id for e in events})
            data["events"] = [
                {
                    "id": e.id,
                    "action": e.action,
                    "from_status": e.from_status,
                    "to_status": e.to_status,
                    "note": e.note,
                    "data": e.data,
                    "actor": _user(actors.get(e.actor_id)),  # type: ignore[arg-type]
                    "created_at": _iso(e.created_at),
                    "hash": e.hash,
                }
                for e in events
            ]
            # Pictures a client system linked to when it reported (Open311 media_url): the
            # report joined this ticket on accept or merge; the link goes with the decision.
            data["media_urls"] = [e.data["media_url"] for e in events if e.data.get("media_url")]
        return data

    def _one(
        self,
        t: Ticket,
        users: dict,
        roads: dict,
        grids: dict,
        zones: dict,
        departments: dict,
        originals: dict,
        photos: dict,
    ) -> dict[str, Any]:
        category = self.categories.get(t.category_code)
        lamp = light(self.clock, t, category, self.now)
        original = originals.get(t.duplicate_of_id) if t.duplicate_of_id else None
        return {
            "id": t.id,
            "number": t.number,
            "status": t.status,
            "status_label": STATUS_LABELS[Status(t.status)],
            "category": t.category_code,
            "category_name": category.name if category else None,
            "description": t.description,
            "lat": t.lat,
            "lon": t.lon,
            "accuracy_m": t.accuracy_m,
            "road": _named(roads.get(t.road_id)),  # type: ignore[arg-type]
            "zone": _named(zones.get(t.zone_id)),  # type: ignore[arg-type]
            "assignee": _user(users.get(t.assignee_id)),  # type: ignore[arg-type]
            "department": _dept(departments.get(t.department_id)),  # type: ignore[arg-type]
            "lead_department": _dept(departments.get(t.lead_department_id)),  # type: ignore[arg-type]
            "reporter": _user(users.get(t.reporter_id)),
            "captured_at": _iso(t.captured_at),
            "received_at": _iso(t.received_at),
            "updated_at": _iso(t.updated_at),
            "assigned_at": _iso(t.assigned_at),
            "due_at": _iso(t.due_at),
            "rectified_at": _iso(t.rectified_at),
            "closed_at": _iso(t.closed_at),
            "closed_in_time": t.closed_in_time,
            "light": lamp,
            "overdue": lamp == "red",
            "rework_count": t.rework_count,
            "escalation_level": t.escalation_level,
            "flags": t.flags,
            "route_candidates": [
                {
                    "road_id": c["road_id"],
                    "road_name": roads[c["road_id"]].name if c["road_id"] in roads else None,
                    "distance_m": c["distance_m"],
                }
                for c in t.route_candidates
                if "road_id" in c
            ],
            "grid_id": t.grid_id,
            # A report on no road near the edge of two grids: the grids it could belong to.
            "grid_candidates": [
                {
                    "grid_id": c["grid_id"],
                    "grid_name": grids[c["grid_id"]].name if c["grid_id"] in grids else None,
                    "chief_id": grids[c["grid_id"]].chief_id if c["grid_id"] in grids else None,
                    "distance_m": c["distance_m"],
                }
                for c in t.route_candidates
                if "grid_id" in c
            ],
            "duplicate_of": {"id": original.id, "number": original.number} if original else None,
            # Who took each photo: a 整改前 photo may come from another inspector (add_photo).
            "photos": [
                {**photo_public(p), "uploaded_by": _user(users.get(p.uploaded_by_id))}
                for p in photos.get(t.id, [])  # type: ignore[arg-type]
            ],
            "can": available_actions(self.actor, t) if self.actor else {},
        }


def _named(row: Road | Zone | None) -> dict[str, Any] | None:
    return {"id": row.id, "name": row.name} if row else None


def _user(user: User | None) -> dict[str, Any] | None:
    return {"id": user.id, "username": user.username, "name": user.name} if user else None


def _dept(dept: Department | None) -> dict[str, Any] | None:
    return {"id": dept.id, "code": dept.code, "name": dept.name} if dept else None
