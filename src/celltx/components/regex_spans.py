"""``celltx_regex``: regular-expression matcher for numeric mentions and compositional cell names.

Patterns are data: ``define`` rows name building blocks, pattern rows give a label and a regex.
``initialize`` reads ``patterns/numeric.jsonl`` unless the config gives other rows, and the rows
are saved with the pipeline (:mod:`celltx.components.patterns`). Regexes run on the
:mod:`celltx.textnorm` shadow of the text, so "−", "µ", "10⁶" and non-breaking spaces are
matched like their plain forms while offsets stay those of the original text. A match becomes a candidate span only if it falls on token
boundaries (the tokenizer is built so that mention edges are token edges).

The cell-name grammar (``patterns/cell_types.jsonl``) is compiled by
:mod:`celltx.normalize.cells` from the installed package and run here too when ``cell_grammar``
is on (it is not saved with the pipeline: the normaliser reads the same tables).

For speed, each pattern is tried only where a match can begin (:mod:`.anchors`: the positions
of the words and characters every match starts with, found once per text and shared by the
patterns that start alike), which gives exactly the matches of a scan over the whole text; and
on a text whose every character the standard library's ``re`` reads as the ``regex`` module
does, the patterns ``re`` runs alike are run by ``re``, which is faster (:mod:`.stdlib_twin`).
"""


import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_shadow, doc_text, register_extensions, set_span_value
from ..normalize import cells
from ..resources import read_jsonl_resource
from ..textnorm import shadow
from . import anchors, stdlib_twin
from .defines import builtin_defines, expand, guarded, guarded_defines
from .mirror import mirrored
from .patterns import PatternsMixin, Row

CONTEXT_CHARS = 30
#: The package's pattern files read by ``initialize`` when the config gives no patterns.
DEFAULT_FILES = ("numeric.jsonl",)


@dataclass(frozen=True)
class RegexPattern:
    label: str
    name: str
    pattern: regex.Pattern
    exclude_left: regex.Pattern | None
    exclude_right: regex.Pattern | None
    require_left: regex.Pattern | None = None
    require_right: regex.Pattern | None = None
    #: a cheap test on the whole text: the pattern runs only when it matches somewhere
    prefilter: regex.Pattern | None = None
    #: the canonical id a match carries (``span.id_``), e.g. an analyte ("total cholesterol")
    id: str | None = None
    #: what every match begins with (:mod:`.anchors`); ``None``: scanned whole
    atoms: anchors.StartAtoms | None = None
    #: whether the pattern has a ``span`` group (the part that becomes the span)
    has_span: bool = False
    #: the prefilter's start atoms (it is searched for only where it can match)
    prefilter_atoms: anchors.StartAtoms | None = None
    #: ``exclude_left``/``require_left`` written to run backwards on the reversed left context
    #: (:mod:`.mirror`: one attempt instead of a search), where they can be
    exclude_left_mirror: regex.Pattern | None = None
    require_left_mirror: regex.Pattern | None = None
    #: on safe texts, for a pattern without a twin: its relaxed ``re`` form, which must match
    #: where the pattern can (:func:`.stdlib_twin.relaxed`); start positions where it does not
    #: are passed over
    position_filter: re.Pattern | None = None


#: The keys a pattern row may have (a misspelt key is an error, never silently ignored).
PATTERN_KEYS = {"label", "name", "regex", "exclude_left", "exclude_right", "require_left", "require_right",
                "prefilter", "id", "comment"}
DEFINE_KEYS = {"define", "regex", "comment"}


def _check_row(row: Row, source: str) -> None:
    keys = DEFINE_KEYS if "define" in row else PATTERN_KEYS
    unknown = sorted(set(row) - keys)
    if unknown:
        raise ValueError(f"{source}: row {row.get('name') or row.get('define')!r} has unknown keys {unknown}")
    if "define" not in row and row.get("label") not in schema.LABELS:
        raise ValueError(f"{source}: row {row.get('name')!r} has unknown label {row.get('label')!r}")
    if "regex" not in row:
        raise ValueError(f"{source}: row {row.get('name') or row.get('define')!r} has no regex")


#: A pattern is tried only at its candidate positions unless they are denser than one in this
#: many characters; then a plain scan is cheaper (each candidate costs a call from Python).
MAX_CANDIDATE_DENSITY = 10


def occurs(pattern: regex.Pattern, positions: list[int] | None, view: str) -> bool:
    """``pattern.search(view) is not None``, tried only at ``positions`` (the start-atom
    positions, ``None`` if unknown) when that is cheaper."""
    if positions is not None and len(positions) * MAX_CANDIDATE_DENSITY <= len(view):
        match = pattern.match
        return any(match(view, pos) is not None for pos in positions)
    return pattern.search(view) is not None


