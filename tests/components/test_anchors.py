"""Trying a pattern only at its start atoms finds exactly what a scan of the whole text finds."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from celltx.components import anchors
from celltx.components.regex_spans import compile_rows
from celltx.normalize import cells
from celltx.resources import read_jsonl_resource
from celltx.textnorm import shadow

from .test_regex_prefilter import _texts


def _patterns() -> list[tuple[str, regex.Pattern]]:
    rows = [dict(r) for r in read_jsonl_resource("numeric.jsonl")]
    return [(p.name, p.pattern) for p in compile_rows(rows)] + [("cell_grammar", cells.tables().grammar)]


def _same(pattern: regex.Pattern, atoms: anchors.StartAtoms, text: str) -> bool:
    positions = anchors.Candidates(text, anchors.AtomIndex([atoms])).of(atoms)
    plain = [m.span() for m in pattern.finditer(text)]
    return positions is None or [m.span() for m in anchors.finditer(pattern, text, positions)] == plain


def test_anchored_scan_equals_plain_scan_on_the_corpora():
    patterns = [(name, p, anchors.start_atoms(p.pattern, p.flags)) for name, p in _patterns()]
    analysed = [name for name, _, atoms in patterns if atoms is not None]
    assert len(analysed) >= 40, "most patterns should have start atoms"
    for text in _texts():
        view = shadow(text)
        for name, pattern, atoms in patterns:
            if atoms is not None:
                assert _same(pattern, atoms, view), f"{name}: anchored scan differs on {view[:80]!r}"


@pytest.mark.parametrize(
    "source",
    [
        r"(?<![\w.])\d+\s*mg",
        r"(?i)(?<![\w-])(?:once|twice|(?:\d+)\s+times)\s+daily",
        r"(?:a|b)?c+d",
        r"(?i:(?<![\w-])(?:k|s|i)\w+)",
        r"x*(?:yz|[0-9])",
        r"(?>ab|a)c",
        r"(?i)twice|thrice|times?\b",
        r"(?i)vs|versus",
        r"(?<![\w-])(?:kg|kilogram)s?",
        r"(?i:(?<![\w-])t)(?:w(?:ice|o)|imes)",
    ],
)
def test_anchored_scan_equals_plain_scan_on_random_text(source):
    pattern = regex.compile(source)
    atoms = anchors.start_atoms(pattern.pattern, pattern.flags)
    assert atoms is not None
    rng = random.Random(source)
    alphabet = "abcdxyz0123456789 .-mgKSIkisuİſK\ntimesoncetwicedailyTWvsersuKGlo"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert _same(pattern, atoms, text), text


def test_a_short_literal_prefix_is_extended_by_the_words_after_it():
    # the parser reads "twice|thrice|times" as "t" followed by three endings: the atoms are the
    # three words, not every "t" of the text
    atoms = anchors.start_atoms(r"(?i)twice|thrice|times?\b")
    assert atoms is not None and not atoms.classes
    assert {w for w, _ci in atoms.words} == {"twice", "thrice", "time"}
    assert {w for w, _ci in anchors.start_atoms(r"(?i)vs|versus").words} == {"vs", "versus"}
    # a prefix followed by a class stays a one-character class
    assert anchors.start_atoms(r"D\d|W\d").classes


def test_a_class_scan_with_a_lead_finds_the_same_positions():
    atoms = anchors.start_atoms(r"(?<![\w.])\d+\s*mg")
    assert atoms is not None and atoms.lead
    text = "1 mg, a2 mg, .3 mg, 45mg\n6 mg 7"
    index = anchors.AtomIndex([atoms])
    plain = [m.start() for m in regex.finditer(f"{atoms.lead}(?:{'|'.join(atoms.classes)})", text)]
    assert anchors.Candidates(text, index).of(atoms) == plain == [0, 20, 25, 30]


@pytest.mark.parametrize("source", [r"a*", r"(?:x|)", r"(a)?\1b", r"\bfoo|"])
def test_no_atoms_where_a_match_can_be_empty_or_unreadable(source):
    assert anchors.start_atoms(source) is None


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="narrow build")
def test_fold_lists_every_non_ascii_case_partner_of_an_ascii_letter():
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    partners = {m.group() for m in regex.finditer(r"(?i)[a-z]", everything) if not m.group().isascii()}
    assert partners == set(anchors.FOLD)
    for char, letter in anchors.FOLD.items():
        assert regex.fullmatch(f"(?i){letter}", char)


def test_a_word_scan_finds_every_position_of_every_word():
    rng = random.Random(7)
    words = ["a", "ab", "abc", "b", "bc", "ca", "x.y", "once", "on", "o"]
    for ignorecase in (False, True):
        scan = anchors.WordScan(words + (["AB", "On"] if ignorecase else []), ignorecase)
        for _ in range(300):
            text = "".join(rng.choice("abcxy.on ") for _ in range(rng.randint(0, 30)))
            found = scan.find(text)
            for word in found:
                expected = [i for i in range(len(text)) if text.startswith(word, i)]
                assert found[word] == expected, (word, text)
