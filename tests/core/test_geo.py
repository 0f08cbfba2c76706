"""The site-distance rule (app.core.geo) on the table of cases the phone's twin runs too."""

import json
from pathlib import Path

import pytest

from app.core.geo import is_far, site_distance_m

TABLE = json.loads((Path(__file__).parents[1] / "cases" / "site_distance.json").read_text())


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_site_distance_matches_the_shared_table(case):
    d = site_distance_m(case["geometry"], case["lat"], case["lon"])
    assert d == pytest.approx(case["distance_m"], abs=0.01)
    assert is_far(d, case["radius_m"]) is case["far"]
