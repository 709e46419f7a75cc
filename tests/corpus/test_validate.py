"""Tests for celltx.corpus.validate and the ``celltx validate`` command."""

from __future__ import annotations

import json

import pytest

from celltx.cli import main
from celltx.corpus.jsonl import corpus_files, write_jsonl
from celltx.corpus.validate import Problem, find_sources_dir, split_problem, validate_paths

SOURCE_TEXT = "Header line\r\nTitle: MSCs for cirrhosis\nBody: 12 patients got MSCs.\n"


def _corpus(tmp_path, records, name="gold.jsonl"):
    """A project-like layout: root/corpora/gold/NAME and root/seeds/src.txt."""
    root = tmp_path / "proj"
    (root / "corpora" / "gold").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / "src.txt").write_bytes(SOURCE_TEXT.encode("utf-8"))
    path = root / "corpora" / "gold" / name
    write_jsonl(path, records)
    return root, path


def _sourced_record():
    text = "Title: MSCs for cirrhosis"
    return {
        "id": "src-1",
        "source": "src.txt",
        "source_offset": SOURCE_TEXT.index(text),
        "scheme_version": 1,
        "text": text,
        "spans": [
            {
                "id": "T1",
                "start": 7,
                "end": 11,
                "label": "CELL_TYPE",
                "text": "MSCs",
                "attrs": {"cl_id": "CL:0000134", "source": None, "donor": None},
            }
        ],
        "relations": [],
    }


def test_valid_corpus(tmp_path, records):
    root, path = _corpus(tmp_path, [*records, _sourced_record()])
    report = validate_paths([root / "corpora"])
    assert report.problems == [] and report.unreadable == [] and report.exit_code == 0
    assert report.files == [str(path)] and report.documents == 4
    assert report.spans["CELL_TYPE"] == 4 and report.spans["LAB_VALUE"] == 3
    assert report.sources_checked == 1  # inv-001's source file does not exist: skipped
    assert report.sources_skipped == 1


def test_find_sources_dir(tmp_path):
    root, path = _corpus(tmp_path, [])
    assert find_sources_dir(path) == (root / "seeds").resolve()
    assert find_sources_dir(root / "corpora") == (root / "seeds").resolve()


def test_split_problem():
    assert split_problem("span T3: bad offsets") == ("T3", "bad offsets")
    assert split_problem("spans T1 and T2: two DOSE spans overlap") == (
        "T1,T2",
        "two DOSE spans overlap",
    )
    assert split_problem("scheme_version is 2, expected 1") == (
        "-",
        "scheme_version is 2, expected 1",
    )
    assert str(Problem("f.jsonl", "d1", "T1", "x")) == "f.jsonl: d1: T1: x"


def test_problems_are_located(tmp_path, records):
    bad = records[0]
    bad["spans"][2]["text"] = "peripheral veins"
    bad["spans"][3]["attrs"]["unit"] = 5
    bad["relations"].pop()  # T11 (LAB_VALUE) loses its VALUE_OF
    moved = _sourced_record()
    moved["source_offset"] += 1
    root, path = _corpus(tmp_path, [bad, moved])
    _, other = _corpus(
        tmp_path, [records[1], {**records[1], "spans": []}, {"text": "x"}], "b.jsonl"
    )
    report = validate_paths([root / "corpora"], sources=root / "seeds")
    lines = [str(p) for p in report.problems]
    b, g = str(other), str(path)
    assert lines == [
        f"{b}: inv-002: -: duplicate document id (first seen in {b}:1)",
        f"{b}: (line 3): -: record has no document id (got None)",
        f"{b}: (line 3): -: scheme_version is None, expected 1",
        f"{g}: inv-001: T3: text 'peripheral veins' != document text 'peripheral vein' at 59..74",
        f"{g}: inv-001: T4: attribute unit: expected a string, got int",
        f"{g}: inv-001: T11: LAB_VALUE has 0 VALUE_OF relations, expected 1",
        f"{g}: src-1: -: text differs from src.txt at offset 14: first difference at text[0] "
        "('T' in the record, 'i' in the source)",
    ]
    assert report.exit_code == 1


def test_relations_optional(tmp_path, records):
    records[0]["relations"] = []
    root, _ = _corpus(tmp_path, records)
    assert validate_paths([root / "corpora"]).exit_code == 1
    assert validate_paths([root / "corpora"], require_relations=False).exit_code == 0


def test_source_checks(tmp_path):
    past_end = {**_sourced_record(), "id": "a", "source_offset": len(SOURCE_TEXT) - 3}
    no_offset = {**_sourced_record(), "id": "b", "source_offset": None}
    bad_offset = {**_sourced_record(), "id": "c", "source_offset": -1}
    root, _ = _corpus(tmp_path, [past_end, no_offset, bad_offset])
    messages = [p.message for p in validate_paths([root]).problems]
    assert messages == [
        f"text runs past the end of src.txt (offset {len(SOURCE_TEXT) - 3} + length 25 > "
        f"{len(SOURCE_TEXT)})",
        "source is 'src.txt' but source_offset is missing",
        "source_offset -1 is not a non-negative integer",
    ]


