"""A self-contained HTML page for reviewing extracted (or gold) documents in a browser.

:func:`write_html` renders scheme records (see :mod:`celltx.schema`) as one HTML file with no
external scripts, style sheets or fonts (no JavaScript at all), so it can be mailed or opened
offline:

* a legend (one colour per label, with counts) and an index of the documents;
* per document, the text with every span highlighted displaCy-style (a coloured mark with
  the label after it). Spans of different labels may overlap; every span gets a *layer*
  (greedy interval colouring), layer 0 is drawn as a background, deeper layers as
  underlines at increasing depth, so no span hides another;
* hovering a span shows its id, label, attributes and VALUE_OF links (``title``); the same
  information is in a table beside the text, with negated/hypothetical spans flagged;
* beside the text, above that table, the trial summary (``record["trial"]``, or built from the
  mentions by :func:`celltx.trial.summarize`): design, N, condition, arms, outcomes.

This module computes what is shown (layers, pieces of text, tooltips, table rows); the markup
is the Jinja2 template ``celltx/templates/review.html.j2`` (autoescaped: document text, ids,
attribute values and sources are all HTML-escaped). The file is written atomically (temporary
file + rename).

One colour table, :data:`COLOURS`, serves this page and displaCy (:data:`DISPLACY_OPTIONS`).
The text is drawn by the template rather than by ``displacy.render(style="span")``, because
the span renderer writes each token followed by one space (the text would not read back as
written, which is what a reviewer checks offsets against) and has no slot for a span's id,
tooltip or negated/hypothetical flag.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import schema

#: Colour per label (background of layer-0 marks, underline of deeper ones), also displaCy's.
#: Hues kept far apart (CIE76 distance >= 25 between any two; a test checks it).
COLOURS: dict[str, str] = {
    schema.CELL_TYPE: "#7aecec",
    schema.DOSE: "#feca74",
    schema.ROUTE: "#c887fb",
    schema.FREQUENCY: "#ff9561",
    schema.TIME_POINT: "#a5e38a",
    schema.LAB_TEST: "#8fb4ff",
    schema.LAB_VALUE: "#ffa3cf",
}
#: displaCy options with the same colours, for ``spacy.displacy.render(doc, style="ent",
#: options=celltx.DISPLACY_OPTIONS)`` (``doc.ents``) or ``style="span"`` (the ``celltx`` span
#: group, overlaps included).
DISPLACY_OPTIONS: dict[str, Any] = {
    "ents": list(schema.LABELS),
    "colors": COLOURS,
    "spans_key": schema.SPANS_KEY,
}
#: Colours for labels outside the scheme (e.g. added by hand in brat), used in turn.
EXTRA_COLOURS = ("#d9c2a7", "#c4c4c4", "#f7ef6a", "#ff6f6f", "#4fd1a0", "#a9d8f8")
#: Underline colours need more contrast than the pale backgrounds.
_UNDERLINE_DARKEN = 0.6
#: Deeper layers are all drawn like the last one.
_MAX_LAYER = 4

FLAGS = tuple(schema.EXTRA_ATTRS)  # negated, hypothetical


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _darken(hex_colour: str, factor: float = _UNDERLINE_DARKEN) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _fmt_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_fmt_value(v) for v in value)
    return str(value)


def _valid(span: Mapping[str, Any], text: str) -> bool:
    start, end = span.get("start"), span.get("end")
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and not isinstance(end, bool)
        and 0 <= start < end <= len(text)
    )


def _layers(spans: list[Mapping[str, Any]]) -> list[int]:
    """Greedy interval colouring: a layer per span such that overlapping spans differ."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i]["start"], -spans[i]["end"]))
    layers = [0] * len(spans)
    active: list[tuple[int, int]] = []  # (end, layer) of spans still open
    for i in order:
        start = spans[i]["start"]
        active = [(e, layer) for e, layer in active if e > start]
        used = {layer for _, layer in active}
        layer = 0
        while layer in used:
            layer += 1
        layers[i] = layer
        active.append((spans[i]["end"], layer))
    return layers


