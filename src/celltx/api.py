"""The public face: ``load``, ``extract``, ``extract_many``.

``extract`` takes one text and returns one document record in the scheme's JSON format
(see :mod:`celltx.schema`). Input checking happens here, before spaCy sees anything, so a
wrong argument gives a message about the argument rather than a traceback from inside spaCy.
"""

from __future__ import annotations

import html
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from . import schema
from .extensions import doc_to_record
from .pipeline import SYSTEMS, load

#: Texts longer than this are processed in pieces cut at paragraph or sentence ends. Several
#: components grow faster than linearly with document length (see eval/BENCHMARKS.md), so
#: pieces are kept small: 20,000 characters is several abstracts, and a 2 MB dump runs ~4x
#: faster than with 100,000-character pieces while finding the same spans.
CHUNK_CHARS = 20_000
#: Texts per task sent to a worker process by ``extract_many(n_process>1)``.
PARALLEL_TASK_SIZE = 8


def _check_text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"extract() needs str, got {type(text).__name__}: decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"extract() needs str, got {type(text).__name__}")


# --- input clean-up with an offset map --------------------------------------------------
# Some input cannot be handled by the same-length shadow of celltx.textnorm: HTML entities
# ("&plusmn;" is one character written as eight), HTML tags, invisible format characters
# inside words ("mesen\u00adchymal", "MSC\u200bs"), PDF ligatures, control characters and
# lone surrogates (which spaCy cannot store). Such text is cleaned into a copy, the copy is processed, and every span is mapped
# back, so offsets and span texts always refer to the text the caller gave.

#: Invisible format characters: soft hyphen, zero-width space/non-joiner/joiner, LRM/RLM,
#: bidi embeddings and isolates, word joiner and invisible operators, BOM.
_INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INLINE_TAGS = "sup|sub|i|b|em|strong|span|a|u|font|small|big|tt|code|abbr|mark|s|strike|ins|del"
_BLOCK_TAGS = (
    "p|br|hr|div|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|td|th|caption|title|abstract"
    "|abstracttext|article|section|body|html|head|blockquote|pre|figure|figcaption"
)
#: PDF ligatures, one character for two or three letters ("\ufb01brinogen" is "fibrinogen").
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
#: Control characters that are not white space (NUL, ESC, DEL, C1 controls): separators.
_CONTROLS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
_PREPARE_RE = regex.compile(
    r"(?P<sur>[\ud800-\udfff])"
    rf"|(?P<ctl>[{_CONTROLS}])"
    r"|(?P<lig>[\ufb00-\ufb06])"
    rf"|(?P<inv>[{_INVISIBLE}]+)"
    r"|(?<=10)(?P<exp><sup>\s*(?P<digits>[-\u2212\u2013]?\d{1,3})\s*</sup>)"
    r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    rf"|(?P<inline></?(?i:{_INLINE_TAGS})(?:\s[^<>]{{0,200}})?>)"
    rf"|(?P<block></?(?i:{_BLOCK_TAGS})(?:\s[^<>]{{0,200}})?/?>)"
)
_PREPARE_HINT = regex.compile(rf"[\ud800-\udfff\ufb00-\ufb06{_INVISIBLE}{_CONTROLS}&<]")


def _replacement(m: regex.Match) -> list[tuple[str, int, int]] | None:
    """What one match becomes in the cleaned copy: (character, original start, original end)
    for each new character; ``None`` leaves the match as it is."""
    a, b = m.span()
    kind = m.lastgroup if m.lastgroup != "digits" else "exp"
    if kind == "sur":
        new = "\ufffd"
    elif kind == "ctl":
        new = " "  # read as a word separator (the NER then never keeps it at a span edge)
    elif kind == "lig":
        new = _LIGATURES[m.group()]
    elif kind == "exp":  # 10<sup>6</sup> -> 10^6, each digit keeping its own offset
        d0, d1 = m.span("digits")
        return [("^", a, d0)] + [(text_char, i, i + 1) for i, text_char in zip(range(d0, d1), m.group("digits"))]
    elif kind == "ent":
        new = html.unescape(m.group())
        if len(new) != 1 or new == m.group():
            return None
    elif kind in ("inv", "inline"):
        new = ""
    else:
        new = " "  # block tags separate words
    return [(c, a, b) for c in new]


