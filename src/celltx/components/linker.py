"""``celltx_linker``: VALUE_OF relations from each LAB_VALUE to the LAB_TEST it reports.

Rules, in order, within one sentence:

1. "respectively": when a sentence lists n tests and then n values (or k values each, "from
   80 to 40 and from 90 to 45 U/L, respectively") with "respectively", values pair with
   tests in order;
2. otherwise the nearest LAB_TEST before the value whose known units can measure it (a value
   in g/dL is no eGFR: :func:`celltx.normalize.si.unit_fits`), else the nearest before;
3. otherwise the nearest LAB_TEST after it, but only when the words between tie the value to
   it: nothing ("two or more [IFAT]") or a phrase ending in "for/in/of/on" and up to three
   words ("... vs 4.5 ng/mL for [DAO]", "a 0.5% fall in [HbA1c]"). A value followed by another
   clause and then a test ("fibrosis (59% vs 19%) and an [AST/ALT ratio]") is not its value.

A test named right after the value by "for" or by a change word and "in" ("2.5 vs 4.5 ng/mL
for [DAO]", "a 0.4 mmol/L fall in [glucose]") is the value's own even when another test stands
before it: the writer names the analyte where the value is (rule 2 would take the earlier one).

A LAB_VALUE with no LAB_TEST in its sentence is, in practice, a number that is not a lab
result (a percentage of patients, a survival rate); with ``drop_unlinked`` it is removed, which
is how the rules pipeline keeps the context-free numeric regexes precise. The exception is a
value whose unit only a laboratory measures in (mmol/L, U/L, mg/g creatinine, ...): it is a lab
result whether or not its test was recognised, and it is kept without a link.
"""


from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_text, register_extensions
from ..normalize.labs import unit_dimension
from ..normalize.si import unit_fits
from .defines import word_list

#: The words between a value and a LAB_TEST after it that make the test the value's own.
_TIES_FORWARD = compile_regex(r"(?i)^\s*$|\b(?:for|in|of|on)\s+(?:[\w-]+\s+){0,3}$")
_MAX_FORWARD_WORDS = 14
#: A value labelled by other words in a list of characteristics ("[PSA] = 31.5 ng/mL;
#: Caucasian = 86 %"): the words before "=" name what it measures, and they are no test.
_OWN_LABEL = compile_regex(
    r"[;,]\s*(?P<label>[A-Za-z][\w'’ -]{1,40}?)\s*(?:[<>≤≥]\s*\d[\d.]*\s*)?=\s*$"
    r"|[;,(]\s*(?P<label>[A-Za-z][\w'’ -]{0,40}?\s(?:score|grade|stage|class))\s*$"
)
#: "nitrotyrosine (-29%, p = 0.004), ATP (+25%, p < 0.001)": once a bracket with a p-value has
#: closed, a value opening the bracket after the next name in the list is that name's, even when
#: the name is no test celltx knows (linking it to the test before would give a wrong number).
_NEXT_ITEM = compile_regex(
    r"(?i)\bp\s*[=<>≤≥][^()]*\)\s*[,;]\s*(?:and\s+)?(?P<label>[A-Za-z][\w:+-]{1,30})"
    r"\s*\(\s*(?:[A-Za-z][\w:-]{0,10}\s*;\s*)?$"
)
_DRUG_STEMS = tuple(w.lower() for w in word_list("DRUG_STEM"))
_GROUP_OR_TIME = compile_regex(r"(?i)\b(?:group|arm|placebo|control|baseline|week|month|day|year|visit|before|after|mean|median)s?\b")
_RESPECTIVELY = compile_regex(r"(?i)\brespectively\b")
#: "...; p = 0.69 for [osteocalcin]": the p-value's test is the test of the values before it.
_P_FOR = compile_regex(r"(?i)[;,]?\s*\(?p\s*[=<>≤≥]\s*0?[.·]\d+\)?\s*,?\s*for\s+(?:the\s+)?$")
#: What ends the value's clause before a later test: brackets, a p-value, "respectively".
_CLAUSE_BREAK = compile_regex(r"(?i)[()\[\]]|\bp\s*[=<>≤≥]|respectively")
#: The words between a value and a later test that name that test as the value's own.
_NAMES_FORWARD = compile_regex(
    r"(?i)(?:\bfor|\b(?:reductions?|decreases?|increases?|changes?|falls?|rises?|improvements?|differences?"
    r"|declines?|drops?)\s+in)\s+(?:[\w-]+\s+){0,3}$"
)


#: A value this close after its nearest test is that test's, whatever its unit says (papers
#: misprint units: "AST (21 +/- 5 vs 32 +/- 17 mmol/L)").
_ADJACENT = compile_regex(r"^[\s()\[\]:=,]*(?:\([^()]{0,12}\)[\s(\[:=,]*)?(?:(?:was|were|of|is|are)\s+)?[\s(\[:=]*$")


