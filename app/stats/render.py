"""The bulletin as an XLSX workbook and as a printable A4 page (Chinese headings)."""

import html
import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter

from app.core.config import get_settings
from app.stats.service import DIMENSION_LABELS, DIMENSIONS

# (key, heading, kind): kind picks the cell format.
COLUMNS: list[tuple[str, str, str]] = [
    ("rank", "排名", "int"),
    ("name", "名称", "text"),
    ("new", "新增", "int"),
    ("closed", "结案", "int"),
    ("due", "应结", "int"),
    ("closure_rate", "结案率", "pct"),
    ("on_time_rate", "按期结案率", "pct"),
    ("rectified", "整改", "int"),
    ("reworked", "返工", "int"),
    ("rework_rate", "返工率", "pct"),
    ("overdue", "逾期", "int"),
    ("avg_rectify_hours", "平均整改时长(小时)", "num"),
    ("satisfaction_rate", "群众满意率", "pct"),
    ("ratings", "评价数", "int"),
    ("score", "得分", "num"),
    ("grade", "等级", "text"),
    ("bottom", "末位", "flag"),
]
CELL_PROPS: dict[str, dict[str, Any]] = {
    "int": {"border": 1},
    "text": {"border": 1},
    "pct": {"border": 1, "num_format": "0.0%"},
    "num": {"border": 1, "num_format": "0.0"},
    "flag": {"border": 1, "font_color": "#C00000", "bold": True},
}


def display_name(dim: str, row: dict[str, Any]) -> str:
    name = row.get("name") or ""
    extra = row.get("chief") if dim in ("road", "zone") else row.get("title")
    return f"{name}（{extra}）" if extra else name


def cell_text(kind: str, value: Any) -> str:
    if value is None:
        return "—"
    if kind == "pct":
        return f"{value * 100:.1f}%"
    if kind == "num":
        return f"{value:.1f}"
    if kind == "flag":
        return "末位" if value else ""
    return str(value)


