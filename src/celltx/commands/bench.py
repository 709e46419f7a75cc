"""``celltx bench``: speed and memory of celltx against the bare tokenizers and medspaCy.

A thin wrapper over :mod:`celltx.bench` (the same code as ``eval/bench.py``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..cli import CliError, add_command

EPILOG = """\
Every system is timed in one process on the same texts: the bare spaCy tokenizer, the celltx
tokenizer, medspaCy's default pipeline, celltx rules, celltx full, and celltx full with
n_process=2. Rates are the median of --runs timed passes after a warm-up pass. Texts: the
third-party ctc-glaucoma abstracts (REPO/../shared/corpora, when present), seeds/*.txt and
corpora/dev/*.jsonl, plus --texts.

examples:
  celltx bench                                    # all systems; table on the terminal
  celltx bench --systems celltx-full celltx-full-n2 --runs 3 --no-cold
  celltx bench --texts my_abstracts/ --format markdown
  celltx bench --update-doc                       # also refresh eval/BENCHMARKS.md
  celltx bench --profile                          # plus a pyinstrument profile of celltx full
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from .. import bench

    parser = add_command(
        sub,
        "bench",
        run,
        help="benchmark speed, load time and memory against the tokenizers and medspaCy",
        description="Benchmark docs/s, words/s, load time and memory of celltx and its peers.",
        epilog=EPILOG,
    )
    bench.add_arguments(parser, update_doc_default=False)
    return parser


def run(args: Any) -> int:
    from .. import bench
    from ..outputs import JSON, MARKDOWN, format_for

    if args.output:
        format_for(args.output, JSON, "json", what="results")
    if args.markdown:
        format_for(args.markdown, MARKDOWN, "markdown", what="table")
    try:
        _result, printed = bench.execute(args, "celltx bench " + " ".join(sys.argv[2:]))
    except bench.BenchError as err:
        raise CliError(str(err)) from err
    except RuntimeError as err:  # --profile without pyinstrument
        raise CliError(str(err)) from err
    sys.stdout.write(printed)
    return 0
