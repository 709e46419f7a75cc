"""celltx.trial.arms: arm names, roles, mentions given to arms, counts and demographics."""

from __future__ import annotations

from celltx.trial import arms as arms_mod
from celltx.trial.summary import summarize
from celltx.trial.text import Doc

from .helpers import cell, record


def arms_of(rec):
    return summarize(rec)["arms"]


def test_arm_key_reads_roman_numerals_and_drops_group_words():
    assert arms_mod.arm_key("Group I") == "1"
    assert arms_mod.arm_key("group-2") == "2"
    assert arms_mod.arm_key("the UC-MSC group") == "uc-msc"


def test_named_groups_in_order_with_roles_counts_and_products():
    text = ("Sixty patients were randomly assigned to the UC-MSC group (n = 30) or the control group (n = 28). "
            "The UC-MSC group received UC-MSCs at 1x10^6 cells/kg via a peripheral vein; "
            "the control group received standard medical therapy.")
    rec = record(text, [
        ("CELL_TYPE", "UC-MSC", cell("CL:0002569", "umbilical_cord")),
        ("CELL_TYPE", "UC-MSC", cell("CL:0002569", "umbilical_cord"), 2),
        ("CELL_TYPE", "UC-MSCs", cell("CL:0002569", "umbilical_cord")),
        ("DOSE", "1x10^6 cells/kg", {"low": 1e6, "high": 1e6, "unit": "cells/kg", "level": None}),
        ("ROUTE", "peripheral vein", {"route": "intravenous"}),
    ])
    arms = arms_of(rec)
    assert [a["label"] for a in arms] == ["UC-MSC group", "control group"]
    assert [a["role"] for a in arms] == ["experimental", "control"]
    assert [a["n"] for a in arms] == [30, 28]
    assert [(c["cl_id"], c["source"]) for c in arms[0]["cell_types"]] == [("CL:0002569", "umbilical_cord")]
    assert arms[0]["dose"]["low"] == 1e6 and arms[0]["dose"]["unit"] == "cells/kg"
    assert arms[0]["route"] == "intravenous"
    assert arms[1]["cell_types"] == [] and arms[1]["dose"] is None
    assert arms[1]["comparator"] == "standard_care"


def test_numbered_groups_and_whereas():
    text = "Group 1 received PTX only, whereas Group 2 received PTX plus prednisolone 40 mg daily."
    rec = record(text, [("DOSE", "40 mg", {"low": 40.0, "high": 40.0, "unit": "mg", "level": None})])
    arms = arms_of(rec)
    assert [a["label"] for a in arms] == ["Group 1", "Group 2"]
    assert arms[1]["dose"]["low"] == 40.0 and arms[0]["dose"] is None
    assert arms[0]["role"] == "control" and arms[0]["comparator"] == "active"  # "PTX only"


def test_group_i_and_group_ii_are_one_arm_each():
    text = ("The patients were classified into two groups: group I included 100 patients who received A "
            "and group II included 100 patients who received B. Group I had fewer side effects.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("group I", 100), ("group II", 100)]


def test_placebo_arm_and_randomized_to_a_or_b():
    text = "Participants were randomized to receive AUCB or placebo, evaluated at baseline."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("AUCB", "experimental", None), ("placebo", "control", "placebo")]


