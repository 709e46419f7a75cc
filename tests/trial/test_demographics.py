"""celltx.trial.demographics: age and number of men per arm (invented sentences)."""

from __future__ import annotations

from celltx.trial import demographics
from celltx.trial.summary import summarize
from celltx.trial.text import Doc

from .helpers import record


def arms_of(text: str) -> list[dict]:
    return summarize(record(text, []))["arms"]


def age(value=None, sd=None, low=None, high=None) -> dict:
    return {"value": value, "sd": sd, "low": low, "high": high}


def test_age_in_the_bracket_after_each_arm():
    text = ("Forty adults were randomized to the laser group (n = 20; 61.2 ± 5.3 years) "
            "or the sham group (n = 20; 59.8 ± 6.1 years).")
    arms = arms_of(text)
    assert [a["age"] for a in arms] == [age(61.2, 5.3), age(59.8, 6.1)]


def test_age_written_after_each_arm_name_in_an_age_sentence():
    text = ("Patients were randomized to the laser group or the sham group. The mean age was similar "
            "(laser group: 50.5 ± 6.0 years; sham group: 52.0 ± 5.5 years).")
    assert [a["age"] for a in arms_of(text)] == [age(50.5, 6.0), age(52.0, 5.5)]


def test_a_versus_list_of_ages_follows_the_order_of_the_arms():
    text = ("Patients were allocated to group A, group B or group C. In the three groups the mean age was "
            "44.1 ± 3.2 vs. 46.0 ± 2.9 vs. 45.5 ± 4.0 years (P = 0.4).")
    assert [a["age"] for a in arms_of(text)] == [age(44.1, 3.2), age(46.0, 2.9), age(45.5, 4.0)]


def test_ages_with_respectively_follow_the_names_before_them():
    text = ("We randomized 90 patients to the laser group or the drops group "
            "(laser group, n = 45; drops group, n = 45; mean [SD] age, 50.2 [7.1] and 49.8 [6.6] years, respectively).")
    arms = arms_of(text)
    assert [a["age"] for a in arms] == [age(50.2, 7.1), age(49.8, 6.6)]


def test_an_age_before_of_the_group_belongs_to_that_group():
    text = ("Women were randomized to the vitamin group or the placebo group. The average age of the vitamin group "
            "was 33.5 (SD, ±4.1) years and 35.2 (SD, ±3.9) of the placebo group.")
    assert [a["age"] for a in arms_of(text)] == [age(33.5, 4.1), age(35.2, 3.9)]


def test_the_age_of_the_whole_cohort_stays_off_the_arms_of_a_parallel_trial():
    text = "Sixty patients (mean age 52 ± 9 years) were randomized to the laser group or the sham group."
    assert [a["age"] for a in arms_of(text)] == [None, None]


def test_a_bracket_after_two_alternatives_speaks_of_both():
    text = "Patients were randomized to the laser group or the sham group (mean age 52 ± 9 years)."
    assert [a["age"] for a in arms_of(text)] == [None, None]


def test_the_cohort_age_and_men_go_to_every_arm_of_a_crossover():
    text = ("In this crossover study, 18 volunteers (age 25.1 ± 4.2 years; 10 men, 8 women) were assigned "
            "to the cocoa group and the water group in random order.")
    arms = arms_of(text)
    assert len(arms) == 2
    assert [a["age"] for a in arms] == [age(25.1, 4.2)] * 2
    assert [a["male"] for a in arms] == [10, 10]


def test_a_range_of_years_of_age_of_a_crossover_cohort():
    text = ("Twenty children 2 to 6 years of age took part in this randomized crossover trial of the "
            "syrup group and the placebo group.")
    assert [a["age"] for a in arms_of(text)] == [age(low=2.0, high=6.0)] * 2


def test_disease_duration_and_thresholds_are_no_ages():
    text = ("Patients were randomized to the laser group or the sham group. Age and disease duration did not differ "
            "(laser group: disease duration 5.0 ± 2.0 years; sham group: disease duration 6.0 ± 2.5 years).")
    assert [a["age"] for a in arms_of(text)] == [None, None]


def test_an_abbreviation_age_is_no_age():
    text = "Rats were fed garlic extract (AGE, n = 10) or water (n = 10) for 4 weeks."
    assert demographics._ages_after_cue(text, 0, len(text)) == []


