"""The token an Open311 client gets for a request it filed: not the citizen's tracking token.

A 12345 hotline files on a caller's behalf; what it gets back lets it follow the request
(`tokens/{token}`) and nothing more. The citizen's tracking link (app.citizens.tracking) is
what lets someone rate the result, so the two are signed apart (another itsdangerous salt over
the same report id and nonce): one cannot be read as the other, and revoking the report's
nonce revokes both.
"""

from itsdangerous import BadSignature, URLSafeSerializer

from app.citizens.models import CitizenReport
from app.citizens.tracking import read_token
from app.core.config import get_settings
from app.core.errors import NotFound

SALT = "roadchief.open311-token"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_settings().secret_key, salt=SALT)


def open311_token(report: CitizenReport) -> str:
    return "o311." + str(_serializer().dumps([report.id, report.tracking_nonce]))


def read_open311_token(token: str) -> tuple[int, str]:
    """(report id, nonce); NotFound for anything else. A token issued before the two were
    apart (a tracking token) still finds its request here: a read of its public status."""
    if not token.startswith("o311."):
        return read_token(token)
    try:
        value = _serializer().loads(token.removeprefix("o311."))
    except BadSignature:
        raise NotFound("this token is not valid") from None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or not isinstance(value[1], str)
    ):
        raise NotFound("this token is not valid")
    return value[0], value[1]
