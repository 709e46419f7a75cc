"""The scorer on tiny hand-computed cases with exact expected numbers."""

from __future__ import annotations

import pytest

from celltx.evaluate.scorer import (
    PRF,
    ScoringError,
    match_spans,
    score,
    values_equal,
)
from tests.evaluate.eval_helpers import at, record, span

TEXT = "MSCs at 1x10^6 cells/kg were given i.v. daily."


def brief_case():
    # 2 gold spans; 3 predictions: one exact, one boundary miss, one spurious.
    gold = record(
        "d1",
        TEXT,
        [span(TEXT, "T1", "CELL_TYPE", "MSCs"), span(TEXT, "T2", "DOSE", "1x10^6 cells/kg")],
    )
    pred = record(
        "d1",
        TEXT,
        [
            span(TEXT, "P1", "CELL_TYPE", "MSCs"),
            span(TEXT, "P2", "DOSE", "10^6 cells/kg"),
            span(TEXT, "P3", "ROUTE", "i.v."),
        ],
    )
    return gold, pred


def test_brief_example_strict_and_lenient():
    gold, pred = brief_case()
    s = score([gold], [pred])
    strict, lenient = s.micro("strict"), s.micro("lenient")
    assert (strict.tp, strict.fp, strict.fn) == (1, 2, 1)
    assert strict.precision == pytest.approx(1 / 3)
    assert strict.recall == pytest.approx(1 / 2)
    assert strict.f1 == pytest.approx(0.4)
    assert (lenient.tp, lenient.fp, lenient.fn) == (2, 1, 0)
    assert lenient.precision == pytest.approx(2 / 3)
    assert lenient.recall == pytest.approx(1.0)
    assert lenient.f1 == pytest.approx(0.8)
    assert s.spans["strict"]["DOSE"] == PRF(0, 1, 1)
    assert s.spans["lenient"]["DOSE"] == PRF(1, 0, 0)
    assert s.spans["strict"]["ROUTE"] == PRF(0, 1, 0)


def test_prf_zero_denominators():
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0
    assert PRF(0, 3, 0).f1 == 0.0
    assert PRF(0, 0, 2).recall == 0.0


def test_lenient_is_one_to_one_greedy_by_overlap():
    text = "aaaa bbbb cccc dddd"
    gold = record("d", text, [at(text, "G1", "DOSE", 0, 9)])  # "aaaa bbbb"
    pred = record(
        "d",
        text,
        [at(text, "P1", "DOSE", 0, 4), at(text, "P2", "DOSE", 2, 9)],  # overlaps 4 and 7
    )
    s = score([gold], [pred])
    assert s.spans["lenient"]["DOSE"] == PRF(1, 1, 0)
    al = s.alignments[0]
    assert al.pairs["lenient"] == [(0, 1)]  # the larger overlap won

    # one prediction over two gold spans: only one gold span is matched
    gold2 = record("d", text, [at(text, "G1", "DOSE", 0, 4), at(text, "G2", "DOSE", 5, 14)])
    pred2 = record("d", text, [at(text, "P1", "DOSE", 2, 14)])
    s2 = score([gold2], [pred2])
    assert s2.spans["lenient"]["DOSE"] == PRF(1, 0, 1)
    assert s2.alignments[0].pairs["lenient"] == [(1, 0)]


def test_lenient_needs_same_label_and_real_overlap():
    text = "aaaa bbbb"
    gold = record("d", text, [at(text, "G1", "DOSE", 0, 4)])
    touching = record("d", text, [at(text, "P1", "DOSE", 4, 9)])  # adjacent, no shared char
    other_label = record("d", text, [at(text, "P1", "ROUTE", 0, 4)])
    assert score([gold], [touching]).micro("lenient").tp == 0
    assert score([gold], [other_label]).micro("lenient").tp == 0


def test_strict_duplicate_prediction_counts_once():
    text = "MSCs were given"
    gold = record("d", text, [span(text, "T1", "CELL_TYPE", "MSCs")])
    pred = record(
        "d", text, [span(text, "P1", "CELL_TYPE", "MSCs"), span(text, "P2", "CELL_TYPE", "MSCs")]
    )
    s = score([gold], [pred])
    assert s.spans["strict"]["CELL_TYPE"] == PRF(1, 1, 0)