def test_a_trial_of_women_only_has_no_men_in_any_arm():
    text = "Forty postmenopausal women were randomly assigned to the soy group or the placebo group."
    assert [a["male"] for a in arms_of(text)] == [0, 0]


def test_a_trial_of_men_only_counts_every_participant_of_an_arm():
    text = "Thirty healthy men were randomized to the exercise group (n = 16) or the control group (n = 14)."
    assert [a["male"] for a in arms_of(text)] == [16, 14]


def test_a_share_of_men_is_no_count():
    text = "Eighty patients (55% male) were randomized to the laser group (n = 40) or the sham group (n = 40)."
    assert [a["male"] for a in arms_of(text)] == [None, None]


def test_counts_of_men_in_each_arm_bracket():
    text = ("Patients were randomized to the laser group (n = 20; male/female 12/8) or "
            "the sham group (n = 19; 11 men and 8 women).")
    assert [a["male"] for a in arms_of(text)] == [12, 11]


def test_women_counted_in_each_group_leave_the_rest_as_men():
    text = ("Patients were randomized to the laser group (n = 50) or the sham group (n = 48); "
            "there were 30 women in each group.")
    assert [a["male"] for a in arms_of(text)] == [20, 18]


def test_men_and_women_of_the_whole_cohort_stay_off_a_parallel_trial():
    text = ("Twenty-six subjects were enrolled and 19 (13 men and 6 women) completed the study. "
            "They were randomized to the laser group or the sham group.")
    assert [a["male"] for a in arms_of(text)] == [None, None]


def test_single_sex_reads_mixed_cues():
    def sex(text: str) -> str | None:
        return demographics.single_sex(Doc.from_record(record(text, [])))

    assert sex("Pregnant women were randomized.") == "female"
    assert sex("Healthy male volunteers took part.") == "male"
    assert sex("Patients with prostate cancer were randomized.") == "male"
    assert sex("Men and women were randomized.") is None
    assert sex("Women (62%) were the majority.") is None
    assert sex("Women were age- and sex-matched to controls.") is None
    assert sex("A total of 1578 patients (491 female) were recruited.") is None
    assert sex("The Women's Health Study enrolled patients.") is None


def test_age_values_read_spread_and_range():
    def ages(text: str) -> list[dict]:
        return [a for *_, a in demographics._ages_after_cue(text, 0, len(text))]

    assert ages("median age 25 (range 21-54) years") == [age(25.0, None, 21.0, 54.0)]
    assert ages("mean age 58 (9) years") == [age(58.0, 9.0)]
    assert ages("aged 18 to 50 years") == [age(low=18.0, high=50.0)]
    assert ages("aged >= 18 years") == []
    assert ages("age 54 years, 10 years of education") == [age(54.0)]


def test_age_in_the_bracket_of_a_generic_arm_name():
    text = ("Adults were grouped into experimental and control groups. The experimental (n = 40; 58.9 ± 7.3 years) "
            "group trained, while the control (n = 38; 57.2 ± 6.4 years) group did not.")
    assert [a["age"] for a in arms_of(text)] == [age(58.9, 7.3), age(57.2, 6.4)]


def test_a_number_word_inside_a_word_is_no_count_of_women():
    text = ("Eighty overweight girls were randomized to the laser group (n = 40) or the sham group (n = 40). "
            "Thirty-six girls completed the laser program.")
    assert [a["male"] for a in arms_of(text)] == [0, 0]


def test_counts_of_patients_who_were_male_are_per_arm_and_no_single_sex_trial():
    # before: no count was read and the word "male" made it a men-only trial: 30 men per arm
    text = ("Sixty patients were randomized to the MSC group (n = 30) or the control group (n = 30). "
            "Mean age was 52.3 years in the MSC group and 50.9 years in the control group; "
            "22 and 21 patients were male.")
    assert [a["male"] for a in arms_of(text)] == [22, 21]


def test_a_count_who_were_male_is_a_mixed_cohort_unless_it_is_all():
    base = "Sixty patients were randomized to the MSC group (n = 30) or the control group (n = 30). "
    # before: 30 and 30 (a men-only trial) for the first two
    assert [a["male"] for a in arms_of(base + "At baseline, 22 (73%) and 21 (70%) were male, respectively.")] == [None, None]
    assert [a["male"] for a in arms_of(base + "Overall, 18 patients were male.")] == [None, None]
    assert [a["male"] for a in arms_of(base + "All 60 patients were male.")] == [30, 30]
