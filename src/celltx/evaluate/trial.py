"""Scoring trial summaries as ``eval/GUIDELINES.md`` (sections 12 and 13) says.

* Document fields (design, n_enrolled, condition, country, follow_up_days, adverse-event
  ``serious``): accuracy over the gold documents that carry a trial object (a gold ``null``
  counts: predicting a value the text does not state is wrong). Numbers are equal within 1e-6
  relative; strings compare ignoring case, white space and hyphens ("end-stage" = "end
  stage"); countries by their name in ``patterns/countries.jsonl`` ("UK" = "United Kingdom");
  arm labels also ignoring "the"/"group"/"arm" ("NGLCD group" = "NGLCD").
* Arms: aligned one-to-one to gold arms of the same role, preferring a shared cell product
  (Cell Ontology id), then shared label words, then order. Arm P/R counts aligned arms; each
  arm field (label, n, cell_types, dose, route, frequency, comparator, age, male) is scored
  as accuracy over gold arms, a gold arm without a partner counting as wrong for every field;
  the same over aligned arms only ("aligned arm.*"). Every accuracy also says how many of its
  gold fields state something ("stated": gold not null) and how many of those are right.
  ``cell_types`` compare as sets of (cl_id, source, donor); ``dose`` with its unit.
* Outcomes: matched one-to-one on (analyte, arm, days, kind), the arm mapped through the arm
  alignment; precision/recall/F1, then value accuracy over matched outcomes (value, sd, low,
  high and unit all equal) and accuracy of ``p_value`` and ``direction``.
* Eligibility thresholds: matched on (analyte, comparator, value); adverse events: the event
  words as a set (case-insensitive), precision/recall.

A predicted record without ``trial`` is summarised from its mentions
(:func:`celltx.trial.summarize`), so every system is scored on the same footing.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import regex

from .scorer import PRF, ScoringError, values_equal

DOC_FIELDS = ("design", "n_enrolled", "condition", "country", "follow_up_days")
ARM_FIELDS = ("label", "n", "cell_types", "dose", "route", "frequency", "comparator", "age", "male")
OUTCOME_VALUE_FIELDS = ("value", "sd", "low", "high", "unit")


# --------------------------------------------------------------------------- equality


def _norm_text(value: Any) -> Any:
    """Case, white space, hyphens and dashes ("end-stage" = "end stage") do not count."""
    if isinstance(value, str):
        return " ".join(regex.sub(r"[\u2010-\u2015-]", " ", value.lower()).split()).strip(" .")
    return value


def _norm_label(value: Any) -> Any:
    """An arm label without "the"/"group"/"arm" ("NGLCD group" = "NGLCD")."""
    if not isinstance(value, str):
        return value
    words = [w for w in _norm_text(value).split() if w not in ("the", "group", "arm", "cohort")]
    return " ".join(words)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from ..resources import read_jsonl_resource

    names = {}
    for row in read_jsonl_resource("countries.jsonl"):
        for name in [row["name"], *row.get("aliases", [])]:
            names[_norm_text(name)] = row["name"]
    return names


def _country(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return _country_names().get(_norm_text(value), _norm_text(value))


def _unit(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    from ..normalize.si import canonical_unit

    return canonical_unit(value)


#: The keys compared for object-valued fields (extra keys a system adds are not scored).
SUBKEYS = {
    "dose": ("low", "high", "unit"),
    "frequency": ("count", "interval_days"),
    "age": ("value", "sd", "low", "high"),
    "p_value": ("comparator", "value"),
    "si": ("value", "sd", "low", "high", "unit"),
}


def same(gold: Any, pred: Any, field: str = "") -> bool:
    """Field equality: numbers within 1e-6 relative, strings normalised, objects key by key."""
    if field == "country":
        return _country(gold) == _country(pred)
    if field == "unit":
        return _unit(gold) == _unit(pred)
    if field == "cell_types":
        return _cells(gold) == _cells(pred)
    if field == "label":
        return _norm_label(gold) == _norm_label(pred)
    if isinstance(gold, str) or isinstance(pred, str):
        return _norm_text(gold) == _norm_text(pred)
    if isinstance(gold, Mapping) and isinstance(pred, Mapping):
        keys = SUBKEYS.get(field) or sorted(set(gold) | set(pred))
        return all(same(gold.get(k), pred.get(k), k) for k in keys)
    if isinstance(gold, Mapping) or isinstance(pred, Mapping):
        return _empty(gold) and _empty(pred)
    return values_equal(gold, pred)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, Mapping) and all(v is None for v in value.values()))


def _cells(value: Any) -> frozenset:
    out = set()
    for item in value or []:
        if isinstance(item, Mapping):
            out.add((item.get("cl_id"), item.get("source"), item.get("donor")))
    return frozenset(out)


# --------------------------------------------------------------------------- arms


def _words(label: Any) -> set[str]:
    return set(_norm_text(label).replace("-", " ").split()) - {"group", "the", "arm"} if isinstance(label, str) else set()


def align_arms(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: same role, best cell-product/label/order agreement."""

    def score(g: Mapping[str, Any], p: Mapping[str, Any], gi: int, pi: int) -> float | None:
        if g.get("role") != p.get("role"):
            return None
        g_cl = {c[0] for c in _cells(g.get("cell_types"))}
        p_cl = {c[0] for c in _cells(p.get("cell_types"))}
        cells = len(g_cl & p_cl) / max(1, len(g_cl | p_cl)) if (g_cl or p_cl) else 1.0
        gw, pw = _words(g.get("label")), _words(p.get("label"))
        words = len(gw & pw) / max(1, len(gw | pw))
        return 4 * cells + 2 * words + 1 / (1 + abs(gi - pi))

    best: tuple[float, list[tuple[int, int]]] = (-1.0, [])
    n_g, n_p = len(gold), len(pred)
    if n_g == 0 or n_p == 0:
        return []
    if n_g <= 6 and n_p <= 6:
        small, large = (n_g, n_p)
        for perm in itertools.permutations(range(max(small, large)), min(small, large)):
            pairs = list(zip(range(n_g), perm)) if n_g <= n_p else [(gi, pi) for pi, gi in zip(range(n_p), perm)]
            total, kept = 0.0, []
            for gi, pi in pairs:
                s = score(gold[gi], pred[pi], gi, pi)
                if s is not None:
                    total += s
                    kept.append((gi, pi))
            if total > best[0]:
                best = (total, kept)
        return sorted(best[1])
    # many arms: greedy
    cands = sorted(
        ((score(g, p, gi, pi), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        key=lambda c: -(c[0] or -1),
    )
    used_g, used_p, pairs = set(), set(), []
    for s, gi, pi in cands:
        if s is None or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


# --------------------------------------------------------------------------- counts


class Accuracy:
    """Correct/total, and the same over the gold fields that state something (not null)."""

    def __init__(self) -> None:
        self.correct = 0
        self.total = 0
        self.stated_correct = 0
        self.stated = 0

    def add(self, ok: bool, gold: Any = "stated") -> None:
        self.total += 1
        self.correct += int(ok)
        if not _empty(gold) and gold != []:
            self.stated += 1
            self.stated_correct += int(ok)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy,
                "stated_correct": self.stated_correct, "stated": self.stated,
                "stated_accuracy": self.stated_correct / self.stated if self.stated else None}


def _outcome_key(o: Mapping[str, Any], arm: Any) -> tuple:
    days = o.get("days")
    days = None if days is None else round(float(days), 6)
    return (_norm_text(o.get("analyte")), arm, days, o.get("kind"))


def _match(gold_keys: list[tuple], pred_keys: list[tuple]) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, gk in enumerate(gold_keys):
        for pi, pk in enumerate(pred_keys):
            if pi not in used and gk == pk:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_trials(
    gold: Iterable[Mapping[str, Any]], pred: Iterable[Mapping[str, Any]]
) -> dict[str, Any] | None:
    """Scores of the predicted trial summaries against the gold ones (``None`` when no gold
    record carries ``trial``). See the module docstring."""
    from ..trial import summarize

    gold_trials = {str(r.get("id")): r for r in gold if isinstance(r.get("trial"), Mapping)}
    if not gold_trials:
        return None
    pred_by_id = {str(r.get("id")): r for r in pred}
    docs = {f: Accuracy() for f in (*DOC_FIELDS, "adverse_serious")}
    arm_fields = {f: Accuracy() for f in ("role", *ARM_FIELDS)}
    aligned_fields = {f: Accuracy() for f in ARM_FIELDS}
    arms_prf = PRF()
    outcomes_prf = PRF()
    outcome_value = Accuracy()
    outcome_p = Accuracy()
    outcome_direction = Accuracy()
    outcome_si = Accuracy()
    eligibility_prf = PRF()
    events_prf = PRF()
    per_doc = []
    for doc_id, g_rec in gold_trials.items():
        g = g_rec["trial"]
        p_rec = pred_by_id.get(doc_id)
        if p_rec is None:
            p: Mapping[str, Any] = {}
        elif isinstance(p_rec.get("trial"), Mapping):
            p = p_rec["trial"]
        else:
            if p_rec.get("text", g_rec.get("text")) != g_rec.get("text", p_rec.get("text")):
                raise ScoringError(f"document {doc_id!r}: predicted text differs from gold text")
            p = summarize(p_rec)
        row: dict[str, Any] = {"id": doc_id, "fields": {}}
        for f in DOC_FIELDS:
            if f in g:
                ok = same(g.get(f), p.get(f), f)
                docs[f].add(ok, g.get(f))
                row["fields"][f] = {"gold": g.get(f), "pred": p.get(f), "ok": ok}
        g_ae, p_ae = g.get("adverse_events") or {}, p.get("adverse_events") or {}
        if "adverse_events" in g:
            docs["adverse_serious"].add(same(g_ae.get("serious"), p_ae.get("serious")), g_ae.get("serious"))
            g_ev = {_norm_text(e) for e in g_ae.get("events") or [] if isinstance(e, str)}
            p_ev = {_norm_text(e) for e in p_ae.get("events") or [] if isinstance(e, str)}
            events_prf = events_prf + PRF(len(g_ev & p_ev), len(p_ev - g_ev), len(g_ev - p_ev))
        g_arms, p_arms = list(g.get("arms") or []), list(p.get("arms") or [])
        pairs = align_arms(g_arms, p_arms)
        arms_prf = arms_prf + PRF(len(pairs), len(p_arms) - len(pairs), len(g_arms) - len(pairs))
        partner = dict(pairs)
        for gi, g_arm in enumerate(g_arms):
            p_arm = p_arms[partner[gi]] if gi in partner else None
            arm_fields["role"].add(p_arm is not None)
            for f in ARM_FIELDS:
                if f in g_arm:
                    ok = p_arm is not None and same(g_arm.get(f), p_arm.get(f), f)
                    arm_fields[f].add(ok, g_arm.get(f))
                    if p_arm is not None:
                        aligned_fields[f].add(ok, g_arm.get(f))
        row["arms"] = {"gold": len(g_arms), "pred": len(p_arms), "aligned": pairs}
        # outcomes: a predicted arm index becomes the gold index of its partner
        pred_to_gold = {pi: gi for gi, pi in pairs}
        g_out = list(g.get("outcomes") or [])
        p_out = list(p.get("outcomes") or [])
        g_keys = [_outcome_key(o, o.get("arm")) for o in g_out]
        p_keys = [
            _outcome_key(o, None if o.get("arm") is None else pred_to_gold.get(o.get("arm"), ("unaligned", o.get("arm"))))
            for o in p_out
        ]
        matched = _match(g_keys, p_keys)
        outcomes_prf = outcomes_prf + PRF(len(matched), len(p_out) - len(matched), len(g_out) - len(matched))
        for gi, pi in matched:
            go, po = g_out[gi], p_out[pi]
            outcome_value.add(all(same(go.get(k), po.get(k), k) for k in OUTCOME_VALUE_FIELDS))
            outcome_p.add(same(go.get("p_value"), po.get("p_value"), "p_value"))
            outcome_direction.add(same(go.get("direction"), po.get("direction")))
            if "si" in go:
                outcome_si.add(same(go.get("si"), po.get("si"), "si"))
        row["outcomes"] = {"gold": len(g_out), "pred": len(p_out), "matched": len(matched)}
        g_el = [(_norm_text(e.get("analyte")), e.get("comparator"), _num(e.get("value"))) for e in g.get("eligibility") or []]
        p_el = [(_norm_text(e.get("analyte")), e.get("comparator"), _num(e.get("value"))) for e in p.get("eligibility") or []]
        m_el = _match(g_el, p_el)
        eligibility_prf = eligibility_prf + PRF(len(m_el), len(p_el) - len(m_el), len(g_el) - len(m_el))
        per_doc.append(row)
    return {
        "n_docs": len(gold_trials),
        "fields": {f: a.to_dict() for f, a in docs.items()},
        "arms": arms_prf.to_dict(),
        "arm_fields": {f: a.to_dict() for f, a in arm_fields.items()},
        "aligned_arm_fields": {f: a.to_dict() for f, a in aligned_fields.items()},
        "outcomes": {
            **outcomes_prf.to_dict(),
            "value_accuracy": outcome_value.to_dict(),
            "p_value_accuracy": outcome_p.to_dict(),
            "direction_accuracy": outcome_direction.to_dict(),
            "si_accuracy": outcome_si.to_dict(),
        },
        "eligibility": eligibility_prf.to_dict(),
        "adverse_events": events_prf.to_dict(),
        "per_doc": per_doc,
    }


def _num(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(f"{float(value):.6g}")
    return value


# --------------------------------------------------------------------------- rendering


def _acc(d: Mapping[str, Any]) -> str:
    if not d or not d.get("total"):
        return "n/a"
    text = f"{d['accuracy']:.3f} ({d['correct']}/{d['total']})"
    if d.get("stated") is not None and d.get("stated") != d["total"]:
        text += f"; stated {d['stated_correct']}/{d['stated']}"
    return text


def _prf(d: Mapping[str, Any]) -> str:
    return f"P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})"


def summary_rows(scores: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(measure, value) rows for reports."""
    rows = [(f"document.{f}", _acc(a)) for f, a in scores["fields"].items()]
    rows.append(("arms (aligned by role and cell product)", _prf(scores["arms"])))
    rows += [(f"arm.{f}", _acc(a)) for f, a in scores["arm_fields"].items()]
    rows += [(f"aligned arm.{f}", _acc(a)) for f, a in scores.get("aligned_arm_fields", {}).items()]
    o = scores["outcomes"]
    rows.append(("outcomes (analyte, arm, days, kind)", _prf(o)))
    rows.append(("outcome values (value, sd, low, high, unit)", _acc(o["value_accuracy"])))
    rows.append(("outcome p_value", _acc(o["p_value_accuracy"])))
    rows.append(("outcome direction", _acc(o["direction_accuracy"])))
    if o["si_accuracy"]["total"]:
        rows.append(("outcome si", _acc(o["si_accuracy"])))
    rows.append(("eligibility (analyte, comparator, value)", _prf(scores["eligibility"])))
    rows.append(("adverse events (words)", _prf(scores["adverse_events"])))
    return rows
