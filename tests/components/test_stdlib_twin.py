"""A pattern's ``re`` twin finds what the ``regex`` pattern finds, on every text called safe."""

from __future__ import annotations

import random

import pytest
import regex

from celltx.components import stdlib_twin
from celltx.components.regex_spans import compile_rows
from celltx.normalize import cells
from celltx.resources import read_jsonl_resource
from celltx.textnorm import shadow

from .test_regex_prefilter import _texts


def _all_patterns() -> list[tuple[str, regex.Pattern]]:
    rows = [dict(r) for r in read_jsonl_resource("numeric.jsonl")]
    out = [("cell_grammar", cells.tables().grammar)]
    for p in compile_rows(rows):
        out += [(f"{p.name}:{part}", q) for part, q in (
            ("regex", p.pattern), ("exclude_left", p.exclude_left), ("exclude_right", p.exclude_right),
            ("require_left", p.require_left), ("require_right", p.require_right), ("prefilter", p.prefilter))
            if q is not None]
    return out


def _matches(pattern, text: str) -> list:
    """Every match (span and group spans) at every position, and the whole-text scan."""
    at = [(pos, m.regs if m else None) for pos in range(len(text) + 1) for m in [pattern.match(text, pos)]]
    return [at, [m.regs for m in pattern.finditer(text)], pattern.search(text) is not None]


def test_most_patterns_have_a_twin():
    patterns = _all_patterns()
    twinned = [name for name, p in patterns if stdlib_twin.twin(p) is not None]
    assert len(twinned) >= 0.7 * len(patterns)


def test_twins_match_alike_on_the_safe_corpus_texts():
    patterns = [(name, p, stdlib_twin.twin(p)) for name, p in _all_patterns()]
    patterns = [(name, p, t) for name, p, t in patterns if t is not None]
    safe = 0
    for text in _texts():
        view = shadow(text)
        if not stdlib_twin.text_is_safe(view):
            continue
        safe += 1
        for name, pattern, twin in patterns:
            assert [m.regs for m in twin.finditer(view)] == [m.regs for m in pattern.finditer(view)], name
    assert safe > 50


#: Characters a safe text may hold (ASCII, symbols without case) and ones that make it unsafe.
SAFE_CHARS = "0123456789 .,;:-+/()[]%<>=±×≥≤−–—□*^\n\tabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉöμΜβγ"
UNSAFE_CHARS = ["\x1c", "\u00b2", "\u212a", "\u017f", "\u0130", "\u0131", "\u00b5", "\u00df", "\u0301", "\u0663"]
#: Letters with case that both modules fold alike (names, Greek letters of biomedical text).
CASE_SAFE_CHARS = ["\u00e9", "\u00c9", "\u00f6", "\u0142", "\u03bc", "\u03b2", "\u0393", "\u0436"]


@pytest.mark.parametrize("char", UNSAFE_CHARS)
def test_characters_the_modules_may_read_differently_make_a_text_unsafe(char):
    assert stdlib_twin.text_is_safe("12 mg/dl ± 3")
    assert not stdlib_twin.text_is_safe(f"12 mg/dl {char} 3")


@pytest.mark.parametrize("char", CASE_SAFE_CHARS)
def test_letters_both_modules_fold_alike_keep_a_text_safe(char):
    assert stdlib_twin.text_is_safe(f"Müller 12 mg/dl {char} 3")