class _Labels:
    """Stable CSS class and colour per label, in order of first use after the scheme's."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {label: i for i, label in enumerate(schema.LABELS)}

    def cls(self, label: Any) -> str:
        key = str(label)
        if key not in self.index:
            self.index[key] = len(self.index)
        return f"lab{self.index[key]}"

    def colour(self, label: str) -> str:
        if label in COLOURS:
            return COLOURS[label]
        extra = self.index[label] - len(schema.LABELS)
        return EXTRA_COLOURS[extra % len(EXTRA_COLOURS)]

    def view(self, counts: Mapping[str, int]) -> list[dict[str, Any]]:
        """Legend entries and CSS variables, one per label."""
        return [
            {
                "cls": self.cls(label),
                "name": label,
                "colour": self.colour(label),
                "underline": _darken(self.colour(label)),
                "count": counts.get(label, 0),
            }
            for label in self.index
        ]


def _span_title(span: Mapping[str, Any], links: list[str]) -> str:
    lines = [f"{span.get('label')} {span.get('id')}: {span.get('text', '')}"]
    for name, value in (span.get("attrs") or {}).items():
        if value is None or (name in FLAGS and value is False):
            continue
        lines.append(f"{name}: {_fmt_value(value)}")
    lines.extend(links)
    return "\n".join(lines)


def _relation_links(
    record: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]
) -> dict[str, list[str]]:
    """Per span id, readable lines for the relations it takes part in."""
    links: dict[str, list[str]] = {}
    for rel in record.get("relations") or []:
        label, head, tail = rel.get("label"), rel.get("head"), rel.get("tail")
        head_text = by_id.get(head, {}).get("text", "?")
        tail_text = by_id.get(tail, {}).get("text", "?")
        links.setdefault(head, []).append(f"{label} \u2192 {tail} ({tail_text})")
        links.setdefault(tail, []).append(f"\u2190 {label} {head} ({head_text})")
    return links


def _segments(
    text: str, spans: list[Mapping[str, Any]], titles: Mapping[int, str], labels: _Labels
) -> list[dict[str, Any]]:
    """The text cut at every span boundary; each piece with the marks covering it.

    The template opens a piece's marks in order (lowest layer outermost), writes the piece and
    closes them, putting the label after the last piece of a span.
    """
    if not spans:
        return [{"text": text, "marks": []}]
    layers = _layers(spans)
    bounds = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out: list[dict[str, Any]] = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [i for i, s in enumerate(spans) if s["start"] <= a and b <= s["end"]]
        covering.sort(key=lambda i: (layers[i], spans[i]["start"], -spans[i]["end"]))
        marks = []
        for i in covering:
            span = spans[i]
            attrs = span.get("attrs") or {}
            classes = ["ent", labels.cls(span["label"]), f"layer{min(layers[i], _MAX_LAYER)}"]
            if any(attrs.get(f) is True for f in FLAGS):
                classes.append("flagged")
            marks.append(
                {
                    "classes": " ".join(classes),
                    "id": _str(span.get("id")),
                    "label": _str(span["label"]),
                    "cls": labels.cls(span["label"]),
                    "title": titles[i],
                    "ends": span["end"] == b,
                }
            )
        out.append({"text": text[a:b], "marks": marks})
    return out


def _span_rows(
    spans: list[Mapping[str, Any]], links: Mapping[str, list[str]], labels: _Labels, text: str
) -> list[dict[str, Any]]:
    rows = []
    for span in schema_sorted(spans):
        attrs = span.get("attrs") or {}
        rows.append(
            {
                "id": _str(span.get("id")),
                "label": _str(span.get("label")),
                "cls": labels.cls(span.get("label")),
                "text": _str(span.get("text")),
                "flags": [f for f in FLAGS if attrs.get(f) is True],
                "warn": not _valid(span, text),
                "attrs": [
                    (name, _fmt_value(value))
                    for name, value in attrs.items()
                    if name not in FLAGS and value is not None
                ],
                "links": links.get(span.get("id"), []),
            }
        )
    return rows


def schema_sorted(spans: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Spans in reading order; spans without usable offsets last, in their given order."""
    order = {label: i for i, label in enumerate(schema.LABELS)}

    def key(span: Mapping[str, Any]) -> tuple:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            return (1, 0, 0, 0)
        return (0, start, -end, order.get(span.get("label"), 99))

    return sorted(spans, key=key)


