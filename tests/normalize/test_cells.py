"""What stands before a known cell name and belongs to its CELL_TYPE span (celltx.normalize.cells)."""

from __future__ import annotations

import pytest

from celltx.normalize.cells import left_extension


@pytest.mark.parametrize(
    "before, attached",
    [("the mean CD4 ", "CD4 "),  # a marker without a sign
     ("increase of CD95+ CD4+ ", "CD95+ CD4+ "),  # markers one after another
     ("in CD4+CD25+ ", "CD4+CD25+ "),
     ("survival of GAD positive ", "GAD positive "),  # a marker written "X positive"
     ("number of caspase-3-positive ", "caspase-3-positive "),
     ("expression in circulating ", "circulating "),  # a state or site of the population
     ("numbers of effector memory ", "effector memory "),
     ("survival of striatal ", "striatal "),
     ("Placenta-derived human ", "Placenta-derived human ")],
)
def test_markers_states_and_sources_before_a_cell_name_belong_to_it(before, attached):
    assert left_extension(before) == len(attached)


@pytest.mark.parametrize("before", ["infusion of autologous ", "total ", "absolute ", "the ", "ΔCD95"])
def test_donor_words_amounts_and_a_marker_glued_to_a_word_do_not(before):
    assert left_extension(before) == 0


def test_only_the_marker_next_to_the_name_attaches_in_a_list():
    assert left_extension("CD4 and CD8 ") == len("CD8 ")


@pytest.mark.parametrize(
    "text, cl_id",
    [("Th1", "CL:0000545"),  # a curated name the ontology lexicon leaves out (too short)
     ("antigen presenting cells", "CL:0000145"),  # a curated name, in its plural
     ("antigen-presenting cell", "CL:0000145"),
     ("photoreceptors", "CL:0000210"),
     ("breast cancer cell lines", "CL:0001064"),  # the grammar's malignant cells
     ("tumour cells", "CL:0001063"),  # neoplastic (a tumour need not be malignant)
     ("neutrophils", "CL:0000775")],
)
def test_curated_names_and_malignant_cells_have_a_cell_ontology_id(text, cl_id):
    from celltx.normalize.cells import cl_id_of

    assert cl_id_of(text) == cl_id


@pytest.mark.parametrize(
    "text, source",
    [("hUC-MSCs", "umbilical_cord"), ("BM-MNC", "bone_marrow"), ("AD-SVF", "adipose"),
     ("CB-CD34+ cells", "cord_blood"), ("hPMSCs", "placenta"),
     ("PMN", None), ("PMNs", None)],  # the P of a cell's own abbreviation is no placenta
)
def test_a_source_abbreviation_counts_only_before_a_cell_abbreviation(text, source):
    from celltx.normalize.cells import source_of

    assert source_of(text) == source
