"""ROUTE codes for a route mention, from the route lexicon (``patterns/routes.jsonl``)."""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_jsonl_resource
from ..textnorm import shadow


@lru_cache(maxsize=1)
def route_table() -> dict[str, str]:
    return {" ".join(shadow(r["pattern"]).lower().split()): r["id"] for r in read_jsonl_resource("routes.jsonl")}


#: Two-letter abbreviations the lexicon does not match on their own (too ambiguous as words);
#: regex rows find them beside a dose or a rate (``iv_abbrev``, ``route_abbrev_after_dose``).
CONTEXT_ABBREVIATIONS = {"iv": "intravenous", "im": "intramuscular", "sc": "subcutaneous", "po": "oral", "ip": "intraperitoneal"}


def route_of(text: str) -> str | None:
    t = " ".join(shadow(text).lower().split())
    table = route_table()
    if t in table:
        return table[t]
    if t in ("peripheral", "peripheral vein or"):  # ellipsis: "into peripheral or the portal vein"
        return "intravenous"
    if t in CONTEXT_ABBREVIATIONS:
        return CONTEXT_ABBREVIATIONS[t]
    for key, code in table.items():
        if key in t:
            return code
    return None
