"""Choose, on the DEV split, how the full pipeline combines each label of the model with the rules.

``celltx_ner_candidates`` combines the model's entities with the rule candidates per label
(:class:`celltx.components.ner.NerCandidates`); ``celltx_merge`` then resolves the candidates.
For every label this module compares, on dev documents:

* ``rules``: the rule pipeline alone (the model contributes nothing for the label);
* ``union``: the model's entities of that label are added as candidates;
* ``gaps``: rules first; a model entity is added only when it overlaps no rule candidate;
* ``model_only``: the model's entities replace the rule candidates of the label;
* ``confirm``: a rule candidate is kept only when a model entity of the label overlaps it;
* ``confirm_gaps``: ``confirm`` plus gap filling.

Each label is tried alone (the model contributes only that label), so the effect measured is
the label's own. A label is taken from the model when a mode beats ``rules`` on the label's
strict F1 (ties: lenient F1, then the simpler option, in the order above), the micro strict
F1 over all labels does not fall below rules-only (suppression across labels can hurt others),
and the mode gains at least :data:`MIN_NET_GAIN` net correct spans of the label over the rules
(true positives minus false positives, strict): a mode that adds one right and one wrong span
raises F1 by arithmetic alone and would make ``full`` run the model for nothing.
The chosen combination is then scored as a whole, next to rules-only, NER-only and
all-labels union/gaps, and everything goes into ``celltx_policy.json`` next to the model.

Scores come from :mod:`celltx.evaluate.scorer` (strict/lenient span P/R/F1 per label).
"""

# no `from __future__ import annotations`: spaCy reads the factory signature at run time

import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from .. import schema
from ..components.ner import COMBINATIONS, GAPS, REPLACE, UNION
from .train import DEV, POLICY_FILE, TEST, TrainError

RULES = "rules"
#: A mode must gain at least this many (strict true positives - false positives) of the label.
MIN_NET_GAIN = 1
MODEL = REPLACE
#: Options compared per label, simplest first (ties keep the earlier one).
MODES = (RULES, *COMBINATIONS)
#: Component name used by celltx.components.ner.add_trained_ner for the candidates copier.
CANDIDATES_PIPE = "celltx_ner"
EVAL_FACTORY = "celltx_train_ner_candidates"
EVAL_PIPE = "celltx_ner_policy"


@Language.factory(
    EVAL_FACTORY,
    default_config={"union": None, "gaps": None, "replace": None, "confirm": None, "confirm_gaps": None},
)
def make_policy_candidates(
    nlp: Language,
    name: str,
    union: list[str] | None,
    gaps: list[str] | None,
    replace: list[str] | None,
    confirm: list[str] | None,
    confirm_gaps: list[str] | None,
):
    """``celltx_ner_candidates`` whose label sets the comparison changes between runs."""
    from ..components.ner import NerCandidates

    return NerCandidates(
        nlp, name, None, union or [], gaps or [], replace or [], confirm or [], confirm_gaps or []
    )


def build_system(system: str, model_path: Path | None = None) -> Language:
    """A fresh (uncached) pipeline; ``full`` gets the policy-comparison candidates copier."""
    from .. import pipeline

    build = pipeline.build
    if system == RULES:
        return build("rules")
    if model_path is None:
        raise TrainError("a model path is needed for the ner/full systems")
    if system == "full":
        from ..components.ner import add_trained_ner

        # rules + model exactly as pipeline.load("full") assembles them; the comparison copier
        # goes just before celltx_ner and empties doc.ents, so celltx_ner then copies nothing
        # (remove/replace_pipe are avoided: they read nlp.meta, which fails on components
        # whose ``labels`` is None)
        nlp = build("rules")
        add_trained_ner(nlp, Path(model_path))
        nlp.add_pipe(
            EVAL_FACTORY,
            name=EVAL_PIPE,
            before=CANDIDATES_PIPE,
            config={"union": [], "gaps": [], "replace": [], "confirm": [], "confirm_gaps": []},
        )
        return nlp
    return build(system, model_path)


