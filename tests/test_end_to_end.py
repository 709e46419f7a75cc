"""End-to-end: the installed pipeline on the seeds and the scored run against the gold test split."""

import json
from pathlib import Path

import pytest

import celltx
from celltx import schema
from celltx.corpus.jsonl import iter_corpus
from celltx.evaluate.scorer import score
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


def _gold(split: str) -> list[dict]:
    # the texts this project wrote (seeds + dev batches); real abstracts are scored apart
    return list(iter_corpus([REPO / "corpora" / "gold", REPO / "corpora" / "dev"], split=split))


def test_full_pipeline_does_not_regress_on_the_test_split():
    """Strict micro-F1 on the gold test split stays within 0.02 of the recorded value."""
    recorded = json.loads(REGRESSION_FILE.read_text(encoding="utf-8"))
    gold = _gold("test")
    assert len(gold) >= 20
    predicted = celltx.pipeline.predict_records(recorded["system"], gold)
    result = score(gold, predicted)
    f1 = result.micro("strict").f1
    assert f1 >= recorded["strict_micro_f1"] - 0.02, f"strict micro-F1 {f1:.3f} fell below {recorded}"
