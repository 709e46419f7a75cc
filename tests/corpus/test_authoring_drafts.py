"""The dev gold files are what their drafts say: ``authoring build`` of
``corpora/dev/drafts/batch_X.texts.jsonl`` + ``batch_X.draft.jsonl``, plus the ``split`` that
``celltx.corpus.splits`` assigns, gives the committed ``corpora/dev/batch_X.jsonl`` exactly
(same records, same key order, so the same bytes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from celltx.corpus import authoring, splits
from celltx.corpus.jsonl import write_jsonl

DEV = Path(__file__).resolve().parents[2] / "corpora" / "dev"
BATCHES = sorted(p.name.split(".")[0] for p in (DEV / "drafts").glob("*.draft.jsonl"))


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_dev_batch_has_texts_and_draft():
    assert BATCHES == ["batch_a", "batch_b", "batch_c"]
    assert sorted(p.stem for p in DEV.glob("batch_*.jsonl")) == BATCHES
    assert not list((DEV / "drafts").glob("*.py"))  # data only: no builder scripts


@pytest.mark.parametrize("batch", BATCHES)
def test_build_regenerates_the_committed_gold(batch: str, tmp_path: Path):
    drafts = DEV / "drafts"
    merged = authoring.merge_texts(_read(drafts / f"{batch}.texts.jsonl"), _read(drafts / f"{batch}.draft.jsonl"))
    records, bad = authoring._resolve_all(merged, batch)
    assert bad == 0
    split = splits.assign([r["id"] for r in records])
    for record in records:
        record["split"] = split[record["id"]]
    out = tmp_path / f"{batch}.jsonl"
    write_jsonl(out, records)
    assert out.read_bytes() == (DEV / f"{batch}.jsonl").read_bytes()
