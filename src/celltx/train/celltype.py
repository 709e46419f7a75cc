"""A model dedicated to CELL_TYPE: the same ``ner`` architecture, one label, its own data.

The all-label model learns CELL_TYPE from the cell-type corpora while most of its capacity and
data (rule silver, the gold's other six labels) go to the other labels. The dedicated model
(``celltx train --cell-model``) is trained on:

* the cell-type corpora's **train** parts (BioNLP13CG ``Cell``, CRAFT ``CL``), mapped as
  :mod:`celltx.train.cellner` says; every other token is "outside" (the corpora mark only
  cells), and a bare "cells" the mapping removed is "outside" too (our convention);
* the CELL_TYPE spans of the gold **train** documents (real and own) that name a cell type,
  repeated ``gold_repeat`` times; their other spans are dropped (no overlap has to be resolved,
  so a CELL_TYPE inside a DOSE is kept). Documents without one are left out, like the
  cell-type corpora's pseudo-documents without a mention (``with_mentions_only``): the real
  gold is now mostly trials of other fields, and with its 1,726 train documents (of which a
  minority names a cell) the model learned to mark almost nothing (round 13, lenient F1 on
  the devel parts, model alone: BioNLP13CG 0.555 -> 0.779, JNLPBA 0.412 -> 0.733, CRAFT
  0.442 -> 0.755 when they are left out);
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
from . import dedicated
from .train import TEST, TrainError, build_cell_ner_records

LABELS = (schema.CELL_TYPE,)
#: Subfolder of a model folder that holds the dedicated CELL_TYPE model.
SUBDIR = dedicated.SUBDIRS[schema.CELL_TYPE]
#: Config overrides that make the ``ner`` of ``ner.cfg`` a one-label model.
CONFIG_OVERRIDES: dict[str, Any] = dedicated.config_overrides(schema.CELL_TYPE)


def only_labels(
    records: Iterable[Mapping[str, Any]], labels: Sequence[str] = LABELS
) -> list[dict[str, Any]]:
    """The records with only the spans of ``labels`` (and no relations)."""
    return dedicated.only_labels(records, labels)


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
    cells = build_cell_ner_records(
        cell_ner, silver=False, with_mentions_only=with_mentions_only, log=log
    )
    if with_mentions_only:
        gold_train = [r for r in gold_train if any(s.get("label") == schema.CELL_TYPE for s in r.get("spans", []))]
    # the cell-ner records carry only CELL_TYPE spans (silver=False)
    return dedicated.training_records(
        gold_train,
        schema.CELL_TYPE,
        gold_repeat=gold_repeat,
        silver=silver,
        draw=str(draw),
        seed=seed,
        extra=cells,
        log=log,
    )
