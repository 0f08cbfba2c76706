"""The one ranking rule (app.core.ranking), as a table of cases: 并列, 末位, 不参评."""

import pytest

from app.core.ranking import rank

# (scores best-first or None for 不参评, bottom_n) → [(rank, tied, bottom)] in the same order
CASES = [
    # Plain: the last three of five are 末位.
    ([90, 80, 70, 60, 50], 3, [(1, 0, 0), (2, 0, 0), (3, 0, 1), (4, 0, 1), (5, 0, 1)]),
    # Not more rated than bottom_n: nobody is named last.
    ([90, 80, 70], 3, [(1, 0, 0), (2, 0, 0), (3, 0, 0)]),
    # Four zones, two tied first at 100.0: 末位 the third and the fourth, never the tie.
    ([100.0, 100.0, 99.5, 98.0], 3, [(1, 1, 0), (1, 1, 0), (3, 0, 1), (4, 0, 1)]),
    # Nine units, eight tied at 2: the tie reaches above the last three, so no 末位 at all.
    ([99] + [95] * 8, 3, [(1, 0, 0)] + [(2, 1, 0)] * 8),
    # A tie wholly within the last places is 末位 whole.
    ([90, 80, 70, 60, 60], 3, [(1, 0, 0), (2, 0, 0), (3, 0, 1), (4, 1, 1), (4, 1, 1)]),
    # A tie straddling the boundary: only the places below it.
    ([90, 80, 80, 70, 60], 2, [(1, 0, 0), (2, 1, 0), (2, 1, 0), (4, 0, 1), (5, 0, 1)]),
    # Competition ranking: the next rank skips the tied places.
    ([9, 8, 8, 7], 0, [(1, 0, 0), (2, 1, 0), (2, 1, 0), (4, 0, 0)]),
    # 不参评 are listed after the ranked, unranked and never 末位, and do not count as rated.
    ([90, None, 80, 70, None], 2, [(1, 0, 0), (2, 0, 1), (3, 0, 1), (None, 0, 0), (None, 0, 0)]),
    ([90, None, 80, 70, 60], 2, [(1, 0, 0), (2, 0, 0), (3, 0, 1), (4, 0, 1), (None, 0, 0)]),
    ([90, None, 80, 70, None], 3, [(1, 0, 0), (2, 0, 0), (3, 0, 0), (None, 0, 0), (None, 0, 0)]),
    ([None, None], 3, [(None, 0, 0), (None, 0, 0)]),
    ([], 3, []),
]


@pytest.mark.parametrize(("scores", "bottom_n", "expected"), CASES)
def test_ranks_ties_bottom_and_unrated(scores, bottom_n, expected):
    rows = [{"name": f"u{i}", "score": s} for i, s in enumerate(scores)]
    out = rank(rows, lambda r: None if r["score"] is None else (r["score"],), bottom_n)
    assert [(r["rank"], int(r["tied"]), int(r["bottom"])) for r in out] == [
        (rk, tied, bottom) for rk, tied, bottom in expected
    ]
    ranked = [r["score"] for r in out if r["rank"] is not None]
    assert ranked == sorted(ranked, reverse=True)


def test_later_figures_break_ties_and_equal_units_keep_name_order():
    rows = [
        {"name": "丙", "m": (90, 0.5)},
        {"name": "乙", "m": (90, 0.8)},
        {"name": "甲", "m": (90, 0.5)},
    ]
    out = rank(rows, lambda r: r["m"], 3)
    assert [(r["name"], r["rank"], r["tied"]) for r in out] == [
        ("乙", 1, False),
        ("丙", 2, True),
        ("甲", 2, True),
    ]