def test_micro_vs_macro():
    text = "MSCs and BM-MSCs and UC-MSCs got 5 ml via i.v. and 9 ml"
    gold = record(
        "d",
        text,
        [
            span(text, "T1", "CELL_TYPE", "MSCs"),
            span(text, "T2", "CELL_TYPE", "BM-MSCs"),
            span(text, "T3", "CELL_TYPE", "UC-MSCs"),
            span(text, "T4", "DOSE", "5 ml"),
        ],
    )
    pred = record(
        "d",
        text,
        [
            span(text, "P1", "CELL_TYPE", "MSCs"),
            span(text, "P2", "CELL_TYPE", "BM-MSCs"),
            span(text, "P3", "CELL_TYPE", "UC-MSCs"),
            span(text, "P4", "DOSE", "9 ml"),  # wrong dose
            span(text, "P5", "ROUTE", "i.v."),  # ROUTE is not in gold
        ],
    )
    s = score([gold], [pred])
    micro = s.micro("strict")
    assert (micro.tp, micro.fp, micro.fn) == (3, 2, 1)
    assert micro.precision == pytest.approx(3 / 5)
    assert micro.recall == pytest.approx(3 / 4)
    assert micro.f1 == pytest.approx(2 / 3)
    # macro over the labels present in gold: CELL_TYPE (1.0) and DOSE (0.0)
    assert s.macro_labels == ("CELL_TYPE", "DOSE")
    macro = s.macro("strict")
    assert macro["f1"] == pytest.approx(0.5)
    assert macro["precision"] == pytest.approx(0.5)
    assert macro["recall"] == pytest.approx(0.5)
    assert s.f1("strict/macro") == pytest.approx(0.5)
    assert s.f1("strict/micro") == pytest.approx(2 / 3)


def test_macro_same_labels_for_every_system_on_same_gold():
    gold, pred = brief_case()
    empty = record("d1", TEXT, [])
    assert score([gold], [pred]).macro_labels == score([gold], [empty]).macro_labels


def test_documents_paired_by_id_and_missing_prediction_counts_as_missed():
    gold1, pred1 = brief_case()
    text2 = "hepatocytes"
    gold2 = record("d2", text2, [span(text2, "T1", "CELL_TYPE", "hepatocytes")])
    extra = record("zzz", "other text", [])
    s = score([gold1, gold2], [extra, pred1])  # order does not matter
    assert s.doc_ids == ["d1", "d2"]
    assert s.spans["strict"]["CELL_TYPE"] == PRF(1, 0, 1)
    assert any("no prediction" in w for w in s.warnings)
    assert any("no gold document" in w for w in s.warnings)


def test_text_mismatch_is_an_error():
    gold, pred = brief_case()
    pred = dict(pred, text=TEXT + " ")
    with pytest.raises(ScoringError, match="text differs"):
        score([gold], [pred])


def test_duplicate_ids_are_an_error():
    gold, pred = brief_case()
    with pytest.raises(ScoringError, match="duplicate id"):
        score([gold, gold], [pred])


def test_bad_offsets_are_an_error():
    gold, pred = brief_case()
    pred["spans"].append({"id": "X", "start": 5, "end": 999, "label": "DOSE", "attrs": {}})
    with pytest.raises(ScoringError, match="bad offsets"):
        score([gold], [pred])


# --------------------------------------------------------------------------- attributes


def test_values_equal_tolerance_lists_and_types():
    assert values_equal(1e6, 1e6 * (1 + 5e-7))
    assert not values_equal(1e6, 1e6 * (1 + 5e-6))
    assert values_equal(3, 3.0)
    assert values_equal([7.0, 14.0], [7.0, 14.0 * (1 + 1e-9)])
    assert not values_equal([7.0, 14.0], [7.0])
    assert not values_equal([7.0, 14.0], [14.0, 7.0])
    assert values_equal("mL", "mL") and not values_equal("mL", "ml")
    assert values_equal(None, None) and not values_equal(None, 0.0)
    assert not values_equal(True, 1)
    assert values_equal(0.0, 0.0)