def test_abbreviation_joins_its_long_form():
    text = ("Patients received MSCs or standard medical therapy (SMT). "
            "ALT fell in the MSC group but not in the SMT group.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["MSC group", "SMT group"]


def test_single_arm_study_gets_one_arm_from_its_product():
    text = "Twelve patients aged 52 ± 8 years (7 men) received autologous BM-MSCs via the hepatic artery."
    rec = record(text, [
        ("CELL_TYPE", "BM-MSCs", cell("CL:0002540", "bone_marrow", "autologous")),
        ("ROUTE", "hepatic artery", {"route": "hepatic_artery"}),
    ])
    arms = arms_of(rec)
    assert len(arms) == 1
    arm = arms[0]
    assert arm["label"] == "autologous BM-MSCs" and arm["role"] == "experimental" and arm["route"] == "hepatic_artery"
    assert arm["age"] == {"value": 52.0, "sd": 8.0, "low": None, "high": None}
    assert arm["male"] == 7


def test_each_group_count_and_respectively():
    text = "A total of 60 patients, 30 in each group, were analysed: the MSC group and the control group."
    assert [a["n"] for a in arms_of(record(text, []))] == [30, 30]
    text = "The MSC and control groups included 20 and 18 patients, respectively."
    doc = Doc.from_record(record(text, []))
    arms = arms_mod.find_arms(doc)
    assert [a.label for a in arms] == ["MSC", "control groups"] or len(arms) <= 2


def test_negated_cells_and_lab_test_cells_are_no_products():
    text = "The control group received placebo without MSCs. CD4+ T cell count rose in the MSC group."
    rec = record(text, [
        ("CELL_TYPE", "MSCs", {**cell("CL:0000134"), "negated": True}),
        ("CELL_TYPE", "CD4+ T cell", cell("CL:0000624")),
        ("LAB_TEST", "CD4+ T cell count", {"analyte": "cd4+ t cell count"}),
    ])
    arms = arms_of(rec)
    assert all(a["cell_types"] == [] for a in arms)


def test_generic_cell_mention_is_dropped_beside_the_specific_product():
    spans = [{"attrs": cell("CL:0000134")}, {"attrs": cell("CL:0002540", "bone_marrow", "autologous")},
             {"attrs": cell("CL:0002540", "bone_marrow", "autologous")}]
    products = arms_mod._cell_products(spans)
    assert [(p["cl_id"], p["source"]) for p in products] == [("CL:0002540", "bone_marrow")]


def test_dose_level_groups_share_the_product_and_route():
    text = ("Twenty-four participants were divided into 3 groups and injected with different amounts of "
            "hUC-MSCs via the peripheral vein. Survival was 67% (low-dose), 100% (medium-dose) and 88% (high-dose).")
    rec = record(text, [
        ("CELL_TYPE", "hUC-MSCs", cell("CL:0002569", "umbilical_cord")),
        ("ROUTE", "peripheral vein", {"route": "intravenous"}),
        ("DOSE", "low-dose", {"low": None, "high": None, "unit": None, "level": "low"}),
        ("DOSE", "medium-dose", {"low": None, "high": None, "unit": None, "level": "medium"}),
        ("DOSE", "high-dose", {"low": None, "high": None, "unit": None, "level": "high"}),
    ])
    arms = arms_of(rec)
    assert [a["label"] for a in arms] == ["low-dose", "medium-dose", "high-dose"]
    assert all(a["route"] == "intravenous" and a["cell_types"][0]["cl_id"] == "CL:0002569" for a in arms)


def test_counts_as_the_treated_group_and_all_of_them():
    text = ("50 patients received MSCs as the treated group and other 20 patients were given placebo as control group. "
            "All 70 of them received routine care.")
    summary = summarize(record(text, []))
    assert [(a["label"], a["n"]) for a in summary["arms"]] == [("treated group", 50), ("control group", 20)]
    assert summary["n_enrolled"] == 70


def test_the_arm_whose_treatment_is_part_of_anothers_is_the_active_control():
    text = "Patients were randomized into the vitamin D + calcium group or the calcium group."
    arms = summarize(record(text, []))["arms"]
    roles = {a["label"]: (a["role"], a["comparator"]) for a in arms}
    assert roles["calcium group"] == ("control", "active")
    assert roles["vitamin D + calcium group"][0] == "experimental"


def test_a_con_group_is_a_control():
    text = "Patients were divided into a DEX group and a CON group."
    arms = summarize(record(text, []))["arms"]
    assert {a["label"]: a["role"] for a in arms}["CON group"] == "control"


def test_drug_versus_placebo_named_without_a_group_word():
    text = ("We randomized 40 adults (mean age, 50 years) with obesity to this double-blind study of "
            "semaglutide 2.4 mg versus placebo for 12 weeks.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("semaglutide", "experimental", None), ("placebo", "control", "placebo")]


def test_design_words_before_a_list_are_no_arms():
    text = ("A randomized, double-blind, crossover study was performed to compare injections of placebo "
            "or insulin lispro (0.1 U/kg) before meals.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [("placebo", "control"), ("insulin lispro", "experimental")]


def test_a_list_of_three_treatments_with_counts_in_brackets():
    text = ("Patients received subcutaneous injections of drug X(A) (300 mg; n = 20), drug X(B) (600 mg; n = 21), "
            "or insulin detemir (IDet; n = 19), all given once daily.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("drug X(A)", 20), ("drug X(B)", 21), ("insulin detemir", 19)]


def test_either_list_with_a_dose_and_an_x_as_placebo():
    text = ("Ten volunteers were immunized with three injections of either 20 mg ABC, 40 mg of ABC or saline "
            "as placebo at monthly intervals.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["20 mg ABC", "40 mg of ABC", "placebo"]
    assert arms[2]["role"] == "control"


def test_randomized_between_a_alone_and_a_plus_b():
    text = "Men were randomized between surgery alone and surgery plus 6 months of hormone therapy."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [
        ("surgery alone", "control"), ("surgery plus 6 months of hormone therapy", "experimental")]


def test_numbered_servings_are_named_by_their_abbreviation_and_unsupplemented_is_a_control():
    text = ("Patients were randomly assigned to consume either 1 (P1) or 2 (P2) bars of a snack daily or remain "
            "unsupplemented (UNS) for 21 days.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms][:2] == ["P1", "P2"]
    assert [a["role"] for a in arms] == ["experimental", "experimental", "control"]


def test_versus_in_a_title_and_results_with_numbers_are_no_arms():
    text = "Effects of soy versus whey protein in older women. Weight fell by 2.1 vs. 1.4 kg (P = 0.03)."
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["soy", "whey protein"]


def test_thresholds_in_a_list_are_no_arms():
    text = ("Patients who received care with BP >=140/90 mmHg, LDL >=100 mg/dL or HbA1c >=9% were eligible. "
            "They were divided into the coaching group and the usual-care group.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["coaching group", "usual-care group"]


def test_a_non_x_group_is_the_control_and_hyphenated_names_are_one_arm():
    arms = arms_of(record("Patients were divided into a GIK group and a non-GIK group.", []))
    assert {a["label"]: a["role"] for a in arms} == {"GIK group": "experimental", "non-GIK group": "control"}
    text = "Men were randomized between RT alone and RT plus androgen ablation. Levels fell in the RT-alone arm."
    arms = arms_of(record(text, []))
    assert len(arms) == 2
