"""celltx.trial.arms: arm names, roles, mentions given to arms, counts and demographics."""

from __future__ import annotations

import pytest

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
    # "the brimonidine-treated group" and "the brimonidine group" are one arm; "untreated" stays
    assert arms_mod.arm_key("the brimonidine-treated group") == arms_mod.arm_key("brimonidine group") == "brimonidine"
    assert arms_mod.arm_key("untreated group") == "untreated"


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


def test_cells_measured_or_described_are_no_arm_product():
    # before: the treatment group's products were the tumour cells and T cells the abstract
    # describes and measures, beside the dendritic cells it gives
    text = ("Tumour cells escape immune surveillance. Patients in the treatment group had dendritic cell "
            "vaccine therapy and the control group had chemotherapy alone. In the treatment group the "
            "proportion of T cells rose.")
    rec = record(text, [
        ("CELL_TYPE", "Tumour cells", cell("CL:0001063")),
        ("CELL_TYPE", "dendritic cell", cell("CL:0000451")),
        ("CELL_TYPE", "T cells", cell("CL:0000084")),
    ])
    treated = [a for a in arms_of(rec) if a["role"] == "experimental"]
    assert treated and [c["cl_id"] for c in treated[0]["cell_types"]] == ["CL:0000451"]


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
    assert [(a["label"], a["n"]) for a in arms] == [("drug X(A)", 20), ("drug X(B)", 21), ("insulin detemir (IDet)", 19)]


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


# --- arms named by ids, brackets, count lists, implied controls (trial3) --------------------


def test_groups_listed_by_letter_with_bracketed_roles_and_counts():
    text = ("Ninety adults were divided randomly into groups A (control; n=30), B (HX; n=31) and C (HX + KL; n=29). "
            "Group B received HX daily. Group C received HX and KL.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["n"]) for a in arms] == [
        ("group A (control)", "control", 30), ("group B (HX)", "experimental", 31), ("group C (HX + KL)", "experimental", 29)]


def test_letter_and_letter_digit_group_ids_but_not_a_number_with_a_decimal():
    text = ("Drug K was given at 2, 4 and 6 ng/mL in groups R2, R4 and R6, respectively. "
            "Pressure was stable in group R4. In Group T the level was 12.5; it was higher in the group 48.5 mmol/L sample.")
    labels = [a["label"] for a in arms_of(record(text, []))]
    assert labels == ["group R2", "group R4", "group R6", "Group T"]


def test_a_bracketed_abbreviation_after_the_first_name_is_part_of_the_label():
    text = "Adults were randomized to the usual diet group (UD) or the low salt group (LS). The LS group lost weight."
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["usual diet group (UD)", "low salt group (LS)"]
    assert arms[0]["role"] == "control"


def test_either_a_or_no_treatment_names_two_arms():
    text = "The effect of either an herbal blend (HB) or no active treatment (noHB) was tested on LDL cholesterol."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("herbal blend (HB)", "experimental", None), ("no active treatment (noHB)", "control", "none")]


def test_treated_either_with_a_or_with_placebo():
    text = "Rats were treated either with the enzyme activator zetaxib or with placebo orally for 8 weeks."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [("enzyme activator zetaxib", "experimental"), ("placebo", "control")]


def test_conditions_after_patients_with_and_strata_are_no_arms():
    text = ("In a randomized study, 200 patients with glaucoma or ocular hypertension were enrolled. "
            "Animals were randomized into subgroups without or with hypoxia and ventilated.")
    assert [a["label"] for a in arms_of(record(text, []))] == []


def test_count_list_names_arms_with_their_sizes():
    text = ("Sixty children were studied. Fixed dosing of drug Q (0.5 mg/kg) (n = 20) or dosing titrated to a "
            "target (TT; n = 21) or dosing by weight band (WB; n = 19).")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [
        ("Fixed dosing of drug Q", 20), ("dosing titrated to a target (TT)", 21), ("dosing by weight band (WB)", 19)]


def test_a_count_list_of_seasons_in_a_sentence_with_a_verb_is_no_arms():
    text = "Cattle were weighed during winter (n = 50), spring (n = 64) and summer (n = 61)."
    assert arms_of(record(text, [])) == []


def test_versus_with_bracketed_abbreviations_in_the_aim():
    text = ("PURPOSE: To compare the efficacy of drug alpha fixed combination (DAFC) versus drug beta fixed "
            "combination (DBFC), each given twice daily, in adults.")
    labels = [a["label"] for a in arms_of(record(text, []))]
    assert labels == ["drug alpha fixed combination (DAFC)", "drug beta fixed combination (DBFC)"]


def test_a_placebo_compared_with_but_never_named_as_a_group_is_an_arm():
    text = "In the randomized study, weight increased in the zetaxib-treated group, and glucose fell by 2% compared to placebo."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("zetaxib-treated group", "experimental", None), ("placebo", "control", "placebo")]


def test_no_implied_control_beside_a_named_control_group():
    text = "The drug group and the control group were compared; glucose fell compared to placebo."
    assert [a["label"] for a in arms_of(record(text, []))] == ["drug group", "control group"]


