"""The public API: extract() is the pipeline's own result; input types, empty text,
extract_many, long-text chunking."""

from __future__ import annotations

import itertools
import json
import types

import pytest

import celltx
from celltx import api, schema
from celltx.extensions import doc_to_record
from tests.conftest import REPO, SEEDS, SHARED
from tests.robustness.helpers import check_record

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
SHORT = "MSCs were infused i.v. at 1x10^6 cells/kg. ALT decreased from 80±12 U/L to 35±5 U/L at week 4."


@pytest.fixture(scope="module", autouse=True)
def _loaded():
    celltx.load("full")


def _valid(record: dict, text: str) -> None:
    check_record(record, text)  # offsets, texts, overlaps, relations, JSON


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize("value", [b"MSCs", bytearray(b"MSCs"), memoryview(b"MSCs")], ids=["bytes", "bytearray", "memoryview"])
def test_binary_input_says_decode_first(value):
    with pytest.raises(TypeError) as err:
        celltx.extract(value)
    message = str(err.value)
    assert type(value).__name__ in message and "decode" in message


@pytest.mark.parametrize("value", [None, 42, 4.2, ["MSCs"], {"text": "MSCs"}], ids=lambda v: type(v).__name__)
def test_other_types_are_named(value):
    with pytest.raises(TypeError, match=type(value).__name__):
        celltx.extract(value)


def test_extract_many_rejects_a_bad_item_naming_its_type():
    with pytest.raises(TypeError, match="bytes.*decode"):
        list(celltx.extract_many(["MSCs were infused.", b"raw bytes"]))


def test_unknown_system_is_named_even_for_empty_text():
    with pytest.raises(ValueError, match="unknown system 'nope'"):
        celltx.extract("", system="nope")


# --------------------------------------------------------------------------- empty text


@pytest.mark.parametrize("text", ["", "   ", "\n\t\r\n"])
def test_empty_text_gives_a_valid_empty_record(text):
    record = celltx.extract(text)
    assert record == schema.new_record(text)
    assert record["spans"] == [] and record["relations"] == []
    assert record["scheme_version"] == schema.SCHEME_VERSION
    assert schema.validate_record(record) == []


# --------------------------------------------------------------------------- extract_many

MIXED = [
    SHORT,
    "",
    SEED_TEXTS[0],
    "   ",
    "<p>MSCs (1&times;10<sup>6</sup> cells/kg); ALT 35&plusmn;5 U/L</p>",  # cleaned with an offset map
    "mesen\u00adchymal stem cells",
    SEED_TEXTS[1],
    "\n\n".join(SEED_TEXTS),  # longer than CHUNK_CHARS: chunked
    "No numbers here at all.",
]


def test_extract_many_is_lazy_and_keeps_input_order():
    assert len(MIXED[7]) > api.CHUNK_CHARS
    result = celltx.extract_many(iter(MIXED))
    assert isinstance(result, types.GeneratorType)
    records = list(result)
    assert [r["text"] for r in records] == MIXED
    assert records == [celltx.extract(t) for t in MIXED]


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_extract_many_equals_extract_whatever_the_batch_size(batch_size):
    assert list(celltx.extract_many(MIXED, batch_size=batch_size)) == [celltx.extract(t) for t in MIXED]


def test_extract_many_with_two_processes_equals_extract():
    texts = MIXED + SEED_TEXTS
    assert list(celltx.extract_many(texts, batch_size=2, n_process=2)) == [celltx.extract(t) for t in texts]


def test_extract_many_streams_an_endless_input():
    endless = itertools.cycle([SHORT, "MSCs were infused."])
    first = list(itertools.islice(celltx.extract_many(endless, batch_size=4), 5))
    assert [r["text"] for r in first] == [SHORT, "MSCs were infused."] * 2 + [SHORT]


def test_extract_many_other_system():
    assert list(celltx.extract_many([SHORT], system="rules")) == [celltx.extract(SHORT, system="rules")]


# --------------------------------------------------------------------------- chunking


def _key(record: dict, offset: int = 0) -> list[tuple]:
    return [(s["label"], s["start"] + offset, s["end"] + offset, s["text"], tuple(sorted(s["attrs"].items())))
            for s in record["spans"]]


def _relations(record: dict) -> set[tuple]:
    by_id = {s["id"]: (s["label"], s["start"], s["end"]) for s in record["spans"]}
    return {(r["label"], by_id[r["head"]], by_id[r["tail"]]) for r in record["relations"]}


def _shifted_relations(record: dict, offset: int) -> set[tuple]:
    return {(lab, (h[0], h[1] + offset, h[2] + offset), (t[0], t[1] + offset, t[2] + offset))
            for lab, h, t in _relations(record)}


def test_long_text_is_chunked_with_offsets_relative_to_the_whole_text(monkeypatch):
    a, b = SEED_TEXTS[0].rstrip("\n"), SEED_TEXTS[1]
    text = a + "\n\n" + b
    monkeypatch.setattr(api, "CHUNK_CHARS", len(a) + 10)
    pieces = api._chunks(text)
    assert [offset for offset, _ in pieces] == [0, len(a) + 2], "cut at the blank line"
    record = celltx.extract(text)
    _valid(record, text)
    assert [s["id"] for s in record["spans"]] == [f"T{i}" for i in range(1, len(record["spans"]) + 1)]
    # each piece on its own, shifted by its offset, is exactly what the whole-text record holds
    (_, first), (offset, second) = pieces
    alone_a, alone_b = celltx.extract(first), celltx.extract(second)
    assert _key(record) == _key(alone_a) + _key(alone_b, offset=offset)
    assert _relations(record) == _relations(alone_a) | _shifted_relations(alone_b, offset)
    assert any(s["start"] > len(a) for s in record["spans"]), "spans found in the second piece"