def bulletin_xlsx(data: dict[str, Any]) -> bytes:
    """One sheet per dimension plus a cover sheet with the town totals and the rules."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    title = book.add_format({"bold": True, "font_size": 14})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center",
                            "valign": "vcenter", "text_wrap": True})  # fmt: skip
    fmts = {kind: book.add_format(props) for kind, props in CELL_PROPS.items()}
    # The bottom three stand out in print and on screen.
    low = {
        kind: book.add_format({**props, "bg_color": "#FCE4D6"})
        for kind, props in CELL_PROPS.items()
    }
    heading = f"每周通报 {data['week']}（{data['first_day']} 至 {data['last_day']}）"

    cover = book.add_worksheet("汇总")
    cover.write(0, 0, heading, title)
    cover.write(1, 0, f"统计截至 {_local(data['as_of'])}")
    totals = data["totals"]
    summary = [c for c in COLUMNS if c[0] not in ("rank", "name", "bottom")]
    for i, (key, label, kind) in enumerate(summary):
        cover.write(3 + i, 0, label, head)
        _write(cover, 3 + i, 1, kind, totals.get(key), fmts)
    cover.set_column(0, 0, 20)
    cover.set_column(1, 1, 14)

    for dim in DIMENSIONS:
        sheet = book.add_worksheet(f"按{DIMENSION_LABELS[dim]}")
        sheet.write(0, 0, f"{heading} · 按{DIMENSION_LABELS[dim]}", title)
        for col, (_key, label, _kind) in enumerate(COLUMNS):
            sheet.write(2, col, label, head)
        for r, row in enumerate(data["sections"][dim], start=3):
            styles = low if row["bottom"] else fmts
            for col, (key, _label, kind) in enumerate(COLUMNS):
                value = display_name(dim, row) if key == "name" else row.get(key)
                _write(sheet, r, col, kind, value, styles)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 26)
        sheet.set_column(2, len(COLUMNS) - 1, 10)
        sheet.freeze_panes(3, 2)
    book.close()
    return buf.getvalue()


def _write(sheet: Any, row: int, col: int, kind: str, value: Any, fmts: dict[str, Any]) -> None:
    if value is None:
        sheet.write_string(row, col, "—", fmts["text"])
    elif kind == "flag":
        sheet.write_string(row, col, "末位" if value else "", fmts["flag"])
    elif kind in ("pct", "num", "int"):
        sheet.write_number(row, col, value, fmts[kind])
    else:
        sheet.write_string(row, col, str(value), fmts["text"])


PRINT_CSS = """
@page { size: A4 portrait; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; color: #111; font-size: 10pt; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
.meta { text-align: center; color: #555; margin-bottom: 5mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-left: 3pt solid #1f4e79; padding-left: 2mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
table.units { font-size: 8.5pt; }
th, td { border: 0.5pt solid #888; padding: 1mm 1mm; text-align: center; white-space: nowrap; }
th { background: #ddebf7; font-weight: 600; }
th.long { white-space: normal; word-break: keep-all; }
td.name { text-align: left; }
tr.bottom td { background: #fce4d6; }
.tag { color: #c00000; font-weight: 700; }
.rules { margin-top: 6mm; color: #444; font-size: 8.5pt; line-height: 1.5; }
section { page-break-inside: auto; }
@media screen { body { max-width: 210mm; margin: 10mm auto; } }
"""

RULES = (
    "结案率＝本周应结案卷中周末前已结案数÷本周应结数；按期结案率＝其中按期结案数÷本周应结数；"
    "返工率＝本周返工（核查不通过）次数÷本周提交整改次数；逾期＝截至统计时点已超期未结案数；"
    "平均整改时长＝本周提交整改距派遣的平均小时数。得分按结案率、按期结案率、1−返工率、"
    "1−逾期占比加权；等级 A≥{a}，B≥{b}，C≥{c}，D≥{d}，其余为 E。末位为排名最后 {n} 名。"
)


def _local(moment: str) -> str:
    """An ISO UTC moment as local wall-clock time, minutes precision."""
    zone = ZoneInfo(get_settings().timezone)
    return datetime.fromisoformat(moment).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def bulletin_html(data: dict[str, Any]) -> str:
    """A self-contained A4 page: the browser's print dialog makes the PDF."""
    e = html.escape
    cfg = data["settings"]
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>每周通报 {e(data['week'])}</title><style>{PRINT_CSS}</style></head><body>",
        f"<h1>路长制工作每周通报</h1><div class='meta'>{e(data['week'])}"
        f"（{e(data['first_day'])} 至 {e(data['last_day'])}）· 统计截至 {e(_local(data['as_of']))}"
        "</div>",
    ]
    totals = data["totals"]
    parts.append("<h2>全镇汇总</h2><table><thead><tr>")
    summary_cols = [c for c in COLUMNS if c[0] not in ("rank", "name", "bottom", "grade", "score")]
    parts += [f"<th>{e(label)}</th>" for _k, label, _kind in summary_cols]
    parts.append("</tr></thead><tbody><tr>")
    parts += [f"<td>{e(cell_text(kind, totals.get(k)))}</td>" for k, _l, kind in summary_cols]
    parts.append("</tr></tbody></table>")
    for dim in DIMENSIONS:
        rows = data["sections"][dim]
        parts.append(f"<section><h2>按{e(DIMENSION_LABELS[dim])}排名</h2>")
        if not rows:
            parts.append("<p>本周无数据。</p></section>")
            continue
        parts.append("<table class='units'><thead><tr>")
        parts += [
            f"<th class='long'>{e(label)}</th>" if len(label) > 5 else f"<th>{e(label)}</th>"
            for _k, label, _kind in COLUMNS
        ]
        parts.append("</tr></thead><tbody>")
        for row in rows:
            parts.append("<tr class='bottom'>" if row["bottom"] else "<tr>")
            for key, _label, kind in COLUMNS:
                if key == "name":
                    parts.append(f"<td class='name'>{e(display_name(dim, row))}</td>")
                elif kind == "flag":
                    parts.append(f"<td class='tag'>{'末位' if row['bottom'] else ''}</td>")
                else:
                    parts.append(f"<td>{e(cell_text(kind, row.get(key)))}</td>")
            parts.append("</tr>")
        parts.append("</tbody></table></section>")
    rules = RULES.format(
        a=cfg["grade_a"], b=cfg["grade_b"], c=cfg["grade_c"], d=cfg["grade_d"], n=cfg["bottom_n"]
    )
    parts.append(f"<div class='rules'>统计口径：{e(rules)}</div></body></html>")
    return "".join(parts)
