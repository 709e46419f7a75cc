"""celltx.trial.counts: the number of participants per arm (invented sentences)."""

from __future__ import annotations

from celltx.trial.summary import summarize

from .helpers import record


def sizes(text: str) -> list[int | None]:
    return [a["n"] for a in summarize(record(text, []))["arms"]]


def test_n_in_brackets_after_each_arm():
    text = "Forty adults were randomized to the laser group (n = 21) or the sham group (n = 19)."
    assert sizes(text) == [21, 19]


def test_generic_arm_words_name_their_arm_for_counting():
    text = ("We compared an intervention group with a control group. In total, 87 patients were randomized "
            "to the intervention and 90 to the control group.")
    assert sizes(text) == [87, 90]


def test_a_name_split_by_its_bracket():
    text = ("Patients were grouped into experimental and control groups. The experimental (n = 44) group "
            "trained twice a week, while the control (n = 41) group did not train.")
    assert sizes(text) == [44, 41]


def test_counts_after_a_semicolon_and_after_and():
    text = ("Of 80 screened patients, 39 were enrolled; 20 to the laser group and 19 to the sham group.")
    assert sizes(text) == [20, 19]


def test_count_randomized_to_receive_and_a_bare_count_that_received():
    text = ("Patients were allocated to a laser group or a sham group. Overall, 240 patients were randomized to "
            "receive the laser group treatment and 236 received the sham group treatment.")
    assert sizes(text) == [240, 236]


def test_a_list_of_sizes_in_brackets():
    text = ("We compared an intervention group with a control group. Clinics recruited 4000 individuals "
            "(2010 intervention and 1990 control) who were inactive.")
    assert sizes(text) == [2010, 1990]


def test_the_same_size_for_every_arm():
    for phrase in ("into two groups of 31 patients", "into two groups comprising 31 patients each",
                   "into two groups (n = 31 per group)", "into two groups (both: n = 31)",
                   "into two groups, each group having 31 patients"):
        text = f"Sixty-two patients were divided {phrase}: the laser group and the sham group."
        assert sizes(text) == [31, 31], phrase


def test_k_groups_with_one_n_when_the_sizes_add_up_to_the_enrolled():
    text = "Twenty patients were enrolled and randomly divided into two groups (n = 10): the laser group and the sham group."
    assert sizes(text) == [10, 10]
    text = "Twenty patients were enrolled and randomly divided into two groups (n = 20): the laser group and the sham group."
    assert sizes(text) == [None, None]  # 2 x 20 is not the 20 enrolled: the n is the whole cohort's


def test_equal_groups_share_the_enrolled():
    text = "Sixty patients were randomized into three equal groups: the low group, the mid group and the high group."
    assert sizes(text) == [20, 20, 20]


def test_counts_listed_with_respectively():
    text = ("Patients were allocated to the laser group or the sham group. "
            "Finally 19 and 13 patients received 30-month treatment in the laser group or the sham group, respectively.")
    assert sizes(text) == [19, 13]


def test_the_whole_of_a_share_in_an_arm():
    text = ("Patients were allocated to the laser group or the sham group. Healing occurred in 86 (48.6%) of 177 in the "
            "sham group and in 5 of the 30 patients (17%) in the laser group.")
    assert sizes(text) == [30, 177]


def test_counts_of_events_are_no_arm_sizes():
    text = ("Patients were allocated to the laser group or the sham group. Six patients were discontinued from the "
            "laser group. Five participants dropped out (laser group: 4, sham group: 1).")
    assert sizes(text) == [None, None]


def test_a_proportion_given_for_an_arm_is_its_size_as_a_last_resort():
    text = ("Patients were allocated to the laser group or the sham group. Healing was seen in 25/48 (52%) in the "
            "laser group and 12/42 (29%) in the sham group.")
    assert sizes(text) == [48, 42]
    text = ("Patients were allocated to the laser group or the sham group. 20/21 contacts (95%) were screened in the "
            "laser group and 3/20 (15%) in the sham group.")
    assert sizes(text) == [None, None]


