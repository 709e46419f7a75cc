"""Rule candidates for the training documents of a model with candidate features.

A model built on ``celltx.CandidateTok2Vec.v1`` (:mod:`celltx.components.candidate_features`)
reads the rule candidates from ``doc.spans[schema.CANDIDATES_KEY]``. In the pipeline the rule
components fill that group before the model runs; for training, :func:`candidate_offsets` runs
the same rule components (``celltx_clean`` up to ``celltx_regex``, the steps before the model)
on each training text and :func:`attach` stores the result on the gold ``Doc``. spaCy's corpus
reader makes a fresh ``Doc`` for the model to read, so ``celltx.CandidateCorpus.v1`` copies the
group from the gold ``Doc`` onto it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Corpus, Example
from spacy.util import registry

from .. import schema

#: The rule steps that run before the model in the pipeline (their candidates are its input).
BEFORE_MODEL = ("celltx_clean", "celltx_sentences", "celltx_lexicon", "celltx_regex")

Offsets = list[tuple[int, int, str]]


def candidate_offsets(texts: Sequence[str], batch_size: int = 64) -> list[Offsets | None]:
    """Each text's rule candidates as (start, end, label) character offsets; ``None`` for a text
    the cleaning step rewrote (its candidates are over other characters and are left out)."""
    from ..pipeline import load

    nlp = load("rules")
    out: list[Offsets | None] = []
    with nlp.select_pipes(enable=[name for name in BEFORE_MODEL if name in nlp.pipe_names]):
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size)):
            if doc.text != text:
                out.append(None)
                continue
            out.append(
                sorted(
                    {
                        (s.start_char, s.end_char, s.label_)
                        for s in doc.spans.get(schema.CANDIDATES_KEY, [])
                    }
                )
            )
    return out


def attach(doc: Doc, offsets: Iterable[tuple[int, int, str]] | None) -> int:
    """Store ``offsets`` as ``doc.spans[CANDIDATES_KEY]``; returns how many were placed."""
    spans = []
    for start, end, label in offsets or ():
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[schema.CANDIDATES_KEY] = spans
    return len(spans)


class CandidateCorpus(Corpus):
    """spaCy's ``Corpus`` whose examples carry the gold ``Doc``'s candidate group on the
    ``Doc`` the model reads (same tokenizer, so the tokens are the same)."""

    def _make_example(self, nlp: Language, reference: Doc, gold_preproc: bool) -> Example:
        example = super()._make_example(nlp, reference, gold_preproc)
        if schema.CANDIDATES_KEY in reference.spans:
            attach(
                example.predicted,
                (
                    (s.start_char, s.end_char, s.label_)
                    for s in reference.spans[schema.CANDIDATES_KEY]
                ),
            )
        return example


@registry.readers("celltx.CandidateCorpus.v1")
def create_candidate_corpus(
    path: str | None,
    *,
    limit: int = 0,
    gold_preproc: bool = False,
    max_length: int = 0,
    augmenter=None,
) -> CandidateCorpus:
    """``spacy.Corpus.v1`` with the rule candidates carried over (see :class:`CandidateCorpus`)."""
    if path is None:
        raise ValueError("celltx.CandidateCorpus.v1: no path to a .spacy file")
    return CandidateCorpus(
        path, limit=limit, gold_preproc=gold_preproc, max_length=max_length, augmenter=augmenter
    )
