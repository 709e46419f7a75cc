"""Train the statistical NER that ``celltx.load("ner")``/``load("full")`` source into the pipeline.

Data
    Gold records (scheme JSONL, :func:`celltx.corpus.jsonl.iter_corpus`) are split by their
    ``"split"`` field: ``train`` records are trained on, ``dev`` records are the evaluation set
    during training (the best checkpoint on dev is kept). ``test`` records are never read into
    training or model selection. Records without ``"split"`` are skipped unless
    ``unsplit_as_train`` is set (a development aid while the splits are being assigned).

Overlaps
    The scheme lets spans of different labels overlap ("[30–50 million [MSCs]]"), a spaCy
    ``ner`` cannot. :func:`resolve_overlaps` keeps, greedily, the **longest** span (more
    tokens, then more characters) and drops every span that overlaps an already kept one;
    equal lengths keep the earlier span, then the label earlier in
    :data:`celltx.schema.LABELS`. In practice this drops a CELL_TYPE inside a DOSE, a
    TIME_POINT inside a FREQUENCY, and the like; the counts are reported per label.

Tokens
    Docs are made by the project tokenizer (``celltx.Tokenizer.v1``), the one the rule
    pipeline uses. A gold span that does not fall on token boundaries is snapped outward
    (``alignment_mode="expand"``) and counted as ``snapped``.

Other training data
    :func:`build_cell_ner_records` (the cell-type corpora, :mod:`celltx.train.cellner`) and
    :func:`build_silver_records` (rule-labelled abstracts, :mod:`celltx.train.silver`) make
    records of the same shape; ``celltx train`` adds them to the gold train records.

Model
    ``ner.cfg`` (next to this module): one ``ner`` component with its own HashEmbedCNN
    tok2vec (no listener), trained with spaCy's Python API (``init_nlp`` + ``train``) on CPU
    with a fixed seed. The best checkpoint on dev is written with ``nlp.to_disk``; its
    ``config.cfg`` has the temporary corpus paths reset to null and ``meta.json`` carries a
    ``celltx`` block (seed, data counts and fingerprint, dropped overlaps, dev scores, time).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from thinc.api import Config

from .. import schema
from .. import tokenizer as _tokenizer  # noqa: F401  (registers celltx.Tokenizer.v1)
from ..components import candidate_features as _candidate_features  # noqa: F401  (registers it)
from ..components.ner import POLICY_FILE  # the pipeline reads the policy under this name
from . import candidates as _candidates  # noqa: F401  (registers celltx.CandidateCorpus.v1)

TRAIN, DEV, TEST = "train", "dev", "test"
SPLITS = (TRAIN, DEV, TEST)
CONFIG_RESOURCE = "ner.cfg"
#: A config naming this architecture trains a model that reads the rule candidates
#: (:mod:`celltx.components.candidate_features`); its documents then get them.
CANDIDATE_ARCHITECTURE = "celltx.CandidateTok2Vec.v1"
#: Share of training documents whose candidate features are hidden (so that the model also
#: learns to find mentions the rules do not propose).
RULE_FEATURE_DROPOUT = 0.1
#: Size above which the written model is reported as too large.
MAX_MODEL_BYTES = 30 * 1024 * 1024
#: Files written by ``nlp.to_disk`` that a model directory may contain; anything else in an
#: existing output directory (except the policy file) makes :func:`write_model` refuse.
MODEL_ENTRIES = frozenset(
    {"config.cfg", "meta.json", "tokenizer", "vocab", "ner", "cell_type", "lab_test"}
)


class TrainError(ValueError):
    """Training cannot start or finish (no data, bad config, unusable output folder)."""


@spacy.registry.callbacks("celltx.add_ner_labels.v1")
def make_add_ner_labels(labels: list[str] | None = None):
    """``[initialize.before_init]``: give every ``ner`` all scheme labels, seen in data or not."""
    wanted = list(labels or schema.LABELS)

    def add_labels(nlp: Language) -> Language:
        for _name, pipe in nlp.pipeline:
            if (
                getattr(pipe, "add_label", None) is not None
                and pipe.__class__.__name__ == "EntityRecognizer"
            ):
                for label in wanted:
                    pipe.add_label(label)
        return nlp

    return add_labels


# --------------------------------------------------------------------------- data


@dataclass
class Splits:
    train: list[dict[str, Any]] = field(default_factory=list)
    dev: list[dict[str, Any]] = field(default_factory=list)
    n_test: int = 0
    n_unsplit: int = 0
    unknown: Counter = field(default_factory=Counter)


def split_records(records: Iterable[Mapping[str, Any]], unsplit_as_train: bool = False) -> Splits:
    """Sort records into train/dev; count (and drop) test, unsplit and unknown-split records."""
    out = Splits()
    seen: set[str] = set()
    for record in records:
        split = record.get("split")
        if split == TEST:
            out.n_test += 1
            continue
        if split is None:
            out.n_unsplit += 1
            if not unsplit_as_train:
                continue
            split = TRAIN
        if split not in (TRAIN, DEV):
            out.unknown[str(split)] += 1
            continue
        doc_id = record.get("id")
        if doc_id is not None:
            if doc_id in seen:
                raise TrainError(f"document id {doc_id!r} occurs twice in the train/dev data")
            seen.add(doc_id)
        (out.train if split == TRAIN else out.dev).append(dict(record))
    return out


def resolve_overlaps(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Non-overlapping spans for a ``ner``: (kept in reading order, dropped).

    Greedy, longest first: more tokens, then more characters, then the earlier start, then the
    label earlier in :data:`schema.LABELS`. A span overlapping any kept span is dropped.
    """
    order = {label: i for i, label in enumerate(schema.LABELS)}
    ranked = sorted(
        spans,
        key=lambda s: (
            -(s.end - s.start),
            -(s.end_char - s.start_char),
            s.start,
            order.get(s.label_, len(order)),
        ),
    )
    kept: list[Span] = []
    dropped: list[Span] = []
    taken: set[int] = set()
    for span in ranked:
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            dropped.append(span)
            continue
        kept.append(span)
        taken |= tokens
    kept.sort(key=lambda s: s.start)
    return kept, dropped


