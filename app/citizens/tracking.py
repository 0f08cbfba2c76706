"""Tracking links: unguessable (a random nonce stored with the report) and signed.

The link carries ``<report id>.<nonce>`` signed with ROADCHIEF_SECRET_KEY through itsdangerous
(Pallets' small, audited signing library; HMAC-SHA1 under a key derived per salt, constant-time
comparison). The signature lets a forged or mistyped link be refused before any database
look-up, and the nonce lets one report's link be revoked (a new nonce) without touching the key.
Rotating the secret key invalidates every link issued before, which is the point of a key.
"""

import secrets

from itsdangerous import BadSignature, URLSafeSerializer

from app.core.config import get_settings
from app.core.errors import NotFound

SALT = "roadchief.citizen-tracking"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_settings().secret_key, salt=SALT)


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def make_token(report_id: int, nonce: str) -> str:
    return str(_serializer().dumps([report_id, nonce]))


def read_token(token: str) -> tuple[int, str]:
    """(report id, nonce) from a tracking token; 404 for anything forged or malformed."""
    try:
        value = _serializer().loads(token)
    except BadSignature:
        raise NotFound("this tracking link is not valid") from None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or not isinstance(value[1], str)
    ):
        raise NotFound("this tracking link is not valid")
    return value[0], value[1]
