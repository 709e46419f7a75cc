"""One evidence-table row per abstract, from scheme records (what ``celltx table`` writes).

:func:`record_row` turns one document record (see :mod:`celltx.schema`) into a flat ``dict``
of strings keyed by :data:`COLUMNS`; :func:`write_table` writes rows as CSV, Excel (``.xlsx``,
needs ``openpyxl``) or Parquet (needs ``pyarrow``), atomically.

Multi-valued cells are joined with ``"; "``. The ``dose_*`` columns are aligned with
``doses`` (the n-th entry of each describes the n-th dose; an empty entry is a missing
value), and ``frequency_count``/``frequency_interval_days`` likewise with ``frequency``.
Mentions flagged by ConText carry ``[negated]`` or ``[hypothetical]`` after their text and
are also listed in ``negated_findings``/``hypothetical_findings``.

Lab results are grouped per lab-test mention: ``"albumin: 28±4 g/L, 33±5 g/L (day 168)"``
lists the values linked to the test by VALUE_OF and, in parentheses, the time points stated
in the same sentence (as days where normalised, as written otherwise); when the sentence is
cut into clauses by ";", the time points of the clause holding the test and its values are
preferred.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import schema
from .corpus.jsonl import atomic_target

SEP = "; "

#: Column name -> what it holds (the order is the column order of the table).
COLUMN_HELP: dict[str, str] = {
    "id": "document id (PMID for PubMed/MEDLINE input)",
    "source": "input file the abstract came from",
    "cell_types": "cell type mentions: text (source, donor, Cell Ontology id)",
    "cell_sources": "distinct tissue sources of the cells",
    "cell_donors": "distinct donor types (autologous/allogeneic)",
    "cell_cl_ids": "distinct Cell Ontology ids",
    "doses": "distinct doses as written",
    "dose_low": "lower bound of each dose (aligned with doses)",
    "dose_high": "upper bound of each dose (aligned with doses)",
    "dose_unit": "unit of each dose (aligned with doses)",
    "dose_level": "low/medium/high dose group of each dose, if stated (aligned with doses)",
    "routes": "distinct routes of administration (normalised)",
    "route_mentions": "route mentions as written",
    "frequency": "dosing frequency mentions, with their normalisation",
    "frequency_count": "number of administrations (aligned with frequency)",
    "frequency_interval_days": "days between administrations (aligned with frequency)",
    "time_points": "time point mentions as written",
    "follow_up_days": "distinct time points in days, ascending",
    "lab_tests": "distinct lab tests (normalised analyte)",
    "lab_results": "per lab-test mention: its values (value±sd unit) and same-sentence time points",
    "negated_findings": "mentions ConText marks as negated (LABEL: text)",
    "hypothetical_findings": "mentions ConText marks as hypothetical (LABEL: text)",
    "n_spans": "number of spans in the document",
}
COLUMNS: tuple[str, ...] = tuple(COLUMN_HELP)

#: Output formats by file suffix.
FORMATS: dict[str, str] = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
#: The package each format needs, and how to get it.
_NEEDS = {"xlsx": "openpyxl", "parquet": "pyarrow"}
#: Excel's limit for the text in one cell.
XLSX_CELL_LIMIT = 32767


class TableError(ValueError):
    """The table cannot be written (unknown format, missing optional package...)."""


# --- formatting -------------------------------------------------------------------------


def fmt_number(value: Any) -> str:
    """A number as a short exact string: ``1000000.0`` -> ``1000000``, ``17.9`` -> ``17.9``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def fmt_lab_value(span: Mapping[str, Any]) -> str:
    """``value±sd unit`` (with comparator and range) of a LAB_VALUE span; its text if unparsed."""
    attrs = span.get("attrs") or {}
    value, sd = attrs.get("value"), attrs.get("sd")
    low, high = attrs.get("low"), attrs.get("high")
    comparator, unit = attrs.get("comparator") or "", attrs.get("unit")
    bounds = f"{fmt_number(low)}\u2013{fmt_number(high)}" if low is not None or high is not None else ""
    if value is not None:
        core = comparator + fmt_number(value)
        if sd is not None:
            core += f"\u00b1{fmt_number(sd)}"
        if bounds:
            core += f" ({bounds})"
    elif bounds:
        core = comparator + bounds
    else:
        return str(span.get("text", ""))
    return f"{core} {unit}" if unit else core


