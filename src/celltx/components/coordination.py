"""``celltx_coordination``: the unlisted members of a list of lab tests are lab tests too.

Abstracts name their analytes in lists ("serum insulin, HGF, OPN, and C-peptide levels"). No
lexicon holds every analyte, but when one member of a coordination is a lab-test candidate,
its neighbours in the same list are very likely measured the same way. This step walks from
each LAB_TEST candidate over list separators (", ", " and ", " or ", ", and "; a bracketed
abbreviation after a member is passed over) to the next member on either side and proposes it as a LAB_TEST candidate (``span._.origin`` =
"coordination") when it *looks like* an analyte name:

* one to three words, none of them a function word, a modifier ("high", "undetectable") or a
  number, and not overlapping any other candidate;
* the last word shaped like an analyte: an abbreviation (an inner capital or a digit:
  "OPN", "sVCAM-1", "EMPs"), a chemical ending (``ANALYTE_SUFFIX`` of ``patterns/numeric.jsonl``,
  the same block the regex patterns use), or a head noun such as "peptide" or "antigen";
* followed by a list boundary (a separator, a bracket, the end of the clause, or a level word).

Two lab tests joined by a slash and called a ratio are one test ("the ratio of [LDL-C/HDL-C]",
"[insulin/glucose ratio]", "[AST/ALT ratio]"); without the word it is a list ("total/LDL/HDL").

Walking stops at the first member that fails, so a list that turns into other things ("ALT,
age and sex") stops where the analytes end. Proposals pass through ``celltx_merge`` like every
other candidate, so the exclusions (vital signs, scales, drugs given) apply to them too.

The word lists are data (``patterns/coordination.jsonl``), saved with the pipeline.
"""


import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_shadow, register_extensions
from ..resources import read_jsonl_resource
from ..rx import rx
from .patterns import PatternsMixin, Row
from .regex_spans import add_candidates

ORIGIN = "coordination"
#: The kinds of row ``patterns/coordination.jsonl`` may hold, and the keys of each.
ROW_KINDS = {"head_nouns", "item_stop_words", "boundary_words", "qualifiers", "ratio_denominators", "define"}
ROW_KEYS = {"kind", "words", "comment", "define", "regex"}
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"
_WORD = r"[A-Za-z0-9][\w'′/+-]*"
#: What must follow or precede a member for a list to go on (tested before the full patterns).
_AFTER_GATE = compile_regex(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,|(?:and|or|&)\s)")
_BEFORE_GATE = compile_regex(r"(?:,|\s(?:and|or|&))\s*(?:\([^()]{1,20}\))?\s*$|\)\s*,?\s*(?:(?:and|or|&)\s+)?$")
_SLASH = compile_regex(r"\s?/\s?")
_RATIO_WORD = compile_regex(r"(?i)\s+(?:ratio|index)(?![\w-])")
_RATIO_OF = compile_regex(r"(?i)\bratios?\s+(?:of\s+)?(?:the\s+)?$|\bratios?\s*\((?:[^()]{0,30}[,;]\s*)?$")
_ENDS_RATIO = compile_regex(r"(?i)\s(?:ratio|index)$")
#: What follows a two-member "A/B" that makes it a list with a shared head, not a ratio.
_SHARED_HEAD = compile_regex(r"(?i)\s?/|[\s-]+(?:cholesterol|C)(?![\w-])")
#: a member's abbreviation in brackets, passed over ("norepinephrine (NE), epinephrine (E) and")
_ABBREV = r"(?:\s*\([^()]{1,20}\))?"


