"""The ledger export: the filtered tickets and every event of theirs, read back with openpyxl."""

import io
from datetime import timedelta

import openpyxl
import pytest
from sqlmodel import Session

from app.core.timeutil import utcnow
from app.exports import service
from app.tickets.models import Status
from tests.console.factories import add_event, create_ticket
from tests.factories import create_town, create_user, login


@pytest.fixture
def town(db: Session):
    return create_town(db)


def read(content: bytes) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def test_tickets_and_their_events(client, db, town):
    now = utcnow()
    late = create_ticket(db, town, received_at=now - timedelta(days=3), description="牛皮癣一处")
    add_event(db, late, "report", now - timedelta(days=3), None, "assigned", town.inspector.id)
    add_event(db, late, "escalate", now - timedelta(hours=1), "assigned", "assigned")
    other = create_ticket(db, town, road=town.north_south, category="0505")
    add_event(db, other, "report", now, None, "assigned", town.inspector.id)

    sup = login(client, town.supervisor)
    r = client.get(
        "/api/ledger/export.xlsx", params={"road": town.east_west.id, "overdue": 1}, headers=sup
    )
    assert r.status_code == 200, r.text
    assert r.headers["x-ticket-count"] == "1"
    assert "attachment" in r.headers["content-disposition"]
    sheets = read(r.content)
    assert list(sheets) == ["案卷台账", "流转记录"]
    head, *tickets = sheets["案卷台账"]
    assert head[:4] == ("编号", "类别代码", "类别", "状态")
    assert len(tickets) == 1
    row = dict(zip(head, tickets[0], strict=True))
    assert row["编号"] == late.number and row["状态"] == "待整改"
    assert row["类别"] == "非法小广告" and row["路段"] == "人民路" and row["承办人"] == "王主任"
    assert row["问题描述"] == "牛皮癣一处" and row["上报人"] == "巡查员甲"
    # Local wall-clock time (Asia/Shanghai is UTC+8), as officials read it.
    local = (late.received_at + timedelta(hours=8)).replace(tzinfo=None)
    assert abs((row["接收时间"] - local).total_seconds()) < 1
    ev_head, *events = sheets["流转记录"]
    assert ev_head[:4] == ("案卷编号", "事件序号", "时间", "动作")
    assert [(e[0], e[3]) for e in events] == [(late.number, "上报"), (late.number, "督办")]
    assert events[0][6] == "巡查员甲" and events[1][6] == "系统"


def test_many_tickets_are_written_in_batches(client, db, town, monkeypatch):
    monkeypatch.setattr(service, "BATCH", 3)
    made = [create_ticket(db, town, road=town.north_south, status=Status.closed) for _ in range(8)]
    for t in made:
        add_event(db, t, "verify", None, "rectified", "closed")
    sup = login(client, town.supervisor)
    r = client.get("/api/ledger/export.xlsx", params={"road": town.north_south.id}, headers=sup)
    sheets = read(r.content)
    assert [row[0] for row in sheets["案卷台账"][1:]] == [t.number for t in made]
    assert [row[0] for row in sheets["流转记录"][1:]] == [t.number for t in made]


def test_only_the_command_centre_exports(client, db, town):
    chief = login(client, create_user(db, "chief", level=3))
    assert client.get("/api/ledger/export.xlsx", headers=chief).status_code == 403


def test_a_duplicate_names_its_original_and_no_file_is_left_behind(
    client, db, town, tmp_path, monkeypatch
):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(service.tempfile, "tempdir", str(scratch))
    original = create_ticket(db, town)
    create_ticket(db, town, status=Status.dismissed, duplicate_of_id=original.id)
    sup = login(client, town.supervisor)
    r = client.get("/api/ledger/export.xlsx", headers=sup)
    assert r.status_code == 200, r.text
    head, *rows = read(r.content)["案卷台账"]
    assert [row[head.index("重复于")] for row in rows] == [None, original.number]
    assert list(scratch.iterdir()) == []


def test_a_failed_export_leaves_no_file_behind(client, db, town, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(service.tempfile, "tempdir", str(scratch))
    create_ticket(db, town)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "_ticket_batches", broken)
    sup = login(client, town.supervisor)
    assert client.get("/api/ledger/export.xlsx", headers=sup).status_code == 500
    assert list(scratch.iterdir()) == []
