"""LAB_TEST analyte names and LAB_VALUE parsing (value, spread, range, comparator, unit)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from ..rx import rx
from ..textnorm import shadow
from .numbers import NUM, PLUS_MINUS, parse_comparator, parse_number

#: The LAB_TEST lexicons: hand-written names and abbreviations, and the LOINC-keyed names
#: generated from a maintained table (``python -m celltx.normalize.lab_lexicon``).
LAB_LEXICONS = ("lab_tests.jsonl", "lab_tests_loinc.jsonl")

_PREFIXES = ("serum ", "plasma ", "blood ", "fasting ", "baseline ")
_SUFFIXES = (" scores", " score", " levels", " level", " values", " value")


@lru_cache(maxsize=1)
def analyte_table() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case names -> analyte, case-sensitive abbreviations -> analyte) from the lexicon."""
    names: dict[str, str] = {}
    abbrevs: dict[str, str] = {}
    rows = [row for name in LAB_LEXICONS for row in read_jsonl_resource(name)]
    for row in rows:
        pattern = row["pattern"]
        if isinstance(pattern, str):
            names.setdefault(" ".join(shadow(pattern).lower().split()), row["id"])
        elif row.get("id") and len(pattern) == 1 and isinstance(pattern[0].get("TEXT"), str):
            abbrevs.setdefault(pattern[0]["TEXT"], row["id"])
    return names, abbrevs


def analyte_of(text: str) -> str | None:
    """Canonical analyte for a LAB_TEST mention ("Serum Total Bilirubin" -> "total bilirubin")."""
    names, abbrevs = analyte_table()
    raw = " ".join(shadow(text).split())
    if raw in abbrevs:
        return abbrevs[raw]
    t = raw.lower()
    for _ in range(3):
        if t in names:
            return names[t]
        changed = False
        for p in _PREFIXES:
            if t.startswith(p):
                t, changed = t[len(p):], True
        for s in _SUFFIXES:
            if t.endswith(s):
                t, changed = t[: -len(s)], True
        if not changed:
            break
    if t in names:
        return names[t]
    if rx(r"(?i)^interleukin\s*\(\s*il\s*\)").match(t):  # "[Serum] Interleukin (IL)-6" -> "interleukin-6"
        return analyte_of(rx(r"(?i)^interleukin\s*\(\s*il\s*\)\s*-?\s*").sub("interleukin-", t))
    if "(" in raw:  # "white blood cell (WBC) count": the name without its bracketed abbreviation
        plain = " ".join(rx(r"\([^()]{1,12}\)").sub(" ", raw).split())
        if plain != raw:
            return analyte_of(plain)
    bare = raw.split()[0] if raw else raw
    return abbrevs.get(bare)


_SPECIMEN = compile_regex(r"(?i)^(?:serum|plasma|plasmatic|blood|circulating)\s+")


def analyte_name(text: str, known: str | None = None) -> str:
    """The analyte of a LAB_TEST: the lexicon's name, else ``known`` (a pattern's id), else the
    mention in lower case without a leading serum/plasma/blood word ("serum TFF3" -> "tff3";
    urine keeps its word, as urinary analytes are named with it)."""
    found = analyte_of(text) or known
    if found:
        return found
    return _SPECIMEN.sub("", " ".join(shadow(text).lower().split()))


def exponent_form(numerator: str, denominator: str) -> str:
    """A unit written with a negative exponent ("g dl−1", "g.dl-1", "U l-1"): the one place this
    notation is written, for the units.jsonl rows marked ``"exponent": [numerator, denominator]``."""
    return numerator + r"(?:\s+|\s*[·.]\s*)" + denominator + r"\s*[-−–]\s*1(?!\d)"


#: A power of ten written before a count unit ("× 10^5 IU/mL", "x 10(9) cells/L", "*10E3/μL",
#: "1.2E+03 IU/mL"), its exponent captured; or a lakh, 10^5 in Indian usage ("1.5 lakh/cumm"
#: platelets). A cell word after the power belongs to the unit only where the row says so
#: ("× 10^9 cells/L"): "1×10^6 cells/µl" may as well be a dose.
POWER_BEFORE_UNIT = (
    r"(?:[×x*·]\s*10\s*(?:\^\s*\+?(?P<exp>[-−]?\d{1,2})|\(\s*\+?(?P<exp>[-−]?\d{1,2})\s*\)|e\s*\+?(?P<exp>-?\d{1,2}))"
    r"|e\s*\+?(?P<exp>-?\d{1,2})(?=\s|/|c)|\s*(?P<lakh>lakhs?|lacs?)(?=\s*/))\s*"
)


