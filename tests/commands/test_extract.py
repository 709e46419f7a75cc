"""`celltx extract`: the embedded demo, formats, output file and one-line errors."""

import json

from celltx.cli import main


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


def test_folder_without_text_files(tmp_path, capsys):
    assert main(["extract", str(tmp_path)]) == 2
    assert "no .txt files" in capsys.readouterr().err
