"""Hostile and odd input, one test each. Offsets are always checked against the original text.

Where an odd spelling has a plain equivalent ("1×10⁶" / "1×10^6", "µ" / "μ", "&plusmn;" / "±"),
the test asserts that both are *read* the same way: by the rule-based system, the whole record
(same labels, same normalised attributes, in order); by the full system (which adds a trained
NER whose features see the raw characters), the mentions the odd spelling is about.
"""

from __future__ import annotations

import pytest

from .helpers import SEEDS, check_record, labelled, reading, texts_of

PLAIN = "MSCs were infused at 1×10^6 cells/kg. ALT decreased from 80±12 U/L to 35±5 U/L at week 4."


def _same_reading(extract_full, extract_rules, odd: str, plain: str, labels: tuple[str, ...]) -> None:
    assert reading(extract_rules(odd)) == reading(extract_rules(plain))
    assert reading(extract_full(odd), labels) == reading(extract_full(plain), labels)


def _one(record, label):
    found = labelled(record, label)
    assert len(found) == 1, f"expected one {label}, got {[(s['label'], s['text']) for s in record['spans']]}"
    return found[0]


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\t  \r\n", "\u00a0\u2009\u3000", "\u200b", "\ufeff\u200b\u00ad", "\x00\x00", "<p></p>", "&nbsp;"],
    ids=["empty", "space", "blank-lines", "unicode-spaces", "zero-width", "invisible-only", "nul-only", "empty-html", "nbsp-entity"],
)
def test_empty_and_whitespace_only(extract_full, text):
    record = extract_full(text)
    check_record(record, text)
    assert record["spans"] == [] and record["relations"] == []


def test_two_megabyte_abstract_dump(extract_full):
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    block = "\n\n".join(seeds) + "\n\n"
    copies = 2_000_000 // len(block) + 1
    late = "Finally, hUC-MSCs were infused intravenously at 2×10^6 cells/kg. TBIL was 21.5±3.2 μmol/L at week 12.\n"
    text = block * copies + late
    assert len(text) >= 2_000_000
    record = extract_full(text)
    check_record(record, text)
    late_start = len(text) - len(late)
    late_spans = {s["label"]: s for s in record["spans"] if s["start"] >= late_start}
    assert late_spans["DOSE"]["text"] == "2×10^6 cells/kg" and late_spans["DOSE"]["attrs"]["low"] == 2e6
    assert late_spans["LAB_VALUE"]["attrs"]["value"] == 21.5
    assert {"CELL_TYPE", "ROUTE", "LAB_TEST", "TIME_POINT"} <= set(late_spans)
    # the last copy of the seeds is read like the first one (chunking loses nothing late)
    first = [(s["label"], s["text"]) for s in record["spans"] if s["end"] <= len(block)]
    last_start = len(block) * (copies - 1)
    last = [(s["label"], s["text"]) for s in record["spans"] if last_start <= s["start"] and s["end"] <= late_start]
    assert len(last) >= 0.9 * len(first) > 0


@pytest.mark.parametrize("token", ["x" * 100_000, "1" * 100_000, "ab1." * 25_000, "±" * 100_000],
                         ids=["letters", "digits", "mixed", "symbols"])
def test_hundred_thousand_character_token(extract_full, token):
    text = "MSCs were infused. " + token + " ALT was 35±5 U/L."
    record = extract_full(text)
    check_record(record, text)
    assert "MSCs" in texts_of(record, "CELL_TYPE")
    after = [s for s in record["spans"] if s["start"] > 100_000]
    assert ("LAB_TEST", "ALT") in [(s["label"], s["text"]) for s in after]


def test_nul_and_control_characters(extract_full):
    text = "MSCs\x00 were infused\x07 at 1×10^6\x0b cells/kg.\x1b ALT was 35±5\x7f U/L\x00\x01\x02."
    record = extract_full(text)
    check_record(record, text)
    assert "MSCs" in texts_of(record, "CELL_TYPE")
    assert _one(record, "DOSE")["attrs"]["low"] == 1e6
    assert _one(record, "LAB_VALUE")["attrs"]["value"] == 35.0


