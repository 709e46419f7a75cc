"""Other spellings of dictionary names, generated from ``patterns/spelling_variants.jsonl``
(celltx_lexicon): British forms, a Greek letter or number after a space instead of a hyphen,
route adverbs."""

from __future__ import annotations

import pytest

import celltx
from celltx.components import lexicon
from celltx.components.lexicon import spelling_variants


def test_each_rule_is_applied_or_not():
    assert spelling_variants("tumor necrosis factor-α") == [
        "tumor necrosis factor α", "tumour necrosis factor α", "tumour necrosis factor-α"]
    assert spelling_variants("glycated hemoglobin a1c") == ["glycated haemoglobin a1c"]
    assert "leucocytes" in spelling_variants("leukocytes")
    assert spelling_variants("chemokine") == []  # "chem" is no American "hem"
    assert spelling_variants("albumin") == []
    assert spelling_variants("intramyocardial", "ROUTE") == ["intramyocardially"]  # a rule of one label
    assert spelling_variants("intramyocardial", "LAB_TEST") == []


@pytest.mark.parametrize(
    "text, found",
    [("Serum tumour necrosis factor α did not change.", "Serum tumour necrosis factor α"),
     ("Interferon γ rose after vaccination.", "Interferon γ"),
     ("A fall in glycated haemoglobin A1c was the primary outcome.", "glycated haemoglobin A1c"),
     ("Faecal calprotectin fell.", "Faecal calprotectin")],
)
def test_names_written_the_other_way_are_one_lab_test(text, found):
    assert [s["text"] for s in celltx.extract(text)["spans"] if s["label"] == "LAB_TEST"] == [found]


def test_a_level_word_after_haemoglobin_stays_out_of_the_name():
    spans = celltx.extract("Haemoglobin concentration rose by 12 g/L.")["spans"]
    assert [s["text"] for s in spans if s["label"] == "LAB_TEST"] == ["Haemoglobin"]


def test_a_bad_spelling_row_is_an_error_naming_it(monkeypatch):
    monkeypatch.setattr(lexicon, "read_jsonl_resource", lambda name: ({"match": "x", "replce": "y"},))
    lexicon.spelling_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="row 1"):
            lexicon.spelling_rules()
    finally:
        monkeypatch.undo()
        lexicon.spelling_rules.cache_clear()
