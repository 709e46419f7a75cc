"""Character-level normalisation: a same-length shadow, and a cleaned copy with an offset map.

Text copied from PDFs and web pages uses many characters for the same thing (Unicode minus,
en dash, micro sign vs Greek mu, non-breaking and thin spaces, superscript digits, ligatures).
Matchers run their regular expressions on a *shadow* string of exactly the same length as the
document text, in which each character is replaced by one canonical character. A match at
``[start:end]`` in the shadow is therefore the same span in the original text: offsets reported
to users always point into the text they gave us.

What a same-length shadow cannot express (HTML entities and tags, invisible characters inside
words, ligatures, control characters) is cleaned by :func:`clean` into a copy that remembers,
for each of its characters, the original characters it stands for; the pipeline's first
component reads that copy and its last maps results back (:mod:`celltx.components.clean`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import groupby

import regex

from .compile_cache import compile_regex

_MAP = {
    # dashes and minus signs -> hyphen-minus
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    # spaces -> space
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
    "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ",
    # zero-width and soft hyphen -> space would split words; use a neutral joiner-free mark
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\ufeff": " ", "\u00ad": " ",
    # micro sign -> Greek mu
    "\u00b5": "\u03bc",
    # superscript digits -> digits ("10⁶" reads like the lost-superscript "106")
    "\u2070": "0", "\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u2074": "4",
    "\u2075": "5", "\u2076": "6", "\u2077": "7", "\u2078": "8", "\u2079": "9",
    "\u207b": "-",
    # multiplication signs
    "\u00d7": "×", "\u2715": "×", "\u2a2f": "×", "\u22c5": "·",
    # comparison
    "\u2266": "≤", "\u2267": "≥", "\u2a7d": "≤", "\u2a7e": "≥",
    # quotes
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"',
    # full-width punctuation often met in mixed-script abstracts
    "\uff08": "(", "\uff09": ")", "\uff0c": ",", "\uff1a": ":", "\uff1b": ";",
    "\uff05": "%",
    # ligatures cannot be expanded without moving offsets; map to their first letter
    "\ufb01": "f", "\ufb02": "f", "\ufb00": "f", "\ufb03": "f", "\ufb04": "f",
}
# control characters (including NUL) become spaces so regexes treat them as breaks
_MAP.update({chr(c): " " for c in range(32) if chr(c) not in "\n\t\r"})
_MAP["\x7f"] = " "
# Chinese, Japanese and Korean are written without spaces, so an ideograph next to a number
# ("以1×10^6 cells/kg静脉") must not count as a letter of the same word: in the shadow every
# such character is one neutral symbol (not a letter, digit or space), which gives each one a
# token of its own and lets patterns see word edges at "1" and "kg".
CJK_PLACEHOLDER = "\u25a1"
for _first, _last in (
    (0x1100, 0x11FF), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3130, 0x318F), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F),
):
    _MAP.update(dict.fromkeys(map(chr, range(_first, _last + 1)), CJK_PLACEHOLDER))
_TABLE = str.maketrans(_MAP)


#: A middle dot between digits is a decimal point in Lancet style ("3·7 months", "0·5%"),
#: except before a power of ten, where it multiplies ("2·10^6", "2·10⁶ cells").
_DECIMAL_DOT = compile_regex("(?<=\\d)\u00b7(?=\\d)(?!10\\s*[\\^(Ee\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u207b])")

#: A thin or punctuation space between digit groups is a thousands separator in SI and Lancet
#: style ("200<U+2008>000 IU"): the shadow writes it as a comma, which the number grammar reads;
#: a plain space stays a space (too often two numbers side by side).
_THOUSANDS_SPACE = compile_regex("(?<=(?<![\\d.,])\\d{1,3})[\u2008\u2009\u202f](?=\\d{3}(?![\\d.,]))")


#: The ASCII characters the shadow changes (control characters, DEL): an ASCII text without
#: them is its own shadow (``str.translate`` looks every character up, even so).
_ASCII_CHANGED = compile_regex("[" + regex.escape("".join(c for c in _MAP if c.isascii())) + "]")


#: Every character the shadow changes (the keys of ``_MAP``, as ranges).
_CHANGED = re.compile(
    "["
    + "".join(
        f"\\U{ord(group[0]):08x}" + (f"-\\U{ord(group[-1]):08x}" if len(group) > 1 else "")
        for group in (
            [c for _i, c in run]
            for _k, run in groupby(enumerate(sorted(_MAP)), key=lambda item: ord(item[1]) - item[0])
        )
    )
    + "]"
)
#: A text with more changed characters than this is translated whole.
_FEW_CHANGES = 64


def _changed(m: re.Match) -> str:
    return _MAP[m.group()]


def shadow(text: str) -> str:
    """Return the same-length canonical shadow of ``text`` (see module docstring)."""
    if text.isascii():
        if _ASCII_CHANGED.search(text) is None:
            return text
        out = text.translate(_TABLE)
    else:
        # ``str.translate`` looks every character up in the (large) table; most texts have no
        # or a few characters to change, which are replaced where they are
        changes = _CHANGED.findall(text)
        if not changes:
            out = text
        elif len(changes) <= _FEW_CHANGES:
            out = _CHANGED.sub(_changed, text)
        else:
            out = text.translate(_TABLE)
    if "\u2008" in text or "\u2009" in text or "\u202f" in text:
        out = _put(out, _THOUSANDS_SPACE, text, ",")
    if "\u00b7" in text:
        out = _put(out, _DECIMAL_DOT, text, ".")
    return out


def _put(out: str, where: regex.Pattern, text: str, char: str) -> str:
    """``out`` with ``char`` at every place ``where`` matches in ``text`` (same length)."""
    places = [m.start() for m in where.finditer(text)]
    if not places:
        return out
    chars = list(out)
    for i in places:
        chars[i] = char
    return "".join(chars)


# --- clean-up with an offset map (the pipeline's first step, ``celltx_clean``) ----------
# Some input cannot be handled by the same-length shadow above: HTML entities ("&plusmn;" is
# one character written as eight), HTML tags, invisible format characters inside words
# ("mesen\u00adchymal", "MSC\u200bs"), PDF ligatures, control characters and lone
# surrogates. Such text is cleaned into a copy that the pipeline reads; every character of the
# copy remembers the characters of the original it stands for, so results are mapped back
# and offsets always refer to the text the caller gave.

#: Invisible format characters: soft hyphen, zero-width space/non-joiner/joiner, LRM/RLM,
#: bidi embeddings and isolates, word joiner and invisible operators, BOM.
_INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INLINE_TAGS = "sup|sub|i|b|em|strong|span|a|u|font|small|big|tt|code|abbr|mark|s|strike|ins|del"
_BLOCK_TAGS = (
    "p|br|hr|div|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|td|th|caption|title|abstract"
    "|abstracttext|article|section|body|html|head|blockquote|pre|figure|figcaption"
)
#: PDF ligatures, one character for two or three letters ("\ufb01brinogen" is "fibrinogen").
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
#: Control characters that are not white space (NUL, ESC, DEL, C1 controls): separators.
_CONTROLS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
_CLEAN_RE = compile_regex(
    r"(?P<sur>[\ud800-\udfff])"
    rf"|(?P<ctl>[{_CONTROLS}])"
    r"|(?P<lig>[\ufb00-\ufb06])"
    rf"|(?P<inv>[{_INVISIBLE}]+)"
    r"|(?<=10)(?P<exp><sup>\s*(?P<digits>[-\u2212\u2013]?\d{1,3})\s*</sup>)"
    r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    rf"|(?P<inline></?(?i:{_INLINE_TAGS})(?:\s[^<>]{{0,200}})?>)"
    rf"|(?P<block></?(?i:{_BLOCK_TAGS})(?:\s[^<>]{{0,200}})?/?>)"
)
#: A cheap test that ``_CLEAN_RE`` can match at all: one of its characters, "&" before "#" or a
#: letter (an entity), "<" before "/" or a letter (a tag). "P<0.05" or "R&D " need no scan.
_CLEAN_HINT = compile_regex(rf"[\ud800-\udfff\ufb00-\ufb06{_INVISIBLE}{_CONTROLS}]|&[#A-Za-z]|</?[A-Za-z]")
_SURROGATE_RE = compile_regex(r"[\ud800-\udfff]")
#: What a lone surrogate becomes (spaCy cannot store one: its strings must encode as UTF-8).
REPLACEMENT_CHARACTER = "\ufffd"


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, same offsets)."""
    return _SURROGATE_RE.sub(REPLACEMENT_CHARACTER, text) if _SURROGATE_RE.search(text) else text


