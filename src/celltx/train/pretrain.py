"""Pretrain the ``ner``'s own tok2vec on unannotated text (``spacy pretrain``'s characters objective).

The training config (``ner.cfg``) gives the ``ner`` its own HashEmbedCNN tok2vec (no listener,
so the component can be sourced alone). Inside spaCy's ``TransitionBasedParser`` the ``tok2vec``
reference is ``HashEmbedCNN >> list2array >> Linear``, which outputs one array for the batch,
not one per document, so ``spacy pretrain`` (``[pretraining] component/layer``) cannot
address it. This module runs spaCy's pretraining loop on the HashEmbedCNN itself
(:func:`inner_tok2vec`: the first layer of that chain, the one with the ``embed`` and
``encode`` references) and :func:`load_pretrained` loads the weights into the same layer of
a freshly initialised ``ner`` before training (``celltx train --pretrain``). Both are built
from the same ``[components.ner.model.tok2vec]`` block, so the architectures match by
construction (a mismatch fails loudly in ``from_bytes``).

Objective: ``spacy.PretrainCharacters.v1`` (predict each word's first and last 4 characters
from its context; needs no word vectors), Adam as in spaCy's pretraining defaults, batches
of about 3,000 words, the texts shuffled (seeded) each epoch. Data (:func:`pretrain_texts`):

* the unannotated RCT abstracts (``real-abstracts/rct_abstracts.jsonl``) with **every**
  abstract drawn into ``corpora/real`` left out (test, dev and train ids alike, as
  :mod:`celltx.train.silver` does for the silver data);
* the texts of the cell-type corpora's **train** parts (BioNLP13CG, CRAFT; their devel parts,
  on which the cell-type scores are reported, and JNLPBA, which has only a devel part, are
  not used);
* the gold **train** documents' texts (dev and test texts are never used).

A source that is absent is skipped with a message. Same texts + same seed + same config ->
the same weights.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from spacy.language import Language
from thinc.api import Model

from .train import TEST, TrainError, load_config

#: Default number of pretraining epochs over the texts.
DEFAULT_EPOCHS = 8
#: The characters objective (spaCy's pretraining defaults).
OBJECTIVE = {"maxout_pieces": 3, "hidden_size": 300, "n_characters": 4}
#: Words per pretraining batch (spaCy's default).
BATCH_WORDS = 3000


def inner_tok2vec(nlp: Language) -> Model:
    """The ``ner``'s HashEmbedCNN (documents -> one array per document)."""
    chain = nlp.get_pipe("ner").model.get_ref("tok2vec")
    inner = chain.layers[0] if chain.layers else chain
    if not {"embed", "encode"} <= set(inner.ref_names):
        raise TrainError("the ner's tok2vec is not a HashEmbedCNN-like layer (embed, encode)")
    return inner