def predict(nlp: Language, records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    from ..extensions import doc_to_record

    out = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        pred = doc_to_record(doc, record.get("id"))
        pred["id"] = record.get("id")
        out.append(pred)
    return out


def score_table(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """{mode: {label|"micro": {"p","r","f1","tp","fp","fn"}}} for strict and lenient matching."""
    from ..evaluate import scorer

    scores = scorer.score(gold, pred)
    table: dict[str, Any] = {}
    for mode in (scorer.STRICT, scorer.LENIENT):
        block = {}
        for label in schema.LABELS:
            block[label] = _prf(scores.spans[mode][label])
        block["micro"] = _prf(scores.micro(mode))
        block[schema.VALUE_OF] = _prf(scores.relations)  # strict ends either way
        table[mode] = block
    return table


def _prf(c: Any) -> dict[str, Any]:
    return {
        "p": round(c.precision, 4),
        "r": round(c.recall, 4),
        "f1": round(c.f1, 4),
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
    }


def _net(table: Mapping[str, Any], label: str) -> int:
    """Strict true positives minus false positives of ``label``."""
    counts = table["strict"][label]
    return int(counts["tp"]) - int(counts["fp"])


def _key(table: Mapping[str, Any], label: str) -> tuple[float, float]:
    return (table["strict"][label]["f1"], table["lenient"][label]["f1"])


def choose_policy(
    dev_records: Sequence[Mapping[str, Any]],
    model_path: str | os.PathLike[str],
    log: IO[str] | None = None,
    labels: Sequence[str] = schema.LABELS,
    label_models: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Compare the systems on ``dev_records`` and return the policy (see module docs).

    ``label_models`` ({label: sub-folder of ``model_path``}, e.g. the dedicated CELL_TYPE
    model): for those labels every combination is also scored with the dedicated model
    instead of the main one (``mode@sub-folder``); the better option wins as above (ties: the
    main model)."""
    log = log if log is not None else sys.stderr
    if any(r.get("split") == TEST for r in dev_records):
        raise TrainError("the combination policy must not be chosen on test-split documents")
    if not dev_records:
        raise TrainError("no dev documents to choose the combination policy on")
    model_path = Path(model_path)
    gold = list(dev_records)

    def note(msg: str) -> None:
        log.write(f"celltx train: policy: {msg}\n")
        log.flush()

    tables: dict[str, Any] = {}
    note(f"scoring rules on {len(gold)} dev docs")
    tables["rules"] = score_table(gold, predict(build_system(RULES), gold))
    note("scoring ner")
    tables["ner"] = score_table(gold, predict(build_system("ner", model_path), gold))
    full = build_system("full", model_path)
    pipe = full.get_pipe(EVAL_PIPE)

    def run_full(name: str, modes: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        note(f"scoring {name}")
        pipe.set_modes({m: list(v) for m, v in modes.items()})
        tables[name] = score_table(gold, predict(full, gold))
        return tables[name]

    run_full("full:union:all", {UNION: list(labels)})
    run_full("full:gaps:all", {GAPS: list(labels)})
    alternatives: dict[str, tuple[Language, Any]] = {}  # sub-folder -> (full system, its pipe)
    for sub in sorted(set((label_models or {}).values())):
        if not (model_path / sub / "meta.json").is_file():
            raise TrainError(f"{model_path / sub}: no dedicated model there")
        alt = build_system("full", model_path / sub)
        alternatives[sub] = (alt, alt.get_pipe(EVAL_PIPE))

    def run_alt(name: str, sub: str, modes: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        note(f"scoring {name}")
        alt, alt_pipe = alternatives[sub]
        alt_pipe.set_modes({m: list(v) for m, v in modes.items()})
        tables[name] = score_table(gold, predict(alt, gold))
        return tables[name]

    decisions: dict[str, Any] = {}
    rules_micro = tables["rules"]["strict"]["micro"]["f1"]
    for label in labels:
        options = {RULES: tables["rules"]}
        for mode in COMBINATIONS:
            options[mode] = run_full(f"full:{mode}:{label}", {mode: [label]})
        sub = (label_models or {}).get(label)
        if sub is not None:
            for mode in COMBINATIONS:
                options[f"{mode}@{sub}"] = run_alt(f"full:{mode}:{label}@{sub}", sub, {mode: [label]})
        best = RULES
        for option, t in options.items():
            if (
                _key(t, label) > _key(options[best], label)
                and t["strict"]["micro"]["f1"] >= rules_micro
                and _net(t, label) - _net(options[RULES], label) >= MIN_NET_GAIN
            ):
                best = option
        mode, _, model = best.partition("@")
        decisions[label] = {
            "mode": mode,
            "model": model or None,
            **{
                m: {
                    "strict_f1": t["strict"][label]["f1"],
                    "lenient_f1": t["lenient"][label]["f1"],
                    "micro_strict_f1": t["strict"]["micro"]["f1"],
                }
                for m, t in options.items()
            },
        }
    chosen_modes = {
        mode: [label for label in labels if decisions[label]["mode"] == mode] for mode in COMBINATIONS
    }
    chosen_models = {
        label: decisions[label]["model"] for label in labels if decisions[label]["model"]
    }
    # the chosen combination as celltx.load("full") will assemble it (for a confirm-only policy
    # the model runs only on the sentences with a rule candidate of those labels)
    from .. import pipeline
    from ..components.ner import add_trained_ner

    if chosen_models:
        note("scoring full:chosen (whole documents)")
        whole = pipeline.build("rules")
        add_trained_ner(whole, model_path, modes=chosen_modes, label_models=chosen_models)
        whole.get_pipe("celltx_ner_model").sentences_with = None
        tables["full:chosen (whole documents)"] = score_table(gold, predict(whole, gold))
    else:
        run_full("full:chosen (whole documents)", chosen_modes)
    if any(chosen_modes.values()):
        note("scoring full:chosen (as assembled by celltx.load)")
        assembled = pipeline.build("rules")
        add_trained_ner(assembled, model_path, modes=chosen_modes, label_models=chosen_models)
        tables["full:chosen"] = score_table(gold, predict(assembled, gold))
    else:
        tables["full:chosen"] = tables["rules"]
    chosen = tables["full:chosen"]
    from ..components.ner import LABEL_MODELS

    return {
        "labels": [label for mode in COMBINATIONS for label in chosen_modes[mode]],
        **chosen_modes,
        LABEL_MODELS: chosen_models,
        "chosen_on": DEV,
        "n_dev_docs": len(gold),
        "dev_ids": [r.get("id") for r in gold],
        "criterion": "per label: strict F1 of that label (ties: lenient F1, then the earlier of "
        + " > ".join(MODES)
        + ", the main model before a dedicated one) "
        "with only that label taken from the model; never if micro strict F1 falls below rules-only "
        f"or the label gains fewer than {MIN_NET_GAIN} net correct span(s) (tp - fp) over rules",
        "model": _model_stamp(model_path),
        "decisions": decisions,
        "summary": {
            name: {
                "strict_micro_f1": t["strict"]["micro"]["f1"],
                "lenient_micro_f1": t["lenient"]["micro"]["f1"],
            }
            for name, t in tables.items()
        },
        "chosen_micro": {
            "strict": chosen["strict"]["micro"],
            "lenient": chosen["lenient"]["micro"],
        },
        "table": tables,
    }


def _model_stamp(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    info = meta.get("celltx", {})
    return {
        "version": meta.get("version"),
        "seed": info.get("seed"),
        "train_fingerprint": info.get("train_fingerprint"),
        "dev_fingerprint": info.get("dev_fingerprint"),
    }


def write_policy(policy: Mapping[str, Any], model_path: str | os.PathLike[str]) -> Path:
    path = Path(model_path) / POLICY_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(policy, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def read_policy(model_path: str | os.PathLike[str]) -> dict[str, Any] | None:
    path = Path(model_path) / POLICY_FILE
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def format_table(policy: Mapping[str, Any], systems: Sequence[str] | None = None) -> str:
    """Per-label strict / lenient F1 of the main systems, as a plain-text table."""
    tables = policy["table"]
    systems = list(
        systems
        or [
            s
            for s in ("rules", "ner", "full:union:all", "full:gaps:all", "full:chosen")
            if s in tables
        ]
    )
    width = max(len(s) for s in systems)
    head = f"{'label':<11}" + "".join(f"  {s:>{max(width, 11)}}" for s in systems) + "  chosen"
    lines = [head, "-" * len(head)]
    rows = [*schema.LABELS, "micro"]
    for label in rows:
        cells = []
        for s in systems:
            t = tables[s]
            cells.append(f"{t['strict'][label]['f1']:.2f} / {t['lenient'][label]['f1']:.2f}")
        mode = policy["decisions"].get(label, {}).get("mode", "") if label != "micro" else ""
        lines.append(
            f"{label:<11}" + "".join(f"  {c:>{max(width, 11)}}" for c in cells) + f"  {mode}"
        )
    lines.append("(strict F1 / lenient F1 on the dev split)")
    return "\n".join(lines)