def test_a_record_of_a_jsonl_source_is_checked_by_its_id(tmp_path):
    text = "Title: MSCs for cirrhosis"
    ok = {**_sourced_record(), "id": "j1", "source": "abstracts.jsonl:PMC1", "source_offset": 0}
    changed = {**ok, "id": "j2", "source": "abstracts.jsonl:PMC2"}
    unknown = {**ok, "id": "j3", "source": "abstracts.jsonl:PMC9"}
    root, _ = _corpus(tmp_path, [ok, changed, unknown])
    rows = [{"id": "PMC1", "text": text + " and more"}, {"id": "PMC2", "text": "Title: MSCs for fibrosis and more"}]
    (root / "seeds" / "abstracts.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = validate_paths([root])
    assert (report.sources_checked, report.sources_skipped) == (2, 1)
    assert [p.message for p in report.problems if "abstracts.jsonl" in p.message] == [
        "text differs from abstracts.jsonl:PMC2 at offset 0: first difference at text[16] ('c' in the record, 'f' in the source)"
    ]


def test_same_file_twice_is_read_once(tmp_path, records):
    root, path = _corpus(tmp_path, records)
    assert corpus_files([root, path]) == [path]
    assert validate_paths([root, path]).problems == []


def test_drafts_are_skipped(tmp_path, records):
    root, _ = _corpus(tmp_path, records)
    drafts = root / "corpora" / "gold" / "drafts"
    drafts.mkdir()
    (drafts / "x.jsonl").write_text('{"id": "inv-001", "text": "draft"}\n', encoding="utf-8")
    assert validate_paths([root]).problems == []


# --- CLI ------------------------------------------------------------------------------


def test_cli_ok(tmp_path, records, capsys):
    root, path = _corpus(tmp_path, records)
    assert main(["validate", str(root / "corpora")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 file, 3 documents, 15 spans\n")
    assert "  CELL_TYPE        3\n" in out and "  LAB_VALUE        3\n" in out
    assert out.rstrip().endswith("0 problems")


def test_cli_problems_exit_1(tmp_path, records, capsys):
    records[1]["spans"][0]["label"] = "CELL"
    root, path = _corpus(tmp_path, records)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}: inv-002: T1: unknown label 'CELL'"
    assert "  CELL             1" in out
    assert out[-1] == "1 problem"


def test_cli_unreadable_exit_2(tmp_path, records, capsys):
    root, path = _corpus(tmp_path, records)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", \n')
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert "3 documents" in captured.out  # the readable records were still checked
    assert captured.err.strip() == (
        f"celltx validate: error: {path}:4: broken: invalid JSON at column 19: "
        "Expecting property name enclosed in double quotes"
    )


def test_cli_bad_utf8_exit_2(tmp_path, capsys):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(
        json.dumps({"id": "x", "text": "5 µg"}, ensure_ascii=False).encode("latin-1") + b"\n"
    )
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"celltx validate: error: {path}:1: not valid UTF-8 at byte offset 23 (byte 0xb5)"
    )
    assert err.count("\n") == 1


def test_cli_missing_path_exit_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.jsonl")]) == 2
    assert capsys.readouterr().err == (
        f"celltx validate: error: {tmp_path / 'nope.jsonl'}: no such file or directory\n"
    )


def test_cli_missing_sources_dir_exit_2(tmp_path, records, capsys):
    root, path = _corpus(tmp_path, records)
    assert main(["validate", str(path), "--sources", str(tmp_path / "none")]) == 2
    assert "sources folder does not exist" in capsys.readouterr().err


def test_cli_help_has_example(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "celltx validate corpora/" in out and "FILE: DOC_ID: SPAN_ID: problem" in out


def test_trial_sidecar_is_validated(tmp_path):
    import json as _json

    from celltx.corpus.validate import validate_paths

    record = {"id": "a", "scheme_version": 1, "text": "x", "spans": [], "relations": []}
    (tmp_path / "docs.jsonl").write_text(_json.dumps(record) + "\n", encoding="utf-8")
    lines = [{"id": "a", "trial": {"design": "rct", "arms": []}}, {"id": "b", "trial": {"design": "cohort"}}]
    (tmp_path / "trials.jsonl").write_text("".join(_json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (tmp_path / "trials_test.jsonl").write_text("sealed: never opened\n", encoding="utf-8")
    report = validate_paths([tmp_path])
    messages = [p.message for p in report.problems]
    assert report.documents == 1 and not report.unreadable
    assert any("design: 'cohort'" in m for m in messages) and any("unknown document" in m for m in messages)
    assert len(messages) == 2


def test_cli_a_folder_without_jsonl_files_is_an_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("MSCs were infused.", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 2
    assert "no .jsonl files" in capsys.readouterr().err
