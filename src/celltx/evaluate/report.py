"""Reports: one JSON document (complete, for machines) and three views of it.

:func:`build_report` turns the :class:`~celltx.evaluate.run.SystemResult` rows into a plain
dict; every renderer reads only that dict, so what people see is what the JSON holds.

* :func:`render_table`    terminal: side-by-side F1 with CIs, error counts, rows not run;
* :func:`render_markdown` people: F1 per label (strict, lenient) with CIs, precision/recall,
  attribute accuracy, relations, errors per class, confusion, top errors;
* :func:`render_html`     one self-contained page (inline CSS and SVG bar chart of per-label
  strict F1 by system, no scripts, no network), from the Jinja2 templates
  ``celltx/templates/report.html.j2`` and ``bar_chart.svg.j2`` (autoescaped).

:func:`write_reports` writes ``eval.json``, ``eval.md`` and ``eval.html`` atomically.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..schema import ATTRS, LABELS, OPTIONAL_ATTRS, SCHEME_VERSION
from . import bootstrap
from .errors import ERROR_CLASSES
from .scorer import MACRO, MICRO, MODES, RELATIONS_KEY, STRICT

#: Reports go outside tracked files unless -o names a folder (build/ is ignored by git).
DEFAULT_OUTPUT_DIR = Path("build/eval")
BASENAME = "eval"
FORMATS = ("json", "md", "html")
NOT_COVERED = "—"
TOP_ERRORS = 10
#: Bar colours of the HTML chart, one per system (cycled).
_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


# --------------------------------------------------------------------------- the report


def build_report(
    results: Sequence[Any],
    gold: Sequence[Mapping[str, Any]],
    meta: Mapping[str, Any] | None = None,
    n_resamples: int = bootstrap.N_RESAMPLES,
    seed: int = bootstrap.SEED,
    top_n: int = 20,
) -> dict[str, Any]:
    """The complete report as a JSON-serialisable dict."""
    from .. import __version__

    n_spans = {label: 0 for label in LABELS}
    n_relations = 0
    for record in gold:
        for span in record.get("spans", []) or []:
            if span.get("label") in n_spans:
                n_spans[span["label"]] += 1
        n_relations += len(record.get("relations", []) or [])
    return {
        "celltx_version": __version__,
        "scheme_version": SCHEME_VERSION,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "labels": list(LABELS),
        "gold": {
            **dict(meta or {}),
            "n_docs": len(gold),
            "n_spans": n_spans,
            "n_relations": n_relations,
        },
        "bootstrap": {
            "n_resamples": n_resamples,
            "seed": seed,
            "confidence": bootstrap.CONFIDENCE,
            "method": "percentile, documents resampled with replacement",
        },
        "systems": [r.to_dict(top_n) for r in results],
    }


def _ok(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [s for s in report["systems"] if s["status"] == "ok"]


def _covered(system: Mapping[str, Any], label: str) -> bool:
    covered = system.get("labels_covered")
    return covered is None or label in covered


def _fmt(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _cell(system: Mapping[str, Any], key: str, ci: bool = True) -> str:
    """F1 for ``key`` (``strict/LABEL``, ``lenient/micro``, ``relations``) with its CI."""
    mode, _, what = key.partition("/")
    if what in LABELS:
        if not _covered(system, what):
            return NOT_COVERED
        counts = system["scores"]["spans"][mode][what]
        if counts["tp"] + counts["fp"] + counts["fn"] == 0:
            return "n/a"  # no gold and no predicted span of this label: F1 undefined
    c = (system.get("ci") or {}).get(key)
    if c is None:
        return "n/a"
    if not ci or c["low"] is None:
        return _fmt(c["estimate"])
    return f"{c['estimate']:.3f} [{c['low']:.2f}–{c['high']:.2f}]"


def _rows_keys(mode: str) -> list[tuple[str, str]]:
    return [(label, f"{mode}/{label}") for label in LABELS] + [
        (MICRO, f"{mode}/{MICRO}"),
        (MACRO, f"{mode}/{MACRO}"),
    ]


def _not_run(report: Mapping[str, Any]) -> list[str]:
    return [
        f"{s['name']} ({s['kind']}): {s['status']}: {s['message']}"
        for s in report["systems"]
        if s["status"] != "ok"
    ]


def _attr_rows(report: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    rows = []
    systems = _ok(report)
    for label in LABELS:
        for attr in (*ATTRS[label], *OPTIONAL_ATTRS.get(label, {})):
            cells = []
            any_total = False
            for s in systems:
                a = s["scores"]["attributes"].get(label, {}).get(attr)
                if not _covered(s, label):
                    cells.append(NOT_COVERED)
                elif not a or not a["total"]:
                    cells.append("n/a")
                else:
                    any_total = True
                    cells.append(f"{a['accuracy']:.3f} ({a['correct']}/{a['total']})")
            if any_total:
                rows.append((f"{label}.{attr}", cells))
    return rows


# --------------------------------------------------------------------------- terminal


def _text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append(
            "  ".join(
                str(c).rjust(w) if i else str(c).ljust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(lines)


def render_table(report: Mapping[str, Any], paths: Mapping[str, Any] | None = None) -> str:
    """A readable side-by-side comparison for the terminal."""
    gold = report["gold"]
    systems = _ok(report)
    conf = int(report["bootstrap"]["confidence"] * 100)
    out = [
        f"gold: {gold['n_docs']} documents"
        + (f", split {gold['split']}" if gold.get("split") else "")
        + f", {sum(gold['n_spans'].values())} spans, {gold['n_relations']} relations"
        + f"  (F1 [{conf}% bootstrap CI over documents, {report['bootstrap']['n_resamples']} resamples])",
    ]
    if systems:
        names = [s["name"] for s in systems]
        for mode in MODES:
            rows = [[name] + [_cell(s, key) for s in systems] for name, key in _rows_keys(mode)]
            if mode == STRICT:
                rows.append(["VALUE_OF"] + [_cell(s, RELATIONS_KEY) for s in systems])
            out += ["", f"{mode} span F1", _text_table(["label", *names], rows)]
        err_rows = [
            [cls] + [str(s["errors"]["counts"][cls]) for s in systems] for cls in ERROR_CLASSES
        ]
        out += ["", "errors (strict FP + FN)", _text_table(["class", *names], err_rows)]
        if any(s.get("labels_covered") is not None for s in systems):
            out.append(f"{NOT_COVERED} = label not produced by that system")
        trial_rows = _trial_rows(report)
        if trial_rows:
            out += ["", "trial summary", _text_table(["measure", *names], trial_rows)]
    else:
        out += ["", "no system could be scored"]
    not_run = _not_run(report)
    if not_run:
        out += ["", "not scored:"] + [f"  {line}" for line in not_run]
    warnings = sorted({w for s in systems for w in s["scores"]["warnings"]})
    if warnings:
        out += ["", "warnings:"] + [f"  {w}" for w in warnings]
    if paths:
        out += ["", "reports: " + ", ".join(str(p) for p in paths.values())]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- markdown


def _md_escape(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> str:
    """A Markdown table; ``align`` has one letter per column (l or r), default "lrrr..."."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = ["| " + " | ".join(_md_escape(h) for h in header) + " |"]
    lines.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
    for row in rows:
        lines.append("| " + " | ".join(_md_escape(c) for c in row) + " |")
    return "\n".join(lines)


