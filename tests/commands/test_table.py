"""``celltx table`` and :mod:`celltx.table`: one evidence row per abstract, CSV/XLSX/Parquet."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from celltx import table as table_mod
from celltx.cli import main
from celltx.table import COLUMNS, fmt_lab_value, record_row, sentence_bounds, write_table
from tests.commands.conftest import SYSTEM, read_jsonl
from tests.commands.samples import PMIDS_MEDLINE, PMIDS_XML


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _span(text, sid, label, needle, attrs, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"id": sid, "start": start, "end": start + len(needle), "label": label, "text": needle,
            "attrs": attrs}


def invented_record() -> dict:
    t = ("Allogeneic umbilical cord MSCs were infused via the peripheral vein at 1.0×10^6 "
         "cells/kg every 4 weeks, and a second group received 2×10^6 cells/kg. At 24 weeks, "
         "albumin rose from 29±3 to 34±4 g/L; ALT was <40 U/L at baseline. Bilirubin did not "
         "rise. INR was 1.2 (1.1–1.4).")
    spans = [
        _span(t, "T1", "CELL_TYPE", "umbilical cord MSCs",
              {"cl_id": "CL:0000134", "source": "umbilical_cord", "donor": "allogeneic"}),
        _span(t, "T2", "ROUTE", "peripheral vein", {"route": "intravenous"}),
        _span(t, "T3", "DOSE", "1.0×10^6 cells/kg", {"low": 1e6, "high": 1e6, "unit": "cells/kg", "level": None}),
        _span(t, "T4", "FREQUENCY", "every 4 weeks", {"count": None, "interval_days": 28.0}),
        _span(t, "T5", "DOSE", "2×10^6 cells/kg", {"low": 2e6, "high": 2e6, "unit": "cells/kg", "level": None}),
        _span(t, "T6", "TIME_POINT", "24 weeks", {"days": [168.0]}),
        _span(t, "T7", "LAB_TEST", "albumin", {"analyte": "albumin"}),
        _span(t, "T8", "LAB_VALUE", "29±3", {"value": 29.0, "sd": 3.0, "unit": "g/L"}),
        _span(t, "T9", "LAB_VALUE", "34±4 g/L", {"value": 34.0, "sd": 4.0, "unit": "g/L"}),
        _span(t, "T10", "LAB_TEST", "ALT", {"analyte": "alanine aminotransferase"}),
        _span(t, "T11", "LAB_VALUE", "<40 U/L", {"value": 40.0, "comparator": "<", "unit": "U/L"}),
        _span(t, "T12", "TIME_POINT", "baseline", {"days": [0.0]}),
        _span(t, "T13", "LAB_TEST", "Bilirubin", {"analyte": "total bilirubin", "negated": True}),
        _span(t, "T14", "LAB_TEST", "INR", {"analyte": "inr"}),
        _span(t, "T15", "LAB_VALUE", "1.2 (1.1–1.4)", {"value": 1.2, "low": 1.1, "high": 1.4, "unit": None}),
    ]
    rels = [("T8", "T7"), ("T9", "T7"), ("T11", "T10"), ("T15", "T14")]
    return {"id": "inv-1", "source": "invented.txt", "scheme_version": 1, "text": t, "spans": spans,
            "relations": [{"label": "VALUE_OF", "head": h, "tail": tl} for h, tl in rels]}


def test_record_row_columns():
    row = record_row(invented_record())
    assert tuple(row) == COLUMNS
    assert row["id"] == "inv-1"
    assert row["cell_types"] == "umbilical cord MSCs (umbilical_cord, allogeneic, CL:0000134)"
    assert (row["cell_sources"], row["cell_donors"], row["cell_cl_ids"]) == (
        "umbilical_cord", "allogeneic", "CL:0000134")
    assert row["doses"] == "1.0×10^6 cells/kg; 2×10^6 cells/kg"
    assert (row["dose_low"], row["dose_high"], row["dose_unit"]) == (
        "1000000; 2000000", "1000000; 2000000", "cells/kg; cells/kg")
    assert row["dose_level"] == ""
    assert (row["routes"], row["route_mentions"]) == ("intravenous", "peripheral vein")
    assert row["frequency"] == "every 4 weeks (every 28 days)"
    assert (row["frequency_count"], row["frequency_interval_days"]) == ("", "28")
    assert row["follow_up_days"] == "0; 168"
    assert row["lab_tests"] == "albumin; alanine aminotransferase; total bilirubin; inr"
    # values with their same-sentence (same-clause) time points; negation flagged
    assert row["lab_results"].split("; ") == [
        "albumin: 29±3 g/L, 34±4 g/L (day 168)",
        "alanine aminotransferase: <40 U/L (day 0)",
        "total bilirubin [negated]",
        "inr: 1.2 (1.1–1.4)",
    ]
    assert row["negated_findings"] == "LAB_TEST: Bilirubin"
    assert row["n_spans"] == "15"


def test_lab_value_formats():
    assert fmt_lab_value({"text": "x", "attrs": {"value": 17.9, "sd": 5.6, "unit": "U/L"}}) == "17.9±5.6 U/L"
    assert fmt_lab_value({"text": "x", "attrs": {"value": 35.0, "comparator": "<", "unit": "g/L"}}) == "<35 g/L"
    assert fmt_lab_value({"text": "x", "attrs": {"low": 14.0, "high": 21.0}}) == "14–21"
    assert fmt_lab_value({"text": "seventeen", "attrs": {"value": None}}) == "seventeen"


def test_sentence_bounds_follow_the_pipeline_rules():
    text = "MSCs were given i.v. to 12 patients. ALT fell, e.g. by 10 U/L.\nAt 4 weeks INR was 1.1."
    pieces = [text[a:b].strip() for a, b in sentence_bounds(text)]
    assert pieces == ["MSCs were given i.v. to 12 patients.", "ALT fell, e.g. by 10 U/L.",
                      "At 4 weeks INR was 1.1."]


def test_sentence_bounds_join_hard_wrapped_lines_like_the_pipeline(nlp):
    text = ("Title of a trial\nPatients were randomized (A, n =\n60; B, n = 58) to drops.\n"
            "RESULTS: IOP fell\nin both groups.\n- a list item")
    pieces = [text[a:b].strip() for a, b in sentence_bounds(text)]
    assert pieces == [s.text.strip() for s in nlp(text).sents] == [
        "Title of a trial", "Patients were randomized (A, n =\n60; B, n = 58) to drops.",
        "RESULTS: IOP fell\nin both groups.", "- a list item"]


def test_table_from_annotate_output_csv(annotated, tmp_path: Path):
    out = tmp_path / "evidence.csv"
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(out)]) == 0
    rows = read_csv(out)
    assert list(rows[0]) == list(COLUMNS)
    assert [r["id"] for r in rows] == [*PMIDS_XML, *PMIDS_MEDLINE]
    first = rows[0]
    assert "umbilical cord MSCs" in first["cell_types"] and "allogeneic" in first["cell_donors"]
    assert (first["dose_low"], first["dose_unit"]) == ("1000000", "cells/kg")
    assert first["routes"] == "intravenous"
    assert "168" in first["follow_up_days"].split("; ")
    assert "albumin: 29±3 g/L, 34±4 g/L (day 168)" in first["lab_results"]
    assert "bilirubin" in first["negated_findings"]
    medline = rows[3]
    assert "adipose" in medline["cell_sources"] and medline["routes"] == "intraportal"
    assert "total bilirubin: 41±9 umol/L" in medline["lab_results"]


def test_raw_input_runs_the_pipeline_and_gives_the_same_rows(annotated, tmp_path: Path):
    from_jsonl = tmp_path / "from_jsonl.csv"
    from_raw = tmp_path / "from_raw.csv"
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(from_jsonl)]) == 0
    assert main(["table", "--per", "abstract", str(annotated["xml"]), str(annotated["medline"]), "-o", str(from_raw), *SYSTEM]) == 0
    assert read_csv(from_raw) == read_csv(from_jsonl)


def test_parquet(annotated, tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "evidence.parquet"
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(out)]) == 0
    data = pq.read_table(out).to_pylist()
    assert [r["id"] for r in data] == [*PMIDS_XML, *PMIDS_MEDLINE]
    assert list(data[0]) == list(COLUMNS)
    csv_out = tmp_path / "evidence.csv"
    main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(csv_out)])
    assert [{k: v or "" for k, v in r.items()} for r in data] == read_csv(csv_out)


def test_xlsx(annotated, tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    record = invented_record()
    record["id"] = "=HYPERLINK(\"http://example.invalid\")"  # must stay text, not a formula
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "evidence.xlsx"
    assert main(["table", "--per", "abstract", str(src), "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == list(COLUMNS)
    row = dict(zip(COLUMNS, values[1]))
    assert row["id"] == record["id"] and sheet["A2"].data_type == "s"
    assert row["doses"] == "1.0×10^6 cells/kg; 2×10^6 cells/kg"


def test_missing_optional_package_says_what_to_install(annotated, tmp_path: Path, monkeypatch, capsys):
    real = importlib.util.find_spec
    monkeypatch.setattr(table_mod.importlib.util, "find_spec",
                        lambda name, *a: None if name == "openpyxl" else real(name, *a))
    out = tmp_path / "evidence.xlsx"
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "pip install openpyxl" in err and err.count("\n") == 1
    assert not out.exists()


def test_unknown_suffix_and_format_option(annotated, tmp_path: Path, capsys):
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(tmp_path / "evidence.txt")]) == 2
    assert ".csv, .xlsx or .parquet" in capsys.readouterr().err
    # a format given that the name does not fit is refused too: e.txt would hold CSV
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(tmp_path / "e.txt"), "--format", "csv"]) == 2
    assert "csv table needs a name ending in .csv, not '.txt'" in capsys.readouterr().err
    assert main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(tmp_path / "e.csv"), "--format", "csv"]) == 0
    assert read_csv(tmp_path / "e.csv")[0]["id"] == PMIDS_XML[0]


def test_bad_line_fails_without_touching_the_output(annotated, tmp_path: Path, capsys):
    lines = annotated["out"].read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "docs.jsonl"
    bad.write_text("\n".join([*lines[:2], "{not json", *lines[2:]]) + "\n", encoding="utf-8")
    out = tmp_path / "evidence.csv"
    out.write_text("old table\n", encoding="utf-8")
    assert main(["table", "--per", "abstract", str(bad), "-o", str(out)]) == 2
    assert f"{bad}:3: invalid JSON" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "old table\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl", "evidence.csv"]
    # --on-error skip: the other documents make it into the table
    assert main(["table", "--per", "abstract", str(bad), "-o", str(out), "--on-error", "skip"]) == 0
    assert len(read_csv(out)) == len(lines)
    assert "skipped" in capsys.readouterr().err


def test_write_table_is_atomic(tmp_path: Path):
    out = tmp_path / "t.csv"
    out.write_text("before\n", encoding="utf-8")

    def rows():
        yield record_row(invented_record())
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_table(rows(), out)
    assert out.read_text(encoding="utf-8") == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_jsonl_of_plain_texts_is_extracted(tmp_path: Path):
    src = tmp_path / "texts.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": "Autologous MSCs were infused via the hepatic artery."})
                   + "\n", encoding="utf-8")
    out = tmp_path / "t.csv"
    assert main(["table", "--per", "abstract", str(src), "-o", str(out), *SYSTEM]) == 0
    row = read_csv(out)[0]
    assert (row["id"], row["routes"], row["cell_donors"]) == ("p1", "hepatic_artery", "autologous")


def test_records_round_trip_through_import_brat_give_the_same_table(annotated, tmp_path: Path):
    imported = tmp_path / "imported.jsonl"
    assert main(["import-brat", str(annotated["brat"]), "-o", str(imported)]) == 0
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    main(["table", "--per", "abstract", str(annotated["out"]), "-o", str(a)])
    main(["table", "--per", "abstract", str(imported), "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()
    assert len(read_jsonl(imported)) == len(read_csv(b))


# --- one row per arm --------------------------------------------------------------------


def test_arm_rows_from_the_trial_summary():
    rows = table_mod.arm_rows(invented_record())
    assert len(rows) == 1  # no group named: the one arm of the product given
    row = rows[0]
    assert row["id"] == "inv-1" and row["arm_role"] == "experimental"
    assert row["route"] == "intravenous" and row["dose"] == "1.0×10^6 cells/kg"
    assert row["dose_normalised"] == "1000000 cells/kg"
    assert row["albumin: baseline"] == "29±3 g/L (day 0)"
    assert row["albumin: follow-up"] == "34±4 g/L (day 168)"
    assert row["albumin: follow-up (SI)"] == "34±4 g/L (day 168)"
    columns = table_mod.arm_columns(rows)
    assert columns[: len(table_mod.ARM_COLUMNS)] == table_mod.ARM_COLUMNS
    assert columns.index("albumin: baseline") < columns.index("albumin: follow-up")


def test_arm_rows_use_a_given_trial_object_and_eligibility_rows():
    record = {"id": "g", "text": "x", "spans": [], "title": "T", "first_author": "Shi M", "year": "2012", "trial": {
        "design": "rct", "n_enrolled": 60, "condition": "ACLF", "country": "China", "follow_up_days": 365.0,
        "arms": [{"label": "MSC group", "role": "experimental", "n": 30, "cell_types": [{"cl_id": "CL:0002569", "source": "umbilical_cord", "donor": None}],
                  "dose": {"low": 5e5, "high": 1e6, "unit": "cells/kg"}, "route": "intravenous", "frequency": {"count": 3, "interval_days": 28.0},
                  "comparator": None, "age": {"value": 45.2, "sd": 10.1, "low": None, "high": None}, "male": 25},
                 {"label": "control group", "role": "control", "n": 30, "cell_types": [], "dose": None, "route": None, "frequency": None,
                  "comparator": "standard_care", "age": None, "male": None}],
        "outcomes": [{"analyte": "total bilirubin", "arm": 1, "days": 28.0, "kind": "follow_up", "value": 2.0, "sd": None, "low": None,
                      "high": None, "unit": "mg/dL", "p_value": None, "direction": None, "si": {"value": 34.2, "sd": None, "low": None, "high": None, "unit": "umol/L"}}],
        "eligibility": [{"analyte": "meld", "comparator": ">=", "value": 10.0, "unit": None}],
        "adverse_events": {"events": ["fever"], "serious": False}}}
    rows = table_mod.arm_rows(record)
    assert [r["arm"] for r in rows] == ["MSC group", "control group"]
    assert rows[0]["first_author"] == "Shi M" and rows[0]["year"] == "2012" and rows[0]["country"] == "China"
    assert rows[0]["dose_normalised"] == "500000–1000000 cells/kg" and rows[0]["administrations"] == "3"
    assert rows[0]["age"] == "45.2±10.1" and rows[0]["male"] == "25"
    assert rows[1]["comparator"] == "standard_care"
    assert rows[1]["total bilirubin: follow-up"] == "2 mg/dL (day 28)"
    assert rows[1]["total bilirubin: follow-up (SI)"] == "34.2 umol/L (day 28)"
    assert "total bilirubin: follow-up" not in rows[0]
    assert rows[0]["eligibility"] == "meld >= 10" and rows[0]["serious_adverse_events"] == "no"
    assert table_mod.eligibility_rows(record) == [{"id": "g", "analyte": "meld", "comparator": ">=", "value": "10", "unit": ""}]


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+2", "'=1+2"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
     ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("-0.7", "-0.7"), ("+3", "+3"), ("1e-3", "1e-3"),
     ("-0.5 %", "'-0.5 %"), ("\t=1", "'\t=1"), ("albumin", "albumin"), ("", "")],
)
def test_csv_cells_are_neutralised_against_formula_injection(tmp_path: Path, cell, written):
    assert table_mod.csv_safe(cell) == written
    out = tmp_path / "t.csv"
    write_table([{"id": cell}], out, columns=("id",))
    assert read_csv(out)[0]["id"] == written


def test_cli_per_arm_csv_and_xlsx_with_eligibility_sheet(tmp_path: Path):
    src = tmp_path / "records.jsonl"
    src.write_text(json.dumps(invented_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "arms.csv"
    assert main(["table", str(src), "-o", str(out)]) == 0
    rows = read_csv(out)
    assert len(rows) == 1 and rows[0]["arm_role"] == "experimental" and "albumin: baseline" in rows[0]
    if importlib.util.find_spec("openpyxl") is None:
        pytest.skip("openpyxl not installed")
    from openpyxl import load_workbook

    xlsx = tmp_path / "arms.xlsx"
    assert main(["table", str(src), "-o", str(xlsx)]) == 0
    book = load_workbook(xlsx)
    assert book.sheetnames == ["evidence", "eligibility"]
    assert [c.value for c in book["eligibility"][1]] == list(table_mod.ELIGIBILITY_COLUMNS)


def test_help_explains_every_arm_column(capsys):
    with pytest.raises(SystemExit):
        main(["table", "--help"])
    out = capsys.readouterr().out
    for column in (*table_mod.ARM_COLUMNS, "<analyte>: baseline (SI)"):
        assert f"  {column} " in out, column


def test_standard_input_is_read_like_a_file(annotated, tmp_path: Path, monkeypatch):
    import io
    import sys

    # before: "-" was "no such file"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(annotated["out"].read_bytes())))
    out = tmp_path / "from_stdin.csv"
    assert main(["table", "-", "-o", str(out), "--per", "abstract"]) == 0
    expected = tmp_path / "from_file.csv"
    assert main(["table", str(annotated["out"]), "-o", str(expected), "--per", "abstract"]) == 0
    got = list(csv.DictReader(out.open(encoding="utf-8")))
    want = list(csv.DictReader(expected.open(encoding="utf-8")))
    assert [r["id"] for r in got] == [r["id"] for r in want] and len(got) > 0
    assert [{k: v for k, v in r.items() if k != "source"} for r in got] == \
        [{k: v for k, v in r.items() if k != "source"} for r in want]


def test_standard_input_can_be_named_once_only(tmp_path: Path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"MSCs were given.")))
    assert main(["table", "-", "-", "-o", str(tmp_path / "t.csv"), *SYSTEM]) == 2
    assert "only once" in capsys.readouterr().err


def test_si_values_in_the_table_keep_four_significant_figures():
    # a converted value carries the factor's digits ("110 mg/dL" glucose = 6.10610... mmol/L);
    # the table rounds them, the record keeps them
    si = {"value": 6.106105, "sd": 0.4440811, "low": None, "high": None, "unit": "mmol/L"}
    record = {"id": "g", "text": "x", "spans": [], "trial": {
        "design": "rct", "arms": [{"label": "MSC group", "role": "experimental"}],
        "outcomes": [{"analyte": "glucose", "arm": 0, "days": 84.0, "kind": "follow_up", "value": 110.0, "sd": 8.0,
                      "unit": "mg/dL", "si": dict(si)}]}}
    row = table_mod.arm_rows(record)[0]
    assert row["glucose: follow-up (SI)"] == "6.106±0.4441 mmol/L (day 84)"
    assert "[SI 6.106±0.4441 mmol/L]" in row["outcomes"]
    assert record["trial"]["outcomes"][0]["si"] == si
