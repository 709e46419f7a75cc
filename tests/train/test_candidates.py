"""Rule candidates as model features: the indicators, the tok2vec, the corpus reader."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc, DocBin, Span

from celltx import schema
from celltx.components.candidate_features import (
    PER_LABEL,
    candidate_features,
    candidate_indicators,
    candidate_tok2vec,
)
from celltx.train.candidates import CandidateCorpus, attach, candidate_offsets
from celltx.train.train import make_tokenizer_nlp

LABELS = ["CELL_TYPE", "DOSE"]


@pytest.fixture(scope="module")
def tok():
    return make_tokenizer_nlp()


def _doc_with_candidates(tok) -> Doc:
    doc = tok.make_doc("gave 5 million MSCs per kg")
    # "5 million MSCs per kg" as a DOSE with the CELL_TYPE "MSCs" inside it
    doc.spans[schema.CANDIDATES_KEY] = [
        Span(doc, 1, 6, label="DOSE"),
        Span(doc, 3, 4, label="CELL_TYPE"),
        Span(doc, 0, 1, label="ROUTE"),  # a label the layer was not built for: ignored
    ]
    return doc


def test_indicators_mark_begin_and_inside_per_label_with_overlaps(tok):
    doc = _doc_with_candidates(tok)
    arr = candidate_indicators(doc, LABELS)
    assert arr.shape == (len(doc), PER_LABEL * len(LABELS))
    cell_b, cell_i, dose_b, dose_i = arr.T
    assert list(dose_b) == [0, 1, 0, 0, 0, 0]
    assert list(dose_i) == [0, 0, 1, 1, 1, 1]
    assert list(cell_b) == [0, 0, 0, 1, 0, 0]  # the cell inside the dose keeps its own mark
    assert not cell_i.any()
    assert not arr[0].any()  # the ROUTE on "gave" is not a feature of this layer


def test_a_doc_without_candidates_gets_zeros(tok):
    doc = tok.make_doc("no rules ran here")
    assert not candidate_indicators(doc, LABELS).any()


def test_feature_dropout_applies_in_training_only(tok):
    doc = _doc_with_candidates(tok)
    layer = candidate_features(LABELS, feature_dropout=1.0)
    (train_out,), _ = layer(([doc]), is_train=True)
    (pred_out,), _ = layer(([doc]), is_train=False)
    assert not numpy.asarray(train_out).any()
    assert numpy.asarray(pred_out).sum() == candidate_indicators(doc, LABELS).sum()


def test_tok2vec_width_and_the_features_change_the_vectors(tok):
    model = candidate_tok2vec(
        width=16, depth=1, embed_size=100, window_size=1, maxout_pieces=2, labels=LABELS
    )
    bare = tok.make_doc("gave 5 million MSCs per kg")
    with_candidates = _doc_with_candidates(tok)
    model.initialize(X=[bare, with_candidates])
    out_bare, out_cand = model.predict([bare, with_candidates])
    assert out_bare.shape == (len(bare), 16)
    assert not numpy.allclose(out_bare, out_cand)  # same words, different candidates


def test_attach_and_the_corpus_reader_carry_candidates_to_the_model_doc(tok, tmp_path):
    text = "gave 5 million MSCs per kg"
    gold = tok.make_doc(text)
    assert attach(gold, [(5, 26, "DOSE"), (15, 19, "CELL_TYPE")]) == 2
    DocBin(docs=[gold]).to_disk(tmp_path / "x.spacy")
    (example,) = list(CandidateCorpus(tmp_path / "x.spacy")(tok))
    assert example.predicted is not example.reference
    found = [(s.text, s.label_) for s in example.predicted.spans[schema.CANDIDATES_KEY]]
    assert found == [("5 million MSCs per kg", "DOSE"), ("MSCs", "CELL_TYPE")]


def test_candidate_offsets_are_the_rule_steps_before_the_model():
    text = "Each patient received 2 x 10^6 MSCs/kg intravenously."
    (found,) = candidate_offsets([text])
    labels = {(text[s:e], label) for s, e, label in found}
    assert ("MSCs", "CELL_TYPE") in labels
    assert ("intravenously", "ROUTE") in labels


def test_a_model_trained_with_rule_features_reads_them_and_loads_in_a_fresh_process(
    tmp_path, corpus
):
    import io
    import json
    import subprocess
    import sys

    from celltx.train.train import CANDIDATE_ARCHITECTURE, split_records, train_ner

    splits = split_records(corpus)
    result = train_ner(
        splits.train, splits.dev, tmp_path / "m", seed=0, max_steps=10, rule_features=True,
        log=io.StringIO(),
    )
    info = result.meta["celltx"]
    assert info["rule_candidates_as_features"] and info["rule_candidates_placed"] > 0
    config = (result.path / "config.cfg").read_text("utf-8")
    assert CANDIDATE_ARCHITECTURE in config
    # the architecture is found through the package's entry points, not an import
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "print(nlp.pipe_names, nlp.get_pipe('ner').model.get_ref('tok2vec').name)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(result.path)], capture_output=True, text=True, check=True
    )
    assert "['ner']" in out.stdout
    json.dumps(info)  # the meta block stays plain JSON
