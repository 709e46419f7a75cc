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


def test_a_value_skips_a_nearer_test_its_unit_cannot_measure(extract_rules):
    rec = extract_rules("Hemoglobin rose in patients with eGFR of 90 mL/min or more (mean difference 0.53 g/dL).")
    assert ("0.53 g/dL", "Hemoglobin") in pairs(rec)


def test_a_value_right_after_its_test_keeps_it_whatever_the_unit(extract_rules):
    rec = extract_rules("LDL-C fell, and aspartate aminotransferase (AST) (21.3 ± 5.7 vs. 32.3 ± 17.7 mmol/L) too.")
    assert {("21.3 ± 5.7", "AST"), ("32.3 ± 17.7 mmol/L", "AST")} <= set(pairs(rec))


def test_respectively_pairs_from_to_values_two_per_test(extract_rules):
    rec = extract_rules("Total cholesterol and LDL cholesterol fell from 284 mg/dl to 262 mg/dl and "
                        "from 183 to 160 mg/dl, respectively.")
    assert pairs(rec) == [("160 mg/dl", "LDL cholesterol"), ("183", "LDL cholesterol"),
                          ("262 mg/dl", "Total cholesterol"), ("284 mg/dl", "Total cholesterol")]


def test_a_test_named_after_the_value_wins_over_an_earlier_one(extract_rules):
    rec = extract_rules("Albumin was stable, but values rose from 5.5 to 7.5 mmol/L for glucose at week 4.")
    assert pairs(rec) == [("5.5", "glucose"), ("7.5 mmol/L", "glucose")]


def test_a_later_test_behind_a_bracket_or_p_value_stays_apart(extract_rules):
    rec = extract_rules("Glucose rose (from 5.5 to 7.5 mmol/L, P = 0.07) and a small decrease in albumin followed.")
    assert {tail for _, tail in pairs(rec)} == {"Glucose"}


def test_a_value_labelled_by_other_words_in_a_characteristics_list_is_not_the_tests(extract_rules):
    rec = extract_rules("Patients were evaluable (median PSA = 31.5 ng/mL; Caucasian = 86 %; Gleason score ≥8 = 77 %).")
    assert pairs(rec) == [("31.5 ng/mL", "PSA")]


def test_group_labels_before_equals_keep_the_values_with_their_test(extract_rules):
    rec = extract_rules("ALT fell (treated group = 45 U/L; control group = 60 U/L).")
    assert pairs(rec) == [("45 U/L", "ALT"), ("60 U/L", "ALT")]


def test_each_respectively_clause_pairs_its_own_values(extract_rules):
    rec = extract_rules(
        "Total cholesterol and LDL cholesterol fell from 284 to 262 mg/dl and from 183 to 174 mg/dl, "
        "respectively, in group A and from 291 to 289 mg/dl and from 177 to 176 mg/dl, respectively, in group B."
    )
    tails = dict(pairs(rec))
    assert tails["183"] == tails["177"] == "LDL cholesterol"
    assert tails["291"] == tails["284"] == "Total cholesterol"


def test_a_p_value_for_a_test_names_the_values_before_it(extract_rules):
    rec = extract_rules(
        "Osteocalcin and alkaline phosphatase were similar (60 ± 11 ng/mL vs. 58 ± 3 ng/mL; p = 0.69 for "
        "osteocalcin and 381 ± 99 U/L vs. 362 ± 27 U/L; p = 0.63 for alkaline phosphatase)."
    )
    tails = dict(pairs(rec))
    assert tails["381 ± 99 U/L"] == tails["362 ± 27 U/L"] == "alkaline phosphatase"


def test_an_unlinked_value_stays_when_its_unit_only_measures_lab_results(extract_rules):
    # no test is named, but "μmol/mL" measures a laboratory result; a bare share does not
    record = extract_rules("Mean levels fell from 0.31 ± 0.12 to 0.22 ± 0.09 μmol/mL; 41% of patients improved.")
    values = [s["text"] for s in record["spans"] if s["label"] == "LAB_VALUE"]
    assert values == ["0.31 ± 0.12", "0.22 ± 0.09 μmol/mL"]  # the unit is shared back
    assert record["relations"] == []


def test_a_test_named_after_its_values_wins_over_a_respectively_list(extract_rules):
    rec = extract_rules(
        "Both ferritin and albumin rose in the control group (25 ng/mL vs 45 ng/mL for ferritin, "
        "31 g/L vs 35 g/L for albumin, respectively)."
    )
    assert pairs(rec) == [("25 ng/mL", "ferritin"), ("31 g/L", "albumin"), ("35 g/L", "albumin"), ("45 ng/mL", "ferritin")]
    spans = {s["id"]: s for s in rec["spans"]}
    for relation in rec["relations"]:  # each value names the test written after it, not the first mention
        assert spans[relation["tail"]]["start"] > rec["text"].index("(")


def test_a_value_heading_the_next_item_of_a_result_list_is_not_the_earlier_tests():
    from celltx import extract

    record = extract("Gains included nitrotyrosine (-29%, p = 0.004), ATP (+25%, p = 0.001), and NADH (+28%, p = 0.002).")
    values = {s["id"]: s["text"] for s in record["spans"] if s["label"] == "LAB_VALUE"}
    linked = {values[r["head"]] for r in record["relations"]}
    assert linked == {"-29%"}  # ATP and NADH are no tests celltx knows: no wrong link
    assert set(values.values()) == {"-29%", "+25%", "+28%"}  # the results are kept


def test_arms_and_drugs_heading_a_bracket_keep_the_test_before():
    from celltx import extract

    record = extract("HbA1c fell in metformin (-1.2%, p<0.01) and sitagliptin (-0.8%, p=0.03) groups.")
    assert len(record["relations"]) == 2


def test_a_list_of_tests_and_a_list_of_as_many_values_pair_in_order_without_respectively(extract_rules):
    rec = extract_rules("Glucose, insulin and C-peptide were 5.4 mmol/L, 62 pmol/L and 0.6 nmol/L.")
    assert pairs(rec) == [("0.6 nmol/L", "C-peptide"), ("5.4 mmol/L", "Glucose"), ("62 pmol/L", "insulin")]


def test_lists_of_unequal_length_are_not_paired_in_order(extract_rules):
    rec = extract_rules("Glucose and insulin were 5.4 mmol/L, 5.9 mmol/L and 6.1 mmol/L.")
    assert all(test == "insulin" for _value, test in pairs(rec))  # the nearest test before, as without a list


def test_two_tests_then_two_comparisons_pair_one_comparison_a_test(extract_rules):
    rec = extract_rules("Serum IL-1Ra and IL-6 were lower in group A than in group B, 978 (664–1385) versus "
                        "1216 (974–1822) pg/mL and 2.15 (1.65–4.27) versus 3.39 (2.25–4.79) pg/mL.")
    assert pairs(rec) == [("1216 (974–1822) pg/mL", "Serum IL-1Ra"), ("2.15 (1.65–4.27)", "IL-6"),
                          ("3.39 (2.25–4.79) pg/mL", "IL-6"), ("978 (664–1385)", "Serum IL-1Ra")]
