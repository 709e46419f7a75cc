"""``celltx_merge``: turn overlapping candidates into the final span group.

Policy (configurable, in ``config.cfg``):

* within a label, overlapping candidates are resolved greedily: longest first, then by
  origin priority (``priority``, earlier wins), then leftmost; spans of one label never
  overlap in the output, as the scheme requires;
* across labels, ``suppress`` drops a span of label X when it lies inside a span of one of the
  labels listed for X (a TIME_POINT inside "[once per 4 week]" is part of the FREQUENCY; a
  number inside a DOSE is not a LAB_VALUE); when two labels suppress each other and their
  spans are the same characters ("2.5 ng/mL" is a lab unit and a drug-concentration unit),
  ``anchors`` decides: a label whose anchor label is in the same sentence wins (a LAB_VALUE
  with a LAB_TEST nearby); without its anchor the other span is kept only when it comes from
  one of the ``confident`` patterns (which read their context) or when a label of its ``cues``
  stands in the sentence (a DOSE with a ROUTE or FREQUENCY beside it), else neither;
* exclusions drop candidates in contexts that are never mentions ("Stem Cell Technology
  Company"): the component's patterns, by default ``patterns/exclusions.jsonl``, set by
  ``initialize`` and saved with the pipeline (:mod:`celltx.components.patterns`); their
  regexes may name building blocks such as ``{NOT_ANALYTE}`` (:mod:`celltx.components.defines`);
* a substance the text gives (an exclusion row with ``"given": true`` fired on one of its
  mentions: "intervention with selenium", "400 IU of vitamin D") is a product in the whole
  document: its other bare mentions ("selenium was well tolerated") are no LAB_TESTs either,
  unless a measurement cue stands beside them (``MEASURED_BEFORE``/``MEASURED_AFTER`` in
  ``patterns/word_lists.jsonl``: "serum selenium", "selenium levels", a value in a lab unit);
* an exclusion row may also require something of the whole text (``document``: a regex the
  abstract must contain): "D3" is day 3 in most abstracts but vitamin D3 in one about vitamin D,
  which a 30-character window cannot tell;
* ``labels`` restricts the output (used by the dictionary-only and regex-only baselines).
"""


import bisect

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_shadow, register_extensions, span_value
from ..resources import read_jsonl_resource
from .defines import builtin_defines, expand
from .mirror import mirrored
from .patterns import PatternsMixin, Row

CONTEXT_CHARS = 120  # exclusions are anchored at the span edge; this is how far they may look
#: The package's exclusion file read by ``initialize`` when the config gives no patterns.
DEFAULT_FILE = "exclusions.jsonl"


