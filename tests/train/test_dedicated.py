"""Dedicated one-label models (celltx.train.dedicated, labtest): data, held-out part, CLI."""

from __future__ import annotations

import io
import json
import random

import pytest

from celltx import schema
from celltx.cli import main
from celltx.train import celltype, dedicated, labtest
from celltx.train.train import POLICY_FILE, TrainError

from .conftest import record


def _train(corpus):
    return [r for r in corpus if r["split"] == "train"]


def test_lab_test_records_keep_only_lab_test_and_repeat_the_gold(corpus):
    records = labtest.training_records(_train(corpus), gold_repeat=3, log=io.StringIO())
    assert len(records) == 3 * len(_train(corpus))
    assert {s["label"] for r in records for s in r["spans"]} == {schema.LAB_TEST}
    assert all(r["relations"] == [] for r in records)
    assert len({r["id"] for r in records}) == len(records)  # copies renamed
    n_gold = sum(s["label"] == schema.LAB_TEST for r in _train(corpus) for s in r["spans"])
    assert sum(len(r["spans"]) for r in records) == 3 * n_gold
    once = labtest.training_records(_train(corpus), gold_repeat=1, log=io.StringIO())
    assert [r["id"] for r in once] == [r["id"] for r in _train(corpus)]


def test_dedicated_records_refuse_test_documents_and_skip_dev(corpus):
    with pytest.raises(TrainError, match="test-split"):
        labtest.training_records(corpus, log=io.StringIO())
    no_test = [r for r in corpus if r["split"] != "test"]
    ids = {r["id"] for r in labtest.training_records(no_test, gold_repeat=1, log=io.StringIO())}
    assert "tiny-5" not in ids  # dev documents are not trained on


def test_a_span_inside_another_labels_span_is_kept():
    text = "Plasma IL-6 concentration rose; IL-6 fell."
    doc = record(
        "x", text, [("LAB_VALUE", "Plasma IL-6 concentration"), ("LAB_TEST", "IL-6"), ("LAB_TEST", "IL-6", 1)]
    )
    (only,) = dedicated.only_labels([doc], [schema.LAB_TEST])
    assert [(s["text"], s["start"]) for s in only["spans"]] == [("IL-6", 7), ("IL-6", 32)]


def test_config_overrides_and_sub_folders():
    assert labtest.CONFIG_OVERRIDES == {"initialize.before_init.labels": [schema.LAB_TEST]}
    assert celltype.CONFIG_OVERRIDES == {"initialize.before_init.labels": [schema.CELL_TYPE]}
    assert (labtest.SUBDIR, celltype.SUBDIR) == ("lab_test", "cell_type")
    with pytest.raises(TrainError):
        dedicated.config_overrides("NOT_A_LABEL")


def test_held_out_split_is_seeded_disjoint_and_order_free():
    docs = [{"id": f"d{i:02d}", "split": "train", "text": "x", "spans": []} for i in range(40)]
    kept, held = dedicated.held_out_split(docs, 0.15, seed=0)
    assert len(held) == 6 and len(kept) == 34
    assert {r["id"] for r in kept} | {r["id"] for r in held} == {r["id"] for r in docs}
    assert not {r["id"] for r in kept} & {r["id"] for r in held}
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    assert {r["id"] for r in dedicated.held_out_split(shuffled, 0.15, seed=0)[1]} == {
        r["id"] for r in held
    }
    assert {r["id"] for r in dedicated.held_out_split(docs, 0.15, seed=1)[1]} != {r["id"] for r in held}
    with pytest.raises(TrainError):
        dedicated.held_out_split(docs, 1.0)


def test_policy_tables_score_value_of(corpus):
    from celltx.train.policy import score_table

    gold = [
        record(
            "v",
            "ALT was 41 U/L.",
            [("LAB_TEST", "ALT"), ("LAB_VALUE", "41 U/L")],
        )
    ]
    gold[0]["relations"] = [{"id": "R1", "label": schema.VALUE_OF, "head": "T2", "tail": "T1"}]
    pred = [dict(gold[0])]
    table = score_table(gold, pred)
    assert table["strict"][schema.VALUE_OF]["tp"] == 1
    assert table["strict"][schema.VALUE_OF]["f1"] == 1.0


def test_cli_builds_the_lab_test_model_and_the_policy_scores_it(tmp_path, corpus, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "tiny.jsonl").write_text("".join(json.dumps(r) + "\n" for r in corpus), "utf-8")
    out = tmp_path / "model"
    args = [
        "train", "--gold", str(gold), "--out", str(out), "--max-steps", "5", "--no-cell-ner",
        "--silver", "0", "--pretrain-epochs", "0", "--lab-model", "--lab-steps", "5",
    ]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "LAB_TEST model:" in captured.out
    meta = json.loads((out / labtest.SUBDIR / "meta.json").read_text("utf-8"))
    assert meta["components"] == ["ner"] or meta["pipeline"] == ["ner"]
    import spacy

    assert spacy.load(out / labtest.SUBDIR).get_pipe("ner").labels == (schema.LAB_TEST,)
    assert not (out / celltype.SUBDIR).exists()
    policy = json.loads((out / POLICY_FILE).read_text("utf-8"))
    decision = policy["decisions"][schema.LAB_TEST]
    assert {"gaps@lab_test", "union@lab_test", "confirm@lab_test"} <= set(decision)
    assert "gaps@lab_test" not in policy["decisions"][schema.ROUTE]  # only its own label
    assert main([*args[:-3], "--lab-steps", "0"]) == 2
    assert "--lab-steps must be at least 1" in capsys.readouterr().err