def test_crossover_arms_each_hold_the_whole_cohort():
    text = ("Twelve patients were enrolled in a randomized cross-over study. Patients were randomized to receive "
            "either drug K or drug L.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("drug K", 12), ("drug L", 12)]


def test_a_dose_inside_a_group_name_and_generic_arm_words():
    text = ("Thirty patients in the zetamol 2% group and 40 in the betamol 0.5% group had side effects. "
            "The change in each treatment arm and per randomization arm was small.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("zetamol 2% group", 30), ("betamol 0.5% group", 40)]


def test_with_either_after_a_condition_is_no_choice_of_treatment():
    text = ("Patients with either early or late relapse were randomly assigned to drug K or drug L. "
            "Rats were treated with either drug M or saline.")
    labels = [a["label"] for a in arms_of(record(text, []))]
    assert labels[:2] == ["drug K", "drug L"] and "early" not in " ".join(labels)


def _dose(surface, low, unit, occurrence=1):
    return ("DOSE", surface, {"low": low, "high": low, "unit": unit, "level": None}, occurrence)


def test_a_list_of_doses_of_one_drug_gives_one_arm_per_dose_beside_placebo():
    text = ("In all, 90 adults were randomized to placebo or zorbitol 1.5, 3, or 6 mg once daily for 8 weeks. "
            "Weight fell most with zorbitol 6 mg.")
    rec = record(text, [_dose("1.5", 1.5, "mg"), _dose("3", 3.0, "mg"), _dose("6 mg", 6.0, "mg"), _dose("6 mg", 6.0, "mg", 2)])
    arms = arms_of(rec)
    assert [(a["label"], a["role"]) for a in arms] == [
        ("placebo", "control"), ("zorbitol 1.5 mg", "experimental"), ("zorbitol 3 mg", "experimental"),
        ("zorbitol 6 mg", "experimental")]
    assert [a["dose"] and (a["dose"]["low"], a["dose"]["unit"]) for a in arms] == [None, (1.5, "mg"), (3.0, "mg"), (6.0, "mg")]
    assert arms[0]["n"] is None  # the 90 were randomized to all of them


def test_doses_in_brackets_per_kg_and_a_reference_dose_is_the_active_control():
    text = ("Children are randomised to receive a dose of kalidone (0.2, 0.5 or 0.9 mg base/kg) or placebo. "
            "Efficacy is compared to the reference dose, 0.9 mg base/kg.")
    rec = record(text, [_dose("0.2", 0.2, "mg"), _dose("0.5", 0.5, "mg"), _dose("0.9 mg", 0.9, "mg"), _dose("0.9 mg", 0.9, "mg", 2)])
    arms = arms_of(rec)
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("kalidone 0.2 mg base/kg", "experimental", None), ("kalidone 0.5 mg base/kg", "experimental", None),
        ("kalidone 0.9 mg base/kg", "control", "active"), ("placebo", "control", "placebo")]
    assert arms[0]["dose"]["unit"] == "mg/kg"


def test_two_doses_named_after_the_drug_and_doses_written_before_it():
    text = "A randomized, placebo-controlled study of two doses of fenatrol: 100 and 200 ug."
    arms = arms_of(record(text, [_dose("100", 100.0, "ug"), _dose("200 ug", 200.0, "ug")]))
    assert [a["label"] for a in arms] == ["fenatrol 100 ug", "fenatrol 200 ug", "placebo"]
    text = ("Adults were immunized with either 20 ug ZVX, 40 ug of ZVX or alum as placebo. "
            "Response was 30% and 12% in the 40 ug ZVX and placebo groups, respectively.")
    arms = arms_of(record(text, [_dose("20 ug", 20.0, "ug"), _dose("40 ug", 40.0, "ug"), _dose("40 ug", 40.0, "ug", 2)]))
    assert [a["label"] for a in arms] == ["20 ug ZVX", "40 ug ZVX", "placebo"]


@pytest.mark.parametrize(
    ("text", "spans", "labels"),
    [
        # the drug's name before each dose
        ("Patients were randomized to receive zorbitol 10 mg, zorbitol 25 mg, or placebo.",
         [_dose("10 mg", 10.0, "mg"), _dose("25 mg", 25.0, "mg")], ["zorbitol 10 mg", "zorbitol 25 mg", "placebo"]),
        # each dose with its unit, in brackets after the drug
        ("Patients were randomized to once-daily zorbitol (5 mg or 15 mg) or placebo.",
         [_dose("5 mg", 5.0, "mg"), _dose("15 mg", 15.0, "mg")], ["zorbitol 5 mg", "zorbitol 15 mg", "placebo"]),
        # two doses spanned as one ("2 or 4 mg", normalised as from 2 to 4)
        ("Patients were randomised to once-daily placebo or zorbitol 2 or 4 mg for 24 weeks.",
         [("DOSE", "2 or 4 mg", {"low": 2.0, "high": 4.0, "unit": "mg", "level": None})],
         ["placebo", "zorbitol 2 mg", "zorbitol 4 mg"]),
        # "received placebo or X (...)", "doses of" after the drug, a no-break space before the unit
        ("In total 352 patients received placebo or zorbitol (10, 20, or 30\u00a0mg BID).",
         [_dose("10", 10.0, "mg"), _dose("20", 20.0, "mg"), _dose("30\u00a0mg", 30.0, "mg")],
         ["placebo", "zorbitol 10 mg", "zorbitol 20 mg", "zorbitol 30 mg"]),
        ("A randomized trial comparing across zorbitol doses of 11, 14 and 20 mg/kg/day.",
         [_dose("11", 11.0, "mg"), _dose("14", 14.0, "mg"), _dose("20 mg/kg/day", 20.0, "mg/kg/day")],
         ["zorbitol 11 mg/kg/day", "zorbitol 14 mg/kg/day", "zorbitol 20 mg/kg/day"]),
    ],
)
def test_dose_arms_written_other_ways(text, spans, labels):
    assert [a["label"] for a in arms_of(record(text, spans))] == labels


def test_a_dose_list_beside_named_groups_makes_no_new_arms():
    text = "Patients were randomized to group A5 or group A10 (drug Q 5 or 10 ug)."
    arms = arms_of(record(text, [_dose("5", 5.0, "ug"), _dose("10 ug", 10.0, "ug")]))
    assert [a["label"] for a in arms] == ["group A5", "group A10"]


def test_an_arms_shorter_name_and_its_abbreviation_name_it_too():
    text = ("Adults were randomized to zorbitol or to insulin glargine (IGlar). In the zorbitol 2 mg group "
            "weight fell. Zorbitol was well tolerated; IGlar caused more hypoglycaemia (n = 7, p = 0.01).")
    rec = record(text, [])
    doc = Doc.from_record(rec)
    arms = arms_mod.find_arms(doc)
    refs = {a.label: [doc.text[s:e] for s, e in a.refs] for a in arms}
    assert refs == {"zorbitol": ["zorbitol", "zorbitol 2 mg group", "Zorbitol"],
                    "insulin glargine (IGlar)": ["insulin glargine", "IGlar", "IGlar"]}
    assert [a["n"] for a in arms_of(rec)] == [None, None]  # "(n = 7, p = 0.01)" counts events


def test_the_arm_the_others_are_compared_with_is_the_active_control():
    text = ("Adults were randomized to the zorbitol group or the kalidone group. "
            "Weight fell more in the zorbitol group compared with the kalidone group.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("zorbitol group", "experimental", None), ("kalidone group", "control", "active")]


def test_drug_x_non_inferior_to_drug_y_and_arms_compared_both_ways_stay_experimental():
    text = "Patients were randomized to group I or group II. Group I was non-inferior to group II at 12 months."
    arms = arms_of(record(text, []))
    assert [a["role"] for a in arms] == ["experimental", "control"]
    text = ("Patients were randomized to group I or group II. Ferritin was lower in group I than in group II, "
            "and pain was lower in group II than in group I.")
    assert [a["role"] for a in arms_of(record(text, []))] == ["experimental", "experimental"]


def test_the_original_product_is_the_reference_for_a_generic_one():
    text = "Volunteers received Generic Zorbitol and Original-Zorbitol in random order (crossover)."
    rec = record(text, [])
    doc = Doc.from_record(rec)
    arms = [arms_mod.Arm(key="generic zorbitol", label="Generic Zorbitol", first=0),
            arms_mod.Arm(key="original zorbitol", label="Original-Zorbitol", first=30)]
    arms_mod.assign_roles(doc, arms)
    assert [(a.role, a.comparator) for a in arms] == [("experimental", None), ("control", "active")]


def test_a_group_named_by_its_role_joins_the_one_named_arm_of_that_role():
    text = ("Children were allocated to the zinc treatment group (n = 20) or the untreated control group (n = 18). "
            "After six months, growth was faster in the treatment group than in the control group.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["n"]) for a in arms] == [
        ("zinc treatment group", "experimental", 20), ("untreated control group", "control", 18)]


def test_role_named_groups_stay_apart_when_the_text_counts_them():
    text = ("Rats were divided into three groups: the saline placebo group, the control group and the drug group. "
            "The control group received nothing.")
    arms = arms_of(record(text, []))
    assert len(arms) == 3


def test_two_treatments_of_a_comparing_with_sentence_are_the_arms():
    text = ("We report a randomized trial comparing nasal irrigation with usual care in chronic sinusitis. "
            "Symptoms improved more with irrigation.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [("nasal irrigation", "experimental"), ("usual care", "control")]


def test_arm_sizes_listed_with_compared_to():
    text = "Drug Q (20 mg daily; N=21) compared to placebo (N=19) for 10 weeks did not change sleep."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("Drug Q", 21), ("placebo", 19)]


def test_arm_sizes_as_bare_counts():
    text = ("Smokers were randomized to the nicotine patch group (IC: 41; weekly visits) or the counselling group (39). "
            "Adults were also seen.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("nicotine patch group", 41), ("counselling group", 39)]


def test_arm_sizes_written_before_the_arm_without_the():
    text = "Forty wards took part, with 20 randomly assigned to Arm X and 19 to Arm Y."
    assert [(a["label"], a["n"]) for a in arms_of(record(text, []))] == [("Arm X", 20), ("Arm Y", 19)]
    text = "Of the 24 children enrolled, 12 were on melatonin. The melatonin group slept longer."
    assert [(a["label"], a["n"]) for a in arms_of(record(text, []))] == [("melatonin group", 12)]


def test_two_names_sharing_one_singular_arm_word():
    text = ("Adults were randomised to a Light On or Light Off arm for 3 months. "
            "Sleep was longer in the Light Off arm than in the Light On arm.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["Light On", "Light Off"]


def test_the_arm_a_conclusion_holds_the_other_up_against_is_the_control():
    text = ("A randomised study of drip versus pump dosing of zorbitol. "
            "Nausea was rarer in the drip arm than in the pump arm. "
            "Pump dosing was as effective as drip dosing.")
    arms = arms_of(record(text, []))
    assert sorted((a["label"], a["role"], a["comparator"]) for a in arms) == [
        ("drip arm", "control", "active"), ("pump arm", "experimental", None)]


def test_an_abbreviated_arm_whose_long_form_is_usual_care_is_the_control():
    text = ("The trial weighs BTX against Tutoring as Usual (TAU) in schools. "
            "Pupils are randomised to receive either BTX or TAU.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("BTX", "experimental", None), ("TAU", "control", "standard_care")]


def test_regular_care_is_a_control():
    text = "Patients are randomized to either remote weighing or regular care."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("remote weighing", "experimental", None), ("regular care", "control", "standard_care")]


def test_a_group_that_does_not_receive_the_treatment_is_an_untreated_control():
    text = "Patients were divided to receive (Group 1, n=20) or not receive (Group 2, n=20) drug Q before surgery."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("Group 1", "experimental", None), ("Group 2", "control", "none")]
    text = "Ten clinics were assigned to Arm A and ten to Arm B. Staff at Arm A clinics received coaching while Arm B did not."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("Arm A", "experimental", None), ("Arm B", "control", "none")]


def test_a_group_given_saline_in_a_respectively_list_is_the_placebo_control():
    text = ("In this placebo-controlled study, groups K0, K1 and K2 were given saline, drug Q 1 mg and drug Q 2 mg, "
            "respectively. Pain was lower in groups K1 and K2 than in group K0.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("group K0", "control", "placebo"), ("group K1", "experimental", None), ("group K2", "experimental", None)]


def test_arms_compared_side_by_side_in_the_aim_are_both_experimental():
    text = ("We aimed to compare the effect of zorbitol 0.5% and kalidone 2% in adults with gout. "
            "Urate fell more in the zorbitol group than in the kalidone group.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [
        ("zorbitol group", "experimental"), ("kalidone group", "experimental")]


def test_a_drug_that_is_part_of_the_other_arms_combination_is_the_control():
    text = ("To compare the efficacy of zorbitol/kalidone combination (ZKC) and 1% kalidone in gout. "
            "Urate fell more in the ZKC group than in the 1% kalidone group.")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in arms] == [
        ("ZKC group", "experimental", None), ("1% kalidone group", "control", "active")]


def test_an_arm_named_with_its_dose_first_is_also_named_by_the_product_alone():
    text = ("Adults were randomized to 40 g/day zorbitol or kalidone for 8 weeks. "
            "Weight did not differ (kalidone: 80 kg; zorbitol: 79 kg).")
    arms = arms_mod.find_arms(Doc.from_record(record(text, [])))
    zorb = next(a for a in arms if "zorbitol" in a.label)
    assert any(text[s:e] == "zorbitol" for s, e in zorb.refs)


def test_a_strength_and_rate_without_a_product_gives_no_short_name():
    text = ("Patients received zorbitol 0.5% once daily (n = 40) or kalidone 2% twice daily (n = 41). "
            "Zorbitol once daily was better tolerated.")
    arms = arms_mod.find_arms(Doc.from_record(record(text, [])))
    assert all("once daily" not in arm.names for arm in arms)


def test_arms_listed_with_numbers_in_an_allocation_sentence():
    text = ("Ninety adults will be randomised to one of three groups: (1) zorbitol pump: doses set by a model; "
            "(2) bedside titration: doses set by nurses; (3) usual care. The primary outcome is time in range.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["zorbitol pump", "bedside titration", "usual care"]
    assert [a["role"] for a in arms] == ["experimental", "experimental", "control"]


def test_a_numbered_list_of_outcomes_names_no_arms():
    text = "Outcomes were (1) mortality and (2) length of stay. Zorbitol was given to all patients."
    assert len(arms_of(record(text, []))) <= 1


def test_treatments_compared_in_the_results_when_no_arm_is_named_otherwise():
    text = ("A double-masked, 4-month trial in 120 adults. Success was achieved in 70% of patients\n"
            "treated with zorbitol, as compared with 52% of patients treated with kalidone (P = 0.03).")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["zorbitol", "kalidone"]
    text = "A crossover study in 40 women. Symptom scores fell more with zorbitol compared with placebo (p = 0.01)."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [("zorbitol", "experimental"), ("placebo", "control")]


def test_values_compared_with_baseline_are_no_arms():
    text = "A pilot study in 20 adults. Scores were lower with zorbitol compared with baseline (p = 0.01)."
    assert [a["label"] for a in arms_of(record(text, []))] in ([], [None])


def test_two_treatments_in_brackets_after_an_allocation_word():
    text = "The trial has a balanced (1:1) treatment allocation (early surgery vs delayed surgery). Outcomes at 13 weeks."
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["early surgery", "delayed surgery"]


def test_a_description_in_brackets_does_not_hide_the_first_of_two_compared_treatments():
    text = ("This trial will compare early scoping (performed within 24 h) versus elective scoping "
            "(performed after 24 h) in adults with bleeding.")
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["early scoping", "elective scoping"]


def test_alternatives_after_randomization_to_a_colon_and_product_codes():
    text = "Adults used drug P during a run-in before randomization to masked zorbitol or vehicle drops."
    assert [a["label"] for a in arms_of(record(text, []))] == ["masked zorbitol", "vehicle drops"]
    text = "Adults will be randomised to one of two groups: TEAM CALL or SELF CALL."
    assert [a["label"] for a in arms_of(record(text, []))] == ["TEAM CALL", "SELF CALL"]
    text = "A multicentre trial. Patients randomly received Z1234 or kalidone once daily for 12 weeks."
    assert [a["label"] for a in arms_of(record(text, []))] == ["Z1234", "kalidone"]


def test_treatments_compared_between_two_programmes_or_in_the_results():
    text = "A 12-month trial compared weight outcomes between the Narnia Lifestyle Programme and usual care."
    arms = arms_of(record(text, []))
    assert [(a["label"], a["role"]) for a in arms] == [("Narnia Lifestyle Programme", "experimental"), ("usual care", "control")]
    text = "A secondary analysis of a trial. LDL was 11 mg/dL lower in GMQ compared with usual care (p = 0.006)."
    assert [a["label"] for a in arms_of(record(text, []))] == ["GMQ", "usual care"]


def test_a_group_named_by_what_a_numbered_group_received_is_that_group():
    text = ("Newborns were randomly divided into two groups. Group I received a single dose of 50 mg/kg "
            "drugzole and the other group served as control group. ABC fell faster in the drugzole group.")
    rec = record(text, [("DOSE", "50 mg/kg", {"low": 50.0, "high": 50.0, "unit": "mg/kg", "level": None})])
    arms = arms_of(rec)
    assert [(a["label"], a["role"]) for a in arms] == [("Group I", "experimental"), ("control group", "control")]
    assert arms[0]["dose"]["low"] == 50.0


def test_a_dose_in_the_eligibility_criteria_is_no_arm_s_dose():
    text = ("Inclusion criteria were a body weight between 2500 to 4000 g. "
            "Infants were randomized to drugzole or placebo. Drugzole was given at 50 mg/kg.")
    rec = record(text, [
        ("DOSE", "2500 to 4000 g", {"low": 2500.0, "high": 4000.0, "unit": "g", "level": None}),
        ("DOSE", "50 mg/kg", {"low": 50.0, "high": 50.0, "unit": "mg/kg", "level": None}),
    ])
    arms = arms_of(rec)
    assert [(a["label"], (a["dose"] or {}).get("low")) for a in arms] == [("drugzole", 50.0), ("placebo", None)]


def test_numbered_groups_sharing_out_a_respectively_list_are_the_groups_named_by_the_items():
    text = ("Women were randomized into three groups. After induction, 2.5 ml of juice was aspirated, "
            "after which groups 1, 2, and 3 received 50 mg, 75 mg, and 100 mg of drugzole, respectively. "
            "ABC rose in the 50 mg group, the 75 mg group and the 100 mg group.")
    rec = record(text, [
        ("DOSE", "2.5 ml", {"low": 2.5, "high": 2.5, "unit": "mL", "level": None}),
        ("DOSE", "50 mg", {"low": 50.0, "high": 50.0, "unit": "mg", "level": None}),
        ("DOSE", "75 mg", {"low": 75.0, "high": 75.0, "unit": "mg", "level": None}),
        ("DOSE", "100 mg", {"low": 100.0, "high": 100.0, "unit": "mg", "level": None}),
    ])
    arms = arms_of(rec)
    assert [(a["label"], a["dose"]["low"]) for a in arms] == [("50 mg group", 50.0), ("75 mg group", 75.0), ("100 mg group", 100.0)]


def test_a_group_named_by_its_dose_takes_that_dose_in_its_most_specific_unit():
    text = ("Patients were randomized to 5 mg/day or 10 mg/day of drugzole or to no medication. "
            "The 5-mg group and the 10-mg group were compared with the no-medication group.")
    rec = record(text, [
        ("DOSE", "5 mg/day", {"low": 5.0, "high": 5.0, "unit": "mg/day", "level": None}),
        ("DOSE", "10 mg/day", {"low": 10.0, "high": 10.0, "unit": "mg/day", "level": None}),
        ("DOSE", "5-mg", {"low": 5.0, "high": 5.0, "unit": "mg", "level": None}),
        ("DOSE", "10-mg", {"low": 10.0, "high": 10.0, "unit": "mg", "level": None}),
    ])
    doses = {a["label"]: (a["dose"] or {}).get("unit") for a in arms_of(rec)}
    assert doses.get("5-mg group") == "mg/day" and doses.get("10-mg group") == "mg/day"


def test_a_group_named_in_quotes_is_an_arm():
    text = ('Sixty adults took fibre in the morning or in the evening, in randomized order. '
            'ABC for the "AM first" group was 5.76 mmol/L and for the "PM first" group 5.47 mmol/L.')
    arms = arms_of(record(text, []))
    assert [a["label"] for a in arms] == ["AM first group", "PM first group"]


def test_a_treatment_paired_with_placebo_after_an_introducing_word_gives_two_arms():
    # no group names, no randomisation sentence: the pairing with placebo is what names the arms
    text = ("Twenty healthy men were studied on two occasions. After ingesting capsaicin (500 mg) or placebo "
            "capsules, gastric emptying was measured.")
    assert [(a["label"], a["role"], a["comparator"]) for a in arms_of(record(text, []))] == [
        ("capsaicin", "experimental", None), ("placebo", "control", "placebo")]
    results = "Differences between sertraline and placebo were small on every scale."
    assert [a["label"] for a in arms_of(record(results, []))] == ["sertraline", "placebo"]


def test_a_measured_substance_next_to_placebo_is_no_treatment_pair():
    # "concentrations of X and placebo ..." has no word that introduces a treatment
    text = "Plasma concentrations of melatonin and placebo capsules' excipient were measured."
    assert "melatonin" not in [a["label"] for a in arms_of(record(text, []))]


def test_a_comparison_verb_before_both_treatments_names_two_arms():
    # "compared the effects of A and B", "comparing A with B": the verb comes first, so the
    # "A compared with B" reading does not see them
    text = "We compared the effects of placebo and 10 mg intravenous theophylline in nine volunteers."
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("placebo", "control"), ("theophylline", "experimental")]
    text = "Two studies comparing ketoprofen 2% cream with vehicle cream in knee pain were pooled."
    assert [a["label"] for a in arms_of(record(text, []))] == ["ketoprofen 2% cream", "vehicle cream"]
    # what is compared here is people, not treatments
    text = "We compared outcomes of patients with and without cirrhosis."
    assert arms_of(record(text, [])) == []


def test_two_counted_groups_receiving_named_treatments_name_two_arms():
    text = "Thirty patients finished the study; 14 received melatonin and 16 placebo."
    assert [a["label"] for a in arms_of(record(text, []))] == ["melatonin", "placebo"]


def test_a_study_group_set_against_a_control_group_is_the_treated_arm():
    text = ("Chest physiotherapy was given to the control group (n = 51) and, with vibrations added, to the "
            "study group (n = 50). Mortality was lower in the study group than in the control group.")
    assert [(a["label"], a["role"], a["n"]) for a in arms_of(record(text, []))] == [
        ("control group", "control", 51), ("study group", "experimental", 50)]
    # with no control group to set it against, "the study group" is the whole sample
    text = "The study group consisted of 40 adults with asthma who inhaled budesonide."
    assert "study group" not in [a["label"] for a in arms_of(record(text, []))]


def test_a_placebo_controlled_trial_names_its_product_by_the_word_before_the_first_dose():
    text = "This double-blind, placebo-controlled trial evaluated ivacaftor (150 mg) for 48 weeks."
    dose = [("DOSE", "150 mg", {"low": 150.0, "high": 150.0, "unit": "mg"})]
    assert sorted((a["label"], a["role"]) for a in arms_of(record(text, dose))) == [
        ("ivacaftor", "experimental"), ("placebo", "control")]
    # a verb before the dose names no product
    text = "In this placebo-controlled trial patients received 5 mg daily."
    dose = [("DOSE", "5 mg", {"low": 5.0, "high": 5.0, "unit": "mg"})]
    assert "received" not in [a["label"] for a in arms_of(record(text, dose))]


def test_capitalised_group_names_are_arms_and_named_bodies_are_not():
    text = ("Forty adults were divided into two groups, Walking Group (WG; n = 20) and Control Group "
            "(CG; n = 20), at random. The Control Group kept its usual routine.")
    assert [(a["label"], a["role"], a["n"]) for a in arms_of(record(text, []))] == [
        ("Walking Group (WG)", "experimental", 20), ("Control Group (CG)", "control", 20)]
    # a body named "... Group" is no arm
    text = ("Patients with an Eastern Cooperative Oncology Group score of 0-1, as the Writing Group "
            "advised, were enrolled.")
    assert arms_of(record(text, [])) == []


def test_counted_alternatives_after_a_supplementation_verb_name_two_arms():
    text = "Thirty runners completed 4 weeks of supplementation with 3 g/day of creatine (n = 15) or placebo (PL; n = 15)."
    assert [(a["label"], a["n"]) for a in arms_of(record(text, []))] == [("creatine", 15), ("placebo (PL)", 15)]


def test_an_intake_noun_or_supplemented_with_introduces_the_alternatives():
    text = "Energy expenditure was measured after the ingestion of a caffeine drink or placebo."
    assert [a["label"] for a in arms_of(record(text, []))] == ["caffeine drink", "placebo"]
    text = "Adults were supplemented with zinc (25 mg/day) or selenium (100 ug/day) for eight weeks."
    assert [a["label"] for a in arms_of(record(text, []))] == ["zinc", "selenium"]


def test_the_units_of_a_cluster_trial_name_its_arms():
    text = ("Twelve schools were randomised. Intervention schools ran the programme; control schools did not. "
            "Pupils in intervention schools ate more fruit.")
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("Intervention schools", "experimental"), ("control schools", "control")]
    # one kind of unit alone names no pair of arms
    assert arms_of(record("Control schools were visited twice.", [])) == []


def test_words_that_compare_or_form_groups_name_no_arm():
    text = ("Adults were randomised to walking or usual care. There were no significant group differences; "
            "unequal group sizes arose; inter group and intra group comparisons and gender groups were reported.")
    labels = [a["label"] for a in arms_of(record(text, []))]
    assert not any(w in label for label in labels for w in ("significant", "unequal", "inter", "intra", "gender"))
    text = "The MSC group (n = 20) and the control group (n = 20) were compared."
    assert [a["label"] for a in arms_of(record(text, []))] == ["MSC group", "control group"]


def test_words_that_describe_what_is_done_with_groups_name_no_arm():
    text = ("Analyses were performed to determine group differences between the intervention group and the "
            "control group; a main effect group analysis followed. Gastritis is a heterogeneous group of "
            "disorders, seen in a consecutive group of patients.")
    assert [a["label"] for a in arms_of(record(text, []))] == ["intervention group", "control group"]


def test_a_count_after_a_named_group_is_no_numbered_group():
    text = ("Patients were randomized to eradication or placebo. In the eradication group 13 (20%) patients "
            "and in the placebo group 79 (45%) patients improved.")
    assert [a["label"] for a in arms_of(record(text, []))] == ["eradication group", "placebo group"]
    # a group numbered as arms are ("the treatment program group 1") stays an arm
    text = "Patients were randomized to the treatment program group 1 or the usual care group."
    assert "group 1" in [a["label"] for a in arms_of(record(text, []))]


def test_a_list_after_the_counted_groups_of_an_allocation_names_the_arms():
    text = "All patients were allocated randomly in two study groups, MMC and acetic acid."
    assert [a["label"] for a in arms_of(record(text, []))] == ["MMC", "acetic acid"]
    text = "Subjects were randomly divided into three groups: control (n = 6), decaffeinated (n = 10), and caffeine (n = 10)."
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("control", "control"), ("decaffeinated", "experimental"), ("caffeine", "experimental")]
    text = "Subjects were randomized into 2 groups (paracetamol and ibuprofen)."
    assert [a["label"] for a in arms_of(record(text, []))] == ["paracetamol", "ibuprofen"]
    assert arms_of(record("Patients were randomly assigned to two groups (n = 30 each).", [])) == []
    # counts before the names are not part of them
    text = "Scars were randomized to two arms, 50 control and 50 silicone gel."
    assert [a["label"] for a in arms_of(record(text, []))] == ["control", "silicone gel"]


