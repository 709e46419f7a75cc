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


_VOLUME_WORD = {"L": "liter", "dL": "deciliter", "mL": "milliliter", "uL": "microliter", "mm3": "cubic millimeter"}


def _per_volume_rows():
    from celltx.resources import read_jsonl_resource

    for row in read_jsonl_resource("units.jsonl"):
        numerator, _, volume = row.get("unit", "").rpartition("/")
        if row.get("kind") == "lab" and "regex" in row and row.get("powers") != "only" and volume in _VOLUME_WORD:
            yield row["unit"], f"{numerator} per {_VOLUME_WORD[volume]}".strip()


@pytest.mark.parametrize("canonical, written", sorted(set(_per_volume_rows())))
def test_every_unit_per_volume_is_also_read_with_per_and_the_volume_written_out(canonical, written):
    assert canonical_lab_unit(written) == canonical


@pytest.mark.parametrize(
    "written, canonical",
    [("mg per deciliter", "mg/dL"), ("IU per liter", "IU/L"), ("mmol per litre", "mmol/L"),
     ("cells per cubic millimeter", "cells/mm3"), ("x 10^9 per liter", "10^9/L"), ("per cubic millimetre", "/mm3"),
     ("ng per milli-liter", "ng/mL"), ("mg/deciliter", "mg/dL"), ("micrograms per liter", "ug/L"),
     ("grams per deciliter", "g/dL"), ("millimoles per liter", "mmol/L"), ("milliequivalents per liter", "mEq/L"),
     ("international units per liter", "IU/L"), ("ml per minute per 1.73 m2 of body-surface area", "mL/min/1.73 m2"),
     ("milliliters per minute", "mL/min"), ("percentage points", "%"), ("times the upper limit of normal", "x ULN"),
     ("× ULN", "x ULN"), ("mg%", "mg/dL"), ("gm%", "g/dL"), ("g %", "g/dL"), ("cells/cumm", "cells/mm3"),
     ("/cmm", "/mm3"), ("/cu mm", "/mm3"), ("lakh/cumm", "10^5/mm3"), ("lakhs/mm3", "10^5/mm3")],
)
def test_volumes_written_out_after_per_or_a_slash(written, canonical):
    assert canonical_lab_unit(written) == canonical


def test_a_multiple_of_the_upper_limit_of_normal_fits_any_test_and_has_no_si_value():
    from celltx.normalize.si import unit_fits

    assert unit_dimension("x ULN") == "fraction"
    assert unit_fits("alanine aminotransferase", "x ULN") is True


def test_per_volume_form_leaves_other_denominators_alone():
    from celltx.normalize.labs import per_volume_form

    assert per_volume_form(r"mmol\s*/\s*mol") == r"mmol\s*/\s*mol"  # HbA1c in mmol/mol: no volume
    assert per_volume_form(r"mm\s*/\s*(?:h|hr|hour)") == r"mm\s*/\s*(?:h|hr|hour)"