def _replacement(m: regex.Match) -> list[tuple[str, int, int]] | None:
    """What one match becomes in the cleaned copy: (character, original start, original end)
    for each new character; ``None`` leaves the match as it is."""
    a, b = m.span()
    kind = m.lastgroup if m.lastgroup != "digits" else "exp"
    if kind == "sur":
        new = REPLACEMENT_CHARACTER
    elif kind == "ctl":
        new = " "  # read as a word separator (the NER then never keeps it at a span edge)
    elif kind == "lig":
        new = _LIGATURES[m.group()]
    elif kind == "exp":  # 10<sup>6</sup> -> 10^6, each digit keeping its own offset
        d0, d1 = m.span("digits")
        return [("^", a, d0)] + [(text_char, i, i + 1) for i, text_char in zip(range(d0, d1), m.group("digits"))]
    elif kind == "ent":
        new = html.unescape(m.group())
        if len(new) != 1 or new == m.group():
            return None
    elif kind in ("inv", "inline"):
        new = ""
    else:
        new = " "  # block tags separate words
    return [(c, a, b) for c in new]


@dataclass(frozen=True)
class Cleaned:
    """A cleaned copy of ``original``: ``starts[i]``/``ends[i]`` are the original offsets
    covered by character ``i`` of ``text``."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the cleaned characters ``[start:end]``."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def clean(text: str) -> Cleaned | None:
    """The cleaned copy of ``text`` with its offset map, or ``None`` when nothing needs cleaning."""
    if not _CLEAN_HINT.search(text):
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _CLEAN_RE.finditer(text):
        new = _replacement(m)
        if new is None:
            continue
        a, b = m.span()
        parts.append(text[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        for char, start, end in new:
            parts.append(char)
            starts.append(start)
            ends.append(end)
        pos = b
    if not parts:
        return None
    parts.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return Cleaned(text, "".join(parts), starts, ends)
