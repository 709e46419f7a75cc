"""``summarize(record)``: the scheme's document-level ``trial`` object from the mention layer.

Everything is read from the record's spans, VALUE_OF relations and text (no second
extractor): arms from group names and sentence structure (:mod:`.arms`), outcomes and
eligibility from LAB_VALUEs (:mod:`.outcomes`), design, N, condition, country, follow-up and
adverse events from the text around them (:mod:`.facts`). Fields the text does not state are
``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..compile_cache import compile_regex
from . import arms as arms_mod
from . import facts
from .counts import fill_counts
from .demographics import fill_demographics
from .outcomes import outcomes_and_eligibility
from .text import Doc

#: Words of a trial with a comparison group (one arm found in it is not the whole cohort).
_CONTROLLED = compile_regex(r"(?i)\bplacebo\b|[\w-]+[\s-]controlled\b|\bcontrol\s+(?:group|arm)s?\b|\bversus\b|\bvs\.?\s|\brandomi[sz]")
#: The fields of a trial object, in the scheme's order.
TRIAL_FIELDS: tuple[str, ...] = (
    "design", "n_enrolled", "condition", "country", "arms", "follow_up_days", "outcomes",
    "eligibility", "adverse_events",
)
#: The fields of one arm.
ARM_FIELDS: tuple[str, ...] = (
    "label", "role", "n", "cell_types", "dose", "route", "frequency", "comparator", "age", "male",
)
#: The fields of one outcome (``si``, ``comparator`` are added when known).
OUTCOME_FIELDS: tuple[str, ...] = (
    "analyte", "arm", "days", "kind", "value", "sd", "low", "high", "unit", "p_value", "direction",
)


def summarize(record: Mapping[str, Any]) -> dict[str, Any]:
    """The trial summary of one scheme record (see ``ANNOTATION_SCHEME.md``, "Trial summary")."""
    doc = Doc.from_record(record)
    arms = arms_mod.find_arms(doc)
    if not arms:
        one = arms_mod.single_arm(doc)
        arms = [one] if one is not None else []
    arms_mod.assign_roles(doc, arms)
    arms = arms_mod.merge_generic(doc, arms)
    arms = arms_mod.merge_given(doc, arms)
    arms_mod.add_implied_control(doc, arms)
    arms_mod.attach_mentions(doc, arms)
    arms_mod.assign_roles(doc, arms)  # a second look once cell products are known
    n = facts.n_enrolled(doc)  # as written: never the sum of the arms
    crossover = arms_mod.is_crossover(doc)
    fill_counts(doc, arms, enrolled=n, crossover=crossover)
    follow_up = facts.follow_up_days(doc)
    outcomes, eligibility = outcomes_and_eligibility(doc, arms, default_days=follow_up)
    if len(arms) == 1 and arms[0].n is None and not arms[0].refs:
        arms[0].n = n  # a study of one arm: its participants are the enrolled
    # a control arm found alone stands for a comparison whose treated arm the text leaves unnamed
    design = facts.design(doc, len(arms) + (1 if arms and all(a.role == "control" for a in arms) else 0))
    # each arm is the whole cohort: the one arm of an uncontrolled study (one arm found in a
    # randomised or controlled trial means the others were missed), or the arms of a crossover
    whole_cohort = crossover if len(arms) >= 2 else (
        design not in ("rct", "non_randomized_controlled") and not _CONTROLLED.search(doc.text))
    fill_demographics(doc, arms, whole_cohort, cohort_size=n if n is not None else (arms[0].n if len(arms) == 1 else None))
    return {
        "design": design,
        "n_enrolled": n,
        "condition": facts.condition(doc),
        "country": facts.country(doc),
        "arms": [a.to_dict() for a in arms],
        "follow_up_days": follow_up,
        "outcomes": outcomes,
        "eligibility": eligibility,
        "adverse_events": facts.adverse_events(doc, arms),
    }


DESIGNS = ("rct", "non_randomized_controlled", "single_arm", "case_series", "protocol", "other")
ROLES = ("experimental", "control")
COMPARATORS = ("placebo", "standard_care", "sham", "active", "none")
KINDS = ("baseline", "follow_up", "change", "difference")
DIRECTIONS = ("improved", "worsened", "unchanged")


def validate_trial(trial: Any) -> list[str]:
    """Problems of a ``trial`` object against the scheme ("Trial summary"); [] when valid.

    Checks the field names, the closed vocabularies (design, role, comparator, kind, direction),
    that numbers are numbers and that an outcome's ``arm`` indexes ``arms``. Extra keys inside
    arms and outcomes (``text``, ``si``, ``comparator``) are allowed.
    """
    import math

    if not isinstance(trial, Mapping):
        return ["trial is not an object"]
    problems = [f"unknown field {k!r}" for k in trial if k not in TRIAL_FIELDS]

    def number(where: str, value: Any, integer: bool = False) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            problems.append(f"{where}: expected a number, got {value!r}")
        elif integer and not float(value).is_integer():
            problems.append(f"{where}: expected a whole number, got {value!r}")

    def one_of(where: str, value: Any, allowed: tuple[str, ...]) -> None:
        if value is not None and value not in allowed:
            problems.append(f"{where}: {value!r} is not one of {', '.join(allowed)}")

    one_of("design", trial.get("design"), DESIGNS)
    number("n_enrolled", trial.get("n_enrolled"), integer=True)
    number("follow_up_days", trial.get("follow_up_days"))
    arms = trial.get("arms") or []
    if not isinstance(arms, list):
        return [*problems, "arms is not a list"]
    for i, arm in enumerate(arms):
        if not isinstance(arm, Mapping):
            problems.append(f"arms[{i}] is not an object")
            continue
        one_of(f"arms[{i}].role", arm.get("role"), ROLES)
        one_of(f"arms[{i}].comparator", arm.get("comparator"), COMPARATORS)
        number(f"arms[{i}].n", arm.get("n"), integer=True)
        number(f"arms[{i}].male", arm.get("male"), integer=True)
        for key in ("dose", "frequency", "age"):
            if arm.get(key) is not None and not isinstance(arm.get(key), Mapping):
                problems.append(f"arms[{i}].{key} is not an object")
    for i, outcome in enumerate(trial.get("outcomes") or []):
        if not isinstance(outcome, Mapping):
            problems.append(f"outcomes[{i}] is not an object")
            continue
        one_of(f"outcomes[{i}].kind", outcome.get("kind"), KINDS)
        one_of(f"outcomes[{i}].direction", outcome.get("direction"), DIRECTIONS)
        for key in ("days", "value", "sd", "low", "high"):
            number(f"outcomes[{i}].{key}", outcome.get(key))
        arm = outcome.get("arm")
        if arm is not None and (isinstance(arm, bool) or not isinstance(arm, int) or not 0 <= arm < len(arms)):
            problems.append(f"outcomes[{i}].arm: {arm!r} is not an index into arms")
    ae = trial.get("adverse_events")
    if ae is not None and not (isinstance(ae, Mapping) and isinstance(ae.get("events", []), list)):
        problems.append("adverse_events: expected {events: [...], serious: true/false/null}")
    return problems
