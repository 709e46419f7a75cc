"""Compiled patterns kept between processes, so that loading the pipeline does not parse them again.

Why: building the pipeline compiles about 770 regular expressions (the span patterns with their
contexts, the merge exclusions, the normalisers'), 370 ``re`` twins and mirrors of them and the
start atoms of 200; the trial summary adds about 1,900 more. Both ``regex`` and ``re`` parse a
pattern in Python, so that was about 2 s of every fresh process that summarised one abstract,
more than importing spaCy. The result of that work depends only on the pattern's text, its
flags and the versions of Python and ``regex``.

How: each result is stored as plain data under a key that holds the exact pattern text (and
what else the result depends on), in one file per ``regex`` and Python version under the user's
cache folder. A compiled pattern is rebuilt from its data by the constructor the modules' own
pickling calls (``_regex.compile`` for ``regex``, ``_sre.compile`` for ``re``), which skips the
parsing; the matching code is the one the parse produced, so matches are the same. A key never
goes stale (a changed pattern is another key); a missing, unreadable or foreign file is the same
as an empty one; the file is read with an unpickler that refuses every global (plain data only)
and written whole through a temporary file and a rename.

Where: ``$CELLTX_CACHE_DIR``, else ``$XDG_CACHE_HOME/celltx``, else ``~/.cache/celltx``
(``%LOCALAPPDATA%\\celltx\\cache`` on Windows). ``CELLTX_CACHE_DIR=off`` (or ``0``, ``none``,
empty) turns it off; so does a folder that cannot be written (the patterns are then compiled as
before). ``celltx.compile_cache.clear()`` deletes the file.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import logging
import os
import pickle
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import regex

try:  # Python >= 3.11
    from re import _compiler as _sre_compiler
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compiler  # type: ignore[no-redef]

import _sre

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Environment variable naming the cache folder ("off" turns the cache off).
ENV = "CELLTX_CACHE_DIR"
_OFF = {"", "0", "off", "none", "false", "no"}
#: Entries kept from earlier processes besides those this process used (a file that would grow
#: past this keeps only what this process used: patterns edited many times leave old keys behind).
MAX_ENTRIES = 20_000

_store: dict[Hashable, Any] | None = None
_store_file: Path | None = None  # the file ``_store`` was read from
_used: set[Hashable] = set()
_dirty = False


def cache_dir() -> Path | None:
    """The cache folder (not created here), or ``None`` when the cache is turned off."""
    given = os.environ.get(ENV)
    if given is not None:
        return None if given.strip().lower() in _OFF else Path(given).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "celltx" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "celltx"


def cache_file() -> Path | None:
    """The file of this Python and ``regex`` version, or ``None`` when the cache is off."""
    folder = cache_dir()
    if folder is None:
        return None
    implementation = f"{sys.implementation.name}{sys.hexversion:x}"
    return folder / f"patterns-{implementation}-regex{regex.__version__}.pickle"


class _PlainUnpickler(pickle.Unpickler):
    """Reads plain data only: a file that names any class or function is rejected."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"global {module}.{name} is not allowed in the pattern cache")

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("persistent ids are not allowed in the pattern cache")


def _load_store() -> dict[Hashable, Any]:
    """The entries of the current cache file (read again when ``CELLTX_CACHE_DIR`` changed)."""
    global _store, _store_file, _dirty
    path = cache_file()
    if _store is None or path != _store_file:
        _store, _store_file, _dirty = {}, path, False
        _used.clear()
        if path is not None and path.is_file():
            try:
                data = _PlainUnpickler(io.BytesIO(path.read_bytes())).load()
                if isinstance(data, dict):
                    _store = data
            except Exception as err:  # any unreadable file is an empty cache
                log.debug("pattern cache %s not read: %s", path, err)
    return _store


