import pytest


@pytest.fixture(autouse=True)
def _easy_proof(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small search space keeps each proof-of-work a few milliseconds in tests."""
    monkeypatch.setenv("ROADCHIEF_CITIZEN_POW_MAX_NUMBER", "2000")


@pytest.fixture(autouse=True)
def _writes_in_transactions(no_stray_writes: None) -> None:
    """Every request write here goes through write_transaction (see tests/conftest.py)."""
