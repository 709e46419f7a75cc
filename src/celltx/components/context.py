"""``celltx_context``: negation and hypothetical status from medspaCy's ConText.

medspaCy's ``ConText`` runs over the final span group. Its rules are the component's patterns
(``ConTextRule.to_dict()`` rows, :mod:`celltx.components.patterns`): by default medspaCy's own
rule set (shipped inside the medspacy package; nothing is downloaded), set by ``initialize``
and saved with the pipeline; only the rules of the reported ``categories`` (plus the
terminations that bound their scope) are kept. Its verdicts are copied into each span's
attributes as ``negated`` and ``hypothetical`` so that "no serious adverse events" or "will
receive" can be told apart in the output. The ConText graph and modifier objects are then
cleared from the ``Doc``: they are not serialisable and would break multi-process ``pipe``.
"""


import importlib
import importlib.util
import sys
import types
from itertools import product
from math import prod
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import schema
from ..extensions import register_extensions, set_span_value, span_value
from ..resources import read_jsonl_resource
from .matchers import empty_matchers_allowed
from .patterns import PatternsMixin, Row

if TYPE_CHECKING:  # medspaCy is imported when the component is built (it takes ~2 s): spaCy
    # loads every registered factory's module whenever it creates a Language
    from medspacy.context import ConText, ConTextRule

_EXPANDABLE_KEYS = {"LOWER", "OP"}


