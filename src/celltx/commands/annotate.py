"""``celltx annotate``: pre-annotate many abstracts into scheme JSONL (plus brat / HTML views)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..cli import CliError, add_command, refuse_inputs_as_outputs, require_system, system_help

EPILOG = """\
examples:
  celltx annotate pubmed_export.xml -o pre.jsonl            # PubMed XML (PMID as id)
  celltx annotate abstracts/ -o pre.jsonl --n-process 2     # a folder of .txt files
  celltx annotate export.nbib -o pre.jsonl --resume         # MEDLINE; skip ids already in pre.jsonl
  celltx annotate sheet.csv --text-column Abstract --id-column PMID -o pre.jsonl
  celltx annotate pubmed.xml -o pre.jsonl --brat brat/ --html review.html

Input formats are detected from content (override with --input-format): txt, jsonl
({"id", "text"} or scheme documents), pubmed (PubmedArticleSet XML), medline (nbib), csv, tsv.
Output is written to a temporary file and renamed at the end: an interrupted or failed run
never leaves a half-written OUT. A malformed record stops the run (--on-error fail, the
default) or is reported and skipped (--on-error skip).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    from ..corpus.readers import add_reader_options

    p = add_command(
        sub,
        "annotate",
        run,
        help="pre-annotate many abstracts (PubMed XML, MEDLINE, CSV, JSONL, text) into JSONL",
        description="Pre-annotate abstracts for review and correction; stream any number of them.",
        epilog=EPILOG,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    p.add_argument("-o", "--output", type=Path, required=True, help="output JSONL (scheme documents)")
    add_reader_options(p)
    p.add_argument("--resume", action="store_true", help="keep documents already in OUTPUT and skip their ids")
    p.add_argument("--n-process", type=int, default=1, help="worker processes (default: 1)")
    p.add_argument("--batch-size", type=int, default=32, help="documents per batch (default: 32)")
    p.add_argument("--system", default="full", help=system_help())
    p.add_argument("--on-error", choices=("fail", "skip"), default="fail", help="malformed records: stop or skip")
    p.add_argument("--brat", type=Path, metavar="DIR", help="also write brat standoff files for correction")
    p.add_argument("--html", type=Path, metavar="FILE", help="also write a self-contained HTML review page")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def _existing_ids(path: Path) -> tuple[set[str], int]:
    ids: set[str] = set()
    n = 0
    if not path.exists():
        return ids, n
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise CliError(f"{path}:{lineno}: cannot resume, line is not JSON ({err.msg})") from err
            # a kept line is copied into the new output as it is: it must be a document this
            # command writes, not an input of {"id", "text"} or another file given by mistake
            if not (isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)) and isinstance(obj.get("text"), str)
                    and isinstance(obj.get("spans"), list) and isinstance(obj.get("relations", []), list)):
                raise CliError(f"{path}:{lineno}: cannot resume, line is not an annotated document (needs id, text, "
                               "spans): is OUTPUT the file an earlier celltx annotate wrote?")
            ids.add(str(obj["id"]))
            n += 1
    return ids, n


def run(args: argparse.Namespace) -> int:
    from .. import api, outputs
    from ..corpus.jsonl import atomic_target
    from ..corpus.readers import ReaderError, iter_inputs
    from ..outputs import format_for
    if args.n_process < 1:
        raise CliError("--n-process must be at least 1")
    require_system(args.system)
    out: Path = args.output
    refuse_inputs_as_outputs(args.inputs, out, args.html)
    if out.exists() and out.is_dir():
        raise CliError(f"{out}: is a directory")
    format_for(out, outputs.JSONL, "jsonl")
    if args.html:
        format_for(args.html, outputs.HTML, "html", what="review page")
    done, kept = _existing_ids(out) if args.resume else (set(), 0)
    skipped: list[str] = []

    def report(message: str) -> None:
        skipped.append(message)
        print(f"celltx annotate: skipped: {message}", file=sys.stderr)

    seen: set[str] = set()

    def todo() -> Iterator[dict[str, Any]]:
        for item in iter_inputs(args.inputs, args.input_format, encoding=args.encoding,
                                text_column=args.text_column, id_column=args.id_column,
                                on_error=args.on_error, report=report):
            if item["id"] in done:
                continue
            if item["id"] in seen:
                message = f"{item.get('source')}: duplicate id {item['id']!r}"
                if args.on_error == "fail":
                    raise ReaderError(message)
                report(message)
                continue
            seen.add(item["id"])
            yield item

    written = 0
    interrupted = False
    records_for_views: list[dict[str, Any]] = []
    keep_views = bool(args.brat or args.html)
    try:
        with atomic_target(out) as tmp, tmp.open("w", encoding="utf-8") as fh:
            if args.resume and out.exists():
                with out.open(encoding="utf-8") as old:
                    for line in old:
                        if line.strip():
                            fh.write(line if line.endswith("\n") else line + "\n")
            # records keep the items' id, source, offset, title, first author, year
            stream = api.extract_many(todo(), batch_size=args.batch_size, n_process=args.n_process, system=args.system)
            bar = None
            if not args.no_progress and sys.stderr.isatty():
                from tqdm import tqdm

                bar = tqdm(unit="doc", desc="annotate", file=sys.stderr)
            try:
                for record in stream:
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
                    if keep_views:
                        records_for_views.append(record)
                    if bar is not None:
                        bar.update(1)
            except KeyboardInterrupt:
                # the documents finished so far are whole lines: keep them, so that the same
                # command with --resume goes on where this one stopped
                interrupted = True
            if bar is not None:
                bar.close()
    except ReaderError as err:
        raise CliError(str(err)) from err
    if interrupted:
        print(f"celltx annotate: interrupted: {written} documents annotated -> {out}"
              + (f" (and {kept} kept from the previous run)" if args.resume else "")
              + "; run the same command with --resume to go on", file=sys.stderr)
        return 130
    if args.brat:
        from ..corpus.brat import write_brat
        from ..corpus.jsonl import CorpusError

        try:
            write_brat(args.brat, records_for_views)
        except CorpusError as err:
            raise CliError(f"--brat: {err} ({written} documents annotated -> {out})") from err
    if args.html:
        from ..review import write_html

        write_html(records_for_views, args.html)
    print(
        f"{written} documents annotated -> {out}"
        + (f" ({kept} kept from the previous run)" if args.resume else "")
        + (f"; {len(skipped)} records skipped" if skipped else ""),
        file=sys.stderr,
    )
    return 0