def power_form(base: str) -> str:
    """A unit written after a power of ten (rows marked ``"powers": true``, or ``"only"`` for
    a unit never written without one, such as "/L"): the one place this notation is written."""
    return POWER_BEFORE_UNIT + f"(?:{base})"


#: Volumes written out, as NEJM and JAMA write units ("mg per deciliter", "IU per liter",
#: "cells per cubic millimeter"), or in other short forms ("cells/cumm", "/cu mm"): the
#: abbreviation as units.jsonl writes it after a slash -> the other spellings.
_CUBIC_MM = r"cubic\s+milli-?met(?:er|re)s?|cu\.?\s*mm|cumm|cmm"
VOLUME_WORDS = {
    r"l(?:itre|iter)?": r"lit(?:er|re)s?",
    r"dl": r"deci-?lit(?:er|re)s?",
    r"ml": r"milli-?lit(?:er|re)s?",
    r"[μu]l": r"micro-?lit(?:er|re)s?",
    r"mm\s*3": _CUBIC_MM,
    r"mm3": _CUBIC_MM,
    r"l": r"lit(?:er|re)s?",
}
#: "/" as units.jsonl writes it ("\s*/\s*", "\s*(?:/|per)\s*", a leading "/\s*"), before one of
#: those volumes.
_SLASH_VOLUME = regex.compile(
    r"(?:\\s\*)?(?:/|\(\?:/\|per\)|\(\?:/\|\\s\+per\\s\+\))\\s\*"
    r"(?P<den>" + "|".join(regex.escape(k) for k in VOLUME_WORDS) + r")(?![a-zA-Z(])"
)


#: Amounts written out before a volume ("120 micrograms per liter", "11.2 grams per deciliter"):
#: the abbreviation as a units.jsonl row begins with it -> the word.
AMOUNT_WORDS = {
    r"mg": r"milli-?grams?", r"g": r"grams?", r"ng": r"nano-?grams?", r"pg": r"pico-?grams?",
    r"[μu]g": r"micro-?grams?", r"(?:[μu]g|mcg)": r"micro-?grams?", r"mmol": r"milli-?moles?",
    r"(?:[μu]|micro)mol": r"micro-?moles?", r"nmol": r"nano-?moles?", r"pmol": r"pico-?moles?",
    r"iu": r"international\s+units?", r"meq": r"milli-?equivalents?",
}
_AMOUNT_FIRST = regex.compile(
    "^(?P<num>" + "|".join(regex.escape(k) for k in sorted(AMOUNT_WORDS, key=len, reverse=True)) + r")(?=\(\?:\\s\*/|\\s\*/|\\s\*\(\?:/)"
)


def per_volume_form(unit_rx: str) -> str:
    """``unit_rx`` with every "/ volume" also read as "per" and the volume written out ("mg
    per deciliter", "IU per liter", "per cubic millimeter"), and the amount before it written
    out too ("120 micrograms per liter"): the one place this notation is written, for every
    lab row of units.jsonl."""
    if not _SLASH_VOLUME.search(unit_rx):
        return unit_rx
    amount = _AMOUNT_FIRST.sub(lambda m: f"(?:{m['num']}|{AMOUNT_WORDS[m['num']]})", unit_rx)
    return _SLASH_VOLUME.sub(
        lambda m: rf"(?:\s*/\s*|(?:\s+|^)per\s+)(?:{m['den']}|{VOLUME_WORDS[m['den']]})", amount)


def unit_regex(row: dict) -> str:
    """The regex of a ``lab`` row of units.jsonl: its ``regex`` with the volume also written
    out (:func:`per_volume_form`), or its ``exponent`` pair written in :func:`exponent_form`."""
    return exponent_form(*row["exponent"]) if "exponent" in row else per_volume_form(row["regex"])


def _row_regexes(row: dict) -> list[str]:
    """Every spelling a ``lab`` row stands for: the unit alone and after a power of ten."""
    powers = row.get("powers")
    alone = [] if powers == "only" else [unit_regex(row)]
    return alone + ([power_form(unit_regex(row))] if powers else [])


def _scaled(unit: str, exponent: str) -> str:
    """The canonical spelling of ``unit`` after 10^``exponent``: "10^5 IU/mL", "10^9/L"
    (read back by :func:`split_power`)."""
    power = f"10^{int(exponent.replace('−', '-'))}"
    return power + unit if unit.startswith("/") else f"{power} {unit}"


_SCALED_RE = compile_regex(r"^10\^(?P<exp>-?\d{1,2})\s?(?P<base>\S.*)$")


def split_power(canonical: str) -> tuple[int, str] | None:
    """(exponent, base unit) of a canonical unit written after a power of ten ("10^5/uL" ->
    (5, "/uL"), "10^6 copies/mL" -> (6, "copies/mL")); ``None`` for any other unit."""
    m = _SCALED_RE.match(canonical)
    return (int(m["exp"]), m["base"]) if m else None


