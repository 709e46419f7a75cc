"""LOINC codes and SI values for pooling lab results across trials.

The scheme's optional attributes (``ANNOTATION_SCHEME.md``, "Clarifications for the wider
literature"): LAB_TEST ``loinc`` and LAB_VALUE ``si`` = ``{value, sd, low, high, unit}`` in the
SI unit the analyte is pooled in (glucose mmol/L, creatinine and bilirubin umol/L, albumin g/L,
HbA1c mmol/mol by the IFCC-NGSP master equation, ...). Both are left out when unknown: an
analyte without a row, a value without a unit, a unit without a known factor.

Where the factors come from:

* the ``labunits`` package (MIT, LOINC-keyed conventional -> SI factors) for the analytes whose
  row in ``patterns/lab_si.jsonl`` names a labunits LOINC;
* ``patterns/lab_si.jsonl`` for what labunits lacks or rounds differently (each such row says
  why), one row per analyte: names, LOINC, SI unit, factors from conventional units;
* metric prefixes: units of the same kind that differ only by a prefix ("mg/dL" and "g/L",
  "ng/mL" and "ug/L", "mmol/L" and "umol/L") convert without a row.

:func:`enrich_record` adds the attributes to a scheme record in place (the analyte of a value
is the analyte of the LAB_TEST it is VALUE_OF).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .. import schema
from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from ..rx import rx
from .labs import canonical_lab_unit, split_power

DATA_FILE = "lab_si.jsonl"

#: Multipliers of the metric prefixes used in lab units ("u" stands for micro).
_PREFIX = {"": 1.0, "k": 1e3, "d": 1e-1, "c": 1e-2, "m": 1e-3, "u": 1e-6, "n": 1e-9, "p": 1e-12, "f": 1e-15}
_SIMPLE_RE = compile_regex(r"^(?P<np>[kdcmunpf]?)(?P<nb>mol|g|IU|U|kat|Eq)/(?P<dp>[kdcmunpf]?)(?P<db>L)$")


def _plain_unit(unit: str) -> str:
    """labunits/lab spellings to celltx's: "μmol/L" -> "umol/L", "μU/mL" -> "uIU/mL"."""
    u = unit.replace("\u03bc", "u").replace("\u00b5", "u").replace("Kat", "kat").strip()
    if u == "uU/mL":
        return "uIU/mL"
    return u


def canonical_unit(unit: str | None) -> str | None:
    """A LAB_VALUE unit in the spelling the conversion table uses ("mg/dl" -> "mg/dL")."""
    if not unit:
        return None
    canonical = canonical_lab_unit(unit) or unit
    canonical = _plain_unit(canonical)
    fixes = {"mg/dl": "mg/dL", "g/dl": "g/dL", "ug/dl": "ug/dL", "mmol/l": "mmol/L", "umol/l": "umol/L",
             "g/l": "g/L", "mg/l": "mg/L", "ng/ml": "ng/mL", "pg/ml": "pg/mL", "u/l": "U/L", "iu/l": "IU/L",
             "ukat/l": "ukat/L", "uiu/ml": "uIU/mL", "miu/l": "mIU/L", "ng/l": "ng/L", "ug/l": "ug/L",
             "pmol/l": "pmol/L", "nmol/l": "nmol/L", "mu/l": "mIU/L", "uu/ml": "uIU/mL"}
    return fixes.get(canonical.lower(), canonical)


def prefix_factor(unit: str, target: str) -> float | None:
    """Multiplier from ``unit`` to ``target`` when they differ only by metric prefixes.

    >>> prefix_factor("mg/dL", "g/L")
    0.01
    """
    a, b = _SIMPLE_RE.match(unit), _SIMPLE_RE.match(target)
    if not a or not b:
        return None
    same = {("U", "IU"), ("IU", "U")}
    if a["nb"] != b["nb"] and (a["nb"], b["nb"]) not in same:
        return None
    num = _PREFIX[a["np"]] / _PREFIX[b["np"]]
    den = _PREFIX[a["dp"]] / _PREFIX[b["dp"]]
    return _round(num / den)


def _round(x: float) -> float:
    return float(f"{x:.12g}")


@lru_cache(maxsize=1)
def _labunits_table() -> dict[str, tuple[str, str, float]]:
    """LOINC -> (conventional unit, SI unit, factor) from the labunits package ({} if absent)."""
    try:
        from labunits import converters
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    table = {}
    for analyte in converters.analytes():
        table[analyte.loinc_num] = (
            _plain_unit(analyte.traditional_unit),
            _plain_unit(analyte.si_unit),
            float(analyte.conversion_factor),
        )
    return table


