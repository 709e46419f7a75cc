"""Run a regular expression only where a match can start: the same matches, far fewer attempts.

Why: ``pattern.finditer(text)`` tries the pattern at every character of the text, and the
``regex`` module cannot skip ahead when a pattern opens with a lookbehind or an alternation of
words. Most of celltx's patterns can only start at a few places (a number, one of a handful of
words), yet each was tried at every one of an abstract's ~2,000 characters: the biggest cost of
the rules pipeline.

How: :func:`start_atoms` reads the pattern's syntax tree (the standard library's parser; the
``regex`` module has no public one) and lists what every match must begin with, its *start
atoms*: literal words ("once", "twice", the first letters of a number word list ...) and
one-character classes (a digit), plus the one-character lookbehinds the whole pattern opens
with (``(?<![\\w.])``). Every match consumes at least one character and begins with one of the
atoms, so the positions where an atom occurs are a superset of the match starts.
:class:`Candidates` finds those positions once per document (words with ``str.find`` on a
case-folded copy of the text, classes with one small regex; patterns with the same atoms share
them), and :func:`finditer` tries the pattern only there with ``pattern.match(text, pos)``
(which sees the text before ``pos``, so lookbehinds behave as in a scan). Taking the first
match at or after the end of the previous one reproduces ``finditer``'s non-overlapping
matches exactly.

The analysis is conservative: whatever it does not understand (syntax only the ``regex``
module has, back-references, patterns that can match the empty string, ASCII/LOCALE or
``regex``-only flags) gives ``None``, and the pattern is scanned whole as before. Case-folding
follows the ``regex`` module: besides ASCII case pairs, "(?i)k" matches the Kelvin sign, "(?i)s"
the long s and "(?i)i" the dotted capital I (:data:`FOLD`; ``tests/components/test_anchors.py``
checks the list against every Unicode character), and one-character classes are compiled by
``regex`` itself under the flags they had in the pattern. The same test checks that anchored
and plain scans agree for every pattern over the corpora.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import regex

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

from .. import compile_cache

_IGNORECASE = _c.SRE_FLAG_IGNORECASE
_DOTALL = _c.SRE_FLAG_DOTALL
_UNSUPPORTED_FLAGS = _c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE
#: ``regex`` flags the analysis understands (same values as ``re``'s): case, dot-all,
#: multi-line, verbose, Unicode, and the default version V0. Any other: no analysis.
_KNOWN_FLAGS = regex.I | regex.S | regex.M | regex.X | regex.U | regex.V0
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_ONE_CHAR = {_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN}
#: Named groups are renamed before parsing: the ``regex`` module allows a name twice, ``re`` not.
_GROUP_NAME = regex.compile(r"\(\?P<\w+>")
#: Non-ASCII characters that ``regex`` matches case-insensitively to an ASCII letter (and
#: ``str.lower`` does not turn into it): folded before case-insensitive word search.
FOLD = {"\u0130": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TABLE = str.maketrans(FOLD)


class _Unsupported(Exception):
    """Syntax the analysis does not handle: the pattern is scanned whole."""


@dataclass(frozen=True)
class StartAtoms:
    """What every match of a pattern begins with.

    ``words``: (literal, case-insensitive) pairs; ``classes``: one-character regex sources
    (flags inside); ``lead``: one-character lookbehinds every match opens with, which the
    class scan applies too (words are checked by the pattern itself).
    """

    words: tuple[tuple[str, bool], ...]
    classes: tuple[str, ...]
    lead: str


_INTERNED: dict[StartAtoms, StartAtoms] = {}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#: A pattern whose start classes match more of :data:`_ALNUM` than this (``[A-Za-z]``, ``\w``)
#: can start at nearly every word: it is scanned whole.
MAX_CLASS_ALNUM = 16


def _merged(classes: set[str]) -> tuple[str, ...]:
    """The one-character classes as few alternatives as possible: the plain characters and
    sets under each case flag in one bracket (``(?-i:[\\d.])`` scans faster than
    ``(?-i:[\\d])|(?-i:\\.)``); negated sets and the like stay as they are."""
    merged: dict[str, list[str]] = {"(?i:": [], "(?-i:": []}
    rest = []
    for cls in sorted(classes):
        head, body = cls[: cls.index(":") + 1], cls[cls.index(":") + 1 : -1]
        if head in merged and not body.startswith("[^") and body != "(?s:.)" and body != "(?-s:.)":
            merged[head].append(body[1:-1] if body.startswith("[") else body)
        else:
            rest.append(cls)
    return tuple(f"{head}[{''.join(bodies)}])" for head, bodies in merged.items() if bodies) + tuple(rest)


def _char(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _with_flags(body: str, flags: int, cased: bool = True) -> str:
    """``body`` under the case flag; ``cased=False``: it holds no character with case partners,
    so the flag changes nothing and is dropped (patterns then share more scans)."""
    return f"(?i:{body})" if flags & _IGNORECASE and cased else f"(?-i:{body})"


def _cased(code: int) -> bool:
    char = chr(code)
    return char.lower() != char or char.upper() != char or char.lower() in FOLD.values() or char in FOLD


def _ascii_partners(codes: set[int]) -> str | None:
    """ASCII characters with every character ``regex`` matches to them case-insensitively, as
    one case-sensitive class (one bracket scans faster than case-insensitive alternatives)."""
    if not codes or max(codes) > 127:
        return None
    chars = set()
    for code in codes:
        char = chr(code)
        chars |= {char, char.lower(), char.upper()} | {k for k, v in FOLD.items() if v == char.lower()}
    return f"(?-i:[{''.join(_char(ord(c)) for c in sorted(chars))}])"


def _one_char(op, av, flags: int) -> str:
    """Regex source for a node that consumes exactly one character, under ``flags``."""
    if op is _c.LITERAL:
        if flags & _IGNORECASE and _cased(av):
            partners = _ascii_partners({av})
            if partners is not None:
                return partners
        return _with_flags(_char(av), flags, _cased(av))
    if op is _c.NOT_LITERAL:
        return _with_flags(f"[^{_char(av)}]", flags, _cased(av))
    if op is _c.ANY:
        return "(?s:.)" if flags & _DOTALL else "(?-s:.)"
    if op is _c.IN:
        if flags & _IGNORECASE and all(item_op in (_c.LITERAL, _c.RANGE) for item_op, _ in av):
            codes = {a for item_op, a in av if item_op is _c.LITERAL}
            for item_op, a in av:
                if item_op is _c.RANGE and a[1] < 128:
                    codes.update(range(a[0], a[1] + 1))
                elif item_op is _c.RANGE:
                    codes.add(a[1])  # non-ASCII: no expansion (below)
            partners = _ascii_partners(codes)
            if partners is not None:
                return partners
        parts, negate, cased = [], False, False
        for item_op, item_av in av:
            if item_op is _c.NEGATE:
                negate = True
            elif item_op is _c.LITERAL:
                parts.append(_char(item_av))
                cased = cased or _cased(item_av)
            elif item_op is _c.RANGE:
                parts.append(f"{_char(item_av[0])}-{_char(item_av[1])}")
                cased = cased or item_av[1] - item_av[0] > 256 or any(map(_cased, range(item_av[0], item_av[1] + 1)))
            elif item_op is _c.CATEGORY and item_av in _CATEGORIES:
                parts.append(_CATEGORIES[item_av])
                # digits and spaces have no case; \w is closed under case folding today, but
                # keeping the flag there costs little and does not depend on that
                cased = cased or item_av in (_c.CATEGORY_WORD, _c.CATEGORY_NOT_WORD)
            else:
                raise _Unsupported(item_op)
        return _with_flags(f"[{'^' if negate else ''}{''.join(parts)}]", flags, cased)
    raise _Unsupported(op)


def _first(items, flags: int, words: set, classes: set) -> bool:
    """Add the start atoms of the sequence ``items`` to ``words``/``classes``; True if the
    sequence can match the empty string (then what follows it can start the match too)."""
    items = list(items)
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _c.LITERAL:
            run = [av]
            while i + 1 < len(items) and items[i + 1][0] is _c.LITERAL:
                i += 1
                run.append(items[i][1])
            word = "".join(map(chr, run))
            longer = _longer_words(word, items[i + 1 :], flags) if len(word) < SHORT_WORD else None
            if longer:
                words.update(longer)
            elif len(word) == 1 or flags & _IGNORECASE and not word.isascii():
                # one character: a class, so that the scan applies the lead ("." is everywhere,
                # "." after a non-word character is rare)
                classes.add(_one_char(_c.LITERAL, run[0], flags))
            else:
                words.add((word, bool(flags & _IGNORECASE)))
            return False
        if op in _ONE_CHAR:
            classes.add(_one_char(op, av, flags))
            return False
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & _UNSUPPORTED_FLAGS:
                raise _Unsupported("flags")
            if not _first(sub, (flags | add_flags) & ~del_flags, words, classes):
                return False
        elif _ATOMIC is not None and op is _ATOMIC:
            if not _first(av, flags, words, classes):
                return False
        elif op is _c.BRANCH:
            nullable = False
            for branch in av[1]:
                nullable = _first(branch, flags, words, classes) or nullable
            if not nullable:
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if low == 0:
                _first(sub, flags, words, classes)  # may be skipped: what follows starts too
            elif not _first(sub, flags, words, classes):
                return False
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            pass  # zero width: the next item supplies the first character
        else:  # back-references, conditionals, ...
            raise _Unsupported(op)
        i += 1
    return True


#: A literal prefix shorter than this is extended by what follows it where that is a few words
#: ("twice|thrice|times", which the parser reads as "t" and three endings, starts with three
#: words, not with every "t" of the text).
SHORT_WORD = 3
#: At most this many extended words for one literal prefix.
MAX_LONGER = 24


def _longer_words(word: str, rest, flags: int) -> set[tuple[str, bool]] | None:
    """The words every match of ``word`` followed by the sequence ``rest`` starts with, when
    ``rest`` can only start with a few words of the same case rule (``None`` otherwise)."""
    ignorecase = bool(flags & _IGNORECASE)
    if not rest:
        return None
    heads = _literal_heads(rest, flags)
    if heads is not None and len(heads) <= MAX_LONGER:
        longer = {(word + head, ignorecase) for head in heads}
        return longer if not ignorecase or all(w.isascii() for w, _ci in longer) else None
    words: set[tuple[str, bool]] = set()
    classes: set[str] = set()
    try:
        if _first(rest, flags, words, classes):
            return None  # ``rest`` can be empty: ``word`` alone can start a match
    except _Unsupported:
        return None
    if classes or not words or len(words) > MAX_LONGER or any(ci != ignorecase for _w, ci in words):
        return None
    longer = {(word + w, ignorecase) for w, _ci in words}
    if ignorecase and not all(w.isascii() for w, _ci in longer):
        return None
    return longer


def _literal_heads(items, flags: int) -> set[str] | None:
    """Non-empty literal strings, read under ``flags``, one of which every match of the
    sequence ``items`` starts with (``"s"`` and ``"ersus"`` for ``s|ersus``), or ``None``."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        run = []
        for item_op, item_av in items:
            if item_op is not _c.LITERAL:
                break
            run.append(chr(item_av))
        return {"".join(run)}
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if ((flags | add_flags) & ~del_flags) & _IGNORECASE != flags & _IGNORECASE or (add_flags | del_flags) & _UNSUPPORTED_FLAGS:
            return None
        return _literal_heads(list(sub), flags)
    if op is _c.BRANCH:
        heads: set[str] = set()
        for branch in av[1]:
            found = _literal_heads(list(branch), flags)
            if found is None:
                return None
            heads |= found
        return heads
    return None


