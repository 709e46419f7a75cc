"""Options and the whole command: shared by ``celltx bench`` and ``eval/bench.py``."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .report import _atomic_write, to_markdown, to_table, update_benchmarks_doc, write_json
from .run import run_benchmark
from .systems import SYSTEM_NAMES
from .texts import CORPUS_SUBDIR, collect_texts, default_repo, default_shared
from .timing import DEFAULT_RUNS, profile

#: The first paragraph of the package docstring (``--help`` of ``eval/bench.py``).
DESCRIPTION = "Speed and scale benchmark: celltx against the bare tokenizers and a peer pipeline."


def main_args(argv: Sequence[str] | None = None) -> Any:
    """Shared option parsing for ``eval/bench.py`` (the CLI adds the same options)."""
    import argparse

    parser = argparse.ArgumentParser(prog="eval/bench.py", description=DESCRIPTION)
    add_arguments(parser, update_doc_default=True)
    return parser.parse_args(argv)


def add_arguments(parser: Any, update_doc_default: bool) -> None:
    import argparse

    parser.add_argument("--systems", nargs="+", default=list(SYSTEM_NAMES), metavar="NAME",
                        help=f"systems to run, in order (default: all: {' '.join(SYSTEM_NAMES)})")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"timed passes per system; the median is reported (default: {DEFAULT_RUNS}, minimum 3)")
    parser.add_argument("--repo", type=Path, default=None, help="celltx checkout holding seeds/ and corpora/ (default: auto)")
    parser.add_argument("--corpora", type=Path, default=None, metavar="DIR",
                        help="third-party corpora folder holding ctc-glaucoma/ (default: REPO/../shared/corpora)")
    parser.add_argument("--texts", type=Path, nargs="+", default=[], metavar="PATH",
                        help="more texts: .txt files, folders of .txt, or scheme .jsonl")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="JSON results (default: build/bench/bench.json in the current folder; eval/results/ holds the committed run)")
    parser.add_argument("--markdown", type=Path, default=None,
                        help="also write the Markdown table here (default: next to the JSON, bench.md)")
    parser.add_argument("--update-doc", action=argparse.BooleanOptionalAction, default=update_doc_default,
                        help="rewrite the generated section of REPO/eval/BENCHMARKS.md")
    parser.add_argument("--no-cold", dest="cold", action="store_false",
                        help="skip the fresh-process load-time/peak-memory runs")
    parser.add_argument("--no-breakdown", dest="breakdown", action="store_false",
                        help="skip the per-component time breakdown")
    parser.add_argument("--profile", action="store_true",
                        help="also profile celltx full with pyinstrument (REPO/eval/results/tmp/profile_full.*)")
    parser.add_argument("--format", choices=("table", "markdown", "json"), default="table",
                        help="what to print on standard output (default: table)")


class BenchError(Exception):
    """A problem with the benchmark's inputs or options (reported as one line)."""


def execute(args: Any, command: str) -> tuple[dict[str, Any], str]:
    """Run the benchmark for parsed ``args``; write the files; return (result, printed text)."""
    if args.runs < 3:
        raise BenchError(f"--runs must be at least 3 (median of >= 3 passes), got {args.runs}")
    unknown = [n for n in args.systems if n not in SYSTEM_NAMES]
    if unknown:
        raise BenchError(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEM_NAMES)}")
    for path in args.texts:
        if not path.exists():
            raise BenchError(f"{path}: no such file or folder")
    repo = (args.repo or default_repo()).resolve()
    shared = args.corpora if args.corpora is not None else default_shared(repo)
    corpus = collect_texts(repo, shared, args.texts)
    if not corpus.texts:
        raise BenchError(f"no texts found (looked in {shared / CORPUS_SUBDIR}, {repo / 'seeds'}, "
                         f"{repo / 'corpora' / 'dev'}); give some with --texts")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    for note in corpus.notes:
        progress(f"bench: note: {note}")
    result = run_benchmark(corpus, args.systems, args.runs, args.cold, args.breakdown, command, progress)
    output = args.output or (Path("build") / "bench" / "bench.json")
    markdown = to_markdown(result)
    write_json(output, result)
    _atomic_write(args.markdown or output.with_suffix(".md"), markdown)
    progress(f"bench: wrote {output}")
    if args.update_doc:
        doc = repo / "eval" / "BENCHMARKS.md"
        update_benchmarks_doc(doc, markdown)
        progress(f"bench: updated {doc}")
    if args.profile:
        path = profile("full", corpus.texts, repo / "eval" / "results" / "tmp")
        progress(f"bench: profile written to {path} (and .html)")
    if args.format == "json":
        printed = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    elif args.format == "markdown":
        printed = markdown
    else:
        printed = to_table(result)
    return result, printed
