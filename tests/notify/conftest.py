"""Fixtures for notification tests: fake receivers, and a database of their own where the
dispatcher (which opens its own connections) must see committed rows."""

import base64
import os
import warnings
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy.engine import Engine

from app.core.config import get_settings
from app.core.db import WriteOutsideTransaction, make_engine
from app.notify.settings import get_notify_settings
from tests.conftest import BACKENDS, create_database, drop_database
from tests.notify.fakes import FakeReceiver

SECRETS = {"webhook": "whsec-12345", "dingtalk": "SEC-ding-abc", "feishu": "feishu-xyz"}


@pytest.fixture
def receiver() -> Iterator[FakeReceiver]:
    fake = FakeReceiver(secrets=dict(SECRETS)).start()
    yield fake
    fake.stop()


@pytest.fixture(autouse=True)
def no_write_outside_transaction() -> Iterator[None]:
    """Every write a notification request makes is inside `write_transaction`: a test that
    provokes a WriteOutsideTransaction warning fails, naming where it came from."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", WriteOutsideTransaction)
        yield
    stray = [w for w in caught if issubclass(w.category, WriteOutsideTransaction)]
    assert not stray, "writes outside write_transaction:\n" + "\n".join(
        f"{w.filename}:{w.lineno}" for w in stray
    )


@pytest.fixture(autouse=True)
def notify_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ROADCHIEF_NOTIFY_PUBLIC_URL", "https://rc.example.cn")
    monkeypatch.setenv("ROADCHIEF_NOTIFY_BACKOFF_BASE_S", "0")
    monkeypatch.setenv("ROADCHIEF_NOTIFY_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("ROADCHIEF_NOTIFY_TIMEOUT_S", "5")
    # The fake receivers listen on this machine: the county "lists" it, and its plain-HTTP
    # push service beside the real ones.
    monkeypatch.setenv("ROADCHIEF_OUTBOUND_ALLOW", "127.0.0.1")
    monkeypatch.setenv(
        "ROADCHIEF_NOTIFY_PUSH_SERVICES", "fcm.googleapis.com,*.push.apple.com,http://127.0.0.1"
    )
    get_settings.cache_clear()
    get_notify_settings.cache_clear()
    yield
    get_settings.cache_clear()
    get_notify_settings.cache_clear()


@pytest.fixture(scope="module", params=BACKENDS)
def own_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database for this module alone; its tests commit (each makes its own town)."""
    url = create_database(request.param, tmp_path_factory.mktemp("notify-db"))
    engine = make_engine(url)
    yield engine
    engine.dispose()
    drop_database(url)


def browser_keys() -> tuple[bytes, bytes, str, str]:
    """A browser's push keys: (private scalar, auth secret, p256dh, auth) as a PWA sends them."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    auth = os.urandom(16)
    scalar = key.private_numbers().private_value.to_bytes(32, "big")
    b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()  # noqa: E731
    return scalar, auth, b64(public), b64(auth)
