"""`celltx extract`: the embedded demo, formats, output file and one-line errors; standard
input, PubMed XML and CSV read by annotate's readers; output names that fit the format."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from celltx.cli import main
from celltx.commands import extract
from tests.commands.conftest import SYSTEM
from tests.commands.samples import PMIDS_XML, PUBMED_XML

SRC = Path(extract.__file__).resolve().parents[2]


def test_demo_default_prints_a_table(capsys):
    assert main(["extract"]) == 0
    out = capsys.readouterr().out
    assert "Model for End-Stage Liver Disease score" in out
    assert "VALUE_OF -> 'Model for End-Stage Liver Disease score'" in out
    assert out.rstrip().splitlines()[-1].startswith("28 spans")


def test_json_format_from_a_file(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("MSCs (1×10^6 cells/kg) were infused via the portal vein.", encoding="utf-8")
    assert main(["extract", str(src), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "a"
    assert [(s["label"], s["text"]) for s in record["spans"]] == [
        ("CELL_TYPE", "MSCs"), ("DOSE", "1×10^6 cells/kg"), ("ROUTE", "portal vein")]


def test_output_file_is_written_whole(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Hepatocytes were given twice.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--format", "jsonl", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["spans"][0]["text"] == "Hepatocytes"
    assert not list(tmp_path.glob("*.tmp"))


def test_missing_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt" in err and "no such file" in err


def test_undecodable_bytes_name_the_offset(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"MSCs \xff\xfe")
    assert main(["extract", str(bad)]) == 2
    assert "at byte 5" in capsys.readouterr().err
    assert main(["extract", str(bad), "--encoding", "latin-1"]) == 0


def test_empty_folder(tmp_path, capsys):
    assert main(["extract", str(tmp_path)]) == 2
    assert "folder is empty" in capsys.readouterr().err


def _stdin(monkeypatch, data: bytes) -> None:
    """Standard input as a pipe holding ``data``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    monkeypatch.setattr(extract, "stdin_is_piped", lambda stream=None: True)


def test_piped_stdin_is_read_without_a_dash(monkeypatch, capsys):
    _stdin(monkeypatch, b"Hepatocytes were given twice.")
    assert main(["extract", "--format", "jsonl", *SYSTEM]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["spans"][0]["text"]) == ("stdin", "Hepatocytes")


