"""Storing photos with their ticket, fraud flags, and fsck — on both databases and backends."""

import io

import pytest
from PIL import Image
from sqlmodel import Session, select

from app.org.models import User
from app.photos import imaging
from app.photos.fsck import fsck
from app.photos.models import Photo, PhotoKind
from app.photos.service import photo_public, prepare_photos
from app.photos.storage import Storage
from app.tickets.evidence import attach_photos
from tests.factories import LAT0, LON0
from tests.photos.conftest import create_ticket, jpeg_segments, photo, upload


def _attach(db: Session, ticket, kind: PhotoKind, actor: User, *datas: bytes) -> list[Photo]:
    return attach_photos(db, ticket, prepare_photos([upload(d) for d in datas]), kind, actor)


def test_attached_photos_are_stored_and_recorded(
    db: Session, storage: Storage, reporter: User
) -> None:
    ticket = create_ticket(db, reporter)
    gps = (LAT0, LON0 + 0.0002)
    data = photo((4000, 3000), orientation=6, gps=gps, accuracy_m=5, taken="2026:11:27 09:41:07")
    [p] = _attach(db, ticket, PhotoKind.before, reporter, data)
    assert p.id and p.ticket_id == ticket.id and p.kind == PhotoKind.before
    assert (p.width, p.height) == (3000, 4000) and p.size_bytes == len(data)
    assert p.content_type == "image/jpeg" and p.taken_at is not None
    assert p.distance_m == pytest.approx(19.1, abs=0.5)
    assert storage.get(p.original_key) == data  # kept exactly as received
    display = Image.open(io.BytesIO(storage.get(p.display_key)))
    thumb = Image.open(io.BytesIO(storage.get(p.thumb_key)))
    assert display.size == (1200, 1600) and max(thumb.size) == 320
    assert not display.getexif() and "exif" not in display.info
    assert {s[0] for s in jpeg_segments(storage.get(p.display_key)) if s != b"SOS"} <= {
        0xE0, 0xDB, 0xC4, 0xC0, 0xDD,
    }  # fmt: skip
    public = photo_public(p)
    assert public["url"] == f"/api/photos/{p.id}/display"
    assert public["thumb_url"] == f"/api/photos/{p.id}/thumb"
    assert public["kind"] == "before" and public["width"] == 3000
    assert public["gps"]["accuracy_m"] == pytest.approx(5)


def test_the_display_copy_carries_the_evidence_watermark(
    db: Session, storage: Storage, reporter: User
) -> None:
    ticket = create_ticket(db, reporter)
    white = io.BytesIO()
    Image.new("RGB", (1600, 1200), (255, 255, 255)).save(white, "JPEG")
    [p] = _attach(db, ticket, PhotoKind.before, reporter, white.getvalue())
    display = Image.open(io.BytesIO(storage.get(p.display_key))).convert("L")
    assert display.crop((0, 0, 1600, 900)).getextrema()[0] > 240  # the photo itself untouched
    band = display.crop((0, 1080, 1600, 1200))
    assert band.getextrema()[0] < 150  # the darkened band with text
    thumb = Image.open(io.BytesIO(storage.get(p.thumb_key))).convert("L")
    assert thumb.getextrema()[0] > 240  # a thumbnail is only a preview: no unreadable mark


def test_an_after_photo_that_is_the_before_photo_again_is_flagged_not_refused(
    db: Session, storage: Storage, reporter: User
) -> None:
    ticket = create_ticket(db, reporter)
    before = photo((1200, 900), seed=3)
    [b] = _attach(db, ticket, PhotoKind.before, reporter, before)
    recompressed = io.BytesIO()
    Image.open(io.BytesIO(before)).resize((1000, 750)).save(recompressed, "JPEG", quality=70)
    same, fresh = _attach(
        db, ticket, PhotoKind.after, reporter, recompressed.getvalue(), photo((1200, 900), seed=9)
    )
    assert same.flags["same_as_before"][0]["photo_id"] == b.id
    assert "same_as_before" not in fresh.flags
    flagged = ticket.flags["after_photo_same_as_before"]
    assert [f["photo_id"] for f in flagged] == [same.id]
    assert db.exec(select(Photo).where(Photo.ticket_id == ticket.id)).all()  # stored anyway


