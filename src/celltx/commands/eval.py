"""``celltx eval``: score systems against gold and compare them side by side."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..cli import CliError, add_command, corpus_errors

DESCRIPTION = """\
Score extraction systems against gold documents: span precision/recall/F1 per label, micro
and macro, strict and lenient matching; attribute accuracy; VALUE_OF relations; 95% bootstrap
CIs over documents; every error classified. Every rule is written out in the project's
guidelines, eval/GUIDELINES.md, section 13 ("How celltx eval scores").

Without --pred or --pipeline, every pipeline system (celltx.pipeline.SYSTEMS) is run and
the off-the-shelf peers (quantulum3, timexy) are added. A system that cannot run here (say,
the model is not trained yet) is listed as "not run" with the reason.

Reports eval.json (complete), eval.md and eval.html (self-contained, with a bar chart) are
written to the output folder; --format chooses what is printed.

Trial summaries: when a gold folder holds a sidecar trials.jsonl ({"id", "trial"} a line, the
document-level gold of eval/GUIDELINES.md section 12), its objects are joined to the
documents by id and every system's summary (celltx.trial.summarize of its mentions) is scored:
field accuracies, arms aligned by role and cell product, outcome precision/recall and value
accuracy. Other sidecars (trials_<split>.jsonl) are read only when named with
--trial-sidecars.

examples:
  celltx eval --gold corpora/ --split test                  # all systems + peers
  celltx eval --gold corpora/gold --pipeline full rules     # two systems, no peers
  celltx eval --gold corpora/gold --pipeline full --baselines
  celltx eval --gold gold.jsonl --pred out.jsonl            # score a prediction file
  celltx eval --gold gold.jsonl --pred mine=a.jsonl --pred theirs=b.jsonl --format markdown
  celltx eval --gold corpora/ --split dev -o /tmp/eval --format json > scores.json

