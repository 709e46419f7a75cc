"""The sealed real test split is unchanged unless the seal was renewed with a logged reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from celltx.corpus.seal import SEAL_FILE, digest, sealed_records, trials_digest

REAL = Path(__file__).resolve().parents[2] / "corpora" / "real"


def test_the_real_test_split_matches_its_seal():
    seal_path = REAL / SEAL_FILE
    if not seal_path.is_file():
        pytest.fail("corpora/real has no SEALED.json: the test split must be sealed before tuning")
    seal = json.loads(seal_path.read_text("utf-8"))
    records = sealed_records(REAL)
    assert [r["id"] for r in records] == seal["ids"]
    assert digest(records) == seal["sha256"], "test gold changed: log it in CHANGES.md and renew"
    assert trials_digest(REAL) == seal.get("trials_sha256"), "trial-summary test gold changed"


def test_the_digest_sees_a_moved_span():
    record = {"id": "d", "text": "ALT 40", "spans": [{"id": "T1", "start": 0, "end": 3}],
              "relations": []}
    moved = {**record, "spans": [{"id": "T1", "start": 0, "end": 2}]}
    assert digest([record]) != digest([moved])
