"""End-to-end: the installed pipeline on the seeds and the scored run against the gold test split."""

import json
from pathlib import Path

import pytest

import celltx
from celltx import schema
from celltx.evaluate import regression
from tests.conftest import REPO, SEEDS, span

REGRESSION_FILE = REPO / "eval" / "regression.json"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_every_seed_gives_a_valid_record(path: Path):
    text = path.read_text(encoding="utf-8")
    record = celltx.extract(text)
    assert schema.validate_record(record) == []
    assert record["spans"], "every seed mentions at least one cell type"


def test_seed_001_headline_facts():
    record = celltx.extract((SEEDS / "001_f75dfedfc35f7a9e.txt").read_text(encoding="utf-8"))
    value = span(record, "17.9±5.6", "LAB_VALUE")
    assert (value["attrs"]["value"], value["attrs"]["sd"]) == (17.9, 5.6)
    by_id = {s["id"]: s for s in record["spans"]}
    tails = [by_id[r["tail"]] for r in record["relations"] if r["head"] == value["id"]]
    assert [t["attrs"]["analyte"] for t in tails] == ["meld"]
    dose = span(record, "30–50 million MSCs", "DOSE")["attrs"]
    assert (dose["low"], dose["high"], dose["unit"]) == (3e7, 5e7, "cells")
    labels = {s["label"] for s in record["spans"]}
    assert labels == set(schema.LABELS) - {"FREQUENCY"}  # the abstract states no frequency


def test_full_pipeline_does_not_regress_on_the_test_split():
    """Micro-F1, every label's F1 and every attribute's accuracy on the gold test split stay
    within the gate's tolerance of the recorded baseline (celltx.evaluate.regression)."""
    recorded = json.loads(REGRESSION_FILE.read_text(encoding="utf-8"))
    scores = regression.measure(REPO, recorded["system"])
    assert len(scores.doc_ids) >= 20
    assert regression.regressions(regression.baseline_of(scores), recorded) == []