@lru_cache(maxsize=1)
def analyte_rows() -> dict[str, dict[str, Any]]:
    """celltx analyte name -> its row of ``patterns/lab_si.jsonl`` with resolved factors.

    A resolved row carries ``factors`` (unit -> multiplier to ``si_unit``) merged from labunits
    and the data file (the data file wins where both give one) and ``sources`` (unit -> where
    the factor came from: "labunits" or "lab_si.jsonl").
    """
    labunits = _labunits_table()
    rows: dict[str, dict[str, Any]] = {}
    for row in read_jsonl_resource(DATA_FILE):
        si_unit = row.get("si_unit")
        factors: dict[str, float] = {}
        sources: dict[str, str] = {}
        if si_unit:
            factors[si_unit] = 1.0
            sources[si_unit] = "identity"
        key = row.get("labunits")
        if key and key in labunits and si_unit:
            conv_unit, lu_si, factor = labunits[key]
            if lu_si == si_unit:
                factors[conv_unit] = factor
                sources[conv_unit] = "labunits"
        for unit, factor in (row.get("factors") or {}).items():
            factors[unit] = float(factor)
            sources[unit] = DATA_FILE
        resolved = {**row, "factors": factors, "sources": sources}
        for name in row["names"]:
            rows[name] = resolved
    return rows


def loinc_for(analyte: str | None, unit: str | None = None) -> str | None:
    """The LOINC code of ``analyte`` as measured: the molar code when the value is in a molar
    SI unit and the row knows it, else the conventional code; ``None`` when unknown."""
    if not analyte:
        return None
    row = analyte_rows().get(analyte)
    if row is None:
        return None
    unit = canonical_unit(unit)
    if unit and row.get("loinc_si") and unit == row.get("si_unit") and "mol" in unit:
        return row["loinc_si"]
    return row.get("loinc")


def unit_fits(analyte: str | None, unit: str | None) -> bool | None:
    """Whether a value in ``unit`` can be a result of ``analyte``: ``False`` when the analyte's
    known units (``patterns/lab_si.jsonl``) all measure something else (a value in g/dL is no
    eGFR), ``True`` when one measures the same, ``None`` when either is unknown. A percentage
    always fits: it may be a relative change of any test."""
    from .labs import unit_dimension

    dim = unit_dimension(unit)
    if dim is None or not analyte:
        return None
    if dim == "fraction":
        return True
    row = analyte_rows().get(analyte)
    if row is None:
        return None
    known = {unit_dimension(u) for u in [*row["factors"], *(row.get("affine") or {}), *(row.get("units") or [])]}
    known.discard(None)
    if not known:
        return None
    return dim in known


def factor_for(analyte: str | None, unit: str | None) -> float | None:
    """Multiplier from ``unit`` to the analyte's SI unit (``None`` when unknown)."""
    if not analyte or not unit:
        return None
    row = analyte_rows().get(analyte)
    if row is None or not row.get("si_unit"):
        return None
    unit = canonical_unit(unit)
    if unit in row["factors"]:
        return row["factors"][unit]
    power = split_power(unit)
    if power:  # "10^5/uL": the count unit after it scaled by the power of ten ("× 10^5/μL")
        base = row["factors"].get(power[1])
        return None if base is None else _round(10.0 ** power[0] * base)
    for known, factor in row["factors"].items():  # via a unit of the same kind
        step = prefix_factor(unit, known) if unit else None
        if step is not None:
            return _round(step * factor)
    return None


def to_si(
    analyte: str | None, attrs: Mapping[str, Any], change: bool = False
) -> dict[str, Any] | None:
    """``{value, sd, low, high, unit}`` of a LAB_VALUE's attributes in SI, or ``None``.

    ``change``: the value is a change or a between-group difference, so an affine conversion
    (HbA1c % -> mmol/mol) uses its slope only. A spread (``sd``) always converts by the slope.
    Comparators are kept by the caller (they do not change under positive factors).
    """
    if not analyte:
        return None
    row = analyte_rows().get(analyte)
    unit = canonical_unit(attrs.get("unit"))
    if row is None or not unit or not row.get("si_unit"):
        return None
    numbers = {k: attrs.get(k) for k in ("value", "sd", "low", "high")}
    if all(v is None for v in numbers.values()):
        return None
    if any(v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v))
           for v in numbers.values()):
        return None
    affine = (row.get("affine") or {}).get(unit)
    if affine:
        slope, intercept = float(affine["slope"]), float(affine["intercept"])

        def point(x: float) -> float:
            return x / slope if change else (x - intercept) / slope

        def spread(x: float) -> float:
            return x / slope
    else:
        factor = factor_for(analyte, unit)
        if factor is None:
            return None

        def point(x: float) -> float:
            return x * factor

        spread = point
    out: dict[str, Any] = {"value": None, "sd": None, "low": None, "high": None, "unit": row["si_unit"]}
    for key, value in numbers.items():
        if value is not None:
            out[key] = _round((spread if key == "sd" else point)(float(value)))
    return out


