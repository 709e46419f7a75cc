"""Rule candidates as input features of the trained NER (``celltx.CandidateTok2Vec.v1``).

The statistical model and the rules see the same tokens; the rules also know hundreds of names,
units and notations the model would need thousands of examples to learn. This tok2vec gives the
model what the rules proposed, as features: for every token, one indicator per label for "a
rule candidate of this label begins here" and one for "... continues here" (candidates of
different labels may overlap: a CELL_TYPE inside a DOSE sets both). The indicators are
concatenated to spaCy's usual hash embeddings (NORM, PREFIX, SUFFIX, SHAPE) and mixed by one
maxout layer before the CNN encoder, so the model learns where the rules are right, where they
stop short and what they miss, instead of learning the vocabulary again.

The candidates are read from ``doc.spans[key]`` (default: the rule candidate group, filled by
``celltx_lexicon`` and ``celltx_regex`` before the model runs in the pipeline); a ``Doc``
without that group gets all-zero indicators (the model then reads the words alone). Training
docs get the group from :mod:`celltx.train.candidates`.

``feature_dropout`` (training only) zeroes the indicators of a whole document with that
probability, so that the model also learns to find mentions when the rules propose nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy
from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed, build_Tok2Vec_model
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

from .. import schema

#: Indicators per label: the candidate begins at the token / the candidate goes on there.
PER_LABEL = 2


def candidate_indicators(
    doc: Doc, labels: Sequence[str], key: str = schema.CANDIDATES_KEY
) -> numpy.ndarray:
    """(tokens x ``PER_LABEL * len(labels)``) float32 indicators of the candidates in
    ``doc.spans[key]``; labels not in ``labels`` are ignored."""
    index = {label: i for i, label in enumerate(labels)}
    out = numpy.zeros((len(doc), PER_LABEL * len(labels)), dtype="float32")
    if key not in doc.spans:
        return out
    for span in doc.spans[key]:
        i = index.get(span.label_)
        if i is None or span.start >= span.end:
            continue
        out[span.start, PER_LABEL * i] = 1.0
        out[span.start + 1 : span.end, PER_LABEL * i + 1] = 1.0
    return out


def candidate_features(
    labels: Sequence[str], key: str = schema.CANDIDATES_KEY, feature_dropout: float = 0.0
) -> Model[list[Doc], list[Floats2d]]:
    """A parameter-free layer: docs -> their candidate indicators (see the module docs)."""
    return Model(
        "celltx_candidate_features",
        _forward,
        attrs={"labels": tuple(labels), "key": key, "feature_dropout": float(feature_dropout)},
        dims={"nO": PER_LABEL * len(labels)},
    )


def _forward(
    model: Model[list[Doc], list[Floats2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Floats2d], Callable]:
    labels, key = model.attrs["labels"], model.attrs["key"]
    drop = model.attrs["feature_dropout"] if is_train else 0.0
    out = []
    for doc in docs:
        arr = candidate_indicators(doc, labels, key)
        if drop and numpy.random.random() < drop:
            arr[:] = 0.0
        out.append(model.ops.asarray2f(arr))
    return out, lambda d_out: []


@registry.architectures("celltx.CandidateTok2Vec.v1")
def candidate_tok2vec(
    width: int,
    depth: int,
    embed_size: int,
    window_size: int,
    maxout_pieces: int,
    subword_features: bool = True,
    labels: list[str] | None = None,
    key: str = schema.CANDIDATES_KEY,
    feature_dropout: float = 0.0,
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's HashEmbedCNN (same settings, same meaning) with the rule candidates' indicators
    concatenated to the embeddings; ``labels`` defaults to every scheme label."""
    if subword_features:
        attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
        rows = [embed_size, embed_size // 2, embed_size // 2, embed_size // 2]
    else:
        attrs, rows = ["NORM"], [embed_size]
    embed = MultiHashEmbed(width=width, rows=rows, attrs=attrs, include_static_vectors=False)
    feats = candidate_features(labels or list(schema.LABELS), key, feature_dropout)
    n_in = width + feats.get_dim("nO")
    mixed = chain(
        concatenate(embed, feats),
        with_array(Maxout(width, n_in, nP=maxout_pieces, normalize=True, dropout=0.0)),
    )
    encode = MaxoutWindowEncoder(
        width=width, depth=depth, window_size=window_size, maxout_pieces=maxout_pieces
    )
    return build_Tok2Vec_model(embed=mixed, encode=encode)
