"""Silver abstracts never include a document that was drawn for the real gold."""

from __future__ import annotations

import json
from pathlib import Path

from celltx.train.silver import drawn_ids, sample_texts


def _draw(path: Path, docs: list[tuple[str, str]]) -> None:
    path.write_text(json.dumps({"documents": [{"split": s, "provenance": {"corpus_id": i}} for i, s in docs]}))


def test_both_draws_are_excluded_from_silver(tmp_path: Path):
    _draw(tmp_path / "draw.json", [("a", "test"), ("b", "train")])
    _draw(tmp_path / "draw_supplement.json", [("c", "train")])
    pool = tmp_path / "abstracts.jsonl"
    pool.write_text("".join(json.dumps({"id": i, "text": f"text {i}"}) + "\n" for i in "abcde"))
    assert drawn_ids(tmp_path / "draw.json") == {"a": "test", "b": "train", "c": "train"}
    assert [item["id"] for item in sample_texts(pool, tmp_path / "draw.json")] == ["d", "e"]
