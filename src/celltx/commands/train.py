"""``celltx train``: train the statistical NER on the gold train split and ship it in the package."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..cli import CliError, add_command, corpus_errors

DESCRIPTION = """\
Train the statistical NER (a spaCy `ner` with its own tok2vec and the celltx tokenizer) and
write it with nlp.to_disk to --out (default: build/ner-model in the current folder; never the
package's model, never a folder holding git-tracked files).

Training data: the "train" documents of --gold (default: corpora/real, the real-abstract gold,
and corpora/dev, the self-written development corpus), plus the cell-type corpora in
../shared/corpora/cell-ner (--cell-ner DIR; skipped with a message when absent), mapped to
CELL_TYPE as celltx/train/cellner.py describes, with the rule pipeline's spans as silver
labels for the other labels, plus --silver N unannotated RCT abstracts from
../shared/corpora/real-abstracts labelled by the rules (every abstract drawn into corpora/real
is left out: the sealed test ones by their corpus ids in corpora/real/draw.json). Gold train
documents are repeated --gold-repeat times. The best checkpoint is kept on the "dev" documents
of --dev-gold (default: corpora/real). "test" documents are never used for training or selection.

Spans of different labels that overlap (a CELL_TYPE inside a DOSE) cannot all be NER
entities: the longest span is kept and the spans overlapping it are dropped (counted per label).

After training, the combination with the rules is chosen per label on the same dev documents:
rules only, union, the model filling gaps the rules leave, the model alone, or the rules'
candidates kept only where the model agrees (confirm, confirm_gaps); the result is written to celltx_policy.json in the model folder (skip with --no-policy; redo
for an existing model with --policy-only). celltx.load(model=DIR) uses the model from there.

Before training, the ner's own tok2vec is pretrained (--pretrain-epochs, default 8; spaCy's
characters objective) on the unannotated RCT abstracts (every abstract drawn into corpora/real
left out), the cell-type corpora's train texts and the gold train texts; the weights are
written next to the model (DIR.tok2vec.bin) and can be reused with --init-tok2vec FILE.
A second model dedicated to CELL_TYPE (same architecture, one label; the cell-type corpora's
train parts and the gold's CELL_TYPE spans) is trained into DIR/cell_type (--no-cell-model
skips it); the policy compares it with the main model for CELL_TYPE. --lab-model trains one
dedicated to LAB_TEST the same way (the gold LAB_TEST spans, optionally --lab-silver N rule
abstracts) into DIR/lab_test, compared for LAB_TEST (opt-in: it gained nothing on real dev).

Shipping is a separate, explicit step: --ship DIR copies a built model (with its policy) into
the package (celltx/models/ner), where celltx.load() finds it by default; a dedicated model
the policy does not use is left out.

Same data + same --seed + same config -> the same model.

examples:
  celltx train -o build/ner-model                # real + own gold + cell-ner -> build/ner-model
  celltx train -o /tmp/ner --init-tok2vec build/ner-model.tok2vec.bin   # reuse pretrained weights
  celltx train -o /tmp/ner --no-cell-ner --silver 0 --max-steps 600   # gold only
  celltx train -o /tmp/ner --policy-only         # re-choose the policy of a built model
  celltx train --ship build/ner-model            # copy it into the package
