"""The words the bulletin speaks in, the same on screen, in print and in spreadsheets.

第49周 rather than 2026-W49, 优秀/良好/合格/较差 rather than A–E, 逾期 (never 超期),
平均整改时长, 并列 for ties and 不参评 for a unit with nothing due.
"""

import datetime as dt

NOT_RATED = "不参评"
TIED = "并列"
BOTTOM = "末位"
OVERDUE = "逾期"


def week_name(iso_label: str) -> str:
    """2026-W49 → 第49周."""
    return f"第{int(iso_label.split('-W')[1])}周"


def week_title(iso_label: str) -> str:
    """2026-W49 → 2026年第49周."""
    return f"{int(iso_label.split('-W')[0])}年{week_name(iso_label)}"


def chinese_date(day: dt.date) -> str:
    """2026-12-01 → 2026年12月1日, as a 落款 is dated."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_day(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def rank_text(rank: int | None, tied: bool) -> str:
    """3 → 3, a tie → 3（并列）, unrated → —."""
    if rank is None:
        return "—"
    return f"{rank}（{TIED}）" if tied else str(rank)
