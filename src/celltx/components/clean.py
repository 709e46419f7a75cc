"""``celltx_clean`` and ``celltx_finalize``: the first and the last step of the pipeline.

``celltx_clean`` reads the text with odd characters cleaned (HTML entities and tags,
invisible format characters, PDF ligatures, control characters; see
:func:`celltx.textnorm.clean`). When the text needs no cleaning (almost always) the ``Doc`` goes
on unchanged. Otherwise the component returns a new ``Doc`` of the cleaned text, tokenised by the
pipeline's tokenizer, and keeps the original ``Doc`` and the offset map with it; every later
component reads the cleaned text.

``celltx_finalize`` turns such a ``Doc`` back into one over the caller's text: tokens are the
original characters of the cleaned tokens (what lies between them, such as a removed tag,
becomes tokens of its own), and span groups, span and doc attributes, relations, sentence
starts and scispaCy abbreviations are moved to original offsets. So ``nlp(text)`` always
returns a ``Doc`` whose ``text`` is the text passed in (lone surrogates aside, see
:mod:`celltx.tokenizer`) with every offset pointing into it. For every ``Doc`` it then drops the
components' scratch data, and sets ``doc.ents`` to a non-overlapping view of the final span
group (longest first, then earliest, :func:`spacy.util.filter_spans`).
"""


import re
from itertools import accumulate
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .. import schema
from ..extensions import RELATIONS_KEY, doc_text, register_extensions, remember_text
from ..textnorm import Cleaned, clean
from .abbreviations import ABBREVIATIONS_EXTENSION, USER_DATA_KEY

#: ``doc.user_data`` key under which ``celltx_clean`` leaves (original Doc, Cleaned) for
#: ``celltx_finalize``; never present on a Doc the pipeline returns.
SOURCE_KEY = "celltx_source"
#: Runs of white space and of anything else (``re``'s ``\s`` is ``str.isspace``).
_RUNS = re.compile(r"\s+|\S+")


class Clean:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp  # its tokenizer reads the cleaned text

    def __call__(self, doc: Doc) -> Doc:
        cleaned = clean(doc_text(doc))
        if cleaned is None:
            return doc
        new = self.nlp.make_doc(cleaned.text)
        new.user_data[SOURCE_KEY] = (doc, cleaned)
        new._context = doc._context  # nlp.pipe(..., as_tuples=True)
        return new


class Finalize:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        source = doc.user_data.pop(SOURCE_KEY, None)
        if source is not None:
            doc = restore(doc, *source)
        doc.user_data.pop(USER_DATA_KEY, None)  # abbreviation hand-over to the normaliser
        group = doc.spans.get(schema.SPANS_KEY)
        doc.ents = filter_spans(group) if group is not None else []
        if group:
            _add_pooling_attrs(doc)
        return doc


def _add_pooling_attrs(doc: Doc) -> None:
    """LAB_TEST ``loinc`` and LAB_VALUE ``si`` (where known) onto the spans' attributes.

    They need the finished mentions and VALUE_OF links, so they are added here, last, from the
    same record :func:`celltx.extensions.doc_to_record` builds; ``nlp(text)`` and
    ``extract(text)`` therefore carry the same attributes.
    """
    from ..extensions import doc_to_record, relation_keys
    from ..normalize.si import enrich_record

    # enrich_record reads only LAB_TEST and LAB_VALUE spans and the ends of VALUE_OF relations:
    # the record of those alone gives the same attributes for less work
    wanted = {schema.LAB_TEST, schema.LAB_VALUE}
    if not any(span.label_ in wanted for span in doc.spans[schema.SPANS_KEY]):
        return
    for _label, head, tail in relation_keys(doc):
        wanted.update((head[2], tail[2]))
    record = enrich_record(doc_to_record(doc, labels=wanted))
    added = {
        (s["start"], s["end"], s["label"]): s["attrs"]
        for s in record["spans"]
        if "loinc" in s["attrs"] or "si" in s["attrs"]
    }
    if not added:
        return
    for span in doc.spans[schema.SPANS_KEY]:
        attrs = added.get((span.start_char, span.end_char, span.label_))
        if attrs is not None:
            current = dict(span._.attrs or {})
            current.update({k: attrs[k] for k in ("loinc", "si") if k in attrs})
            span._.attrs = current


