"""Scoring as the scheme's "Scoring" section asks, written out in ``eval/GUIDELINES.md`` (13).

Span level
    Precision, recall and F1 per label, micro-averaged (sum tp/fp/fn over labels) and
    macro-averaged (mean of the per-label values), under two matchings:

    * **strict**: same label, same start and same end;
    * **lenient**: same label and overlapping character ranges. Matching is one-to-one and
      greedy by overlap size (largest overlap first; ties go to the pair whose offsets differ
      least, then to reading order), so one gold span is never counted twice.

    A label whose precision or recall has a zero denominator gets 0.0 for it; F1 is
    ``2*tp / (2*tp + fp + fn)`` (0.0 when there is nothing at all). The macro average runs over
    the labels that occur in gold (so every system scored on the same gold is averaged over the
    same labels); when gold has no spans at all it runs over the labels that were predicted.

Attributes
    Accuracy per (label, attribute) over strictly matched spans. Numbers are equal within a
    relative tolerance of 1e-6 (:data:`REL_TOL`), lists element by element, objects (LAB_VALUE
    ``si``) key by key, strings exactly. The optional attributes (LAB_TEST ``loinc``, LAB_VALUE
    ``si``) are scored only where gold carries them.
    When gold has the attribute key the attribute is scored (``None == None`` is correct); when
    gold lacks the key and the prediction is ``None`` too, it is not scored (no free credit);
    when gold lacks the key and the prediction has a value, it is scored as wrong.

Relations
    A predicted ``VALUE_OF`` is a true positive when both of its ends strictly match (label,
    start, end) the ends of a gold ``VALUE_OF``; one-to-one.

Documents are paired by ``id``. A gold document without a prediction counts every gold span
and relation as missed. Predicted documents without a gold document are ignored (and noted in
:attr:`Scores.warnings`). The same id with different text is a :class:`ScoringError`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..schema import ATTRS, LABELS, OPTIONAL_ATTRS, RELATION_LABELS, VALUE_OF

#: Relative tolerance for numeric attribute values.
REL_TOL = 1e-6
#: Absolute tolerance, only so that values that should be 0 but carry float noise compare equal.
ABS_TOL = 1e-12

STRICT = "strict"
LENIENT = "lenient"
MODES: tuple[str, ...] = (STRICT, LENIENT)
#: Key of the relation counts in :attr:`Scores.per_doc` and in bootstrap results.
RELATIONS_KEY = "relations"
MICRO = "micro"
MACRO = "macro"


class ScoringError(ValueError):
    """Gold and predictions cannot be paired (same id with different text, duplicate ids...)."""


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class PRF:
    """True positive, false positive and false negative counts with P, R and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    @property
    def n_gold(self) -> int:
        return self.tp + self.fn

    @property
    def n_pred(self) -> int:
        return self.tp + self.fp

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def f1_from_counts(tp: Any, fp: Any, fn: Any) -> Any:
    """F1 from counts (numbers or numpy arrays); NaN where there is nothing to score."""
    tp, fp, fn = (np.asarray(x, dtype=float) for x in (tp, fp, fn))
    denom = 2 * tp + fp + fn
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denom > 0, 2 * tp / np.where(denom > 0, denom, 1), np.nan)


@dataclass
class AttrScore:
    """Accuracy of one attribute of one label over strictly matched spans."""

    correct: int = 0
    total: int = 0
    #: Scored pairs where gold and prediction are both ``None`` (counted as correct).
    null_agree: int = 0
    #: Pairs not scored: gold lacks the key and the prediction is ``None``.
    unscored: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": self.accuracy,
            "null_agree": self.null_agree,
            "unscored": self.unscored,
        }


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class Span:
    """A span of one document, as the scorer sees it."""

    index: int
    id: str
    label: str
    start: int
    end: int
    text: str
    attrs: Mapping[str, Any]

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.label, self.start, self.end)

    def overlap(self, other: Span) -> int:
        return min(self.end, other.end) - max(self.start, other.start)


@dataclass(frozen=True)
class AttrMismatch:
    """One wrongly predicted attribute on a strictly matched span."""

    label: str
    attr: str
    start: int
    end: int
    text: str
    gold: Any
    pred: Any


