"""Classify the trial-summary outcome errors of one split, per document, by the harness's rule.

    python eval/trial_outcome_errors.py --docs corpora/real --split train [--oracle] [--list CLASS] [--show ID ...]

Outcomes are matched as ``celltx eval`` matches them (analyte, arm through the arm alignment,
days, kind; :mod:`celltx.evaluate.trial`). Each false negative is paired with the false positive
of the same numbers, and the pair is classed by the key parts that differ ("pair:arm",
"pair:days+kind", "... (no arms found)" when the summary found no arm); an unpaired false
negative is a value the predicted mentions lack, one gold has no LAB_VALUE for, or one the
summary dropped or matched elsewhere; an unpaired false positive restates a gold value, is a
gold LAB_VALUE gold keeps out of the outcomes, or is no gold LAB_VALUE. Matched outcomes with
other numbers or units are counted as value errors. ``--oracle`` summarises the gold mentions
instead of the rules pipeline's. The sealed test split is refused.
"""

from __future__ import annotations

import argparse
import collections
import sys
from typing import Any

from celltx.commands.eval import _load_gold
from celltx.evaluate.run import system_inputs
from celltx.evaluate.trial import OUTCOME_VALUE_FIELDS, _match, _outcome_key, align_arms, same
from celltx.trial import summarize


def _num(x: Any) -> float | None:
    return None if x is None else round(float(x), 6)


def _numbers(o: dict[str, Any]) -> tuple:
    return (_num(o.get("value")), _num(o.get("low")), _num(o.get("high")))


def _has(spans: list[dict[str, Any]], o: dict[str, Any]) -> bool:
    for s in spans:
        a = s.get("attrs") or {}
        if _numbers(a) == _numbers(o):
            return True
        v = _num(a.get("value"))
        if v is not None and o.get("value") is not None and v in (_num(o["value"]), _num(-o["value"])):
            return True
    return False


def classify(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[collections.Counter, list[tuple[str, Any, Any]]]:
    """(counts per class, [(class, gold outcome, predicted outcome)]) of one document."""
    counts: collections.Counter = collections.Counter()
    listing: list[tuple[str, Any, Any]] = []
    g, p = gold["trial"], summarize(pred)
    g_arms, p_arms = g.get("arms") or [], p.get("arms") or []
    p2g = {pi: gi for gi, pi in align_arms(g_arms, p_arms)}
    go, po = g.get("outcomes") or [], p.get("outcomes") or []
    gk = [_outcome_key(o, o.get("arm")) for o in go]
    pk = [_outcome_key(o, None if o.get("arm") is None else p2g.get(o.get("arm"), ("unaligned", o.get("arm")))) for o in po]
    matched = _match(gk, pk)
    for gi, pi in matched:
        bad = [k for k in OUTCOME_VALUE_FIELDS if not same(go[gi].get(k), po[pi].get(k), k)]
        if bad:
            c = "value:" + "+".join(bad)
            counts[c] += 1
            listing.append((c, go[gi], po[pi]))
    mg, mp = {a for a, _ in matched}, {b for _, b in matched}
    fp = [pi for pi in range(len(po)) if pi not in mp]
    used: set[int] = set()
    pred_values = [s for s in pred.get("spans") or [] if s["label"] == "LAB_VALUE"]
    gold_values = [s for s in gold.get("spans") or [] if s["label"] == "LAB_VALUE"]
    for gi in (i for i in range(len(go)) if i not in mg):
        o = go[gi]
        cands = [pi for pi in fp if pi not in used and _numbers(po[pi]) == _numbers(o)]
        if cands:
            pi = max(cands, key=lambda i: sum(a == b for a, b in zip(gk[gi], pk[i])))
            used.add(pi)
            diff = [n for n, a, b in zip(("analyte", "arm", "days", "kind"), gk[gi], pk[pi]) if a != b]
            c = "pair:" + "+".join(diff) + ("(no arms found)" if "arm" in diff and g_arms and not p_arms else "")
            listing.append((c, o, po[pi]))
        else:
            c = ("FN:value not in predicted mentions" if not _has(pred_values, o)
                 else "FN:value not a gold LAB_VALUE" if not _has(gold_values, o) else "FN:value dropped/other")
            listing.append((c, o, None))
        counts[c] += 1
    for pi in (i for i in fp if i not in used):
        o = po[pi]
        if any(_numbers(x) == _numbers(o) for x in go):
            c = "FP:duplicate of a gold value"
        elif any(_numbers(s.get("attrs") or {}) == _numbers(o) for s in gold_values):
            c = "FP:gold LAB_VALUE not an outcome"
        else:
            c = "FP:value not a gold LAB_VALUE"
        counts[c] += 1
        listing.append((c, None, o))
    return counts, listing


def _fmt(o: dict[str, Any] | None) -> str:
    if o is None:
        return "-"
    return (f"{o.get('analyte')} arm={o.get('arm')} days={o.get('days')} {o.get('kind')} value={o.get('value')} "
            f"sd={o.get('sd')} low={o.get('low')} high={o.get('high')} unit={o.get('unit')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", nargs="+", default=["corpora/real"])
    parser.add_argument("--split", required=True, choices=["train", "dev"])
    parser.add_argument("--oracle", action="store_true", help="summarise the gold mentions")
    parser.add_argument("--list", help="print the errors of the classes starting with this")
    parser.add_argument("--show", nargs="*", default=[], help="print every error of these documents")
    args = parser.parse_args(argv)
    gold = [r for r in _load_gold(args.docs, args.split) if isinstance(r.get("trial"), dict)]
    if args.oracle:
        preds = {r["id"]: {k: v for k, v in r.items() if k != "trial"} for r in gold}
    else:
        from celltx import pipeline

        preds = {r["id"]: r for r in pipeline.predict_records("rules", system_inputs(gold))}
    total: collections.Counter = collections.Counter()
    for record in gold:
        counts, listing = classify(record, preds[record["id"]])
        total += counts
        for c, g, p in listing:
            if record["id"] in args.show or (args.list and c.startswith(args.list)):
                print(f"{record['id']}\t{c}\n    gold {_fmt(g)}\n    pred {_fmt(p)}")
    for c, n in sorted(total.items(), key=lambda x: (-x[1], x[0])):
        print(f"{n:5d}  {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