def test_the_n_of_a_sentence_that_names_one_arm():
    text = "Group I received drug A before surgery (n = 40). Group II received drug B before surgery (n = 38)."
    assert sizes(text) == [40, 38]


def test_n_after_a_comma():
    text = "Both groups (group A, n = 27 vs. group B, n = 26) were alike at baseline."
    assert sizes(text) == [27, 26]


def test_a_count_before_the_bracket_of_a_name():
    text = ("Posterior capsulorhexis was done with dye in 18 eyes (group 1) and without dye (group 2) in 17 eyes.")
    assert sizes(text) == [18, 17]


def test_a_count_after_the_name_needs_a_verb_or_a_bracket():
    text = ("Patients were allocated to the laser group or the sham group. In the laser group nine patients "
            "improved, while the sham group included 30 patients.")
    assert sizes(text) == [None, 30]


def test_counts_of_both_arms_listed_after_the_first():
    text = ("We compared an intervention arm with a control arm. Overall 120 patients "
            "(60 randomised to control arm, 58 randomised to intervention arm) were recruited.")
    assert sizes(text) == [58, 60]
    text = ("Patients were allocated to group L or group K. Pain was seen in 5 of the 30 patients (17%) in group L, "
            "and in 9 of the 31 patients (29%) in group K.")
    assert sizes(text) == [30, 31]


def test_the_other_count_in_a_clause_of_its_own():
    text = ("The 128 patients were divided into 2 groups: 64 in the experimental group were treated with a laser; "
            "the other 64 were in a control group treated with a lacquer.")
    assert sizes(text) == [64, 64]


def test_equal_groups_give_their_size_to_the_one_arm_found():
    text = "Fifty patients were randomly divided into two equal groups; the alfentanil group received 10 ug/kg."
    assert sizes(text) == [25]


def test_the_other_size_of_two_in_an_allocating_sentence():
    # the treated arm is named "exercise group" elsewhere and "intervention" where its size is
    # given; the control's size is known, so the other size in the sentence is the treated arm's
    text = ("We compared an exercise group with a non-intervention control group. Adults were randomly "
            "assigned to intervention (n = 30) or control group (n = 31).")
    assert sizes(text) == [30, 31]
    # without an allocating verb the two sizes may count something else
    text = ("We compared an exercise group with a non-intervention control group (n = 31). "
            "Falls were seen in the intervention (n = 3) and in the usual-care ward (n = 4).")
    assert sizes(text)[0] is None


def test_a_count_that_received_a_treatment_named_by_its_group_in_brackets():
    text = ("Ninety patients were enrolled, of whom 45 patients received zorbitol + usual care (ZOR group), and "
            "45 patients received usual care alone as control group.")
    assert sizes(text) == [45, 45]
    # a total allocated to the groups is no arm's size
    text = ("In total, 100 patients were randomly allocated into two groups: zorbitol (group Z) and control "
            "(group C). Patients in group Z (n = 46) received zorbitol and in group C (n = 47) saline.")
    assert sizes(text) == [46, 47]


def test_counts_after_a_double_hyphen_dash_but_not_after_a_range():
    text = "Two hundred patients were enrolled--111 in the brimonidine group and 89 in the timolol group."
    assert sizes(text) == [111, 89]
    text = "Children aged 8\u201316 were randomly allocated to the control group or the defocus group."
    assert sizes(text) == [None, None]


def test_counts_listed_before_the_arms_they_are_in_with_respectively():
    text = ("Women were randomized to the vaccine arm or the control arm. In total 334 women were enrolled; "
            "221 and 113 in vaccine and control arms, respectively.")
    trial = summarize(record(text, []))
    assert trial["n_enrolled"] == 334
    assert [(a["label"], a["n"]) for a in trial["arms"]] == [("vaccine arm", 221), ("control arm", 113)]


