"""ROUTE codes for a route mention, from the route lexicon (``patterns/routes.jsonl``)."""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_jsonl_resource
from ..textnorm import shadow


@lru_cache(maxsize=1)
def route_table() -> dict[str, str]:
    return {" ".join(shadow(r["pattern"]).lower().split()): r["id"] for r in read_jsonl_resource("routes.jsonl")}


def route_of(text: str) -> str | None:
    t = " ".join(shadow(text).lower().split())
    table = route_table()
    if t in table:
        return table[t]
    if t in ("peripheral", "peripheral vein or"):  # ellipsis: "into peripheral or the portal vein"
        return "intravenous"
    if t == "iv":
        return "intravenous"
    if t == "im":
        return "intramuscular"
    for key, code in table.items():
        if key in t:
            return code
    return None
