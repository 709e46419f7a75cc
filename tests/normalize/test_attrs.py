"""Attribute normalisers on small, readable examples (invented, in the scheme's notation)."""

import pytest

from celltx.normalize import cells, doses, labs, routes, times


@pytest.mark.parametrize(
    "text, cl_id, source",
    [
        ("human umbilical cord-derived mesenchymal stem cells", "CL:0002569", "umbilical_cord"),
        ("hUC-MSCs", "CL:0002569", "umbilical_cord"),
        ("BM-MSCs", "CL:0002540", "bone_marrow"),
        ("bone marrow mononuclear cells", "CL:0010004", "bone_marrow"),
        ("ADSCs", "CL:0002570", "adipose"),
        ("Wharton's jelly MSCs", "CL:0002568", "wharton_jelly"),
        ("cord blood MSCs", "CL:0000134", "cord_blood"),
        ("stem cells", "CL:0000034", None),
        ("hepatocytes", "CL:0000182", None),
        ("Kupffer cells", "CL:0000091", None),
    ],
)
def test_cell_ontology_id_and_source(text, cl_id, source):
    assert cells.source_of(text) == source
    assert cells.cl_id_of(text, cells.source_of(text)) == cl_id


def test_donor_word_before_the_mention():
    assert cells.donor_near("patients received allogeneic ") == "allogeneic"
    assert cells.donor_near("two doses of ") is None


def test_harvest_clause_gives_source():
    assert cells.source_from_clause("Autologous MSCs were taken from iliac crest.") == "bone_marrow"
    assert cells.source_from_clause("MSCs were isolated from umbilical cord.") == "umbilical_cord"
    assert cells.source_from_clause("MSCs were infused.") is None


def test_procedure_abbreviation_is_not_a_cell_name():
    text = "umbilical cord MSCT and MSC therapy"
    found = [text[a:b] for a, b in cells.find_cell_names(text)]
    assert found == ["MSC"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.5-1.0×106 cells/kg", {"low": 5e5, "high": 1e6, "unit": "cells/kg", "level": None}),
        ("4x107/40ml", {"low": 4e7, "high": 4e7, "unit": "cells", "level": None}),
        ("50 ml", {"low": 50.0, "high": 50.0, "unit": "mL", "level": None}),
        ("high-dose", {"low": None, "high": None, "unit": None, "level": "high"}),
    ],
)
def test_dose(text, expected):
    assert doses.parse_dose(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("80±18 μmol/l", {"value": 80.0, "sd": 18.0, "unit": "umol/L"}),
        ("<35 g/L", {"value": 35.0, "comparator": "<", "unit": "g/L"}),
        ("8.1% (0.8)", {"value": 8.1, "sd": 0.8, "unit": "%"}),
        ("17 (IQR 14–21)", {"value": 17.0, "low": 14.0, "high": 21.0}),
        # a titre is its reciprocal dilution, never "1" with the unit ":128"
        ("≥ 1:128", {"value": 128.0, "comparator": ">=", "unit": None}),
        # comparator words come from one table (labs.WORD_CMP_*), shared with the matcher
        ("fewer than 200 cells per μL", {"value": 200.0, "comparator": "<", "unit": "cells/uL"}),
        ("no more than 40 U/L", {"value": 40.0, "comparator": "<=", "unit": "U/L"}),
        ("9% or fewer", {"value": 9.0, "comparator": "<=", "unit": "%"}),
        # units normalised to creatinine, log copies, "per" spelled out
        ("15.05 ± 30.09 μg/mg Cr", {"value": 15.05, "sd": 30.09, "unit": "ug/mg"}),
        ("30 mg/g creatinine", {"value": 30.0, "unit": "mg/g"}),
        ("4.9 log10 copies/mL", {"value": 4.9, "unit": "log10 copies/mL"}),
        ("500 copies per mL", {"value": 500.0, "unit": "copies/mL"}),
    ],
)
def test_lab_value(text, expected):
    attrs = labs.parse_lab_value(text)
    for key, value in expected.items():
        assert attrs[key] == value, key


@pytest.mark.parametrize(
    "text, analyte",
    [("Serum Total Bilirubin", "total bilirubin"), ("ALT", "alanine aminotransferase"),
     ("MELD score", "meld"), ("Models of End Stage Liver Disease", "meld"),
     ("prothrombin time activity", "prothrombin activity"), ("bilirubin", "total bilirubin")],
)
def test_analyte(text, analyte):
    assert labs.analyte_of(text) == analyte


@pytest.mark.parametrize(
    "text, days",
    [("1, 2, 4, 8, and 24 weeks", [7, 14, 28, 56, 168]), ("days 57 and 85", [57, 85]),
     ("24 h", [1]), ("0 to 24 hours", [0, 1]), ("baseline", [0]), ("2-year", [730]), ("two years", [730])],
)
def test_time_point_days(text, days):
    assert times.parse_time_days(text) == [float(d) for d in days]


@pytest.mark.parametrize(
    "text, count, interval",
    [("once per 4 week", None, 28.0), ("3 times", 3, None), ("four times in one year", 4, None),
     ("single", 1, None), ("twice daily", None, 0.5), ("every 2 weeks", None, 14.0), ("repeated", None, None)],
)
def test_frequency(text, count, interval):
    assert times.parse_frequency(text) == {"count": count, "interval_days": interval}


@pytest.mark.parametrize(
    "text, code",
    [("peripheral vein", "intravenous"), ("i.v.", "intravenous"), ("portal vein", "intraportal"),
     ("hepatic artery", "hepatic_artery"), ("into the spleen", "intrasplenic"), ("into the liver", "intrahepatic")],
)
def test_route(text, code):
    assert routes.route_of(text) == code


def test_dose_alternatives_in_either_order_give_low_and_high():
    from celltx.normalize.doses import parse_dose

    attrs = parse_dose("2.5 or 1.5 mg")
    assert (attrs["low"], attrs["high"], attrs["unit"]) == (1.5, 2.5, "mg")
