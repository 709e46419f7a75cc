"""Corpus statistics for ``corpora/README.md``: documents and spans per label per split.

``python -m celltx.corpus.stats corpora/`` prints the Markdown tables (counts per split and
label, and the provenance of every development document).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from .. import schema
from .jsonl import iter_corpus

SPLITS = ("train", "dev", "test")


def tables(root: Path) -> str:
    records = list(iter_corpus([root]))
    docs = Counter(r.get("split", "none") for r in records)
    spans: dict[str, Counter] = {s: Counter() for s in SPLITS}
    relations = Counter()
    for r in records:
        split = r.get("split", "none")
        spans.setdefault(split, Counter()).update(s["label"] for s in r["spans"])
        relations[split] += len(r.get("relations", []))
    lines = ["| | " + " | ".join(SPLITS) + " | all |", "|---|" + "---:|" * (len(SPLITS) + 1)]
    lines.append("| documents | " + " | ".join(str(docs[s]) for s in SPLITS) + f" | {sum(docs.values())} |")
    for label in schema.LABELS:
        row = [spans[s][label] for s in SPLITS]
        lines.append(f"| {label} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    total = [sum(spans[s].values()) for s in SPLITS]
    lines.append("| all spans | " + " | ".join(map(str, total)) + f" | {sum(total)} |")
    lines.append("| VALUE_OF | " + " | ".join(str(relations[s]) for s in SPLITS) + f" | {sum(relations.values())} |")
    prov = ["", "| id | split | facts from |", "|---|---|---|"]
    for r in records:
        p = r.get("provenance") or {}
        if p:
            prov.append(f"| {r['id']} | {r.get('split')} | {p.get('citation', '')} <{p.get('url', '')}> |")
    return "\n".join(lines + prov) + "\n"


if __name__ == "__main__":
    print(tables(Path(sys.argv[1] if len(sys.argv) > 1 else "corpora")))
