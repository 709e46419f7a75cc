"""The trained, statistical component: a spaCy ``ner`` model and ``celltx_ner_candidates``.

The model is trained by ``celltx train -o DIR`` (real-abstract gold, the self-written gold,
the cell-type corpora and rule-labelled abstracts) and shipped inside the package
(``celltx/models/ner``) by ``celltx train --ship DIR``; ``celltx.load(model=DIR)`` uses one
built elsewhere. :func:`add_trained_ner` sources its ``ner`` component into the rule pipeline
(``celltx_ner_model``); ``celltx_ner_candidates`` (``celltx_ner``) then combines the model's
entities with the rule candidates, per label, as the policy chosen on the real dev split says
(:class:`NerCandidates`), and the merge step resolves the result.
"""


import json
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from . import candidate_features as _candidate_features  # noqa: F401  (a model may use it)
from .regex_spans import add_candidates


def trimmed(ent: Span) -> Span | None:
    """``ent`` without whitespace tokens at its edges (the model may end an entity on "\n";
    the scheme never does); ``None`` if nothing is left."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return Span(doc, start, end, label=ent.label_) if start < end else None


#: How the full pipeline combines one label of the model with the rules (chosen per label on
#: the real dev split by ``celltx train``; see :mod:`celltx.train.policy`). The names are the
#: keys of ``celltx_policy.json``; the component's config has the same lists (``model_only`` is
#: its ``replace``).
UNION, GAPS, REPLACE, CONFIRM, CONFIRM_GAPS = "union", "gaps", "model_only", "confirm", "confirm_gaps"
COMBINATIONS = (UNION, GAPS, REPLACE, CONFIRM, CONFIRM_GAPS)


def _overlap(a: Span, b: Span) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


class NerCandidates:
    """Combine the model's entities with the rule candidates, per label:

    * ``union``: every entity of the label is added (merge then resolves overlaps);
    * ``gaps``: an entity is added only where no rule candidate of the label overlaps it;
    * ``replace`` (model only): the rule candidates of the label are removed, the model's added;
    * ``confirm``: the rule candidates of the label are kept only where an entity of the model
      with that label overlaps them (the model says *whether*, the rules say *where*); nothing
      is added;
    * ``confirm_gaps``: ``confirm``, plus the model's entities where no rule candidate is.

    Labels in no list are left to the rules. ``labels`` is the older form (a plain union list;
    ``None`` = every label), used only when all the lists are ``None``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        labels: list[str] | None = None,
        union: list[str] | None = None,
        gaps: list[str] | None = None,
        replace: list[str] | None = None,
        confirm: list[str] | None = None,
        confirm_gaps: list[str] | None = None,
    ) -> None:
        self.name = name
        self.all_labels = False
        if all(x is None for x in (union, gaps, replace, confirm, confirm_gaps)):
            self.all_labels = labels is None
            union = list(labels or [])
        self.union = set(union or [])
        self.gaps = set(gaps or [])
        self.replace = set(replace or [])
        self.confirm = set(confirm or [])
        self.confirm_gaps = set(confirm_gaps or [])

    def set_modes(self, modes: dict[str, list[str]]) -> None:
        self.all_labels = False
        self.union = set(modes.get(UNION, []))
        self.gaps = set(modes.get(GAPS, []))
        self.replace = set(modes.get(REPLACE, []))
        self.confirm = set(modes.get(CONFIRM, []))
        self.confirm_gaps = set(modes.get(CONFIRM_GAPS, []))

    @property
    def modes(self) -> dict[str, list[str]]:
        return {
            UNION: sorted(self.union),
            GAPS: sorted(self.gaps),
            REPLACE: sorted(self.replace),
            CONFIRM: sorted(self.confirm),
            CONFIRM_GAPS: sorted(self.confirm_gaps),
        }

    def __call__(self, doc: Doc) -> Doc:
        from .. import schema

        ents = list(doc.ents)
        existing = list(doc.spans.get(schema.CANDIDATES_KEY, []))
        checked = self.confirm | self.confirm_gaps
        if self.replace or checked:
            kept = [
                c
                for c in existing
                if c.label_ not in self.replace
                and (
                    c.label_ not in checked
                    or any(e.label_ == c.label_ and _overlap(e, c) for e in ents)
                )
            ]
            if len(kept) != len(existing):
                doc.spans[schema.CANDIDATES_KEY] = kept
                existing = kept
        add_all = self.union | self.replace
        add_gaps = self.gaps | self.confirm_gaps
        new = []
        for ent in ents:
            label = ent.label_
            if not (self.all_labels or label in add_all):
                if label not in add_gaps:
                    continue
                if any(c.label_ == label and _overlap(c, ent) for c in existing):
                    continue  # gap filling: a rule candidate of this label is already there
            span = trimmed(ent)
            if span is None:
                continue
            span._.origin = "ner"
            new.append(span)
        add_candidates(doc, new)
        doc.ents = []
        return doc