def _prepare(text: str) -> tuple[str, list[int], list[int]] | None:
    """(clean copy, start map, end map) when ``text`` needs cleaning, else ``None``.

    ``starts[i]``/``ends[i]`` are the original offsets covered by character ``i`` of the copy.
    """
    if not _PREPARE_HINT.search(text):
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _PREPARE_RE.finditer(text):
        new = _replacement(m)
        if new is None:
            continue
        a, b = m.span()
        parts.append(text[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        for char, start, end in new:
            parts.append(char)
            starts.append(start)
            ends.append(end)
        pos = b
    if not parts:
        return None
    parts.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(parts), starts, ends


def _to_original(record: dict[str, Any], text: str, starts: list[int], ends: list[int]) -> dict[str, Any]:
    record["text"] = text
    for span in record["spans"]:
        span["start"], span["end"] = starts[span["start"]], ends[span["end"] - 1]
        span["text"] = text[span["start"] : span["end"]]
    return record


def _chunks(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) pieces of at most ``limit`` characters.

    Cuts prefer a blank line, then a line break, then a sentence end, then a space; a piece
    is never cut inside a word unless it has no space at all (a 100,000-character token).
    """
    limit = CHUNK_CHARS if limit is None else limit
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


def _finish(record: dict[str, Any], trial: bool) -> dict[str, Any]:
    """The record with the optional LAB_TEST ``loinc`` / LAB_VALUE ``si`` attributes (where
    known) and, with ``trial``, the document-level ``trial`` summary built from its mentions."""
    from .normalize.si import enrich_record

    enrich_record(record)
    if trial:
        from .trial import summarize

        record["trial"] = summarize(record)
    return record


def extract(text: str, *, system: str = "full", trial: bool = False) -> dict[str, Any]:
    """Extract all mentions from ``text``; return one scheme document record.

    With ``trial=True`` the record also carries ``trial``, the scheme's document-level trial
    summary (design, arms, outcomes ...) built from the mentions (:func:`celltx.trial.summarize`).

    >>> doc = extract("MSCs were infused i.v. at 1x10^6 cells/kg.")
    >>> [(s["label"], s["text"]) for s in doc["spans"]][:2]
    [('CELL_TYPE', 'MSCs'), ('ROUTE', 'i.v.')]
    """
    text = _check_text(text)
    if system not in SYSTEMS:
        load(system)  # raises ValueError naming the systems, even for empty text
    if not text.strip():
        return _finish(schema.new_record(text), trial)
    prepared = _prepare(text)
    if prepared is None:
        return _finish(_extract_clean(text, system), trial)
    clean, starts, ends = prepared
    return _finish(_to_original(_extract_clean(clean, system), text, starts, ends), trial)


def _extract_clean(text: str, system: str) -> dict[str, Any]:
    if not text.strip():
        return schema.new_record(text)
    nlp = load(system)
    chunks = _chunks(text)
    if len(chunks) == 1:
        return doc_to_record(nlp(text))
    parts = [(offset, doc_to_record(doc)) for (offset, _), doc in zip(chunks, nlp.pipe(p for _, p in chunks))]
    return _merge_records(text, parts)


def extract_many(
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    system: str = "full",
    trial: bool = False,
) -> Iterator[dict[str, Any]]:
    """Extract from many texts lazily (a generator over ``nlp.pipe``), in input order.

    With ``n_process`` > 1 (or -1: one per CPU), batches of ``batch_size`` texts go to a
    pool of worker processes that return finished records. spaCy's own multi-process
    ``pipe`` cannot be used: it ships ``Doc`` objects back with ``Doc.to_bytes``, which fails
    on the Span objects celltx keeps in ``doc._.relations`` and scispaCy keeps in
    ``doc._.abbreviations``.

    ``trial=True`` adds the trial summary to every record, as :func:`extract` does.
    """
    if trial:
        yield from (_finish(r, True) for r in extract_many(
            texts, batch_size=batch_size, n_process=n_process, system=system))
        return
    nlp = load(system)
    if n_process < 0:
        n_process = os.cpu_count() or 1

    def checked() -> Iterator[str]:
        for text in texts:
            yield _check_text(text)

    if n_process > 1:
        yield from _extract_parallel(checked(), batch_size, n_process, system)
        return
    pending: list[str] = []
    for text in checked():
        pending.append(text)
        if len(pending) >= batch_size * 4:
            yield from _run_batch(nlp, pending, batch_size, system)
            pending = []
    if pending:
        yield from _run_batch(nlp, pending, batch_size, system)


def _run_batch(nlp, texts: list[str], batch_size: int, system: str) -> Iterator[dict[str, Any]]:
    # batched through nlp.pipe: ordinary texts; one by one through extract(): empty, long
    # (chunked) and texts that need cleaning (HTML, invisible characters, surrogates)
    simple_idx = [i for i, t in enumerate(texts) if t.strip() and len(t) <= CHUNK_CHARS and _prepare(t) is None]
    simple_docs = iter(nlp.pipe((texts[i] for i in simple_idx), batch_size=batch_size))
    simple_set = set(simple_idx)
    for i, text in enumerate(texts):
        if i in simple_set:
            yield _finish(doc_to_record(next(simple_docs)), False)
        else:
            yield extract(text, system=system)


def _worker_batch(system: str, texts: list[str]) -> list[dict[str, Any]]:
    """Run in a worker process: records (plain dicts, cheap to pickle) for one batch."""
    return list(_run_batch(load(system), texts, len(texts), system))


def _extract_parallel(
    texts: Iterator[str], batch_size: int, n_process: int, system: str
) -> Iterator[dict[str, Any]]:
    """Ordered, lazy, bounded: at most ``4 * n_process`` tasks are in flight at once.

    A task is at most ``PARALLEL_TASK_SIZE`` texts (fewer if ``batch_size`` is smaller): small
    tasks keep both workers busy to the end of a stream (measured on 172 abstracts, 2 cores:
    1.45x with tasks of 32, 1.7-1.85x with tasks of 1-8). Where processes are forked (Linux),
    workers share the pipeline the parent has already loaded; elsewhere each worker loads it
    once (``initializer``).
    """
    task_size = max(1, min(batch_size, PARALLEL_TASK_SIZE))
    with multiprocessing.get_context().Pool(n_process, initializer=load, initargs=(system,)) as pool:
        in_flight: deque = deque()
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= task_size:
                in_flight.append(pool.apply_async(_worker_batch, (system, batch)))
                batch = []
                if len(in_flight) >= 4 * n_process:
                    yield from in_flight.popleft().get()
        if batch:
            in_flight.append(pool.apply_async(_worker_batch, (system, batch)))
        while in_flight:
            yield from in_flight.popleft().get()