@dataclass
class DocAlignment:
    """Gold and predicted spans of one document and how they were matched."""

    doc_id: str
    text: str
    gold: list[Span]
    pred: list[Span]
    has_prediction: bool
    #: (gold index, pred index) pairs per mode.
    pairs: dict[str, list[tuple[int, int]]]
    #: (head key, tail key) of gold and predicted VALUE_OF relations, resolved to spans.
    gold_relations: list[tuple[tuple[str, int, int], tuple[str, int, int]]]
    pred_relations: list[tuple[tuple[str, int, int], tuple[str, int, int]] | None]
    relations: PRF = field(default_factory=PRF)

    def matched(self, mode: str) -> tuple[set[int], set[int]]:
        """Indices of matched gold spans and matched predicted spans under ``mode``."""
        pairs = self.pairs[mode]
        return {g for g, _ in pairs}, {p for _, p in pairs}

    def counts(self, mode: str, label: str) -> PRF:
        tp = sum(1 for g, _ in self.pairs[mode] if self.gold[g].label == label)
        n_gold = sum(1 for s in self.gold if s.label == label)
        n_pred = sum(1 for s in self.pred if s.label == label)
        return PRF(tp, n_pred - tp, n_gold - tp)


def _spans(record: Mapping[str, Any], labels: Sequence[str], warnings: list[str]) -> list[Span]:
    out: list[Span] = []
    text = record.get("text", "")
    for i, span in enumerate(record.get("spans", []) or []):
        label = span.get("label")
        if label not in labels:
            if label not in LABELS:
                warnings.append(
                    f"document {record.get('id')!r}: span with unknown label {label!r} ignored"
                )
            continue
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ScoringError(
                f"document {record.get('id')!r}: span {span.get('id', i)!r} has bad offsets {start!r}..{end!r}"
            )
        out.append(
            Span(
                index=len(out),
                id=str(span.get("id", f"#{i}")),
                label=label,
                start=start,
                end=end,
                text=text[start:end],
                attrs=span.get("attrs") or {},
            )
        )
    return out


def match_spans(gold: Sequence[Span], pred: Sequence[Span], mode: str) -> list[tuple[int, int]]:
    """One-to-one matching of same-label spans; ``mode`` is ``strict`` or ``lenient``.

    Candidate pairs are sorted by overlap size (largest first), then by how much the offsets
    differ (least first), then by position, and taken greedily.
    """
    if mode not in MODES:
        raise ValueError(f"unknown matching mode {mode!r}")
    candidates: list[tuple[int, int, int, int, int]] = []
    by_label: dict[str, list[Span]] = {}
    for p in pred:
        by_label.setdefault(p.label, []).append(p)
    for g in gold:
        for p in by_label.get(g.label, ()):
            if mode == STRICT:
                if p.start == g.start and p.end == g.end:
                    candidates.append((-(g.end - g.start), 0, g.start, g.index, p.index))
            else:
                ov = g.overlap(p)
                if ov > 0:
                    diff = abs(g.start - p.start) + abs(g.end - p.end)
                    candidates.append((-ov, diff, g.start, g.index, p.index))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3], c[4]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def _relations(
    record: Mapping[str, Any], spans_by_id: Mapping[str, Span], is_gold: bool
) -> list[tuple[tuple[str, int, int], tuple[str, int, int]] | None]:
    out: list[tuple[tuple[str, int, int], tuple[str, int, int]] | None] = []
    for rel in record.get("relations", []) or []:
        if rel.get("label", VALUE_OF) not in RELATION_LABELS:
            continue
        head, tail = spans_by_id.get(str(rel.get("head"))), spans_by_id.get(str(rel.get("tail")))
        if head is None or tail is None:
            if is_gold:
                raise ScoringError(
                    f"gold document {record.get('id')!r}: relation {rel.get('head')}->{rel.get('tail')} "
                    "points at a missing span"
                )
            out.append(None)  # an unresolvable predicted relation can only be wrong
            continue
        out.append((head.key, tail.key))
    return out


def _index(records: Iterable[Mapping[str, Any]], what: str) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for record in records:
        doc_id = record.get("id")
        if doc_id is None:
            raise ScoringError(f"a {what} document has no id")
        doc_id = str(doc_id)
        if doc_id in out:
            raise ScoringError(f"{what} documents: duplicate id {doc_id!r}")
        out[doc_id] = record
    return out


