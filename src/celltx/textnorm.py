"""Character-level normalisation that never moves an offset.

Text copied from PDFs and web pages uses many characters for the same thing (Unicode minus,
en dash, micro sign vs Greek mu, non-breaking and thin spaces, superscript digits, ligatures).
Matchers run their regular expressions on a *shadow* string of exactly the same length as the
document text, in which each character is replaced by one canonical character. A match at
``[start:end]`` in the shadow is therefore the same span in the original text: offsets reported
to users always point into the text they gave us.
"""

from __future__ import annotations

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


def shadow(text: str) -> str:
    """Return the same-length canonical shadow of ``text`` (see module docstring)."""
    return text.translate(_TABLE)
