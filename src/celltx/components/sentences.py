"""``celltx_sentences``: rule-based sentence boundaries for abstracts and registry records.

Why not spaCy's sentencizer: it splits after every "." token, which breaks "i.v.", "et al."
and "P<0.05)." handling and misses boundaries glued by copy-paste ("regeneration.The").
Rules here: a line break starts a sentence; ".", "!" or "?" ends one when the next token
starts with an upper-case letter or digit (or follows without a space) and the word before the
full stop is not a known abbreviation.
"""


import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = {"al", "e.g", "i.e", "vs", "dr", "fig", "no", "approx", "ca", "cf", "mr", "mrs",
                 "ms", "prof", "resp", "st", "vol", "eq", "min", "max", "nos"}


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
        attrs = doc.to_array([ORTH, IS_SPACE])
        orths, is_space = attrs[:, 0].tolist(), attrs[:, 1].tolist()
        starts = [False] * n
        starts[0] = True
        stops = self._stop_ids(strings)
        for i in [i for i in range(n - 1) if orths[i] in stops or is_space[i]]:
            text = strings[orths[i]]
            if is_space[i]:
                if "\n" in text:
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
