"""celltx.trial.text: counts in words and digits, clauses, the record wrapper."""

from __future__ import annotations

import pytest

from celltx.trial.text import Doc, parse_count

from .helpers import lab, record, value


@pytest.mark.parametrize(
    ("text", "n"),
    [("62", 62), ("1,234", 1234), ("Twenty-nine", 29), ("twelve", 12), ("one hundred and five", 105),
     ("Eighty", 80), ("two hundred", 200), ("seventeen", 17), ("banana", None)],
)
def test_parse_count(text, n):
    assert parse_count(text) == n


def test_clause_does_not_end_inside_brackets():
    text = "Weight fell more in group A (-5.0 kg vs. -4.1 kg; p = 0.002) than in group B; HbA1c did not."
    doc = Doc.from_record({"text": text, "spans": []})
    a, b = doc.clause(text.index("-5.0"))
    assert text[a:b].startswith("Weight") and text[a:b].endswith("group B")


def test_value_of_is_read_from_relations():
    rec = record("Albumin was 30 g/L.", [("LAB_TEST", "Albumin", lab("albumin")), ("LAB_VALUE", "30 g/L", value(30, unit="g/L"))],
                 [("30 g/L", "Albumin")])
    doc = Doc.from_record(rec)
    assert doc.value_of["T2"]["text"] == "Albumin"
    assert [s["text"] for s in doc.values_of_test["T1"]] == ["30 g/L"]


def test_bad_spans_are_ignored():
    doc = Doc.from_record({"text": "abc", "spans": [{"id": "T1", "start": 5, "end": 9, "label": "DOSE"}, "junk"]})
    assert doc.spans == []
