"""What can be done to a ticket, each a read → prepare → one short write (app.core.actions.run).

Views, the CLI, the demo, jobs and other domains call these, never a flow inside a
transaction of their own. Photos come as a request's uploads (their bytes are the
fingerprint; decoded only when the request is not a replay) or already prepared (the demo).
Every action returns `Done(ticket, created)`; ``created`` is False for a replay.
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TypedDict

from fastapi import UploadFile
from sqlmodel import Session

from app.auth.policy import Actor, applies, may
from app.core.actions import Done, Prior, fingerprint, replayed, run, short_write
from app.core.db import release_reads
from app.core.errors import Conflict, Forbidden, Invalid
from app.photos.models import PhotoKind
from app.photos.service import (
    Caption,
    PreparedPhoto,
    StoredPhoto,
    photo_digests,
    prepare_photos,
    store_photos,
)
from app.tickets import filing, flows
from app.tickets.evidence import caption_of
from app.tickets.filing import Filer, Report
from app.tickets.models import Ticket


class Sent(TypedDict, total=False):
    """What the phone sent with a photo about itself (evidence.caption_of)."""

    at: tuple[float, float, float | None] | None
    captured_at: datetime | None


Photos = Sequence[UploadFile] | Sequence[PreparedPhoto]

ACTION_NAMES = {
    "rectify": "rectify (整改)",
    "verify": "verify (核查)",
    "handoff": "hand over to a department",
    "dispatch": "dispatch (派遣)",
    "dismiss": "dismiss (作废)",
    "escalate": "escalate (督办)",
    "add_photo": "add a photo to",
}


def check_may(actor: Actor, action: str, ticket: Ticket) -> None:
    """403 when this user may not do ``action`` to the ticket, 409 when its state forbids it."""
    if not may(actor, action, ticket):
        raise Forbidden(f"you may not {ACTION_NAMES[action]} ticket {ticket.number}")
    if not applies(action, ticket):
        raise Conflict(
            f"ticket {ticket.number} is {ticket.status}: you cannot {ACTION_NAMES[action]} it now",
            status=ticket.status,
        )


def _uploads(photos: Photos) -> list[UploadFile]:
    return [p for p in photos if not isinstance(p, PreparedPhoto)]


def _digests(photos: Photos) -> list[str]:
    """Uploads are compared by their bytes as received: a replay is never decoded."""
    prepared = [p.sha256 for p in photos if isinstance(p, PreparedPhoto)]
    return prepared or photo_digests(_uploads(photos))


def _prepared(photos: Photos) -> list[PreparedPhoto]:
    uploads = _uploads(photos)
    if uploads or not photos:
        return prepare_photos(uploads)  # 422 for none: the callers that need none pass none
    return [p for p in photos if isinstance(p, PreparedPhoto)]


# --- filing --------------------------------------------------------------------------------


def report(session: Session, filer: Filer, data: Report, photos: Photos, key: str) -> Done[Ticket]:
    """当场下单: file a report and route it (or send it where the filer says).

    The same key and body again → the first ticket (``created`` False); another body → 422.
    """
    digests = _digests(photos)
    done = replayed(filing.filed(session, key), data.fingerprint(filer.reporter.id, digests))  # type: ignore[arg-type]
    if done is not None:
        return done
    planned = filing.plan(session, filer, data, key, digests)  # checks and routing, once
    release_reads(session)  # the photo slot may be a wait: not while holding a connection
    prepared = _prepared(photos)
    claim = short_write(session, lambda s: filing.claim(s, planned)).result
    if claim.ticket is not None:
        return Done(claim.ticket, created=False)
    stored = store_photos(prepared, PhotoKind.before, claim.caption())
    ticket, created = short_write(session, lambda s: filing.record(s, claim, stored)).result
    return Done(ticket, created)


# --- transitions ---------------------------------------------------------------------------

Apply = Callable[[Session, list[StoredPhoto], str], object]  # (session, stored, fingerprint)


def _prior(ticket: Ticket, actor: Actor) -> Callable[[Session, str], Prior[Ticket] | None]:
    """What an earlier request under the key did to this ticket (422 for another ticket/user)."""

    def find(session: Session, key: str) -> Prior[Ticket] | None:
        event = flows.prior_action(session, key, ticket, actor.user)
        return None if event is None else Prior(event.data.get("request_fingerprint"), ticket)

    return find


def _transition(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    key: str | None,
    action: str,
    fields: Mapping[str, object],
    apply: Apply,
    photos: Photos = (),
    kind: PhotoKind | None = None,
    sent: Sent | None = None,
) -> Done[Ticket]:
    """Replay, check, store the photos with no lock, then relock, check again and apply."""
    if kind is not None:
        fields = {**fields, "photos": _digests(photos)}
    fp = fingerprint(action, actor.user.id, **fields)

    def read() -> Caption | None:
        check_may(actor, action, ticket)
        if kind in (PhotoKind.before, PhotoKind.after) and not photos:
            raise Invalid("at least one photo is required")
        if kind is None or not photos:
            return None
        return caption_of(ticket, session, actor.user, **(sent or {}))

    def prepare(caption: Caption | None) -> list[StoredPhoto]:
        if caption is None or kind is None:
            return []
        return store_photos(_prepared(photos), kind, caption)

    def write(s: Session, stored: list[StoredPhoto]) -> Ticket:
        check_may(actor, action, ticket)  # again, under the lock: it may have moved meanwhile
        apply(s, stored, fp)
        return ticket

    return run(
        session,
        key=key,
        fingerprint=fp,
        prior=_prior(ticket, actor),
        read=read,
        prepare=prepare,
        lock=lambda s: s.refresh(ticket, with_for_update=True),
        write=write,
    )


def rectify(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    *,
    note: str,
    photos: Photos,
    key: str | None,
    at: tuple[float, float, float | None] | None = None,
    captured_at: datetime | None = None,
) -> Done[Ticket]:
    """整改: the after-photo(s); the ticket waits for verification. `at` and `captured_at` are
    where the chief's phone was and when it took the photo: the watermark's place and time when
    the file has none."""
    note = note.strip()
    return _transition(
        session, actor, ticket, key, "rectify", {"note": note},
        lambda s, stored, fp: flows.rectify(s, actor, ticket, note, stored, key, fp),
        photos, PhotoKind.after, {"at": at, "captured_at": captured_at},
    )  # fmt: skip


def add_photo(
    session: Session, actor: Actor, ticket: Ticket, *, note: str, photos: Photos, key: str | None
) -> Done[Ticket]:
    """The same problem found again: the photos join the open ticket as 整改前 evidence."""
    note = note.strip()
    return _transition(
        session, actor, ticket, key, "add_photo", {"note": note},
        lambda s, stored, fp: flows.add_photos(s, actor, ticket, note, stored, key, fp),
        photos, PhotoKind.before,
    )  # fmt: skip


def verify(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    *,
    approved: bool,
    note: str,
    photos: Photos = (),
    at: tuple[float, float, float | None] | None = None,
    key: str | None = None,
) -> Done[Ticket]:
    """核查: approve (closed) or reject (back to the assignee, rework +1); ``at`` is where the
    verifier stands, recorded and flagged when far."""
    note = note.strip()
    return _transition(
        session, actor, ticket, key, "verify", {"approved": approved, "note": note, "at": at},
        lambda s, stored, fp: flows.verify(s, actor, ticket, approved, note, stored, key, at, fp),
        photos, PhotoKind.verify,
    )  # fmt: skip


def handoff(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    *,
    department_id: int,
    note: str,
    key: str | None = None,
) -> Done[Ticket]:
    """A chief hands the ticket to a functional department (职能部门) with a reason."""
    return _transition(
        session, actor, ticket, key, "handoff", {"department_id": department_id, "note": note},
        lambda s, _stored, fp: flows.handoff(s, actor, ticket, department_id, note, key, fp),
    )  # fmt: skip


def dispatch(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    *,
    road_id: int | None = None,
    grid_id: int | None = None,
    assignee_id: int | None = None,
    department_id: int | None = None,
    note: str = "",
    key: str | None = None,
) -> Done[Ticket]:
    """派遣: send a pending ticket to a road, grid, chief or department, or re-route it."""
    to = {"road_id": road_id, "grid_id": grid_id, "assignee_id": assignee_id,
          "department_id": department_id}  # fmt: skip
    return _transition(
        session, actor, ticket, key, "dispatch", {**to, "note": note},
        lambda s, _stored, fp: flows.dispatch(
            s, actor, ticket, road_id=road_id, assignee_id=assignee_id,
            department_id=department_id, note=note, grid_id=grid_id, key=key, fingerprint=fp,
        ),
    )  # fmt: skip


def dismiss(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    *,
    reason: str,
    duplicate_of: int | None = None,
    note: str = "",
    key: str | None = None,
) -> Done[Ticket]:
    """作废: invalid, or a duplicate merged into its original; both stay on the ledger."""
    fields = {"reason": reason, "duplicate_of": duplicate_of, "note": note}
    return _transition(
        session, actor, ticket, key, "dismiss", fields,
        lambda s, _stored, fp: flows.dismiss(
            s, actor, ticket, reason, duplicate_of, note, key, fp
        ),
    )  # fmt: skip


def merge(
    session: Session, actor: Actor, ticket: Ticket, *, into: int, note: str = "",
    key: str | None = None,
) -> Done[Ticket]:  # fmt: skip
    """合并: a duplicate follows its original (dismissed as a duplicate of it)."""
    return dismiss(
        session, actor, ticket, reason="duplicate", duplicate_of=into, note=note, key=key
    )


def escalate(
    session: Session, actor: Actor, ticket: Ticket, *, note: str = "", key: str | None = None
) -> Done[Ticket]:
    """督办 by hand: one chief level up (422 when there is no one higher)."""

    def apply(s: Session, _stored: list[StoredPhoto], fp: str) -> None:
        if flows.escalate(s, actor.user.id, ticket, note, key, fp) is None:
            raise Invalid("there is no chief above the current one")

    return _transition(session, actor, ticket, key, "escalate", {"note": note}, apply)


def escalate_by_clock(session: Session, ticket: Ticket, note: str = "逾期自动督办") -> Ticket:
    """督办 by the clock, no one's hand: one level up, if there is anyone higher."""

    def apply(s: Session) -> Ticket:
        s.refresh(ticket, with_for_update=True)
        flows.escalate(s, None, ticket, note)
        return ticket

    return short_write(session, apply).result


def escalate_overdue(session: Session) -> int:
    """The sweep: every overdue ticket one level up per time limit it overran (a short write)."""
    return short_write(session, flows.escalate_overdue).result
