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

All text (document text, ids, attribute values, sources) is HTML-escaped. The file is written
atomically (temporary file + rename).
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import schema

#: Colour per label (background of layer-0 marks, underline of deeper ones).
COLOURS: dict[str, str] = {
    schema.CELL_TYPE: "#7aecec",
    schema.DOSE: "#feca74",
    schema.ROUTE: "#c887fb",
    schema.FREQUENCY: "#ff9561",
    schema.TIME_POINT: "#bfe1d9",
    schema.LAB_TEST: "#aa9cfc",
    schema.LAB_VALUE: "#e4e7d2",
}
#: displaCy options with the same colours, for ``spacy.displacy.render(doc, style="ent",
#: options=celltx.DISPLACY_OPTIONS)`` (``doc.ents``) or ``style="span"`` (the ``celltx`` span
#: group, overlaps included). The review page draws its own marks (several layers per span).
DISPLACY_OPTIONS: dict[str, Any] = {
    "ents": list(schema.LABELS),
    "colors": dict(COLOURS),
    "spans_key": schema.SPANS_KEY,
}
#: Colours for labels outside the scheme (e.g. added by hand in brat), used in turn.
EXTRA_COLOURS = ("#f0a3a3", "#9be39b", "#f5d76e", "#a3c8f0", "#d9b3e6", "#c2c2a3")
#: Underline colours need more contrast than the pale backgrounds.
_UNDERLINE_DARKEN = 0.6

FLAGS = tuple(schema.EXTRA_ATTRS)  # negated, hypothetical

CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       margin: 0; color: #222; background: #fafafa; }
header { padding: 1rem 2rem; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
h2 { font-size: 1.05rem; margin: 0 0 .6rem; word-break: break-all; }
h2 small { font-weight: normal; color: #666; }
main { padding: 0 2rem 2rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem; margin: .3rem 0 .6rem; padding: 0; list-style: none; }
.legend li { padding: .1rem .5rem; border-radius: .3rem; font-size: .8rem; font-weight: 600; }
.legend li .n { font-weight: normal; }
nav ol { columns: 16rem; margin: 0; padding-left: 1.6rem; font-size: .85rem; }
nav a { word-break: break-all; }
section.doc { background: #fff; border: 1px solid #ddd; border-radius: .4rem; padding: 1rem;
              margin: 1rem 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
              gap: 1.2rem; }
section.doc > h2 { grid-column: 1 / -1; }
@media (max-width: 900px) { section.doc { grid-template-columns: minmax(0, 1fr); } }
.text { white-space: pre-wrap; line-height: 2.6; overflow-wrap: anywhere; }
mark.ent { color: inherit; background: transparent; padding: 0; border-radius: 0; }
mark.ent.layer0 { background: var(--c); padding: .15em 0; }
mark.ent.layer1 { border-bottom: 3px solid var(--u); padding-bottom: 2px; }
mark.ent.layer2 { border-bottom: 3px solid var(--u); padding-bottom: 7px; }
mark.ent.layer3 { border-bottom: 3px solid var(--u); padding-bottom: 12px; }
mark.ent.layer4 { border-bottom: 3px dotted var(--u); padding-bottom: 17px; }
mark.ent.flagged { outline: 2px dashed #c00; outline-offset: -1px; }
.lbl { font-size: .62em; font-weight: 700; letter-spacing: .02em; vertical-align: middle;
       margin: 0 .25em 0 .35em; padding: .05em .3em; border-radius: .25em;
       background: var(--c); color: #333; user-select: none; }
table.spans { border-collapse: collapse; font-size: .8rem; width: 100%; align-self: start; }
.side { align-self: start; min-width: 0; }
table.trial { border-collapse: collapse; font-size: .8rem; width: 100%; margin-bottom: .8rem;
              background: #f6f8fb; }
table.trial caption { text-align: left; font-weight: 700; padding: .2rem 0; }
table.trial th, table.trial td { border-bottom: 1px solid #e3e7ee; padding: .2rem .35rem;
                                 text-align: left; vertical-align: top; }
table.trial th { white-space: nowrap; color: #445; font-weight: 600; }
table.spans th, table.spans td { border-bottom: 1px solid #eee; padding: .2rem .35rem;
                                 text-align: left; vertical-align: top; }
table.spans td.lab { font-weight: 600; white-space: nowrap; }
table.spans td.lab i { display: inline-block; width: .8em; height: .8em; border-radius: .2em;
                       background: var(--c); margin-right: .3em; vertical-align: -.05em; }
table.spans td.attrs, table.spans td.rel { overflow-wrap: break-word; }
table.spans td.attrs b { font-weight: 600; color: #555; }
.flag { color: #b00; font-weight: 700; }
.warn { color: #b00; }
.empty { color: #888; font-style: italic; }
"""


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


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

    def css(self) -> str:
        return "\n".join(
            f".{self.cls(label)} {{ --c: {self.colour(label)}; --u: {_darken(self.colour(label))}; }}"
            for label in self.index
        )


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


def _render_text(
    text: str, spans: list[Mapping[str, Any]], titles: Mapping[int, str], labels: _Labels
) -> str:
    """The document text with nested ``<mark>`` elements, cut at every span boundary."""
    if not spans:
        return _esc(text)
    layers = _layers(spans)
    bounds = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [i for i, s in enumerate(spans) if s["start"] <= a and b <= s["end"]]
        if not covering:
            out.append(_esc(text[a:b]))
            continue
        covering.sort(key=lambda i: (layers[i], spans[i]["start"], -spans[i]["end"]))
        opened = []
        for i in covering:
            span = spans[i]
            flagged = any((span.get("attrs") or {}).get(f) is True for f in FLAGS)
            classes = ["ent", labels.cls(span["label"]), f"layer{min(layers[i], 4)}"]
            if flagged:
                classes.append("flagged")
            out.append(
                f'<mark class="{" ".join(classes)}" data-span="{_esc(span.get("id"))}" '
                f'data-label="{_esc(span["label"])}" title="{_esc(titles[i])}">'
            )
            opened.append(i)
        out.append(_esc(text[a:b]))
        for i in reversed(opened):
            span = spans[i]
            if span["end"] == b:
                out.append(f'<span class="lbl {labels.cls(span["label"])}">{_esc(span["label"])}</span>')
            out.append("</mark>")
    return "".join(out)


def _render_table(
    spans: list[Mapping[str, Any]], links: Mapping[str, list[str]], labels: _Labels, text: str
) -> str:
    if not spans:
        return '<p class="empty">No spans.</p>'
    rows = [
        '<table class="spans"><thead><tr><th>id</th><th>label</th><th>text</th>'
        "<th>attributes</th><th>relations</th></tr></thead><tbody>"
    ]
    for span in schema_sorted(spans):
        attrs = span.get("attrs") or {}
        parts = []
        for name, value in attrs.items():
            if name in FLAGS:
                continue
            if value is not None:
                parts.append(f"<b>{_esc(name)}</b> {_esc(_fmt_value(value))}")
        flags = [f for f in FLAGS if attrs.get(f) is True]
        flag_html = "".join(f' <span class="flag">{_esc(f.upper())}</span>' for f in flags)
        warn = "" if _valid(span, text) else ' <span class="warn">(offsets outside the text)</span>'
        rows.append(
            f'<tr data-span="{_esc(span.get("id"))}"><td>{_esc(span.get("id"))}</td>'
            f'<td class="lab {labels.cls(span.get("label"))}"><i></i>{_esc(span.get("label"))}</td>'
            f"<td>{_esc(span.get('text'))}{flag_html}{warn}</td>"
            f'<td class="attrs">{"<br>".join(parts)}</td>'
            f'<td class="rel">{"<br>".join(_esc(x) for x in links.get(span.get("id"), []))}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def schema_sorted(spans: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Spans in reading order; spans without usable offsets last, in their given order."""
    order = {label: i for i, label in enumerate(schema.LABELS)}

    def key(span: Mapping[str, Any]) -> tuple:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            return (1, 0, 0, 0)
        return (0, start, -end, order.get(span.get("label"), 99))

    return sorted(spans, key=key)


def render_document(record: Mapping[str, Any], position: int, labels: _Labels) -> str:
    """One ``<section>`` for ``record`` (``position`` gives its anchor, ``doc-<position>``)."""
    text = record.get("text")
    if not isinstance(text, str):
        text = ""
    spans = [s for s in record.get("spans") or [] if isinstance(s, Mapping)]
    by_id = {s.get("id"): s for s in spans}
    links = _relation_links(record, by_id)
    shown = [s for s in spans if _valid(s, text) and s.get("label") is not None]
    titles = {i: _span_title(s, links.get(s.get("id"), [])) for i, s in enumerate(shown)}
    source = record.get("source")
    heading = _esc(record.get("id", f"document {position + 1}"))
    if source:
        heading += f" <small>({_esc(source)})</small>"
    return (
        f'<section class="doc" id="doc-{position}" data-doc-id="{_esc(record.get("id"))}">'
        f"<h2>{heading}</h2>"
        f'<div class="text">{_render_text(text, shown, titles, labels)}</div>'
        f'<div class="side">{_render_trial(record)}'
        f"{_render_table(spans, links, labels, text)}</div></section>\n"
    )


def _render_trial(record: Mapping[str, Any]) -> str:
    """The trial summary (the record's ``trial``, else built from its mentions) as tables."""
    from .table import _outcome_text, _spread, fmt_number, trial_of

    try:
        trial = trial_of(record)
    except Exception as err:  # a hand-edited record the summariser cannot read
        return f'<p class="warn">No trial summary: {_esc(type(err).__name__)}: {_esc(err)}</p>'
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
    rows = [f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in facts if v]
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
            f'<tr class="arm"><th>arm {i + 1} {_esc(arm.get("label") or "")}</th>'
            f"<td>{_esc(' | '.join(p for p in parts if p))}</td></tr>"
        )
    for outcome in trial.get("outcomes") or []:
        arm = outcome.get("arm")
        rows.append(
            f'<tr class="outcome"><th>outcome{"" if not isinstance(arm, int) else f" (arm {arm + 1})"}</th>'
            f"<td>{_esc(_outcome_text(outcome))}</td></tr>"
        )
    if not rows:
        return '<p class="empty">No trial summary.</p>'
    return f'<table class="trial"><caption>Trial summary</caption><tbody>{"".join(rows)}</tbody></table>'



def render_html(records: Iterable[Mapping[str, Any]], title: str = "celltx review") -> str:
    """The whole page for ``records`` as a string."""
    records = list(records)
    labels = _Labels()
    counts: dict[str, int] = {}
    for record in records:
        for span in record.get("spans") or []:
            label = str(span.get("label"))
            counts[label] = counts.get(label, 0) + 1
            labels.cls(label)
    sections = [render_document(r, i, labels) for i, r in enumerate(records)]
    legend = "".join(
        f'<li class="{labels.cls(label)}" style="background: var(--c)">{_esc(label)} '
        f'<span class="n">{counts.get(label, 0)}</span></li>'
        for label in labels.index
    )
    index = "".join(
        f'<li><a href="#doc-{i}">{_esc(r.get("id", f"document {i + 1}"))}</a> '
        f"({_plural(len(r.get('spans') or []), 'span')})</li>"
        for i, r in enumerate(records)
    )
    n_spans = sum(counts.values())
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{CSS}\n{labels.css()}</style></head>\n<body>\n"
        f"<header><h1>{_esc(title)}</h1>"
        f"<p>{_plural(len(records), 'document')}, {_plural(n_spans, 'span')}. Hover a highlighted span for its "
        "attributes and links; dashed red outline = negated or hypothetical.</p>"
        f'<ul class="legend">{legend}</ul>'
        f'<nav><ol>{index}</ol></nav></header>\n<main>\n{"".join(sections)}</main>\n'
        "</body></html>\n"
    )


def write_html(
    records: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], title: str = "celltx review"
) -> Path:
    """Write the review page for ``records`` to ``path`` atomically; return the path."""
    from .corpus.jsonl import atomic_write

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, render_html(records, title))
