"""The ``{NAME}`` building blocks of the rule files, substituted in one way everywhere.

A regex in ``patterns/numeric.jsonl`` or ``patterns/exclusions.jsonl`` may name a building block
as ``{NAME}``; it stands for ``(?:...)`` around the block's regex (:func:`expand`). The blocks
every rule file sees (:func:`builtin_defines`) come from

* code, where a parser needs the same notation (:mod:`celltx.normalize.numbers`: ``NUM``,
  ``NUMW``, ``MULT``, ``RANGE_SEP``, ``PLUS_MINUS``, ``CMP``; :mod:`celltx.normalize.times`: ``ORDINAL_QUALIFIER``;
  :mod:`celltx.normalize.doses`: ``DOSE_LEVEL``);
* other pattern files: ``FREQ_TERM`` (``frequency_terms.jsonl``), ``DRUG_UNIT``, ``DRUG_PER``,
  ``KG``, ``BODY_SIZE`` (per kilogram or per square metre: what "per" brings into a dose; "per
  day" is a frequency) and ``LABUNIT`` (``units.jsonl``), and each named word list of ``word_lists.jsonl`` (its
  words written literally, longest first), which code reads as a list too (:func:`word_list`).

``define`` rows of ``numeric.jsonl`` add blocks of their own for the rows after them
(:func:`celltx.components.regex_spans.compile_rows`).
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..normalize import doses, labs, numbers, times
from ..resources import read_jsonl_resource

BUILTIN_DEFINES = {
    "NUM": numbers.NUM,
    "NUMW": numbers.NUMW,
    "MULT": numbers.MULT,
    "RANGE_SEP": numbers.RANGE_SEP,
    "PLUS_MINUS": numbers.PLUS_MINUS,
    "CMP": numbers.CMP,
}
#: A count written right after a blood cell's name ("neutrophils 4.1 × 10^9/L", ": 28%", "were
#: 0.5 × 10^9/L"; a share after a verb, "RBC were 48%", is none): read by the LAB_TEST row
#: blood_cell_with_count and by the CELL_TYPE exclusion that gives way to it, so both decide alike.
BLOOD_COUNT_AFTER = (
    r"\s*(?:(?:[:=,]\s*)?\(?\s*(?:[<>≤≥]\s*)?{NUM}(?:\s*(?:{PLUS_MINUS})\s*{NUM})?(?:{MULT})?\s*(?:{LABUNIT})"
    r"|(?:were|was|of)\s+(?:[<>≤≥]\s*)?{NUM}(?:\s*(?:{PLUS_MINUS})\s*{NUM})?(?:{MULT})?\s*(?!%)(?:{LABUNIT}))"
)
#: The file of named word lists, and the keys a row of it may have.
WORD_LISTS_FILE = "word_lists.jsonl"
WORD_LIST_KEYS = {"define", "words", "include", "comment"}
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
    include = row.get("include", [])
    if not isinstance(include, list) or not all(isinstance(i, str) for i in include):
        raise ValueError(f"{source}: word list {name!r}: 'include' must be a list of list names")


@lru_cache(maxsize=1)
def word_lists() -> dict[str, tuple[str, ...]]:
    """Name -> words of every list in ``patterns/word_lists.jsonl`` (validated)."""
    lists: dict[str, tuple[str, ...]] = {}
    for row in read_jsonl_resource(WORD_LISTS_FILE):
        check_word_list(row)
        if row["define"] in lists:
            raise ValueError(f"{WORD_LISTS_FILE}: word list {row['define']!r} is defined twice")
        lists[row["define"]] = tuple(row["words"])
    # "include": the words of lists defined earlier in the file are part of this one too (a
    # word is written once: the fluids of OTHER_FLUID are also lab-name prefixes)
    for row in read_jsonl_resource(WORD_LISTS_FILE):
        for other in row.get("include", []):
            if other not in lists or list(lists).index(other) >= list(lists).index(row["define"]):
                raise ValueError(
                    f"{WORD_LISTS_FILE}: word list {row['define']!r} includes {other!r}, "
                    "which is not a list defined before it"
                )
            own = lists[row["define"]]
            clash = sorted(set(own) & set(lists[other]))
            if clash:
                raise ValueError(
                    f"{WORD_LISTS_FILE}: word list {row['define']!r} repeats {clash} of {other!r}"
                )
            lists[row["define"]] = own + lists[other]
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
        "COURSE_COUNT": times.COURSE_COUNT.replace("?P<course>", "?:"),
        "DOSE_LEVEL": doses.DOSE_LEVEL,
        "DRUG_UNIT": doses.unit_block("dose_base"),
        "DRUG_PER": doses.unit_block("dose_per"),
        "KG": doses.unit_regex("dose_per", "kg"),
        "BODY_SIZE": "(?:" + doses.unit_regex("dose_per", "kg") + "|" + doses.unit_regex("dose_per", "m2") + ")",
        "LABUNIT": labs.unit_block(),
        "CONC_UNIT": labs.unit_block(labs.CONCENTRATION_DIMENSIONS),
        "WORD_CMP_BEFORE": labs.WORD_CMP_BEFORE,
        "WORD_CMP_AFTER": labs.WORD_CMP_AFTER,
        **{name: words_regex(words) for name, words in word_lists().items()},
        "ASSESSED_AT": assessed_at(),
        "BLOOD_COUNT_AFTER": BLOOD_COUNT_AFTER,
    }


def assessed_at() -> str:
    """What stands before an assessment schedule: a verb of measuring, then "at", "in" or
    "every", maybe after an adverb and an earlier time ("measured at diagnosis and at [6 month
    intervals]", "collected repeatedly at regular [weekly intervals]", "assessed at baseline and
    [monthly]"). The TIME_POINT rows
    read it behind their match and the FREQUENCY exclusions before the candidate, so both
    decide alike (D49)."""
    verbs = words_regex(word_lists()["ASSESSED_VERB"])
    return (
        rf"(?i:\b(?:{verbs})\s+(?:(?:repeatedly|regularly|again|thereafter)\s+)?"
        rf"(?:at|in|every)\s+(?:(?:{numbers.NUMW})[\s-]*(?:day|week|month)s?\s+and\s+(?:at\s+)?"
        rf"|[a-z-]+,?\s+and\s+(?:then\s+)?(?:at\s+)?)?(?:regular\s+)?)"
    )


#: A block whose alternation has at least this many alternatives is guarded (:func:`guarded`).
GUARD_MIN_ALTERNATIVES = 8
#: ... unless its first characters include more than this many of ``[a-z0-9]`` (the guard
#: would rarely turn a position away).
GUARD_MAX_ALNUM = 20
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
#: One character as :mod:`.anchors` writes it.
_ONE_ESCAPE = regex.compile(r"\\u[0-9a-f]{4}|\\U[0-9a-f]{8}")


def _alternatives(source: str) -> int:
    """How many alternatives the widest alternation of ``source`` has among its outer groups."""
    from .anchors import _GROUP_NAME, _c, _p

    widest = 0

    def walk(items, depth: int) -> None:
        nonlocal widest
        for op, av in items:
            if op is _c.BRANCH:
                widest = max(widest, len(av[1]))
            elif op is _c.SUBPATTERN and depth < 2:
                walk(av[3], depth + 1)

    walk(list(_p.parse(_GROUP_NAME.sub("(", source))), 0)
    return widest


@cache
def first_character_guard(source: str) -> str | None:
    """A lookahead that every match of ``source`` passes where it starts, in a case-sensitive
    context and in a case-insensitive one alike: ``(?=...)`` on the characters its matches can
    begin with (:func:`celltx.components.anchors.start_atoms`, read under both), each class
    made case-insensitive (which only widens it). ``None`` when they cannot be read or
    include a negated class or any character."""
    from .anchors import _IGNORECASE, FOLD, _c, _char, _merged, _one_char, start_atoms

    classes: set[str] = set()
    for flags in (0, regex.IGNORECASE):
        atoms = start_atoms(source, flags)
        if atoms is None:
            return None
        classes.update(atoms.classes)
        classes.update(_one_char(_c.LITERAL, ord(w[0]), _IGNORECASE if ci else 0) for w, ci in atoms.words)
    insensitive = set()
    for cls in classes:
        body = cls[cls.index(":") + 1 : -1]
        if _ONE_ESCAPE.fullmatch(body):
            body = f"[{body}]"
        if not body.startswith("[") or body.startswith("[^"):
            return None  # a negated class (which the case flag narrows) or "."
        # the non-ASCII case partners of an ASCII letter go: under the flag the letter matches
        # them in both modules, and stdlib_twin gives no twin to a pattern that names them
        for partner, letter in FOLD.items():
            if _char(ord(letter)) in body or _char(ord(letter.upper())) in body:
                body = body.replace(_char(ord(partner)), "")
        insensitive.add(f"(?i:{body})")
    guard = "(?=" + "|".join(_merged(insensitive)) + ")"
    if sum(1 for c in _ALNUM if regex.match(guard, c)) > GUARD_MAX_ALNUM:
        return None
    return _compact(guard)


#: One item of a class as :mod:`.anchors` writes it: a range, a category or one character.
_CLASS_ITEM = regex.compile(r"(\\u[0-9a-f]{4}|\\U[0-9a-f]{8})-(\\u[0-9a-f]{4}|\\U[0-9a-f]{8})|\\[dDsSwW]|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})")


def _compact(guard: str) -> str:
    """``guard`` written shorter (it is parsed again in every pattern that names the block): a
    case-insensitive class of single characters, each once, ASCII letters and digits as
    themselves and in lower case (the case flag matches the other), when the guard is one
    such class; else as it is."""
    m = regex.fullmatch(r"\(\?=\(\?i:\[((?:[^\]\\]|\\.)*)\]\)\)", guard)
    if m is None:
        return guard
    body, chars, rest, pos = m.group(1), set(), [], 0
    for item in _CLASS_ITEM.finditer(body):
        if item.start() != pos:
            return guard  # something this does not read
        pos = item.end()
        code = item.group(3) or item.group(4)
        if code is None:
            rest.append(item.group())
            continue
        char = chr(int(code, 16))
        chars.add(char.lower() if char.isascii() and char.isalpha() else char)
    if pos != len(body):
        return guard
    written = "".join(c if c.isascii() and c.isalnum() else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                      for c in sorted(chars))
    return f"(?=(?i:[{written}{''.join(rest)}]))"


@cache
def guarded(block: str) -> str:
    """``block`` (a fully expanded regex) behind a lookahead on its first characters when it is
    an alternation of many alternatives (units, frequency terms, word lists).

    Why: a matcher tries the alternatives of an alternation one after the other; where none can
    match (after a number, most words are no unit) the guard fails at once instead. It changes
    no match: every match of the block begins with a character the guard accepts, whatever the
    case flag of the pattern the block is used in (:func:`first_character_guard`). Used by
    ``celltx_regex``, whose patterns are tried at their start positions; the exclusions of
    ``celltx_merge`` are searched for over short contexts, where the ``regex`` module's own
    search shortcuts did as well without guards (measured), so they compile the plain blocks.
    """
    if _PLACEHOLDER.search(block):
        return block
    try:
        if _alternatives(block) < GUARD_MIN_ALTERNATIVES:
            return block
    except Exception:  # syntax only the regex module reads: no guard
        return block
    guard = first_character_guard(block)
    return block if guard is None else f"{guard}(?:{block})"


def guarded_defines(defines: dict[str, str]) -> dict[str, str]:
    """``defines`` with each block :func:`guarded` (what the matchers compile; the blocks as
    written stay what :func:`builtin_defines` returns)."""
    return {name: guarded(block) for name, block in defines.items()}


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
