"""Tests for celltx.corpus.brat: brat standoff round trip, value encoding, annotation.conf."""

from __future__ import annotations

import math

import pytest

from celltx.corpus.brat import (
    annotation_conf,
    brat_to_record,
    decode_attr_value,
    encode_attr_value,
    read_brat,
    read_brat_document,
    record_to_brat,
    write_annotation_conf,
    write_brat,
)
from celltx.corpus.jsonl import CorpusError
from celltx.schema import validate_record

MULTILINE = "Dose:\n1.5×10^6\r\ncells/kg ± SD,\u2028then ALT <40 U/L."


def _multiline_record():
    text = MULTILINE
    dose_start = text.index("1.5")
    dose_end = text.index("cells/kg") + len("cells/kg")
    return {
        "id": "inv/multi line",
        "scheme_version": 1,
        "text": text,
        "spans": [
            {
                "id": "T2",
                "start": dose_start,
                "end": dose_end,
                "label": "DOSE",
                "text": text[dose_start:dose_end],
                "attrs": {"low": 1500000.0, "high": 1500000.0, "unit": "cells/kg", "level": None},
            },
            {
                "id": "T1",
                "start": text.index("ALT"),
                "end": text.index("ALT") + 3,
                "label": "LAB_TEST",
                "text": "ALT",
                "attrs": {"analyte": "alanine aminotransferase"},
            },
            {
                "id": "T3",
                "start": text.index("<40"),
                "end": text.index("U/L") + 3,
                "label": "LAB_VALUE",
                "text": "<40 U/L",
                "attrs": {"value": 40.0, "comparator": "<", "unit": "U/L", "sd": None},
            },
        ],
        "relations": [{"label": "VALUE_OF", "head": "T3", "tail": "T1"}],
    }


def test_fixture_records_are_valid(records):
    assert all(validate_record(r) == [] for r in records)
    assert validate_record(_multiline_record()) == []


def test_round_trip_preserves_everything(records, tmp_path):
    records.append(_multiline_record())
    assert write_brat(tmp_path, records) == 4
    back = list(read_brat(tmp_path))
    assert back == records
    assert [s["id"] for s in back[0]["spans"]] == [s["id"] for s in records[0]["spans"]]
    assert list(back[0]) == list(records[0])
    # null attributes survive as null, not as missing keys
    assert back[1]["spans"][0]["attrs"]["donor"] is None
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "annotation.conf" in names and "inv_multi_line.txt" in names
    assert "inv-001.ann" in names and "inv-001.json" in names


def test_text_file_is_byte_exact(tmp_path):
    write_brat(tmp_path, [_multiline_record()])
    assert (tmp_path / "inv_multi_line.txt").read_bytes() == MULTILINE.encode("utf-8")


def test_span_with_line_breaks_is_written_as_fragments():
    _, ann = record_to_brat(_multiline_record())
    first = ann.splitlines()[0]
    start = MULTILINE.index("1.5")
    mid = MULTILINE.index("\r\n")
    cells = MULTILINE.index("cells")
    assert first == f"T2\tDOSE {start} {mid};{cells} {cells + 8}\t1.5×10^6 cells/kg"
    assert "\r" not in ann and "\u2028" not in ann


def test_ann_lines(records):
    text, ann = record_to_brat(records[0])
    assert text == records[0]["text"]
    lines = ann.splitlines()
    assert lines[0] == "T20\tCELL_TYPE 11 27\tbone marrow MSCs"
    assert "A3\tdonor T20 autologous" in lines
    assert "A6\tdonor T13 null" in lines
    assert "R1\tVALUE_OF Arg1:T7 Arg2:T6" in lines
    assert any(line.endswith("days T9 [168.0]") for line in lines)
    assert any(line.endswith("unit T11 umol/L") for line in lines)
    assert "\tT11\tLAB_VALUE" not in ann
    assert "T11\tLAB_VALUE 174 183\t21 μmol/L" in lines


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        3,
        -2.5,
        1000000.0,
        1e-7,
        [7.0, 14.0],
        [],
        "",
        "CL:0000134",
        "<=",
        "null",
        "true",
        "7.5",
        "[1]",
        '"quoted"',
        "two words",
        "tab\there",
        "line\nbreak",
        "μmol/L",
        "10×",
        "a\u00a0b",
        "1,25-dihydroxy|d",
        {"nested": [1, "x y"]},
    ],
)
def test_attr_value_encoding_is_reversible_and_one_word(value):
    encoded = encode_attr_value(value)
    assert encoded and not any(c.isspace() for c in encoded)
    assert decode_attr_value(encoded) == value
    assert type(decode_attr_value(encoded)) is type(value)
    if isinstance(value, str) and value:  # every string can be listed in annotation.conf
        assert "," not in encoded and "|" not in encoded


