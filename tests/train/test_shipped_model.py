"""The model shipped in the package (src/celltx/models/ner): loadable, small, with a dev policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from celltx import schema
from celltx.resources import models_dir
from celltx.train.train import MAX_MODEL_BYTES, POLICY_FILE, dir_size

MODEL = models_dir() / "ner"

pytestmark = pytest.mark.skipif(
    not (MODEL / "meta.json").is_file(), reason="no model shipped yet (run `celltx train`)"
)


def test_shipped_model_is_small_and_loads_alone():
    from celltx.commands.train import SHIP_MAX_BYTES

    assert dir_size(MODEL) < min(MAX_MODEL_BYTES, SHIP_MAX_BYTES)
    nlp = spacy.load(MODEL)
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == set(schema.LABELS)
    assert "tok2vec" in nlp.get_pipe("ner").model.ref_names  # own tok2vec, no listener
    doc = nlp("Umbilical cord MSCs were infused intravenously; ALT was 41±9 U/L at 12 weeks.")
    assert {e.label_ for e in doc.ents} <= set(schema.LABELS)


def test_shipped_model_was_trained_without_test_documents():
    meta = json.loads((MODEL / "meta.json").read_text("utf-8"))
    info = meta["celltx"]
    assert info["evaluated_on"] == "dev" and info["train_docs"] > 0 and info["dev_docs"] > 0
    config = spacy.util.load_config(MODEL / "config.cfg", interpolate=False)
    assert config["paths"]["train"] is None and config["paths"]["dev"] is None


def test_shipped_policy_was_chosen_on_dev():
    path = MODEL / POLICY_FILE
    if not path.is_file():
        pytest.skip("no combination policy chosen for the shipped model")
    policy = json.loads(path.read_text("utf-8"))
    assert policy["chosen_on"] == "dev"
    assert set(policy["labels"]) <= set(schema.LABELS)
    from celltx.components.ner import COMBINATIONS, policy_modes

    modes = policy_modes(MODEL)
    assert sorted(label for m in COMBINATIONS for label in modes[m]) == sorted(policy["labels"])
    corpora = Path(__file__).resolve().parents[2] / "corpora"
    if corpora.is_dir():
        from celltx.corpus.jsonl import iter_corpus

        split_of = {r.get("id"): r.get("split") for r in iter_corpus(corpora)}
        assert {split_of.get(i) for i in policy["dev_ids"]} == {"dev"}


def test_full_runs_the_shipped_model_as_its_policy_says():
    from celltx import pipeline
    from celltx.components.ner import policy_labels

    nlp = pipeline.load("full")
    info = nlp.meta["celltx"]["ner"]
    if policy_labels(MODEL):
        assert {"celltx_ner_model", "celltx_ner"} <= set(nlp.pipe_names)
        copier = nlp.get_pipe("celltx_ner")
        assert info["combination"] == copier.modes
        assert sorted(x for v in copier.modes.values() for x in v) == sorted(policy_labels(MODEL))
    else:
        assert "celltx_ner_model" not in nlp.pipe_names
