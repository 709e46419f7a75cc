"""Runs of the dedicated LAB_TEST model (round 6): build, score on real dev and on held-out train.

Never reads a test-split document: the gold is read with ``split_records`` (test records are
counted and dropped) and ``corpora/real/trials_test.jsonl`` is not among the inputs.

    python eval/labtest_runs.py pretrain                  # tok2vec weights (held-out train left out)
    python eval/labtest_runs.py train NAME [--seed N] [--repeat N] [--silver N] [--pretrained] [--held-out]
    python eval/labtest_runs.py score NAME                # dev (and held-out part with --held-out models)

Everything is written under ``build/labtest/`` (models) and ``eval/results/labtest/`` (scores).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from celltx import schema
from celltx.corpus.jsonl import iter_corpus
from celltx.train import dedicated, labtest
from celltx.train.train import split_records, train_ner

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "labtest"
RESULTS = ROOT / "eval" / "results" / "labtest"
DRAW = ROOT / "corpora" / "real" / "draw.json"
TOK2VEC = BUILD / "tok2vec.bin"
HELD_OUT_FRACTION = 0.15
HELD_OUT_SEED = 0


def splits():
    s = split_records(iter_corpus([str(ROOT / "corpora" / "real")]))
    kept, held = dedicated.held_out_split(s.train, HELD_OUT_FRACTION, HELD_OUT_SEED)
    return s, kept, held


def cmd_pretrain(args) -> None:
    from celltx.train.pretrain import pretrain_texts, pretrain_tok2vec

    _, kept, _ = splits()
    texts = pretrain_texts(draw=DRAW, gold_train=kept, log=sys.stderr)
    pretrain_tok2vec(texts, TOK2VEC, epochs=args.epochs, seed=0, log=sys.stderr)


def cmd_train(args) -> None:
    s, kept, held = splits()
    train = kept if args.held_out else s.train
    records = labtest.training_records(
        train, gold_repeat=args.repeat, silver=args.silver, draw=str(DRAW), seed=args.seed
    )
    out = BUILD / args.name
    result = train_ner(
        records,
        dedicated.only_labels(s.dev, labtest.LABELS),
        out,
        seed=args.seed,
        max_steps=args.steps,
        init_tok2vec=TOK2VEC if args.pretrained else None,
        config_overrides=labtest.CONFIG_OVERRIDES,
    )
    info = {
        "name": args.name,
        "seed": args.seed,
        "gold_repeat": args.repeat,
        "silver": args.silver,
        "pretrained": args.pretrained,
        "held_out": args.held_out,
        "train_docs": len(train),
        "held_out_docs": len(held) if args.held_out else 0,
        "steps": args.steps,
        "seconds": round(result.seconds, 1),
        "size_mb": round(result.size_bytes / 1e6, 2),
        "dev_ents": {k: result.dev_scores.get(k) for k in ("ents_p", "ents_r", "ents_f")},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.train.json").write_text(json.dumps(info, indent=1) + "\n", "utf-8")
    print(json.dumps(info, indent=1))


MEASURES = (schema.LAB_TEST, schema.LAB_VALUE, "VALUE_OF", "micro")


def summarise(tables: dict) -> dict:
    out = {}
    for name, t in tables.items():
        row = {}
        for m in MEASURES:
            s, lt = t["strict"][m], t["lenient"][m]
            row[m] = {"strict": s["f1"], "lenient": lt["f1"], "tp": s["tp"], "fp": s["fp"], "fn": s["fn"]}
        out[name] = row
    return out


def score_on(records, model: Path, label: str = "dev") -> dict:
    """rules, model alone, and every combination for LAB_TEST, on ``records``."""
    from celltx.components.ner import COMBINATIONS
    from celltx.train import policy as pol

    gold = list(records)
    tables = {"rules": pol.score_table(gold, pol.predict(pol.build_system(pol.RULES), gold))}
    alone = pol.score_table(gold, pol.predict(pol.build_system("ner", model), gold))
    tables["model alone"] = alone
    full = pol.build_system("full", model)
    pipe = full.get_pipe(pol.EVAL_PIPE)
    for mode in COMBINATIONS:
        pipe.set_modes({mode: [schema.LAB_TEST]})
        tables[mode] = pol.score_table(gold, pol.predict(full, gold))
        print(f"{label} {mode} done", file=sys.stderr, flush=True)
    return {"n_docs": len(gold), "tables": tables, "summary": summarise(tables)}


def chosen_mode(summary: dict) -> str:
    """The policy's rule for one label: best strict (then lenient) F1 of LAB_TEST, micro not below
    rules, net gain >= 1 (strict tp - fp) over rules."""
    from celltx.train.policy import MIN_NET_GAIN

    rules = summary["rules"]
    best = "rules"

    def key(row):
        return (row[schema.LAB_TEST]["strict"], row[schema.LAB_TEST]["lenient"])

    def net(row):
        return row[schema.LAB_TEST]["tp"] - row[schema.LAB_TEST]["fp"]

    for name, row in summary.items():
        if name in ("rules", "model alone"):
            continue
        if (
            key(row) > key(summary[best])
            and row["micro"]["strict"] >= rules["micro"]["strict"]
            and net(row) - net(rules) >= MIN_NET_GAIN
        ):
            best = name
    return best


def cmd_score(args) -> None:
    s, kept, held = splits()
    model = BUILD / args.name
    out = {"model": args.name, "dev": score_on(s.dev, model)}
    out["dev_choice"] = chosen_mode(out["dev"]["summary"])
    info_path = RESULTS / f"{args.name}.train.json"
    info = json.loads(info_path.read_text()) if info_path.is_file() else {}
    if info.get("held_out"):
        out["held_out"] = score_on(held, model, "held-out")
    RESULTS.mkdir(parents=True, exist_ok=True)
    slim = {k: ({kk: vv for kk, vv in v.items() if kk != "tables"} if isinstance(v, dict) else v) for k, v in out.items()}
    (RESULTS / f"{args.name}.scores.json").write_text(json.dumps(slim, indent=1) + "\n", "utf-8")
    print(json.dumps(slim, indent=1))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pretrain")
    p.add_argument("--epochs", type=int, default=8)
    t = sub.add_parser("train")
    t.add_argument("name")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--repeat", type=int, default=3)
    t.add_argument("--silver", type=int, default=0)
    t.add_argument("--steps", type=int, default=labtest.DEFAULT_STEPS)
    t.add_argument("--pretrained", action="store_true")
    t.add_argument("--held-out", action="store_true")
    c = sub.add_parser("score")
    c.add_argument("name")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    {"pretrain": cmd_pretrain, "train": cmd_train, "score": cmd_score}[args.cmd](args)
    print(f"{args.cmd}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