"""

DEFAULT_OUT = Path("build") / "ner-model"
#: Gold train documents are repeated this often when the (much larger) cell-ner corpora are added.
DEFAULT_GOLD_REPEAT = 3
#: Unannotated abstracts labelled by the rules (silver) added to the training data.
DEFAULT_SILVER = 600
#: Pretraining epochs of the ner's tok2vec (0 = no pretraining).
DEFAULT_PRETRAIN_EPOCHS = 8
#: Training steps of the dedicated CELL_TYPE model.
DEFAULT_CELL_STEPS = 2000
#: Training steps of the dedicated LAB_TEST model.
DEFAULT_LAB_STEPS = 2000
#: A model shipped inside the package must stay below this size.
SHIP_MAX_BYTES = 15 * 1024 * 1024


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = add_command(
        subparsers,
        "train",
        run,
        help="train the statistical NER on the gold train split",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "--gold",
        nargs="+",
        default=["corpora/real", "corpora/dev"],
        metavar="PATH",
        help="gold JSONL files or folders whose train documents are trained on (searched for "
        "*.jsonl, drafts/ skipped; default: corpora/real corpora/dev)",
    )
    parser.add_argument(
        "--dev-gold",
        nargs="+",
        default=None,
        metavar="PATH",
        help="gold whose dev documents select the checkpoint and the policy "
        "(default: corpora/real when --gold is the default, else --gold)",
    )
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"model folder to write (default: {DEFAULT_OUT}; not inside the package)",
    )
    parser.add_argument(
        "--cell-ner",
        type=Path,
        default=None,
        metavar="DIR",
        help="the cell-type IOB corpora (default: ../shared/corpora/cell-ner, found upwards)",
    )
    parser.add_argument(
        "--no-cell-ner", action="store_true", help="train on the gold documents only"
    )
    parser.add_argument(
        "--silver",
        type=int,
        default=DEFAULT_SILVER,
        metavar="N",
        help=f"add N unannotated RCT abstracts from ../shared/corpora/real-abstracts labelled by "
        f"the rules (default: {DEFAULT_SILVER}; 0 = none; abstracts drawn into corpora/real, "
        "the sealed test ones above all, are never used)",
    )
    parser.add_argument(
        "--gold-repeat",
        type=int,
        default=None,
        metavar="N",
        help=f"repeat each gold train document N times (default: {DEFAULT_GOLD_REPEAT} with "
        "the cell-ner corpora, 1 without)",
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
        "--pretrain-epochs",
        type=int,
        default=DEFAULT_PRETRAIN_EPOCHS,
        metavar="N",
        help=f"pretrain the tok2vec for N epochs before training (default: "
        f"{DEFAULT_PRETRAIN_EPOCHS}; 0 = no pretraining)",
    )
    parser.add_argument(
        "--init-tok2vec",
        type=Path,
        default=None,
        metavar="FILE",
        help="start from these pretrained tok2vec weights (a DIR.tok2vec.bin written by an "
        "earlier run) instead of pretraining",
    )
    parser.add_argument(
        "--rule-features",
        action="store_true",
        help="the model reads the rule candidates as input features (celltx.CandidateTok2Vec.v1: "
        "for each token, which labels' candidates begin or continue there); the train and dev "
        "documents get the candidates of the rule steps before the model. No tok2vec "
        "pretraining (its weights have another shape)",
    )
    parser.add_argument(
        "--no-cell-model",
        action="store_true",
        help="do not train the dedicated CELL_TYPE model (DIR/cell_type)",
    )
    parser.add_argument(
        "--cell-steps",
        type=int,
        default=DEFAULT_CELL_STEPS,
        metavar="N",
        help=f"training steps of the dedicated CELL_TYPE model (default: {DEFAULT_CELL_STEPS})",
    )
    parser.add_argument(
        "--lab-model",
        action="store_true",
        help="also train a model dedicated to LAB_TEST (DIR/lab_test), which the policy then "
        "compares with the main model for LAB_TEST (not built by default: in round 6 no mode "
        "with it gained a net correct span on real dev or held-out train, eval/RESULTS.md)",
    )
    parser.add_argument(
        "--lab-steps",
        type=int,
        default=DEFAULT_LAB_STEPS,
        metavar="N",
        help=f"training steps of the dedicated LAB_TEST model (default: {DEFAULT_LAB_STEPS})",
    )
    parser.add_argument(
        "--lab-silver",
        type=int,
        default=0,
        metavar="N",
        help="add N unannotated abstracts with the rules' LAB_TEST spans to the LAB_TEST "
        "model's data (default: 0)",
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
        "--ship",
        type=Path,
        default=None,
        metavar="MODEL_DIR",
        help="do not train: copy the model built in MODEL_DIR into the package (models/ner)",
    )
    policy.add_argument(
        "--policy-only",
        action="store_true",
        help="do not train: choose the combination policy for the model already in --out",
    )
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
    if args.gold_repeat is not None and args.gold_repeat < 1:
        raise CliError("--gold-repeat must be at least 1")
    if args.silver < 0:
        raise CliError("--silver must be 0 or more")
    if args.pretrain_epochs < 0:
        raise CliError("--pretrain-epochs must be 0 or more")
    if args.cell_steps < 1:
        raise CliError("--cell-steps must be at least 1")
    if args.lab_steps < 1:
        raise CliError("--lab-steps must be at least 1")
    if args.lab_silver < 0:
        raise CliError("--lab-silver must be 0 or more")
    if args.init_tok2vec is not None and not args.init_tok2vec.is_file():
        raise CliError(f"{args.init_tok2vec}: no such file")


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _tracked_files(path: Path) -> list[str]:
    """Git-tracked files inside ``path`` (empty when git or a repository is not there)."""
    import subprocess

    probe = path if path.is_dir() else path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        done = subprocess.run(
            ["git", "-C", str(probe), "ls-files", "--", str(path.resolve())],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return done.stdout.split() if done.returncode == 0 else []


def check_out_dir(out: Path) -> None:
    """Refuse an output folder inside the installed package or holding git-tracked files."""
    from ..resources import models_dir

    package = models_dir().parent
    if _inside(out, package):
        raise CliError(
            f"{out}: inside the installed package; train into a folder elsewhere "
            f"(e.g. {DEFAULT_OUT}) and ship it with `celltx train --ship DIR`"
        )
    tracked = _tracked_files(out)
    if tracked:
        raise CliError(f"{out}: holds git-tracked files ({tracked[0]} ...); choose another --out")


def _read_splits(paths: list[str], unsplit_as_train: bool):
    from ..corpus.jsonl import iter_corpus
    from ..train.train import TrainError, split_records

    with corpus_errors("gold"):
        try:
            return split_records(iter_corpus(paths), unsplit_as_train=unsplit_as_train)
        except TrainError as err:
            raise CliError(str(err)) from err


def _load_splits(args: argparse.Namespace):
    splits = _read_splits(args.gold, args.unsplit_as_train)
    dev_gold = args.dev_gold
    if dev_gold is None and args.gold == ["corpora/real", "corpora/dev"]:
        dev_gold = ["corpora/real"]
    if dev_gold is not None and dev_gold != args.gold:
        splits.dev = _read_splits(dev_gold, False).dev
    parts = [
        f"{len(splits.train)} train",
        f"{len(splits.dev)} dev{' (from ' + ' '.join(dev_gold) + ')' if dev_gold else ''}",
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


def _draw_file(gold: list[str]) -> Path:
    """corpora/real/draw.json (the record of the real gold's draw and splits) next to --gold."""
    for item in gold:
        for candidate in (Path(item) / "draw.json", Path(item) / "real" / "draw.json"):
            if candidate.is_file():
                return candidate
    return Path("corpora/real/draw.json")


def _policy(dev: list[dict[str, Any]], out: Path) -> dict[str, Any] | None:
    from ..train.policy import choose_policy, format_table, write_policy
    from ..train.train import TrainError

    if not dev:
        _note("no dev documents: combination policy not chosen (celltx_policy.json not written)")
        return None
    from ..train.dedicated import SUBDIRS

    label_models = {
        label: sub for label, sub in SUBDIRS.items() if (out / sub / "meta.json").is_file()
    } or None
    try:
        policy = choose_policy(dev, out, label_models=label_models)
    except TrainError as err:
        raise CliError(str(err)) from err
    path = write_policy(policy, out)
    print(format_table(policy))
    from ..components.ner import COMBINATIONS

    modes = ", ".join(f"{m} {policy.get(m, [])}" for m in COMBINATIONS)
    print(f"policy: labels from the model {policy['labels']} ({modes}) -> {path}")
    return policy


def ship(model: Path) -> int:
    """Copy a built model (and its policy) into the package's models/ner."""
    import shutil
    import tempfile

    from ..resources import models_dir
    from ..train.train import POLICY_FILE, dir_size

    if not (model / "meta.json").is_file():
        raise CliError(f"{model}: no trained model (meta.json missing)")
    target = models_dir() / "ner"
    if model.resolve() == target.resolve():
        raise CliError(f"{model}: is already the shipped model")
    size = dir_size(model)
    if size > SHIP_MAX_BYTES:
        raise CliError(
            f"{model}: {size / 1e6:.1f} MB, above the {SHIP_MAX_BYTES / 1e6:.0f} MB a shipped model may have"
        )
    if not (model / POLICY_FILE).is_file():
        _note(f"warning: {model} has no {POLICY_FILE}: full will take every label from the model")
    from ..components.ner import policy_label_models

    used = set(policy_label_models(model).values())
    unused = [
        p.name for p in model.iterdir() if p.is_dir() and (p / "meta.json").is_file() and p.name not in used
    ]
    size -= sum(dir_size(model / name) for name in unused)
    tmp = Path(tempfile.mkdtemp(prefix=".ner.", dir=target.parent))
    try:
        shutil.copytree(model, tmp / "ner", ignore=lambda folder, names: unused if Path(folder) == model else [])
        if target.exists():
            shutil.rmtree(target)
        (tmp / "ner").rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"shipped {model} -> {target} ({size / 1e6:.1f} MB)")
    return 0