@Language.factory(
    "celltx_ner_candidates",
    default_config={
        "labels": None,
        "union": None,
        "gaps": None,
        "replace": None,
        "confirm": None,
        "confirm_gaps": None,
    },
)
def make_ner_candidates(
    nlp: Language,
    name: str,
    labels: list[str] | None,
    union: list[str] | None,
    gaps: list[str] | None,
    replace: list[str] | None,
    confirm: list[str] | None,
    confirm_gaps: list[str] | None,
) -> NerCandidates:
    register_extensions()
    return NerCandidates(nlp, name, labels, union, gaps, replace, confirm, confirm_gaps)


POLICY_FILE = "celltx_policy.json"
#: Policy key: {label: sub-folder of the model folder holding the model that label comes from}.
LABEL_MODELS = "label_models"


def read_policy(path: Path) -> dict | None:
    policy = Path(path) / POLICY_FILE
    if not policy.is_file():
        return None
    return json.loads(policy.read_text(encoding="utf-8"))


def policy_modes(path: Path) -> dict[str, list[str]] | None:
    """{"union": [...], "gaps": [...], "model_only": [...]}: how the full pipeline takes each label
    from the model, chosen on the dev split by ``celltx train`` (``celltx_policy.json`` next to
    the model); ``None`` when there is no policy (then every label is a union)."""
    policy = read_policy(path)
    if policy is None:
        return None
    modes = {mode: list(policy.get(mode, [])) for mode in COMBINATIONS}
    if UNION not in policy:  # the oldest policies listed only "labels" (a union)
        modes[UNION] = list(policy.get("labels", []))
    return modes


def policy_label_models(path: Path) -> dict[str, str]:
    """{label: sub-folder}: labels the policy takes from a dedicated model stored in a
    sub-folder of the model folder (``celltx train`` writes the CELL_TYPE model to
    ``cell_type/``) instead of the main model; ``{}`` when none (or no policy)."""
    policy = read_policy(path)
    if policy is None:
        return {}
    return {str(k): str(v) for k, v in (policy.get(LABEL_MODELS) or {}).items()}


def policy_labels(path: Path) -> list[str] | None:
    """Labels the full pipeline takes from the model (any mode); None without a policy."""
    modes = policy_modes(path)
    if modes is None:
        return None
    return [label for mode in COMBINATIONS for label in modes[mode]]


#: Sentences per call of the model in the sentence scope (short inputs: fewer, larger calls).
SENTENCE_BATCH = 256


