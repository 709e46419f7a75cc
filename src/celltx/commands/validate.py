"""``celltx validate``: check gold or predicted JSONL files against the annotation scheme."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import CliError, add_command

EPILOG = """\
examples:
  celltx validate corpora/                         # every *.jsonl below corpora/ (drafts/ skipped)
  celltx validate corpora/gold/seeds.jsonl --sources seeds/
  celltx validate predictions.jsonl --allow-missing-relations

Checks every record with the scheme (offsets, span text, labels, same-label overlaps,
attribute names and values, relation ends, one VALUE_OF per LAB_VALUE), document ids
(present, unique across all files) and, when a record names its source file and the file is
found (in --sources DIR, else in the nearest seeds/ folder above the corpus file), that the
record's text is the slice source[source_offset:source_offset+len(text)].

output: one line per problem, FILE: DOC_ID: SPAN_ID: problem (SPAN_ID is - for document-level
problems), then a summary (files, documents, spans per label, problems).
exit status: 0 no problems, 1 problems found, 2 input missing or unreadable.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "validate",
        run,
        help="check JSONL corpus files against the annotation scheme",
        description="Check corpus files (scheme JSONL) against the annotation scheme.",
        epilog=EPILOG,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSONL files or folders")
    p.add_argument(
        "--sources",
        type=Path,
        metavar="DIR",
        help="folder holding the source files named by 'source' (default: nearest seeds/)",
    )
    p.add_argument(
        "--allow-missing-relations",
        action="store_true",
        help="do not require exactly one VALUE_OF per LAB_VALUE (e.g. for predictions)",
    )


def run(args: argparse.Namespace) -> int:
    from ..corpus.jsonl import CorpusError
    from ..corpus.validate import validate_paths

    try:
        report = validate_paths(
            args.paths, sources=args.sources, require_relations=not args.allow_missing_relations
        )
    except CorpusError as err:
        raise CliError(str(err)) from err
    if not report.files and not report.unreadable:
        raise CliError(f"no .jsonl files in {' '.join(str(p) for p in args.paths)}")
    for problem in report.problems:
        print(problem)
    print(report.summary())
    if report.unreadable:
        first = report.unreadable[0]
        more = len(report.unreadable) - 1
        raise CliError(f"{first}" + (f" (and {more} more unreadable file(s))" if more else ""))
    return report.exit_code
