"""The fixed train/dev/test split of the gold corpora.

Rules (documented in ``corpora/README.md``):

* every seed document is ``test`` (the user's material is what we report on);
* development documents are split per batch file so that each batch (each written by a
  different author with a different topic focus) contributes to every split: documents are
  ordered by ``sha1(SALT + id)`` and the first ``test_per_batch`` go to test, the next
  ``dev_per_batch`` to dev, the rest to train.

The split is written into each record's ``split`` field by ``python -m celltx.corpus.splits``;
it depends only on document ids, so adding documents never moves existing ones.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from .jsonl import read_jsonl, write_jsonl

SALT = "celltx-split-v1:"
TEST_PER_BATCH = 4
DEV_PER_BATCH = 5


def order_key(doc_id: str) -> str:
    return hashlib.sha1((SALT + doc_id).encode("utf-8")).hexdigest()


def assign(ids: list[str], test: int = TEST_PER_BATCH, dev: int = DEV_PER_BATCH) -> dict[str, str]:
    """Split one batch of document ids into test/dev/train deterministically."""
    ordered = sorted(ids, key=order_key)
    out = {}
    for i, doc_id in enumerate(ordered):
        out[doc_id] = "test" if i < test else "dev" if i < test + dev else "train"
    return out


def apply(corpus_root: Path) -> dict[str, int]:
    """Write ``split`` into every gold file under ``corpus_root``; return counts per split."""
    counts: dict[str, int] = {}
    for path in sorted(corpus_root.rglob("*.jsonl")):
        if "drafts" in path.parts or "real" in path.parts:
            continue  # real abstracts carry the split of their recorded draw (corpus.draw)
        if path.name.startswith("trials"):
            continue  # trial-summary sidecars (joined to documents by id) are not documents
        records = list(read_jsonl(path))
        if path.parent.name == "gold":
            mapping = {r["id"]: "test" for r in records}
        else:
            mapping = assign([r["id"] for r in records])
        for record in records:
            record["split"] = mapping[record["id"]]
            counts[record["split"]] = counts.get(record["split"], 0) + 1
        write_jsonl(path, records)
    return counts


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpora")
    print(apply(root))
