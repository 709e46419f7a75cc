"""``celltx_sentences``: rule-based sentence boundaries for abstracts and registry records.

Why not spaCy's sentencizer: it splits after every "." token, which breaks "i.v.", "et al."
and "P<0.05)." handling and misses boundaries glued by copy-paste ("regeneration.The").
Rules here: ".", "!" or "?" ends a sentence when the next token starts with an upper-case
letter or digit (or follows without a space) and the word before the full stop is not a known
abbreviation. A blank line always starts a sentence; a single line break only where the line
before it ends one (":" included) or the line after it opens something new (a section heading,
a list item) or follows the first line (a title). Text copied from PDFs, e-mail and some
corpora is hard-wrapped ("... decreased from 26.0 +/- 5.1 mm\nHg to 17.8 ...",
"randomized (A, n =\n60; B, n = 60)"): a line break there is only a space, and a sentence cut
at it loses the links and groupings that live within a sentence.
"""

import numpy
import regex
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text

ABBREVIATIONS = {"al", "e.g", "i.e", "vs", "dr", "fig", "no", "approx", "ca", "cf", "mr", "mrs",
                 "ms", "prof", "resp", "st", "vol", "eq", "min", "max", "nos"}

#: Section names of abstracts ("Materials and Methods", "Main outcome measures").
_SECTION = (
    r"(?:abstract|title|background|introduction|objectives?|aims?|purpose|context|importance|methods?|materials|"
    r"design|settings?|participants|patients|subjects|interventions?|measurements|main\s+outcome\s+measures?|"
    r"outcomes?|results?|findings|conclusions?|interpretation|discussion|significance|limitations|"
    r"trial\s+registration|registration|funding|keywords?)"
)
#: What a line that starts something new begins with: a section heading ("RESULTS:", "Methods.",
#: "Materials and Methods:", "[Conclusion]", "ABSTRACT"), a field of a record ("Primary outcome:"), a list item ("- ", "2) ", "(b) ", "• ").
_OPENS = regex.compile(
    rf"(?=[A-Z])(?i:{_SECTION}(?:\s*(?:and|&|/)\s*{_SECTION})?)\s*[:.](?:\s|$)"
    r"|[A-Z][A-Z /&-]{2,40}[:.](?:\s|$)|(?:ABSTRACT|TITLE)\b|\[[A-Za-z]|[A-Z][a-z]+(?:[ -][a-z]+){0,3}:\s"
    r"|[-\u2022\u00b7\u25aa\u2013*]\s|\d{1,2}[.)]\s+[A-Z]|\(?[a-z\d]\)\s"
)
#: How a line ends a sentence (its last character other than white space).
_ENDS = frozenset(".!?:")
_NON_SPACE = regex.compile(r"\S")


def line_break_ends_sentence(text: str, at: int, end: int) -> bool:
    """Whether the white space ``text[at:end]``, which holds a line break, ends a sentence (see
    the module docstring). Reads only the line before and the start of the line after, so a
    document's line breaks cost time in proportion to its length."""
    if text.count("\n", at, end) > 1:
        return True
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    if not before.strip():
        return True
    first = _NON_SPACE.search(text)
    if first is None or line_start <= first.start():
        return True  # after the first line (a title), leading white space aside
    if before.rstrip()[-1:] in _ENDS and not text[end : end + 1].islower():
        return True
    return bool(_OPENS.match(text, end))


class Sentences:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @staticmethod
    def _stop_ids(strings) -> set[int]:
        return {strings.add(s) for s in (".", "!", "?")}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        # token ids, not Token objects: only the few tokens that can end a sentence or hold a
        # line break are looked at (a token's trailing white space is a single space or
        # nothing, so line breaks are always tokens of their own); per-token is_sent_start
        # writes are slow (each re-checks the whole doc), so starts are set at once
        strings = doc.vocab.strings
        text = doc_text(doc)  # spaCy joins doc.text anew at each access; this one is kept
        attrs = doc.to_array([ORTH, IS_SPACE, IDX])
        orths, is_space, idx = attrs[:, 0].tolist(), attrs[:, 1].tolist(), attrs[:, 2].tolist()
        starts = [False] * n
        starts[0] = True
        stops = self._stop_ids(strings)
        for i in [i for i in range(n - 1) if orths[i] in stops or is_space[i]]:
            token = strings[orths[i]]
            if is_space[i]:
                if "\n" in token and line_break_ends_sentence(text, idx[i], idx[i] + len(token)):
                    starts[i + 1] = True
                continue
            prev = strings[orths[i - 1]].lower() if i > 0 else ""
            if prev in ABBREVIATIONS:
                continue
            j = i + 1
            while j < n and is_space[j]:
                j += 1
            if j < n:
                first = strings[orths[j]][:1]
                if first.isupper() or first.isdigit():
                    starts[j] = True
        values = numpy.asarray([1 if s else -1 for s in starts], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc


@Language.factory(
    "celltx_sentences",
    assigns=["token.is_sent_start"],
    requires=[],
    default_config={},
)
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)