def test_all_randomized_to_two_treatments_is_no_arm_size_even_with_a_dose_in_brackets():
    assert sizes("Forty patients were randomized to MSCs (1x10^6 cells/kg) or placebo.") == [None, None]
    assert sizes("Forty patients were randomized to MSCs (n = 20) or placebo (n = 20).") == [20, 20]


def test_a_list_of_counts_per_numbered_group_without_articles():
    # before: [68, None, None] (a count before a group name needed "the")
    text = ("Patients were randomized to group 1, group 2 or group 3. There were 68 patients in group 1, "
            "70 in group 2, and 72 in group 3.")
    assert sizes(text) == [68, 70, 72]


def test_a_list_of_event_counts_in_a_bracket_is_no_arm_size():
    # a guard: the list rule above must not read counts of events in a bracket
    text = ("Patients were randomized to the FLOX arm or the B arm. Anemia was recorded in 3 patients "
            "(2 in FLOX arm, one in B arm).")
    assert sizes(text) == [None, None]


def test_n_across_a_line_break_of_hard_wrapped_text():
    text = ("Two eye drops\nPatients with glaucoma were randomized (latanoprost, n =\n60; timolol, n = 58) to treatment.\n"
            "IOP fell in the latanoprost group and in the timolol group.")
    assert sizes(text) == [60, 58]


def test_counts_of_events_compared_between_arms_are_not_sizes():
    text = ("Patients were randomized to the laser group (n = 40) or the sham group (n = 41). Burning was more "
            "frequent with the sham group (n =\n12) than with the laser group (n = 0).")
    assert sizes(text) == [40, 41]
    text = ("Sixty patients took drop A and drop B in a crossover design. The first reading was taken 2 hours "
            "after drop A and drop B, and the second at 10 and 21 hours, respectively.")
    assert 10 not in sizes(text)


def test_equal_sizes_said_once_for_both_or_each_group():
    assert sizes("Eighty patients (40 for both groups) were randomized to the laser group or the sham group.") == [40, 40]
    assert sizes("Newborns were randomized to the laser group, the sham group or the music group (n = 25 for each).") == [25, 25, 25]
    text = "The patients were randomly divided into two groups of 22, one of which received the laser group treatment and the other the sham group treatment."
    assert sizes(text) == [22, 22]


def test_counts_before_a_group_s_own_name_and_after_were_in():
    text = ("Patients were randomized to group A or group B. In all, 121 patients were analyzed (62 in group A and "
            "59 in group B).")
    assert sizes(text) == [62, 59]
    text = "Patients were randomized to the laser group or the sham group. Of 50, 26 were in laser and 24 were in sham group."
    assert sizes(text) == [26, 24]
    # responses counted per group are not the groups' sizes
    text = "Patients were randomized to arm A or arm B. Complete responses were three in arm A and two in arm B."
    assert sizes(text) == [None, None]


def test_a_group_named_by_its_short_form_is_counted_where_the_short_form_stands_alone():
    text = ("Women were divided into fasting plus exercise (FE; n = 11) and fasting alone (FA; n = 15). "
            "Weight fell in the FE group more than in the FA group.")
    assert sizes(text) == [11, 15]


def test_a_count_of_people_whose_clause_ends_in_received_the_product():
    text = ("Patients were randomized into 2 groups. Eighteen patients underwent surgery (resection and "
            "radiotherapy) and received adjuvant autologous dendritic cell vaccine, and 16 patients (control "
            "group) underwent surgery only. Survival was longer in the vaccine group than in the control group.")
    arms = summarize(record(text, []))["arms"]
    assert {a["label"]: a["n"] for a in arms} == {"vaccine group": 18, "control": 16}
    # the last count of people before the name is its own
    text = ("Patients were randomized to the laser group or the sham group. Twenty patients underwent the laser group "
            "protocol, and 19 patients underwent screening and received the sham group protocol.")
    assert sizes(text) == [20, 19]
