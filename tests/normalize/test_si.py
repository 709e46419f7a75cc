"""LOINC codes and SI conversions (celltx.normalize.si), each checked against a published table."""

from __future__ import annotations

import math

import pytest

from celltx.normalize import si
from celltx.resources import read_jsonl_resource
from celltx.schema import validate_record

# (analyte, reported value, reported unit, SI value, SI unit): worked examples from
# Young DS, "Implementation of SI units for clinical laboratory data. Style specifications and
# conversion tables", Ann Intern Med 1987;106:114-129, as reprinted in the AMA Manual of Style
# (SI conversion table, "Units of Measure"), rounded to the table's significant figures.
AMA_TABLE = [
    ("glucose", 100.0, "mg/dL", 5.55, "mmol/L"),
    ("fasting plasma glucose", 126.0, "mg/dL", 6.99, "mmol/L"),
    ("creatinine", 1.0, "mg/dL", 88.4, "umol/L"),
    ("total bilirubin", 1.0, "mg/dL", 17.1, "umol/L"),
    ("direct bilirubin", 0.3, "mg/dL", 5.13, "umol/L"),
    ("albumin", 3.5, "g/dL", 35.0, "g/L"),
    ("total protein", 7.0, "g/dL", 70.0, "g/L"),
    ("hemoglobin", 14.0, "g/dL", 140.0, "g/L"),
    ("total cholesterol", 200.0, "mg/dL", 5.17, "mmol/L"),
    ("hdl cholesterol", 40.0, "mg/dL", 1.03, "mmol/L"),
    ("ldl cholesterol", 130.0, "mg/dL", 3.36, "mmol/L"),
    ("triglycerides", 150.0, "mg/dL", 1.69, "mmol/L"),
    ("blood urea nitrogen", 14.0, "mg/dL", 5.0, "mmol/L"),
    ("uric acid", 6.0, "mg/dL", 357.0, "umol/L"),
    ("calcium", 10.0, "mg/dL", 2.50, "mmol/L"),
    ("phosphate", 3.1, "mg/dL", 1.0, "mmol/L"),
    ("magnesium", 2.0, "mg/dL", 0.82, "mmol/L"),
    ("ammonia", 50.0, "ug/dL", 29.4, "umol/L"),
    ("iron", 100.0, "ug/dL", 17.9, "umol/L"),
    ("ferritin", 100.0, "ng/mL", 100.0, "ug/L"),
    ("c-reactive protein", 1.0, "mg/dL", 10.0, "mg/L"),
    ("insulin", 10.0, "uIU/mL", 69.5, "pmol/L"),
    ("c-peptide", 2.0, "ng/mL", 0.662, "nmol/L"),
    ("alpha-fetoprotein", 20.0, "ng/mL", 20.0, "ug/L"),
    ("fibrinogen", 300.0, "mg/dL", 3.0, "g/L"),
    ("lactate", 9.0, "mg/dL", 1.0, "mmol/L"),
    ("25-hydroxyvitamin d", 30.0, "ng/mL", 74.9, "nmol/L"),
    ("vitamin b12", 400.0, "pg/mL", 295.0, "pmol/L"),
    ("folate", 10.0, "ng/mL", 22.7, "nmol/L"),
    ("cortisol", 10.0, "ug/dL", 276.0, "nmol/L"),
    ("sodium", 140.0, "mEq/L", 140.0, "mmol/L"),
    ("potassium", 4.0, "mEq/L", 4.0, "mmol/L"),
    ("zinc", 100.0, "ug/dL", 15.3, "umol/L"),
    ("copper", 100.0, "ug/dL", 15.7, "umol/L"),
    ("alanine aminotransferase", 0.5, "ukat/L", 30.0, "U/L"),
    ("platelet count", 150.0, "10^3/uL", 150.0, "10^9/L"),
    ("white blood cell count", 6000.0, "cells/uL", 6.0, "10^9/L"),
    ("thyroid-stimulating hormone", 2.0, "uIU/mL", 2.0, "mIU/L"),
    ("haptoglobin", 100.0, "mg/dL", 1.0, "g/L"),
]


