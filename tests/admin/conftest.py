import pytest


@pytest.fixture(autouse=True)
def _writes_in_transactions(no_stray_writes: None) -> None:
    """Every request write here goes through write_transaction (see tests/conftest.py)."""
