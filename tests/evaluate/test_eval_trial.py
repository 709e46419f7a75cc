"""celltx.evaluate.trial: trial-summary scoring, and the sidecar gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from celltx.corpus.jsonl import corpus_files, join_trials, trial_sidecars
from celltx.evaluate.trial import align_arms, same, score_trials, summary_rows


def arm(label, role, cl=None, **kw):
    return {"label": label, "role": role, "n": kw.get("n"), "cell_types": [{"cl_id": cl, "source": None, "donor": None}] if cl else [],
            "dose": kw.get("dose"), "route": kw.get("route"), "frequency": None, "comparator": kw.get("comparator"),
            "age": None, "male": None}


def outcome(analyte, arm_index, days, kind, value, unit="g/L", **kw):
    return {"analyte": analyte, "arm": arm_index, "days": days, "kind": kind, "value": value, "sd": kw.get("sd"),
            "low": None, "high": None, "unit": unit, "p_value": kw.get("p"), "direction": kw.get("direction")}


GOLD_TRIAL = {
    "design": "rct", "n_enrolled": 60, "condition": "Decompensated cirrhosis", "country": "UK", "follow_up_days": 168.0,
    "arms": [arm("MSC group", "experimental", "CL:0002569", n=30, route="intravenous"), arm("control group", "control", n=30, comparator="placebo")],
    "outcomes": [outcome("albumin", 0, 0.0, "baseline", 28.0), outcome("albumin", 0, 168.0, "follow_up", 33.0)],
    "eligibility": [{"analyte": "meld", "comparator": ">=", "value": 10.0, "unit": None}],
    "adverse_events": {"events": ["fever"], "serious": False},
}


def test_perfect_prediction_scores_one():
    gold = [{"id": "d", "text": "t", "trial": GOLD_TRIAL}]
    scores = score_trials(gold, [{"id": "d", "text": "t", "trial": GOLD_TRIAL}])
    assert all(a["accuracy"] == 1.0 for a in scores["fields"].values())
    assert all(a["accuracy"] == 1.0 for a in scores["arm_fields"].values())
    assert scores["outcomes"]["f1"] == 1.0 and scores["outcomes"]["value_accuracy"]["accuracy"] == 1.0
    assert scores["eligibility"]["f1"] == 1.0 and scores["adverse_events"]["f1"] == 1.0
    assert summary_rows(scores)


def test_arms_align_by_role_and_product_and_outcome_arms_follow_the_alignment():
    pred = json.loads(json.dumps(GOLD_TRIAL))
    pred["arms"] = [pred["arms"][1], pred["arms"][0]]  # order swapped
    for o in pred["outcomes"]:
        o["arm"] = 1
    pred["country"] = "United Kingdom"
    pred["condition"] = "decompensated  cirrhosis"
    pred["outcomes"][1]["value"] = 33.5  # wrong value, right key
    pred["n_enrolled"] = 60.0000001
    scores = score_trials([{"id": "d", "trial": GOLD_TRIAL}], [{"id": "d", "trial": pred}])
    assert scores["arms"]["f1"] == 1.0
    assert scores["fields"]["country"]["accuracy"] == 1.0
    assert scores["fields"]["condition"]["accuracy"] == 1.0
    assert scores["fields"]["n_enrolled"]["accuracy"] == 1.0
    assert scores["outcomes"]["f1"] == 1.0
    assert scores["outcomes"]["value_accuracy"]["correct"] == 1


def test_missing_arm_counts_its_fields_wrong_and_prediction_without_trial_is_summarised():
    gold = [{"id": "d", "text": "Nothing.", "trial": GOLD_TRIAL}]
    scores = score_trials(gold, [{"id": "d", "text": "Nothing.", "spans": [], "relations": []}])
    assert scores["arms"]["recall"] == 0.0
    assert scores["arm_fields"]["n"]["correct"] == 0 and scores["arm_fields"]["n"]["total"] == 2
    assert scores["outcomes"]["recall"] == 0.0
    assert score_trials([{"id": "d", "text": "x"}], []) is None


def test_align_arms_needs_the_same_role():
    gold = [arm("A", "experimental", "CL:1"), arm("B", "control")]
    pred = [arm("X", "control"), arm("Y", "experimental", "CL:2"), arm("Z", "experimental", "CL:1")]
    assert align_arms(gold, pred) == [(0, 2), (1, 0)]


@pytest.mark.parametrize(
    ("gold", "pred", "field", "ok"),
    [
        ({"low": 1e6, "high": 1e6, "unit": "cells/kg"}, {"low": 1e6, "high": 1e6, "unit": "cells/kg", "text": "x"}, "dose", True),
        ("mg/dl", "mg/dL", "unit", True),
        (None, {"value": None, "sd": None, "low": None, "high": None}, "age", True),
        (1.0, 1.0000001, "", True),
        (1.0, 1.01, "", False),
    ],
)
def test_same(gold, pred, field, ok):
    assert same(gold, pred, field) is ok


def test_sidecars_are_joined_by_id_and_never_read_as_documents(tmp_path: Path):
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "a", "text": "x", "spans": []}) + "\n", encoding="utf-8")
    (tmp_path / "trials.jsonl").write_text(json.dumps({"id": "a", "trial": {"design": "rct"}}) + "\n", encoding="utf-8")
    (tmp_path / "trials_test.jsonl").write_text("not read\n", encoding="utf-8")
    assert [p.name for p in corpus_files([tmp_path])] == ["docs.jsonl"]
    trials = trial_sidecars([tmp_path])
    assert trials == {"a": {"design": "rct"}}
    joined = join_trials([{"id": "a", "text": "x"}, {"id": "b", "text": "y"}], trials)
    assert joined[0]["trial"] == {"design": "rct"} and "trial" not in joined[1]


def test_optional_attributes_are_scored_only_where_gold_has_them():
    from celltx.evaluate.scorer import score

    text = "HbA1c 7.0%"
    test = {"id": "T1", "start": 0, "end": 5, "label": "LAB_TEST", "text": "HbA1c"}
    value = {"id": "T2", "start": 6, "end": 10, "label": "LAB_VALUE", "text": "7.0%"}
    si = {"value": 53.0, "sd": None, "low": None, "high": None, "unit": "mmol/mol"}
    pred = {"id": "d", "text": text, "relations": [{"label": "VALUE_OF", "head": "T2", "tail": "T1"}], "spans": [
        {**test, "attrs": {"analyte": "hba1c", "loinc": "4548-4"}},
        {**value, "attrs": {"value": 7.0, "unit": "%", "si": si}}]}
    plain = {"id": "d", "text": text, "relations": pred["relations"], "spans": [
        {**test, "attrs": {"analyte": "hba1c"}}, {**value, "attrs": {"value": 7.0, "unit": "%"}}]}
    scores = score([plain], [pred])
    assert scores.attributes["LAB_TEST"]["loinc"].total == 0  # gold has no loinc: not scored
    assert scores.attributes["LAB_TEST"]["analyte"].accuracy == 1.0
    with_loinc = json.loads(json.dumps(pred))
    with_loinc["spans"][0]["attrs"]["loinc"] = "59261-8"
    with_loinc["spans"][1]["attrs"]["si"] = {**si, "value": 53.0000001}
    scores = score([with_loinc], [pred])
    assert scores.attributes["LAB_TEST"]["loinc"].accuracy == 0.0
    assert scores.attributes["LAB_VALUE"]["si"].accuracy == 1.0  # within 1e-6 relative


def test_eval_cli_reports_trial_scores(tmp_path: Path, capsys):
    from celltx.cli import main

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    doc = {"id": "d", "scheme_version": 1, "text": "Nothing.", "spans": [], "relations": []}
    (gold_dir / "docs.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (gold_dir / "trials.jsonl").write_text(json.dumps({"id": "d", "trial": GOLD_TRIAL}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({**doc, "trial": GOLD_TRIAL}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["eval", "--gold", str(gold_dir), "--pred", f"mine={pred}", "--resamples", "0", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "trial summary" in printed and "document.design" in printed
    report = json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert report["systems"][0]["trial"]["fields"]["design"]["accuracy"] == 1.0
    assert "## Trial summary" in (out / "eval.md").read_text(encoding="utf-8")
    assert "Trial summary" in (out / "eval.html").read_text(encoding="utf-8")
