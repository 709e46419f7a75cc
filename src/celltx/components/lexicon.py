"""``celltx_lexicon``: dictionary matching of cell types, lab tests and routes.

A thin layer over spaCy's own ``SpanRuler`` (phrase patterns match on LOWER, token patterns
as written), fed from ``patterns/*.jsonl`` and from the generated Cell Ontology lexicon.
Each match carries its canonical id in ``span.id_`` (route code, analyte, CL id), which the
normaliser reads. Two things the plain ruler cannot do are added here: optional name prefixes
that belong to a lab test ("serum", "plasma", "fasting") and an adjacent "score(s)".
"""


from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from .. import schema
from ..normalize import cells
from ..resources import read_jsonl_resource
from .regex_spans import add_candidates

LAB_PREFIXES = {"serum", "plasma", "fasting", "blood"}
SCORE_WORDS = {"score", "scores"}


class Lexicon:
    def __init__(self, nlp: Language, name: str, files: list[str], cl_lexicon: str | None, labels: list[str] | None) -> None:
        self.name = name
        self.keep_labels = set(labels) if labels else None
        self.ruler = SpanRuler(nlp, name=f"{name}_ruler", spans_key="celltx_lexicon_tmp",
                               phrase_matcher_attr="LOWER", validate=False, overwrite=True)
        patterns = []
        for file in files:
            for row in read_jsonl_resource(file):
                if self.keep_labels is None or row["label"] in self.keep_labels:
                    pattern = {"label": row["label"], "pattern": row["pattern"]}
                    if row.get("id"):
                        pattern["id"] = row["id"]
                    patterns.append(pattern)
        if cl_lexicon and (self.keep_labels is None or schema.CELL_TYPE in self.keep_labels):
            for row in read_jsonl_resource(cl_lexicon):
                patterns.append({"label": schema.CELL_TYPE, "pattern": row["text"], "id": row["cl_id"]})
        self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        found = list(doc.spans["celltx_lexicon_tmp"])
        del doc.spans["celltx_lexicon_tmp"]
        out = []
        text = doc.text  # built from the tokens on every access: read it once
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
    default_config={
        "files": ["lab_tests.jsonl", "routes.jsonl"],
        "cl_lexicon": "cl_lexicon.jsonl",
        "labels": None,
    },
)
def make_lexicon(nlp: Language, name: str, files: list[str], cl_lexicon: str | None, labels: list[str] | None) -> Lexicon:
    return Lexicon(nlp, name, files, cl_lexicon, labels)
