"""Biomedical tokenisation: every mention boundary the scheme can ask for is a token boundary.

spaCy spans are token-aligned, so a tokenizer that glues "30±5" or "μmol/l," into one token
makes the span [30±5] impossible to produce. This tokenizer is deliberately simple and
predictable (a single regular expression over the :mod:`celltx.textnorm` shadow):

* letters and digits form a token together ("CD34", "10E6", "x106", "40ml");
* decimal points and thousands commas between digits stay inside ("17.9", "1,500");
* hyphens and apostrophes between word characters stay inside ("hUC-MSCs", "IL-8",
  "24-week", "0.5-1.0", "Wharton's"), which keeps abbreviations whole for scispaCy's
  abbreviation detector;
* dotted abbreviations stay whole ("i.v.", "e.g.");
* every other non-space character is a token of its own ("±", "×", "/", "(", "%", "≥").

A word the shadow spells differently (Unicode hyphens and dashes, ligatures, full-width
forms) keeps its own text and gets the shadow's spelling, lower-cased, as its ``NORM``: the
dictionary matchers compare NORM, so "low‐density lipoprotein" (U+2010) is found like
"low-density lipoprotein".

The text of the ``Doc`` is identical to the input, character for character, with one
exception spaCy forces: a lone surrogate (U+D800-U+DFFF, which cannot be encoded as UTF-8 and so
cannot be stored in spaCy's string store) becomes U+FFFD. That keeps every offset; ``extract()``
puts the caller's characters back into its record.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .components.stdlib_twin import text_is_safe, twin
from .extensions import remember_text
from .textnorm import replace_surrogates, shadow

#: Suffixes that name a status or relation of the word before the hyphen, not part of its
#: name: "HBeAg-positive" gives [HBeAg] (a lab test), "MSC-treated" gives [MSC] (a cell type).
STATUS_SUFFIXES = (
    "positive|negative|seropositive|seronegative|treated|related|induced|associated|mediated"
    "|dependent|infected|naive|naïve|specific|expressing|secreting|producing|depleted|loaded"
    "|labeled|labelled|transplanted|injected|infused|enriched|free|rich|lowering|receiving|boosted|based|baseline|pill|pills"
    # "multiple-dose", "single-dose", "single-session": the rate word is a FREQUENCY of its own
    "|dose|doses|dosing|session|sessions"
)

#: Route abbreviations that a hyphen joins to what is given ("IV-PCA", "iv-infusion"): the
#: hyphen is a boundary, so [IV] can be a ROUTE of its own ("DSM-IV-TR" keeps its hyphens: the
#: abbreviation must start a word).
ROUTE_ABBREVIATIONS = "IV|iv|Iv"
TOKEN_RE = regex.compile(
    r"""
      (?P<ws>\s+)
    | (?P<abbr>(?<![\w.])(?:[A-Za-z]\.){2,})
    | (?P<word>\w+(?:(?:(?<=\d)[.,](?=\d)|'(?=\w)|(?<!(?<![\w.-])(?:ROUTE_ABBR))-(?=\w)(?!(?i:STATUS)\b)(?![DW]\d{1,3}\b))\w+)*)
    | (?P<other>\S)
    """.replace("STATUS", STATUS_SUFFIXES).replace("ROUTE_ABBR", ROUTE_ABBREVIATIONS),
    regex.VERBOSE,
)
#: ``TOKEN_RE`` without its group names, for ``findall`` (a list of strings, no match objects):
#: its alternatives cover every character, so the pieces follow each other without gaps. It is
#: written without the white space of the verbose form (none of which is inside a bracket), so
#: that ``re`` reads it exactly as ``regex`` does.
_PIECES_RE = regex.compile("".join(regex.sub(r"\(\?P<\w+>", "(?:", TOKEN_RE.pattern).split()))
#: ``_PIECES_RE`` run by the standard library's ``re`` (about twice as fast), on texts whose
#: characters both modules read alike (:mod:`celltx.components.stdlib_twin`).
_PIECES_TWIN = twin(_PIECES_RE, nonempty=True)
#: Whether a character is white space for ``TOKEN_RE`` (``\s``, as the ``regex`` module reads it).
_SPACE_CHARS: dict[str, bool] = {}


def _is_space(char: str) -> bool:
    known = _SPACE_CHARS.get(char)
    if known is None:
        known = _SPACE_CHARS[char] = regex.match(r"\s", char) is not None
    return known


class CelltxTokenizer:
    """A spaCy-compatible tokenizer (callable ``str -> Doc``) with the rules above."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = replace_surrogates(text)
        view = shadow(text)
        same = view == text
        words: list[str] = []
        spaces: list[bool] = []
        #: (word index, shadow spelling) of words the shadow spells otherwise ("LDL‐C" with a
        #: Unicode hyphen reads "LDL-C"): their NORM is the shadow's, so dictionaries match it
        norms: list[tuple[int, str]] = []
        end = 0
        pieces = (_PIECES_TWIN if _PIECES_TWIN is not None and text_is_safe(view) else _PIECES_RE).findall(view)
        if same:
            # the usual text: no piece is spelt otherwise in the shadow, and most white space
            # is one space after a token (the loop below, for these pieces, in fewer steps)
            for piece in pieces:
                if piece == " " and words and not spaces[-1]:
                    spaces[-1] = True
                elif not piece[0].isalnum() and _is_space(piece[0]):  # (no letter or digit is \s)
                    self._add_space(piece, words, spaces)
                else:
                    words.append(piece)
                    spaces.append(False)
            return remember_text(Doc(self.vocab, words=words, spaces=spaces), text, view)
        for piece in pieces:
            start, end = end, end + len(piece)
            if _is_space(piece[0]):  # the white-space alternative (no other one starts so)
                self._add_space(text[start:end], words, spaces)
            else:
                word = text[start:end]
                if word != piece:
                    norms.append((len(words), piece.lower()))
                words.append(word)
                spaces.append(False)
        # the words and spaces spell ``text`` exactly: the Doc's text need not be rebuilt
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for i, norm in norms:
            doc[i].norm_ = norm
        return remember_text(doc, text, view)

    @staticmethod
    def _add_space(run: str, words: list[str], spaces: list[bool]) -> None:
        """Add a run of white space (of the text): its first space is the trailing space of
        the token before it, the rest are tokens."""
        # The shadow also maps control and zero-width characters to spaces; in the
        # Doc they are tokens of their own, so a white-space token holds only real
        # white space (str.isspace) and "\x00 " never becomes one non-space token.
        parts = [run] if run.isspace() else ["".join(g) for _, g in groupby(run, str.isspace)]
        for part in parts:
            if part.isspace() and words and not spaces[-1] and part[0] == " ":
                spaces[-1] = True
                part = part[1:]
            if part:
                words.append(part)
                spaces.append(False)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # The tokenizer has no state: serialisation is a no-op, so nlp.to_disk()/from_disk() work.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> CelltxTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> CelltxTokenizer:
        return self


@spacy.registry.tokenizers("celltx.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], CelltxTokenizer]:
    def make(nlp: Language) -> CelltxTokenizer:
        return CelltxTokenizer(nlp.vocab)

    return make
