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

from . import arms as arms_mod
from . import facts
from .outcomes import outcomes_and_eligibility
from .text import Doc

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
    arms_mod.attach_mentions(doc, arms)
    arms_mod.assign_roles(doc, arms)  # a second look once cell products are known
    arms_mod.fill_counts(doc, arms)
    arms_mod.fill_demographics(doc, arms)
    outcomes, eligibility = outcomes_and_eligibility(doc, arms)
    n = facts.n_enrolled(doc)  # as written: never the sum of the arms
    if len(arms) == 1 and arms[0].n is None and not arms[0].refs:
        arms[0].n = n  # a study of one arm: its participants are the enrolled
    return {
        "design": facts.design(doc, len(arms)),
        "n_enrolled": n,
        "condition": facts.condition(doc),
        "country": facts.country(doc),
        "arms": [a.to_dict() for a in arms],
        "follow_up_days": facts.follow_up_days(doc),
        "outcomes": outcomes,
        "eligibility": eligibility,
        "adverse_events": facts.adverse_events(doc),
    }
