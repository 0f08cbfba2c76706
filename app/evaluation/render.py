"""A round's scores as XLSX and as a printable 测评通报 (A4, no script)."""

import html
import io
from typing import Any

import xlsxwriter

from app.core.xlsx import table_sheet

MEASURES = {"awareness": "知晓率", "support": "支持率", "satisfaction": "满意率"}
UNIT_COLUMNS = [
    ("rank", "排名"),
    ("name", "责任单位"),
    ("sites", "点位数"),
    ("score", "得分"),
    ("delta", "较上轮"),
    ("bottom", "末位"),
]
ZONE_COLUMNS = [
    ("rank", "排名"),
    ("name", "片区"),
    ("sites", "点位数"),
    ("score", "得分"),
    ("delta", "较上轮"),
    ("bottom", "末位"),
]
SITE_COLUMNS = [
    ("name", "点位"),
    ("type_name", "类型"),
    ("zone", "片区"),
    ("unit", "责任单位"),
    ("score", "得分"),
    ("far", "签到偏离"),
]
ITEM_COLUMNS = [
    ("item_code", "标准编号"),
    ("text", "测评标准"),
    ("sites", "扣分点位"),
    ("occurrences", "问题处数"),
    ("points_lost", "扣分合计"),
]

DEDUCTION_COLUMNS = [
    ("site", "点位"),
    ("item_code", "标准编号"),
    ("text", "测评标准"),
    ("occurrences", "问题处数"),
    ("points", "扣分"),
    ("note", "说明"),
    ("ticket", "整改工单"),
    ("photos", "照片"),
]


def rank_text(row: dict[str, Any]) -> str:
    if row.get("rank") is None:
        return "—"
    return f"{row['rank']}（并列）" if row.get("tied") else str(row["rank"])


def delta_text(value: float | None) -> str:
    if value is None:
        return "—"
    if value > 0:
        return f"升 {value:.2f}"
    if value < 0:
        return f"降 {-value:.2f}"
    return "持平"


def cell(key: str, row: dict[str, Any]) -> str:
    value = row.get(key)
    if key == "rank":
        return rank_text(row)
    if key == "delta":
        return delta_text(value)
    if key == "bottom":
        return "末位" if value else ""
    if key == "far":
        return "偏离" if value else ""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _survey_rows(survey: dict[str, Any]) -> list[list[str]]:
    rows = []
    for q in survey.get("questions", []):
        label = MEASURES.get(q["measure"], q["measure"])
        for scope, r in [("全域", q["overall"])] + [(z["zone"] or "片区外", z) for z in q["zones"]]:
            interval = "—" if r["low"] is None else f"{_pct(r['low'])} – {_pct(r['high'])}"
            rows.append([label, q["text"], scope, str(r["n"]), _pct(r["rate"]), interval])
    return rows


SURVEY_HEADINGS = ["指标", "问题", "范围", "样本量", "比率", "95% 置信区间"]


def scores_xlsx(
    data: dict[str, Any], survey: dict[str, Any], deductions: list[dict[str, Any]] | None = None
) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    title = book.add_format({"bold": True, "font_size": 14})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    body = book.add_format({"border": 1})
    low = book.add_format({"border": 1, "bg_color": "#FCE4D6"})
    heading = _heading(data)
    tables = [
        ("按责任单位", UNIT_COLUMNS, data["units"]),
        ("按片区", ZONE_COLUMNS, data["zones"]),
        ("点位得分", SITE_COLUMNS, data["sites"]),
        ("扣分原因", ITEM_COLUMNS, data["items"]),
    ]
    for name, columns, rows in tables:
        sheet = book.add_worksheet(name)
        sheet.write(0, 0, f"{heading} · {name}", title)
        table_sheet(
            sheet,
            [label for _k, label in columns],
            header_row=2,
            heading_format=head,
            samples=[[cell(k, row) for k, _l in columns] for row in rows],
            freeze_cols=2,
        )
        for r, row in enumerate(rows, start=3):
            fmt = low if row.get("bottom") else body
            for c, (key, _label) in enumerate(columns):
                value = row.get(key)
                if key in ("score", "points_lost", "sites", "occurrences") and value is not None:
                    sheet.write_number(r, c, value, fmt)
                else:
                    sheet.write_string(r, c, cell(key, row), fmt)
    if deductions is not None:
        # Every deduction with its ticket and photos (a deduction without a ticket keeps its
        # photos on the sheet: their links are here too).
        sheet = book.add_worksheet("扣分明细")
        sheet.write(0, 0, f"{heading} · 扣分明细", title)
        rows = [[_deduction_cell(k, d) for k, _l in DEDUCTION_COLUMNS] for d in deductions]
        table_sheet(
            sheet,
            [label for _k, label in DEDUCTION_COLUMNS],
            header_row=2,
            heading_format=head,
            samples=rows,
            freeze_cols=2,
        )
        for r, (d, row) in enumerate(zip(deductions, rows, strict=True), start=3):
            for c, (key, _label) in enumerate(DEDUCTION_COLUMNS):
                if key in ("occurrences", "points"):
                    sheet.write_number(r, c, d[key], body)
                else:
                    sheet.write_string(r, c, row[c], body)
    sheet = book.add_worksheet("街访")
    sheet.write(0, 0, f"{heading} · 随机街访", title)
    survey_rows = _survey_rows(survey)
    table_sheet(sheet, SURVEY_HEADINGS, header_row=2, heading_format=head, samples=survey_rows)
    for r, row in enumerate(survey_rows, start=3):
        sheet.write_row(r, 0, row, body)
    book.close()
    return buf.getvalue()