class Merge(PatternsMixin):
    def __init__(
        self,
        nlp: Language,
        name: str,
        priority: list[str],
        suppress: dict[str, list[str]],
        labels: list[str] | None,
        anchors: dict[str, str] | None = None,
        confident: list[str] | None = None,
        cues: dict[str, list[str]] | None = None,
    ) -> None:
        self.name = name
        self.priority = priority
        self.suppress = suppress
        self.anchors = anchors or {}
        self.confident = set(confident or [])
        self.cues = {label: list(others) for label, others in (cues or {}).items()}
        self.keep_labels = set(labels) if labels else None
        self.exclusions: list[tuple[str, regex.Pattern | None, regex.Pattern | None, regex.Pattern | None, bool, bool,
                                    regex.Pattern | None]] = []
        #: the same rules by label (a candidate is only tested against the rules of its label)
        self.exclusions_by_label: dict[str, list[tuple[regex.Pattern | None, tuple[regex.Pattern, regex.Pattern | None] | None,
                                                      regex.Pattern | None, bool, bool, regex.Pattern | None]]] = {}

    def default_patterns(self) -> list[Row]:
        return [dict(row) for row in read_jsonl_resource(DEFAULT_FILE)]

    def _compile(self, rows: list[Row]) -> None:
        defines = builtin_defines()
        # a row may name several labels ("label": ["LAB_VALUE", "DOSE"]): one context, written once
        self.exclusions = [
            _compile_exclusion({**row, "label": label}, number, defines)
            for number, row in enumerate(rows, start=1)
            for label in (row["label"] if isinstance(row.get("label"), list) else [row.get("label")])
        ]
        self.exclusions_by_label = {}
        for label, text, left, right, coordinated, gives, document in self.exclusions:
            # a left context that must end where the candidate starts is read backwards, in
            # one attempt (:mod:`.mirror`): (left, its mirror or None); else it is searched for
            self.exclusions_by_label.setdefault(label, []).append(
                (text, (left, mirrored(left)) if left is not None else None, right, coordinated, gives, document))
        self.gated_by_label = {label: _gated(rules) for label, rules in self.exclusions_by_label.items()}
        self.measured = _measured_cues(defines)
        #: a sentence that reports drug levels: its routes are no cue that an amount is a dose
        self.cue_blocker = compile_regex(rf"(?<![\w-])(?:{defines['PK_MEASURE']})(?![\w-])")

    def _excluded(self, view: str, span: Span, in_document: dict[regex.Pattern, bool]) -> tuple[int, bool]:
        """(0: kept; 1: excluded; 2: excluded by a ``coordinated`` row, whose verdict also holds
        for the items listed with it, see :func:`_spread`; whether a ``given`` row fired).
        ``in_document`` caches, per ``document`` regex, whether this text contains it."""
        groups = self.gated_by_label.get(span.label_, ())
        if not groups:
            return 0, False
        start, end = span.start_char, span.end_char  # the strings, cut once per span
        inside, before, after = view[start:end], view[max(0, start - CONTEXT_CHARS) : start], view[end : end + CONTEXT_CHARS]
        backwards = before[::-1]
        verdict, given = 0, False
        for where, gate, rules in groups:
            if gate is not None:
                if where == _BACKWARDS:
                    if gate.match(backwards) is None:
                        continue
                elif gate.search(inside if where == _INSIDE else before if where == _BEFORE else after) is None:
                    continue
            for text, left, right, coordinated, gives, document in rules:
                if text is not None and not text.search(inside):
                    continue
                if document is not None:
                    found = in_document.get(document)
                    if found is None:
                        found = in_document[document] = document.search(view) is not None
                    if not found:
                        continue
                if left is not None:
                    mirror = left[1]
                    if mirror is not None:
                        if mirror.match(backwards) is None:
                            continue
                    elif not left[0].search(before):
                        continue
                if right is not None and not right.search(after):
                    continue
                given = given or gives
                verdict = 2 if coordinated else max(verdict, 1)
        return verdict, given

    def _rank(self, span: Span) -> int:
        origin = (span_value(span, "origin") or "").split(":")[0]
        return self.priority.index(origin) if origin in self.priority else len(self.priority)

    def __call__(self, doc: Doc) -> Doc:
        self.require_patterns()
        candidates = list(doc.spans.get(schema.CANDIDATES_KEY, []))
        if self.keep_labels is not None:
            candidates = [c for c in candidates if c.label_ in self.keep_labels]
        if self.exclusions:
            view = doc_shadow(doc)
            verdicts: dict[tuple[str, int, int], int] = {}  # the same span from several origins: tested once
            given: set[str] = set()  # substances the text gives (see the module docstring)
            in_document: dict[regex.Pattern, bool] = {}
            for c in candidates:
                key = (c.label_, c.start_char, c.end_char)
                if key not in verdicts:
                    verdicts[key], gives = self._excluded(view, c, in_document)
                    if gives:
                        given.add(_substance(c))
            _spread(view, verdicts)
            if given:
                for c in candidates:
                    key = (c.label_, c.start_char, c.end_char)
                    if c.label_ == schema.LAB_TEST and not verdicts[key] and _substance(c) in given:
                        before = view[max(0, c.start_char - CONTEXT_CHARS) : c.start_char]
                        inside, after = view[c.start_char : c.end_char], view[c.end_char : c.end_char + CONTEXT_CHARS]
                        if not (self.measured[0].search(before) or self.measured[2].match(inside)
                                or self.measured[1].search(after)):
                            verdicts[key] = 1
            candidates = [c for c in candidates if not verdicts[(c.label_, c.start_char, c.end_char)]]
        by_label: dict[str, list[Span]] = {}
        for cand in candidates:
            by_label.setdefault(cand.label_, []).append(cand)
        # per label: greedy, longest first; kept intervals stay sorted and disjoint, so each
        # overlap test is two neighbour comparisons (bisect), not a scan of everything kept
        kept_by_label: dict[str, tuple[list[int], list[Span]]] = {}
        for label, spans in by_label.items():
            spans.sort(key=lambda s: (-(s.end_char - s.start_char), self._rank(s), s.start_char))
            starts: list[int] = []
            taken: list[Span] = []
            for span in spans:
                i = bisect.bisect_left(starts, span.start_char)
                if i > 0 and taken[i - 1].end_char > span.start_char:
                    continue
                if i < len(taken) and taken[i].start_char < span.end_char:
                    continue
                starts.insert(i, span.start_char)
                taken.insert(i, span)
            kept_by_label[label] = (starts, taken)

        def cued(span: Span) -> bool:
            """Whether a kept span of one of ``span``'s cue labels lies in its sentence, and the
            sentence is no report of drug levels ("Cmax ... intranasal morphine (26.2 ng/mL)")."""
            if not self.cues.get(span.label_) or not in_sentence(span, self.cues[span.label_]):
                return False
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            return self.cue_blocker.search(doc_shadow(doc), sent.start_char, sent.end_char) is None

        def in_sentence(span: Span, labels: list[str]) -> bool:
            """Whether a kept span of one of ``labels`` lies in ``span``'s sentence."""
            if not labels:
                return False
            sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
            return any(sent.start_char <= a.start_char and a.end_char <= sent.end_char
                       for label in labels for a in kept_by_label.get(label, ([], []))[1])

        def anchored(span: Span, label: str) -> bool:
            """Whether a kept span of ``self.anchors[label]`` lies in ``span``'s sentence."""
            return in_sentence(span, [self.anchors[label]] if label in self.anchors else [])

        def covered(span: Span, label: str) -> bool:
            starts, taken = kept_by_label.get(label, ([], []))
            i = bisect.bisect_right(starts, span.start_char) - 1
            if i < 0 or taken[i].end_char < span.end_char:
                return False
            other = taken[i]
            same = (other.start_char, other.end_char) == (span.start_char, span.end_char)
            if same and span.label_ in self.suppress.get(label, []) and (span.label_ in self.anchors or label in self.anchors):
                # the anchored label wins; with no anchor in the sentence the other wins when
                # its pattern read the context ("0.9% normal saline") or one of its cues stands
                # in the sentence (a route: "a 4.6 mg/24 h patch"), else neither is kept
                if span.label_ in self.anchors:
                    return not anchored(span, span.label_)
                return anchored(other, label) or not (
                    (span._.origin or "") in self.confident or cued(span))
            return True

        final = [
            span
            for _label, (_starts, taken) in kept_by_label.items()
            for span in taken
            if not any(covered(span, other) for other in self.suppress.get(span.label_, []) if other != span.label_)
        ]
        final.sort(key=lambda s: (s.start_char, -s.end_char))
        doc.spans[schema.SPANS_KEY] = final
        return doc


