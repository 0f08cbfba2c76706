"""Signing in and out, through the write runner (app.core.actions)."""

from sqlmodel import Session

from app.auth.models import AuthSession
from app.auth.service import begin_attempt, check_password, fresh_hash, open_session
from app.core.actions import run, short_write
from app.core.errors import Unauthenticated
from app.core.timeutil import utcnow


def sign_in(
    session: Session, username: str, password: str, address: str, user_agent: str = ""
) -> tuple[AuthSession, str]:
    """A new session and its bearer token; 401 for a wrong password, 429 past the limits.

    The attempt is counted first (a short write), the slow hash is checked (and an older one
    made afresh) with no transaction open, and a right password opens the session in a second
    short write.
    """
    attempt = short_write(session, lambda s: begin_attempt(s, username, address)).result
    user = check_password(session, username, password)
    if user is None:
        raise Unauthenticated("wrong username or password")  # the attempt stays counted
    new_hash = fresh_hash(user, password)  # an older hash is replaced: slow too, so here
    return short_write(
        session, lambda s: open_session(s, user, new_hash, attempt, user_agent)
    ).result


def sign_out(session: Session, row: AuthSession) -> None:
    """Revoke the session at once (its cookie and bearer token stop working)."""

    def revoke(s: Session, _: None) -> None:
        s.refresh(row)
        row.revoked_at = utcnow()

    run(session, write=revoke)