def test_a_list_after_counted_groups_names_no_arms_without_allocation_or_with_another_count():
    # groups of a result, not of the allocation
    assert arms_of(record("In the two arms, mean birth weight and head circumference were similar.", [])) == []
    # three items for two groups: not the list of the groups
    text = "Patients were randomized into two groups, YLSP and conventional program, and followed for 5 years."
    assert arms_of(record(text, [])) == []


def test_a_treatment_named_with_how_it_is_given_is_the_same_arm():
    text = ("Patients received zorbitol 400 mg or placebo. Overall, 265 women were randomised to maintenance "
            "zorbitol (n=136) or placebo (n=129).")
    arms = arms_of(record(text, []))
    assert [(a["label"], a["n"]) for a in arms] == [("zorbitol", 136), ("placebo", 129)]


def test_a_title_names_the_tested_treatment_when_the_text_names_no_arm():
    text = ("TITLE: Effects of a mindfulness-based walking programme on sleep quality in older adults\n\n"
            "ABSTRACT: Sixty adults took part. Sleep quality improved after eight weeks.")
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("mindfulness-based walking programme", "experimental")]
    text = ("TITLE: Efficacy and safety of regular intake of green tea extract in obese women: a randomized trial\n\n"
            "ABSTRACT: Weight fell.")
    assert [a["label"] for a in arms_of(record(text, []))] == ["green tea extract"]
    text = "TITLE: A randomised controlled trial of text message reminders for vaccination in infants\n\nABSTRACT: x."
    assert [a["label"] for a in arms_of(record(text, []))] == ["text message reminders"]


