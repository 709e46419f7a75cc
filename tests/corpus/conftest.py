"""Small invented records shared by the corpus tests (no text copied from papers)."""

from __future__ import annotations

import copy

import pytest

TEXT_1 = (
    "Autologous bone marrow MSCs (BM-MSCs) were infused via the peripheral vein at "
    "1.0×10^6 cells/kg once per 4 weeks.\n\nALT fell from 80±12 to 41±9 U/L at 24 weeks; "
    "bilirubin was 21 μmol/L at baseline."
)


def _span(text, sid, label, needle, attrs, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {
        "id": sid,
        "start": start,
        "end": start + len(needle),
        "label": label,
        "text": needle,
        "attrs": attrs,
    }


def make_records():
    t = TEXT_1
    spans = [
        _span(
            t,
            "T1",
            "CELL_TYPE",
            "bone marrow MSCs",
            {"cl_id": "CL:0002540", "source": "bone_marrow", "donor": "autologous"},
        ),
        _span(
            t,
            "T2",
            "CELL_TYPE",
            "BM-MSCs",
            {"cl_id": "CL:0002540", "source": "bone_marrow", "donor": None},
        ),
        _span(t, "T3", "ROUTE", "peripheral vein", {"route": "intravenous"}),
        _span(
            t,
            "T4",
            "DOSE",
            "1.0×10^6 cells/kg",
            {"low": 1000000.0, "high": 1000000.0, "unit": "cells/kg", "level": None},
        ),
        _span(t, "T5", "FREQUENCY", "once per 4 weeks", {"count": None, "interval_days": 28.0}),
        _span(t, "T6", "LAB_TEST", "ALT", {"analyte": "alanine aminotransferase"}),
        _span(
            t,
            "T7",
            "LAB_VALUE",
            "80±12",
            {
                "value": 80.0,
                "sd": 12.0,
                "low": None,
                "high": None,
                "comparator": None,
                "unit": "U/L",
            },
        ),
        _span(
            t,
            "T8",
            "LAB_VALUE",
            "41±9 U/L",
            {
                "value": 41.0,
                "sd": 9.0,
                "low": None,
                "high": None,
                "comparator": None,
                "unit": "U/L",
            },
        ),
        _span(t, "T9", "TIME_POINT", "24 weeks", {"days": [168.0]}),
        _span(t, "T10", "LAB_TEST", "bilirubin", {"analyte": "total bilirubin"}),
        _span(
            t,
            "T11",
            "LAB_VALUE",
            "21 μmol/L",
            {
                "value": 21.0,
                "sd": None,
                "low": None,
                "high": None,
                "comparator": None,
                "unit": "umol/L",
            },
        ),
        _span(t, "T12", "TIME_POINT", "baseline", {"days": [0.0]}),
    ]
    # ids deliberately not in reading order, to check that ids and order survive
    spans[0]["id"], spans[1]["id"] = "T20", "T13"
    record_1 = {
        "id": "inv-001",
        "source": "inv_001.txt",
        "source_offset": 7,
        "scheme_version": 1,
        "split": "train",
        "text": t,
        "spans": spans,
        "relations": [
            {"label": "VALUE_OF", "head": "T7", "tail": "T6"},
            {"label": "VALUE_OF", "head": "T8", "tail": "T6"},
            {"label": "VALUE_OF", "head": "T11", "tail": "T10"},
        ],
        "provenance": {"annotator": "test", "rounds": [1, 2]},
    }
    t2 = "Twelve patients received hepatocytes weekly."
    record_2 = {
        "id": "inv-002",
        "source": None,
        "source_offset": None,
        "scheme_version": 1,
        "split": "test",
        "text": t2,
        "spans": [
            _span(
                t2,
                "T1",
                "CELL_TYPE",
                "hepatocytes",
                {"cl_id": "CL:0000182", "source": None, "donor": None},
            ),
            # two labels over the same characters keep their own attributes
            _span(t2, "T2", "FREQUENCY", "weekly", {"count": None, "interval_days": 7.0}),
            _span(t2, "T3", "TIME_POINT", "weekly", {"days": [7.0]}),
        ],
        "relations": [],
    }
    record_3 = {
        "id": "inv-003",
        "scheme_version": 1,
        "text": "No annotations here.",
        "spans": [],
        "relations": [],
    }
    return [record_1, record_2, record_3]


@pytest.fixture
def records():
    return copy.deepcopy(make_records())
