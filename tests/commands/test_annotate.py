"""``celltx annotate`` end to end on PubMed XML and MEDLINE exports (via ``celltx.cli.main``)."""

from __future__ import annotations

import json
from pathlib import Path

from celltx.cli import main
from celltx.schema import validate_record
from tests.commands.conftest import SYSTEM, read_jsonl
from tests.commands.samples import (
    MEDLINE_NO_PMID,
    PMIDS_MEDLINE,
    PMIDS_XML,
    broken_xml_line,
    pubmed_with_bad_record,
)


def _labels(record: dict) -> set[str]:
    return {s["label"] for s in record["spans"]}


def test_pubmed_and_medline_are_annotated_in_input_order(annotated):
    records = read_jsonl(annotated["out"])
    assert [r["id"] for r in records] == [*PMIDS_XML, *PMIDS_MEDLINE]
    assert [r["source"] for r in records] == [
        *(f"pubmed_export.xml:{p}" for p in PMIDS_XML), *(f"pubmed_export.nbib:{p}" for p in PMIDS_MEDLINE)]
    assert {r["source_offset"] for r in records} == {0}
    for record in records:
        assert validate_record(record) == [], record["id"]
    first = records[0]
    assert first["text"].startswith("Umbilical cord mesenchymal stem cells")
    assert "METHODS: Forty patients" in first["text"]
    assert "&amp;" not in first["text"] and " & ALT" in first["text"]  # entity decoded
    assert {"CELL_TYPE", "DOSE", "ROUTE", "LAB_TEST", "LAB_VALUE", "TIME_POINT"} <= _labels(first)
    medline = records[3]
    # continuation lines of TI and AB are joined with single spaces
    assert "trial of two dose levels." in medline["text"]
    assert "cells/kg or placebo by intraportal infusion" in medline["text"]
    assert {"CELL_TYPE", "DOSE", "ROUTE", "LAB_VALUE"} <= _labels(medline)


def test_resume_keeps_earlier_documents_and_adds_only_new_ones(exports, tmp_path: Path):
    out = tmp_path / "pre.jsonl"
    assert main(["annotate", str(exports["xml"]), "-o", str(out), "--no-progress", *SYSTEM]) == 0
    first = read_jsonl(out)
    # mark a kept document: --resume must copy it as it is, not re-extract it
    first[0]["provenance"] = {"checked_by": "test"}
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in first), encoding="utf-8")
    code = main(["annotate", str(exports["xml"]), str(exports["medline"]), "-o", str(out),
                 "--resume", "--no-progress", *SYSTEM])
    assert code == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [*PMIDS_XML, *PMIDS_MEDLINE]
    assert records[0]["provenance"] == {"checked_by": "test"}
    assert records[:3] == first


def test_resume_refuses_an_output_that_is_not_jsonl(exports, tmp_path: Path, capsys):
    out = tmp_path / "pre.jsonl"
    out.write_text('{"id": "a", "text": "x", "spans": [], "relations": []}\nnot json\n', encoding="utf-8")
    code = main(["annotate", str(exports["xml"]), "-o", str(out), "--resume", "--no-progress", *SYSTEM])
    assert code == 2
    err = capsys.readouterr().err
    assert f"{out}:2" in err and "cannot resume" in err


def test_resume_refuses_an_output_of_unannotated_documents(exports, tmp_path: Path, capsys):
    # an input file given as OUTPUT by mistake: its lines would be copied into the result as
    # if they had been annotated
    out = tmp_path / "abstracts.jsonl"
    out.write_text('{"id": "a", "text": "MSCs were given."}\n', encoding="utf-8")
    code = main(["annotate", str(exports["xml"]), "-o", str(out), "--resume", "--no-progress", *SYSTEM])
    assert code == 2
    assert f"{out}:1" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == '{"id": "a", "text": "MSCs were given."}\n'


