"""spaCy custom attributes used by celltx, and the conversion between ``Doc`` and records.

Where results live on a processed ``Doc``:

* ``doc.spans["celltx"]`` (:data:`celltx.schema.SPANS_KEY`): the final spans, one
  ``SpanGroup`` holding all labels (spans of different labels may overlap); ``doc.ents`` holds
  a non-overlapping view of it (longest first, then earliest), for displaCy and the like.
* ``span._.attrs``: the normalised attributes of a span (a dict, keys per the scheme).
* ``span._.span_id``: the span's id in the record ("T1", "T2", ...), set when converting.
* ``span._.origin``: which component proposed the span ("lexicon", "numeric", "abbreviation",
  "ner"), useful for error analysis and ablations.
* ``doc._.relations``: a list of ``(label, head_span, tail_span)`` tuples (VALUE_OF).

Everything is stored as plain data in ``doc.user_data``, so a processed ``Doc`` survives
``doc.to_bytes()``/``Doc.from_bytes``, ``DocBin(store_user_data=True)``, ``pickle`` and
``nlp.pipe(n_process=2)``:

* spaCy 3.7 keys ordinary span extension values on the characters only (start, end), so two
  spans of different labels over the same characters would share one value. The three span
  attributes are therefore getter/setter extensions that key ``doc.user_data`` on
  ("._.celltx", name, start, end, label): each label keeps its own attributes.
* relations are stored under ``doc.user_data["celltx_relations"]`` as
  ``[label, [start, end, label], [start, end, label]]`` lists (character offsets and label of
  head and tail); ``doc._.relations`` turns them into spans of the span group when read.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Mapping
from typing import Any

from spacy.tokens import Doc, Span

from . import schema

#: ``doc.user_data`` prefix of the per-label span attributes (see the module docstring).
SPAN_VALUE_PREFIX = "._.celltx"
#: ``doc.user_data`` key of the relations (see the module docstring).
RELATIONS_KEY = "celltx_relations"

RelationKey = tuple[int, int, str]

#: The text and shadow of live ``Doc`` objects (see :func:`doc_text`); an entry goes when its
#: ``Doc`` is garbage-collected.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_SHADOWS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def remember_text(doc: Doc, text: str, view: str | None = None) -> Doc:
    """Record that ``doc.text == text`` (the tokenizer knows it), so :func:`doc_text` need not
    build it, and ``view``, when given, as its shadow (:func:`doc_shadow`); returns ``doc``."""
    _TEXTS[doc] = text
    if view is not None:
        _SHADOWS[doc] = view
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once per ``Doc``.

    spaCy builds ``doc.text`` by joining every token's text on each access (~0.1-0.3 ms for an
    abstract), and several components read it. A ``Doc``'s text never changes (retokenising
    keeps it), so it is kept beside the ``Doc`` (weakly: nothing is stored on the ``Doc``, and
    the entry goes with it); the celltx tokenizer records it when it makes the ``Doc``.
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def doc_shadow(doc: Doc) -> str:
    """:func:`celltx.textnorm.shadow` of the document's text, built once per ``Doc``."""
    view = _SHADOWS.get(doc)
    if view is None:
        from .textnorm import shadow

        view = _SHADOWS[doc] = shadow(doc_text(doc))
    return view


def _span_value_key(name: str, span: Span) -> tuple[str, str, int, int, str]:
    return (SPAN_VALUE_PREFIX, name, span.start_char, span.end_char, span.label_)


def plain(value: Any) -> Any:
    """Tuples (how msgpack reads lists back, e.g. after ``Doc.from_bytes``) as lists, recursively."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _has_tuple(value: Any) -> bool:
    # called on every read of a span attribute: plain scalars are skipped without a call
    kind = type(value)
    if kind is dict:
        return any(type(v) not in _SCALARS and _has_tuple(v) for v in value.values())
    if kind is list:
        return any(type(v) not in _SCALARS and _has_tuple(v) for v in value)
    if kind in _SCALARS:
        return False
    if isinstance(value, tuple):
        return True
    if isinstance(value, list):
        return any(_has_tuple(v) for v in value)
    if isinstance(value, dict):
        return any(_has_tuple(v) for v in value.values())
    return False


_SCALARS = frozenset({str, int, float, bool, type(None)})


def span_value(span: Span, name: str) -> Any:
    """``span._.<name>`` for the three celltx span attributes (``attrs``, ``origin``,
    ``span_id``), read without creating spaCy's ``Underscore`` object (hot loops use this)."""
    key = _span_value_key(name, span)
    value = span.doc.user_data.get(key)
    if type(value) not in _SCALARS and _has_tuple(value):  # read back from bytes: plain lists
        value = span.doc.user_data[key] = plain(value)
    return value


def set_span_value(span: Span, name: str, value: Any) -> None:
    """``span._.<name> = value`` for the celltx span attributes (see :func:`span_value`)."""
    span.doc.user_data[_span_value_key(name, span)] = value


def _labelled_span_extension(name: str) -> None:
    """A span extension stored per (start, end, label), default ``None``."""

    def getter(span: Span) -> Any:
        return span_value(span, name)

    def setter(span: Span, value: Any) -> None:
        set_span_value(span, name, value)

    Span.set_extension(name, getter=getter, setter=setter)


