"""``celltx extract``: run the pipeline on a file, a folder of .txt files, or standard input."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..cli import CliError

EPILOG = """\
examples:
  celltx extract                                   # the embedded demo abstract (seed 001)
  celltx extract seeds/001_f75dfedfc35f7a9e.txt    # a readable table
  celltx extract abstract.txt --format json        # one scheme document (JSON)
  cat a.txt | celltx extract - --format jsonl      # standard input
  celltx extract notes/ --format jsonl -o out.jsonl  # every .txt file in a folder

Output formats: table (people), json (one document, pretty), jsonl (one document a line).
Spans carry normalised attributes; VALUE_OF links each lab value to its lab test.
"""

DEMO_RESOURCE = "demo.txt"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract mentions from text files or standard input",
        description="Extract cell types, doses, routes, frequencies, time points, lab tests and lab values.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="FILE", help="text file(s), folders of .txt files, or - for stdin; none = the demo abstract")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table", help="output format (default: table)")
    p.add_argument("--system", default="full", help="pipeline variant: full, rules, ner, dictionary, regex (default: full)")
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument("-o", "--output", type=Path, help="write to this file (atomically) instead of standard output")
    p.set_defaults(func=run)


def read_text(path: str, encoding: str) -> tuple[str, str]:
    """(id, text) of one input; errors name the file and, for bad bytes, the offset."""
    from ..corpus.readers import ReaderError, read_bytes_as_text

    if path != "-":
        try:
            return Path(path).stem, read_bytes_as_text(Path(path), encoding)
        except ReaderError as err:
            raise CliError(str(err)) from err
    data = sys.stdin.buffer.read()
    try:
        return "stdin", data.decode(encoding)
    except UnicodeDecodeError as err:
        raise CliError(f"stdin: not valid {encoding} at byte {err.start}; pass --encoding (e.g. latin-1)") from err
    except LookupError as err:
        raise CliError(f"unknown encoding {encoding!r}") from err


def expand_inputs(inputs: list[str]) -> list[str]:
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            files = sorted(str(f) for f in p.rglob("*.txt"))
            if not files:
                raise CliError(f"{item}: folder has no .txt files")
            out.extend(files)
        else:
            out.append(item)
    return out


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

    if args.inputs:
        sources = [read_text(path, args.encoding) for path in expand_inputs(args.inputs)]
    else:
        demo = resources.files("celltx").joinpath(DEMO_RESOURCE).read_text(encoding="utf-8")
        sources = [("demo", demo)]
    chunks: list[str] = []
    for doc_id, text in sources:
        try:
            record = api.extract(text, system=args.system)
        except ValueError as err:
            raise CliError(str(err)) from err
        record["id"] = doc_id
        if args.format == "json":
            chunks.append(json.dumps(record, ensure_ascii=False, indent=2))
        elif args.format == "jsonl":
            chunks.append(json.dumps(record, ensure_ascii=False))
        else:
            chunks.append((f"== {doc_id}\n" if len(sources) > 1 or args.inputs else "") + format_table(record))
    out = "\n".join(chunks) + "\n"
    if args.output:
        tmp = args.output.with_name(args.output.name + ".tmp")
        try:
            tmp.write_text(out, encoding="utf-8")
            tmp.replace(args.output)
        except OSError as err:
            tmp.unlink(missing_ok=True)
            raise CliError(f"{args.output}: cannot write: {err.strerror}") from err
    else:
        sys.stdout.write(out)
    return 0
