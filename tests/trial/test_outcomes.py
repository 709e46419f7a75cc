"""celltx.trial.outcomes: kind, days, arm, p-value and direction of each lab result."""

from __future__ import annotations

from celltx.trial.summary import summarize

from .helpers import days, lab, record, value


def outcomes(rec):
    return summarize(rec)["outcomes"]


def arm_outcomes(rec):
    """Each outcome with the label of the arm it was given to."""
    summary = summarize(rec)
    labels = [a["label"] for a in summary["arms"]]
    return [(labels[o["arm"]], o) for o in summary["outcomes"]]


def test_from_to_gives_baseline_and_follow_up_with_days_and_p():
    text = "Albumin improved from 28 ± 4 to 33 ± 5 g/L at 24 weeks (P < 0.05)."
    rec = record(text, [
        ("LAB_TEST", "Albumin", lab("albumin")),
        ("LAB_VALUE", "28 ± 4", value(28, 4, "g/L")),
        ("LAB_VALUE", "33 ± 5 g/L", value(33, 5, "g/L")),
        ("TIME_POINT", "24 weeks", days(168)),
    ], [("28 ± 4", "Albumin"), ("33 ± 5 g/L", "Albumin")])
    base, follow = outcomes(rec)
    assert (base["kind"], base["days"], base["value"], base["sd"]) == ("baseline", 0.0, 28, 4)
    assert (follow["kind"], follow["days"], follow["value"]) == ("follow_up", 168.0, 33)
    assert follow["p_value"] == {"comparator": "<", "value": 0.05}
    assert follow["direction"] == "improved"
    assert follow["si"]["unit"] == "g/L"


def test_vs_values_follow_the_order_of_the_arms():
    text = ("At 6 months, HbA1c fell more in the insulin group (-1.2% vs. -0.5%; p = 0.002) "
            "than in the metformin group.")
    rec = record(text, [
        ("LAB_TEST", "HbA1c", lab("hba1c")),
        ("LAB_VALUE", "-1.2%", value(-1.2, unit="%")),
        ("LAB_VALUE", "-0.5%", value(-0.5, unit="%")),
        ("TIME_POINT", "6 months", days(180)),
    ], [("-1.2%", "HbA1c"), ("-0.5%", "HbA1c")])
    out = outcomes(rec)
    assert [(o["arm"], o["kind"], o["days"]) for o in out] == [(0, "change", 180.0), (1, "change", 180.0)]
    assert out[0]["p_value"] == {"comparator": "=", "value": 0.002}
    assert round(out[0]["si"]["value"], 1) == -13.1  # a change converts by the slope only


def test_difference_and_baseline_words():
    text = "The between-group difference in ALT was 12 U/L. At baseline, ALT was 80 U/L in the cohort."
    rec = record(text, [
        ("LAB_TEST", "ALT", lab("alanine aminotransferase")),
        ("LAB_VALUE", "12 U/L", value(12, unit="U/L")),
        ("LAB_TEST", "ALT", lab("alanine aminotransferase"), 2),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_VALUE", "80 U/L", value(80, unit="U/L")),
    ], [("12 U/L", "ALT"), ("80 U/L", "ALT#2")])
    out = outcomes(rec)
    assert [(o["kind"], o["days"]) for o in out] == [("difference", None), ("baseline", 0.0)]


def test_eligibility_thresholds_are_kept_apart():
    text = "Patients with a MELD score ≥10 were eligible. MELD fell to 12 ± 3 at 24 weeks."
    rec = record(text, [
        ("LAB_TEST", "MELD score", lab("meld")),
        ("LAB_VALUE", "≥10", value(10, comparator=">=")),
        ("LAB_TEST", "MELD", lab("meld"), 2),
        ("LAB_VALUE", "12 ± 3", value(12, 3)),
        ("TIME_POINT", "24 weeks", days(168)),
    ], [("≥10", "MELD score"), ("12 ± 3", "MELD")])
    summary = summarize(rec)
    assert summary["eligibility"] == [{"analyte": "meld", "comparator": ">=", "value": 10, "unit": None}]
    assert [(o["analyte"], o["kind"], o["days"]) for o in summary["outcomes"]] == [("meld", "follow_up", 168.0)]


def test_target_ranges_are_no_outcomes():
    text = "Insulin was titrated to keep glucose within 4.0-7.0 mmol/L."
    rec = record(text, [
        ("LAB_TEST", "glucose", lab("glucose")),
        ("LAB_VALUE", "4.0-7.0 mmol/L", value(None, unit="mmol/L", low=4.0, high=7.0)),
    ], [("4.0-7.0 mmol/L", "glucose")])
    assert outcomes(rec) == []


def test_unlinked_values_are_no_outcomes():
    rec = record("Albumin 30 g/L.", [("LAB_VALUE", "30 g/L", value(30, unit="g/L"))])
    assert outcomes(rec) == []


def test_a_comparison_shares_its_kind_and_reports_its_p_value_once():
    text = ("Patients took ginger or placebo for 10 weeks. Ginger reduced fasting glucose "
            "(-26.3 ± 35.3 vs. 11.9 ± 38.6 mg/dl; P = 0.001) compared to placebo.")
    rec = record(text, [
        ("TIME_POINT", "10 weeks", days(70)),
        ("LAB_TEST", "fasting glucose", lab("fasting plasma glucose")),
        ("LAB_VALUE", "-26.3 ± 35.3", value(-26.3, 35.3, "mg/dL")),
        ("LAB_VALUE", "11.9 ± 38.6 mg/dl", value(11.9, 38.6, "mg/dL")),
    ], [("-26.3 ± 35.3", "fasting glucose"), ("11.9 ± 38.6 mg/dl", "fasting glucose")])
    first, second = outcomes(rec)
    assert (first["kind"], second["kind"]) == ("change", "change")
    assert (first["days"], second["days"]) == (70.0, 70.0)  # no time of their own: the study's
    assert first["p_value"] == {"comparator": "=", "value": 0.001} and second["p_value"] is None


def test_a_bracket_after_one_arm_reports_that_arm_before_and_after():
    text = ("Levels of ABC rose from the start of surgery to day 2 in the sham group (1.5 ± 0.2 vs 3.1 ± 0.4 ng/mL, "
            "P = 0.01), whereas no change was seen in the drug group.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "1.5 ± 0.2", value(1.5, 0.2, "ng/mL")),
        ("LAB_VALUE", "3.1 ± 0.4 ng/mL", value(3.1, 0.4, "ng/mL")),
        ("TIME_POINT", "day 2", days(2)),
    ], [("1.5 ± 0.2", "ABC"), ("3.1 ± 0.4 ng/mL", "ABC")])
    out = outcomes(rec)
    assert [(o["arm"], o["kind"], o["days"]) for o in out] == [(0, "baseline", 0.0), (0, "follow_up", 2.0)]


def test_an_arm_named_after_its_values_with_for_the():
    text = ("Cholesterol fell from 250 to 230 mg/dL for the diet group and from 248 to 246 mg/dL "
            "for the usual-care group after 12 weeks.")
    rec = record(text, [
        ("LAB_TEST", "Cholesterol", lab("total cholesterol")),
        ("LAB_VALUE", "250", value(250)),
        ("LAB_VALUE", "230 mg/dL", value(230, unit="mg/dL")),
        ("LAB_VALUE", "248", value(248)),
        ("LAB_VALUE", "246 mg/dL", value(246, unit="mg/dL")),
        ("TIME_POINT", "12 weeks", days(84)),
    ], [("250", "Cholesterol"), ("230 mg/dL", "Cholesterol"), ("248", "Cholesterol"), ("246 mg/dL", "Cholesterol")])
    out = outcomes(rec)
    assert [o["arm"] for o in out] == [0, 0, 1, 1]
    assert [o["kind"] for o in out] == ["baseline", "follow_up", "baseline", "follow_up"]


def test_an_unknown_analyte_is_written_out_from_its_definition():
    text = "Urinary zeta factor 2 (ZF2) was measured. ZF2 was 5.1 ng/mL at baseline."
    rec = record(text, [
        ("LAB_TEST", "ZF2", {"analyte": None}, 2),
        ("LAB_VALUE", "5.1 ng/mL", value(5.1, unit="ng/mL")),
        ("TIME_POINT", "baseline", days(0)),
    ], [("5.1 ng/mL", "ZF2")])
    assert outcomes(rec)[0]["analyte"] == "zeta factor 2"


def test_a_vs_chain_without_arm_names_follows_the_arms_in_order():
    text = ("Patients were randomized to the red group, the blue group or the green group. "
            "Baseline renin was comparable (12.0 vs. 11.5 vs. 9.5 ng/mL; P > 0.05).")
    rec = record(text, [
        ("LAB_TEST", "renin", lab("renin")),
        ("TIME_POINT", "Baseline", days(0)),
        ("LAB_VALUE", "12.0", value(12.0, unit="ng/mL")),
        ("LAB_VALUE", "11.5", value(11.5, unit="ng/mL")),
        ("LAB_VALUE", "9.5 ng/mL", value(9.5, unit="ng/mL")),
    ], [("12.0", "renin"), ("11.5", "renin"), ("9.5 ng/mL", "renin")])
    out = outcomes(rec)
    assert [(o["arm"], o["kind"], o["value"]) for o in out] == [(0, "baseline", 12.0), (1, "baseline", 11.5), (2, "baseline", 9.5)]


def test_a_vs_chain_after_one_named_arm_starts_with_that_arm():
    text = ("Patients were randomized to the red group or the blue group. "
            "The blue group had a significantly greater fall in plasma renin (8.0 vs. 11.0 ng/mL).")
    rec = record(text, [
        ("LAB_TEST", "renin", lab("renin")),
        ("LAB_VALUE", "8.0", value(8.0, unit="ng/mL")),
        ("LAB_VALUE", "11.0 ng/mL", value(11.0, unit="ng/mL")),
    ], [("8.0", "renin"), ("11.0 ng/mL", "renin")])
    out = outcomes(rec)
    arms = summarize(rec)["arms"]
    assert [arms[o["arm"]]["label"] for o in out] == ["blue group", "red group"]


