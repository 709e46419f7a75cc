"""``celltx_sentences``: rule-based sentence boundaries for abstracts and registry records.

Why not spaCy's sentencizer: it splits after every "." token, which breaks "i.v.", "et al."
and "P<0.05)." handling and misses boundaries glued by copy-paste ("regeneration.The").
Rules here: a line break starts a sentence; ".", "!" or "?" ends one when the next token
starts with an upper-case letter or digit (or follows without a space) and the word before the
full stop is not a known abbreviation.
"""


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
        starts = [False] * n
        starts[0] = True
        for i, tok in enumerate(doc[:-1]):
            if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
                starts[i + 1] = True
            elif tok.text in (".", "!", "?"):
                prev = doc[i - 1].text.lower() if i > 0 else ""
                if prev in ABBREVIATIONS:
                    continue
                j = i + 1
                while j < n and doc[j].is_space:
                    j += 1
                if j < n and (doc[j].text[:1].isupper() or doc[j].text[:1].isdigit()):
                    starts[j] = True
        for tok, start in zip(doc, starts):
            tok.is_sent_start = start
        return doc


@Language.factory("celltx_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)
