"""``celltx import-brat``: annotate -> --brat -> import-brat round trip, corrections, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

from celltx.cli import main
from tests.commands.conftest import read_jsonl
from tests.commands.samples import PMIDS_MEDLINE, PMIDS_XML


def test_brat_export_has_one_document_per_abstract(annotated):
    brat = annotated["brat"]
    assert (brat / "annotation.conf").is_file()
    for pmid in (*PMIDS_XML, *PMIDS_MEDLINE):
        assert (brat / f"{pmid}.txt").is_file() and (brat / f"{pmid}.ann").is_file()


def test_unchanged_export_round_trips_losslessly(annotated, tmp_path: Path):
    out = tmp_path / "imported.jsonl"
    assert main(["import-brat", str(annotated["brat"]), "-o", str(out)]) == 0
    assert read_jsonl(out) == read_jsonl(annotated["out"])
    # same documents, same field order, same bytes
    assert out.read_bytes() == annotated["out"].read_bytes()


def test_validate_accepts_import_brat_output(annotated, tmp_path: Path, capsys):
    out = tmp_path / "imported.jsonl"
    assert main(["import-brat", str(annotated["brat"]), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert "0 problems" in capsys.readouterr().out


def _copy_brat(annotated, tmp_path: Path) -> Path:
    brat = tmp_path / "brat"
    shutil.copytree(annotated["brat"], brat)
    return brat


def test_corrections_made_in_brat_are_imported(annotated, tmp_path: Path):
    brat = _copy_brat(annotated, tmp_path)
    pmid = PMIDS_XML[1]
    ann_path = brat / f"{pmid}.ann"
    text = (brat / f"{pmid}.txt").read_text(encoding="utf-8")
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    # the annotator deletes the ROUTE spans (and their attributes) and adds a TIME_POINT
    routes = {line.split("\t")[0] for line in lines if "\tROUTE " in line}
    assert routes
    lines = [x for x in lines if x.split("\t")[0] not in routes and not any(f" {r} " in x for r in routes)]
    start = text.index("Twelve")
    lines.append(f"T99\tTIME_POINT {start} {start + 6}\tTwelve")
    lines.append("A99\tdays T99 [12.0]")
    ann_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = tmp_path / "corrected.jsonl"
    assert main(["import-brat", str(brat), "-o", str(out)]) == 0
    records = {r["id"]: r for r in read_jsonl(out)}
    assert list(records) == [*PMIDS_XML, *PMIDS_MEDLINE]
    spans = records[pmid]["spans"]
    assert "ROUTE" not in {s["label"] for s in spans}
    added = next(s for s in spans if s["id"] == "T99")
    assert (added["label"], added["text"], added["attrs"]) == ("TIME_POINT", "Twelve", {"days": [12.0]})
    before = {r["id"]: r for r in read_jsonl(annotated["out"])}
    assert records[PMIDS_XML[0]] == before[PMIDS_XML[0]]  # untouched documents unchanged


def _break_a_relation(brat: Path) -> str:
    """Delete the VALUE_OF lines of one document: its LAB_VALUEs lose their link."""
    pmid = PMIDS_XML[0]
    ann_path = brat / f"{pmid}.ann"
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("R") for line in lines)
    ann_path.write_text("".join(f"{x}\n" for x in lines if not x.startswith("R")), encoding="utf-8")
    return pmid


def test_scheme_problems_are_listed_and_strict_refuses(annotated, tmp_path: Path, capsys):
    brat = _copy_brat(annotated, tmp_path)
    pmid = _break_a_relation(brat)
    out = tmp_path / "corrected.jsonl"
    assert main(["import-brat", str(brat), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{pmid}: span" in err and "VALUE_OF relations, expected 1" in err
    assert out.exists()
    strict_out = tmp_path / "strict.jsonl"
    assert main(["import-brat", str(brat), "-o", str(strict_out), "--strict"]) == 2
    err = capsys.readouterr().err
    assert "scheme problems" in err and "not written" in err
    assert not strict_out.exists()


def test_broken_ann_file_names_file_and_line(annotated, tmp_path: Path, capsys):
    brat = _copy_brat(annotated, tmp_path)
    pmid = PMIDS_MEDLINE[0]
    ann_path = brat / f"{pmid}.ann"
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("\t", " ", 1)  # a T line without its tab
    ann_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier content\n", encoding="utf-8")
    assert main(["import-brat", str(brat), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{ann_path}:2" in err and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "earlier content\n"  # atomic: left as it was
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_or_empty_folder(tmp_path: Path, capsys):
    assert main(["import-brat", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["import-brat", str(tmp_path / "empty"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no .ann files" in capsys.readouterr().err


def test_spans_added_or_changed_in_brat_are_normalised(annotated, tmp_path: Path):
    brat = _copy_brat(annotated, tmp_path)
    first, second = PMIDS_XML[0], PMIDS_XML[1]
    # first: the annotator shrinks "38 U/L" to "38" and sets its comparator by hand
    ann_path = brat / f"{first}.ann"
    text = (brat / f"{first}.txt").read_text(encoding="utf-8")
    start = text.index("38 U/L")
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    sid = next(x.split("\t")[0] for x in lines if f"\tLAB_VALUE {start} {start + 6}\t" in x)
    lines = [f"{sid}\tLAB_VALUE {start} {start + 2}\t38" if x.startswith(f"{sid}\t") else x for x in lines]
    lines = [x.replace(f"comparator {sid} null", f"comparator {sid} <=") for x in lines]
    ann_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # second: "52±10 U/L" deleted and drawn again as a new span, no attributes, one noted value
    ann_path = brat / f"{second}.ann"
    text = (brat / f"{second}.txt").read_text(encoding="utf-8")
    start = text.index("52±10 U/L")
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    old = next(x.split("\t")[0] for x in lines if f"\tLAB_VALUE {start} " in x)
    lines = [x.replace(f"Arg1:{old} ", "Arg1:T99 ") for x in lines
             if not x.startswith(f"{old}\t") and f" {old} " not in x]
    lines += [f"T99\tLAB_VALUE {start} {start + 9}\t52±10 U/L", "#1\tAnnotatorNotes T99\tsd=11"]
    ann_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = tmp_path / "corrected.jsonl"
    assert main(["import-brat", str(brat), "-o", str(out), "--strict"]) == 0
    records = {r["id"]: r for r in read_jsonl(out)}
    changed = next(s for s in records[first]["spans"] if s["id"] == sid)
    assert changed["text"] == "38"
    assert (changed["attrs"]["value"], changed["attrs"]["unit"], changed["attrs"]["comparator"]) == (38.0, None, "<=")
    added = next(s for s in records[second]["spans"] if s["id"] == "T99")
    attrs = added["attrs"]
    assert (attrs["value"], attrs["sd"], attrs["unit"]) == (52.0, 11, "U/L")  # filled; the note wins
    assert attrs["si"]["unit"] == "U/L"  # the pipeline's last step too