def test_a_letter_digit_arm_name_without_group_names_its_arm():
    text = ("Participants were randomized to the G1 group or the G2 group. "
            "Ferritin changed differently (G2 0.30 ± 0.10; G1 -0.10 ± 0.20 ng/mL).")
    rec = record(text, [
        ("LAB_TEST", "Ferritin", lab("ferritin")),
        ("LAB_VALUE", "0.30 ± 0.10", value(0.30, 0.10, unit="ng/mL")),
        ("LAB_VALUE", "-0.10 ± 0.20 ng/mL", value(-0.10, 0.20, unit="ng/mL")),
    ], [("0.30 ± 0.10", "Ferritin"), ("-0.10 ± 0.20 ng/mL", "Ferritin")])
    arms = summarize(rec)["arms"]
    assert [arms[o["arm"]]["label"] for o in outcomes(rec)] == ["G2 group", "G1 group"]


def _one_test(text, test, analyte, vals, times=()):
    spans = [("LAB_TEST", test, lab(analyte))] + [("LAB_VALUE", t, value(v, unit=u)) for t, v, u in vals]
    spans += [("TIME_POINT", t, days(d)) for t, d in times]
    return record(text, spans, [(t, test) for t, _, _ in vals])


def test_a_value_compared_with_placebo_is_the_other_arms_difference():
    text = ("Patients were randomized to drug K or placebo for 6 weeks. "
            "Drug K lowered mean ferritin by 12 ug/L compared to placebo.")
    rec = _one_test(text, "ferritin", "ferritin", [("12 ug/L", 12, "ug/L")], [("6 weeks", 42)])
    (out,) = outcomes(rec)
    assert (out["arm"], out["kind"], out["days"]) == (0, "difference", 42.0)


def test_a_value_named_before_the_arm_it_is_compared_with_belongs_to_the_other_arm():
    text = ("Patients were randomized to drug K or drug L. "
            "Serum ferritin rose to 90 ug/L, compared with drug L.")
    rec = _one_test(text, "ferritin", "ferritin", [("90 ug/L", 90, "ug/L")])
    (out,) = outcomes(rec)
    assert out["arm"] == 0


def test_higher_with_one_arm_gives_the_bracketed_pair_to_it_and_the_other_arm():
    text = ("Adults were randomized to drug K or drug L. "
            "At week 12, ferritin was higher with drug K (150 vs 131 ug/L).")
    rec = _one_test(text, "ferritin", "ferritin", [("150", 150, None), ("131 ug/L", 131, "ug/L")], [("week 12", 84)])
    assert [o["arm"] for o in outcomes(rec)] == [0, 1]


def test_a_bracketed_a_to_b_after_a_test_is_a_before_and_after_pair():
    text = "During the 12-week programme, HDL (43 ± 8 to 50 ± 9 mg/dl) rose."
    rec = _one_test(text, "HDL", "hdl cholesterol", [("43 ± 8", 43, None), ("50 ± 9 mg/dl", 50, "mg/dl")], [("12-week", 84)])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0), ("follow_up", 84.0)]


def test_a_between_arm_difference_belongs_to_the_experimental_arm():
    text = ("Adults were randomized to drug K or placebo. "
            "The increase in ferritin was greater with drug K than with placebo (difference = 0.5 ug/L).")
    rec = _one_test(text, "ferritin", "ferritin", [("0.5 ug/L", 0.5, "ug/L")])
    (out,) = outcomes(rec)
    assert (out["arm"], out["kind"]) == (0, "difference")


def test_a_bracket_of_signed_values_is_a_bracket_of_changes():
    text = ("Adults were randomized to drug K, drug L or no drug (NOD) for 4 weeks. "
            "Ferritin changed (NOD 0.00 ± 0.05; drug K + 0.36 ± 0.52; drug L -0.19 ± 0.39 ug/L).")
    rec = _one_test(text, "Ferritin", "ferritin",
                    [("0.00 ± 0.05", 0.0, None), ("+ 0.36 ± 0.52", 0.36, None), ("-0.19 ± 0.39 ug/L", -0.19, "ug/L")],
                    [("4 weeks", 28)])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("change", 28.0)] * 3


def test_mean_of_the_differences_is_a_change_and_changes_of_a_list_are_changes():
    text = "After 6 months ferritin fell in the cohort (mean of the differences = 9 ug/L)."
    rec = _one_test(text, "ferritin", "ferritin", [("9 ug/L", 9, "ug/L")], [("6 months", 180)])
    assert [o["kind"] for o in outcomes(rec)] == ["change"]
    text = "At 6 months there were no changes (Δ) of urea (1.2 mmol/L) or ferritin (12 ug/L)."
    rec = _one_test(text, "ferritin", "ferritin", [("12 ug/L", 12, "ug/L")], [("6 months", 180)])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("change", 180.0)]


def test_values_beside_the_mean_age_are_baseline_and_lower_levels_compared_are_levels():
    text = "In groups 1 and 2 the mean age was 52 vs 56 years and ferritin 17.6 vs 15.8 ug/L."
    rec = _one_test(text, "ferritin", "ferritin", [("17.6", 17.6, None), ("15.8 ug/L", 15.8, "ug/L")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0)] * 2
    text = "At day 2 drug K gave lower mean ferritin levels (6.9 vs. 7.9 ug/L)."
    rec = _one_test(text, "ferritin", "ferritin", [("6.9", 6.9, None), ("7.9 ug/L", 7.9, "ug/L")], [("day 2", 2)])
    assert [o["kind"] for o in outcomes(rec)] == ["follow_up"] * 2


def test_the_second_value_of_a_change_comparison_keeps_the_first_ones_time():
    text = "At week 48, the mean change from baseline in CD4 count was -170 vs +183 cells/uL."
    rec = record(text, [
        ("TIME_POINT", "week 48", days(336)), ("LAB_TEST", "CD4 count", lab("cd4 count")),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_VALUE", "-170", value(-170)), ("LAB_VALUE", "+183 cells/uL", value(183, unit="cells/uL")),
    ], [("-170", "CD4 count"), ("+183 cells/uL", "CD4 count")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("change", 336.0), ("change", 336.0)]


def test_an_abbreviation_left_as_written_takes_its_long_form():
    # another mention names it; a specimen word is left out, but "urinary" stays
    text = "Zeta factor 2 (ZF2) was high. Serum ZF2 was 5.1 ng/mL and urine ZF2 was 2.0 ng/mL at baseline."
    rec = record(text, [
        ("LAB_TEST", "ZF2", {"analyte": "zeta factor 2"}),
        ("LAB_TEST", "Serum ZF2", {"analyte": "zf2"}),
        ("LAB_TEST", "urine ZF2", {"analyte": "urine zf2"}),
        ("LAB_VALUE", "5.1 ng/mL", value(5.1, unit="ng/mL")),
        ("LAB_VALUE", "2.0 ng/mL", value(2.0, unit="ng/mL")),
        ("TIME_POINT", "baseline", days(0)),
    ], [("5.1 ng/mL", "Serum ZF2"), ("2.0 ng/mL", "urine ZF2")])
    assert [o["analyte"] for o in outcomes(rec)] == ["zeta factor 2", "urinary zeta factor 2"]


def test_a_known_stem_names_an_undefined_abbreviation_and_qualifiers_drop():
    text = "Serum VEGF-Q was 410 pg/mL and measured GFR was 61 mL/min at baseline."
    rec = record(text, [
        ("LAB_TEST", "Serum VEGF-Q", {"analyte": "vegf-q"}),
        ("LAB_TEST", "measured GFR", {"analyte": "measured glomerular filtration rate"}),
        ("LAB_VALUE", "410 pg/mL", value(410, unit="pg/mL")),
        ("LAB_VALUE", "61 mL/min", value(61, unit="mL/min")),
        ("TIME_POINT", "baseline", days(0)),
    ], [("410 pg/mL", "Serum VEGF-Q"), ("61 mL/min", "measured GFR")])
    assert [o["analyte"] for o in outcomes(rec)] == ["vascular endothelial growth factor-q", "glomerular filtration rate"]


def test_a_ratio_is_named_by_its_parts_and_postprandial_stays():
    text = "LDL-C and HDL-C fell; LDL-C/HDL-C was 2.1 and postmeal insulin was 40 uU/mL at baseline."
    rec = record(text, [
        ("LAB_TEST", "LDL-C", {"analyte": "ldl cholesterol"}),
        ("LAB_TEST", "HDL-C", {"analyte": "hdl cholesterol"}),
        ("LAB_TEST", "LDL-C/HDL-C", {"analyte": "ldl-c/hdl-c"}),
        ("LAB_TEST", "postmeal insulin", {"analyte": "insulin"}),
        ("LAB_VALUE", "2.1", value(2.1)),
        ("LAB_VALUE", "40 uU/mL", value(40, unit="uU/mL")),
        ("TIME_POINT", "baseline", days(0)),
    ], [("2.1", "LDL-C/HDL-C"), ("40 uU/mL", "postmeal insulin")])
    assert [o["analyte"] for o in outcomes(rec)] == ["ldl/hdl cholesterol ratio", "postprandial insulin"]


def test_a_list_of_values_takes_the_listed_times_in_order():
    text = "Urea at baseline, 4 and 8 weeks was 5.1, 5.3 and 5.6 mmol/L."
    rec = record(text, [
        ("LAB_TEST", "Urea", {"analyte": "urea"}),
        ("LAB_VALUE", "5.1", value(5.1)),
        ("LAB_VALUE", "5.3", value(5.3)),
        ("LAB_VALUE", "5.6 mmol/L", value(5.6, unit="mmol/L")),
        ("TIME_POINT", "baseline", days(0)),
        ("TIME_POINT", "4 and 8 weeks", days(28, 56)),
    ], [("5.1", "Urea"), ("5.3", "Urea"), ("5.6 mmol/L", "Urea")])
    assert [(o["days"], o["kind"]) for o in outcomes(rec)] == [(0.0, "baseline"), (28.0, "follow_up"), (56.0, "follow_up")]


def test_more_times_than_values_leaves_the_day_null():
    # D50: one value for "60-120 min" cannot be paired with either time
    text = "The study lasted 12 weeks. Urea peaked at 9.1 mmol/L in 60-120 min."
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "Urea", {"analyte": "urea"}),
        ("LAB_VALUE", "9.1 mmol/L", value(9.1, unit="mmol/L")),
        ("TIME_POINT", "60-120 min", days(0.0416667, 0.0833333)),
    ], [("9.1 mmol/L", "Urea")])
    assert outcomes(rec)[0]["days"] is None


