"""``rx(pattern)``: ``regex.compile`` with an unbounded cache, for patterns written inline.

Why: ``regex.search(pattern, text)`` looks the pattern up in the ``regex`` module's own cache on
every call, which costs ~10-20 µs (flag handling in Python) and, once the cache is full, clears
it and recompiles everything (~1 ms a pattern). The normalisers call such functions for every
span, so writing ``rx(pattern).search(text)`` instead keeps one compiled pattern per distinct
pattern string for the life of the process; the matching itself is the same.
"""

from __future__ import annotations

from functools import cache

import regex

from .compile_cache import compile_regex


@cache
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """The compiled ``pattern`` (compiled once per process, kept in :mod:`.compile_cache`)."""
    return compile_regex(pattern, flags)
