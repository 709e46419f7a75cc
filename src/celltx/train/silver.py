"""Unannotated real abstracts for training: rule output as silver labels, and pretraining text.

Source: ``../shared/corpora/real-abstracts/rct_abstracts.jsonl`` (2,253 RCT abstracts,
evidence-inference, MIT). Every abstract drawn into the real gold (``corpora/real/draw.json``)
is left out, whatever its split: the **test** ones because the sealed split must never be
seen (by id: ``provenance.corpus_id``), the dev ones so that the dev scores that choose the
checkpoint and the combination stay free of the rules' own output on those texts, the train
ones because their gold is used instead.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TEST = "test"
ENV_DIR = "CELLTX_REAL_ABSTRACTS"


def find_rct_file(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """``rct_abstracts.jsonl``: ``explicit``, ``$CELLTX_REAL_ABSTRACTS`` (a folder) or
    ``../shared/corpora/real-abstracts`` found upwards; ``None`` when absent."""
    if explicit is not None:
        path = Path(explicit)
        return path if path.is_file() else None
    env = os.environ.get(ENV_DIR)
    if env:
        path = Path(env) / "rct_abstracts.jsonl"
        return path if path.is_file() else None
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for base in (start, *start.parents):
            for candidate in (base / "shared", base.parent / "shared"):
                path = candidate / "corpora" / "real-abstracts" / "rct_abstracts.jsonl"
                if path.is_file():
                    return path
    return None


def drawn_ids(draw: str | os.PathLike[str]) -> dict[str, str]:
    """corpus id -> split of every document in ``draw.json`` and, next to it, the second
    draws ``draw_supplement*.json`` (annotated documents never come back as silver)."""
    out = {}
    paths = [Path(draw), *sorted(Path(draw).parent.glob("draw_supplement*.json"))]
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for doc in data.get("documents", []):
            corpus_id = (doc.get("provenance") or {}).get("corpus_id")
            if corpus_id:
                out[str(corpus_id)] = doc.get("split", TEST)
    return out


def iter_unannotated(
    path: str | os.PathLike[str], exclude: set[str] | dict[str, str]
) -> Iterator[dict[str, Any]]:
    """Abstracts of ``path`` whose id is not in ``exclude``."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            if str(item.get("id")) in exclude:
                continue
            yield item


def sample_texts(
    path: str | os.PathLike[str],
    draw: str | os.PathLike[str],
    n: int | None = None,
    seed: int = 0,
) -> list[dict[str, Any]]:
    """``n`` abstracts (all when ``None``), a seeded sample in file order, drawn ids excluded."""
    exclude = drawn_ids(draw)
    if not any(split == TEST for split in exclude.values()):
        raise ValueError(f"{draw}: no test documents listed; refusing to guess what to exclude")
    items = list(iter_unannotated(path, exclude))
    if n is not None and n < len(items):
        keep = set(random.Random(seed).sample(range(len(items)), n))
        items = [item for i, item in enumerate(items) if i in keep]
    return items


def silver_records(items: list[dict[str, Any]], batch_size: int = 32) -> list[dict[str, Any]]:
    """Training records whose spans are the rule pipeline's output on each text."""
    from .cellner import rule_silver

    spans = rule_silver([item["text"] for item in items], batch_size=batch_size)
    return [
        {
            "id": f"silver-{item['id']}",
            "split": "train",
            "text": item["text"],
            "spans": [{k: s[k] for k in ("start", "end", "label", "text")} for s in doc_spans],
            "relations": [],
            "source": "rct_abstracts (rule silver)",
        }
        for item, doc_spans in zip(items, spans)
    ]
