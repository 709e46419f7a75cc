"""Training the statistical NER (``celltx train``) and choosing how it combines with the rules.

* :mod:`celltx.train.train`: gold records -> spaCy ``Doc``s (overlaps resolved), training
  from ``ner.cfg`` with spaCy's Python API, writing the model into ``celltx/models/ner``.
* :mod:`celltx.train.policy`: on the dev split, score rules-only, NER-only and rules+NER with
  different label sets, and write the chosen label list to ``celltx_policy.json``.
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
