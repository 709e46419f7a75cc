"""Error analysis: every strict false positive and false negative, classified.

Classes (checked in this order)
    ``duplicate`` an FP with the same label and offsets as a gold span that another prediction
                  already matched (a system emitting the same span twice);
    ``label``     the span has the same offsets as a span of another label on the other side
                  (gold for an FP, prediction for an FN);
    ``boundary``  it overlaps a span of the same label on the other side, with different offsets;
    ``label``     it overlaps a span of another label on the other side;
    ``spurious``  an FP that overlaps no gold span;
    ``missed``    an FN that no predicted span overlaps.

Confusion summary
    Gold label x predicted label over the lenient alignment: a leniently matched gold span
    counts on the diagonal; an unmatched gold span counts against the unmatched predicted span
    that overlaps it most (or ``none``); an unmatched predicted span that no unmatched gold span
    took counts as ``none`` x its label. Each span is counted at most once, so correct
    overlapping spans of different labels (a CELL_TYPE inside a DOSE) are not confusions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .scorer import LENIENT, STRICT, DocAlignment, Scores, Span

BOUNDARY = "boundary"
LABEL = "label"
SPURIOUS = "spurious"
MISSED = "missed"
DUPLICATE = "duplicate"
ERROR_CLASSES: tuple[str, ...] = (BOUNDARY, LABEL, SPURIOUS, MISSED, DUPLICATE)
NONE = "none"

#: Characters of context kept on each side when a sentence is longer than this.
CONTEXT_CHARS = 120
_SENT_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class SpanError:
    """One false positive (``kind="FP"``) or false negative (``kind="FN"``)."""

    doc_id: str
    kind: str
    error_class: str
    label: str
    start: int
    end: int
    text: str
    #: the sentence around the span, with the span marked as ⟦...⟧.
    context: str
    #: the span on the other side that explains the class (None for spurious/missed).
    other_label: str | None = None
    other_start: int | None = None
    other_end: int | None = None
    other_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence(s) containing ``text[start:end]`` (a simple splitter)."""
    s, e = 0, len(text)
    for m in _SENT_END.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    return s, e


def context(text: str, start: int, end: int) -> str:
    """The sentence around a span (at most :data:`CONTEXT_CHARS` each side), span marked ``⟦...⟧``."""
    s, e = sentence_bounds(text, start, end)
    left = text[max(s, start - CONTEXT_CHARS) : start]
    right = text[end : min(e, end + CONTEXT_CHARS)]
    if start - s > CONTEXT_CHARS:
        left = "…" + left
    if e - end > CONTEXT_CHARS:
        right = right + "…"
    return " ".join(f"{left}⟦{text[start:end]}⟧{right}".split())


def _classify(span: Span, others: Sequence[Span], is_gold: bool) -> tuple[str, Span | None]:
    """Class of an unmatched ``span`` given the spans on the other side (see module doc)."""
    overlapping = [o for o in others if span.overlap(o) > 0]
    exact = [o for o in overlapping if o.start == span.start and o.end == span.end]
    for o in exact:
        if o.label == span.label:
            return DUPLICATE, o
    if exact:
        return LABEL, exact[0]
    same = [o for o in overlapping if o.label == span.label]
    if same:
        return BOUNDARY, max(same, key=lambda o: (span.overlap(o), -o.start))
    if overlapping:
        return LABEL, max(overlapping, key=lambda o: (span.overlap(o), -o.start))
    return (MISSED if is_gold else SPURIOUS), None


def document_errors(al: DocAlignment) -> list[SpanError]:
    """Strict FPs and FNs of one document, classified, in reading order."""
    gold_hit, pred_hit = al.matched(STRICT)
    out: list[SpanError] = []

    def make(span: Span, kind: str, cls: str, other: Span | None) -> SpanError:
        return SpanError(
            doc_id=al.doc_id,
            kind=kind,
            error_class=cls,
            label=span.label,
            start=span.start,
            end=span.end,
            text=span.text,
            context=context(al.text, span.start, span.end),
            other_label=other.label if other else None,
            other_start=other.start if other else None,
            other_end=other.end if other else None,
            other_text=other.text if other else None,
        )

    for g in al.gold:
        if g.index not in gold_hit:
            cls, other = _classify(g, al.pred, True)
            out.append(make(g, "FN", cls, other))
    for p in al.pred:
        if p.index not in pred_hit:
            cls, other = _classify(p, al.gold, False)
            out.append(make(p, "FP", cls, other))
    out.sort(key=lambda e: (e.start, e.end, e.kind, e.label))
    return out


