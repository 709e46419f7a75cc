"""DOSE parsing: amount (low/high with multipliers applied), unit, named dose level."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..resources import read_jsonl_resource
from ..textnorm import shadow
from .numbers import parse_amount

_LEVEL_RE = regex.compile(r"(?i)\b(low|lower|medium|middle|intermediate|moderate|high|higher)[\s-]*dos(?:e|es|age)\b")
_LEVELS = {"low": "low", "lower": "low", "medium": "medium", "middle": "medium",
           "intermediate": "medium", "moderate": "medium", "high": "high", "higher": "high"}


@lru_cache(maxsize=1)
def _unit_rules() -> tuple[tuple[regex.Pattern, str], ...]:
    return tuple(
        (regex.compile(rf"^(?:{row['regex']})$", regex.IGNORECASE), row["unit"])
        for row in read_jsonl_resource("units.jsonl")
        if row.get("kind") == "dose"
    )


def canonical_dose_unit(unit: str) -> str | None:
    """"MSC/kg body" -> "cells/kg"; "ml" -> "mL"; "/40ml" (cells per volume) -> "cells"."""
    u = " ".join(shadow(unit).split()).strip(" .,;")
    if not u:
        return None
    if regex.match(r"^/\s*\d", u):  # "4x107/40ml": a cell count in a volume
        return "cells"
    for pattern, canonical in _unit_rules():
        if pattern.match(u):
            return canonical
    return u


_REPEATED_UNIT_RE = regex.compile(r"^(\s*[\d.,]+)\s*([A-Za-zμ/]+)(\s*(?:-|to)\s*[\d.,]+\s*\2\b)")


def parse_dose(text: str) -> dict[str, object]:
    attrs: dict[str, object] = {"low": None, "high": None, "unit": None, "level": None}
    level = _LEVEL_RE.search(shadow(text))
    if level:
        attrs["level"] = _LEVELS[level.group(1).lower()]
        return attrs
    # "200 ml to 400 ml": a unit written on both ends of a range is read once
    text = _REPEATED_UNIT_RE.sub(r"\1\3", shadow(text))
    # "50.1 ± 58.5 × 10^6 MNCs/kg": a mean dose with its spread; low = high = the mean
    text = regex.sub(r"^(\s*[\d.,]+)\s*(?:±|\+/-)\s*[\d.,]+", r"\1", text)
    low, high, rest = parse_amount(text)
    attrs["low"], attrs["high"] = low, high
    if low is not None:
        attrs["unit"] = canonical_dose_unit(rest)
        if attrs["unit"] is None and low >= 1e4:
            attrs["unit"] = "cells"  # "2×10^6" on its own is a cell count
    return attrs
