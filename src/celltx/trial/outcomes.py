"""Lab outcomes and eligibility thresholds from LAB_VALUEs and their VALUE_OF tests.

Each LAB_VALUE linked to a LAB_TEST becomes either an eligibility threshold (a value with a
comparator in a sentence about inclusion/exclusion), nothing (a threshold that defines an
outcome or a target range; a value of the background section, of one participant, of a share of
people, or what an arm was given, "5 % (Group III, n = 15)"), or an outcome:

* ``kind``: "from A to B" makes A the baseline and B the follow-up; a value after "change",
  "reduced by", "Δ" ... (or a negative one) is a change; after "difference" a difference; a
  value at the time point "baseline" (or "before treatment") a baseline; else a follow-up.
* ``days``: the time point nearest the value in its clause (else its sentence); 0 for baseline;
  a follow-up, change or difference with no time point of its own is read at the study's
  follow-up as written before its sentence (``default_days``: "FPG fell by 26 mg/dL" after
  "for 10 weeks" is at day 70; a time named only later is not its time).
  A baseline written before an earlier bracketed value is that value's only; values in a bracket
  with the participants' age ("(mean: 45 years old, HbA1c 8.4%)") are the whole cohort's
  baseline; a peak value has no day unless a time is written after the peak word. A time
  heading an item of a bracket ("(60 min: a vs b; 180 min: c vs d)") is its values' time; a
  time inside an arm's name ("the 12-month group") is no value's time.
* "from A (at baseline) to B" and "before and after X ... A and B" are a baseline and a
  follow-up (the latter at the time its clause names, else at none); so are the two values
  of a bracket headed "(before vs after, ...)" (and of a later bracket of the same sentence
  with no legend or arm of its own); "(to 787 pg/ml)" after a change is the level reached.
* values of one comparison ("-26 +/- 35 vs. 12 +/- 39 mg/dL") share the first one's kind; the
  comparison's p-value goes with the first value only (a between-group p-value, reported once).
* ``arm``: values paired by "respectively" or "vs" follow the order in which the sentence names
  the arms; a value followed by "in <arm>" is that arm's ("53.9 in Group I, 80.8 in Group
  II"); otherwise the arm named nearest before the value in its clause; the only arm of a
  one-arm study; else ``None`` (the whole cohort). A legend at the head of the bracket ("(A vs
  B: a vs b)") orders the values by its own arm order.
* ``p_value``: the first "P = 0.03" / "p<0.05" after the value in its clause; of a list
  "P = 0.79 and 0.88" closing a bracket of as many ";"-separated items, the item's own.
* ``direction``: improved / worsened / unchanged only when the clause says so.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import regex

from .. import schema
from ..compile_cache import compile_regex
from ..components.defines import word_list, words_regex
from ..normalize.labs import analyte_name, analyte_of
from ..normalize.si import is_change, to_si
from .arms import Arm
from .facts import ELIGIBILITY_CUE, _title, follow_up_days
from .text import PEOPLE, Doc

_ELIGIBILITY_WORDS = compile_regex(
    r"(?i)\binclusion\b|\bexclusion\b|\beligib|\bcriteri|\bexcluded\b|\binclude[ds]?\b|\benrol|\brecruit"
    r"|\bpatients (?:with|who had|having)\b|\bparticipants (?:with|who had)\b|\brequired\b"
)
_DEFINITION = compile_regex(
    r"(?i)\bdefined as\b|\btarget(?:ed|ing)?\b|\bgoal\b|\bthreshold\b|\bcut[\s-]?off\b|\bwithin\b|\baim(?:ed|ing)? (?:at|for)\b"
    r"|\bmaintain|\bkept\b|\btitrat|\bnormal(?:i[sz]ation| range| value)\b|\bupper limit\b"
)
_P_VALUE = compile_regex(
    r"(?<![\w.])[Pp]\s*(?:[-\s]?value)?\s*(?P<cmp>[<>=\u2264\u2265]|&lt;|&gt;|<\s*or\s*=|>\s*or\s*=)\s*(?P<v>0?\.\d+|[01](?:\.\d+)?)"
)
_BASELINE_WORDS = compile_regex(
    r"(?i)\b(?:at\s+baseline|baseline|before\s+(?:treatment|therapy|transplant\w*|infusion|injection|an(?:a)?esthesia|surgery|randomi[sz]ation|the\s+\w+)"
    r"|pre[\s-]?(?:treatment|transplant\w*|infusion|operative)|at\s+(?:entry|admission|enrol\w*|inclusion|randomi[sz]ation)|initial(?:ly)?)\b"
)
#: "from baseline/the start of X to <time>" before a pair of values: the pair is that before-and-after.
_FROM_START_TO = compile_regex(
    r"(?i)\bfrom\s+(?:the\s+)?(?:baseline|beginning|start|onset|admission|entry|pre[\w-]*|before\b)[^;()\d]{0,50}?\bto\b[^;()]{0,40}\([^()]*$"
)
#: "before and after the infusion", "pre- and post-treatment", "pre- and postintervention": a
#: list of two values after it is the level before and the level after.
_BEFORE_AFTER = compile_regex(
    r"(?i)\bbefore\s+and\s+after\b|\bpre[\s-]*(?:[a-z]+[\s-]*)?(?:and|/)\s*post[\s-]?[a-z]*"
)
#: "baseline <test> (": the value in the bracket after the test is its baseline.
_BASELINE_NAMED = compile_regex(r"(?i)\bbaseline\s+$")
#: A clause about the differences between arms: its values are differences.
_DIFFERENCES_BETWEEN = compile_regex(r"(?i)\b(?<!no\s)(?<!no\ssignificant\s)differences\s+between\b[^;]*?\b(?:were|was|are)\b[^;]*$")
#: A change over the study's time: "increases in X between baseline and 1 year", "change from baseline to week 12".
_CHANGE_OVER = compile_regex(
    r"(?i)\b(?:increases?|decreases?|changes?|reductions?|rises?|falls?|improvements?|declines?|gains?|losses?)\b[^;]{0,60}?"
    r"\b(?:between\s+baseline\s+and|from\s+baseline\s+(?:to|until|through))\b[^;]{0,80}$"
)
#: Differences within each participant ("mean of the differences", "difference of means") are changes.
_PAIRED_DIFFERENCES = compile_regex(r"(?i)\b(?:mean|median|pseudo-median)\s+of\s+(?:the\s+)?differences\b|\bdifference\s+of\s+means\b")
#: "no significant difference in X between the groups (3.9, 3.5 and 3.8)": the levels compared, no difference.
_NO_DIFFERENCE = compile_regex(r"(?i)\b(?:no|not\s+(?:any|a))\s+(?:[\w-]+\s+){0,2}differences?\b(?![^()]*\bof\b\s*$)")
#: A sign written apart before a number ("G1 + 0.36"): a change.
_SIGNED = compile_regex(r"(?<![\w)\]%])[+\u2212-]\s+\d")
def _signed(text: str, value: dict[str, Any]) -> bool:
    """Whether the value is written with a sign apart from its number ("+ 0.36", "G2 - 0.19")."""
    return bool(_SIGNED.search(text, max(0, value["start"] - 3), value["start"] + 4))


def _bracket_of_changes(text: str, value: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether another value of the same bracket is a change by its sign ("(A 0.00; B -0.06)")."""
    for other in group:
        if other is value:
            continue
        a, b = sorted((other["start"], value["start"]))
        if ")" in text[a:b] or "(" in text[a:b]:
            continue
        number = (other.get("attrs") or {}).get("value")
        if _signed(text, other) or (isinstance(number, (int, float)) and number < 0):
            return True
    return False


#: "lower mean glucose levels (6.9 vs 7.9)": levels compared, not changes.
_COMPARED_LEVELS = compile_regex(r"(?i)\b(?:lower|higher|greater)\s+(?:[\w-]+\s+){0,4}\(\s*$")
#: "changes (delta) of A (...), B (...)": every value of the list is a change.
_CHANGES_OF = compile_regex(r"(?i)\bchanges?\s*(?:\(\s*(?:\u0394|delta)\s*\)\s*)?(?:in|of)\b")
#: The share of time a level spent in a range ("percentage of time spent with glucose in range",
#: "time in range"): a duration, no lab result.
_TIME_IN_RANGE = compile_regex(r"(?i)\b(?:percentage|proportion|percent|fraction|%)\s+of\s+(?:the\s+)?time\b|\btime\s+(?:spent\s+)?(?:in|within|below|above)\s+(?:the\s+)?(?:target\s+)?range\b")
#: A clause whose subject is a change: "(the) mean change(s) (from baseline) of/in <test>".
_CHANGE_SUBJECT = compile_regex(
    r"(?i)(?<![\w-])(?:(?:mean|median|average|absolute|relative|percent(?:age)?)\s+)?changes?\s+"
    r"(?:from\s+baseline\s+)?(?:in|of)\s+(?:[\w-]+\s+){0,2}$"
)
#: "peak CKMB", "maximal glucose": the highest value over a period, read at no single day.
_PEAK = compile_regex(r"(?i)\b(?:peak|maxim(?:um|al)|nadir)\s+(?:[\w-]+\s+){0,2}$|^(?:peak|maxim(?:um|al)|nadir)\s")
#: A bracket describing who was enrolled ("(mean: 45 years old, HbA1c 8.4%)"): the values are baseline.
_AGE_IN_BRACKET = compile_regex(r"(?i)\byears?\s+old\b|\b(?:mean|median)?\s*age[ds]?\b|\by(?:rs?)?\s+of\s+age\b")
_AGE = compile_regex(r"(?i)\b(?:mean|median|average)\s+age\b|\baged?\s+(?:was|were|of)\b")
_IMPROVED = compile_regex(r"(?i)\bimprov(?:ed|ement|ing|es)\b|\bameliorat")
_WORSENED = compile_regex(r"(?i)\bworsen(?:ed|ing)?\b|\bdeteriorat\w*|\baggravat\w*")
_UNCHANGED = compile_regex(
    r"(?i)\bunchanged\b|\bremained (?:stable|unchanged|similar)\b|\bdid not (?:change|differ)\b|\bno (?:significant )?change"
    r"|\bstable\b|\bnot (?:significantly )?(?:changed|altered)\b"
    r"|\bcomparable\b|\b(?:was|were) not (?:significantly |statistically )?different\b|\bdid not (?:significantly )?affect\b"
    r"|\bno (?:significant )?effect\b|\bnon[\s-]?significant (?:decrease|increase|change|reduction|rise|fall)"
)
_CMP = {"<": "<", ">": ">", "=": "=", "\u2264": "<=", "\u2265": ">=", "&lt;": "<", "&gt;": ">"}


