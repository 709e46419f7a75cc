"""The benchmark package (``celltx bench``, ``eval/bench.py``): texts, a tiny run, reports.

Only the bare spaCy tokenizer is timed here (a second or two); the celltx and medspaCy rows
are exercised by running the benchmark itself.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import celltx
from celltx import bench
from celltx.bench import cold


def _tiny_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "seeds").mkdir(parents=True)
    (repo / "seeds" / "a.txt").write_text("MSCs were infused at 1x10^6 cells/kg.", encoding="utf-8")
    (repo / "seeds" / "blank.txt").write_text("  \n", encoding="utf-8")
    (repo / "corpora" / "dev").mkdir(parents=True)
    rows = [{"id": "d1", "text": "ALT was 35 U/L at 4 weeks."}, {"id": "d2", "text": 3}]
    (repo / "corpora" / "dev" / "b.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return repo


def test_collect_texts_reads_seeds_dev_and_extra(tmp_path: Path):
    repo = _tiny_repo(tmp_path)
    extra = tmp_path / "more.txt"
    extra.write_text("Cells were given weekly.", encoding="utf-8")
    corpus = bench.collect_texts(repo, tmp_path / "no-shared", [extra])
    assert corpus.sources == {"seeds": 1, "corpora/dev": 1, str(extra): 1}
    assert corpus.n_words == sum(len(t.split()) for t in corpus.texts) and len(corpus.texts) == 3
    assert corpus.notes and bench.CORPUS_SUBDIR in corpus.notes[0]


def test_paths_found_from_the_package():
    # the source checkout (this repository) and the folder the fresh interpreter imports from
    assert (bench.default_repo() / "seeds").is_dir()
    assert Path(cold._src_path()[0]) == Path(celltx.__file__).resolve().parents[1]


def test_tiny_run_has_every_field_and_renders(tmp_path: Path):
    corpus = bench.collect_texts(_tiny_repo(tmp_path), None)
    result = bench.run_benchmark(corpus, ["spacy-tokenizer"], runs=3, cold=False, breakdown=False)
    assert {"date", "machine", "texts", "runs", "systems", "targets", "process_peak_rss_mb"} <= set(result)
    (row,) = result["systems"]
    assert row["status"] == "ok" and row["runs"] == 3 and len(row["wall_s"]) == 3
    assert row["docs_per_s"] > 0 and "load_s" in row and "rss_delta_mb" in row
    assert len(result["targets"]) == len(bench.TARGETS)
    assert all(t["met"] is None for t in result["targets"])  # nothing celltx was measured
    assert "| spacy-tokenizer |" in bench.to_markdown(result)
    assert bench.to_table(result).startswith("system")
    json.dumps(result)


def test_unknown_system_and_too_few_runs_are_errors(tmp_path: Path):
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser, update_doc_default=False)
    args = parser.parse_args(["--runs", "2", "--repo", str(tmp_path)])
    with pytest.raises(bench.BenchError, match="at least 3"):
        bench.execute(args, "test")
    args = parser.parse_args(["--systems", "nope", "--repo", str(tmp_path)])
    with pytest.raises(bench.BenchError, match="unknown system"):
        bench.execute(args, "test")


def test_benchmarks_doc_section_replaced_between_markers(tmp_path: Path):
    doc = tmp_path / "BENCHMARKS.md"
    doc.write_text(f"# B\n\nintro\n\n{bench.MD_START}\nold\n{bench.MD_END}\n\noutro\n", encoding="utf-8")
    bench.update_benchmarks_doc(doc, "new table\n")
    assert doc.read_text(encoding="utf-8") == (
        f"# B\n\nintro\n\n{bench.MD_START}\nnew table\n{bench.MD_END}\n\noutro\n"
    )


def test_module_entry_point_has_the_shared_options():
    out = subprocess.run([sys.executable, "-m", "celltx.bench", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert bench.DESCRIPTION in " ".join(out.split()) and "--no-cold" in out and "--systems" in out


def test_fresh_process_rows_of_celltx_report_the_first_run_too():
    # a celltx row is run twice in fresh interpreters: with an empty pattern cache, then with
    # what that run left (the figure of every later run); other rows once
    row = cold.measure_cold("celltx-tokenizer", ["Serum ALT was 45 U/L."])
    assert row["cold_docs"] == 1 and row["cold_load_s"] > 0 and row["first_load_s"] > 0
    other = cold.measure_cold("spacy-tokenizer", ["Serum ALT was 45 U/L."])
    assert "first_load_s" not in other and other["cold_docs"] == 1
    table = bench.to_table({"systems": [{"system": "celltx-tokenizer", "status": "ok", "docs_per_s": 1.0,
                                         "words_per_s": 1.0, "load_s": 0.1, **row}], "targets": []})
    assert "first-run load s" in table
