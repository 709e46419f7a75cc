"""Models dedicated to one label: the ``ner`` architecture of ``ner.cfg`` with one label.

The all-label model spreads its capacity and data over seven labels; a dedicated model learns
one label from the gold spans of that label only (and, for some labels, from other corpora).
It is written to a sub-folder of the main model folder (:data:`SUBDIRS`), and the policy
(:mod:`celltx.train.policy`) scores every combination with it as ``mode@sub-folder`` next to
the main model, with the same net-gain rule.

* :mod:`celltx.train.celltype`: CELL_TYPE (``cell_type/``), the cell-type corpora plus gold;
* :mod:`celltx.train.labtest`: LAB_TEST (``lab_test/``), gold (plus optional rule silver).

What they share is here: keeping one label's spans (:func:`only_labels`; no overlap has to be
resolved, so a span inside another label's span is kept), repeating the gold
(:func:`repeat_gold`), the config overrides of a one-label ``ner`` (:func:`config_overrides`)
and a seeded held-out part of the train documents for a fair check of a mode chosen on dev
(:func:`held_out_split`).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from .. import schema
from .train import TEST, TRAIN, TrainError, build_silver_records

#: Sub-folder of a model folder holding the dedicated model of each label that has one.
SUBDIRS: dict[str, str] = {schema.CELL_TYPE: "cell_type", schema.LAB_TEST: "lab_test"}


def config_overrides(label: str) -> dict[str, Any]:
    """Config overrides that make the ``ner`` of ``ner.cfg`` a one-label model."""
    if label not in schema.LABELS:
        raise TrainError(f"unknown label {label!r}")
    return {"initialize.before_init.labels": [label]}


def only_labels(
    records: Iterable[Mapping[str, Any]], labels: Sequence[str]
) -> list[dict[str, Any]]:
    """The records with only the spans of ``labels`` (and no relations)."""
    keep = set(labels)
    return [
        dict(r, spans=[s for s in r.get("spans", []) if s.get("label") in keep], relations=[])
        for r in records
    ]


def repeat_gold(records: Sequence[Mapping[str, Any]], times: int) -> list[dict[str, Any]]:
    """Each record ``times`` times (at least once); copies get ``#k`` after their id."""
    return [
        dict(r, id=f"{r.get('id')}#{k}" if k else r.get("id"))
        for k in range(max(1, times))
        for r in records
    ]


def gold_train(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The train-split records; a test-split record is an error, never silently dropped."""
    records = list(records)
    if any(r.get("split") == TEST for r in records):
        raise TrainError("test-split documents must never be used for training")
    return [dict(r) for r in records if r.get("split") == TRAIN]


def held_out_split(
    records: Sequence[Mapping[str, Any]], fraction: float = 0.15, seed: int = 0
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(kept, held out): a seeded ``fraction`` of the documents (by id, whatever their order)
    held out of training, to check on documents the model never saw a mode chosen on dev."""
    if not 0 < fraction < 1:
        raise TrainError("the held-out fraction must be between 0 and 1")
    ids = sorted({str(r.get("id")) for r in records})
    n = max(1, round(len(ids) * fraction)) if ids else 0
    held = set(random.Random(seed).sample(ids, n)) if n else set()
    kept = [dict(r) for r in records if str(r.get("id")) not in held]
    out = [dict(r) for r in records if str(r.get("id")) in held]
    return kept, out


def silver_for(
    label: str,
    n: int,
    *,
    draw: str = "corpora/real/draw.json",
    seed: int = 0,
    log: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """``n`` unannotated abstracts with the rules' spans of ``label`` (every drawn id left out)."""
    if n <= 0:
        return []
    return only_labels(build_silver_records(n, draw=draw, seed=seed, log=log), [label])


def training_records(
    records: Sequence[Mapping[str, Any]],
    label: str,
    *,
    gold_repeat: int = 3,
    silver: int = 0,
    draw: str = "corpora/real/draw.json",
    seed: int = 0,
    extra: Sequence[Mapping[str, Any]] = (),
    log: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """A dedicated model's training records: the gold train documents with only ``label``'s
    spans, ``gold_repeat`` times; then ``extra`` records (already of that label only) and
    ``silver`` rule-labelled abstracts."""
    log = log if log is not None else sys.stderr
    gold = only_labels(gold_train(records), [label])
    more = [dict(r) for r in extra]
    rule = silver_for(label, silver, draw=draw, seed=seed, log=log)
    log.write(
        f"celltx train: {label} model: {len(gold)} gold train documents x {max(1, gold_repeat)}"
        f" ({sum(len(r['spans']) for r in gold)} spans), {len(more)} other records, "
        f"{len(rule)} silver abstracts\n"
    )
    return repeat_gold(gold, gold_repeat) + more + rule
