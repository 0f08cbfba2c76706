"""The bulletin as a county 通报 printable on A4 portrait, and as a workbook that prints.

Both speak the words of app.stats.terms (第49周, 优秀/良好/合格/较差, 并列, 不参评, 逾期,
平均整改时长), the same the console's bulletin page shows.
"""

import html
import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter

from app.core.config import get_settings
from app.core.printing import PRINT_CSS
from app.core.xlsx import column_widths, table_sheet
from app.stats.service import DIMENSION_LABELS, DIMENSIONS
from app.stats.terms import BOTTOM, NOT_RATED, rank_text

# (key, heading, kind): kind picks the cell format.
COLUMNS: list[tuple[str, str, str]] = [
    ("rank", "排名", "rank"),
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
    ("avg_rectify_hours", "平均整改时长（小时）", "num"),
    ("satisfaction_rate", "群众满意率", "pct"),
    ("ratings", "评价数", "int"),
    ("score", "得分", "num"),
    ("grade", "等级", "text"),
    ("bottom", BOTTOM, "flag"),
]
# A4 portrait holds fewer columns: the raw counts behind the rates stay in the workbook.
PRINT_KEYS = (
    "rank", "name", "new", "closed", "due", "closure_rate", "on_time_rate", "rework_rate",
    "overdue", "avg_rectify_hours", "satisfaction_rate", "score", "grade",
)  # fmt: skip
PRINT_COLUMNS = [c for c in COLUMNS if c[0] in PRINT_KEYS]
SUMMARY_KEYS = (
    "new", "closed", "due", "closure_rate", "on_time_rate", "rectified", "reworked",
    "rework_rate", "overdue", "avg_rectify_hours", "satisfaction_rate",
)  # fmt: skip
SUMMARY_COLUMNS = [c for c in COLUMNS if c[0] in SUMMARY_KEYS]
CELL_PROPS: dict[str, dict[str, Any]] = {
    "int": {"border": 1},
    "rank": {"border": 1, "align": "center"},
    "text": {"border": 1, "text_wrap": True, "valign": "top"},
    "pct": {"border": 1, "num_format": "0.0%"},
    "num": {"border": 1, "num_format": "0.0"},
    "flag": {"border": 1, "font_color": "#C00000", "bold": True},
}
CHINESE_NUMERALS = "一二三四五六七八九十"
# 任务清单 per lead unit: (key, heading, kind).
TASK_COLUMNS: list[tuple[str, str, str]] = [
    ("name", "牵头单位", "text"),
    ("open", "在办", "int"),
    ("red", "红灯", "int"),
    ("yellow", "黄灯", "int"),
    ("green", "绿灯", "int"),
    ("completed", "本周完成", "int"),
    ("milestones_due", "本周到期节点", "int"),
    ("on_time_rate", "节点按期率", "pct"),
    ("escalated", "督办中", "int"),
    ("late", "红灯任务", "text"),
]
# 专项整治 running in the week: (key, heading, kind).
CAMPAIGN_COLUMNS: list[tuple[str, str, str]] = [
    ("name", "专项整治", "text"),
    ("department", "牵头部门", "text"),
    ("period", "整治期间", "text"),
    ("found_in_week", "本周发现", "int"),
    ("rectified_in_week", "本周整改", "int"),
    ("found", "累计发现", "int"),
    ("rectified", "累计整改", "int"),
    ("overdue", "逾期", "int"),
    ("on_time_rate", "按时率", "pct"),
    ("target_rate", "目标", "pct"),
    ("verdict", "是否达标", "text"),
]


def _campaign_cell(row: dict[str, Any], key: str) -> Any:
    if key == "period":
        return f"{row['starts_on']} 至 {row['ends_on']}"
    if key == "verdict":
        return {True: "达标", False: "未达标"}.get(row["meets_target"], "—")
    return row.get(key)


def late_tasks(unit: dict[str, Any]) -> str:
    """The unit's red-lit tasks by title, with the milestone they are late on."""
    return "；".join(
        f"{t['title']}（{t['milestone']}，{t['due_on']}）"
        for t in unit["tasks"]
        if t["light"] == "red"
    )


