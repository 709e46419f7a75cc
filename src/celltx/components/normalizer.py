"""``celltx_normalizer``: fill ``span._.attrs`` for every final span, whoever proposed it.

Attribute logic lives in :mod:`celltx.normalize`; this component supplies context the
parsers cannot see on their own: the sentence (harvest clauses give a cell's tissue source),
the words just before a span (donor words), abbreviation definitions (the short form copies the
long form's attributes), and coordinated lab values ("from [30±5] to [33±5 g/l]": the unit
written once belongs to both values).
"""


import bisect
import copy
from typing import Any

import numpy
import regex
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..compile_cache import compile_regex
from ..extensions import doc_text, record_to_doc, register_extensions, set_span_value, span_value
from ..normalize import cells, doses, labs, numbers, routes, times
from .abbreviations import USER_DATA_KEY

_COORD_RE = regex.compile(
    r"^\s*-?\s*(?:,\s*)?(?:(?:to|and|vs\.?|versus|or|-|–|/|compared\s+(?:with|to))\s*)?$", regex.IGNORECASE
)


#: A lab unit in brackets (or after a comma) right after a test's name, then at most a few words
#: ("was", "decreased from") before a number.
_HEADER_UNIT = compile_regex(
    rf"\s*(?:\(\s*(?:in\s+)?(?P<unit>{labs.unit_block()})\s*\)|,\s*(?P<unit>{labs.unit_block()}))"
    rf"\s*[:=,]?\s*(?:[a-z]+\s+){{0,4}}?(?=[-−+]?\d)"
)


class _Sentences:
    """Sentence bounds of one document, computed once, looked up by bisection."""

    def __init__(self, doc: Doc, text_length: int) -> None:
        if "sents" in doc.user_hooks or not len(doc):
            self.bounds = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
                else [(0, text_length)]
        else:
            # what doc.sents gives (a sentence starts at the first token and at each token
            # whose SENT_START is 1), from token arrays instead of one Span per sentence
            rows = doc.to_array([SENT_START, IDX, LENGTH])
            firsts = (numpy.flatnonzero(rows[1:, 0] == 1) + 1).tolist()
            if firsts or doc.has_annotation("SENT_START"):
                lasts = [end - 1 for end in firsts] + [len(rows) - 1]
                starts = rows[[0, *firsts], 1].tolist()
                ends = (rows[lasts, 1] + rows[lasts, 2]).tolist()
                self.bounds = list(zip(starts, ends))
            else:
                self.bounds = [(0, text_length)]
        self.starts = [b[0] for b in self.bounds]

    def of(self, span: Span) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, span.start_char) - 1
        return self.bounds[max(i, 0)]


def _left_context(text: str, span: Span, sent_start: int = 0, chars: int = 40) -> str:
    return text[max(sent_start, span.start_char - chars) : span.start_char]


def normalise_span(span: Span, left_context: str = "", text: str | None = None) -> dict[str, object]:
    """Attributes of one span from its own words and the text just before it (donor words);
    ``text``: the span's text, if already at hand."""
    label, text = span.label_, span.text if text is None else text
    if label == schema.CELL_TYPE:
        source = cells.source_of(text)
        cl_id = span.id_ if span.id_.startswith("CL:") else None
        if cl_id is None or not cells.is_lexicon_name(text):
            # a name widened beyond the dictionary's ("umbilical cord [MSCs]", "circulating
            # [leucocytes]"): read from its own words, else the dictionary name's id
            cl_id = cells.cl_id_of(text, source) or cl_id
        return {"cl_id": cl_id, "source": source, "donor": cells.donor_near(left_context)}
    if label == schema.DOSE:
        return doses.parse_dose(text)
    if label == schema.ROUTE:
        return {"route": span.id_ or routes.route_of(text)}
    if label == schema.FREQUENCY:
        return times.parse_frequency(text)
    if label == schema.TIME_POINT:
        return {"days": times.parse_time_days(text)}
    if label == schema.LAB_TEST:
        return {"analyte": labs.analyte_name(text, span.id_ or None)}
    if label == schema.LAB_VALUE:
        return labs.parse_lab_value(text)
    return {}


#: A word of two letters or more (a unit or cell word written in a dose's own text).
_WORD = compile_regex(r"[A-Za-z]{2,}")
#: Between a name and its short name in brackets: "regulatory T cells (Tregs)".
_BRACKET_OPEN = compile_regex(r"\s*[(\[]\s*")


class Normalizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(schema.SPANS_KEY, []))
        text = doc_text(doc)
        sentences = _Sentences(doc, len(text))
        for span in spans:
            start = span.start_char
            left = _left_context(text, span, sentences.of(span)[0])
            set_span_value(span, "attrs", normalise_span(span, left, text[start : span.end_char]))
        self._routes_in_context(text, spans)
        self._harvest_sources(text, spans, sentences)
        self._abbreviations(doc, spans)
        self._coordinated_units(text, spans)
        self._header_units(text, spans, sentences)
        return doc

    @staticmethod
    def _routes_in_context(text: str, spans: list[Span]) -> None:
        """A route word whose code depends on what the abstract is about ("intra-arterial":
        the hepatic artery only in an abstract about the liver; routes.jsonl ``document``)."""
        for span in spans:
            if span.label_ == schema.ROUTE:
                attrs = span_value(span, "attrs")
                attrs["route"] = routes.route_in_document(span.text, attrs.get("route"), text)

    @staticmethod
    def _harvest_sources(text: str, spans: list[Span], sentences: _Sentences) -> None:
        for span in spans:
            if span.label_ == schema.CELL_TYPE and span_value(span, "attrs").get("source") is None:
                start, end = sentences.of(span)
                source = cells.source_from_clause(text[start:end])
                if source:
                    span_value(span, "attrs")["source"] = source

    @staticmethod
    def _abbreviations(doc: Doc, spans: list[Span]) -> None:
        Normalizer._bracketed_cell_names(doc_text(doc), spans)
        info = doc.user_data.get(USER_DATA_KEY) or {}
        if not info:
            return
        by_offsets = {(s.start_char, s.end_char, s.label_): s for s in spans}
        for key, entry in info.items():
            short = by_offsets.get(key)
            long = by_offsets.get((*entry["long"], key[2]))
            if short is None or long is None:
                continue
            if key[2] == schema.CELL_TYPE:
                if entry["definition"]:
                    short._.attrs.update({k: long._.attrs.get(k) for k in ("cl_id", "source", "donor")})
                elif short._.attrs.get("cl_id") is None:
                    short._.attrs["cl_id"] = long._.attrs.get("cl_id")
            elif key[2] == schema.LAB_TEST:
                short._.attrs["analyte"] = long._.attrs.get("analyte")
            elif key[2] == schema.ROUTE:
                short._.attrs["route"] = long._.attrs.get("route")
            elif key[2] == schema.FREQUENCY and short._.attrs.get("interval_days") is None:
                # "once-daily (OD)": the short form's rate is its long form's; a count is not
                # copied (each mention of a regimen is not a number of administrations)
                short._.attrs["interval_days"] = long._.attrs.get("interval_days")

    @staticmethod
    def _bracketed_cell_names(text: str, spans: list[Span]) -> None:
        """A cell name in brackets right after another ("autologous regulatory T cells
        (Tregs)") is its short name, as the scheme reads an abbreviation in brackets, also when
        the abbreviation detector cannot spell one from the other: it takes the long name's
        donor, source and, lacking its own, its Cell Ontology id."""
        cells = sorted((s for s in spans if s.label_ == schema.CELL_TYPE), key=lambda s: s.start_char)
        for long, short in zip(cells, cells[1:]):
            between, after = text[long.end_char : short.start_char], text[short.end_char : short.end_char + 2]
            if not _BRACKET_OPEN.fullmatch(between) or not after.lstrip().startswith((")", "]")):
                continue
            attrs, source = span_value(short, "attrs"), span_value(long, "attrs")
            for key in ("donor", "source"):
                if attrs.get(key) is None:
                    attrs[key] = source.get(key)
            if attrs.get("cl_id") is None:
                attrs["cl_id"] = source.get("cl_id")

    @staticmethod
    def _coordinated_units(text: str, spans: list[Span]) -> None:
        """A list's unit is written once, on its last item; every item carries it, for lab
        values ("from [30±5] to [33±5 g/l]") and doses ("[150] and [300 μg]"). A pair whose
        unit is written on its first value only shares it forward."""
        for label in (schema.LAB_VALUE, schema.DOSE):
            Normalizer._share_units(text, sorted((s for s in spans if s.label_ == label), key=lambda s: s.start_char),
                                    scale=label == schema.DOSE)

    @staticmethod
    def _header_units(text: str, spans: list[Span], sentences: _Sentences) -> None:
        """A unit written once after a test's name, as a table's column header would be
        ("plasma renin activity (ng/mL/h): 2.3 ± 2.6 to 0.3 ± 0.4", "ALT (U/L) 56 vs 38", "Hb,
        g/dL 12.1"), is the unit of the values without one that follow that test in its
        sentence, up to the next test."""
        ordered = sorted((s for s in spans if s.label_ in (schema.LAB_TEST, schema.LAB_VALUE)), key=lambda s: s.start_char)
        header: str | None = None
        sentence = (-1, -1)
        for span in ordered:
            if span.label_ == schema.LAB_TEST:
                sentence = sentences.of(span)
                m = _HEADER_UNIT.match(text, span.end_char, sentence[1])
                header = labs.canonical_lab_unit(m.group("unit")) if m else None
            elif header is not None and span.start_char < sentence[1]:
                attrs = span_value(span, "attrs")
                if attrs.get("unit") is None:
                    attrs["unit"] = header

    @staticmethod
    def _share_units(text: str, values: list[Span], scale: bool = False) -> None:
        # each span's attributes dict (read once; the changes below are made in it) and offsets
        attrs = [span_value(v, "attrs") for v in values]
        starts, ends = [v.start_char for v in values], [v.end_char for v in values]
        factors: list[float | None] = [None] * len(values)  # a power of ten given to an item by the next
        for i in range(len(values) - 2, -1, -1):
            # "[1 × 10^6] or [2 × 10^6 cells/kg]": a bare count is "cells" only for want of a unit
            bare_count = scale and attrs[i].get("unit") == "cells" and not _WORD.search(text[starts[i] : ends[i]])
            if (
                (attrs[i].get("unit") is None or bare_count)
                and attrs[i + 1].get("unit") is not None
                and _COORD_RE.match(text[ends[i] : starts[i + 1]])
            ):
                attrs[i]["unit"] = attrs[i + 1]["unit"]
                factor = factors[i + 1] or (numbers.multiplier(text[starts[i + 1] : ends[i + 1]]) or (1.0,))[0]
                if scale and factor != 1.0 and numbers.multiplier(text[starts[i] : ends[i]]) is None:
                    # "1, 5 and 10 million cells/kg": the power written once is every item's
                    for key in ("low", "high"):
                        if attrs[i].get(key) is not None:
                            attrs[i][key] = float(f"{attrs[i][key] * factor:.12g}")
                    factors[i] = factor
        # the unit written on the first value only ("170 ± 33 mg/dl and [221 ± 49]"), and only
        # for a pair: a longer list writes its unit last
        for i in range(1, len(values)):
            if (
                attrs[i].get("unit") is None
                and attrs[i - 1].get("unit") is not None
                and _COORD_RE.match(text[ends[i - 1] : starts[i]])
                and not (i + 1 < len(values) and _COORD_RE.match(text[ends[i] : starts[i + 1]]))
                and not (i >= 2 and _COORD_RE.match(text[ends[i - 2] : starts[i - 1]]))
            ):
                attrs[i]["unit"] = attrs[i - 1]["unit"]


