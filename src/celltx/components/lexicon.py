"""``celltx_lexicon``: dictionary matching of cell types, lab tests and routes.

A thin layer over spaCy's own ``SpanRuler`` (phrase patterns match on NORM, which is LOWER
except where the tokenizer gives a word its shadow spelling; token patterns as written). Its patterns are SpanRuler rows (``label``, ``pattern``, ``id``) set by
``initialize`` (by default ``patterns/lab_tests.jsonl``, ``patterns/lab_tests_loinc.jsonl``,
``patterns/routes.jsonl`` and the
generated Cell Ontology lexicon ``patterns/cl_lexicon.jsonl`` with the ``name`` rows of
``patterns/cell_types.jsonl``, as :func:`celltx.normalize.cells.tables` joins them) and saved with the pipeline
(:mod:`celltx.components.patterns`).
Each match carries its canonical id in ``span.id_`` (route code, analyte, CL id), which the
normaliser reads. Two things the plain ruler cannot do are added here: optional name prefixes
that belong to a lab test ("serum", "plasma", "fasting") and an adjacent word that makes one name
with it ("score(s)", "count(s)", "excretion"); both lists are in ``patterns/word_lists.jsonl``.
"""


import re
from functools import lru_cache

import regex
from spacy.attrs import LOWER, NORM, ORTH
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_shadow, doc_text, register_extensions, set_span_value
from ..normalize import cells
from ..normalize.labs import LAB_LEXICONS
from ..resources import read_jsonl_resource
from .defines import word_list
from .patterns import PatternsMixin, Row
from .regex_spans import add_candidates

#: Word lists of ``patterns/word_lists.jsonl`` (one place per list): words before a lab test's
#: name that belong to it, words after it that make one name with it, sampling-time units.
LAB_PREFIXES = frozenset(w.lower() for w in word_list("LAB_NAME_PREFIX"))
TAKES_NEXT = frozenset(word_list("LAB_NAME_TAKES_NEXT"))
TAKES_NEXT_PHRASES = tuple(tuple(p.lower().split()) for p in word_list("LAB_NAME_TAKES_NEXT_PHRASE"))
#: Other written forms of the phrase patterns (British spellings, "interferon γ" for "interferon-γ",
#: route adverbs), as rules over the lower-cased pattern.
SPELLING_FILE = "spelling_variants.jsonl"
SPELLING_KEYS = {"match", "replace", "label", "comment"}


@lru_cache(maxsize=1)
def spelling_rules() -> tuple[tuple[regex.Pattern, str, str | None], ...]:
    """(regex over a lower-cased phrase, replacement, label or None for any) from
    ``patterns/spelling_variants.jsonl``; a row with another key or without both is an error
    naming it."""
    rules = []
    for number, row in enumerate(read_jsonl_resource(SPELLING_FILE), start=1):
        if set(row) - SPELLING_KEYS or not {"match", "replace"} <= set(row) or row.get("label", "CELL_TYPE") not in schema.LABELS:
            raise ValueError(f"{SPELLING_FILE} row {number}: keys must be match, replace (label, comment) with a known label; got {row}")
        rules.append((compile_regex(row["match"]), row["replace"], row.get("label")))
    return tuple(rules)


def spelling_variants(phrase: str, label: str | None = None) -> list[str]:
    """The other written forms of ``phrase`` (lower case), a pattern of ``label``, by the rules
    of :func:`spelling_rules`, each applied or not ("tumor necrosis factor-α" -> "tumour
    necrosis factor-α", "tumor necrosis factor α", "tumour necrosis factor α"): the lexicon adds
    each as a pattern of the same label and id, so a name is found however it is written."""
    found = {phrase}
    for pattern, replacement, only in spelling_rules():
        if only is None or only == label:
            found |= {pattern.sub(replacement, variant) for variant in found}
    found.discard(phrase)
    return sorted(found)


#: The package's pattern files read by ``initialize`` when the config gives no patterns.
DEFAULT_FILES = (*LAB_LEXICONS, "routes.jsonl")
TMP_KEY = "celltx_lexicon_tmp"