def test_a_baseline_of_an_earlier_bracket_does_not_carry_to_later_values():
    text = "Urea did not differ between baseline (5.0 mmol/L) and after six visits of the tea arm (5.2 mmol/L)."
    rec = record(text, [
        ("LAB_TEST", "Urea", {"analyte": "urea"}),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_VALUE", "5.0 mmol/L", value(5.0, unit="mmol/L")),
        ("LAB_VALUE", "5.2 mmol/L", value(5.2, unit="mmol/L")),
    ], [("5.0 mmol/L", "Urea"), ("5.2 mmol/L", "Urea")])
    out = outcomes(rec)
    assert [(o["kind"], o["days"]) for o in out][1] == ("follow_up", None)


def test_values_in_a_bracket_with_the_age_describe_the_cohort_at_baseline():
    text = ("In this 10-week trial, adults (mean: 50 years old, HbA1c 8.1%) received drug A or drug B. "
            "HbA1c was 7.2% with drug A and 7.6% with drug B.")
    rec = record(text, [
        ("TIME_POINT", "10-week", days(70)),
        ("LAB_TEST", "HbA1c", lab("hba1c")),
        ("LAB_VALUE", "8.1%", value(8.1, unit="%")),
        ("ARM", "drug A", {}),
        ("ARM", "drug B", {}),
    ], [("8.1%", "HbA1c")])
    out = outcomes(rec)
    assert (out[0]["kind"], out[0]["days"], out[0]["arm"]) == ("baseline", 0.0, None)


def test_a_peak_value_has_no_day_unless_a_time_follows_it():
    text = "The study lasted 12 weeks. Peak troponin was 4.1 ng/mL. Troponin reached a peak (3.0 ng/mL) at 6 h."
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "troponin", {"analyte": "troponin"}),
        ("LAB_VALUE", "4.1 ng/mL", value(4.1, unit="ng/mL")),
        ("LAB_TEST", "Troponin", {"analyte": "troponin"}),
        ("LAB_VALUE", "3.0 ng/mL", value(3.0, unit="ng/mL")),
        ("TIME_POINT", "6 h", days(0.25)),
    ], [("4.1 ng/mL", "troponin"), ("3.0 ng/mL", "Troponin")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("follow_up", None), ("follow_up", 0.25)]


def test_a_range_that_is_no_change_is_no_result():
    text = "Adults with ferritin 30-90 ng/mL took iron for 8 weeks; ferritin then rose by 20-25 ng/mL."
    rec = record(text, [
        ("LAB_TEST", "ferritin", lab("ferritin")),
        ("LAB_VALUE", "30-90 ng/mL", value(low=30, high=90, unit="ng/mL")),
        ("TIME_POINT", "8 weeks", days(56)),
        ("LAB_TEST", "ferritin", lab("ferritin"), 2),
        ("LAB_VALUE", "20-25 ng/mL", value(low=20, high=25, unit="ng/mL")),
    ], [("30-90 ng/mL", "ferritin"), ("20-25 ng/mL", "ferritin#2")])
    out = outcomes(rec)
    assert [(o["low"], o["high"], o["kind"]) for o in out] == [(20, 25, "change")]


def test_a_target_value_is_no_result():
    text = "Doses were titrated to a urate target of 5 mg/dL; at 12 weeks urate was 6.1 mg/dL."
    rec = record(text, [
        ("LAB_TEST", "urate", lab("uric acid")),
        ("LAB_VALUE", "5 mg/dL", value(5, unit="mg/dL")),
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "urate", lab("uric acid"), 2),
        ("LAB_VALUE", "6.1 mg/dL", value(6.1, unit="mg/dL")),
    ], [("5 mg/dL", "urate"), ("6.1 mg/dL", "urate#2")])
    assert [o["value"] for o in outcomes(rec)] == [6.1]


def test_a_value_restated_in_another_unit_is_one_result():
    text = "At 6 months HbA1c was 7.2% [55 mmol/mol] with the pump and 7.6% [60 mmol/mol] with injections."
    rec = record(text, [
        ("TIME_POINT", "6 months", days(180)),
        ("LAB_TEST", "HbA1c", lab("hba1c")),
        ("LAB_VALUE", "7.2%", value(7.2, unit="%")),
        ("LAB_VALUE", "55 mmol/mol", value(55, unit="mmol/mol")),
        ("LAB_VALUE", "7.6%", value(7.6, unit="%")),
        ("LAB_VALUE", "60 mmol/mol", value(60, unit="mmol/mol")),
    ], [("7.2%", "HbA1c"), ("55 mmol/mol", "HbA1c"), ("7.6%", "HbA1c"), ("60 mmol/mol", "HbA1c")])
    assert [o["value"] for o in outcomes(rec)] == [7.2, 7.6]


def test_a_range_written_a_to_b_after_a_rise_is_the_level_before_and_after():
    text = "Serum leptin increased markedly in the exercise arm (12.5 to 20.1 ng/mL)."
    rec = record(text, [
        ("LAB_TEST", "leptin", lab("leptin")),
        ("LAB_VALUE", "12.5 to 20.1 ng/mL", value(low=12.5, high=20.1, unit="ng/mL")),
    ], [("12.5 to 20.1 ng/mL", "leptin")])
    out = outcomes(rec)
    assert [(o["kind"], o["days"], o["value"]) for o in out] == [("baseline", 0.0, 12.5), ("follow_up", None, 20.1)]


def test_values_compared_after_a_difference_keep_their_own_kind():
    text = ("The mean difference in HbA1c at 6 months was -0.4% in favour of the pump group "
            "(7.9% vs 8.3%; p < 0.001) compared with the injection group.")
    rec = record(text, [
        ("LAB_TEST", "HbA1c", lab("hba1c")),
        ("TIME_POINT", "6 months", days(180)),
        ("LAB_VALUE", "-0.4%", value(-0.4, unit="%")),
        ("LAB_VALUE", "7.9%", value(7.9, unit="%")),
        ("LAB_VALUE", "8.3%", value(8.3, unit="%")),
    ], [("-0.4%", "HbA1c"), ("7.9%", "HbA1c"), ("8.3%", "HbA1c")])
    assert [o["kind"] for o in outcomes(rec)] == ["difference", "follow_up", "follow_up"]


def test_a_study_of_no_treatment_and_no_times_reports_baseline_levels():
    text = "Mean serum hepcidin was 21.4 ng/mL in patients with anaemia and 9.8 ng/mL in healthy donors."
    rec = record(text, [
        ("LAB_TEST", "hepcidin", lab("hepcidin")),
        ("LAB_VALUE", "21.4 ng/mL", value(21.4, unit="ng/mL")),
        ("LAB_VALUE", "9.8 ng/mL", value(9.8, unit="ng/mL")),
    ], [("21.4 ng/mL", "hepcidin"), ("9.8 ng/mL", "hepcidin")])
    assert [(o["kind"], o["days"], o["arm"]) for o in outcomes(rec)] == [("baseline", 0.0, None), ("baseline", 0.0, None)]


def test_values_in_brackets_with_semicolons_belong_to_the_arm_named_after_them():
    text = ("Both markers decreased (ALT: median of the differences = -6 U/L; p = 0.02; 95% CI -9 to -1) "
            "and (AST: median of the differences = -4 U/L; p = 0.04; 95% CI -7 to -1) in the diet group, "
            "while the control group showed no change.")
    rec = record(text, [
        ("LAB_TEST", "ALT", lab("alanine aminotransferase")),
        ("LAB_VALUE", "-6 U/L", value(-6, unit="U/L")),
        ("LAB_TEST", "AST", lab("aspartate aminotransferase")),
        ("LAB_VALUE", "-4 U/L", value(-4, unit="U/L")),
    ], [("-6 U/L", "ALT"), ("-4 U/L", "AST")])
    assert [(o["arm"], o["kind"]) for o in outcomes(rec)] == [(0, "change"), (0, "change")]


def test_a_value_beside_an_arm_size_is_what_the_arm_was_given():
    text = "Patients received gel A (40 mmol/L; n = 31) or gel B (80 mmol/L; n = 30); at 8 weeks sodium was 139 mmol/L."
    rec = record(text, [
        ("LAB_TEST", "sodium", lab("sodium")),
        ("LAB_VALUE", "40 mmol/L", value(40, unit="mmol/L")),
        ("LAB_VALUE", "80 mmol/L", value(80, unit="mmol/L")),
        ("TIME_POINT", "8 weeks", days(56)),
        ("LAB_VALUE", "139 mmol/L", value(139, unit="mmol/L")),
    ], [("40 mmol/L", "sodium"), ("80 mmol/L", "sodium"), ("139 mmol/L", "sodium")])
    assert [o["value"] for o in outcomes(rec)] == [139]


def test_values_in_a_bracket_after_the_people_enrolled_describe_them():
    text = ("We randomized 80 smokers (median cotinine 210 ng/mL) to gum A or gum B for 12 weeks. "
            "At 12 weeks cotinine was 120 ng/mL.")
    rec = record(text, [
        ("LAB_TEST", "cotinine", lab("cotinine")),
        ("LAB_VALUE", "210 ng/mL", value(210, unit="ng/mL")),
        ("TIME_POINT", "12 weeks", days(84)),
        ("TIME_POINT", "12 weeks", days(84), 2),
        ("LAB_TEST", "cotinine", lab("cotinine"), 2),
        ("LAB_VALUE", "120 ng/mL", value(120, unit="ng/mL")),
    ], [("210 ng/mL", "cotinine"), ("120 ng/mL", "cotinine#2")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0), ("follow_up", 84.0)]


