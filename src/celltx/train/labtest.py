"""A model dedicated to LAB_TEST (``DIR/lab_test``): the ``ner`` of ``ner.cfg``, one label.

LAB_TEST is the label the rules find hardest on text they were not tuned on: long-tail
analytes, abbreviations defined in the abstract, "X levels", "serum X". The dedicated model
(``celltx train``, unless ``--no-lab-model``) is trained on:

* the LAB_TEST spans of the gold **train** documents, repeated ``gold_repeat`` times (their
  other spans dropped: no overlap has to be resolved);
* optionally the rules' LAB_TEST spans on ``silver`` unannotated RCT abstracts (every abstract
  drawn into the real gold left out).

The checkpoint is chosen on the LAB_TEST spans of the real **dev** documents, and the policy
scores every combination with it as ``mode@lab_test`` (:mod:`celltx.train.policy`).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import IO, Any

from .. import schema
from . import dedicated

LABELS = (schema.LAB_TEST,)
#: Subfolder of a model folder that holds the dedicated LAB_TEST model.
SUBDIR = dedicated.SUBDIRS[schema.LAB_TEST]
#: Config overrides that make the ``ner`` of ``ner.cfg`` a one-label model.
CONFIG_OVERRIDES: dict[str, Any] = dedicated.config_overrides(schema.LAB_TEST)
#: Training steps (the checkpoint is chosen on dev every ``eval_frequency`` steps).
DEFAULT_STEPS = 2000


def training_records(
    gold_train: Sequence[Mapping[str, Any]],
    *,
    silver: int = 0,
    draw: str = "corpora/real/draw.json",
    seed: int = 0,
    gold_repeat: int = 3,
    log: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """The dedicated model's training records (see the module docs)."""
    return dedicated.training_records(
        gold_train,
        schema.LAB_TEST,
        gold_repeat=gold_repeat,
        silver=silver,
        draw=draw,
        seed=seed,
        log=log if log is not None else sys.stderr,
    )
