#!/usr/bin/env python
"""Speed and scale benchmark (issue "Speed and scale"); the code lives in celltx.bench.

    python eval/bench.py                 # all systems, 5 runs; writes eval/results/bench.json,
                                         # eval/results/bench.md and refreshes eval/BENCHMARKS.md
    python eval/bench.py --runs 3 --no-cold --no-update-doc
    python eval/bench.py --help

Same options as ``celltx bench`` (which does not touch BENCHMARKS.md unless --update-doc).
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    from celltx import bench
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from celltx import bench


def main(argv: list[str] | None = None) -> int:
    args = bench.main_args(argv)
    if args.repo is None:
        args.repo = Path(__file__).resolve().parents[1]
    if args.output is None:  # this script records the committed run (the CLI writes to build/)
        args.output = args.repo / "eval" / "results" / "bench.json"
    try:
        _result, printed = bench.execute(args, "python eval/bench.py " + " ".join(sys.argv[1:] if argv is None else argv))
    except (bench.BenchError, RuntimeError) as err:
        print(f"eval/bench.py: error: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(printed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
