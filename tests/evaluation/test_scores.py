"""Scoring rules as properties: scores stay in 0–100, and ranks never contradict scores."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.evaluation.scores import rank, site_score
from app.evaluation.survey import wilson

deduction = st.tuples(
    st.integers(min_value=1, max_value=99),
    st.floats(min_value=0.1, max_value=100, allow_nan=False),
    st.floats(min_value=0.1, max_value=100, allow_nan=False),
)


@settings(deadline=None)  # a loaded CI machine must not fail a rule
@given(st.lists(deduction, max_size=60))
def test_a_site_score_never_leaves_0_to_100(deductions):
    score, lost = site_score([(n, p, max(p, cap)) for n, p, cap in deductions])
    assert 0 <= score <= 100
    assert lost >= 0


@settings(deadline=None)  # a loaded CI machine must not fail a rule
@given(
    st.lists(
        st.one_of(st.none(), st.floats(min_value=0, max_value=100).map(lambda x: round(x, 1))),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=5),
)
def test_ranks_never_contradict_scores(scores, bottom_n):
    rows = rank([{"score": s} for s in scores], bottom_n)
    ranked = [r for r in rows if r["score"] is not None]
    for i, a in enumerate(ranked):
        for j, b in enumerate(ranked):
            if i == j:
                continue
            if a["score"] > b["score"]:
                assert a["rank"] < b["rank"]
            if a["score"] == b["score"]:
                assert a["rank"] == b["rank"] and a["tied"] and b["tied"]
            if a["bottom"] and b["score"] < a["score"]:
                assert b["bottom"]
            if a["bottom"] and b["score"] == a["score"]:
                assert b["bottom"]  # a tie is 末位 whole or not at all
    # 末位 never reaches above the last bottom_n places.
    assert sum(r["bottom"] for r in ranked) <= (bottom_n if len(ranked) > bottom_n else 0)
    assert all(r["rank"] is None and not r["bottom"] for r in rows if r["score"] is None)


@settings(deadline=None)  # a loaded CI machine must not fail a rule
@given(st.integers(min_value=1, max_value=5000), st.data())
def test_the_wilson_interval_holds_the_rate(n, data):
    k = data.draw(st.integers(min_value=0, max_value=n))
    low, high = wilson(k, n)  # type: ignore[misc]
    assert 0 <= low <= k / n <= high <= 1
