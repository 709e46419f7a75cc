"""``celltx table``: the evidence table, one row per trial arm (default) or per abstract, as
CSV, Excel or Parquet."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..cli import CliError, add_command, refuse_inputs_as_outputs, require_system, system_help

EPILOG = """\
examples:
  celltx table pre.jsonl -o evidence.csv                 # annotate output (or corrected gold)
  celltx table pubmed_export.xml -o evidence.xlsx         # raw input: runs the pipeline first
  celltx table corrected.jsonl -o evidence.parquet
  celltx table corrected.jsonl --per abstract -o mentions.csv   # one row per abstract
  celltx table sheet.csv --text-column Abstract --id-column PMID -o evidence.csv
  celltx extract export.xml --format jsonl | celltx table - -o evidence.csv   # from a pipe

INPUT is scheme JSONL (documents with "spans", as written by celltx annotate, import-brat or
extract --format jsonl) or any raw input celltx annotate reads (txt, JSONL of {"id", "text"},
PubMed XML, MEDLINE, CSV, TSV), which is run through the pipeline. The table format follows
the output suffix: .csv, .xlsx (needs openpyxl) or .parquet (needs pyarrow).

--per arm (default): one row per trial arm, laid out like the "characteristics of included
studies" tables of meta-analyses. The trial summary is the record's "trial" object, or is
built from its mentions (celltx.trial.summarize; values are read from the text, never
guessed: an empty cell means the abstract does not say). An .xlsx file gets a second sheet
"eligibility" (one row per threshold). CSV cells that start with = + - @ and are not numbers
get a leading apostrophe, so no spreadsheet runs them as formulas.

per-arm columns (multi-valued cells joined with "; "):
{arm_columns}
then, per analyte reported anywhere in the input:
{outcome_columns}

--per abstract: one row per abstract, the mentions as extracted; columns:
{columns}
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    from ..corpus.readers import FORMATS, add_reader_options
    from ..table import ARM_COLUMN_HELP, ARM_OUTCOME_HELP, COLUMN_HELP

    def listing(helps: dict[str, str], width: int = 24) -> str:
        return "\n".join(f"  {name:<{width}} {help_}" for name, help_ in helps.items())

    columns = listing(COLUMN_HELP)
    p = add_command(
        sub,
        "table",
        run,
        help="the evidence table: one row per trial arm or per abstract (CSV, Excel or Parquet)",
        description="Summarise extracted (or corrected) documents as an evidence table, one row per "
        "trial arm (default) or one row per abstract.",
        epilog=EPILOG.replace("{columns}", columns)
        .replace("{arm_columns}", listing(ARM_COLUMN_HELP))
        .replace("{outcome_columns}", listing(ARM_OUTCOME_HELP, 26)),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="scheme JSONL or raw inputs (files or folders), - for standard input")
    p.add_argument("-o", "--output", type=Path, required=True, help="output table (.csv, .xlsx or .parquet)")
    p.add_argument("--per", choices=("arm", "abstract"), default="arm",
                   help="one row per trial arm (default) or per abstract")
    p.add_argument("--format", dest="table_format", choices=("csv", "xlsx", "parquet"),
                   help="table format (default: from the output suffix)")
    add_reader_options(p, (*FORMATS, "scheme"))  # scheme: JSONL of extracted documents
    p.add_argument("--on-error", choices=("fail", "skip"), default="fail", help="malformed records: stop or skip")
    p.add_argument("--system", default="full", help=system_help("pipeline variant for raw inputs"))
    p.add_argument("--batch-size", type=int, default=32, help="documents per batch (default: 32)")
    p.add_argument("--n-process", type=int, default=1, help="worker processes for raw inputs (default: 1)")


def _files(inputs: list[str], scratch: Path) -> list[Path]:
    """The input files; standard input ("-") is saved under ``scratch`` as a file named
    ``stdin`` and read like any other input (scheme JSONL or raw abstracts)."""
    from ..corpus.readers import STDIN, STDIN_NAME, ReaderError, folder_inputs

    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if str(item) == STDIN:
            path = scratch / STDIN_NAME
            if path.exists():
                raise CliError("standard input (-) can be read only once")
            path.write_bytes(sys.stdin.buffer.read())
            files.append(path)
        elif path.is_dir():
            try:
                files.extend(folder_inputs(path))  # the files annotate and extract read there
            except ReaderError as err:
                raise CliError(str(err)) from err
        elif path.exists():
            files.append(path)
        else:
            raise CliError(f"{path}: no such file")
    return files


