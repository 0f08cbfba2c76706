"""The current user: from a bearer token, or from the PWA's cookie with a CSRF header."""

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer

from app.auth.models import AuthSession
from app.auth.policy import Actor, jurisdiction_of
from app.auth.service import authenticate
from app.core.db import SessionDep, release_reads
from app.core.errors import Forbidden, Unauthenticated
from app.org.models import Role, User

SESSION_COOKIE = "rc_session"
CSRF_COOKIE = "rc_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# Declared for the OpenAPI schema (the docs' Authorize button, generated clients); both read
# the same Authorization header, parsed below, and neither refuses a request on its own.
password_flow = OAuth2PasswordBearer(
    tokenUrl="/api/auth/token", scheme_name="password", auto_error=False
)
bearer_token = HTTPBearer(scheme_name="bearer", auto_error=False)


def auth_schemes(
    _flow: Annotated[str | None, Depends(password_flow)],
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_token)],
) -> None:
    """Names the ways to sign in on every operation that needs it; checks nothing itself."""


AuthSchemes = Annotated[None, Depends(auth_schemes)]


def current_session(
    request: Request, session: SessionDep, _schemes: AuthSchemes = None
) -> AuthSession:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        user, row = authenticate(session, auth[7:].strip())
    else:
        token = request.cookies.get(SESSION_COOKIE)
        if not token:
            raise Unauthenticated("please sign in")
        user, row = authenticate(session, token)
        if request.method not in SAFE_METHODS:
            sent = request.headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(sent.encode(), row.csrf_token.encode()):
                raise Forbidden("missing or wrong CSRF token")
    request.state.user = user
    release_reads(session)  # the endpoint may wait for a thread: not while holding a connection
    return row


def current_user(request: Request, _row: Annotated[AuthSession, Depends(current_session)]) -> User:
    user: User = request.state.user
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def current_actor(user: CurrentUser, session: SessionDep) -> Actor:
    actor = Actor(user, jurisdiction_of(session, user))
    release_reads(session)
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]


def require_roles(*roles: Role):  # type: ignore[no-untyped-def]
    """A dependency refusing users outside the given roles."""

    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise Forbidden("your role may not do this")
        return user

    return Depends(check)