def _lead(items, flags: int) -> str:
    """The one-character lookbehinds and word boundaries every match opens with (also inside
    a group the pattern opens with, as in ``(?i:(?<![\\w-])...)``)."""
    out = []
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == -1 and len(av[1]) == 1 and av[1][0][0] in _ONE_CHAR:
            inner = _one_char(*av[1][0], flags)
            out.append(f"(?<={inner})" if op is _c.ASSERT else f"(?<!{inner})")
        elif op is _c.AT and av in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):
            out.append(r"\b" if av is _c.AT_BOUNDARY else r"\B")
        elif op is _c.SUBPATTERN and not out:
            _group, add_flags, del_flags, sub = av
            out.append(_lead(list(sub), (flags | add_flags) & ~del_flags))
            break
        else:
            break
    return "".join(out)


def _finds(word: str, ignorecase: bool, other: str, other_ignorecase: bool) -> bool:
    """Whether the positions of ``word`` include every position of ``other``."""
    if ignorecase == other_ignorecase:
        return other.startswith(word)
    return ignorecase and other.isascii() and other.lower().startswith(word.lower())


def _covered(word: str, ignorecase: bool, classes: regex.Pattern) -> bool:
    """Whether every match of ``word`` starts where a class atom matches (then the word adds
    no candidate the class scan does not find)."""
    first = word[0]
    variants = {first}
    if ignorecase:
        variants |= {first.lower(), first.upper()} | {k for k, v in FOLD.items() if v == first.lower()}
    return all(classes.fullmatch(v) for v in variants)