@pytest.mark.parametrize(("analyte", "value", "unit", "expected", "si_unit"), AMA_TABLE)
def test_conversion_matches_the_published_table(analyte, value, unit, expected, si_unit):
    """Each conversion against the worked value of the AMA Manual of Style SI conversion table
    (Young DS, Ann Intern Med 1987;106:114-129): equal to the table's 3 significant figures."""
    out = si.to_si(analyte, {"value": value, "unit": unit})
    assert out is not None, (analyte, unit)
    assert out["unit"] == si_unit
    assert math.isclose(out["value"], expected, rel_tol=6e-3), (analyte, out["value"], expected)


# NGSP/IFCC HbA1c conversion table (IFCC-NGSP master equation, Hoelzel W et al., Clin Chem
# 2004;50:166-174: NGSP % = 0.09148 x IFCC mmol/mol + 2.152), as published by the NGSP.
NGSP_IFCC = [(5.0, 31), (6.0, 42), (6.5, 48), (7.0, 53), (8.0, 64), (9.0, 75), (10.0, 86), (12.0, 108)]


@pytest.mark.parametrize(("ngsp", "ifcc"), NGSP_IFCC)
def test_hba1c_by_the_ifcc_ngsp_master_equation(ngsp, ifcc):
    """HbA1c % (NGSP/DCCT) -> mmol/mol (IFCC), rounded as in the NGSP conversion table."""
    out = si.to_si("hba1c", {"value": ngsp, "sd": 1.0, "unit": "%"})
    assert out["unit"] == "mmol/mol"
    assert round(out["value"]) == ifcc
    assert out["sd"] == pytest.approx(10.93, abs=0.01)  # a spread converts by the slope only


def test_hba1c_change_uses_the_slope_only():
    """A change of -0.7 % is -7.7 mmol/mol (NGSP/IFCC table: 1 % point = 10.93 mmol/mol)."""
    out = si.to_si("hba1c", {"value": -0.7, "unit": "%"}, change=True)
    assert out["value"] == pytest.approx(-7.65, abs=0.01)


def test_si_is_absent_when_unknown():
    assert si.to_si("meld", {"value": 17.9, "unit": None}) is None  # a score: nothing to convert
    assert si.to_si("glucose", {"value": 5.0, "unit": None}) is None  # no unit written
    assert si.to_si("glucose", {"value": 5.0, "unit": "furlongs"}) is None
    assert si.to_si("interleukin-17", {"value": 5.0, "unit": "pg/mL"}) is None  # no row
    assert si.to_si(None, {"value": 5.0, "unit": "mg/dL"}) is None
    assert si.to_si("inr", {"value": 1.4, "unit": None}) is None


def test_units_are_matched_in_any_spelling():
    assert si.to_si("creatinine", {"value": 1.2, "unit": "mg/dl"})["value"] == pytest.approx(106.08)
    assert si.to_si("total bilirubin", {"value": 34.2, "unit": "\u03bcmol/l"})["value"] == pytest.approx(34.2)
    assert si.to_si("creatinine", {"value": 0.1, "unit": "mmol/L"})["value"] == pytest.approx(100.0)  # prefix only
    assert si.to_si("albumin", {"value": 35.0, "unit": "g/L", "low": 30, "high": 40}) == {
        "value": 35.0, "sd": None, "low": 30.0, "high": 40.0, "unit": "g/L"}


def test_labunits_factors_agree_with_the_published_table():
    """Rows taking their factor from labunits (MIT) get the AMA table's value (glucose 0.0555,
    creatinine 88.4, albumin 10, triglycerides 0.0113, urea nitrogen 0.357)."""
    rows = si.analyte_rows()
    assert rows["glucose"]["sources"]["mg/dL"] == "labunits"
    assert rows["glucose"]["factors"]["mg/dL"] == pytest.approx(0.0555, rel=2e-3)
    assert rows["creatinine"]["factors"]["mg/dL"] == pytest.approx(88.4)
    assert rows["albumin"]["factors"]["g/dL"] == pytest.approx(10.0)
    assert rows["triglycerides"]["factors"]["mg/dL"] == pytest.approx(0.0113, rel=2e-3)
    assert rows["blood urea nitrogen"]["factors"]["mg/dL"] == pytest.approx(0.357)


