"""A left-context pattern run backwards: one attempt instead of one per character.

Why: the exclusions of ``celltx_merge`` (and the left contexts of ``celltx_regex``) ask whether
the text just before a candidate *ends* with a cue ("... median overall survival of\\s*$").
``pattern.search(before)`` must try the pattern at every one of the 120 characters of
``before``, as it cannot know where a match that ends at ``$`` starts; that was most of the
merge step's time.

How: a pattern every match of which ends at ``$`` is written mirrored (:func:`mirrored`): the
sequence of its items reversed, each lookahead turned into a lookbehind and back, ``$`` into
"at the start" and ``^`` into "at the end". A match of the pattern ending at the end of
``before`` is then a match of the mirror starting at the beginning of ``before[::-1]``, so
``mirror.match(before[::-1])`` answers the same question with a single attempt.

Only whether there is a match is answered (the exclusions need no more). The rewrite is exact
for what it accepts: literals, classes, groups, alternatives, repeats (greedy or lazy: the
existence of a match does not depend on the order in which repeats are tried), lookarounds
and word boundaries. Anything whose meaning depends on the direction of matching (atomic
groups, possessive repeats, back-references, conditionals) or that it does not know gives
``None``, and the pattern is searched for as before. ``tests/components/test_mirror.py`` checks
that both give the same answers on the corpora and on random text.
"""

from __future__ import annotations

import warnings
from functools import cache

import regex

from .. import compile_cache

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_BASE_FLAGS = regex.compile("").flags
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_GROUP_NAME = regex.compile(r"\(\?P<\w+>")
#: ``$`` (without the multi-line flag) holds at the end and before a final newline; mirrored,
#: at the start and after a first newline.
_MIRRORED_END = r"(?:\A|(?<=\A\n))"


class _Unsupported(Exception):
    pass


