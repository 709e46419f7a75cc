"""The public face: ``load``, ``extract``, ``extract_many``.

``extract`` takes one text and returns one document record in the scheme's JSON format
(see :mod:`celltx.schema`): ``doc_to_record(nlp(text))``, the pipeline's own result. Everything
the pipeline does, cleaning odd characters included, happens inside ``nlp``; what is added
here is input checking (before spaCy sees anything, so a wrong argument gives a message about
the argument rather than a traceback from inside spaCy) and, for speed, cutting texts longer
than :data:`CHUNK_CHARS` into pieces that are processed one by one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import regex

from . import schema
from .extensions import doc_to_record
from .pipeline import SYSTEMS, load

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Texts longer than this are processed in pieces cut at paragraph or sentence ends. Several
#: components grow faster than linearly with document length (see eval/BENCHMARKS.md), so
#: pieces are kept small: 20,000 characters is several abstracts, and a 2 MB dump runs ~4x
#: faster than with 100,000-character pieces while finding the same spans. This is the one
#: place where ``extract(text)`` and ``nlp(text)`` can differ (``nlp`` reads a long text whole).
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


def _record(doc: Doc, text: str) -> dict[str, Any]:
    """The record of ``doc``, the pipeline's result for ``text``.

    The ``Doc`` holds U+FFFD where ``text`` has a lone surrogate (spaCy cannot store one; offsets
    are the same): the record gets the caller's characters back.
    """
    return doc_to_record(doc, text=text)


def _finish(record: dict[str, Any], trial: bool) -> dict[str, Any]:
    """With ``trial``, the record with the document-level ``trial`` summary built from its
    mentions (the LAB_TEST ``loinc`` / LAB_VALUE ``si`` attributes come from the pipeline's
    last step, so ``nlp(text)`` has them too)."""
    if trial:
        from .trial import summarize

        record["trial"] = summarize(record)
    return record


def extract(text: str, *, system: str = "full", trial: bool = False) -> dict[str, Any]:
    """Extract all mentions from ``text``; return one scheme document record.

    The record is ``doc_to_record(nlp(text))``, including the optional LAB_TEST ``loinc`` and
    LAB_VALUE ``si`` attributes where known. With ``trial=True`` it also carries ``trial``, the scheme's document-level trial summary
    (design, arms, outcomes ...) built from the mentions (:func:`celltx.trial.summarize`).

    >>> doc = extract("MSCs were infused i.v. at 1x10^6 cells/kg.")
    >>> [(s["label"], s["text"]) for s in doc["spans"]][:2]
    [('CELL_TYPE', 'MSCs'), ('ROUTE', 'i.v.')]
    """
    text = _check_text(text)
    if system not in SYSTEMS:
        load(system)  # raises ValueError naming the systems, even for empty text
    if not text.strip():
        return _finish(schema.new_record(text), trial)
    nlp = load(system)
    chunks = _chunks(text)
    if len(chunks) == 1:
        return _finish(_record(nlp(text), text), trial)
    parts = [(offset, _record(doc, piece)) for (offset, piece), doc in zip(chunks, nlp.pipe(p for _, p in chunks))]
    return _finish(_merge_records(text, parts), trial)


#: Keys of an input record that ``extract_many`` replaces with its own results.
RESULT_KEYS = frozenset({"text", "spans", "relations", "scheme_version", "trial"})

#: What ``extract_many`` takes: a text, an ``(id, text)`` pair, or a record with ``"text"``.
Item = str | tuple[Any, str] | Mapping[str, Any]


def _split_item(item: Item) -> tuple[str, dict[str, Any]]:
    """``(text, fields the output record keeps)`` of one ``extract_many`` input."""
    if isinstance(item, tuple) and len(item) == 2:
        return _check_text(item[1]), {"id": item[0]}
    if isinstance(item, Mapping):
        if "text" not in item:
            raise TypeError("extract_many() got a record without 'text'")
        return _check_text(item["text"]), {k: v for k, v in item.items() if k not in RESULT_KEYS}
    return _check_text(item), {}


def extract_many(
    items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1, system: str = "full",
    trial: bool = False,
) -> Iterator[dict[str, Any]]:
    """Extract from many texts lazily (a generator over ``nlp.pipe``), in input order.

    Each item is a text (its record is ``extract(text)``'s, id ``"doc"``), an ``(id, text)``
    pair (the record gets that id), or a record with ``"text"`` (such as the readers of
    :mod:`celltx.corpus.readers` yield): the output keeps its fields (``id``, ``source``,
    ``title`` ...) except those it computes (:data:`RESULT_KEYS`). Ids are the caller's to
    give, so that results can be matched to inputs without counting.

    With ``n_process`` > 1 (or -1: one per CPU), batches of ``batch_size`` texts go to a
    pool of worker processes that return finished records (plain dicts: cheaper to send back
    than the ``Doc`` objects spaCy's own ``nlp.pipe(n_process=...)`` would return).
    ``trial=True`` adds the trial summary to every record, as :func:`extract` does.
    """
    if isinstance(items, (str, bytes)):  # iterating a text would give one record per character
        raise TypeError("extract_many() takes an iterable of texts, not one text: use extract(text) or extract_many([text])")
    kept: deque[dict[str, Any]] = deque()  # fields of the items whose records are not out yet

    def texts() -> Iterator[str]:
        for item in items:
            text, fields = _split_item(item)
            kept.append(fields)
            yield text

    for record in _extract_texts(texts(), batch_size, n_process, system):
        record.update(kept.popleft())
        yield _finish(record, trial)


def _extract_texts(texts: Iterator[str], batch_size: int, n_process: int, system: str) -> Iterator[dict[str, Any]]:
    """Records of ``texts`` in order, one process or several (see :func:`extract_many`)."""
    nlp = load(system)
    if n_process < 0:
        n_process = os.cpu_count() or 1
    if n_process > 1:
        yield from _extract_parallel(texts, batch_size, n_process, system)
        return
    pending: list[str] = []
    for text in texts:
        pending.append(text)
        if len(pending) >= batch_size * 4:
            yield from _run_batch(nlp, pending, batch_size, system)
            pending = []
    if pending:
        yield from _run_batch(nlp, pending, batch_size, system)


def _run_batch(nlp, texts: list[str], batch_size: int, system: str) -> Iterator[dict[str, Any]]:
    # batched through nlp.pipe: every text of at most CHUNK_CHARS; one by one through
    # extract(): empty and long (chunked) texts
    simple_idx = [i for i, t in enumerate(texts) if t.strip() and len(t) <= CHUNK_CHARS]
    simple_docs = iter(nlp.pipe((texts[i] for i in simple_idx), batch_size=batch_size))
    simple_set = set(simple_idx)
    for i, text in enumerate(texts):
        if i in simple_set:
            yield _finish(_record(next(simple_docs), text), False)
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