def test_a_title_that_studies_an_outcome_or_names_arms_otherwise_gives_no_title_arm():
    # what the title studies ends in an outcome word: no treatment is named
    text = "TITLE: Impact of diabetes status on survival after cardiac surgery\n\nABSTRACT: We followed 400 adults."
    assert arms_of(record(text, [])) == []
    # arms named in the text come first; the title is not read
    text = ("TITLE: Effect of zinc on growth in children\n\nABSTRACT: Children were randomized to the zinc group "
            "(n = 40) or the control group (n = 40).")
    assert [a["label"] for a in arms_of(record(text, []))] == ["zinc group", "control group"]


def test_a_comparator_named_by_what_it_is_is_the_implied_control_arm():
    text = "TITLE: Effect of meloxicam on pain in dogs\n\nABSTRACT: Six dogs were injected with meloxicam and 6 were given placebo."
    assert [(a["label"], a["role"], a["comparator"]) for a in arms_of(record(text, []))] == [
        ("meloxicam", "experimental", None), ("placebo", "control", "placebo")]
    text = ("TITLE: Effects of a walking programme on fatigue\n\nABSTRACT: Sixty villages took part. Fatigue "
            "fell more than with usual care.")
    assert [(a["label"], a["role"], a["comparator"]) for a in arms_of(record(text, []))] == [
        ("walking programme", "experimental", None), ("usual care", "control", "standard_care")]
    # the specific name wins over a bare "control"
    text = ("TITLE: Efficacy of online coaching for insomnia\n\nABSTRACT: The design has an intervention and a "
            "waiting-list control condition; coaching was compared with control.")
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))][-1] == ("waiting-list control", "control")