def _takes_next_word(name: str, word: str) -> bool:
    """Whether a lab test's name goes on with ``word``: "MELD [score]", "WBC [count]",
    "sodium [excretion]" -- unless the name already ends with such a word."""
    return word in TAKES_NEXT and not name.endswith(tuple(TAKES_NEXT) + ("score",))


def _next_phrase_end(doc: Doc, end: int) -> int:
    """``end`` moved past a phrase that makes one name with the test before it ("C-peptide
    [area under the curve]"), or ``end`` when none follows."""
    for phrase in TAKES_NEXT_PHRASES:
        words = [t.lower_ for t in doc[end : end + len(phrase)]]
        if tuple(words) == phrase:
            return end + len(phrase)
    return end


#: Ionic charges glued to an analyte ("[HCO3−]", "[Na+]", "[Ca2+]"): part of its name.
CHARGES = {"+", "++", "2+", "3+", "−", "2−", "3−"}


def _with_charge(doc: Doc, end: int) -> int:
    """``end`` moved past a charge sign written without a space after the name and followed
    by a space or punctuation (not a hyphenated word: "ALT-lowering"). An ASCII "-" counts only
    after a formula ending in a digit ("HCO3-")."""
    if end >= len(doc) or doc[end - 1].whitespace_:
        return end
    sign = doc[end].text
    glued_word = end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].is_alpha
    if glued_word:
        return end
    if sign in CHARGES or (sign == "-" and doc[end - 1].text[-1:].isdigit()):
        return end + 1
    return end


#: Time units of a sampling time written before a test ("120 min plasma insulin").
SAMPLING_UNITS = frozenset(word_list("SAMPLING_TIME_UNIT"))


def _sampling_time_start(doc: Doc, start: int) -> int:
    """Where a LAB_TEST starts when a sampling time precedes it: "[60 min plasma insulin]",
    "[120 min of NEFA]", "[2 h postmeal plasma glucose]", "[24-hour urinary sodium]" (the time
    names which test it is)."""
    words = [t for t in doc[max(0, start - 6) : start] if not t.is_space]  # "120\u00a0min"
    if words and words[-1].lower_ == "of":
        words.pop()
    if words:  # one token "24-hour", "2-h"
        number, dash, unit = words[-1].lower_.partition("-")
        if dash and unit in SAMPLING_UNITS and number.replace(".", "", 1).isdigit():
            return words[-1].i
    if len(words) >= 2 and words[-1].lower_ in SAMPLING_UNITS and words[-2].like_num:
        return words[-2].i
    return start


def lab_test_start(doc: Doc, start: int) -> int:
    """Where a lab test named at token ``start`` begins once the words that belong to its name
    are taken in: up to two prefixes ("[postprandial plasma glucose]", "[peak GH]") and a
    sampling time ("[120 min plasma insulin]"). Used for dictionary names and for the
    abbreviations a text defines."""
    for _ in range(2):
        if start > 0 and doc[start - 1].lower_ in LAB_PREFIXES:
            start -= 1
    return _sampling_time_start(doc, start)


def default_patterns() -> list[Row]:
    """SpanRuler rows from the package's lexicons (lab tests, routes, Cell Ontology names)."""
    patterns = []
    for file in DEFAULT_FILES:
        for row in read_jsonl_resource(file):
            pattern = {"label": row["label"], "pattern": row["pattern"]}
            if row.get("id"):
                pattern["id"] = row["id"]
            patterns.append(pattern)
    for text, cl_id in cells.tables().lexicon.items():  # the CL lexicon and the curated names
        patterns.append({"label": schema.CELL_TYPE, "pattern": text, "id": cl_id})
    return patterns


#: How many strings a :class:`FirstTokenGate` remembers its verdict on.
MAX_VERDICTS = 500_000


