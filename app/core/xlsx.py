"""Workbooks that print: the one place every XLSX export sets up its sheets.

Every export (the bulletin, the ledger, and those to come: evaluation rounds, county reports)
builds its sheets with xlsxwriter and calls `table_sheet` for each table, so that opened in
Excel, WPS or LibreOffice and printed, a sheet comes out as officials expect:

- A4 landscape, scaled to one page wide (as many pages tall as it needs);
- the heading rows repeated on every printed page, and frozen on screen with the first
  `freeze_cols` columns (the number and name stay in view while scrolling right);
- column widths that fit Chinese text (a hanzi is two character widths wide; Excel's unit
  is one Latin digit), from the headings and the values the caller passes as `samples`;
- page numbers in the footer (第 N 页 共 M 页).

Usage (see app/stats/render.py and app/exports/service.py):

    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    sheet = book.add_worksheet("按路段")
    table_sheet(sheet, ["排名", "名称", …], header_row=2, samples=rows_as_text, freeze_cols=2)

Week and grade words (第49周, 优秀/良好/合格/较差) come from app.stats.terms, the same words
the print page and the console show.
"""

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

A4 = 9  # xlsxwriter/Excel paper code
MIN_WIDTH = 6.0
MAX_WIDTH = 40.0  # longer text wraps rather than making the page unreadably small


def text_width(value: Any) -> float:
    """Width of a value in Excel character units: wide (CJK, full-width) characters count 2."""
    text = "" if value is None else str(value)
    longest = max((line for line in text.split("\n")), key=len, default="")
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest))


def column_widths(headings: Sequence[str], samples: Iterable[Sequence[Any]] = ()) -> list[float]:
    """Widths that fit each heading and the longest sample value, within MIN/MAX_WIDTH."""
    widths = [text_width(h) for h in headings]
    for row in samples:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], text_width(value))
    return [min(MAX_WIDTH, max(MIN_WIDTH, w + 2)) for w in widths]


def print_setup(sheet: Any, header_first: int, header_last: int, freeze_cols: int = 0) -> None:
    """A4 landscape, one page wide, heading rows repeated on each page and frozen on screen."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.center_horizontally()
    sheet.repeat_rows(header_first, header_last)
    sheet.freeze_panes(header_last + 1, freeze_cols)
    sheet.set_footer("&C第 &P 页 共 &N 页")


def table_sheet(
    sheet: Any,
    headings: Sequence[str],
    *,
    header_row: int = 0,
    samples: Iterable[Sequence[Any]] = (),
    widths: Sequence[float] | None = None,
    freeze_cols: int = 1,
    heading_format: Any = None,
    first_col: int = 0,
) -> None:
    """Write the heading row and set widths and print setup for a table starting there.

    Rows above `header_row` (a title) are repeated on each printed page with the headings.
    """
    fitted = list(widths) if widths is not None else column_widths(headings, samples)
    for i, (label, width) in enumerate(zip(headings, fitted, strict=True)):
        sheet.set_column(first_col + i, first_col + i, width)
        sheet.write_string(header_row, first_col + i, label, heading_format)
    print_setup(sheet, 0, header_row, freeze_cols)
