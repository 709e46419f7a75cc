"""``celltx_abbreviations``: abbreviations defined in the text inherit their long form's label.

scispaCy's abbreviation detector (Schwartz & Hearst; run inside this component) finds
"long form (SHORT)" pairs and every later occurrence of SHORT. When the long form is a candidate mention (found by the
lexicon, the cell grammar or the model), each occurrence of the short form becomes a candidate
of the same label, so "Cholinesterase (CHE)" teaches the pipeline that "CHE" is a lab test in
this abstract even though no lexicon lists it; labels that inherit: CELL_TYPE, LAB_TEST, ROUTE and
FREQUENCY ("once-daily (OD)": every later "OD" is the same rate).

What the normaliser may copy is recorded in ``doc.user_data["celltx_abbreviations"]``, keyed
by (start_char, end_char, label) of the short form: the long form's offsets and whether this
occurrence is the definition itself (the parenthesised one, which copies every attribute) or a
later bare mention (which keeps only what its own words say, plus the long form's identity).

Once used, the detector's results are left on the ``Doc`` in scispaCy's serialisable form:
``doc._.abbreviations`` is a list of dicts (``short_text``, ``short_start``, ``short_end``,
``long_text``, ``long_start``, ``long_end``; token offsets) and ``span._.long_form`` a string.
"""


import bisect
from collections import defaultdict
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_text, register_extensions, set_span_value, span_value
from ..normalize.labs import analyte_of, analyte_table
from .defines import word_list
from .lexicon import lab_test_start
from .matchers import empty_matchers_allowed
from .regex_spans import add_candidates

INHERITING_LABELS = (schema.CELL_TYPE, schema.LAB_TEST, schema.ROUTE, schema.FREQUENCY)
USER_DATA_KEY = "celltx_abbreviations"
#: The Doc extension scispaCy's detector writes.
ABBREVIATIONS_EXTENSION = "abbreviations"