def is_scheme_jsonl(path: Path, encoding: str = "utf-8") -> bool:
    """Whether ``path`` is JSONL whose first document has ``spans`` (extracted documents)."""
    try:
        with path.open(encoding=encoding, errors="replace") as handle:
            for line in handle:
                if line.strip():
                    obj = json.loads(line.lstrip("\ufeff"))
                    return isinstance(obj, dict) and isinstance(obj.get("spans"), list)
    except (OSError, ValueError):
        return False
    return False


def read_scheme(path: Path, encoding: str, on_error: str, report) -> Iterator[dict[str, Any]]:
    """Scheme documents of a JSONL file; a bad line names the file and line."""
    from ..corpus.readers import ReaderError, read_bytes_as_text

    text = read_bytes_as_text(path, encoding).lstrip("\ufeff")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        problem = None
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            problem = f"{path}:{lineno}: invalid JSON ({err.msg})"
        else:
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                problem = f"{path}:{lineno}: not a document (no string field 'text')"
            elif not isinstance(obj.get("spans", []), list):
                problem = f"{path}:{lineno}: field 'spans' is not a list"
        if problem:
            if on_error == "fail":
                raise ReaderError(problem)
            report(problem)
            continue
        obj.setdefault("source", path.name)
        yield obj


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="celltx-table-") as scratch:
        return _run(args, Path(scratch))


def _run(args: argparse.Namespace, scratch: Path) -> int:
    from ..corpus.readers import ReaderError, detect_format, iter_inputs
    from ..table import TableError, check_writer, output_format, rows, write_table

    try:
        fmt = output_format(args.output, args.table_format)
        check_writer(fmt)  # before any work: say what to install
    except TableError as err:
        raise CliError(str(err)) from err
    if args.n_process < 1:
        raise CliError("--n-process must be at least 1")
    require_system(args.system)
    refuse_inputs_as_outputs(args.inputs, args.output)
    files = _files(args.inputs, scratch)
    counts = {"scheme": 0, "extracted": 0, "skipped": 0}

    def report(message: str) -> None:
        counts["skipped"] += 1
        print(f"celltx table: skipped: {message}", file=sys.stderr)

    def kind(path: Path) -> str:
        if args.input_format == "scheme":
            return "scheme"
        if args.input_format in ("auto", "jsonl"):
            detected = args.input_format
            if detected == "auto":
                try:
                    with path.open("rb") as handle:
                        head = handle.read(4096).decode(args.encoding, errors="replace")
                except OSError as err:
                    raise CliError(f"{path}: cannot read: {err.strerror or err}") from err
                except LookupError as err:
                    raise CliError(f"unknown encoding {args.encoding!r}") from err
                detected = detect_format(path, head, args.text_column)
            if detected == "jsonl" and is_scheme_jsonl(path, args.encoding):
                return "scheme"
        return "raw"

    def raw_records(path: Path) -> Iterator[dict[str, Any]]:
        from .. import api

        items = iter_inputs([path], args.input_format, encoding=args.encoding,
                            text_column=args.text_column, id_column=args.id_column,
                            on_error=args.on_error, report=report)
        # records keep the items' id, source and citation fields
        yield from api.extract_many(items, batch_size=args.batch_size, n_process=args.n_process,
                                    system=args.system)

    def records() -> Iterator[dict[str, Any]]:
        for path in files:
            if kind(path) == "scheme":
                for record in read_scheme(path, args.encoding, args.on_error, report):
                    counts["scheme"] += 1
                    yield record
            else:
                for record in raw_records(path):
                    counts["extracted"] += 1
                    yield record

    try:
        if args.per == "arm":
            from ..table import ELIGIBILITY_COLUMNS, arm_columns, arm_rows, eligibility_rows

            table_rows: list[dict[str, str]] = []
            eligibility: list[dict[str, str]] = []
            for record in records():
                table_rows.extend(arm_rows(record))
                eligibility.extend(eligibility_rows(record))
            written = write_table(table_rows, args.output, fmt, columns=arm_columns(table_rows),
                                  sheets={"eligibility": (ELIGIBILITY_COLUMNS, eligibility)})
        else:
            written = write_table(rows(records()), args.output, fmt)
    except (ReaderError, TableError) as err:
        raise CliError(str(err)) from err
    except OSError as err:
        raise CliError(f"{args.output}: cannot write: {err.strerror or err}") from err
    parts = [f"{counts['scheme']} read" if counts["scheme"] else "",
             f"{counts['extracted']} extracted" if counts["extracted"] else "",
             f"{counts['skipped']} skipped" if counts["skipped"] else ""]
    detail = ", ".join(p for p in parts if p)
    print(f"{written} rows -> {args.output}" + (f" ({detail})" if detail else ""), file=sys.stderr)
    return 0