def test_piped_pubmed_xml_is_read_as_xml(monkeypatch, capsys):
    _stdin(monkeypatch, PUBMED_XML.encode())
    assert main(["extract", "-", "--format", "jsonl", *SYSTEM]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == list(PMIDS_XML)
    assert records[0]["source"] == f"stdin:{PMIDS_XML[0]}"
    assert "<PubmedArticle>" not in records[0]["text"]


@pytest.mark.parametrize(
    "data, ids",
    [
        (b'id,text\nA1,"Hepatocytes were given twice."\nA2,MSCs were infused.\n', ["A1", "A2"]),
        (b"PMID\tAbstract\n11\tHepatocytes were given twice.\n", ["11"]),
    ],
)
def test_piped_csv_and_tsv_are_read_by_their_header(monkeypatch, capsys, data, ids):
    # before: the whole sheet, header included, was one plain-text document "stdin"
    _stdin(monkeypatch, data)
    assert main(["extract", "--format", "jsonl", *SYSTEM]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ids
    assert records[0]["text"] == "Hepatocytes were given twice."


def test_stdin_is_piped_tells_a_pipe_from_a_terminal_or_nothing():
    read_end, write_end = os.pipe()
    os.close(write_end)
    with open(read_end, "rb") as pipe, open(os.devnull, "rb") as null:
        assert extract.stdin_is_piped(pipe) and not extract.stdin_is_piped(null)
    assert not extract.stdin_is_piped(object())  # pytest's stand-in has no descriptor


def test_a_real_pipe_end_to_end(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-m", "celltx.cli", "extract", "--format", "jsonl", *SYSTEM],
                          input=b"MSCs were infused i.v.", capture_output=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["spans"][0]["text"] == "MSCs"


def test_xml_and_csv_files_are_read_as_annotate_reads_them(tmp_path, capsys):
    xml = tmp_path / "export.xml"
    xml.write_text(PUBMED_XML, encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('PMID,Abstract\n11,"MSCs were given i.v."\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"  # format from the name
    assert main(["extract", str(xml), str(sheet), "--text-column", "Abstract", "-o", str(out), *SYSTEM]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [*PMIDS_XML, "11"]
    assert records[0]["title"].startswith("Umbilical cord") and records[-1]["text"] == "MSCs were given i.v."


def test_several_documents_as_json_are_one_json_list(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Hepatocytes were given.", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out), *SYSTEM]) == 0
    assert [r["id"] for r in json.loads(out.read_text(encoding="utf-8"))] == ["a", "b"]


@pytest.mark.parametrize(("name", "options", "message"), [
    ("out.txt", ["--format", "jsonl"], "jsonl output needs a name ending in .jsonl, not '.txt'"),
    ("out.jsonl", ["--format", "json"], "json output needs a name ending in .json, not '.jsonl'"),
    ("out.csv", [], "cannot tell the output format from '.csv'; name it .txt, .json or .jsonl"),
    ("out", ["--format", "table"], "table output needs a name ending in .txt, not a name without suffix"),
])
def test_an_output_name_that_does_not_fit_the_format_is_an_error(tmp_path, capsys, name, options, message):
    src = tmp_path / "a.txt"
    src.write_text("Hepatocytes were given.", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / name), *options, *SYSTEM]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("argv", [
    ["annotate", "{src}", "-o", "{dir}/pre.txt"],
    ["annotate", "{src}", "-o", "{dir}/pre.jsonl", "--html", "{dir}/review.txt"],
    ["import-brat", "{dir}", "-o", "{dir}/corrected.csv"],
    ["table", "{src}", "-o", "{dir}/evidence.txt", "--format", "csv"],
    ["bench", "-o", "{dir}/bench.txt"],
    ["bench", "--markdown", "{dir}/bench.txt"],
])
def test_every_command_that_writes_a_file_checks_its_name(tmp_path, capsys, argv):
    src = tmp_path / "a.txt"
    src.write_text("Hepatocytes were given.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main([a.format(src=src, dir=tmp_path) for a in argv]) == 2
    assert "needs a name ending in" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


@pytest.mark.parametrize("command", ["extract", "table", "annotate"])
def test_an_output_that_is_one_of_the_inputs_is_refused_before_any_work(tmp_path, capsys, command):
    src = tmp_path / ("in.jsonl" if command == "annotate" else "in.csv" if command == "table" else "in.txt")
    body = ('{"id": "a", "text": "MSCs were infused."}\n' if command == "annotate"
            else "id,text\na,MSCs were infused.\n" if command == "table" else "MSCs were infused.")
    src.write_text(body, encoding="utf-8")
    assert main([command, str(src), "-o", str(src)]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == body  # the input is untouched


def test_an_unknown_encoding_or_system_is_one_line(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("MSCs were infused.", encoding="utf-8")
    assert main(["extract", str(src), "--encoding", "nope"]) == 2
    assert capsys.readouterr().err == "celltx extract: error: unknown encoding 'nope'\n"
    for command in ("annotate", "table"):
        assert main([command, str(src), "-o", str(tmp_path / f"o-{command}.csv" if command == "table" else tmp_path / "o.jsonl"),
                     "--system", "nope"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "unknown system 'nope'" in err


def test_an_output_folder_the_system_refuses_is_one_line(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("MSCs were infused.", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(blocker / "sub" / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("celltx annotate: error:")


def test_a_byte_order_mark_is_no_part_of_the_first_column_or_text(tmp_path, capsys):
    sheet = tmp_path / "excel.csv"
    sheet.write_bytes("PMID,Abstract\n77,MSCs were infused.\n".encode("utf-8-sig"))
    assert main(["extract", str(sheet), "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "77"
    note = tmp_path / "note.txt"
    note.write_bytes("MSCs were infused.".encode("utf-8-sig"))
    assert main(["extract", str(note), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "MSCs were infused."


def test_xml_without_pubmed_records_is_an_error_not_an_empty_output(tmp_path, capsys):
    page = tmp_path / "page.xml"
    page.write_text("<html><body>MSCs were infused.</body></html>", encoding="utf-8")
    assert main(["extract", str(page)]) == 2
    assert "no PubmedArticle records" in capsys.readouterr().err
    assert main(["extract", str(page), "--input-format", "txt", "--format", "json"]) == 0


def test_an_output_among_the_files_of_an_input_folder_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("MSCs were infused.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hepatocytes were given twice.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "b.txt")]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Hepatocytes were given twice."
