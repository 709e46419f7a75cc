"""Error classification, context sentences and the confusion summary."""

from __future__ import annotations

from celltx.evaluate.errors import analyse, context, document_errors
from celltx.evaluate.scorer import score
from tests.evaluate.eval_helpers import at, record, span

TEXT = (
    "Background text here. Patients got 30 million MSCs via the portal vein and ALT was checked. "
    "Follow-up lasted 12 months."
)


def errors_of(gold_spans, pred_spans):
    s = score([record("d", TEXT, gold_spans)], [record("d", TEXT, pred_spans)])
    return s, document_errors(s.alignments[0])


def one(errors, kind):
    found = [e for e in errors if e.kind == kind]
    assert len(found) == 1, errors
    return found[0]


def test_boundary_error_on_both_sides():
    _, errs = errors_of(
        [span(TEXT, "T1", "ROUTE", "portal vein")],
        [span(TEXT, "P1", "ROUTE", "the portal vein")],
    )
    fn, fp = one(errs, "FN"), one(errs, "FP")
    assert fn.error_class == fp.error_class == "boundary"
    assert fn.other_text == "the portal vein" and fp.other_text == "portal vein"


def test_label_error_same_offsets_and_overlapping():
    _, errs = errors_of(
        [span(TEXT, "T1", "LAB_TEST", "ALT")],
        [span(TEXT, "P1", "CELL_TYPE", "ALT")],
    )
    assert {(e.kind, e.error_class) for e in errs} == {("FN", "label"), ("FP", "label")}
    _, errs = errors_of(
        [span(TEXT, "T1", "DOSE", "30 million MSCs")],
        [span(TEXT, "P1", "CELL_TYPE", "million MSCs")],
    )
    assert {(e.kind, e.error_class) for e in errs} == {("FN", "label"), ("FP", "label")}


def test_same_label_overlap_wins_over_other_label():
    # gold DOSE [30 million MSCs] and CELL_TYPE [MSCs]; predicted CELL_TYPE [million MSCs]
    _, errs = errors_of(
        [span(TEXT, "T1", "DOSE", "30 million MSCs"), span(TEXT, "T2", "CELL_TYPE", "MSCs")],
        [
            span(TEXT, "P1", "DOSE", "30 million MSCs"),
            span(TEXT, "P2", "CELL_TYPE", "million MSCs"),
        ],
    )
    assert one(errs, "FP").error_class == "boundary"
    assert one(errs, "FN").error_class == "boundary"


def test_spurious_and_missed():
    _, errs = errors_of(
        [span(TEXT, "T1", "TIME_POINT", "12 months")],
        [span(TEXT, "P1", "DOSE", "Background")],
    )
    fn, fp = one(errs, "FN"), one(errs, "FP")
    assert fn.error_class == "missed" and fn.other_label is None
    assert fp.error_class == "spurious" and fp.other_label is None


def test_duplicate_prediction():
    _, errs = errors_of(
        [span(TEXT, "T1", "CELL_TYPE", "MSCs")],
        [span(TEXT, "P1", "CELL_TYPE", "MSCs"), span(TEXT, "P2", "CELL_TYPE", "MSCs")],
    )
    assert [(e.kind, e.error_class) for e in errs] == [("FP", "duplicate")]


def test_error_carries_doc_offsets_text_and_sentence():
    _, errs = errors_of([span(TEXT, "T1", "TIME_POINT", "12 months")], [])
    e = errs[0]
    assert (e.doc_id, e.text) == ("d", "12 months")
    assert TEXT[e.start : e.end] == "12 months"
    assert e.context == "Follow-up lasted ⟦12 months⟧."


def test_context_is_the_sentence_and_clipped_when_long():
    start = TEXT.index("ALT")
    ctx = context(TEXT, start, start + 3)
    assert ctx == "Patients got 30 million MSCs via the portal vein and ⟦ALT⟧ was checked."
    long_text = "x " * 300 + "target " + "y " * 300
    s = long_text.index("target")
    ctx = context(long_text, s, s + 6)
    assert "⟦target⟧" in ctx and ctx.startswith("…") and ctx.endswith("…")
    assert len(ctx) < 300


