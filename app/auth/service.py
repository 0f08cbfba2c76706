"""Sign-in, server-side sessions and login throttling."""

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import Session, col, delete, func, select

from app.auth.models import AuthSession, LoginFailure
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.core.config import get_settings
from app.core.errors import TooManyRequests, Unauthenticated
from app.core.timeutil import utcnow
from app.org.models import User

# Verifying against a real hash for unknown users keeps response times alike.
_DUMMY_HASH = hash_password("not-a-real-password")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def login(
    session: Session, username: str, password: str, address: str, user_agent: str = ""
) -> tuple[AuthSession, str]:
    """Check the password and open a session; returns (session row, bearer token)."""
    settings = get_settings()
    since = utcnow() - timedelta(seconds=settings.login_window_s)
    recent = select(func.count()).select_from(LoginFailure).where(LoginFailure.at >= since)
    by_user = session.exec(recent.where(LoginFailure.username == username)).one()
    by_address = session.exec(recent.where(LoginFailure.address == address[:64])).one()
    if (
        by_user >= settings.login_max_failures
        or by_address >= settings.login_max_failures_per_address
    ):
        raise TooManyRequests("too many failed sign-ins; wait a few minutes and try again")
    user = session.exec(select(User).where(User.username == username)).first()
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if not (user and ok and user.is_active):
        session.add(LoginFailure(username=username[:64], address=address[:64]))
        # Recorded even though the request fails: the caller commits before raising.
        raise Unauthenticated("wrong username or password")
    session.exec(delete(LoginFailure).where(col(LoginFailure.username) == username))  # type: ignore[call-overload]
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    token = secrets.token_urlsafe(32)
    row = AuthSession(
        token_hash=token_hash(token),
        csrf_token=secrets.token_urlsafe(24),
        user_id=user.id,  # type: ignore[arg-type]
        expires_at=utcnow() + timedelta(days=settings.session_days),
        user_agent=user_agent[:200],
    )
    session.add(row)
    session.flush()
    return row, token


def authenticate(session: Session, token: str) -> tuple[User, AuthSession]:
    row = session.exec(
        select(AuthSession).where(AuthSession.token_hash == token_hash(token))
    ).first()
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        raise Unauthenticated("session expired or signed out; please sign in again")
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise Unauthenticated("this account is disabled")
    return user, row


def revoke_all(session: Session, user_id: int) -> None:
    """End every session of a user (disabling an account, password change)."""
    for row in session.exec(
        select(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))  # type: ignore[union-attr]
    ):
        row.revoked_at = utcnow()
