"""The generated Cell Ontology lexicon and the spellings it adds (celltx.normalize.cl_lexicon)."""

from __future__ import annotations

from celltx.normalize.cl_lexicon import name_variants
from celltx.resources import read_jsonl_resource


def test_variants_add_hyphen_and_greek_spellings():
    assert name_variants("t cell") == ["t cell", "t-cell"]
    assert "β cell of pancreatic islet" in name_variants("beta cell of pancreatic islet")
    assert name_variants("hepatocyte") == ["hepatocyte"]


def test_the_shipped_lexicon_holds_the_variants_and_no_bare_cell():
    names = {row["text"]: row["cl_id"] for row in read_jsonl_resource("cl_lexicon.jsonl")}
    assert names["t-cells"] == names["t cells"] == "CL:0000084"
    assert "cell" not in names and "cells" not in names


def test_variants_write_a_pair_of_chains_as_two_greek_letters():
    assert {"γδ t cell", "γδ-t cell"} <= set(name_variants("gamma-delta t cell"))
    assert "αβ t cell" in name_variants("alpha-beta t cell")
    assert name_variants("beta cell") == ["beta cell", "beta-cell", "β cell", "β-cell"]


def test_a_name_whose_last_word_is_a_countable_cell_gets_its_plural():
    from celltx.normalize.cl_lexicon import plurals

    assert plurals("neutrophil") == ["neutrophils"]
    assert plurals("t-cell") == ["t-cells"]
    assert plurals("photoreceptor") == ["photoreceptors"]
    assert plurals("spermatozoon") == ["spermatozoa"]  # an irregular plural
    assert plurals("myoepithelial cell of the mammary gland") == []  # ends in a tissue
    assert plurals("microglia") == []


def test_the_shipped_lexicon_holds_plurals_beyond_cell_and_cyte():
    names = {row["text"]: row["cl_id"] for row in read_jsonl_resource("cl_lexicon.jsonl")}
    assert names["neutrophils"] == names["neutrophil"] == "CL:0000775"
    assert names["spermatozoa"] == names["spermatozoon"]
    assert names["tregs"] == names["treg"]