def test_counts_and_confusion_summary():
    gold = [
        span(TEXT, "T1", "CELL_TYPE", "MSCs"),  # matched
        span(TEXT, "T2", "LAB_TEST", "ALT"),  # predicted as CELL_TYPE
        span(TEXT, "T3", "TIME_POINT", "12 months"),  # missed
        span(TEXT, "T4", "ROUTE", "portal vein"),  # boundary (lenient match)
    ]
    pred = [
        span(TEXT, "P1", "CELL_TYPE", "MSCs"),
        span(TEXT, "P2", "CELL_TYPE", "ALT"),
        span(TEXT, "P3", "ROUTE", "the portal vein"),
        span(TEXT, "P4", "DOSE", "Background"),  # spurious
    ]
    s = score([record("d", TEXT, gold)], [record("d", TEXT, pred)])
    analysis = analyse(s)
    assert analysis.counts() == {
        "boundary": 2,
        "label": 2,
        "spurious": 1,
        "missed": 1,
        "duplicate": 0,
    }
    assert analysis.confusion == {
        "CELL_TYPE": {"CELL_TYPE": 1},
        "LAB_TEST": {"CELL_TYPE": 1},
        "ROUTE": {"ROUTE": 1},
        "TIME_POINT": {"none": 1},
        "none": {"DOSE": 1},
    }
    by_label = analysis.counts_by_label()
    assert by_label["ROUTE"]["boundary"] == 2
    top = analysis.top(3)
    assert top[0]["count"] >= top[-1]["count"]
    assert {"error_class", "kind", "label", "text", "count", "example"} <= set(top[0])
    d = analysis.to_dict()
    assert len(d["errors"]) == 6


def test_correct_nested_spans_are_not_confusions():
    gold = [span(TEXT, "T1", "DOSE", "30 million MSCs"), span(TEXT, "T2", "CELL_TYPE", "MSCs")]
    s = score([record("d", TEXT, gold)], [record("d", TEXT, [dict(g) for g in gold])])
    assert analyse(s).confusion == {"CELL_TYPE": {"CELL_TYPE": 1}, "DOSE": {"DOSE": 1}}
    assert analyse(s).errors == []


def test_attribute_mismatches_listed():
    gold = [
        at(
            TEXT,
            "T1",
            "ROUTE",
            TEXT.index("portal vein"),
            TEXT.index("portal vein") + 11,
            route="intraportal",
        )
    ]
    pred = [dict(gold[0], attrs={"route": "intravenous"})]
    s = score([record("d", TEXT, gold)], [record("d", TEXT, pred)])
    mm = analyse(s).attr_mismatches
    assert mm == [
        {
            "doc_id": "d",
            "label": "ROUTE",
            "attr": "route",
            "start": gold[0]["start"],
            "end": gold[0]["end"],
            "text": "portal vein",
            "gold": "intraportal",
            "pred": "intravenous",
        }
    ]


def test_analysis_restricted_to_covered_labels():
    gold = [span(TEXT, "T1", "CELL_TYPE", "MSCs"), span(TEXT, "T2", "TIME_POINT", "12 months")]
    pred = [span(TEXT, "P1", "TIME_POINT", "months"), span(TEXT, "P2", "TIME_POINT", "Background")]
    s = score([record("d", TEXT, gold)], [record("d", TEXT, pred)])
    full = analyse(s)
    only_time = analyse(s, labels=("TIME_POINT",))
    assert len(full.errors) == 4
    assert {e.label for e in only_time.errors} == {"TIME_POINT"} and len(only_time.errors) == 3
    assert full.confusion["CELL_TYPE"] == {"none": 1}
    assert only_time.confusion == {"TIME_POINT": {"TIME_POINT": 1}, "none": {"TIME_POINT": 1}}
