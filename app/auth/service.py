"""Sign-in, server-side sessions and login throttling."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import text
from sqlmodel import Session, col, delete, func, select

from app.auth.models import AuthSession, LoginFailure
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.core.config import get_settings
from app.core.errors import TooManyRequests, Unauthenticated
from app.core.timeutil import utcnow
from app.org import hooks
from app.org.models import User

# Verifying against a real hash for unknown users keeps response times alike.
_DUMMY_HASH = hash_password("not-a-real-password")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


LOGIN_LOCK_KEY = 727_003


def _lock_login(session: Session, username: str, address: str) -> None:
    """Serialise sign-in attempts for one username and one address (SQLite: the write lock)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    # Two-key advisory locks, taken in a fixed order so two attempts never wait on each other.
    for name in sorted({f"user:{username}", f"addr:{address}"}):
        session.exec(
            text("SELECT pg_advisory_xact_lock(:ns, hashtext(:name))").bindparams(  # type: ignore[call-overload]
                ns=LOGIN_LOCK_KEY, name=name
            )
        )


def begin_attempt(session: Session, username: str, address: str) -> int:
    """Count the attempt as a failure up front, unless the limits are reached (429).

    Counting and recording happen under one lock, so however many attempts arrive at once,
    at most `login_max_failures` get to try a password; the row is removed if it succeeds.
    Call inside a write transaction; returns the row's id.
    """
    settings = get_settings()
    username, address = username[:64], address[:64]
    _lock_login(session, username, address)
    since = utcnow() - timedelta(seconds=settings.login_window_s)
    recent = select(func.count()).select_from(LoginFailure).where(LoginFailure.at >= since)
    by_user = session.exec(recent.where(LoginFailure.username == username)).one()
    by_address = session.exec(recent.where(LoginFailure.address == address)).one()
    if (
        by_user >= settings.login_max_failures
        or by_address >= settings.login_max_failures_per_address
    ):
        raise TooManyRequests("too many failed sign-ins; wait a few minutes and try again")
    attempt = LoginFailure(username=username, address=address)
    session.add(attempt)
    session.flush()
    return attempt.id  # type: ignore[return-value]


def check_password(session: Session, username: str, password: str) -> User | None:
    """The user if the password is right and the account active (slow: the hash; no lock)."""
    user = session.exec(select(User).where(User.username == username)).first()
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    return user if user and ok and user.is_active else None


def fresh_hash(user: User, password: str) -> str | None:
    """A hash at today's parameters when the stored one is older (slow: call with no lock)."""
    return hash_password(password) if needs_rehash(user.password_hash) else None


def open_session(
    session: Session,
    user: User,
    new_hash: str | None,
    attempt_id: int | None,
    user_agent: str = "",
) -> tuple[AuthSession, str]:
    """After a right password: forget the failures, store `new_hash` (from `fresh_hash`) if
    any, open a session (write transaction; nothing slow happens here)."""
    settings = get_settings()
    session.exec(delete(LoginFailure).where(col(LoginFailure.username) == user.username))  # type: ignore[call-overload]
    if attempt_id is not None:
        session.exec(delete(LoginFailure).where(col(LoginFailure.id) == attempt_id))  # type: ignore[call-overload]
    if new_hash is not None:
        session.refresh(user)
        user.password_hash = new_hash
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


def login(
    session: Session, username: str, password: str, address: str, user_agent: str = ""
) -> tuple[AuthSession, str]:
    """Sign in within the caller's (write) transaction: the CLI and tests, not requests."""
    attempt = begin_attempt(session, username, address)
    user = check_password(session, username, password)
    if user is None:
        raise Unauthenticated("wrong username or password")
    return open_session(session, user, fresh_hash(user, password), attempt, user_agent)


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


hooks.on_access_revoked(revoke_all)  # an account disabled or its password reset (app.org)