#: "a target of", "goal of", "titrated to": the value after it is aimed at, not measured.
_TARGET_BEFORE = compile_regex(r"(?i)\b(?:target(?:ed)?|goal|aim)\s+(?:level\s+|value\s+|range\s+)?(?:of|at|=|:)\s*(?:about\s+|approximately\s+)?$")
#: "below this threshold (", "a cut-off of": the value after it is a cut-off, not measured.
_THRESHOLD_BEFORE = compile_regex(r"(?i)\b(?:threshold|cut[\s-]?off|cut[\s-]?point)\s*(?:level\s+|value\s+)?(?:of|at|=|:|\()\s*$")
#: A definition: "X was defined as a 0.8% decrease", "defined either as 25% or 44 umol/l increase".
_DEFINED = compile_regex(r"(?i)\b(?:defined|definition)\b")
#: A change aimed at: "(doses) to decrease initial glucose levels by 10%".
_AIMED_CHANGE = compile_regex(r"(?i)\bto\s+(?:decrease|reduce|lower|increase|raise|normali[sz]e)\b[^.;()]{0,50}\bby\s*(?:at\s+least\s+)?$")
#: The condition of a rule of the protocol: "When PSA fell to 0.1 ng/mL (treatment was stopped)".
_CONDITION_OF_RULE = compile_regex(
    r"(?i)\b(?:when|whenever|if|once|until|unless)\s+[^.;,()]{0,50}?\b(?:fell|falls?|rose|rises?|reached|reaches|dropped|drops|decreased|decreases"
    r"|increased|increases|exceeded|exceeds|was|were|is|are)\s+(?:to\s+|below\s+|above\s+|over\s+|under\s+|less\s+than\s+|more\s+than\s+)?$"
)
#: A ratio of risks written before the value it reports: "HR (95% CI): ", "odds ratio of ".
_RATIO_BEFORE = compile_regex(
    r"(?:\b(?:HR|OR|RR|aHR|aOR|IRR)\b|(?i:\b(?:hazard|odds|risk|rate)\s+ratios?\b|\brelative\s+risks?\b))"
    r"(?:(?i:\(\s*95\s*%\s*CI\s*\))|[^.;\d]){0,25}$"
)
#: What says a percentage counts people: after it ("15 % in both groups", "12% of patients"),
#: or before it in its clause ("the percentage of patients with normal glucose was").
_PEOPLE_SHARE_AFTER = compile_regex(
    rf"(?i)\s*(?:\(\s*\d+\s*/\s*\d+\s*\)\s*)?(?:of\s+(?:the\s+|all\s+)?(?:{PEOPLE}|respondents)\b|in\s+(?:both|each|all)\s+(?:the\s+)?(?:\w+\s+){{0,5}}(?:groups|arms)\b)"
)
#: "observed in 68%", "occurred in 12%": the share of people something happened in.
_HAPPENED_IN = r"\b(?:observed|seen|occurred|achieved|reported|found|noted|developed)\s+in\s+(?:about\s+|approximately\s+|only\s+)?"
_OBSERVED_IN = compile_regex(rf"(?i){_HAPPENED_IN}$")
#: ... and the share it is compared with: "observed in 68% ... versus [56%]".
_OBSERVED_IN_VS = compile_regex(
    rf"(?i){_HAPPENED_IN}\d+(?:\.\d+)?\s*%[^;()\d]{{0,40}}?\b(?:vs\.?|versus|compared\s+(?:with|to))\s+$"
)
_PEOPLE_SHARE_BEFORE = compile_regex(
    rf"(?i)\b(?:percentage|proportion|percent|share|number|rate|incidence)\s+of\s+(?:the\s+)?(?:\w+\s+)?{PEOPLE}\b"
)
#: Animals a preclinical part of a report is about ("In db/db mice, ...", "rats fed ...").
_ANIMAL = compile_regex(r"(?i)\b(?:mice|mouse|rats?|rodents?|murine|hamsters?|rabbits?|piglets?|pigs|dogs|animals?|db/db)\b")
_HUMAN = compile_regex(rf"(?i)\b(?:{PEOPLE}|humans?|healthy\s+volunteers?)\b")


def _animal_study(doc: Doc) -> bool | None:
    """True for a study of animals (its title or most sentences name them), False for a study
    of people that names animals in some sentences (a preclinical part), None when it names none."""
    sentences = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    animal = [s for s in sentences if _ANIMAL.search(s)]
    if not animal:
        return None
    human = [s for s in sentences if _HUMAN.search(s) and not _ANIMAL.search(s)]
    title = _title(doc) or (sentences[0] if sentences else "")
    if _HUMAN.search(title):
        return False  # "... in Rodent Models Does Not Translate to Humans"
    return not (human and not _ANIMAL.search(title) and len(human) >= len(animal))


#: A range span written "A to B" ("29.8 to 57.1 pg/mL"): read as a before-and-after pair when its
#: clause says the level moved.
_RANGE_AS_PAIR = compile_regex(r"\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?:to|\u2192|->)\s*(?P<b>\d[\d,]*(?:\.\d+)?)\b")
_MOVED = compile_regex(
    r"(?i)\b(?:increase[sd]?|decrease[sd]?|rose|risen|fell|fallen|decline[sd]?|reduc(?:ed|tion)|elevat(?:ed|ion)|improve[sd]?|dropped)\b"
)
#: Blood counts named like the cells patients are given, and the words that say they were given (D52).
_BLOOD_PRODUCT = compile_regex(r"(?i)^(?:red\s+(?:blood\s+)?cells?|erythrocytes?|rbcs?|platelets?)(?:\s+count)?$")
_GIVEN_BLOOD = compile_regex(r"(?i)\btransfus\w*|\bconsum\w*|\butili[sz]ation\b|\bunits?\s+of\b|\ballogeneic\b|\bautologous\b|\binfus\w*")
#: A bracket opened right after the people enrolled, with no bracket closed since: it describes them.
_PEOPLE_BRACKET = compile_regex(rf"(?i)\b{PEOPLE}\s*\((?:[^()]*?\b(?:mean|median|average)\b)?[^()]*$")
#: A sentence about who was enrolled: it gives their age.
_ENROLLED = compile_regex(r"(?i)\b(?:mean|median|average)\s+age\b|\baged\s+\d")
#: The rest of a bracket that names an arm's size after a value: "(600 umol/L; n = 59)".
_ARM_SIZE_AFTER = compile_regex(r"(?i)\s*[;,]\s*n\s*=\s*\d+\s*\)")
#: A bracket right after a value that names an arm and its size: "5 % (Group III, n = 15)".
_ARM_BRACKET_AFTER = compile_regex(r"(?i)\s*\(\s*(?:[^()=;]{0,40}?\b(?:group|arm|cohort)\b[^()=;]{0,12}?[;,]\s*)n\s*=\s*\d+\s*\)")
#: A bracket that opens with "to" after a change: "(to 787 pg/ml)", "(down to 5.1)": the level reached.
_REACHED = compile_regex(r"(?i)\(\s*(?:down\s+|up\s+)?to\s+$")
#: "rose (by ~40-50%)": a range of a change.
_BY_RANGE = compile_regex(r"(?i)\bby\s*(?:~|\u223c|about|approximately)?\s*$")


_VS_GAP = compile_regex(r"(?i)[^\d;()]{0,30}?\b(?:vs\.?|versus|compared\s+(?:with|to))\s*(?:the\s+)?[^\d;()]{0,30}")


def _shared_unit(text: str, value: dict[str, Any], group: list[dict[str, Any]], clause_start: int) -> str | None:
    """The unit a list writes once, after its last value (D16: "a coordinated list carries
    it"): "(CRL -0.13 ± 0.46; G1 + 0.36 ± 0.52; G2 -0.19 ± 0.39 pg)", "5.76, 5.77 and 5.80
    mmol/L", "126 ± 5 vs 83 ± 4 mg/dL" - the unit of the next value of the same test in the
    value's bracket (else in its list or comparison) that has one."""
    if _same_bracket(text, value, group, clause_start) is not group:
        items = _same_bracket(text, value, group, clause_start)
    else:
        run, chain = _value_run(text, value, group), _vs_chain(text, value, group)
        items = run if len(run) >= len(chain) else chain
    later = [u for u in items if u["start"] > value["start"]]
    for u in later:
        unit = (u.get("attrs") or {}).get("unit")
        if unit:
            return unit
    return None


#: A change named by a noun right before the value: "a reduction of 8%", "deterioration (2.5%)".
_CHANGE_NOUN_BEFORE = compile_regex(
    r"(?i)\b(?:reductions?|decreases?|increases?|declines?|drops?|falls?|rises?|changes?|improvements?|deteriorations?"
    r"|worsening|elevations?|lowering|gains?|losses?)\s*(?:(?:of|by)\s+(?:about\s+|approximately\s+|~\s*)?|\(\s*)$"
)
#: ... or right after it: "a 13% decrease", "16.4 nmol/L decrease in X".
_CHANGE_NOUN_AFTER = compile_regex(
    r"(?i)\s*(?:reduction|decrease|increase|decline|drop|fall|rise|deterioration|improvement|elevation|lowering|gain|loss)\b"
)


def _changed_in_words(text: str, value: dict[str, Any], clause_start: int) -> bool:
    """Whether the words around a value call it a change: a change noun just before ("a
    reduction of 8%", "deterioration (2.5%)") or just after it ("a 13% decrease"), or a plus
    sign written on it ("(+17%, p = 0.001)")."""
    return bool(
        _CHANGE_NOUN_BEFORE.search(text, max(clause_start, value["start"] - 40), value["start"])
        or _CHANGE_NOUN_AFTER.match(text, value["end"])
        or regex.match(r"\+\s*\d", value["text"])
    )


def _compared_first(text: str, value: dict[str, Any], group: list[dict[str, Any]]) -> dict[str, Any]:
    """The first value of the "A vs. B" comparison ``value`` ends ("-0.4% ... (8.0% vs 8.5%)": 8.0%)."""
    i = group.index(value)
    while i > 0 and _VS_GAP.fullmatch(text[group[i - 1]["end"] : group[i]["start"]]):
        i -= 1
    return group[i]