#: Where a group's gate reads (see :func:`_gated`): the candidate, the text before it (searched, or
#: read backwards from the candidate's edge by a mirror, :mod:`.mirror`), the text after it.
_INSIDE, _BEFORE, _BACKWARDS, _AFTER = "inside", "before", "backwards", "after"
_GLOBAL_FLAGS = regex.compile(r"\(\?[a-zA-Z]+\)")
#: A pattern that only rules something out (``^(?!...)``): nearly every candidate passes it.
_GUARD = regex.compile(r"^(?:\(\?i\))?\^\(\?!")
#: A pattern anchored at the start of the string it searches.
_ANCHORED = regex.compile(r"^(?:\(\?i\))?(?:\^|\\A)")
_BACKREFERENCE = regex.compile(r"\\[1-9]|\(\?P=|\\g<|\(\?\(|\(\?[|]")


def _alternation(patterns: list[regex.Pattern]) -> regex.Pattern | None:
    """One regex that matches where any of ``patterns`` matches, or None when they cannot be
    joined safely: a pattern's leading global flag becomes a scoped group (``(?i)x`` ->
    ``(?i:x)``); flags given any other way, back-references and branch-reset groups, whose
    numbering an alternation would shift, are not joined."""
    parts = []
    for pattern in patterns:
        source, flags = pattern.pattern, pattern.flags & ~(regex.UNICODE | regex.VERSION0)
        if source.startswith("(?i)") and flags == regex.IGNORECASE:
            source, scoped = source[4:], "(?i:"
        elif flags == 0:
            scoped = "(?:"
        else:
            return None
        if _GLOBAL_FLAGS.search(source) or _BACKREFERENCE.search(source):
            return None
        parts.append(f"{scoped}{source})")
    return compile_regex("|".join(parts))