def confusion(alignments: Iterable[DocAlignment]) -> dict[str, dict[str, int]]:
    """Gold label -> predicted label -> count (with ``none`` on either side); see module doc."""
    counts: Counter[tuple[str, str]] = Counter()
    for al in alignments:
        pairs = al.pairs[LENIENT]
        gold_hit = {g for g, _ in pairs}
        pred_hit = {p for _, p in pairs}
        for gi, _ in pairs:
            label = al.gold[gi].label
            counts[(label, label)] += 1
        free_pred = [p for p in al.pred if p.index not in pred_hit]
        taken: set[int] = set()
        for g in al.gold:
            if g.index in gold_hit:
                continue
            cands = [p for p in free_pred if p.index not in taken and g.overlap(p) > 0]
            if cands:
                best = max(cands, key=lambda p: (g.overlap(p), -abs(p.start - g.start)))
                taken.add(best.index)
                counts[(g.label, best.label)] += 1
            else:
                counts[(g.label, NONE)] += 1
        for p in free_pred:
            if p.index not in taken:
                counts[(NONE, p.label)] += 1
    out: dict[str, dict[str, int]] = {}
    for (g, p), n in sorted(counts.items()):
        out.setdefault(g, {})[p] = n
    return out


@dataclass
class ErrorAnalysis:
    """All errors of one system, with counts per class and label and the confusion summary."""

    errors: list[SpanError]
    confusion: dict[str, dict[str, int]]
    attr_mismatches: list[dict[str, Any]]

    def counts(self) -> dict[str, int]:
        c = Counter(e.error_class for e in self.errors)
        return {cls: c.get(cls, 0) for cls in ERROR_CLASSES}

    def counts_by_label(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for e in self.errors:
            row = out.setdefault(e.label, {cls: 0 for cls in ERROR_CLASSES})
            row[e.error_class] += 1
        return out

    def top(self, n: int = 10) -> list[dict[str, Any]]:
        """Most frequent errors, grouped by (class, kind, label, lower-cased span text)."""
        groups: dict[tuple[str, str, str, str], list[SpanError]] = {}
        for e in self.errors:
            groups.setdefault((e.error_class, e.kind, e.label, e.text.lower()), []).append(e)
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return [
            {
                "error_class": cls,
                "kind": kind,
                "label": label,
                "text": items[0].text,
                "count": len(items),
                "example": items[0].to_dict(),
            }
            for (cls, kind, label, _), items in ranked[:n]
        ]

    def to_dict(self, top_n: int = 20) -> dict[str, Any]:
        return {
            "counts": self.counts(),
            "counts_by_label": self.counts_by_label(),
            "confusion": self.confusion,
            "top": self.top(top_n),
            "errors": [e.to_dict() for e in self.errors],
            "attribute_mismatches": self.attr_mismatches,
        }


def analyse(scores: Scores, labels: Collection[str] | None = None) -> ErrorAnalysis:
    """Error analysis of the alignments kept in ``scores`` (from :func:`scorer.score`).

    With ``labels`` (the labels a system can produce at all, e.g. a peer's), errors of other
    labels are left out, and confusion cells are kept only when one side is in ``labels``:
    a date tagger's misses of every CELL_TYPE say nothing about it.
    """
    keep = set(labels) if labels is not None else None
    errors: list[SpanError] = []
    for al in scores.alignments:
        errors.extend(e for e in document_errors(al) if keep is None or e.label in keep)
    mismatches = [
        {"doc_id": doc_id, **asdict(m)}
        for doc_id, m in scores.attr_mismatches
        if keep is None or m.label in keep
    ]
    conf = confusion(scores.alignments)
    if keep is not None:
        conf = {
            g: kept
            for g, row in conf.items()
            if (kept := {p: n for p, n in row.items() if g in keep or p in keep})
        }
    return ErrorAnalysis(errors=errors, confusion=conf, attr_mismatches=mismatches)
