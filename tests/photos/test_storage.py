"""Both storage backends behave the same: content-addressed, atomic, listable."""

import os
import time
from pathlib import Path

import pytest

from app.photos.storage import (
    LocalStorage,
    S3Storage,
    Storage,
    content_key,
    digest_of,
    storage_from_url,
)


def test_put_get_list_delete(storage: Storage) -> None:
    key, digest = content_key("display", b"jpeg bytes", "jpg")
    assert key == f"display/{digest[:2]}/{digest}.jpg" and digest_of(key) == digest
    assert not storage.exists(key) and storage.stat(key) is None
    storage.put(key, b"jpeg bytes", "image/jpeg")
    assert storage.exists(key)
    assert storage.get(key) == b"jpeg bytes"
    listed = {f.key: f for f in storage.list()}
    assert set(listed) == {key} and listed[key].size == 10
    storage.delete(key)
    assert not storage.exists(key) and list(storage.list()) == []
    with pytest.raises(KeyError):
        storage.get(key)


def test_writing_a_key_again_keeps_the_bytes_and_refreshes_its_age(storage: Storage) -> None:
    key, _ = content_key("originals", b"original", "jpg")
    storage.put(key, b"original", "image/jpeg")
    first = storage.stat(key)
    assert first is not None
    time.sleep(1.1)
    storage.put(key, b"original", "image/jpeg")
    again = storage.stat(key)
    assert again is not None and again.mtime > first.mtime
    assert storage.get(key) == b"original"
    assert [f.key for f in storage.list()] == [key]


def test_local_writes_leave_no_temporary_files(storage_dir: Path) -> None:
    storage = LocalStorage(storage_dir)
    for i in range(5):
        data = bytes([i]) * 1000
        storage.put(content_key("thumbs", data, "jpg")[0], data, "image/jpeg")
    names = [p.name for p in storage_dir.rglob("*") if p.is_file()]
    assert len(names) == 5 and not [n for n in names if n.startswith(".tmp")]


def test_a_failed_local_write_leaves_nothing_behind(
    storage_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = LocalStorage(storage_dir)

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    key, _ = content_key("display", b"x", "jpg")
    with pytest.raises(OSError):
        storage.put(key, b"x", "image/jpeg")
    assert [p for p in storage_dir.rglob("*") if p.is_file()] == []


def test_local_keys_cannot_escape_the_directory(storage_dir: Path) -> None:
    with pytest.raises(ValueError):
        LocalStorage(storage_dir).get("../../etc/passwd")


def test_storage_urls() -> None:
    local = storage_from_url("file:///srv/roadchief/photos")
    assert isinstance(local, LocalStorage) and local.root == Path("/srv/roadchief/photos")
    assert isinstance(storage_from_url("/var/photos"), LocalStorage)
    s3 = storage_from_url(
        "s3://evidence/city/photos?endpoint_url=http://127.0.0.1:9000&region=cn-east-1"
        "&addressing_style=path"
    )
    assert isinstance(s3, S3Storage)
    assert s3.bucket == "evidence" and s3.prefix == "city/photos/"
    assert s3.client.meta.endpoint_url == "http://127.0.0.1:9000"
    assert s3.client.meta.region_name == "cn-east-1"
    with pytest.raises(ValueError):
        storage_from_url("ftp://example.com/photos")
