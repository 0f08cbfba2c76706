"""Photos: before (整改前), after (整改后), verify (核查); content-addressed evidence."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from app.core.timeutil import UTCDateTime, utcnow


class PhotoKind(StrEnum):
    before = "before"
    after = "after"
    verify = "verify"


class Photo(SQLModel, table=True):
    __tablename__ = "photos"
    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    kind: PhotoKind = Field(sa_type=String(8))
    uploaded_by_id: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # SHA-256 of the original bytes as received; the storage keys derive from it.
    sha256: str = Field(index=True, max_length=64)
    content_type: str = Field(max_length=32)
    size_bytes: int
    original_key: str = Field(max_length=200)
    display_key: str = Field(max_length=200)
    thumb_key: str = Field(max_length=200)
    width: int
    height: int
    # Perceptual hash (64-bit dHash as 16 hex digits) of the upright image.
    phash: str = Field(index=True, max_length=16)
    # From EXIF, when the phone wrote it.
    taken_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    gps_lat: float | None = None
    gps_lon: float | None = None
    gps_accuracy_m: float | None = None
    distance_m: float | None = None
    flags: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
