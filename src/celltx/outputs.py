"""Output file names: the format a name asks for, checked before any work is done.

A file named for one format and holding another (a readable table in ``out.jsonl``, CSV in
``evidence.txt``) is misread by the next tool that opens it, far from the command that wrote
it. Every command that writes a file therefore takes its format from the name, or checks a
format given with ``--format`` against the name, through :func:`format_for`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: Suffix -> format maps of the files celltx commands write.
JSONL = {".jsonl": "jsonl"}
JSON = {".json": "json"}
TEXT = {".txt": "table"}
HTML = {".html": "html", ".htm": "html"}
MARKDOWN = {".md": "markdown"}


class OutputNameError(ValueError):
    """The output's name does not fit the format it would be written in (``celltx`` prints
    it as one line, as it does a :class:`celltx.cli.CliError`)."""


def format_for(
    path: str | os.PathLike[str], suffixes: Mapping[str, str], given: str | None = None, what: str = "output"
) -> str:
    """The format to write ``path`` in: ``given``, or the one its suffix names in ``suffixes``
    (suffix -> format, lower case with the dot). Raises :class:`OutputNameError` naming the
    suffixes that would fit when the name names no format, or another one than ``given``."""
    suffix = Path(path).suffix.lower()
    named = suffixes.get(suffix)
    if named is not None and given in (None, named):
        return named
    fitting = [s for s, f in suffixes.items() if given in (None, f)]
    if not fitting:
        raise OutputNameError(f"unknown {what} format {given!r}; choose {', '.join(dict.fromkeys(suffixes.values()))}")
    names = fitting[0] if len(fitting) == 1 else ", ".join(fitting[:-1]) + " or " + fitting[-1]
    shown = repr(suffix) if suffix else "a name without suffix"
    if given is None:
        raise OutputNameError(f"{path}: cannot tell the {what} format from {shown}; name it {names} (or pass --format)")
    raise OutputNameError(f"{path}: {given} {what} needs a name ending in {names}, not {shown}")