class AbbreviationLabels:
    def __init__(self, nlp: Language, name: str, min_overlap: float) -> None:
        self.name = name
        self.min_overlap = min_overlap
        self.detector = _detector_class()(nlp, name=f"{name}_detector", make_serializable=False)

    def __call__(self, doc: Doc) -> Doc:
        with empty_matchers_allowed():  # the detector's per-document matcher is often empty
            doc = self.detector(doc)
        abbreviations = list(doc._.get(ABBREVIATIONS_EXTENSION))
        self._label(doc, abbreviations)
        # Span objects cannot be serialised: keep scispaCy's plain form on the Doc
        doc._.set(ABBREVIATIONS_EXTENSION, [_serializable(a, doc_text(doc)) for a in abbreviations])
        return doc

    def _label(self, doc: Doc, abbreviations: list) -> None:
        info: dict[tuple[int, int, str], dict[str, object]] = {}
        if not abbreviations:
            doc.user_data[USER_DATA_KEY] = info
            return
        candidates = [c for c in doc.spans.get(schema.CANDIDATES_KEY, []) if c.label_ in INHERITING_LABELS]
        bounds = [(c.start_char, c.end_char, c) for c in candidates]
        existing = {(start, end, c.label_) for start, end, c in bounds}
        doc_chars = doc_text(doc)
        new = []
        redefined: set[str] = set()
        # "MSCs" defined, "MSC" used later: the other grammatical number is the same abbreviation
        variants: dict[str, tuple[str, tuple[int, int, str]]] = {}
        for short in abbreviations:
            long = long_form(short)
            if long is None or isinstance(long, str):
                continue
            short_text = doc_chars[short.start_char : short.end_char]
            if _defined_as_something_else(short_text, doc_chars[long.start_char : long.end_char]):
                redefined.add(short_text)
                continue
            best, best_overlap = None, 0.0
            long_start, long_end, short_start = long.start_char, long.end_char, short.start_char
            length = max(1, long_end - long_start)
            for cand_start, cand_end, cand in bounds:
                overlap = min(cand_end, long_end) - max(cand_start, long_start)
                if overlap <= 0 or cand_start >= short_start:
                    continue
                share = overlap / length
                if share > best_overlap:
                    best, best_overlap = cand, share
            if best is None or best_overlap < self.min_overlap:
                continue
            if best.label_ == schema.CELL_TYPE and _PROCEDURE_AFTER.match(doc_chars[best.end_char : long_end]):
                continue  # "hematopoietic stem cell therapy (HSCT)": the short form names the procedure
            key = (short.start_char, short.end_char, best.label_)
            definition = short.start > 0 and doc[short.start - 1].text in ("(", "[") and short.start - 1 - long.end <= 1
            info[key] = {"long": (best.start_char, best.end_char), "definition": bool(definition)}
            if key not in existing:
                span = doc.char_span(short.start_char, short.end_char, label=best.label_)
                if span is not None:
                    set_span_value(span, "origin", "abbreviation")
                    new.append(span)
                    existing.add(key)
            if best.label_ == schema.LAB_TEST and not definition:
                _add_prefixed(doc, short, info[key], existing, new, info)
            if definition:
                variants[_number_variant(short_text)] = (best.label_, key)
        self._from_short_forms(doc, abbreviations, candidates, existing, redefined, new, info)
        # the tokens spelling a variant, found from token ids (no Token object per token)
        wanted = {get_string_id(text) for text in variants}
        tokens = [doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in wanted] if wanted else []
        for token in tokens:
            if token.text in variants:
                label, definition_key = variants[token.text]
                key = (token.idx, token.idx + len(token.text), label)
                if key not in existing:
                    span = doc.char_span(key[0], key[1], label=label)
                    set_span_value(span, "origin", "abbreviation")
                    new.append(span)
                    existing.add(key)
                    info[key] = {"long": info[definition_key]["long"], "definition": False}
                    if label == schema.LAB_TEST:
                        _add_prefixed(doc, span, info[key], existing, new, info)
        add_candidates(doc, new)
        not_cells = _cells_defined_otherwise(doc_chars, abbreviations)
        if not_cells:  # "subjective memory complaints (SMCs)": SMCs are no smooth muscle cells here
            doc.spans[schema.CANDIDATES_KEY] = [
                c for c in doc.spans[schema.CANDIDATES_KEY] if not (c.label_ == schema.CELL_TYPE and c.text in not_cells)
            ]
        if redefined:  # "percutaneous transluminal angioplasty (PTA)": PTA is no lab test here
            group = doc.spans[schema.CANDIDATES_KEY]
            doc.spans[schema.CANDIDATES_KEY] = [
                c for c in group
                if not (c.label_ == schema.LAB_TEST and c.text in redefined
                        and (span_value(c, "origin") or "").startswith("lexicon"))
            ]
        doc.user_data[USER_DATA_KEY] = info


    @staticmethod
    def _from_short_forms(doc: Doc, abbreviations: list, candidates: list, existing: set, redefined: set[str],
                          new: list, info: dict) -> None:
        """The other direction: an abbreviation the rules found to be a lab test somewhere
        ("serum TFF3", "PRA levels") makes its long form and its every occurrence lab tests,
        when no rule saw the long form ("Trefoil factor 3 (TFF3)" is an analyte nobody listed)."""
        tests = [c for c in candidates
                 if c.label_ == schema.LAB_TEST and (span_value(c, "origin") or "") != "abbreviation"]
        by_short: dict[str, list] = {}
        doc_chars = doc_text(doc)
        for short in abbreviations:
            long = long_form(short)
            short_text = doc_chars[short.start_char : short.end_char]
            if long is not None and not isinstance(long, str) and short_text not in redefined:
                by_short.setdefault(short_text, []).append(short)
        for text, shorts in by_short.items():
            if text.upper() in _not_analytes() or not any(_names_it(c, o) for o in shorts for c in tests):
                continue
            long = long_form(shorts[0])
            if _BEHAVIOUR.search(doc_chars[long.start_char : long.end_char]):
                continue  # "physical activity (PA) levels": a behaviour, however it is measured
            if any(min(c.end_char, long.end_char) > max(c.start_char, long.start_char) for c in candidates):
                continue  # the rules already read the long form (as a test or as something else)
            # the long form with the words before it that belong to a test's name ("plasma
            # [free fatty acid] (FFA)" -> "[plasma free fatty acid]"), as a dictionary name gets them
            wide = (doc[lab_test_start(doc, long.start)].idx, long.end_char)
            for piece in (wide, *((short.start_char, short.end_char) for short in shorts)):
                key = (*piece, schema.LAB_TEST)
                if piece is not wide:  # the normaliser gives the short forms the long form's analyte
                    info[key] = {"long": wide, "definition": False}
                if key in existing:
                    continue
                span = doc.char_span(piece[0], piece[1], label=schema.LAB_TEST)
                if span is not None:
                    set_span_value(span, "origin", "abbreviation")
                    new.append(span)
                    existing.add(key)


