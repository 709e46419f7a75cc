"""A processed Doc is plain data: it survives to_bytes, DocBin, pickle and nlp.pipe(n_process=2)."""

from __future__ import annotations

import pickle

import pytest
import srsly
from spacy.tokens import Doc, DocBin, Span

import celltx
from celltx import schema
from celltx.extensions import RELATIONS_KEY, doc_to_record
from tests.conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
TEXTS = SEED_TEXTS + [
    "Albumin changed from 30±5 to 33±5 g/l and bilirubin from 46±29 to 41±31 μmol/l at 1, 2 and 6 months.",
    "<p>Bone marrow mononuclear cells (BMMNCs) at 1&times;10<sup>6</sup> cells/kg; ALT 35&plusmn;5 U/L.</p>",
    "Patients received 30\u201350 million MSCs intravenously; no serious adverse events occurred.",
]


@pytest.fixture(scope="module")
def nlp():
    return celltx.load("full")


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS))


@pytest.fixture(scope="module")
def records(docs):
    return [doc_to_record(doc) for doc in docs]


def test_docs_have_relations_and_abbreviations(docs, records):
    assert sum(len(r["relations"]) for r in records) > 10
    assert any(doc._.abbreviations for doc in docs)


def test_user_data_holds_no_spacy_objects(docs):
    for doc in docs:
        srsly.msgpack_dumps(list(doc.user_data.values()))  # raises on a Span or a Doc
        assert not any(isinstance(v, (Span, Doc)) for v in doc.user_data.values())


def test_doc_to_bytes_round_trip(nlp, docs, records):
    for doc, record in zip(docs, records):
        back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert doc_to_record(back) == record
        assert [(label, h.text, t.text) for label, h, t in back._.relations] == [
            (label, h.text, t.text) for label, h, t in doc._.relations
        ]
        assert [(e.start_char, e.label_) for e in back.ents] == [(e.start_char, e.label_) for e in doc.ents]


def test_docbin_round_trip(nlp, docs, records):
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert [doc_to_record(doc) for doc in back] == records
    # attributes read back from msgpack (which gives tuples) are lists again, changeable in place
    (time_point,) = [s for s in back[-3].spans[schema.SPANS_KEY] if s.label_ == schema.TIME_POINT]
    assert time_point._.attrs["days"] == [30.0, 60.0, 180.0]
    time_point._.attrs["days"].append(365.0)
    assert time_point._.attrs["days"][-1] == 365.0


def test_pickle_round_trip(docs, records):
    back = pickle.loads(pickle.dumps(docs))
    assert [doc_to_record(doc) for doc in back] == records


def test_nlp_pipe_with_two_processes(nlp, records):
    assert [doc_to_record(doc) for doc in nlp.pipe(TEXTS, n_process=2, batch_size=2)] == records


def test_relations_are_stored_as_offsets(docs, records):
    doc, record = docs[-3], records[-3]
    stored = doc.user_data[RELATIONS_KEY]
    by_id = {s["id"]: [s["start"], s["end"], s["label"]] for s in record["spans"]}
    assert stored == [[r["label"], by_id[r["head"]], by_id[r["tail"]]] for r in record["relations"]]
    assert len(stored) == 4
    # the extension gives spans of the span group
    group = list(doc.spans[schema.SPANS_KEY])
    assert all(head in group and tail in group for _, head, tail in doc._.relations)


def test_doc_ents_is_a_non_overlapping_view_of_the_span_group(docs):
    overlapping_seen = False
    for doc in docs:
        group = list(doc.spans[schema.SPANS_KEY])
        ents = list(doc.ents)
        assert all(e in group for e in ents)
        taken = set()
        for ent in ents:
            tokens = set(range(ent.start, ent.end))
            assert not tokens & taken, "entities overlap"
            taken |= tokens
        for span in group:
            if span in ents:
                continue
            overlapping_seen = True
            rivals = [e for e in ents if e.start < span.end and span.start < e.end]
            # dropped only for a longer entity, or an equally long one that starts earlier
            assert any(len(e) > len(span) or (len(e) == len(span) and e.start < span.start) for e in rivals)
    assert overlapping_seen, "the texts should include overlapping spans of different labels"
    dose_doc = docs[-1]
    assert [(e.text, e.label_) for e in dose_doc.ents][:2] == [("30\u201350 million MSCs", "DOSE"), ("intravenously", "ROUTE")]
    assert ("MSCs", "CELL_TYPE") in [(s.text, s.label_) for s in dose_doc.spans[schema.SPANS_KEY]]