def test_a_level_right_after_the_age_of_the_enrolled_is_their_baseline():
    text = ("Forty adults, mean age 61 years, were recruited for a 6-month programme. Their mean ferritin was 48 ng/mL. "
            "Ferritin rose to 70 ng/mL at 6 months.")
    rec = record(text, [
        ("TIME_POINT", "6-month", days(180)),
        ("LAB_TEST", "ferritin", lab("ferritin")),
        ("LAB_VALUE", "48 ng/mL", value(48, unit="ng/mL")),
        ("LAB_TEST", "Ferritin", lab("ferritin")),
        ("LAB_VALUE", "70 ng/mL", value(70, unit="ng/mL")),
        ("TIME_POINT", "6 months", days(180)),
    ], [("48 ng/mL", "ferritin"), ("70 ng/mL", "Ferritin")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0), ("follow_up", 180.0)]


def test_two_times_compared_pair_with_the_two_values_compared_after_them():
    text = "Copper fell in the zinc group (baseline vs 8 weeks: 18 vs 14 umol/L, P = 0.01)."
    rec = record(text, [
        ("LAB_TEST", "Copper", lab("copper")),
        ("TIME_POINT", "baseline", days(0)),
        ("TIME_POINT", "8 weeks", days(56)),
        ("LAB_VALUE", "18", value(18, unit="umol/L")),
        ("LAB_VALUE", "14 umol/L", value(14, unit="umol/L")),
    ], [("18", "Copper"), ("14 umol/L", "Copper")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0), ("follow_up", 56.0)]


def test_red_cells_given_to_patients_are_no_blood_count():
    text = ("Transfusion of allogeneic RBC was 2.5 units per patient in the restrictive group. "
            "At day 3 the red blood cell count was 3.9 x 10^12/L.")
    rec = record(text, [
        ("LAB_TEST", "RBC", lab("red blood cell count")),
        ("LAB_VALUE", "2.5 units", value(2.5, unit="units")),
        ("TIME_POINT", "day 3", days(3)),
        ("LAB_TEST", "red blood cell count", lab("red blood cell count")),
        ("LAB_VALUE", "3.9 x 10^12/L", value(3.9, unit="10^12/L")),
    ], [("2.5 units", "RBC"), ("3.9 x 10^12/L", "red blood cell count")])
    assert [o["value"] for o in outcomes(rec)] == [3.9]


def test_sentences_after_an_arm_header_report_that_arm():
    text = ("Patients took oat bran or rice bran for 6 weeks. In oat group: LDL fell by 12 mg/dl. "
            "HDL rose by 3 mg/dl. In rice group: LDL fell by 4 mg/dl.")
    rec = record(text, [
        ("TIME_POINT", "6 weeks", days(42)),
        ("LAB_TEST", "LDL", lab("ldl cholesterol")),
        ("LAB_VALUE", "12 mg/dl", value(12, unit="mg/dL")),
        ("LAB_TEST", "HDL", lab("hdl cholesterol")),
        ("LAB_VALUE", "3 mg/dl", value(3, unit="mg/dL")),
        ("LAB_TEST", "LDL", lab("ldl cholesterol"), 2),
        ("LAB_VALUE", "4 mg/dl", value(4, unit="mg/dL")),
    ], [("12 mg/dl", "LDL"), ("3 mg/dl", "HDL"), ("4 mg/dl", "LDL#2")])
    assert [o["arm"] for o in outcomes(rec)] == [0, 0, 1]


def test_a_percentage_restating_a_change_is_no_result_of_its_own():
    text = "At 8 weeks urate decreased by 1.2 mg/dl (15.0%) while creatinine rose by 4%."
    rec = record(text, [
        ("TIME_POINT", "8 weeks", days(56)),
        ("LAB_TEST", "urate", lab("uric acid")),
        ("LAB_VALUE", "1.2 mg/dl", value(1.2, unit="mg/dL")),
        ("LAB_VALUE", "15.0%", value(15.0, unit="%")),
        ("LAB_TEST", "creatinine", lab("creatinine")),
        ("LAB_VALUE", "4%", value(4, unit="%")),
    ], [("1.2 mg/dl", "urate"), ("15.0%", "urate"), ("4%", "creatinine")])
    assert [(o["value"], o["kind"]) for o in outcomes(rec)] == [(1.2, "change"), (4, "change")]


def test_a_pair_in_favour_of_one_arm_with_each_value_restated_in_other_units():
    text = ("Adults were randomized to drug K or drug L. "
            "At week 12, the difference in ferritin was -19 ug/L in favour of drug K (150 ug/L [337 pmol/L] vs 131 ug/L [294 pmol/L]).")
    vals = [("-19 ug/L", -19, "ug/L"), ("150 ug/L", 150, "ug/L"), ("337 pmol/L", 337, "pmol/L"),
            ("131 ug/L", 131, "ug/L"), ("294 pmol/L", 294, "pmol/L")]
    rec = _one_test(text, "ferritin", "ferritin", vals, [("week 12", 84)])
    got = {o["value"]: o["arm"] for o in outcomes(rec)}
    assert got[150] == 0 and got[131] == 1


def test_a_value_between_two_numbers_is_a_range_and_no_result():
    text = "Adults with serum ferritin between 30 and 90 ug/L were followed for 12 weeks."
    rec = _one_test(text, "ferritin", "ferritin", [("30 and 90 ug/L", 30, "and 90 ug/L")], [("12 weeks", 84)])
    assert outcomes(rec) == []


def test_a_fluid_other_than_blood_stays_in_the_analyte():
    text = ("Urine XYZ and drainage hematocrit (HCT) were measured. Urine XYZ fell to 4.1 ng/mL at 2 weeks. "
            "The HCT of the drains was 12% on day 1. Gastric pH before surgery was 3.1. At 1 hour pH was 4.2.")
    rec = record(text, [
        ("LAB_TEST", "Urine XYZ", lab("xyz")),
        ("LAB_TEST", "hematocrit", lab("hematocrit")),
        ("LAB_TEST", "HCT", lab("hematocrit")),
        ("LAB_TEST", "Urine XYZ", lab("xyz"), 2),
        ("LAB_VALUE", "4.1 ng/mL", value(4.1, unit="ng/mL")),
        ("TIME_POINT", "2 weeks", days(14)),
        ("LAB_TEST", "HCT", lab("hematocrit"), 2),
        ("LAB_VALUE", "12%", value(12, unit="%")),
        ("TIME_POINT", "day 1", days(1)),
        ("LAB_TEST", "Gastric pH", lab("ph")),
        ("LAB_VALUE", "3.1", value(3.1)),
        ("LAB_TEST", "pH", lab("ph"), 2),
        ("LAB_VALUE", "4.2", value(4.2)),
        ("TIME_POINT", "1 hour", days(1 / 24)),
    ], [("4.1 ng/mL", "Urine XYZ#2"), ("12%", "HCT#2"), ("3.1", "Gastric pH"), ("4.2", "pH")])
    out = outcomes(rec)
    assert [o["analyte"] for o in out] == ["urinary xyz", "drainage hematocrit", "gastric ph", "gastric ph"]
    assert (out[2]["kind"], out[2]["days"]) == ("baseline", 0.0)  # "before surgery"


def test_a_bare_name_keeps_no_fluid_when_blood_is_named_too():
    text = "Urinary sodium was 90 mmol/day and serum sodium 139 mmol/L; sodium was 140 mmol/L at 4 weeks."
    rec = record(text, [
        ("LAB_TEST", "Urinary sodium", lab("sodium")),
        ("LAB_VALUE", "90 mmol/day", value(90, unit="mmol/day")),
        ("LAB_TEST", "serum sodium", lab("sodium")),
        ("LAB_VALUE", "139 mmol/L", value(139, unit="mmol/L")),
        ("LAB_TEST", "sodium", lab("sodium"), 3),
        ("LAB_VALUE", "140 mmol/L", value(140, unit="mmol/L")),
        ("TIME_POINT", "4 weeks", days(28)),
    ], [("90 mmol/day", "Urinary sodium"), ("139 mmol/L", "serum sodium"), ("140 mmol/L", "sodium")])
    assert [o["analyte"] for o in outcomes(rec)] == ["urinary sodium", "sodium", "sodium"]


def test_no_difference_between_levels_is_no_difference_value():
    text = "There was no significant difference between the ABC levels at baseline (2.5 ± 0.4 mg/L)."
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_VALUE", "2.5 ± 0.4 mg/L", value(2.5, 0.4, "mg/L")),
    ], [("2.5 ± 0.4 mg/L", "ABC")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0)]


def test_several_comparisons_of_one_value_per_arm_follow_the_arms():
    text = ("Patients were randomized to the red group or the blue group. "
            "ABC differed between the groups at 24 hours and 48 hours (ABC: 39 vs. 55 and 40 vs. 53 ug/dL).")
    rec = record(text, [
        ("TIME_POINT", "24 hours", days(1)),
        ("TIME_POINT", "48 hours", days(2)),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "39", value(39)),
        ("LAB_VALUE", "55", value(55)),
        ("LAB_VALUE", "40", value(40)),
        ("LAB_VALUE", "53 ug/dL", value(53, unit="ug/dL")),
    ], [("39", "ABC"), ("55", "ABC"), ("40", "ABC"), ("53 ug/dL", "ABC")])
    summary = summarize(rec)
    arms = [a["label"] for a in summary["arms"]]
    assert [arms[o["arm"]] for o in summary["outcomes"]] == ["red group", "blue group", "red group", "blue group"]


