"""celltx.trial.summarize and celltx.extract(trial=True)."""

from __future__ import annotations

import json

import celltx
from celltx.trial import ARM_FIELDS, OUTCOME_FIELDS, TRIAL_FIELDS, summarize

from .helpers import record

TEXT = ("Sixty patients with decompensated cirrhosis were randomly assigned to the UC-MSC group (n = 30) "
        "or the control group (n = 30) in China. The UC-MSC group received umbilical cord MSCs "
        "(1.0x10^6 cells/kg) through a peripheral vein three times. Albumin rose from 28.1 ± 4.2 to "
        "33.5 ± 5.0 g/L at 24 weeks in the UC-MSC group (P < 0.05). No serious adverse events occurred.")


def test_summary_has_every_field_of_the_scheme_and_is_json():
    summary = summarize(record("Nothing here.", []))
    assert tuple(summary) == TRIAL_FIELDS
    assert summary["arms"] == [] and summary["outcomes"] == [] and summary["design"] is None
    json.dumps(summary)


def test_extract_with_trial():
    doc = celltx.extract(TEXT, trial=True)
    trial = doc["trial"]
    assert trial["design"] == "rct" and trial["n_enrolled"] == 60 and trial["country"] == "China"
    assert trial["condition"] == "decompensated cirrhosis"
    assert [a["role"] for a in trial["arms"]] == ["experimental", "control"]
    assert all(set(ARM_FIELDS) <= set(a) for a in trial["arms"])
    msc = trial["arms"][0]
    assert msc["cell_types"][0]["cl_id"] == "CL:0002569" and msc["route"] == "intravenous"
    assert msc["dose"]["low"] == 1e6
    albumin = [o for o in trial["outcomes"] if o["analyte"] == "albumin"]
    assert [(o["kind"], o["days"], o["arm"]) for o in albumin] == [("baseline", 0.0, 0), ("follow_up", 168.0, 0)]
    assert all(set(OUTCOME_FIELDS) <= set(o) for o in albumin)
    assert trial["follow_up_days"] == 168.0
    assert trial["adverse_events"]["serious"] is False
    assert "trial" not in celltx.extract(TEXT)  # only when asked


def test_extract_many_with_trial_matches_extract():
    records = list(celltx.extract_many([TEXT, ""], trial=True))
    assert records[0]["trial"] == celltx.extract(TEXT, trial=True)["trial"]
    assert records[1]["trial"]["arms"] == []


def test_extract_adds_loinc_and_si():
    doc = celltx.extract("HbA1c fell from 8.0% to 7.0% at 12 weeks.")
    tests = [s for s in doc["spans"] if s["label"] == "LAB_TEST"]
    values = [s for s in doc["spans"] if s["label"] == "LAB_VALUE"]
    assert tests[0]["attrs"]["loinc"] == "4548-4"
    assert [round(v["attrs"]["si"]["value"]) for v in values] == [64, 53]
    assert celltx.schema.validate_record(doc) == []


def test_validate_trial():
    from celltx.schema import validate_record
    from celltx.trial import validate_trial

    doc = celltx.extract(TEXT, trial=True)
    assert validate_trial(doc["trial"]) == [] and validate_record(doc) == []
    bad = {"design": "cohort", "arms": [{"role": "placebo", "n": 2.5}], "outcomes": [{"arm": 3, "kind": "after"}],
           "colour": "red"}
    problems = validate_trial(bad)
    assert any("design" in p for p in problems) and any("arms[0].role" in p for p in problems)
    assert any("arms[0].n" in p for p in problems) and any("outcomes[0].arm" in p for p in problems)
    assert any("colour" in p for p in problems) and any("outcomes[0].kind" in p for p in problems)
    assert validate_record({**doc, "trial": bad})


def test_a_placebo_arm_is_listed_even_when_the_treated_arm_is_not_named():
    # the control arm alone: a controlled study, never a single-arm one
    text = "In this double-blind, placebo-controlled study, 60 adults with gout took part. Pain scores fell."
    trial = summarize(record(text, []))
    assert [(a["label"], a["role"], a["comparator"]) for a in trial["arms"]] == [("placebo", "control", "placebo")]
    assert trial["design"] == "non_randomized_controlled"