def fill_missing_attrs(record: dict[str, Any], nlp: Language | None = None) -> dict[str, Any]:
    """Give every span of ``record`` the scheme attributes it lacks, as the pipeline would.

    For spans made or changed by hand (``celltx import-brat``): the annotator's values stay,
    the missing ones come from this component run over the record's spans (sentence and
    coordination context included; abbreviation links are not, as the pipeline's abbreviation
    finder does not run), then ``loinc``/``si`` where known. Spans whose attributes are all
    there are left untouched. ``nlp`` gives the tokenizer and the sentence and normaliser
    components (default: the "rules" pipeline). Changes ``record`` in place and returns it.
    """
    text = record.get("text")
    spans = [
        s for s in record.get("spans") or []
        if isinstance(s, dict) and s.get("label") in schema.LABELS and isinstance(s.get("attrs", {}), dict)
        and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
        and isinstance(text, str) and 0 <= s["start"] < s["end"] <= len(text)
    ]
    todo = {s["id"]: s for s in spans if set(schema.ATTRS[s["label"]]) - set(s.get("attrs") or {})}
    if not todo:
        return record
    if nlp is None:
        from ..pipeline import load

        nlp = load("rules")
    doc = record_to_doc(nlp, {**record, "spans": spans})
    doc = nlp.get_pipe("celltx_normalizer")(nlp.get_pipe("celltx_sentences")(doc))
    for span in doc.spans[schema.SPANS_KEY]:
        item = todo.get(span._.span_id)
        if item is not None:
            given = item.get("attrs") or {}
            computed = span._.attrs or {}
            item["attrs"] = {**{k: given.get(k, computed.get(k)) for k in schema.ATTRS[item["label"]]}, **given}
    from ..normalize.si import enrich_record  # loinc/si as the pipeline's last step adds them

    enriched = {s["id"]: s["attrs"] for s in enrich_record(copy.deepcopy(record))["spans"] if s.get("id") in todo}
    for sid, item in todo.items():
        for key in ("loinc", "si"):
            if key not in item["attrs"] and key in enriched.get(sid, {}):
                item["attrs"][key] = enriched[sid][key]
    return record


@Language.factory(
    "celltx_normalizer",
    assigns=["span._.attrs"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={},
)
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    register_extensions()
    return Normalizer(nlp, name)
