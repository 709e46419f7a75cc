"""Tests for celltx.corpus.docbin: records <-> Doc/DocBin."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin

from celltx import schema
from celltx.corpus.docbin import (
    docbin_to_docs,
    docbin_to_records,
    docs_to_docbin,
    misaligned_spans,
    read_docbin,
    records_to_docbin,
    write_docbin,
)
from celltx.corpus.jsonl import CorpusError
from celltx.extensions import record_to_doc


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _via_bytes(docbin):
    return DocBin(store_user_data=True).from_bytes(docbin.to_bytes())


def test_records_align_with_blank_tokenizer(nlp, records):
    assert all(misaligned_spans(nlp, r) == [] for r in records)


def test_round_trip_is_lossless(nlp, records):
    back = docbin_to_records(nlp, _via_bytes(records_to_docbin(nlp, records)))
    assert back == records
    # ids, span order and field order survive, not only content
    assert [s["id"] for s in back[0]["spans"]] == [s["id"] for s in records[0]["spans"]]
    assert list(back[0]) == list(records[0])
    assert "source" not in back[2] and "split" not in back[2]


def test_docs_carry_spans_attrs_relations_and_id(nlp, records):
    docs = docbin_to_docs(nlp, _via_bytes(records_to_docbin(nlp, records)))
    doc = docs[0]
    assert doc._.doc_id == "inv-001"
    group = doc.spans[schema.SPANS_KEY]
    assert len(group) == len(records[0]["spans"])
    days = [s._.attrs["days"] for s in group if s.label_ == schema.TIME_POINT]
    assert days == [[168.0], [0.0]]  # lists, not msgpack tuples
    rels = [(label, h.text, t.text) for label, h, t in doc._.relations]
    assert rels == [
        ("VALUE_OF", "80±12", "ALT"),
        ("VALUE_OF", "41±9 U/L", "ALT"),
        ("VALUE_OF", "21 μmol/L", "bilirubin"),
    ]
    same_chars = {s.label_: s._.attrs for s in docs[1].spans[schema.SPANS_KEY]}
    assert same_chars["FREQUENCY"] == {"count": None, "interval_days": 7.0}
    assert same_chars["TIME_POINT"] == {"days": [7.0]}


def test_docs_to_docbin_leaves_doc_unchanged(nlp, records):
    doc = record_to_doc(nlp, records[0])
    relations = doc._.relations
    docs_to_docbin([doc])
    assert doc._.relations == relations
    assert "celltx_record" not in doc.user_data


def test_docbin_without_record_metadata_uses_reading_order_ids(nlp, records):
    # a Doc not made from a record (e.g. pipeline output): ids come from doc_to_record
    doc = record_to_doc(nlp, records[0])
    for span in doc.spans[schema.SPANS_KEY]:
        span._.span_id = None
    (back,) = docbin_to_records(nlp, _via_bytes(docs_to_docbin([doc])))
    assert [s["id"] for s in back["spans"]] == [f"T{i}" for i in range(1, 13)]
    assert back["id"] == "inv-001"
    texts = {s["id"]: s["text"] for s in back["spans"]}
    assert sorted((texts[r["head"]], texts[r["tail"]]) for r in back["relations"]) == [
        ("21 μmol/L", "bilirubin"),
        ("41±9 U/L", "ALT"),
        ("80±12", "ALT"),
    ]


def test_misaligned_span_strict_and_expand(nlp):
    record = {
        "id": "inv-009",
        "scheme_version": 1,
        "text": "given MSCsx today",
        "spans": [
            {"id": "T1", "start": 6, "end": 10, "label": "CELL_TYPE", "text": "MSCs", "attrs": {}}
        ],
        "relations": [],
    }
    assert misaligned_spans(nlp, record) == ["T1"]
    with pytest.raises(CorpusError, match=r"inv-009: span\(s\) T1 do not start and end"):
        records_to_docbin(nlp, [record], strict=True)
    (back,) = docbin_to_records(nlp, records_to_docbin(nlp, [record]))
    assert back["spans"][0]["text"] == "MSCsx"  # snapped outward


def test_write_and_read_docbin_file(nlp, records, tmp_path):
    path = tmp_path / "train.spacy"
    assert write_docbin(path, nlp, records) == 3
    assert read_docbin(path, nlp) == records
    assert [p.name for p in tmp_path.iterdir()] == ["train.spacy"]


def test_read_docbin_errors(nlp, tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        read_docbin(tmp_path / "missing.spacy", nlp)
    junk = tmp_path / "junk.spacy"
    junk.write_bytes(b"not a docbin")
    with pytest.raises(CorpusError, match="not a spaCy DocBin"):
        read_docbin(junk, nlp)
