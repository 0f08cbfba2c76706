"""The VAPID key pair of Web Push: made on first start, kept in the database."""

import base64

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.notify.models import NotifyKey

PRIVATE = "vapid_private_pem"
PUBLIC = "vapid_public"


def _make() -> tuple[str, str]:
    vapid = Vapid()
    vapid.generate_keys()
    pem = vapid.private_pem().decode()
    raw = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return pem, base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def vapid_keys(session: Session) -> tuple[str, str]:
    """(private key PEM, public key as the browser's applicationServerKey, base64url)."""
    private, public = session.get(NotifyKey, PRIVATE), session.get(NotifyKey, PUBLIC)
    if private and public:
        return private.value, public.value
    pem, pub = _make()
    try:
        with session.begin_nested():
            session.add(NotifyKey(name=PRIVATE, value=pem))
            session.add(NotifyKey(name=PUBLIC, value=pub))
    except IntegrityError:
        # Another process made them first: theirs are the keys.
        private, public = session.get(NotifyKey, PRIVATE), session.get(NotifyKey, PUBLIC)
        assert private and public
        return private.value, public.value
    return pem, pub
