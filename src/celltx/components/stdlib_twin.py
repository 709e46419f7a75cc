"""The standard library's ``re`` in place of the ``regex`` module, where both give the same matches.

Why: celltx's patterns are written for the ``regex`` module (variable-width lookbehinds, group
names used twice), but most of them are plain enough for ``re``, whose matcher is about twice
as fast on them (the numeric patterns of ``celltx_regex``, measured on the benchmark
abstracts). Both are backtracking matchers with the same rules for alternatives, repeats,
atomic groups and lookarounds; where they differ is what a single character matches:

* the character classes: ``re``'s ``\\w`` is ``str.isalnum()`` or "_" and its ``\\s`` is
  ``str.isspace()``, the ``regex`` module follows the Unicode properties (``\\s`` on U+001C..
  U+001F, ``\\w`` on "²" or on combining marks differ), and each uses its own Unicode version;
* case-insensitive matching of characters outside ASCII (each folds case its own way: the
  Kelvin sign, the long s, the dotted and dotless i ...).

So a twin is used only on a *safe* text (:func:`text_is_safe`): every character is ASCII
(U+001C..U+001F excepted), or a character without case, or a Latin, Greek or Cyrillic letter
that both modules match case-insensitively to the same characters, none of them ASCII
(:data:`CASE_SAFE_RANGES`: "é", "ö", "ł", "μ", "β", "γ" ...), on whose ``\\w``, ``\\s`` and
``\\d`` both modules agree (checked once per character: "±", "×", "≥", "□" ...). And a pattern gets
a twin (:func:`twin`) only when ``re`` compiles it to the same thing: flags no more than the case
flag, no syntax either module reads otherwise (``re`` rejects what it does not know; a
warning is a refusal too), and, under the case flag, no non-ASCII character in the pattern that
either module matches to an ASCII character (then the text's ASCII letters would be read
differently). On a safe text a match then only ever compares ASCII characters with each other,
characters without case with themselves, and letters of the checked ranges with characters of
their case class, which is the same in both modules; so both modules match alike.
``tests/components/test_stdlib_twin.py`` compares both over the corpora and random texts.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import warnings
from functools import cache
from typing import Any

import regex

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

from .. import compile_cache

_BASE_FLAGS = regex.compile("").flags
_CLASSES = (r"\w", r"\s", r"\d")
_RE_CLASSES = tuple(re.compile(c) for c in _CLASSES)
_RX_CLASSES = tuple(regex.compile(c) for c in _CLASSES)
#: ASCII characters the two modules read differently (``re``'s ``\s`` includes them)
_UNSAFE_ASCII = re.compile("[\x1c-\x1f]")
_SAFE: dict[str, bool] = {}
_ASCII = [chr(i) for i in range(128)]


#: Letters with case whose case class (the characters ``(?i)`` matches them to) is the same in
#: both modules and holds no ASCII character: every one of these ranges but
#: :data:`CASE_UNSAFE` (``tests/components/test_stdlib_twin.py`` compares the classes over all
#: of Unicode). Latin-1 and Latin Extended-A/B, Greek and Coptic, Cyrillic.
CASE_SAFE_RANGES = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF))
#: ... where the modules differ: "ß" (re matches "ẞ" to it, regex does not) and three letters
#: with an ASCII case partner in one of them (dotted and dotless i, long s).
CASE_UNSAFE = frozenset("\u00df\u0130\u0131\u017f")


def _case_safe(char: str) -> bool:
    code = ord(char)
    return char not in CASE_UNSAFE and any(low <= code <= high for low, high in CASE_SAFE_RANGES)


def _char_is_safe(char: str) -> bool:
    if char.isascii():
        return not _UNSAFE_ASCII.match(char)
    if char.lower() != char or char.upper() != char or char.casefold() != char:
        if not _case_safe(char):
            return False  # has case: the two modules may fold it differently
    elif unicodedata.category(char)[0] in "LMN":
        return False  # letters, marks and numbers without case: not worth the doubt
    return all((a.match(char) is None) == (b.match(char) is None) for a, b in zip(_RE_CLASSES, _RX_CLASSES))


def text_is_safe(text: str) -> bool:
    """Whether every character of ``text`` is read alike by ``re`` and the ``regex`` module."""
    if _UNSAFE_ASCII.search(text):
        return False
    if text.isascii():
        return True
    for char in set(text):
        if char >= "\x80":
            safe = _SAFE.get(char)
            if safe is None:
                safe = _SAFE[char] = _char_is_safe(char)
            if not safe:
                return False
    return True


class _NoTwin(Exception):
    pass


@cache
def _folds_to_ascii(low: int, high: int) -> bool:
    """Whether either module matches a character of the non-ASCII range ``low``..``high``
    case-insensitively to an ASCII character."""
    source = f"[\\U{low:08x}-\\U{high:08x}]"
    a, b = re.compile(source, re.I), regex.compile(source, regex.I)
    return any(a.match(c) or b.match(c) for c in _ASCII)


def _check(items, ignorecase: bool) -> None:
    """Raise :class:`_NoTwin` when a case-insensitive part holds a non-ASCII character that
    folds to ASCII (in either module), or syntax this check does not know."""
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            if ignorecase and av >= 128 and _folds_to_ascii(av, av):
                raise _NoTwin(op)
        elif op is _c.IN:
            for item_op, item_av in av:
                if item_op is _c.LITERAL:
                    if ignorecase and item_av >= 128 and _folds_to_ascii(item_av, item_av):
                        raise _NoTwin(item_op)
                elif item_op is _c.RANGE:
                    low, high = item_av
                    if ignorecase and high >= 128 and _folds_to_ascii(max(low, 128), high):
                        raise _NoTwin(item_op)
                elif item_op not in (_c.NEGATE, _c.CATEGORY):
                    raise _NoTwin(item_op)
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~_c.SRE_FLAG_IGNORECASE:
                raise _NoTwin("flags")
            case = (ignorecase or bool(add_flags & _c.SRE_FLAG_IGNORECASE)) and not del_flags & _c.SRE_FLAG_IGNORECASE
            _check(sub, case)
        elif op is _c.BRANCH:
            for branch in av[1]:
                _check(branch, ignorecase)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
            _check(av[2], ignorecase)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            _check(av, ignorecase)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _check(av[1], ignorecase)
        elif op in (_c.ANY, _c.AT, _c.CATEGORY):
            pass
        else:  # group references, conditionals ...
            raise _NoTwin(op)


#: A variable-width lookbehind is written as at most this many fixed-width ones.
MAX_LOOKBEHIND_VARIANTS = 64
_ONE_WIDTH = {_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY, _c.AT, _c.ASSERT, _c.ASSERT_NOT}


def _fixed_width_variants(items, state) -> list[list]:
    """Sequences of fixed width whose matches together are the matches of ``items`` (optional
    parts, bounded repeats and alternatives spelt out: ``\\s?,`` is ``,`` and ``\\s,``); raises
    :class:`_NoTwin` for what cannot be spelt out (unbounded repeats, captures, atomic groups)."""
    result: list[list] = [[]]
    for op, av in items:
        if op in _ONE_WIDTH:
            options = [[(op, av)]]
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if group is not None:
                raise _NoTwin("a capture in a lookbehind")
            options = [[(op, (None, add_flags, del_flags, _p.SubPattern(state, v)))]
                       for v in _fixed_width_variants(sub.data, state)]
        elif op is _c.BRANCH:
            options = [v for branch in av[1] for v in _fixed_width_variants(branch.data, state)]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            if high > 8:
                raise _NoTwin("an unbounded repeat in a lookbehind")
            once = _fixed_width_variants(sub.data, state)
            options = [[item for part in combo for item in part]
                       for times in range(low, high + 1) for combo in itertools.product(once, repeat=times)]
        else:
            raise _NoTwin(op)
        result = [done + option for done in result for option in options]
        if len(result) > MAX_LOOKBEHIND_VARIANTS:
            raise _NoTwin("too many variants")
    return result


def _fixed_width_lookbehinds(sub, state, relax: bool = False, positive: bool = True) -> None:
    """Rewrite, in place, each lookbehind of variable but bounded width as fixed-width ones,
    which ``re`` can run: ``(?<=A|BC)`` as ``(?:(?<=A)|(?<=BC))`` and ``(?<!A|BC)`` as
    ``(?<!A)(?<!BC)``. A lookbehind asks whether its pattern matches some text ending where
    it stands; spelt out, that is whether one of the fixed-width variants does, which is what
    the rewritten form asks (there is no capture, atomic group or unbounded repeat inside).

    ``relax``: a lookbehind that cannot be spelt out is left out instead, where leaving it out
    can only let the pattern match more (it is not inside a negative lookaround: ``positive``
    says so of ``sub``); else :class:`_NoTwin`."""
    out = []
    for op, av in sub.data:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, inner = av
            _fixed_width_lookbehinds(inner, state, relax, positive if op is _c.ASSERT else not positive)
            low, high = inner.getwidth()
            if direction < 0 and low != high:
                try:
                    variants = [_p.SubPattern(state, v) for v in _fixed_width_variants(inner.data, state)]
                except _NoTwin:
                    if relax and positive:
                        continue  # left out: the pattern asks less
                    raise
                if op is _c.ASSERT:
                    branch = (_c.BRANCH, (None, [_p.SubPattern(state, [(op, (-1, v))]) for v in variants]))
                    out.append((_c.SUBPATTERN, (None, 0, 0, _p.SubPattern(state, [branch]))))
                else:
                    out.extend((op, (-1, v)) for v in variants)
                continue
        elif op is _c.SUBPATTERN:
            _fixed_width_lookbehinds(av[3], state, relax, positive)
        elif op is _c.BRANCH:
            for branch in av[1]:
                _fixed_width_lookbehinds(branch, state, relax, positive)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
            _fixed_width_lookbehinds(av[2], state, relax, positive)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            _fixed_width_lookbehinds(av, state, relax, positive)
        out.append((op, av))
    sub.data[:] = out
    sub.width = None  # computed again from the new items


_TWINS: dict[tuple, re.Pattern | None] = {}
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


def twin(pattern: regex.Pattern, nonempty: bool = False, names: frozenset[str] | None = None) -> re.Pattern | None:
    """``pattern`` compiled by ``re``, if it matches exactly as ``pattern`` on every safe text
    (:func:`text_is_safe`), else None. ``nonempty``: also None if the pattern could match the
    empty string (``finditer`` treats an empty match after another match differently in the
    two modules). ``names``: the caller reads only the whole match and these named groups (by
    name); the other groups may differ, so a name the pattern uses twice (which ``re`` does not
    allow) is no obstacle unless it is read."""
    key = (pattern.pattern, pattern.flags, nonempty, names)
    if key in _TWINS:
        return _TWINS[key]
    data = compile_cache.memo(("twin", *key), lambda: _twin_data(pattern, nonempty, names), _same, _same)
    result = _TWINS[key] = None if data is None else compile_cache.sre_rebuild(data)
    return result


def _same(data: Any) -> Any:
    return data


def _twin_data(pattern: regex.Pattern, nonempty: bool, names: frozenset[str] | None) -> tuple | None:
    """:func:`twin`'s work: the twin's data (:func:`.compile_cache.sre_compile`) or None."""
    result = None
    source = pattern.pattern
    if isinstance(source, str) and pattern.flags in (_BASE_FLAGS, _BASE_FLAGS | regex.I):
        flags = re.I if pattern.flags & regex.I else 0
        try:
            if names is not None:
                if any(source.count(f"(?P<{name}>") > 1 for name in names):
                    raise _NoTwin("a name read twice")
                source = _NAMED_GROUP.sub(lambda m: m.group() if m.group(1) in names else "(?:", source)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                tree = _p.parse(source, flags)
                if tree.state.flags & ~(_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_UNICODE):
                    raise _NoTwin("flags")
                if bool(tree.state.flags & _c.SRE_FLAG_IGNORECASE) != bool(pattern.flags & regex.I):
                    raise _NoTwin("flags")
                _check(list(tree), bool(flags))
                _fixed_width_lookbehinds(tree, tree.state)
                if nonempty and tree.getwidth()[0] == 0:
                    raise _NoTwin("empty")
                compiled, data = compile_cache.sre_compile(tree, flags)  # the tree above: parsed once
            if names is None:
                if compiled.groupindex != dict(pattern.groupindex) or compiled.groups != pattern.groups:
                    raise _NoTwin("groups")
            elif set(compiled.groupindex) != names & set(pattern.groupindex):
                raise _NoTwin("groups")
            result = data
        except (_NoTwin, re.error, regex.error, Warning, RecursionError, ValueError, OverflowError):
            result = None
    return result


_RELAXED: dict[tuple[str, int], re.Pattern | None] = {}


def relaxed(pattern: regex.Pattern) -> re.Pattern | None:
    """For a pattern without a twin: an ``re`` pattern that matches, on every safe text, at
    each position where ``pattern`` matches, and maybe at others. It is ``pattern`` without
    the lookbehinds ``re`` cannot run (those not inside a negative lookaround, so that leaving
    them out only widens it) and without group names (a name used twice is no obstacle).

    Why: tried first at each start position, it turns most positions away at ``re``'s speed;
    only where it matches does the ``regex`` module run the pattern itself (which finds
    exactly what it would have found). ``None`` when there is no such pattern."""
    key = (pattern.pattern, pattern.flags)
    if key in _RELAXED:
        return _RELAXED[key]
    data = compile_cache.memo(("relaxed", *key), lambda: _relaxed_data(pattern), _same, _same)
    result = _RELAXED[key] = None if data is None else compile_cache.sre_rebuild(data)
    return result


def _relaxed_data(pattern: regex.Pattern) -> tuple | None:
    """:func:`relaxed`'s work: the relaxed pattern's data or None."""
    result = None
    source = pattern.pattern
    if isinstance(source, str) and pattern.flags in (_BASE_FLAGS, _BASE_FLAGS | regex.I):
        flags = re.I if pattern.flags & regex.I else 0
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                tree = _p.parse(_NAMED_GROUP.sub("(?:", source), flags)
                if tree.state.flags & ~(_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_UNICODE):
                    raise _NoTwin("flags")
                if bool(tree.state.flags & _c.SRE_FLAG_IGNORECASE) != bool(pattern.flags & regex.I):
                    raise _NoTwin("flags")
                _check(list(tree), bool(flags))
                _fixed_width_lookbehinds(tree, tree.state, relax=True)
                result = compile_cache.sre_compile(tree, flags)[1]
        except (_NoTwin, re.error, regex.error, Warning, RecursionError, ValueError, OverflowError):
            result = None
    return result
