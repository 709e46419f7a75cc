"""Off-the-shelf peers: general-purpose extractors run offline and mapped onto the scheme.

They are not built for cell-therapy abstracts; they show what a generic tool gives for free on
the labels it can speak to. Each peer covers only some labels (:data:`PEERS`); the report marks
the other labels as not covered. Install them with the ``peers`` extra.

``quantulum3`` (quantities) -> DOSE and LAB_VALUE
    quantulum3's unit classifier is a pickled scikit-learn model that breaks across
    scikit-learn versions, so it is switched off (``quantulum3.classifier.USE_CLF = False``)
    and quantulum3 uses its own heuristic unit disambiguation; span boundaries do not depend on
    the classifier. Each quantity becomes at most one span, first rule that applies:

    * time quantities (``entity == "time"``) and counts ("3 times") -> dropped (not doses or
      values; TIME_POINT is timexy's job);
    * unit per kilogram, or a mass, volume or mass-flow unit ("50 ml", "2 mg/kg", "1,500
      mg/day") -> DOSE;
    * any other quantity of at least 10,000 without "±" ("30-50 million MSCs": a cell count,
      whatever unit quantulum3 guessed for "MSCs") -> DOSE;
    * "±" in the quantity, or a concentration unit ("per litre", "per decilitre") -> LAB_VALUE;
    * a percentage preceded by a comparator ("> 30%") -> LAB_VALUE;
    * anything else (bare numbers, percentages of patients...) -> dropped.

    A comparator written just before a LAB_VALUE (<, >, ≤, ≥, <=, >=) is added to the span, as
    the scheme wants. Attributes: DOSE ``low``/``high`` (value ± uncertainty for a range, else
    the value), ``unit`` for a few unit names (mg, g, mL, mg/kg...); LAB_VALUE ``value``,
    ``sd`` (the ± part), ``comparator``, ``unit`` (known names mapped, else the unit as written).

``timexy`` (temporal expressions, TIMEX3) -> TIME_POINT
    A spaCy component on a blank English pipeline. ``DURATION`` expressions ("12 months",
    "24 weeks") become TIME_POINT with ``days`` from the ISO-8601 value (year 365, month 30,
    week 7, day 1, hour 1/24); ``DATE`` and other types are dropped (the scheme excludes
    calendar dates and clock times).
"""

from __future__ import annotations

import importlib.metadata
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..schema import DOSE, LAB_VALUE, TIME_POINT, empty_attrs, new_record, sort_spans


class PeerUnavailable(RuntimeError):
    """A peer cannot run here (not installed, failed to load or to run); the message says why."""


@dataclass(frozen=True)
class PeerInfo:
    name: str
    package: str
    labels: tuple[str, ...]
    description: str


PEERS: dict[str, PeerInfo] = {
    "quantulum3": PeerInfo(
        "quantulum3", "quantulum3", (DOSE, LAB_VALUE), "quantities -> DOSE / LAB_VALUE"
    ),
    "timexy": PeerInfo("timexy", "timexy", (TIME_POINT,), "TIMEX3 durations -> TIME_POINT"),
}


def peer_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(PEERS[name].package)
    except importlib.metadata.PackageNotFoundError:
        return None


# --------------------------------------------------------------------------- helpers

