"""Notations and wrong numbers from real abstracts outside liver/MSC wording (issue: real literature).

Each case was wrong before the rules were generalised (a plausible-looking wrong number is the
worst output for a reviewer), so each assertion can fail. Sentences are invented; only the
notation comes from the literature.
"""

from __future__ import annotations

import pytest

import celltx


def spans(text: str, label: str | None = None) -> list[dict]:
    return [s for s in celltx.extract(text)["spans"] if label is None or s["label"] == label]


def texts(text: str, label: str) -> list[str]:
    return [s["text"] for s in spans(text, label)]


def test_a_fall_from_one_value_to_another_is_two_values_not_a_range():
    values = spans("AST fell from 96 to 51 U/L after treatment.", "LAB_VALUE")
    assert [v["text"] for v in values] == ["96", "51 U/L"]
    assert [v["attrs"]["value"] for v in values] == [96.0, 51.0]
    assert all(v["attrs"]["low"] is None and v["attrs"]["high"] is None for v in values)


def test_a_range_written_as_one_result_stays_one_value():
    (value,) = spans("Serum ALT ranged from 18 to 35 U/L.", "LAB_VALUE")
    assert (value["attrs"]["low"], value["attrs"]["high"]) == (18.0, 35.0)


@pytest.mark.parametrize(
    "text, value",
    [("Platelets were 98 x 10(9)/L at entry.", "98 x 10(9)/L"),
     ("WBC 4.2 x 10(9)/L was recorded.", "4.2 x 10(9)/L")],
)
def test_blood_counts_are_lab_values_not_cell_doses(text, value):
    assert texts(text, "DOSE") == []
    assert texts(text, "LAB_VALUE") == [value]
    assert spans(text, "LAB_VALUE")[0]["attrs"]["unit"] == "10^9/L"


def test_the_cell_word_of_a_blood_count_is_not_a_cell_type():
    text = "The white blood cell count fell."
    assert texts(text, "LAB_TEST") == ["white blood cell count"]
    assert texts(text, "CELL_TYPE") == []


@pytest.mark.parametrize(
    "text, span, unit, low",
    [
        ("Interferon 3 x 10(6) IU/m2 was given.", "3 x 10(6) IU/m2", "IU/m2", 3e6),
        ("Insulin 0.4 IU/kg was given at night.", "0.4 IU/kg", "IU/kg", 0.4),
        ("Islets (9,850 +/- 2,400 IEQ/kg) were infused.", "9,850 +/- 2,400 IEQ/kg", "IEQ/kg", 9850.0),
        ("Pioglitazone 30 or 45 mg/d was added.", "30 or 45 mg/d", "mg/day", 30.0),
        ("Latanoprost 50 microg/ml was instilled.", "50 microg/ml", "ug/mL", 50.0),
        ("2 x 10^6 CAR-positive viable T cells/kg", "2 x 10^6 CAR-positive viable T cells/kg", "cells/kg", 2e6),
    ],
)
def test_drug_and_product_doses_keep_their_own_units(text, span, unit, low):
    (dose,) = spans(text, "DOSE")
    assert dose["text"] == span
    assert dose["attrs"]["unit"] == unit
    assert dose["attrs"]["low"] == pytest.approx(low)
    assert texts(text, "LAB_VALUE") == []


def test_drug_names_are_not_lab_tests():
    assert texts("Islets were given with tacrolimus and sirolimus.", "LAB_TEST") == []
    assert texts("Insulin 0.4 IU/kg was given at night.", "LAB_TEST") == []
    assert texts("Fasting insulin was measured.", "LAB_TEST") == ["Fasting insulin"]


@pytest.mark.parametrize(
    "text, strengths",
    [
        ("Patients used 0.005% latanoprost eyedrops.", ["0.005%"]),
        ("Timolol maleate 0.5%/dorzolamide 2% fixed combination.", ["0.5%", "2%"]),
    ],
)
def test_drug_strengths_in_percent_are_doses(text, strengths):
    assert texts(text, "DOSE") == strengths
    assert all(s["attrs"]["unit"] == "%" for s in spans(text, "DOSE"))
    assert texts(text, "LAB_VALUE") == []


def test_an_adult_age_range_is_not_a_time_point():
    assert texts("Adults (18-65 years) were randomised for 12 weeks.", "TIME_POINT") == ["12 weeks"]


@pytest.mark.parametrize(
    "text, interval",
    [
        ("one drop once-daily", 1.0),
        ("timolol b.i.d.", 0.5),
        ("pilocarpine t.i.d.", 1 / 3),
        ("dosed QD", 1.0),
        ("given q.i.d.", 0.25),
        ("injected q12h", 0.5),
        ("every other day", 2.0),
        ("once-weekly semaglutide", 7.0),
    ],
)
def test_fixed_frequency_notations(text, interval):
    (freq,) = spans(text, "FREQUENCY")
    assert freq["attrs"]["interval_days"] == pytest.approx(interval, rel=1e-6)


@pytest.mark.parametrize("route_text, code", [("eye drops", "topical"), ("orally", "oral"),
                                              ("intra-articular", "other"), ("s.c.", "subcutaneous")])
def test_routes_outside_the_liver(route_text, code):
    (route,) = spans(f"The drug was given {route_text} to all patients.", "ROUTE")
    assert route["attrs"]["route"] == code


@pytest.mark.parametrize(
    "text, test, analyte",
    [
        ("HbA(1c) was 8.1% (0.8).", "HbA(1c)", "hba1c"),
        ("HbA1c was 8.1%.", "HbA1c", "hba1c"),
        ("LDL cholesterol was 3.1 mmol/L.", "LDL cholesterol", "ldl cholesterol"),
        ("LDH was 300 U/L.", "LDH", "lactate dehydrogenase"),
        ("C-peptide was 0.5 nmol/L.", "C-peptide", "c-peptide"),
        ("hs-CRP was 3.2 mg/L.", "hs-CRP", "high-sensitivity c-reactive protein"),
    ],
)
def test_lab_tests_of_any_field(text, test, analyte):
    tests = spans(text, "LAB_TEST")
    assert [t["text"] for t in tests] == [test]
    assert tests[0]["attrs"]["analyte"] == analyte


def test_mean_with_sd_in_parentheses_and_a_unit_after():
    record = celltx.extract("Fasting glucose was 6.2 (1.4) mmol/L.")
    (value,) = [s for s in record["spans"] if s["label"] == "LAB_VALUE"]
    assert value["text"] == "6.2 (1.4) mmol/L"
    assert (value["attrs"]["value"], value["attrs"]["sd"], value["attrs"]["unit"]) == (6.2, 1.4, "mmol/L")
    assert len(record["relations"]) == 1


def test_plus_minus_values_of_tests_outside_the_liver_panel():
    (value,) = spans("Glucose was 7.1 +/- 1.2 mmol/L.", "LAB_VALUE")
    assert (value["attrs"]["value"], value["attrs"]["sd"]) == (7.1, 1.2)