def test_attr_value_encoding_nan():
    assert math.isnan(decode_attr_value(encode_attr_value(float("nan"))))


def test_plain_strings_stay_readable():
    assert encode_attr_value("bone_marrow") == "bone_marrow"
    assert encode_attr_value("null") == '"null"'
    assert encode_attr_value("total bilirubin") == '"total\\u0020bilirubin"'


def test_brat_without_sidecar_uses_file_name(tmp_path):
    (tmp_path / "abc.txt").write_text("Give MSCs i.v.", encoding="utf-8")
    (tmp_path / "abc.ann").write_text(
        "T1\tCELL_TYPE 5 9\tMSCs\nT2\tROUTE 10 14\ti.v.\nA1\tNegated T1\n#1\tAnnotatorNotes T1\tok\n",
        encoding="utf-8",
    )
    (record,) = read_brat(tmp_path)
    assert record["id"] == "abc" and record["scheme_version"] == 1
    assert record["spans"][0]["attrs"] == {"Negated": True}
    assert record["spans"][1] == {
        "id": "T2",
        "start": 10,
        "end": 14,
        "label": "ROUTE",
        "text": "i.v.",
        "attrs": {},
    }


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tCELL_TYPE 5 9\tMSC\n", r"abc\.ann:1: abc: T1: text 'MSC' != document text 'MSCs'"),
        ("T1\tCELL_TYPE 5 99\tMSCs\n", r"abc\.ann:1: abc: offsets '5 99' outside the text"),
        ("T1\tCELL_TYPE 0 4;10 14\tGive i.v.\n", "discontinuous span"),
        ("T1\tCELL_TYPE 5 9\tMSCs\nA1\tdonor T9 null\n", r":2: .*unknown span T9"),
        ("T1\tCELL_TYPE x 9\tMSCs\n", "malformed offsets"),
        ("T1\tCELL_TYPE 5 9\tMSCs\nE1\tTrigger:T1\n", "unsupported annotation line"),
        ("T1\tCELL_TYPE 5 9\tMSCs\nR1\tVALUE_OF Arg1:T1\n", "needs Arg1 and Arg2"),
    ],
)
def test_read_errors_name_file_line_and_document(tmp_path, ann, message):
    (tmp_path / "abc.txt").write_text("Give MSCs i.v.", encoding="utf-8")
    (tmp_path / "abc.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_brat_document(tmp_path / "abc.ann")


def test_missing_txt_and_missing_folder(tmp_path):
    (tmp_path / "abc.ann").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="no matching .txt"):
        list(read_brat(tmp_path))
    with pytest.raises(CorpusError, match="no such file or directory"):
        read_brat(tmp_path / "nope")


def test_write_errors(records, tmp_path):
    bad = records[1]
    bad["spans"][0]["id"] = "X1"
    with pytest.raises(CorpusError, match=r"inv-002: span X1: brat needs span ids"):
        write_brat(tmp_path, [bad])
    clash = [{"id": "a/b", "text": "x"}, {"id": "a_b", "text": "y"}]
    with pytest.raises(CorpusError, match="map to the same file name a_b"):
        write_brat(tmp_path / "c", clash)


def test_ann_with_crlf_line_endings_reads(tmp_path):
    text, ann = record_to_brat(_multiline_record())
    record = brat_to_record(text, ann.replace("\n", "\r\n"), doc_id="x")
    assert [s["text"] for s in record["spans"]] == [s["text"] for s in _multiline_record()["spans"]]


