"""Ticket tests: the rules at the action level (no app, no HTTP), the contract over HTTP."""

import uuid

import pytest
from sqlmodel import Session

from app.auth.policy import Actor, jurisdiction_of
from app.org.models import User
from app.photos.service import PreparedPhoto, prepare_photos
from app.tickets import Filer, Report, actions
from app.tickets.models import Ticket
from tests.factories import LAT0, LON0, Town, create_town, jpeg_bytes
from tests.photos.conftest import upload


@pytest.fixture
def town(db: Session) -> Town:
    return create_town(db)


def as_actor(db: Session, user: User) -> Actor:
    return Actor(user, jurisdiction_of(db, user))


def photos(seed: int = 0) -> list[PreparedPhoto]:
    return prepare_photos([upload(jpeg_bytes(seed))])


def data(
    lat: float = LAT0 + 0.0001,
    lon: float = LON0 - 0.002,
    category: str = "0201",
    description: str = "",
) -> Report:
    return Report(category, lat, lon, 8.0, description, None)


def file(db: Session, user: User, key: str = "", seed: int = 0, **fields: object) -> Ticket:
    """A ticket filed through the one filing path, as an inspector's phone files it."""
    body = data(**fields)  # type: ignore[arg-type]
    done = actions.report(db, Filer(user), body, photos(seed), key or str(uuid.uuid4()))
    return done.result
