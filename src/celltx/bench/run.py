"""One benchmark run: every system on the same texts, then the issue's targets.

:func:`run_benchmark` returns the JSON-ready result (``bench.json``): date, command, machine,
texts, one row per system (timing, memory, fresh-process figures), the component breakdown
and the targets met or missed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from .cold import measure_cold
from .machine import _loadavg, machine_info
from .memory import _maxrss_bytes, _mb, _rusage_self
from .systems import SYSTEM_NAMES, systems
from .texts import Corpus
from .timing import DEFAULT_RUNS, component_breakdown, measure_system

TARGETS = {
    "full_docs_per_s": 100.0,
    "rules_vs_tokenizer": 0.40,
    "cold_load_s": 3.0,
    "peak_rss_mb": 500.0,
    "n2_speedup": 1.6,
}


def run_benchmark(
    corpus: Corpus,
    names: Sequence[str] = SYSTEM_NAMES,
    runs: int = DEFAULT_RUNS,
    cold: bool = True,
    breakdown: bool = True,
    command: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Benchmark ``names`` on ``corpus``; return the JSON-ready result."""
    note = progress or (lambda message: None)
    available = systems()
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEM_NAMES)}")
    if not corpus.texts:
        raise ValueError("no texts to benchmark")
    started = datetime.now(timezone.utc)
    result: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds"),
        "command": command,
        "machine": machine_info(),
        "loadavg_start": _loadavg(),
        "texts": {
            "docs": len(corpus.texts),
            "words": corpus.n_words,
            "chars": corpus.n_chars,
            "sources": corpus.sources,
            "notes": corpus.notes,
        },
        "runs": runs,
        "method": "median of `runs` timed passes after one warm-up pass; wall clock (time.perf_counter)",
        "memory_method": "psutil RSS sampled every 20 ms (+ children for n_process rows); VmHWM / ru_maxrss for peaks",
        "systems": [],
    }
    n_words = corpus.n_words
    for name in names:
        note(f"bench: {name} ...")
        row = measure_system(available[name], corpus.texts, n_words, runs)
        if cold and row.get("status") == "ok":
            note(f"bench: {name} (fresh process) ...")
            row.update(measure_cold(name, corpus.texts))
        result["systems"].append(row)
        if row.get("status") == "ok":
            note(f"bench: {name}: {row['docs_per_s']} docs/s")
        else:
            note(f"bench: {name}: {row['status']} ({row.get('reason')})")
    if breakdown and any(n in names for n in ("celltx-full", "celltx-rules")):
        which = "full" if "celltx-full" in names else "rules"
        note(f"bench: component breakdown of celltx {which} ...")
        result["breakdown"] = {"system": which, "components": component_breakdown(which, corpus.texts)}
    result["process_peak_rss_mb"] = _mb(_maxrss_bytes(_rusage_self()))
    result["loadavg_end"] = _loadavg()
    result["targets"] = check_targets(result)
    return result


def _row(result: dict[str, Any], name: str) -> dict[str, Any] | None:
    for row in result["systems"]:
        if row["system"] == name and row.get("status") == "ok":
            return row
    return None


def check_targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, each with the measured value and met/missed (None: not measured)."""
    full = _row(result, "celltx-full")
    rules = _row(result, "celltx-rules")
    tok = _row(result, "spacy-tokenizer")
    ctok = _row(result, "celltx-tokenizer")
    n2 = _row(result, "celltx-full-n2")
    out = []

    def add(name: str, target: str, value: float | None, met: bool | None, detail: str = "") -> None:
        out.append({"target": name, "goal": target, "value": value, "met": met, "detail": detail})

    value = full["docs_per_s"] if full else None
    add("celltx full, one process", f">= {TARGETS['full_docs_per_s']:.0f} docs/s", value,
        None if value is None else value >= TARGETS["full_docs_per_s"])
    ratio = round(rules["docs_per_s"] / tok["docs_per_s"], 3) if rules and tok else None
    detail = ""
    if rules and ctok:
        detail = f"vs CelltxTokenizer: {rules['docs_per_s'] / ctok['docs_per_s']:.3f}"
    add("rules-only vs bare spaCy tokenizer", f">= {TARGETS['rules_vs_tokenizer']:.2f}x", ratio,
        None if ratio is None else ratio >= TARGETS["rules_vs_tokenizer"], detail)
    value = full.get("cold_load_s") if full else None
    add("celltx full load time (fresh process, imports included)", f"< {TARGETS['cold_load_s']:.0f} s", value,
        None if value is None else value < TARGETS["cold_load_s"],
        (f"in-process load: {full['load_s']} s; first run, empty pattern cache: {full.get('first_load_s')} s"
         if full else ""))
    value = full.get("cold_peak_rss_mb") if full else None
    add("celltx full peak memory (fresh process)", f"< {TARGETS['peak_rss_mb']:.0f} MB", value,
        None if value is None else value < TARGETS["peak_rss_mb"],
        f"delta RSS in the shared process: {full.get('rss_delta_mb')} MB" if full else "")
    ratio = round(n2["docs_per_s"] / full["docs_per_s"], 3) if n2 and full else None
    add("n_process=2 vs one process", f">= {TARGETS['n2_speedup']:.1f}x", ratio,
        None if ratio is None else ratio >= TARGETS["n2_speedup"])
    return out
