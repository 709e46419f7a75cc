"""``python -m celltx.bench``: the benchmark with ``eval/bench.py``'s options."""

from __future__ import annotations

import sys

from .cli import BenchError, execute, main_args

if __name__ == "__main__":
    try:
        _result, _printed = execute(main_args(), "python -m celltx.bench " + " ".join(sys.argv[1:]))
    except BenchError as _err:
        print(f"bench: error: {_err}", file=sys.stderr)
        raise SystemExit(2) from None
    sys.stdout.write(_printed)