@lru_cache(maxsize=1)
def _unit_rules() -> tuple[tuple[regex.Pattern, str, bool], ...]:
    """(pattern, canonical unit, whether the pattern reads a power of ten) in file order, the
    rows written out first, so an explicit row ("10^9/L") wins over the general power form."""
    rules, scaled = [], []
    for row in read_jsonl_resource("units.jsonl"):
        if row.get("kind") != "lab":
            continue
        if row.get("powers") != "only":
            rules.append((compile_regex(rf"^(?:{unit_regex(row)})$", regex.IGNORECASE), row["unit"], False))
        if row.get("powers"):
            scaled.append((compile_regex(rf"^(?:{power_form(unit_regex(row))})$", regex.IGNORECASE), row["unit"], True))
    return tuple(rules + scaled)


#: What only a laboratory measures in a body fluid: the units of these dimensions name a lab
#: value whatever word comes before them (``{CONC_UNIT}``); a percentage, a pressure or a time
#: could be anything.
CONCENTRATION_DIMENSIONS = ("substance", "mass_concentration", "arbitrary_units", "count", "log_count",
                            "log_arbitrary_units")


def unit_block(dimensions: tuple[str, ...] | None = None) -> str:
    """The ``lab`` units of ``patterns/units.jsonl`` as one alternation: the matcher's
    ``{LABUNIT}`` building block (``{CONC_UNIT}`` with ``dimensions``: only units of those
    dimensions), so a lab unit is written once for matching and for
    canonicalising. Longest spellings first; a unit never ends inside a word ("5 sec" is a
    value in seconds, "5 secondary" is not)."""
    rows = [r for r in read_jsonl_resource("units.jsonl") if r.get("kind") == "lab"
            and (dimensions is None or r.get("dimension") in dimensions)]
    alts = sorted((f"(?:{alt})" for r in rows for alt in _row_regexes(r)), key=len, reverse=True)
    return "(?i:" + "|".join(alts) + ")(?![A-Za-z])"


@lru_cache(maxsize=1)
def _dimensions() -> dict[str, str]:
    return {
        row["unit"]: row["dimension"]
        for row in read_jsonl_resource("units.jsonl")
        if row.get("kind") == "lab" and row.get("dimension")
    }


def unit_dimension(unit: str | None) -> str | None:
    """What a lab unit measures ("mg/dL" -> "mass_concentration", "10^5 IU/mL" -> as IU/mL);
    ``None`` when unknown."""
    canonical = canonical_lab_unit(unit)
    if not canonical:
        return None
    scaled = split_power(canonical)
    return _dimensions().get(canonical) or (_dimensions().get(scaled[1]) if scaled else None)


def canonical_lab_unit(unit: str | None) -> str | None:
    """UCUM-like unit ("μmol/l" -> "umol/L"); unknown units are returned as written."""
    if not unit:
        return None
    u = " ".join(shadow(unit).split())
    for pattern, canonical, scaled in _unit_rules():
        m = pattern.match(u)
        if m:
            return _scaled(canonical, "5" if m.group("lakh") else m.group("exp")) if scaled else canonical  # a lakh is 10^5
    return u