def test_data_file_rows_are_well_formed():
    names: set[str] = set()
    for row in read_jsonl_resource(si.DATA_FILE):
        assert row["names"] and not names & set(row["names"]), row
        names |= set(row["names"])
        assert row.get("loinc") is None or row["loinc"].count("-") == 1
        if row.get("labunits") is None and row.get("si_unit"):
            assert row.get("why"), row  # what labunits lacks is said


def test_loinc_follows_the_unit_of_the_values():
    assert si.loinc_for("hba1c") == "4548-4"
    assert si.loinc_for("albumin") == "1751-7"
    assert si.loinc_for("glucose", "mmol/L") == "14749-6"
    assert si.loinc_for("glucose", "mg/dL") == "2345-7"
    assert si.loinc_for("meld") is None


def test_is_change():
    text = "HbA1c decreased by 0.7% while FPG fell from 8.1 to 7.2 mmol/L; HbA1c was 7.1%."
    assert si.is_change(text, text.index("0.7"))
    assert not si.is_change(text, text.index("8.1"))
    assert not si.is_change(text, text.index("7.1%"))
    assert si.is_change("x", 0, -0.5)


def test_enrich_record_adds_only_known_attributes():
    text = "HbA1c 7.0% and IL-17 12 pg/mL"
    record = {
        "id": "x", "scheme_version": 1, "text": text,
        "spans": [
            {"id": "T1", "start": 0, "end": 5, "label": "LAB_TEST", "text": "HbA1c", "attrs": {"analyte": "hba1c"}},
            {"id": "T2", "start": 6, "end": 10, "label": "LAB_VALUE", "text": "7.0%",
             "attrs": {"value": 7.0, "sd": None, "low": None, "high": None, "comparator": None, "unit": "%"}},
            {"id": "T3", "start": 15, "end": 20, "label": "LAB_TEST", "text": "IL-17", "attrs": {"analyte": "interleukin-17"}},
            {"id": "T4", "start": 21, "end": 29, "label": "LAB_VALUE", "text": "12 pg/mL",
             "attrs": {"value": 12.0, "sd": None, "low": None, "high": None, "comparator": None, "unit": "pg/mL"}},
        ],
        "relations": [{"label": "VALUE_OF", "head": "T2", "tail": "T1"}, {"label": "VALUE_OF", "head": "T4", "tail": "T3"}],
    }
    si.enrich_record(record)
    spans = record["spans"]
    assert spans[0]["attrs"]["loinc"] == "4548-4"
    assert round(spans[1]["attrs"]["si"]["value"]) == 53
    assert "loinc" not in spans[2]["attrs"] and "si" not in spans[3]["attrs"]
    assert validate_record(record) == []


def test_normalize_dose_keeps_the_cell_unit_apart():
    assert si.normalize_dose({"low": 30.0, "high": 30.0, "unit": "ug"}) == {"low": 0.03, "high": 0.03, "unit": "mg"}
    assert si.normalize_dose({"low": 0.5, "high": 0.5, "unit": "g/day"}) == {"low": 500.0, "high": 500.0, "unit": "mg/day"}
    cells = {"low": 1e6, "high": 1e6, "unit": "cells/kg"}
    assert si.normalize_dose(cells) == cells


@pytest.mark.parametrize(
    ("analyte", "unit", "fits"),
    [
        ("hemoglobin", "g/dL", True),
        ("estimated glomerular filtration rate", "g/dL", False),
        ("estimated glomerular filtration rate", "mL/min", True),
        ("alanine aminotransferase", "mg/dL", False),
        ("albumin", "%", True),  # a relative change fits any test
        ("tff3", "ng/mL", None),  # unknown analyte: no opinion
    ],
)
def test_unit_fits_says_which_units_can_measure_an_analyte(analyte, unit, fits):
    assert si.unit_fits(analyte, unit) is fits


def test_gfr_is_pooled_by_identity_only():
    assert si.factor_for("estimated glomerular filtration rate", "mL/min") is None
