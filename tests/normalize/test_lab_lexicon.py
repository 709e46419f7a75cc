"""The LOINC-keyed LAB_TEST lexicon is generated from the labunits table and kept fresh."""

from __future__ import annotations

import json

from celltx.normalize.lab_lexicon import DRUGS, OUT_NAME, _split_name, build_rows
from celltx.normalize.labs import analyte_of
from celltx.resources import patterns_dir


def test_names_and_abbreviations_are_split():
    assert _split_name("Alanine aminotransferase (ALT, SGPT)") == (
        "alanine aminotransferase", ["ALT", "SGPT"])
    assert _split_name("Calcium, ionized")[0] == "ionized calcium"
    assert _split_name("Fatty acids (nonesterified)")[0] == "nonesterified fatty acids"
    assert _split_name("Troponin I (cardiac)") == ("troponin i", [])


def test_rows_carry_loinc_and_the_hand_lexicons_analyte_names():
    rows = build_rows()
    alt = [r for r in rows if r["pattern"] == "alanine aminotransferase"]
    assert alt and alt[0]["loinc"] == "1742-6" and alt[0]["id"] == "alanine aminotransferase"
    hba1c = [r for r in rows if r["loinc"] == "4548-4"]
    assert hba1c and {r["id"] for r in hba1c} == {"hba1c"}
    assert not any(isinstance(r["pattern"], str) and r["pattern"] in DRUGS for r in rows)


def test_the_committed_file_is_what_the_generator_writes():
    path = patterns_dir() / OUT_NAME
    committed = [json.loads(line) for line in path.read_text("utf-8").splitlines()
                 if line.startswith("{")]
    assert committed == build_rows()


def test_generated_names_normalise_through_analyte_of():
    assert analyte_of("Haptoglobin") == "haptoglobin"
    assert analyte_of("Glycated hemoglobin") == "hba1c"
