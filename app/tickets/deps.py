"""Load a ticket once: 404 missing or not visible, 403 not yours, 409 wrong state."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header
from sqlmodel import Session

from app.auth.deps import CurrentActor
from app.auth.policy import Actor, applies, load_visible, may
from app.core.db import SessionDep
from app.core.errors import Conflict, Forbidden, Invalid, NotFound
from app.ledger.models import Event
from app.tickets.flows import check_replay, prior_action
from app.tickets.models import Ticket

ACTION_NAMES = {
    "rectify": "rectify (整改)",
    "verify": "verify (核查)",
    "handoff": "hand over to a department",
    "dispatch": "dispatch (派遣)",
    "dismiss": "dismiss (作废)",
    "escalate": "escalate (督办)",
    "add_photo": "add a photo to",
}
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def idempotency_key(
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="a UUID made on the phone; a retry with the same key does nothing twice",
            json_schema_extra={"pattern": KEY_PATTERN.pattern},
        ),
    ] = None,
) -> str | None:
    if key is not None and not KEY_PATTERN.match(key):
        raise Invalid("Idempotency-Key must be 8–64 letters, digits, '-' or '_' (a UUID)")
    return key


def required_idempotency_key(key: Annotated[str | None, Depends(idempotency_key)]) -> str:
    if key is None:
        raise Invalid("the Idempotency-Key header is required (a UUID made on the phone)")
    return key


OptionalKey = Annotated[str | None, Depends(idempotency_key)]
RequiredKey = Annotated[str, Depends(required_idempotency_key)]


def visible_ticket(ticket_id: int, session: SessionDep, actor: CurrentActor) -> Ticket:
    ticket = load_visible(session, actor, ticket_id)
    if ticket is None:
        raise NotFound(f"ticket {ticket_id} not found")
    return ticket


@dataclass(frozen=True)
class Target:
    """The ticket an action is for; `prior` when the phone is retrying an action already done."""

    ticket: Ticket
    prior: Event | None = None

    @property
    def replayed(self) -> bool:
        return self.prior is not None


def _check(actor: Actor, action: str, ticket: Ticket) -> None:
    if not may(actor, action, ticket):
        raise Forbidden(f"you may not {ACTION_NAMES[action]} ticket {ticket.number}")
    if not applies(action, ticket):
        raise Conflict(
            f"ticket {ticket.number} is {ticket.status}: you cannot {ACTION_NAMES[action]} it now",
            status=ticket.status,
        )


def ticket_for(action: str) -> Callable[..., Target]:
    """A dependency giving the ticket if this user may `action` it now (read only, no lock).

    The handler checks again under the lock with `relock`, inside its write transaction.
    """

    def load(ticket_id: int, session: SessionDep, actor: CurrentActor, key: OptionalKey) -> Target:
        ticket = load_visible(session, actor, ticket_id)
        if ticket is None:
            raise NotFound(f"ticket {ticket_id} not found")
        prior = prior_action(session, key, ticket, actor.user)
        if prior is not None:
            return Target(ticket, prior)
        _check(actor, action, ticket)
        return Target(ticket)

    return load


def relock(
    session: Session,
    actor: Actor,
    action: str,
    ticket: Ticket,
    key: str | None = None,
    fingerprint: str | None = None,
) -> bool:
    """Inside write_transaction: re-read the ticket under lock and check again.

    True when another request under the same key did the action meanwhile (then do nothing).
    """
    session.refresh(ticket, with_for_update=True)
    prior = prior_action(session, key, ticket, actor.user)
    if prior is not None:
        check_replay(prior, fingerprint)
        return True
    _check(actor, action, ticket)
    return False


VisibleTicket = Annotated[Ticket, Depends(visible_ticket)]