def test_the_case_safe_letters_have_the_same_case_class_in_both_modules():
    # every letter with case of the ranges, against every character of Unicode: the
    # characters (?i) matches it to are the same in both modules and none is ASCII, and \\w,
    # \\s and \\d read it alike (~10 s)
    import re
    import sys

    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    checked = 0
    for low, high in stdlib_twin.CASE_SAFE_RANGES:
        for char in map(chr, range(low, high + 1)):
            if char in stdlib_twin.CASE_UNSAFE or (char.lower() == char == char.upper() and char.casefold() == char):
                continue
            in_re = {m.group() for m in re.finditer("(?i)" + re.escape(char), everything)}
            in_regex = {m.group() for m in regex.finditer("(?i)" + regex.escape(char), everything)}
            assert in_re == in_regex, char
            assert not any(c.isascii() for c in in_re), char
            for cls in (r"\w", r"\s", r"\d"):
                assert bool(re.match(cls, char)) == bool(regex.match(cls, char)), (char, cls)
            checked += 1
    assert checked > 700
    for char in stdlib_twin.CASE_UNSAFE:  # each is there for a reason
        in_re = {m.group() for m in re.finditer("(?i)" + re.escape(char), everything)}
        in_regex = {m.group() for m in regex.finditer("(?i)" + regex.escape(char), everything)}
        assert in_re != in_regex or any(c.isascii() for c in in_re), char


def test_twins_match_alike_on_random_safe_text():
    patterns = [(name, p, stdlib_twin.twin(p)) for name, p in _all_patterns()]
    patterns = [(name, p, t) for name, p, t in patterns if t is not None]
    rng = random.Random(13)
    words = ["mg", "mg/dL", "ng/ml", "cells/kg", "x 10^6", "×10(6)", "once", "twice", "daily", "per", "day",
             "week", "weeks", "months", "mean", "SD", "±", "(", ")", "[", "]", ",", "and", "or", "to", "-",
             "1.5", "12", "1,000", "0.5", "IU", "mmol/L", "%", "kg", "from", "baseline", "serum", "levels",
             "IL-6", "CD34+", "MSCs", "b.i.d.", "q.d.", "i.v.", "  ", "\n"]
    for _ in range(150):
        pieces = [rng.choice(words) if rng.random() < 0.8 else rng.choice(SAFE_CHARS) for _ in range(rng.randint(1, 14))]
        text = "".join(p + (" " if rng.random() < 0.6 else "") for p in pieces)
        assert stdlib_twin.text_is_safe(text)
        for name, pattern, twin in patterns:
            assert _matches(twin, text) == _matches(pattern, text), (name, text)


@pytest.mark.parametrize(
    "source, has_twin",
    [
        (r"(?<![\w.])\d+\s*mg", True),
        (r"(?i)(?<![\w-])(?:once|twice)\s+daily", True),
        (r"(?<=\d\s?,\s?)\d+", True),  # variable width, bounded: written as four fixed-width ones
        (r"(?<!\b[pP]\s?[=<>])\d+", True),
        (r"(?<=to\s*)\d+", False),  # unbounded: re cannot
        (r"(?<=(?P<x>a|bc))d", False),  # a capture inside: its value would depend on the variant
        (r"(?P<n>a)|(?P<n>b)", False),  # a name used twice: re cannot
        (r"(?i)\u212a", False),  # the Kelvin sign folds to ASCII "k"
        (r"(?i)[\u0100-\u0200]", False),  # holds the long s, which folds to ASCII "s"
        (r"(?i)[μµu]g", True),  # μ and µ fold to each other only
        (r"(a)\1", False),  # a back-reference
        (r"\p{L}", False),  # syntax only the regex module knows
    ],
)
def test_which_patterns_get_a_twin(source, has_twin):
    assert (stdlib_twin.twin(regex.compile(source)) is not None) is has_twin


def test_a_twin_for_scanning_must_not_match_empty():
    assert stdlib_twin.twin(regex.compile(r"a*")) is not None
    assert stdlib_twin.twin(regex.compile(r"a*"), nonempty=True) is None


