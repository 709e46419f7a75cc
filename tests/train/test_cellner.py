"""The cell-type IOB corpora: reading, text rebuilding, mapping to CELL_TYPE, scoring."""

from __future__ import annotations

import io

import pytest

from celltx import schema
from celltx.train import cellner
from celltx.train.train import build_cell_ner_records, make_tokenizer_nlp, records_to_docs

# invented sentences in the corpora's format (token<TAB>tag, blank line between sentences)
SAMPLE = """\
-DOCSTART-\tO

Human\tB-cell_type
umbilical\tI-cell_type
cord\tI-cell_type
MSCs\tI-cell_type
(\tO
BM\tB-cell_type
-\tI-cell_type
MSC\tI-cell_type
)\tO
and\tO
cells\tB-cell_type
grew\tO
in\tO
the\tO
HL\tB-cell_line
-\tI-cell_line
60\tI-cell_line
line\tI-cell_line
.\tO

CD34\tB-cell_type
+\tI-cell_type
cells\tI-cell_type
bound\tO
IL\tB-protein
-\tI-protein
2\tI-protein
for\tO
24\tO
h\tO
.\tO
"""


def _docs(size: int = 8) -> list[cellner.CellDoc]:
    return cellner.read_cell_docs("sample.tsv", lines=io.StringIO(SAMPLE), sentences_per_doc=size)


def test_reader_rebuilds_text_and_maps_cell_types():
    (doc,) = _docs()
    assert doc.text == (
        "Human umbilical cord MSCs (BM-MSC) and cells grew in the HL-60 line. "
        "CD34+ cells bound IL-2 for 24 h."
    )
    assert [doc.text[a:b] for a, b in doc.cells] == [
        "Human umbilical cord MSCs",
        "BM-MSC",
        "CD34+ cells",
    ]
    assert [doc.text[a:b] for a, b in doc.generic] == ["cells"]  # bare "cells": not ours
    assert [doc.text[a:b] for a, b in doc.ignore] == ["HL-60 line"]  # cell line: not scored
    assert doc.gold("original") == sorted(doc.cells + doc.generic)


def test_grouping_and_bad_lines():
    assert len(_docs(size=1)) == 2
    with pytest.raises(cellner.CellNerError, match="bad tag"):
        cellner.read_cell_docs("x.tsv", lines=io.StringIO("cells\tX-Cell\n"))
    with pytest.raises(cellner.CellNerError, match="token<TAB>tag"):
        cellner.read_cell_docs("x.tsv", lines=io.StringIO("cells B-Cell\n"))


def test_detokenize_spacing():
    text, offsets = cellner.detokenize(["IL", "-", "2", "(", "n", "=", "3", ")", ",", "5", "%"])
    assert text == "IL-2 (n = 3), 5%"
    assert [text[a:b] for a, b in offsets][:3] == ["IL", "-", "2"]


def test_records_with_silver_and_token_alignment():
    (doc,) = _docs()
    start = doc.text.index("24 h")
    silver = [
        {"start": start, "end": start + 4, "label": schema.TIME_POINT, "text": "24 h"},
        {"start": 0, "end": 5, "label": schema.LAB_TEST, "text": "Human"},  # overlaps a cell
        {"start": 27, "end": 33, "label": schema.CELL_TYPE, "text": "BM-MSC"},  # not silver
    ]
    (record,) = cellner.to_records([doc], silver=[silver])
    labels = [(s["label"], s["text"]) for s in record["spans"]]
    assert labels == [
        ("CELL_TYPE", "Human umbilical cord MSCs"),
        ("CELL_TYPE", "BM-MSC"),
        ("CELL_TYPE", "CD34+ cells"),
        ("TIME_POINT", "24 h"),
    ]
    assert record["split"] == "train"
    (spacy_doc,) = records_to_docs(make_tokenizer_nlp(), [record])
    assert [e.text for e in spacy_doc.ents][:2] == ["Human umbilical cord MSCs", "BM-MSC"]


def test_scoring_lenient_strict_and_ignored_cell_lines():
    (doc,) = _docs()
    text = doc.text
    pred = [
        (text.index("umbilical"), text.index(" (")),  # overlaps gold 1: lenient hit only
        (text.index("BM-MSC"), text.index("BM-MSC") + 6),  # exact
        (text.index("HL-60"), text.index("HL-60") + 5),  # a cell line: not counted
        (text.index("grew"), text.index("grew") + 4),  # false positive
    ]
    lenient = cellner.score_cells([doc], [pred], "lenient")
    assert (lenient.tp, lenient.fp, lenient.fn) == (2, 1, 1)
    strict = cellner.score_cells([doc], [pred], "strict")
    assert (strict.tp, strict.fp, strict.fn) == (1, 2, 2)
    original = cellner.score_cells([doc], [pred], "lenient", view="original")
    assert original.fn == 2  # the bare "cells" counts in the corpus's own convention
    # a cell word inside a protein name: ours ("[T cell] receptor"), not JNLPBA's
    inside = [*pred, (text.index("IL-2"), text.index("IL-2") + 2)]
    assert cellner.score_cells([doc], [inside], "lenient").fp == 1
    assert cellner.score_cells([doc], [inside], "lenient", view="original").fp == 2
    assert 0 < lenient.f1 < 1


def test_missing_corpora_are_skipped_with_a_message(tmp_path):
    log = io.StringIO()
    assert build_cell_ner_records(tmp_path / "nowhere", log=log) == []
    assert "not found" in log.getvalue() and "skipped" in log.getvalue()
    assert cellner.find_cell_ner_dir(tmp_path / "nowhere") is None


def test_reads_a_corpus_folder(tmp_path):
    (tmp_path / "bionlp13cg_cell_train.tsv").write_text(SAMPLE.replace("cell_type", "Cell"), "utf-8")
    log = io.StringIO()
    records = build_cell_ner_records(tmp_path, silver=False, log=log)
    assert len(records) == 1 and "3 CELL_TYPE mentions" in log.getvalue()
    assert {s["label"] for s in records[0]["spans"]} == {schema.CELL_TYPE}