def start_atoms(source: str, flags: int = 0) -> StartAtoms | None:
    """The start atoms of ``source`` (compiled by ``regex`` with ``flags``), or ``None`` when
    they cannot be derived (then the pattern must be scanned whole)."""
    atoms = compile_cache.memo(
        ("atoms", source, flags), lambda: _start_atoms(source, flags),
        lambda atoms: None if atoms is None else (atoms.words, atoms.classes, atoms.lead),
        lambda data: None if data is None else StartAtoms(tuple(map(tuple, data[0])), tuple(data[1]), data[2]),
    )
    return None if atoms is None else _INTERNED.setdefault(atoms, atoms)  # one object per value: Candidates caches by id


def _start_atoms(source: str, flags: int) -> StartAtoms | None:
    if flags & ~_KNOWN_FLAGS:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # e.g. "possible nested set": regex reads it otherwise
            tree = _p.parse(_GROUP_NAME.sub("(", source), flags & (regex.I | regex.S | regex.M | regex.X))
        flags = tree.state.flags
        if flags & _UNSUPPORTED_FLAGS:
            return None
        items = list(tree)
        words: set[tuple[str, bool]] = set()
        classes: set[str] = set()
        if _first(items, flags, words, classes):
            return None  # can match the empty string
        if classes:
            union = regex.compile("|".join(classes))  # raises if a class was rendered wrongly
            if sum(1 for c in _ALNUM if union.match(c)) > MAX_CLASS_ALNUM:
                return None  # starts at almost any word: candidates would be too many to pay
            words = {(w, ci) for w, ci in words if not _covered(w, ci, union)}
        # a word that begins with another word of the set adds no position ("eight" finds
        # "eighty"; "cd34" in any case finds "CD34+")
        words = {(w, ci) for w, ci in words if not any(_finds(o, oc, w, ci) for o, oc in words if (o, oc) != (w, ci))}
        return StartAtoms(tuple(sorted(words)), _merged(classes), _lead(items, flags))
    except (_Unsupported, _c.error, regex.error, FutureWarning, DeprecationWarning, RecursionError, ValueError):
        return None


