"""Bootstrap confidence intervals for every F1 the scorer reports.

Documents are the resampling unit (spans of one abstract are not independent). The scorer
already keeps per-document tp/fp/fn counts (:attr:`Scores.per_doc`), so one resample is a
weighted sum of those counts: the weight of a document is how often it was drawn. All
resamples are computed with one matrix product per chunk, so 1,000 resamples over a few
thousand documents take milliseconds.

CIs use the percentile method. A resample in which an F1 is undefined (no gold and no
predicted span of that label) is left out of that F1's distribution; the macro F1 of a resample
averages over the point estimate's macro labels that have gold spans in the resample.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .scorer import LENIENT, MACRO, MICRO, MODES, RELATIONS_KEY, STRICT, Scores, f1_from_counts

N_RESAMPLES = 1000
SEED = 12345
CONFIDENCE = 0.95
_CHUNK = 100


@dataclass(frozen=True)
class CI:
    """A confidence interval around a point estimate."""

    estimate: float
    low: float | None
    high: float | None
    #: resamples in which the statistic was defined.
    n: int

    def to_dict(self) -> dict[str, Any]:
        return {"estimate": self.estimate, "low": self.low, "high": self.high, "n": self.n}


def ci_keys(scores: Scores) -> list[str]:
    """Every F1 that gets an interval: ``MODE/LABEL``, ``MODE/micro``, ``MODE/macro``, ``relations``."""
    keys = []
    for mode in MODES:
        keys += [f"{mode}/{label}" for label in scores.labels]
        keys += [f"{mode}/{MICRO}", f"{mode}/{MACRO}"]
    return keys + [RELATIONS_KEY]


def resample_weights(n_docs: int, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """(n_resamples, n_docs) matrix: how often each document was drawn in each resample."""
    idx = rng.integers(0, n_docs, size=(n_resamples, n_docs))
    flat = (idx + np.arange(n_resamples)[:, None] * n_docs).ravel()
    return np.bincount(flat, minlength=n_resamples * n_docs).reshape(n_resamples, n_docs)


def bootstrap_f1(
    scores: Scores,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> dict[str, CI]:
    """95% (``confidence``) percentile bootstrap CIs over documents for every F1 of ``scores``.

    Deterministic for a given ``seed``. With no documents every interval is ``None``.
    """
    keys = ci_keys(scores)
    if scores.n_docs == 0 or n_resamples <= 0:
        return {key: CI(scores.f1(key), None, None, 0) for key in keys}
    labels = scores.labels
    count_keys = [f"{mode}/{label}" for mode in (STRICT, LENIENT) for label in labels] + [
        RELATIONS_KEY
    ]
    # (n_docs, K, 3) counts; resampled totals are weights @ counts.
    stacked = np.stack([scores.per_doc[key] for key in count_keys], axis=1).astype(np.float64)
    n_docs, k, _ = stacked.shape
    flat = stacked.reshape(n_docs, k * 3)
    rng = np.random.default_rng(seed)
    totals = np.empty((n_resamples, k, 3))
    for lo in range(0, n_resamples, _CHUNK):
        hi = min(n_resamples, lo + _CHUNK)
        w = resample_weights(n_docs, hi - lo, rng).astype(np.float64)
        totals[lo:hi] = (w @ flat).reshape(hi - lo, k, 3)

    samples: dict[str, np.ndarray] = {}
    for j, key in enumerate(count_keys):
        tp, fp, fn = totals[:, j, 0], totals[:, j, 1], totals[:, j, 2]
        samples[key] = f1_from_counts(tp, fp, fn)
    n_labels = len(labels)
    for m, mode in enumerate((STRICT, LENIENT)):
        block = totals[:, m * n_labels : (m + 1) * n_labels, :].sum(axis=1)
        samples[f"{mode}/{MICRO}"] = f1_from_counts(block[:, 0], block[:, 1], block[:, 2])
        macro_idx = [labels.index(label) for label in scores.macro_labels]
        if macro_idx:
            sub = totals[:, [m * n_labels + i for i in macro_idx], :]
            f1s = f1_from_counts(sub[..., 0], sub[..., 1], sub[..., 2])
            has_gold = (sub[..., 0] + sub[..., 2]) > 0
            if not has_gold.any():  # macro over predicted labels (gold has no spans at all)
                has_gold = ~np.isnan(f1s)
            f1s = np.where(has_gold, np.nan_to_num(f1s), np.nan)
            with np.errstate(invalid="ignore"):
                valid = has_gold.any(axis=1)
                macro = np.full(n_resamples, np.nan)
                macro[valid] = np.nanmean(f1s[valid], axis=1)
            samples[f"{mode}/{MACRO}"] = macro
        else:
            samples[f"{mode}/{MACRO}"] = np.full(n_resamples, np.nan)

    tail = (1.0 - confidence) / 2 * 100
    out: dict[str, CI] = {}
    for key in keys:
        values = samples[key]
        values = values[~np.isnan(values)]
        if values.size == 0:
            out[key] = CI(scores.f1(key), None, None, 0)
            continue
        low, high = np.percentile(values, [tail, 100 - tail])
        out[key] = CI(scores.f1(key), float(low), float(high), int(values.size))
    return out
