"""A left-context pattern run backwards answers as its search does."""

from __future__ import annotations

import random

import pytest
import regex

from celltx.components.defines import builtin_defines, expand
from celltx.components.mirror import mirrored
from celltx.components.regex_spans import compile_rows
from celltx.resources import read_jsonl_resource
from celltx.textnorm import shadow

from .test_regex_prefilter import _texts


def _same(pattern: regex.Pattern, mirror: regex.Pattern, text: str) -> bool:
    return (pattern.search(text) is not None) == (mirror.match(text[::-1]) is not None)


def _left_patterns() -> list[regex.Pattern]:
    defines = builtin_defines()
    out = []
    for row in read_jsonl_resource("exclusions.jsonl"):
        if row.get("left"):
            out.append(regex.compile(expand(row["left"], defines)))
    # the regex step's left contexts as it compiles them (with guarded building blocks)
    for pat in compile_rows([dict(r) for r in read_jsonl_resource("numeric.jsonl")]):
        out += [p for p in (pat.exclude_left, pat.require_left) if p is not None]
    return out


def test_the_exclusion_left_contexts_run_backwards_answer_alike_on_the_corpora():
    pairs = [(p, m) for p in _left_patterns() for m in [mirrored(p)] if m is not None]
    assert len(pairs) >= 40
    rng = random.Random(3)
    for text in _texts()[::3]:
        view = shadow(text)
        # left contexts as the steps cut them: the 120 (merge) or 30 (regex) characters
        # before some position
        for end in sorted(rng.sample(range(len(view) + 1), min(25, len(view) + 1))):
            for width in (120, 30):
                before = view[max(0, end - width) : end]
                for pattern, mirror in pairs:
                    assert _same(pattern, mirror, before), (pattern.pattern[:80], before)


@pytest.mark.parametrize(
    "source",
    [
        r"(?i)(?:median|mean)\s+(?:of\s+)?$",
        r"\d\s*%\s*$",
        r"(?:ab|c)+d?$",
        r"(?<=x)y$",
        r"(?<![\w-])ab\s*$|^cd$",
        r"(?=a)[ab]{1,3}?\s*$",
        r"(?!b)\w+\b\s*$",
        r"(?i:A)(?-i:b)\s*$(?!x)",
        r"a.c$",
        r"(?s)a.c$",
        r"(?:a|\n)$",
        r"\Ba\s*$",
    ],
)
def test_a_mirror_answers_alike_on_random_text(source):
    pattern = regex.compile(source)
    mirror = mirrored(pattern)
    assert mirror is not None
    rng = random.Random(source)
    alphabet = "abcdxyAB %-\n\t01medianofMEAN"
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _same(pattern, mirror, text), repr(text)


@pytest.mark.parametrize(
    "source",
    [
        r"ab",  # not anchored at the end: any position may end a match
        r"ab$|cd",  # one alternative is not
        r"(?>a+)a$",  # atomic: its meaning depends on the direction
        r"a++$",
        r"(a)\1$",
        r"(?m)a$",
        r"(?i)(?:survival|OS)\b[^.;]{0,150}$",  # a long stretch of any character: slower mirrored
    ],
)
def test_no_mirror_where_the_rewrite_is_not_exact_or_not_faster(source):
    assert mirrored(regex.compile(source)) is None
