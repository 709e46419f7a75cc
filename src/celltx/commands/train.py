"""``celltx train``: train the statistical NER on the gold train split and ship it in the package."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..cli import CliError

DESCRIPTION = """\
Train the statistical NER (a spaCy `ner` with its own tok2vec and the celltx tokenizer) on
the gold documents whose "split" is "train", keep the best checkpoint on the "dev" documents,
and write it with nlp.to_disk to --out (default: the package's models/ner, where
celltx.load("ner") and celltx.load("full") find it). "test" documents are never read.

Spans of different labels that overlap (a CELL_TYPE inside a DOSE) cannot all be NER
entities: the longest span is kept and the spans overlapping it are dropped (counted per label).

After training, the combination policy is chosen on the dev split: for each label, whether
the full pipeline takes the model's entities (union), lets the model fill gaps the rules
leave, or uses the rules alone; the result is written to celltx_policy.json in the model
folder (skip with --no-policy; redo for an existing model with --policy-only).

Same data + same --seed + same config -> the same model.

examples:
  celltx train                                   # corpora/ -> src/celltx/models/ner
  celltx train --gold corpora/ --seed 0 --max-steps 1500
  celltx train --gold corpora/dev --out /tmp/ner --no-policy
  celltx train --policy-only                     # re-choose the policy of the shipped model
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "train",
        help="train the statistical NER on the gold train split",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--gold",
        nargs="+",
        default=["corpora/"],
        metavar="PATH",
        help="gold JSONL files or folders (searched for *.jsonl, drafts/ skipped; default: corpora/)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="model folder to write (default: the package's models/ner)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--max-steps",
        type=int,
        default=None,
        metavar="N",
        help="training steps (default: from the config, 1500)",
    )
    parser.add_argument(
        "--eval-frequency",
        type=int,
        default=None,
        metavar="N",
        help="evaluate on dev every N steps (default: from the config, 100)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="CFG",
        help="a spaCy training config (default: celltx/train/ner.cfg)",
    )
    parser.add_argument(
        "--unsplit-as-train",
        action="store_true",
        help="treat documents without a split field as training data (development only)",
    )
    policy = parser.add_mutually_exclusive_group()
    policy.add_argument(
        "--no-policy",
        action="store_true",
        help="do not choose the combination policy after training",
    )
    policy.add_argument(
        "--policy-only",
        action="store_true",
        help="do not train: choose the combination policy for the model already in --out",
    )
    parser.set_defaults(func=run)
    return parser


def _note(message: str) -> None:
    print(f"celltx train: {message}", file=sys.stderr, flush=True)


def _check_args(args: argparse.Namespace) -> None:
    if args.seed < 0:
        raise CliError("--seed must be 0 or more")
    if args.max_steps is not None and args.max_steps < 1:
        raise CliError("--max-steps must be at least 1")
    if args.eval_frequency is not None and args.eval_frequency < 1:
        raise CliError("--eval-frequency must be at least 1")
    if args.config is not None and not args.config.is_file():
        raise CliError(f"{args.config}: no such config file")
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise CliError(f"{args.out}: exists and is not a folder")


def _load_splits(args: argparse.Namespace):
    from ..corpus.jsonl import CorpusError, iter_corpus
    from ..train.train import TrainError, split_records

    try:
        splits = split_records(iter_corpus(args.gold), unsplit_as_train=args.unsplit_as_train)
    except CorpusError as err:
        raise CliError(str(err)) from err
    except TrainError as err:
        raise CliError(str(err)) from err
    except OSError as err:
        raise CliError(f"cannot read gold: {err}") from err
    parts = [
        f"{len(splits.train)} train",
        f"{len(splits.dev)} dev",
        f"{splits.n_test} test (not used)",
    ]
    if splits.n_unsplit:
        parts.append(
            f"{splits.n_unsplit} without split "
            + (
                "(used as train)"
                if args.unsplit_as_train
                else "(skipped; --unsplit-as-train uses them)"
            )
        )
    if splits.unknown:
        parts.append(
            "unknown splits skipped: "
            + ", ".join(f"{k} ({v})" for k, v in sorted(splits.unknown.items()))
        )
    _note("documents: " + ", ".join(parts))
    return splits


def _policy(dev: list[dict[str, Any]], out: Path) -> dict[str, Any] | None:
    from ..train.policy import choose_policy, format_table, write_policy
    from ..train.train import TrainError

    if not dev:
        _note("no dev documents: combination policy not chosen (celltx_policy.json not written)")
        return None
    try:
        policy = choose_policy(dev, out)
    except TrainError as err:
        raise CliError(str(err)) from err
    path = write_policy(policy, out)
    print(format_table(policy))
    print(
        f"policy: labels from the model {policy['labels']} (union {policy['union']}, gaps {policy['gaps']}) -> {path}"
    )
    return policy


def run(args: argparse.Namespace) -> int:
    from ..resources import models_dir
    from ..train.train import MAX_MODEL_BYTES, TrainError, dir_size, train_ner

    _check_args(args)
    out: Path = args.out if args.out is not None else models_dir() / "ner"
    splits = _load_splits(args)

    if args.policy_only:
        if not (out / "meta.json").is_file():
            raise CliError(f"{out}: no trained model (meta.json missing); run `celltx train` first")
        _policy(splits.dev, out)
        return 0

    if not splits.train:
        raise CliError(
            f'no training documents in {", ".join(args.gold)}: records need "split": "train"'
            + (
                " (or use --unsplit-as-train for documents without a split)"
                if splits.n_unsplit
                else ""
            )
        )
    try:
        result = train_ner(
            splits.train,
            splits.dev,
            out,
            seed=args.seed,
            max_steps=args.max_steps,
            eval_frequency=args.eval_frequency,
            config_path=args.config,
        )
    except TrainError as err:
        raise CliError(str(err)) from err
    info = result.meta["celltx"]
    conv = info["train_conversion"]
    print(f"model: {result.path} ({result.size_bytes / 1e6:.1f} MB)")
    print(f"training time: {result.seconds:.0f} s, seed {args.seed}, {info['max_steps']} steps")
    print(
        f"train: {info['train_docs']} docs, {conv['spans']} spans, {conv['n_dropped_overlap']} dropped as overlaps "
        f"{json.dumps(conv['dropped_overlap'])}, {conv['snapped']} snapped to tokens"
    )
    scores = result.dev_scores
    if scores:
        per = scores.get("ents_per_type") or {}
        per_text = ", ".join(f"{k} {v['f']:.2f}" for k, v in sorted(per.items()))
        print(
            f"best on {info['evaluated_on']}: ents P {scores.get('ents_p', 0):.3f} R {scores.get('ents_r', 0):.3f} "
            f"F {scores.get('ents_f', 0):.3f} (model alone, overlaps resolved){'; ' + per_text if per_text else ''}"
        )
    if dir_size(out) > MAX_MODEL_BYTES:
        _note(
            f"warning: the model is {result.size_bytes / 1e6:.1f} MB, above {MAX_MODEL_BYTES / 1e6:.0f} MB"
        )
    if not args.no_policy:
        _policy(splits.dev, out)
    return 0
