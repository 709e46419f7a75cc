"""Timing runs in this process: load, warm up, time ``runs`` passes; per-component shares.

Method, per system: load it (timed), one untimed warm-up pass over all texts, then ``runs``
timed passes; the reported rate is the median pass. :func:`profile` adds a pyinstrument
profile of one system (optional).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from .memory import RssSampler, _mb, _rss_now
from .report import _atomic_write
from .systems import System, _component_note

DEFAULT_RUNS = 5


def _short_error(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}"[:300]


def measure_system(system: System, texts: list[str], n_words: int, runs: int) -> dict[str, Any]:
    """Load, warm up, and time ``runs`` passes of one system in this process."""
    row: dict[str, Any] = {"system": system.name, "description": system.description, "note": system.note}
    with RssSampler(children=system.name.endswith("-n2")) as mem:
        t0 = time.perf_counter()
        try:
            run = system.load()
        except Exception as err:  # a peer that cannot load here is reported, not fatal
            row.update(status="unavailable", reason=_short_error(err))
            return row
        row["load_s"] = round(time.perf_counter() - t0, 3)
        row["rss_after_load_mb"] = _mb(_rss_now())
        if getattr(run, "components", None):
            row["components"] = run.components
            extra = _component_note(row)
            row["note"] = "; ".join(n for n in (row["note"], extra) if n)
        try:
            run(texts)  # warm-up: vocab, caches, lazily built tables
            walls, cpus = [], []
            for _ in range(runs):
                gc.collect()
                w0, c0 = time.perf_counter(), time.process_time()
                n = run(texts)
                walls.append(time.perf_counter() - w0)
                cpus.append(time.process_time() - c0)
                if n != len(texts):
                    raise RuntimeError(f"processed {n} of {len(texts)} texts")
        except Exception as err:
            row.update(status="failed", reason=_short_error(err))
            return row
    wall = statistics.median(walls)
    cpu = statistics.median(cpus)
    row.update(
        status="ok",
        runs=runs,
        wall_s=[round(w, 4) for w in walls],
        median_wall_s=round(wall, 4),
        docs_per_s=round(len(texts) / wall, 1),
        words_per_s=round(n_words / wall),
        # parent-process CPU only: for the n_process row the workers' CPU is not in it
        cpu_docs_per_s=round(len(texts) / cpu, 1) if cpu > 0 else None,
        spread=round((max(walls) - min(walls)) / wall, 3),
        rss_start_mb=_mb(mem.start_rss),
        rss_peak_mb=_mb(mem.peak),
        rss_delta_mb=_mb(mem.peak - mem.start_rss) if mem.peak is not None and mem.start_rss is not None else None,
    )
    return row


def component_breakdown(system: str, texts: list[str], passes: int = 3) -> list[dict[str, Any]]:
    """Share of time per pipeline component (plus tokenizer and record conversion)."""
    from ..extensions import doc_to_record
    from ..pipeline import load

    nlp = load(system)
    spent: Counter[str] = Counter()
    for _ in range(passes):
        for text in texts:
            t = time.perf_counter()
            doc = nlp.make_doc(text)
            spent["tokenizer"] += time.perf_counter() - t
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - t
            t = time.perf_counter()
            doc_to_record(doc)
            spent["doc_to_record"] += time.perf_counter() - t
    total = sum(spent.values()) or 1.0
    return [
        {"component": name, "ms_per_doc": round(1000 * s / passes / len(texts), 3), "share": round(s / total, 3)}
        for name, s in spent.most_common()
    ]


def profile(system: str, texts: list[str], out_dir: Path) -> Path:
    """Profile one pass of ``system`` with pyinstrument (must be installed); write text + HTML."""
    try:
        from pyinstrument import Profiler
    except ImportError as err:
        raise RuntimeError("profiling needs pyinstrument: pip install pyinstrument") from err
    from .. import api

    list(api.extract_many(texts, system=system))  # warm-up
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(3):
        for _record in api.extract_many(texts, system=system):
            pass
    profiler.stop()
    out_dir.mkdir(parents=True, exist_ok=True)
    txt = out_dir / f"profile_{system}.txt"
    _atomic_write(txt, profiler.output_text(unicode=True, color=False, show_all=False))
    _atomic_write(out_dir / f"profile_{system}.html", profiler.output_html())
    return txt
