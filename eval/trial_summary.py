"""Score the trial summary against gold trial objects, per split (the numbers of RESULTS.md,
"Trial summary").

    python eval/trial_summary.py --docs corpora/real --trials PATH/trials.jsonl [--split dev train]

``--docs``: corpus files or folders holding the documents (their mention gold and ``split``);
``--trials``: sidecar files of gold trial objects (``{"id", "trial"}`` a line). Two runs per
split: the summariser on the gold mentions (how well it reads a correct mention layer) and on
the pipeline's mentions (``celltx.extract(text, trial=True)``, end to end). Only the splits
named are scored; a sidecar named ``trials_test.jsonl`` is refused (the sealed test split is
scored by the lead, not here).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from celltx import extract
from celltx.corpus.jsonl import iter_corpus, read_jsonl
from celltx.evaluate.trial import score_trials, summary_rows
from celltx.trial import summarize


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", nargs="+", required=True)
    parser.add_argument("--trials", nargs="+", required=True)
    parser.add_argument("--split", nargs="+", default=["dev", "train"])
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    if "test" in args.split or any(Path(p).name.startswith("trials_test") for p in args.trials):
        parser.error("the test split is not scored here")
    trials = {}
    for path in args.trials:
        for row in read_jsonl(path):
            trials[row["id"]] = row["trial"]
    docs = [r for r in iter_corpus(args.docs) if r.get("id") in trials]
    out = {}
    for split in [*args.split, "+".join(args.split)]:
        wanted = set(split.split("+"))
        gold = [dict(r, trial=trials[r["id"]]) for r in docs if r.get("split") in wanted]
        if not gold:
            continue
        oracle = [dict(r, trial=summarize(r)) for r in gold]
        pipeline = []
        for r in gold:
            p = extract(r["text"], trial=True)
            p["id"] = r["id"]
            pipeline.append(p)
        out[split] = {"n_docs": len(gold), "gold_mentions": score_trials(gold, oracle),
                      "pipeline": score_trials(gold, pipeline)}
        print(f"\n## {split}: {len(gold)} documents\n")
        print("| measure | summariser on gold mentions | end to end (pipeline mentions) |")
        print("|---|---|---|")
        a = dict(summary_rows(out[split]["gold_mentions"]))
        b = dict(summary_rows(out[split]["pipeline"]))
        for measure in a:
            print(f"| {measure} | {a[measure]} | {b.get(measure, 'n/a')} |")
    if args.json:
        for block in out.values():
            for key in ("gold_mentions", "pipeline"):
                block[key].pop("per_doc", None)
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