def _deduction_cell(key: str, d: dict[str, Any]) -> str:
    if key == "photos":
        return "\n".join(p["url"] for p in d["photos"])
    if key == "ticket":
        return d["ticket"] or "（不派单）"
    return str(d[key]) if d[key] is not None else ""


def _heading(data: dict[str, Any]) -> str:
    rnd = data["round"]
    return f"{rnd['name']}（{rnd['kind_label']}，{rnd['starts_on']} 至 {rnd['ends_on']}）"


PRINT_CSS = """
@page { size: A4 portrait; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; color: #111; font-size: 10pt; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
.meta { text-align: center; color: #555; margin-bottom: 5mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-left: 3pt solid #1f4e79; padding-left: 2mm; }
table { width: 100%; border-collapse: collapse; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #888; padding: 1mm; text-align: center; }
th { background: #ddebf7; }
td.name { text-align: left; }
tr.bottom td { background: #fce4d6; }
.tag { color: #c00000; font-weight: 700; }
.rules { margin-top: 6mm; color: #444; font-size: 8.5pt; line-height: 1.5; }
@media screen { body { max-width: 210mm; margin: 10mm auto; } }
"""


def _table(columns: list[tuple[str, str]], rows: list[dict[str, Any]]) -> str:
    e = html.escape
    out = [
        "<table><thead><tr>",
        *(f"<th>{e(label)}</th>" for _k, label in columns),
        "</tr></thead><tbody>",
    ]
    for row in rows:
        out.append("<tr class='bottom'>" if row.get("bottom") else "<tr>")
        for key, _label in columns:
            klass = (
                " class='name'"
                if key in ("name", "text")
                else " class='tag'"
                if key == "bottom"
                else ""
            )
            out.append(f"<td{klass}>{e(cell(key, row))}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def scores_html(data: dict[str, Any], survey: dict[str, Any]) -> str:
    e = html.escape
    totals, tickets = data["totals"], data["tickets"]
    status = "已发布" if data["round"]["status"] == "closed" else "测评进行中（未发布）"
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>测评通报 {e(data['round']['name'])}</title>",
        f"<style>{PRINT_CSS}</style></head><body>",
        "<h1>文明城市创建测评通报</h1>",
        f"<div class='meta'>{e(_heading(data))} · {status}</div>",
        "<h2>总体情况</h2>",
        f"<p>本轮共测评点位 {totals['done']} 个（计划 {totals['sites']} 个），平均得分 "
        f"{e(cell('score', totals))} 分；签到偏离 {totals['flagged']} 个。"
        f"当场下单 {tickets['filed']} 件，"
        f"已整改销号 {tickets['closed']} 件，销号率 {_pct(tickets['closure_rate'])}。</p>",
        "<h2>责任单位排名</h2>",
        _table(UNIT_COLUMNS, data["units"]),
        "<h2>片区排名</h2>",
        _table(ZONE_COLUMNS, data["zones"]),
        "<h2>主要扣分原因</h2>",
        _table(ITEM_COLUMNS, data["items"][:15]),
    ]
    if survey.get("questions"):
        parts.append("<h2>随机街访</h2><table><thead><tr>")
        parts += [f"<th>{e(h)}</th>" for h in SURVEY_HEADINGS]
        parts.append("</tr></thead><tbody>")
        for row in _survey_rows(survey):
            cells = [
                f"<td class='name'>{e(c)}</td>" if i == 1 else f"<td>{e(c)}</td>"
                for i, c in enumerate(row)
            ]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</tbody></table>")
    prev = data["round"].get("previous")
    parts.append(
        "<div class='rules'>计分口径：点位得分＝100−各测评标准扣分"
        "（每处扣分×处数，单点不超过上限）；"
        "责任单位、片区得分为所属点位得分的加权平均；并列者同名次，末位为排名最后 "
        f"{data['settings']['bottom_n']} 名。较上轮："
        f"{e(prev['name']) if prev else '无可比轮次'}。</div></body></html>"
    )
    return "".join(parts)
