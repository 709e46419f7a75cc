"""Recall against a peer's partial annotations (``celltx eval --partial``)."""

from __future__ import annotations

import pytest

from celltx.evaluate.partial import score_partial
from celltx.evaluate.scorer import LENIENT, STRICT, ScoringError

TEXT = "IOP was measured at 3, 6, and 12 months; latanoprost 0.005% once daily."


def record(spans: list[tuple[str, str, int]]) -> dict:
    """Spans given as (label, text, occurrence): offsets are found in TEXT."""
    out = []
    for i, (label, text, nth) in enumerate(spans):
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(text, start + 1)
        out.append({"id": f"T{i + 1}", "label": label, "start": start, "end": start + len(text), "text": text})
    return {"id": "d1", "text": TEXT, "spans": out}


def test_one_list_span_marks_every_nested_peer_mention():
    peer = record([("TIME_POINT", "3, 6, and 12 months", 0), ("TIME_POINT", "6, and 12 months", 0),
                   ("TIME_POINT", "12 months", 0)])
    ours = record([("TIME_POINT", "3, 6, and 12 months", 0)])
    scores = score_partial([peer], [ours])
    assert scores.recall("TIME_POINT", LENIENT) == 1.0
    assert scores.recall("TIME_POINT", STRICT) == pytest.approx(1 / 3)
    assert scores.misses == []


def test_misses_are_listed_with_context_and_labels_must_agree():
    peer = record([("DOSE", "0.005%", 0), ("FREQUENCY", "once daily", 0)])
    ours = record([("LAB_VALUE", "0.005%", 0), ("FREQUENCY", "once daily", 0)])
    scores = score_partial([peer], [ours])
    assert scores.recall("DOSE") == 0.0 and scores.recall("FREQUENCY") == 1.0
    (miss,) = scores.misses
    assert (miss.label, miss.text) == ("DOSE", "0.005%") and "[0.005%]" in miss.context


def test_a_prediction_for_another_text_is_an_error():
    peer = record([("DOSE", "0.005%", 0)])
    ours = {**record([]), "text": TEXT.upper()}
    with pytest.raises(ScoringError, match="text differs"):
        score_partial([peer], [ours])