def test_html_tags_and_entities(extract_full, extract_rules):
    html = ("<p>MSCs were infused at 1&times;10<sup>6</sup> cells/kg.</p><p>ALT decreased from 80&plusmn;12 U/L "
            "to 35&#177;5 U/L at week&nbsp;4.</p>")
    record = extract_full(html)
    check_record(record, html)
    _same_reading(extract_full, extract_rules, html, PLAIN, ("DOSE", "LAB_VALUE"))
    assert _one(record, "DOSE")["text"] == "1&times;10<sup>6</sup> cells/kg"
    assert [s["text"] for s in labelled(record, "LAB_VALUE")] == ["80&plusmn;12 U/L", "35&#177;5 U/L"]
    assert not any(s["text"].startswith("<") or s["text"].endswith(">") for s in record["spans"])


def test_html_look_alikes_are_left_alone(extract_full):
    text = "ALT <ULN and AST> 2 x ULN; P<0.05; R&D; AT&T; x &unknown; y; CD34<sup>+</sup> cells"
    record = extract_full(text)
    check_record(record, text)
    assert "ALT" in texts_of(record, "LAB_TEST")


def test_pdf_ligatures(extract_full, extract_rules):
    text = "Bone marrow-derived \ufb01broblasts were infused; \ufb01brinogen was 2.1 g/L and the \ufb02ow rate was 5 ml."
    plain = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    record = extract_full(text)
    check_record(record, text)
    _same_reading(extract_full, extract_rules, text, plain, ("CELL_TYPE", "LAB_TEST", "LAB_VALUE"))
    assert "\ufb01brinogen" in texts_of(record, "LAB_TEST")


def test_non_breaking_thin_and_zero_width_spaces(extract_full, extract_rules):
    text = ("MSC\u200bs\u00a0were infused at 1\u2009×\u200910^6\u00a0cells/kg.\u202fALT\u200b decreased from "
            "80\u2009±\u200912\u00a0U/L to 35\u202f±\u202f5 U/L at week\u00a04.")
    record = extract_full(text)
    check_record(record, text)
    plain = PLAIN.replace("±", " ± ").replace("1×10^6", "1 × 10^6")
    _same_reading(extract_full, extract_rules, text, plain, ("DOSE", "LAB_VALUE"))
    assert _one(record, "DOSE")["attrs"]["unit"] == "cells/kg"
    assert "MSC\u200bs" in texts_of(record, "CELL_TYPE")


@pytest.mark.parametrize(
    "odd, plain",
    [
        ("a dose of 0.5\u20131.0×10^6 cells/kg", "a dose of 0.5-1.0×10^6 cells/kg"),  # en dash
        ("a dose of 0.5\u20141.0×10^6 cells/kg", "a dose of 0.5-1.0×10^6 cells/kg"),  # em dash
        ("a dose of 0.5\u22121.0×10^6 cells/kg", "a dose of 0.5-1.0×10^6 cells/kg"),  # Unicode minus
        ("at 1×10^\u22126 cells/kg", "at 1×10^-6 cells/kg"),
        ("ALT was \u22125.2 U/L", "ALT was -5.2 U/L"),
        ("at 1x10^6 cells/kg", "at 1×10^6 cells/kg"),
        ("at 1*10^6 cells/kg", "at 1×10^6 cells/kg"),
        ("at 1 x 10^6 cells/kg", "at 1 × 10^6 cells/kg"),
        ("at 1\u22c510^6 cells/kg", "at 1·10^6 cells/kg"),
        ("at weeks 4\u20138", "at weeks 4-8"),
    ],
)
def test_unicode_minus_dashes_and_multipliers(extract_full, extract_rules, odd, plain):
    record = extract_full(odd)
    check_record(record, odd)
    assert record["spans"], "the plain form is found, so the odd one must be too"
    _same_reading(extract_full, extract_rules, odd, plain, ("DOSE", "LAB_VALUE", "TIME_POINT"))


@pytest.mark.parametrize(
    "odd, plain",
    [
        ("MSCs were infused at 1×10⁶ cells/kg.", "MSCs were infused at 1×10^6 cells/kg."),
        ("MSCs were infused at 1 × 10⁶ cells/kg.", "MSCs were infused at 1 × 10^6 cells/kg."),
        ("a total of 2.5×10⁸ cells", "a total of 2.5×10^8 cells"),
        ("at 1×10⁻⁶ cells/kg", "at 1×10^-6 cells/kg"),
    ],
)
def test_superscript_digits(extract_full, extract_rules, odd, plain):
    record = extract_full(odd)
    check_record(record, odd)
    dose = _one(record, "DOSE")
    _same_reading(extract_full, extract_rules, odd, plain, ("DOSE",))
    assert dose["attrs"]["low"] == _one(extract_full(plain), "DOSE")["attrs"]["low"]