def register_extensions() -> None:
    """Register the custom attributes (idempotent, safe to call many times)."""
    for name in ("attrs", "span_id", "origin"):
        if not Span.has_extension(name):
            _labelled_span_extension(name)
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", getter=get_relations, setter=set_relations)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)


def relation_keys(doc: Doc) -> list[tuple[str, RelationKey, RelationKey]]:
    """The relations of ``doc`` as stored: ``(label, (start, end, label), (start, end, label))``."""
    return [
        (label, (int(h[0]), int(h[1]), str(h[2])), (int(t[0]), int(t[1]), str(t[2])))
        for label, h, t in doc.user_data.get(RELATIONS_KEY) or []
    ]


def _span_of(doc: Doc, key: RelationKey, group: dict[RelationKey, Span]) -> Span | None:
    span = group.get(key)
    return span if span is not None else doc.char_span(key[0], key[1], label=key[2])


def get_relations(doc: Doc) -> list[tuple[str, Span, Span]] | None:
    """``doc._.relations``: (label, head, tail) with head and tail taken from the span group."""
    if RELATIONS_KEY not in doc.user_data:
        return None
    group = {(s.start_char, s.end_char, s.label_): s for s in doc.spans.get(schema.SPANS_KEY, [])}
    out = []
    for label, head_key, tail_key in relation_keys(doc):
        head, tail = _span_of(doc, head_key, group), _span_of(doc, tail_key, group)
        if head is not None and tail is not None:
            out.append((label, head, tail))
    return out


def set_relations(doc: Doc, relations: Any) -> None:
    """Store (label, head span, tail span) tuples as offsets; ``None`` removes them."""
    if relations is None:
        doc.user_data.pop(RELATIONS_KEY, None)
        return
    doc.user_data[RELATIONS_KEY] = [
        [label, [head.start_char, head.end_char, head.label_], [tail.start_char, tail.end_char, tail.label_]]
        for label, head, tail in relations
    ]


register_extensions()


def span_attrs(span: Span) -> dict[str, Any]:
    """The span's attributes with every scheme attribute present (missing ones as ``None``)."""
    attrs = schema.empty_attrs(span.label_)
    own = span_value(span, "attrs")
    if own:
        attrs.update(own)
    return attrs


def doc_to_record(
    doc: Doc, doc_id: str | None = None, text: str | None = None, labels: Collection[str] | None = None
) -> schema.DocumentRecord:
    """Convert a processed ``Doc`` into a scheme record (the output of ``extract``).

    Span ids are assigned in reading order; relations refer to them. ``text``: the text the
    ``Doc`` was made from, when the caller has it (saves building it from the tokens); the
    record's text and the spans' texts are then taken from it (they differ from the ``Doc``'s
    only where it holds U+FFFD for a lone surrogate of ``text``, see :mod:`celltx.tokenizer`).
    ``labels``: only spans of these labels (and the relations between them), for internal use.
    """
    if text is None:
        text = doc_text(doc)
    record = schema.new_record(text, doc_id or doc._.doc_id)
    group = doc.spans.get(schema.SPANS_KEY, [])
    if labels is not None:
        group = [s for s in group if s.label_ in labels]
    order = {label: i for i, label in enumerate(schema.LABELS)}
    ordered = sorted(group, key=lambda s: (s.start_char, -s.end_char, order.get(s.label_, 99)))
    ids: dict[tuple[int, int, str], str] = {}
    for i, span in enumerate(ordered, start=1):
        sid = f"T{i}"
        ids[(span.start_char, span.end_char, span.label_)] = sid
        record["spans"].append(
            {
                "id": sid,
                "start": span.start_char,
                "end": span.end_char,
                "label": span.label_,
                "text": text[span.start_char : span.end_char],
                "attrs": span_attrs(span),
            }
        )
    for label, head, tail in relation_keys(doc):
        hid, tid = ids.get(head), ids.get(tail)
        if hid and tid:
            record["relations"].append({"label": label, "head": hid, "tail": tid})
    return record


def record_to_doc(nlp_or_vocab: Any, record: Mapping[str, Any]) -> Doc:
    """Build a ``Doc`` carrying a record's spans, attributes and relations (gold or predicted).

    ``nlp_or_vocab`` is a ``Language`` (its tokenizer is used, so spans align with the
    tokens the pipeline sees). Spans whose characters do not fall on token boundaries are
    snapped outward to the nearest tokens (``alignment_mode="expand"``).
    """
    tokenizer = getattr(nlp_or_vocab, "make_doc", None)
    if tokenizer is None:
        raise TypeError("record_to_doc needs a spaCy Language (for its tokenizer)")
    doc = tokenizer(record["text"])
    doc._.doc_id = record.get("id")
    spans: list[Span] = []
    by_id: dict[str, Span] = {}
    for item in record.get("spans", []):
        span = doc.char_span(item["start"], item["end"], label=item["label"], alignment_mode="expand")
        if span is None:
            continue
        span._.attrs = dict(item.get("attrs") or {})
        span._.span_id = item.get("id")
        spans.append(span)
        by_id[item["id"]] = span
    doc.spans[schema.SPANS_KEY] = spans
    doc._.relations = [
        (rel["label"], by_id[rel["head"]], by_id[rel["tail"]])
        for rel in record.get("relations", [])
        if rel["head"] in by_id and rel["tail"] in by_id
    ]
    return doc