def render_markdown(report: Mapping[str, Any]) -> str:
    """The report for people, as Markdown."""
    gold = report["gold"]
    systems = _ok(report)
    names = [s["name"] for s in systems]
    conf = int(report["bootstrap"]["confidence"] * 100)
    out = [
        "# celltx evaluation",
        "",
        f"- created: {report['created']}, celltx {report['celltx_version']}, scheme version {report['scheme_version']}",
        f"- gold: {', '.join(map(str, gold.get('paths', []))) or 'n/a'}"
        + (f" (split `{gold['split']}`)" if gold.get("split") else ""),
        f"- {gold['n_docs']} documents, {sum(gold['n_spans'].values())} spans, {gold['n_relations']} relations; "
        + ", ".join(f"{label} {n}" for label, n in gold["n_spans"].items()),
        f"- F1 with {conf}% bootstrap CIs (percentile method, {report['bootstrap']['n_resamples']} resamples "
        f"of documents, seed {report['bootstrap']['seed']}); `{NOT_COVERED}`: label not produced by that system",
        "",
    ]
    not_run = _not_run(report)
    if not_run:
        out += ["## Not scored", ""] + [f"- {_md_escape(line)}" for line in not_run] + [""]
    if not systems:
        return "\n".join(out + ["No system could be scored.", ""])
    out += ["## Systems", ""]
    out.append(
        _md_table(
            ["system", "kind", "version", "seconds", "labels"],
            [
                [
                    s["name"],
                    s["kind"],
                    s.get("version") or "",
                    _fmt(s.get("seconds"), 2),
                    "all" if s.get("labels_covered") is None else ", ".join(s["labels_covered"]),
                ]
                for s in systems
            ],
            align="llrrl",
        )
    )
    for mode in MODES:
        out += ["", f"## Span F1, {mode} matching", ""]
        rows = [[name] + [_cell(s, key) for s in systems] for name, key in _rows_keys(mode)]
        out.append(_md_table(["label", *names], rows))
        out += ["", f"Precision / recall ({mode}):", ""]
        pr_rows = []
        for label in [*LABELS, MICRO, MACRO]:
            row = [label]
            for s in systems:
                if label in LABELS and not _covered(s, label):
                    row.append(NOT_COVERED)
                    continue
                d = s["scores"]["spans"][mode][label]
                counts = (
                    f" ({d['tp']}/{d['tp'] + d['fp']}, {d['tp']}/{d['tp'] + d['fn']})"
                    if "tp" in d
                    else ""
                )
                row.append(f"{d['precision']:.3f} / {d['recall']:.3f}{counts}")
            pr_rows.append(row)
        out.append(_md_table(["label", *names], pr_rows))
    out += ["", "## Relations (VALUE_OF, both ends strict)", ""]
    rel_rows = []
    for s in systems:
        r = s["scores"]["relations"]
        rel_rows.append(
            [
                s["name"],
                _fmt(r["precision"]),
                _fmt(r["recall"]),
                _cell(s, RELATIONS_KEY),
                r["tp"],
                r["fp"],
                r["fn"],
            ]
        )
    out.append(_md_table(["system", "P", "R", "F1 [CI]", "tp", "fp", "fn"], rel_rows))
    out += ["", "## Attribute accuracy (strictly matched spans)", ""]
    attr_rows = _attr_rows(report)
    if attr_rows:
        out.append(_md_table(["label.attribute", *names], [[k, *cells] for k, cells in attr_rows]))
        out += [
            "",
            "Cells: accuracy (correct/scored). `None == None` counts only when gold has the key.",
        ]
    else:
        out.append("No strictly matched span carries a scored attribute.")
    out += ["", "## Errors per class (strict FP + FN)", ""]
    out.append(
        _md_table(
            ["class", *names],
            [[cls] + [s["errors"]["counts"][cls] for s in systems] for cls in ERROR_CLASSES],
        )
    )
    for s in systems:
        e = s["errors"]
        out += ["", f"### {s['name']}: errors by label", ""]
        by_label = e["counts_by_label"]
        if by_label:
            out.append(
                _md_table(
                    ["label", *ERROR_CLASSES],
                    [
                        [label, *(by_label[label][c] for c in ERROR_CLASSES)]
                        for label in LABELS
                        if label in by_label
                    ],
                )
            )
        else:
            out.append("No errors.")
        conf_m = e["confusion"]
        cols = [c for c in [*LABELS, "none"] if any(c in row for row in conf_m.values())]
        if conf_m:
            out += [
                "",
                f"Confusion (gold row x predicted column, lenient alignment), {s['name']}:",
                "",
            ]
            rows_c = [
                [g, *(conf_m.get(g, {}).get(c, 0) for c in cols)]
                for g in [*LABELS, "none"]
                if g in conf_m
            ]
            out.append(_md_table(["gold \\ pred", *cols], rows_c))
        top = e["top"][:TOP_ERRORS]
        if top:
            out += ["", f"Top errors, {s['name']}:", ""]
            out.append(
                _md_table(
                    ["n", "class", "kind", "label", "span", "other", "example"],
                    [
                        [
                            t["count"],
                            t["error_class"],
                            t["kind"],
                            t["label"],
                            f"`{t['text']}`",
                            f"{t['example']['other_label']} `{t['example']['other_text']}`"
                            if t["example"]["other_label"]
                            else "",
                            f"{t['example']['doc_id']}: {t['example']['context']}",
                        ]
                        for t in top
                    ],
                    align="rllllll",
                )
            )
    trial_rows = _trial_rows(report)
    if trial_rows:
        n = next(s["trial"]["n_docs"] for s in systems if s.get("trial"))
        out += ["", f"## Trial summary ({n} gold documents with a trial object)", ""]
        out.append(_md_table(["measure", *names], trial_rows, align="l" + "l" * len(names)))
    warnings = sorted({w for s in systems for w in s["scores"]["warnings"]})
    if warnings:
        out += ["", "## Warnings", ""] + [f"- {_md_escape(w)}" for w in warnings]
    return "\n".join(out) + "\n"