#: What joins two values of one comparison or change: "vs.", "versus", "to", "and", commas.
_CHAINED = compile_regex(r"(?i)^[\s,;]*(?:vs\.?|versus|to|and|or|compared\s+with)?[\s,;]*$")


def _fitting(tests: list[Span], value: Span) -> Span:
    """The first of ``tests`` (nearest first) that the value's unit does not rule out."""
    unit = (value._.attrs or {}).get("unit")
    doc = value.doc
    if _ADJACENT.match(doc_text(doc)[tests[0].end_char : value.start_char]):
        return tests[0]
    for test in tests:
        if unit_fits((test._.attrs or {}).get("analyte"), unit) is not False:
            return test
    return tests[0]


#: Lab-unit dimensions that only a laboratory measures: a value in one of them is a lab result
#: even when its test is not named in the sentence ("fell from 3.2 to 2.0 μg/g creatinine").
_LAB_ONLY_DIMENSIONS = frozenset({"substance", "arbitrary_units", "ratio", "log_count", "log_arbitrary_units", "mass_concentration"})


def _measured(value: Span) -> bool:
    """Whether the value's unit alone says it is a laboratory result."""
    return unit_dimension((value._.attrs or {}).get("unit")) in _LAB_ONLY_DIMENSIONS


def _labelled_otherwise(gap: str) -> bool:
    """Whether words after the test and before "=" label the value as something else."""
    m = _OWN_LABEL.search(gap)
    return bool(m) and not _GROUP_OR_TIME.search(m.group("label"))


def _next_item(gap: str) -> bool:
    """Whether the value heads a later item of a list of results with p-values, named by a word
    that is no test celltx knows (an arm, a group, a time or a drug named there is not)."""
    item = _NEXT_ITEM.search(gap)
    if item is None:
        return False
    label = item.group("label")
    return not _GROUP_OR_TIME.search(label) and not label.lower().endswith(_DRUG_STEMS)


def ties_forward(gap: str) -> bool:
    """Whether ``gap``, the text from a value's end to a later test's start, links them."""
    return ";" not in gap and len(gap.split()) <= _MAX_FORWARD_WORDS and bool(_TIES_FORWARD.search(gap))