class FirstTokenGate:
    """Does a document hold a token that can start one of these token patterns?

    Why: spaCy's token ``Matcher`` costs ~0.4 ms an abstract even for two patterns (it tests
    every token against the first pattern token, a regex here), and the patterns match in a
    few abstracts only. A document none of whose tokens satisfies any pattern's first token
    cannot match, so the ``Matcher`` is skipped there: same matches, found only where possible.
    The first token is tested from the document's distinct token strings, with the
    ``Matcher``'s own semantics (``REGEX`` is ``re.search``); a first token the gate cannot read
    (an operator such as ``"OP": "?"``, other attributes) makes it always run the ``Matcher``.
    """

    ATTRS = {"TEXT": ORTH, "ORTH": ORTH, "LOWER": LOWER}

    def __init__(self, patterns: list[list[dict]]) -> None:
        #: per attribute id: exact values, and regexes
        self.values: dict[int, set[str]] = {ORTH: set(), LOWER: set()}
        self.regexes: dict[int, list[re.Pattern]] = {ORTH: [], LOWER: []}
        #: per attribute: the ids of the strings already looked at, and of those that can
        #: start a pattern
        self._known: dict[int, set[int]] = {}
        self._matching: dict[int, set[int]] = {}
        self.always = False
        for pattern in patterns:
            first = pattern[0] if pattern else {}
            if len(first) != 1 or next(iter(first)) not in self.ATTRS:
                self.always = True  # "OP", several attributes, other attributes
                continue
            key, value = next(iter(first.items()))
            attr = self.ATTRS[key]
            if isinstance(value, str):
                self.values[attr].add(value)
            elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
                self.values[attr].update(value["IN"])
            elif isinstance(value, dict) and list(value) == ["REGEX"] and isinstance(value["REGEX"], str):
                self.regexes[attr].append(re.compile(value["REGEX"]))
            else:
                self.always = True

    def __call__(self, doc: Doc) -> bool:
        if self.always:
            return True
        strings = doc.vocab.strings
        for attr in (ORTH, LOWER):
            values, regexes = self.values[attr], self.regexes[attr]
            if not values and not regexes:
                continue
            # the verdict on each string is kept (by its id): the words of a document are
            # mostly words of earlier ones, and a regex per word and document cost more than
            # the rest of the gate; known and matching ids are sets, compared in one step
            known, matching = self._known.setdefault(attr, set()), self._matching.setdefault(attr, set())
            if len(known) > MAX_VERDICTS:  # a bound for very long runs (numbers are words too)
                known.clear()
                matching.clear()
            ids = set(doc.to_array(attr).tolist())
            if not matching.isdisjoint(ids):
                return True
            new = ids - known
            if new:
                known |= new
                hits = {key for key in new
                        if strings[key] in values or any(rx.search(strings[key]) for rx in regexes)}
                if hits:
                    matching |= hits
                    return True
        return False


