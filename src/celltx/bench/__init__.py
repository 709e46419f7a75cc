"""Speed and scale benchmark: celltx against the bare tokenizers and a peer pipeline.

Every system is timed in ONE process on the SAME texts, so the rows are comparable:

=================== =====================================================================
spacy-tokenizer     ``spacy.blank("en").tokenizer`` (the floor: nothing but tokens)
celltx-tokenizer    :class:`celltx.tokenizer.CelltxTokenizer` on a blank vocab
medspacy            ``medspacy.load()``: the default medspaCy pipeline (PyRuSH sentences,
                    target matcher, ConText), the peer a user would otherwise pick
celltx-rules        ``celltx.extract_many(texts, system="rules")``
celltx-full         ``celltx.extract_many(texts, system="full")``
celltx-full-n2      the same with ``n_process=2``
celltx-rules+ner    ``system="rules+ner"``: the rules plus the shipped trained NER (the cost
                    of the model; "full" runs it only where its combination policy says so)
=================== =====================================================================

Method, per system: load it (timed), one untimed warm-up pass over all texts, then ``runs``
timed passes; the reported rate is the median pass. celltx rows go through the public API
(records out, as users get them); tokenizer and medspaCy rows stop at the ``Doc``.
"Words" are white-space separated words of the input (the same count for every system).

Memory, measured with :mod:`psutil` (RSS, sampled every 20 ms in a background thread; worker
children included for the ``n_process`` row only, since listing them is costly) and
:mod:`resource` (``ru_maxrss``, the kernel's peak):

* ``rss_delta_mb``: peak RSS while the system was loaded and run, minus RSS just before;
  what this system adds to a process that already holds the rows above it;
* ``cold_peak_rss_mb``: peak RSS of a FRESH interpreter that imports, loads and runs only
  this system over all texts, read from ``/proc/self/status`` (VmHWM; ``ru_maxrss`` is not
  usable there because Linux carries it over fork+exec from the big benchmark parent); for
  ``n_process=2`` the psutil-sampled sum of parent and workers (forked workers share
  copy-on-write pages, so that sum overstates real use);
* ``process_peak_rss_mb``: ``ru_maxrss`` of the benchmark process at the end.

tracemalloc is not used: it sees only Python-level allocations (not spaCy's Cython/C
memory) and slows the code it measures several-fold.

Load time is reported twice: ``load_s`` in this process (imports already done by earlier
rows) and ``cold_load_s`` in a fresh interpreter, imports included (what ``celltx extract``
costs before the first document). The fresh-interpreter runs are skipped with ``cold=False``.

Used by ``eval/bench.py`` and ``celltx bench``; see ``eval/BENCHMARKS.md`` for results.

One module per job:

=============== ==========================================================================
``texts``       which texts: ctc-glaucoma + seeds + corpora/dev + ``--texts``
``systems``     the rows: tokenizer baselines, the medspaCy peer, celltx (+ fresh-process code)
``timing``      in-process timing (warm-up + median of runs), component breakdown, profile
``memory``      RSS sampler thread, ``ru_maxrss``
``cold``        fresh-interpreter load time and peak memory
``machine``     CPU, cores, memory, versions, commit, load average
``run``         one benchmark run over all systems, and the targets
``report``      Markdown / terminal table / JSON, BENCHMARKS.md section, atomic writes
``cli``         options and the whole command (``execute``)
=============== ==========================================================================
"""

from __future__ import annotations

from .cli import DESCRIPTION, BenchError, add_arguments, execute, main_args
from .cold import measure_cold
from .machine import machine_info
from .memory import RssSampler
from .report import MD_END, MD_START, to_markdown, to_table, update_benchmarks_doc, write_json
from .run import TARGETS, check_targets, run_benchmark
from .systems import COLD_LOAD, SYSTEM_NAMES, System, systems
from .texts import CORPUS_SUBDIR, Corpus, collect_texts, default_repo, default_shared
from .timing import DEFAULT_RUNS, component_breakdown, measure_system, profile

__all__ = [
    "COLD_LOAD",
    "CORPUS_SUBDIR",
    "DEFAULT_RUNS",
    "DESCRIPTION",
    "MD_END",
    "MD_START",
    "SYSTEM_NAMES",
    "TARGETS",
    "BenchError",
    "Corpus",
    "RssSampler",
    "System",
    "add_arguments",
    "check_targets",
    "collect_texts",
    "component_breakdown",
    "default_repo",
    "default_shared",
    "execute",
    "machine_info",
    "main_args",
    "measure_cold",
    "measure_system",
    "profile",
    "run_benchmark",
    "systems",
    "to_markdown",
    "to_table",
    "update_benchmarks_doc",
    "write_json",
]
