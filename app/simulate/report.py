"""The report: a terminal summary and a self-contained HTML page (pygal's SVG charts inline,
no script, nothing fetched), for a county to read after a rehearsal."""

import html
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygal
from pygal.style import Style

from app.simulate.clock import DAY, HOUR
from app.simulate.invariants import latencies

if TYPE_CHECKING:
    from app.simulate.run import Outcome

STYLE = Style(
    font_family="'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    background="white",
    plot_background="white",
    colors=("#1f6feb", "#2da44e", "#d1242f", "#bf8700", "#8250df"),
    title_font_size=16,
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=12,
)
CHART = {"js": [], "style": STYLE, "disable_xml_declaration": True, "width": 900, "height": 380}


def offsets(outcome: "Outcome", value: str | None) -> float | None:
    """A server time as simulated seconds since Monday 00:00 (our own server runs on the
    simulated clock; a deployment runs on the real one)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if outcome.options.against:
        return outcome.clock.offset(moment.timestamp())
    return (moment - outcome.clock.start).total_seconds()


def per_day(outcome: "Outcome") -> tuple[list[str], list[int], list[int]]:
    days = outcome.plan.days
    filed, closed = [0] * days, [0] * days
    for t in outcome.tickets:
        for field, counts in (("received_at", filed), ("closed_at", closed)):
            at = offsets(outcome, t.get(field))
            if at is not None and 0 <= at < days * DAY:
                counts[int(at // DAY)] += 1
    return [f"D{d + 1}" for d in range(days)], filed, closed


def curve(outcome: "Outcome") -> tuple[list[float], list[int], list[int], list[int]]:
    """Hour by hour: tickets filed so far, closed so far, open."""
    hours = int(outcome.plan.days * DAY // HOUR)
    filed, closed = [0] * (hours + 1), [0] * (hours + 1)
    for t in outcome.tickets:
        for field, counts in (("received_at", filed), ("closed_at", closed)):
            at = offsets(outcome, t.get(field))
            if at is not None and 0 <= at < hours * HOUR:
                counts[int(at // HOUR) + 1] += 1
    cf, cc = [], []
    f = c = 0
    for h in range(hours + 1):
        f, c = f + filed[h], c + closed[h]
        cf.append(f)
        cc.append(c)
    return [h / 24 for h in range(hours + 1)], cf, cc, [a - b for a, b in zip(cf, cc, strict=True)]


def slowest_units(outcome: "Outcome", n: int = 12) -> list[tuple[str, float, int]]:
    """Assignees by their mean hours from assignment to the after-photo (rectified tickets)."""
    hours: dict[str, list[float]] = defaultdict(list)
    for t in outcome.tickets:
        a, r = offsets(outcome, t.get("assigned_at")), offsets(outcome, t.get("rectified_at"))
        who = (t.get("department") or {}).get("name") or (t.get("assignee") or {}).get("name")
        if a is not None and r is not None and who and a >= 0:  # this week's, not before
            hours[who].append((r - a) / HOUR)
    rows = [(who, sum(v) / len(v), len(v)) for who, v in hours.items()]
    return sorted(rows, key=lambda r: -r[1])[:n]


SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def svg(chart: Any) -> str:
    """The chart as inline SVG without pygal's config script: the page runs no script."""
    return SCRIPT.sub("", chart.render(is_unicode=True))


def charts(outcome: "Outcome") -> list[tuple[str, str]]:
    out = []
    labels, filed, closed = per_day(outcome)
    bar = pygal.Bar(title="每日新增与结案 (tickets filed / closed per day)", **CHART)
    bar.x_labels = labels
    bar.add("新增 filed", filed)
    bar.add("结案 closed", closed)
    out.append(("tickets per day", svg(bar)))

    xs, cf, cc, open_ = curve(outcome)
    line = pygal.XY(
        title="结案曲线 (closure curve, cumulative)", show_dots=False, x_title="day", **CHART
    )
    line.add("累计新增 filed", list(zip(xs, cf, strict=True)))
    line.add("累计结案 closed", list(zip(xs, cc, strict=True)))
    line.add("在办 open", list(zip(xs, open_, strict=True)))
    out.append(("closure curve", svg(line)))

    slow = slowest_units(outcome)
    if slow:
        units = pygal.HorizontalBar(
            title="整改最慢的单位 (mean hours assigned → after-photo)", **CHART
        )
        for who, mean, count in slow:
            units.add(f"{who} ({count})", [round(mean, 1)])
        out.append(("slowest units", svg(units)))

    lat = latencies(outcome.county.api)[:14]
    if lat:
        chart = pygal.HorizontalBar(title="响应时间 (latency p50 / p95, ms)", **CHART)
        chart.x_labels = [r[0] for r in lat]
        chart.add("p50", [round(r[2]) for r in lat])
        chart.add("p95", [round(r[3]) for r in lat])
        out.append(("latencies", svg(chart)))
    return out