def _bounds(cleaned: Cleaned, doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Where the original text is cut into tokens, and (original start, cleaned token index) of
    each non-space cleaned token. Cuts fall at the edges of the original characters of every
    non-space cleaned token and between white space and the rest, so every piece is either
    all white space or has none (as the tokenizer's tokens are); what lies between the
    cleaned tokens (a removed tag, say) becomes tokens of its own."""
    images: list[tuple[int, int]] = []
    cuts: set[int] = set()
    pos = 0
    span = cleaned.span
    # token offsets from the token arrays (no Token object per token)
    for i, (idx, length, is_space) in enumerate(doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()):
        if is_space:
            continue
        start, end = span(idx, idx + length)
        start = max(start, pos)
        if end <= start:
            continue
        images.append((start, i))
        cuts.add(start)
        cuts.add(end)
        pos = end
    # where each run of white space or of anything else starts
    cuts.update(accumulate(map(len, _RUNS.findall(cleaned.original)), initial=0))
    cuts.discard(len(cleaned.original))
    return sorted(cuts), images


def restore(doc: Doc, source: Doc, cleaned: Cleaned) -> Doc:
    """The ``Doc`` over ``source``'s text carrying what the pipeline found in the cleaned ``doc``."""
    original = cleaned.original
    bounds, images = _bounds(cleaned, doc)
    words: list[str] = []
    spaces: list[bool] = []
    word_at: dict[int, int] = {}  # original offset -> output token starting there
    for start, end in zip(bounds, bounds[1:] + [len(original)]):
        text = original[start:end]
        if text[0] == " " and words and not spaces[-1] and text.isspace():
            spaces[-1] = True  # a space after a token is its trailing white space
            text = text[1:]
            start += 1
            if not text:
                continue
        word_at[start] = len(words)
        words.append(text)
        spaces.append(False)
    first = {index: word_at[start] for start, index in images if start in word_at}
    out = remember_text(Doc(doc.vocab, words=words, spaces=spaces), doc_text(source))
    out._context = doc._context
    out.user_data.update(source.user_data)
    _move_sentences(doc, out, first)
    for name, group in doc.spans.items():
        out.spans[name] = [s for s in (_moved_span(out, cleaned, span) for span in group) if s is not None]
    for key, value in doc.user_data.items():
        key, value = _moved_user_data(key, value, cleaned, doc, out)
        out.user_data[key] = value
    # long forms as read in the output (the extensions exist only where the detector has run)
    for item in out.user_data.get(("._.", ABBREVIATIONS_EXTENSION, None, None)) or []:
        out[item["short_start"] : item["short_end"]]._.long_form = item["long_text"]
    return out


def _move_sentences(doc: Doc, out: Doc, first: dict[int, int]) -> None:
    if not len(out) or not doc.has_annotation("SENT_START"):
        return
    # what lies between cleaned tokens (a removed tag) stays with the sentence before it; what
    # comes before the first one, with the first sentence
    starts = numpy.full(len(out), -1, dtype="int32")
    starts[0] = 1
    pending = False  # a sentence starting on a white-space token starts at the next token
    seen_first = False
    for i, sent_start in enumerate(doc.to_array(SENT_START).tolist()):
        pending = pending or sent_start == 1
        if i in first:
            if pending and seen_first:
                starts[first[i]] = 1
            pending = False
            seen_first = True
    out.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


def _moved_span(out: Doc, cleaned: Cleaned, span: Any):
    start, end = cleaned.span(span.start_char, span.end_char)
    moved = out.char_span(start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)
    if moved is None:  # cannot happen: span edges are token edges, tokens map to whole tokens
        moved = out.char_span(start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_,
                              alignment_mode="expand")
    return moved


def _moved_user_data(key: Any, value: Any, cleaned: Cleaned, doc: Doc, out: Doc) -> tuple[Any, Any]:
    """A ``user_data`` item of the cleaned Doc, moved to original offsets."""
    if key == RELATIONS_KEY:
        value = [[label, [*cleaned.span(h[0], h[1]), h[2]], [*cleaned.span(t[0], t[1]), t[2]]]
                 for label, h, t in value]
    elif key == ("._.", ABBREVIATIONS_EXTENSION, None, None):
        value = [_moved_abbreviation(item, cleaned, doc, out) for item in value]
    elif isinstance(key, tuple) and len(key) >= 4 and isinstance(key[0], str) and key[0].startswith("._."):
        # extension values: spans are keyed (prefix, name, start_char, end_char, ...), tokens
        # (prefix, name, idx, None), the Doc (prefix, name, None, None)
        start, end = key[2], key[3]
        if isinstance(start, int) and isinstance(end, int):
            key = (key[0], key[1], *cleaned.span(start, end), *key[4:])
        elif isinstance(start, int) and end is None:
            key = (key[0], key[1], cleaned.span(start, start + 1)[0], None, *key[4:])
    return key, value


def _moved_abbreviation(item: dict[str, Any], cleaned: Cleaned, doc: Doc, out: Doc) -> dict[str, Any]:
    """scispaCy's serialisable abbreviation (token offsets) moved to the output tokens."""

    def moved(start: int, end: int):
        span = doc[start:end]
        return out.char_span(*cleaned.span(span.start_char, span.end_char), alignment_mode="expand")

    short, long = moved(item["short_start"], item["short_end"]), moved(item["long_start"], item["long_end"])
    return {"short_text": short.text, "short_start": short.start, "short_end": short.end,
            "long_text": long.text, "long_start": long.start, "long_end": long.end}


@Language.factory(
    "celltx_clean",
    assigns=[],
    requires=[],
    default_config={},
)
def make_clean(nlp: Language, name: str) -> Clean:
    register_extensions()
    return Clean(nlp, name)


@Language.factory(
    "celltx_finalize",
    assigns=["doc.ents"],
    requires=["doc.spans"],
    default_config={},
)
def make_finalize(nlp: Language, name: str) -> Finalize:
    register_extensions()
    return Finalize(nlp, name)
