"""Lab units read by the one units table (patterns/units.jsonl): canonical spelling per notation."""

from __future__ import annotations

import pytest

from celltx.normalize.labs import canonical_lab_unit, unit_dimension


@pytest.mark.parametrize(
    "written, canonical",
    [("pmol l-1", "pmol/L"), ("mmol l−1", "mmol/L"), ("mmol/l min", "mmol/L.min"),
     ("mmol/L/min", "mmol/L.min"), ("mg/dL·h", "mg/dL.h"), ("ng/mL", "ng/mL"),
     ("g dl−1", "g/dL"), ("g.dl-1", "g/dL"), ("ng ml−1", "ng/mL"), ("U l-1", "U/L"), ("ml min−1", "mL/min"),
     ("mL·min−1·1.73 m−2", "mL/min/1.73 m2"), ("mM", "mmol/L"), ("μM", "umol/L"), ("nM", "nmol/L"), ("pM", "pmol/L")],
)
def test_exponent_and_area_under_the_curve_notations_have_one_canonical_unit(written, canonical):
    assert canonical_lab_unit(written) == canonical


def test_an_area_under_the_curve_is_its_own_dimension_not_a_concentration():
    assert unit_dimension("mmol/L.min") == "auc"
    assert unit_dimension("mmol/L") == "substance"
