"""DOSE parsing: amount (low/high with multipliers applied), unit, named dose level."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from ..rx import rx
from ..textnorm import shadow
from .numbers import PLUS_MINUS, parse_amount

#: Named dose levels ("[low-dose]", "[higher doses]"): word -> level. One table for the matcher
#: (the building block {DOSE_LEVEL} of numeric.jsonl) and this parser.
_LEVELS = {"low": "low", "lower": "low", "small": "low", "medium": "medium", "middle": "medium",
           "intermediate": "medium", "moderate": "medium", "high": "high", "higher": "high", "large": "high"}
DOSE_LEVEL = "|".join(sorted(_LEVELS, key=len, reverse=True))
_LEVEL_RE = compile_regex(rf"(?i)\b({DOSE_LEVEL})[\s-]*dos(?:e|es|age)\b")


@lru_cache(maxsize=1)
def _unit_rules() -> tuple[tuple[regex.Pattern, str], ...]:
    return tuple(
        (compile_regex(rf"^(?:{row['regex']})$", regex.IGNORECASE), row["unit"])
        for row in read_jsonl_resource("units.jsonl")
        if row.get("kind") == "dose"
    )


@lru_cache(maxsize=1)
def _drug_unit_tables() -> tuple[tuple[tuple[regex.Pattern, str], ...], tuple[tuple[regex.Pattern, str], ...]]:
    rows = read_jsonl_resource("units.jsonl")
    base = tuple(
        (compile_regex(rf"^(?:{r['regex']})$", regex.IGNORECASE), r["unit"])
        for r in rows
        if r.get("kind") == "dose_base"
    )
    per = tuple(
        (compile_regex(rf"^(?:{r['regex']})$", regex.IGNORECASE), r["unit"])
        for r in rows
        if r.get("kind") == "dose_per"
    )
    return base, per


def unit_block(kind: str) -> str:
    """The ``dose_base`` or ``dose_per`` units of ``patterns/units.jsonl`` as one alternation.

    The matcher's ``{DRUG_UNIT}``/``{DRUG_PER}`` building blocks come from here, so a unit is
    written once for matching and for canonicalising.
    """
    rows = [r for r in read_jsonl_resource("units.jsonl") if r.get("kind") == kind]
    # longest spellings first so "mg" is tried before "g"
    alts = sorted((f"(?:{r['regex']})" for r in rows), key=len, reverse=True)
    return "(?i:" + "|".join(alts) + ")"


def unit_regex(kind: str, unit: str) -> str:
    """The spellings of one unit of ``patterns/units.jsonl`` ("dose_per", "kg" -> "kg", "kg body
    weight", "kg IBW", ...): the ``{KG}`` building block, so "per kilogram" is written once."""
    rows = [r for r in read_jsonl_resource("units.jsonl") if r.get("kind") == kind and r.get("unit") == unit]
    if not rows:
        raise KeyError(f"units.jsonl has no {kind} unit {unit!r}")
    return "(?i:" + "|".join(f"(?:{r['regex']})" for r in rows) + ")"


def _lookup(table: tuple[tuple[regex.Pattern, str], ...], text: str) -> str | None:
    return next((canonical for pattern, canonical in table if pattern.match(text)), None)


def _drug_unit(u: str) -> str | None:
    """"mcg/kg/d" -> "ug/kg/day"; "IU per m2" -> "IU/m2"; None when a part is unknown."""
    parts = [p.strip() for p in rx(r"\s*/\s*|\s+per\s+").split(u)]
    base, per = _drug_unit_tables()
    head = _lookup(base, parts[0])
    if head is None:
        return None
    tail = [_lookup(per, p) for p in parts[1:]]
    if any(t is None for t in tail):
        return None
    return "/".join([head, *tail])  # type: ignore[list-item]


def canonical_dose_unit(unit: str) -> str | None:
    """"MSC/kg body" -> "cells/kg"; "ml" -> "mL"; "0.4 IU/kg" -> "IU/kg"; "/40ml" -> "cells"."""
    u = " ".join(shadow(unit).split()).strip(" .,;")
    if not u:
        return None
    # "ug/(kg·h)" -> "ug/kg/h": a bracketed compound period
    u = rx(r"/\s*\(\s*([^()\s·.*×]+)\s*(?:[·.*×]\s*|\s+)([^()\s]+?)\s*\)").sub(r"/\1/\2", u)
    if rx(r"^/\s*\d").match(u):  # "4x107/40ml": a cell count in a volume
        return "cells"
    drug = _drug_unit(u)
    if drug is not None:
        return drug
    for pattern, canonical in _unit_rules():
        if pattern.match(u):
            return canonical
    return u


#: What is left after a cell count per kilogram whose cell word follows or is missing.
_PER_KG_CELLS_RE = compile_regex(
    r"(?i)^/\s*(?:kg|kilogram)(?:\s+(?:of\s+)?body(?:\s+weight)?)?(?:\s+[\w+-]*(?:cells?|MSCs?|MNCs?|SCs?))?\s*$"
)
#: What is left after an amount when its power of ten was not read ("E+0.6", "^6", "x 10").
_UNREAD_POWER_RE = compile_regex(r"(?i)^\s*(?:e\s*[-+]?\s*\d|exp\s*[-+]?\d|\^|\\?[×x*·]\s*10(?!\d*\s*(?:[a-zµμ%]|$)))")
_REPEATED_UNIT_RE = compile_regex(r"^(\s*[\d.,]+)\s*([A-Za-zμ/]+)(\s*(?:-|to)\s*[\d.,]+\s*\2\b)")


def parse_dose(text: str) -> dict[str, object]:
    attrs: dict[str, object] = {"low": None, "high": None, "unit": None, "level": None}
    level = _LEVEL_RE.search(shadow(text))
    if level:
        attrs["level"] = _LEVELS[level.group(1).lower()]
        return attrs
    # "200 ml to 400 ml": a unit written on both ends of a range is read once
    text = _REPEATED_UNIT_RE.sub(r"\1\3", shadow(text))
    # "0, 1, or 5 %", "0.1, 0.4 or 0.75 mg": alternatives listed with one unit span from the least to the most
    listed = rx(r"^\s*(?P<nums>[\d.]+(?:(?:\s*,\s+(?:or\s+|and\s+)?|\s*,\s*(?:or|and)\s+|\s+(?:or|and)\s+)[\d.]+){2,})"
                r"\s*(?P<unit>\S.*)$").match(text)
    if listed:
        nums = [float(n) for n in rx(r"\d+(?:\.\d+)?").findall(listed.group("nums"))]
        attrs["low"], attrs["high"] = min(nums), max(nums)
        unit = listed.group("unit").strip()
        attrs["unit"] = "%" if unit.startswith("%") else canonical_dose_unit(unit)
        return attrs
    # "320/9 μg": the strengths of a fixed combination, one per product: no single amount
    ratio = rx(r"^\s*1\s*:\s*([\d,]{3,})\s*$").match(text)
    if ratio:  # "1:200,000" (D68): recorded like a titre, the denominator, no unit
        attrs["low"] = attrs["high"] = parse_amount(ratio.group(1))[0]
        return attrs
    fraction = rx(r"^\s*1\s*/\s*([234])\s*([a-zμµ][\w/]*)\s*$", regex.IGNORECASE).match(text)
    if fraction:  # "1/2 tablet": half a unit
        attrs["low"] = attrs["high"] = float(f"{1 / int(fraction.group(1)):.4g}")
        attrs["unit"] = canonical_dose_unit(fraction.group(2))
        return attrs
    combination = rx(r"^\s*[\d.,]+\s*/\s*[\d.,]+\s*([a-zμµ][\w/]*)\s*$", regex.IGNORECASE).match(text)
    if combination:
        attrs["unit"] = canonical_dose_unit(combination.group(1))
        return attrs
    # "50.1 ± 58.5 × 10^6 MNCs/kg": a mean dose with its spread; low = high = the mean
    text = rx(rf"^(\s*[\d.,]+)\s*{PLUS_MINUS}\s*[\d.,]+").sub(r"\1", text)
    low, high, rest = parse_amount(text)
    if _UNREAD_POWER_RE.match(rest):
        # a power of ten the amount grammar could not read ("1.0 E+0.6"): no amount is
        # better than the mantissa alone, a number that looks right and is a million off
        return attrs
    rest = rx(r"^-(?=\D)").sub("", rest)  # "300-μg", "5-mg dose"
    # "unit · kg−1 · h−1" -> "unit/kg/h", "mg m-2" -> "mg/m2"; "units of regular insulin per kg" -> "units per kg"
    rest = rx(r"(?:\s*[·.]\s*|\s+)(kg|m2|h|hr|min|day|d)(?:\s+(?:of\s+)?body\s+weight)?\s*-\s*1\b").sub(r"/\1", shadow(rest))
    rest = rx(r"\s*(?:[·.]\s*)?m\s*-\s*2\b").sub("/m2", rest)  # "35 mg m-2" -> "mg/m2"
    rest = rx(r"(?i)^([a-zμµ]+)\s+of\s+(?:[\w-]+\s+){1,3}?(per|/)\s*").sub(r"\1 \2 ", rest)
    # "12 mg astaxanthin/day", "1.1 g protein/kg": the substance between the unit and its period
    rest = rx(r"(?i)^(mg|g|[µμu]g|mcg|IU|mmol|mL|ml|kcal)\s+(?!per\b)[\w\-\u03b1-\u03c9]+\s*/\s*").sub(r"\1/", rest)
    rest = rx(r"(?i)\s*(?:per|/)\s*(?:affected\s+)?(?:eye|nostril)s?\s*$").sub("", rest)  # "50 mcg/nostril"
    if rest.startswith("/"):  # "0.14 · kg−1 · h−1": the amount's unit is not written ...
        # ... unless the amount is a count of cells per kilogram ("1.5 × 10^6/kg", "5 million/kg MSCs")
        per_kg = _PER_KG_CELLS_RE.match(rest) and low is not None and low >= 1e4
        rest = "cells/kg" if per_kg else ""
    if low is not None and high is not None and high < low:
        low, high = high, low  # alternatives in either order: "2.5 or 1.5 mg"
    attrs["low"], attrs["high"] = low, high
    if low is not None and rest.startswith("%"):
        attrs["unit"] = "%"
    elif low is not None:
        attrs["unit"] = canonical_dose_unit(rest)
        if attrs["unit"] is None and low >= 1e4:
            attrs["unit"] = "cells"  # "2×10^6" on its own is a cell count
        if str(attrs["unit"]).startswith("CFU") and high is not None and high < 1e4:
            # "10^10 CFU" whose superscript was lost ("1010 CFU"): no probiotic dose is a few
            # hundred organisms, so "10" with one or two digits after it is a power of ten
            powers = [_lost_power(v) for v in (low, high)]
            if all(p is not None for p in powers):
                attrs["low"], attrs["high"] = powers
    return attrs


def _lost_power(value: float) -> float | None:
    """10^n for a number written "10n" (105-1012), else None."""
    digits = f"{value:g}"
    if value == int(value) and regex.fullmatch(r"10(?:[5-9]|1[0-2])", digits):
        return 10.0 ** int(digits[2:])
    return None
