"""What other domains do when the org chart or an account changes, without org importing them.

Org sits below routing, auth's sessions and evaluation; each registers here when its module
is imported, and org's actions (`app.org.actions`) fire the hooks, so no caller refreshes
anything by hand:

- `on_roads_changed(fn)`: ``fn(session, road_ids)`` runs inside the write transaction that
  created, re-drew or re-assigned these roads (None: any, after an import); evaluation keeps
  one 测评 site per road: rows that must commit with the change, or not at all.
- `after_map_commit(fn)`: ``fn()`` runs once a transaction that changed roads, zones or grids
  has committed (routing drops its cached index; other processes notice by `updated_at`).
- `on_access_revoked(fn)`: ``fn(session, user_id)`` runs inside the transaction that disabled
  an account or reset its password (auth ends the person's sessions).
"""

from collections.abc import Callable, Collection

from sqlmodel import Session

from app.core.db import on_commit

RoadsHook = Callable[[Session, Collection[int] | None], object]

_roads_changed: list[RoadsHook] = []
_after_map_commit: list[Callable[[], None]] = []
_access_revoked: list[Callable[[Session, int], object]] = []


def on_roads_changed(fn: RoadsHook) -> None:
    if fn not in _roads_changed:
        _roads_changed.append(fn)


def after_map_commit(fn: Callable[[], None]) -> None:
    if fn not in _after_map_commit:
        _after_map_commit.append(fn)


def on_access_revoked(fn: Callable[[Session, int], object]) -> None:
    if fn not in _access_revoked:
        _access_revoked.append(fn)


def map_changed(session: Session) -> None:
    """Zones or grids changed in this transaction (roads: `roads_changed`)."""
    for fn in _after_map_commit:
        on_commit(session, fn)


def roads_changed(session: Session, road_ids: Collection[int] | None = None) -> None:
    """These roads (None: any) changed in this transaction: the hooks write their rows now,
    caches drop once it commits."""
    session.flush()
    for fn in _roads_changed:
        fn(session, road_ids)
    map_changed(session)


def access_revoked(session: Session, user_id: int) -> None:
    """Sessions of a disabled account, or of one whose password was reset, end now."""
    if not _access_revoked:
        # Never a silent no-op: a disabled account that stays signed in is a security hole.
        raise RuntimeError("no session store registered (import app.auth.service)")
    for fn in _access_revoked:
        fn(session, user_id)
