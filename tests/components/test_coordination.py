"""celltx_coordination: unlisted members of a list of lab tests (invented sentences)."""

import pytest

from celltx.components.coordination import ORIGIN
from tests.conftest import spans_of


def _tests(rec):
    return [text for _, text in spans_of(rec, "LAB_TEST")]


def test_members_of_a_framed_list_become_lab_tests(extract_rules):
    rec = extract_rules("Baseline serum ferritin, PQX7, zorbutinol and albumin levels predicted relapse.")
    assert {"PQX7", "zorbutinol"} <= set(_tests(rec))


def test_a_specimen_word_opens_a_member_before_the_separator(extract_rules):
    rec = extract_rules("Day-3 plasma zorbutinol or bilirubin concentrations were measured.")
    assert "plasma zorbutinol" in _tests(rec)


def test_abbreviations_outside_a_level_frame_are_left_alone(extract_rules):
    # clinical measures share lists with lab tests; only names with a chemical ending are taken
    rec = extract_rules("Outcomes included 6MWD, PVR, WHO FC and NT-proBNP at week 12.")
    assert not {"6MWD", "PVR", "WHO FC"} & set(_tests(rec))


def test_modifiers_and_results_stop_the_walk(extract_rules):
    rec = extract_rules("All had normal ALT and AST, undetectable HBV DNA and no cirrhosis.")
    assert not any("undetectable" in t for t in _tests(rec))


def test_half_names_are_not_proposed(extract_rules):
    rec = extract_rules("Levels of BNP, amino-terminal proQRS, and albumin fell.")
    assert "proQRS" not in _tests(rec)


def test_exclusions_still_apply_to_proposals(extract_rules):
    rec = extract_rules("Serum glucose, IOP and BP levels were recorded.")
    assert not {"IOP", "BP"} & set(_tests(rec))


def test_origin_is_visible_on_the_span(nlp):
    doc = nlp("Plasma levels of albumin, zorbutinol and creatinine were measured.")
    found = {s.text: s._.origin for s in doc.spans["celltx"] if s.label_ == "LAB_TEST"}
    assert found.get("zorbutinol") == ORIGIN


def test_unknown_row_kind_is_an_error(nlp):
    pipe = nlp.get_pipe("celltx_coordination")
    with pytest.raises(ValueError, match="unknown kind"):
        pipe.set_patterns([{"kind": "head_noun", "words": ["factor"]}])


@pytest.mark.parametrize(
    "text, test",
    [("Ginger reduced the ratio of LDL-C/HDL-C at week 8.", "LDL-C/HDL-C"),
     ("The insulin/glucose ratio rose.", "insulin/glucose ratio")],
)
def test_a_ratio_of_two_tests_is_one_test(extract_rules, text, test):
    assert test in _tests(extract_rules(text))


def test_a_list_written_with_slashes_is_no_ratio(extract_rules):
    assert "LDL/HDL-cholesterol" not in _tests(extract_rules("Fasting total/LDL/HDL-cholesterol changes were similar."))


def test_a_defined_abbreviation_takes_its_name_prefix(extract_rules):
    rec = extract_rules("Growth hormone (GH) was titrated; children were grouped by peak GH levels.")
    assert "peak GH" in _tests(rec)


def test_a_list_said_to_rise_or_fall_is_framed_like_a_level_list(extract_rules):
    rec = extract_rules("Also, hsCRP and PQXs were significantly reduced by the diet (−41% and −16%, respectively).")
    assert "PQXs" in _tests(rec)
    rec = extract_rules("Also, hsCRP and PQXs improved with the diet.")  # no such frame: left alone
    assert "PQXs" not in _tests(rec)