@lru_cache(maxsize=1)
def _not_analytes() -> frozenset[str]:
    """Abbreviations that are measured but are no lab tests (scheme: vital signs, imaging,
    scales): the ``NOT_ANALYTE`` word list of ``patterns/word_lists.jsonl``, upper-cased."""
    return frozenset(w.upper() for w in word_list("NOT_ANALYTE"))


_BEHAVIOUR = compile_regex(r"(?i)\b(?:physical\s+activity|exercise|sleep|smoking|adherence|quality\s+of\s+life|diet|intake)\b")
_SPECIMEN_PREFIX = compile_regex(r"(?i)^(?:serum|plasma|plasmatic|urinary|urine|blood|circulating|salivary)\s+$")


def _add_prefixed(doc: Doc, span, entry: dict, existing: set, new: list, info: dict) -> None:
    """A short form used with a name prefix ("peak GH", "postprandial TG") is a candidate with
    the prefix too; it keeps the long form's identity (the merge prefers the longer span)."""
    start = lab_test_start(doc, span.start)
    if start == span.start:
        return
    key = (doc[start].idx, span.end_char, schema.LAB_TEST)
    if key in existing:
        return
    wide = doc.char_span(key[0], key[1], label=schema.LAB_TEST)
    if wide is not None:
        set_span_value(wide, "origin", "abbreviation")
        new.append(wide)
        existing.add(key)
        info[key] = {"long": entry["long"], "definition": False}


def _names_it(candidate, occurrence) -> bool:
    """Whether a LAB_TEST candidate is the abbreviation itself, or it with a specimen word
    before it ("serum TFF3"); "HCV RNA" is a test, but it says nothing of what HCV is."""
    if candidate.end_char != occurrence.end_char or candidate.start_char > occurrence.start_char:
        return False
    prefix = doc_text(candidate.doc)[candidate.start_char : occurrence.start_char]
    return not prefix or bool(_SPECIMEN_PREFIX.match(prefix))


def _plain_long_form() -> bool:
    """Whether ``Span._.long_form`` is the plain extension scispaCy's detector registers (a
    default of ``None``, no getter or setter): then a span's value is kept in
    ``doc.user_data`` under spaCy's key, where it is read and written directly (spaCy's
    ``Underscore`` object per access cost a fifth of this component)."""
    from spacy.tokens import Span

    if not Span.has_extension("long_form"):
        return False
    default, method, getter, setter = Span.get_extension("long_form")
    return default is None and method is None and getter is None and setter is None


def long_form(span):
    """``span._.long_form``."""
    if _plain_long_form():
        return span.doc.user_data.get(("._.", "long_form", span.start_char, span.end_char))
    return span._.long_form


def set_long_form(span, value) -> None:
    """``span._.long_form = value``."""
    if _plain_long_form():
        span.doc.user_data[("._.", "long_form", span.start_char, span.end_char)] = value
    else:
        span._.long_form = value


def _serializable(abbreviation, text: str) -> dict:
    """scispaCy's ``make_short_form_serializable`` (the plain form of an abbreviation, and its
    ``long_form`` replaced by the long form's text), with the texts cut from the document's
    text instead of joined from its tokens."""
    long = long_form(abbreviation)
    long_text = text[long.start_char : long.end_char]
    set_long_form(abbreviation, long_text)
    return {
        "short_text": text[abbreviation.start_char : abbreviation.end_char],
        "short_start": abbreviation.start,
        "short_end": abbreviation.end,
        "long_text": long_text,
        "long_start": long.start,
        "long_end": long.end,
    }


