"""Fresh-interpreter runs: load time with imports, and peak memory, of one system alone.

``cold_load_s`` is what ``celltx extract`` costs before the first document (``first_load_s``: the
same before the pattern cache holds anything);
``cold_peak_rss_mb`` is read from ``/proc/self/status`` (VmHWM) in the child, since Linux
carries ``ru_maxrss`` over fork+exec from the big benchmark parent. For ``n_process=2`` it is
the psutil-sampled sum of parent and workers (an overstatement: forked workers share pages).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..compile_cache import ENV
from .systems import COLD_LOAD

_COLD_SCRIPT = r"""
import json, resource, sys, threading, time
sys.path[:0] = json.loads(sys.argv[2])
texts = json.load(sys.stdin)


def hwm_mb():
    # VmHWM: peak RSS of this process image. ru_maxrss is NOT used here: Linux carries it
    # over fork+exec, so a child of a big benchmark process would report the parent's size.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)


peak_tree = [0]
stop = threading.Event()


def sample():
    try:
        import psutil
    except ImportError:
        return
    me = psutil.Process()
    while not stop.wait(0.02):
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        peak_tree[0] = max(peak_tree[0], total)


namespace = {}
t0 = time.perf_counter()
exec(sys.argv[1], namespace)
load_s = time.perf_counter() - t0
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
n = namespace["run"](texts)
stop.set()
sampler.join()
print(json.dumps({
    "cold_load_s": round(load_s, 3),
    "cold_peak_rss_mb": round(hwm_mb(), 1),
    "cold_tree_peak_rss_mb": round(peak_tree[0] / 2**20, 1) or None,
    "cold_docs": n,
}))
"""


def measure_cold(name: str, texts: list[str], timeout: float = 900) -> dict[str, Any]:
    """Load time (imports included) and peak RSS of a fresh interpreter running one system once.

    A celltx system is run twice, with a pattern cache of its own (:mod:`celltx.compile_cache`):
    first with the cache empty (``first_load_s``: a first run on a new machine, or after an
    upgrade) and then with what that run left there (``cold_load_s`` and the peak: every later
    run)."""
    if not name.startswith("celltx"):
        return _run_cold(name, texts, timeout, None)
    with tempfile.TemporaryDirectory(prefix="celltx-bench-cache-") as folder:
        first = _run_cold(name, texts, timeout, folder)
        if "cold_error" in first:
            return first
        result = _run_cold(name, texts, timeout, folder)
    result["first_load_s"] = first["cold_load_s"]
    return result


def _run_cold(name: str, texts: list[str], timeout: float, cache: str | None) -> dict[str, Any]:
    env = None if cache is None else {**os.environ, ENV: cache}
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _COLD_SCRIPT, COLD_LOAD[name], json.dumps(_src_path())],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return {"cold_error": f"timed out after {timeout:.0f} s"}
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        return {"cold_error": (lines[-1] if lines else f"exit code {proc.returncode}")[:300]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    tree = result.pop("cold_tree_peak_rss_mb", None)
    if name.endswith("-n2") and tree:
        # parent + workers, sampled together; forked workers share pages, so this overstates
        result["cold_peak_rss_mb"] = max(result["cold_peak_rss_mb"], tree)
    return result




def _src_path() -> list[str]:
    """The folder holding the ``celltx`` package, put first on the child's ``sys.path``."""
    return [str(Path(__file__).resolve().parents[2])]
