"""Every 测评 request writes inside `write_transaction`: a stray write fails the test."""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/evaluation/" in str(item.path).replace("\\", "/"):
            item.add_marker(
                pytest.mark.filterwarnings("error::app.core.db.WriteOutsideTransaction")
            )