def test_a_change_named_as_the_subject_is_a_change():
    text = ("Patients were randomized to the red group or the blue group for 12 weeks. "
            "Mean changes of ABC were 15 ± 3 mg/L in the red group and 13 ± 4 mg/L in the blue group.")
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "15 ± 3 mg/L", value(15, 3, "mg/L")),
        ("LAB_VALUE", "13 ± 4 mg/L", value(13, 4, "mg/L")),
    ], [("15 ± 3 mg/L", "ABC"), ("13 ± 4 mg/L", "ABC")])
    assert [(o["arm"], o["kind"], o["days"]) for o in outcomes(rec)] == [(0, "change", 84.0), (1, "change", 84.0)]


def test_time_spent_in_a_range_is_no_lab_outcome():
    text = "The percentage of time spent with glucose in the 4-7 mmol/L range was higher (39 ± 4 vs. 28 ± 6%)."
    rec = record(text, [
        ("LAB_TEST", "glucose", lab("glucose")),
        ("LAB_VALUE", "39 ± 4", value(39, 4, "%")),
        ("LAB_VALUE", "28 ± 6%", value(28, 6, "%")),
    ], [("39 ± 4", "glucose"), ("28 ± 6%", "glucose")])
    assert outcomes(rec) == []


def test_a_value_against_the_control_arm_is_a_difference():
    text = ("Adults were randomized to the coaching group or the usual care group for 12 weeks. "
            "ABC was 9.5 mg/dL lower in the coaching group compared with usual care.")
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "9.5 mg/dL", value(9.5, unit="mg/dL")),
    ], [("9.5 mg/dL", "ABC")])
    summary = summarize(rec)
    arms = [a["label"] for a in summary["arms"]]
    assert [(arms[o["arm"]], o["kind"]) for o in summary["outcomes"]] == [("coaching group", "difference")]


def test_each_arm_with_its_own_bracketed_value_is_no_difference():
    text = ("Patients were randomized to drug X or placebo. "
            "At the end, ABC was measured in both arms (drug X (20 ± 2 mg/L) vs placebo (25 ± 3 mg/L); P = 0.02).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "20 ± 2 mg/L", value(20, 2, "mg/L")),
        ("LAB_VALUE", "25 ± 3 mg/L", value(25, 3, "mg/L")),
    ], [("20 ± 2 mg/L", "ABC"), ("25 ± 3 mg/L", "ABC")])
    assert [o["kind"] for o in outcomes(rec)] == ["follow_up", "follow_up"]


def test_a_reduction_from_baseline_compared_later_with_control_stays_a_change():
    text = ("Adults were randomized to the fibre group or the control group for 6 weeks. "
            "Fibre gave a reduction from baseline in ABC (-0.3 ± 0.1 mmol/L), greater than in the control group.")
    rec = record(text, [
        ("TIME_POINT", "6 weeks", days(42)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "-0.3 ± 0.1 mmol/L", value(-0.3, 0.1, "mmol/L")),
    ], [("-0.3 ± 0.1 mmol/L", "ABC")])
    assert [o["kind"] for o in outcomes(rec)] == ["change"]


def test_from_a_value_at_baseline_to_another_is_a_before_and_after_pair():
    text = ("Adults took drug X for 6 months. "
            "Drug X lowered ABC from 8.1 ± 0.7% at baseline to 7.1 ± 0.7% (P < 0.01).")
    rec = record(text, [
        ("TIME_POINT", "6 months", days(180)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "8.1 ± 0.7%", value(8.1, 0.7, "%")),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_VALUE", "7.1 ± 0.7%", value(7.1, 0.7, "%")),
    ], [("8.1 ± 0.7%", "ABC"), ("7.1 ± 0.7%", "ABC")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("baseline", 0.0), ("follow_up", 180.0)]


def test_values_each_followed_by_their_arm_go_to_that_arm():
    text = ("Mothers were randomized to Group I, Group II or Group III. "
            "Cord ABC levels were 53.9 ± 10.2 in Group I, 80.8 ± 13.7 in Group II, and 181.8 ± 22.2 in Group III.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "53.9 ± 10.2", value(53.9, 10.2)),
        ("LAB_VALUE", "80.8 ± 13.7", value(80.8, 13.7)),
        ("LAB_VALUE", "181.8 ± 22.2", value(181.8, 22.2)),
    ], [("53.9 ± 10.2", "ABC"), ("80.8 ± 13.7", "ABC"), ("181.8 ± 22.2", "ABC")])
    assert [arm for arm, o in arm_outcomes(rec)] == ["Group I", "Group II", "Group III"]


def test_before_and_after_pairs_are_baseline_and_a_follow_up_without_a_day():
    text = ("Mothers were randomized to Group I or Group II. "
            "ABC levels before and after the infusion were 79.2 ± 12.2 and 74.6 ± 4.6 in Group I, "
            "and 81.2 ± 12.9 and 103.3 ± 11.2 in Group II (P < 0.001).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "79.2 ± 12.2", value(79.2, 12.2)),
        ("LAB_VALUE", "74.6 ± 4.6", value(74.6, 4.6)),
        ("LAB_VALUE", "81.2 ± 12.9", value(81.2, 12.9)),
        ("LAB_VALUE", "103.3 ± 11.2", value(103.3, 11.2)),
    ], [("79.2 ± 12.2", "ABC"), ("74.6 ± 4.6", "ABC"), ("81.2 ± 12.9", "ABC"), ("103.3 ± 11.2", "ABC")])
    assert [(arm, o["kind"], o["days"]) for arm, o in arm_outcomes(rec)] == [
        ("Group I", "baseline", 0.0), ("Group I", "follow_up", None),
        ("Group II", "baseline", 0.0), ("Group II", "follow_up", None)]


def test_a_value_without_a_time_is_not_read_at_a_time_written_only_later():
    text = ("Adults took drug X. ABC was 12 mmol/L after the infusion. "
            "DEF, measured up to 8 h after the infusion, was 5 mmol/L.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "12 mmol/L", value(12, unit="mmol/L")),
        ("LAB_TEST", "DEF", lab("def")),
        ("TIME_POINT", "8 h", days(8 / 24)),
        ("LAB_VALUE", "5 mmol/L", value(5, unit="mmol/L")),
    ], [("12 mmol/L", "ABC"), ("5 mmol/L", "DEF")])
    assert [round(o["days"], 4) if o["days"] is not None else None for o in outcomes(rec)] == [None, round(8 / 24, 4)]


def test_values_listed_with_as_many_times_take_them_in_order():
    text = "The average ABC was 18.04% and 11.72% on the first day and on the second day respectively."
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "18.04%", value(18.04, unit="%")),
        ("LAB_VALUE", "11.72%", value(11.72, unit="%")),
        ("TIME_POINT", "first day", days(1)),
        ("TIME_POINT", "second day", days(2)),
    ], [("18.04%", "ABC"), ("11.72%", "ABC")])
    assert [o["days"] for o in outcomes(rec)] == [1.0, 2.0]


def test_comparisons_fewer_than_the_times_listed_have_no_day():
    text = ("Patients were randomized to Group 1 or Group 2. ABC differed between the groups after bypass, "
            "postoperative 24th hour, and postoperative 48th hour (respectively, ABC: 39.0 vs. 55.4 and 40.1 vs. 53.2 ug/dl).")
    rec = record(text, [
        ("TIME_POINT", "24th hour", days(1)),
        ("TIME_POINT", "48th hour", days(2)),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "39.0", value(39.0, unit="ug/dL")),
        ("LAB_VALUE", "55.4", value(55.4, unit="ug/dL")),
        ("LAB_VALUE", "40.1", value(40.1, unit="ug/dL")),
        ("LAB_VALUE", "53.2 ug/dl", value(53.2, unit="ug/dL")),
    ], [("39.0", "ABC"), ("55.4", "ABC"), ("40.1", "ABC"), ("53.2 ug/dl", "ABC")])
    assert [o["days"] for o in outcomes(rec)] == [None, None, None, None]


def test_comparisons_as_many_as_the_times_listed_take_them_in_order():
    text = ("Patients were randomized to Group 1 or Group 2. ABC differed between the groups at "
            "the 24th hour and the 48th hour (ABC: 39.0 vs. 55.4 and 40.1 vs. 53.2 ug/dl).")
    rec = record(text, [
        ("TIME_POINT", "24th hour", days(1)),
        ("TIME_POINT", "48th hour", days(2)),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "39.0", value(39.0, unit="ug/dL")),
        ("LAB_VALUE", "55.4", value(55.4, unit="ug/dL")),
        ("LAB_VALUE", "40.1", value(40.1, unit="ug/dL")),
        ("LAB_VALUE", "53.2 ug/dl", value(53.2, unit="ug/dL")),
    ], [("39.0", "ABC"), ("55.4", "ABC"), ("40.1", "ABC"), ("53.2 ug/dl", "ABC")])
    assert [o["days"] for o in outcomes(rec)] == [1.0, 1.0, 2.0, 2.0]


def test_a_unit_written_once_after_a_list_is_every_value_s_unit():
    text = ("Women were randomized to G1, G2 or CRL. "
            "ABC changed (CRL 0.00 ± 0.05; G1 -0.06 ± 0.13; G2 -0.14 ± 0.08 mg/dL).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "0.00 ± 0.05", value(0.0, 0.05)),
        ("LAB_VALUE", "-0.06 ± 0.13", value(-0.06, 0.13)),
        ("LAB_VALUE", "-0.14 ± 0.08 mg/dL", value(-0.14, 0.08, "mg/dL")),
    ], [("0.00 ± 0.05", "ABC"), ("-0.06 ± 0.13", "ABC"), ("-0.14 ± 0.08 mg/dL", "ABC")])
    assert [o["unit"] for o in outcomes(rec)] == ["mg/dL", "mg/dL", "mg/dL"]


def test_a_unit_of_another_clause_is_not_shared():
    text = "ABC was 2.64 ± 0.85 at baseline. DEF was 4.1 mg/dL at the end."
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "2.64 ± 0.85", value(2.64, 0.85)),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_TEST", "DEF", lab("def")),
        ("LAB_VALUE", "4.1 mg/dL", value(4.1, unit="mg/dL")),
    ], [("2.64 ± 0.85", "ABC"), ("4.1 mg/dL", "DEF")])
    assert [o["unit"] for o in outcomes(rec)] == [None, "mg/dL"]


