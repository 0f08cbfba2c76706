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

from sqlalchemy import ColumnElement, and_, false, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.org.models import Grid, Road, Role, User, Zone
from app.tickets.models import OPEN_STATUSES, Status, Ticket

if TYPE_CHECKING:
    from app.evaluation.models import Round as EvalRound


SEES_ALL = (Role.inspector, Role.supervisor, Role.admin)


@dataclass(frozen=True)
class Jurisdiction:
    """The roads, zones and towns a user answers for."""

    road_ids: frozenset[int] = field(default_factory=frozenset)
    zone_ids: frozenset[int] = field(default_factory=frozenset)
    area_ids: frozenset[int] = field(default_factory=frozenset)
    # Grids count only for tickets on no road: a road's problems stay with its road chief.
    grid_ids: frozenset[int] = field(default_factory=frozenset)


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


# --- who may see a ticket: one rule, read by SQL (lists, single loads) and by Python -------


@dataclass(frozen=True)
class Term:
    """One way a ticket can be someone's: its `column` holds one of `values` (and, for a grid,
    the ticket is on no road: a road's problems stay with its road chief)."""

    column: str
    values: frozenset[int]
    off_road: bool = False

    def clause(self) -> ColumnElement[bool]:
        column = col(getattr(Ticket, self.column))
        match = column.in_(self.values)
        return and_(col(Ticket.road_id).is_(None), match) if self.off_road else match

    def holds(self, ticket: Ticket) -> bool:
        value = getattr(ticket, self.column)
        return value in self.values and not (self.off_road and ticket.road_id is not None)


def _jurisdiction_terms(j: Jurisdiction) -> list[Term]:
    terms = [
        Term("road_id", j.road_ids),
        Term("zone_id", j.zone_ids),
        Term("area_id", j.area_ids),
        Term("grid_id", j.grid_ids, off_road=True),
    ]
    return [t for t in terms if t.values]


def responsible_terms(actor: "Actor") -> list[Term]:
    """The ticket is theirs to fix: assigned or escalated to them, their department's, or in
    their jurisdiction (chiefs). A 挂包领导 is responsible for nothing."""
    user = actor.user
    if user.role == Role.leader or user.id is None:
        return []
    me = frozenset({user.id})
    terms = [Term("assignee_id", me), Term("escalated_to_id", me)]
    if user.role == Role.department and user.department_id:
        terms.append(Term("department_id", frozenset({user.department_id})))
    if user.role == Role.chief:
        terms += _jurisdiction_terms(actor.jurisdiction)
    return terms


def visible_terms(actor: "Actor") -> list[Term] | None:
    """Who may see a ticket; None: every ticket (inspectors, supervisors, admins).

    A 挂包领导 reads their zones' tickets and those escalated to them; everyone else sees
    what they are responsible for."""
    if actor.role in SEES_ALL:
        return None
    if actor.role == Role.leader:
        uid = frozenset({actor.user.id}) if actor.user.id is not None else frozenset()
        return [Term("escalated_to_id", uid), *_jurisdiction_terms(actor.jurisdiction)]
    return responsible_terms(actor)


def _any(terms: list[Term]) -> ColumnElement[bool]:
    return or_(*(t.clause() for t in terms)) if terms else false()


def visible_clause(actor: "Actor") -> ColumnElement[bool] | None:
    """The tickets this actor may see, as a WHERE clause (None: all of them)."""
    terms = visible_terms(actor)
    return None if terms is None else _any(terms)


def responsible_clause(actor: "Actor") -> ColumnElement[bool]:
    """The tickets this actor must fix, as a WHERE clause (their inbox)."""
    return _any(responsible_terms(actor))


def visible_query(actor: "Actor", ticket_id: int) -> SelectOfScalar[Ticket]:
    """One ticket if this actor may see it: single reads use the lists' clause."""
    query = select(Ticket).where(col(Ticket.id) == ticket_id)
    visible = visible_clause(actor)
    return query if visible is None else query.where(visible)


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
        """The ticket is theirs to fix (responsible_terms, read in Python)."""
        return any(t.holds(ticket) for t in responsible_terms(self))


def can_view(actor: Actor, ticket: Ticket) -> bool:
    """visible_terms read in Python, for a ticket already loaded (lists and loads use SQL)."""
    terms = visible_terms(actor)
    return terms is None or any(t.holds(ticket) for t in terms)


def load_visible(session: Session, actor: Actor, ticket_id: int) -> Ticket | None:
    """The ticket if this actor may see it, else None (the caller answers 404)."""
    return session.exec(visible_query(actor, ticket_id)).first()


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
# Supervisors and admins see every round. Its inspectors see the rounds they inspect — a chief
# or department staff named one too — and closed ones. Other chiefs and department staff see a
# round only once it is closed (published) — an open round, its sites and its inspectors are a
# 404 to them, as for tickets they may not see — except their own 自查 (self-check), which they
# create, inspect and close themselves.


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
    if user.id in inspector_ids:  # whoever the round names to score it, a chief too
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
