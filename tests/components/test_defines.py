"""Building blocks ``{NAME}``: one word list, read by the rule files and by code alike."""

from __future__ import annotations

import pytest

from celltx.components.defines import (
    builtin_defines,
    check_word_list,
    expand,
    word_list,
    words_regex,
)
from celltx.components.merge import _compile_exclusion
from celltx.components.regex_spans import compile_rows
from celltx.resources import read_jsonl_resource
from celltx.textnorm import shadow


def test_a_word_list_is_a_building_block_of_literal_words_longest_first():
    block = builtin_defines()["NOT_ANALYTE"]
    assert block == words_regex(word_list("NOT_ANALYTE"))
    assert words_regex(("BP", "SBP", "PHQ-9")) == r"PHQ\-9|SBP|BP"
    assert expand("^{NOT_ANALYTE}$", builtin_defines()) == f"^(?:{block})$"


def test_the_not_analyte_list_is_read_by_the_exclusions_the_specimen_pattern_and_the_abbreviations():
    from celltx.components.abbreviations import _not_analytes

    assert any("{NOT_ANALYTE}" in row.get("text", "") for row in read_jsonl_resource("exclusions.jsonl"))
    (specimen,) = [p for p in compile_rows([dict(r) for r in read_jsonl_resource("numeric.jsonl")])
                   if p.name == "specimen_abbrev"]
    assert specimen.pattern.search("serum VEGF was") and not specimen.pattern.search("serum LVEF was")
    (label, text, _left, _right, _coordinated, _given, _document) = _compile_exclusion({"label": "LAB_TEST", "text": "^{NOT_ANALYTE}$"}, 1)
    assert label == "LAB_TEST" and text.search("PHQ-9") and not text.search("PHQ-90")
    assert {"IOP", "QOL", "MRNA"} <= _not_analytes()


def test_a_bad_word_list_row_is_an_error():
    with pytest.raises(ValueError, match="unknown keys"):
        check_word_list({"define": "X", "words": ["a"], "regex": "a"})
    with pytest.raises(ValueError, match="upper-case"):
        check_word_list({"define": "not_analyte", "words": ["a"]})
    with pytest.raises(ValueError, match="defined in code"):
        check_word_list({"define": "NUM", "words": ["a"]})
    with pytest.raises(ValueError, match="non-empty list"):
        check_word_list({"define": "X", "words": []})
    with pytest.raises(ValueError, match="repeats"):
        check_word_list({"define": "X", "words": ["a", "a"]})


def test_an_included_list_is_written_once_and_read_by_both_users():
    # the fluids other than blood are lab-name prefixes too ("[drainage hematocrit]", D58)
    fluids = set(word_list("OTHER_FLUID"))
    prefixes = word_list("LAB_NAME_PREFIX")
    assert fluids <= set(prefixes)
    assert len(prefixes) == len(set(prefixes))  # no word written in both lists
    with pytest.raises(ValueError, match="include"):
        check_word_list({"define": "X", "words": ["a"], "include": "OTHER_FLUID"})


def test_a_fluid_before_a_test_stays_in_its_name():
    from celltx import extract

    tests = [s["text"] for s in extract("Drainage hematocrit was 9% on day 1.")["spans"]
             if s["label"] == "LAB_TEST"]
    assert tests == ["Drainage hematocrit"]


def test_an_unknown_building_block_is_an_error():
    import pytest

    from celltx.components.defines import expand

    assert expand("a{2,3}{NUM}", {"NUM": r"\d+"}) == r"a{2,3}(?:\d+)"
    with pytest.raises(ValueError, match=r"\{SPREAD\}"):
        expand("(?:{NUM})(?:{SPREAD})?", {"NUM": r"\d+"})


def test_an_exclusion_row_may_name_several_labels():
    from celltx.components.merge import Merge

    merge = Merge(None, "t", priority=[], suppress={}, labels=None, anchors={}, confident=[])
    merge._compile([{"label": ["LAB_VALUE", "DOSE"], "left": "limit of detection\\s*$"}])
    assert set(merge.exclusions_by_label) == {"LAB_VALUE", "DOSE"}


def _guarded_blocks() -> list[tuple[str, str, str]]:
    from celltx.components.defines import guarded

    return [(name, block, guarded(block)) for name, block in builtin_defines().items() if guarded(block) != block]


def test_the_big_alternations_are_guarded_and_expand_is_unchanged():
    from celltx.components.defines import guarded_defines

    assert {"LABUNIT", "DRUG_UNIT", "FREQ_TERM"} <= {name for name, _block, _guard in _guarded_blocks()}
    assert not any(name in {"NUM", "NUMW", "RANGE_SEP"} for name, _block, _guard in _guarded_blocks())
    # what the rule files read is the block as written; the matchers compile the guarded one
    assert expand("{LABUNIT}", builtin_defines()) == f"(?:{builtin_defines()['LABUNIT']})"
    assert guarded_defines(builtin_defines())["LABUNIT"].startswith("(?=")


def test_a_guard_changes_no_match_of_its_block_in_either_case_context():
    import random

    import regex

    from .test_regex_prefilter import _texts

    texts = [shadow(t) for t in _texts()[::7]]
    blocks = _guarded_blocks()
    rng = random.Random(5)
    for name, block, guard in blocks:
        # short texts made of the block's own characters, matched at every position
        alphabet = sorted(set(regex.sub(r"\\[a-zA-Z]|[\\()\[\]?*+|{}^$]", "", block)) | set(" 1/.-μµKkſSsİIi"))
        samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(300)]
        for case in ("", "(?i)"):
            plain, with_guard = regex.compile(f"{case}(?:{block})"), regex.compile(f"{case}(?:{guard})")
            for text in texts:
                assert [m.span() for m in with_guard.finditer(text)] == [m.span() for m in plain.finditer(text)], name
            for text in samples:
                for pos in range(len(text)):
                    a, b = plain.match(text, pos), with_guard.match(text, pos)
                    assert (a and a.span()) == (b and b.span()), (name, case, text, pos)


def test_an_exclusion_row_may_require_something_of_the_whole_text():
    import spacy
    from spacy.tokens import Span

    from celltx.components.merge import Merge

    merge = Merge(None, "t", priority=[], suppress={}, labels=None, anchors={}, confident=[])
    merge._compile([{"label": "TIME_POINT", "text": "^D3$", "document": "(?i)vitamin D"}])
    nlp = spacy.blank("en")
    for text, excluded in (("Vitamin D was given; D3 rose.", 1), ("Pain was scored; D3 was the end.", 0)):
        doc = nlp(text)
        (d3,) = [t.i for t in doc if t.text == "D3"]
        assert merge._excluded(doc.text, Span(doc, d3, d3 + 1, label="TIME_POINT"), {}) == (excluded, False)
    with pytest.raises(ValueError, match="does not compile"):
        merge._compile([{"label": "TIME_POINT", "document": "(unbalanced"}])
