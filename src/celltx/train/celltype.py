"""A model dedicated to CELL_TYPE: the same ``ner`` architecture, one label, its own data.

The all-label model learns CELL_TYPE from the cell-type corpora while most of its capacity and
data (rule silver, the gold's other six labels) go to the other labels. The dedicated model
(``celltx train --cell-model``) is trained on:

* the cell-type corpora's **train** parts (BioNLP13CG ``Cell``, CRAFT ``CL``), mapped as
  :mod:`celltx.train.cellner` says; every other token is "outside" (the corpora mark only
  cells), and a bare "cells" the mapping removed is "outside" too (our convention);
* the CELL_TYPE spans of the gold **train** documents (real and own), repeated
  ``gold_repeat`` times; their other spans are dropped (no overlap has to be resolved, so a
  CELL_TYPE inside a DOSE is kept);
* optionally the rules' CELL_TYPE spans on unannotated RCT abstracts (silver; most have no
  cell mention and teach the model the trial-abstract contexts where none is).

The checkpoint is chosen on the CELL_TYPE spans of the gold **dev** documents (real and own);
the cell-type corpora's devel parts, on which it is reported, are not used for selection.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from .. import schema
from .train import TEST, TRAIN, TrainError, build_cell_ner_records, build_silver_records

LABELS = (schema.CELL_TYPE,)
#: Subfolder of a model folder that holds the dedicated CELL_TYPE model.
SUBDIR = "cell_type"
#: Config overrides that make the ``ner`` of ``ner.cfg`` a one-label model.
CONFIG_OVERRIDES: dict[str, Any] = {"initialize.before_init.labels": list(LABELS)}


def only_labels(
    records: Iterable[Mapping[str, Any]], labels: Sequence[str] = LABELS
) -> list[dict[str, Any]]:
    """The records with only the spans of ``labels`` (and no relations)."""
    keep = set(labels)
    return [
        dict(r, spans=[s for s in r.get("spans", []) if s.get("label") in keep], relations=[])
        for r in records
    ]


def training_records(
    gold_train: Sequence[Mapping[str, Any]],
    *,
    cell_ner: str | os.PathLike[str] | None = None,
    silver: int = 0,
    draw: str | os.PathLike[str] = "corpora/real/draw.json",
    seed: int = 0,
    gold_repeat: int = 3,
    with_mentions_only: bool = True,
    log: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """The dedicated model's training records (see the module docs)."""
    log = log if log is not None else sys.stderr
    if any(r.get("split") == TEST for r in gold_train):
        raise TrainError("test-split documents must never be used for training")
    gold = only_labels(r for r in gold_train if r.get("split") == TRAIN)
    repeated = [
        dict(r, id=f"{r.get('id')}#{k}" if k else r.get("id"))
        for k in range(max(1, gold_repeat))
        for r in gold
    ]
    cells = build_cell_ner_records(
        cell_ner, silver=False, with_mentions_only=with_mentions_only, log=log
    )
    extra = only_labels(build_silver_records(silver, draw=draw, seed=seed, log=log)) if silver else []
    log.write(
        f"celltx train: CELL_TYPE model: {len(gold)} gold train documents x {max(1, gold_repeat)}, "
        f"{len(cells)} cell-ner pseudo-documents, {len(extra)} silver abstracts\n"
    )
    return repeated + cells + extra
