"""Shared fixtures: the pipelines are built once per test session (loading takes ~2 s)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# compiled patterns are cached in a folder of the test runs, not in the user's cache folder (the
# CLI tests' subprocesses inherit it); tests of the cache itself use folders of their own
os.environ["CELLTX_CACHE_DIR"] = str(Path(tempfile.gettempdir()) / f"celltx-test-cache-{os.getuid() if hasattr(os, 'getuid') else 0}")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    import celltx

    return celltx.load("rules")


@pytest.fixture(scope="session")
def extract_rules():
    import celltx

    def run(text: str) -> dict:
        return celltx.extract(text, system="rules")

    return run


def spans_of(record: dict, label: str | None = None) -> list[tuple[str, str]]:
    """(label, text) pairs of a record's spans, optionally of one label."""
    return [(s["label"], s["text"]) for s in record["spans"] if label is None or s["label"] == label]


def span(record: dict, text: str, label: str) -> dict:
    """The unique span with this text and label (fails the test if absent or ambiguous)."""
    found = [s for s in record["spans"] if s["text"] == text and s["label"] == label]
    assert len(found) == 1, f"expected one {label} {text!r}, found {len(found)}: {spans_of(record)}"
    return found[0]
