"""The merge's exclusion gates (rules grouped by their cheapest selective test, one joined regex
per group, verdicts exactly those of testing every rule alone) and its tie between a DOSE and a
LAB_VALUE on the same characters (celltx_merge)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

import celltx
from celltx import schema
from celltx.components.merge import _alternation, _gated
from celltx.extensions import doc_shadow

REPO = Path(__file__).resolve().parents[2]


def test_joined_patterns_match_where_any_one_matches_with_its_own_case_rule():
    joined = _alternation([regex.compile(r"(?i)^\s*counts?\b"), regex.compile(r"^\s+per\s+mL")])
    assert joined.search(" COUNT was") and joined.search(" per mL")
    assert joined.search(" PER mL") is None  # the second pattern is case-sensitive, and stays so
    assert joined.search("the count") is None  # anchors keep their meaning inside the alternation


def test_patterns_that_cannot_be_joined_safely_are_not():
    assert _alternation([regex.compile(r"^(a)\1"), regex.compile(r"^b")]) is None  # a back-reference
    assert _alternation([regex.compile(r"^a", regex.MULTILINE), regex.compile(r"^b")]) is None  # flags given apart
    assert _alternation([regex.compile(r"^a(?i)b"), regex.compile(r"^b")]) is None  # a flag in the middle


def test_a_rule_is_gated_on_a_selective_test_not_on_a_guard_and_searches_are_joined_only_when_anchored():
    guard = regex.compile(r"(?i)^(?!baseline$)")
    right = regex.compile(r"(?i)^\s*CI\b")
    text = regex.compile(r"^\d")
    searched = regex.compile(r"(?i)\bages?\b[^.;]{0,40}$")
    rules = [
        (guard, None, right, False, False, None),  # gated on its right context, not on the guard
        (None, None, regex.compile(r"(?i)^\s*\(95%"), False, False, None),
        (text, None, None, False, False, None),
        (None, (searched, None), None, False, False, None),
        (None, (regex.compile(r"(?i)\bmean\s+$"), None), None, False, False, None),
    ]
    groups = {where: (gate, members) for where, gate, members in _gated(rules)}
    assert [len(groups[w][1]) for w in ("after", "inside", "before")] == [2, 1, 2]
    assert groups["after"][0] is not None  # two anchored right contexts: joined
    assert groups["inside"][0] is None  # one test: nothing to join
    assert groups["before"][0] is None  # unanchored searches: run alone, an alternation would be slower


def test_gated_verdicts_equal_every_rule_tested_alone_on_real_abstracts(nlp):
    """The package's own exclusion rules, on every candidate of 60 real train/dev abstracts."""
    merge = nlp.get_pipe("celltx_merge")
    rows = [json.loads(line) for batch in ("batch_40", "batch_41", "batch_42", "batch_43")
            for line in (REPO / "corpora" / "real" / f"{batch}.jsonl").open(encoding="utf-8")]
    texts = [row["text"] for row in rows if row.get("split") != "test"][:60]  # the sealed split is never read here
    assert len(texts) == 60
    later = [name for name in nlp.pipe_names if nlp.pipe_names.index(name) >= nlp.pipe_names.index("celltx_merge")]
    gated, plain = merge.gated_by_label, {label: [("", None, rules)] for label, rules in merge.exclusions_by_label.items()}
    excluded = 0
    try:
        for doc in nlp.pipe(texts, disable=later):
            view = doc_shadow(doc)
            for candidate in doc.spans.get(schema.CANDIDATES_KEY, []):
                merge.gated_by_label = gated
                verdict = merge._excluded(view, candidate, {})
                merge.gated_by_label = plain
                assert merge._excluded(view, candidate, {}) == verdict, (candidate.label_, candidate.text)
                excluded += verdict[0] > 0
    finally:
        merge.gated_by_label = gated
    assert excluded >= 10  # the comparison saw rules fire, not only candidates no rule touches


@pytest.mark.parametrize(
    "text, label",
    [("Rivastigmine patch 4.6 mg/24 h was applied.", "DOSE"),  # a route in the sentence: a dose
     ("Urinary protein was 4.6 mg/24 h.", "LAB_VALUE"),  # a lab test in the sentence: a lab value
     ("It delivered 4.6 mg/24 h.", None),  # neither: no span rather than a guess
     ("Cmax was higher with intranasal morphine (4.6 mg/24 h).", None)],  # drug levels: the route is no cue
)
def test_a_drug_and_lab_unit_is_a_dose_beside_a_route_and_a_lab_value_beside_a_test(text, label):
    found = [s["label"] for s in celltx.extract(text)["spans"] if s["text"] == "4.6 mg/24 h"]
    assert found == ([label] if label else [])
