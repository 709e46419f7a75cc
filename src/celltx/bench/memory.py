"""Memory measurement in this process: RSS sampled in a thread, and the kernel's peak.

:mod:`psutil` gives the RSS (optional: without it the RSS figures are None);
:mod:`resource` gives ``ru_maxrss``. tracemalloc is not used: it sees only Python-level
allocations (not spaCy's Cython/C memory) and slows the code it measures several-fold.
The fresh-interpreter figures are in :mod:`celltx.bench.cold`.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading


def _rss_now() -> int | None:
    try:
        import psutil
    except ImportError:
        return None
    return psutil.Process().memory_info().rss


def _maxrss_bytes(who: int) -> int:
    import resource

    peak = resource.getrusage(who).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports kB


class RssSampler:
    """Peak RSS of this process (plus its worker children if asked), sampled in a thread.

    Sampling is kept cheap because the sampler shares the GIL with the code being timed:
    reading this process's RSS costs ~0.01 ms, but listing children (a scan of /proc) ~1 ms,
    which at a 5 ms interval took ~20% of the main thread's time. Children are therefore
    only listed for multi-process rows, where the parent mostly waits.
    """

    def __init__(self, interval: float = 0.02, children: bool = False) -> None:
        self.interval = interval
        self.children = children
        self.start_rss: int | None = None
        self.peak: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _sample(self) -> int | None:
        try:
            import psutil
        except ImportError:
            return None
        proc = psutil.Process()
        total = proc.memory_info().rss
        if self.children:
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
        return total

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            value = self._sample()
            if value is not None and (self.peak is None or value > self.peak):
                self.peak = value

    def __enter__(self) -> RssSampler:
        gc.collect()
        self.start_rss = self._sample()
        self.peak = self.start_rss
        if self.start_rss is not None:
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        last = self._sample()
        if last is not None and (self.peak is None or last > self.peak):
            self.peak = last


def _mb(n: int | None) -> float | None:
    return None if n is None else round(n / 2**20, 1)


def _rusage_self() -> int:
    import resource

    return resource.RUSAGE_SELF