_TRIM = " \t\n\r.,;:()[]{}"
_COMPARATOR_BEFORE = re.compile(r"(<=|>=|≤|≥|<|>)\s*$")
_COMPARATOR_NAMES = {"≤": "<=", "≥": ">=", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
_UNIT_NAMES = {
    "milligram": "mg",
    "gram": "g",
    "microgram": "ug",
    "kilogram": "kg",
    "cubic centimetre": "mL",
    "millilitre": "mL",
    "litre": "L",
    "milligram per kilogram": "mg/kg",
    "microgram per kilogram": "ug/kg",
    "milligram per day": "mg/day",
    "percentage": "%",
    "gram per litre": "g/L",
    "gram per decilitre": "g/dL",
    "milligram per decilitre": "mg/dL",
    "milligram per litre": "mg/L",
}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _record(source: Mapping[str, Any], spans: list[dict[str, Any]]) -> dict[str, Any]:
    """A scheme record with ``source``'s id and text and non-overlapping same-label spans."""
    record: dict[str, Any] = dict(new_record(source["text"], str(source.get("id"))))
    for key in ("source", "source_offset"):
        if key in source:
            record[key] = source[key]
    kept: list[dict[str, Any]] = []
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if any(
            k["label"] == span["label"] and k["start"] < span["end"] and span["start"] < k["end"]
            for k in kept
        ):
            continue
        kept.append(span)
    record["spans"] = sort_spans(kept)
    for i, span in enumerate(record["spans"], 1):
        span["id"] = f"T{i}"
    return record


def _span(text: str, label: str, start: int, end: int, **attrs: Any) -> dict[str, Any] | None:
    start, end = _trim(text, start, end)
    if start >= end:
        return None
    values = empty_attrs(label)
    values.update({k: v for k, v in attrs.items() if k in values})
    return {"start": start, "end": end, "label": label, "text": text[start:end], "attrs": values}


# --------------------------------------------------------------------------- quantulum3


@lru_cache(maxsize=1)
def _quantulum_parse() -> Callable[[str], list[Any]]:
    try:
        import quantulum3.classifier as qclf
        from quantulum3 import parser
    except ImportError as err:
        raise PeerUnavailable(
            f"quantulum3 is not installed ({err}); pip install 'celltx[peers]'"
        ) from err
    qclf.USE_CLF = False  # see module doc: pickled classifier is tied to one scikit-learn version
    return parser.parse


def _quantity_span(text: str, q: Any) -> dict[str, Any] | None:
    start, end = q.span
    surface = text[start:end]
    unit_name = getattr(q.unit, "name", "") or ""
    entity = getattr(getattr(q.unit, "entity", None), "name", "") or ""
    value = float(q.value)
    unc = getattr(q, "uncertainty", None)
    if entity == "time" or unit_name == "count":
        return None
    plus_minus = "±" in surface or "+/-" in surface
    physical_dose = "per kilogram" in unit_name or entity in {"mass", "volume", "mass flow"}
    cell_count = abs(value) >= 1e4 and not plus_minus
    if physical_dose or cell_count:
        if unc is not None and not plus_minus:
            low, high = value - float(unc), value + float(unc)
        else:
            low = high = value
        return _span(text, DOSE, start, end, low=low, high=high, unit=_UNIT_NAMES.get(unit_name))
    window = max(0, start - 4)
    comparator = _COMPARATOR_BEFORE.search(text[window:start])
    concentration = "per litre" in unit_name or "per decilitre" in unit_name
    if plus_minus or concentration or (unit_name == "percentage" and comparator):
        if comparator:
            start = window + comparator.start()
        written = re.sub(r"^[\s\d.,±+/\-–−]*", "", surface)
        unit = _UNIT_NAMES.get(unit_name) or (written.strip() or None)
        if unit_name == "dimensionless":
            unit = None
        return _span(
            text,
            LAB_VALUE,
            start,
            end,
            value=value,
            sd=float(unc) if (plus_minus and unc is not None) else None,
            comparator=_COMPARATOR_NAMES[comparator.group(1)] if comparator else None,
            unit=unit,
        )
    return None


def predict_quantulum3(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    parse = _quantulum_parse()
    out = []
    for record in records:
        text = record["text"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                quantities = parse(text) if text.strip() else []
            except Exception as err:  # a peer failing is a row in the report, not a crash
                raise PeerUnavailable(
                    f"quantulum3 failed on {record.get('id')!r}: {type(err).__name__}: {err}"
                ) from err
        spans = [s for s in (_quantity_span(text, q) for q in quantities) if s is not None]
        out.append(_record(record, spans))
    return out


# --------------------------------------------------------------------------- timexy

_TIMEX = re.compile(r'type="(?P<type>[A-Z]+)"\s+value="(?P<value>[^"]*)"')
_ISO_DURATION = re.compile(
    r"^P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<MIN>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?$"
)
_DAYS = {"Y": 365.0, "M": 30.0, "W": 7.0, "D": 1.0, "H": 1 / 24, "MIN": 1 / 1440, "S": 1 / 86400}


def iso_duration_days(value: str) -> float | None:
    """Days in an ISO-8601 duration ("P12M" -> 360.0, "PT24H" -> 1.0); None if not one."""
    m = _ISO_DURATION.match(value or "")
    if not m or value in ("P", "PT"):
        return None
    parts = {k: v for k, v in m.groupdict().items() if v}
    if not parts:
        return None
    return sum(float(v) * _DAYS[k] for k, v in parts.items())


@lru_cache(maxsize=1)
def _timexy_nlp() -> Any:
    try:
        import spacy
        import timexy  # noqa: F401  (registers the "timexy" factory)
    except ImportError as err:
        raise PeerUnavailable(
            f"timexy is not installed ({err}); pip install 'celltx[peers]'"
        ) from err
    try:
        nlp = spacy.blank("en")
        nlp.add_pipe(
            "timexy", config={"kb_id_type": "timex3", "label": "timexy", "overwrite": False}
        )
    except Exception as err:
        raise PeerUnavailable(f"timexy failed to load: {type(err).__name__}: {err}") from err
    return nlp


def predict_timexy(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    nlp = _timexy_nlp()
    out = []
    texts = [r["text"] for r in records]
    try:
        docs = list(nlp.pipe(texts))
    except Exception as err:
        raise PeerUnavailable(f"timexy failed: {type(err).__name__}: {err}") from err
    for record, doc in zip(records, docs, strict=True):
        spans = []
        for ent in doc.ents:
            m = _TIMEX.search(ent.kb_id_ or "")
            if not m or m.group("type") != "DURATION":
                continue
            days = iso_duration_days(m.group("value"))
            span = _span(
                doc.text,
                TIME_POINT,
                ent.start_char,
                ent.end_char,
                days=[days] if days is not None else None,
            )
            if span:
                spans.append(span)
        out.append(_record(record, spans))
    return out


_PREDICTORS: dict[str, Callable[[Sequence[Mapping[str, Any]]], list[dict[str, Any]]]] = {
    "quantulum3": predict_quantulum3,
    "timexy": predict_timexy,
}


def predict_peer(name: str, records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Run peer ``name`` over the records' texts; raise :class:`PeerUnavailable` if it cannot."""
    if name not in _PREDICTORS:
        raise KeyError(f"unknown peer {name!r}; peers: {', '.join(PEERS)}")
    return _PREDICTORS[name](records)