def test_an_arm_named_before_the_other_arm_s_group_noun_is_named_there():
    text = ("Adults were randomized to the experimental group or the control group. "
            "Mean ABC in the experimental and the control group was 170 ± 33 mg/dl and 221 ± 49, respectively.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "170 ± 33 mg/dl", value(170, 33, "mg/dL")),
        ("LAB_VALUE", "221 ± 49", value(221, 49)),
    ], [("170 ± 33 mg/dl", "ABC"), ("221 ± 49", "ABC")])
    assert [(arm, o["value"]) for arm, o in arm_outcomes(rec)] == [
        ("experimental group", 170), ("control group", 221)]


def test_free_before_a_test_stays_in_the_analyte():
    text = "Patients got drug X. Free insulin reached 460 uU/ml within 5 min."
    rec = record(text, [
        ("LAB_TEST", "Free insulin", lab("insulin")),
        ("LAB_VALUE", "460 uU/ml", value(460, unit="uU/mL")),
        ("TIME_POINT", "5 min", days(5 / 1440)),
    ], [("460 uU/ml", "Free insulin")])
    assert [o["analyte"] for o in outcomes(rec)] == ["free insulin"]


def test_an_abbreviation_the_lexicon_knows_is_named_by_the_lexicon():
    text = ("Drug X reduced soluble vascular cellular adhesion molecule-1 (sVCAM-1) level "
            "(from 1288 ± 285 to 1168 ± 252 ng/dL).")
    rec = record(text, [
        ("LAB_TEST", "soluble vascular cellular adhesion molecule-1", lab("soluble vascular cellular adhesion molecule-1")),
        ("LAB_TEST", "sVCAM-1", lab("soluble vascular cellular adhesion molecule-1")),
        ("LAB_VALUE", "1288 ± 285", value(1288, 285, "ng/dL")),
        ("LAB_VALUE", "1168 ± 252 ng/dL", value(1168, 252, "ng/dL")),
    ], [("1288 ± 285", "sVCAM-1"), ("1168 ± 252 ng/dL", "sVCAM-1")])
    assert {o["analyte"] for o in outcomes(rec)} == {"vascular cell adhesion molecule-1"}


def test_ratios_of_risk_shares_of_people_and_cut_offs_are_no_results():
    text = ("Adults were randomized to drug X or placebo. "
            "Normal ABC was more likely with drug X [HR (95% CI): 1.41 (1.002, 1.996), P = 0.005]. "
            "Patients with high ABC were equally distributed (15 % in both placebo and drug X groups). "
            "Only one participant with DEF below this threshold (175 ng/ml) relapsed. "
            "ABC fell to 5.2 mmol/L with drug X.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 1),
        ("LAB_VALUE", "1.41 (1.002, 1.996)", value(1.41, low=1.002, high=1.996)),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "15 %", value(15, unit="%")),
        ("LAB_TEST", "DEF", lab("def")),
        ("LAB_VALUE", "175 ng/ml", value(175, unit="ng/mL")),
        ("LAB_TEST", "ABC", lab("abc"), 3),
        ("LAB_VALUE", "5.2 mmol/L", value(5.2, unit="mmol/L")),
    ], [("1.41 (1.002, 1.996)", "ABC"), ("15 %", "ABC#2"), ("175 ng/ml", "DEF"), ("5.2 mmol/L", "ABC#3")])
    assert [o["value"] for o in outcomes(rec)] == [5.2]


def test_values_of_animals_in_a_trial_of_people_are_no_results():
    text = ("TITLE: Drug X works in rodent models but not in humans\n"
            "In db/db mice, drug X reduced ABC by 217 mg/dL. "
            "Healthy subjects and patients with diabetes were randomized to drug X or placebo. "
            "In patients, drug X decreased ABC by 0.4 mmol/L compared to placebo.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 1),
        ("LAB_VALUE", "217 mg/dL", value(217, unit="mg/dL")),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "0.4 mmol/L", value(0.4, unit="mmol/L")),
    ], [("217 mg/dL", "ABC"), ("0.4 mmol/L", "ABC#2")])
    assert [o["value"] for o in outcomes(rec)] == [0.4]


def test_a_value_restated_in_another_unit_after_its_interval_is_no_result_of_its_own():
    text = "After 1 year, the ABC reduction was 0.83% (95% CI 0.81-0.84%) (6.7 mmol/mol) with drug X."
    rec = record(text, [
        ("TIME_POINT", "1 year", days(365)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "0.83%", value(0.83, unit="%")),
        ("LAB_VALUE", "6.7 mmol/mol", value(6.7, unit="mmol/mol")),
    ], [("0.83%", "ABC"), ("6.7 mmol/mol", "ABC")])
    assert [o["value"] for o in outcomes(rec)] == [0.83]


def test_change_words_around_a_value_make_it_a_change():
    text = ("Adults took drug X for 8 weeks. ABC showed a deterioration (2.5%) in the cohort. "
            "DEF levels showed a 13% decrease. GHI rose (+17%, p = 0.001). A reduction of 8% in JKL was seen.")
    rec = record(text, [
        ("TIME_POINT", "8 weeks", days(56)),
        ("LAB_TEST", "ABC", lab("abc")), ("LAB_VALUE", "2.5%", value(2.5, unit="%")),
        ("LAB_TEST", "DEF", lab("def")), ("LAB_VALUE", "13%", value(13, unit="%")),
        ("LAB_TEST", "GHI", lab("ghi")), ("LAB_VALUE", "+17%", value(17, unit="%")),
        ("LAB_TEST", "JKL", lab("jkl")), ("LAB_VALUE", "8%", value(8, unit="%")),
    ], [("2.5%", "ABC"), ("13%", "DEF"), ("+17%", "GHI"), ("8%", "JKL")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("change", 56.0)] * 4


def test_a_before_and_after_pair_naming_no_arm_is_the_experimental_arm_s():
    text = ("Girls were randomly assigned (intervention group: n = 58; control group: n = 30). "
            "\nAfter 12 weeks, girls improved ABC (43.1 ± 8.2 to 50.3 ± 9.4 mg/dl).")
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "43.1 ± 8.2", value(43.1, 8.2, "mg/dL")),
        ("LAB_VALUE", "50.3 ± 9.4 mg/dl", value(50.3, 9.4, "mg/dL")),
    ], [("43.1 ± 8.2", "ABC"), ("50.3 ± 9.4 mg/dl", "ABC")])
    assert [(arm, o["kind"], o["days"]) for arm, o in arm_outcomes(rec)] == [
        ("intervention group", "baseline", 0.0), ("intervention group", "follow_up", 84.0)]


def test_a_level_naming_no_arm_stays_the_cohort_s():
    text = ("Girls were randomly assigned (intervention group: n = 58; control group: n = 30). "
            "\nAt baseline, mean ABC was 43.1 ± 8.2 mg/dl.")
    rec = record(text, [
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "43.1 ± 8.2 mg/dl", value(43.1, 8.2, "mg/dL")),
    ], [("43.1 ± 8.2 mg/dl", "ABC")])
    assert [(o["arm"], o["kind"]) for o in outcomes(rec)] == [(None, "baseline")]


def test_a_value_in_brackets_after_baseline_and_its_test_is_the_cohort_s_baseline():
    text = ("Patients were randomized to placebo or drug X for 102 weeks. At week 102, mean changes from "
            "baseline ABC (8.06%) were +0.02% for placebo compared with -0.48% for drug X.")
    rec = record(text, [
        ("TIME_POINT", "102 weeks", days(714)),
        ("TIME_POINT", "week 102", days(714)),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "8.06%", value(8.06, unit="%")),
        ("LAB_VALUE", "+0.02%", value(0.02, unit="%")),
        ("LAB_VALUE", "-0.48%", value(-0.48, unit="%")),
    ], [("8.06%", "ABC"), ("+0.02%", "ABC"), ("-0.48%", "ABC")])
    first = outcomes(rec)[0]
    assert (first["value"], first["kind"], first["days"], first["arm"]) == (8.06, "baseline", 0.0, None)


def test_differences_between_arms_listed_after_a_colon_are_differences():
    text = ("At end of study, differences between drug X and drug Y were as follows: "
            "reduction in ABC -0.30% (95% CI -0.58 to -0.01).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "-0.30%", value(-0.3, unit="%")),
    ], [("-0.30%", "ABC")])
    assert [o["kind"] for o in outcomes(rec)] == ["difference"]


def test_a_rise_between_baseline_and_a_time_is_a_change_at_that_time():
    text = "Drug X led to small increases in ABC between baseline and 1-year follow-up (2.3 IU/l, p<0.01)."
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("TIME_POINT", "baseline", days(0)),
        ("TIME_POINT", "1-year", days(365)),
        ("LAB_VALUE", "2.3 IU/l", value(2.3, unit="IU/L")),
    ], [("2.3 IU/l", "ABC")])
    assert [(o["kind"], o["days"]) for o in outcomes(rec)] == [("change", 365.0)]


def test_one_value_per_arm_listed_for_all_groups_follows_the_arms():
    text = ("Women were randomized to Group A, Group B or Group C. "
            "\nThere was no significant difference in the ABC of the three groups before surgery (3.88 ± 0.75, 3.54 ± 0.73, and 3.75 ± 0.70; P = 0.39).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "3.88 ± 0.75", value(3.88, 0.75)),
        ("LAB_VALUE", "3.54 ± 0.73", value(3.54, 0.73)),
        ("LAB_VALUE", "3.75 ± 0.70", value(3.75, 0.70)),
    ], [("3.88 ± 0.75", "ABC"), ("3.54 ± 0.73", "ABC"), ("3.75 ± 0.70", "ABC")])
    assert [arm for arm, o in arm_outcomes(rec)] == ["Group A", "Group B", "Group C"]


