"""Photos through the API: refusals leave nothing behind; files are served like their ticket."""

import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, func, select

from app.core.config import get_settings
from app.photos.models import Photo
from app.photos.storage import Storage
from app.tickets.models import Ticket
from tests.factories import LAT0, LON0, Town, create_town, login
from tests.photos.conftest import photo
from tests.photos.test_validation import HOSTILE, _png_declaring


@pytest.fixture
def town(db: Session) -> Town:
    return create_town(db)


def _count(db: Session, model: Any) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def _files(storage_dir: Path) -> list[Path]:
    return [p for p in storage_dir.rglob("*") if p.is_file()]


def _report(client: Any, headers: dict[str, str], *files: tuple[str, bytes], key: str = "") -> Any:
    return client.post(
        "/api/tickets",
        data={"category": "0201", "lat": str(LAT0 + 0.0001), "lon": str(LON0 - 0.002)},
        files=[("photo", (name, data, "image/jpeg")) for name, data in files],
        headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())},
    )


def _assert_nothing_left(db: Session, storage_dir: Path) -> None:
    assert _count(db, Ticket) == 0 and _count(db, Photo) == 0
    assert _files(storage_dir) == []


@pytest.mark.parametrize(
    ("files", "status"),
    [
        *[([(f"{n}.jpg", HOSTILE[n])], 415) for n in HOSTILE],
        ([("cut.jpg", photo((1200, 900))[:20_000])], 422),
        ([("bomb.png", _png_declaring(50_000, 50_000))], 413),
        # One bad photo among good ones: the good ones are not stored either.
        ([("a.jpg", photo(seed=1)), ("b.jpg", photo(seed=2)), ("c.gif", HOSTILE["gif"])], 415),
    ],
    ids=[*HOSTILE, "truncated", "bomb", "good-then-bad"],
)
def test_refused_photos_leave_no_ticket_row_or_file(
    client: Any, db: Session, town: Town, storage_dir: Path, files: list, status: int
) -> None:
    r = _report(client, login(client, town.inspector), *files)
    assert r.status_code == status, r.text
    assert r.json()["code"] in {"unsupported_media", "invalid", "too_large"}
    assert "Traceback" not in r.text
    _assert_nothing_left(db, storage_dir)


