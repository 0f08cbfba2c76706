"""Rendered answers of the public read paths (曝光台 pages, Open311 lists), reused while valid.

Each process keeps the last answers it rendered, with the version of the data they were made
from. Every request reads the current version first (one statement over three primary-key or
small-table look-ups) and reuses an answer only if the version is unchanged, so a change made
through any process is seen by the next request of every process:

- every change of a ticket appends a ledger event in the same transaction (app.tickets.flows,
  triage, ratings, admin edits of roads, zones and categories), so the ledger's head moves;
- publishing adds a publication row, withdrawing stamps one (the only two changes they see).

What the ledger does not see — a road renamed by the `roadchief import` CLI, the 90-day window
of Open311 lists moving with the clock — is bounded by `MAX_AGE_S`.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from sqlalchemy import func, select
from sqlmodel import Session, col

from app.citizens.models import Publication
from app.ledger.models import Event

MAX_AGE_S = 60.0
ENTRIES = 64  # an Open311 list is ≈ 0.5 MB; a board page a few kB


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    etag: str
    made: float

    def response(self, request: Request, cache_control: str) -> Response:
        """200 with the body, or 304 when the client holds this very answer."""
        headers = {"ETag": self.etag, "Cache-Control": cache_control}
        if self.etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type=self.media_type, headers=headers)


def data_version(session: Session) -> tuple[Any, ...]:
    """What the public answers depend on, read in one statement (indexes and a small table).

    The ledger's head hash stands for the whole history of every ticket (it chains them all),
    so even an id reused after a rolled-back transaction cannot pass for the same data.
    """
    head = select(col(Event.hash)).order_by(col(Event.id).desc()).limit(1).scalar_subquery()
    publications = select(
        func.max(Publication.id),
        func.max(Publication.published_at),
        func.count(col(Publication.withdrawn_at)),
        func.max(Publication.withdrawn_at),
    ).subquery()
    row = session.exec(select(head, publications)).one()  # type: ignore[call-overload]
    return (str(session.get_bind().engine.url), *row)


class PublicCache:
    """The last `ENTRIES` answers of this process, least recently used dropped first."""

    def __init__(self, entries: int = ENTRIES, max_age_s: float = MAX_AGE_S) -> None:
        self.entries = entries
        self.max_age_s = max_age_s
        self._answers: OrderedDict[Hashable, tuple[tuple[Any, ...], Answer]] = OrderedDict()
        self._lock = threading.Lock()

    def answer(
        self,
        session: Session,
        key: Hashable,
        render: Callable[[], tuple[bytes, str]],
    ) -> Answer:
        """The answer for `key` at the current data version, rendered only when needed."""
        version = data_version(session)
        now = time.monotonic()
        with self._lock:
            held = self._answers.get(key)
            if held is not None and held[0] == version and now - held[1].made < self.max_age_s:
                self._answers.move_to_end(key)
                return held[1]
        body, media_type = render()
        answer = Answer(body, media_type, f'W/"{hashlib.sha256(body).hexdigest()[:32]}"', now)
        with self._lock:
            self._answers[key] = (version, answer)
            self._answers.move_to_end(key)
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)
        return answer

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()


public_answers = PublicCache()
