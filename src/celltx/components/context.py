"""``celltx_context``: negation and hypothetical status from medspaCy's ConText.

medspaCy's ``ConText`` runs over the final span group with its default rule set (shipped
inside the medspacy package; nothing is downloaded). Its verdicts are copied into each span's
attributes as ``negated`` and ``hypothetical`` so that "no serious adverse events" or "will
receive" can be told apart in the output. The ConText graph and modifier objects are then
cleared from the ``Doc``: they are not serialisable and would break multi-process ``pipe``.
"""


from medspacy.context import ConText, ConTextRule
from spacy.language import Language
from spacy.tokens import Doc

from .. import schema


class Context:
    def __init__(self, nlp: Language, name: str, max_scope: int | None, categories: list[str]) -> None:
        self.name = name
        self.context = ConText(
            nlp,
            name=f"{name}_medspacy",
            rules=None,
            input_span_type="group",
            span_group_name=schema.SPANS_KEY,
            max_scope=max_scope,
        )
        # Only the rule categories we report (plus the terminations that bound their scope):
        # the full default set is ~4x slower and its other verdicts are not used.
        wanted = set(categories) | {"TERMINATE", "PSEUDO"}
        rules = [r for r in ConTextRule.from_json(self.context.DEFAULT_RULES_FILEPATH) if r.category in wanted]
        self.context.add(rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(schema.SPANS_KEY, []))
        if not spans:
            return doc
        for span in spans:  # ConText only sets True; reset so earlier runs cannot leak
            span._.is_negated = False
            span._.is_hypothetical = False
        doc = self.context(doc)
        for span in spans:
            attrs = span._.attrs if span._.attrs is not None else {}
            attrs["negated"] = bool(span._.is_negated)
            attrs["hypothetical"] = bool(span._.is_hypothetical)
            span._.attrs = attrs
            span._.modifiers = ()
        doc._.context_graph = None
        return doc


@Language.factory(
    "celltx_context",
    default_config={"max_scope": None, "categories": ["NEGATED_EXISTENCE", "HYPOTHETICAL", "POSSIBLE_EXISTENCE"]},
)
def make_context(nlp: Language, name: str, max_scope: int | None, categories: list[str]) -> Context:
    return Context(nlp, name, max_scope, categories)