def align(
    gold: Iterable[Mapping[str, Any]],
    pred: Iterable[Mapping[str, Any]],
    labels: Sequence[str] = LABELS,
    warnings: list[str] | None = None,
) -> list[DocAlignment]:
    """Pair documents by id and match their spans (strict and lenient) and relations."""
    warnings = warnings if warnings is not None else []
    gold_by_id = _index(gold, "gold")
    pred_by_id = _index(pred, "predicted")
    extra = [doc_id for doc_id in pred_by_id if doc_id not in gold_by_id]
    if extra:
        warnings.append(
            f"{len(extra)} predicted document(s) have no gold document and were ignored "
            f"(e.g. {extra[0]!r})"
        )
    out: list[DocAlignment] = []
    empty: dict[str, Any] = {"spans": [], "relations": []}
    for doc_id, g_rec in gold_by_id.items():
        text = g_rec.get("text", "")
        p_rec = pred_by_id.get(doc_id)
        if p_rec is not None and p_rec.get("text", text) != text:
            raise ScoringError(f"document {doc_id!r}: predicted text differs from gold text")
        g_spans = _spans(g_rec, labels, warnings)
        p_spans = _spans({**empty, **(p_rec or {}), "text": text, "id": doc_id}, labels, warnings)
        pairs = {mode: match_spans(g_spans, p_spans, mode) for mode in MODES}
        g_rels = [r for r in _relations(g_rec, {s.id: s for s in g_spans}, True) if r is not None]
        p_rels = _relations(p_rec or empty, {s.id: s for s in p_spans}, False)
        available = Counter(g_rels)
        tp = 0
        for rel in p_rels:
            if rel is not None and available[rel] > 0:
                available[rel] -= 1
                tp += 1
        alignment = DocAlignment(
            doc_id=doc_id,
            text=text,
            gold=g_spans,
            pred=p_spans,
            has_prediction=p_rec is not None,
            pairs=pairs,
            gold_relations=g_rels,
            pred_relations=p_rels,
            relations=PRF(tp, len(p_rels) - tp, len(g_rels) - tp),
        )
        out.append(alignment)
    missing = sum(1 for a in out if not a.has_prediction)
    if missing:
        warnings.append(
            f"{missing} gold document(s) have no prediction: all their spans count as missed"
        )
    return out


# --------------------------------------------------------------------------- attributes


