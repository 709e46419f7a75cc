"""``celltx_sentences``: rule-based sentence boundaries for abstracts and registry records.

Why not spaCy's sentencizer: it splits after every "." token, which breaks "i.v.", "et al."
and "P<0.05)." handling and misses boundaries glued by copy-paste ("regeneration.The").
Rules here: a line break starts a sentence; ".", "!" or "?" ends one when the next token
starts with an upper-case letter or digit (or follows without a space) and the word before the
full stop is not a known abbreviation.
"""


import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = {"al", "e.g", "i.e", "vs", "dr", "fig", "no", "approx", "ca", "cf", "mr", "mrs",
                 "ms", "prof", "resp", "st", "vol", "eq", "min", "max", "nos"}


class Sentences:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        # plain lists: token attribute access and per-token is_sent_start writes are slow
        # (each write re-checks the whole doc), so starts are computed here and set at once
        texts = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        is_space = [t.is_space for t in doc]
        starts = [False] * n
        starts[0] = True
        for i in range(n - 1):
            text = texts[i]
            if is_space[i] and "\n" in text or "\n" in spaces[i]:
                starts[i + 1] = True
            elif text in (".", "!", "?"):
                prev = texts[i - 1].lower() if i > 0 else ""
                if prev in ABBREVIATIONS:
                    continue
                j = i + 1
                while j < n and is_space[j]:
                    j += 1
                if j < n and (texts[j][:1].isupper() or texts[j][:1].isdigit()):
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
