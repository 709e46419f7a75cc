"""Numeric parsing shared by every normaliser (doses, lab values, time points, frequencies).

One place knows how numbers are written in abstracts copied from PDFs and web pages:

* plain and grouped numbers: "17.9", "1,500", ".5"; number words: "four", "twenty-four";
* multipliers: "×10^6", "x10^6", "* 10E6", "x 10exp6", "10(6)", "10⁶", "1.0E+06" and the lost-superscript forms
  "×106", "x107" (10 followed by the exponent digits after a multiplication sign), "million";
* ranges: "0.5-1.0", "30–50", "0.5 to 1.0", "between 1 and 2";
* spreads: "17.9±5.6", "17.9 +/- 5.6", "8.1 (SD 0.8)", "8.1 (0.8)", "17 (IQR 14–21)";
* comparators: "<", "≤", "<=", ">", "≥", ">=".

All functions take text already passed through :func:`celltx.textnorm.shadow` or raw text;
they apply the shadow themselves, so callers need not care.
"""

from __future__ import annotations

import regex

from ..compile_cache import compile_regex
from ..rx import rx
from ..textnorm import shadow

NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5,
    "single": 1, "once": 1, "twice": 2, "thrice": 3,
}
NUMBER_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
)
#: A written number: digits with optional thousands groups and decimals, or ".5".
NUM = r"(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"  # atomic: no backtracking into digits
#: A bare power of ten written as a number: "10^6", "10(6)".
POW = r"(?:10\s*\^\s*-?\d{1,2}|10\(\s*-?\d{1,2}\s*\))"
#: A number or a number word.
NUMW = rf"(?:{POW}|{NUM}|(?i:{NUMBER_WORD_RE}))"
#: Multiplier after a number: ×10^6, x106 (lost superscript), *10E6, 10(6), million.
MULT = (
    r"(?:\s*\\?[×x*X·]\s*10\s*(?:\^\s*[-+]?\d{1,2}|\(\s*[-+]?\d{1,2}\s*\)|(?:[Ee]|exp)\s*[-+]?\d{1,2}|-?\d{1,2})"
    r"|\s*[Ee]\s*\+?\d{1,2}(?![\d.])"
    r"|\s+(?:[Mm]illion|[Bb]illion|[Tt]housand)\b)"
)
RANGE_SEP = r"(?:\s*-\s*|\s+to\s+|\s*~\s*)"
#: The sign of a spread ("±", and its plain-text spellings "+/-", "+-", "+ / -").
PLUS_MINUS = r"(?:±|\+/-|\+-|\+\s*/\s*-)"
#: A comparator sign, as printed and as typed in plain text ("≥", ">=", "=>", "> or =", ">/=",
#: "</="): the ``{CMP}`` building block of the rule files and the parser below.
CMP = r"(?:>\s*or\s*=|<\s*or\s*=|>\s*/\s*=|<\s*/\s*=|≤|≥|<=|>=|=<|=>|<|>|⩽|⩾)"
COMPARATOR_RE = compile_regex(rf"^\s*({CMP})\s*")
_COMPARATORS = {">or=": ">=", "<or=": "<=", ">/=": ">=", "</=": "<=", "≤": "<=", "⩽": "<=", "<=": "<=", "=<": "<=",
                "≥": ">=", "⩾": ">=", ">=": ">=", "=>": ">=", "<": "<", ">": ">"}

_NUM_RE = compile_regex(NUM)
_MULT_RE = compile_regex(
    r"\\?[×x*X·]\s*10\s*(?:\^\s*\+?(-?\d{1,2})|\(\s*\+?(-?\d{1,2})\s*\)|(?:[Ee]|exp)\s*\+?(-?\d{1,2})|(-?\d{1,2}))"
    r"|[Ee]\s*\+?(\d{1,2})(?![\d.])"
    r"|(?i:(million|billion|thousand))"
)
_WORD_MULT = {"million": 1e6, "billion": 1e9, "thousand": 1e3}


def parse_number(text: str) -> float | None:
    """Parse one number ("1,500", "0.5", "four", "twenty-four") or return ``None``."""
    t = shadow(text).strip().lower()
    if not t:
        return None
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    if "-" in t and all(part in NUMBER_WORDS for part in t.split("-")):
        tens, ones = t.split("-", 1)
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    power = rx(r"10\s*(?:\^\s*(-?\d{1,2})|\(\s*(-?\d{1,2})\s*\))").fullmatch(t)
    if power:
        return 10.0 ** int(power.group(1) or power.group(2))
    m = _NUM_RE.fullmatch(t)
    if not m:
        return None
    return float(t.replace(",", ""))


def find_numbers(text: str) -> list[tuple[float, int, int]]:
    """All numbers (digits or number words) in ``text`` as (value, start, end)."""
    t = shadow(text)
    out = []
    for m in rx(rf"(?<![\w.]){NUMW}(?![\w])").finditer(t):
        value = parse_number(m.group())
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


def multiplier(text: str) -> tuple[float, int, int] | None:
    """The first multiplier in ``text`` as (factor, start, end), e.g. "×106" -> 1e6."""
    m = _MULT_RE.search(shadow(text))
    if not m:
        return None
    word = m.group(6)
    if word:
        return _WORD_MULT[word.lower()], m.start(), m.end()
    exp = next(g for g in m.groups()[:5] if g is not None)
    return 10.0 ** int(exp), m.start(), m.end()


def parse_comparator(text: str) -> tuple[str | None, str]:
    """Split a leading comparator off ``text``: ("≥10") -> (">=", "10")."""
    t = shadow(text)
    m = COMPARATOR_RE.match(t)
    if not m:
        return None, text
    return _COMPARATORS[rx(r"\s+").sub("", m.group(1))], text[m.end():]


def parse_amount(text: str) -> tuple[float | None, float | None, str]:
    """Parse a leading amount, possibly a range, with multipliers applied.

    Returns (low, high, rest) where ``rest`` is the text after the amount (usually the unit).
    "0.5-1.0×106 cells/kg" -> (500000.0, 1000000.0, "cells/kg");
    "30–50 million MSCs" -> (3e7, 5e7, "MSCs"); "4x107/40ml" -> (4e7, 4e7, "/40ml").
    """
    t = shadow(text)
    pattern = rx(
        rf"^\s*(?:between\s+)?(?P<a>{NUMW})(?P<ma>{MULT})?"
        rf"(?:(?:{RANGE_SEP}|\s+(?:and|or)\s+)(?P<b>{NUMW})(?P<mb>{MULT})?)?",
        regex.IGNORECASE,
    )
    m = pattern.match(t)
    if not m:
        return None, None, text
    a = parse_number(m.group("a"))
    b = parse_number(m.group("b")) if m.group("b") else None
    fa = multiplier(m.group("ma"))[0] if m.group("ma") else None
    fb = multiplier(m.group("mb"))[0] if m.group("mb") else None
    # a multiplier written once applies to both ends of a range ("0.5-1.0×10^6")
    factor_a = fa or fb or 1.0
    factor_b = fb or fa or 1.0
    low = a * factor_a if a is not None else None
    high = b * factor_b if b is not None else low
    rest = text[m.end():].strip()
    return _clean(low), _clean(high), rest


def _clean(x: float | None) -> float | None:
    """Round away binary noise (0.5*1e6 -> 500000.0) so equal-looking values compare equal."""
    if x is None:
        return None
    return float(f"{x:.12g}")