def test_an_oversize_photo_or_request_is_413_and_leaves_nothing(
    client: Any, db: Session, town: Town, storage_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = login(client, town.inspector)
    big = photo((1600, 1200), seed=3)
    monkeypatch.setenv("ROADCHIEF_MAX_PHOTO_BYTES", str(len(big) - 1))
    monkeypatch.setenv("ROADCHIEF_MAX_REQUEST_BYTES", str(3 * len(big)))
    get_settings.cache_clear()
    r = _report(client, headers, ("big.jpg", big))
    assert r.status_code == 413 and r.json()["code"] == "too_large"
    r = _report(client, headers, *[(f"{i}.jpg", photo(seed=i)) for i in range(2)], ("big.jpg", big))
    assert r.status_code == 413
    small = [(f"{i}.jpg", photo((1200, 900), seed=i)[: len(big) // 2]) for i in range(7)]
    r = _report(client, headers, *small)
    assert r.status_code == 413 and "request" in r.json()["detail"]
    _assert_nothing_left(db, storage_dir)


def test_a_chunked_body_without_content_length_is_capped_too(
    client: Any, db: Session, town: Town, storage_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = login(client, town.inspector)
    monkeypatch.setenv("ROADCHIEF_MAX_REQUEST_BYTES", "200000")
    get_settings.cache_clear()
    boundary = "rc" + uuid.uuid4().hex

    def body():  # a generator: httpx sends it chunked, with no Content-Length
        field = 'Content-Disposition: form-data; name="category"'
        yield f"--{boundary}\r\n{field}\r\n\r\n0201\r\n".encode()
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="x.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        for _ in range(50):
            yield b"\xff" * 65536

    r = client.post(
        "/api/tickets",
        content=body(),
        headers={
            **headers,
            "Idempotency-Key": str(uuid.uuid4()),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert r.status_code == 413 and r.json()["code"] == "too_large"
    _assert_nothing_left(db, storage_dir)


def test_a_retried_report_stores_its_photo_once(
    client: Any, db: Session, town: Town, storage_dir: Path
) -> None:
    headers = login(client, town.inspector)
    data = photo((2000, 1500), orientation=6, gps=(LAT0, LON0), seed=4)
    key = str(uuid.uuid4())
    first = _report(client, headers, ("a.jpg", data), key=key)
    again = _report(client, headers, ("a.jpg", data), key=key)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["photos"] == again.json()["photos"]
    assert _count(db, Photo) == 1 and len(_files(storage_dir)) == 3
    p = first.json()["photos"][0]
    assert p["width"] == 1500 and p["height"] == 2000 and p["gps"] is not None


def test_photo_files_are_served_like_their_ticket(
    client: Any, db: Session, town: Town, storage: Storage
) -> None:
    data = photo((1600, 1200), seed=5)
    inspector = login(client, town.inspector)
    t = _report(client, inspector, ("a.jpg", data)).json()
    p = t["photos"][0]
    row = db.get(Photo, p["id"])
    assert row is not None and storage.get(row.original_key) == data  # the backend under test
    for url in (p["url"], p["thumb_url"]):
        r = client.get(url, headers=inspector)
        assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "private, max-age=31536000, immutable"
        assert r.headers["etag"] == f'"{hashlib.sha256(r.content).hexdigest()}"'
        cached = client.get(url, headers={**inspector, "If-None-Match": r.headers["etag"]})
        assert cached.status_code == 304 and not cached.content

    original = f"/api/photos/{p['id']}/original"
    assert client.get(original, headers=inspector).status_code == 403
    r = client.get(original, headers=login(client, town.supervisor))
    assert r.status_code == 200 and r.content == data
    assert r.headers["content-type"] == "image/jpeg" and r.headers["x-content-type-options"]

    # The other road's chief may not see this ticket, so not its photos either.
    assert client.get(p["url"], headers=login(client, town.other_chief)).status_code == 404
    assert client.get(p["url"], headers=login(client, town.road_chief)).status_code == 200
    assert client.get(p["url"]).status_code == 401
    assert client.get("/api/photos/999999/display", headers=inspector).status_code == 404
    assert client.get(f"/api/photos/{p['id']}/exif", headers=inspector).status_code == 422


def test_rectifying_with_the_before_photo_is_accepted_but_flagged(client: Any, town: Town) -> None:
    data = photo((1600, 1200), seed=6)
    t = _report(client, login(client, town.inspector), ("before.jpg", data)).json()
    r = client.post(
        f"/api/tickets/{t['id']}/rectify",
        data={"note": "已清理"},
        files=[("photo", ("after.jpg", data, "image/jpeg"))],
        headers=login(client, town.road_chief),
    )
    assert r.status_code == 200, r.text
    ticket = r.json()
    assert ticket["status"] == "rectified"
    assert ticket["flags"]["after_photo_same_as_before"][0]["matches"][0]["bits"] == 0
    after = [p for p in ticket["photos"] if p["kind"] == "after"]
    assert after[0]["flags"]["same_as_before"]


def test_a_heic_report_is_published_as_jpeg_and_kept_as_heic(
    client: Any, db: Session, town: Town
) -> None:
    data = photo((800, 600), fmt="HEIF", orientation=6, seed=7)
    t = _report(client, login(client, town.inspector), ("IMG_0001.HEIC", data)).json()
    p = t["photos"][0]
    assert (p["width"], p["height"]) == (600, 800)
    display = client.get(p["url"], headers=login(client, town.inspector))
    assert display.headers["content-type"] == "image/jpeg"
    assert display.content[:3] == b"\xff\xd8\xff"
    original = client.get(f"/api/photos/{p['id']}/original", headers=login(client, town.supervisor))
    assert original.content == data and original.headers["content-type"] == "image/heic"
    assert original.headers["content-disposition"].endswith(f'{t["number"]}-{p["id"]}.heic"')