def summary_lines(outcome: "Outcome") -> list[str]:
    o, w = outcome.options, outcome.county.world
    lines = [
        f"roadchief simulate: {o.days} day(s), seed {o.seed}, ×{o.speed:g}, "
        f"{o.inspectors} inspectors, {o.citizens} citizens, on {outcome.database} "
        f"({outcome.wall_s:.0f} s)",
        "plan: " + ", ".join(f"{v} {k}" for k, v in outcome.plan.summary().items()),
        "done: " + ", ".join(f"{n} {k}" for k, n in sorted(w.actions.items())),
    ]
    lag = sorted(outcome.lag)
    if lag:
        p95 = lag[min(len(lag) - 1, round(0.95 * (len(lag) - 1)))]
        lines.append(
            f"timing: actions started a median {lag[len(lag) // 2] / 60:.0f} and p95 "
            f"{p95 / 60:.0f} simulated minutes after their planned moment"
        )
    lines.append("faults:")
    for f in outcome.faults:
        lines.append(f"  {f.started or '-':>9}–{f.ended or '':<9} {f.fault.what}")
        lines += [f"              {e}" for e in f.effect]
    lines.append("invariants:")
    for c in outcome.checks:
        lines.append(f"  [{c.verdict}] {c.name}: {c.summary}")
        lines += [f"      - {e}" for e in c.evidence[:6]]
        if len(c.evidence) > 6:
            lines.append(f"      … and {len(c.evidence) - 6} more (in the HTML report)")
    lines.append("latency (slowest p95 first):")
    for route, n, p50, p95 in latencies(outcome.county.api)[:10]:
        lines.append(f"  {route:<48} n={n:<5} p50 {p50:7.0f} ms  p95 {p95:7.0f} ms")
    return lines


def write_html(outcome: "Outcome", path: str) -> None:
    o, e = outcome.options, html.escape
    verdicts = Counter(c.verdict for c in outcome.checks)
    rows = "".join(
        f"<tr class='{c.verdict.split()[0].lower()}'><td>{e(c.verdict)}</td><td>{e(c.name)}</td>"
        f"<td>{e(c.summary)}"
        + (
            "<details><summary>evidence</summary><ul>"
            + "".join(f"<li>{e(x)}</li>" for x in c.evidence[:200])
            + "</ul></details>"
            if c.evidence
            else ""
        )
        + "</td></tr>"
        for c in outcome.checks
    )
    faults = "".join(
        f"<tr><td>{e(f.started)}</td><td>{e(f.ended)}</td><td>{e(f.fault.what)}</td>"
        f"<td>{'<br>'.join(e(x) for x in f.effect)}</td></tr>"
        for f in outcome.faults
    )
    lat = "".join(
        f"<tr><td>{e(r)}</td><td>{n}</td><td>{p50:.0f}</td><td>{p95:.0f}</td></tr>"
        for r, n, p50, p95 in latencies(outcome.county.api)
    )
    done = "".join(
        f"<tr><td>{e(k)}</td><td>{n}</td></tr>"
        for k, n in sorted(outcome.county.world.actions.items())
    )
    figures = "".join(f"<figure>{svg}</figure>" for _name, svg in charts(outcome))
    page = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>路长通演练报告 · seed {o.seed}</title>
<style>
body {{ font-family: 'Noto Sans CJK SC', 'PingFang SC', sans-serif; margin: 2em auto;
  max-width: 960px; color: #1f2328; }}
table {{ border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 14px; }}
td, th {{ border-bottom: 1px solid #d0d7de; padding: 4px 8px; text-align: left;
  vertical-align: top; }}
tr.pass td:first-child {{ color: #1a7f37; font-weight: bold; }}
tr.fail td:first-child {{ color: #cf222e; font-weight: bold; }}
tr.skip td:first-child {{ color: #6e7781; }}
figure {{ margin: 1.5em 0; }} figure svg {{ width: 100%; height: auto; }}
</style></head><body>
<h1>路长通 · 一周演练报告</h1>
<p>{o.days} 天（模拟）, 种子 {o.seed}, 倍速 ×{o.speed:g}, {o.inspectors} 名巡查员,
{o.citizens} 名市民, 数据库 {e(outcome.database)}, 用时 {outcome.wall_s:.0f} 秒。
Checks: {e(", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))}.</p>
<h2>Invariants</h2><table><tr><th></th><th>check</th><th>what was found</th></tr>{rows}</table>
<h2>Faults</h2><table><tr><th>from</th><th>to</th><th>fault</th><th>what it did</th></tr>
{faults}</table>
{figures}
<h2>What the county did</h2><table>{done}</table>
<h2>Latency per endpoint (ms)</h2>
<table><tr><th>route</th><th>n</th><th>p50</th><th>p95</th></tr>{lat}</table>
<h2>What varies between runs of the same seed</h2>
<p>The plan (who reports what, where, when, and how each case goes) is fixed by the seed.
Ticket ids and numbers, which unit the server routes to when two roads are equally near,
how late each action starts behind its planned moment when the server is busy, and the
notification events (their number depends on escalations, which depend on timing) vary.</p>
</body></html>
"""
    Path(path).write_text(page, encoding="utf-8")


def everything(outcome: "Outcome") -> str:
    """The terminal summary; writes the HTML page too."""
    if outcome.options.report:
        write_html(outcome, outcome.options.report)
        outcome.report_path = outcome.options.report
    lines = summary_lines(outcome)
    if outcome.report_path:
        lines.append(f"report: {outcome.report_path}")
    return "\n".join(lines)