def run(args: argparse.Namespace) -> int:
    from ..train.train import (
        MAX_MODEL_BYTES,
        TrainError,
        build_cell_ner_records,
        build_silver_records,
        dir_size,
        train_ner,
    )

    _check_args(args)
    if args.ship is not None:
        return ship(args.ship)
    out: Path = args.out if args.out is not None else DEFAULT_OUT
    check_out_dir(out)
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
    extra: list[dict[str, Any]] = []
    if not args.no_cell_ner:
        try:
            extra = build_cell_ner_records(args.cell_ner, log=sys.stderr)
        except (OSError, ValueError) as err:
            raise CliError(f"cannot read the cell-ner corpora: {err}") from err
    if args.silver:
        draw = _draw_file(args.gold)
        try:
            extra += build_silver_records(args.silver, draw=draw, seed=args.seed, log=sys.stderr)
        except (OSError, ValueError) as err:
            raise CliError(f"cannot build the silver data: {err}") from err
    init_tok2vec = args.init_tok2vec
    if args.rule_features and (init_tok2vec is not None or args.pretrain_epochs):
        _note("--rule-features: no tok2vec pretraining (the pretrained weights have another shape)")
        init_tok2vec = None
    elif init_tok2vec is None and args.pretrain_epochs:
        from ..train.pretrain import pretrain_texts, pretrain_tok2vec

        try:
            texts = pretrain_texts(
                draw=_draw_file(args.gold),
                cell_ner=args.cell_ner,
                use_cell_ner=not args.no_cell_ner,
                gold_train=splits.train,
                log=sys.stderr,
            )
            init_tok2vec = pretrain_tok2vec(
                texts,
                out.parent / f"{out.name}.tok2vec.bin",
                epochs=args.pretrain_epochs,
                seed=args.seed,
                config_path=args.config,
                log=sys.stderr,
            )
        except (OSError, ValueError) as err:
            raise CliError(f"cannot pretrain the tok2vec: {err}") from err
    repeat = args.gold_repeat or (DEFAULT_GOLD_REPEAT if extra else 1)
    train = [
        dict(r, id=f"{r.get('id')}#{k}" if k else r.get("id")) for k in range(repeat) for r in splits.train
    ]
    try:
        result = train_ner(
            train + extra,
            splits.dev,
            out,
            seed=args.seed,
            max_steps=args.max_steps,
            eval_frequency=args.eval_frequency,
            config_path=args.config,
            init_tok2vec=init_tok2vec,
            rule_features=args.rule_features,
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
    if not args.no_cell_model and not args.no_cell_ner:
        _train_cell_model(args, splits, out, init_tok2vec)
    if args.lab_model:
        _train_lab_model(args, splits, out, init_tok2vec)
    if not args.no_policy:
        _policy(splits.dev, out)
    return 0


def _fit_dedicated(
    label: str, records: list, dev: list, path: Path, steps: int, overrides: Any, args: argparse.Namespace,
    init_tok2vec: Any,
) -> None:
    """Train one dedicated one-label model (checkpoint chosen on ``dev``) and say what it is."""
    from ..train.train import TrainError, train_ner

    try:
        result = train_ner(
            records, dev, path, seed=args.seed, max_steps=steps, config_path=args.config,
            init_tok2vec=init_tok2vec, config_overrides=overrides,
        )
    except (OSError, TrainError) as err:
        raise CliError(f"{label} model: {err}") from err
    f = result.dev_scores.get("ents_f", 0)
    print(
        f"{label} model: {result.path} ({result.size_bytes / 1e6:.1f} MB, {result.seconds:.0f} s), "
        f"best {label} F {f:.3f} on dev"
    )


def _train_lab_model(args: argparse.Namespace, splits: Any, out: Path, init_tok2vec: Any) -> None:
    """The dedicated LAB_TEST model into OUT/lab_test (gold LAB_TEST spans of the train
    documents, optionally rule silver; its checkpoint is chosen on the dev documents' LAB_TEST
    spans)."""
    from ..train import dedicated, labtest

    try:
        records = labtest.training_records(
            splits.train,
            silver=args.lab_silver,
            draw=str(_draw_file(args.gold)),
            seed=args.seed,
            gold_repeat=args.gold_repeat or DEFAULT_GOLD_REPEAT,
            log=sys.stderr,
        )
    except (OSError, ValueError) as err:
        raise CliError(f"LAB_TEST model: {err}") from err
    _fit_dedicated(
        "LAB_TEST", records, dedicated.only_labels(splits.dev, labtest.LABELS), out / labtest.SUBDIR,
        args.lab_steps, labtest.CONFIG_OVERRIDES, args, init_tok2vec,
    )


def _train_cell_model(args: argparse.Namespace, splits: Any, out: Path, init_tok2vec: Any) -> None:
    """The dedicated CELL_TYPE model into OUT/cell_type (skipped without the cell-ner corpora;
    its checkpoint is chosen on the CELL_TYPE spans of the --gold dev documents)."""
    from ..train import celltype

    try:
        records = celltype.training_records(
            splits.train, cell_ner=args.cell_ner, seed=args.seed, log=sys.stderr
        )
    except (OSError, ValueError) as err:
        raise CliError(f"cannot build the CELL_TYPE model's data: {err}") from err
    if not any(r.get("source") == "cell-ner" for r in records):
        _note("CELL_TYPE model: no cell-ner corpora: skipped")
        return
    # checkpoint chosen on the dev documents of --gold (real and own: more cell mentions than
    # the real dev split alone)
    dev = _read_splits(args.gold, args.unsplit_as_train).dev or splits.dev
    _fit_dedicated(
        "CELL_TYPE", records, celltype.only_labels(dev), out / celltype.SUBDIR,
        args.cell_steps, celltype.CONFIG_OVERRIDES, args, init_tok2vec,
    )
