"""The ``celltx`` command line: one sub-command per module in :mod:`celltx.commands`.

Each module in ``celltx/commands/`` exposes ``add_parser(subparsers)``, which adds its
sub-parser and sets ``func`` (a callable taking the parsed ``argparse.Namespace`` and
returning an exit code). Errors the user can fix are raised as :class:`CliError` and printed
as one line, without a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

COMMANDS = ("extract", "annotate", "import-brat", "table", "validate", "eval", "train", "bench")

DESCRIPTION = """\
Extract cell types, doses, routes, frequencies, time points, lab tests and lab values
from cell-therapy trial abstracts.

examples:
  celltx extract seeds/001_f75dfedfc35f7a9e.txt          # readable table
  echo "MSCs were infused i.v. at 1x10^6 cells/kg." | celltx extract - --format json
  celltx validate corpora/                                # check gold files
  celltx eval --gold corpora/ --split test                # score against gold
"""


class CliError(Exception):
    """A problem the user can fix (bad path, bad encoding...): printed as one line, exit 2."""


def add_command(
    subparsers: Any,
    name: str,
    run: Callable[[argparse.Namespace], int],
    *,
    help: str,
    description: str,
    epilog: str | None = None,
) -> argparse.ArgumentParser:
    """One command's sub-parser: description and epilog printed as written, ``func`` = ``run``."""
    parser = subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=run)
    return parser


def refuse_inputs_as_outputs(inputs: Iterable[str | os.PathLike[str]], *outputs: str | os.PathLike[str] | None) -> None:
    """Stop before any work when an output path is one of the input files: writing it would
    destroy what is being read ("celltx extract notes.txt -o notes.txt")."""
    from .corpus.readers import ReaderError, folder_inputs

    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if str(item) == "-":
            continue
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            with suppress(ReaderError):  # an empty folder is said by the reader, in its words
                files.extend(folder_inputs(path))  # an output among a folder's abstracts too
    for out in outputs:
        if out is None or not Path(out).is_file():
            continue
        for source in files:
            if os.path.samefile(source, out):
                raise CliError(f"{out}: is one of the inputs; write the output to another file")


def system_help(what: str = "pipeline variant") -> str:
    """The ``--system`` help of every command, naming each variant (``pipeline.SYSTEMS``)."""
    from .pipeline import SYSTEMS

    return f"{what}: {', '.join(SYSTEMS)} (default: full)"


def require_system(system: str) -> None:
    """The pipeline variant a command was given, checked before any work (one line, no traceback)."""
    from .pipeline import check_system

    try:
        check_system(system)
    except ValueError as err:
        raise CliError(str(err)) from err


@contextmanager
def corpus_errors(what: str) -> Iterator[None]:
    """Reading a corpus, as a command reports it: a ``CorpusError`` is a :class:`CliError` with
    its message, an ``OSError`` is "cannot read WHAT: ..."."""
    from .corpus.jsonl import CorpusError

    try:
        yield
    except CorpusError as err:
        raise CliError(str(err)) from err
    except OSError as err:
        raise CliError(f"cannot read {what}: {err}") from err


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="celltx", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"celltx {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module_name = f"celltx.commands.{name.replace('-', '_')}"  # import-brat -> import_brat
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name == module_name:
                continue  # command not built yet
            raise
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .outputs import OutputNameError

    try:
        return int(args.func(args) or 0)
    except (CliError, OutputNameError) as err:
        print(f"celltx {args.command}: error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a path the system refuses (no such folder, no permission, full disk)
        where = f"{err.filename}: " if err.filename else ""
        print(f"celltx {args.command}: error: {where}{err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"celltx {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