def values_equal(gold: Any, pred: Any) -> bool:
    """Attribute equality: numbers within :data:`REL_TOL`, lists elementwise, else ``==``."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool) or isinstance(pred, bool):
        return isinstance(gold, bool) and isinstance(pred, bool) and gold == pred
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return math.isclose(float(gold), float(pred), rel_tol=REL_TOL, abs_tol=ABS_TOL)
    if isinstance(gold, (list, tuple)) and isinstance(pred, (list, tuple)):
        return len(gold) == len(pred) and all(
            values_equal(a, b) for a, b in zip(gold, pred, strict=True)
        )
    if isinstance(gold, Mapping) and isinstance(pred, Mapping):
        keys = set(gold) | set(pred)
        return all(values_equal(gold.get(k), pred.get(k)) for k in keys)
    return gold == pred


def score_attributes(
    alignments: Iterable[DocAlignment], labels: Sequence[str] = LABELS
) -> tuple[dict[str, dict[str, AttrScore]], list[tuple[str, AttrMismatch]]]:
    """Attribute accuracy per (label, attribute) and the list of mismatches (doc id, mismatch)."""
    scores = {
        label: {name: AttrScore() for name in (*ATTRS[label], *OPTIONAL_ATTRS.get(label, {}))}
        for label in labels
    }
    mismatches: list[tuple[str, AttrMismatch]] = []
    for al in alignments:
        for gi, pi in al.pairs[STRICT]:
            g, p = al.gold[gi], al.pred[pi]
            for name, score in scores[g.label].items():
                pred_value = p.attrs.get(name)
                if name not in g.attrs and name in OPTIONAL_ATTRS.get(g.label, {}):
                    score.unscored += 1  # optional attributes count only where gold has them
                    continue
                if name not in g.attrs:
                    if pred_value is None:
                        score.unscored += 1
                        continue
                    gold_value = None
                    ok = False
                else:
                    gold_value = g.attrs[name]
                    ok = values_equal(gold_value, pred_value)
                score.total += 1
                if ok:
                    score.correct += 1
                    if gold_value is None:
                        score.null_agree += 1
                else:
                    mismatches.append(
                        (
                            al.doc_id,
                            AttrMismatch(
                                g.label, name, g.start, g.end, g.text, gold_value, pred_value
                            ),
                        )
                    )
    return scores, mismatches


# --------------------------------------------------------------------------- scores


def count_keys(labels: Sequence[str] = LABELS) -> list[str]:
    """Keys of :attr:`Scores.per_doc`: ``strict/LABEL``, ``lenient/LABEL`` and ``relations``."""
    return [f"{mode}/{label}" for mode in MODES for label in labels] + [RELATIONS_KEY]


@dataclass
class Scores:
    """Everything the scorer computes for one system against one gold set."""

    labels: tuple[str, ...]
    doc_ids: list[str]
    #: mode -> label -> counts.
    spans: dict[str, dict[str, PRF]]
    relations: PRF
    attributes: dict[str, dict[str, AttrScore]]
    #: count key (see :func:`count_keys`) -> int array of shape (n_docs, 3): tp, fp, fn.
    per_doc: dict[str, np.ndarray]
    #: labels the macro average runs over.
    macro_labels: tuple[str, ...]
    warnings: list[str] = field(default_factory=list)
    attr_mismatches: list[tuple[str, AttrMismatch]] = field(default_factory=list)
    alignments: list[DocAlignment] = field(default_factory=list, repr=False)

    @property
    def n_docs(self) -> int:
        return len(self.doc_ids)

    def micro(self, mode: str) -> PRF:
        total = PRF()
        for label in self.labels:
            total = total + self.spans[mode][label]
        return total

    def macro(self, mode: str) -> dict[str, float]:
        rows = [self.spans[mode][label] for label in self.macro_labels]
        if not rows:
            return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
        return {
            "precision": sum(r.precision for r in rows) / len(rows),
            "recall": sum(r.recall for r in rows) / len(rows),
            "f1": sum(r.f1 for r in rows) / len(rows),
        }

    def f1(self, key: str) -> float:
        """F1 by key: ``strict/LABEL``, ``strict/micro``, ``lenient/macro``, ``relations``..."""
        if key == RELATIONS_KEY:
            return self.relations.f1
        mode, _, what = key.partition("/")
        if what == MICRO:
            return self.micro(mode).f1
        if what == MACRO:
            return self.macro(mode)["f1"]
        return self.spans[mode][what].f1

    def to_dict(self, per_doc: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n_docs": self.n_docs,
            "labels": list(self.labels),
            "macro_labels": list(self.macro_labels),
            "spans": {},
            "relations": self.relations.to_dict(),
            "attributes": {
                label: {name: s.to_dict() for name, s in attrs.items()}
                for label, attrs in self.attributes.items()
            },
            "warnings": list(self.warnings),
        }
        for mode in MODES:
            block = {label: self.spans[mode][label].to_dict() for label in self.labels}
            block[MICRO] = self.micro(mode).to_dict()
            block[MACRO] = self.macro(mode)
            out["spans"][mode] = block
        if per_doc:
            out["per_doc"] = {
                "doc_ids": list(self.doc_ids),
                "columns": ["tp", "fp", "fn"],
                "counts": {key: arr.tolist() for key, arr in self.per_doc.items()},
            }
        return out


def score_alignments(
    alignments: list[DocAlignment],
    labels: Sequence[str] = LABELS,
    warnings: list[str] | None = None,
) -> Scores:
    """Compute :class:`Scores` from the output of :func:`align`."""
    labels = tuple(labels)
    keys = count_keys(labels)
    per_doc = {key: np.zeros((len(alignments), 3), dtype=np.int64) for key in keys}
    for i, al in enumerate(alignments):
        for mode in MODES:
            for label in labels:
                c = al.counts(mode, label)
                per_doc[f"{mode}/{label}"][i] = (c.tp, c.fp, c.fn)
        r = al.relations
        per_doc[RELATIONS_KEY][i] = (r.tp, r.fp, r.fn)
    spans = {
        mode: {
            label: PRF(*(int(x) for x in per_doc[f"{mode}/{label}"].sum(axis=0)))
            for label in labels
        }
        for mode in MODES
    }
    rel = PRF(*(int(x) for x in per_doc[RELATIONS_KEY].sum(axis=0)))
    in_gold = tuple(label for label in labels if spans[STRICT][label].n_gold > 0)
    macro_labels = in_gold or tuple(label for label in labels if spans[STRICT][label].n_pred > 0)
    attributes, mismatches = score_attributes(alignments, labels)
    return Scores(
        labels=labels,
        doc_ids=[al.doc_id for al in alignments],
        spans=spans,
        relations=rel,
        attributes=attributes,
        per_doc=per_doc,
        macro_labels=macro_labels,
        warnings=list(warnings or []),
        attr_mismatches=mismatches,
        alignments=alignments,
    )


def score(
    gold: Iterable[Mapping[str, Any]],
    pred: Iterable[Mapping[str, Any]],
    labels: Sequence[str] = LABELS,
) -> Scores:
    """Score predicted records against gold records (both scheme documents as dicts)."""
    warnings: list[str] = []
    alignments = align(gold, pred, labels, warnings)
    return score_alignments(alignments, labels, warnings)