def test_many_chunks_and_cleaned_input_keep_offsets(monkeypatch):
    monkeypatch.setattr(api, "CHUNK_CHARS", 500)
    text = "\n\n".join(SEED_TEXTS) + "\n\nFinally ALT fell to 35&plusmn;5 U/L and MSC\u200bs were given at 2&times;10^6 cells/kg."
    assert len(api._chunks(text)) > 10
    record = celltx.extract(text)
    _valid(record, text)
    tail = {s["label"]: s["text"] for s in record["spans"] if s["start"] > len(text) - 90}
    assert tail["LAB_VALUE"] == "35&plusmn;5 U/L" and tail["DOSE"] == "2&times;10^6 cells/kg"
    assert tail["CELL_TYPE"] == "MSC\u200bs"


def test_a_chunk_without_any_space_is_cut_inside_the_word(monkeypatch):
    monkeypatch.setattr(api, "CHUNK_CHARS", 1000)
    text = "MSCs were infused. " + "x" * 5000 + " ALT was 35 U/L."
    pieces = api._chunks(text)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert [o for o, _ in pieces] == list(itertools.accumulate([0] + [len(p) for _, p in pieces[:-1]]))
    _valid(celltx.extract(text), text)


# --------------------------------------------------------------------------- nlp(text) == extract(text)


def _gold_texts() -> list[str]:
    texts = []
    for path in [REPO / "corpora" / "gold" / "seeds.jsonl", *sorted((REPO / "corpora" / "dev").glob("*.jsonl"))]:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _glaucoma_texts() -> list[str]:
    folder = SHARED / "corpora" / "ctc-glaucoma"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def _same_as_extract(texts: list[str]) -> None:
    nlp = celltx.load("full")
    assert texts
    for text in texts:
        assert len(text) <= api.CHUNK_CHARS
        assert doc_to_record(nlp(text)) == celltx.extract(text), text[:80]


def test_nlp_equals_extract_on_seed_and_dev_gold_texts():
    texts = SEED_TEXTS + _gold_texts()
    assert len(texts) >= 40
    _same_as_extract(texts)


def test_nlp_equals_extract_on_the_glaucoma_corpus():
    _same_as_extract(_glaucoma_texts())


def test_nlp_equals_extract_on_odd_text():
    odd = [t for t in MIXED if len(t) <= api.CHUNK_CHARS and t.strip()] + [
        "MSCs\x00 were infused\x07 at 1×10^6\x0b cells/kg.\x1b ALT was 35±5\x7f U/L.",
        "Bone marrow-derived \ufb01broblasts were infused; \ufb01brinogen was 2.1 g/L.",
        "\u200b\ufeff", "<p></p>", "&nbsp;",
    ]
    _same_as_extract(odd)
    assert celltx.extract(MIXED[4])["spans"], "cleaned text is read"


def test_lone_surrogates_the_one_place_nlp_and_extract_differ():
    text = "MSCs \udcff were infused at 1×10^6 cells/kg. ALT was 35±5 U/L."
    via_nlp, record = doc_to_record(celltx.load("full")(text)), celltx.extract(text)
    assert record["text"] == text and via_nlp["text"] == text.replace("\udcff", "\ufffd")
    assert [(s["start"], s["end"], s["label"]) for s in via_nlp["spans"]] == [
        (s["start"], s["end"], s["label"]) for s in record["spans"]]
    _valid(record, text)


def test_nlp_pipe_with_two_processes_equals_extract():
    texts = SEED_TEXTS + [t for t in MIXED if len(t) <= api.CHUNK_CHARS]
    docs = celltx.load("full").pipe(texts, n_process=2, batch_size=3)
    assert [doc_to_record(doc) for doc in docs] == [celltx.extract(t) for t in texts]


def test_extract_many_keeps_the_ids_it_is_given():
    """(id, text) pairs and records with "id" keep their ids (and a record its other fields)."""
    pairs = list(celltx.extract_many([("a-1", SHORT), ("a-2", "")]))
    assert [r["id"] for r in pairs] == ["a-1", "a-2"]
    assert pairs[0] == {**celltx.extract(SHORT), "id": "a-1"}
    items = [{"id": "p1", "text": SHORT, "source": "x.xml:p1", "title": "T", "spans": ["stale"]},
             {"id": "p2", "text": "MSCs were infused."}]
    records = list(celltx.extract_many(iter(items), batch_size=1, n_process=2))
    assert [r["id"] for r in records] == ["p1", "p2"]
    assert (records[0]["source"], records[0]["title"]) == ("x.xml:p1", "T")
    assert records[0]["spans"] == celltx.extract(SHORT)["spans"]  # computed, not carried over
    assert records[1]["source"] is None  # extract's default
    with pytest.raises(TypeError, match="without 'text'"):
        list(celltx.extract_many([{"id": "x"}]))


def test_extract_many_of_one_text_is_an_error_not_a_record_per_character():
    with pytest.raises(TypeError, match="not one text"):
        list(celltx.extract_many("MSCs i.v."))