def document_view(record: Mapping[str, Any], position: int, labels: _Labels) -> dict[str, Any]:
    """What the template shows of ``record`` (``position`` gives its anchor, ``doc-<position>``)."""
    text = record.get("text")
    if not isinstance(text, str):
        text = ""
    spans = [s for s in record.get("spans") or [] if isinstance(s, Mapping)]
    by_id = {s.get("id"): s for s in spans}
    links = _relation_links(record, by_id)
    shown = [s for s in spans if _valid(s, text) and s.get("label") is not None]
    titles = {i: _span_title(s, links.get(s.get("id"), [])) for i, s in enumerate(shown)}
    return {
        "anchor": f"doc-{position}",
        "doc_id": _str(record.get("id")),
        "heading": _str(record.get("id", f"document {position + 1}")),
        "source": _str(record.get("source")),
        "n_spans": _plural(len(record.get("spans") or []), "span"),
        "segments": _segments(text, shown, titles, labels),
        "trial": _trial_view(record),
        "spans": _span_rows(spans, links, labels, text),
    }


def _trial_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """The trial summary (the record's ``trial``, else built from its mentions) as table rows."""
    from .table import _outcome_text, _spread, fmt_number, trial_of

    try:
        trial = trial_of(record)
    except Exception as err:  # a hand-edited record the summariser cannot read
        return {"error": f"{type(err).__name__}: {err}", "rows": []}
    ae = trial.get("adverse_events") or {}
    serious = ae.get("serious")
    facts = [
        ("design", trial.get("design")),
        ("enrolled", fmt_number(trial.get("n_enrolled"))),
        ("condition", trial.get("condition")),
        ("country", trial.get("country")),
        ("follow-up (days)", fmt_number(trial.get("follow_up_days"))),
        ("adverse events", "; ".join(str(e) for e in ae.get("events") or [])),
        ("serious adverse events", "" if serious is None else ("yes" if serious else "no")),
        ("eligibility", "; ".join(
            " ".join(str(x) for x in (e.get("analyte"), e.get("comparator"), fmt_number(e.get("value")), e.get("unit") or "") if x)
            for e in trial.get("eligibility") or [])),
    ]
    rows = [{"cls": "", "head": k, "value": _str(v)} for k, v in facts if v]
    for i, arm in enumerate(trial.get("arms") or []):
        dose = arm.get("dose") or {}
        freq = arm.get("frequency") or {}
        parts = [
            f"{arm.get('role') or ''}" + (f", n={fmt_number(arm.get('n'))}" if arm.get("n") is not None else ""),
            "; ".join(
                ", ".join(str(c[k]) for k in ("cl_id", "source", "donor") if c.get(k))
                for c in arm.get("cell_types") or []
            ),
            (dose.get("text") or f"{fmt_number(dose.get('low'))}-{fmt_number(dose.get('high'))} {dose.get('unit') or ''}") if dose else "",
            arm.get("route") or "",
            (f"{fmt_number(freq.get('count'))} times" if freq.get("count") is not None else "")
            + (f" every {fmt_number(freq.get('interval_days'))} days" if freq.get("interval_days") is not None else ""),
            arm.get("comparator") or "",
            ("age " + _spread(arm.get("age"))) if arm.get("age") else "",
            f"{fmt_number(arm.get('male'))} male" if arm.get("male") is not None else "",
        ]
        rows.append(
            {
                "cls": "arm",
                "head": f"arm {i + 1} {arm.get('label') or ''}",
                "value": " | ".join(p for p in parts if p),
            }
        )
    for outcome in trial.get("outcomes") or []:
        arm = outcome.get("arm")
        rows.append(
            {
                "cls": "outcome",
                "head": "outcome" + ("" if not isinstance(arm, int) else f" (arm {arm + 1})"),
                "value": _outcome_text(outcome),
            }
        )
    return {"error": "", "rows": rows}


def render_html(records: Iterable[Mapping[str, Any]], title: str = "celltx review") -> str:
    """The whole page for ``records`` as a string."""
    from .templates import render

    records = list(records)
    labels = _Labels()
    counts: dict[str, int] = {}
    for record in records:
        for span in record.get("spans") or []:
            label = str(span.get("label"))
            counts[label] = counts.get(label, 0) + 1
            labels.cls(label)
    docs = [document_view(r, i, labels) for i, r in enumerate(records)]
    summary = f"{_plural(len(records), 'document')}, {_plural(sum(counts.values()), 'span')}"
    return render(
        "review.html.j2", title=title, summary=summary, labels=labels.view(counts), docs=docs
    )


def write_html(
    records: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], title: str = "celltx review"
) -> Path:
    """Write the review page for ``records`` to ``path`` atomically; return the path."""
    from .corpus.jsonl import atomic_write

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, render_html(records, title))