def load_pretrained(nlp: Language, path: str | os.PathLike[str]) -> None:
    """Load weights written by :func:`pretrain_tok2vec` into the ``ner``'s HashEmbedCNN."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise TrainError(f"cannot read pretrained tok2vec {path}: {err.strerror or err}") from err
    try:
        inner_tok2vec(nlp).from_bytes(data)
    except Exception as err:  # thinc raises several shape/serialisation errors
        raise TrainError(f"{path}: does not fit the ner's tok2vec ({err})") from err


def pretrain_texts(
    *,
    draw: str | os.PathLike[str] | None = "corpora/real/draw.json",
    rct_path: str | os.PathLike[str] | None = None,
    cell_ner: str | os.PathLike[str] | None = None,
    gold_train: Sequence[Mapping[str, Any]] = (),
    use_cell_ner: bool = True,
    log: IO[str] | None = None,
) -> list[str]:
    """The unannotated texts to pretrain on (see the module docs), in a fixed order
    (``use_cell_ner=False``: without the cell-type corpora's texts)."""
    from . import cellner, silver

    log = log if log is not None else sys.stderr
    texts: list[str] = []
    found = silver.find_rct_file(rct_path)
    if found is None or draw is None or not Path(draw).is_file():
        log.write("celltx pretrain: rct_abstracts.jsonl or draw.json not found: abstracts skipped\n")
    else:
        items = silver.sample_texts(found, draw, n=None)  # every drawn id excluded
        texts.extend(item["text"] for item in items)
        log.write(f"celltx pretrain: {len(items)} unannotated abstracts (drawn ids excluded)\n")
    folder = cellner.find_cell_ner_dir(cell_ner) if use_cell_ner else None
    if not use_cell_ner:
        log.write("celltx pretrain: cell-ner corpora not used\n")
    elif folder is None:
        log.write("celltx pretrain: cell-ner corpora not found: skipped\n")
    else:
        n = 0
        for corpus, (_stem, parts) in cellner.CORPORA.items():
            if "train" in parts and cellner.corpus_file(folder, corpus, "train").is_file():
                docs = cellner.load_part(folder, corpus, "train")
                texts.extend(d.text for d in docs)
                n += len(docs)
        log.write(f"celltx pretrain: {n} cell-ner train pseudo-documents\n")
    gold = [r for r in gold_train if r.get("split") == "train"]
    if any(r.get("split") == TEST for r in gold_train):
        raise TrainError("test-split documents must never be used for pretraining")
    texts.extend(r["text"] for r in gold)
    log.write(f"celltx pretrain: {len(gold)} gold train texts\n")
    return texts


def pretrain_tok2vec(
    texts: Iterable[str],
    out: str | os.PathLike[str],
    *,
    epochs: int = DEFAULT_EPOCHS,
    seed: int = 0,
    config_path: str | os.PathLike[str] | None = None,
    log: IO[str] | None = None,
) -> Path:
    """Pretrain the ``ner``'s tok2vec on ``texts``; write ``out`` (the weights) and ``out`` +
    ``.json`` (what was done). Returns ``out``."""
    import spacy
    from spacy.training.pretrain import make_update
    from thinc.api import Adam, fix_random_seed, set_dropout_rate

    from .. import tokenizer as _tokenizer  # noqa: F401  (registers celltx.Tokenizer.v1)

    log = log if log is not None else sys.stderr
    texts = [t for t in texts if t and t.strip()]
    if not texts:
        raise TrainError("no texts to pretrain on")
    if epochs < 1:
        raise TrainError("epochs must be at least 1")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    fix_random_seed(seed)
    config = load_config(config_path)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    with nlp.select_pipes(enable=[]):
        nlp.initialize()
    tok2vec = inner_tok2vec(nlp)
    tok2vec.initialize(X=[nlp.make_doc("Give it a doc to infer shapes")])
    create = spacy.registry.architectures.get("spacy.PretrainCharacters.v1")(**OBJECTIVE)
    model = create(nlp.vocab, tok2vec)
    model.initialize(X=[nlp.make_doc("Give it a doc to infer shapes")])
    set_dropout_rate(model, 0.2)
    objective = model.attrs["loss"]
    optimizer = Adam(
        0.001, beta1=0.9, beta2=0.999, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0,
        use_averages=True, eps=1e-8,
    )
    docs = [nlp.make_doc(t) for t in texts]
    batcher = spacy.registry.batchers.get("spacy.batch_by_words.v1")(
        size=BATCH_WORDS, tolerance=0.2, discard_oversize=False
    )
    rng = random.Random(seed)
    log.write(
        f"celltx pretrain: {len(docs)} texts, {sum(len(d) for d in docs)} tokens, "
        f"{epochs} epochs, seed {seed}\n"
    )
    log.flush()
    epoch_losses = []
    for epoch in range(epochs):
        order = list(range(len(docs)))
        rng.shuffle(order)
        loss = 0.0
        for batch in batcher(docs[i] for i in order):
            loss += make_update(model, batch, optimizer, objective)
        epoch_losses.append(round(loss, 1))
        log.write(
            f"celltx pretrain: epoch {epoch + 1}/{epochs}: loss {loss:.1f} "
            f"({time.perf_counter() - started:.0f} s)\n"
        )
        log.flush()
    with model.use_params(optimizer.averages):
        out.write_bytes(tok2vec.to_bytes())
    seconds = time.perf_counter() - started
    info = {
        "texts": len(texts),
        "tokens": sum(len(d) for d in docs),
        "epochs": epochs,
        "seed": seed,
        "objective": "spacy.PretrainCharacters.v1 " + json.dumps(OBJECTIVE),
        "layer": "the ner's HashEmbedCNN (celltx.train.pretrain.inner_tok2vec)",
        "seconds": round(seconds, 1),
        "epoch_loss": epoch_losses,
    }
    out.with_name(out.name + ".json").write_text(json.dumps(info, indent=1) + "\n", "utf-8")
    log.write(f"celltx pretrain: {out} written in {seconds:.0f} s\n")
    return out