def test_a_photo_reused_from_another_ticket_is_flagged(
    db: Session, storage: Storage, reporter: User
) -> None:
    data = photo((1200, 900), seed=5)
    first = create_ticket(db, reporter)
    _attach(db, first, PhotoKind.before, reporter, data)
    # Far away from the first ticket: the exact copy is still found through the hash index.
    second = create_ticket(db, reporter, lat=LAT0 + 1, lon=LON0 + 1)
    _attach(db, second, PhotoKind.before, reporter, photo((1200, 900), seed=6))
    [after] = _attach(db, second, PhotoKind.after, reporter, data)
    match = after.flags["reused_from"][0]
    assert match["ticket_id"] == first.id and match["number"] == first.number
    assert second.flags["after_photo_reused"][0]["photo_id"] == after.id
    # The before photo of a new report that copies another ticket's is a duplicate hint.
    third = create_ticket(db, reporter, lat=LAT0 + 0.001)
    [dup] = _attach(db, third, PhotoKind.before, reporter, data)
    assert third.flags["photo_reused"][0]["photo_id"] == dup.id


def test_a_far_away_after_photo_is_flagged_with_its_distance(
    db: Session, storage: Storage, reporter: User
) -> None:
    ticket = create_ticket(db, reporter)
    _attach(db, ticket, PhotoKind.before, reporter, photo(seed=1))
    [near] = _attach(db, ticket, PhotoKind.after, reporter, photo(seed=2, gps=(LAT0, LON0)))
    assert near.distance_m == pytest.approx(0, abs=1) and "after_photo_far" not in ticket.flags
    [far] = _attach(db, ticket, PhotoKind.after, reporter, photo(seed=4, gps=(LAT0 + 0.01, LON0)))
    assert far.distance_m == pytest.approx(1112, abs=5)
    assert ticket.flags["after_photo_far"][0]["distance_m"] == far.distance_m
    [no_gps] = _attach(db, ticket, PhotoKind.after, reporter, photo(seed=8))
    # A new rectification is judged on its own photos: the old flag is gone.
    assert no_gps.flags == {"no_gps": True} and "after_photo_far" not in ticket.flags


def test_fsck_finds_and_clears_the_orphan_of_a_write_killed_before_commit(
    db: Session, storage: Storage, reporter: User
) -> None:
    kept = create_ticket(db, reporter)
    [committed] = _attach(db, kept, PhotoKind.before, reporter, photo(seed=11))
    db.commit()
    clean = fsck(db, storage, fix=False)
    assert clean.ok and clean.checked_files == 3 and not clean.orphans

    # The request dies after its files were written and before its transaction committed.
    doomed = create_ticket(db, reporter)
    prepared = prepare_photos([upload(photo(seed=12))])
    [lost] = attach_photos(db, doomed, prepared, PhotoKind.before, reporter)
    orphan_keys = {lost.original_key, lost.display_key, lost.thumb_key}
    db.rollback()

    report = fsck(db, storage, fix=False)
    assert set(report.orphans) == orphan_keys and not report.removed
    assert all(storage.exists(k) for k in orphan_keys)
    # Fresh orphans may be an upload in flight: --fix leaves them for the grace period.
    assert not fsck(db, storage, fix=True).removed
    fixed = fsck(db, storage, fix=True, grace_s=0)
    assert set(fixed.removed) == orphan_keys
    assert not any(storage.exists(k) for k in orphan_keys)
    for key in (committed.original_key, committed.display_key, committed.thumb_key):
        assert storage.exists(key)  # a committed photo is never touched
    assert fsck(db, storage, fix=False).ok

    storage.delete(committed.display_key)
    missing = fsck(db, storage, fix=True, grace_s=0)
    assert missing.missing == [(committed.id, committed.display_key)] and not missing.ok
    assert f"missing  photo {committed.id}: {committed.display_key}" in str(missing)


def test_the_same_original_on_two_tickets_is_stored_once(
    db: Session, storage: Storage, reporter: User
) -> None:
    data = photo(seed=21)
    [a] = _attach(db, create_ticket(db, reporter), PhotoKind.before, reporter, data)
    [b] = _attach(db, create_ticket(db, reporter), PhotoKind.before, reporter, data)
    assert a.original_key == b.original_key and a.sha256 == b.sha256
    assert a.display_key != b.display_key  # each carries its own ticket number
    assert sum(1 for f in storage.list() if f.key.startswith("originals/")) == 1
    assert imaging.hamming(a.phash, b.phash) == 0
