"""Property-based robustness: ``extract()`` on arbitrary and abstract-like generated text.

For every input: no exception; ``text[start:end] == span["text"]`` for every span; no two
spans of one label overlap; every VALUE_OF goes from an existing LAB_VALUE to an existing
LAB_TEST; the record is JSON-serialisable; two runs give the same record.
Example counts are modest so that tests/robustness runs in well under three minutes.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import SEEDS, check_record

PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,  # pipeline time varies with text length and machine load
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _same_twice(extract, text: str) -> dict:
    first = extract(text)
    second = extract(text)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True), "not deterministic"
    return first


# --------------------------------------------------------------------------- arbitrary str

# every code point, surrogates and control characters included
any_char = st.characters(codec=None, exclude_categories=())


@PROPERTY_SETTINGS
@given(text=st.text(alphabet=any_char, max_size=300))
def test_arbitrary_text(extract_full, text):
    check_record(_same_twice(extract_full, text), text)


@PROPERTY_SETTINGS
@given(text=st.text(max_size=2000))
def test_arbitrary_longer_text(extract_full, text):
    check_record(extract_full(text), text)


@PROPERTY_SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_tokenizer_keeps_text_and_white_space_tokens_pure(text):
    """The Doc's text is the input; a token is either all white space or has none inside."""
    import spacy

    from celltx.tokenizer import CelltxTokenizer

    doc = CelltxTokenizer(spacy.blank("en").vocab)(text)
    assert doc.text == text
    for token in doc:
        assert token.text.isspace() or not any(c.isspace() for c in token.text), repr(token.text)


# --------------------------------------------------------------------------- abstract-like

SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u202f", "\u200b", "\r\n"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=100_000).map(str),
    st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.sampled_from(["1,500", ".5", "0.5", "four", "twenty-four", "two", "III", "10(6)", "10^6"]),
)
PLUS_MINUS = ["±", " ± ", "+/-", " +/- ", "&plusmn;", " (", "–", "-", " to ", "−", "—", " vs "]
MULTIPLIERS = ["×10^6", " × 10^6", "x10^6", "x 10^6", "*10^6", "×10⁶", "×10⁸", "×106", "x107", " × 10⁻⁶",
               "10E6", "&times;10<sup>6</sup>", " million", "×10^", "×", "x", "*"]
UNITS = ["cells/kg", "cells", "MSCs/kg", "mg/dL", "mg/dl", "U/L", "IU/L", "μmol/L", "µmol/L", "umol/l", "g/l", "g/L",
         "%", "ml", "mL", "ng/mL", "×10^9/L", "mmHg", "kg", "/kg", "cells/m²", ""]
CELL_WORDS = ["MSCs", "MSC", "mesenchymal stem cells", "hUC-MSCs", "UC-MSCs", "BM-MSCs", "bone marrow-derived",
              "BMMNCs", "CD34+ cells", "CD34<sup>+</sup>", "hepatocytes", "stem cells", "autologous", "allogeneic",
              "umbilical cord", "Wharton's jelly", "ﬁbroblasts", "mesen\u00adchymal", "mesenchy-\nmal", "cells"]
LAB_WORDS = ["ALT", "AST", "TBIL", "albumin", "serum albumin", "ALB", "INR", "PT", "MELD", "MELD score",
             "Child-Pugh score", "total bilirubin", "Cholinesterase (CHE)", "CHE", "creatinine", "IOP", "HbA1c",
             "ﬁbrinogen", "platelet count", "AFP"]
TIME_WORDS = ["weeks", "week", "months", "month", "days", "day", "years", "hours", "h", "at week", "after",
              "at baseline", "follow-up", "postoperative day", "1, 3, 6 and 12 months", "24-week", "wk"]
ROUTE_FREQ = ["intravenously", "i.v.", "IV", "via the hepatic artery", "intraportal", "topically", "orally",
              "once", "twice", "twice daily", "once weekly", "every 4 weeks", "three times", "q.d.", "b.i.d."]
GLUE = ["was", "were", "from", "to", "and", "or", "respectively", "no", "not", "without", "(", ")", "[", "]",
        ",", ".", ";", ":", "=", "<", ">", "≤", "≥", "<=", "P<0.05", "vs.", "e.g.", "et al.", "n =", "group",
        "patients", "decreased", "increased", "received", "at", "of", "per", "in", "&amp;", "<p>", "</p>",
        "<br/>", "间充质干细胞", "مرحبا", "שלום", "\u202e", "\x00", "\x07", "\ufeff"]

number_phrase = st.tuples(
    NUMBERS, st.sampled_from(["", *PLUS_MINUS]), NUMBERS, st.sampled_from(["", "", *MULTIPLIERS]),
    st.sampled_from(["", " ", " "]), st.sampled_from(UNITS),
).map(lambda t: t[0] + (t[1] + t[2] if t[1] else "") + t[3] + t[4] + t[5])
word = st.one_of(
    number_phrase,
    st.sampled_from(CELL_WORDS),
    st.sampled_from(LAB_WORDS),
    st.sampled_from(TIME_WORDS),
    st.sampled_from(ROUTE_FREQ),
    st.sampled_from(GLUE),
)
abstract_like = st.lists(st.tuples(word, st.sampled_from(SPACES)), min_size=1, max_size=60).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@PROPERTY_SETTINGS
@given(text=abstract_like)
def test_abstract_like_text(extract_full, text):
    check_record(_same_twice(extract_full, text), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(abstract_like, min_size=1, max_size=5))
def test_abstract_like_paragraphs(extract_full, texts):
    """Several generated sentences as paragraphs: sentence and abbreviation logic across lines."""
    text = "\n\n".join(texts)
    check_record(extract_full(text), text)


# --------------------------------------------------------------------------- mutated seeds

SEED_TEXTS = sorted(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
HOSTILE_INSERTS = ["\x00", "\u00ad", "\u200b", "\ufeff", "&plusmn;", "<sup>", "</sup>", "<p>", "\u202e", "\r",
                   "ﬁ", "−", "×", "⁶", "\ud800", "\n", "  ", "间", "&#x3bc;", "&", "<"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_seed_abstracts(extract_full, data):
    """Real abstracts (the project's seeds) with hostile characters inserted anywhere."""
    text = data.draw(st.sampled_from(SEED_TEXTS), label="seed")
    cuts = data.draw(st.lists(st.integers(min_value=0, max_value=len(text)), max_size=12), label="positions")
    for pos in sorted(cuts, reverse=True):
        text = text[:pos] + data.draw(st.sampled_from(HOSTILE_INSERTS), label="insert") + text[pos:]
    check_record(extract_full(text), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=abstract_like, data=st.data())
def test_abstract_like_text_with_the_trained_ner(ner_systems, text, data):
    import celltx

    system = data.draw(st.sampled_from(ner_systems), label="system")
    check_record(celltx.extract(text, system=system), text)