def scan(pattern: regex.Pattern, positions: list[int] | None, view: str) -> list[regex.Match]:
    """``list(pattern.finditer(view))``, tried only at ``positions`` (the start-atom positions,
    ``None`` if unknown) when that is cheaper."""
    if positions is not None and len(positions) * MAX_CANDIDATE_DENSITY <= len(view):
        return anchors.finditer(pattern, view, positions)
    return list(pattern.finditer(view))


def compile_rows(rows: Iterable[Row], source: str = "patterns") -> list[RegexPattern]:
    """Compile ``define`` and pattern rows in order (raises ValueError naming the bad pattern)."""
    defines = guarded_defines(builtin_defines())
    compiled: list[RegexPattern] = []
    for row in rows:
        _check_row(row, source)
        if "define" in row:
            defines[row["define"]] = guarded(expand(row["regex"], defines))
            continue
        try:
            pattern = compile_regex(expand(row["regex"], defines))
            left = compile_regex(expand(row["exclude_left"], defines)) if row.get("exclude_left") else None
            right = compile_regex(expand(row["exclude_right"], defines)) if row.get("exclude_right") else None
            need_left = compile_regex(expand(row["require_left"], defines)) if row.get("require_left") else None
            need_right = compile_regex(expand(row["require_right"], defines)) if row.get("require_right") else None
            prefilter = compile_regex(row["prefilter"]) if row.get("prefilter") else None
        except regex.error as err:
            raise ValueError(f"{source}: pattern {row.get('name')!r} does not compile: {err}") from err
        compiled.append(
            RegexPattern(row["label"], row.get("name", ""), pattern, left, right, need_left, need_right, prefilter,
                         row.get("id"), anchors.start_atoms(pattern.pattern, pattern.flags),
                         "span" in pattern.groupindex,
                         anchors.start_atoms(prefilter.pattern, prefilter.flags) if prefilter is not None else None,
                         mirrored(left) if left is not None else None,
                         mirrored(need_left) if need_left is not None else None)
        )
    return compiled


def _with_twins(pat: RegexPattern) -> RegexPattern:
    """``pat`` with each regex replaced by its ``re`` twin where it has one (:mod:`.stdlib_twin`;
    the pattern itself is tried at start positions and scanned with ``finditer``: its twin must
    not match the empty string)."""

    def twin(p: regex.Pattern | None, nonempty: bool = False, names: frozenset[str] = frozenset()):
        return None if p is None else stdlib_twin.twin(p, nonempty, names) or p

    # of a match, find reads its span and the span of the group "span"; of the context
    # patterns, only whether they match
    pattern = twin(pat.pattern, True, SPAN_GROUP)
    # (a left context with a mirror is not searched for: no twin needed)
    return replace(
        pat, pattern=pattern,
        exclude_left=twin(pat.exclude_left) if pat.exclude_left_mirror is None else pat.exclude_left,
        exclude_right=twin(pat.exclude_right),
        require_left=twin(pat.require_left) if pat.require_left_mirror is None else pat.require_left,
        require_right=twin(pat.require_right), prefilter=twin(pat.prefilter),
        position_filter=stdlib_twin.relaxed(pat.pattern) if pattern is pat.pattern else None,
    )


#: The one group of a pattern ``find`` reads.
SPAN_GROUP = frozenset({"span"})


def add_candidates(doc: Doc, spans: Iterable[Span]) -> None:
    """Append spans to the candidates group (created on first use)."""
    if schema.CANDIDATES_KEY not in doc.spans:
        doc.spans[schema.CANDIDATES_KEY] = []
    group = doc.spans[schema.CANDIDATES_KEY]
    for span in spans:
        group.append(span)