def finditer(pattern: regex.Pattern, text: str, candidates: list[int]) -> list[regex.Match]:
    """``list(pattern.finditer(text))`` when every match starts at one of ``candidates``
    (sorted): the leftmost match at or after the end of the previous one, as a scan finds."""
    found = []
    end = 0
    match = pattern.match
    for pos in candidates:
        if pos < end:
            continue
        m = match(text, pos)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


#: One lookbehind of a lead as :func:`_lead` writes it (its class holds no parenthesis).
_LEAD_PART = regex.compile(r"\(\?<([=!])(\(\?-?[is]:[^()]*\))\)")


def _class_scan(lead: str, classes: tuple[str, ...]) -> str:
    """The regex that finds the positions of ``classes`` after ``lead``. A single class comes
    first and each lookbehind of the lead is checked after it, one character further back
    (``[\\d.](?<![\\w.].)`` for ``(?<![\\w.])[\\d.]``): the same positions, but a pattern that
    opens with a character set is searched for by the matcher's fast skip over the text
    instead of being tried at every position."""
    parts = _LEAD_PART.findall(lead)
    if len(classes) == 1 and lead and "".join(f"(?<{sign}{inner})" for sign, inner in parts) == lead:
        return classes[0] + "".join(f"(?<{sign}{inner}(?s:.))" for sign, inner in parts)
    return f"{lead}(?:{'|'.join(classes)})"


