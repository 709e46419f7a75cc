"""Training the statistical NER (``celltx train``) and choosing how it combines with the rules.

* :mod:`celltx.train.train`: gold records -> spaCy ``Doc``s (overlaps resolved), training
  from ``ner.cfg`` with spaCy's Python API, writing the model to a folder outside the package
  (``celltx train --ship DIR`` copies one into ``celltx/models/ner``).
* :mod:`celltx.train.cellner`: the cell-type IOB corpora (BioNLP13CG, CRAFT, JNLPBA) read,
  mapped to CELL_TYPE (the convention differences are listed there) and scored.
* :mod:`celltx.train.silver`: unannotated real abstracts labelled by the rules (silver), with
  every abstract drawn into the real gold left out.
* :mod:`celltx.train.pretrain`: the ``ner``'s own tok2vec pretrained (characters objective) on
  unannotated text (drawn abstracts left out), loaded before training (``--init-tok2vec``).
* :mod:`celltx.train.dedicated`: what models dedicated to one label share (one-label data,
  repeated gold, a seeded held-out part of train); :mod:`celltx.train.celltype` builds the
  CELL_TYPE one (``DIR/cell_type``), :mod:`celltx.train.labtest` the LAB_TEST one
  (``DIR/lab_test``, ``celltx train --lab-model``); the policy compares each with the main
  model for its label (``mode@sub-folder``).
* :mod:`celltx.train.policy`: on the dev split, score per label how the model combines with
  the rules (rules, union, gaps, model_only, confirm, confirm_gaps) and write the choice to
  ``celltx_policy.json``.
"""

from .train import (  # noqa: F401
    POLICY_FILE,
    TrainError,
    TrainResult,
    load_config,
    records_to_docs,
    resolve_overlaps,
    split_records,
    train_ner,
)
