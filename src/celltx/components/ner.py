"""The trained, statistical component: a spaCy ``ner`` model and ``celltx_ner_candidates``.

The model is trained by ``celltx train`` from the gold train split and shipped inside the
package (``celltx/models/ner``). :func:`add_trained_ner` sources its ``ner`` component into the
rule pipeline; ``celltx_ner_candidates`` then copies the model's entities into the candidate
group with origin "ner", for the labels listed in ``labels`` (the combination policy chosen on
the dev split), where the merge step weighs them against the rules.
"""


import json
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
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


class NerCandidates:
    def __init__(self, nlp: Language, name: str, labels: list[str] | None) -> None:
        self.name = name
        self.keep_labels = set(labels) if labels is not None else None  # [] = take no label

    def __call__(self, doc: Doc) -> Doc:
        new = []
        for ent in doc.ents:
            if self.keep_labels is not None and ent.label_ not in self.keep_labels:
                continue
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
    assigns=["doc.spans", "doc.ents", "span._.origin"],
    requires=["doc.ents"],
    default_config={},  # settings: given by add_trained_ner (labels: the dev-chosen policy)
)
def make_ner_candidates(nlp: Language, name: str, labels: list[str] | None) -> NerCandidates:
    register_extensions()
    return NerCandidates(nlp, name, labels)


POLICY_FILE = "celltx_policy.json"


def policy_labels(path: Path) -> list[str] | None:
    """Labels the full pipeline takes from the model, chosen on the dev split by ``celltx train``
    (``celltx_policy.json`` next to the model); None (all labels) when there is no policy."""
    policy = Path(path) / POLICY_FILE
    if not policy.is_file():
        return None
    return list(json.loads(policy.read_text(encoding="utf-8"))["labels"])


def add_trained_ner(nlp: Language, path: Path, labels: list[str] | None = None) -> None:
    """Source the trained ``ner`` from ``path`` into ``nlp`` just before the merge step."""
    trained = spacy.load(path)
    before = "celltx_abbreviations" if "celltx_abbreviations" in nlp.pipe_names else "celltx_merge"
    nlp.add_pipe("ner", source=trained, name="celltx_ner_model", before=before)
    nlp.add_pipe("celltx_ner_candidates", name="celltx_ner", after="celltx_ner_model", config={"labels": labels})