def memo(key: tuple, compute: Callable[[], T], dump: Callable[[T], Any], rebuild: Callable[[Any], T]) -> T:
    """``compute()``, or the value rebuilt from the data stored under ``key`` by an earlier call.

    ``dump`` turns a value into plain data (tuples, lists, dicts, strings, bytes, numbers, None,
    booleans) and ``rebuild`` turns that data back into an equal value. A stored entry that
    cannot be rebuilt is computed again (and replaced)."""
    global _dirty
    if cache_dir() is None:
        return compute()
    key = _plain(key)
    store = _load_store()
    _used.add(key)
    if key in store:
        try:
            return rebuild(store[key])
        except Exception as err:  # a damaged entry: compute it again
            log.debug("pattern cache entry %r not rebuilt: %s", key[:2], err)
    value = compute()
    try:
        store[key] = _plain(dump(value))
    except Exception as err:  # a module version whose compiled form we cannot read: not cached
        log.debug("pattern cache entry %r not stored: %s", key[:2], err)
        return value
    _dirty = True
    return value


def _plain(data: Any) -> Any:
    """``data`` with int subclasses (flags, opcodes: pickled by their class) made plain ints."""
    if isinstance(data, bool) or data is None or type(data) in (int, str, bytes, float):
        return data
    if isinstance(data, int):
        return int(data)
    if isinstance(data, (tuple, list, frozenset)):
        return type(data)(_plain(item) for item in data)
    if isinstance(data, dict):
        return {_plain(k): _plain(v) for k, v in data.items()}
    raise TypeError(f"{type(data).__name__} cannot be stored in the pattern cache")


def save() -> Path | None:
    """Write the entries this process added (with the earlier ones) to the cache file, if any
    were added; ``None`` when nothing was written (nothing new, cache off, folder not writable)."""
    global _dirty
    path = cache_file()
    if not _dirty or path is None or _store is None or path != _store_file:
        return None
    from .corpus.jsonl import atomic_write

    store = _store
    if len(store) > MAX_ENTRIES:
        store = {k: v for k, v in store.items() if k in _used}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(store, protocol=4))
    except Exception as err:  # a read-only or full disk: the cache is an optimisation only
        log.debug("pattern cache %s not written: %s", path, err)
        return None
    _dirty = False
    return path


# patterns compiled after loading (the trial summary's, the normalisers' inline ones) are written
# when the process ends; a process that is killed keeps those of the load (saved by ``load``)
atexit.register(save)


def clear() -> None:
    """Forget the entries of this process and delete the cache file."""
    global _store, _store_file, _dirty
    _store, _store_file, _dirty = None, None, False
    _used.clear()
    path = cache_file()
    if path is not None:
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # nothing to delete
            path.unlink()


# -- the kinds of entry ------------------------------------------------------------------------


def _regex_data(pattern: regex.Pattern) -> tuple:
    return pattern._pickled_data  # what ``regex`` pickles: the compiled code, not the source


def _regex_rebuild(data: tuple) -> regex.Pattern:
    return regex._regex.compile(*data)


def compile_regex(source: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(source, flags)``, rebuilt from the cache when it holds it."""
    return memo(("regex", source, flags), lambda: regex.compile(source, flags), _regex_data, _regex_rebuild)


def optional_regex(key: tuple, compute: Callable[[], regex.Pattern | None]) -> regex.Pattern | None:
    """A ``regex`` pattern or ``None`` derived by ``compute`` (a mirror), cached under ``key``."""
    return memo(
        key, compute,
        lambda p: None if p is None else _regex_data(p),
        lambda d: None if d is None else _regex_rebuild(d),
    )


def sre_compile(tree: Any, flags: int) -> tuple[Any, tuple]:
    """``re``'s compilation of a parsed ``tree`` (what ``re._compiler.compile(tree, flags)``
    returns) with the data :func:`sre_rebuild` makes it again from."""
    code = _sre_compiler._code(tree, flags)
    groupindex = tree.state.groupdict
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    data = (flags | tree.state.flags, list(code), tree.state.groups - 1, dict(groupindex), tuple(indexgroup))
    return sre_rebuild(data), data


def sre_rebuild(data: tuple) -> Any:
    """The ``re`` pattern of :func:`sre_compile`'s data (its ``pattern`` attribute is None, as
    for any pattern ``re`` compiles from a parsed tree)."""
    flags, code, groups, groupindex, indexgroup = data
    return _sre.compile(None, flags, code, groups, groupindex, indexgroup)
