"""Sign in (OAuth2 password form), sign out, who am I."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, Response

from app.auth import actions
from app.auth.deps import CSRF_COOKIE, SESSION_COOKIE, CurrentUser, current_session
from app.auth.models import AuthSession
from app.auth.schemas import TokenRead
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.net import client_address
from app.core.openapi import errors
from app.org.models import Department
from app.org.schemas import UserRead
from app.org.service import user_public

router = APIRouter(prefix="/api", tags=["auth"])


@router.post("/auth/token", response_model=TokenRead, responses=errors(401, 429))
def token(
    request: Request,
    response: Response,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
) -> dict[str, str]:
    """Sign in: a bearer token for API clients, and the same session as a cookie for the PWA."""
    row, bearer = actions.sign_in(
        session, username, password, client_address(request), request.headers.get("user-agent", "")
    )
    settings = get_settings()
    max_age = settings.session_days * 86400
    response.set_cookie(
        SESSION_COOKIE,
        bearer,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
    response.set_cookie(
        CSRF_COOKIE,
        row.csrf_token,
        max_age=max_age,
        httponly=False,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
    return {"access_token": bearer, "token_type": "bearer", "csrf_token": row.csrf_token}


@router.post("/auth/logout", status_code=204)
def logout(
    response: Response, session: SessionDep, row: Annotated[AuthSession, Depends(current_session)]
) -> None:
    actions.sign_out(session, row)
    # Cleared with the flags they were set with: a browser may keep a Secure cookie that an
    # unflagged deletion does not match.
    secure = get_settings().cookie_secure
    response.delete_cookie(SESSION_COOKIE, path="/", secure=secure, httponly=True, samesite="lax")
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, httponly=False, samesite="lax")


@router.get("/me", response_model=UserRead)
def me(user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    department = session.get(Department, user.department_id) if user.department_id else None
    return user_public(user, department)