class AtomIndex:
    """The start atoms of a set of patterns, with one compiled scan per distinct class set
    (patterns that start alike share it), and its ``re`` twin for safe texts
    (:mod:`.stdlib_twin`)."""

    def __init__(self, atom_sets: list[StartAtoms | None]) -> None:
        from .stdlib_twin import twin

        keys = sorted({(atoms.lead, atoms.classes) for atoms in atom_sets if atoms is not None and atoms.classes})
        # class sets with the same lead and no letter (digits, signs, brackets) share one scan
        # for all their classes: a superset of each one's positions, for one pass over the text
        # instead of one per set (a letter would add the positions of most words)
        lettered = {key for key in keys if any(regex.compile(c).match(x) for c in key[1] for x in _LETTERS)}
        shared: dict[str, set[str]] = {}
        for lead, classes in keys:
            if (lead, classes) not in lettered:
                shared.setdefault(lead, set()).update(classes)
        self.scan_of = {
            (lead, classes): (lead, classes) if (lead, classes) in lettered else (lead, _merged(shared[lead]))
            for lead, classes in keys
        }
        self.class_scans = {key: regex.compile(_class_scan(*key)) for key in set(self.scan_of.values())}
        self.class_twins = {key: twin(scan, nonempty=True) or scan for key, scan in self.class_scans.items()}
        words = {word for atoms in atom_sets if atoms is not None for word in atoms.words}
        #: the words of every atom set, found in one pass per case rule (:class:`WordScan`)
        self.word_scans = {ci: WordScan([w for w, w_ci in words if w_ci is ci], ci) for ci in (False, True)}


