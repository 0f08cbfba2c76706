"""The end-of-campaign report (专项整治通报): a printable A4 page and a workbook."""

import html
import io
from typing import Any

import xlsxwriter

from app.core.printing import PRINT_CSS
from app.core.xlsx import table_sheet

UNITS = {"work_hours": "个工作小时", "work_days": "个工作日", "hours": "小时"}
COLUMNS = [
    ("name", "单位", "text"),
    ("found", "发现", "int"),
    ("rectified", "整改", "int"),
    ("overdue", "逾期", "int"),
    ("due", "应整改", "int"),
    ("on_time", "按时整改", "int"),
    ("on_time_rate", "按时率", "pct"),
    ("meets_target", "达标", "flag"),
]


def _cell(kind: str, value: Any) -> str:
    if value is None:
        return "—"
    if kind == "pct":
        return f"{value * 100:.1f}%"
    if kind == "flag":
        return "达标" if value else "未达标"
    return str(value)


def target_text(data: dict[str, Any]) -> str:
    return (
        f"{data['target_value']}{UNITS.get(data['target_unit'], '')}内整改，"
        f"按时率不低于 {data['target_rate'] * 100:.0f}%"
    )


def report_html(data: dict[str, Any]) -> str:
    e = html.escape
    fig = data["figures"]
    totals = fig["totals"]
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{e(data['name'])} 通报</title><style>{PRINT_CSS}</style></head><body>",
        f"<h1>关于{e(data['name'])}开展情况的通报</h1>",
        f"<div class='meta'>整治期间 {e(data['starts_on'])} 至 {e(data['ends_on'])}"
        f" · 目标：{e(target_text(data))}</div>",
        f"<p>整治期间共发现问题 {totals['found']} 件，已整改 {totals['rectified']} 件，"
        f"逾期 {totals['overdue']} 件，按时整改率 {e(_cell('pct', totals['on_time_rate']))}"
        f"（{e(_cell('flag', totals['meets_target']))}）。</p>",
    ]
    for key, title in (("by_unit", "按责任单位"), ("by_zone", "按片区")):
        parts.append(f"<section><h2>{title}</h2><table class='units'><thead><tr>")
        parts += [f"<th>{e(label)}</th>" for _k, label, _kind in COLUMNS]
        parts.append("</tr></thead><tbody>")
        for row in fig[key]:
            missed = row["meets_target"] is False
            parts.append("<tr class='bottom'>" if missed else "<tr>")
            parts += [
                f"<td class='name'>{e(str(row[k]))}</td>"
                if k == "name"
                else f"<td>{e(_cell(kind, row[k]))}</td>"
                for k, _l, kind in COLUMNS
            ]
            parts.append("</tr>")
        parts.append("</tbody></table></section>")
    parts.append(
        "<div class='rules'>按时率＝目标时限内完成整改的问题数÷应整改数"
        "（已整改或已超过目标时限的问题）；"
        "逾期＝截至统计时点已超过整改期限尚未结案的问题。未达标单位以底色标出。</div></body></html>"
    )
    return "".join(parts)


def report_xlsx(data: dict[str, Any]) -> bytes:
    """By unit, by zone and the daily trend, each a sheet that prints (app.core.xlsx)."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    title = book.add_format({"bold": True, "font_size": 14})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center"})
    cell = book.add_format({"border": 1})
    pct = book.add_format({"border": 1, "num_format": "0.0%"})
    fig = data["figures"]
    trend_cols = [("day", "日期", "text"), ("found", "发现", "int"), ("rectified", "整改", "int")]
    for key, label in (("by_unit", "按责任单位"), ("by_zone", "按片区"), ("trend", "每日趋势")):
        cols = trend_cols if key == "trend" else COLUMNS
        sheet = book.add_worksheet(label)
        sheet.write(0, 0, f"{data['name']}（{data['starts_on']} 至 {data['ends_on']}）", title)
        sheet.write(1, 0, f"目标：{target_text(data)}")
        samples = [[_cell(kind, row[k]) for k, _h, kind in cols] for row in fig[key]]
        table_sheet(
            sheet, [h for _k, h, _kind in cols], header_row=3, samples=samples, heading_format=head
        )
        for r, row in enumerate(fig[key], start=4):
            for c, (k, _h, kind) in enumerate(cols):
                value = row[k]
                if kind == "pct" and value is not None:
                    sheet.write_number(r, c, value, pct)
                elif kind == "flag" or value is None:
                    sheet.write(r, c, _cell(kind, value), cell)
                else:
                    sheet.write(r, c, value, cell)
    book.close()
    return buf.getvalue()
