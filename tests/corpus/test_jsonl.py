"""Tests for celltx.corpus.jsonl: reading, corpus iteration, atomic writing."""

from __future__ import annotations

import json

import pytest

from celltx.corpus.jsonl import CorpusError, corpus_files, iter_corpus, read_jsonl, write_jsonl


def _write(path, lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_read_skips_blank_lines(tmp_path):
    path = _write(
        tmp_path / "a.jsonl", ['{"id": "d1"}', "", "   ", '{"id": "d2", "text": "5 μmol/L"}']
    )
    records = list(read_jsonl(path))
    assert [r["id"] for r in records] == ["d1", "d2"]
    assert records[1]["text"] == "5 μmol/L"


def test_read_accepts_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "d1"}\n')
    assert [r["id"] for r in read_jsonl(path)] == ["d1"]


def test_missing_file_fails_at_call(tmp_path):
    with pytest.raises(CorpusError, match=r"missing\.jsonl: no such file"):
        read_jsonl(tmp_path / "missing.jsonl")


def test_directory_is_rejected(tmp_path):
    with pytest.raises(CorpusError, match="is a directory"):
        read_jsonl(tmp_path)


def test_bad_json_names_file_line_and_id(tmp_path):
    path = _write(tmp_path / "bad.jsonl", ['{"id": "d1"}', '{"id": "d2", "text": oops}'])
    with pytest.raises(CorpusError) as info:
        list(read_jsonl(path))
    err = info.value
    assert err.line == 2 and err.doc_id == "d2"
    assert str(err).startswith(f"{path}:2: d2: invalid JSON")


def test_non_object_line(tmp_path):
    path = _write(tmp_path / "list.jsonl", ["[1, 2]"])
    with pytest.raises(CorpusError, match=r":1: expected a JSON object"):
        list(read_jsonl(path))


def test_undecodable_bytes_report_offset(tmp_path):
    path = tmp_path / "latin.jsonl"
    first = b'{"id": "d1"}\n'
    path.write_bytes(first + b'{"id": "d2", "text": "10 \xb5g"}\n')
    with pytest.raises(CorpusError) as info:
        list(read_jsonl(path))
    offset = len(first) + len(b'{"id": "d2", "text": "10 ')
    assert f"byte offset {offset}" in str(info.value)
    assert info.value.line == 2


def test_iter_corpus_recursive_sorted_skips_drafts(tmp_path):
    _write(tmp_path / "b.jsonl", ['{"id": "b1", "split": "train"}'])
    _write(tmp_path / "a.jsonl", ['{"id": "a1", "split": "test"}', '{"id": "a2"}'])
    _write(tmp_path / "sub" / "c.jsonl", ['{"id": "c1", "split": "test"}'])
    _write(tmp_path / "drafts" / "d.jsonl", ['{"id": "draft"}'])
    _write(tmp_path / "sub" / "drafts" / "e.jsonl", ['{"id": "draft2"}'])
    _write(tmp_path / "notes.txt", ["not a corpus"])
    assert [r["id"] for r in iter_corpus(tmp_path)] == ["a1", "a2", "b1", "c1"]
    assert [r["id"] for r in iter_corpus([tmp_path], split="test")] == ["a1", "c1"]
    # a file named explicitly is read even inside drafts/
    assert [r["id"] for r in iter_corpus([tmp_path / "drafts" / "d.jsonl"])] == ["draft"]
    assert [p.name for p in corpus_files(tmp_path)] == ["a.jsonl", "b.jsonl", "c.jsonl"]


def test_iter_corpus_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="no such file or directory"):
        list(iter_corpus([tmp_path / "nope"]))


def test_write_roundtrip_and_count(tmp_path):
    records = [{"id": "d1", "text": "1.5×10^6 cells/kg ± 0.2"}, {"id": "d2", "text": "a\nb"}]
    path = tmp_path / "out.jsonl"
    assert write_jsonl(path, records) == 2
    assert list(read_jsonl(path)) == records
    assert "×" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_write_failure_leaves_old_file(tmp_path):
    path = tmp_path / "out.jsonl"
    write_jsonl(path, [{"id": "old"}])

    def records():
        yield {"id": "new1"}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_jsonl(path, records())
    assert [json.loads(x)["id"] for x in path.read_text().splitlines()] == ["old"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_write_unserialisable_record(tmp_path):
    path = tmp_path / "out.jsonl"
    with pytest.raises(CorpusError, match=r"out\.jsonl: d1: record 1 cannot be written"):
        write_jsonl(path, [{"id": "d1", "x": object()}])
    assert not path.exists()
