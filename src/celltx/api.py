"""The public face: ``load``, ``extract``, ``extract_many``.

``extract`` takes one text and returns one document record in the scheme's JSON format
(see :mod:`celltx.schema`). Input checking happens here, before spaCy sees anything, so a
wrong argument gives a message about the argument rather than a traceback from inside spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

from . import schema
from .extensions import doc_to_record
from .pipeline import load

#: Texts longer than this are processed in pieces cut at paragraph or sentence ends.
CHUNK_CHARS = 100_000


def _check_text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("extract() needs str, got bytes: decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"extract() needs str, got {type(text).__name__}")


def _chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) pieces of at most ``limit`` characters.

    Cuts prefer a blank line, then a line break, then a sentence end, then a space; a piece
    is never cut inside a word unless it has no space at all (a 100,000-character token).
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            window = text[start:end]
            cut = -1
            for pattern in (r"\n\s*\n", r"\n", r"[.!?]\s", r"\s"):
                matches = list(regex.finditer(pattern, window[limit // 2 :]))
                if matches:
                    cut = limit // 2 + matches[-1].end()
                    break
            if cut > 0:
                end = start + cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _merge_records(text: str, parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    record = schema.new_record(text)
    n = 0
    for offset, part in parts:
        ids = {}
        for span in part["spans"]:
            n += 1
            ids[span["id"]] = f"T{n}"
            record["spans"].append({**span, "id": f"T{n}", "start": span["start"] + offset, "end": span["end"] + offset})
        for rel in part["relations"]:
            record["relations"].append({**rel, "head": ids[rel["head"]], "tail": ids[rel["tail"]]})
    return record


def extract(text: str, *, system: str = "full") -> dict[str, Any]:
    """Extract all mentions from ``text``; return one scheme document record.

    >>> doc = extract("MSCs were infused i.v. at 1x10^6 cells/kg.")
    >>> [(s["label"], s["text"]) for s in doc["spans"]][:2]
    [('CELL_TYPE', 'MSCs'), ('ROUTE', 'i.v.')]
    """
    text = _check_text(text)
    if not text.strip():
        return schema.new_record(text)
    nlp = load(system)
    chunks = _chunks(text)
    if len(chunks) == 1:
        return doc_to_record(nlp(text))
    parts = [(offset, doc_to_record(doc)) for (offset, _), doc in zip(chunks, nlp.pipe(p for _, p in chunks))]
    return _merge_records(text, parts)


def extract_many(
    texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1, system: str = "full"
) -> Iterator[dict[str, Any]]:
    """Extract from many texts lazily (a generator over ``nlp.pipe``), in input order."""
    nlp = load(system)

    def checked() -> Iterator[str]:
        for text in texts:
            yield _check_text(text)

    pending: list[str] = []
    for text in checked():
        pending.append(text)
        if len(pending) >= batch_size * max(1, n_process) * 4:
            yield from _run_batch(nlp, pending, batch_size, n_process, system)
            pending = []
    if pending:
        yield from _run_batch(nlp, pending, batch_size, n_process, system)


def _run_batch(nlp, texts: list[str], batch_size: int, n_process: int, system: str) -> Iterator[dict[str, Any]]:
    simple_idx = [i for i, t in enumerate(texts) if t.strip() and len(t) <= CHUNK_CHARS]
    simple_docs = iter(nlp.pipe((texts[i] for i in simple_idx), batch_size=batch_size, n_process=n_process))
    simple_set = set(simple_idx)
    for i, text in enumerate(texts):
        if i in simple_set:
            yield doc_to_record(next(simple_docs))
        else:
            yield extract(text, system=system)
