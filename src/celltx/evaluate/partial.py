"""Recall against *partial* gold: a peer's annotations that mark only some mentions.

A peer corpus annotated under another scheme (e.g. the CT-Corpus glaucoma annotations, which
mark only the mentions that fill a slot of their trial template) cannot measure precision:
an extra prediction may be a mention the peer simply did not mark. What it can measure is
recall, label by label, and the list of misses says where the rules fall short.

A peer span counts as found when a prediction of the same label has the same offsets
(strict) or overlaps it (lenient). This is not the one-to-one matching of the full scorer:
peers mark a list's items as nested, overlapping spans ("[3, 6, and 12 months]", "[6, and 12
months]", "[12 months]") where the scheme asks for one span, and the question partial gold
can answer is whether each of the peer's mentions was marked at all. A document's id must be
present in the predictions; texts must agree, else offsets would point at different characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..schema import LABELS
from .scorer import LENIENT, STRICT, ScoringError, Span


@dataclass
class Miss:
    """A peer span no prediction matched (leniently)."""

    doc_id: str
    label: str
    start: int
    end: int
    text: str
    context: str


@dataclass
class PartialScores:
    """Recall per label under strict and lenient matching, and the lenient misses."""

    n_docs: int = 0
    n_gold: dict[str, int] = field(default_factory=dict)
    found: dict[str, dict[str, int]] = field(default_factory=lambda: {STRICT: {}, LENIENT: {}})
    misses: list[Miss] = field(default_factory=list)

    def recall(self, label: str, mode: str = LENIENT) -> float | None:
        n = self.n_gold.get(label, 0)
        return self.found[mode].get(label, 0) / n if n else None

    def to_dict(self) -> dict[str, Any]:
        labels = [lab for lab in LABELS if self.n_gold.get(lab)]
        return {
            "documents": self.n_docs,
            "labels": {
                lab: {
                    "gold": self.n_gold[lab],
                    "found_strict": self.found[STRICT].get(lab, 0),
                    "found_lenient": self.found[LENIENT].get(lab, 0),
                    "recall_strict": self.recall(lab, STRICT),
                    "recall_lenient": self.recall(lab, LENIENT),
                }
                for lab in labels
            },
            "misses": [m.__dict__ for m in self.misses],
        }


def _as_spans(record: Mapping[str, Any], labels: Sequence[str]) -> list[Span]:
    text = record.get("text", "")
    out = []
    for i, s in enumerate(record.get("spans") or []):
        if s.get("label") not in labels:
            continue
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ScoringError(f"document {record.get('id')!r}: span {i} has bad offsets")
        out.append(Span(len(out), str(s.get("id", i)), s["label"], start, end, text[start:end], {}))
    return out


def _marked(span: Span, preds: Sequence[Span], mode: str) -> bool:
    """Whether a prediction of ``span``'s label has its offsets (strict) or overlaps it (lenient)."""
    for p in preds:
        if p.label != span.label:
            continue
        if mode == STRICT and (p.start, p.end) == (span.start, span.end):
            return True
        if mode == LENIENT and p.start < span.end and span.start < p.end:
            return True
    return False


def score_partial(
    gold: Iterable[Mapping[str, Any]],
    pred: Iterable[Mapping[str, Any]],
    labels: Sequence[str] = LABELS,
    context: int = 40,
) -> PartialScores:
    """Recall of ``pred`` against the partial ``gold`` (both scheme records, matched by id)."""
    by_id = {p.get("id"): p for p in pred}
    scores = PartialScores()
    for g in gold:
        p = by_id.get(g.get("id"))
        if p is None:
            raise ScoringError(f"no prediction for document {g.get('id')!r}")
        if p.get("text") != g.get("text"):
            raise ScoringError(f"document {g.get('id')!r}: predicted text differs from gold text")
        scores.n_docs += 1
        gs, ps = _as_spans(g, labels), _as_spans(p, labels)
        for s in gs:
            scores.n_gold[s.label] = scores.n_gold.get(s.label, 0) + 1
        hits = {mode: {s.index for s in gs if _marked(s, ps, mode)} for mode in (STRICT, LENIENT)}
        for mode, found in hits.items():
            for s in gs:
                if s.index in found:
                    scores.found[mode][s.label] = scores.found[mode].get(s.label, 0) + 1
        hit = hits[LENIENT]
        text = g["text"]
        for s in gs:
            if s.index not in hit:
                left = text[max(0, s.start - context) : s.start]
                right = text[s.end : s.end + context]
                snippet = f"{left}[{s.text}]{right}".replace("\n", " ")
                scores.misses.append(Miss(str(g.get("id")), s.label, s.start, s.end, s.text, snippet))
    return scores


def render_table(scores: PartialScores, title: str = "Recall against partial gold") -> str:
    """A Markdown table of recall per label (strict and lenient)."""
    lines = [
        f"{title} ({scores.n_docs} documents; precision is not measurable against partial gold)",
        "",
        "| label | peer spans | recall strict | recall lenient |",
        "|---|---:|---:|---:|",
    ]
    for lab, row in scores.to_dict()["labels"].items():
        lines.append(
            f"| {lab} | {row['gold']} | {row['recall_strict']:.3f} | {row['recall_lenient']:.3f} |"
        )
    return "\n".join(lines) + "\n"
