"""ROUTE codes for a route mention, from the route lexicon (``patterns/routes.jsonl``)."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from ..textnorm import shadow


def _key(text: str) -> str:
    return " ".join(shadow(text).lower().split())


@lru_cache(maxsize=1)
def route_table() -> dict[str, str]:
    return {_key(r["pattern"]): r["id"] for r in read_jsonl_resource("routes.jsonl")}


@lru_cache(maxsize=1)
def _context_rows() -> dict[str, tuple[regex.Pattern, str]]:
    """Route words whose code holds only in an abstract about a given organ (rows with
    ``document`` and ``otherwise``): "intra-arterial" is the hepatic artery in a liver trial
    and some other artery (carotid, femoral) in a stroke or limb-ischaemia trial."""
    return {_key(r["pattern"]): (compile_regex(r["document"]), r["otherwise"])
            for r in read_jsonl_resource("routes.jsonl") if "document" in r}


def route_in_document(text: str, code: str | None, document: str) -> str | None:
    """``code`` of the route written ``text``, or the row's ``otherwise`` code when the row
    needs the abstract to say something (its ``document`` regex) and ``document`` does not."""
    rows = _context_rows()
    t = _key(text)
    rule = rows.get(t)
    if rule is None and t not in route_table():  # "intra-arterially": the row it contains
        rule = next((r for key, r in rows.items() if key in t), None)
    if rule is None or rule[0].search(document):
        return code
    return rule[1]


#: Two-letter abbreviations the lexicon does not match on their own (too ambiguous as words);
#: regex rows find them beside a dose or a rate (``iv_abbrev``, ``route_abbrev_after_dose``).
CONTEXT_ABBREVIATIONS = {"iv": "intravenous", "im": "intramuscular", "sc": "subcutaneous", "po": "oral", "ip": "intraperitoneal"}


def route_of(text: str) -> str | None:
    t = _key(text)
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