def test_annotation_conf(records, tmp_path):
    conf = annotation_conf(records)
    lines = conf.splitlines()
    assert "[entities]" in lines and "CELL_TYPE" in lines and "LAB_VALUE" in lines
    assert "VALUE_OF\tArg1:LAB_VALUE, Arg2:LAB_TEST" in lines
    assert "donor\tArg:CELL_TYPE, Value:autologous|allogeneic|null" in lines
    unit = next(line for line in lines if line.startswith("unit\t"))
    assert unit.startswith("unit\tArg:DOSE|LAB_VALUE, Value:null|")
    assert "cells/kg" in unit and "umol/L" in unit
    days = next(line for line in lines if line.startswith("days\t"))
    assert "[168.0]" in days
    # every attribute line is valid brat syntax: name TAB comma-separated key:values
    for line in lines[lines.index("[attributes]") + 1 :]:
        name, args = line.split("\t")
        for arg in args.split(", "):
            key, values = arg.split(":", 1)
            assert key in ("Arg", "Value") and all(v and " " not in v for v in values.split("|"))
    path = write_annotation_conf(tmp_path)
    assert path.read_text(encoding="utf-8").startswith("# brat configuration")


def test_annotation_conf_offers_every_known_value_not_only_those_seen():
    """A corrected value can be chosen in brat even when no document of the batch has it."""
    from celltx import schema
    from celltx.normalize.vocabulary import known_values

    lines = dict(line.split("\t", 1) for line in annotation_conf([]).splitlines() if "\tArg:" in line)
    offered = {name: set(args.split(", Value:")[1].split("|")) for name, args in lines.items()}
    for label in schema.LABELS:
        for name, (_kind, allowed) in schema.ATTRS[label].items():
            assert set(allowed or ()) | {"null"} <= offered[name], name
    for name, values in known_values().items():
        assert {encode_attr_value(v) for v in values} <= offered[name], name
    assert {"albumin", "mg/dL", "CL:0000182", "1751-7"} <= set().union(*offered.values())


def test_a_note_of_name_value_pairs_sets_attributes(tmp_path):
    (tmp_path / "abc.txt").write_text("ALT was 52 U/L.", encoding="utf-8")
    (tmp_path / "abc.ann").write_text(
        "T1\tLAB_VALUE 8 14\t52 U/L\nA1\tvalue T1 50.0\n"
        "#1\tAnnotatorNotes T1\tvalue=52.5; unit=U per L; sd=null\n"
        "T2\tLAB_TEST 0 3\tALT\n#2\tAnnotatorNotes T2\tcheck this = later\n",
        encoding="utf-8",
    )
    (record,) = read_brat(tmp_path)
    assert record["spans"][0]["attrs"] == {"value": 52.5, "unit": "U per L", "sd": None}
    assert record["spans"][1]["attrs"] == {}  # a comment, not pairs: nothing read


def test_attributes_of_a_changed_span_that_the_annotator_left_alone_are_dropped(tmp_path):
    text = "ALT was 52 U/L and 60 U/L."
    record = {
        "id": "d", "scheme_version": 1, "text": text,
        "spans": [
            {"id": "T1", "start": 8, "end": 14, "label": "LAB_VALUE", "text": "52 U/L",
             "attrs": {"value": 52.0, "unit": "U/L", "comparator": None}},
            {"id": "T2", "start": 19, "end": 25, "label": "LAB_VALUE", "text": "60 U/L",
             "attrs": {"value": 60.0, "unit": "U/L", "comparator": None}},
        ],
        "relations": [],
    }
    write_brat(tmp_path, [record])
    ann = (tmp_path / "d.ann").read_text(encoding="utf-8")
    # T1 shrinks to "52" and its comparator is set by hand; T2 is untouched
    ann = ann.replace("T1\tLAB_VALUE 8 14\t52 U/L", "T1\tLAB_VALUE 8 10\t52")
    ann = ann.replace("comparator T1 null", "comparator T1 <=")
    (tmp_path / "d.ann").write_text(ann, encoding="utf-8")
    (back,) = read_brat(tmp_path)
    assert back["spans"][0]["attrs"] == {"comparator": "<="}
    assert back["spans"][1]["attrs"] == record["spans"][1]["attrs"]
