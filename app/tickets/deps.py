"""Load a ticket once (404 missing or not visible) and read the Idempotency-Key header.

Whether this user may act on it now (403, 409) is the action's to say: app.tickets.actions.
"""

import re
from typing import Annotated

from fastapi import Depends, Header

from app.auth.deps import CurrentActor
from app.auth.policy import load_visible
from app.core.db import SessionDep
from app.core.errors import Invalid, NotFound
from app.tickets.models import Ticket

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


VisibleTicket = Annotated[Ticket, Depends(visible_ticket)]