class RegexSpans(PatternsMixin):
    def __init__(self, nlp: Language, name: str, cell_grammar: bool, labels: list[str] | None):
        self.name = name
        self.keep_labels = set(labels) if labels else None
        self.compiled: list[RegexPattern] = []
        self._grammar_atoms: anchors.StartAtoms | None = None
        self.atom_index = anchors.AtomIndex([])
        #: the patterns with their ``re`` twins (:mod:`.stdlib_twin`), for safe texts
        self._twinned: list[RegexPattern | None] = []
        self._twinned_for: list[RegexPattern] | None = None
        self._grammar_twin: tuple[regex.Pattern, regex.Pattern] | None = None
        self.cell_grammar = cell_grammar and (self.keep_labels is None or schema.CELL_TYPE in self.keep_labels)
        if self.cell_grammar:
            cells.tables()

    def default_patterns(self) -> list[Row]:
        return [dict(row) for name in DEFAULT_FILES for row in read_jsonl_resource(name)]

    def _compile(self, rows: list[Row]) -> None:
        self.compiled = [p for p in compile_rows(rows, self.name) if self.keep_labels is None or p.label in self.keep_labels]
        self._grammar_atoms = None
        if self.cell_grammar:
            grammar = cells.tables().grammar
            self._grammar_atoms = anchors.start_atoms(grammar.pattern, grammar.flags)
        self.atom_index = anchors.AtomIndex(
            [p.atoms for p in self.compiled] + [p.prefilter_atoms for p in self.compiled] + [self._grammar_atoms]
        )
        # the twins (parsing every pattern again for re: kept in the compile cache)
        self._twinned, self._twinned_for = [_with_twins(p) for p in self.compiled], self.compiled
        self._grammar_twin = None
        if self.cell_grammar:
            self._grammar(safe=True)

    def _twin(self, i: int) -> RegexPattern:
        twinned = self._twinned[i]
        if twinned is None:
            twinned = self._twinned[i] = _with_twins(self.compiled[i])
        return twinned

    def _grammar(self, safe: bool) -> regex.Pattern:
        grammar = cells.tables().grammar
        if not safe:
            return grammar
        if self._grammar_twin is None or self._grammar_twin[0] is not grammar:
            self._grammar_twin = (grammar, stdlib_twin.twin(grammar, nonempty=True, names=frozenset()) or grammar)
        return self._grammar_twin[1]

    def find(self, text: str, view: str | None = None) -> list[tuple[int, int, str, str]]:
        """All (start, end, label, pattern name) matches in ``text`` (``view``: its shadow, if
        already built)."""
        view = shadow(text) if view is None else view
        safe = stdlib_twin.text_is_safe(view)
        candidates = anchors.Candidates(view, self.atom_index, safe)
        found: list[tuple[int, int, str, str]] = []
        if safe and self._twinned_for is not self.compiled:  # compiled was replaced: twin it again
            self._twinned, self._twinned_for = [None] * len(self.compiled), self.compiled
        for i, pat in enumerate(self.compiled):
            if safe:
                pat = self._twinned[i] or self._twin(i)
            # the pattern runs only where its prefilter occurs and where a match can start;
            # the cheaper test first: a prefilter with start atoms (a few words), then the
            # pattern's own start atoms, then a prefilter that must be searched for in full
            prefilter_first = pat.prefilter is not None and pat.prefilter_atoms is not None
            if prefilter_first and not occurs(pat.prefilter, candidates.of(pat.prefilter_atoms), view):
                continue
            positions = candidates.of(pat.atoms) if pat.atoms is not None else None
            if positions == []:
                continue  # no match can start anywhere
            if pat.prefilter is not None and not prefilter_first and not pat.prefilter.search(view):
                continue
            if pat.position_filter is not None and positions is not None:
                match = pat.position_filter.match
                positions = [pos for pos in positions if match(view, pos)]
            for m in scan(pat.pattern, positions, view):
                start, end = m.span("span") if pat.has_span and m.start("span") >= 0 else m.span()
                if start == end:
                    continue
                if pat.exclude_left_mirror is not None:
                    if pat.exclude_left_mirror.match(view[max(0, m.start() - CONTEXT_CHARS) : m.start()][::-1]):
                        continue
                elif pat.exclude_left and pat.exclude_left.search(view[max(0, m.start() - CONTEXT_CHARS) : m.start()]):
                    continue
                if pat.exclude_right and pat.exclude_right.search(view[m.end() : m.end() + CONTEXT_CHARS]):
                    continue
                if pat.require_left_mirror is not None:
                    if not pat.require_left_mirror.match(view[max(0, m.start() - CONTEXT_CHARS) : m.start()][::-1]):
                        continue
                elif pat.require_left and not pat.require_left.search(view[max(0, m.start() - CONTEXT_CHARS) : m.start()]):
                    continue
                if pat.require_right and not pat.require_right.search(view[m.end() : m.end() + CONTEXT_CHARS]):
                    continue
                found.append((start, end, pat.label, pat.name))
        if self.cell_grammar:
            atoms = self._grammar_atoms
            for m in scan(self._grammar(safe), candidates.of(atoms) if atoms is not None else None, view):
                found.append((m.start(), m.end(), schema.CELL_TYPE, "cell_grammar"))
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.require_patterns()
        new = []
        ids = {p.name: p.id for p in self.compiled if p.id}
        for start, end, label, pname in self.find(doc_text(doc), doc_shadow(doc)):
            span = doc.char_span(start, end, label=label, alignment_mode="strict", span_id=ids.get(pname, ""))
            if span is None:
                continue
            set_span_value(span, "origin", f"regex:{pname}")
            new.append(span)
        add_candidates(doc, new)
        return doc


@Language.factory(
    "celltx_regex",
    assigns=["doc.spans", "span._.origin"],
    requires=[],
    default_config={},  # settings: config.cfg; patterns: initialize / to_disk / from_disk
)
def make_regex_spans(nlp: Language, name: str, cell_grammar: bool, labels: list[str] | None) -> RegexSpans:
    register_extensions()
    return RegexSpans(nlp, name, cell_grammar, labels)