def _trial_rows(report: Mapping[str, Any]) -> list[list[str]]:
    """Rows (measure, one cell per system) of the trial-summary scores, [] when none."""
    from .trial import summary_rows

    systems = _ok(report)
    per_system = [dict(summary_rows(s["trial"])) if s.get("trial") else {} for s in systems]
    measures: list[str] = []
    for rows in per_system:
        measures.extend(m for m in rows if m not in measures)
    return [[m, *(rows.get(m, NOT_COVERED) for rows in per_system)] for m in measures]


# --------------------------------------------------------------------------- html


def _chart_view(report: Mapping[str, Any], mode: str = STRICT) -> dict[str, Any]:
    """Geometry of the bar chart (numbers formatted as the SVG wants them)."""
    systems = _ok(report)
    groups = [*LABELS, MICRO, MACRO]
    n = max(1, len(systems))
    bar_w, gap, left, top, height = 12, 18, 40, 20, 220
    group_w = n * bar_w + gap
    width = left + len(groups) * group_w + 10
    legend_h = 18 * len(systems) + 10
    ticks = []
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + height - tick * height
        ticks.append({"y": f"{y:.1f}", "text_y": f"{y + 4:.1f}", "label": f"{tick:.2f}"})
    view_groups = []
    for gi, group in enumerate(groups):
        x0 = left + gi * group_w + gap / 2
        key = f"{mode}/{group}"
        bars = []
        for si, s in enumerate(systems):
            x = x0 + si * bar_w
            if group in LABELS and not _covered(s, group):
                continue
            c = (s.get("ci") or {}).get(key)
            if not c:
                continue
            v = c["estimate"]
            h = v * height
            title = f"{s['name']} {group}: {v:.3f}"
            whisker = None
            if c["low"] is not None:
                title += f" [{c['low']:.3f}–{c['high']:.3f}]"
                whisker = {
                    "x": f"{x + (bar_w - 2) / 2:.1f}",
                    "y1": f"{top + height - c['low'] * height:.1f}",
                    "y2": f"{top + height - c['high'] * height:.1f}",
                }
            bars.append(
                {
                    "x": f"{x:.1f}",
                    "y": f"{top + height - h:.1f}",
                    "w": bar_w - 2,
                    "h": f"{h:.1f}",
                    "colour": _COLOURS[si % len(_COLOURS)],
                    "title": title,
                    "whisker": whisker,
                }
            )
        view_groups.append(
            {"x": f"{x0 + n * bar_w / 2:.1f}", "y": f"{top + height + 12:.1f}", "label": group, "bars": bars}
        )
    return {
        "mode": mode,
        "width": width,
        "height": top + height + 70 + legend_h,
        "left": left,
        "right": width - 10,
        "ticks": ticks,
        "groups": view_groups,
        "legend": [
            {
                "y": top + height + 70 + si * 18,
                "colour": _COLOURS[si % len(_COLOURS)],
                "name": s["name"],
                "kind": s["kind"],
            }
            for si, s in enumerate(systems)
        ],
    }


