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
#: the real dev split by ``celltx train``; see :mod:`celltx.train.policy`).
UNION, GAPS, REPLACE = "union", "gaps", "model_only"
COMBINATIONS = (UNION, GAPS, REPLACE)


class NerCandidates:
    """Copy the model's entities into the candidate group, per label:

    * ``union``: every entity of the label is added (merge then resolves overlaps);
    * ``gaps``: an entity is added only where no rule candidate of the label overlaps it;
    * ``replace`` (model only): the rule candidates of the label are removed, the model's kept.

    Labels in none of the lists are left to the rules. ``labels`` is the older form (a plain
    union list; ``None`` = every label) and is used only when the three lists are all ``None``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        labels: list[str] | None = None,
        union: list[str] | None = None,
        gaps: list[str] | None = None,
        replace: list[str] | None = None,
    ) -> None:
        self.name = name
        self.all_labels = False
        if union is None and gaps is None and replace is None:
            self.all_labels = labels is None
            union = list(labels or [])
        self.union = set(union or [])
        self.gaps = set(gaps or [])
        self.replace = set(replace or [])

    @property
    def modes(self) -> dict[str, list[str]]:
        return {
            UNION: sorted(self.union),
            GAPS: sorted(self.gaps),
            REPLACE: sorted(self.replace),
        }

    def __call__(self, doc: Doc) -> Doc:
        from .. import schema

        existing = list(doc.spans.get(schema.CANDIDATES_KEY, []))
        if self.replace:
            kept = [c for c in existing if c.label_ not in self.replace]
            if len(kept) != len(existing):
                doc.spans[schema.CANDIDATES_KEY] = kept
                existing = kept
        new = []
        for ent in doc.ents:
            label = ent.label_
            if not (self.all_labels or label in self.union or label in self.replace):
                if label not in self.gaps:
                    continue
                if any(
                    c.label_ == label and c.start_char < ent.end_char and ent.start_char < c.end_char
                    for c in existing
                ):
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
    default_config={"labels": None, "union": None, "gaps": None, "replace": None},
)
def make_ner_candidates(
    nlp: Language,
    name: str,
    labels: list[str] | None,
    union: list[str] | None,
    gaps: list[str] | None,
    replace: list[str] | None,
) -> NerCandidates:
    return NerCandidates(nlp, name, labels, union, gaps, replace)


POLICY_FILE = "celltx_policy.json"


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
    return {
        UNION: list(policy.get(UNION, policy.get("labels", []))),
        GAPS: list(policy.get(GAPS, [])),
        REPLACE: list(policy.get(REPLACE, [])),
    }


def policy_labels(path: Path) -> list[str] | None:
    """Labels the full pipeline takes from the model (any mode); None without a policy."""
    modes = policy_modes(path)
    if modes is None:
        return None
    return [label for mode in COMBINATIONS for label in modes[mode]]


def add_trained_ner(
    nlp: Language,
    path: Path,
    labels: list[str] | None = None,
    modes: dict[str, list[str]] | None = None,
) -> None:
    """Source the trained ``ner`` from ``path`` into ``nlp`` just before the abbreviation step
    (``celltx_ner_model``), and the candidates copier after it (``celltx_ner``): ``modes`` gives
    the per-label combination ({"union", "gaps", "model_only"} -> labels), else ``labels`` (a union;
    ``None`` = every label)."""
    trained = spacy.load(path)
    before = "celltx_abbreviations" if "celltx_abbreviations" in nlp.pipe_names else "celltx_merge"
    nlp.add_pipe("ner", source=trained, name="celltx_ner_model", before=before)
    if modes is not None:
        config = {
            "union": list(modes.get(UNION, [])),
            "gaps": list(modes.get(GAPS, [])),
            "replace": list(modes.get(REPLACE, [])),
        }
    else:
        config = {"labels": labels}
    nlp.add_pipe("celltx_ner_candidates", name="celltx_ner", after="celltx_ner_model", config=config)