def test_attribute_accuracy_with_tolerance_and_none_handling():
    text = "1x10^6 cells/kg then 2x10^6 cells/kg for 4 weeks and 8 weeks"
    gold = record(
        "d",
        text,
        [
            # low: within tolerance; high: off; unit: equal; level: None == None with key
            span(
                text,
                "T1",
                "DOSE",
                "1x10^6 cells/kg",
                low=1e6,
                high=1e6,
                unit="cells/kg",
                level=None,
            ),
            # gold lacks "level" (pred None -> unscored) and "unit" (pred has a value -> wrong)
            span(text, "T2", "DOSE", "2x10^6 cells/kg", low=2e6, high=2e6),
            span(text, "T3", "TIME_POINT", "4 weeks", days=[28.0]),
            span(text, "T4", "TIME_POINT", "8 weeks", days=[56.0]),
        ],
    )
    pred = record(
        "d",
        text,
        [
            span(
                text,
                "P1",
                "DOSE",
                "1x10^6 cells/kg",
                low=1e6 * (1 + 1e-7),
                high=2e6,
                unit="cells/kg",
                level=None,
            ),
            span(
                text,
                "P2",
                "DOSE",
                "2x10^6 cells/kg",
                low=2e6,
                high=2e6,
                unit="cells/kg",
                level=None,
            ),
            span(text, "P3", "TIME_POINT", "4 weeks", days=[28.0]),
            # boundary error: not strictly matched, so its attributes are not scored
            at(
                text,
                "P4",
                "TIME_POINT",
                text.index("8 weeks") + 2,
                text.index("8 weeks") + 7,
                days=[1.0],
            ),
        ],
    )
    s = score([gold], [pred])
    dose = s.attributes["DOSE"]
    assert (dose["low"].correct, dose["low"].total) == (2, 2)
    assert (dose["high"].correct, dose["high"].total) == (1, 2)
    assert (dose["unit"].correct, dose["unit"].total) == (1, 2)
    assert (dose["level"].correct, dose["level"].total) == (1, 1)
    assert dose["level"].null_agree == 1
    assert dose["level"].unscored == 1
    assert dose["high"].accuracy == pytest.approx(0.5)
    tp = s.attributes["TIME_POINT"]["days"]
    assert (tp.correct, tp.total, tp.accuracy) == (1, 1, 1.0)
    assert s.attributes["ROUTE"]["route"].accuracy is None
    wrong = {(m.attr, m.text) for _, m in s.attr_mismatches}
    assert wrong == {("high", "1x10^6 cells/kg"), ("unit", "2x10^6 cells/kg")}


# --------------------------------------------------------------------------- relations


def test_relations_need_both_ends_strictly_matched():
    text = "ALT 80±18 U/L and AST 40±5 U/L"
    gold = record(
        "d",
        text,
        [
            span(text, "T1", "LAB_TEST", "ALT"),
            span(text, "T2", "LAB_VALUE", "80±18 U/L"),
            span(text, "T3", "LAB_TEST", "AST"),
            span(text, "T4", "LAB_VALUE", "40±5 U/L"),
        ],
        [("T2", "T1"), ("T4", "T3")],
    )
    pred = record(
        "d",
        text,
        [
            span(text, "A", "LAB_TEST", "ALT"),
            span(text, "B", "LAB_VALUE", "80±18 U/L"),
            span(text, "C", "LAB_TEST", "AST"),
            span(text, "D", "LAB_VALUE", "40±5"),  # boundary error: its relation cannot count
        ],
        [("B", "A"), ("D", "C"), ("B", "C"), ("B", "missing")],
    )
    s = score([gold], [pred])
    r = s.relations
    assert (r.tp, r.fp, r.fn) == (1, 3, 1)
    assert r.precision == pytest.approx(1 / 4)
    assert r.recall == pytest.approx(1 / 2)
    assert r.f1 == pytest.approx(1 / 3)


def test_relation_ids_do_not_matter_only_offsets():
    text = "INR 1.2"
    gold = record(
        "d",
        text,
        [span(text, "T1", "LAB_TEST", "INR"), span(text, "T2", "LAB_VALUE", "1.2")],
        [("T2", "T1")],
    )
    pred = record(
        "d",
        text,
        [span(text, "x9", "LAB_VALUE", "1.2"), span(text, "x1", "LAB_TEST", "INR")],
        [("x9", "x1")],
    )
    assert score([gold], [pred]).relations == PRF(1, 0, 0)


def test_match_spans_rejects_unknown_mode():
    with pytest.raises(ValueError):
        match_spans([], [], "fuzzy")