def svg_bar_chart(report: Mapping[str, Any], mode: str = STRICT) -> str:
    """Inline SVG: per-label F1 (``mode``) with one bar per system and CI whiskers."""
    from ..templates import render

    return render("bar_chart.svg.j2", chart=_chart_view(report, mode)).rstrip("\n")


def _table(header: Sequence[Any], rows: Sequence[Sequence[Any]], ctx_last: bool = False) -> dict[str, Any]:
    return {"header": [str(h) for h in header], "rows": [[str(c) for c in row] for row in rows],
            "ctx_last": ctx_last}


def _html_sections(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The page's sections after the header, in order: heading, then a chart or a table."""
    systems = _ok(report)
    if not systems:
        return []
    names = [s["name"] for s in systems]

    def section(heading: str, table: dict | None = None, chart: dict | None = None, tag: str = "h2") -> dict:
        return {"heading": heading, "tag": tag, "table": table, "chart": chart}

    out = [section("Strict F1 per label", chart=_chart_view(report, STRICT))]
    for mode in MODES:
        rows = [[name] + [_cell(s, key) for s in systems] for name, key in _rows_keys(mode)]
        if mode == STRICT:
            rows.append(["VALUE_OF"] + [_cell(s, RELATIONS_KEY) for s in systems])
        out.append(section(f"Span F1, {mode} matching", _table(["label", *names], rows)))
    attr_rows = _attr_rows(report)
    if attr_rows:
        out.append(section("Attribute accuracy (strictly matched spans)",
                           _table(["label.attribute", *names], [[k, *c] for k, c in attr_rows])))
    out.append(section(
        "Errors per class (strict FP + FN)",
        _table(["class", *names],
               [[cls] + [s["errors"]["counts"][cls] for s in systems] for cls in ERROR_CLASSES]),
    ))
    for s in systems:
        top = s["errors"]["top"][:TOP_ERRORS]
        if top:
            rows = [
                [t["count"], t["error_class"], t["kind"], t["label"], t["text"],
                 f"{t['example']['doc_id']}: {t['example']['context']}"]
                for t in top
            ]
            out.append(section(f"Top errors: {s['name']}",
                               _table(["n", "class", "kind", "label", "span", "example"], rows, True),
                               tag="h3"))
    trial_rows = _trial_rows(report)
    if trial_rows:
        out.append(section("Trial summary", _table(["measure", *names], trial_rows)))
    return out


def render_html(report: Mapping[str, Any]) -> str:
    """One self-contained HTML page: inline CSS, inline SVG, no scripts, no external resources.

    The markup is the Jinja2 template ``celltx/templates/report.html.j2`` (autoescaped).
    """
    from ..templates import render

    gold = report["gold"]
    return render(
        "report.html.j2",
        created=report["created"],
        celltx_version=report["celltx_version"],
        scheme_version=report["scheme_version"],
        gold_paths=", ".join(map(str, gold.get("paths", []))),
        split=gold.get("split") or "",
        n_docs=gold["n_docs"],
        n_spans=sum(gold["n_spans"].values()),
        n_relations=gold["n_relations"],
        confidence=int(report["bootstrap"]["confidence"] * 100),
        n_resamples=report["bootstrap"]["n_resamples"],
        not_covered=NOT_COVERED,
        not_run=_not_run(report),
        sections=_html_sections(report),
    )


# --------------------------------------------------------------------------- files


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same directory and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp creates 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _finite(value: Any) -> Any:
    """``value`` with non-finite floats replaced by None (strict JSON has no NaN)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def to_json(report: Mapping[str, Any]) -> str:
    """The report as strict JSON (UTF-8 text, NaN written as null)."""
    return json.dumps(_finite(report), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def write_reports(
    report: Mapping[str, Any],
    out_dir: str | os.PathLike[str] = DEFAULT_OUTPUT_DIR,
    formats: Sequence[str] = FORMATS,
    basename: str = BASENAME,
) -> dict[str, Path]:
    """Write the report in ``formats`` (json, md, html) into ``out_dir``; return the paths."""
    renderers = {"json": to_json, "md": render_markdown, "html": render_html}
    out = Path(out_dir)
    paths: dict[str, Path] = {}
    for fmt in formats:
        path = out / f"{basename}.{fmt}"
        write_atomic(path, renderers[fmt](report))
        paths[fmt] = path
    return paths