# --- records --------------------------------------------------------------------------

_CHANGE_BEFORE = compile_regex(
    r"(?i)(?:\bchange[sd]?\b|\bdifference\b|\bdelta\b|\u0394|\breduc(?:ed|tion|ing)\b|\bdecrease[sd]?\b"
    r"|\bincrease[sd]?\b|\bdecline[sd]?\b|\bdrop(?:ped)?\b|\bfell\b|\brose\b|\bimprove(?:d|ment)\b|\blower(?:ed)?\b"
    r"|\braised\b|\bby\b)[^.;]{0,40}$"
)
_FROM_TO = compile_regex(r"(?i)\b(?:from|to|at|was|were|of|baseline|vs\.?|versus|and)\s*$")


def is_change(text: str, start: int, value: Any = None) -> bool:
    """Whether the LAB_VALUE at ``start`` reports a change or a difference, not a level.

    A negative number is a change; so is a value after "change", "difference", "reduced by",
    "decreased by", "Δ" ... in the same clause, unless a "from"/"to" puts it back at a level
    ("decreased from 8.1% to 7.2%": two levels).
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        return True
    window = text[max(0, start - 60) : start]
    cut = max(window.rfind("."), window.rfind(";"))
    window = window[cut + 1 :]
    if _FROM_TO.search(window) and not rx(r"(?i)\bby\s*$").search(window):
        return False
    return bool(_CHANGE_BEFORE.search(window))


def enrich_record(record: dict[str, Any]) -> dict[str, Any]:
    """Add ``loinc`` to LAB_TEST attrs and ``si`` to LAB_VALUE attrs of ``record`` (in place),
    only where they are known; return the record."""
    spans = record.get("spans") or []
    text = record.get("text") or ""
    first_unit: dict[Any, str | None] = {}
    test_of: dict[Any, dict[str, Any]] = {}
    for head, tail in schema.value_of_pairs(record):
        test_of[head.get("id")] = tail
        unit = (head.get("attrs") or {}).get("unit")
        if unit and tail.get("id") not in first_unit:
            first_unit[tail.get("id")] = unit
    for span in spans:
        if not isinstance(span, dict):
            continue
        attrs = span.get("attrs")
        if not isinstance(attrs, dict):
            continue
        if span.get("label") == "LAB_TEST":
            code = loinc_for(attrs.get("analyte"), first_unit.get(span.get("id")))
            if code:
                attrs["loinc"] = code
        elif span.get("label") == "LAB_VALUE":
            test = test_of.get(span.get("id"))
            analyte = ((test or {}).get("attrs") or {}).get("analyte")
            start = span.get("start") if isinstance(span.get("start"), int) else 0
            si = to_si(analyte, attrs, change=is_change(text, start, attrs.get("value")))
            if si is not None:
                attrs["si"] = si
    return record


# --- doses ----------------------------------------------------------------------------

_MASS = {"kg": 1e6, "g": 1e3, "mg": 1.0, "ug": 1e-3, "ng": 1e-6}
_VOLUME = {"L": 1e3, "dL": 1e2, "mL": 1.0, "uL": 1e-3}


def normalize_dose(dose: Mapping[str, Any]) -> dict[str, Any]:
    """A DOSE's ``{low, high, unit}`` with mass in mg and volume in mL ("30 ug" -> 0.03 mg,
    "0.5 g/day" -> 500 mg/day, "1 L" -> 1000 mL); cells, IU and other units as they are. The
    per-part ("/kg", "/day") is kept; a cell word inside the dose ("MSCs") is never part of the
    unit (the extracted unit is already "cells" or "cells/kg")."""
    unit = dose.get("unit")
    low, high = dose.get("low"), dose.get("high")
    out = {"low": low, "high": high, "unit": unit}
    if not isinstance(unit, str) or not unit:
        return out
    head, sep, per = unit.partition("/")
    factor, new = None, None
    if head in _MASS:
        factor, new = _MASS[head], "mg"
    elif head in _VOLUME:
        factor, new = _VOLUME[head], "mL"
    if factor is None:
        return out

    def scale(x: Any) -> float | None:
        return None if x is None else _round(float(x) * factor)

    return {"low": scale(low), "high": scale(high), "unit": new + (sep + per if sep else "")}
