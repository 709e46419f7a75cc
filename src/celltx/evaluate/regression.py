"""The regression gate: today's scores against a recorded baseline, metric by metric.

A single micro-F1 hides a label that collapses while the others hold it up (LAB_VALUE has a
tenth of the spans of TIME_POINT), and it says nothing of attributes. The gate therefore
compares every number of the baseline: strict micro-F1, strict F1 of each label with gold
spans, and the accuracy of each attribute with scored pairs. Each may fall by at most
:data:`TOLERANCE` below its recorded value; anything more is a regression.

The baseline is ``eval/regression.json`` (:func:`baseline_of` of the full system on the gold
test split); ``tests/test_end_to_end.py`` applies the gate. When a change is meant to move a
number, record a new baseline and commit it with the change::

    python -m celltx.evaluate.regression -o eval/regression.json
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .scorer import STRICT, Scores

#: How far any gated number (an F1 or an accuracy, 0-1) may fall below the baseline.
TOLERANCE = 0.02
#: What the baseline is measured on (paths relative to the repository).
GOLD = ("corpora/gold", "corpora/dev")
SPLIT = "test"
SYSTEM = "full"


def baseline_of(scores: Scores) -> dict[str, Any]:
    """The gated numbers of ``scores``: strict micro-F1, ``labels`` (strict F1 of every label
    with gold spans) and ``attributes`` (``"LABEL.attr"`` -> accuracy, where any was scored)."""
    return {
        "strict_micro_f1": round(scores.micro(STRICT).f1, 4),
        "labels": {
            label: round(counts.f1, 4)
            for label, counts in scores.spans[STRICT].items()
            if counts.n_gold
        },
        "attributes": {
            f"{label}.{name}": round(attr.accuracy, 4)
            for label, attrs in scores.attributes.items()
            for name, attr in attrs.items()
            if attr.accuracy is not None
        },
    }


def regressions(
    current: Mapping[str, Any], recorded: Mapping[str, Any], tolerance: float = TOLERANCE
) -> list[str]:
    """One message per recorded number that ``current`` misses by more than ``tolerance``.

    A label or attribute of the baseline that ``current`` no longer has counts as 0: losing a
    label entirely is the largest regression of all.
    """
    pairs = [("strict micro-F1", current.get("strict_micro_f1", 0.0), recorded["strict_micro_f1"])]
    for group, what in (("labels", "strict F1"), ("attributes", "accuracy")):
        now = current.get(group, {})
        pairs += [(f"{key} {what}", now.get(key, 0.0), then) for key, then in recorded.get(group, {}).items()]
    return [
        f"{name} {value:.4f} < recorded {then:.4f} - {tolerance}"
        for name, value, then in pairs
        if value < then - tolerance
    ]


def measure(repo: str | os.PathLike[str], system: str = SYSTEM) -> Scores:
    """Scores of ``system`` on the gold test split of the checkout at ``repo``."""
    from ..corpus.jsonl import iter_corpus
    from ..pipeline import predict_records
    from .scorer import score

    gold = list(iter_corpus([Path(repo) / p for p in GOLD], split=SPLIT))
    return score(gold, predict_records(system, gold))


def main(argv: list[str] | None = None) -> int:
    """Print (or write with ``-o``) the baseline of the checkout's current code."""
    parser = argparse.ArgumentParser(prog="python -m celltx.evaluate.regression", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=Path("."), help="celltx checkout (default: .)")
    parser.add_argument("-o", "--output", type=Path, help="write the baseline here (eval/regression.json)")
    args = parser.parse_args(argv)
    scores = measure(args.repo)
    record = {
        "system": SYSTEM,
        "split": SPLIT,
        "gold": list(GOLD),
        "documents": len(scores.doc_ids),
        **baseline_of(scores),
        "command": "python -m celltx.evaluate.regression -o eval/regression.json",
        "recorded": datetime.date.today().isoformat(),
    }
    text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        from ..corpus.jsonl import atomic_write

        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
