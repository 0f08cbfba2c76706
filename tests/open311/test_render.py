"""A list rendered request by request (renderings kept by content) is the list rendered whole."""

import pytest

from app.open311.render import render, render_requests
from app.open311.service import RequestRow, present

ROWS = [
    RequestRow("20261201-0001", "assigned", "0201", "非法小广告", "2026-12-01T00:00:00Z",
               "2026-12-01T00:00:00Z", None, 31.0, 119.9, "人民路", "", ""),
    RequestRow("20261201-0002", "closed", "0201", "乱<堆>放 & 其他", "2026-12-01T00:00:00Z",
               "2026-12-01T08:00:00Z", "2026-12-02T00:00:00Z", 31.001, 119.9, "", "已整改 <b>",
               "/api/public/publications/1/photos/1"),
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("count", [0, 1, 2])
def test_piecewise_equals_whole(fmt: str, count: int) -> None:
    rows = ROWS[:count]
    whole = render(fmt, "service_requests", [present(r) for r in rows])
    assert render_requests(fmt, rows) == whole
    assert render_requests(fmt, rows) == whole  # again, from the kept renderings