def test_the_p_value_of_a_before_and_after_pair_goes_with_the_later_value():
    text = "Adults took drug X for 12 weeks. ABC was lowered from 179.6 ± 7.5 to 117.6 ± 6.5 mg/dL (P < 0.001)."
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "179.6 ± 7.5", value(179.6, 7.5, "mg/dL")),
        ("LAB_VALUE", "117.6 ± 6.5 mg/dL", value(117.6, 6.5, "mg/dL")),
    ], [("179.6 ± 7.5", "ABC"), ("117.6 ± 6.5 mg/dL", "ABC")])
    assert [o["p_value"] for o in outcomes(rec)] == [None, {"comparator": "<", "value": 0.001}]


def test_a_baseline_level_has_no_direction():
    text = "Drug X improved ABC, from 41.9 ± 3.9 to 40.4 ± 3.6 kPa."
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "41.9 ± 3.9", value(41.9, 3.9, "kPa")),
        ("LAB_VALUE", "40.4 ± 3.6 kPa", value(40.4, 3.6, "kPa")),
    ], [("41.9 ± 3.9", "ABC"), ("40.4 ± 3.6 kPa", "ABC")])
    assert [o["direction"] for o in outcomes(rec)] == [None, "improved"]


def test_each_side_of_a_contrast_has_its_own_direction():
    # before: the Y group's value was "improved", a word of the other side of "while"
    text = ("ABC improved from 41.9 ± 3.9 to 40.4 ± 3.6 kPa in the X group, while it did not change in the "
            "Y group (42.0 ± 3.1 kPa).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "41.9 ± 3.9", value(41.9, 3.9, "kPa")),
        ("LAB_VALUE", "40.4 ± 3.6 kPa", value(40.4, 3.6, "kPa")),
        ("LAB_VALUE", "42.0 ± 3.1 kPa", value(42.0, 3.1, "kPa")),
    ], [("41.9 ± 3.9", "ABC"), ("40.4 ± 3.6 kPa", "ABC"), ("42.0 ± 3.1 kPa", "ABC")])
    assert [o["direction"] for o in outcomes(rec)] == [None, "improved", "unchanged"]


def test_definitions_aims_and_protocol_conditions_are_no_results():
    text = ("The primary outcome was defined as a 0.8% decrease in ABC. "
            "Five patients needed extra doses to decrease initial DEF levels by 10%. "
            "When GHI fell to 0.1 ng/mL, treatment was stopped. "
            "At the end, ABC was 7.1%.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 1), ("LAB_VALUE", "0.8%", value(0.8, unit="%")),
        ("LAB_TEST", "DEF", lab("def")), ("LAB_VALUE", "10%", value(10, unit="%")),
        ("LAB_TEST", "GHI", lab("ghi")), ("LAB_VALUE", "0.1 ng/mL", value(0.1, unit="ng/mL")),
        ("LAB_TEST", "ABC", lab("abc"), 2), ("LAB_VALUE", "7.1%", value(7.1, unit="%")),
    ], [("0.8%", "ABC"), ("10%", "DEF"), ("0.1 ng/mL", "GHI"), ("7.1%", "ABC#2")])
    assert [o["value"] for o in outcomes(rec)] == [7.1]



def test_two_values_compared_given_one_arm_are_split_between_the_arms():
    from celltx.trial import arms as arms_mod
    from celltx.trial.outcomes import _split_compared_pairs
    from celltx.trial.text import Doc

    text = ("Patients were randomized to the drugzole group or the placebo group. "
            "\nPeak ABC was lower (drugzole (10.1 ± 0.7 mmol/l) vs placebo (12.7 ± 1.0 mmol/l); P < 0.01).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "10.1 ± 0.7 mmol/l", value(10.1, 0.7, "mmol/L")),
        ("LAB_VALUE", "12.7 ± 1.0 mmol/l", value(12.7, 1.0, "mmol/L")),
    ], [("10.1 ± 0.7 mmol/l", "ABC"), ("12.7 ± 1.0 mmol/l", "ABC")])
    doc = Doc.from_record(rec)
    arms = arms_mod.find_arms(doc)
    values = doc.by_label["LAB_VALUE"]
    placed = [(v, {"arm": 1, "days": None, "kind": "follow_up"}) for v in values]
    groups = {(doc.value_of[values[0]["id"]]["id"], doc.sentence_of(values[0]["start"])): values}
    _split_compared_pairs(doc, arms, placed, groups)
    labels = [a.label for a in arms]
    assert [labels[o["arm"]] for _, o in placed] == ["drugzole group", "placebo group"]


def test_a_legend_of_arms_in_the_bracket_orders_the_compared_values():
    text = ("Patients were randomized to the exercise therapy group or the exercise-plus-drugzole therapy group. "
            "After 6 months, ABC was lower in the exercise-plus-drugzole therapy group than in the exercise therapy group "
            "(exercise vs exercise-plus-drugzole: ABC, 140 ± 6 vs 95 ± 5 mg/dL, P < 0.001).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "140 ± 6", value(140, 6, "mg/dL")),
        ("LAB_VALUE", "95 ± 5 mg/dL", value(95, 5, "mg/dL")),
        ("TIME_POINT", "6 months", days(180)),
    ], [("140 ± 6", "ABC"), ("95 ± 5 mg/dL", "ABC")])
    got = [(label, o["value"]) for label, o in arm_outcomes(rec)]
    assert got == [("exercise therapy group", 140), ("exercise-plus-drugzole therapy group", 95)]


def test_a_time_label_heading_an_item_of_a_bracket_is_the_time_of_its_values():
    text = ("Patients were randomized to the drugzole group or the placebo group. "
            "ABC was measured at 60 and 180 min. ABC was lower with drugzole than with placebo "
            "at 60 and 180 min (mean ± SE, 60 min: 5.1 ± 0.2 vs 6.3 ± 0.3 mmol/L; 180 min: 4.2 ± 0.2 vs 5.9 ± 0.4 mmol/L).")
    rec = record(text, [
        ("TIME_POINT", "60 and 180 min", days(1 / 24, 3 / 24), 1),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("TIME_POINT", "60 and 180 min", days(1 / 24, 3 / 24), 2),
        ("LAB_VALUE", "5.1 ± 0.2", value(5.1, 0.2, "mmol/L")),
        ("LAB_VALUE", "6.3 ± 0.3 mmol/L", value(6.3, 0.3, "mmol/L")),
        ("TIME_POINT", "180 min", days(3 / 24), 3),
        ("LAB_VALUE", "4.2 ± 0.2", value(4.2, 0.2, "mmol/L")),
        ("LAB_VALUE", "5.9 ± 0.4 mmol/L", value(5.9, 0.4, "mmol/L")),
    ], [("5.1 ± 0.2", "ABC"), ("6.3 ± 0.3 mmol/L", "ABC"), ("4.2 ± 0.2", "ABC"), ("5.9 ± 0.4 mmol/L", "ABC")])
    got = [(o["value"], round(o["days"] * 24, 3), label) for label, o in arm_outcomes(rec)]
    assert got == [(5.1, 1.0, "drugzole group"), (6.3, 1.0, "placebo group"),
                   (4.2, 3.0, "drugzole group"), (5.9, 3.0, "placebo group")]


def test_a_value_beside_an_arm_name_and_size_is_what_the_arm_was_given():
    text = ("We compared 0 % (Group I, n = 15) and 5 % (Group II, n = 15) ABC solutions. "
            "ABC after the infusion was 74.6 ± 4.6 in Group I and 103.3 ± 11.2 in Group II.")
    rec = record(text, [
        ("LAB_VALUE", "5 %", value(5, unit="%")),
        ("LAB_TEST", "ABC", lab("abc"), 1),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "74.6 ± 4.6", value(74.6, 4.6)),
        ("LAB_VALUE", "103.3 ± 11.2", value(103.3, 11.2)),
    ], [("5 %", "ABC"), ("74.6 ± 4.6", "ABC#2"), ("103.3 ± 11.2", "ABC#2")])
    assert [o["value"] for o in outcomes(rec)] == [74.6, 103.3]


def test_values_in_brackets_after_the_arms_names_are_levels_compared():
    text = ("Patients were randomized to the drugzole group or the placebo group. "
            "ABC at 60 minutes was increased with drugzole (drugzole (9.1 ± 2.7) vs. placebo (5.8 ± 1.8); P = 0.02).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("TIME_POINT", "60 minutes", days(1 / 24)),
        ("LAB_VALUE", "9.1 ± 2.7", value(9.1, 2.7)),
        ("LAB_VALUE", "5.8 ± 1.8", value(5.8, 1.8)),
    ], [("9.1 ± 2.7", "ABC"), ("5.8 ± 1.8", "ABC")])
    got = [(label, o["value"], o["kind"]) for label, o in arm_outcomes(rec)]
    assert got == [("drugzole group", 9.1, "follow_up"), ("placebo group", 5.8, "follow_up")]


def test_a_time_inside_an_arm_name_is_not_the_time_of_a_value():
    text = ("Patients were randomized to the 6-month course group or the 12-month course group. "
            "At 2 years, ABC was 5.1 mmol/L in the 6-month course group and 4.2 mmol/L in the 12-month course group.")
    rec = record(text, [
        ("TIME_POINT", "6-month", days(180), 1),
        ("TIME_POINT", "12-month", days(360), 1),
        ("TIME_POINT", "2 years", days(730)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "5.1 mmol/L", value(5.1, unit="mmol/L")),
        ("TIME_POINT", "6-month", days(180), 2),
        ("LAB_VALUE", "4.2 mmol/L", value(4.2, unit="mmol/L")),
        ("TIME_POINT", "12-month", days(360), 2),
    ], [("5.1 mmol/L", "ABC"), ("4.2 mmol/L", "ABC")])
    got = [(label, o["value"], o["days"]) for label, o in arm_outcomes(rec)]
    assert got == [("6-month course group", 5.1, 730.0), ("12-month course group", 4.2, 730.0)]