def _task_cell(unit: dict[str, Any], key: str) -> Any:
    return late_tasks(unit) if key == "late" else unit.get(key)


def display_name(dim: str, row: dict[str, Any]) -> str:
    name = row.get("name") or ""
    extra = row.get("chief") if dim in ("road", "zone") else row.get("title")
    if dim == "zone" and row.get("leader"):
        extra = "；".join(filter(None, [extra, f"挂包领导 {row['leader']}"]))
    return f"{name}（{extra}）" if extra else name


def cell_text(kind: str, value: Any, row: dict[str, Any] | None = None) -> str:
    if kind == "rank" and row is not None:
        return rank_text(row.get("rank"), bool(row.get("tied")))
    if value is None:
        return "—"
    if kind == "pct":
        return f"{value * 100:.1f}%"
    if kind == "num":
        return f"{value:.1f}"
    if kind == "flag":
        return BOTTOM if value else ""
    return str(value)


def _local(moment: str) -> str:
    """An ISO UTC moment as local wall-clock time, minutes precision."""
    zone = ZoneInfo(get_settings().timezone)
    return datetime.fromisoformat(moment).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def rules_text(cfg: dict[str, Any]) -> str:
    ladder = sorted(cfg["grades"].items(), key=lambda kv: -kv[1])
    grades = "，".join(
        f"{word}≥{floor:g}" if i < len(ladder) - 1 else f"其余为{word}"
        for i, (word, floor) in enumerate(ladder)
    )
    return (
        "结案率＝本周应结案卷中周末前已结案数÷本周应结数；按期结案率＝其中按期结案数÷本周应结数；"
        "返工率＝本周返工（核查不通过）次数÷本周提交整改次数；逾期＝截至统计时点已过整改期限"
        "仍未结案数；平均整改时长＝本周提交整改距派遣的平均小时数。得分按结案率、按期结案率、"
        f"1−返工率、1−逾期占比加权；等级{grades}。本周无应结且无逾期案卷的单位{NOT_RATED}。"
        f"得分相同者并列同一名次；{BOTTOM}为排名最后 {cfg['bottom_n']} 名，"
        "与其上名次并列的不列为末位。"
    )


