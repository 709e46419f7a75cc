"""celltx.trial.text: counts in words and digits, clauses, the record wrapper."""

from __future__ import annotations

import pytest
import regex

from celltx.trial.text import COUNT, Doc, parse_count

from .helpers import lab, record, value


@pytest.mark.parametrize(
    ("text", "n"),
    [("62", 62), ("1,234", 1234), ("Twenty-nine", 29), ("twelve", 12), ("one hundred and five", 105),
     ("Eighty", 80), ("two hundred", 200), ("seventeen", 17), ("banana", None)],
)
def test_parse_count(text, n):
    assert parse_count(text) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [("One thousand two hundred eighty-four patients", 1284), ("two thousand patients", 2000),
     ("one hundred patients", 100), ("two hundred forty two patients", 242), ("Sixty-nine women", 69)],
)
def test_count_words_read_whole(text, n):
    m = regex.match(COUNT, text)
    assert m is not None and parse_count(m.group()) == n


def test_full_sentences_join_hard_wrapped_lines():
    text = "METHODS: Forty patients were\nrandomized to A. Results\nfollowed."
    doc = Doc.from_record({"text": text, "spans": []})
    assert any(text[a:b].strip() == "METHODS: Forty patients were\nrandomized to A." for a, b in doc.full_sentences())


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


def test_semicolons_inside_any_bracket_do_not_cut_the_clause():
    text = "Urea fell (median = -2 mg/dl; p = 0.01) and urate fell (median = -1 mg/dl; p = 0.03) with diet; weight rose."
    doc = Doc.from_record(record(text, []))
    a, b = doc.clause(text.index("-2"))
    assert text[a:b] == text[: text.index("; weight")]