def _flags(span: Mapping[str, Any]) -> str:
    attrs = span.get("attrs") or {}
    return "".join(f" [{name}]" for name in schema.EXTRA_ATTRS if attrs.get(name) is True)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


# --- sentences --------------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?](?=[\"')\]]*\s+[A-Z0-9])|[^\S\n]*\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Approximate sentence ``(start, end)`` offsets, by the rules of ``celltx_sentences``.

    ".", "!" or "?" followed by white space and an upper-case letter or a digit ends a sentence,
    unless the word before the full stop is an abbreviation; a line break ends one where
    :func:`celltx.components.sentences.line_break_ends_sentence` says (not inside hard-wrapped
    text).
    """
    from .components.sentences import ABBREVIATIONS, line_break_ends_sentence

    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENT_END.finditer(text):
        if match.group().startswith("."):
            # a bounded look-back (the word before the stop; an abbreviation is short):
            # searching the whole prefix made long texts quadratic
            word = _WORD_BEFORE.search(text, max(0, match.start() - 100), match.start())
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
        elif "\n" in match.group() and not line_break_ends_sentence(text, match.start(), match.end()):
            continue
        end = match.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip() or not bounds:
        bounds.append((start, len(text)))
    return bounds


def _sentence_index(bounds: list[tuple[int, int]], offset: int) -> int:
    for i, (start, end) in enumerate(bounds):
        if start <= offset < end:
            return i
    return len(bounds) - 1


# --- one row ----------------------------------------------------------------------------


def _usable(span: Any, text: str) -> bool:
    if not isinstance(span, Mapping):
        return False
    start, end = span.get("start"), span.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def record_row(record: Mapping[str, Any]) -> dict[str, str]:
    """The evidence-table row (column -> text) for one scheme document record."""
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    spans = schema.sort_spans(s for s in record.get("spans") or [] if _usable(s, text))
    by_label: dict[str, list[Mapping[str, Any]]] = {label: [] for label in schema.LABELS}
    for span in spans:
        by_label.setdefault(span["label"], []).append(span)
    row: dict[str, str] = {c: "" for c in COLUMNS}
    row["id"] = str(record.get("id") or "")
    row["source"] = str(record.get("source") or "")
    row["n_spans"] = str(len(record.get("spans") or []))

    # cell types
    cells, sources, donors, cl_ids = [], [], [], []
    for span in by_label[schema.CELL_TYPE]:
        attrs = span.get("attrs") or {}
        details = [str(attrs[k]) for k in ("source", "donor", "cl_id") if attrs.get(k)]
        cells.append(span["text"] + (f" ({', '.join(details)})" if details else "") + _flags(span))
        sources.append(attrs.get("source") or "")
        donors.append(attrs.get("donor") or "")
        cl_ids.append(attrs.get("cl_id") or "")
    row["cell_types"] = SEP.join(_unique(cells))
    row["cell_sources"] = SEP.join(_unique(sources))
    row["cell_donors"] = SEP.join(_unique(donors))
    row["cell_cl_ids"] = SEP.join(_unique(cl_ids))

    # doses: one aligned entry per distinct normalised dose
    doses: dict[tuple, list[str]] = {}
    for span in by_label[schema.DOSE]:
        attrs = span.get("attrs") or {}
        key = (attrs.get("low"), attrs.get("high"), attrs.get("unit"), attrs.get("level"))
        if all(v is None for v in key):
            key = ("text", span["text"])
        if key not in doses:
            doses[key] = [
                span["text"] + _flags(span),
                fmt_number(attrs.get("low")),
                fmt_number(attrs.get("high")),
                str(attrs.get("unit") or ""),
                str(attrs.get("level") or ""),
            ]
    for i, column in enumerate(("doses", "dose_low", "dose_high", "dose_unit", "dose_level")):
        entries = [entry[i] for entry in doses.values()]
        row[column] = SEP.join(entries) if any(entries) else ""

    # routes
    routes = [((span.get("attrs") or {}).get("route") or span["text"]) for span in by_label[schema.ROUTE]]
    row["routes"] = SEP.join(_unique(routes))
    row["route_mentions"] = SEP.join(_unique(s["text"] + _flags(s) for s in by_label[schema.ROUTE]))

    # frequency
    freqs: dict[str, tuple[str, str]] = {}
    for span in by_label[schema.FREQUENCY]:
        attrs = span.get("attrs") or {}
        count, interval = attrs.get("count"), attrs.get("interval_days")
        parts = []
        if count is not None:
            parts.append(f"{fmt_number(count)} times" if count != 1 else "once")
        if interval is not None:
            parts.append(f"every {fmt_number(interval)} days")
        entry = span["text"] + (f" ({', '.join(parts)})" if parts else "") + _flags(span)
        freqs.setdefault(entry, (fmt_number(count), fmt_number(interval)))
    row["frequency"] = SEP.join(freqs)
    if freqs:
        counts = [c for c, _ in freqs.values()]
        intervals = [i for _, i in freqs.values()]
        row["frequency_count"] = SEP.join(counts) if any(counts) else ""
        row["frequency_interval_days"] = SEP.join(intervals) if any(intervals) else ""

    # time points
    times = by_label[schema.TIME_POINT]
    row["time_points"] = SEP.join(_unique(s["text"] + _flags(s) for s in times))
    days: set[float] = set()
    for span in times:
        for day in (span.get("attrs") or {}).get("days") or []:
            if isinstance(day, (int, float)) and not isinstance(day, bool):
                days.add(float(day))
    row["follow_up_days"] = SEP.join(fmt_number(d) for d in sorted(days))

    # lab tests and their values
    tests = by_label[schema.LAB_TEST]
    row["lab_tests"] = SEP.join(
        _unique(((s.get("attrs") or {}).get("analyte") or s["text"]) for s in tests)
    )
    row["lab_results"] = SEP.join(_lab_results(record, text, spans, tests, times))

    row["negated_findings"] = SEP.join(
        _unique(f"{s['label']}: {s['text']}" for s in spans if (s.get("attrs") or {}).get("negated") is True)
    )
    row["hypothetical_findings"] = SEP.join(
        _unique(
            f"{s['label']}: {s['text']}" for s in spans if (s.get("attrs") or {}).get("hypothetical") is True
        )
    )
    return row


def _time_label(span: Mapping[str, Any]) -> str:
    days = (span.get("attrs") or {}).get("days")
    if isinstance(days, list) and days:
        return ("day " if len(days) == 1 else "days ") + ", ".join(fmt_number(float(d)) for d in days)
    return str(span["text"])


def _lab_results(
    record: Mapping[str, Any],
    text: str,
    spans: list[Mapping[str, Any]],
    tests: list[Mapping[str, Any]],
    times: list[Mapping[str, Any]],
) -> list[str]:
    values_of: dict[Any, list[Mapping[str, Any]]] = {}
    linked: set[Any] = set()
    for head, tail in schema.value_of_pairs(record, spans):
        values_of.setdefault(tail.get("id"), []).append(head)
        linked.add(head.get("id"))
    bounds = sentence_bounds(text)
    times_in: dict[int, list[Mapping[str, Any]]] = {}
    for span in times:
        times_in.setdefault(_sentence_index(bounds, span["start"]), []).append(span)

    def clause(offset: int) -> tuple[int, int]:
        # the ";"-separated part of the sentence around offset
        start, end = bounds[_sentence_index(bounds, offset)]
        left = text.rfind(";", start, offset)
        right = text.find(";", offset, end)
        return (start if left < 0 else left + 1, end if right < 0 else right)

    def when(members: list[Mapping[str, Any]]) -> str:
        # time points of the same sentence; of the same clause when that clause has any
        sentences = sorted({_sentence_index(bounds, m["start"]) for m in members})
        found = [t for i in sentences for t in times_in.get(i, [])]
        clauses = {clause(m["start"]) for m in members}
        near = [t for t in found if any(a <= t["start"] < b for a, b in clauses)]
        labels = _unique(_time_label(t) for t in (near or found))
        return f" ({', '.join(labels)})" if labels else ""

    entries = []
    for test in tests:
        name = (test.get("attrs") or {}).get("analyte") or test["text"]
        values = sorted(values_of.get(test.get("id"), []), key=lambda s: s["start"])
        shown = ", ".join(fmt_lab_value(v) + _flags(v) for v in values)
        entry = f"{name}{_flags(test)}" + (f": {shown}" if shown else "")
        entries.append(entry + (when([test, *values]) if values else ""))
    for span in spans:  # values linked to no test (hand-edited data)
        if span["label"] == schema.LAB_VALUE and span.get("id") not in linked:
            entries.append(f"?: {fmt_lab_value(span)}{_flags(span)}{when([span])}")
    return _unique(entries)


def rows(records: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, str]]:
    """:func:`record_row` for every record, lazily."""
    for record in records:
        yield record_row(record)


# --- writing ----------------------------------------------------------------------------


def output_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """``csv``, ``xlsx`` or ``parquet`` for ``path``; ``fmt``, when given, must fit its suffix."""
    from .outputs import OutputNameError, format_for

    try:
        return format_for(path, FORMATS, fmt, what="table")
    except OutputNameError as err:
        raise TableError(str(err)) from err


def check_writer(fmt: str) -> None:
    """Raise :class:`TableError` (saying what to install) if ``fmt`` cannot be written here."""
    package = _NEEDS.get(fmt)
    if package and importlib.util.find_spec(package) is None:
        raise TableError(f"writing .{fmt} needs the {package} package: pip install {package}")


def write_table(
    table_rows: Iterable[Mapping[str, str]],
    path: str | os.PathLike[str],
    fmt: str | None = None,
    columns: tuple[str, ...] = COLUMNS,
    sheets: Mapping[str, tuple[tuple[str, ...], list[Mapping[str, str]]]] | None = None,
) -> int:
    """Write ``table_rows`` to ``path`` (temporary file + rename); return the row count.

    ``sheets``: further named tables (columns, rows) written as extra sheets of an .xlsx file
    (other formats hold one table and leave them out).

    A failure part-way (including an exception from the ``table_rows`` iterator) leaves any
    earlier ``path`` untouched and no temporary file behind.
    """
    path = Path(path)
    fmt = output_format(path, fmt)
    check_writer(fmt)
    if path.is_dir():
        raise TableError(f"{path}: is a directory")
    with atomic_target(path) as tmp:
        if fmt == "xlsx":
            count = _write_xlsx(table_rows, tmp, columns, sheets)
        else:
            count = {"csv": _write_csv, "parquet": _write_parquet}[fmt](table_rows, tmp, columns)
    return count


_NUMBER_RE = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")
#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs as a formula: a cell that starts with = + -
    @ (or a tab or carriage return) and is not a number gets a leading apostrophe."""
    if value and value.startswith(FORMULA_STARTS) and not _NUMBER_RE.match(value):
        return "'" + value
    return value


