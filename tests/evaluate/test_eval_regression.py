"""The regression gate compares every recorded number, not only micro-F1."""

from __future__ import annotations

import json

from celltx.evaluate import regression
from celltx.evaluate.scorer import score
from tests.conftest import REPO
from tests.evaluate.eval_helpers import record, span

TEXT = "MSCs at 1x10^6 cells/kg were given i.v. for 12 weeks."
RECORDED = {
    "strict_micro_f1": 0.95,
    "labels": {"TIME_POINT": 0.96, "LAB_VALUE": 0.90},
    "attributes": {"LAB_VALUE.unit": 0.95, "TIME_POINT.days": 1.0},
}


def test_a_label_that_drops_fails_the_gate_while_micro_f1_holds():
    current = {**RECORDED, "strict_micro_f1": 0.945, "labels": {"TIME_POINT": 0.97, "LAB_VALUE": 0.80}}
    assert current["strict_micro_f1"] >= RECORDED["strict_micro_f1"] - regression.TOLERANCE  # the old gate passed
    assert regression.regressions(current, RECORDED) == ["LAB_VALUE strict F1 0.8000 < recorded 0.9000 - 0.02"]


def test_an_attribute_that_drops_fails_the_gate():
    current = {**RECORDED, "attributes": {"LAB_VALUE.unit": 0.90, "TIME_POINT.days": 1.0}}
    assert regression.regressions(current, RECORDED) == ["LAB_VALUE.unit accuracy 0.9000 < recorded 0.9500 - 0.02"]


def test_drops_within_the_tolerance_pass_and_a_lost_label_counts_as_zero():
    within = {"strict_micro_f1": 0.931, "labels": {"TIME_POINT": 0.941, "LAB_VALUE": 0.881},
              "attributes": {"LAB_VALUE.unit": 0.931, "TIME_POINT.days": 0.981}}
    assert regression.regressions(within, RECORDED) == []
    lost = {**within, "labels": {"TIME_POINT": 0.96}}
    assert regression.regressions(lost, RECORDED) == ["LAB_VALUE strict F1 0.0000 < recorded 0.9000 - 0.02"]


def test_baseline_of_scores_keeps_labels_with_gold_and_scored_attributes():
    gold = [record("d", TEXT, [span(TEXT, "T1", "CELL_TYPE", "MSCs"),
                               span(TEXT, "T2", "TIME_POINT", "12 weeks", days=[84.0])])]
    pred = [record("d", TEXT, [span(TEXT, "T1", "CELL_TYPE", "MSCs"),
                               span(TEXT, "T2", "TIME_POINT", "12 weeks", days=[85.0])])]
    baseline = regression.baseline_of(score(gold, pred))
    assert baseline["strict_micro_f1"] == 1.0
    assert baseline["labels"] == {"CELL_TYPE": 1.0, "TIME_POINT": 1.0}
    assert baseline["attributes"]["TIME_POINT.days"] == 0.0


def test_the_recorded_baseline_has_every_gated_number():
    recorded = json.loads((REPO / "eval" / "regression.json").read_text(encoding="utf-8"))
    assert recorded["labels"] and recorded["attributes"] and "tolerance" not in recorded
