"""Sign-in answers."""

from typing import Literal

from pydantic import Field

from app.core.schemas import Read


class TokenRead(Read):
    """A bearer token for outside clients; the browser also gets the session cookie."""

    access_token: str
    token_type: Literal["bearer"]
    csrf_token: str = Field(description="send as X-CSRF-Token on unsafe requests with the cookie")