def _char(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _flags(add: int, delete: int) -> str:
    on = "".join(f for bit, f in ((_c.SRE_FLAG_IGNORECASE, "i"), (_c.SRE_FLAG_DOTALL, "s")) if add & bit)
    off = "".join(f for bit, f in ((_c.SRE_FLAG_IGNORECASE, "i"), (_c.SRE_FLAG_DOTALL, "s")) if delete & bit)
    if (add | delete) & ~(_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_DOTALL | _c.SRE_FLAG_VERBOSE):
        raise _Unsupported("flags")
    return on + (f"-{off}" if off else "")


def _set(items) -> str:
    out = []
    for op, av in items:
        if op is _c.NEGATE:
            out.append("^")
        elif op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unsupported(op)
    return "[" + "".join(out) + "]"


def _mirror(items) -> str:
    """The source of a pattern matching the reversed texts of the matches of ``items``."""
    return "".join(_mirror_item(op, av) for op, av in reversed(list(items)))


def _mirror_item(op, av) -> str:
    if op is _c.LITERAL:
        return _char(av)
    if op is _c.NOT_LITERAL:
        return f"[^{_char(av)}]"
    if op is _c.IN:
        return _set(av)
    if op is _c.ANY:
        return "."
    if op is _c.AT:
        if av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
            return r"\Z"
        if av is _c.AT_END:
            return _MIRRORED_END
        if av is _c.AT_END_STRING:
            return r"\A"
        if av is _c.AT_BOUNDARY:
            return r"\b"
        if av is _c.AT_NON_BOUNDARY:
            return r"\B"
        raise _Unsupported(av)
    if op is _c.SUBPATTERN:
        _group, add, delete, sub = av
        flags = _flags(add, delete)
        return f"(?{flags}:{_mirror(sub)})" if flags else f"(?:{_mirror(sub)})"
    if op is _c.BRANCH:
        return "(?:" + "|".join(_mirror(branch) for branch in av[1]) + ")"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = av
        high_text = "" if high == _c.MAXREPEAT else str(high)
        return f"(?:{_mirror(sub)}){{{low},{high_text}}}"
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        direction, sub = av
        kind = ("<" if direction >= 0 else "") + ("=" if op is _c.ASSERT else "!")
        return f"(?{kind}{_mirror(sub)})"
    raise _Unsupported(op)  # atomic groups, possessive repeats, back-references, ...


def _ends_at_end(items) -> bool:
    """Whether every match of the sequence ``items`` ends where a ``$`` holds."""
    items = list(items)
    while items and items[-1][0] in (_c.ASSERT, _c.ASSERT_NOT) or items and items[-1][:2] == (_c.AT, _c.AT_BOUNDARY):
        items.pop()  # zero width after the ``$``: it still holds where the match ends
    if not items:
        return False
    op, av = items[-1]
    if op is _c.AT:
        return av is _c.AT_END
    if op is _c.SUBPATTERN:
        return _ends_at_end(av[3])
    if op is _c.BRANCH:
        return all(_ends_at_end(branch) for branch in av[1])
    return False


#: A repeat of "almost any character" longer than this makes the mirror slower than the search.
MAX_BROAD_REPEAT = 10
_NEGATED_CATEGORIES = {_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_NOT_SPACE, _c.CATEGORY_NOT_WORD}


def _broad(op, av) -> bool:
    """Whether one item matches almost any character (``.``, ``[^.;]``, ``\\S``)."""
    if op in (_c.ANY, _c.NOT_LITERAL):
        return True
    if op is _c.IN:
        return any(item_op is _c.NEGATE or item_op is _c.CATEGORY and item_av in _NEGATED_CATEGORIES
                   for item_op, item_av in av)
    if op is _c.SUBPATTERN:
        return any(_broad(*item) for item in av[3])
    if op is _c.BRANCH:
        return any(_broad(*item) for branch in av[1] for item in branch)
    return False


def _has_long_broad_repeat(items) -> bool:
    """Whether ``items`` repeat almost any character many times ("[^.;]{0,70}?", "(?:[^.;]|x)*").

    Such a pattern names its cue first and then allows a long stretch before ``$``: searching
    forwards, the ``regex`` module finds the cue's few places fast; mirrored, every length of
    the stretch is tried before the cue is reached (measured slower on the exclusions)."""
    for op, av in items:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            _low, high, sub = av
            inner = [sub]
            if high > MAX_BROAD_REPEAT and any(_broad(*item) for item in sub):
                return True
        elif op is _c.SUBPATTERN:
            inner = [av[3]]
        elif op is _c.BRANCH:
            inner = av[1]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            inner = [av[1]]
        else:
            continue
        if any(_has_long_broad_repeat(sub) for sub in inner):
            return True
    return False


@cache
def _mirrored(source: str, flags: int) -> regex.Pattern | None:
    return compile_cache.optional_regex(("mirror", source, flags), lambda: _mirror_of(source, flags))


def _mirror_of(source: str, flags: int) -> regex.Pattern | None:
    if flags & ~(_BASE_FLAGS | regex.IGNORECASE | regex.DOTALL):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # syntax the two parsers may read otherwise
            tree = _p.parse(_GROUP_NAME.sub("(?:", source), flags & (regex.I | regex.S))
        state = tree.state.flags
        if state & (_c.SRE_FLAG_MULTILINE | _c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE):
            return None
        if not _ends_at_end(tree) or _has_long_broad_repeat(tree):
            return None
        head = _flags(state & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_DOTALL), 0)
        # the match of the mirror starts at 0, or at 1 after a first newline (see _MIRRORED_END)
        return regex.compile((f"(?{head})" if head else "") + r"\n?(?:" + _mirror(tree) + ")")
    except (_Unsupported, _c.error, regex.error, FutureWarning, DeprecationWarning, RecursionError, ValueError):
        return None


def mirrored(pattern: regex.Pattern) -> regex.Pattern | None:
    """A pattern ``m`` with ``m.match(text[::-1]) is not None`` exactly when
    ``pattern.search(text) is not None``, for a pattern every match of which ends at ``$``;
    ``None`` for any other pattern or one it cannot rewrite."""
    if not isinstance(pattern.pattern, str):
        return None
    return _mirrored(pattern.pattern, pattern.flags)