class _DeferredModule(types.ModuleType):
    """Stands in ``sys.modules`` for a module until something reads one of its attributes; then
    the real module is imported (and replaces it in ``sys.modules``) and answers."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def _medspacy_context() -> tuple[Any, Any]:
    """medspaCy's ``ConText`` and ``ConTextRule``.

    Importing medspaCy imports QuickUMLS, which imports NLTK at module level (~1.3 s, a third
    of loading the pipeline) although ConText never touches either. NLTK is therefore deferred
    while medspaCy is imported: ``import nltk`` binds a :class:`_DeferredModule` that imports
    the real NLTK the first time one of its attributes is read, so code that does use NLTK
    gets it. (``importlib.util.LazyLoader`` would be the standard tool, but on Python 3.11 the
    import statement itself reads ``__spec__`` and so loads the module at once.)
    """
    if "nltk" not in sys.modules and "medspacy" not in sys.modules:
        spec = importlib.util.find_spec("nltk")
        if spec is not None:
            stub = _DeferredModule("nltk")
            stub.__spec__ = spec
            sys.modules["nltk"] = stub
    from medspacy.context import ConText, ConTextRule

    return ConText, ConTextRule


def _token_choices(token: dict) -> list[str] | None:
    """Literal alternatives of one token pattern, "" for an optional token; None if not literal."""
    if set(token) - _EXPANDABLE_KEYS or token.get("OP", "?") != "?":
        return None
    lower = token.get("LOWER")
    if isinstance(lower, str):
        words = [lower]
    elif isinstance(lower, dict) and set(lower) == {"IN"}:
        words = [w for w in lower["IN"] if " " not in w]  # a token never holds a space
    else:
        return None
    return words + ([""] if token.get("OP") == "?" else [])


def expand_token_rules(rules: list["ConTextRule"], limit: int = 1000) -> list["ConTextRule"]:
    """Rewrite ConText token-pattern rules made only of literal words as phrase rules.

    spaCy's token Matcher tests every ``{"LOWER": {"IN": [...]}}`` predicate on every token,
    which made ConText the slowest component; the same rules as literal phrases go through
    the PhraseMatcher and match exactly the same token sequences. Rules with any other kind
    of token pattern (or more than ``limit`` expansions) are kept as they are.
    """
    _, ConTextRule = _medspacy_context()

    out: list[ConTextRule] = []
    seen: set[tuple[str, str, str]] = set()
    for rule in rules:
        pattern = rule.pattern
        choices = [_token_choices(t) for t in pattern] if isinstance(pattern, list) else None
        if not choices or any(c is None for c in choices) or prod(len(c) for c in choices) > limit:
            out.append(rule)
            continue
        for words in product(*choices):
            literal = " ".join(w for w in words if w)
            key = (literal, rule.category, rule.direction)
            if not literal or key in seen:
                continue
            seen.add(key)
            out.append(
                ConTextRule(
                    literal,
                    rule.category,
                    direction=rule.direction,
                    on_match=rule.on_match,
                    on_modifies=rule.on_modifies,
                    allowed_types=rule.allowed_types,
                    excluded_types=rule.excluded_types,
                    max_scope=rule.max_scope,
                    max_targets=rule.max_targets,
                    terminated_by=rule.terminated_by,
                    metadata=rule.metadata,
                )
            )
    return out


#: celltx's own ConText rules (``ConTextRule.to_dict()`` rows), added to medspaCy's defaults.
OWN_RULES = "context_rules.jsonl"


class Context(PatternsMixin):
    def __init__(self, nlp: Language, name: str, max_scope: int | None, categories: list[str],
                 negation_labels: list[str] | None = None, negation_scope: int | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.max_scope = max_scope
        # In a trial abstract a negation cue ("no", "not", "without") speaks of a product given
        # or a test finding; a dose, a time point or a value in its scope ("received no
        # treatment or oral fluorouracil 500 mg", "no disturbances for 7 days") is not negated
        self.negation_labels = set(negation_labels) if negation_labels is not None else None
        self.negation_scope = negation_scope
        # Only the rule categories we report (plus the terminations that bound their scope):
        # the full default set is ~4x slower and its other verdicts are not used.
        self.wanted = set(categories) | {"TERMINATE", "PSEUDO"}
        self.context = self._new_context()

    def _new_context(self) -> "ConText":
        ConText, _ = _medspacy_context()
        return ConText(
            self.nlp,
            name=f"{self.name}_medspacy",
            rules=None,
            input_span_type="group",
            span_group_name=schema.SPANS_KEY,
            max_scope=self.max_scope,
        )

    def default_patterns(self) -> list[Row]:
        """medspaCy's default rules, less those ``patterns/context_rules.jsonl`` drops (cues of
        clinical notes that misread trial abstracts: "HbA1c declined", "plasma free fatty
        acids"), then celltx's own rules from that file ("no significant change in ALT"
        reports a result of ALT, it does not negate the test)."""
        _, ConTextRule = _medspacy_context()
        own = [{k: v for k, v in row.items() if k != "comment"} for row in read_jsonl_resource(OWN_RULES)]
        dropped = {literal for row in own for literal in row.get("drop_default", ())}
        rows = [rule.to_dict() for rule in ConTextRule.from_json(self.context.DEFAULT_RULES_FILEPATH)
                if rule.literal not in dropped]
        return rows + [row for row in own if "drop_default" not in row]

    def _compile(self, rows: list[Row]) -> None:
        _, ConTextRule = _medspacy_context()
        rules = [ConTextRule.from_dict(self._scoped(row)) for row in rows if row.get("category") in self.wanted]
        self.context = self._new_context()
        self.context.add(expand_token_rules(rules))

    def _scoped(self, row: Row) -> Row:
        """A negation rule without a scope of its own reaches ``negation_scope`` tokens."""
        if self.negation_scope is None or row.get("category") != "NEGATED_EXISTENCE" or row.get("max_scope") is not None:
            return row
        return {**row, "max_scope": self.negation_scope}

    def set_patterns(self, patterns) -> None:
        # keep only the rules this component uses, so that to_disk saves no more than that
        super().set_patterns(row for row in patterns if row.get("category") in self.wanted)

    def __call__(self, doc: Doc) -> Doc:
        self.require_patterns()
        spans = list(doc.spans.get(schema.SPANS_KEY, []))
        if not spans:
            return doc
        data = doc.user_data
        # medspaCy's span attributes are plain extensions (a default, no getter), kept in
        # doc.user_data under spaCy's key; they are read and written there directly (spaCy's
        # Underscore object per access cost more than the rest of this loop)
        direct = _stored_in_user_data()
        keys = [(span.start_char, span.end_char) for span in spans]
        # ConText only sets True; reset so earlier runs cannot leak
        if direct:
            for start, end in keys:
                data[("._.", "is_negated", start, end)] = False
                data[("._.", "is_hypothetical", start, end)] = False
        else:
            for span in spans:
                span._.is_negated = False
                span._.is_hypothetical = False
        with empty_matchers_allowed():  # ConText's token matcher is empty: all rules are phrases
            doc = self.context(doc)
        data = doc.user_data
        for span, (start, end) in zip(spans, keys):
            attrs = span_value(span, "attrs")
            if attrs is None:
                attrs = {}
            can_negate = self.negation_labels is None or span.label_ in self.negation_labels
            if direct:
                attrs["negated"] = can_negate and bool(data.get(("._.", "is_negated", start, end), False))
                attrs["hypothetical"] = bool(data.get(("._.", "is_hypothetical", start, end), False))
                data[("._.", "modifiers", start, end)] = ()
            else:
                attrs["negated"] = can_negate and bool(span._.is_negated)
                attrs["hypothetical"] = bool(span._.is_hypothetical)
                span._.modifiers = ()
            set_span_value(span, "attrs", attrs)
        doc._.context_graph = None
        return doc


def _stored_in_user_data() -> bool:
    """Whether ``Span._.is_negated``, ``is_hypothetical`` and ``modifiers`` are plain
    extensions with the defaults medspaCy gives them (``False``, ``False``, ``()``): then each
    value is ``doc.user_data[("._.", name, start_char, end_char)]`` or, when absent, the default."""
    from spacy.tokens import Span

    for name, default in (("is_negated", False), ("is_hypothetical", False), ("modifiers", ())):
        if not Span.has_extension(name):
            return False
        value, method, getter, setter = Span.get_extension(name)
        if method is not None or getter is not None or setter is not None or value != default:
            return False
    return True


@Language.factory(
    "celltx_context",
    assigns=["span._.attrs"],
    requires=["doc.spans", "span._.attrs"],
    default_config={},  # settings: config.cfg; rules: initialize / to_disk / from_disk
)
def make_context(nlp: Language, name: str, max_scope: int | None, categories: list[str],
                 negation_labels: list[str] | None = None, negation_scope: int | None = None) -> Context:
    """``negation_labels``: the labels whose mentions can be negated (``None``: all);
    ``negation_scope``: how many tokens a negation cue reaches (``None``: medspaCy's scope)."""
    register_extensions()
    return Context(nlp, name, max_scope, categories, negation_labels, negation_scope)