def test_micro_sign_and_greek_mu(extract_full, extract_rules):
    micro = "TBIL was 17.9±5.6 \u00b5mol/L and 1×10^6 cells/\u00b5l"
    mu = micro.replace("\u00b5", "\u03bc")
    record = extract_full(micro)
    check_record(record, micro)
    _same_reading(extract_full, extract_rules, micro, mu, ("DOSE", "LAB_VALUE"))
    assert _one(record, "LAB_VALUE")["attrs"]["unit"] == _one(extract_full("TBIL was 17.9±5.6 umol/L"), "LAB_VALUE")["attrs"]["unit"]


def test_cjk_and_right_to_left_text_mixed_in(extract_full):
    text = ("间充质干细胞（MSCs）以1×10^6 cells/kg静脉输注。 مرحبا MSCs שלום were infused at 1×10^6 cells/kg.\u200f "
            "\u202bALT\u202c decreased from 80±12 U/L to 35±5 U/L at week 4 (第4周).")
    record = extract_full(text)
    check_record(record, text)
    assert len(labelled(record, "DOSE")) == 2
    assert "ALT" in texts_of(record, "LAB_TEST")
    assert [s["attrs"]["value"] for s in labelled(record, "LAB_VALUE")] == [80.0, 35.0]


def test_soft_hyphens_and_line_break_hyphenation(extract_full, extract_rules):
    soft = "Autologous mesen\u00adchymal stem cells were infused. ALT was 35±5 U/L."
    record = extract_full(soft)
    check_record(record, soft)
    _same_reading(extract_full, extract_rules, soft, soft.replace("\u00ad", ""), ("CELL_TYPE", "LAB_VALUE"))
    assert "mesen\u00adchymal stem cells" in texts_of(record, "CELL_TYPE")
    # Line-break hyphenation ("mesenchy-\nmal") is not joined (a real hyphen may end a line too:
    # "marrow-\nderived"); the record stays valid and text around it is read as usual.
    broken = "Autologous mesenchy-\nmal stem cells and bone marrow-\nderived MSCs were infused.\nALT was 35±5 U/L."
    record = extract_full(broken)
    check_record(record, broken)
    assert "ALT" in texts_of(record, "LAB_TEST") and "MSCs" in " ".join(texts_of(record, "CELL_TYPE"))


def test_lone_surrogates(extract_full):
    text = "MSCs \udcff were infused at 1×10^6 cells/kg \ud800. ALT was 35±5 U/L."
    record = extract_full(text)
    check_record(record, text)
    assert _one(record, "DOSE")["attrs"]["low"] == 1e6


@pytest.mark.parametrize("text", ["at month 1\nand month 3", "at month 1\n\nand month 3", "0cells 0cells \x00 "])
def test_trained_ner_spans_do_not_end_on_white_space(ner_systems, text):
    """Regression: the NER's entities used to keep a trailing white-space token ("month 1\\n");
    and the tokenizer used to make one token of "\\x00 " (NUL + space), which the NER kept."""
    import celltx

    for system in ner_systems:
        check_record(celltx.extract(text, system=system), text)


def test_a_list_of_thousands_of_numbers_is_read_in_linear_time(extract_full):
    # list patterns look ahead over the rest of a list; unbounded, every number of a long list
    # rescanned the whole tail (a 150 KB list did not finish in two minutes)
    text = "ALT was " + ", ".join(str(i) for i in range(8000)) + " U/L at weeks 1, 2 and 4. AST was 40 U/L."
    record = extract_full(text)
    check_record(record, text)
    assert ("LAB_VALUE", "40 U/L") in [(s["label"], s["text"]) for s in record["spans"]]


def test_a_list_of_results_is_read_as_one_list_up_to_thirty_one_items(extract_rules):
    short = "Glucose was " + ", ".join(f"{i}.5" for i in range(1, 6)) + " mmol/L."
    assert len(labelled(extract_rules(short), "LAB_VALUE")) == 5
    long = "Glucose was " + ", ".join(f"{i}.5" for i in range(1, 61)) + " mmol/L."
    values = [s["text"] for s in labelled(extract_rules(long), "LAB_VALUE")]
    # a list has at most 30 separators: the items far from the unit are not read as its values
    assert "1.5" not in values and {f"{i}.5" for i in range(31, 60)} <= set(values)
    assert values[-1] == "60.5 mmol/L"