class ValueLinker:
    def __init__(self, nlp: Language, name: str, drop_unlinked: bool) -> None:
        self.name = name
        self.drop_unlinked = drop_unlinked

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(schema.SPANS_KEY, []))
        relations: list[tuple[str, Span, Span]] = []
        linked: set[int] = set()
        unnamed: set[int] = set()
        text = doc_text(doc)  # spaCy joins doc.text from the tokens on every access
        has_sents = doc.has_annotation("SENT_START")
        sentences = list(doc.sents) if has_sents else [doc[:]]
        # walk sentences and spans (both in order) together instead of filtering all spans
        # per sentence, which is quadratic on long inputs
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        pos = 0
        for sent in sentences:
            while pos < len(ordered) and ordered[pos].start < sent.start:
                pos += 1
            inside = []
            j = pos
            while j < len(ordered) and ordered[j].start < sent.end:
                if ordered[j].end <= sent.end:
                    inside.append(ordered[j])
                j += 1
            tests = [s for s in inside if s.label_ == schema.LAB_TEST]
            values = [s for s in inside if s.label_ == schema.LAB_VALUE]
            if not tests or not values:
                continue
            pairs = (self._respectively(sent, tests, values) or _parallel_lists(text, tests, values)
                     or _compared_pairs(text, tests, values))
            previous: tuple[Span, Span] | None = None  # the last value and its test
            for value in values:
                before = [t for t in tests if t.end_char <= value.start_char]
                after = [t for t in tests if t.start_char >= value.end_char]
                gap = text[value.end_char : after[0].start_char] if after else ""
                named_after = bool(after) and bool(
                    (ties_forward(gap) and _NAMES_FORWARD.search(gap) and not _CLAUSE_BREAK.search(gap))
                    or (len(gap.split()) <= _MAX_FORWARD_WORDS and _P_FOR.search(gap))
                )
                # a test named right after the value ("... vs 4.5 ng/mL for [DAO]") is its own,
                # even inside a "respectively" sentence that lists the tests earlier
                test = after[0] if named_after else pairs.get(id(value))
                if test is None and previous is not None and _CHAINED.match(
                    text[previous[0].end_char : value.start_char]
                ):
                    test = previous[1]  # "21 vs. 32 U/L", "from 80 to 40": the same test
                if test is None:
                    gap_before = text[before[-1].end_char : value.start_char] if before else ""
                    if before and _next_item(gap_before):
                        unnamed.add(id(value))  # a result of a name no list knows: kept, unlinked
                    elif before and not _labelled_otherwise(gap_before):
                        test = _fitting(before[::-1], value)
                    elif after and ties_forward(text[value.end_char : after[0].start_char]):
                        test = after[0]
                if test is not None:
                    relations.append((schema.VALUE_OF, value, test))
                    linked.add(id(value))
                    previous = (value, test)
                else:
                    previous = None
        if self.drop_unlinked:
            doc.spans[schema.SPANS_KEY] = [
                s
                for s in spans
                if s.label_ != schema.LAB_VALUE or id(s) in linked or id(s) in unnamed or _measured(s)
            ]
        doc._.relations = relations
        return doc

    @staticmethod
    def _respectively(sent: Span, tests: list[Span], values: list[Span]) -> dict[int, Span]:
        """Values before each "respectively" pair with the tests listed before the first value,
        k values a test ("from a to b and from c to d, respectively"); a sentence with two
        "respectively" clauses (one per group) pairs each clause's values on their own."""
        sent_text = doc_text(sent.doc)[sent.start_char : sent.end_char]
        if "respectively" not in sent_text.lower():
            return {}
        first_value = values[0].start_char
        listed = [t for t in tests if t.end_char <= first_value]
        if len(listed) < 2:
            return {}
        ends = [sent.start_char + m.start() for m in _RESPECTIVELY.finditer(sent_text)]
        pairs: dict[int, Span] = {}
        start = first_value
        for end in ends:
            clause = [v for v in values if start <= v.start_char < end]
            start = end
            if not clause or len(clause) % len(listed):
                continue
            per_test = len(clause) // len(listed)  # "from a to b and from c to d": two each
            pairs.update({id(v): listed[i // per_test] for i, v in enumerate(clause)})
        return pairs


#: What separates the items of one list ("A, B and C", "A or B").
_LIST_SEPARATOR = compile_regex(r"(?i)^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|&)\s+)$")
#: What stands between a list of tests and the list of their values: a verb or sign, a level word.
_LIST_TO_VALUES = compile_regex(
    r"(?i)^\s*(?:(?:levels?|concentrations?|values?)\s+)?(?:were|was|of|:|=|averaged|measured)\s*(?:about\s+|approximately\s+)?$"
)


def _listed_from(text: str, spans: list[Span], i: int) -> list[Span]:
    """``spans[i]`` and the spans listed right after it ("A, B and C")."""
    run = [spans[i]]
    while i + len(run) < len(spans) and _LIST_SEPARATOR.match(text[run[-1].end_char : spans[i + len(run)].start_char]):
        run.append(spans[i + len(run)])
    return run


def _parallel_lists(text: str, tests: list[Span], values: list[Span]) -> dict[int, Span]:
    """"[Glucose], [insulin] and [C-peptide] were [5.4 mmol/L], [62 pmol/L] and [0.6 nmol/L]":
    n tests listed one after another, a verb, and then exactly n values listed one after
    another pair in order, as with "respectively" (the word is often left out). Anything else
    between the items, or another count of values, and no pair is made."""
    for i in range(len(tests) - 1):
        run = _listed_from(text, tests, i)
        if len(run) < 2:
            continue
        following = [v for v in values if v.start_char >= run[-1].end_char]
        if not following or not _LIST_TO_VALUES.match(text[run[-1].end_char : following[0].start_char]):
            continue
        listed = _listed_from(text, following, 0)
        if len(listed) == len(run):
            return {id(v): t for v, t in zip(listed, run)}
    return {}


#: What joins the two results of one comparison ("978 (...) versus 1216 (...) pg/mL").
_VERSUS = compile_regex(r"(?i)^\s*,?\s*(?:vs\.?|versus)\s*$")


def _compared_pairs(text: str, tests: list[Span], values: list[Span]) -> dict[int, Span]:
    """"[IL-1Ra] and [IL-6] were lower in A than in B, [978 (...)] versus [1216 (...) pg/mL] and
    [2.15 (...)] versus [3.39 (...) pg/mL]": n tests listed one after another, and after the
    last of them n comparisons of two values each, listed one after another, pair in order
    (one comparison a test). The values must be all the sentence has after the tests."""
    # the list that ends with the sentence's last test: the first run that reaches it
    run = next(r for r in (_listed_from(text, tests, i) for i in range(len(tests))) if r[-1] is tests[-1])
    if len(run) < 2:
        return {}
    following = [v for v in values if v.start_char >= run[-1].end_char]
    if len(following) != 2 * len(run):
        return {}
    for i in range(0, len(following), 2):
        first, second = following[i], following[i + 1]
        if not _VERSUS.match(text[first.end_char : second.start_char]):
            return {}
        if i and not _LIST_SEPARATOR.match(text[following[i - 1].end_char : first.start_char]):
            return {}
    return {id(v): run[i // 2] for i, v in enumerate(following)}


@Language.factory(
    "celltx_linker",
    assigns=["doc.spans", "doc._.relations"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={},  # settings: config.cfg
)
def make_linker(nlp: Language, name: str, drop_unlinked: bool) -> ValueLinker:
    register_extensions()
    return ValueLinker(nlp, name, drop_unlinked)
