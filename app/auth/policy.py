"""Who may do what — the whole authorisation story of RoadChief in one file.

- inspectors, supervisors and admins see every ticket; a chief sees the tickets of their
  jurisdiction (level 3: their roads; level 2: their zone; level 1: their town) and any
  ticket assigned or escalated to them; department staff see tickets handed to their department.
- Anyone signed in may report a problem.
- rectify / handoff: the assignee, staff of the department it was handed to, or a chief above.
- verify: inspectors and supervisors (核查), never the person who rectified it.
- dispatch / dismiss / escalate: supervisors and admins (指挥部).
- add a photo to an open ticket (the same problem found again): anyone who sees it and may
  report, i.e. everyone but a read-only 挂包领导.
- county (issue 13): a 网格长 answers for the tickets on no road in their grids; a 挂包领导
  (role leader) sees, read-only, every ticket of the zones they follow and those escalated to
  them, and acts on none.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.org.models import Grid, Road, Role, User, Zone
from app.tickets.models import OPEN_STATUSES, Status, Ticket

if TYPE_CHECKING:
    from app.evaluation.models import Round as EvalRound


@dataclass(frozen=True)
class Jurisdiction:
    """The roads, zones and towns a user answers for."""

    road_ids: frozenset[int] = field(default_factory=frozenset)
    zone_ids: frozenset[int] = field(default_factory=frozenset)
    area_ids: frozenset[int] = field(default_factory=frozenset)
    # Grids count only for tickets on no road: a road's problems stay with its road chief.
    grid_ids: frozenset[int] = field(default_factory=frozenset)

    def covers(self, ticket: Ticket) -> bool:
        return (
            (ticket.road_id is not None and ticket.road_id in self.road_ids)
            or (ticket.zone_id is not None and ticket.zone_id in self.zone_ids)
            or (ticket.area_id is not None and ticket.area_id in self.area_ids)
            or (ticket.road_id is None and ticket.grid_id in self.grid_ids)
        )


def jurisdiction_of(session: Session, user: User) -> Jurisdiction:
    if user.role == Role.leader and user.id is not None:
        return _leader_jurisdiction(session, user.id)
    if user.role != Role.chief or user.id is None:
        return Jurisdiction()
    if user.level == 1:
        return Jurisdiction(area_ids=frozenset({user.area_id} if user.area_id else ()))
    zones = frozenset(z for z in session.exec(select(Zone.id).where(Zone.chief_id == user.id)) if z)
    roads = {r for r in session.exec(select(Road.id).where(Road.chief_id == user.id)) if r}
    if zones:
        # A zone chief answers for the zone's roads too, even ones snapped just outside it.
        roads |= {r for r in session.exec(select(Road.id).where(col(Road.zone_id).in_(zones))) if r}
    grids = frozenset(g for g in session.exec(select(Grid.id).where(Grid.chief_id == user.id)) if g)
    return Jurisdiction(road_ids=frozenset(roads), zone_ids=zones, grid_ids=grids)


# --- county (issue 13): 挂包领导 read-only over their zones --------------------------------


def _leader_jurisdiction(session: Session, user_id: int) -> Jurisdiction:
    zones = frozenset(
        z for z in session.exec(select(Zone.id).where(Zone.leader_id == user_id)) if z
    )
    roads = (
        frozenset(r for r in session.exec(select(Road.id).where(col(Road.zone_id).in_(zones))) if r)
        if zones
        else frozenset()
    )
    return Jurisdiction(road_ids=roads, zone_ids=zones)


def is_reader(actor: "Actor", ticket: Ticket) -> bool:
    """A 挂包领导 sees their zones' tickets and those escalated to them, and changes nothing."""
    return actor.role == Role.leader and (
        ticket.escalated_to_id == actor.user.id or actor.jurisdiction.covers(ticket)
    )


@dataclass(frozen=True)
class Actor:
    """A signed-in user together with what they answer for."""

    user: User
    jurisdiction: Jurisdiction

    @property
    def role(self) -> Role:
        return self.user.role

    def is_command(self, _ticket: Ticket | None = None) -> bool:
        return self.user.role in (Role.supervisor, Role.admin)

    def is_responsible(self, ticket: Ticket) -> bool:
        """The ticket is theirs to fix: assigned to them, their department's, or below them."""
        user = self.user
        if user.role == Role.leader:
            return False
        if ticket.assignee_id == user.id or ticket.escalated_to_id == user.id:
            return True
        if user.role == Role.department:
            return ticket.department_id is not None and ticket.department_id == user.department_id
        return user.role == Role.chief and self.jurisdiction.covers(ticket)