@pytest.mark.parametrize(
    "source",
    [r"(?<=\d\s?,\s?)\d+", r"(?<!\b[pP]\s?[=<>]\s?)\d+", r"(?:(?<![\w-])|(?<=\b[DW]\d{1,3}-))[DW]\d{1,3}",
     r"(?<=(?:g|mg|IU|units?)\s)(?:qd|od)", r"(?i)(?<!(?:ab|c){1,2})x"],
)
def test_a_bounded_lookbehind_spelt_out_matches_alike(source):
    pattern = regex.compile(source)
    twin = stdlib_twin.twin(pattern)
    assert twin is not None
    rng = random.Random(source)
    alphabet = "0123456789 ,-pP=<>DWgmIUunitsqodabcxX"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _matches(twin, text) == _matches(pattern, text), text


def test_a_twin_may_ignore_groups_its_caller_does_not_read():
    pattern = regex.compile(r"(?P<n>a)b|c(?P<n>d)|(?P<span>e)f")
    assert stdlib_twin.twin(pattern) is None  # "n" twice
    twin = stdlib_twin.twin(pattern, names=frozenset({"span"}))
    assert twin is not None and set(twin.groupindex) == {"span"}
    for text in ["ab", "cd", "ef", "xaby", "cdef"]:
        assert [(m.span(), m.span("span")) for m in twin.finditer(text)] == [
            (m.span(), m.span("span")) for m in pattern.finditer(text)]
    # a name read twice cannot be one group in re
    assert stdlib_twin.twin(regex.compile(r"(?P<span>a)|b(?P<span>c)"), names=frozenset({"span"})) is None


def test_the_regex_step_twins_find_alike_on_the_safe_corpus_texts():
    from celltx.components.regex_spans import _with_twins

    rows = [dict(r) for r in read_jsonl_resource("numeric.jsonl")]
    pairs = [(p, _with_twins(p)) for p in compile_rows(rows)]
    pairs = [(p, t) for p, t in pairs if t.pattern is not p.pattern]
    assert len(pairs) >= 50

    def found(pattern, text):
        return [(m.span(), m.span("span") if "span" in pattern.groupindex else None) for m in pattern.finditer(text)]

    for text in _texts():
        view = shadow(text)
        if stdlib_twin.text_is_safe(view):
            for p, t in pairs:
                assert found(t.pattern, view) == found(p.pattern, view), p.name


def test_a_relaxed_pattern_matches_wherever_its_pattern_does():
    rows = [dict(r) for r in read_jsonl_resource("numeric.jsonl")]
    pairs = [(p, stdlib_twin.relaxed(p.pattern)) for p in compile_rows(rows)
             if stdlib_twin.twin(p.pattern, True, frozenset({"span"})) is None]
    pairs = [(p, r) for p, r in pairs if r is not None]
    assert len(pairs) >= 8
    checked = 0
    for text in _texts()[::2]:
        view = shadow(text)
        if not stdlib_twin.text_is_safe(view):
            continue
        for p, relaxed in pairs:
            for m in p.pattern.finditer(view):
                checked += 1
                assert relaxed.match(view, m.start()), (p.name, view[m.start() : m.end()])
    assert checked > 100


@pytest.mark.parametrize(
    "source, relaxable",
    [
        (r"(?<=\bbetween\s+\d+)\s+and\s+\d+", True),  # left out: matches more
        (r"(?<!\d\s*,\s*)\d+ mg", True),
        (r"(?!x(?<=a\s*))\w", False),  # inside a negative lookahead: leaving it out would match less
        (r"(?P<n>a)|(?P<n>b)(?<=b\s*)", True),
    ],
)
def test_which_patterns_have_a_relaxed_form(source, relaxable):
    pattern = regex.compile(source)
    relaxed = stdlib_twin.relaxed(pattern)
    assert (relaxed is not None) is relaxable
    if relaxed is not None:
        rng = random.Random(source)
        for _ in range(300):
            text = "".join(rng.choice("ab x,12 mg between and") for _ in range(rng.randint(0, 12)))
            for pos in range(len(text) + 1):
                if pattern.match(text, pos):
                    assert relaxed.match(text, pos), (text, pos)
