"""Small builders for hand-made gold and predicted records."""

from __future__ import annotations

from typing import Any

from celltx.schema import SCHEME_VERSION


def span(
    text: str, sid: str, label: str, phrase: str, nth: int = 1, **attrs: Any
) -> dict[str, Any]:
    """A span over the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    return {
        "id": sid,
        "start": start,
        "end": end,
        "label": label,
        "text": text[start:end],
        "attrs": attrs,
    }


def at(text: str, sid: str, label: str, start: int, end: int, **attrs: Any) -> dict[str, Any]:
    return {
        "id": sid,
        "start": start,
        "end": end,
        "label": label,
        "text": text[start:end],
        "attrs": attrs,
    }


def record(
    doc_id: str, text: str, spans: list[dict[str, Any]], relations: list[tuple[str, str]] = ()
) -> dict[str, Any]:
    return {
        "id": doc_id,
        "scheme_version": SCHEME_VERSION,
        "text": text,
        "spans": spans,
        "relations": [{"label": "VALUE_OF", "head": h, "tail": t} for h, t in relations],
    }