partial gold (a peer's annotations that mark only some mentions; recall only):
  celltx eval --partial --gold ../shared/corpora/ctc-glaucoma-peer/ctc_glaucoma_peer.jsonl
  celltx eval --partial --gold peer.jsonl --pipeline rules --misses 20
"""

PRINT_FORMATS = ("table", "json", "markdown", "html")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    from ..evaluate import bootstrap, report

    parser = add_command(
        subparsers,
        "eval",
        run,
        help="score systems against gold (P/R/F1 with CIs, errors, reports)",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "--gold",
        nargs="+",
        required=True,
        metavar="PATH",
        help="gold JSONL files or folders (searched for *.jsonl, drafts/ skipped)",
    )
    parser.add_argument(
        "--split", metavar="NAME", help="keep only gold documents of this split (e.g. test)"
    )
    parser.add_argument(
        "--pred",
        action="append",
        default=[],
        metavar="[NAME=]PATH",
        help="a JSONL file of predicted documents (repeatable); named after the file unless NAME= is given",
    )
    parser.add_argument(
        "--pipeline",
        nargs="+",
        action="extend",
        default=[],
        metavar="NAME",
        help="pipeline systems to run (celltx.pipeline.SYSTEMS, e.g. dictionary regex rules ner full)",
    )
    parser.add_argument(
        "--baselines",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add the off-the-shelf peers (default: on when neither --pred nor --pipeline is given)",
    )
    parser.add_argument(
        "--format",
        choices=PRINT_FORMATS,
        default="table",
        help="what to print (default: table); all report files are written regardless",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=report.DEFAULT_OUTPUT_DIR,
        metavar="DIR",
        help=f"folder for eval.json, eval.md, eval.html (default: {report.DEFAULT_OUTPUT_DIR})",
    )
    parser.add_argument(
        "--resamples",
        type=int,
        default=bootstrap.N_RESAMPLES,
        metavar="N",
        help=f"bootstrap resamples (default: {bootstrap.N_RESAMPLES}; 0 = no CIs)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=bootstrap.SEED,
        help=f"bootstrap seed (default: {bootstrap.SEED})",
    )
    parser.add_argument(
        "--trial-sidecars",
        nargs="+",
        default=["trials.jsonl"],
        metavar="NAME",
        help="file names of the gold trial-summary sidecars to join by id (default: trials.jsonl; "
        "a split kept apart, e.g. trials_test.jsonl, only when named here)",
    )
    parser.add_argument(
        "--partial",
        action="store_true",
        help="gold marks only some mentions (a peer corpus): report recall per label and the misses",
    )
    parser.add_argument(
        "--misses",
        type=int,
        default=10,
        metavar="N",
        help="with --partial: how many missed peer spans to print per label (default: 10)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=32,
        metavar="N",
        help="documents per batch for pipeline systems (default: 32)",
    )
    return parser


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load_gold(
    paths: list[str], split: str | None, sidecars: list[str] | tuple[str, ...] = ("trials.jsonl",)
) -> list[dict[str, Any]]:
    from ..corpus.jsonl import iter_corpus, join_trials, trial_sidecars

    with corpus_errors("gold"):
        gold = list(iter_corpus(paths, split=split))
        # gold trial summaries live in sidecar files (trials.jsonl) next to the documents
        gold = join_trials(gold, trial_sidecars(paths, names=sidecars))
    if not gold:
        where = ", ".join(paths)
        raise CliError(
            f"no gold documents in {where}" + (f" with split {split!r}" if split else "")
        )
    return gold


def _parse_pred(spec: str) -> tuple[str, Path]:
    name, sep, path = spec.partition("=")
    if sep and name and not Path(spec).exists():
        return name, Path(path)
    return Path(spec).stem, Path(spec)


def _load_pred(path: Path) -> list[dict[str, Any]]:
    from ..corpus.jsonl import read_jsonl

    if not path.is_file():
        raise CliError(f"{path}: no such prediction file")
    with corpus_errors("predictions"):
        return list(read_jsonl(path))


def run_partial(args: argparse.Namespace) -> int:
    """Recall against partial gold (no precision: unmarked mentions are not errors)."""
    import json

    from .. import pipeline
    from ..corpus.jsonl import CorpusError, atomic_write, iter_corpus
    from ..evaluate.partial import render_table, score_partial
    from ..evaluate.scorer import ScoringError

    try:
        gold = list(iter_corpus(args.gold, split=args.split))
    except (CorpusError, OSError) as err:
        raise CliError(f"cannot read gold: {err}") from err
    if not gold:
        raise CliError(f"no gold documents in {', '.join(args.gold)}")
    runs: list[tuple[str, list[dict[str, Any]]]] = []
    for spec in args.pred:
        name, path = _parse_pred(spec)
        runs.append((name, _load_pred(path)))
    for name in args.pipeline or ([] if args.pred else ["full"]):
        if name not in pipeline.SYSTEMS:
            raise CliError(f"unknown pipeline system {name}; choose from {', '.join(pipeline.SYSTEMS)}")
        _note(f"running {name} on {len(gold)} documents ...")
        runs.append((name, pipeline.predict_records(name, gold, batch_size=args.batch_size)))
    out: dict[str, Any] = {"gold": [str(p) for p in args.gold], "systems": {}}
    for name, pred in runs:
        try:
            scores = score_partial(gold, pred)
        except ScoringError as err:
            raise CliError(str(err)) from err
        out["systems"][name] = scores.to_dict()
        sys.stdout.write(render_table(scores, f"{name}: recall against partial gold") + "\n")
        by_label: dict[str, list[Any]] = {}
        for miss in scores.misses:
            by_label.setdefault(miss.label, []).append(miss)
        for label, misses in by_label.items():
            sys.stdout.write(f"missed {label} ({len(misses)}), first {min(args.misses, len(misses))}:\n")
            for miss in misses[: args.misses]:
                sys.stdout.write(f"  {miss.doc_id}: {miss.context}\n")
        sys.stdout.write("\n")
    try:
        args.output.mkdir(parents=True, exist_ok=True)
        atomic_write(args.output / "partial.json", json.dumps(out, indent=1, ensure_ascii=False))
    except OSError as err:
        raise CliError(f"cannot write {args.output / 'partial.json'}: {err}") from err
    return 0


def run(args: argparse.Namespace) -> int:
    if args.partial:
        return run_partial(args)
    from ..evaluate import peers as peers_mod
    from ..evaluate import report as report_mod
    from ..evaluate import run as run_mod
    from ..evaluate.scorer import ScoringError

    if args.resamples < 0:
        raise CliError("--resamples must be 0 or more")
    if args.batch_size < 1:
        raise CliError("--batch-size must be at least 1")
    gold = _load_gold(args.gold, args.split, getattr(args, "trial_sidecars", ["trials.jsonl"]))
    explicit = bool(args.pred or args.pipeline)
    baselines = args.baselines if args.baselines is not None else not explicit
    common = {"n_resamples": args.resamples, "seed": args.seed}
    results: list[run_mod.SystemResult] = []

    for spec in args.pred:
        name, path = _parse_pred(spec)
        pred = _load_pred(path)
        try:
            results.append(run_mod.evaluate_predictions(name, gold, pred, **common))
        except ScoringError as err:
            raise CliError(f"{path}: {err}") from err
        _note(f"scored {name} ({path})")

    systems, why = run_mod.pipeline_systems()
    wanted = list(dict.fromkeys(args.pipeline)) if args.pipeline else ([] if explicit else None)
    if why is not None and wanted != []:
        for name in wanted or ["pipeline"]:
            results.append(run_mod.SystemResult(name, run_mod.PIPELINE, run_mod.NOT_RUN, why))
    else:
        unknown = [n for n in wanted or [] if n not in systems]
        if unknown:
            raise CliError(
                f"unknown pipeline system {', '.join(unknown)}; available: {', '.join(systems) or 'none'}"
            )
        for name in systems if wanted is None else wanted:
            _note(f"running {name} on {len(gold)} documents ...")
            result = run_mod.run_pipeline(name, gold, batch_size=args.batch_size, **common)
            _note(f"  {name}: {result.status}" + (f" ({result.message})" if result.message else ""))
            results.append(result)

    if baselines:
        for name in peers_mod.PEERS:
            _note(f"running peer {name} ...")
            result = run_mod.run_peer(name, gold, **common)
            _note(f"  {name}: {result.status}" + (f" ({result.message})" if result.message else ""))
            results.append(result)

    names = [r.name for r in results]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise CliError(
            f"two systems named {', '.join(clashes)}; name predictions with --pred NAME=PATH"
        )
    meta = {"paths": [str(p) for p in args.gold], "split": args.split}
    report = report_mod.build_report(results, gold, meta, args.resamples, args.seed)
    try:
        paths = report_mod.write_reports(report, args.output)
    except OSError as err:
        raise CliError(f"cannot write reports to {args.output}: {err}") from err
    if args.format == "json":
        sys.stdout.write(report_mod.to_json(report))
    elif args.format == "markdown":
        sys.stdout.write(report_mod.render_markdown(report))
    elif args.format == "html":
        sys.stdout.write(report_mod.render_html(report))
    else:
        sys.stdout.write(report_mod.render_table(report, paths))
    return 0