@dataclass
class ConversionStats:
    docs: int = 0
    spans: int = 0
    kept: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    snapped: int = 0
    unknown_label: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "spans": self.spans,
            "kept": dict(sorted(self.kept.items())),
            "dropped_overlap": dict(sorted(self.dropped.items())),
            "n_dropped_overlap": sum(self.dropped.values()),
            "snapped": self.snapped,
            "unknown_label": self.unknown_label,
        }


def make_tokenizer_nlp() -> Language:
    """A blank English ``Language`` with the project tokenizer (for ``make_doc``)."""
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "celltx.Tokenizer.v1"}}})


def records_to_docs(
    nlp: Language, records: Iterable[Mapping[str, Any]], stats: ConversionStats | None = None
) -> list[Doc]:
    """Gold records -> ``Doc``s with ``doc.ents`` set (overlaps resolved, see module docs)."""
    stats = stats if stats is not None else ConversionStats()
    docs = []
    for record in records:
        doc = nlp.make_doc(record["text"])
        spans = []
        for item in record.get("spans", []):
            stats.spans += 1
            if item.get("label") not in schema.LABELS:
                stats.unknown_label += 1
                continue
            span = doc.char_span(item["start"], item["end"], label=item["label"])
            if span is None:
                span = doc.char_span(
                    item["start"], item["end"], label=item["label"], alignment_mode="expand"
                )
                if span is None:
                    stats.unknown_label += 1
                    continue
                stats.snapped += 1
            spans.append(span)
        kept, dropped = resolve_overlaps(spans)
        stats.kept.update(s.label_ for s in kept)
        stats.dropped.update(s.label_ for s in dropped)
        doc.set_ents(kept, default="outside")
        stats.docs += 1
        docs.append(doc)
    return docs


