"""Every XLSX export prints: A4 landscape, one page wide, headings repeated and frozen."""

import io

import openpyxl
import pytest

from app.core.xlsx import column_widths, text_width
from tests.console.factories import create_ticket
from tests.factories import create_town, login
from tests.stats.test_bulletin import WEEK, local


def assert_prints(sheet, title_rows: str, frozen: str) -> None:
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # One page wide (1 is the file format's default, so writers may leave it out), any height.
    assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == title_rows
    assert sheet.freeze_panes == frozen


def test_text_width_counts_hanzi_twice():
    assert text_width("人民路") == 6 and text_width("A-1") == 3
    assert text_width("平均整改时长（小时）") == 20
    assert column_widths(["名称"], [["青山大道中段（王建军）"]]) == [24.0]


@pytest.fixture
def town(db):
    return create_town(db)


def test_bulletin_workbook_prints(client, db, town):
    create_ticket(db, town, received_at=local(9, "09:00"), due_at=local(11, "17:30"))
    sup = login(client, town.supervisor)
    r = client.get("/api/bulletin.xlsx", params={"week": WEEK}, headers=sup)
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    assert_prints(book["汇总"], "$1:$4", "A5")
    for name in ("按路段", "按路长", "按片区", "按职能部门"):
        sheet = book[name]
        assert_prints(sheet, "$1:$3", "C4")
        assert "第46周" in sheet["A1"].value and "W46" not in sheet["A1"].value
        # No column is narrower than its heading (long ones wrap within 12 characters).
        for cell in sheet[3]:
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= min(12, text_width(cell.value)), cell.value
    # The name column fits a road with its chief's name.
    assert book["按路段"].column_dimensions["B"].width >= text_width("人民路（王主任）")


def test_ledger_workbook_prints(client, db, town):
    create_ticket(db, town)
    sup = login(client, town.supervisor)
    r = client.get("/api/ledger/export.xlsx", headers=sup)
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    for name in ("案卷台账", "流转记录"):
        sheet = book[name]
        assert_prints(sheet, "$1:$1", "B2")
        for cell in sheet[1]:
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= text_width(cell.value), cell.value