def test_brat_file_name_collision_writes_no_brat_file(tmp_path: Path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "c", "text": "MSCs were given."}\n{"id": "a/b", "text": "ALT was 40 U/L."}\n'
                    '{"id": "a_b", "text": "AST was 30 U/L."}\n', encoding="utf-8")
    brat = tmp_path / "brat"
    code = main(["annotate", str(docs), "-o", str(tmp_path / "pre.jsonl"), "--brat", str(brat), "--no-progress", *SYSTEM])
    assert code == 2
    err = capsys.readouterr().err
    assert "same file name" in err and "3 documents annotated" in err
    assert not brat.exists()  # before: c.txt/.ann/.json and a_b.* were written before the clash was seen


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_failure_midway_leaves_no_output(tmp_path: Path, capsys):
    bad = tmp_path / "export.xml"
    bad.write_text(pubmed_with_bad_record(), encoding="utf-8")
    out = tmp_path / "pre.jsonl"
    code = main(["annotate", str(bad), "-o", str(out), "--no-progress", *SYSTEM])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{bad}:{broken_xml_line()}: malformed XML" in err
    assert not out.exists()
    assert _no_temp_files(tmp_path)


def test_failure_midway_leaves_an_earlier_output_unchanged(exports, tmp_path: Path):
    out = tmp_path / "pre.jsonl"
    assert main(["annotate", str(exports["xml"]), "-o", str(out), "--no-progress", *SYSTEM]) == 0
    before = out.read_bytes()
    nbib = tmp_path / "broken.nbib"
    nbib.write_text(MEDLINE_NO_PMID, encoding="utf-8")
    # the first MEDLINE record is fine and gets extracted before the second one fails
    code = main(["annotate", str(exports["medline"]), str(nbib), "-o", str(out), "--no-progress",
                 "--on-error", "fail", *SYSTEM])
    assert code == 2
    assert out.read_bytes() == before
    assert _no_temp_files(tmp_path)


def test_on_error_skip_reports_and_continues(tmp_path: Path, capsys):
    nbib = tmp_path / "broken.nbib"
    nbib.write_text(MEDLINE_NO_PMID, encoding="utf-8")
    out = tmp_path / "pre.jsonl"
    code = main(["annotate", str(nbib), "-o", str(out), "--no-progress", "--on-error", "skip", *SYSTEM])
    assert code == 0
    assert [r["id"] for r in read_jsonl(out)] == ["90000021", "90000023"]
    err = capsys.readouterr().err
    assert f"skipped: {nbib}:5: record without PMID" in err
    assert "1 records skipped" in err


def test_duplicate_ids_fail_by_default_and_are_skipped_on_request(exports, tmp_path: Path, capsys):
    out = tmp_path / "pre.jsonl"
    twice = [str(exports["xml"]), str(exports["xml"])]
    assert main(["annotate", *twice, "-o", str(out), "--no-progress", *SYSTEM]) == 2
    assert "duplicate id '90000001'" in capsys.readouterr().err
    assert not out.exists()
    assert main(["annotate", *twice, "-o", str(out), "--no-progress", "--on-error", "skip", *SYSTEM]) == 0
    assert [r["id"] for r in read_jsonl(out)] == list(PMIDS_XML)


def test_validate_accepts_annotate_output(annotated, capsys):
    """celltx's own output passes its own check (it once failed: "source_offset is missing")."""
    assert main(["validate", str(annotated["out"])]) == 0
    assert "0 problems" in capsys.readouterr().out


def test_validate_checks_the_text_of_an_annotated_txt_file_against_the_file(tmp_path: Path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "abs.txt").write_text("MSCs were infused i.v. at 1x10^6 cells/kg.\n", encoding="utf-8")
    out = tmp_path / "pre.jsonl"
    assert main(["annotate", str(inputs), "-o", str(out), "--no-progress", *SYSTEM]) == 0
    assert main(["validate", str(out), "--sources", str(inputs)]) == 0
    assert "source text checked for 1 document(s)" in capsys.readouterr().out


def test_an_interrupted_run_keeps_its_finished_documents_for_resume(exports, tmp_path: Path, monkeypatch, capsys):
    import celltx.api

    real = celltx.api.extract_many

    def stopped_after_two(items, **kwargs):
        for n, record in enumerate(real(items, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield record

    out = tmp_path / "pre.jsonl"
    monkeypatch.setattr(celltx.api, "extract_many", stopped_after_two)
    assert main(["annotate", str(exports["xml"]), "-o", str(out), "--no-progress", *SYSTEM]) == 130
    assert "--resume" in capsys.readouterr().err
    assert [r["id"] for r in read_jsonl(out)] == list(PMIDS_XML[:2])
    monkeypatch.setattr(celltx.api, "extract_many", real)
    assert main(["annotate", str(exports["xml"]), "-o", str(out), "--resume", "--no-progress", *SYSTEM]) == 0
    assert [r["id"] for r in read_jsonl(out)] == list(PMIDS_XML)
