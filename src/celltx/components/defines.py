"""The ``{NAME}`` building blocks of the rule files, substituted in one way everywhere.

A regex in ``patterns/numeric.jsonl`` or ``patterns/exclusions.jsonl`` may name a building block
as ``{NAME}``; it stands for ``(?:...)`` around the block's regex (:func:`expand`). The blocks
every rule file sees (:func:`builtin_defines`) come from

* code, where a parser needs the same notation (:mod:`celltx.normalize.numbers`: ``NUM``,
  ``NUMW``, ``MULT``, ``RANGE_SEP``, ``PLUS_MINUS``; :mod:`celltx.normalize.times`: ``ORDINAL_QUALIFIER``;
  :mod:`celltx.normalize.doses`: ``DOSE_LEVEL``);
* other pattern files: ``FREQ_TERM`` (``frequency_terms.jsonl``), ``DRUG_UNIT``, ``DRUG_PER``
  and ``LABUNIT`` (``units.jsonl``), and each named word list of ``word_lists.jsonl`` (its
  words written literally, longest first), which code reads as a list too (:func:`word_list`).

``define`` rows of ``numeric.jsonl`` add blocks of their own for the rows after them
(:func:`celltx.components.regex_spans.compile_rows`).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..normalize import doses, labs, numbers, times
from ..resources import read_jsonl_resource

BUILTIN_DEFINES = {
    "NUM": numbers.NUM,
    "NUMW": numbers.NUMW,
    "MULT": numbers.MULT,
    "RANGE_SEP": numbers.RANGE_SEP,
    "PLUS_MINUS": numbers.PLUS_MINUS,
}
#: The file of named word lists, and the keys a row of it may have.
WORD_LISTS_FILE = "word_lists.jsonl"
WORD_LIST_KEYS = {"define", "words", "comment"}
_NAME = regex.compile(r"[A-Z_]+")
_PLACEHOLDER = regex.compile(r"\{([A-Z_]+)\}")


def check_word_list(row: dict, source: str = WORD_LISTS_FILE) -> None:
    """Raise ValueError for a word-list row with unknown keys, a bad name or bad words."""
    name = row.get("define")
    unknown = sorted(set(row) - WORD_LIST_KEYS)
    if unknown:
        raise ValueError(f"{source}: word list {name!r} has unknown keys {unknown}")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"{source}: a word list's name must be upper-case letters and _ (got {name!r})")
    if name in BUILTIN_DEFINES:
        raise ValueError(f"{source}: word list {name!r} has the name of a building block defined in code")
    words = row.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() == w and w for w in words):
        raise ValueError(f"{source}: word list {name!r} needs 'words', a non-empty list of words")
    repeated = sorted({w for w in words if words.count(w) > 1})
    if repeated:
        raise ValueError(f"{source}: word list {name!r} repeats {repeated}")


@lru_cache(maxsize=1)
def word_lists() -> dict[str, tuple[str, ...]]:
    """Name -> words of every list in ``patterns/word_lists.jsonl`` (validated)."""
    lists: dict[str, tuple[str, ...]] = {}
    for row in read_jsonl_resource(WORD_LISTS_FILE):
        check_word_list(row)
        if row["define"] in lists:
            raise ValueError(f"{WORD_LISTS_FILE}: word list {row['define']!r} is defined twice")
        lists[row["define"]] = tuple(row["words"])
    return lists


def word_list(name: str) -> tuple[str, ...]:
    """The words of the list ``name`` (KeyError if there is none)."""
    return word_lists()[name]


def words_regex(words: tuple[str, ...]) -> str:
    """The words as one alternation, each literal, longest first."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def builtin_defines() -> dict[str, str]:
    """Building blocks defined in code or in other pattern files (one place per notation)."""
    return {
        **BUILTIN_DEFINES,
        "FREQ_TERM": times.freq_term_regex(),
        "ORDINAL_QUALIFIER": times.ORDINAL_QUALIFIER,
        "DOSE_LEVEL": doses.DOSE_LEVEL,
        "DRUG_UNIT": doses.unit_block("dose_base"),
        "DRUG_PER": doses.unit_block("dose_per"),
        "KG": doses.unit_regex("dose_per", "kg"),
        "LABUNIT": labs.unit_block(),
        "CONC_UNIT": labs.unit_block(labs.CONCENTRATION_DIMENSIONS),
        "WORD_CMP_BEFORE": labs.WORD_CMP_BEFORE,
        "WORD_CMP_AFTER": labs.WORD_CMP_AFTER,
        **{name: words_regex(words) for name, words in word_lists().items()},
    }


def expand(text: str, defines: dict[str, str]) -> str:
    """``text`` with every ``{NAME}`` of ``defines`` replaced by ``(?:...)`` of its regex (blocks
    may name blocks; regex quantifiers such as ``{2,3}`` are left alone). A ``{NAME}`` that no
    block defines is a ValueError: left in place it would silently match the literal text."""
    for _ in range(10):
        new = _PLACEHOLDER.sub(lambda m: f"(?:{defines[m.group(1)]})" if m.group(1) in defines else m.group(0), text)
        if new == text:
            break
        text = new
    unknown = sorted(set(_PLACEHOLDER.findall(text)))
    if unknown:
        raise ValueError(f"unknown building block(s) {', '.join('{' + n + '}' for n in unknown)} "
                         "(a define row must come before the rows that use it)")
    return text