class Coordination(PatternsMixin):
    def __init__(self, nlp: Language, name: str, max_words: int, max_steps: int) -> None:
        self.name = name
        self.max_words = max_words
        self.max_steps = max_steps
        self._after: regex.Pattern | None = None
        self._before: regex.Pattern | None = None
        self._stop: frozenset[str] = frozenset()
        self._named: regex.Pattern | None = None
        self._abbreviation: regex.Pattern | None = None
        self._qualifiers: frozenset[str] = frozenset()
        self._denominators: frozenset[str] = frozenset()

    # -- data ---------------------------------------------------------------------------
    def default_patterns(self) -> list[Row]:
        rows = [dict(row) for row in read_jsonl_resource("coordination.jsonl")]
        suffix = next(r for r in read_jsonl_resource("numeric.jsonl") if r.get("define") == "ANALYTE_SUFFIX")
        return [*rows, {"kind": "define", "define": "ANALYTE_SUFFIX", "regex": suffix["regex"]}]

    def _compile(self, rows: list[Row]) -> None:
        lists: dict[str, list[str]] = {k: [] for k in ROW_KINDS - {"define"}}
        suffix = None
        for i, row in enumerate(rows, start=1):
            unknown = set(row) - ROW_KEYS
            if unknown or row.get("kind") not in ROW_KINDS:
                raise ValueError(f"[{self.name}] row {i}: unknown kind {row.get('kind')!r} or keys {sorted(unknown)}")
            if row["kind"] == "define":
                suffix = row["regex"]
            else:
                lists[row["kind"]].extend(row["words"])
        if suffix is None:
            raise ValueError(f"[{self.name}] no ANALYTE_SUFFIX define among the patterns")
        self._stop = frozenset(w.lower() for w in lists["item_stop_words"])
        self._qualifiers = frozenset(w.lower() for w in lists["qualifiers"])
        self._denominators = frozenset(w.lower() for w in lists["ratio_denominators"])
        heads = "|".join(regex.escape(w) for w in lists["head_nouns"])
        qualifiers = "|".join(regex.escape(w) for w in lists["qualifiers"])
        boundary = "|".join(regex.escape(w) for w in lists["boundary_words"])
        item = rf"(?P<item>{_WORD}(?:\s+{_WORD}){{0,{self.max_words - 1}}}?)"
        end = rf"(?=\s*(?:[,;.:()\[\]]|$)|{_SEP}|\s+(?i:{boundary})(?![\w-]))"
        self._after = compile_regex(rf"^{_ABBREV}{_SEP}{item}{end}")
        self._before = compile_regex(
            rf"(?:^|[,;:(\[]\s*|\s)(?P<item>{_WORD}(?:\s+{_WORD}){{0,{self.max_words - 1}}}){_ABBREV}{_SEP}$"
        )
        self._named = compile_regex(rf"(?:[a-z][\w-]*{suffix}|(?i:{heads}))$")
        self._abbreviation = compile_regex(r"[A-Za-z][\w-]*(?:[A-Z][\w-]*[A-Z0-9]|[a-z][A-Z]|[A-Z]\d)[\w+-]*|[A-Z][\w-]*[A-Z][\w-]*")
        self._frame_before = compile_regex(rf"(?i)(?:(?:levels?|concentrations?|titers?|titres?)\s+of|\b(?:{qualifiers}))\s*$")
        self._frame_after = compile_regex(
            r"(?i)^\s*(?:\([^()]{1,20}\)\s*)?(?:levels?|concentrations?|titers?|titres?)(?![\w-])"
            r"|^\s*(?:\([^()]{1,20}\)\s*)?(?:were|was)\s+(?:(?:significantly|markedly|also|both|further)\s+)?"
            r"(?:reduced|increased|decreased|lower|higher|elevated|raised)(?![\w-])"
        )
        stops = "|".join(regex.escape(w) for w in sorted(self._stop, key=len, reverse=True))
        self._clause_start = compile_regex(rf"(?:^|[,;:(\[]\s*|\b(?i:{stops}|{qualifiers})\s+)$")

    # -- the step -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.require_patterns()
        candidates = list(doc.spans.get(schema.CANDIDATES_KEY, []))
        seeds = sorted({(c.start_char, c.end_char) for c in candidates if c.label_ == schema.LAB_TEST})
        if not seeds:
            return doc
        taken = [(c.start_char, c.end_char) for c in candidates]
        text = doc_shadow(doc)
        new = []
        for seed in seeds[: self.max_steps]:
            members, extent = self._walk(text, seed, taken, seeds)
            if not members:
                continue
            framed = bool(self._frame_before.search(text[max(0, extent[0] - 40) : extent[0]])
                          or self._frame_after.match(text[extent[1] : extent[1] + 40]))
            for start, end, kind in members:
                if kind == "abbreviation" and not framed:
                    continue  # "6MWD, PVR and NT-proBNP": clinical measures share lists with tests
                span = doc.char_span(start, end, label=schema.LAB_TEST, alignment_mode="strict")
                if span is None:
                    continue
                span._.origin = ORIGIN
                new.append(span)
                taken.append((start, end))
        new.extend(self._ratios(doc, text, candidates))
        add_candidates(doc, new)
        return doc

    def _ratios(self, doc: Doc, text: str, candidates: list) -> list:
        """"A/B" and "A/B ratio" where A and B are lab-test candidates; without the word, a pair
        whose denominator is a usual one ("TC/HDL", "albumin/creatinine") or after "ratios (" ."""
        tests = sorted({(c.start_char, c.end_char) for c in candidates if c.label_ == schema.LAB_TEST})
        starts = {start: end for start, end in tests}
        out = []
        for start, end in tests:
            slash = _SLASH.match(text, end)
            if not slash or slash.end() not in starts:
                continue
            stop = starts[slash.end()]
            tail = _RATIO_WORD.match(text, stop)
            usual = text[slash.end() : stop].lower() in self._denominators and not _SHARED_HEAD.match(text, stop)
            if tail:
                stop = tail.end()
            elif _ENDS_RATIO.search(text, slash.end(), stop):
                pass  # the denominator's name took the word already ("glucose ratio")
            elif not (usual or _RATIO_OF.search(text, max(0, start - 40), start)):
                continue  # "total/LDL/HDL-cholesterol" is a list written with slashes
            span = doc.char_span(start, stop, label=schema.LAB_TEST, alignment_mode="strict")
            if span is not None:
                span._.origin = ORIGIN
                out.append(span)
        return out

    def _walk(
        self, text: str, seed: tuple[int, int], taken: list[tuple[int, int]], tests: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, int, str]], tuple[int, int]]:
        """The new members of the seed's list on both sides, up to the first that is no
        analyte, and the list's extent (walking through members that already are lab tests)."""
        members: list[tuple[int, int, str]] = []
        extent = seed
        for step in (self._next_after, self._next_before):
            here = seed
            for _ in range(self.max_words * 4):
                piece = step(text, here)
                if piece is None:
                    break
                known = [t for t in tests if t[0] < piece[1] and t[1] > piece[0]]
                if known:  # a member the rules know: the list goes on through it
                    here = (min(t[0] for t in known), max(t[1] for t in known))
                elif any(a < piece[1] and b > piece[0] for a, b in taken):
                    break
                else:
                    members.append(piece)
                    here = piece[:2]
                extent = (min(extent[0], here[0]), max(extent[1], here[1]))
        return members, extent

    def _kind(self, words: list[str]) -> str | None:
        """"abbreviation" or "name" when the member looks like an analyte, else None."""
        if any(w.lower() in self._stop or rx(r"[\d.,/+-]+").fullmatch(w) for w in words):
            return None
        last = words[-1]
        if self._named.search(last):
            return "name"
        return "abbreviation" if self._abbreviation.fullmatch(last) else None

    def _next_after(self, text: str, here: tuple[int, int]) -> tuple[int, int, str] | None:
        end = here[1]
        if not _AFTER_GATE.match(text, end):  # cheap test first: most tests stand in no list
            return None
        m = self._after.match(text[end : end + 120])
        if not m:
            return None
        kind = self._kind(m.group("item").split())
        return (end + m.start("item"), end + m.end("item"), kind) if kind else None

    def _next_before(self, text: str, here: tuple[int, int]) -> tuple[int, int, str] | None:
        """The member before a separator: an analyte-shaped word, with the shaped words or
        qualifiers ("serum", "total") right before it. No grammar says where a phrase begins on
        this side, so the word before the member must end a clause or be a function word
        ("amino-terminal proBNP, and" proposes nothing rather than half a name)."""
        start = here[0]
        if not _BEFORE_GATE.search(text, max(0, start - 30), start):
            return None
        lo = max(0, start - 120)
        window = text[lo:start]
        m = self._before.search(window)
        if not m:
            return None
        words = list(rx(r"\S+").finditer(m.group("item")))
        keep: list = []
        for word in reversed(words):
            w = word.group()
            ok = self._kind([w]) is not None
            if not (ok if not keep else ok or w.lower() in self._qualifiers):
                break
            keep.insert(0, word)
        if not keep:
            return None
        base = lo + m.start("item")
        begin, finish = base + keep[0].start(), base + keep[-1].end()
        before = text[max(0, begin - 40) : begin]
        if keep[0].group().lower() not in self._qualifiers and not self._clause_start.search(before):
            return None  # a qualifier ("plasma dapsone") opens a name wherever it stands
        kind = self._kind([w.group() for w in keep])
        return (begin, finish, kind) if kind else None


@Language.factory(
    "celltx_coordination",
    assigns=["doc.spans", "span._.origin"],
    requires=["doc.spans"],
    default_config={},  # settings: config.cfg
)
def make_coordination(nlp: Language, name: str, max_words: int, max_steps: int) -> Coordination:
    register_extensions()
    return Coordination(nlp, name, max_words, max_steps)

