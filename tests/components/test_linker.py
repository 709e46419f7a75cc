"""``celltx_linker``: which LAB_TEST a value after or before it reports."""

from __future__ import annotations

import pytest

from celltx.components.linker import ties_forward


def pairs(rec: dict) -> list[tuple[str, str]]:
    by_id = {s["id"]: s for s in rec["spans"]}
    return sorted((by_id[r["head"]]["text"], by_id[r["tail"]]["text"]) for r in rec["relations"])


@pytest.mark.parametrize(
    "gap, ties",
    [
        (" ", True),
        (" vs 4.5 ng/mL for ", True),
        (" fall in fasting plasma ", True),
        (", P<0.0001) and an ", False),
        ("; the ", False),
        (" of patients had a reduction of some size, and this was clearly larger than any earlier change seen in ", False),
    ],
)
def test_words_that_tie_a_value_to_a_later_test(gap, ties):
    assert ties_forward(gap) is ties


def test_a_value_before_its_test_links_through_for(extract_rules):
    rec = extract_rules("Levels were 2.5 ng/mL vs 4.5 ng/mL for ferritin.")
    assert pairs(rec) == [("2.5 ng/mL", "ferritin"), ("4.5 ng/mL", "ferritin")]


def test_shares_of_patients_before_a_later_clause_with_a_test_are_dropped(extract_rules):
    rec = extract_rules("Fibrosis (59% vs. 19%, P<0.0001) and an AST/ALT ratio>1 were more common.")
    assert [s["text"] for s in rec["spans"] if s["label"] == "LAB_VALUE"] == [">1"]