def _detector_class():
    """scispaCy's detector with its two token ``Matcher`` calls replaced by direct searches.

    The results are scispaCy's, in the same order; only how they are found changes, because
    the matchers cost more than the rest of the component (measured on 300 abstracts):

    * candidates: the pattern ``( +any )`` makes the ``Matcher`` follow every open bracket to
      the end of the document, and ``filter_matches`` then drops every candidate longer than
      eight tokens inside the brackets. Here the pairs are listed from the token ids directly,
      in the ``Matcher``'s order (by closing bracket, then innermost opening bracket first), and
      only the ones ``filter_matches`` can keep (``tests/components`` checks the order against
      the ``Matcher``);
    * later occurrences of each short form: scispaCy adds one pattern per definition to a
      second ``Matcher`` for every document (each ``add`` validates the pattern, the costliest
      step of all); here each short form's token sequence is looked up in the token ids.
    """
    global _DETECTOR
    if _DETECTOR is None:
        from scispacy.abbreviation import AbbreviationDetector, filter_matches, find_abbreviation

        class FastAbbreviationDetector(AbbreviationDetector):
            def __call__(self, doc: Doc) -> Doc:
                matches_no_brackets = [(0, start + 1, end - 1) for start, end in bracket_pairs(doc)]
                occurences = self.find_matches_for(filter_matches(matches_no_brackets, doc), doc)
                found = doc._.abbreviations
                for long, short_forms in occurences:
                    for short in short_forms:
                        set_long_form(short, long)
                        found.append(short)
                return doc

            def find_matches_for(self, filtered, doc: Doc):
                # scispaCy's loop, with the global Matcher replaced by token-sequence lookup
                rules = {}
                all_occurences: dict = defaultdict(set)
                already_seen_long: set[str] = set()
                already_seen_short: set[str] = set()
                orths = None
                for long_candidate, short_candidate in filtered:
                    short, long = find_abbreviation(long_candidate, short_candidate)
                    new_long = long.text not in already_seen_long if long else False
                    new_short = short.text not in already_seen_short
                    if long is not None and new_long and new_short:
                        already_seen_long.add(long.text)
                        already_seen_short.add(short.text)
                        all_occurences[long].add(short)
                        rules[long.text] = (long, [t.orth for t in short])
                for long, sequence in rules.values():
                    if orths is None:
                        orths = doc.to_array(ORTH).tolist()
                    for start in _occurrences(orths, sequence):
                        all_occurences[long].add(doc[start : start + len(sequence)])
                return list(all_occurences.items())

        _DETECTOR = FastAbbreviationDetector
    return _DETECTOR


_DETECTOR = None
#: ``filter_matches`` ignores bracket pairs with more than this many tokens inside.
MAX_INSIDE = 8
#: The bracket pairs that enclose a short form after its long form.
BRACKETS = (("(", ")"), ("[", "]"))


