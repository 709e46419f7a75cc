"""The annotation scheme in code: labels, attributes, the JSON document format.

This module is the single place where the contract of ``ANNOTATION_SCHEME.md`` (version 1)
lives in Python. The extractor writes documents through :func:`doc_to_record`, the corpus
readers and the validator check them with :func:`validate_record`, and the scorer reads the
same dictionaries. Nothing else in the package should hard-code a label name or an attribute.

A *record* is one document as a plain ``dict`` (JSON-serialisable)::

    {"id": "seed-001", "source": "001_f75dfedfc35f7a9e.txt", "source_offset": 412,
     "scheme_version": 1, "text": "...",
     "spans": [{"id": "T1", "start": 0, "end": 4, "label": "CELL_TYPE", "text": "MSCs",
                "attrs": {"cl_id": "CL:0000134", "source": None, "donor": None}}],
     "relations": [{"label": "VALUE_OF", "head": "T7", "tail": "T6"}]}
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

SCHEME_VERSION = 1

#: Name of the span group on ``Doc.spans`` that holds the final, merged spans.
SPANS_KEY = "celltx"
#: Span group that holds candidate spans before merging (rules, regex and model together).
CANDIDATES_KEY = "celltx_candidates"

CELL_TYPE = "CELL_TYPE"
DOSE = "DOSE"
ROUTE = "ROUTE"
FREQUENCY = "FREQUENCY"
TIME_POINT = "TIME_POINT"
LAB_TEST = "LAB_TEST"
LAB_VALUE = "LAB_VALUE"

LABELS: tuple[str, ...] = (CELL_TYPE, DOSE, ROUTE, FREQUENCY, TIME_POINT, LAB_TEST, LAB_VALUE)
VALUE_OF = "VALUE_OF"
RELATION_LABELS: tuple[str, ...] = (VALUE_OF,)

CELL_SOURCES = (
    "umbilical_cord",
    "bone_marrow",
    "adipose",
    "cord_blood",
    "peripheral_blood",
    "placenta",
    "wharton_jelly",
    "menstrual_blood",
    "liver",
)
DONORS = ("autologous", "allogeneic")
ROUTES = (
    "intravenous",
    "intraportal",
    "hepatic_artery",
    "intrasplenic",
    "intrahepatic",
    "intraperitoneal",
    "intramuscular",
    "subcutaneous",
    "oral",
    "topical",
    "other",
)
DOSE_LEVELS = ("low", "medium", "high")
COMPARATORS = ("<", "<=", ">", ">=")

# Attribute specification per label: attribute -> (kind, allowed values or None).
# kinds: "str", "float", "int", "float_list", "bool".
ATTRS: dict[str, dict[str, tuple[str, tuple[str, ...] | None]]] = {
    CELL_TYPE: {
        "cl_id": ("str", None),
        "source": ("str", CELL_SOURCES),
        "donor": ("str", DONORS),
    },
    DOSE: {
        "low": ("float", None),
        "high": ("float", None),
        "unit": ("str", None),
        "level": ("str", DOSE_LEVELS),
    },
    ROUTE: {"route": ("str", ROUTES)},
    FREQUENCY: {"count": ("int", None), "interval_days": ("float", None)},
    TIME_POINT: {"days": ("float_list", None)},
    LAB_TEST: {"analyte": ("str", None)},
    LAB_VALUE: {
        "value": ("float", None),
        "sd": ("float", None),
        "low": ("float", None),
        "high": ("float", None),
        "comparator": ("str", COMPARATORS),
        "unit": ("str", None),
    },
}

#: Optional attributes of the scheme ("Clarifications for the wider literature"): produced by
#: ``extract()`` only where known and scored only where gold carries them. ``si`` is an object
#: ``{value, sd, low, high, unit}`` (the value converted to the analyte's SI unit).
OPTIONAL_ATTRS: dict[str, dict[str, tuple[str, tuple[str, ...] | None]]] = {
    LAB_TEST: {"loinc": ("str", None)},
    LAB_VALUE: {"si": ("si", None)},
}

#: Attributes produced in addition to the scheme's (ConText output); never scored.
EXTRA_ATTRS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "negated": ("bool", None),
    "hypothetical": ("bool", None),
}


class SpanRecord(TypedDict, total=False):
    id: str
    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any]


class RelationRecord(TypedDict):
    label: str
    head: str
    tail: str


class DocumentRecord(TypedDict, total=False):
    id: str
    source: str | None
    source_offset: int | None
    scheme_version: int
    text: str
    spans: list[SpanRecord]
    relations: list[RelationRecord]
    provenance: dict[str, Any]
    split: str
    trial: dict[str, Any]


def empty_attrs(label: str) -> dict[str, Any]:
    """All attributes of ``label`` set to ``None``: the shape ``extract()`` always returns."""
    return {name: None for name in ATTRS[label]}


def new_record(text: str, doc_id: str | None = None) -> DocumentRecord:
    """A document record with no spans, as :func:`celltx.extract` returns for empty text."""
    record: DocumentRecord = {
        "id": doc_id or "doc",
        "source": None,
        "source_offset": None,
        "scheme_version": SCHEME_VERSION,
        "text": text,
        "spans": [],
        "relations": [],
    }
    return record


def _check_value(kind: str, allowed: tuple[str, ...] | None, value: Any) -> str | None:
    """Return a problem description if ``value`` does not fit ``kind``/``allowed``."""
    if value is None:
        return None
    if kind == "str":
        if not isinstance(value, str):
            return f"expected a string, got {type(value).__name__}"
        if allowed is not None and value not in allowed:
            return f"{value!r} is not one of {', '.join(allowed)}"
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"expected a number, got {type(value).__name__}"
        if not math.isfinite(float(value)):
            return "expected a finite number"
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected an integer, got {type(value).__name__}"
    elif kind == "float_list":
        if not isinstance(value, list) or not value:
            return "expected a non-empty list of numbers"
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (int, float)):
                return f"expected numbers in the list, got {type(item).__name__}"
    elif kind == "bool" and not isinstance(value, bool):
        return f"expected true/false, got {type(value).__name__}"
    elif kind == "si":
        if not isinstance(value, dict):
            return f"expected an object {{value, sd, low, high, unit}}, got {type(value).__name__}"
        unknown = sorted(set(value) - {"value", "sd", "low", "high", "unit"})
        if unknown:
            return f"unknown keys {', '.join(unknown)}"
        for key in ("value", "sd", "low", "high"):
            problem = _check_value("float", None, value.get(key))
            if problem:
                return f"{key}: {problem}"
        return _check_value("str", None, value.get("unit"))
    return None


def validate_record(record: Mapping[str, Any], require_relations: bool = True) -> list[str]:
    """Check one document against the scheme; return a list of human-readable problems.

    Checks offsets, span text, labels, same-label overlaps, attribute names and types,
    relation ends, and (``require_relations``) that every LAB_VALUE has exactly one VALUE_OF.
    An empty list means the record is valid.
    """
    problems: list[str] = []
    text = record.get("text")
    if not isinstance(text, str):
        return ["field 'text' is missing or not a string"]
    if record.get("scheme_version") != SCHEME_VERSION:
        problems.append(
            f"scheme_version is {record.get('scheme_version')!r}, expected {SCHEME_VERSION}"
        )
    spans = record.get("spans", [])
    if not isinstance(spans, list):
        return problems + ["field 'spans' is not a list"]
    ids: dict[str, Mapping[str, Any]] = {}
    by_label: dict[str, list[tuple[int, int, str]]] = {}
    for span in spans:
        sid = span.get("id", "?")
        where = f"span {sid}"
        if sid in ids:
            problems.append(f"{where}: duplicate span id")
        ids[sid] = span
        label = span.get("label")
        if label not in LABELS:
            problems.append(f"{where}: unknown label {label!r}")
            continue
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: bad offsets {start!r}..{end!r} (text length {len(text)})")
            continue
        covered = text[start:end]
        if span.get("text") != covered:
            problems.append(
                f"{where}: text {span.get('text')!r} != document text {covered!r} at {start}..{end}"
            )
        if covered != covered.strip():
            problems.append(f"{where}: starts or ends on white space ({covered!r})")
        by_label.setdefault(label, []).append((start, end, sid))
        attrs = span.get("attrs", {}) or {}
        if not isinstance(attrs, dict):
            problems.append(f"{where}: attrs is not an object")
            continue
        spec = ATTRS[label]
        for name, value in attrs.items():
            if name in spec:
                kind, allowed = spec[name]
            elif name in OPTIONAL_ATTRS.get(label, {}):
                kind, allowed = OPTIONAL_ATTRS[label][name]
            elif name in EXTRA_ATTRS:
                kind, allowed = EXTRA_ATTRS[name]
            else:
                problems.append(f"{where}: attribute {name!r} is not defined for {label}")
                continue
            problem = _check_value(kind, allowed, value)
            if problem:
                problems.append(f"{where}: attribute {name}: {problem}")
    for label, items in by_label.items():
        items.sort()
        for (_s1, e1, id1), (s2, _e2, id2) in zip(items, items[1:]):
            if s2 < e1:
                problems.append(f"spans {id1} and {id2}: two {label} spans overlap")
    value_of_count: dict[str, int] = {}
    for rel in record.get("relations", []) or []:
        label, head, tail = rel.get("label"), rel.get("head"), rel.get("tail")
        if label not in RELATION_LABELS:
            problems.append(f"relation {head}->{tail}: unknown label {label!r}")
            continue
        if head not in ids or tail not in ids:
            problems.append(f"relation {label} {head}->{tail}: points at a missing span")
            continue
        if label == VALUE_OF:
            if ids[head].get("label") != LAB_VALUE or ids[tail].get("label") != LAB_TEST:
                problems.append(
                    f"relation VALUE_OF {head}->{tail}: head must be LAB_VALUE, tail LAB_TEST"
                )
            value_of_count[head] = value_of_count.get(head, 0) + 1
    if "trial" in record:  # the optional document-level trial summary
        from .trial.summary import validate_trial

        problems.extend(f"trial: {p}" for p in validate_trial(record["trial"]))
    if require_relations:
        for sid, span in ids.items():
            if span.get("label") == LAB_VALUE and value_of_count.get(sid, 0) != 1:
                problems.append(
                    f"span {sid}: LAB_VALUE has {value_of_count.get(sid, 0)} VALUE_OF relations, expected 1"
                )
    return problems


def sort_spans(spans: Iterable[SpanRecord]) -> list[SpanRecord]:
    """Spans in reading order (start, then longer first, then label order)."""
    order = {label: i for i, label in enumerate(LABELS)}
    return sorted(spans, key=lambda s: (s["start"], -s["end"], order.get(s["label"], 99)))


def value_of_pairs(
    record: Mapping[str, Any], spans: Iterable[Mapping[str, Any]] | None = None
) -> list[tuple[Any, Any]]:
    """(value span, test span) for every VALUE_OF relation of ``record`` whose ends exist.

    ``spans`` (default: the record's) are the span dicts the pairs are taken from, so a caller
    that copied them gets its copies back.
    """
    pool = (record.get("spans") or []) if spans is None else spans
    by_id = {s.get("id"): s for s in pool if isinstance(s, Mapping)}
    pairs = []
    for rel in record.get("relations") or []:
        if rel.get("label") != VALUE_OF:
            continue
        head, tail = by_id.get(rel.get("head")), by_id.get(rel.get("tail"))
        if head is not None and tail is not None:
            pairs.append((head, tail))
    return pairs

