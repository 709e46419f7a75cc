"""``celltx import-brat``: read a corrected brat collection back into scheme JSONL."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..cli import CliError, add_command

EPILOG = """\
examples:
  celltx annotate pubmed.xml -o pre.jsonl --brat brat/   # export for correction
  # ... correct brat/ in brat (or edit the .ann files) ...
  celltx import-brat brat/ -o corrected.jsonl            # back to scheme JSONL
  celltx import-brat brat/ -o corrected.jsonl --strict   # refuse documents that break the scheme
  celltx table corrected.jsonl -o evidence.csv

DIR is a brat collection folder (searched recursively for .ann files, each with its .txt;
the .json files written by --brat keep ids, other fields and document order, so an
unchanged export reads back exactly as it was written) or a single .ann file.

Spans added or changed in brat are normalised: the attributes the annotator set stay, the
others (including those left over from a span's old text) are filled by celltx's normaliser.
Values brat cannot offer in its lists (numbers) are typed into the span's note as
name=value pairs, e.g. "value=3.5; unit=mg/dL".

Documents are checked against the annotation scheme; problems are listed (--strict: listed
and the run fails, OUT is not written). OUT is written atomically.
"""

MAX_LISTED = 20


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "import-brat",
        run,
        help="read corrected brat files back into scheme JSONL",
        description="Convert a brat collection (ID.txt + ID.ann [+ ID.json]) into scheme JSONL.",
        epilog=EPILOG,
    )
    p.add_argument("folder", metavar="DIR", type=Path, help="brat collection folder (or one .ann file)")
    p.add_argument("-o", "--output", type=Path, required=True, help="output JSONL (scheme documents)")
    p.add_argument("--strict", action="store_true", help="fail if a document breaks the annotation scheme")


def run(args: argparse.Namespace) -> int:
    from ..components.normalizer import fill_missing_attrs
    from ..corpus.brat import read_brat
    from ..corpus.jsonl import CorpusError, write_jsonl
    from ..outputs import JSONL, format_for
    from ..schema import validate_record

    folder: Path = args.folder
    if not folder.exists():
        raise CliError(f"{folder}: no such file or directory")
    if folder.is_dir() and not any(folder.rglob("*.ann")):
        raise CliError(f"{folder}: no .ann files (is this a brat collection?)")
    if args.output.is_dir():
        raise CliError(f"{args.output}: is a directory")
    format_for(args.output, JSONL, "jsonl")
    problems: list[str] = []
    seen: dict[Any, int] = {}

    def checked() -> Iterator[dict[str, Any]]:
        for n, record in enumerate(read_brat(folder), start=1):
            fill_missing_attrs(record)
            doc_id = record.get("id")
            if doc_id in seen:
                problems.append(f"{doc_id}: duplicate document id (documents {seen[doc_id]} and {n})")
            seen.setdefault(doc_id, n)
            problems.extend(f"{doc_id}: {p}" for p in validate_record(record))
            yield record

    args.output.parent.mkdir(parents=True, exist_ok=True)
    try:
        if args.strict:
            records = list(checked())
            if problems:
                _list(problems)
                raise CliError(f"{len(problems)} scheme problems; {args.output} not written (drop --strict to import anyway)")
            written = write_jsonl(args.output, records)
        else:
            written = write_jsonl(args.output, checked())
    except CorpusError as err:
        raise CliError(str(err)) from err
    if problems and not args.strict:
        _list(problems)
    print(
        f"{written} documents imported -> {args.output}"
        + (f"; {len(problems)} scheme problems (see above)" if problems else ""),
        file=sys.stderr,
    )
    return 0


def _list(problems: list[str]) -> None:
    for problem in problems[:MAX_LISTED]:
        print(f"celltx import-brat: {problem}", file=sys.stderr)
    if len(problems) > MAX_LISTED:
        print(f"celltx import-brat: ... and {len(problems) - MAX_LISTED} more", file=sys.stderr)
