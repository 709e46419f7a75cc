"""celltx's abbreviation detector finds what scispaCy's does, in the same order."""

from __future__ import annotations

import random

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from celltx.components.abbreviations import MAX_INSIDE, _detector_class, bracket_pairs

from .test_regex_prefilter import _texts


def test_bracket_pairs_are_the_matchers_in_its_order():
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    rng = random.Random(0)
    for _ in range(2000):
        words = [rng.choice(["(", ")", "a", "b", "(("]) for _ in range(rng.randint(1, 40))]
        doc = Doc(nlp.vocab, words=words)
        expected = [(s, e) for _, s, e in matcher(doc) if e - s - 2 <= MAX_INSIDE]
        assert bracket_pairs(doc) == expected, words


def test_same_abbreviations_as_scispacy(nlp, monkeypatch):
    """With round brackets only (scispaCy's pattern), the same pairs as scispaCy's detector."""
    from scispacy.abbreviation import AbbreviationDetector

    from celltx.components import abbreviations

    monkeypatch.setattr(abbreviations, "BRACKETS", (("(", ")"),))
    from celltx.components.matchers import empty_matchers_allowed

    ours = _detector_class()(nlp, name="ours")
    theirs = AbbreviationDetector(nlp, name="theirs")
    n = 0
    for text in _texts():
        a = [(s.start, s.end, s._.long_form.start, s._.long_form.end) for s in ours(nlp.make_doc(text))._.abbreviations]
        with empty_matchers_allowed():  # scispaCy's own detector warns on its empty matcher (W036)
            b = [(s.start, s.end, s._.long_form.start, s._.long_form.end) for s in theirs(nlp.make_doc(text))._.abbreviations]
        assert sorted(a) == sorted(b)  # scispaCy keeps each definition's occurrences in a set
        n += len(a)
    assert n > 50


def test_square_brackets_define_abbreviations_too(nlp):
    doc = _detector_class()(nlp, name="ours")(nlp.make_doc("Total cholesterol [TC] fell; TC rose in controls."))
    assert sorted((s.text, s._.long_form.text) for s in doc._.abbreviations) == [
        ("TC", "Total cholesterol"), ("TC", "Total cholesterol")]
