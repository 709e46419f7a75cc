"""Shared fixtures: the pipelines are built once per test session (loading takes ~2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
