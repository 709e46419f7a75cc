"""Lab units read by the one units table (patterns/units.jsonl): canonical spelling per notation."""

from __future__ import annotations

import pytest

from celltx.normalize.labs import canonical_lab_unit, unit_dimension


@pytest.mark.parametrize(
    "written, canonical",
    [("pmol l-1", "pmol/L"), ("mmol l−1", "mmol/L"), ("mmol/l min", "mmol/L.min"),
     ("mmol/L/min", "mmol/L.min"), ("mg/dL·h", "mg/dL.h"), ("ng/mL", "ng/mL")],
)
def test_exponent_and_area_under_the_curve_notations_have_one_canonical_unit(written, canonical):
    assert canonical_lab_unit(written) == canonical


def test_an_area_under_the_curve_is_its_own_dimension_not_a_concentration():
    assert unit_dimension("mmol/L.min") == "auc"
    assert unit_dimension("mmol/L") == "substance"
