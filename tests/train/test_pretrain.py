"""Tok2vec pretraining (celltx.train.pretrain) and the CELL_TYPE model's data (celltx.train.celltype)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy
import pytest
import spacy

from celltx.train import celltype
from celltx.train.pretrain import inner_tok2vec, load_pretrained, pretrain_texts, pretrain_tok2vec
from celltx.train.train import TrainError, load_config, train_ner


def _draw(path: Path, docs: list[tuple[str, str]]) -> None:
    path.write_text(json.dumps({"documents": [{"split": s, "provenance": {"corpus_id": i}} for i, s in docs]}))


def test_pretraining_texts_leave_out_drawn_abstracts_and_non_train_gold(tmp_path: Path, corpus):
    _draw(tmp_path / "draw.json", [("a", "test"), ("b", "dev"), ("c", "train")])
    pool = tmp_path / "abstracts.jsonl"
    pool.write_text("".join(json.dumps({"id": i, "text": f"abstract {i}"}) + "\n" for i in "abcde"))
    texts = pretrain_texts(
        draw=tmp_path / "draw.json",
        rct_path=pool,
        cell_ner=tmp_path / "absent",
        gold_train=[r for r in corpus if r["split"] == "train"],
        log=io.StringIO(),
    )
    assert texts[:2] == ["abstract d", "abstract e"]
    assert texts[2:] == [r["text"] for r in corpus if r["split"] == "train"]
    with pytest.raises(TrainError):
        pretrain_texts(draw=None, cell_ner=tmp_path / "absent", gold_train=corpus, log=io.StringIO())


def _embeddings(layer) -> numpy.ndarray:
    return next(n for n in layer.walk() if n.has_param("E")).get_param("E")


def test_pretrained_weights_are_reproducible_and_start_the_ner(tmp_path: Path, corpus):
    texts = [r["text"] for r in corpus if r["split"] == "train"] * 5
    first = pretrain_tok2vec(texts, tmp_path / "a.bin", epochs=1, seed=3, log=io.StringIO())
    second = pretrain_tok2vec(texts, tmp_path / "b.bin", epochs=1, seed=3, log=io.StringIO())
    assert first.read_bytes() == second.read_bytes()
    assert json.loads((tmp_path / "a.bin.json").read_text())["epochs"] == 1

    nlp = spacy.util.load_model_from_config(load_config(), auto_fill=True)
    nlp.initialize()
    load_pretrained(nlp, first)
    pretrained = _embeddings(inner_tok2vec(nlp)).copy()
    train = [r for r in corpus if r["split"] == "train"]
    dev = [r for r in corpus if r["split"] == "dev"]
    result = train_ner(train, dev, tmp_path / "m", max_steps=1, init_tok2vec=first, log=io.StringIO())
    assert result.meta["celltx"]["pretrained_tok2vec"] is True
    trained = _embeddings(inner_tok2vec(spacy.load(tmp_path / "m")))
    assert numpy.abs(trained - pretrained).mean() < 0.01  # one step away from the weights loaded

    (tmp_path / "bad.bin").write_bytes(b"not weights")
    with pytest.raises(TrainError):
        load_pretrained(nlp, tmp_path / "bad.bin")


def test_cell_type_records_keep_only_cell_type(corpus, tmp_path: Path):
    records = celltype.training_records(
        [r for r in corpus if r["split"] == "train"],
        cell_ner=tmp_path / "absent",
        gold_repeat=2,
        log=io.StringIO(),
    )
    with_cells = [r for r in corpus if r["split"] == "train" and any(s["label"] == "CELL_TYPE" for s in r["spans"])]
    assert with_cells and len(records) == 2 * len(with_cells)
    assert {s["label"] for r in records for s in r["spans"]} == {"CELL_TYPE"}
    assert len({r["id"] for r in records}) == len(records)
    with pytest.raises(TrainError):
        celltype.training_records(corpus, cell_ner=tmp_path / "absent", log=io.StringIO())


def test_cell_type_records_leave_out_gold_documents_that_name_no_cell(tmp_path: Path):
    def doc(i: str, spans: list) -> dict:
        return {"id": i, "split": "train", "text": "MSCs were given; HbA1c fell.", "spans": spans, "relations": []}

    gold = [doc("cells", [{"label": "CELL_TYPE", "start": 0, "end": 4}]),
            doc("no-cells", [{"label": "LAB_TEST", "start": 17, "end": 22}])]
    records = celltype.training_records(gold, cell_ner=tmp_path / "absent", gold_repeat=1, log=io.StringIO())
    assert [r["id"] for r in records] == ["cells"]
    every = celltype.training_records(gold, cell_ner=tmp_path / "absent", gold_repeat=1,
                                      with_mentions_only=False, log=io.StringIO())
    assert sorted(r["id"] for r in every) == ["cells", "no-cells"]
