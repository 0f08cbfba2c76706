"""Content-addressed photo storage: a local directory (default) or S3-compatible object storage.

ROADCHIEF_STORAGE_URL chooses the backend:

- ``file:///srv/roadchief/photos`` (or a bare path): files under that directory. Writes are
  atomic: a temporary file in the same directory, fsync, rename, fsync of the directory.
- ``s3://BUCKET/PREFIX?endpoint_url=http://127.0.0.1:9000&region=cn-east-1&addressing_style=path``
  — any S3-compatible service (AWS, MinIO, Aliyun OSS, Tencent COS). ``PREFIX`` is optional;
  every query parameter is optional (``endpoint_url`` is needed for anything but AWS;
  ``addressing_style`` is ``path`` or ``virtual``). Credentials never go in the URL: boto3
  reads them from its usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, ~/.aws, …).
  A PUT is atomic by nature on S3.

Keys look like ``display/3f/3fa9….jpg``: the name is the SHA-256 of the bytes, so a key never
changes meaning, a write of an existing key is a no-op, and the hash doubles as the HTTP ETag.
Writing an existing key refreshes its modification time, so `fsck` never removes a file an
upload in flight is about to reference.
"""

import glob
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlparse

from app.core.config import get_settings


@dataclass(frozen=True)
class StoredFile:
    key: str
    size: int
    mtime: float  # seconds since the epoch


class Storage(Protocol):
    """Where photo files live; keys are relative paths such as ``originals/ab/ab12….jpg``."""

    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None: ...

    def stat(self, key: str) -> StoredFile | None: ...

    def list(self) -> Iterator[StoredFile]: ...


def content_key(folder: str, data: bytes, ext: str) -> tuple[str, str]:
    """The content-addressed key for ``data`` and its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    return key_for(folder, digest, ext), digest


def key_for(folder: str, digest: str, ext: str) -> str:
    return f"{folder}/{digest[:2]}/{digest}.{ext}"


def digest_of(key: str) -> str:
    """The content hash a key was named after (used as the ETag)."""
    return key.rsplit("/", 1)[-1].split(".", 1)[0]


class LocalStorage:
    """A directory on local disk."""

    TMP_PREFIX = ".tmp-"

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()) or key.startswith("/"):
            raise ValueError(f"bad storage key {key!r}")
        return path

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        if path.exists():
            os.utime(path)
            return
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            # A new directory's own entry must be durable too, not only the file in it.
            for directory in (path.parent.parent, path.parent.parent.parent):
                _fsync_dir(directory)
        # Named after the key, so a later write of the key finds what a killed one left.
        prefix = f"{self.TMP_PREFIX}{path.name}."
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except FileNotFoundError:
            # A concurrent write of the same bytes finished first and swept our temporary file.
            if not path.is_file():
                raise
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        # The rename is durable only once the directory entry is on disk.
        _fsync_dir(path.parent)
        # Same key, same bytes: a write of them killed before its rename left this behind,
        # and its retry (a phone resending) is this write. Nothing else would ever claim it.
        for stale in path.parent.glob(glob.escape(prefix) + "*"):
            stale.unlink(missing_ok=True)

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def stat(self, key: str) -> StoredFile | None:
        try:
            st = self._path(key).stat()
        except FileNotFoundError:
            return None
        return StoredFile(key, st.st_size, st.st_mtime)

    def list(self) -> Iterator[StoredFile]:
        if not self.root.is_dir():
            return
        for dirpath, _dirs, files in os.walk(self.root):
            for name in files:
                path = Path(dirpath) / name
                try:
                    st = path.stat()
                except FileNotFoundError:
                    continue
                yield StoredFile(path.relative_to(self.root).as_posix(), st.st_size, st.st_mtime)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class S3Storage:
    """A bucket (and optional key prefix) on an S3-compatible service."""

    def __init__(self, bucket: str, prefix: str = "", **client_options: Any) -> None:
        import boto3
        from botocore.config import Config

        addressing = client_options.pop("addressing_style", None)
        config = Config(s3={"addressing_style": addressing}) if addressing else None
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.client = boto3.client("s3", config=config, **client_options)

    def _key(self, key: str) -> str:
        return self.prefix + key

    def put(self, key: str, data: bytes, content_type: str) -> None:
        if self.exists(key):
            # Copying an object onto itself refreshes LastModified (see fsck's grace period).
            self.client.copy_object(
                Bucket=self.bucket,
                Key=self._key(key),
                CopySource={"Bucket": self.bucket, "Key": self._key(key)},
                MetadataDirective="REPLACE",
                ContentType=content_type,
            )
            return
        self.client.put_object(
            Bucket=self.bucket, Key=self._key(key), Body=data, ContentType=content_type
        )

    def get(self, key: str) -> bytes:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
        except self.client.exceptions.NoSuchKey:
            raise KeyError(key) from None
        return response["Body"].read()

    def exists(self, key: str) -> bool:
        return self.stat(key) is not None

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def stat(self, key: str) -> StoredFile | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise
        return StoredFile(key, head["ContentLength"], _epoch(head["LastModified"]))

    def list(self) -> Iterator[StoredFile]:
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", []):
                key = item["Key"][len(self.prefix) :]
                yield StoredFile(key, item["Size"], _epoch(item["LastModified"]))


def _epoch(value: datetime) -> float:
    return value.timestamp() if isinstance(value, datetime) else time.time()


def storage_from_url(url: str) -> Storage:
    """Build the backend an URL names (see the module docstring for the forms)."""
    parsed = urlparse(url)
    if parsed.scheme == "s3":
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        if "region" in options:
            options["region_name"] = options.pop("region")
        return S3Storage(parsed.netloc, unquote(parsed.path), **options)
    if parsed.scheme in ("file", ""):
        return LocalStorage(Path(unquote(parsed.path) if parsed.scheme else url))
    raise ValueError(f"unsupported storage URL scheme {parsed.scheme!r}")


@lru_cache(maxsize=4)
def _cached(url: str) -> Storage:
    return storage_from_url(url)


def get_storage() -> Storage:
    """The storage the current settings name (cached per URL, so tests can switch it)."""
    return _cached(get_settings().storage_url)