def test_the_aim_names_the_tested_treatment_when_the_title_does_not():
    text = ("TITLE: Sleep in shift workers\n\nABSTRACT: Shift work disturbs sleep. This study aimed to assess the "
            "effect of bright light therapy (BLT) on sleep quality in nurses. Sleep improved.")
    assert [a["label"] for a in arms_of(record(text, []))] == ["bright light therapy (BLT)"]
    # a word that alone names no treatment gives no arm
    text = "TITLE: Sleep in shift workers\n\nABSTRACT: We aimed to assess the effect of treatment on sleep in nurses."
    assert arms_of(record(text, [])) == []
    # the title's treatment name is read from a bracketed alias too
    text = "TITLE: The efficacy of stinging nettle (Urtica dioica) in benign prostatic hyperplasia\n\nABSTRACT: x."
    assert [a["label"] for a in arms_of(record(text, []))] == ["stinging nettle (Urtica dioica)"]


def test_an_arm_and_the_short_form_written_after_its_name_are_one_arm():
    # "TAU group" is the arm written "treatment-as-usual (TAU)" (hyphens do not separate keys)
    text = ("Mothers were randomized to an online course or to treatment-as-usual (TAU). "
            "In the TAU group, 12 mothers dropped out.")
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("online course", "experimental"), ("treatment-as-usual (TAU)", "control")]