def _sentence_doc(doc: Doc, sent: Span) -> Doc:
    """``sent`` as a ``Doc`` of its own words, carrying the rule candidates inside it."""
    from .. import schema

    sub = Doc(doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
    if schema.CANDIDATES_KEY in doc.spans:
        sub.spans[schema.CANDIDATES_KEY] = [
            Span(sub, c.start - sent.start, c.end - sent.start, label=c.label_)
            for c in doc.spans[schema.CANDIDATES_KEY]
            if c.start >= sent.start and c.end <= sent.end
        ]
    return sub


class NerRunner:
    """The trained ``ner`` (loaded from ``model`` with the pipeline's vocab), run on the whole
    document or, with ``sentences_with``, only on the sentences that hold a rule candidate of
    those labels: a policy that only *confirms* rule candidates (``confirm``) needs the model
    nowhere else, and the model then costs a fraction of its whole-document time. Entities
    found in a sentence are mapped back to the document.

    ``label_models`` ({label: sub-folder of ``model``}) takes those labels from a dedicated
    model instead (the CELL_TYPE model of ``celltx train``); ``labels`` (the labels the
    combination uses; ``None`` = all) lets the runner skip a model that would give none of
    them. Where a dedicated model's entity overlaps one of the main model, the dedicated
    model's is kept (``doc.ents`` cannot overlap)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        model: str,
        sentences_with: list[str] | None,
        label_models: dict[str, str] | None = None,
        labels: list[str] | None = None,
    ) -> None:
        self.name = name
        self.model = str(model)
        self.sentences_with = set(sentences_with) if sentences_with is not None else None
        self.label_models = dict(label_models or {})
        wanted = set(labels) if labels is not None else None
        # (ner, labels it contributes: None = every label not taken by a dedicated model)
        self.runs: list[tuple[Any, set[str] | None]] = []
        by_folder: dict[str, set[str]] = {}
        for label, folder in self.label_models.items():
            if wanted is None or label in wanted:
                by_folder.setdefault(folder, set()).add(label)
        if wanted is None or wanted - set(self.label_models):
            self.runs.append((spacy.load(model, vocab=nlp.vocab).get_pipe("ner"), None))
        for folder, taken in sorted(by_folder.items()):
            sub = spacy.load(Path(model) / folder, vocab=nlp.vocab).get_pipe("ner")
            self.runs.append((sub, taken))
        self.ner = self.runs[0][0] if self.runs else None

    @property
    def labels(self) -> tuple[str, ...]:
        out: list[str] = []
        for ner, taken in self.runs:
            out.extend(
                label
                for label in ner.labels
                if (label in taken if taken is not None else label not in self.label_models)
                and label not in out
            )
        return tuple(out)

    def _sentences(self, doc: Doc) -> list[Span]:
        from .. import schema

        if not doc.has_annotation("SENT_START"):  # no sentences: the document is one
            return [doc[:]] if any(
                c.label_ in self.sentences_with  # type: ignore[operator]
                for c in doc.spans.get(schema.CANDIDATES_KEY, [])
            ) else []
        starts: dict[int, Span] = {}
        for cand in doc.spans.get(schema.CANDIDATES_KEY, []):
            if cand.label_ in self.sentences_with:  # type: ignore[operator]
                sent = cand.sent
                starts.setdefault(sent.start, sent)
        return [starts[k] for k in sorted(starts)]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def _keep(self, label: str, taken: set[str] | None) -> bool:
        return label in taken if taken is not None else label not in self.label_models

    def _combine(self, found: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
        """One entity list from the runs' lists (dedicated models first: they win overlaps)."""
        kept: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        for ents in reversed(found):
            for start, end, label in ents:
                tokens = set(range(start, end))
                if tokens & taken:
                    continue
                kept.append((start, end, label))
                taken |= tokens
        return sorted(kept)

    def pipe(self, docs, batch_size: int = 64):
        if self.sentences_with is None and len(self.runs) == 1 and self.runs[0][1] is None:
            yield from self.runs[0][0].pipe(docs, batch_size=batch_size)  # one model, whole docs
            return
        for batch in spacy.util.minibatch(docs, size=batch_size):
            if self.sentences_with is None:
                pieces = [(doc, doc[:]) for doc in batch]
            else:
                pieces = [(doc, sent) for doc in batch for sent in self._sentences(doc)]
            found: dict[int, list[list[tuple[int, int, str]]]] = {id(doc): [] for doc in batch}
            for ner, taken in self.runs:
                per_doc: dict[int, list[tuple[int, int, str]]] = {id(doc): [] for doc in batch}
                # a bare Doc of the words, with the sentence's rule candidates (a model
                # built on celltx.CandidateTok2Vec.v1 reads them; others ignore them)
                subdocs = ner.pipe(
                    (_sentence_doc(doc, sent) for doc, sent in pieces), batch_size=SENTENCE_BATCH
                )
                for (doc, sent), sub in zip(pieces, subdocs):
                    per_doc[id(doc)].extend(
                        (sent.start + e.start, sent.start + e.end, e.label_)
                        for e in sub.ents
                        if self._keep(e.label_, taken)
                    )
                for doc in batch:
                    found[id(doc)].append(per_doc[id(doc)])
            for doc in batch:
                doc.ents = [
                    Span(doc, start, end, label=label)
                    for start, end, label in self._combine(found[id(doc)])
                ]
                yield doc


@Language.factory(
    "celltx_ner_runner",
    default_config={"model": None, "sentences_with": None, "label_models": None, "labels": None},
)
def make_ner_runner(
    nlp: Language,
    name: str,
    model: str,
    sentences_with: list[str] | None,
    label_models: dict[str, str] | None,
    labels: list[str] | None,
) -> NerRunner:
    return NerRunner(nlp, name, model, sentences_with, label_models, labels)


def sentence_scope(modes: dict[str, list[str]] | None) -> list[str] | None:
    """The labels whose rule candidates decide where the model runs, when the combination only
    confirms rule candidates; ``None`` (the whole document) otherwise."""
    if modes is None:
        return None
    if any(modes.get(m) for m in (UNION, GAPS, REPLACE, CONFIRM_GAPS)):
        return None
    return list(modes.get(CONFIRM, [])) or None


def add_trained_ner(
    nlp: Language,
    path: Path,
    labels: list[str] | None = None,
    modes: dict[str, list[str]] | None = None,
    label_models: dict[str, str] | None = None,
) -> None:
    """Add the trained ``ner`` at ``path`` to ``nlp`` just before the abbreviation step
    (``celltx_ner_model``, a :class:`NerRunner`: whole documents, or only the sentences with a
    rule candidate when the combination only confirms), and the candidates copier after it
    (``celltx_ner``): ``modes`` gives the per-label combination (:data:`COMBINATIONS` ->
    labels), else ``labels`` (a union; ``None`` = every label). With ``modes``, the labels
    the policy takes from a dedicated model (``label_models``; default: as the policy next to
    the model says) come from that model, and a model that gives none of the labels the
    combination uses is not loaded."""
    before = "celltx_abbreviations" if "celltx_abbreviations" in nlp.pipe_names else "celltx_merge"
    runner: dict[str, Any] = {"model": str(path), "sentences_with": sentence_scope(modes)}
    if modes is not None:
        if label_models is None:
            label_models = policy_label_models(Path(path))
        used = sorted({label for mode in COMBINATIONS for label in modes.get(mode, [])})
        label_models = {k: v for k, v in label_models.items() if k in used}
        if label_models:
            runner["label_models"] = label_models
            runner["labels"] = used
    nlp.add_pipe("celltx_ner_runner", name="celltx_ner_model", before=before, config=runner)
    if modes is not None:
        config = {
            "union": list(modes.get(UNION, [])),
            "gaps": list(modes.get(GAPS, [])),
            "replace": list(modes.get(REPLACE, [])),
            "confirm": list(modes.get(CONFIRM, [])),
            "confirm_gaps": list(modes.get(CONFIRM_GAPS, [])),
        }
    else:
        config = {"labels": labels}
    nlp.add_pipe("celltx_ner_candidates", name="celltx_ner", after="celltx_ner_model", config=config)
