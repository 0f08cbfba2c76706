"""The issued 通报 as the groups it is sent to open it: a signed, read-only link.

The notice of an issued 通报 goes to zone and town groups (WeCom, DingTalk, Feishu), where the
chiefs and units it names read it in the group app's browser, signed in to nothing, and where
the command centre's console is closed to them anyway. An issued 通报 is a document sent to
those units (印发), so its link opens its A4 page without a sign-in: the link carries the week
signed with ROADCHIEF_SECRET_KEY (itsdangerous, as the citizens' tracking links), so only the
weeks that were sent can be opened, and only once issued.
"""

from itsdangerous import BadSignature, URLSafeSerializer

from app.core.config import get_settings
from app.core.errors import NotFound

SALT = "roadchief.bulletin-issued"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_settings().secret_key, salt=SALT)


def issued_path(week: str) -> str:
    """/api/bulletin/issued?week=2026-W48&sig=…: the issued 通报's page, for its notice."""
    return f"/api/bulletin/issued?week={week}&sig={_serializer().dumps(week)}"


def check(week: str, sig: str) -> None:
    """404 unless `sig` is this week's signature (a forged or another week's link)."""
    try:
        signed = _serializer().loads(sig)
    except BadSignature:
        raise NotFound("this link to a 通报 is not valid") from None
    if signed != week:
        raise NotFound("this link to a 通报 is not valid")