def test_what_a_lettered_group_is_said_to_receive_right_after_its_name_can_make_it_the_control():
    text = ("Patients were randomized to Group B (n = 45) receiving a nerve block with bupivacaine and "
            "Group N (n = 45) with normal saline. Pain was lower in Group B than in Group N.")
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("Group B", "experimental"), ("Group N", "control")]
    text = ('Clinics were randomized to the new scheme "arm A" or control "arm B". '
            "Testing rose in arm A and fell in arm B.")
    assert [(a["label"], a["role"]) for a in arms_of(record(text, []))] == [
        ("arm A", "experimental"), ("arm B", "control")]
    # a control word later in what a group received does not make it the control
    text = ("Patients were divided into groups. Group 1: a herbal gel was applied with saline rinses. "
            "Group 2: a fluoride gel was applied. Group 1 healed faster than Group 2.")
    assert {a["label"]: a["role"] for a in arms_of(record(text, []))}["Group 1"] == "experimental"


def test_a_mention_before_an_alternative_is_not_the_next_arm_s():
    text = ("Patients were randomized to the latanoprost group or the timolol group. They received "
            "brimonidine 0.2% (n = 73) or latanoprost 0.005% (n = 75) once daily.")
    rec = record(text, [
        ("DOSE", "0.2%", {"low": 0.2, "high": 0.2, "unit": "%", "level": None}),
        ("DOSE", "0.005%", {"low": 0.005, "high": 0.005, "unit": "%", "level": None}),
    ])
    arms = arms_of(rec)
    assert [(a["label"], (a["dose"] or {}).get("low")) for a in arms] == [("latanoprost group", 0.005), ("timolol group", None)]


def test_cells_named_as_another_alternative_are_not_the_next_arm_s_product():
    text = ("Patients were randomized to the drugzole group or the control group. Patients received "
            "dendritic cells or drugzole daily, or placebo.")
    rec = record(text, [("CELL_TYPE", "dendritic cells", cell("CL:0000451"))])
    assert all(a["cell_types"] == [] for a in arms_of(rec))
