"""Ranks, 并列 and 末位: the one rule the 通报, the 测评 scoreboard and 专项整治 rank by.

- A unit whose merit is None is 不参评 (nothing to judge it on): listed after the ranked ones,
  with no rank, never 末位.
- Ranked units are ordered best first by merit (a tuple: the first figure decides, the next
  ones break its ties). Equal merit, equal rank, and the next rank skips the tied places
  (1, 2, 2, 4): those units are 并列 (``tied``).
- 末位 (``bottom``) is given only when more units are ranked than ``bottom_n``: to the units
  whose rank falls within the last ``bottom_n`` places. A tie's rank is its first place, so a
  tie reaching above those places is not marked at all: nobody is named last while another
  unit with the same figures is not.
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

Row = TypeVar("Row", bound=dict[str, Any])
Merit = tuple[float, ...]


def rank(
    rows: Iterable[Row],
    merit: Callable[[Row], Merit | None],
    bottom_n: int,
    order: Callable[[Row], Any] = lambda r: r.get("name") or "",
) -> list[Row]:
    """Set ``rank``, ``tied`` and ``bottom`` on each row; ranked rows best first, then 不参评.

    ``order`` sorts rows of equal merit, and the 不参评 among themselves (by name by default).
    """
    in_order = sorted(rows, key=order)
    judged = [(m, r) for r in in_order if (m := merit(r)) is not None]
    judged.sort(key=lambda mr: mr[0], reverse=True)  # stable: equal merit keeps `order`
    ranked = [r for _m, r in judged]
    unranked = [r for r in in_order if merit(r) is None]
    first_bottom = len(ranked) - bottom_n + 1 if 0 < bottom_n < len(ranked) else None
    sizes: dict[int, int] = {}
    for i, (m, r) in enumerate(judged):
        r["rank"] = ranked[i - 1]["rank"] if i > 0 and m == judged[i - 1][0] else i + 1
        sizes[r["rank"]] = sizes.get(r["rank"], 0) + 1
    for r in ranked:
        r["tied"] = sizes[r["rank"]] > 1
        r["bottom"] = first_bottom is not None and r["rank"] >= first_bottom
    for r in unranked:
        r["rank"], r["tied"], r["bottom"] = None, False, False
    return ranked + unranked
