"""Invariants every ``extract()`` record must satisfy, whatever the input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from celltx import schema

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
#: Third-party corpora, read in place at run time (never copied into the repository).
SHARED_CORPORA = REPO.parent / "shared" / "corpora"


def check_record(record: dict[str, Any], text: str) -> None:
    """Assert the robustness contract for one record of ``text`` (offsets against ``text``)."""
    assert record["text"] == text, "the record must carry the caller's text unchanged"
    assert isinstance(record["spans"], list) and isinstance(record["relations"], list)
    by_id: dict[str, dict[str, Any]] = {}
    by_label: dict[str, list[tuple[int, int]]] = {}
    for span in record["spans"]:
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int), span
        assert 0 <= start < end <= len(text), f"bad offsets {start}..{end} (len {len(text)})"
        assert text[start:end] == span["text"], f"text[{start}:{end}]={text[start:end]!r} != {span['text']!r}"
        assert span["label"] in schema.LABELS, span["label"]
        assert span["id"] not in by_id, f"duplicate span id {span['id']}"
        by_id[span["id"]] = span
        by_label.setdefault(span["label"], []).append((start, end))
    for label, items in by_label.items():
        items.sort()
        for (s1, e1), (s2, e2) in zip(items, items[1:]):
            assert s2 >= e1, f"two {label} spans overlap: {text[s1:e1]!r} [{s1},{e1}) and {text[s2:e2]!r} [{s2},{e2})"
    for rel in record["relations"]:
        assert rel["label"] == schema.VALUE_OF, rel
        assert rel["head"] in by_id and rel["tail"] in by_id, f"relation points at a missing span: {rel}"
        assert by_id[rel["head"]]["label"] == schema.LAB_VALUE, rel
        assert by_id[rel["tail"]]["label"] == schema.LAB_TEST, rel
    # the scheme's own validator (attribute names and types, no white space at span edges, ...)
    problems = schema.validate_record(record, require_relations=False)
    assert not problems, problems[:5]
    dumped = json.dumps(record, allow_nan=False, sort_keys=True)
    assert json.loads(dumped) == json.loads(json.dumps(record, sort_keys=True))


def reading(record: dict[str, Any], labels: tuple[str, ...] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """What a record says, independent of spelling: (label, attributes) in reading order."""
    return [(s["label"], s["attrs"]) for s in record["spans"] if labels is None or s["label"] in labels]


def labelled(record: dict[str, Any], label: str) -> list[dict[str, Any]]:
    return [s for s in record["spans"] if s["label"] == label]


def texts_of(record: dict[str, Any], label: str | None = None) -> list[str]:
    return [s["text"] for s in record["spans"] if label is None or s["label"] == label]
