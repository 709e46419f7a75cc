"""Records <-> spaCy ``Doc`` objects and ``DocBin`` files (``.spacy``), for training and caching.

A record becomes a ``Doc`` through :func:`celltx.extensions.record_to_doc`: the spans go to
``doc.spans["celltx"]`` (:data:`celltx.schema.SPANS_KEY`) with ``span._.attrs`` and
``span._.span_id``, the document id to ``doc._.doc_id``. ``DocBin`` is created with
``store_user_data=True`` so those extension values travel with the docs.

Two things cannot travel as they are and are stored in ``doc.user_data["celltx_record"]``
(a JSON string, see :data:`META_KEY`):

* the relations, as character offsets and labels of both ends, rebuilt on reading (files
  written before ``doc._.relations`` was itself stored as offsets keep reading the same way);
* the record's other top-level fields (``source``, ``source_offset``, ``scheme_version``,
  ``split``, ``provenance``, anything else) and their order.

Reading back (:func:`docbin_to_records`) goes through :func:`celltx.extensions.doc_to_record`,
then puts back the original span ids, span order and attributes exactly as written (without
the ``None`` padding ``doc_to_record`` adds), so ``records -> DocBin -> records`` is lossless
for records whose spans start and end on token boundaries. Known limits: a span without an
``attrs`` key comes back with ``"attrs": {}``; keys of a span other than id, start, end,
label, text and attrs are dropped; spans that do not align with tokens are snapped outward
(``strict=True`` refuses them instead, see :func:`misaligned_spans`).

A ``DocBin`` without celltx metadata (for instance pipeline output saved with
:func:`docs_to_docbin`) reads back with ``doc_to_record``'s numbering (T1, T2, ... in reading
order).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Span

from .. import schema
from ..extensions import doc_to_record, record_to_doc, register_extensions
from .jsonl import CorpusError, atomic_write

#: ``doc.user_data`` key holding the JSON metadata described in the module docstring.
META_KEY = "celltx_record"
#: Record fields rebuilt from the ``Doc`` itself rather than stored in the metadata.
_DOC_FIELDS = ("text", "spans", "relations")

SpanKey = tuple[int, int, str]


def _span_key(span: Span) -> SpanKey:
    return (span.start_char, span.end_char, span.label_)


def _plain(value: Any) -> Any:
    """Tuples (msgpack's reading of lists) back to lists, recursively."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _group(doc: Doc) -> list[Span]:
    return list(doc.spans[schema.SPANS_KEY]) if schema.SPANS_KEY in doc.spans else []


def misaligned_spans(nlp: Any, record: Mapping[str, Any]) -> list[str]:
    """Ids of the spans of ``record`` whose offsets do not fall on ``nlp``'s token boundaries."""
    doc = nlp.make_doc(record["text"])
    return [
        str(span.get("id"))
        for span in record.get("spans", [])
        if doc.char_span(span["start"], span["end"]) is None
    ]


def record_to_docbin_doc(nlp: Any, record: Mapping[str, Any], strict: bool = False) -> Doc:
    """The ``Doc`` for ``record`` (via ``record_to_doc``) with its metadata in ``user_data``.

    ``strict``: raise :class:`~celltx.corpus.jsonl.CorpusError` for a span that does not align
    with the tokens, instead of snapping it outward.
    """
    if not isinstance(record.get("text"), str):
        raise CorpusError("record has no 'text' string", doc_id=record.get("id"))
    if strict:
        bad = misaligned_spans(nlp, record)
        if bad:
            raise CorpusError(
                f"span(s) {', '.join(bad)} do not start and end on token boundaries",
                doc_id=record.get("id"),
            )
    doc = record_to_doc(nlp, record)
    fields = {k: v for k, v in record.items() if k not in _DOC_FIELDS}
    doc.user_data[META_KEY] = json.dumps(
        {"fields": fields, "order": list(record.keys())}, ensure_ascii=False
    )
    return doc


def docs_to_docbin(docs: Iterable[Doc]) -> DocBin:
    """A ``DocBin`` (``store_user_data=True``) holding ``docs``, relations included.

    ``doc._.relations`` is stored as offsets in the metadata and left unchanged on ``doc``.
    """
    docbin = DocBin(store_user_data=True)
    for doc in docs:
        relations = doc._.relations
        old_meta = doc.user_data.get(META_KEY)
        meta = json.loads(old_meta) if old_meta else {}
        meta["relations"] = [
            [label, list(_span_key(head)), list(_span_key(tail))]
            for label, head, tail in relations or []
        ]
        doc.user_data[META_KEY] = json.dumps(meta, ensure_ascii=False)
        doc._.relations = None  # stored once, in the metadata
        try:
            docbin.add(doc)
        finally:
            doc._.relations = relations
            if old_meta is None:
                del doc.user_data[META_KEY]
            else:
                doc.user_data[META_KEY] = old_meta
    return docbin


def records_to_docbin(
    nlp: Any, records: Iterable[Mapping[str, Any]], strict: bool = False
) -> DocBin:
    """A ``DocBin`` holding one ``Doc`` per record (tokenised by ``nlp``); see the module notes."""
    return docs_to_docbin(record_to_docbin_doc(nlp, r, strict=strict) for r in records)


def _meta(doc: Doc) -> dict[str, Any]:
    raw = doc.user_data.get(META_KEY)
    return json.loads(raw) if raw else {}


def docbin_to_docs(nlp_or_vocab: Any, docbin: DocBin) -> list[Doc]:
    """The ``Doc`` objects of ``docbin``, with ``doc._.relations`` rebuilt as span tuples."""
    register_extensions()
    vocab = getattr(nlp_or_vocab, "vocab", nlp_or_vocab)
    docs = []
    for doc in docbin.get_docs(vocab):
        by_key: dict[SpanKey, Span] = {}
        for span in _group(doc):
            by_key.setdefault(_span_key(span), span)
            if span._.attrs is not None:
                span._.attrs = _plain(span._.attrs)
        relations = []
        for label, head, tail in _meta(doc).get("relations", []):
            hspan, tspan = by_key.get(tuple(head)), by_key.get(tuple(tail))
            if hspan is not None and tspan is not None:
                relations.append((label, hspan, tspan))
        doc._.relations = relations
        docs.append(doc)
    return docs


def doc_to_original_record(doc: Doc) -> dict[str, Any]:
    """``doc_to_record(doc)`` with the original ids, span order, attrs and fields put back.

    Ids are restored only when every span carries a distinct ``span._.span_id`` (as docs
    made from records do); otherwise the record keeps ``doc_to_record``'s numbering.
    """
    record: dict[str, Any] = dict(doc_to_record(doc))
    group = _group(doc)
    original_ids = [span._.span_id for span in group]
    if (
        group
        and all(isinstance(i, str) for i in original_ids)
        and len(set(original_ids)) == len(original_ids)
    ):
        new_to_old = {}
        by_key = {_span_key(span): span for span in group}
        position = {sid: i for i, sid in enumerate(original_ids)}
        spans = []
        for item in record["spans"]:
            span = by_key[(item["start"], item["end"], item["label"])]
            new_to_old[item["id"]] = span._.span_id
            attrs = span._.attrs
            spans.append(
                {**item, "id": span._.span_id, "attrs": _plain(attrs) if attrs is not None else {}}
            )
        spans.sort(key=lambda s: position[s["id"]])
        record["spans"] = spans
        record["relations"] = [
            {**rel, "head": new_to_old[rel["head"]], "tail": new_to_old[rel["tail"]]}
            for rel in record["relations"]
        ]
    meta = _meta(doc)
    if "order" in meta:
        fields = meta.get("fields", {})
        record = {
            key: record[key] if key in _DOC_FIELDS else fields.get(key) for key in meta["order"]
        }
    return record


def docbin_to_records(nlp: Any, docbin: DocBin) -> list[dict[str, Any]]:
    """The records stored in ``docbin`` (the inverse of :func:`records_to_docbin`)."""
    return [doc_to_original_record(doc) for doc in docbin_to_docs(nlp, docbin)]


def write_docbin(
    path: str | os.PathLike[str],
    nlp: Any,
    records: Iterable[Mapping[str, Any]],
    strict: bool = False,
) -> int:
    """Write ``records`` to a ``.spacy`` file atomically (temp file + rename); return the count."""
    docbin = records_to_docbin(nlp, records, strict=strict)
    atomic_write(path, docbin.to_bytes())
    return len(docbin)


def read_docbin(path: str | os.PathLike[str], nlp: Any) -> list[dict[str, Any]]:
    """The records of a ``.spacy`` file written by :func:`write_docbin`."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError("no such file" if not path.exists() else "not a file", path)
    try:
        docbin = DocBin(store_user_data=True).from_bytes(path.read_bytes())
    except Exception as err:  # zlib, msgpack and spaCy errors alike: not a DocBin
        raise CorpusError(f"not a spaCy DocBin file ({err})", path) from err
    return docbin_to_records(nlp, docbin)
