"""Records snapshot: a byte-for-byte regression check for speed work.

A speed change must not change what celltx finds. This script runs ``celltx.extract_many``
(systems ``rules`` and ``full``) over the texts of every gold corpus in ``corpora/`` and over a
fixed sample of the shared real abstracts (``../shared/corpora/real-abstracts/*.jsonl``), and
writes the records (spans, attributes, relations) as JSON; ``--compare`` then reports every
record that differs from an earlier snapshot.

Only the extractor's output is written (no gold, no scores), and by default outside the
repository (``build/snapshot/``, ignored by git), so the sealed test split is neither scored nor
copied.

    python eval/snapshot.py -o build/snapshot/before.json
    ... change the code ...
    python eval/snapshot.py -o build/snapshot/after.json --compare build/snapshot/before.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpora" / "real-abstracts"
#: Shared abstracts sampled with a fixed seed (0: all of them; all 2,378 take about a minute a system).
SAMPLE = 0
SEED = 13
SYSTEMS = ("rules", "full")


def _texts(path: Path) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                out.append((f"{path.name}:{row.get('id', n)}", row["text"]))
    return out


def collect(sample: int = SAMPLE) -> list[tuple[str, str]]:
    """(key, text) pairs: every document of corpora/**/*.jsonl with a text, then the sample."""
    items: list[tuple[str, str]] = []
    for path in sorted((REPO / "corpora").glob("*/*.jsonl")):
        items.extend((f"corpora/{path.parent.name}/{key}", text) for key, text in _texts(path))
    shared: list[tuple[str, str]] = []
    for path in sorted(SHARED.glob("*.jsonl")):
        shared.extend((f"shared/{key}", text) for key, text in _texts(path))
    if sample and len(shared) > sample:
        shared = random.Random(SEED).sample(shared, sample)
    return items + shared


def snapshot(items: list[tuple[str, str]], systems=SYSTEMS) -> dict[str, dict[str, dict]]:
    import celltx

    out: dict[str, dict[str, dict]] = {}
    for system in systems:
        t0 = time.perf_counter()
        records = celltx.extract_many((t for _, t in items), system=system)
        out[system] = {key: record for (key, _), record in zip(items, records)}
        print(f"{system}: {len(items)} texts in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return out


def compare(new: dict, old: dict, limit: int = 20) -> int:
    """Print the differing records (up to ``limit`` per system); return how many differ."""
    n_diff = 0
    for system in sorted(set(new) | set(old)):
        a, b = new.get(system, {}), old.get(system, {})
        keys = sorted(set(a) | set(b))
        bad = [k for k in keys if a.get(k) != b.get(k)]
        n_diff += len(bad)
        print(f"{system}: {len(keys) - len(bad)}/{len(keys)} records identical")
        for key in bad[:limit]:
            ra, rb = a.get(key) or {}, b.get(key) or {}
            sa = {json.dumps(s, sort_keys=True) for s in ra.get("spans", [])}
            sb = {json.dumps(s, sort_keys=True) for s in rb.get("spans", [])}
            print(f"  {key}:")
            for s in sorted(sb - sa):
                print(f"    - {s}")
            for s in sorted(sa - sb):
                print(f"    + {s}")
            if ra.get("relations") != rb.get("relations"):
                print(f"    relations: {rb.get('relations')} -> {ra.get('relations')}")
            if not (sa - sb or sb - sa or ra.get("relations") != rb.get("relations")):
                print("    (other fields differ)")
    return n_diff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", type=Path, default=REPO / "build" / "snapshot" / "records.json")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    parser.add_argument("--sample", type=int, default=SAMPLE, help="shared abstracts sampled (0: all)")
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS))
    args = parser.parse_args(argv)
    data = snapshot(collect(args.sample), args.systems)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    if args.compare is not None:
        return 1 if compare(data, json.loads(args.compare.read_text(encoding="utf-8"))) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
