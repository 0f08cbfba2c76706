"""Server-side sessions: revocable, usable as bearer token or cookie."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class AuthSession(SQLModel, table=True):
    __tablename__ = "auth_sessions"
    id: int | None = Field(default=None, primary_key=True)
    # SHA-256 of the token; the token itself is never stored.
    token_hash: str = Field(unique=True, max_length=64)
    csrf_token: str = Field(max_length=64)
    user_id: int = Field(foreign_key="users.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    user_agent: str = Field(default="", max_length=200)


class LoginFailure(SQLModel, table=True):
    """Failed logins, counted per username and address to slow guessing down (429)."""

    __tablename__ = "login_failures"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, max_length=64)
    address: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
