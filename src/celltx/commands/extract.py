"""``celltx extract``: run the pipeline on a file, a folder of .txt files, or standard input."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..cli import CliError, add_command, refuse_inputs_as_outputs, require_system, system_help

EPILOG = """\
examples:
  celltx extract                                   # the embedded demo abstract (seed 001)
  celltx extract seeds/001_f75dfedfc35f7a9e.txt    # a readable table
  celltx extract abstract.txt --format json        # one scheme document (JSON)
  cat a.txt | celltx extract --format jsonl        # standard input (or name it: -)
  efetch -db pubmed -id 123 -format xml | celltx extract   # PubMed XML, from a pipe too
  celltx extract pubmed_export.xml -o out.jsonl    # format from the output name
  celltx extract sheet.csv --text-column Abstract --id-column PMID -o out.jsonl
  celltx extract notes/ -o out.jsonl               # every file in a folder

Inputs are read as celltx annotate reads them (same readers): txt, JSONL of {"id", "text"},
PubMed XML, MEDLINE, CSV, TSV, detected from the content (--input-format to force). With no
input, piped standard input is read; with none piped either, the demo abstract.

Output formats: table (people), json (one document, pretty; a list of them for several),
jsonl (one document a line). With
-o the format follows the name (.txt, .json, .jsonl); a --format that does not fit the name
is an error. Spans carry normalised attributes; VALUE_OF links each lab value to its lab test.
"""

DEMO_RESOURCE = "demo.txt"
#: Output formats in the order --format lists them.
FORMATS = ("table", "json", "jsonl")


def add_parser(sub: argparse._SubParsersAction) -> None:
    from ..corpus.readers import add_reader_options

    p = add_command(
        sub,
        "extract",
        run,
        help="extract mentions from files (text, PubMed XML, MEDLINE, CSV ...) or standard input",
        description="Extract cell types, doses, routes, frequencies, time points, lab tests and lab values.",
        epilog=EPILOG,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files or folders, - for standard input; none = piped standard input, else the demo")
    p.add_argument("--format", choices=FORMATS,
                   help="output format (default: from the -o name, else table)")
    p.add_argument("--system", default="full", help=system_help())
    add_reader_options(p)
    p.add_argument("-o", "--output", type=Path, help="write to this file (atomically) instead of standard output")


def stdin_is_piped(stream: Any = None) -> bool:
    """Whether standard input is a pipe or a redirected file (not a terminal, not /dev/null):
    then ``celltx extract`` without inputs reads it instead of showing the demo."""
    stream = sys.stdin if stream is None else stream
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (AttributeError, OSError, ValueError):  # pytest's stand-in, a closed stream
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def format_table(record: dict[str, Any]) -> str:
    """A readable, aligned table of spans with their attributes and VALUE_OF links."""
    by_id = {s["id"]: s for s in record["spans"]}
    links = {r["head"]: by_id[r["tail"]]["text"] for r in record["relations"] if r["tail"] in by_id}
    rows = [("id", "label", "text", "attributes")]
    for span in record["spans"]:
        attrs = {k: v for k, v in span["attrs"].items() if v not in (None, False)}
        shown = ", ".join(f"{k}={v}" for k, v in attrs.items())
        if span["id"] in links:
            shown += f"{', ' if shown else ''}VALUE_OF -> {links[span['id']]!r}"
        text = span["text"].replace("\n", " ")
        rows.append((span["id"], span["label"], text if len(text) <= 48 else text[:45] + "...", shown))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip() for r in rows]
    lines.insert(1, "-" * min(120, sum(widths) + 6 + max(len(r[3]) for r in rows)))
    counts: dict[str, int] = {}
    for span in record["spans"]:
        counts[span["label"]] = counts.get(span["label"], 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in counts.items()) or "no mentions found"
    return "\n".join(lines + [f"{len(record['spans'])} spans ({summary}); {len(record['relations'])} VALUE_OF"])


def run(args: argparse.Namespace) -> int:
    from .. import api
    from ..corpus.jsonl import CorpusError, atomic_write
    from ..corpus.readers import STDIN, ReaderError, iter_inputs
    from ..outputs import JSON, JSONL, TEXT, format_for
    from ..pipeline import SystemUnavailable

    suffixes = {**TEXT, **JSON, **JSONL}
    fmt = format_for(args.output, suffixes, args.format) if args.output else args.format or "table"
    require_system(args.system)
    inputs = args.inputs or ([STDIN] if stdin_is_piped() else [])
    refuse_inputs_as_outputs(inputs, args.output)
    if inputs:
        items: Any = iter_inputs(inputs, args.input_format, encoding=args.encoding,
                                 text_column=args.text_column, id_column=args.id_column)
    else:
        items = [("demo", resources.files("celltx").joinpath(DEMO_RESOURCE).read_text(encoding="utf-8"))]
    try:
        records = list(api.extract_many(items, system=args.system))
    except (ReaderError, SystemUnavailable) as err:
        raise CliError(str(err)) from err
    if fmt == "json":  # one document, or the list of them: a .json file holds one JSON value
        out = json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2)
    elif fmt == "jsonl":
        out = "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    else:
        out = "\n".join((f"== {r['id']}\n" if inputs else "") + format_table(r) for r in records)
    out += "\n"
    if args.output:
        try:
            atomic_write(args.output, out)
        except (CorpusError, OSError) as err:
            raise CliError(f"{args.output}: cannot write: {err}") from err
    else:
        sys.stdout.write(out)
    return 0
