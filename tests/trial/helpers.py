"""Build small scheme records by hand: spans named by their text, relations by span text."""

from __future__ import annotations

from typing import Any


def record(text: str, spans: list[tuple], value_of: list[tuple[str, str]] = (), doc_id: str = "t") -> dict[str, Any]:
    """``spans``: (label, surface text, attrs) or (label, surface, attrs, occurrence);
    ``value_of``: (value surface, test surface) pairs (first occurrences of each, or "text#n")."""
    out: list[dict[str, Any]] = []
    for i, item in enumerate(spans, start=1):
        label, surface, attrs = item[:3]
        occurrence = item[3] if len(item) > 3 else 1
        start = -1
        for _ in range(occurrence):
            start = text.index(surface, start + 1)
        out.append({"id": f"T{i}", "start": start, "end": start + len(surface), "label": label,
                    "text": surface, "attrs": dict(attrs)})

    def find(key: str, label: str) -> str:
        surface, _, n = key.partition("#")
        hits = [s for s in out if s["text"] == surface and s["label"] == label]
        return hits[int(n) - 1 if n else 0]["id"]

    relations = [{"label": "VALUE_OF", "head": find(v, "LAB_VALUE"), "tail": find(t, "LAB_TEST")} for v, t in value_of]
    return {"id": doc_id, "scheme_version": 1, "text": text, "spans": out, "relations": relations}


def value(v: float | None = None, sd: float | None = None, unit: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"value": v, "sd": sd, "low": kw.get("low"), "high": kw.get("high"),
            "comparator": kw.get("comparator"), "unit": unit}


def lab(analyte: str) -> dict[str, Any]:
    return {"analyte": analyte}


def cell(cl_id: str, source: str | None = None, donor: str | None = None) -> dict[str, Any]:
    return {"cl_id": cl_id, "source": source, "donor": donor}


def days(*d: float) -> dict[str, Any]:
    return {"days": [float(x) for x in d]}
