"""Tests for celltx.corpus.hf: records <-> datasets.DatasetDict."""

from __future__ import annotations

import json

import pytest

from celltx.corpus.hf import datasetdict_to_records, features, records_to_datasetdict
from celltx.corpus.jsonl import CorpusError


def test_splits_and_features(records):
    dd = records_to_datasetdict(records, default_split="dev")
    assert list(dd) == ["train", "test", "dev"]
    assert [len(dd[s]) for s in dd] == [1, 1, 1]
    assert dd["train"].features == features()
    row = dd["train"][0]
    assert row["id"] == "inv-001" and row["source_offset"] == 7
    span = row["spans"][8]
    assert (span["label"], span["text"]) == ("TIME_POINT", "24 weeks")
    assert json.loads(span["attrs"]) == {"days": [168.0]}
    assert row["relations"][0] == {"label": "VALUE_OF", "head": "T7", "tail": "T6"}
    assert dd["dev"][0]["source"] is None


def test_round_trip_is_lossless(records):
    back = datasetdict_to_records(records_to_datasetdict(records, default_split="dev"))
    assert back == records
    assert [list(r) for r in back] == [list(r) for r in records]
    assert "split" not in back[2]  # the default split is not written into the record


def test_round_trip_through_disk(records, tmp_path):
    from datasets import load_from_disk

    records_to_datasetdict(records, default_split="dev").save_to_disk(str(tmp_path / "ds"))
    assert datasetdict_to_records(load_from_disk(str(tmp_path / "ds"))) == records


def test_rows_moved_between_splits_take_the_new_split(records):
    dd = records_to_datasetdict(records[:2])
    from datasets import DatasetDict

    swapped = DatasetDict({"test": dd["train"], "train": dd["test"]})
    back = datasetdict_to_records(swapped)
    assert [(r["id"], r["split"]) for r in back] == [("inv-001", "test"), ("inv-002", "train")]


def test_missing_split_without_default(records):
    with pytest.raises(CorpusError, match="inv-003: record has no 'split' field"):
        records_to_datasetdict(records, default_split=None)


def test_rows_without_meta(records):
    dd = records_to_datasetdict(records[:1])
    plain = dd["train"].remove_columns("meta")
    (back,) = datasetdict_to_records({"train": plain})
    assert back["spans"] == records[0]["spans"]
    assert back["split"] == "train" and "provenance" not in back