def can_view(actor: Actor, ticket: Ticket) -> bool:
    if actor.role in (Role.inspector, Role.supervisor, Role.admin):
        return True
    return actor.is_responsible(ticket) or is_reader(actor, ticket)


def can_view_ticket(user: User, ticket: Ticket, session: Session | None = None) -> bool:
    """For callers that hold only a user (photo serving)."""
    if user.role in (Role.inspector, Role.supervisor, Role.admin):
        return True
    jurisdiction = jurisdiction_of(session, user) if session is not None else Jurisdiction()
    return can_view(Actor(user, jurisdiction), ticket)


def _can_verify(actor: Actor, ticket: Ticket) -> bool:
    return (
        actor.role in (Role.inspector, Role.supervisor) and ticket.rectified_by_id != actor.user.id
    )


# action → (who may do it, the states it applies to)
RULES: dict[str, tuple[Callable[[Actor, Ticket], bool], frozenset[Status]]] = {
    "rectify": (Actor.is_responsible, frozenset({Status.assigned})),
    "handoff": (
        lambda a, t: a.role == Role.chief and a.is_responsible(t),
        frozenset({Status.assigned}),
    ),
    "verify": (_can_verify, frozenset({Status.rectified})),
    "dispatch": (Actor.is_command, frozenset({Status.pending, Status.assigned})),
    "dismiss": (Actor.is_command, frozenset(OPEN_STATUSES)),
    "escalate": (Actor.is_command, frozenset({Status.assigned})),
    "add_photo": (lambda a, _t: a.role != Role.leader, frozenset(OPEN_STATUSES)),
}


def may(actor: Actor, action: str, ticket: Ticket) -> bool:
    """Allowed for this user (regardless of the ticket's state)."""
    allowed, _states = RULES[action]
    return allowed(actor, ticket)


def applies(action: str, ticket: Ticket) -> bool:
    """The action fits the ticket's current state."""
    return ticket.status in RULES[action][1]


def available_actions(actor: Actor, ticket: Ticket) -> dict[str, bool]:
    return {a: may(actor, a, ticket) and applies(a, ticket) for a in RULES}


# ---- 测评 rounds (issue 10): unannounced until closed --------------------------------------
# Supervisors and admins see every round. Inspectors see the rounds they inspect, and closed
# ones. Chiefs and department staff see a round only once it is closed (published) — an open
# round, its sites and its inspectors are a 404 to them, as for tickets they may not see —
# except their own 自查 (self-check), which they create, inspect and close themselves.


def owns_self_check(user: User, rnd: "EvalRound") -> bool:
    return (rnd.self_chief_id is not None and rnd.self_chief_id == user.id) or (
        rnd.self_department_id is not None
        and user.role == Role.department
        and rnd.self_department_id == user.department_id
    )


def can_view_round(actor: Actor, rnd: "EvalRound", inspector_ids: set[int]) -> bool:
    user = actor.user
    if actor.is_command() or owns_self_check(user, rnd):
        return True
    if user.role == Role.inspector and user.id in inspector_ids:
        return True
    return rnd.status == "closed"


def may_score_round(actor: Actor, rnd: "EvalRound", inspector_ids: set[int]) -> bool:
    """Submit sheets and survey answers: the round's inspectors, the command centre, or the
    unit itself on its 自查."""
    return actor.is_command() or actor.user.id in inspector_ids or owns_self_check(actor.user, rnd)


def may_close_round(actor: Actor, rnd: "EvalRound") -> bool:
    return actor.is_command() or owns_self_check(actor.user, rnd)


# --- Citizens and the public boards (issue 11) ---------------------------------------------
# Citizens need no account: a signed tracking link is their only key, to their own report.
# Triage (受理), reviews of 不满意 ratings and publishing to the 曝光台 are the command centre's.


def may_triage(actor: Actor) -> bool:
    return actor.is_command()


def may_publish(actor: Actor) -> bool:
    return actor.is_command()