def _trie(words: set[str]) -> str:
    """An alternation of ``words`` written as a tree of their letters, longest match first
    (``ab(?:cd)?`` for "ab" and "abcd"): tried at a position, it costs one test per letter
    instead of one per word."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


class WordScan:
    """Every position of each of a set of words (literal, compared as written, or lower-cased
    on a lower-cased text), found in one pass: the tree of the words is searched for from each
    position after the last one found (its first letters let the matcher skip ahead fast), each
    match is the longest word starting there, and the shorter words that start there too are its
    prefixes in the set (the positions of ``str.find`` for each word, without a search per word)."""

    def __init__(self, words: list[str], ignorecase: bool) -> None:
        #: the spelling searched for -> the words of the atoms it stands for
        self.spellings: dict[str, list[str]] = {}
        for word in words:
            self.spellings.setdefault(word.lower() if ignorecase else word, []).append(word)
        found = set(self.spellings)
        self.prefixes = {w: [p for p in found if w.startswith(p)] for w in found}
        self.pattern = re.compile(_trie(found)) if found else None

    def find(self, haystack: str) -> dict[str, list[int]]:
        """Spelling -> its sorted start positions in ``haystack`` (empty lists included)."""
        found: dict[str, list[int]] = {w: [] for w in self.spellings}
        if self.pattern is not None:
            prefixes, search = self.prefixes, self.pattern.search
            m = search(haystack)
            while m is not None:
                pos = m.start()
                for word in prefixes[m.group()]:
                    found[word].append(pos)
                m = search(haystack, pos + 1)
        return found


class Candidates:
    """Start-atom positions in one text, each atom searched once however many patterns use it."""

    def __init__(self, text: str, index: AtomIndex, safe: bool = False) -> None:
        """``safe``: ``text`` is safe for ``re`` twins (:func:`.stdlib_twin.text_is_safe`)."""
        self.text = text
        self.index = index
        self._scans = index.class_twins if safe else index.class_scans
        self._folded: str | None = None
        self._words: dict[tuple[str, bool], list[int]] = {}
        #: the case rules whose words have been scanned for
        self._scanned: set[bool] = set()
        self._classes: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        self._union: dict[int, list[int] | None] = {}

    def _folded_text(self) -> str | None:
        if self._folded is None:
            text = self.text
            # (str.translate looks up every character: only when a folded character is there)
            folded = (text.translate(_FOLD_TABLE) if any(c in text for c in FOLD) else text).lower()
            self._folded = folded if len(folded) == len(self.text) else ""
        return self._folded or None

    def _scan_words(self, ignorecase: bool) -> None:
        """The positions of every word of the index under one case rule, in one pass."""
        self._scanned.add(ignorecase)
        haystack = self._folded_text() if ignorecase else self.text
        if haystack is None:
            return
        scan = self.index.word_scans[ignorecase]
        for spelling, positions in scan.find(haystack).items():
            for word in scan.spellings[spelling]:
                self._words[(word, ignorecase)] = positions

    def _word(self, word: str, ignorecase: bool) -> list[int] | None:
        key = (word, ignorecase)
        found = self._words.get(key)
        if found is None and ignorecase not in self._scanned:
            self._scan_words(ignorecase)
            found = self._words.get(key)
        if found is None:  # a word the index does not hold, or a text folding cannot keep aligned
            haystack = self._folded_text() if ignorecase else self.text
            if haystack is None:
                return None
            needle = word.lower() if ignorecase else word
            found, find, pos = [], haystack.find, haystack.find(needle)
            while pos >= 0:
                found.append(pos)
                pos = find(needle, pos + 1)
            self._words[key] = found
        return found

    def _class(self, key: tuple[str, tuple[str, ...]]) -> list[int]:
        found = self._classes.get(key)
        if found is None:
            scan = self.index.scan_of[key]
            found = self._classes.get(scan)
            if found is None:
                found = self._classes[scan] = [m.start() for m in self._scans[scan].finditer(self.text)]
            self._classes[key] = found
        return found

    def of(self, atoms: StartAtoms) -> list[int] | None:
        """Sorted candidate start positions for a pattern with ``atoms`` (``None``: scan whole).
        ``atoms`` must be among those the index was built from. The list may be shared with
        other atoms: callers must not change it."""
        key = id(atoms)
        result = self._union.get(key, _UNKNOWN)
        if result is not _UNKNOWN:
            return result
        found_lists = []
        known = self._words
        for word_key in atoms.words:
            found = known.get(word_key)
            if found is None:
                found = self._word(*word_key)
                if found is None:
                    result = None
                    break
            if found:
                found_lists.append(found)
        else:
            if atoms.classes:
                found = self._class((atoms.lead, atoms.classes))
                if found:
                    found_lists.append(found)
            # most atoms find positions of one kind only (digits, say, and no number word):
            # that list is already sorted
            if not found_lists:
                result = []
            elif len(found_lists) == 1:
                result = found_lists[0]
            else:
                result = sorted(set().union(*found_lists))
        self._union[key] = result
        return result


#: "Not computed yet" in :attr:`Candidates._union` (where None means "scan whole").
_UNKNOWN: Any = object()