def _write_csv(table_rows: Iterable[Mapping[str, str]], tmp: Path, columns: tuple[str, ...]) -> int:
    count = 0
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_safe(c) for c in columns])
        for row in table_rows:
            writer.writerow([csv_safe(row.get(c, "") or "") for c in columns])
            count += 1
        handle.flush()
        os.fsync(handle.fileno())
    return count


def _write_xlsx(
    table_rows: Iterable[Mapping[str, str]],
    tmp: Path,
    columns: tuple[str, ...],
    sheets: Mapping[str, tuple[tuple[str, ...], list[Mapping[str, str]]]] | None = None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("evidence")
    widths = {"id": 12, "source": 18, "lab_results": 60, "cell_types": 40, "outcomes": 60, "title": 40}
    for i, column in enumerate(columns):
        letter = _column_letter(i)
        sheet.column_dimensions[letter].width = widths.get(column, 24)
    sheet.freeze_panes = "B2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    def cell_of(value: str) -> Any:
        if not value:
            return None
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if len(value) > XLSX_CELL_LIMIT:
            value = value[: XLSX_CELL_LIMIT - 1] + "\u2026"
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # never a formula, even if the text starts with "="
        return cell

    count = 0
    for row in table_rows:
        sheet.append([cell_of(row.get(c, "")) for c in columns])
        count += 1
    for name, (extra_columns, extra_rows) in (sheets or {}).items():
        extra = workbook.create_sheet(name[:31])
        extra.append([WriteOnlyCell(extra, value=c) for c in extra_columns])
        for row in extra_rows:
            extra.append([cell_of(row.get(c, "")) for c in extra_columns])
    workbook.save(tmp)
    return count


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _write_parquet(table_rows: Iterable[Mapping[str, str]], tmp: Path, columns: tuple[str, ...]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema_ = pa.schema([(c, pa.string()) for c in columns])
    count = 0
    batch: dict[str, list[str | None]] = {c: [] for c in columns}
    with pq.ParquetWriter(str(tmp), schema_) as writer:
        for row in table_rows:
            for c in columns:
                batch[c].append(row.get(c) or None)
            count += 1
            if len(batch[columns[0]]) >= 1000:
                writer.write_table(pa.table(batch, schema=schema_))
                batch = {c: [] for c in columns}
        if batch[columns[0]] or count == 0:
            writer.write_table(pa.table(batch, schema=schema_))
    return count


# --- one row per arm (the "characteristics of included studies" layout) ------------------

#: Column name -> what it holds, for the per-arm table (``celltx table --per arm``). After
#: these come four columns per analyte reported anywhere in the input (see ARM_OUTCOME_HELP).
ARM_COLUMN_HELP: dict[str, str] = {
    "id": "document id (PMID for PubMed/MEDLINE input)",
    "first_author": "first author, when the input has it (PubMed XML, MEDLINE, JSONL field)",
    "title": "title, when the input has it",
    "year": "publication year, when the input has it",
    "source": "input file the abstract came from",
    "country": "where the trial ran, when the text says so",
    "design": "rct, non_randomized_controlled, single_arm, case_series, protocol or other",
    "condition": "the disease (and its cause) as written",
    "n_enrolled": "participants enrolled or randomised in total",
    "arm": "the arm's name as written (one row per arm; a study that names no arm gets one row)",
    "arm_role": "experimental or control",
    "arm_n": "participants in the arm",
    "cell_product": "cell products given in the arm: as written (Cell Ontology id; source; donor)",
    "cell_cl_ids": "their Cell Ontology ids",
    "dose": "dose per administration as written in the text",
    "dose_normalised": "the dose as numbers and a normalised unit (mass in mg, volume in mL, cells), cell word apart",
    "dose_low": "lower bound of the dose (unit: dose_unit)",
    "dose_high": "upper bound of the dose",
    "dose_unit": "unit of the dose as extracted (cells/kg, cells, mg, mL ...)",
    "administrations": "number of administrations, when stated",
    "interval_days": "days between administrations, when stated",
    "route": "route of administration (normalised)",
    "age": "age of the arm's participants: mean±SD or median (low-high), as reported",
    "male": "number of male participants in the arm",
    "comparator": "for a control arm: placebo, standard_care, sham, active or none",
    "follow_up_days": "the longest follow-up or assessment time point of the study, in days",
    "adverse_events": "adverse events reported, as written",
    "serious_adverse_events": "yes/no when the text says whether serious adverse events occurred",
    "eligibility": "lab thresholds of the inclusion/exclusion criteria (analyte comparator value unit)",
    "outcomes": "every lab result of the arm: analyte kind value (day) [SI value], p and direction",
    "cohort_outcomes": "lab results reported for the whole cohort (no arm named)",
}
ARM_COLUMNS: tuple[str, ...] = tuple(ARM_COLUMN_HELP)
#: The per-analyte outcome columns (one set per analyte found in the input).
ARM_OUTCOME_HELP: dict[str, str] = {
    "<analyte>: baseline": "the arm's baseline value(s) as reported, with the time point (day 0)",
    "<analyte>: follow-up": "follow-up value(s) as reported, each with its day",
    "<analyte>: baseline (SI)": "the baseline value(s) in SI units, to 4 significant figures (absent when no conversion is known)",
    "<analyte>: follow-up (SI)": "the follow-up value(s) in SI units",
    "<analyte>: change": "changes and between-group differences as reported (with SI in brackets)",
}
#: Columns of the eligibility sheet (xlsx) / table.
ELIGIBILITY_COLUMNS: tuple[str, ...] = ("id", "analyte", "comparator", "value", "unit")


#: Significant figures of a value converted to SI units in the table: a converted number
#: carries the conversion factor's digits ("110 mg/dL" -> 6.1061 mmol/L), which no reader
#: should copy as if measured so precisely; the record's ``si`` keeps them all.
SI_FIGURES = 4


def _si(d: Mapping[str, Any]) -> dict[str, Any]:
    """An SI object with its numbers rounded to :data:`SI_FIGURES` significant figures."""
    def rounded(x: Any) -> Any:
        return float(f"{x:.{SI_FIGURES}g}") if isinstance(x, float) else x

    return {k: rounded(v) if k in ("value", "sd", "low", "high") else v for k, v in d.items()}


def _spread(d: Mapping[str, Any] | None) -> str:
    """``value±sd (low–high) unit`` of an outcome, SI object or age; "" when empty."""
    if not d:
        return ""
    value, sd, low, high = d.get("value"), d.get("sd"), d.get("low"), d.get("high")
    comparator = d.get("comparator") or ""
    parts = ""
    if value is not None:
        parts = comparator + fmt_number(value)
        if sd is not None:
            parts += f"\u00b1{fmt_number(sd)}"
        if low is not None or high is not None:
            parts += f" ({fmt_number(low)}\u2013{fmt_number(high)})"
    elif low is not None or high is not None:
        parts = comparator + f"{fmt_number(low)}\u2013{fmt_number(high)}"
    unit = d.get("unit")
    return f"{parts} {unit}" if parts and unit else parts


def _day(days: Any) -> str:
    return "" if days is None else f" (day {fmt_number(float(days))})"


def _outcome_text(o: Mapping[str, Any]) -> str:
    kind = str(o.get("kind") or "").replace("_", "-")
    text = f"{o.get('analyte')} {kind} {_spread(o)}{_day(o.get('days'))}"
    if o.get("si"):
        text += f" [SI {_spread(_si(o['si']))}]"
    p = o.get("p_value")
    if isinstance(p, Mapping) and p.get("value") is not None:
        text += f" p{p.get('comparator') or '='}{fmt_number(p['value'])}"
    if o.get("direction"):
        text += f" {o['direction']}"
    return " ".join(text.split())


def _dose_normalised(dose: Mapping[str, Any] | None) -> str:
    if not dose:
        return ""
    from .normalize.si import normalize_dose

    norm = normalize_dose(dose)
    low, high, unit = norm.get("low"), norm.get("high"), norm.get("unit") or ""
    amount = fmt_number(low) if low == high else f"{fmt_number(low)}\u2013{fmt_number(high)}"
    text = f"{amount} {unit}".strip()
    if dose.get("cell_word"):
        text += f" ({dose['cell_word']})"
    return text


def trial_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's ``trial`` object, summarised from its mentions when it has none."""
    trial = record.get("trial")
    if isinstance(trial, Mapping):
        return dict(trial)
    from .trial import summarize

    return summarize(record)


def arm_rows(record: Mapping[str, Any]) -> list[dict[str, str]]:
    """One row per arm of the record's trial summary (column -> text); see ARM_COLUMN_HELP.

    Per-analyte columns ("albumin: baseline", ...) are added for the outcomes of each arm;
    :func:`arm_columns` puts them after the fixed columns.
    """
    trial = trial_of(record)
    arms = list(trial.get("arms") or []) or [{}]
    ae = trial.get("adverse_events") or {}
    serious = ae.get("serious")
    base = {c: "" for c in ARM_COLUMNS}
    base.update(
        {
            "id": str(record.get("id") or record.get("pmid") or ""),
            "first_author": str(record.get("first_author") or ""),
            "title": str(record.get("title") or ""),
            "year": str(record.get("year") or ""),
            "source": str(record.get("source") or ""),
            "country": str(trial.get("country") or ""),
            "design": str(trial.get("design") or ""),
            "condition": str(trial.get("condition") or ""),
            "n_enrolled": fmt_number(trial.get("n_enrolled")),
            "follow_up_days": fmt_number(trial.get("follow_up_days")),
            "adverse_events": SEP.join(str(e) for e in ae.get("events") or []),
            "serious_adverse_events": "" if serious is None else ("yes" if serious else "no"),
            "eligibility": SEP.join(
                " ".join(x for x in (str(e.get("analyte") or ""), str(e.get("comparator") or ""),
                                     fmt_number(e.get("value")), str(e.get("unit") or "")) if x)
                for e in trial.get("eligibility") or []
            ),
        }
    )
    outcomes = [o for o in trial.get("outcomes") or [] if isinstance(o, Mapping)]
    cohort = [o for o in outcomes if o.get("arm") is None]
    rows = []
    for index, arm in enumerate(arms):
        row = dict(base)
        cells = [c for c in arm.get("cell_types") or [] if isinstance(c, Mapping)]
        dose = arm.get("dose") if isinstance(arm.get("dose"), Mapping) else None
        freq = arm.get("frequency") if isinstance(arm.get("frequency"), Mapping) else {}
        row.update(
            {
                "arm": str(arm.get("label") or ""),
                "arm_role": str(arm.get("role") or ""),
                "arm_n": fmt_number(arm.get("n")),
                "cell_product": SEP.join(
                    f"{c.get('text') or c.get('cl_id')} ("
                    + ", ".join(str(c[k]) for k in ("cl_id", "source", "donor") if c.get(k))
                    + ")"
                    for c in cells
                ),
                "cell_cl_ids": SEP.join(_unique(str(c.get("cl_id") or "") for c in cells)),
                "dose": str((dose or {}).get("text") or ""),
                "dose_normalised": _dose_normalised(dose),
                "dose_low": fmt_number((dose or {}).get("low")),
                "dose_high": fmt_number((dose or {}).get("high")),
                "dose_unit": str((dose or {}).get("unit") or ""),
                "administrations": fmt_number((freq or {}).get("count")),
                "interval_days": fmt_number((freq or {}).get("interval_days")),
                "route": str(arm.get("route") or ""),
                "age": _spread(arm.get("age") if isinstance(arm.get("age"), Mapping) else None),
                "male": fmt_number(arm.get("male")),
                "comparator": str(arm.get("comparator") or ""),
            }
        )
        mine = [o for o in outcomes if o.get("arm") == index] if arm else outcomes
        row["outcomes"] = SEP.join(_outcome_text(o) for o in mine)
        row["cohort_outcomes"] = SEP.join(_outcome_text(o) for o in cohort) if arm else ""
        # the per-analyte columns: the arm's own results; in a one-arm study also the cohort's
        shown = mine if len(arms) > 1 or not arm else [*mine, *(c for c in cohort if c not in mine)]
        for o in shown:
            analyte = str(o.get("analyte") or "?")
            kind = o.get("kind")
            value = _spread(o) + _day(o.get("days"))
            si = _spread(_si(o["si"])) + _day(o.get("days")) if o.get("si") else ""
            if kind in ("baseline", "follow_up"):
                name = "baseline" if kind == "baseline" else "follow-up"
                _append(row, f"{analyte}: {name}", value)
                if si:
                    _append(row, f"{analyte}: {name} (SI)", si)
            else:
                _append(row, f"{analyte}: change", value + (f" [SI {si}]" if si else "") + (" (difference)" if kind == "difference" else ""))
        rows.append(row)
    return rows


def _append(row: dict[str, str], column: str, value: str) -> None:
    row[column] = f"{row[column]}{SEP}{value}" if row.get(column) else value


def arm_columns(table_rows: Iterable[Mapping[str, str]]) -> tuple[str, ...]:
    """The fixed per-arm columns, then the per-analyte outcome columns in order of first use."""
    extra: dict[str, None] = {}
    order = {"baseline": 0, "baseline (SI)": 1, "follow-up": 2, "follow-up (SI)": 3, "change": 4}
    for row in table_rows:
        for column in row:
            if column not in ARM_COLUMN_HELP:
                extra.setdefault(column, None)
    analytes = _unique(c.rsplit(": ", 1)[0] for c in extra)
    ordered = [c for a in analytes for c in sorted((c for c in extra if c.rsplit(": ", 1)[0] == a),
                                                       key=lambda c: order.get(c.rsplit(": ", 1)[1], 9))]
    return (*ARM_COLUMNS, *ordered)


def eligibility_rows(record: Mapping[str, Any]) -> list[dict[str, str]]:
    """One row per eligibility threshold of the record's trial summary."""
    trial = trial_of(record)
    return [
        {
            "id": str(record.get("id") or ""),
            "analyte": str(e.get("analyte") or ""),
            "comparator": str(e.get("comparator") or ""),
            "value": fmt_number(e.get("value")),
            "unit": str(e.get("unit") or ""),
        }
        for e in trial.get("eligibility") or []
        if isinstance(e, Mapping)
    ]
