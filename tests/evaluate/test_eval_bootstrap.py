"""Bootstrap CIs: deterministic, cover the point estimate, fast."""

from __future__ import annotations

import random
import time

import numpy as np
import pytest

from celltx.evaluate.bootstrap import bootstrap_f1, ci_keys, resample_weights
from celltx.evaluate.scorer import score
from tests.evaluate.eval_helpers import at, record

LABELS_USED = ("CELL_TYPE", "DOSE", "TIME_POINT")


def synthetic(n_docs: int, seed: int = 7):
    """Documents with 6 slots each; gold and prediction agree on about 70% of slots."""
    rng = random.Random(seed)
    text = " ".join(["word"] * 6)
    gold, pred = [], []
    for i in range(n_docs):
        g_spans, p_spans = [], []
        for j in range(6):
            start, end = j * 5, j * 5 + 4
            label = LABELS_USED[j % 3]
            if rng.random() < 0.8:
                g_spans.append(at(text, f"T{j}", label, start, end))
            roll = rng.random()
            if roll < 0.7:
                p_spans.append(at(text, f"P{j}", label, start, end))
            elif roll < 0.8:
                p_spans.append(at(text, f"P{j}", label, start, end - 1))  # boundary error
        gold.append(record(f"d{i}", text, g_spans))
        pred.append(record(f"d{i}", text, p_spans))
    return gold, pred


def test_same_seed_same_ci_and_different_seed_differs():
    s = score(*synthetic(60))
    a = bootstrap_f1(s, n_resamples=300, seed=1)
    b = bootstrap_f1(s, n_resamples=300, seed=1)
    c = bootstrap_f1(s, n_resamples=300, seed=2)
    assert a == b
    assert any(a[k] != c[k] for k in a)


def test_every_f1_has_an_interval_that_contains_the_estimate():
    s = score(*synthetic(80))
    cis = bootstrap_f1(s)
    assert set(cis) == set(ci_keys(s))
    assert "strict/micro" in cis and "lenient/macro" in cis and "relations" in cis
    for key in ["strict/micro", "lenient/micro", "strict/macro", "lenient/macro"] + [
        f"{m}/{label}" for m in ("strict", "lenient") for label in LABELS_USED
    ]:
        ci = cis[key]
        assert ci.estimate == pytest.approx(s.f1(key))
        assert ci.low is not None and ci.low <= ci.estimate <= ci.high, key
        assert ci.high - ci.low > 0, key
        assert ci.n == 1000
    # labels never seen: undefined in every resample, no interval
    assert cis["strict/ROUTE"].low is None and cis["strict/ROUTE"].n == 0


def test_resample_weights_are_draw_counts():
    w = resample_weights(5, 4, np.random.default_rng(0))
    assert w.shape == (4, 5)
    assert (w.sum(axis=1) == 5).all()


def test_no_documents_gives_no_interval():
    s = score([], [])
    cis = bootstrap_f1(s)
    assert all(ci.low is None and ci.high is None for ci in cis.values())


def test_fast_on_thousands_of_documents():
    s = score(*synthetic(3000))
    started = time.perf_counter()
    bootstrap_f1(s, n_resamples=1000)
    assert time.perf_counter() - started < 5.0