def fingerprint(records: Iterable[Mapping[str, Any]]) -> str:
    """A short hash of the records' ids, texts and spans (what the model was trained on)."""
    digest = hashlib.sha256()
    for record in records:
        spans = sorted((s["start"], s["end"], s["label"]) for s in record.get("spans", []))
        digest.update(
            json.dumps([record.get("id"), record["text"], spans], ensure_ascii=False).encode(
                "utf-8"
            )
        )
    return digest.hexdigest()[:16]


def build_cell_ner_records(
    folder: str | os.PathLike[str] | None,
    parts: Sequence[str] = (TRAIN,),
    silver: bool = True,
    with_mentions_only: bool = True,
    log: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """The cell-type corpora's ``parts`` (train parts only by default) as training records.

    CELL_TYPE comes from the corpora (mapped as :mod:`celltx.train.cellner` describes); with
    ``silver`` the other labels come from the rule pipeline. ``with_mentions_only`` keeps the
    pseudo-documents that have at least one mapped cell mention (about half of CRAFT's have
    none; they cost training time and teach little). Returns ``[]`` with a message on
    ``log`` when the folder is absent (the corpora are read from ``../shared/corpora``, never
    copied into the repository).
    """
    from . import cellner

    log = log if log is not None else sys.stderr
    found = cellner.find_cell_ner_dir(folder)
    if found is None:
        where = folder if folder is not None else "../shared/corpora/cell-ner"
        log.write(f"celltx train: cell-ner corpora not found at {where}: skipped\n")
        return []
    docs = []
    for corpus, (_stem, have) in cellner.CORPORA.items():
        for part in parts:
            part = "train" if part == TRAIN else part
            if part in have and cellner.corpus_file(found, corpus, part).is_file():
                docs.extend(cellner.load_part(found, corpus, part))
    if with_mentions_only:
        docs = [d for d in docs if d.cells]
    spans = cellner.rule_silver([d.text for d in docs]) if silver and docs else None
    records = cellner.to_records(docs, split=TRAIN, silver=spans)
    log.write(
        f"celltx train: cell-ner: {len(records)} pseudo-documents from {found} "
        f"({sum(len(d.cells) for d in docs)} CELL_TYPE mentions"
        f"{', rule silver for the other labels' if spans is not None else ''})\n"
    )
    return records


def build_silver_records(
    n: int,
    draw: str | os.PathLike[str] = "corpora/real/draw.json",
    path: str | os.PathLike[str] | None = None,
    seed: int = 0,
    log: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """``n`` unannotated RCT abstracts with the rule pipeline's spans as labels (see
    :mod:`celltx.train.silver`: every abstract drawn into the real gold is left out, the
    sealed test ones first of all). ``[]`` with a message when the file or draw is absent."""
    from . import silver

    log = log if log is not None else sys.stderr
    found = silver.find_rct_file(path)
    if found is None or not Path(draw).is_file():
        missing = path or "../shared/corpora/real-abstracts/rct_abstracts.jsonl"
        log.write(
            f"celltx train: silver: {missing if found is None else draw} not found: skipped\n"
        )
        return []
    items = silver.sample_texts(found, draw, n=n, seed=seed)
    records = silver.silver_records(items)
    log.write(
        f"celltx train: silver: {len(records)} unannotated abstracts from {found} "
        f"(drawn ids excluded), {sum(len(r['spans']) for r in records)} rule spans\n"
    )
    return records


# --------------------------------------------------------------------------- config


def default_config_text() -> str:
    return resources.files("celltx.train").joinpath(CONFIG_RESOURCE).read_text(encoding="utf-8")


def load_config(
    path: str | os.PathLike[str] | None = None, overrides: Mapping[str, Any] | None = None
) -> Config:
    """The training config (``ner.cfg`` or ``path``) with dotted ``overrides`` applied."""
    try:
        text = Path(path).read_text(encoding="utf-8") if path is not None else default_config_text()
    except OSError as err:
        raise TrainError(f"cannot read config {path}: {err.strerror or err}") from err
    try:
        return Config().from_str(text, overrides=dict(overrides or {}), interpolate=False)
    except Exception as err:  # thinc raises several config error types
        raise TrainError(f"bad training config {path or CONFIG_RESOURCE}: {err}") from err


def with_rule_features(config: Config) -> Config:
    """Switch a config's ``ner`` tok2vec to ``celltx.CandidateTok2Vec.v1`` (same sizes) and its
    corpora to ``celltx.CandidateCorpus.v1``, in place; a config already using them is kept."""
    tok2vec = config["components"]["ner"]["model"]["tok2vec"]
    if tok2vec.get("@architectures") != CANDIDATE_ARCHITECTURE:
        config["components"]["ner"]["model"]["tok2vec"] = {
            "@architectures": CANDIDATE_ARCHITECTURE,
            **{
                key: tok2vec[key]
                for key in ("width", "depth", "embed_size", "window_size", "maxout_pieces", "subword_features")
            },
            "feature_dropout": RULE_FEATURE_DROPOUT,
        }
    for name in ("train", "dev"):
        config["corpora"][name]["@readers"] = "celltx.CandidateCorpus.v1"
    return config


# --------------------------------------------------------------------------- training


@dataclass
class TrainResult:
    path: Path
    seconds: float
    size_bytes: int
    meta: dict[str, Any]
    train_stats: ConversionStats
    dev_stats: ConversionStats
    dev_scores: dict[str, Any]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise TrainError(f"{out}: exists and is not a folder")
    if out.is_dir():
        extra = sorted(p.name for p in out.iterdir() if p.name not in MODEL_ENTRIES | {POLICY_FILE})
        if extra:
            raise TrainError(
                f"{out}: not empty and not a celltx model folder (has {', '.join(extra[:5])}); "
                "choose another --out or empty it"
            )


def write_model(nlp: Language, out: Path) -> None:
    """``nlp.to_disk`` into ``out``, replacing an earlier model there (never half-written).

    The model is written to a sibling temporary folder and swapped in; a policy file of the
    earlier model is not carried over (it was chosen for that model).
    """
    out = Path(out)
    _check_out_dir(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        tmp.chmod(0o777 & ~_umask())
        nlp.to_disk(tmp)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            old.rmdir()
            out.rename(old)
            tmp.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _clean_config(nlp: Language) -> None:
    """Reset the temporary corpus/tok2vec paths in the config that ships with the model."""
    cfg = nlp.config
    for key in ("train", "dev", "init_tok2vec"):
        if key in cfg.get("paths", {}):
            cfg["paths"][key] = None
    if "initialize" in cfg:
        cfg["initialize"]["init_tok2vec"] = None


def train_ner(
    train_records: Sequence[Mapping[str, Any]],
    dev_records: Sequence[Mapping[str, Any]],
    out: str | os.PathLike[str],
    *,
    seed: int = 0,
    max_steps: int | None = None,
    eval_frequency: int | None = None,
    config_path: str | os.PathLike[str] | None = None,
    init_tok2vec: str | os.PathLike[str] | None = None,
    config_overrides: Mapping[str, Any] | None = None,
    rule_features: bool = False,
    log: IO[str] | None = None,
) -> TrainResult:
    """Train the NER on ``train_records``, select on ``dev_records``, write it to ``out``.

    ``rule_features`` trains a model that reads the rule candidates as features
    (:func:`with_rule_features`; also implied by a config that names that tok2vec); the
    training and dev documents then get the candidates of the rule steps before the model.

    Without dev records the training records double as the evaluation set (a development
    aid: "best" then means best fit to the training data). ``log`` receives spaCy's
    progress table and progress bar (default: standard error).
    """
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train

    from .. import __version__

    log = log if log is not None else sys.stderr
    if any(r.get("split") == TEST for r in [*train_records, *dev_records]):
        raise TrainError("test-split documents must never be used for training or model selection")
    if not train_records:
        raise TrainError("no training documents")
    if max_steps is not None and max_steps < 1:
        raise TrainError("max_steps must be at least 1")
    out = Path(out)
    _check_out_dir(out)

    tok_nlp = make_tokenizer_nlp()
    train_stats, dev_stats = ConversionStats(), ConversionStats()
    train_docs = records_to_docs(tok_nlp, train_records, train_stats)
    dev_docs = records_to_docs(tok_nlp, dev_records, dev_stats)
    dev_is_train = not dev_docs
    config_text = (
        Path(config_path).read_text(encoding="utf-8") if config_path else default_config_text()
    )
    rule_features = rule_features or CANDIDATE_ARCHITECTURE in config_text
    n_candidates = 0
    if rule_features:  # the model reads the rule candidates
        from .candidates import attach, candidate_offsets

        log.write("celltx train: rule candidates for the train and dev documents ...\n")
        log.flush()
        records = [*train_records, *dev_records]
        for doc, found in zip([*train_docs, *dev_docs], candidate_offsets([r["text"] for r in records])):
            n_candidates += attach(doc, found)
    if dev_is_train:
        log.write("celltx train: no dev documents: evaluating on the training documents\n")
        dev_docs = train_docs

    overrides: dict[str, Any] = {**dict(config_overrides or {}), "system.seed": seed}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="celltx-train-") as tmp_name:
        tmp = Path(tmp_name)
        DocBin(docs=train_docs).to_disk(tmp / "train.spacy")
        DocBin(docs=dev_docs).to_disk(tmp / "dev.spacy")
        overrides["paths.train"] = str(tmp / "train.spacy")
        overrides["paths.dev"] = str(tmp / "dev.spacy")
        config = load_config(config_path, overrides)
        if rule_features:
            with_rule_features(config)
        steps = int(config["training"]["max_steps"])
        freq = int(config["training"]["eval_frequency"])
        if freq > steps:  # always evaluate (and so checkpoint) at least once
            config["training"]["eval_frequency"] = steps
        try:
            nlp = init_nlp(config)
        except Exception as err:
            raise TrainError(f"cannot initialise the model: {err}") from err
        if nlp.pipe_names != ["ner"] or "tok2vec" not in nlp.get_pipe("ner").model.ref_names:
            raise TrainError(
                "the training config must define exactly one `ner` with its own tok2vec"
            )
        if init_tok2vec is not None:
            # pretrained weights (celltx.train.pretrain) for the ner's own HashEmbedCNN
            from .pretrain import load_pretrained

            load_pretrained(nlp, init_tok2vec)
        log.write(
            f"celltx train: {len(train_docs)} train docs, {len(dev_docs)} "
            f"{'train (as dev)' if dev_is_train else 'dev'} docs, seed {seed}, "
            f"{config['training']['max_steps']} steps\n"
        )
        log.flush()
        (tmp / "output").mkdir()
        spacy_train(nlp, tmp / "output", stdout=log, stderr=log)
        best = spacy.load(tmp / "output" / "model-best")
    seconds = time.perf_counter() - started

    dev_scores = {k: v for k, v in best.meta.get("performance", {}).items() if k.startswith("ents")}
    _clean_config(best)
    best.meta.update(
        {
            "name": "celltx_ner",
            "version": __version__,
            "description": "celltx statistical NER (spaCy ner, own HashEmbedCNN tok2vec, celltx tokenizer); "
            "trained by `celltx train` on the gold train split",
            "license": "MIT",
        }
    )
    best.meta["celltx"] = {
        "seed": seed,
        "max_steps": steps,
        "train_docs": len(train_records),
        "dev_docs": 0 if dev_is_train else len(dev_records),
        "evaluated_on": "train" if dev_is_train else "dev",
        "train_fingerprint": fingerprint(train_records),
        "dev_fingerprint": fingerprint(dev_records),
        "overlap_rule": "longest span kept; spans overlapping it dropped (tokens, then chars, then earlier, then label order)",
        "train_conversion": train_stats.to_dict(),
        "dev_conversion": dev_stats.to_dict(),
        "best_scores": dev_scores,
        "train_seconds": round(seconds, 1),
        "pretrained_tok2vec": init_tok2vec is not None,
        "rule_candidates_as_features": rule_features,
        "rule_candidates_placed": n_candidates,
    }
    write_model(best, out)
    size = dir_size(out)
    return TrainResult(out, seconds, size, dict(best.meta), train_stats, dev_stats, dev_scores)