def bulletin_xlsx(data: dict[str, Any]) -> bytes:
    """A cover sheet with the 通报's text and totals, then one ranked sheet per dimension."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    title = book.add_format({"bold": True, "font_size": 14})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center",
                            "valign": "vcenter", "text_wrap": True})  # fmt: skip
    fmts = {kind: book.add_format(props) for kind, props in CELL_PROPS.items()}
    # The last-ranked stand out in print and on screen.
    low = {
        kind: book.add_format({**props, "bg_color": "#FCE4D6"})
        for kind, props in CELL_PROPS.items()
    }
    doc = data["document"]
    period = f"{data['week_title']}（{data['first_day']} 至 {data['last_day']}）"

    cover = book.add_worksheet("汇总")
    cover.write(0, 0, doc["title"], title)
    cover.write(1, 0, f"{period}，统计截至 {_local(data['as_of'])}")
    table_sheet(
        cover, ["指标", "数值"], header_row=3, widths=[22, 14], freeze_cols=0, heading_format=head
    )
    totals = data["totals"]
    for i, (key, label, kind) in enumerate(SUMMARY_COLUMNS, start=4):
        cover.write_string(i, 0, label, fmts["text"])
        _write(cover, i, 1, kind, totals.get(key), fmts)
    row = 5 + len(SUMMARY_COLUMNS)
    text = [
        ("总体情况", doc["overview"]),
        ("存在问题", "\n".join(doc["problems"])),
        ("工作要求", doc["requirements"]),
        ("统计口径", rules_text(data["settings"])),
    ]
    for label, body in text:
        cover.write_string(row, 0, label, head)
        cover.merge_range(row, 1, row, 6, body, wrap)
        cover.set_row(row, 15 * max(2, len(body) // 40 + body.count("\n") + 1))
        row += 1

    headings = [label for _k, label, _kind in COLUMNS]
    for dim in DIMENSIONS:
        rows = data["sections"][dim]
        sheet = book.add_worksheet(f"按{DIMENSION_LABELS[dim]}")
        sheet.write(0, 0, f"{doc['title']} · 按{DIMENSION_LABELS[dim]}排名", title)
        sheet.write(1, 0, period)
        texts = [[cell_text(k, r.get(k), r) if k != "name" else display_name(dim, r)
                  for k, _l, _kind in COLUMNS] for r in rows]  # fmt: skip
        widths = column_widths(headings, texts)
        # Long headings wrap in their cell instead of widening every number column.
        widths = [min(w, 12.0) if i > 1 else w for i, w in enumerate(widths)]
        table_sheet(sheet, headings, header_row=2, widths=widths, freeze_cols=2,
                    heading_format=head)  # fmt: skip
        for r, unit in enumerate(rows, start=3):
            styles = low if unit["bottom"] else fmts
            for col, (key, _label, kind) in enumerate(COLUMNS):
                value = display_name(dim, unit) if key == "name" else unit.get(key)
                if kind == "rank" and unit["tied"]:
                    value = cell_text(kind, value, unit)  # 3（并列）
                _write(sheet, r, col, kind, value, styles)

    units = data.get("tasks", [])
    sheet = book.add_worksheet("任务清单")
    sheet.write(0, 0, f"{doc['title']} · 任务清单（按牵头单位）", title)
    sheet.write(1, 0, period)
    task_headings = [label for _k, label, _kind in TASK_COLUMNS]
    texts = [[cell_text(kind, _task_cell(u, k), u) for k, _l, kind in TASK_COLUMNS] for u in units]
    table_sheet(sheet, task_headings, header_row=2, widths=column_widths(task_headings, texts),
                freeze_cols=1, heading_format=head)  # fmt: skip
    for r, unit in enumerate(units, start=3):
        for col, (key, _label, kind) in enumerate(TASK_COLUMNS):
            _write(sheet, r, col, kind, _task_cell(unit, key), fmts)

    runs = data.get("campaigns", [])
    sheet = book.add_worksheet("专项整治")
    sheet.write(0, 0, f"{doc['title']} · 专项整治", title)
    sheet.write(1, 0, period)
    headings = [label for _k, label, _kind in CAMPAIGN_COLUMNS]
    texts = [
        [cell_text(kind, _campaign_cell(c, k)) for k, _l, kind in CAMPAIGN_COLUMNS] for c in runs
    ]
    table_sheet(sheet, headings, header_row=2, widths=column_widths(headings, texts),
                freeze_cols=1, heading_format=head)  # fmt: skip
    for r, run in enumerate(runs, start=3):
        styles = low if run["meets_target"] is False else fmts
        for col, (key, _label, kind) in enumerate(CAMPAIGN_COLUMNS):
            _write(sheet, r, col, kind, _campaign_cell(run, key), styles)
    book.close()
    return buf.getvalue()


def _write(sheet: Any, row: int, col: int, kind: str, value: Any, fmts: dict[str, Any]) -> None:
    if value is None:
        sheet.write_string(row, col, "—", fmts["text"])
    elif kind == "flag":
        sheet.write_string(row, col, BOTTOM if value else "", fmts["flag"])
    elif kind in ("pct", "num", "int") or (kind == "rank" and not isinstance(value, str)):
        sheet.write_number(row, col, value, fmts[kind])
    else:
        sheet.write_string(row, col, str(value), fmts[kind if kind == "rank" else "text"])


def _ranking_table(dim: str, rows: list[dict[str, Any]]) -> str:
    e = html.escape
    parts = ["<table class='units'><thead><tr>"]
    parts += [f"<th>{e(label)}</th>" for _k, label, _kind in PRINT_COLUMNS]
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr class='bottom'>" if row["bottom"] else "<tr>")
        for key, _label, kind in PRINT_COLUMNS:
            if key == "name":
                tag = f" <span class='tag'>{BOTTOM}</span>" if row["bottom"] else ""
                parts.append(f"<td class='name'>{e(display_name(dim, row))}{tag}</td>")
            else:
                parts.append(f"<td>{e(cell_text(kind, row.get(key), row))}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def bulletin_html(data: dict[str, Any]) -> str:
    """A self-contained A4 page: the browser's print dialog makes the PDF."""
    e = html.escape
    doc = data["document"]
    number = (
        f"<div class='docno'>{e(doc['number'])}</div>"
        if doc["number"]
        else "<div class='docno draft'>（未印发，无文号）</div>"
    )
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{e(doc['title'])}</title><style>{PRINT_CSS}</style></head><body>",
        f"<div class='issuer'>{e(doc['issuer'])}</div>{number}<hr class='rule'>",
        f"<h1>{e(doc['title'])}</h1>",
        f"<p class='addressee'>{e(doc['addressee'])}</p>",
        f"<p>现将{e(data['week_title'])}（{e(data['first_day'])}至{e(data['last_day'])}）"
        f"路长制工作情况通报如下（统计截至 {e(_local(data['as_of']))}）：</p>",
        f"<h2>一、总体情况</h2><p>{e(doc['overview'])}</p>",
        "<h2>二、排名情况</h2>",
    ]
    for i, dim in enumerate(DIMENSIONS):
        rows = data["sections"][dim]
        parts.append(f"<h3>（{CHINESE_NUMERALS[i]}）按{e(DIMENSION_LABELS[dim])}排名</h3>")
        parts.append(_ranking_table(dim, rows) if rows else "<p>本周无数据。</p>")
    units = data.get("tasks", [])
    parts.append(f"<h3>（{CHINESE_NUMERALS[len(DIMENSIONS)]}）任务清单（按牵头单位）</h3>")
    if units:
        parts.append("<table class='units'><thead><tr>")
        parts += [f"<th>{e(label)}</th>" for _k, label, _kind in TASK_COLUMNS]
        parts.append("</tr></thead><tbody>")
        for unit in units:
            parts.append("<tr>")
            parts += [
                f"<td class='name'>{e(str(_task_cell(unit, k)))}</td>"
                if kind == "text"
                else f"<td>{e(cell_text(kind, unit.get(k), unit))}</td>"
                for k, _l, kind in TASK_COLUMNS
            ]
            parts.append("</tr>")
        parts.append("</tbody></table>")
    else:
        parts.append("<p>本周无在办任务。</p>")
    runs = data.get("campaigns", [])
    parts.append(f"<h3>（{CHINESE_NUMERALS[len(DIMENSIONS) + 1]}）专项整治</h3>")
    if runs:
        parts.append("<table class='units'><thead><tr>")
        parts += [f"<th>{e(label)}</th>" for _k, label, _kind in CAMPAIGN_COLUMNS]
        parts.append("</tr></thead><tbody>")
        for run in runs:
            parts.append("<tr class='bottom'>" if run["meets_target"] is False else "<tr>")
            parts += [
                f"<td class='name'>{e(str(_campaign_cell(run, k) or '—'))}</td>"
                if kind == "text"
                else f"<td>{e(cell_text(kind, _campaign_cell(run, k)))}</td>"
                for k, _l, kind in CAMPAIGN_COLUMNS
            ]
            parts.append("</tr>")
        parts.append("</tbody></table>")
    else:
        parts.append("<p>本周无专项整治。</p>")
    parts.append("<h2>三、存在问题</h2>")
    parts += [f"<p>{i}. {e(line)}</p>" for i, line in enumerate(doc["problems"], 1)]
    parts.append("<h2>四、工作要求</h2>")
    parts += [f"<p>{e(line)}</p>" for line in doc["requirements"].splitlines() if line.strip()]
    parts.append(f"<p class='rules'>附：统计口径。{e(rules_text(data['settings']))}</p>")
    parts.append(
        f"<div class='signature'>{e(doc['signature'])}<br>{e(doc['date'])}</div>"
        f"<div class='colophon'><div><span>抄送：{e(doc['cc'])}。</span></div>"
        f"<div><span>{e(doc['issuer'])}</span><span>{e(doc['date'])}印发</span></div></div>"
        "</body></html>"
    )
    return "".join(parts)