def bracket_pairs(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every "( ... )" or "[ ... ]" token span with at least one token inside and
    at most :data:`MAX_INSIDE`, ordered as spaCy's ``Matcher`` orders the matches of
    ``[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]``: by end, then by start from the right.
    Square brackets define abbreviations too ("total cholesterol [TC]"), which scispaCy's
    pattern leaves out."""
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH)
    pairs = []
    for open_text, close_text in BRACKETS:
        opening, closing = strings.add(open_text), strings.add(close_text)
        opens = numpy.flatnonzero(orths == opening).tolist()
        if not opens:
            continue
        for j in numpy.flatnonzero(orths == closing).tolist():
            # openings i with j - MAX_INSIDE - 1 <= i <= j - 2, nearest first
            hi = bisect.bisect_right(opens, j - 2)
            lo = bisect.bisect_left(opens, j - MAX_INSIDE - 1)
            pairs.extend((opens[k], j + 1) for k in range(hi - 1, lo - 1, -1))
    pairs.sort(key=lambda pair: (pair[1], -pair[0]))
    return pairs


def _occurrences(orths: list[int], sequence: list[int]) -> list[int]:
    """Start indices of every occurrence of ``sequence`` in ``orths``."""
    first, n = sequence[0], len(sequence)
    out = []
    start = -1
    try:
        while True:
            start = orths.index(first, start + 1)
            if orths[start : start + n] == sequence:
                out.append(start)
    except ValueError:
        return out


def _number_variant(short: str) -> str:
    """"MSCs" <-> "MSC": the abbreviation in the other grammatical number."""
    return short[:-1] if short.endswith("s") and len(short) > 2 else short + "s"


def _defined_as_something_else(short: str, long: str) -> bool:
    """True when the text defines a lexicon lab-test abbreviation as another thing.

    "PSA" is prostate-specific antigen in the lexicon; "probabilistic sensitivity analysis
    (PSA)" defines it otherwise, so no occurrence of PSA in that abstract is a lab test. The
    long form agrees when it names the same analyte or contains a word of the analyte's name
    ("Serum-procalcitonin (PCT)").
    """
    analyte = analyte_of(short)
    if analyte is None or analyte_of(long) == analyte:
        return False
    low = long.lower()
    if analyte.lower() in low:
        return False
    # a word of the analyte's name or of any name the lexicon gives it ("NT-proBNP" is
    # "N-terminal pro-brain natriuretic peptide": "natriuretic" agrees)
    words = {w for name in (analyte, *_names_of(analyte)) for w in name.replace("-", " ").split()
             if len(w) > 3 and w not in _GENERIC_WORDS}
    return not any(w in low for w in words)


_GENERIC_WORDS = {"serum", "plasma", "blood", "level", "levels", "total", "count", "test", "ratio", "fasting"}

#: What the long form of a cell type's abbreviation names: cells of some kind.
#: What a long form may go on with after its cell name when the abbreviation names the
#: procedure, not the cells (the scheme: "MSCT = MSC transplantation" is no cell type).
_PROCEDURE_AFTER = compile_regex(
    r"(?i)^[\s-]*(?:therapy|therapies|transplant\w*|treatment|infusion|injection|implantation|grafting|engraftment)\b"
)
_CELL_WORDS = compile_regex(
    r"(?i)cells?\b|cyte|blast|phage|clast|islets?|\bNK\b|killer|lymph|\bT\b|\bB\b|progenitor|stem|platelets?"
    r"|(?-i:(?:MSC|MNC|SC|EPC)s?)\b"  # a cell product's own abbreviation: "umbilical cord MSCs (UC-MSCs)"
)


def _cells_defined_otherwise(text: str, abbreviations: list) -> set[str]:
    """Short forms the text defines with a long form that names no cells ("subjective memory
    complaints (SMCs)"): none of their occurrences is a CELL_TYPE in this text, whatever a cell
    lexicon says the letters stand for."""
    out = set()
    for short in abbreviations:
        long = long_form(short)
        if long is None or isinstance(long, str):
            continue
        if not _CELL_WORDS.search(text[long.start_char : long.end_char]):
            out.add(text[short.start_char : short.end_char])
    return out


@lru_cache(maxsize=1)
def _analyte_names() -> dict[str, list[str]]:
    names, _abbrevs = analyte_table()
    out: dict[str, list[str]] = {}
    for name, analyte in names.items():
        out.setdefault(analyte, []).append(name)
    return out


def _names_of(analyte: str) -> list[str]:
    return _analyte_names().get(analyte, [])


@Language.factory(
    "celltx_abbreviations",
    assigns=["doc.spans", "doc._.abbreviations", "span._.long_form", "span._.origin"],
    requires=["doc.spans"],
    default_config={},  # settings: config.cfg
)
def make_abbreviation_labels(nlp: Language, name: str, min_overlap: float) -> AbbreviationLabels:
    register_extensions()
    return AbbreviationLabels(nlp, name, min_overlap)