def test_the_level_a_change_reached_written_to_in_a_bracket_is_a_follow_up():
    text = ("Patients were randomized to the drugzole group or the placebo group. "
            "At 24 months, ABC levels decreased by 60% compared with baseline (to 787 pg/ml) in the drugzole group "
            "versus a 10% decrease (to 2971 pg/ml) in the placebo group.")
    rec = record(text, [
        ("TIME_POINT", "24 months", days(720)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "60%", value(60, unit="%")),
        ("TIME_POINT", "baseline", days(0)),
        ("LAB_VALUE", "787 pg/ml", value(787, unit="pg/mL")),
        ("LAB_VALUE", "10%", value(10, unit="%")),
        ("LAB_VALUE", "2971 pg/ml", value(2971, unit="pg/mL")),
    ], [("60%", "ABC"), ("787 pg/ml", "ABC"), ("10%", "ABC"), ("2971 pg/ml", "ABC")])
    got = [(label, o["value"], o["kind"], o["days"]) for label, o in arm_outcomes(rec)]
    assert got == [("drugzole group", 60, "change", 720.0), ("drugzole group", 787, "follow_up", 720.0),
                   ("placebo group", 10, "change", 720.0), ("placebo group", 2971, "follow_up", 720.0)]


def test_the_cohort_baseline_is_no_arm_s_when_the_only_arm_found_is_the_control():
    text = ("Patients were randomized (1:1:1:1) to the placebo group or one of three doses of drugzole. "
            "At week 12, mean changes from baseline ABC (8.06%) were +0.02% for placebo.")
    rec = record(text, [
        ("TIME_POINT", "week 12", days(84)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "8.06%", value(8.06, unit="%")),
        ("LAB_VALUE", "+0.02%", value(0.02, unit="%")),
    ], [("8.06%", "ABC"), ("+0.02%", "ABC")])
    summary = summarize(rec)
    assert [a["label"] for a in summary["arms"]] == ["placebo group"]
    assert [(o["value"], o["kind"], o["arm"]) for o in summary["outcomes"]][0] == (8.06, "baseline", None)


def test_a_before_vs_after_legend_makes_a_baseline_and_a_follow_up_also_in_the_next_bracket():
    text = ("Patients were randomized to the drugzole group or the placebo group for 4 weeks. "
            "ABC increased after drugzole supplementation (before vs after, 42.1 ± 1.5 vs 44.9 ± 1.6 mg/L), "
            "while DEF did not (14.6 ± 0.9 vs 14.0 ± 0.9 ug/L).")
    rec = record(text, [
        ("TIME_POINT", "4 weeks", days(28)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "42.1 ± 1.5", value(42.1, 1.5, "mg/L")),
        ("LAB_VALUE", "44.9 ± 1.6 mg/L", value(44.9, 1.6, "mg/L")),
        ("LAB_TEST", "DEF", lab("def")),
        ("LAB_VALUE", "14.6 ± 0.9", value(14.6, 0.9, "ug/L")),
        ("LAB_VALUE", "14.0 ± 0.9 ug/L", value(14.0, 0.9, "ug/L")),
    ], [("42.1 ± 1.5", "ABC"), ("44.9 ± 1.6 mg/L", "ABC"), ("14.6 ± 0.9", "DEF"), ("14.0 ± 0.9 ug/L", "DEF")])
    got = [(label, o["value"], o["kind"], o["days"]) for label, o in arm_outcomes(rec)]
    assert got == [("drugzole group", 42.1, "baseline", 0.0), ("drugzole group", 44.9, "follow_up", 28.0),
                   ("drugzole group", 14.6, "baseline", 0.0), ("drugzole group", 14.0, "follow_up", 28.0)]


def test_values_of_the_background_section_are_no_results_of_the_trial():
    text = ("TITLE: Drugzole in adults\n\nABSTRACT.BACKGROUND: In earlier studies ABC rose by 0.07 mg/dL with drugzole.\n\n"
            "ABSTRACT.RESULTS: Patients were randomized to the drugzole group or the placebo group. "
            "At 12 weeks ABC was 1.1 mg/dL in the drugzole group and 0.9 mg/dL in the placebo group.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 1),
        ("LAB_VALUE", "0.07 mg/dL", value(0.07, unit="mg/dL")),
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "1.1 mg/dL", value(1.1, unit="mg/dL")),
        ("LAB_VALUE", "0.9 mg/dL", value(0.9, unit="mg/dL")),
    ], [("0.07 mg/dL", "ABC"), ("1.1 mg/dL", "ABC#2"), ("0.9 mg/dL", "ABC#2")])
    assert [o["value"] for o in outcomes(rec)] == [1.1, 0.9]


def test_a_value_of_one_participant_is_no_trial_outcome():
    text = ("Patients were randomized to the drugzole group or the placebo group. "
            "All ABC values were within range except for a single ABC level (274 pmol/L) in one patient on the lower dose. "
            "Mean ABC was 80 pmol/L in the drugzole group.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 2),
        ("LAB_VALUE", "274 pmol/L", value(274, unit="pmol/L")),
        ("LAB_TEST", "ABC", lab("abc"), 3),
        ("LAB_VALUE", "80 pmol/L", value(80, unit="pmol/L")),
    ], [("274 pmol/L", "ABC"), ("80 pmol/L", "ABC#2")])
    assert [o["value"] for o in outcomes(rec)] == [80]


def test_a_percentage_of_people_in_whom_something_was_observed_is_no_lab_value():
    text = ("Patients were randomized to the drugzole group or the control group. "
            "ABC fell to 4.1 mg/L in the drugzole group; complete responses were observed in 68% with drugzole versus 56% in controls.")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "4.1 mg/L", value(4.1, unit="mg/L")),
        ("LAB_VALUE", "68%", value(68, unit="%")),
        ("LAB_VALUE", "56%", value(56, unit="%")),
    ], [("4.1 mg/L", "ABC"), ("68%", "ABC"), ("56%", "ABC")])
    assert [o["value"] for o in outcomes(rec)] == [4.1]


def test_a_list_of_p_values_goes_with_the_items_of_the_bracket_in_order():
    text = ("Patients were randomized to the A group, the B group or the C group. "
            "ABC did not differ between the three groups (ABC1: 4.2, 4.3, 4.1; ABC2: 4.8, 4.7, 4.6; P = 0.793 and 0.876).")
    rec = record(text, [
        ("LAB_TEST", "ABC", lab("abc"), 1),
        ("LAB_VALUE", "4.2", value(4.2)), ("LAB_VALUE", "4.3", value(4.3)), ("LAB_VALUE", "4.1", value(4.1)),
        ("LAB_VALUE", "4.8", value(4.8)), ("LAB_VALUE", "4.7", value(4.7)), ("LAB_VALUE", "4.6", value(4.6)),
    ], [("4.2", "ABC"), ("4.3", "ABC"), ("4.1", "ABC"), ("4.8", "ABC"), ("4.7", "ABC"), ("4.6", "ABC")])
    got = [(o["value"], (o["p_value"] or {}).get("value")) for o in outcomes(rec)]
    assert [p for _, p in got] == [0.793, 0.793, 0.793, 0.876, 0.876, 0.876]


def test_comparable_or_not_different_levels_are_unchanged():
    text = ("Patients were randomized to the drugzole group or the placebo group. "
            "At 12 weeks, ABC was comparable for the drugzole group (7.8 ± 0.8%) and the placebo group (7.6 ± 0.8%). "
            "DEF in the drugzole group (4958 mIU/mL) was not different from the level in the placebo group.")
    rec = record(text, [
        ("TIME_POINT", "12 weeks", days(84)),
        ("LAB_TEST", "ABC", lab("abc")),
        ("LAB_VALUE", "7.8 ± 0.8%", value(7.8, 0.8, "%")),
        ("LAB_VALUE", "7.6 ± 0.8%", value(7.6, 0.8, "%")),
        ("LAB_TEST", "DEF", lab("def")),
        ("LAB_VALUE", "4958 mIU/mL", value(4958, unit="mIU/mL")),
    ], [("7.8 ± 0.8%", "ABC"), ("7.6 ± 0.8%", "ABC"), ("4958 mIU/mL", "DEF")])
    assert [o["direction"] for o in outcomes(rec)] == ["unchanged", "unchanged", "unchanged"]


def test_an_arm_named_only_as_the_comparison_comes_last_in_a_vs_pair():
    text = ("Children were divided into a vitamin D group and a control group. "
            "Vitamin treatment lowered ALT (18.5 ± 4.1 vs. 30.2 ± 9.8 U/L, P = 0.01) compared with the control group.")
    rec = record(text, [
        ("LAB_TEST", "ALT", lab("alanine aminotransferase")),
        ("LAB_VALUE", "18.5 ± 4.1", value(18.5, 4.1, "U/L")),
        ("LAB_VALUE", "30.2 ± 9.8 U/L", value(30.2, 9.8, "U/L")),
    ], [("18.5 ± 4.1", "ALT"), ("30.2 ± 9.8 U/L", "ALT")])
    pairs = [(label, o["value"]) for label, o in arm_outcomes(rec)]
    assert sorted(pairs) == [("control group", 30.2), ("vitamin D group", 18.5)]


def test_intragastric_is_named_as_the_gastric_fluid():
    text = "Intragastric pH was 5.1 at day 1; pH stayed above 4 at day 5 (pH 6.2)."
    rec = record(text, [
        ("LAB_TEST", "Intragastric pH", lab("ph")),
        ("LAB_VALUE", "5.1", value(5.1)),
        ("TIME_POINT", "day 1", days(1)),
        ("LAB_TEST", "pH", lab("ph"), 2),
        ("TIME_POINT", "day 5", days(5)),
        ("LAB_TEST", "pH", lab("ph"), 3),
        ("LAB_VALUE", "6.2", value(6.2)),
    ], [("5.1", "Intragastric pH"), ("6.2", "pH#2")])
    assert {o["analyte"] for o in outcomes(rec)} == {"gastric ph"}
