"""Photo fixtures: hand-made images, both storage backends, a ticket to attach photos to."""

import io
import socket
import uuid
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from fastapi import UploadFile
from PIL import Image, ImageDraw
from sqlmodel import Session

from app.core.config import get_settings
from app.org.models import Role, User
from app.photos.storage import Storage, get_storage
from app.tickets.models import Status, Ticket
from tests.factories import LAT0, LON0, create_user

MARKER = (255, 0, 0)


def photo(
    size: tuple[int, int] = (800, 600),
    *,
    fmt: str = "JPEG",
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    accuracy_m: float | None = None,
    taken: str | None = None,
    offset: str | None = None,
    seed: int = 0,
    marker: bool = False,
    extra: dict[str, Any] | None = None,
) -> bytes:
    """A small photo with optional EXIF; ``marker`` paints the stored top-left corner red."""
    w, h = size
    img = Image.new("RGB", size, (30 + seed * 41 % 180, 120, 200 - seed * 13 % 150))
    draw = ImageDraw.Draw(img)
    for i in range(10):
        x, y = (seed * 37 + i * 71) % w, (seed * 17 + i * 53) % h
        draw.ellipse((x, y, x + w // 5, y + h // 6), fill=((i * 50 + seed * 7) % 256, i * 20, 90))
    if marker:
        draw.rectangle((0, 0, w // 8, h // 8), fill=MARKER)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if taken:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = taken
        if offset:
            sub[0x9011] = offset
    if gps:
        exif[0x8825] = gps_ifd(*gps, accuracy_m)
    buf = io.BytesIO()
    params: dict[str, Any] = {"exif": exif.tobytes()} if len(exif) or taken else {}
    if fmt == "JPEG":
        params["quality"] = 90
    img.save(buf, fmt, **params, **(extra or {}))
    return buf.getvalue()


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round(((value - deg) * 60 - minutes) * 60 * 10000)
    return (Fraction(deg), Fraction(minutes), Fraction(seconds, 10000))


def gps_ifd(lat: float, lon: float, accuracy_m: float | None = None) -> dict[int, Any]:
    ifd: dict[int, Any] = {
        1: "N" if lat >= 0 else "S",
        2: _dms(lat),
        3: "E" if lon >= 0 else "W",
        4: _dms(lon),
    }
    if accuracy_m is not None:
        ifd[31] = Fraction(accuracy_m).limit_denominator(100)
    return ifd


def upload(data: bytes, name: str = "photo.jpg") -> UploadFile:
    return UploadFile(io.BytesIO(data), size=len(data), filename=name)


def jpeg_segments(data: bytes) -> list[bytes]:
    """The marker codes (and APPn signatures) of a JPEG's header segments up to the scan."""
    assert data[:2] == b"\xff\xd8"
    found, i = [], 2
    while i < len(data):
        assert data[i] == 0xFF, f"bad marker at {i}"
        code = data[i + 1]
        if code == 0xDA:  # start of scan: no metadata after this point
            found.append(b"SOS")
            break
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        found.append(bytes([code]) + data[i + 4 : i + 4 + 12])
        i += 2 + length
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    """An S3-protocol server (moto) on 127.0.0.1; yields its endpoint URL."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_url(s3_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh bucket on the moto server, as a ROADCHIEF_STORAGE_URL."""
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    bucket = "rc-" + uuid.uuid4().hex[:12]
    boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1").create_bucket(Bucket=bucket)
    return f"s3://{bucket}/photos?endpoint_url={s3_server}&region=us-east-1"


@pytest.fixture(params=["local", "s3"])
def storage(
    request: pytest.FixtureRequest, storage_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Storage]:
    """The configured storage, once per backend; the settings point at it."""
    url = f"file://{storage_dir}" if request.param == "local" else request.getfixturevalue("s3_url")
    monkeypatch.setenv("ROADCHIEF_STORAGE_URL", url)
    get_settings.cache_clear()
    yield get_storage()
    get_settings.cache_clear()


@pytest.fixture
def reporter(db: Session) -> User:
    return create_user(db, Role.inspector)


def create_ticket(
    db: Session, reporter: User, lat: float = LAT0, lon: float = LON0, **kw: Any
) -> Ticket:
    ticket = Ticket(
        number="T" + uuid.uuid4().hex[:12],
        category_code="0201",
        lat=lat,
        lon=lon,
        reporter_id=reporter.id,  # type: ignore[arg-type]
        status=kw.pop("status", Status.assigned),
        idempotency_key=uuid.uuid4().hex,
        request_fingerprint="x" * 64,
        **kw,
    )
    db.add(ticket)
    db.flush()
    return ticket
