"""celltx_clean / celltx_finalize: the pipeline reads cleaned text and answers on the caller's."""

from __future__ import annotations

import pytest

from celltx import schema
from celltx.components.clean import SOURCE_KEY
from celltx.textnorm import clean

HTML = ("<p>Bone marrow mononuclear cells (BMMNCs) were infused at 1&times;10<sup> 6 </sup> cells/kg.</p>"
        "<p>ALT decreased from 80&plusmn;12 U/L to 35&#177;5 U/L at week&nbsp;4; BMMNCs were safe.</p>")
ODD = [
    HTML,
    "Autologous mesen\u00adchymal stem cells (MSC\u200bs) were infused; \ufb01brinogen was 2.1 g/L.",
    "MSCs\x00 were infused\x07 at 1×10^6\x0b cells/kg.\x1b ALT was 35±5\x7f U/L\x00\x01\x02.",
    "\u200bMSCs were given. <i>ALT</i> <span class=\"a b\">fell</span> to 35 U/L.",
    "\ufeff\u200b\u00ad",
]


@pytest.mark.parametrize("text", ODD)
def test_the_doc_is_over_the_callers_text(nlp, text):
    assert clean(text) is not None, "these texts are cleaned"
    doc = nlp(text)
    assert doc.text == text
    assert SOURCE_KEY not in doc.user_data
    for token in doc:  # as the tokenizer's: all white space or none
        assert token.text.isspace() or not any(c.isspace() for c in token.text), repr(token.text)
    for span in doc.spans[schema.SPANS_KEY]:
        assert span.text == text[span.start_char : span.end_char]
        assert span.text == span.text.strip()


def test_spans_attributes_and_relations_point_into_the_original(nlp):
    doc = nlp(HTML)
    found = {(s.label_, s.text): s._.attrs for s in doc.spans[schema.SPANS_KEY]}
    assert found[("DOSE", "1&times;10<sup> 6 </sup> cells/kg")]["low"] == 1e6
    assert found[("LAB_VALUE", "80&plusmn;12 U/L")]["value"] == 80.0
    assert found[("TIME_POINT", "week&nbsp;4")]["days"] == [28.0]
    assert [(h.text, t.text) for _, h, t in doc._.relations] == [("80&plusmn;12 U/L", "ALT"), ("35&#177;5 U/L", "ALT")]
    # a removed tag stays with the sentence before it
    assert [s.text for s in doc.sents] == [
        "<p>Bone marrow mononuclear cells (BMMNCs) were infused at 1&times;10<sup> 6 </sup> cells/kg.</p><p>",
        "ALT decreased from 80&plusmn;12 U/L to 35&#177;5 U/L at week&nbsp;4; BMMNCs were safe.</p>",
    ]


def test_abbreviations_are_moved_to_the_output_tokens(nlp):
    doc = nlp(HTML)
    (first, second) = doc._.abbreviations
    for item in (first, second):
        assert doc[item["short_start"] : item["short_end"]].text == item["short_text"] == "BMMNCs"
        assert doc[item["long_start"] : item["long_end"]].text == item["long_text"] == "Bone marrow mononuclear cells"
        assert doc[item["short_start"] : item["short_end"]]._.long_form == "Bone marrow mononuclear cells"
    assert {s.label_ for s in doc.spans[schema.SPANS_KEY] if s.text == "BMMNCs"} == {"CELL_TYPE"}


def test_plain_text_goes_through_unchanged(nlp):
    text = "MSCs were infused i.v. at 1x10^6 cells/kg."
    assert clean(text) is None
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.make_doc(text)]


def test_pipe_as_tuples_keeps_the_context(nlp):
    pairs = [(HTML, {"id": 1}), ("MSCs were infused.", {"id": 2})]
    out = list(nlp.pipe(pairs, as_tuples=True))
    assert [(doc.text, ctx) for doc, ctx in out] == [(HTML, {"id": 1}), ("MSCs were infused.", {"id": 2})]


def test_lone_surrogates_become_replacement_characters_at_the_same_offsets(nlp):
    text = "MSCs \udcff were infused at 1×10^6 cells/kg \ud800. ALT was 35±5 U/L."
    doc = nlp(text)
    assert len(doc.text) == len(text) and doc.text == text.replace("\udcff", "\ufffd").replace("\ud800", "\ufffd")
    assert ("DOSE", "1×10^6 cells/kg") in [(s.label_, s.text) for s in doc.spans[schema.SPANS_KEY]]


def test_the_shadow_of_an_ascii_text_is_its_translation():
    import random

    from celltx import textnorm

    for char in map(chr, range(128)):
        assert textnorm.shadow(char) == char.translate(textnorm._TABLE)
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 30)))
        assert textnorm.shadow(text) == text.translate(textnorm._TABLE)


def test_the_shadow_equals_the_translation_of_every_changed_character():
    import random
    import sys

    from celltx import textnorm

    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    assert set(textnorm._CHANGED.findall(everything)) == set(textnorm._MAP)
    rng = random.Random(12)
    pool = [*textnorm._MAP, *"abc 12.,±×µ"]
    for _ in range(3000):
        text = "".join(rng.choice(pool) if rng.random() < 0.3 else rng.choice("ab1 2.x") for _ in range(rng.randint(0, 150)))
        expected = text.translate(textnorm._TABLE)
        if "\u00b7" not in text:  # a middle dot may become a decimal point (checked elsewhere)
            assert textnorm.shadow(text) == expected, repr(text)