_VALUE_RE = compile_regex(
    rf"""^\s*(?P<value>-?{NUM})
    (?:\s*{PLUS_MINUS}\s*(?P<sd>{NUM})
      |\s*\(\s*(?:(?:SD|s\.d\.|sd)\s*[:=]?\s*)?(?P<sd2>{NUM})\s*\)
      |\s*\(\s*(?:(?:IQR|range|interquartile\s+range|95%\s*CI)\s*[:,]?\s*)?(?P<lo>-?{NUM})\s*(?:-|to|,)\s*(?P<hi>-?{NUM})\s*\)
      |\s*(?:-|to|and)\s*(?P<hi2>-?{NUM})  # "between 4.4 and 6.1 mmol/l"
    )?
    \s*(?P<unit>[^\s()\[\],;].*?)?\s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)


#: Comparator words, one table for the matcher (the building blocks {WORD_CMP_BEFORE} and
#: {WORD_CMP_AFTER} of numeric.jsonl) and this parser: word -> (comparator when written
#: before the number, when written after it: "less than 40%" is <, "40% or less" is <=).
WORD_CMP_BEFORE_TABLE = {
    "less than": "<", "lower than": "<", "fewer than": "<", "below": "<", "under": "<",
    "more than": ">", "greater than": ">", "higher than": ">", "above": ">", "exceeding": ">",
    "over": ">", "at least": ">=", "not less than": ">=", "no less than": ">=",
    "at most": "<=", "not more than": "<=", "no more than": "<=", "up to": "<=",
}
WORD_CMP_AFTER_TABLE = {
    "or more": ">=", "or greater": ">=", "or higher": ">=", "or above": ">=",
    "or less": "<=", "or lower": "<=", "or below": "<=", "or fewer": "<=",
}


def _words_alternation(words: Iterable[str]) -> str:
    return "|".join(r"\s+".join(regex.escape(w) for w in phrase.split()) for phrase in sorted(words, key=len, reverse=True))


#: the matcher's blocks (only the words the matcher takes as comparators; "over", "under" and
#: "up to" are too often something else before a number to propose a span on their own)
_MATCHER_SKIPS = {"over", "under", "up to"}
WORD_CMP_BEFORE = _words_alternation(w for w in WORD_CMP_BEFORE_TABLE if w not in _MATCHER_SKIPS)
WORD_CMP_AFTER = _words_alternation(WORD_CMP_AFTER_TABLE)
_WORD_CMP_BEFORE = compile_regex(rf"(?i)^\s*({_words_alternation(WORD_CMP_BEFORE_TABLE)})\s+")
_WORD_CMP_AFTER = compile_regex(rf"(?i)\s+({WORD_CMP_AFTER})\s*$")
#: "1:128": a titre written as a dilution; its value is the reciprocal (128)
_TITRE = compile_regex(r"^\s*1\s*:\s*(?P<value>\d+(?:[,.]\d+)?)\s*$")


def _signed(number: str) -> float | None:
    """A number that may carry a minus sign ("-17.3")."""
    value = parse_number(number.lstrip("-"))
    return -value if value is not None and number.startswith("-") else value


def parse_lab_value(text: str) -> dict[str, object]:
    """Parse a LAB_VALUE span: "≥ 10" -> value 10, comparator ">="; "80±18 μmol/l" -> ...

    A trailing "%" or unit word is the unit; "8.1% (0.8)" puts the unit between value and SD,
    which is handled by moving it to the end first.
    """
    attrs: dict[str, object] = {"value": None, "sd": None, "low": None, "high": None,
                                "comparator": None, "unit": None}
    comparator, rest = parse_comparator(text)
    rest = shadow(rest)
    words = _WORD_CMP_BEFORE.match(rest)
    if words:  # "less than 40%"
        comparator, rest = WORD_CMP_BEFORE_TABLE[" ".join(words.group(1).lower().split())], rest[words.end():]
    after = _WORD_CMP_AFTER.search(rest)
    if after:  # "1.5 or more"
        comparator, rest = WORD_CMP_AFTER_TABLE[" ".join(after.group(1).lower().split())], rest[: after.start()]
    attrs["comparator"] = comparator
    titre = _TITRE.match(rest)
    if titre:  # "1:128", no unit
        attrs["value"] = parse_number(titre.group("value"))
        return attrs
    rest = rx(r"^\s*\+\s?(?=\d)").sub("", rest)  # "+2 SDS", "+ 0.36 ± 0.52": an explicit plus sign
    # "104 [51, 123]", "2.5 ng/ml (−17.3; 22.5)", "− 32 [− 96, − 5]": one bracket, one separator
    rest = rx(r"(?<![\d.])-\s+(?=\d)").sub("-", rest).replace("[", "(").replace("]", ")")
    rest = rx(r"(?<=\d)\s*;\s*(?=-?\d)").sub(", ", rest)
    # "7.20% ± 0.56%": the unit written on the mean and on its spread is read once, at the end
    rest = rx(rf"^(\s*-?{NUM})\s*%(?=\s*{PLUS_MINUS}\s*{NUM}\s*%\s*$)").sub(r"\1", rest)
    unit_before_paren = rx(rf"^\s*(-?{NUM})\s*(%|[^\s\d()]+)\s*(\(.*\))\s*$").match(rest)
    if unit_before_paren:
        rest = f"{unit_before_paren.group(1)} {unit_before_paren.group(3)} {unit_before_paren.group(2)}"
    m = _VALUE_RE.match(rest)
    if not m:
        return attrs
    attrs["value"] = _signed(m.group("value"))
    sd = m.group("sd") or m.group("sd2")
    attrs["sd"] = parse_number(sd) if sd else None
    lo, hi = m.group("lo"), m.group("hi") or m.group("hi2")
    if hi:
        attrs["low"] = _signed(lo) if lo else attrs["value"]
        attrs["high"] = _signed(hi)
        if not lo:  # a plain range "14-21": no central value
            attrs["value"] = None
    attrs["unit"] = canonical_lab_unit(m.group("unit"))
    return attrs
