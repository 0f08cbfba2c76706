from collections.abc import Iterator

import pytest

from tests.citizens.helpers import no_write_outside_transaction


@pytest.fixture(autouse=True)
def _easy_proof(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small search space keeps each proof-of-work a few milliseconds in tests."""
    monkeypatch.setenv("ROADCHIEF_CITIZEN_POW_MAX_NUMBER", "2000")


@pytest.fixture(autouse=True)
def _writes_in_transactions() -> Iterator[None]:
    with no_write_outside_transaction():
        yield