def _gated(rules: list) -> list[tuple[str, regex.Pattern | None, list]]:
    """A label's exclusion rules grouped by the test chosen as their gate, with one joined regex
    (:func:`_alternation`) per group: most candidates pass none of a group's tests, and one
    search replaces dozens. A rule still runs whole when its group's gate passes, so the
    verdicts are those of testing every rule alone. The gate is the rule's cheapest test (its
    text, then a left context read backwards, then the right context, then a left context
    searched for), but never a pure guard (``^(?!...)``, which nearly every candidate passes)
    when the rule has another test."""
    groups: dict[str, list] = {}
    firsts: dict[str, list[regex.Pattern]] = {}
    for rule in rules:
        text, left, right = rule[0], rule[1], rule[2]
        tests = [] if text is None else [(_INSIDE, text)]
        if left is not None and left[1] is not None:
            tests.append((_BACKWARDS, left[1]))
        if right is not None:
            tests.append((_AFTER, right))
        if left is not None and left[1] is None:
            tests.append((_BEFORE, left[0]))
        selective = [test for test in tests if not _GUARD.match(test[1].pattern)]
        where, pattern = (selective or tests or [("", None)])[0]
        groups.setdefault(where, []).append(rule)
        if pattern is not None:
            firsts.setdefault(where, []).append(pattern)
    gated = []
    for where, members in groups.items():
        tests = firsts.get(where, [])
        # searched patterns are joined only when each is anchored at the start: an alternation
        # tried at every position costs more than the patterns searched alone
        joinable = len(tests) > 1 and (where in (_BACKWARDS, _INSIDE) or all(_ANCHORED.match(test.pattern) for test in tests))
        gated.append((where, _alternation(tests) if joinable else None, members))
    return gated


#: What joins the items of one list ("72, 53 and 70%", "13.1% vs. 5.0%", "vitamin D + calcium") or a name and its
#: bracketed abbreviation ("vascular endothelial growth factor (VEGF)"): the gap between two candidates across
#: which a ``coordinated`` exclusion carries.
LIST_GAP = regex.compile(r"^\s*%?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|plus|vs\.?|versus)\s+|[+&]\s*|\(\s*)$", regex.IGNORECASE)


def _spread(view: str, verdicts: dict[tuple[str, int, int], int]) -> None:
    """Carry the verdict of a ``coordinated`` exclusion along its list, both ways: when the cue
    names what a list of values is ("the proportion of patients ... was 72, 53 and 70%"), it is
    read next to one item only, yet it holds for each; items that are mentions in their own
    right are never joined to it by a bare list separator."""
    if 2 not in verdicts.values():  # the common case: no coordinated row fired
        return
    by_label: dict[str, list[tuple[int, int]]] = {}
    for label, start, end in verdicts:
        by_label.setdefault(label, []).append((start, end))
    for label, spans in by_label.items():
        # a worklist of excluded items: each passes its verdict to the unexcluded items listed
        # next to it, which then pass it on, so the verdict reaches the whole list either way
        todo = [span for span in spans if verdicts[(label, *span)] == 2]
        while todo:
            source = todo.pop()
            for target in spans:
                if verdicts[(label, *target)]:
                    continue
                left, right = sorted((source, target))
                if left[1] <= right[0] <= left[1] + 12 and LIST_GAP.match(view[left[1] : right[0]]):
                    verdicts[(label, *target)] = 2
                    todo.append(target)