def _vs_chain(text: str, value: dict[str, Any], group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The values of the "A vs. B (vs. C)" comparison that holds ``value``."""
    first = _compared_first(text, value, group)
    i = group.index(first)
    j = i
    while j + 1 < len(group) and _VS_GAP.fullmatch(text[group[j]["end"] : group[j + 1]["start"]]):
        j += 1
    return group[i : j + 1]


_TIME_JOIN = compile_regex(r"(?i)\s*(?:vs\.?|versus|to|and|compared\s+(?:with|to))\s*")


def _time_pair(doc: Doc, value: dict[str, Any], group: list[dict[str, Any]]) -> float | None:
    """The day of ``value`` when it is one of two values compared ("40 vs 24 ng/mL") after two
    times compared the same way in its sentence ("baseline vs 12 months: ..."), with no other
    time between: the first value at the first time, the second at the second."""
    text = doc.text
    first = _compared_first(text, value, group)
    i = group.index(first)
    pair = group[i : i + 2]
    if len(pair) != 2 or value not in pair or not _VS_GAP.fullmatch(text[pair[0]["end"] : pair[1]["start"]]):
        return None
    if i + 2 < len(group) and _VS_GAP.fullmatch(text[pair[1]["end"] : group[i + 2]["start"]]):
        return None  # three values compared
    a, _ = doc.sentences[doc.sentence_of(value["start"])]
    times = [t for t in doc.in_range(schema.TIME_POINT, a, pair[0]["start"]) if len((t.get("attrs") or {}).get("days") or []) == 1]
    for t1, t2 in reversed(list(zip(times, times[1:]))):
        if _TIME_JOIN.fullmatch(text[t1["end"] : t2["start"]]):
            if any(t2["end"] <= t["start"] for t in doc.in_range(schema.TIME_POINT, a, pair[0]["start"])):
                return None
            return float(((t1 if value is pair[0] else t2).get("attrs") or {})["days"][0])
    return None


def _relative_restated(text: str, value: dict[str, Any], values: list[dict[str, Any]], doc: Doc) -> bool:
    """Whether a percentage restates the change just before it as a proportion ("decreased by
    26.8 mg/dl, 12.1% reduction", "dropped by 13.7 mg/dl (6.3%)"): the change is the result."""
    if (value.get("attrs") or {}).get("unit") != "%":
        return False
    test = doc.value_of.get(value["id"])
    for prev in values:
        if prev["end"] <= value["start"] and regex.fullmatch(r"\s*(?:,|\()\s*", text[prev["end"] : value["start"]]):
            attrs = prev.get("attrs") or {}
            return (doc.value_of.get(prev["id"]) is test and bool(attrs.get("unit")) and attrs.get("unit") != "%"
                    and is_change(text, prev["start"], attrs.get("value")))
    return False


def _converted(text: str, value: dict[str, Any], values: list[dict[str, Any]], doc: Doc) -> bool:
    """Whether ``value`` restates the value just before it in another unit, in brackets right
    after it ("8.04% [64.34 mmol/mol]", "1.2 mmol/L (46 mg/dL)"); a bracketed percentage is a
    relative size ("fell 13.7 mg/dL (6.3%)") and stays."""
    unit = (value.get("attrs") or {}).get("unit")
    if not unit or unit == "%":
        return False
    test = doc.value_of.get(value["id"])
    for prev in values:
        # right after it, or after its confidence interval: "0.83% (95% CI 0.81-0.84%) (6.7 mmol/mol)"
        if prev["end"] <= value["start"] and regex.fullmatch(
                r"\s*(?:\((?i:[^()]*\bCI\b[^()]*)\)\s*)?[\[(]\s*", text[prev["end"] : value["start"]]):
            other = (prev.get("attrs") or {}).get("unit")
            return bool(other) and other != unit and doc.value_of.get(prev["id"]) is test
    return False


def _p_value(text: str, start: int, end: int) -> dict[str, Any] | None:
    m = _P_VALUE.search(text, start, end)
    if not m:
        return None
    raw = m["cmp"].replace(" ", "")
    cmp = _CMP.get(raw) or ("<=" if raw.startswith("<") else ">=")
    try:
        value = float(m["v"])
    except ValueError:
        return None
    return {"comparator": cmp, "value": value}


_P_NUMBER = r"(?:0?\.\d+|[01](?:\.\d+)?)"
#: "P = 0.793, 0.876, and 0.490": one p-value per item of the list before it.
_P_LIST = compile_regex(
    rf"(?<![\w.])[Pp]\s*(?:[-\s]?values?)?\s*=\s*(?P<list>{_P_NUMBER}(?:\s*,\s*(?:and\s+)?{_P_NUMBER}|\s+and\s+{_P_NUMBER})+)"
)


def _listed_p_value(text: str, value: dict[str, Any], end: int) -> dict[str, Any] | None:
    """The p-value of a value's item when a bracket of ";"-separated items ends with as many
    p-values ("(pH1: 4.21, 4.27; pH2: 4.75, 4.68; P = 0.793 and 0.876)"): the k-th p-value for
    the values of the k-th item."""
    open_ = text.rfind("(", 0, value["start"])
    if open_ < 0 or text.rfind(")", open_, value["start"]) >= 0:
        return None
    m = _P_LIST.search(text, value["end"], end)
    if m is None or text.find(")", value["end"], m.start()) >= 0:  # the p-values stand in the value's own bracket
        return None
    numbers = regex.findall(_P_NUMBER, m["list"])
    items = [part for part in _mask(text[open_ + 1 : m.start()]).split(";") if part.strip()]
    if len(items) != len(numbers) or len(numbers) < 2:
        return None
    index = _mask(text[open_ + 1 : value["start"]]).count(";")
    return {"comparator": "=", "value": float(numbers[index])} if index < len(numbers) else None


#: Where a clause turns to the other side of a contrast ("rose in the A group, while it did not
#: change in the B group"): each side's direction words are its own.
_CONTRAST = compile_regex(r"(?i),?\s+\b(?:while|whereas|but|although|though)\b|;\s*(?:however|in\s+contrast)\b")


def _contrast_part(text: str, start: int, end: int, offset: int) -> str:
    """The part of text[start:end] around ``offset`` between contrast words outside brackets."""
    cuts = [start]
    for m in _CONTRAST.finditer(text, start, end):
        depth = text.count("(", start, m.start()) - text.count(")", start, m.start())
        if depth <= 0:
            cuts.append(m.start())
    cuts.append(end)
    for a, b in zip(cuts, cuts[1:]):
        if a <= offset < b:
            return text[a:b]
    return text[start:end]


def _direction(chunk: str) -> str | None:
    if _WORSENED.search(chunk):
        return "worsened"
    if _IMPROVED.search(chunk):
        return "improved"
    if _UNCHANGED.search(chunk):
        return "unchanged"
    return None


def _owned_by_earlier(text: str, tp: dict[str, Any], span: dict[str, Any], others: list[dict[str, Any]]) -> bool:
    """Whether a time point before ``span`` belongs to an earlier value of the same list, closed
    by its own bracket ("at baseline (1.5 mg/l), after six sessions of A (1.4 mg/l)": 1.4 is
    not a baseline value)."""
    return any(
        u is not span and tp["end"] <= u["start"] and u["end"] <= span["start"] and ")" in text[u["end"] : span["start"]]
        for u in others
    )


def _time_days(
    doc: Doc, span: dict[str, Any], a: int, b: int, skip_baseline: bool = False, run: list[dict[str, Any]] | None = None,
    others: list[dict[str, Any]] | None = None,
) -> tuple[float | None, bool | None]:
    """(days, is_baseline) of the TIME_POINT nearest ``span`` within ``a..b``; of a time point
    naming several times, the one ``span`` takes in its list ``run`` (:func:`_listed_days`;
    ``(None, None)`` when the times outnumber the values). A baseline written before an earlier
    bracketed value of ``others`` is that value's (:func:`_owned_by_earlier`)."""
    best = None
    for tp in doc.in_range(schema.TIME_POINT, a, b):
        days = (tp.get("attrs") or {}).get("days") or []
        if not days:
            continue
        baseline = days == [0] or days == [0.0]
        if skip_baseline and baseline:
            continue
        if baseline and others and tp["end"] <= span["start"] and _owned_by_earlier(doc.text, tp, span, others):
            continue
        distance = span["start"] - tp["end"] if tp["end"] <= span["start"] else (tp["start"] - span["end"]) * 1.5
        if best is None or distance < best[0]:
            best = (distance, tp, days, baseline)
    if best is None:
        return None, False
    days = best[2]
    if len(days) > 1 and run is not None:
        return _listed_days(doc, best[1], days, span, run)
    return (float(days[-1]) if len(days) >= 1 else None), best[3]


_LIST_GAP = compile_regex(r"(?i)[\s,;]*(?:(?:and|or)\s+)?")


def _value_run(text: str, value: dict[str, Any], group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The values of one list around ``value`` ("5.76, 5.77 and 5.80 mmol/L")."""
    i = group.index(value)
    lo = hi = i
    while lo > 0 and _LIST_GAP.fullmatch(text[group[lo - 1]["end"] : group[lo]["start"]]):
        lo -= 1
    while hi + 1 < len(group) and _LIST_GAP.fullmatch(text[group[hi]["end"] : group[hi + 1]["start"]]):
        hi += 1
    return group[lo : hi + 1]


def _listed_days(
    doc: Doc, tp: dict[str, Any], days: list[float], value: dict[str, Any], run: list[dict[str, Any]]
) -> tuple[float | None, bool | None]:
    """A time point naming several times ("at 8 and 16 weeks", "60-120 min"): a list of as many
    values takes them in order ("at baseline, 8 and 16 weeks ... 5.76, 5.77 and 5.80", the
    baseline written just before counting as the first); with fewer values than times the
    pairing cannot be read and ``days`` stays null (D50)."""
    times = [float(d) for d in days]
    if len(run) == len(times) + 1:
        before = [t for t in doc.in_range(schema.TIME_POINT, max(0, tp["start"] - 40), tp["start"]) if t["end"] <= tp["start"]]
        first = before[-1] if before else None
        if first is not None and (first.get("attrs") or {}).get("days") in ([0], [0.0]) and _LIST_GAP.fullmatch(
            doc.text[first["end"] : tp["start"]]
        ):
            times = [0.0, *times]
    if len(run) == len(times):
        day = times[run.index(value)]
        return day, day == 0
    if len(run) < len(times):
        return None, None
    return times[-1], False


#: Between two time points of one list: ", ", " and ", ", and on the ", ", and postoperative ".
_TIME_LIST_JOIN = compile_regex(
    r"(?i)\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:both\s+)?(?:(?:at|on|in|after|by)\s+)?(?:the\s+)?(?:[a-z][a-z-]*\s+)?"
)
#: An item of a list of times written without a time point before the first one ("after
#: cardiopulmonary bypass, postoperative 24th hour, and ...").
_TIME_ITEM_BEFORE = compile_regex(
    r"(?i)\b(?:after|before|during|following|upon|at\s+the\s+end\s+of)\s+(?:[\w-]+\s+){0,3}[\w-]+\s*,\s*(?:and\s+)?(?:(?:at|on|in)\s+)?(?:the\s+)?(?:[a-z][a-z-]*\s+)?$"
)


def _listed_time(
    doc: Doc, value: dict[str, Any], group: list[dict[str, Any]], run: list[dict[str, Any]], a: int, b: int
) -> tuple[float | None, bool | None] | None:
    """(days, is_baseline) of a value read against a list of several time points in its clause
    ("reduced by 7% and 4% at week 3 and week 4", "18% and 12% on the first day and on the
    second day, respectively", "after bypass, at 24 h and at 48 h (NH3: 39 vs 55 and 40 vs
    53)"): the values (or, for values compared between arms, the comparisons) take the times
    in order when they are as many; with fewer values than times the pairing cannot be read
    and the day is null (D50, ``(None, None)``). ``None`` when the clause has no such list."""
    text = doc.text
    points = doc.in_range(schema.TIME_POINT, a, b)
    if any(len((t.get("attrs") or {}).get("days") or []) > 1 for t in points):
        return None  # "at 8 and 16 weeks" in one time point: :func:`_listed_days`
    lists: list[list[dict[str, Any]]] = []
    for t in points:
        if lists and _TIME_LIST_JOIN.fullmatch(text[lists[-1][-1]["end"] : t["start"]]):
            lists[-1].append(t)
        else:
            lists.append([t])
    lists = [li for li in lists if len(li) >= 2]
    if not lists:
        return None
    def distance(li: list[dict[str, Any]]) -> float:
        return min(value["start"] - t["end"] if t["end"] <= value["start"] else (t["start"] - value["end"]) * 1.5 for t in li)
    times = min(lists, key=distance)
    items: list[float | None] = [float(((t.get("attrs") or {}).get("days") or [None])[0]) for t in times]
    if _TIME_ITEM_BEFORE.search(text, max(a, times[0]["start"] - 80), times[0]["start"]):
        items.insert(0, None)
    chain = _vs_chain(text, value, group)
    if len(chain) > 1 and len(group) > len(chain):
        units, i = [], 0  # comparisons of one value per arm, each at one time
        while i < len(group):
            c = _vs_chain(text, group[i], group)
            units.append(c)
            i = group.index(c[-1]) + 1
        index = next(k for k, c in enumerate(units) if value in c)
    elif len(run) > 1:
        units, index = run, run.index(value)
    else:
        return None
    if len(units) == len(items):
        day = items[index]
        return (day, day == 0) if day is not None else (None, None)
    if len(units) < len(items):
        return None, None
    return None


#: A time heading an item of a bracket, before a colon: "(60 min: 5.1 vs 6.3; 180 min: ...)",
#: "(means ± SE—week 12: ...)".
_ITEM_TIME = compile_regex(
    r"(?i)(?:^|[\s,\u2014\u2013-])(?P<t>\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|years?|yrs?|y)"
    r"|(?:day|week|wk|month|year|hour)\s*\d+|baseline)\s*:\s*"
)


def _item_time(text: str, value: dict[str, Any], clause_start: int) -> float | None:
    """The day of the time that heads the value's item in its bracket, when the bracket's items
    are headed by times before a colon ("(60 min: 5.1 vs 6.3 mmol/L; 180 min: 4.2 vs 5.9
    mmol/L)"): written after the values' own time list, it says which time each item is."""
    from ..normalize.times import parse_time_days

    open_ = text.rfind("(", clause_start, value["start"])
    if open_ < 0 or text.rfind(")", open_, value["start"]) >= 0:
        return None
    inside = _mask(text[open_ + 1 : value["start"]])
    item_start = open_ + 1 + inside.rfind(";") + 1
    heads = list(_ITEM_TIME.finditer(text, item_start, value["start"]))
    if len(heads) != 1 or ":" in text[heads[0].end() : value["start"]]:
        return None
    if regex.search(r"(?i)(?:\b(?:vs|versus|and|or|to)\.?|/)\s*$", text[item_start : heads[0].start("t")]):
        return None  # "(baseline vs 8 weeks: 18 vs 14)": a legend of two times (:func:`_time_pair`)
    days = parse_time_days(heads[0]["t"])
    return float(days[0]) if days and len(days) == 1 else None


def _own_part(before: str) -> str:
    """The text before a value after the last closed bracket: the words of its own list item."""
    return before[before.rfind(")") + 1 :]


def _bracket_of(text: str, value: dict[str, Any], clause_start: int) -> str:
    """The open bracket around ``value`` ("(mean: 45 years old, HbA1c 8.4%)"), else ""."""
    open_ = text.rfind("(", clause_start, value["start"])
    if open_ < 0 or text.rfind(")", open_, value["start"]) >= 0:
        return ""
    close = text.find(")", value["end"])
    return text[open_ : close + 1 if close >= 0 else value["end"]]


#: What stands between the two values of "from A to B": a unit or a word, a bracket, or the
#: time of the first value ("from 8.1% at baseline to 7.1%", "from 284 mg/dl at the start to").
_FROM_TO_GAP = compile_regex(
    r"(?i)\s*(?:[^\d\s;.]{1,12}\s*)?(?:\([^()]{0,30}\)\s*)?"
    r"(?:(?:at|on|in)\s+(?:the\s+)?(?:baseline|entry|admission|start|beginning|onset|inclusion|enrol\w*|randomi[sz]ation|day\s+0|week\s+0)\s*,?\s*)?"
    r"(?:to|\u2192|->|down to|up to)\s*"
)


def _pairs(doc: Doc, values: list[dict[str, Any]]) -> dict[str, str]:
    """Per LAB_VALUE id: "from" / "to" for "from A to B" pairs, "vs" for "A vs B" groups."""
    text = doc.text
    out: dict[str, str] = {}
    for v1, v2 in zip(values, values[1:]):
        between = text[v1["end"] : v2["start"]]
        before = text[max(0, v1["start"] - 60) : v1["start"]]
        test = doc.value_of.get(v1["id"])
        if regex.fullmatch(_FROM_TO_GAP, between) and (regex.search(
            r"(?i)\bfrom\s*(?:a\s+(?:mean|median)\s+(?:of\s+)?)?$|\bfrom\s+(?:[^\d\s.;,]+\s+){1,5}$", before
        ) or (test is not None and test is doc.value_of.get(v2["id"]) and regex.fullmatch(r"\s*\(\s*", text[test["end"] : v1["start"]])
              and regex.match(r"[^()]*\)", text[v2["end"] :]))):
            # "from A to B", and "HDL-C (43.1 +/- 8.2 to 50.3 +/- 9.4 mg/dl)": a before-and-after pair
            out[v1["id"]], out[v2["id"]] = "from", "to"
        elif regex.fullmatch(r"(?i)[^\d;]{0,30}?\b(?:vs\.?|versus|compared (?:with|to)|and|or)\s*(?:the\s+)?(?:[^\d;]{0,30})?",
                             regex.sub(r"^\s*\[[^\[\]]*\]", "", between)):  # "8.0% [64 mmol/mol] vs 8.5%": the same value restated
            out.setdefault(v1["id"], "vs")
            out.setdefault(v2["id"], "vs")
    return out


_COMPARED = r"(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|than|relative\s+to|over)\s+(?:(?:with|in|for|on)\s+)?(?:the\s+)?"
_COMPARATIVE = compile_regex(r"(?i)\b(?:higher|lower|greater|smaller|fewer|less|more|better|worse|larger|in\s+favou?r\s+of)\b")


def _same_bracket(text: str, value: dict[str, Any], group: list[dict[str, Any]], clause_start: int) -> list[dict[str, Any]]:
    """The values of ``group`` inside the bracket that holds ``value`` (all of the group when
    the value is in no bracket)."""
    open_ = text.rfind("(", clause_start, value["start"])
    if open_ < 0 or text.rfind(")", open_, value["start"]) >= 0:
        return group
    close = text.find(")", value["end"])
    close = len(text) if close < 0 else close
    return [u for u in group if open_ < u["start"] and u["end"] <= close and "(" not in _mask(text[open_ + 1 : u["start"]]).replace(" ", "")]


def _comparison(doc: Doc, arms: list[Arm], value: dict[str, Any], refs: list[tuple[int, Arm]], ca: int, cb: int) -> Arm | None:
    """The arm a value is reported for when the clause compares it with another arm named
    after it ("glucose fell by 0.4 mmol/L compared to placebo": not the placebo arm's value):
    the arm named before the value in the sentence, else the only other arm."""
    text = doc.text
    after = [(s, arm) for s, arm in refs if value["end"] <= s < cb]
    if not after or any(ca <= s < value["start"] for s, _ in refs):
        return None
    s, compared = after[0]
    if not regex.search(rf"(?i)\b{_COMPARED}$", text[max(value["end"], s - 40) : s]):
        return None
    if regex.search(r"\d", text[value["end"] : s].split(")")[-1]) and not regex.search(r"\)", text[value["end"] : s]):
        return None  # "-0.5% vs -0.3% in the B group": values of both arms
    earlier = [arm for t, arm in refs if t < value["start"] and arm is not compared]
    if earlier:
        return earlier[-1]
    others = [arm for arm in arms if arm is not compared]
    return others[0] if len(others) == 1 else None


_FROM_BASELINE = compile_regex(r"(?i)\bfrom\s+baseline\b")


def _against_placebo(doc: Doc, arms: list[Arm], value: dict[str, Any], index: int) -> bool:
    """Whether the sentence reports ``value`` of an experimental arm against placebo ("X
    decreased glucose by 0.4 mmol/L compared to placebo", "... compared to placebo [glucose
    change: -1.2 mmol/L]") without naming the placebo arm's own value or the arm it is in."""
    a, b = doc.sentences[index]
    placebo = [arm for arm in arms if arm.comparator == "placebo"] or [arm for arm in arms if arm.role == "control"]
    if len(placebo) != 1 or len(arms) < 2:
        return False
    refs = [s for s, _ in placebo[0].refs if a <= s < b]
    hits = [s for s in refs if regex.search(rf"(?i)\b{_COMPARED}$", doc.text[max(a, s - 40) : s])]
    if not hits or len(hits) != len(refs):
        return False
    for _, e in placebo[0].refs:
        m = regex.match(r"\s*(?:group|arm)?\s*[(\[]\s*", doc.text[e : e + 20]) if a <= e < b else None
        if m and any(v["start"] == e + m.end() for v in doc.by_label.get(schema.LAB_VALUE, [])):
            return False  # "A (2077) vs placebo (2568)": the placebo arm's own value
    ca, _ = doc.clause(value["start"])
    if _FROM_BASELINE.search(doc.text, ca, value["start"]) and not any(ca <= s < value["start"] for s in refs):
        return False  # "a reduction from baseline in X (-0.3 mmol/L), ... greater than in the control group": within the arm
    return not regex.search(r"(?i)\b(?:in|for|among|of)\s+(?:the\s+)?(?:\S+\s+){0,3}(?:group|arm)\b", doc.text[a : value["start"]][-80:])


def _arm_of_value(
    doc: Doc, arms: list[Arm], value: dict[str, Any], group: list[dict[str, Any]], roles: dict[str, str] | None = None,
    kind: str | None = None,
) -> int | None:
    if not arms:
        return None
    if len(arms) == 1:
        return 0
    a, b = doc.sentences[doc.sentence_of(value["start"])]
    refs: list[tuple[int, Arm]] = sorted(((s, arm) for arm in arms for s, _ in arm.refs if a <= s < b), key=lambda x: x[0])
    order: list[Arm] = []
    for _, arm in refs:
        if arm not in order:
            order.append(arm)
    sentence = doc.text[a:b]
    text = doc.text
    ca, cb = doc.clause(value["start"])
    if not refs:
        header = _header_arm(doc, arms, a)
        if header is not None:
            return arms.index(header)
    near = [(s, arm) for s, arm in refs if ca <= s < cb]
    bracketed = _same_bracket(text, value, group, ca)
    legend = _legend_arm(text, arms, value, bracketed, ca)
    if legend is not None:
        return arms.index(legend)
    if len(bracketed) == 2 and len(arms) == 2 and len(order) == 1 and roles is not None and roles.get(value["id"]) == "vs":
        # "triglycerides were higher with A (150 vs 131 mg/dL)", "a difference in favour of the A
        # arm (8.0% vs 8.5%)", "X fell in the A group (-1.6 vs -0.4)" (two changes: two arms at
        # one time, not one arm at two times): A's value, then the other arm's
        open_ = text.rfind("(", ca, bracketed[0]["start"])
        named = [s for s, _ in refs if s < open_]
        signed = any(_signed(text, u) or ((u.get("attrs") or {}).get("value") or 0) < 0 for u in bracketed) and bool(
            _VS_GAP.fullmatch(text[bracketed[0]["end"] : bracketed[1]["start"]]))
        if open_ >= 0 and named and (_COMPARATIVE.search(text, ca, open_) or signed) and text.rfind(")", open_, bracketed[0]["start"]) < 0:
            other = next(arm for arm in arms if arm is not order[0])
            return arms.index(order[0] if value is bracketed[0] else other)
    owner = _bracket_owner(text, near, value["start"], ca)
    if owner is not None:
        return arms.index(owner)
    if len(group) >= 2 and len(order) == len(group) and (
        "respectively" in sentence.lower() or regex.search(r"(?i)\bvs\.?\b|\bversus\b|\bcompared\b", sentence)
    ):
        return arms.index(order[group.index(value)])
    if (
        len(order) <= 1
        and len(group) == len(arms)
        and roles is not None
        and all(roles.get(u["id"]) == "vs" for u in group)
        and not any(ca <= s < cb and group[0]["start"] <= s < group[-1]["end"] for s, _ in refs)
    ):
        # "(17.6 vs. 15.8 vs. 14.7)", one value per arm and no arm named among them: the arms
        # in the order the sentence names them, then in the order the text introduced them; an
        # arm named only as what the others are compared with goes last ("A reduced X (2.2 vs.
        # 2.6) compared with the control group")
        sequence = order + [arm for arm in arms if arm not in order]
        if len(order) == 1 and all(regex.search(rf"(?i)\b{_COMPARED}$", text[max(a, s - 40) : s]) for s, _ in refs):
            sequence = sequence[1:] + order  # refs are all of the one arm in order
        return arms.index(sequence[group.index(value)])
    run = _value_run(text, value, group)
    if (
        not order
        and len(run) == len(arms) >= 2
        and all(len(_vs_chain(text, u, group)) == 1 for u in run)  # not "39 vs 55 and 40 vs 53" (arms by time)
        and _ALL_GROUPS.search(text, ca, run[0]["start"])
    ):
        # "no difference in the pH of the three groups before anesthesia (3.88, 3.54, and 3.75)":
        # one value per arm, in the order the text introduced the arms
        return arms.index(arms[run.index(value)])
    chain = _vs_chain(text, value, group)
    if (
        len(order) <= 1
        and len(chain) == len(arms)
        and len(group) > len(chain)
        and not any(chain[0]["start"] <= s < chain[-1]["end"] for s, _ in refs)
    ):
        # "(NH3: 39.0 vs. 55.4 and 40.1 vs. 53.2)": each comparison one value per arm, at
        # several times, no arm named among them: the arms in the order the sentence names them,
        # then in the order the text introduced them
        sequence = order + [arm for arm in arms if arm not in order]
        return arms.index(sequence[chain.index(value)])
    compared = _comparison(doc, arms, value, refs, ca, cb) if len(group) == 1 else None
    if compared is not None:
        return arms.index(compared)
    if kind == "difference":
        # a between-arm difference belongs to the experimental arm compared ("greater with A than with B")
        named = [arm for s, arm in refs if ca <= s < cb and arm.role == "experimental"]
        experimental = [arm for arm in arms if arm.role == "experimental"]
        if named:
            return arms.index(named[0])
        if len(experimental) == 1:
            return arms.index(experimental[0])
    before = [x for x in near if x[0] <= value["start"]]
    after = [x for x in near if x[0] > value["start"]]
    if after and _names_values_before(text, before[-1] if before else None, value, after[0][0], doc):
        return arms.index(after[0][1])
    if before:
        return arms.index(before[-1][1])
    if near:
        return arms.index(near[0][1])
    return None


#: A legend that opens a bracket of compared values: "(A vs B: [test,] a vs b)", "(A/B, a/b)".
_LEGEND = compile_regex(
    r"\(\s*(?P<names>[A-Za-z][^():;,=\d]{0,40}?(?:\s+(?:vs\.?|versus)\s+[A-Za-z][^():;,=\d]{0,40}?)+)\s*:"
)


def _legend_names(arm: Arm) -> set[str]:
    """The words by which a legend may name an arm: its key, its other names, and the words of
    its label before "therapy/treatment/group" ("diet" for "the diet therapy group")."""
    names = {arm.key, *arm.names}
    for name in list(names):
        short = regex.sub(r"(?i)(?:\s+(?:therapy|treatment|intervention|regimen|group|arm))+$", "", name).strip()
        if short:
            names.add(short)
    return {" ".join(n.lower().replace("-", " ").split()) for n in names}


def _legend_arm(text: str, arms: list[Arm], value: dict[str, Any], bracketed: list[dict[str, Any]], ca: int) -> Arm | None:
    """The arm a value is given for by a legend at the head of its bracket ("(diet vs
    diet-plus-statin: LDL-C, 126 vs 83 mg/dL)"): the compared values take the arms in the
    legend's order, whatever order the sentence named them in. Each legend item must name
    exactly one arm, and the values after the legend must be as many as its items."""
    open_ = text.rfind("(", ca, value["start"])
    if open_ < 0 or text.rfind(")", open_, value["start"]) >= 0:
        return None
    m = _LEGEND.match(text, open_)
    if m is None or m.end() > value["start"]:
        return None
    items = [" ".join(i.lower().replace("-", " ").split()) for i in regex.split(r"(?i)\s+(?:vs\.?|versus)\s+", m["names"])]
    values = [u for u in bracketed if u["start"] >= m.end()]
    if len(items) != len(values) or value not in values:
        return None
    named: list[Arm] = []
    for item in items:
        hits = [arm for arm in arms if item in _legend_names(arm)]
        if len(hits) != 1 or hits[0] in named:
            return None
        named.append(hits[0])
    return named[values.index(value)]


#: The arms all at once: "the three groups", "both arms", "among the groups", "between groups".
_ALL_GROUPS = compile_regex(
    r"(?i)\b(?:(?:the|all|both|all\s+the|each\s+of\s+the)\s+(?:two|three|four|five|six|\d)?\s*(?:[\w-]+\s+){0,2}?(?:groups|arms)"
    r"|(?:among|between|across)\s+(?:the\s+)?(?:groups|arms))\b"
)


def _treated_arm(doc: Doc, arms: list[Arm], index: int) -> int | None:
    """The arm a within-arm change is read for when its sentence names no arm ("girls decreased
    HDL from 43 to 50 mg/dl", "improvements: total sulfate (+17%)"): the only experimental arm
    of a controlled trial (the controls' changes are written as theirs)."""
    if len(arms) < 2:
        return None
    experimental = [arm for arm in arms if arm.role == "experimental"]
    a, b = doc.sentences[index]
    if len(experimental) != 1 or len(experimental) == len(arms) or any(a <= s < b for arm in arms for s, _ in arm.refs):
        return None
    return arms.index(experimental[0])


def _header_arm(doc: Doc, arms: list[Arm], sentence_start: int) -> Arm | None:
    """The arm a run of sentences reports under a header ("In garlic group: ... . HDL
    increased ..."): the last arm named before the sentence, in its paragraph, is followed by ":"
    and no arm is named after it."""
    text = doc.text
    para = text.rfind("\n", 0, sentence_start) + 1
    earlier = sorted((e, arm) for arm in arms for s, e in arm.refs if para <= s and e <= sentence_start)
    if not earlier:
        return None
    end, arm = earlier[-1]
    return arm if regex.match(r"\s*:", text[end : end + 5]) else None


_TRAILING_ARM = compile_regex(r"(?i)(?:\brespectively\s*,?\s*)?\b(?:for|in|among)\s+(?:the\s+|both\s+)?$")
_NEW_PART = compile_regex(r"(?i)\band\b|;|\bwhereas\b|\bwhile\b|\bcompared\s+(?:with|to)\b|\bversus\b|\bvs\b")


def _names_values_before(
    text: str, prev: tuple[int, Any] | None, value: dict[str, Any], next_start: int, doc: Doc | None = None
) -> bool:
    """Whether the arm named after ``value`` is the one it is reported for: "from 284 to 262
    mg/dL, respectively, for the experimental group and from 291 to 289 mg/dL for the control
    group" (an arm introduced by "for/in the" right after a list of values, and no earlier
    arm whose report the value goes on)."""
    between = text[value["end"] : next_start]
    open_ = text.rfind("(", max(0, value["start"] - 200), value["start"])
    if open_ >= 0 and text.rfind(")", open_, value["start"]) < 0 and ")" in between:
        lead = between.index(")") + 1  # the value's own bracket ("= -7.9 mg/dl; p = 0.04)") does not end its part
        between = " " * lead + between[lead:]
    if not _TRAILING_ARM.search(between) or regex.search(r"[.;]\s", _mask(between)) or len(between) > 160:
        return False
    if prev is None:
        return True
    if doc is not None and _closes_item(text, doc, prev[0]):
        return True  # "53.9 in Group I, 80.8 in Group II": the earlier arm ended its own item
    return bool(_NEW_PART.search(text[prev[0] : value["start"]]))


def _closes_item(text: str, doc: Doc, arm_start: int) -> bool:
    """Whether the arm named at ``arm_start`` is the one a value just before it is reported
    for ("53.9 in Group I, ..."): a value ends a few words before it, followed by "in the"."""
    for u in doc.in_range(schema.LAB_VALUE, max(0, arm_start - 60), arm_start):
        gap = text[u["end"] : arm_start]
        if len(gap) <= 30 and regex.fullmatch(r"(?i)\s*(?:,\s*)?(?:respectively\s*,?\s*)?(?:in|for|among|with)\s+(?:the\s+)?", gap):
            return True
    return False


def _mask(text: str) -> str:
    """``text`` with what is inside brackets blanked (a ";" in "(p = 0.04; 95% CI ...)" ends no clause)."""
    out, depth = [], 0
    for ch in text:
        depth += ch in "(["
        out.append(" " if depth else ch)
        depth -= ch in ")]" and depth > 0
    return "".join(out)


def _bracket_owner(text: str, near: list[tuple[int, Any]], start: int, clause_start: int) -> Any:
    """The arm whose values a bracket reports: "rose in the CON group (2.5 vs 4.5 ng/mL)" -
    the bracket around the value opens right after the clause names one arm, and only that
    one (the values compare two times of the arm, not two arms)."""
    open_ = text.rfind("(", clause_start, start)
    if open_ < 0 or text.rfind(")", open_, start) >= 0:
        return None
    named = {id(arm): arm for s, arm in near if s < open_}
    if len(named) != 1:
        return None
    close = text.find(")", start)
    if close >= 0 and regex.match(r"(?i)\s*(?:than|compared\s+(?:with|to)|vs\.?|versus)\b", text[close + 1 :]):
        return None  # "fell more in the A group (-1.2% vs -0.5%) than in the B group"
    last = max(s for s, arm in near if s < open_)
    if regex.search(r"[,;]|\band\b|\bthan\b|\bcompared\b|\bvs\b|\bversus\b", text[last:open_]) or open_ - last > 40:
        return None
    return next(iter(named.values()))


def _written_out(name: str, text: str) -> str:
    """An analyte the lexicon does not know, by the words the text defines its abbreviation
    with: "TFF3" -> "trefoil factor 3" when the text writes "trefoil factor 3 (TFF3)" (the
    shortest run of words before the brackets that begins with the abbreviation's first
    letter and has no more words than it has characters)."""
    short = name.strip()
    if " " in short or not regex.search(r"[A-Z].*[A-Z0-9]", short) or len(short) > 10:
        return name
    first = short[0].lower()
    size = len(regex.sub(r"[^A-Za-z0-9]", "", short))
    for m in regex.finditer(rf"((?:[A-Za-z0-9][\w'-]*\s+){{1,{size}}})\(\s*{regex.escape(short)}\s*[),;]", text):
        words = m.group(1).split()
        for k in range(1, len(words) + 1):
            if words[-k][0].lower() == first and (k > 1 or len(words[-k]) > size):
                return " ".join(words[-k:])
    return name


#: Words before a test's name that gold leaves out of the analyte (the specimen, except urine:
#: "urinary sodium"; "measured GFR"; "peak GH").
_QUALIFIER = compile_regex(r"(?i)^(?:(?P<urine>urine|urinary)|serum|plasma|blood|whole[\s-]blood|circulating|measured|peak)\s+")
#: Abbreviations of analytes the lexicon leaves as written, by their stem ("VEGF-D", "PAI-1",
#: "TFF3"); the analyte is in lower-case full words (scheme).
_SHORT_FORMS = {
    "vegf": "vascular endothelial growth factor",
    "ckmb": "creatine kinase-mb",
    "ck-mb": "creatine kinase-mb",
    "anp": "atrial natriuretic peptide",
    "pai": "plasminogen activator inhibitor",
    "g6pd": "glucose-6-phosphate dehydrogenase",
    "ccl": "c-c motif chemokine ligand",
    "gh": "growth hormone",
    "tff": "trefoil factor",
    "ngal": "neutrophil gelatinase-associated lipocalin",
    "opn": "osteopontin",
}
_ABBREVIATION = compile_regex(r"[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?")
_STEM = compile_regex(r"(?P<stem>[A-Za-z]+?)(?:(?P<sep>-)?(?P<suffix>\d+|[A-Z]))?")
_POSTPRANDIAL = compile_regex(r"(?i)\bpost[\s-]?(?:prandial|meal)\b")


def _resolved(test: dict[str, Any]) -> str | None:
    """The analyte of a mention when the lexicon named it (not just its own text lower-cased)."""
    analyte = (test.get("attrs") or {}).get("analyte")
    if not analyte or (analyte_of(test["text"]) is None and analyte == analyte_name(test["text"])):
        return None
    return analyte


def _long_form(doc: Doc, short: str) -> str | None:
    """An abbreviation's analyte: as another mention of it in the text is named ("TFF3"), as the
    text defines it ("atrial natriuretic peptide (ANP)"), else by a short list of stems."""
    if not _ABBREVIATION.fullmatch(short):
        return None
    for other in doc.by_label.get(schema.LAB_TEST, []):
        if other["text"].strip() == short and _resolved(other):
            return _resolved(other)
    written = _written_out(short, doc.text)
    if written != short:
        return written.lower()
    if short.lower() in _SHORT_FORMS:
        return _SHORT_FORMS[short.lower()]
    m = _STEM.fullmatch(short)
    if m and m["stem"].lower() in _SHORT_FORMS and m["suffix"]:
        return _SHORT_FORMS[m["stem"].lower()] + ("-" if m["sep"] or not m["suffix"].isdigit() else " ") + m["suffix"].lower()
    return None


def _ratio(doc: Doc, text: str) -> str | None:
    """"LDL-C/HDL-C" -> "ldl/hdl cholesterol ratio", "AST/ALT ratio" -> "aspartate
    aminotransferase/alanine aminotransferase ratio": each part named as its own mention is."""
    core = regex.sub(r"(?i)\s*ratio$", "", _QUALIFIER.sub("", text.strip()))
    parts = [p.strip() for p in core.split("/")]
    if len(parts) != 2 or not all(parts):
        return None
    names = []
    for part in parts:
        named = next((_resolved(o) for o in doc.by_label.get(schema.LAB_TEST, []) if o["text"].strip() == part and _resolved(o)), None)
        named = named or _long_form(doc, part)
        if named is None:
            return None
        names.append(named)
    a, b = (n.split() for n in names)
    if len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
        return f"{' '.join(a[:-1])}/{' '.join(b[:-1])} {a[-1]} ratio"
    return f"{names[0]}/{names[1]} ratio"


_FLUID_WORDS = word_list("OTHER_FLUID")
_FLUID = compile_regex(rf"(?i)(?<![\w-])(?:{words_regex(_FLUID_WORDS)})(?![\w-])")
_FLUID_LEAD = compile_regex(rf"(?i)^(?:{words_regex(_FLUID_WORDS)})\s+")
_FLUID_BEFORE = compile_regex(rf"(?i)(?<![\w-])(?P<f>{words_regex(_FLUID_WORDS)})\s+$")
_FLUID_AFTER = compile_regex(rf"(?i)\s+(?:of|in)\s+(?:the\s+)?(?P<f>{words_regex(_FLUID_WORDS)})(?![\w-])")


_BLOOD_WORD = compile_regex(r"(?i)\b(?:serum|plasma|blood|circulating|venous|arterial|capillary)\b")


def _fluid_name(word: str) -> str:
    """The fluid as analytes are named with it: "urine" -> "urinary", "intragastric" -> "gastric"."""
    word = " ".join(word.lower().split())
    return {"urine": "urinary", "intragastric": "gastric"}.get(word, word)


def _own_fluid(text: str, test: dict[str, Any]) -> str | None:
    """The specimen other than blood a mention names: in its own words ("urinary TGF-beta1",
    "gastric pH"), right before it ("drainage Hematocrit") or right after it ("HCT of drainage")."""
    m = _FLUID_LEAD.match(test["text"].strip())
    if m:
        return _fluid_name(m.group(0))
    m = _FLUID_BEFORE.search(text, max(0, test["start"] - 30), test["start"]) or _FLUID_AFTER.match(text, test["end"])
    return _fluid_name(m["f"]) if m else None


def _fluid(doc: Doc, test: dict[str, Any]) -> str | None:
    """The fluid of a test (D58: it stays in the analyte), else None; an abbreviation takes the
    fluid of the mention it was defined after ("drainage Hematocrit (HCT)")."""
    own = _own_fluid(doc.text, test)
    if own is not None:
        return own
    short = test["text"].strip()
    if _ABBREVIATION.fullmatch(short):
        for other in doc.by_label.get(schema.LAB_TEST, []):
            if other is not test and regex.match(rf"\s*\(\s*{regex.escape(short)}\s*\)", doc.text[other["end"] : other["end"] + len(short) + 6]):
                return _own_fluid(doc.text, other)
    # a bare name ("pH") in a text that measures the analyte in one fluid only ("gastric pH") and
    # never names blood for it
    analyte = (test.get("attrs") or {}).get("analyte")
    if not analyte:
        return None
    same = [o for o in doc.by_label.get(schema.LAB_TEST, []) if (o.get("attrs") or {}).get("analyte") == analyte]
    fluids = {_own_fluid(doc.text, o) for o in same} - {None}
    if len(fluids) == 1 and not any(_BLOOD_WORD.search(o["text"]) for o in same):
        return fluids.pop()
    return None


def outcome_analyte(doc: Doc, test: dict[str, Any]) -> str:
    """The analyte of a result as gold names it (:func:`_named_analyte`), with the specimen
    when it is a fluid other than blood (D58: "urinary albumin", "gastric ph")."""
    analyte = _named_analyte(doc, test)
    fluid = _fluid(doc, test)
    if fluid is None or "/" in analyte or _FLUID.search(analyte) or "uria" in analyte:
        return analyte
    return f"{fluid} {analyte}"


def _named_analyte(doc: Doc, test: dict[str, Any]) -> str:
    """The analyte of a result as gold names it: the mention's canonical ``analyte``; an
    abbreviation the lexicon left as written resolved to its long form; specimen words left out
    (but "urinary"); "postprandial" kept; a ratio named by its parts."""
    text = test["text"].strip()
    analyte = (test.get("attrs") or {}).get("analyte") or _written_out(text, doc.text).lower()
    if "/" in text and "/" in analyte:
        return _ratio(doc, text) or analyte
    if _resolved(test) is None:
        m = _QUALIFIER.match(text)
        core = _QUALIFIER.sub("", text)
        named = _long_form(doc, core)
        if named is not None:
            return ("urinary " if m and m["urine"] and not named.startswith("urin") else "") + named
        short = _ABBREVIATION_AFTER.match(doc.text, test["end"])
        if short and analyte_of(short["a"]) is not None and not (m and m["urine"]):
            return analyte_of(short["a"])  # "soluble vascular cellular adhesion molecule-1 (sVCAM-1)": as the lexicon names it
    if analyte.startswith(("measured ", "peak ")):
        analyte = analyte.split(" ", 1)[1]
    known = analyte_of(_QUALIFIER.sub("", text))
    if known and known != analyte and analyte_of(analyte) is None and not _QUALIFIER.match(text):
        analyte = known  # "sVCAM-1" given its long form's words by the mention layer: as the lexicon names it
    if (_FREE_BEFORE.search(doc.text, max(0, test["start"] - 8), test["start"]) or regex.match(r"(?i)free\s", text)) and not analyte.startswith("free "):
        return "free " + analyte  # "free insulin": the unbound fraction is its own analyte
    if analyte.startswith(("measured ", "peak ")):
        analyte = analyte.split(" ", 1)[1]
    if analyte in ("glucose", "insulin") and _POSTPRANDIAL.search(text):
        return "postprandial " + analyte
    return analyte


#: An abbreviation in brackets right after a test's long form: "... molecule-1 (sVCAM-1)".
_ABBREVIATION_AFTER = compile_regex(r"\s*\(\s*(?P<a>[A-Za-z][\w-]{1,12})\s*[),;]")
_FREE_BEFORE = compile_regex(r"(?i)(?<![\w-])free\s+$")


def _same_threshold(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["analyte"] == b["analyte"] and a["comparator"] == b["comparator"] and a["value"] == b["value"]


def _shared_comparator(text: str, v: dict[str, Any], values: list[dict[str, Any]], doc: Doc) -> str | None:
    """A comparator written once for a value given in two units: ">1.5 mg/dL [25 umol/L]"."""
    earlier = [u for u in values if u["end"] <= v["start"] and doc.value_of.get(u["id"]) is doc.value_of.get(v["id"])]
    if not earlier:
        return None
    prev = earlier[-1]
    if (prev.get("attrs") or {}).get("comparator") and regex.fullmatch(r"\s*[\(\[]\s*", text[prev["end"] : v["start"]]):
        return prev["attrs"]["comparator"]
    return None


def _reported_before(doc: Doc, values: list[dict[str, Any]], test: dict[str, Any], index: int) -> bool:
    """Whether sentence ``index`` reports a value of the same analyte (the next one goes on)."""
    analyte = (test.get("attrs") or {}).get("analyte")
    a, b = doc.sentences[index]
    return any(
        a <= u["start"] < b and ((doc.value_of[u["id"]].get("attrs") or {}).get("analyte") == analyte)
        for u in values
    )


#: A legend of two times at the head of a bracket: "(before vs after, ...", "(pre- vs post-treatment: ...".
_BEFORE_AFTER_LEGEND = compile_regex(
    r"(?i)\(\s*(?:before|pre[\s-]?(?:treatment|intervention|supplementation)?|baseline)\s*(?:vs\.?|versus|/)\s*"
    r"(?:after|post[\s-]?(?:treatment|intervention|supplementation)?|end\s+of\s+\w+)\s*[,:;]"
)


def _before_after_legends(doc: Doc, arms: list[Arm], values: list[dict[str, Any]], pairs: dict[str, str]) -> dict[str, int | None]:
    """Two values compared in a bracket headed by a legend of times ("(before vs after, 42.1 vs
    44.9)") are the level before and the level after ("from"/"to" in ``pairs``); so are the two
    compared values of a later bracket of the same sentence that has no legend or arm of its own
    ("..., while B2 did not (14.6 vs 14.0)"). Returns, per value so read, the index of the arm
    named last before the legend in its sentence (``None`` when none is)."""
    text = doc.text
    out: dict[str, int | None] = {}
    for a, b in doc.sentences:
        legend: int | None = None  # where the legend's bracket closes
        owner: int | None = None
        for m in regex.finditer(r"\(", text[a:b]):
            open_ = a + m.start()
            close = text.find(")", open_)
            close = b if close < 0 or close > b else close
            own = _BEFORE_AFTER_LEGEND.match(text, open_)
            if own is not None:
                legend = close
                named = sorted((s, k) for k, arm in enumerate(arms) for s, _ in arm.refs if a <= s < open_)
                owner = named[-1][1] if named else None
            inside = [v for v in values if open_ < v["start"] and v["end"] <= close]
            if (legend is None or len(inside) != 2 or doc.value_of[inside[0]["id"]] is not doc.value_of[inside[1]["id"]]
                    or not _VS_GAP.fullmatch(text[inside[0]["end"] : inside[1]["start"]])):
                continue
            if own is None and (regex.search(r"(?i)\b(?:group|arm)s?\b", text[legend : inside[0]["start"]])
                                or any(legend <= s < inside[1]["start"] for arm in arms for s, _ in arm.refs)):
                continue  # a later bracket of another arm: not the legend's comparison
            pairs[inside[0]["id"]], pairs[inside[1]["id"]] = "from", "to"
            out[inside[0]["id"]] = out[inside[1]["id"]] = owner
    return out


#: One person of a trial, in the singular.
_ONE_PERSON = r"(?:patient|participant|subject|child|infant|neonate|adult|woman|man|individual|volunteer|case|person|eye|recipient)"
#: One participant's value (D58): "(274 pmol/L) in one patient", "in a single subject ... of 274".
_ONE_PERSON_AFTER = compile_regex(
    rf"(?i)\s*\)?\s*(?:was\s+(?:seen|found|observed|recorded)\s+)?(?:in|of|for)\s+(?:only\s+)?(?:one|a\s+single|1)\s+{_ONE_PERSON}\b"
)
_ONE_PERSON_BEFORE = compile_regex(
    rf"(?i)\b(?:in|of)\s+(?:only\s+)?(?:one|a\s+single)\s+{_ONE_PERSON}\b[^;()\d]*$"
)
#: A section heading of a structured abstract: "ABSTRACT.BACKGROUND:", "BACKGROUND:" on its own
#: line, "Background: " in running text.
_SECTION = compile_regex(
    r"(?:ABSTRACT\.|(?<=^|\n)[ \t]*)(?!ABSTRACT\b)(?P<h>[A-Z][A-Z /&,-]{2,60}?)\s*[.:]"
    r"|(?<=[.!?]\s{1,3})(?P<h>[A-Z]{3,}(?:[ /&-][A-Z]{2,}){0,3})\s*:"
    r"|(?:(?<=^|\n)|(?<=[.!?]\s{1,3}))(?P<h>Background|Introduction|Context|Objectives?|Aims?|Purpose|Methods?|Design|Results?|Findings|Conclusions?)\s*:"
)
#: A sentence about the trial itself, wherever it stands ("we conducted a study in 106 patients (median ...)").
_THIS_STUDY = compile_regex(r"(?i)\bwe\b|\b(?:this|the\s+present|our|the\s+current)\s+(?:study|trial)\b|\brandomi[sz]ed\b|\benrolled\b")
#: Headings of a section about what was known before the trial.
_BACKGROUND_HEAD = compile_regex(r"(?i)^(?:background|introduction|context|rationale)\b")


def _background_start(text: str, offset: int) -> int | None:
    """Where the background section of a structured abstract that holds ``offset`` begins (the
    last heading before it is "BACKGROUND", "INTRODUCTION", "CONTEXT": results of earlier
    studies), else None."""
    last = None
    for m in _SECTION.finditer(text, 0, offset):
        last = m
    return last.end() if last is not None and _BACKGROUND_HEAD.match(last["h"]) else None


def _without_arm_times(doc: Doc, arms: list[Arm]) -> Doc:
    """``doc`` without the TIME_POINTs inside a name of an arm ("the 12-month group", "RT plus
    4 months of androgen ablation"): they say which arm, not when a value was measured."""
    refs = [(s, e) for arm in arms for s, e in arm.refs]
    times = doc.by_label.get(schema.TIME_POINT, [])
    kept = [t for t in times if not any(s <= t["start"] and t["end"] <= e for s, e in refs)]
    if len(kept) == len(times):
        return doc
    return dataclasses.replace(doc, by_label={**doc.by_label, schema.TIME_POINT: kept})


def outcomes_and_eligibility(
    doc: Doc, arms: list[Arm], default_days: float | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    outcomes: list[dict[str, Any]] = []
    eligibility: list[dict[str, Any]] = []
    text = doc.text
    whole = doc  # the study's follow-up is read from every time point
    doc = _without_arm_times(doc, arms)  # "the 12-month group": a time that names an arm is no value's time
    values = [v for v in doc.by_label.get(schema.LAB_VALUE, []) if v["id"] in doc.value_of]
    # "8.0% [64 mmol/mol]": the same result in another unit, no result of its own
    values = [v for v in values if not _converted(text, v, values, doc) and not _relative_restated(text, v, values, doc)]
    pairs = _pairs(doc, values)
    carried = _before_after_legends(doc, arms, values, pairs)  # "(before vs after, 42.1 vs 44.9)": from/to
    # values of one test in one sentence, in order (for "vs" and "respectively")
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for v in values:
        groups.setdefault((doc.value_of[v["id"]]["id"], doc.sentence_of(v["start"])), []).append(v)
    kinds: dict[str, str] = {}  # value id -> kind, for the values of one comparison
    days_of: dict[str, float | None] = {}
    study_end = default_days
    animal_study = _animal_study(doc)
    placed: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (value, its outcome)
    for v in values:
        test = doc.value_of[v["id"]]
        attrs = v.get("attrs") or {}
        test_attrs = test.get("attrs") or {}
        analyte = outcome_analyte(doc, test)
        sentence_index = doc.sentence_of(v["start"])
        if study_end is not None:
            # the study's time read for a value with none of its own: the longest written
            # before its sentence ("for 10 weeks ... FPG fell by 26 mg/dL"), never a time
            # the text names only later ("levels measured up to 8 h after birth were ...")
            default_days = follow_up_days(whole, until=doc.sentences[sentence_index][0])
        sentence = doc.sentence_text(sentence_index)
        ca, cb = doc.clause(v["start"])
        comparator = attrs.get("comparator") or _shared_comparator(text, v, values, doc)
        if comparator and attrs.get("sd") is None:
            # a threshold: of the eligibility criteria, or of a definition ("PNAC: bilirubin >1.5
            # mg/dL"), a background statement ("MDF score >=32"): never a result
            if ELIGIBILITY_CUE.search(sentence) or _ELIGIBILITY_WORDS.search(sentence):
                item = {"analyte": analyte, "comparator": comparator,
                        "value": attrs.get("value") if attrs.get("value") is not None else attrs.get("low"),
                        "unit": attrs.get("unit")}
                if not any(_same_threshold(item, e) for e in eligibility):
                    eligibility.append(item)
            continue
        elif ELIGIBILITY_CUE.search(sentence) and regex.search(r"(?i)\binclusion\b|\bexclusion\b|\beligib|\bcriteri", sentence):
            continue  # a range in the criteria ("HbA1c 7.0-10.0%"): not a result
        if attrs.get("low") is not None and attrs.get("value") is None and _DEFINITION.search(sentence):
            continue  # a target range
        if _ONE_PERSON_AFTER.match(text, v["end"]) or _ONE_PERSON_BEFORE.search(text, max(ca, v["start"] - 80), v["start"]):
            continue  # "a single oestradiol level (274 pmol/L) in one patient": one participant's value (D58)
        background = _background_start(text, v["start"])
        if background is not None and not _THIS_STUDY.search(text, max(background, doc.sentences[sentence_index][0]), doc.sentences[sentence_index][1]):
            continue  # "ABSTRACT.BACKGROUND: increases of 0.07 mg/dL were observed": earlier studies, not this trial's result
        if regex.search(r"\(\s*$", text[max(0, v["start"] - 3) : v["start"]]) and _ARM_SIZE_AFTER.match(text, v["end"]):
            continue  # "X (600 umol/L; n = 59)": what an arm was given, beside its size
        if _ARM_BRACKET_AFTER.match(text, v["end"]):
            continue  # "5 % (Group III, n = 15) glucose solution": what an arm was given, before its name and size
        if _BLOOD_PRODUCT.search(analyte) and _GIVEN_BLOOD.search(text, ca, v["start"]):
            continue  # red cells or platelets given ("consumption of allogeneic RBC were 2.0 units"): no blood count (D52)
        if regex.search(r"(?i)\bbetween\s+$", text[max(ca, v["start"] - 12) : v["start"]]) and regex.match(
                r"[\d.,]+\s*(?:[^\s\d]+\s+)?(?:and|-|\u2013)\s*[\d.,]+", v["text"]):
            continue  # "a total cholesterol between 4.6 and 6.2 mmol/L": a range, never a result
        if _TIME_IN_RANGE.search(text, max(ca, v["start"] - 200), v["start"]) and attrs.get("unit") == "%":
            continue  # "the percentage of time spent with glucose in the 4-7 mmol/L range (39% vs 28%)": time, not a level
        if _TARGET_BEFORE.search(text, max(ca, v["start"] - 40), v["start"]):
            continue  # "titrated to a ferritin target of 500 ng/mL": a goal, not a result
        if _DEFINED.search(text, ca, v["start"]) or _AIMED_CHANGE.search(text, max(ca, v["start"] - 80), v["start"]) or _CONDITION_OF_RULE.search(
                text, max(ca, v["start"] - 80), v["start"]):
            continue  # "defined as a 0.8%-units decrease", "to decrease glucose by 10%", "when PSA fell to 0.1 ng/mL": rules, not results
        if _THRESHOLD_BEFORE.search(text, max(ca, v["start"] - 40), v["start"]):
            continue  # "a concentration below this threshold (175 ng/ml)": a cut-off, not a result
        if _RATIO_BEFORE.search(text, max(ca, test["end"] if test["end"] <= v["start"] else ca, v["start"] - 40), v["start"]):
            continue  # "[HR (95% CI): 1.41 (1.00, 2.00)": a hazard, odds or risk ratio, never a lab value (D39)
        if attrs.get("unit") == "%" and (_PEOPLE_SHARE_AFTER.match(text, v["end"]) or _PEOPLE_SHARE_BEFORE.search(text, ca, v["start"])):
            continue  # "(15 % in both groups)", "the percentage of patients with ... was 41.8%": shares of people (D18)
        if attrs.get("unit") == "%" and (_OBSERVED_IN.search(text, max(ca, v["start"] - 40), v["start"])
                                         or _OBSERVED_IN_VS.search(text, max(ca, v["start"] - 100), v["start"])):
            continue  # "responses were observed in 68% with A versus 56% in controls": shares of people
        if animal_study is False and _ANIMAL.search(sentence):
            continue  # "In db/db mice, X reduced glucose by 217 mg/dL" in a trial of people: no trial result
        pair = _RANGE_AS_PAIR.match(v["text"]) if attrs.get("value") is None and attrs.get("low") is not None else None
        if pair and _MOVED.search(text, ca, v["start"]) and not _BY_RANGE.search(text, max(ca, v["start"] - 30), v["start"]):
            # "an increase in X in the A arm (29.8 to 57.1 pg/mL)": the level before and after, written as one span
            arm = _arm_of_value(doc, arms, v, [v], pairs, "follow_up")
            later, _ = _time_days(doc, v, ca, cb, skip_baseline=True)
            for number, kind, day in ((pair["a"], "baseline", 0.0), (pair["b"], "follow_up", later if later is not None else default_days)):
                outcomes.append({
                    "analyte": analyte, "arm": arm, "days": day, "kind": kind, "value": float(number.replace(",", "")),
                    "sd": None, "low": None, "high": None, "unit": attrs.get("unit"),
                    "p_value": _p_value(text, v["end"], cb) if kind == "baseline" else None, "direction": None if kind == "baseline" else _direction(_contrast_part(text, ca, cb, v["start"])),
                })
            continue
        if (attrs.get("value") is None and attrs.get("low") is not None and attrs.get("sd") is None
                and not is_change(text, v["start"]) and not _BY_RANGE.search(text, max(ca, v["start"] - 30), v["start"])):
            continue  # a range that is no change ("with HbA1c 7.5-9.5%", "in the 4-7 mmol/L range"): who or what, not a result
        role = pairs.get(v["id"])
        cohort = False  # a value describing the whole enrolled cohort
        group = groups[(test["id"], sentence_index)]  # the values of this test in this sentence
        before = text[max(ca, v["start"] - 60) : v["start"]]
        if role == "vs" and len(group) == 2 and _FROM_START_TO.search(text, ca, group[0]["start"]):
            # "rose from the start of surgery to day 1 (2.5 vs 4.5 ng/mL)": the two times
            role = "from" if v is group[0] else "to"
        if role in (None, "vs") and _REACHED.search(text, max(ca, v["start"] - 12), v["start"]):
            role = "to"  # "decreased by 67% compared with baseline (to 787 pg/ml)": the level reached
        if role in (None, "vs") and _BEFORE_AFTER.search(text, ca, v["start"]):
            run = _value_run(text, v, group)
            if len(run) == 2 and not _VS_GAP.fullmatch(text[run[0]["end"] : run[1]["start"]]):
                role = "before" if v is run[0] else "after"  # "before and after X were 79 and 75"
        if role is None and _BASELINE_NAMED.search(text, max(ca, test["start"] - 12), test["start"]) and regex.fullmatch(
                r"\s*\(\s*", text[test["end"] : v["start"]]):
            role, cohort = "before", True  # "mean changes from baseline HbA1c (8.06%) were ...": the cohort's baseline
        if role in ("from", "before"):
            kind, days = "baseline", 0.0
        elif role == "after":
            kind = "follow_up"  # at the time the clause names, else at none (not the study's end)
            days, _ = _time_days(doc, v, ca, cb, skip_baseline=True)
        elif role == "to":
            kind = "follow_up"
            days, _ = _time_days(doc, v, ca, cb, skip_baseline=True)
            if days is None:
                days, _ = _time_days(doc, v, *doc.sentences[sentence_index], skip_baseline=True)
            if days is None:
                days = default_days  # "(43.1 to 50.3 mg/dl)" with no time of its own: at the study's end
        else:
            no_difference = bool(_NO_DIFFERENCE.search(text, max(ca, v["start"] - 120), v["start"]))
            if _PAIRED_DIFFERENCES.search(before) or _signed(text, v):
                kind = "change"  # "mean of the differences = -9", "G1 + 0.36 +/- 0.52": within an arm
            elif no_difference and not _signed(text, v) and not (attrs.get("value") or 0) < 0:
                kind = None  # "no difference between the X levels at baseline (2.5 mg/L)": levels compared
            elif regex.search(r"(?i)\bdifferences?\b|\bbetween[\s-]group", before) or _DIFFERENCES_BETWEEN.search(text, ca, v["start"]):
                kind = "difference"  # "differences between A and B were as follows: reduction in X -0.30%"
            elif _CHANGE_OVER.search(text, ca, v["start"]):
                kind = "change"  # "small increases in FSH between baseline and 1-year follow-up vs. placebo (2.3 vs -0.81)"
            elif is_change(text, v["start"], attrs.get("value")) and not (role == "vs" and _COMPARED_LEVELS.search(before)) and not (
                    role == "vs" and _named_levels(text, v, group)):
                kind = "change"
            elif _CHANGES_OF.search(text, ca, v["start"]) and regex.fullmatch(r"\s*\(\s*", text[test["end"] : v["start"]]):
                kind = "change"  # "changes (delta) of creatinine (...), MELD (...)"
            elif _CHANGE_SUBJECT.search(text, ca, test["start"]) and test["start"] < v["start"]:
                kind = "change"  # "the mean change of X in the A group was 8.4", "mean changes in X were 15 and 14"
            elif _changed_in_words(text, v, ca):
                kind = "change"  # "a reduction of 8%", "a 13% decrease", "deterioration (2.5%)", "(+17%)"
            else:
                kind = None
            moved = kind is not None  # a change is read at a later time, not at "baseline"
            run = _value_run(text, v, group)
            days, baseline = _time_days(doc, v, ca, cb, skip_baseline=moved, run=run, others=group)
            if days is None and baseline is not None:
                days, baseline = _time_days(
                    doc, v, *doc.sentences[sentence_index], skip_baseline=moved, run=run, others=group)
            paired = _time_pair(doc, v, group) if not moved else None
            if paired is not None:  # "(baseline vs 12 months: 40 vs 24 ng/mL)": the times in the values' order
                days, baseline = paired, paired == 0
            listed = _listed_time(doc, v, group, run, ca, cb) if paired is None else None
            if listed is not None:  # "7% and 4% at week 3 and week 4": the times in the values' order
                days, baseline = listed
                if days is not None and moved and baseline:
                    days, baseline = default_days, False
            labelled = _item_time(text, v, ca)
            if labelled is not None:  # "(60 min: 5.1 vs 6.3; 180 min: 4.2 vs 5.9)": the time heading its item
                days, baseline = labelled, labelled == 0
            unpaired = baseline is None  # more times than values (D50): no day
            if days is None and not unpaired and sentence_index > 0 and _reported_before(doc, values, test, sentence_index - 1):
                days, baseline = _time_days(doc, v, *doc.sentences[sentence_index - 1], skip_baseline=moved)
            first = _compared_first(text, v, group)
            if kind is None and role == "vs" and first is not v and kinds.get(first["id"]) in ("change", "difference"):
                kind = kinds[first["id"]]  # "-26 vs. 12 mg/dL" after "reduced": both changes
                days = days_of.get(first["id"], days)
            if kind is None and role is None and _bracket_of_changes(text, v, group):
                kind = "change"  # "(CRL 0.00; G1 + 0.36; G2 -0.19)": one bracket of changes
                days, _ = _time_days(doc, v, ca, cb, skip_baseline=True)
                days = days if days is not None else default_days
            if kind is None and days is None and not unpaired and _AGE.search(sentence):
                kind, days = "baseline", 0.0  # reported beside the participants' age: who was enrolled
            if kind is None and not unpaired and _AGE_IN_BRACKET.search(_bracket_of(text, v, ca)):
                kind, days = "baseline", 0.0  # "participants (mean: 45 years old, HbA1c 8.4%)"
                cohort = True
            if kind is None and not unpaired and _PEOPLE_BRACKET.search(text, max(0, v["start"] - 120), v["start"]):
                kind, days = "baseline", 0.0  # "106 HIV-infected patients (median CD4+ count 191 cells/mm3)"
                cohort = True
            if (kind is None and days is None and not unpaired and sentence_index > 0
                    and not doc.in_sentence(schema.TIME_POINT, sentence_index) and _ENROLLED.search(doc.sentence_text(sentence_index - 1))
                    and not any(a <= s_ < b for arm in arms for s_, _ in arm.refs for a, b in [doc.sentences[sentence_index]])):
                kind, days = "baseline", 0.0  # "Fifty patients, mean age 53, were recruited. Their median IL-10 was 13 pg/ml."
            if kind is None:
                if baseline or (days is None and not unpaired and _BASELINE_WORDS.search(_own_part(before))):
                    kind, days = "baseline", 0.0
                elif days is None and not arms and not doc.by_label.get(schema.TIME_POINT):
                    kind, days = "baseline", 0.0  # a study of no treatment and no times: one measurement of who was seen
                else:
                    kind = "follow_up"
            if days is None and default_days is not None and not unpaired:
                days = default_days
        if kind == "follow_up" and (
            _PEAK.search(text[max(ca, test["start"] - 30) : test["start"]]) or _PEAK.match(test["text"])):
            # "peak CKMB (48.5 IU/L)": the highest over a period, at no single day unless its
            # clause names one after it ("a peak (200 uU/ml) at 45 min")
            days, _ = _time_days(doc, v, test["start"], cb, skip_baseline=True, run=[v])
        if (kind in ("change", "follow_up") and role not in ("from", "to") and len(_vs_chain(text, v, group)) == 1
                and _against_placebo(doc, arms, v, sentence_index)):
            kind = "difference"  # "X decreased glucose by 0.4 mmol/L compared to placebo": placebo-adjusted
        kinds[v["id"]] = kind
        days_of[v["id"]] = days
        # the whole cohort's value is no arm's, also when the only arm found is the control (the
        # treated arms were missed)
        arm = None if cohort and (len(arms) > 1 or (arms and arms[0].role == "control")) else _arm_of_value(doc, arms, v, group, pairs, kind)
        if arm is None and not cohort and (kind == "change" or role in ("from", "to", "before", "after")):
            arm = _treated_arm(doc, arms, sentence_index)
        if arm is None and carried.get(v["id"]) is not None:
            arm = carried[v["id"]]  # "after A supplementation (before vs after, ...), while B2 did not (14.6 vs 14.0)": A's
        after_end = cb
        if role == "vs" and group[0] is not v:
            p_value = None  # the comparison's p-value is reported with its first value
        elif role in ("from", "before") and not cohort:
            p_value = None  # "from 179.6 to 117.6 mg/dL (P < 0.001)": the p-value tests the change, read with the later value
        else:
            p_value = _listed_p_value(text, v, cb) or _p_value(text, v["end"], after_end) or _p_value(text, ca, cb)
        if not attrs.get("unit"):
            unit = _shared_unit(text, v, group, ca)
            if unit:
                attrs = dict(attrs, unit=unit)  # "(CRL -0.13 ± 0.46; G1 + 0.36 ± 0.52 pg)": one unit for the list
        outcome = {
            "analyte": analyte,
            "arm": arm,
            "days": days,
            "kind": kind,
            "value": attrs.get("value"),
            "sd": attrs.get("sd"),
            "low": attrs.get("low"),
            "high": attrs.get("high"),
            "unit": attrs.get("unit"),
            "p_value": p_value,
            # a level before treatment moved nowhere; the words of the value's own side of a contrast
            "direction": None if kind == "baseline" else _direction(_contrast_part(text, ca, cb, v["start"])),
        }
        if attrs.get("comparator"):
            outcome["comparator"] = attrs["comparator"]
        change = kind in ("change", "difference")
        si = attrs.get("si") or to_si(analyte, attrs, change=change) or (
            to_si(test_attrs["analyte"], attrs, change=change) if test_attrs.get("analyte") else None)
        if si is not None:
            outcome["si"] = si
        outcomes.append(outcome)
        placed.append((v, outcome))
    _split_compared_pairs(doc, arms, placed, groups)
    return outcomes, eligibility


def _named_levels(text: str, value: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether ``value`` is one of two values compared each in a bracket after its arm's name
    ("increased with A (A (9.1) vs placebo (5.8))"), neither signed: the arms' levels, the change
    word describing the gap between them, not a change within an arm."""
    i = group.index(value)
    for a, b in ((i - 1, i), (i, i + 1)):
        if a >= 0 and b < len(group) and _BRACKETED_VS.fullmatch(text[group[a]["end"] : group[b]["start"]]):
            pair = (group[a], group[b])
            return regex.search(r"[A-Za-z][\w+/-]*\s*\(\s*$", text[max(0, pair[0]["start"] - 40) : pair[0]["start"]]) is not None and not any(
                _signed(text, u) or ((u.get("attrs") or {}).get("value") or 0) < 0 for u in pair)
    return False


_BRACKETED_VS = compile_regex(r"(?i)[^\d;()]{0,15}\)\s*(?:vs\.?|versus|compared\s+(?:with|to))\s*[^\d;()]{0,30}\(\s*")


def _split_compared_pairs(
    doc: Doc, arms: list[Arm], placed: list[tuple[dict[str, Any], dict[str, Any]]], groups: dict[tuple[str, int], list[dict[str, Any]]]
) -> None:
    """Two values compared "A vs B" given the same arm, day and kind in a trial of two arms
    ("GLP-1 (2077) vs placebo (2568)" both read as placebo's): one value per arm. The arm named
    between the two values owns the second ("... vs placebo (2568)"), one named before them the
    first; the other arm takes the other value."""
    if len(arms) != 2:
        return
    text = doc.text
    by_id = {v["id"]: o for v, o in placed}
    done: set[str] = set()
    for v, _ in placed:
        if v["id"] in done:
            continue
        group = groups[(doc.value_of[v["id"]]["id"], doc.sentence_of(v["start"]))]
        chain = _vs_chain(text, v, group)
        i = group.index(v)
        if len(chain) == 1 and i + 1 < len(group) and _BRACKETED_VS.fullmatch(text[v["end"] : group[i + 1]["start"]]):
            chain = [v, group[i + 1]]  # "GLP-1 (10.1 mmol/l) vs placebo (12.7 mmol/l)"
        done.update(u["id"] for u in chain)
        if len(chain) != 2 or not all(u["id"] in by_id for u in chain):
            continue
        first, second = (by_id[u["id"]] for u in chain)
        if first["arm"] is None or any(first[k] != second[k] for k in ("arm", "days", "kind")):
            continue
        a, _ = doc.sentences[doc.sentence_of(v["start"])]
        named = sorted((s, arms.index(arm)) for arm in arms for s, _ in arm.refs if a <= s < chain[1]["start"])
        between = [k for s, k in named if chain[0]["end"] <= s]
        before = [k for s, k in named if s < chain[0]["start"]]
        if between:
            second["arm"] = between[-1]  # the arm named between the two values owns the second
            first["arm"] = 1 - second["arm"]
        elif len(set(before)) == 2:
            order = list(dict.fromkeys(k for k in before))
            first["arm"], second["arm"] = order[0], order[1]  # "X ... compared with Y (a compared with b)"
        else:
            second["arm"] = 1 - first["arm"]
