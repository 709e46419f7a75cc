"""The seal of the real-abstract test split: a hash of its gold, committed before tuning.

The test split of ``corpora/real`` is looked at once per change and never tuned on. Its gold is
sealed when annotation and the second pass are done: :func:`digest` hashes the canonical JSON
of every test record (sorted by id, spans and relations as written), and ``SEALED.json`` keeps
that hash with the ids. A test (``tests/corpus/test_seal.py``) recomputes it, so a change to
test gold cannot pass silently: a correction (only for annotation errors found by reading the
text) must be logged in ``corpora/real/CHANGES.md`` and the seal renewed with
``python -m celltx.corpus.seal corpora/real --renew "reason"``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from .jsonl import atomic_write, iter_corpus

SEAL_FILE = "SEALED.json"
SPLIT = "test"
#: Trial-summary gold of the test documents (sidecar file), sealed with them.
TRIALS_FILE = "trials_test.jsonl"


def sealed_records(folder: Path) -> list[dict[str, Any]]:
    """The test-split records of the real corpus, in id order."""
    return sorted(iter_corpus([folder], split=SPLIT), key=lambda r: r["id"])


def digest(records: list[dict[str, Any]]) -> str:
    """SHA-256 of the records' text, spans and relations in a canonical JSON form."""
    h = hashlib.sha256()
    for r in records:
        core = {"id": r["id"], "text": r["text"], "spans": r.get("spans", []),
                "relations": r.get("relations", [])}
        h.update(json.dumps(core, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def trials_digest(folder: Path) -> str | None:
    """SHA-256 of the test split's trial-summary gold file, or None when there is none."""
    path = folder / TRIALS_FILE
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("corpora/real")
    target = folder / SEAL_FILE
    renew = "--renew" in args
    if target.exists() and not renew:
        print(f"{target} exists: the split is sealed; renew only after a logged gold correction "
              "(--renew REASON)", file=sys.stderr)
        return 2
    records = sealed_records(folder)
    seal = {
        "split": SPLIT,
        "documents": len(records),
        "spans": sum(len(r.get("spans", [])) for r in records),
        "sha256": digest(records),
        "ids": [r["id"] for r in records],
        "trials_sha256": trials_digest(folder),
        "sealed": _dt.date.today().isoformat(),
    }
    if renew:
        reason = args[args.index("--renew") + 1] if len(args) > args.index("--renew") + 1 else ""
        if not reason:
            print("--renew needs a reason (see corpora/real/CHANGES.md)", file=sys.stderr)
            return 2
        old = json.loads(target.read_text("utf-8"))
        seal["history"] = [*old.get("history", []), {"sha256": old["sha256"], "until": seal["sealed"],
                                                     "reason": reason}]
    atomic_write(target, json.dumps(seal, indent=1) + "\n")
    print(f"sealed {seal['documents']} test documents ({seal['spans']} spans): {seal['sha256']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