class Lexicon(PatternsMixin):
    def __init__(self, nlp: Language, name: str, labels: list[str] | None) -> None:
        self.name = name
        self.nlp = nlp
        self.keep_labels = set(labels) if labels else None
        self.ruler = self._new_ruler()
        #: token patterns have a ruler of their own, run only on documents that hold a token
        #: their first token can match (:class:`FirstTokenGate`)
        self.token_ruler = self._new_ruler()
        self.token_gate: FirstTokenGate | None = None
        #: one-token exact-case patterns ({"TEXT": "ALT"}), looked up per token: spaCy's token
        #: Matcher would evaluate every one of them on every token
        self.single: dict[str, list[tuple[str, str]]] = {}
        self._single_ids: dict[int, str] = {}

    def _new_ruler(self) -> SpanRuler:
        return SpanRuler(self.nlp, name=f"{self.name}_ruler", spans_key=TMP_KEY,
                         phrase_matcher_attr="NORM", validate=False, overwrite=True)

    def default_patterns(self) -> list[Row]:
        return default_patterns()

    def _compile(self, rows: list[Row]) -> None:
        self.ruler = self._new_ruler()
        self.token_ruler = self._new_ruler()
        self.single = {}
        kept, token_rows = [], []
        for row in rows:
            if self.keep_labels is not None and row["label"] not in self.keep_labels:
                continue
            pattern = row["pattern"]
            if (isinstance(pattern, list) and len(pattern) == 1 and list(pattern[0]) == ["TEXT"]
                    and isinstance(pattern[0]["TEXT"], str)):
                entry = (row["label"], row.get("id", ""))
                if entry not in self.single.setdefault(pattern[0]["TEXT"], []):
                    self.single[pattern[0]["TEXT"]].append(entry)
            elif isinstance(pattern, list):
                token_rows.append(row)
            else:
                kept.append(row)
                kept.extend({**row, "pattern": variant} for variant in spelling_variants(pattern.lower(), row["label"]))
        # SpanRuler tokenises phrase patterns with nlp.pipe(), running the components before
        # it; this ruler is not itself in the pipeline, so switch them all off: the phrase
        # matcher compares NORM, which only the tokenizer sets
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            self.ruler.add_patterns(kept)
            self.token_ruler.add_patterns(token_rows)
        self.token_gate = FirstTokenGate([row["pattern"] for row in token_rows]) if token_rows else None
        self._single_ids = {self.nlp.vocab.strings.add(t): t for t in self.single}

    def _matches(self, doc: Doc) -> list[Span]:
        """What one ``SpanRuler`` holding every pattern would find (sorted, deduplicated)."""
        doc = self.ruler(doc)
        found = set(doc.spans[TMP_KEY])
        if self.token_gate is not None and self.token_gate(doc):
            doc = self.token_ruler(doc)
            found.update(doc.spans[TMP_KEY])
        del doc.spans[TMP_KEY]
        return sorted(found)

    @staticmethod
    def _orths(doc: Doc) -> list[int]:
        """Each token's ORTH, or its shadow spelling's where the tokenizer set one ("LDL‐C")."""
        orths = doc.to_array(ORTH).tolist()
        norms, lowers = doc.to_array(NORM).tolist(), doc.to_array(LOWER).tolist()
        if norms != lowers:
            view, strings = doc_shadow(doc), doc.vocab.strings
            for i, (norm, lower) in enumerate(zip(norms, lowers)):
                if norm != lower:
                    token = doc[i]
                    orths[i] = strings.add(view[token.idx : token.idx + len(token)])
        return orths

    def __call__(self, doc: Doc) -> Doc:
        self.require_patterns()
        found = self._matches(doc)
        if self.single:
            # token ids, not Token objects: creating one per token cost more than the lookup
            single, ids = self.single, self._single_ids
            for i, orth in enumerate(self._orths(doc)):
                if orth not in ids:
                    continue
                for label, span_id in single[ids[orth]]:
                    found.append(Span(doc, i, i + 1, label=label, span_id=span_id))
        out = []
        text = doc_text(doc)
        for span in found:
            start, end = span.start, span.end
            span_id = span.id_
            if span.label_ == schema.CELL_TYPE:
                extra = cells.left_extension(text[max(0, span.start_char - 60) : span.start_char])
                if extra:
                    widened = doc.char_span(span.start_char - extra, span.end_char)
                    if widened is not None:
                        start = widened.start  # (normalised from its own words first, see normalise_span)
            if span.label_ == schema.LAB_TEST:
                start = lab_test_start(doc, start)
                if end < len(doc) and _takes_next_word(span.text.lower(), doc[end].lower_):
                    end += 1
                end = _next_phrase_end(doc, end)
                end = _with_charge(doc, end)
            new = doc[start:end]
            new = new.doc[new.start:new.end]
            new_span = doc.char_span(new.start_char, new.end_char, label=span.label_, span_id=span_id)
            set_span_value(new_span, "origin", "lexicon")
            out.append(new_span)
        add_candidates(doc, out)
        return doc


@Language.factory(
    "celltx_lexicon",
    assigns=["doc.spans", "span._.origin"],
    requires=[],
    default_config={},  # settings: config.cfg; patterns: initialize / to_disk / from_disk
)
def make_lexicon(nlp: Language, name: str, labels: list[str] | None) -> Lexicon:
    register_extensions()
    return Lexicon(nlp, name, labels)
