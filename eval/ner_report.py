#!/usr/bin/env python
"""Tables for eval/RESULTS.md, "Trained NER on real text" (dev and devel data only).

    python eval/ner_report.py --model build/ner-model            # both tables, Markdown
    python eval/ner_report.py --model build/ner-model --skip-cell-ner
    python eval/ner_report.py --model build/ner-model/cell_type --systems model gaps:CELL_TYPE
                                                      # the dedicated CELL_TYPE model (round 5)

1. The real dev split: per label strict / lenient F1 of rules only, the model alone and the
   combination chosen on dev (from the model's ``celltx_policy.json``, which ``celltx train``
   computed on the same dev documents), plus the union of every label.
2. The devel parts of the cell-type corpora (../shared/corpora/cell-ner): CELL_TYPE lenient F1
   of the model alone, the rules and the full pipeline, against the gold mapped to our
   convention and against the corpus's own (see celltx/train/cellner.py). The sealed test
   split of corpora/real is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from celltx import schema
from celltx.train import cellner
from celltx.train.train import POLICY_FILE

SYSTEMS = (("rules", "rules"), ("ner", "model alone"), ("full:chosen", "full (chosen)"))


def real_dev_table(model: Path) -> str:
    policy = json.loads((model / POLICY_FILE).read_text(encoding="utf-8"))
    tables = policy["table"]
    head = "| label | " + " | ".join(f"{name} strict / lenient" for _, name in SYSTEMS)
    head += " | union of every label | combination chosen |"
    lines = [head, "|---" * (len(SYSTEMS) + 3) + "|"]
    for label in [*schema.LABELS, "micro"]:
        cells = []
        for key, _ in (*SYSTEMS, ("full:union:all", "")):
            t = tables[key]
            cells.append(f"{t['strict'][label]['f1']:.3f} / {t['lenient'][label]['f1']:.3f}")
        mode = policy["decisions"].get(label, {}).get("mode", "") if label != "micro" else ""
        name = f"**{label}**" if label == "micro" else label
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {mode} |")
    gold = tables["rules"]["strict"]
    n = {label: gold[label]["tp"] + gold[label]["fn"] for label in schema.LABELS}
    lines.append("")
    lines.append(
        f"{policy['n_dev_docs']} dev documents; gold spans per label: "
        + ", ".join(f"{k} {v}" for k, v in n.items())
    )
    return "\n".join(lines)


def _pipeline_cells(system: str, model: Path, texts: list[str]) -> list[list[tuple[int, int]]]:
    from celltx import pipeline
    from celltx.extensions import doc_to_record

    if system.startswith("gaps:"):  # rules + the model filling gaps for the given labels
        from celltx.components.ner import add_trained_ner

        nlp = pipeline.build("rules")
        add_trained_ner(nlp, model, modes={"gaps": system[5:].split(",")})
    elif system == "rules":
        nlp = pipeline.load("rules")
    else:
        nlp = pipeline.load(system, model=model)
    out = []
    for doc in nlp.pipe(texts, batch_size=32):
        spans = doc_to_record(doc, None)["spans"]
        out.append([(s["start"], s["end"]) for s in spans if s["label"] == schema.CELL_TYPE])
    return out


def _model_cells(model: Path, texts: list[str]) -> list[list[tuple[int, int]]]:
    import spacy

    nlp = spacy.load(model)
    return [
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ == schema.CELL_TYPE]
        for doc in nlp.pipe(texts, batch_size=32)
    ]


def cell_ner_table(model: Path, folder: Path, systems: list[str]) -> str:
    lines = [
        "| corpus (devel) | mentions (mapped / original) | "
        + " | ".join(f"{s} lenient F1 mapped / original" for s in systems)
        + " |",
        "|---|---|" + "---|" * len(systems),
    ]
    for corpus, trained in (
        ("bionlp13cg", "train part"),
        ("jnlpba", "no JNLPBA train file: trained on the others"),
        ("craft", "train part"),
    ):
        path = cellner.corpus_file(folder, corpus, "devel")
        if not path.is_file():
            continue
        docs = cellner.load_part(folder, corpus, "devel")
        texts = [d.text for d in docs]
        cells = []
        for system in systems:
            preds = _model_cells(model, texts) if system == "model" else _pipeline_cells(system, model, texts)
            m = cellner.score_cells(docs, preds, "lenient", "mapped")
            o = cellner.score_cells(docs, preds, "lenient", "original")
            cells.append(f"{m.f1:.3f} / {o.f1:.3f} (P {m.precision:.2f} R {m.recall:.2f})")
        n_m = sum(len(d.gold("mapped")) for d in docs)
        n_o = sum(len(d.gold("original")) for d in docs)
        lines.append(f"| {corpus} ({trained}) | {n_m} / {n_o} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True, help="a model folder built by celltx train")
    parser.add_argument("--cell-ner", type=Path, default=None, help="the cell-ner folder (default: found)")
    parser.add_argument("--skip-cell-ner", action="store_true")
    parser.add_argument(
        "--systems",
        nargs="+",
        default=["model", "rules", "full"],
        help="model, rules, full, or gaps:LABEL[,LABEL] (rules + the model filling gaps)",
    )
    args = parser.parse_args(argv)
    if not (args.model / "meta.json").is_file():
        print(f"{args.model}: no model", file=sys.stderr)
        return 2
    if (args.model / POLICY_FILE).is_file():
        print("### Real dev split (strict / lenient F1)\n")
        print(real_dev_table(args.model))
        print()
    if not args.skip_cell_ner:
        folder = cellner.find_cell_ner_dir(args.cell_ner)
        if folder is None:
            print("cell-ner corpora not found: skipped", file=sys.stderr)
        else:
            print("### Cell-type corpora, devel parts (CELL_TYPE)\n")
            print(cell_ner_table(args.model, folder, args.systems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
