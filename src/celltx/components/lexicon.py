"""``celltx_lexicon``: dictionary matching of cell types, lab tests and routes.

A thin layer over spaCy's own ``SpanRuler`` (phrase patterns match on LOWER, token patterns
as written). Its patterns are SpanRuler rows (``label``, ``pattern``, ``id``) set by
``initialize`` (by default ``patterns/lab_tests.jsonl``, ``patterns/lab_tests_loinc.jsonl``,
``patterns/routes.jsonl`` and the
generated Cell Ontology lexicon ``patterns/cl_lexicon.jsonl``) and saved with the pipeline
(:mod:`celltx.components.patterns`).
Each match carries its canonical id in ``span.id_`` (route code, analyte, CL id), which the
normaliser reads. Two things the plain ruler cannot do are added here: optional name prefixes
that belong to a lab test ("serum", "plasma", "fasting") and an adjacent "score(s)".
"""


from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from .. import schema
from ..extensions import doc_text, register_extensions
from ..normalize import cells
from ..normalize.labs import LAB_LEXICONS
from ..resources import read_jsonl_resource
from .patterns import PatternsMixin, Row
from .regex_spans import add_candidates

LAB_PREFIXES = {"serum", "plasma", "fasting", "blood"}
SCORE_WORDS = {"score", "scores"}
#: The package's pattern files read by ``initialize`` when the config gives no patterns.
DEFAULT_FILES = (*LAB_LEXICONS, "routes.jsonl")
CL_LEXICON_FILE = "cl_lexicon.jsonl"


def default_patterns() -> list[Row]:
    """SpanRuler rows from the package's lexicons (lab tests, routes, Cell Ontology names)."""
    patterns = []
    for file in DEFAULT_FILES:
        for row in read_jsonl_resource(file):
            pattern = {"label": row["label"], "pattern": row["pattern"]}
            if row.get("id"):
                pattern["id"] = row["id"]
            patterns.append(pattern)
    for row in read_jsonl_resource(CL_LEXICON_FILE):
        patterns.append({"label": schema.CELL_TYPE, "pattern": row["text"], "id": row["cl_id"]})
    return patterns


class Lexicon(PatternsMixin):
    def __init__(self, nlp: Language, name: str, labels: list[str] | None) -> None:
        self.name = name
        self.nlp = nlp
        self.keep_labels = set(labels) if labels else None
        self.ruler = self._new_ruler()
        #: one-token exact-case patterns ({"TEXT": "ALT"}), looked up per token: spaCy's token
        #: Matcher would evaluate every one of them on every token
        self.single: dict[str, list[tuple[str, str]]] = {}

    def _new_ruler(self) -> SpanRuler:
        return SpanRuler(self.nlp, name=f"{self.name}_ruler", spans_key="celltx_lexicon_tmp",
                         phrase_matcher_attr="LOWER", validate=False, overwrite=True)

    def default_patterns(self) -> list[Row]:
        return default_patterns()

    def _compile(self, rows: list[Row]) -> None:
        self.ruler = self._new_ruler()
        self.single = {}
        kept = []
        for row in rows:
            if self.keep_labels is not None and row["label"] not in self.keep_labels:
                continue
            pattern = row["pattern"]
            if (isinstance(pattern, list) and len(pattern) == 1 and list(pattern[0]) == ["TEXT"]
                    and isinstance(pattern[0]["TEXT"], str)):
                entry = (row["label"], row.get("id", ""))
                if entry not in self.single.setdefault(pattern[0]["TEXT"], []):
                    self.single[pattern[0]["TEXT"]].append(entry)
            else:
                kept.append(row)
        # SpanRuler tokenises phrase patterns with nlp.pipe(), running the components before
        # it; this ruler is not itself in the pipeline, so switch them all off: the phrase
        # matcher compares LOWER, which only the tokenizer sets
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            self.ruler.add_patterns(kept)

    def __call__(self, doc: Doc) -> Doc:
        self.require_patterns()
        doc = self.ruler(doc)
        found = list(doc.spans["celltx_lexicon_tmp"])
        del doc.spans["celltx_lexicon_tmp"]
        if self.single:
            single = self.single
            for token in doc:
                for label, span_id in single.get(token.text, ()):
                    found.append(Span(doc, token.i, token.i + 1, label=label, span_id=span_id))
        out = []
        text = doc_text(doc)
        for span in found:
            start, end = span.start, span.end
            span_id = span.id_
            if span.label_ == schema.CELL_TYPE:
                extra = cells.left_extension(text[max(0, span.start_char - 60) : span.start_char])
                if extra:
                    widened = doc.char_span(span.start_char - extra, span.end_char)
                    if widened is not None:
                        start = widened.start
                        span_id = ""  # the widened name is normalised from its own words
            if span.label_ == schema.LAB_TEST:
                if start > 0 and doc[start - 1].lower_ in LAB_PREFIXES:
                    start -= 1
                if end < len(doc) and doc[end].lower_ in SCORE_WORDS and not span.text.lower().endswith("score"):
                    end += 1
            new = doc[start:end]
            new = new.doc[new.start:new.end]
            new_span = doc.char_span(new.start_char, new.end_char, label=span.label_, span_id=span_id)
            new_span._.origin = "lexicon"
            out.append(new_span)
        add_candidates(doc, out)
        return doc


@Language.factory(
    "celltx_lexicon",
    assigns=["doc.spans", "span._.origin"],
    requires=[],
    default_config={},  # settings: config.cfg; patterns: initialize / to_disk / from_disk
)
def make_lexicon(nlp: Language, name: str, labels: list[str] | None) -> Lexicon:
    register_extensions()
    return Lexicon(nlp, name, labels)