#: The keys an exclusion row may have (a misspelt key is an error, never silently ignored).
EXCLUSION_KEYS = {"label", "text", "left", "right", "coordinated", "given", "document", "comment"}


def _substance(span: Span) -> str:
    """What a LAB_TEST candidate names: its lexicon id ("interleukin-2" for "IL-2" too), else
    its words in lower case."""
    return span.id_ or " ".join(span.text.lower().split())


def _measured_cues(defines: dict[str, str]) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """The cues that a mention of a given substance is a measurement after all: a specimen or
    level word before it or opening it ("plasma GLP-1"), a level word after it or after the list
    it stands in ("GLP-1, insulin and glucagon concentrations"), a value in a laboratory unit."""
    before = compile_regex(rf"(?i)(?<![\w-])(?:{defines['MEASURED_BEFORE']})\s*$")
    after = compile_regex(
        rf"(?i)^(?:\s*\([^()]{{1,15}}\))?(?:\s*(?:,|and|or|&)\s*(?:[\w-]+\s+){{0,2}}?[\w-]+){{0,5}}"
        rf"[\s-]*(?:(?:{defines['MEASURED_AFTER']})(?![\w-])"
        rf"|[^.;]{{0,25}}?\d[\d.,]*\s*(?:{defines['LABUNIT']}))"
    )
    opening = compile_regex(rf"(?i)(?:{defines['MEASURED_BEFORE']})\s")
    return before, after, opening


def _compile_exclusion(
    row: Row, number: int, defines: dict[str, str] | None = None
) -> tuple[str, regex.Pattern | None, regex.Pattern | None, regex.Pattern | None, bool, bool, regex.Pattern | None]:
    """One exclusion row as (label, text, left, right, coordinated, given, document): patterns with ``{NAME}`` building blocks
    expanded (:mod:`.defines`); a bad row is a ValueError naming its number in the file, its
    keys and the regex that does not compile."""
    defines = builtin_defines() if defines is None else defines
    unknown = sorted(set(row) - EXCLUSION_KEYS)
    if unknown:
        raise ValueError(f"exclusion row {number}: unknown keys {unknown}")
    if row.get("label") not in schema.LABELS:
        raise ValueError(f"exclusion row {number}: unknown label {row.get('label')!r}")
    try:
        return (
            row["label"],
            compile_regex(expand(row["text"], defines)) if row.get("text") else None,
            compile_regex(expand(row["left"], defines)) if row.get("left") else None,
            compile_regex(expand(row["right"], defines)) if row.get("right") else None,
            bool(row.get("coordinated")),
            bool(row.get("given")),
            compile_regex(expand(row["document"], defines)) if row.get("document") else None,
        )
    except regex.error as err:
        raise ValueError(f"exclusion row {number} ({row.get('comment', '')[:60]!r}) does not compile: {err}") from err


@Language.factory(
    "celltx_merge",
    assigns=["doc.spans"],
    requires=["doc.spans", "span._.origin"],
    default_config={},  # settings: config.cfg; exclusions: initialize / to_disk / from_disk
)
def make_merge(
    nlp: Language,
    name: str,
    priority: list[str],
    suppress: dict[str, list[str]],
    labels: list[str] | None,
    anchors: dict[str, str],
    confident: list[str],
    cues: dict[str, list[str]] | None = None,
) -> Merge:
    register_extensions()
    return Merge(nlp, name, priority, suppress, labels, anchors, confident, cues)
