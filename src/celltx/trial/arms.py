"""Arms of a trial from the mention layer and the sentence structure.

Arm names are read from the text: "<name> group/arm" ("the UC-MSC group", "control group"),
"group <id>" ("Group I" = "group 1"), role words in brackets after a treatment ("a soybean
oil-based emulsion (control)"), the alternatives of "randomized to (receive) A or B", and a
title's "A versus B". A name and its abbreviation ("standard medical therapy (SMT)") are one
arm. Arms are listed in order of first mention.

Mentions are given to arms by position: a CELL_TYPE, DOSE, ROUTE or FREQUENCY goes to the
arm named nearest before it in the same sentence (else nearest after it); in a sentence that
names no arm, to the only experimental arm when there is one. Counts per arm are read in
:mod:`.counts`, ages and numbers of men in :mod:`.demographics`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from .. import schema
from ..compile_cache import compile_regex
from .text import PEOPLE, Doc, norm_space, parse_count

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "one": "1", "two": "2",
          "three": "3", "four": "4", "a": "a", "b": "b", "c": "c", "d": "d"}
_NOT_NAMES = {
    "both", "each", "two", "three", "four", "all", "the", "same", "either", "other", "age", "study",
    "this", "that", "these", "those", "one", "every", "blood", "risk", "patient", "patients", "working",
    "whole", "entire", "overall", "total", "our", "their", "its", "a", "an", "per", "between", "within",
    "across", "different", "respective", "corresponding", "focus", "of", "in", "and", "or", "to",
    "test", "research", "treatment-naive", "dose", "subgroup", "another", "first", "second", "third",
    "although", "however", "whereas", "randomization", "randomisation", "parallel", "upper", "lower", "two-arm",
    # how groups compare or are formed, never what they receive ("no significant group
    # differences", "unequal group sizes", "inter-group", "gender groups", "the syndrome cohort")
    "significant", "unequal", "equal", "similar", "inter", "intra", "select", "selected", "gender", "sex",
    "syndrome", "disease",
    # what a study does with groups or how it describes them, never what they receive
    # ("to determine group differences", "a main effect of group", "a heterogeneous group of
    # disorders", "a consecutive group of patients", "but group B ...")
    "determine", "main", "effect", "effects", "heterogeneous", "homogeneous", "consecutive", "but",
}
_CONTROL_WORDS = compile_regex(
    r"(?i)\b(?:control|controls|placebo|sham|standard|conventional|usual|routine|comparator|untreated|unsupplemented|"
    r"saline|vehicle|SMT|SOC|SMC|supportive|CON|CTRL|CTR|wait(?:ing)?[\s-]*list(?:ed)?)\b|\bno[\s-](?:treatment|intervention|infusion|injection)\b"
    r"|\bregular\s+(?:care|practice|treatment|management)\b"
    r"|\bnon[-\u2010\u2013](?=[A-Za-z])|^no\s"
)
#: "group", and "Group"/"Arm"/"Cohort" in a capitalised name ("the Exercise Group (EG)")
_ARM_NOUN = r"(?:[Gg]roup|[Aa]rm|[Cc]ohort)"
#: Last words of capitalised names of bodies that are no arm ("Eastern Cooperative Oncology
#: Group", "the Writing Group", "Steering Committee"-like bodies).
_BODY_WORDS = {"oncology", "cooperative", "collaborative", "collaboration", "research", "trials", "trial", "writing",
               "working", "expert", "experts", "advisory", "steering", "consensus", "interest", "support", "investigators",
               "investigator", "study", "studies", "task", "guideline", "guidelines", "network", "action", "review",
               "cochrane", "ethnic", "income", "diagnostic", "blood", "muscle", "surgical", "surgery", "neuroscience"}
# "<name> group": a name of one token, or two ("low dose", "bone marrow"), not a plural "groups"
_TOKEN = r"[A-Za-z0-9][\w+\-/\u2010]*(?:\s*\+\s*[A-Za-z0-9][\w\-/]*)*"
#: A dose or strength inside a group's name: "the pilocarpine 2% group", "the 60 ug YIC group".
_DOSE_UNITS = r"%|mg|g|\u03bcg|\u00b5g|ug|mcg|ml|IU|U|mmol|\u03bcmol"
_NAME_DOSE = rf"\d+(?:\.\d+)?\s*(?:{_DOSE_UNITS})(?:/(?:kg|day|d|ml|L))*"
_NAME_GROUP_RE = compile_regex(
    rf"(?<![\w.-])(?P<name>(?:{_TOKEN}\s+{_NAME_DOSE}|{_NAME_DOSE}\s+{_TOKEN}|(?:{_TOKEN}(?:\s+|-))?{_TOKEN}))\s+{_ARM_NOUN}(?![\w-])",
)
# 'the "AM first" group', "the ‘baseball’ arm": a name in quotes before the group word
_QUOTED_GROUP_RE = compile_regex(
    r"[\"\u201c\u2018'](?P<name>[A-Za-z0-9][^\"\u201c\u201d\u2018\u2019'\n]{0,30}?)[\"\u201d\u2019']\s+(?P<noun>group|arm|cohort)(?![\w-])"
)
# "the 60 ug YIC and placebo groups", "the MSC and control groups"
_TWO_GROUPS_RE = compile_regex(
    rf"(?<![\w-])(?P<a>{_TOKEN})\s+(?:and|or|vs\.?|versus)\s+(?:the\s+)?(?P<b>{_TOKEN})\s+(?:groups|arms|cohorts)\b"
)
# "randomised to a Sensor On or Sensor Off arm": two names of up to two words sharing one singular group word
_ONE_OF_TWO_RE = compile_regex(
    rf"(?i)\b(?:to|either|a|an)\s+(?:(?:a|an|the)\s+)?(?P<a>{_TOKEN}(?:\s+{_TOKEN})?)\s+or\s+(?:(?:a|an|the)\s+)?"
    rf"(?P<b>{_TOKEN}(?:\s+{_TOKEN})?)\s+(?:group|arm|cohort)(?![\w-])"
)
_LEAD_WORDS = {"was", "were", "the", "in", "of", "and", "or", "to", "than", "with", "for", "from", "by", "on", "at",
               "whereas", "while", "received", "receiving", "as", "into", "vs", "versus", "a", "an", "each", "both"}
_BAD_LAST = {"with", "than", "from", "by", "for", "on", "at", "vs", "versus", "compared", "trial", "pilot", "research",
             "same", "age", "focus", "diagnosis-related", "related", "this"}
#: What follows a number that is no group's name ("group 48 h", "arm 2 mg").
_NOT_ID_AFTER = r"(?!\s*(?:h|hrs?|hours?|min(?:utes?)?|days?|weeks?|wks?|months?|years?|%|mg|g|ml|mL|kg|times)\b)"
#: The name of a group written as an id: "Group I", "group 2", "Group T", "group R2".
_ID = rf"(?:(?-i:[A-Z]\d{{0,2}})|\d{{1,2}}|(?i:I{{1,3}}|IV|VI?|[a-d]))(?![\w-]|[.,]\d){_NOT_ID_AFTER}"
_GROUP_ID_RE = compile_regex(
    rf"(?i)(?<![\w-]){_ARM_NOUN}[\s-]*(?P<id>{_ID}|one|two|three|four)(?![\w-])"
)
#: "groups A (control; n=33), B (IIT; n=33) and C", "in groups R2, R4 and R6": ids listed after
#: a plural group word.
_ID_ITEM = rf"{_ID}(?:\s*\([^()]*\))?"
_GROUP_LIST_RE = compile_regex(
    rf"(?i)(?<![\w-])(?:groups|arms|cohorts)\s+(?P<list>{_ID_ITEM}(?:\s*,\s*{_ID_ITEM})*\s*,?\s*(?:and|or|&)\s+{_ID_ITEM})"
)
_PAREN_ROLE_RE = compile_regex(r"(?i)\((?P<role>intervention|control|placebo|treatment|experimental|active|sham)(?:\s+group)?\)")
_VERSUS_RE = compile_regex(
    r"(?i)(?<![\w-])(?P<a>[A-Z][\w+\-]*(?:\s+(?:plus\s+|and\s+)?[\w+\-]+){0,4}?)\s+(?:versus|vs\.?)\s+(?P<b>[\w+\-]+(?:\s+[\w+\-]+){0,3}?)(?=\s*(?:[:.;,]|$|\sfor\b|\sin\b|\son\b))"
)


@dataclass
class Arm:
    key: str
    label: str
    first: int
    refs: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    comparator: str | None = None
    n: int | None = None
    cells: list[dict[str, Any]] = field(default_factory=list)
    doses: list[dict[str, Any]] = field(default_factory=list)
    routes: list[dict[str, Any]] = field(default_factory=list)
    freqs: list[dict[str, Any]] = field(default_factory=list)
    age: dict[str, Any] | None = None
    male: int | None = None
    #: CELL_TYPE mentions of the document (to find a cell word inside a dose).
    cell_words: list[dict[str, Any]] = field(default_factory=list)
    #: For an arm of one dose of a drug given at several ("placebo or X 2.5, 5 or 10 mg"): the dose.
    dose_value: float | None = None
    #: Other names the text gives the arm ("riociguat" for "riociguat 1.5 mg", "IGlar" for
    #: "insulin glargine (IGlar)"), looked for as references to it.
    names: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        dose = None
        # "the 50 mg group": a dose of the number its name gives comes first, the most specific
        # unit of them first ("5 mg/day" before the "5-mg" of the name itself)
        numbers = {float(n) for n in regex.findall(r"(?<![\w.])\d+(?:\.\d+)?(?=\s*-?\s*(?:mg|g|ug|\u00b5g|\u03bcg|mcg|ml|mL|IU|U|%|mmol)\b)", self.label or "")}
        named = sorted((d for d in self.doses if (d.get("attrs") or {}).get("low") in numbers),
                       key=lambda d: -len(str((d.get("attrs") or {}).get("unit") or "")))
        for span in named + [d for d in self.doses if d not in named]:
            attrs = span.get("attrs") or {}
            if attrs.get("low") is not None or attrs.get("high") is not None:
                dose = {"low": attrs.get("low"), "high": attrs.get("high"), "unit": attrs.get("unit"),
                        "text": span.get("text")}
                inside = [c for c in self.cell_words if span["start"] <= c["start"] and c["end"] <= span["end"]]
                if inside:  # "30-50 million MSCs": the cell word kept apart from the unit
                    dose["cell_word"] = inside[0]["text"]
                break
        route = next(((s.get("attrs") or {}).get("route") for s in self.routes if (s.get("attrs") or {}).get("route")), None)
        frequency = None
        for span in self.freqs:
            attrs = span.get("attrs") or {}
            if attrs.get("count") is not None or attrs.get("interval_days") is not None:
                frequency = {"count": attrs.get("count"), "interval_days": attrs.get("interval_days")}
                break
        return {
            "label": self.label,
            "role": self.role,
            "n": self.n,
            "cell_types": _cell_products(self.cells),
            "dose": dose,
            "route": route,
            "frequency": frequency,
            "comparator": self.comparator,
            "age": self.age,
            "male": self.male,
        }


GENERIC_CELLS = {"CL:0000034", "CL:0000134", "CL:0000842", "CL:0000000", "CL:0000048"}


def _cell_products(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct {cl_id, source, donor} of the arm's cell mentions, a generic mention dropped
    when a more specific one of the same product is there ("MSCs" beside "BM-MSCs")."""
    items: list[dict[str, Any]] = []
    for span in spans:
        attrs = span.get("attrs") or {}
        item = {"cl_id": attrs.get("cl_id"), "source": attrs.get("source"), "donor": attrs.get("donor")}
        if item["cl_id"] is None or any(_same_cell(item, other) for other in items):
            continue
        items.append({**item, "text": span.get("text")})

    def covered(a: dict[str, Any], b: dict[str, Any]) -> bool:
        if a is b or _same_cell(a, b):
            return False
        if a["cl_id"] != b["cl_id"] and a["cl_id"] not in GENERIC_CELLS:
            return False
        return all(a[k] is None or a[k] == b[k] for k in ("source", "donor"))

    kept = [a for a in items if not any(covered(a, b) for b in items)]
    # the same product named with and without its donor/source: keep the fuller one
    return kept


def _same_cell(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("cl_id", "source", "donor"))


def arm_key(name: str) -> str:
    """"Group I" -> "1"; "the UC-MSC group" -> "uc-msc"; "Group-2" -> "2"."""
    t = norm_space(name).lower()
    t = regex.sub(r"^(?:the|a|an)\s+", "", t)
    t = regex.sub(r"\s*\b(?:group|arm|cohort)\b\s*", " ", t).strip(" -")
    t = regex.sub(r"(?<=\w)[\s-]treated$", "", t)  # "the brimonidine-treated group" is "brimonidine"
    t = t.replace("\u2010", "-").replace("\u2013", "-")
    return _ROMAN.get(t, t)


def _bad_name(name: str) -> bool:
    words = name.lower().split()
    if not words:
        return True
    if words[-1] in _NOT_NAMES or words[0] in {"the", "a", "an", "each", "both", "two", "all", "per", "in", "of", "and", "or", "to", "same", "other"}:
        return True
    return bool(regex.fullmatch(r"\d+(?:\.\d+)?", words[-1]))


def _bad_last(name: str) -> bool:
    """Whether a name ends in a word no group's name ends in ("the same group", "compared
    group"); a capitalised word after a capitalised one is a name ("Sensor On arm")."""
    words = name.split()
    if words[-1].lower() not in _BAD_LAST:
        return False
    return not (len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper() and words[-1].lower() in {"on", "off"})


#: "the study group", "the test group": the whole sample in many texts, but the treated arm
#: where the text also has a control group to set it against.
_CONTRASTED_ONLY = {"study", "test"}
_CONTROL_GROUP = compile_regex(r"(?i)\bcontrol\s+(?:group|arm)\b")


#: The units of a cluster trial named by their arm ("intervention schools", "control clusters").
_CLUSTER_ARM_RE = compile_regex(
    r"(?i)(?<![\w-])(?P<name>intervention|control|comparison)\s+(?:schools?|clusters?|areas?|villages?|practices|"
    r"communities|sites?|wards?|districts?|hospitals?|classes|classrooms?|clinics?|households?|facilities|units?)(?![\w-])"
)


def _cluster_arms(text: str) -> list[tuple[int, int, str, str]]:
    """The arms of a cluster trial written as its units ("intervention schools" and "control
    schools"); [] unless both an intervention and a control unit are named."""
    found = [(m.start(), m.end(), m.group(), arm_key(m["name"])) for m in _CLUSTER_ARM_RE.finditer(text)]
    keys = {key for *_, key in found}
    return found if "control" in keys and keys - {"control"} else []


def _name_candidates(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, label, key) of every "<name> group" and "group <id>" in the text."""
    text = doc.text
    found: list[tuple[int, int, str, str]] = []
    cells = doc.by_label.get(schema.CELL_TYPE, [])
    for anchor in regex.finditer(rf"(?<![\w-]){_ARM_NOUN}(?![\w-])", text):
        m = _NAME_GROUP_RE.search(text, max(0, anchor.start() - 80), anchor.end())
        while m is not None and m.end() < anchor.end():
            m = _NAME_GROUP_RE.search(text, m.start() + 1, anchor.end())
        if m is None or m.end() != anchor.end():
            continue
        name = m["name"]
        start = m.start("name")
        # a cell name of several words before "group": "the bone marrow MSC group"
        for cell in cells:
            if cell["end"] == m.end("name") and cell["start"] < start and m.end("name") - cell["start"] < 60:
                start, name = cell["start"], text[cell["start"] : m.end("name")]
        words = name.split()
        if len(words) > 1 and words[0].lower() in _NOT_NAMES | _LEAD_WORDS:
            name = name.split(None, 1)[1]
            start = m.end("name") - len(name)
        if anchor.group()[0].isupper() and (name.split()[-1].lower() in _BODY_WORDS or not name[:1].isupper()):
            continue  # "Oncology Group", "the Collaborative Group": a body, not an arm
        contrasted = name.lower() in _CONTRASTED_ONLY and _CONTROL_GROUP.search(text)
        if not contrasted and (_bad_name(name) or _bad_last(name) or name.lower().endswith("-related")):
            continue
        if regex.search(r"(?i)\b(?:each|per|every|either|any|other)\s+$", text[max(0, start - 12) : start]):
            continue  # "in each treatment arm": any arm, not one
        found.append((start, m.end(), text[start : m.end()], arm_key(name)))
    for m in _QUOTED_GROUP_RE.finditer(text):  # 'the "AM first" group': a name in quotes
        name = norm_space(m["name"])
        words = {w.lower() for w in name.split()}
        if words - _NOT_NAMES - _LEAD_WORDS and not any(s <= m.start("name") < e for s, e, *_ in found):
            found.append((m.start("name"), m.end(), f"{name} {m['noun'].lower()}", arm_key(name)))
    for m in _ONE_OF_TWO_RE.finditer(text):
        names = [(m.start(p), m.end(p), m[p]) for p in ("a", "b")]
        if all(not _bad_name(n) and not _bad_last(n) and n.split()[0].lower() not in _LEAD_WORDS
               and not regex.search(r"(?i)\b(?:group|arm|cohort)s?\b", n) for *_, n in names):
            found.extend((a, b, n, arm_key(n)) for a, b, n in names)
    for m in _TWO_GROUPS_RE.finditer(text):
        for part in ("a", "b"):
            name = m[part]
            if not _bad_name(name) and name.split()[-1].lower() not in _BAD_LAST | _LEAD_WORDS:
                found.append((m.start(part), m.end(part), name, arm_key(name)))
    named_ends = {end for _s, end, *_ in found}
    for m in _GROUP_ID_RE.finditer(text):
        if m["id"].isdigit() and int(m["id"]) > 9 and m.start() + len(regex.match(r"\w+", m.group())[0]) in named_ends:
            continue  # "the placebo group 79 (45%)": a count after a named group, no "group 79"
        found.append((m.start(), m.end(), m.group(), arm_key(m["id"])))
    if not found:
        found.extend(_cluster_arms(text))
    for m in _GROUP_LIST_RE.finditer(text):
        noun = regex.match(r"\w+", m.group())[0][:-1]  # "groups" -> "group"
        masked = _mask_brackets(m["list"])
        for item in regex.finditer(rf"(?<![\w-])(?:{_ID})", masked):
            if masked[item.start()] == "_":
                continue
            a = m.start("list") + item.start()
            found.append((a, a + len(item.group()), f"{noun} {item.group()}", arm_key(item.group())))
    return found


_ALT_TRIGGER = compile_regex(
    r"(?i)\b(?:randomi[sz]ed|randomi[sz]ation\s+to|randomly\s+(?:assigned|allocated|divided)|assigned|allocated|immuni[sz]ed|vaccinated"
    r"|received|receive|receiving|consumed?|were\s+given|either|supplemented\s+with|ingestion\s+of)\b"
)
_ALT_CUE = compile_regex(
    r"(?i)\brandomi|\ballocat|\bassign|\bcompar(?:e|es|ing)\b|\b(?:effects?|efficacy|safety|study|trial)\s+of\b"
)
#: Words that describe a design, not a treatment ("a randomized, double-blind, ... study").
_DESIGN_WORDS = compile_regex(
    r"(?i)^(?:(?:randomi[sz]ed|double|single|triple|blind(?:ed)?|dummy|open|label|placebo[\s-]controlled|controlled|cross|over|crossover"
    r"|parallel|multi|center|centre|multicenter|multicentre|prospective|phase|trial|study|clinical|pilot|outpatient|inpatient"
    r"|non|II|III|IV|I)[\s-]*)+$"
)
#: First words that do not begin a treatment's name.
_NOT_FIRST = {"with", "without", "into", "their", "its", "his", "her", "as", "less", "more", "than", "those", "these",
              "this", "that", "which", "who", "adverse", "have", "has", "had", "be", "is", "are", "was", "were", "no",
              "not", "lower", "higher", "greater", "significantly", "similar", "baseline", "levels", "level", "we"}
#: Where one alternative of a list ends and the next begins (outside brackets).
_ALT_SPLIT = compile_regex(
    r"(?i)\s*,\s*(?:(?:or|versus|vs\.?)\s+)?|\s+(?:or|versus|vs\.?|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to))\s+"
)
_ALT_JOIN = compile_regex(r"(?i)\s+(?:or|versus|vs\.?|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to))\s+")
#: Words after which the first alternative begins ("... to this study of [liraglutide]").
_LEFT_STOP = {"to", "of", "with", "receive", "receiving", "received", "either", "between", "consume", "consumed",
              "given", "by", "on", "using", "evaluating", "comparing", "compare", "study", "trial", "effect", "effects"}
#: Words at which an alternative's name ends ("placebo [for 14 weeks]").
_RIGHT_STOP = {"for", "in", "at", "during", "among", "on", "over", "from", "once", "twice", "thrice", "daily", "every",
               "each", "per", "as", "until", "after", "before", "following", "were", "was", "is", "are", "which", "who",
               "that", "to", "group", "groups", "arm", "arms", "when", "while", "whereas", "respectively",
               "administered", "given", "taken", "injected", "infused", "applied"}
_TRAILING_DOSE = compile_regex(
    r"(?i)(?<=\S)\s+\d[\d.,/]*\s*(?:mg|g|\u03bcg|\u00b5g|ug|mcg|ml|l|iu|units?|%|mmol|\u03bcmol|mg/kg|mg/day|mg/d)\b.*$"
)


def _mask_brackets(text: str) -> str:
    """``text`` with everything inside brackets replaced by "_" (same length), so that commas
    and "or" inside "(600 umol/L; n = 59)" do not split a list."""
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
            out.append(ch)
        elif ch in ")]" and depth:
            depth -= 1
            out.append(ch)
        else:
            out.append("_" if depth else ch)
    return "".join(out)


def _alt_name(text: str, start: int, end: int, first: bool, last: bool) -> tuple[int, int, str] | None:
    """The (start, end, name) of one alternative written in ``text[start:end]``: after the
    last introducing word of the first one ("a study of [liraglutide 1.8 mg]"), before the
    first word that ends a name ("[placebo] for 14 weeks"), a trailing dose dropped
    ("liraglutide 1.8 mg" -> "liraglutide"); "X as placebo" is the placebo; a bare number
    with an abbreviation ("1 (G1)") is named by the abbreviation."""
    chunk = text[start:end]
    masked = _mask_brackets(chunk)
    words = [(m.start(), m.end()) for m in regex.finditer(r"\S+", masked)]
    if not words:
        return None
    if regex.search(r"(?i)\bas\s+(?:a\s+|the\s+)?placebo\b", chunk):
        at = regex.search(r"(?i)\bplacebo\b", chunk)
        return (start + at.start(), start + at.end(), "placebo")
    lo = 0
    if first:
        for i, (a, b) in enumerate(words):
            word = masked[a:b].lower().strip(",:")
            # "60 ug of YIC": "of" after a dose does not introduce the name
            if (masked[a:b].endswith(":") or regex.fullmatch(r"(?i)(?:groups|arms),", masked[a:b])) and i + 1 < len(words):
                lo = i + 1  # "one of two groups: A or B", "in two study groups, A and B"
            elif word in _LEFT_STOP and not (word == "of" and i and regex.fullmatch(r"(?i)\d\S*|mg|g|\u03bcg|\u00b5g|ug|mcg|ml|iu|units?", masked[words[i - 1][0] : words[i - 1][1]])):
                lo = i + 1
    while lo < len(words) and regex.fullmatch(r"either|the|a|an|to|receive|be|given|as|with|\(?\d\)|\d\.", masked[words[lo][0] : words[lo][1]].lower()):
        lo += 1
    hi = len(words)
    for i in range(lo + 1, len(words)):
        w = masked[words[i][0] : words[i][1]].lower().strip(",.;:")
        if (w in _RIGHT_STOP or regex.match(r"[.;:]", masked[words[i][0]]) or masked[words[i - 1][1] - 1] in ".;:"
                or regex.fullmatch(r"(?:intraven|subcutane|oral|topical|intramuscular|intranasal|intravitreal|sublingual)\w*ly", w)):
            hi = i
            break
    if lo >= hi:
        return None
    a, b = words[lo][0], words[hi - 1][1]
    name = chunk[a:b]
    if " (" in masked[a:b]:  # a description in brackets: "hypotonic (0.18% NaCl)"
        cut = masked.index(" (", a)
        abbr = regex.fullmatch(r"\(\s*([A-Za-z][\w-]{0,7})\s*\)", chunk[cut + 1 : b].split(")")[0] + ")")
        head = chunk[a:cut]
        if regex.fullmatch(r"\d+(?:\.\d+)?", head.strip()) and abbr:
            return (start + cut + 2, start + cut + 2 + len(abbr.group(1)), abbr.group(1))
        name = head
    name = _TRAILING_DOSE.sub("", name).strip(" ,.;:")
    if (not name or len(name.split()) > 8 or not regex.match(r"[A-Za-z\d]", name)
            or not regex.search(r"[A-Za-z]{2}|^[A-Z]\d{1,5}$", name)):  # "T2345": a product's code
        return None
    if regex.match(r"\d", name) and not regex.match(r"\d[\d.,]*\s*\S+\s+[A-Za-z]", name):
        return None  # "2 servings": a number, not a named treatment ("30 ug YIC" is one)
    if _bad_name(name) or regex.search(rf"(?i)\b{PEOPLE}\b|\bgroups?\b|\barms?\b|[)\]]", name) and "(" not in name:
        return None
    if regex.search(r"[<>=\u2264\u2265]|\b(?:its|their|his|her|one of|have|has|had|been|is|are|was|were|shown|showed"
                    r"|stratified|compared)\b", name, flags=regex.I):
        return None  # a threshold ("LDL >=100 mg/dL"), "morphine and its metabolite"
    if len(name.split()) == 1 and regex.search(r"(?i)ly$|^(?:early|late|superior|inferior|weekly|daily)$", name):
        return None  # "daily", "early": how or when, not what
    no_arm = regex.fullmatch(r"(?i)no\s+(?!significant|difference|change|effect|other|more|longer)[\w-]+(?:\s+[\w-]+){0,2}", name)
    if _DESIGN_WORDS.match(name) or (name.split()[0].lower() in _NOT_FIRST and not (no_arm and not first)):
        return None  # "no treatment" is an arm when offered as the other choice
    return (start + a, start + a + len(name), name)


def _alternatives(doc: Doc) -> list[list[tuple[int, int, str]]]:
    """Treatments offered as alternatives, per statement, each as (start, end, name):
    "randomized to (receive) A or B", "received A (n = 59), B (n = 60) or C", "randomized
    between A and B", and "A versus B" / "A compared with B" in the title or a sentence about
    the design ("a study of liraglutide versus placebo"). Alternatives written next to numbers
    ("6.8 vs. 3.3 kg") are results, not treatments."""
    text = doc.text
    out: list[list[tuple[int, int, str]]] = []
    compared: list[list[tuple[int, int, str]]] = []  # "comparing A with B": used when nothing else is
    for index, (s_start, s_end) in enumerate(doc.full_sentences()):
        sentence = text[s_start:s_end]
        masked = _mask_brackets(sentence)
        semi = masked.find(";")
        stop = s_start + (semi if semi >= 0 else len(sentence))
        used: list[tuple[int, int]] = []
        for m in _ALT_TRIGGER.finditer(masked):
            if m.group().lower() == "either" and regex.search(r"(?i)\bwith\s+$", masked[: m.start()]) and not regex.search(
                    r"(?i)\b(?:treat\w*|given|supplement\w*|inject\w*|infus\w*|managed|immuni[sz]ed|fed|ventilated)\s+with\s+$", masked[: m.start()]):
                continue  # "patients with either synchronous or metachronous metastases": a condition
            body_start = s_start + m.end()
            body = masked[m.end() : stop - s_start]
            between = regex.match(r"(?i)\s*between\s+", body)
            if between:
                parts = regex.split(r"\s+and\s+", body[between.end() :], maxsplit=1)
                bounds = [(body_start + between.end(), body_start + between.end() + len(parts[0]))]
                if len(parts) == 2:
                    bounds.append((bounds[0][1] + len(body[between.end() :]) - len(parts[0]) - len(parts[1]), stop))
            else:
                join = _ALT_JOIN.search(body)
                if not join:
                    continue
                bounds = _list_around(text, body_start, body, join, stop)
            alts = _named_alternatives(text, bounds)
            if len(alts) >= 2:
                out.append(alts)
                used.append((body_start, stop))
        for m in _COUNTED_GROUPS.finditer(masked):
            # "allocated in two study groups, A and B", "into three groups: A, B and C": a
            # list that ends the sentence and has as many items as the groups counted
            n = parse_count(m["n"])
            if m.group().endswith("("):  # "into 2 groups (paracetamol and ibuprofen)"
                close = sentence.find(")", m.end())
                body = sentence[m.end() : close] if close > 0 and "(" not in sentence[m.end() : close] else ""
            else:
                body = masked[m.end() : stop - s_start]
                body = body[: len(body.rstrip(" .\n"))]
            if not _ALLOCATED.search(masked[: m.start()]) or _ITEM_MARK.search(body):
                continue  # groups of a result ("in the two arms, ..."), or a numbered list (_numbered_arms)
            cuts = list(regex.finditer(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+", body))
            if len(cuts) != n - 1:
                continue
            edges = [0, *(x for c in cuts for x in (c.start(), c.end())), len(body)]
            for i in range(0, len(edges), 2):  # "two arms, 50 control and 50 silicone gel": counts
                count = regex.match(rf"\d+\s+(?!{_NAME_DOSE_UNIT}\b)(?=[A-Za-z])", body[edges[i] : edges[i + 1]])
                edges[i] += count.end() if count else 0
            base = s_start + m.end()
            alts = _named_alternatives(text, [(base + a, base + b) for a, b in zip(edges[::2], edges[1::2])])
            if len(alts) == n:
                out.append(alts)
        for m in _COMPARE_BETWEEN.finditer(masked):
            # "a trial compared weight outcomes between A and B"
            alts = _named_alternatives(text, [(s_start + m.start("a"), s_start + m.end("a")), (s_start + m.start("b"), s_start + m.end("b"))])
            if len(alts) == 2:
                compared.append(alts)
        title = index == 0 or (text.startswith("TITLE") and s_start < max(text.find("\n", 10), 0))
        if not (title or _ALT_CUE.search(sentence)):
            continue
        # an abbreviation in brackets is part of its name: "dorzolamide (TDFC) versus pilocarpine (TPFC)"
        masked = regex.sub(r"(?<=[\w.] ?)\(_{1,10}\)", lambda b: "_" * len(b.group()), masked)
        # a description in brackets after a name ("early colonoscopy (performed within 24 h)
        # versus ...") is read past, like the abbreviation; a bracket of numbers is not
        for d in _DESCRIPTION.finditer(sentence):
            masked = masked[: d.start()] + " " * len(d.group()) + masked[d.end() :]
        # "a balanced treatment allocation (A vs B)": the two treatments in the bracket
        for d in regex.finditer(r"\((?P<a>[A-Za-z][^()]{0,60}?)\s+(?:versus|vs\.?)\s+(?P<b>[A-Za-z][^()]{0,60}?)\)", sentence):
            alts = _named_alternatives(text, [(s_start + d.start("a"), s_start + d.end("a")), (s_start + d.start("b"), s_start + d.end("b"))])
            if len(alts) == 2:
                out.append(alts)
        for m in regex.finditer(r"(?i)\s+(?:versus|vs\.?|compared\s+(?:with|to))\s+", masked):
            at = s_start + m.start()
            if any(a <= at < b for a, b in used):
                continue
            abbr = regex.search(r"(?<=[\w.] ?)\(\s*(?=[\w/+-]*[A-Z])[A-Za-z][\w/+-]{0,8}\s*\)$", sentence[: m.start()])
            left = regex.search(r"(?:^|[,;:(]\s*)(?P<np>[^,;:(]*)$", masked[: m.start()])
            right_end = regex.search(r"[,;:.]\s|[,;:]|$", masked[m.end() :])
            if not left or (regex.search(r"[\d%)\]_]\s*$", masked[: m.start()]) and not abbr) or regex.match(r"\s*[-\u2212+\d(]", masked[m.end() :]):
                continue
            bounds = [(s_start + left.start("np"), at), (s_start + m.end(), s_start + m.end() + right_end.start())]
            alts = _named_alternatives(text, bounds)
            if len(alts) == 2:
                out.append(alts)
        for m in _COMPARE_WITH.finditer(masked):
            # "a trial comparing erlotinib with best supportive care"
            right_end = regex.search(r"[,;:.]\s|[,;:]|$", masked[m.end() :])
            bounds = [(s_start + m.start("a"), s_start + m.end("a")), (s_start + m.end(), s_start + m.end() + right_end.start())]
            alts = _named_alternatives(text, bounds)
            if len(alts) == 2:
                compared.append(alts)
    return out or compared[:1]


#: "divided into two groups:", "allocated in two study groups,", "to one of three arms:",
#: "into 2 groups (A and B)": the groups counted just before their list.
_COUNTED_GROUPS = compile_regex(
    r"(?i)\b(?:into|in|to|of|between)\s+(?:the\s+|one\s+of\s+(?:the\s+)?)?(?P<n>two|three|four|[234])\s+"
    r"(?:[\w-]+\s+){0,2}?(?:groups|arms)\s*(?:[:,]\s*|\()"
)
#: A verb of allocation before the counted groups (without it, groups of results are counted).
_ALLOCATED = compile_regex(r"(?i)\b(?:randomi[sz]\w*|allocat\w*|assign\w*|divided|distributed|split)\b")
_NAME_DOSE_UNIT = rf"(?:{_DOSE_UNITS}|mL|ppm)"
#: "compared [weight outcomes] between A and B": the two treatments of a comparison.
_COMPARE_BETWEEN = compile_regex(
    r"(?i)\bcompar(?:ed|ing|es?)\s+(?:[\w-]+\s+){0,4}?between\s+(?:the\s+)?(?P<a>[A-Za-z][^,;:.\d]{1,80}?)\s+and\s+(?:the\s+)?"
    r"(?P<b>[A-Za-z][^,;:.]{1,80}?)\s*(?=[,;:.]|$|\s(?:in|among|at|for|on|during|over)\s)"
)
#: A bracket that describes the treatment named before it ("(performed within 24 h)"): words,
#: not numbers, a p-value or a spread.
_DESCRIPTION = compile_regex(r"(?<=[A-Za-z] )\((?!\s*[-+\d\u2212])(?![^()]*(?:[=\u00b1<>%]|\bp\s*[<=>]))[^()\[\]]{11,80}\)")

#: "comparing [the effects of] A with B": the two treatments of a comparison written with a
#: verb (A has no comma, number, "and", "or", "of").
_COMPARE_WITH = compile_regex(
    r"(?i)\bcompar(?:ed|ing)\s+(?:the\s+(?:effects?|efficacy)\s+of\s+)?"
    r"(?P<a>(?:the\s+|a\s+|an\s+)?[A-Za-z](?:(?!\b(?:and|or|between|of)\b)[^,;:.\d()_]){1,60}?)\s+(?:with|to)\s+(?:the\s+|a\s+|an\s+)?(?=[A-Za-z])"
)


#: "improvement with A compared with placebo", "74% of patients treated with A, as compared
#: with 57% of patients treated with B": two treatments compared in a sentence of the results
#: or conclusions (read only when the text names its arms no other way).
_NAME_WORDS = r"[A-Za-z][\w+/\u00ae-]*(?:\s+(?!(?:and|or|in|at|on|for|was|were|is|are|group|arm)\b)[A-Za-z\d][\w+/\u00ae.%-]*){0,3}?"
_TREATED_COMPARED = compile_regex(
    rf"(?i)\b(?:treated\s+with|receiving|received|given|taking|with|after|using|in|for)\s+(?:the\s+|a\s+)?(?P<a>{_NAME_WORDS})\s*,?\s+"
    r"(?:as\s+)?(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to)\s+"
    rf"(?:(?:the\s+|a\s+)?(?:\d[\d.]*\s*%\s+of\s+)?(?:those|{PEOPLE})\s+(?:treated\s+with|receiving|given|taking|on)\s+)?"
    rf"(?:the\s+|a\s+)?(?P<b>{_NAME_WORDS})(?=\s*(?:[(,;.:]|$|\s(?:in|at|for|on|group|arm|alone|during|after)\b))"
)
#: What a treatment is never compared with in this sense: a time, the people, a measure.
_NOT_COMPARED = compile_regex(
    rf"(?i)^(?:baseline|before|pre\w*|post\w*|previous|prior|healthy|normal|controls|{PEOPLE}|values?|levels?|those|that|the\s+same)\b"
)


#: One item marker of a numbered list: "(1)", "2)", "(b)", "(ii)".
_ITEM_MARK = compile_regex(r"(?:^|(?<=[\s:;,]))\(?(?P<id>[1-9]|[a-e]|i{1,3}|iv)\)\s+")
_ITEM_ORDER = ("123456789", "abcde", ("i", "ii", "iii", "iv"))


def _numbered_arms(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Arms listed with numbers in a sentence about allocation or treatment ("randomised to
    one of three groups: (1) A: ...; (2) B: ...; (3) C", "three oils: (1) a X (...); (2) ...
    and (3) ..."): each item named by its first words, up to a bracket, a colon or a word
    that ends a name."""
    text = doc.text
    for s_start, s_end in doc.full_sentences():
        sentence = text[s_start:s_end]
        marks = list(_ITEM_MARK.finditer(sentence))
        if len(marks) < 2:
            continue
        ids = [m["id"].lower() for m in marks]
        order = next((o for o in _ITEM_ORDER if ids[0] == o[0]), None)
        if order is None or any(i >= len(order) or ids[i] != order[i] for i in range(len(ids))):
            continue  # not a list counted from its first item
        if not (_LIST_CUE.search(sentence[: marks[0].start()]) or _ALLOCATION.search(sentence[: marks[0].start()])
                or regex.search(r"(?i)(?:supplement|interventions?|conditions?|sessions?|regimens?)\w*", sentence[: marks[0].start()])):
            continue
        found = []
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(sentence)
            chunk_end = s_start + end - len(regex.search(r"\s*(?:[,;]\s*)?(?:(?:and|or)\s*)?$", sentence[m.end() : end]).group())
            named = _alt_name(text, s_start + m.end(), chunk_end, first=False, last=k + 1 == len(marks))
            if named is None:
                break
            found.append((named[0], named[1], named[2], arm_key(named[2])))
        if len(found) == len(marks) and len({key for *_, key in found}) == len(found):
            return found
    return []


def _named_pair(text: str, a: tuple[int, int], b: tuple[int, int]) -> list[tuple[int, int, str, str]]:
    """The two arms written at ``a`` and ``b`` as ``find_arms`` candidates, or [] unless both
    name a treatment (:func:`_named_alternatives`)."""
    alts = _named_alternatives(text, [a, b])
    return [(s, e, name, arm_key(name)) for s, e, name in alts] if len(alts) == 2 else []


def _compared_treatments(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The two arms of the first "with A compared with B" of the text (see
    :data:`_TREATED_COMPARED`), as ``find_arms`` candidates; [] when there is none."""
    text = doc.text
    for m in _TREATED_COMPARED.finditer(text):
        a, b = m["a"].strip(), m["b"].strip()
        if _NOT_COMPARED.match(a) or _NOT_COMPARED.match(b) or arm_key(a) == arm_key(b):
            continue
        pair = _named_pair(text, (m.start("a"), m.end("a")), (m.start("b"), m.end("b")))
        if pair:
            return pair
    return []


#: "comparing A with B", "we compared the effects of placebo and 10 mg A", "to compare A versus
#: B": the comparison verb before both treatments (``_TREATED_COMPARED`` reads "A compared with B").
_COMPARING = compile_regex(
    r"(?i)\bcompar(?:ing|ed|e)\s+(?:the\s+)?(?:(?:effects?|efficacy|safety|use|addition|administration)\s+of\s+)?"
    rf"(?:the\s+|a\s+)?(?P<a>{_NAME_WORDS}(?:\s*\([^()]{{1,40}}\))?)\s*,?\s+(?:with|to|and|versus|vs\.?)\s+"
    r"(?:the\s+|a\s+|(?:the\s+)?(?:effects?|addition|administration)\s+of\s+)?"
    rf"(?:{_NAME_DOSE}\s+)?(?:(?:intravenous|oral|inhaled|topical|intranasal|subcutaneous)\s+)?(?P<b>{_NAME_WORDS})(?=\s*(?:[(,;.:]|$|\s(?:in|at|for|on|group|arm|alone|during|after|among|to)\b))"
)
#: "8 received A and 10 placebo", "12 were given A, 11 received B": two counted arms of a report.
_COUNTED_RECEIVED = compile_regex(
    r"(?i)\b\d+\s+(?:\w+\s+)?(?:received|were\s+given|took|were\s+treated\s+with)\s+(?P<a>[A-Za-z][\w+/\u00ae-]*(?:\s+[\w+/\u00ae.%-]+){0,3}?)"
    r"\s*(?:\(\s*n\s*=\s*\d+\s*\))?\s*,?\s+(?:and|while|whereas)\s+\d+\s+(?:\w+\s+)?(?:(?:received|were\s+given|took|were\s+treated\s+with)\s+)?"
    r"(?P<b>[A-Za-z][\w+/\u00ae-]*(?:\s+[\w+/\u00ae.%-]+){0,3}?)(?=\s*(?:[(,;.:]|$|\s(?:in|at|for|on|group|arm|alone|during|after)\b))"
)


def _comparing_treatments(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The two arms of the first "comparing A with B" or "N received A and M B" of the text
    whose both sides name treatments (see :data:`_COMPARING`, :data:`_COUNTED_RECEIVED`)."""
    text = doc.text
    matches = sorted([*_COMPARING.finditer(text), *_COUNTED_RECEIVED.finditer(text)], key=lambda m: m.start())
    for m in matches:
        a, b = m["a"].strip(), m["b"].strip()
        if (_NOT_COMPARED.match(a) or _NOT_COMPARED.match(b) or arm_key(a) == arm_key(b)
                or _DESIGN_WORDS.match(a) or _DESIGN_WORDS.match(b)):
            continue
        pair = _named_pair(text, (m.start("a"), m.end("a")), (m.start("b"), m.end("b")))
        if pair:
            return pair
    return []


#: "after ingesting A (1,200 mg) or placebo", "differences between A and placebo", "A versus
#: matching placebo": a named treatment paired with a placebo anywhere in the text (read only
#: when the text names its arms no other way).
_PLACEBO_PAIR = compile_regex(
    r"(?i)(?:\s*\([^()]{1,40}\))?\s+(?:or|and|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:a\s+|the\s+|an?\s+identical\s+|matching\s+|matched\s+|identical\s+)?(?P<b>placebo)\b"
)
#: What is left of the pair: words that introduce a treatment ("between", "ingesting", "the
#: effect of"; not a bare "of": "levels of A and placebo") and up to four words of its name.
_PAIR_LEFT = compile_regex(
    r"(?i)\b(?:between|(?:effects?|efficacy|safety|administration|use|doses?|intake|ingestion|consumption)\s+of|with|receiv\w*|tak\w*"
    r"|ingest\w*|consum\w*|given"
    r"|either|to|using)\s+(?:the\s+|a\s+|an\s+|either\s+)?"
    r"(?P<a>[A-Za-z][\w+/\u00ae-]*(?:\s+(?!(?:and|or|was|were|is|are|with|of|the|a)\b)[A-Za-z\d][\w+/\u00ae.%-]*){0,3})$"
)


def _placebo_pair(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The two arms of the first "A or/and/versus placebo" whose A follows a word that
    introduces a treatment (see :data:`_PLACEBO_PAIR`); [] when there is none ("levels of A
    and placebo" names no treatment A, "between A and placebo" does)."""
    text = doc.text
    for m in _PLACEBO_PAIR.finditer(text):
        left = _PAIR_LEFT.search(text[max(0, m.start() - 80) : m.start()])
        if not left:
            continue
        a = left["a"].strip()
        a_start = m.start() - len(left["a"])
        if _NOT_COMPARED.match(a) or _DESIGN_WORDS.match(a) or _bad_name(a) or arm_key(a) == "placebo":
            continue
        pair = _named_pair(text, (a_start, a_start + len(a)), (m.start("b"), m.end("b")))
        if pair:
            return pair
    return []


#: A trial that names itself placebo-controlled ("a double-blind, placebo-controlled trial").
_PLACEBO_CONTROLLED = compile_regex(r"(?i)\bplacebo[\s-]+controlled\b")
#: Words before a dose that name no product ("received 5 mg", "a dose of 5 mg").
_NOT_PRODUCT_BEFORE_DOSE = {"dose", "doses", "of", "mg", "daily", "plus", "received", "receive", "receiving", "took",
                            "taking", "administered", "dosage", "dosed", "containing", "total", "mean", "about"}
#: The name of a product written right before its dose: "ivacaftor (150 mg)", "bezafibrate 400 mg/day".
_NAME_BEFORE_DOSE = compile_regex(r"(?<![\w-])(?P<name>(?:[A-Z][\w-]*\s+)?[A-Za-z][\w-]*[A-Za-z\d])\s*(?:\(\s*)?$")


def _placebo_controlled_product(doc: Doc) -> list[tuple[int, int, str, str]]:
    """A placebo-controlled trial whose arms are named no other way: the product written
    right before the first dose ("evaluated ivacaftor (150 mg)") against placebo; [] when the
    word before the dose names no product."""
    text = doc.text
    design = _PLACEBO_CONTROLLED.search(text)
    if design is None:
        return []
    # the placebo arm's first mention; in "a placebo-controlled crossover" the design word names it
    named = regex.search(r"(?i)\bplacebo\b(?![\s-]+controlled)", text)
    placebo = (named.start(), named.end()) if named else (design.start(), design.start() + len("placebo"))
    for span in doc.by_label.get(schema.DOSE, []):
        m = _NAME_BEFORE_DOSE.search(text[max(0, span["start"] - 40) : span["start"]])
        if not m:
            continue
        name = m["name"]
        words = name.lower().split()
        if (_bad_name(name) or _DESIGN_WORDS.match(name) or _NOT_COMPARED.match(name) or words[0] in _NOT_FIRST
                or words[-1] in _LEFT_STOP | _RIGHT_STOP | _NOT_PRODUCT_BEFORE_DOSE
                or arm_key(name) == "placebo" or regex.fullmatch(r"(?i)[a-z]{1,2}", name)):
            return []  # the first dose is not written after a product's name
        start = span["start"] - len(m.group())
        return [(start, start + len(name), name, arm_key(name)), (*placebo, "placebo", "placebo")]
    return []


#: A title that names what a study tests: "Effects of A on B", "Efficacy and safety of A in B",
#: "a randomized controlled trial of A for B"; ``x`` is A (ends at the first preposition after it).
_TITLE_TESTED = compile_regex(
    r"(?i)\b(?:(?:effects?|efficacy|effectiveness|impact|influence|safety|benefits?|evaluation|feasibility|acceptability)"
    r"(?:\s+(?:and|&)\s+\w+)?\s+of|randomi[sz]ed\s+(?:[\w-]+[\s,]+){0,4}?(?:trial|study)\s+of)\s+"
    r"(?:(?:the\s+|an?\s+)?(?:(?:regular|daily|acute|chronic|long-term|short-term|oral)\s+)?"
    r"(?:addition|use|administration|intake|consumption|ingestion|supplementation)\s+of\s+|adding\s+|using\s+)?"
    r"(?:the\s+|an?\s+)?"
    r"(?P<x>[^\s:;,.()][^:;()]{1,80}?(?:\s*\([^()]{1,40}\))?)\s+(?:on|in|for|among|at|to|during|after|with|as|versus|vs\.?|compared|from|when)\s"
)
#: Words that alone name no treatment of a study ("to assess the effect of treatment on ...").
_GENERIC_TREATMENT = {"treatment", "treatments", "therapy", "therapies", "intervention", "interventions", "change",
                      "changes", "program", "programme", "drug", "drugs", "medication", "medications", "boosting"}
#: A sentence that states the study's aim.
_AIM = compile_regex(
    r"(?i)\b(?:aim(?:s|ed)?|objectives?|purpose|goal|we\s+(?:evaluated|assessed|investigated|examined|tested|compared)"
    r"|to\s+(?:evaluate|assess|investigate|determine|examine|test|explore|study))\b"
)
#: Last words of what a title studies that name an outcome, not a treatment ("effect of age on
#: survival", "impact of screening status").
_TITLE_NOT_TREATMENT = {"survival", "mortality", "outcome", "outcomes", "level", "levels", "concentration",
                        "concentrations", "status", "risk", "prevalence", "incidence", "adherence", "bias", "age",
                        "sex", "gender", "position", "positions", "time", "timing", "polymorphism", "polymorphisms",
                        "genotype", "genotypes", "variants", "variation", "factors", "characteristics", "severity"}


def _title_end(doc: Doc) -> int:
    """Where the title ends: its line's end after a "TITLE" heading, else the first sentence's."""
    text = doc.text
    return text.find("\n", 10) if text.startswith("TITLE") else (doc.sentences[0][1] if doc.sentences else 0)


def _title_intervention(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The treatment a title says the study tests ("Effect of A on B": A), as the one
    ``find_arms`` candidate of a text that names its arms no other way; [] when the title
    names none (an outcome word last, a design word, more than ten words)."""
    text = doc.text
    title_end = _title_end(doc)
    m = _TITLE_TESTED.search(text[: max(title_end, 0) or min(len(text), 300)])
    if m is None:  # else the aim, in one of the first sentences ("This study aimed to assess the effect of A on B")
        for start, end in doc.sentences[:6]:
            if start >= title_end and _AIM.search(text, start, end):
                m = _TITLE_TESTED.search(text, start, end)
                if m is not None:
                    break
    if m is None:
        return []
    name = m["x"].strip()
    words = name.split()
    if (not words or len(words) > 10 or words[-1].lower() in _TITLE_NOT_TREATMENT or _bad_name(name)
            or (len(words) == 1 and name.lower() in _GENERIC_TREATMENT)
            or _DESIGN_WORDS.match(name) or words[0].lower() in _NOT_FIRST):
        return []
    return [(m.start("x"), m.start("x") + len(name), name, arm_key(name))]


_N_BRACKET = compile_regex(r"(?i)\((?P<pre>[^()]*?[;,]\s*)?n\s*=\s*\d+\s*\)")
_LIST_CUE = compile_regex(
    r"(?i)\brandomi|\ballocat|\bassign|\bdivided\b|\breceiv|\btreated\b|\bgroups?\b|\barms?\b|\bsupplement(?:ation|ed)\b"
    r"|\bgiven\b|\bconsum(?:ed|ing)\b|\bingest(?:ed|ing)\b|\btook\b"
)


def _count_lists(doc: Doc) -> list[list[tuple[int, int, str]]]:
    """Treatments listed with their sizes: "A (n = 34), B (IGF0T; n = 70) or C (n = 68)", in a
    sentence about allocation or a sentence that is the list itself; each item from the end of
    the one before (after ", and/or") to its "(n = N)" bracket."""
    text = doc.text
    out = []
    for s_start, s_end in doc.full_sentences():
        sentence = text[s_start:s_end]
        brackets = [m for m in _N_BRACKET.finditer(sentence)
                    if not regex.search(r"(?i)\bp\s*[<=>]|\d\s*%|vs\b", m["pre"] or "")]
        if len(brackets) < 2:
            continue
        bounds, ok = [], True
        lead = regex.match(r"\s*(?:[A-Z][A-Za-z/ ]{0,30}:\s*)?", sentence).end()
        prev_end = lead
        for i, m in enumerate(brackets):
            between = sentence[prev_end : m.start()]
            if i and (not regex.match(r"\s*(?:,\s*)?(?:(?:and|or|versus|vs\.?|compared\s+(?:with|to))\s+)?\S", between) or regex.search(r"[;.](?:\s|$)", _mask_brackets(between))
                      or len(between) > 90 or not regex.match(r"\s*(?:,|and\b|or\b|versus\b|vs\b|compared\s+(?:with|to)\b)", between)):
                ok = False
                break
            start = prev_end + len(regex.match(r"\s*(?:,\s*)?(?:(?:and|or|versus|vs\.?|compared\s+(?:with|to))\s+)?", between).group()) if i else prev_end
            bounds.append((s_start + start, s_start + m.start()))
            prev_end = m.end()
        if not ok:
            continue
        if _LIST_CUE.search(sentence[: brackets[-1].end()]):
            alts = _named_alternatives(text, bounds)
        else:  # the sentence is the list ("A (n = 34) or B (n = 70)."): each item whole, no verb
            alts = []
            for a, b in bounds:
                item = regex.sub(r"\s*\([^()]*\)\s*$", "", text[a:b].rstrip())
                lead_words = regex.match(r"\s*(?:(?:an?|the)\s+)?", item).end()
                name = item[lead_words:]
                if (not name or len(name.split()) > 10 or regex.search(r"(?i)\b(?:was|were|is|are|had|have|has)\b", name)
                        or _bad_name(name)):
                    break
                alts.append((a + lead_words, a + lead_words + len(name), name))
            if len(alts) != len(bounds):
                continue
        if len(alts) == len(bounds):
            out.append([(a, b, name, int(regex.search(r"\d+", m.group()[m.group().rfind("=") :]).group()))
                        for (a, b, name), m in zip(alts, brackets)])
    return out


def _list_around(text: str, body_start: int, body: str, join: regex.Match, stop: int) -> list[tuple[int, int]]:
    """Bounds of the alternatives of the list joined at ``join`` ("A, B(,) or C"): the part
    after "or" up to the next comma, and the comma-separated parts before it back to the
    one that holds an introducing word ("either", "study of") or the start."""
    after = regex.search(r"\s*,\s*(?!(?:or|versus|vs)\b)|$", body[join.end() :])
    tail_end = join.end() + after.start()
    rest = regex.search(r"(?i)\s+(?:or|versus|vs\.?)\s+", body[join.end() : tail_end])
    bounds = [(body_start + join.end(), body_start + tail_end)]
    if rest:  # "A or B or C"
        bounds = [(body_start + join.end(), body_start + join.end() + rest.start()),
                  (body_start + join.end() + rest.end(), body_start + tail_end)]
    head = body[: join.start()]
    head = head[: len(head.rstrip(" ,"))]  # "A, B, or C": the comma before "or"
    pieces = regex.split(r"\s*,\s*", head)
    pos = len(head)
    before: list[tuple[int, int]] = []
    for piece in reversed(pieces):
        start = pos - len(piece)
        before.insert(0, (body_start + start, body_start + pos))
        words = {w.lower() for w in regex.findall(r"[\w-]+", piece)}
        if words & (_LEFT_STOP - {"of"}) or regex.search(r"(?i)\b(?:study|trial|effects?|injections?|doses?) of\b", piece) or not words:
            break
        pos = start - len(regex.search(r"\s*,\s*$", head[:start]).group()) if start else 0
        if start == 0:
            break
    return before + bounds


#: "patients with A or B": the alternatives are conditions, not treatments.
_PEOPLE_WITH = compile_regex(
    rf"(?i)\b{PEOPLE}\s+(?:(?!(?:treated|managed|supplemented|injected|infused)\b)\w+\s+)?(?:with|having|who\s+(?:have|had))\s+(?:either\s+)?$"
)
_HOW_OFTEN = compile_regex(r"(?i)^(?:once|twice|thrice)$")  # "once [daily]": cut short, no name


def _named_alternatives(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    alts = []
    for i, (a, b) in enumerate(bounds):
        named = _alt_name(text, a, b, first=i == 0, last=i == len(bounds) - 1)
        if named is not None and i == 0 and _PEOPLE_WITH.search(text[max(0, named[0] - 60) : named[0]]):
            return []
        if named is not None and not _HOW_OFTEN.match(named[2]):
            alts.append(named)
    keys = {arm_key(name) for *_, name in alts}
    if alts and regex.search(r"(?i)\bwith(?:out)?\s+or\s+with(?:out)?\b", text[max(0, alts[0][0] - 25) : alts[-1][1]]):
        return []  # "subgroups without or with IAH": strata, not the treatments
    return alts if len(keys) == len(alts) else []


def find_arms(doc: Doc) -> list[Arm]:
    """The arms named in the text, in order of first mention (see the module docstring)."""
    text = doc.text
    found = _name_candidates(doc)
    named = {key for *_, key in found}
    for m in _PAREN_ROLE_RE.finditer(text):
        # "a mixed lipid emulsion (intervention) or a soybean oil emulsion (control)": role words
        # name arms, unless groups are named already ("treatment" alone is too vague beside them)
        role = m["role"].lower()
        key = "control" if role in ("control", "placebo", "sham") else role
        if not named or (key != "treatment" and (key == "control" or not (named - {"control"}))):
            found.append((m.start(), m.end(), m["role"], key))
    keys = {key for *_, key in found}
    for alts in _alternatives(doc):
        if len(keys) >= min(2, len(alts)):
            continue  # the groups are already named ("randomized to tolvaptan or furosemide" beside them)
        inside = [any(a <= s < b for s, *_ in found) for a, b, _ in alts]
        for (a, b, name), covered in zip(alts, inside):
            words = name.split()
            if covered or not words or _bad_name(name):
                continue
            found.append((a, b, name, arm_key(name)))
    sizes: dict[int, int] = {}
    for alts in _count_lists(doc):
        span = (alts[0][0], alts[-1][1] + 40)
        if len({key for *_, key in found}) >= 2 or any(span[0] <= s < span[1] for s, *_ in found):
            continue  # the groups are named already ("Dex (DEX group, n = 30)")
        for a, b, name, n in alts:
            found.append((a, b, name, arm_key(name)))
            sizes[a] = n
    dose_labels: dict[str, tuple[str, dict[str, Any]]] = {}
    for drug, items, bounds in _dose_lists(doc):
        found = _with_dose_arms(doc, found, drug, items, bounds, dose_labels)
    if not found:
        found = _dose_level_arms(doc)
    if not found:
        found = _numbered_arms(doc)
    if not found:
        found = _compared_treatments(doc)
    if not found:
        found = _comparing_treatments(doc)
    if not found:
        found = _placebo_pair(doc)
    if not found:
        found = _placebo_controlled_product(doc)
    if not found:
        title_end = _title_end(doc)
        for m in _VERSUS_RE.finditer(text[: max(title_end, 0) or len(text)]):
            for part in ("a", "b"):
                name = _short(m[part])
                if name:
                    found.append((m.start(part), m.start(part) + len(name), name, arm_key(name)))
    if not found:
        found = _title_intervention(doc)
    found.sort()
    found = _merge_abbreviations(text, found)
    found = _merge_prefix_keys(_merge_how_given(found))
    arms: dict[str, Arm] = {}
    for start, end, label, key in found:
        if not key:
            continue
        found_label = label
        key = key.replace("-", " ")  # "RT-alone arm" and "RT alone" are one arm
        arm = arms.get(key)
        if arm is None and key in dose_labels:
            label, span = dose_labels[key]
            arm = arms[key] = Arm(key=key, label=label, first=start, doses=[span],
                                  dose_value=(span.get("attrs") or {}).get("low"))
        elif arm is None:
            inside = _bracket_after(text, end)
            if inside and not regex.search(r"(?i)\b(?:group|arm|cohort)s?\b|[.:]|\s(?:and|or|with|of|the)\s|\b\d+(?:\.\d+)?[\s-]", inside):
                label = f"{label} ({inside})"  # "standard care group (SC)", "group A (control)"
            arm = arms[key] = Arm(key=key, label=norm_space(label), first=start)
        arm.refs.append((start, end))
        own = arm_key(found_label).replace("-", " ")
        if own != key and own not in arm.names:
            arm.names.append(own)
        if arm.n is None and start in sizes:
            arm.n = sizes[start]
    for arm in arms.values():  # "50 g/day isomaltulose" is also called "isomaltulose"
        bare = regex.fullmatch(rf"(?i){_NAME_DOSE}\s+(?P<rest>[a-z][\w\s-]*)", arm.key)
        if (bare and bare["rest"] not in arm.names and len(bare["rest"]) >= 4
                and not regex.search(r"\b(?:once|twice|thrice|daily|weekly|times|every|per|a\s+day)\b", bare["rest"])):
            arm.names.append(bare["rest"])
    _name_refs(text, list(arms.values()))
    _elliptic_refs(text, list(arms.values()))
    return sorted(arms.values(), key=lambda a: a.first)


#: Between the first arm of an elliptic pair and the second arm's full name: "the experimental
#: [and the] control group", "the vitamin K [and the] control groups".
_ELLIPSIS_JOIN = compile_regex(r"(?i)\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|vs\.?\s+|versus\s+)(?:the\s+)?")


def _elliptic_refs(text: str, arms: list[Arm]) -> None:
    """An arm named by its distinctive word only, before another arm's name that carries the
    group noun for both ("in the experimental and the control group", "between the vitamin K
    and the control groups"): that word names the first arm too."""
    starts = {s: (arm, e) for arm in arms for s, e in arm.refs}
    for arm in arms:
        key = arm.key
        if not key or len(key) < 3 or regex.fullmatch(r"[\da-d]|\d+", key):
            continue
        known = {s for s, _ in arm.refs}
        pattern = regex.escape(key).replace("\\ ", _NAME_GAP)
        for m in regex.finditer(rf"(?i)(?<![\w-]){pattern}(?![\w-])", text):
            join = _ELLIPSIS_JOIN.match(text, m.end())
            if m.start() in known or join is None or join.end() not in starts:
                continue
            other, end = starts[join.end()]
            if other is not arm and regex.search(r"(?i)\b(?:group|arm|cohort)s?$", text[join.end() : end]) and not any(
                    s <= m.start() < e for a in arms for s, e in a.refs):
                arm.refs.append((m.start(), m.end()))
        arm.refs.sort()


#: A sentence that allocates participants to treatments (or lists the doses compared).
_ALLOCATION = compile_regex(
    r"(?i)\brandomi[sz]|\bassign|\ballocat|\beither\b|\b(?:two|three|four|five|six|\d)\s+(?:doses|dose\s+levels|dosages|dose\s+groups)\b"
    r"|\breceived\s+(?:either\s+)?(?:placebo|vehicle)\s+or\b|\bcompar\w*\s+(?:across\s+|between\s+)?[\w-]+\s+doses\b"
)
#: Between two doses of one list: "2.5, 5, or 10 mg", "150 and 300 ug".
_DOSE_SEP = compile_regex(r"\s*,\s*(?:(?:or|and)\s+)?|\s*,?\s+(?:or|and)\s+")
#: What may stand between a drug's name and its list of doses: "X 2.5, ...", "X (0.1, ...", "X: 150 and ...",
#: "X at doses of 250, ...".
_DRUG_BEFORE = compile_regex(
    r"(?P<drug>(?<![\w-])[A-Za-z][\w\-+/\u00ae]*(?:\s+\d[\w\-]*)?)(?:\s*[(\[:]\s*|\s+(?:(?:at|in)\s+(?:(?:a|the)\s+)?)?(?:(?:daily|single|oral)\s+)?"
    r"(?:doses?|dosages?|strengths?|concentrations?)\s+of\s+|\s+)$"
)
#: A drug's name after each dose of the list: "30 ug YIC, 60 ug of YIC or ...".
_DRUG_AFTER = compile_regex(r"^\s+(?:of\s+)?(?P<drug>[A-Za-z][\w\-+/\u00ae]*)")
#: Words that are no drug's name.
_NOT_DRUG = {
    "of", "doses", "dose", "to", "with", "or", "and", "the", "a", "an", "either", "receive", "received", "receiving",
    "at", "daily", "once", "twice", "per", "in", "for", "on", "by", "from", "as", "placebo", "saline", "vehicle",
    "were", "was", "is", "are", "given", "dosages", "dosage", "levels", "level", "groups", "group", "arms",
    "arm", "mg", "g", "kg", "ml", "ug", "mcg", "iu", "units", "tablets", "tablet", "capsules", "capsule", "orally",
    "every", "each", "times", "weeks", "days", "months", "hours", "including", "included", "than", "versus", "vs",
    "compared", "between", "treatment", "therapy", "containing", "plus", "alone", "only", "base", "b.i.d", "q.d",
    "injection", "injections", "infusion", "infusions", "administration", "solution", "formulation", "formulations",
}
_NUMBER = compile_regex(r"\d+(?:[.,]\d+)?")


def _bare_number(span: dict[str, Any]) -> bool:
    return bool(regex.fullmatch(r"\d+(?:\.\d+)?", span["text"].strip()))


def _with_unit(span: dict[str, Any], text: str, end: int) -> tuple[str, dict[str, Any]]:
    """The unit of a dose as written ("mg", "mg base/kg") and the span with its unit made
    per kilogram etc. when the text goes on with it ("0.75 mg base/kg": "mg" -> "mg/kg")."""
    number = _NUMBER.match(span["text"])
    unit = span["text"][number.end() if number else 0 :].strip().strip("-\u200a").strip()  # also no-break and thin spaces
    more = regex.match(r"\s*(?:base\s*)?/\s*(?P<per>kg|m2|m\u00b2|day|d)\b", text[end : end + 20])
    attrs = dict(span.get("attrs") or {})
    if more and unit:
        unit = norm_space(unit + text[end : end + more.end()])
        if attrs.get("unit") and "/" not in attrs["unit"]:
            attrs["unit"] = f"{attrs['unit']}/{more['per']}"
    return unit, dict(span, attrs=attrs)


def _same_unit(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two doses written each with the same unit ("5 mg or 15 mg")."""
    unit = (a.get("attrs") or {}).get("unit")
    return bool(unit) and unit == (b.get("attrs") or {}).get("unit") and not _bare_number(b)


_ALTERNATIVE_DOSES = compile_regex(r"(?P<a>\d+(?:\.\d+)?)\s*(?:,\s*(?:or\s+)?|\s+or\s+)(?P<b>\d+(?:\.\d+)?)\s*(?P<unit>\S.*)")


def _split_alternatives(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One DOSE span that offers two doses ("2 or 4 mg", read as a range from 2 to 4) as the
    two doses: a bare "2" and "4 mg", as a list "2, or 4 mg" would be spanned."""
    out = []
    for span in spans:
        m = _ALTERNATIVE_DOSES.fullmatch(span["text"])
        attrs = span.get("attrs") or {}
        if m is None or attrs.get("low") != float(m["a"]) or attrs.get("high") != float(m["b"]):
            out.append(span)
            continue
        start = span["start"]
        out.append(dict(span, end=start + m.end("a"), text=m["a"], attrs=dict(attrs, high=attrs.get("low"))))
        out.append(dict(span, start=start + m.start("b"), text=span["text"][m.start("b"):],
                        attrs=dict(attrs, low=attrs.get("high"))))
    return out


def _one_drug_doses(text: str, sentence: str, spans: list[dict[str, Any]], drug_of: Callable[[dict[str, Any]], str | None],
                    name_first: bool) -> tuple[str, list[tuple[str, dict[str, Any]]]] | None:
    """Doses that each name one and the same drug (read by ``drug_of``), in a sentence that
    offers alternatives: (drug, [(label, dose span)]) with labels "X 10 mg" (``name_first``)
    or "10 mg X"; ``None`` when the doses do not make such a list."""
    named = [(span, drug) for span in spans if not _bare_number(span) and (drug := drug_of(span))]
    values = [(span.get("attrs") or {}).get("low") for span, _ in named]
    if (len(named) < 2 or len({d.lower() for _, d in named}) != 1 or len(set(values)) != len(values)
            or not _ALT_TRIGGER.search(sentence)):
        return None
    drug = named[0][1]
    items = []
    for span, _ in named:
        unit, span = _with_unit(span, text, span["end"])
        number = _NUMBER.match(span["text"]).group()
        items.append((f"{drug} {number} {unit}" if name_first else f"{number} {unit} {drug}", span))
    return drug, items


def _dose_lists(doc: Doc) -> list[tuple[str, list[tuple[str, dict[str, Any]]], tuple[int, int]]]:
    """Doses of one drug offered as arms in a sentence that allocates (or names how many doses):
    "randomized to placebo or X 2.5, 5, or 10 mg", "a dose of X (0.1, 0.4 or 0.75 mg/kg)", "two
    doses of X: 150 and 300 ug", "either 30 ug X, 60 ug of X or placebo". Each as (label, dose
    span): the drug's name with the dose as written ("X 2.5 mg", "30 ug X"), the unit written
    once after the last number shared by all; and the bounds of the sentence."""
    text = doc.text
    out: list[tuple[str, list[tuple[str, dict[str, Any]]], tuple[int, int]]] = []
    for s_start, s_end in doc.full_sentences():
        sentence = text[s_start:s_end]
        if not _ALLOCATION.search(sentence):
            continue
        spans = [s for s in _split_alternatives(doc.in_range(schema.DOSE, s_start, s_end))
                 if not (s.get("attrs") or {}).get("negated") and not (s.get("attrs") or {}).get("hypothetical")
                 and (s.get("attrs") or {}).get("low") is not None and (s.get("attrs") or {}).get("low") == (s.get("attrs") or {}).get("high")]
        # a list "2.5, 5, or 10 mg" (bare numbers, the unit on the last) or "5 mg or 15 mg" (one unit)
        i = 0
        while i < len(spans):
            run = [spans[i]]
            while (len(run) < 8 and i + len(run) < len(spans)
                   and (_bare_number(run[-1]) or _same_unit(run[-1], spans[i + len(run)]))
                   and _DOSE_SEP.fullmatch(text[run[-1]["end"] : spans[i + len(run)]["start"]])):
                run.append(spans[i + len(run)])
            i += len(run)
            if len(run) < 2 or _bare_number(run[-1]):
                continue
            values = [(s.get("attrs") or {}).get("low") for s in run]
            lead = _DRUG_BEFORE.search(text[max(s_start, run[0]["start"] - 60) : run[0]["start"]])
            if len(set(values)) < len(values) or not lead or lead["drug"].split()[0].lower() in _NOT_DRUG:
                continue
            unit, last = _with_unit(run[-1], text, run[-1]["end"])
            items = []
            for span in run:
                number = _NUMBER.match(span["text"]).group()
                attrs = dict(span.get("attrs") or {}, unit=last["attrs"].get("unit"))
                items.append((f"{lead['drug']} {number} {unit}", dict(span, attrs=attrs)))
            out.append((lead["drug"], items, (s_start, s_end)))
        # the drug's name before each dose: "X 10 mg, X 25 mg, or placebo", "X 7.5 mg once daily
        # (n = 12), X 30 mg once daily (n = 12) or placebo"
        def drug_before(span: dict[str, Any], s_start: int = s_start) -> str | None:
            lead = _DRUG_BEFORE.search(text[max(s_start, span["start"] - 40) : span["start"]])
            return lead["drug"] if lead and lead["drug"].split()[0].lower() not in _NOT_DRUG else None

        # each dose before the drug's name: "either 30 ug X, 60 ug of X or placebo"
        def drug_after(span: dict[str, Any]) -> str | None:
            after = _DRUG_AFTER.match(text[span["end"] : span["end"] + 40])
            return after["drug"] if after and after["drug"].lower() not in _NOT_DRUG else None

        for drug_of, before in ((drug_before, True), (drug_after, False)):
            found = _one_drug_doses(text, sentence, spans, drug_of, before)
            if found:
                out.append((*found, (s_start, s_end)))
                break
    return out[:1]


def _dose_key(key: str, drug: str, values: dict[float, str]) -> str | None:
    """The key of the dose arm a name written elsewhere means ("10 mg", "X 10 mg", "60 ug X")."""
    m = regex.fullmatch(r"(?:(?P<d1>\S+)\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s]+(?:\s+base/\w+)?)?(?:\s+(?:of\s+)?(?P<d2>\S+))?", key)
    if not m or (m["d1"] and m["d1"] != drug) or (m["d2"] and m["d2"] != drug):
        return None
    return values.get(float(m["n"]))


def _with_dose_arms(doc: Doc, found: list[tuple[int, int, str, str]], drug: str,
                    items: list[tuple[str, dict[str, Any]]], bounds: tuple[int, int],
                    dose_labels: dict[str, tuple[str, dict[str, Any]]]) -> list[tuple[int, int, str, str]]:
    """``found`` with the drug's arms split by dose (see :func:`_dose_lists`), unless other
    treatment groups are named already; a group named by one of the doses ("the 10 mg group")
    and a later mention of a dose of the drug ("X 10 mg", "the 60 ug X and placebo groups")
    name its arm. A placebo offered in the same sentence ("to placebo or X ...") is an arm too."""
    drug_key = arm_key(drug)
    values = {(span.get("attrs") or {}).get("low"): arm_key(label) for label, span in items}
    kept, others = [], []
    for entry in found:
        key = entry[3]
        dose = _dose_key(key, drug_key, values)
        if dose is not None:
            kept.append((entry[0], entry[1], entry[2], dose))
        elif key != drug_key and drug_key not in key.split():  # "once-daily X", "oral X": the drug itself
            others.append(entry)
    if any(not _CONTROL_WORDS.search(label) and key != "control" for _, _, label, key in others):
        return found  # the treatment groups are named otherwise ("group E5", "group E10")
    for label, span in items:
        dose_labels[arm_key(label)] = (label, span)
        kept.append((span["start"], span["end"], label, arm_key(label)))
    if not others:
        for m in regex.finditer(r"(?i)(?<![\w-])(?:placebo|vehicle|saline)(?![\w-])", doc.text[bounds[0] : bounds[1]]):
            if regex.match(r"(?i)\s*(?:[,)]\s*)?(?:or|versus|vs)\b|\s*[,)]", doc.text[bounds[0] + m.end() :]) or regex.search(
                    r"(?i)\b(?:or|to|either|versus|vs\.?)\s+$", doc.text[bounds[0] : bounds[0] + m.start()]):
                others.append((bounds[0] + m.start(), bounds[0] + m.end(), m.group(), arm_key(m.group())))
                break
    used = {span["start"] for _, span in items}
    for span in doc.by_label.get(schema.DOSE, []):
        value = (span.get("attrs") or {}).get("low")
        if span["start"] in used or value not in values or (span.get("attrs") or {}).get("high") != value:
            continue
        near = doc.text[max(0, span["start"] - 30) : span["end"] + 30]
        if regex.search(rf"(?i)(?<![\w-]){regex.escape(drug)}(?![\w-])", near) or regex.match(
                r"(?i)\s*(?:dose\s+)?(?:group|arm|cohort)", doc.text[span["end"] : span["end"] + 20]):
            kept.append((span["start"], span["end"], span["text"], values[value]))
    return sorted(others + kept)


def _dose_level_arms(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Groups named by dose level ("low-dose", "medium-dose", "high-dose") when the text
    names at least two levels and no other group."""
    spans = [s for s in doc.by_label.get(schema.DOSE, []) if (s.get("attrs") or {}).get("level")]
    levels = {(s.get("attrs") or {}).get("level") for s in spans}
    if len(levels) < 2:
        return []
    return [(s["start"], s["end"], s["text"], "dose:" + s["attrs"]["level"]) for s in spans]


_GENERIC_KEYS = {"control", "treatment", "treated", "intervention", "experimental", "study", "active", "standard",
                 "conventional", "cell", "stem cell", "trial", "low", "high", "medium"}


_NAME_GAP = r"[\s\-\u2010]+"


def _name_refs(text: str, arms: list[Arm]) -> None:
    """A distinctive arm name written without "group" ("Pioglitazone (30 mg/day)") names the arm too."""
    taken = sorted(r for arm in arms for r in arm.refs)
    taken_starts = [a for a, _ in taken]

    def inside_taken(pos: int) -> bool:
        i = bisect.bisect_right(taken_starts, pos) - 1
        return i >= 0 and taken[i][0] <= pos < taken[i][1]

    for arm in arms:
        key = arm.key
        if key in _GENERIC_KEYS or (len(key) < 3 and not regex.fullmatch(r"[a-z]\d", key)) or regex.fullmatch(r"[\da-d]|\d+", key):
            continue
        if any(other is not arm and key in other.key for other in arms):
            continue  # "ha" inside "mpc + ha": ambiguous
        names = [key]
        if "+" in key:  # "LAM+ADV": "LAM" and "ADV" name it too, unless another arm has them
            names += [part.strip() for part in key.split("+")
                      if len(part.strip()) >= 3 and not any(o is not arm and part.strip() in o.key for o in arms)]
        _find_refs(text, arm, names, inside_taken, "(?i)")
    for arm in arms:
        # the shorter names of an arm ("riociguat" beside "riociguat 1.5 mg") and the
        # abbreviation in its label ("insulin glargine (IGlar)", written as written)
        others = [o for o in arms if o is not arm]
        names = [n for n in arm.names if n not in _GENERIC_KEYS and len(n) >= 3 and not regex.fullmatch(r"[\da-d]|\d+", n)
                 and not any(n in o.key or any(n in m for m in o.names) for o in others)]
        _find_refs(text, arm, names, inside_taken, "(?i)")
        abbr = regex.search(r"\((?P<a>(?=[^()]*[A-Z])[A-Za-z][\w/+-]{1,9})\)$", arm.label or "")
        if abbr and not any(regex.search(rf"(?i)(?<![\w-]){regex.escape(abbr['a'])}(?![\w-])", o.label or "") for o in others):
            _find_refs(text, arm, [abbr["a"]], inside_taken, "")


def _find_refs(text: str, arm: Arm, names: list[str], inside_taken: Any, flags: str) -> None:
    known = {start for start, _ in arm.refs}
    for name in names:
        pattern = regex.escape(name).replace("\\ ", _NAME_GAP)  # "uc msc" finds "UC-MSC" too
        for m in regex.finditer(rf"{flags}(?<![\w-]){pattern}(?![\w-])", text):
            if not inside_taken(m.start()) and m.start() not in known:
                arm.refs.append((m.start(), m.end()))
                known.add(m.start())
    arm.refs.sort()


def _merge_prefix_keys(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """"combination" (from "the combination and conventional diuretic groups") joins the one
    key that starts with it ("combination diuretic")."""
    keys = {key for *_, key in found}
    out = []
    for start, end, label, key in found:
        longer = [k for k in keys if k != key and k.startswith(key + " ")]
        out.append((start, end, label, longer[0] if len(longer) == 1 else key))
    return out


#: Words before a treatment's name that say how or when it is given, not which treatment:
#: "maintenance olaparib" and "olaparib" are one arm.
_HOW_GIVEN_LEAD = compile_regex(
    r"(?i)(?:maintenance|adjuvant|(?:once|twice|thrice)[\s-]daily|daily|weekly|monthly|oral|orally|intravenous|iv"
    r"|topical|inhaled|sublingual|subcutaneous|intranasal|nebuli[sz]ed|intramuscular)"
)


def _merge_how_given(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A key that is another key with a how-given word before it ("maintenance olaparib",
    "once-daily risedronate") joins that key."""
    keys = {key for *_, key in found}
    out = []
    for start, end, label, key in found:
        head, _, rest = key.partition(" ")
        if rest in keys and _HOW_GIVEN_LEAD.fullmatch(head):
            key = rest
        out.append((start, end, label, key))
    return out


def _short(chunk: str) -> str | None:
    chunk = regex.sub(r"\s*\(.*$", "", chunk).strip(" ,")
    words = chunk.split()
    if not words or len(words) > 6:
        return None
    return chunk


def _merge_abbreviations(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Give "SMT" the key of "standard medical therapy" when the text defines it."""
    aliases: dict[str, str] = {}
    for a in regex.finditer(r"\(\s*(?P<abbr>[A-Z][A-Za-z0-9-]{1,9})\s*[;,)]", text):
        m = regex.search(r"(?P<long>[A-Za-z][\w-]*(?:\s+[\w-]+){0,5})\s*$", text[max(0, a.start() - 80) : a.start()])
        if not m:
            continue
        abbr = a["abbr"]
        long = regex.sub(r"(?i)\s+(?:group|arm|cohort)$", "", m["long"])  # "the low salt group (LS)"
        initials = "".join(w[0] for w in regex.split(r"[\s-]+", long) if w).upper()
        if initials.endswith(abbr.upper().replace("-", "")):
            long_words = regex.split(r"[\s-]+", long)[-len(abbr.replace("-", "")) :]
            aliases[abbr.lower()] = arm_key(" ".join(long_words))
    # an arm's name with its short form right after it: "fixed combination dorzolamide-timolol
    # (FCDT)", "treatment-as-usual (TAU)" (the initials need not match: "group I (IL)")
    for _start, end, _label, key in found:
        after = _SHORT_AFTER.match(text, end)
        if after and after["abbr"].lower() != key:
            aliases.setdefault(after["abbr"].lower(), key)
    # keys compared without hyphens ("dorzolamide-timolol" is "dorzolamide timolol")
    keys = {key.replace("-", " "): key for *_, key in found}
    out = []
    for start, end, label, key in found:
        alias = aliases.get(key) or aliases.get(regex.sub(r"\s+(?:group|arm|cohort)$", "", key))
        if alias and alias.replace("-", " ") in keys:
            key = keys[alias.replace("-", " ")]  # both written: the long name's key for both
        out.append((start, end, label, key))
    return out


#: A short form in brackets right after a name: " (FCDT)", " (TAU;".
_SHORT_AFTER = compile_regex(r"\s*\(\s*(?P<abbr>[A-Za-z][\w-]{0,11})\s*[;,)]")


# --- roles --------------------------------------------------------------------------------


def _comparator_of(words: str) -> str | None:
    w = words.lower()
    if regex.search(r"\bsham\b", w):
        return "sham"
    if regex.search(r"\bplacebo\b|\bsaline\b|\bvehicle\b|\bdummy\b", w):
        return "placebo"
    if regex.search(r"\bno[\s-](?:active\s+)?(?:treatment|intervention|infusion|injection)\b|\buntreated\b|\bunsupplemented\b|\bobservation\b", w):
        return "none"
    if regex.search(r"\bregular (?:care|practice|treatment|management)\b|\bstandard\b|\bconventional\b|\busual\b|\broutine\b|\bsmt\b|\bsoc\b|\bsmc\b|\bsupportive\b|\bmedical (?:therapy|treatment|care)\b|\bcomprehensive\b", w):
        return "standard_care"
    return None


#: A numbered group introduced as the one not treated: "to receive (Group 1) or not receive (Group 2)".
_NOT_GIVEN_BEFORE = compile_regex(r"(?i)\bnot\s+(?:to\s+)?(?:receive|be\s+given|given|be\s+treated|treated|undergo)\s*$")
#: A group said not to have had the treatment: "Arm A received X while Arm B did not."
_NOT_GIVEN_AFTER = compile_regex(r"(?i)\s+(?:did|was|were)\s+not(?:\s*[.;]|\s+(?:receive|get|undergo|have)\s+(?:it|them|this|these|the\s+intervention)\b)")


def _long_form(text: str, label: str) -> str:
    """The words an abbreviation used as a label stands for ("PCAU" -> "Pastoral Care as
    Usual", from "Pastoral Care as Usual (PCAU)"); "" when the text defines none."""
    abbr = regex.fullmatch(r"(?P<a>[A-Z][A-Za-z0-9-]{1,9})(?:\s+(?:group|arm|cohort))?", label.strip())
    if not abbr:
        return ""
    letters = abbr["a"].replace("-", "").upper()
    for m in regex.finditer(rf"\(\s*{regex.escape(abbr['a'])}\s*[;,)]", text):
        words = regex.findall(r"[A-Za-z][A-Za-z0-9']*", text[max(0, m.start() - 80) : m.start()])
        for k in range(len(words), 0, -1):
            if "".join(w[0] for w in words[-k:]).upper() == letters:
                return " ".join(words[-k:])
    return ""


_RESPECTIVE_VERB = compile_regex(r"(?i)\s+(?:were|was)\s+(?:given|administered|treated\s+with|assigned\s+to|allocated\s+to)\s+|\s+received\s+")


def _respective_treatments(doc: Doc, arms: list[Arm]) -> dict[int, str]:
    """What each arm was given by a "respectively" list ("groups A, B and C were given saline,
    X 1 mg and X 2 mg, respectively"): id(arm) -> the treatment as written."""
    out: dict[int, str] = {}
    for index in range(len(doc.sentences)):
        start, end = doc.sentences[index]
        sentence = doc.text[start:end]
        resp = regex.search(r"(?i),?\s*respectively\b", sentence)
        verb = _RESPECTIVE_VERB.search(sentence, 0, resp.start()) if resp else None
        if verb is None:
            continue
        named: list[Arm] = []
        for _, arm in _refs_in(arms, start, start + verb.start()):
            if arm not in named:
                named.append(arm)
        items = [x for x in regex.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", _mask_brackets(sentence[verb.end() : resp.start()])) if x]
        if len(named) >= 2 and len(items) == len(named):
            for arm, item in zip(named, items):
                out[id(arm)] = item
    return out


def assign_roles(doc: Doc, arms: list[Arm]) -> None:
    given = _respective_treatments(doc, arms)
    for arm in arms:
        label = arm.label or ""
        numbered = bool(regex.fullmatch(r"[a-z]\d{0,2}|\d+", arm.key))
        # "placebo (group 2)", "groups A (control; n = 33)": what a numbered group is
        before = " ".join(_bracket_lead(doc.text, start) + " " + (_bracket_after(doc.text, end) or "")
                          for start, end in arm.refs[:3]) if numbered else ""
        # 'control "arm B"', "group C, conventional dietary education", "Group N with saline"
        said = [w for start, end in arm.refs[:3] for w in (_quoted_lead(doc.text, start), _given_after(doc.text, start, end)) if w] if numbered else []
        said_control = next((w for w in said if _CONTROL_LEAD.match(w)), None)
        long = _long_form(doc.text, label) + " " + given.get(id(arm), "")
        if (_CONTROL_WORDS.search(label) or arm.key == "control" or _CONTROL_WORDS.search(before) or _CONTROL_WORDS.search(long)
                or said_control):
            arm.role = "control"
            arm.comparator = (_comparator_of(label) or _comparator_of(before) or _comparator_of(long)
                              or _comparator_of(said_control or "") or _comparator_of(_control_context(doc, arm, arms)))
        elif _NOT_GIVEN_BEFORE.search(before) or any(_NOT_GIVEN_AFTER.match(doc.text, end) for _, end in arm.refs):
            arm.role, arm.comparator = "control", "none"  # "receive (group 1) or not receive (group 2)"
        else:
            arm.role = "experimental"
    for arm in arms:
        if arm.dose_value is not None and _reference_dose(doc, arm.dose_value):
            arm.role, arm.comparator = "control", "active"  # "compared to the reference dose, 0.75 mg/kg"
    if len(arms) >= 2 and not any(a.role == "control" for a in arms):
        cell_spans = doc.by_label.get(schema.CELL_TYPE, [])
        named_cells = [a for a in arms if any(s <= c["start"] < e for s, e in a.refs for c in cell_spans)]
        with_cells = [a for a in arms if a.cells or a in named_cells]
        without = [a for a in arms if a not in with_cells]
        if with_cells and len(without) == 1:
            without[0].role = "control"
            without[0].comparator = _comparator_of(_control_context(doc, without[0], arms))
        else:
            alone = [a for a in arms if regex.search(r"(?i)\b(?:only|alone|monotherapy)\b", (a.label or "") + " " + _control_context(doc, a, arms))]
            base = _contained_in_another(arms, doc.text)
            neutral = _neutral_comparison(doc, arms)
            compared = [a for a in arms if _named_as_comparator(doc, a)] if len(arms) == 2 and not neutral else []
            control = _conclusion_reference(doc, arms)
            if control is None:
                control = alone[0] if len(alone) == 1 else base or (compared[0] if len(compared) == 1 else None)
            if control is None:
                control = _reference_product(arms) or (None if neutral else _most_compared(doc, arms))
            if control is not None:
                control.role = "control"
                control.comparator = _comparator_of(_control_context(doc, control, arms)) or "active"


#: Arm keys that only say which side of the comparison a group is on: written beside the
#: group's own name ("the rhGH treatment group ... the treatment group"), the same arm.
_GENERIC_ROLE_KEYS = {
    "control": "control", "controls": "control",
    "intervention": "experimental", "experimental": "experimental", "treatment": "experimental",
    "treated": "experimental", "study": "experimental", "test": "experimental", "active": "experimental",
    "active treatment": "experimental", "active intervention": "experimental",
}
_GROUP_COUNT = compile_regex(
    r"(?i)\b(?P<n>two|three|four|five|six|[2-6])\s+(?:(?:parallel|treatment|study|intervention|different|separate|equal)\s+)?(?:groups|arms)\b"
)


def merge_generic(doc: Doc, arms: list[Arm]) -> list[Arm]:
    """A group named only by its role ("the control group", "the intervention group") beside
    exactly one named arm of that role ("the untreated control group", "the POTTS-E group")
    is that arm: its references, count and mentions join the named one, whose label is kept.
    Not when the text says it has as many groups as were found ("three groups")."""
    said = [parse_count(m["n"]) for m in _GROUP_COUNT.finditer(doc.text)]
    merged = list(arms)
    for arm in arms:
        role = _GENERIC_ROLE_KEYS.get(arm.key)
        if role is None or arm.role != role or arm not in merged:
            continue
        named = [o for o in merged if o is not arm and o.role == role and o.key not in _GENERIC_ROLE_KEYS]
        if len(named) != 1 or any(n is not None and n >= len(merged) for n in said):
            continue
        into = named[0]
        if regex.fullmatch(r"[a-z]\d{0,2}|\d+", into.key):
            into.label = arm.label  # "group 3" is "the control group"
        _absorb(into, arm)
        merged.remove(arm)
    return sorted(merged, key=lambda a: a.first)


def _absorb(into: Arm, other: Arm) -> None:
    """``other`` is ``into`` written another way: its references, first mention, count and
    mentioned products join ``into`` (what ``into`` already has wins)."""
    into.refs = sorted(set(into.refs) | set(other.refs))
    into.first = min(into.first, other.first)
    if into.n is None:
        into.n = other.n
    for attr in ("cells", "doses", "routes", "freqs"):
        getattr(into, attr).extend(x for x in getattr(other, attr) if x not in getattr(into, attr))
    if into.comparator is None:
        into.comparator = other.comparator


#: "Group I received ...", "groups were given ...": what follows names what the group was given.
_GIVEN_VERB = compile_regex(
    r"(?i)\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:received|receiving|was\s+given|were\s+given|was\s+treated\s+with|were\s+treated\s+with|took|was\s+assigned\s+to|were\s+assigned\s+to)\s+"
)
_NUMBERED_KEY = compile_regex(r"[a-z]\d{0,2}|\d+")


def _given_texts(doc: Doc, arms: list[Arm]) -> dict[int, list[str]]:
    """id(arm) -> what each numbered group ("Group I", "group 2") is said to have been given:
    the rest of its clause after "received"/"was given" ... (not in a sentence with a
    "respectively" list), and its item of such a list (marked with a leading NUL)."""
    out: dict[int, list[str]] = {id(a): [] for a in arms}
    for arm_id, item in _respective_treatments(doc, arms).items():
        out[arm_id].append("\0" + item)  # marked: an item of a "respectively" list
    for arm in arms:
        if not _NUMBERED_KEY.fullmatch(arm.key):
            continue
        for _, end in arm.refs:
            verb = _GIVEN_VERB.match(doc.text, end)
            if verb and not regex.search(r"(?i)\brespectively\b", doc.sentence_text(doc.sentence_of(end))):
                rest = doc.text[verb.end() : doc.sentences[doc.sentence_of(end)][1]]
                out[id(arm)].append(regex.split(r"[;.]\s|,\s+(?:and|while|whereas)\s|\s(?:and|while|whereas)\s+(?:the\s+)?(?:other\s+)?(?:group|arm)", rest)[0])
    return out


def merge_given(doc: Doc, arms: list[Arm]) -> list[Arm]:
    """A numbered group ("Group I received 50 mg/kg clofibrate", "groups 1, 2 and 3 received 50
    mg, 75 mg and 100 mg, respectively") and an arm named by what that group alone was given
    ("the clofibrate group", "the 50 mg group") are one arm. The numbered group's label is
    kept when a sentence of its own says what it received; a group numbered only to share
    out a "respectively" list takes the named arm's label (and its mentions come first)."""
    given = _given_texts(doc, arms)
    merged = list(arms)
    for arm in arms:
        if _NUMBERED_KEY.fullmatch(arm.key) or arm.key in _GENERIC_ROLE_KEYS or len(arm.key) < 3 or arm not in merged:
            continue
        pattern = rf"(?i)(?<![\w.-]){regex.escape(arm.key).replace(chr(92) + ' ', _NAME_GAP)}(?![\w-])"
        holders = [g for g in merged if g is not arm and _NUMBERED_KEY.fullmatch(g.key)
                   and any(regex.search(pattern, t) for t in given.get(id(g), []))]
        if len(holders) != 1 or holders[0].role != arm.role:
            continue
        numbered = holders[0]
        listed = any(regex.search(pattern, t) for t in given[id(numbered)] if t.startswith("\0"))
        into, other = (arm, numbered) if listed else (numbered, arm)
        _absorb(into, other)
        merged.remove(other)
    return sorted(merged, key=lambda a: a.first)


_REFERENCE_DOSE = compile_regex(
    r"(?i)\b(?:reference|standard|conventional|usual|recommended|approved|licensed)\s+(?:daily\s+)?(?:dose|dosage|regimen)\b"
    r"(?:\s*(?:of|,|:|\(|=)\s*|\s+)(?P<n>\d+(?:\.\d+)?)"
)


def _reference_dose(doc: Doc, value: float) -> bool:
    """Whether the text calls ``value`` the reference (standard, recommended) dose."""
    return any(float(m["n"]) == value for m in _REFERENCE_DOSE.finditer(doc.text))


_IMPLIED_CONTROL = compile_regex(
    r"(?i)(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan\s+(?:with\s+)?|\bor\s+(?:with\s+)?|\band)\s+(?:the\s+|a\s+)?"
    r"(?P<name>placebo|control)(?![\w-]|\s+(?:group|arm|cohort|subjects|patients|participants|rats|mice|animals|level|value)s?\b)"
    r"|\b(?P<name>placebo)[\s-]controlled\b"
    # "6 were given placebo", "the other group by placebo"
    r"|\b(?:given|received|receiving|took|taking|by)\s+(?:a\s+|the\s+|an?\s+identical\s+|matching\s+|matched\s+)?(?P<name>placebo)\b"
    # a comparator named by what it is: "randomization to usual care or intervention",
    # "an intervention and a waiting-list control condition"
    r"|(?<![\w-])(?P<name>usual\s+care|standard\s+(?:of\s+)?care|wait(?:ing)?[\s-]*list(?:ed)?(?:\s+control)?)(?![\w-])"
)


def add_implied_control(doc: Doc, arms: list[Arm]) -> None:
    """A placebo or control arm the text compares with but never names as a group ("GSK457
    reduced weight ... compared to placebo", "a placebo-controlled study of X"): added when
    the arms found are all experimental, after them, or alone when none was found (the treated
    arm is then left unnamed rather than guessed)."""
    if any(a.role == "control" for a in arms):
        return
    hits = list(_IMPLIED_CONTROL.finditer(doc.text))
    names = {norm_space(m["name"].lower()) for m in hits}
    if len(names) > 1:
        names.discard("control")  # "a waiting list control condition ... compared with control"
    if not hits or len(names) > 1 and "placebo" not in names:
        return
    name = "placebo" if "placebo" in names else names.pop()
    refs = [(m.start(), m.end()) for m in regex.finditer(rf"(?i)(?<![\w-]){regex.escape(name)}(?![\w-])", doc.text)]
    if name == "control" or not refs:
        refs = [m.span("name") for m in hits if norm_space(m["name"].lower()) == name]
    arms.append(Arm(key=name, label=name, first=refs[0][0], refs=refs, role="control",
                    comparator=_comparator_of(name) or ("none" if "list" in name else None)))


def _words(label: str | None) -> set[str]:
    return {w for w in regex.findall(r"[a-z0-9]+", (label or "").lower()) if w not in ("group", "arm", "the", "c")}


def _contained_in_another(arms: list[Arm], text: str = "") -> Arm | None:
    """The arm whose treatment is part of another's ("calcium" in "vitamin D + calcium", "timolol"
    in "BTFC" written out as "brimonidine/timolol fixed combination (BTFC)"): the add-on trial's
    comparator."""
    def named(label: str) -> set[str]:
        return {w for w in _words(label) if not w.isdigit() and w not in ("cohort", "arms", "groups")}

    words = {id(a): named(a.label) | named(_long_form(text, a.label or "")) for a in arms}
    found = [a for a in arms for b in arms if a is not b and named(a.label) and named(a.label) < words[id(b)]]
    return found[0] if len(found) == 1 else None


#: Between two arms compared side by side: "A and B", "A 0.005% and B", "A (AB) or B".
_SIDE_BY_SIDE = compile_regex(
    r"(?i)^[)\]]?\s*(?:\d[\d.,]*\s*(?:%|mg|g|ug|\u00b5g|\u03bcg|mcg|ml|iu)?\s*)?(?:\([^()]{0,20}\)\s*)?,?\s*(?:and|or)\s+(?:the\s+|a\s+|an\s+)?$"
)
_NEUTRAL_COMPARE = compile_regex(r"(?i)\bcompar(?:e|ing)\b|\bcomparison\s+of\b")


def _neutral_comparison(doc: Doc, arms: list[Arm]) -> bool:
    """Whether the aim compares two arms side by side ("to compare the efficacy of A and B",
    "comparing ... treatment with A or B"): neither is set up as the reference (D54)."""
    if len(arms) != 2:
        return False
    for start, end in doc.full_sentences():
        verb = _NEUTRAL_COMPARE.search(doc.text, start, end)
        if verb is None:
            continue
        refs = _refs_in(arms, verb.end(), end)
        if not refs or refs[0][0] - verb.end() > 150:
            continue
        first = refs[0][1]
        other = next(((s, a) for s, a in refs if a is not first), None)
        if other is None:
            continue
        first_end = max(e for s, e in first.refs if s == refs[0][0])
        between = doc.text[first_end : other[0]]
        if _SIDE_BY_SIDE.match(between):
            return True
    return False


#: Words before the arm a text compares another with ("A was better than [B]", "compared with
#: [B]", "non-inferior to [B]", "to compare A with [B]").
_COMPARED_WITH = compile_regex(
    r"(?i)(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan|\bnon-?inferior(?:ity)?\s+to|\brelative\s+to"
    r"|\bcompare\s+[^.;]{1,80}?\s+(?:with|to))\s+(?:(?:that\s+of|those\s+of|with|in|on|for)\s+)?(?:the\s+|a\s+|an\s+)?$"
)


#: Words that set an arm up as the reference in a conclusion ("X was as effective as [Y]", "a
#: comparable effect to [Y]", "alternatives to [Y]", "superior to the standard [Y]") (D55).
_REFERENCE_CUE = compile_regex(
    r"(?i)(?:\bas\s+(?:effective|efficacious|safe|good)\s+as|\bcomparable(?:\s+\w+)?\s+to|\balternatives?\s+to"
    r"|\b(?:superior|inferior|non-?inferior(?:ity)?|equivalent)\s+to)\s+(?:(?:that\s+of|those\s+of|with|in)\s+)?"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:standard|conventional|usual|traditional|classic(?:al)?)\s+)?$"
)


def _conclusion_reference(doc: Doc, arms: list[Arm]) -> Arm | None:
    """The one arm the text holds the others up against ("as effective as bolus therapy",
    "alternatives to SP"); the conclusion's reference wins over the order of "X versus Y"."""
    counts = [sum(1 for s, _ in arm.refs if _REFERENCE_CUE.search(doc.text[max(0, s - 80) : s])) for arm in arms]
    hit = [arm for arm, n in zip(arms, counts) if n]
    return hit[0] if len(hit) == 1 else None


def _most_compared(doc: Doc, arms: list[Arm]) -> Arm | None:
    """The one arm the text compares the others with ("compared with the LFD group", "non-inferior
    to MMF", "lower than in group II"), when no other arm is ever named that way: the active
    control. Of three or more arms it must be named so twice."""
    counts = [sum(1 for s, _ in arm.refs if _COMPARED_WITH.search(doc.text[max(0, s - 120) : s])) for arm in arms]
    best = max(counts)
    if best < (1 if len(arms) == 2 else 2) or counts.count(best) != 1 or sum(counts) != best:
        return None
    return arms[counts.index(best)]


def _reference_product(arms: list[Arm]) -> Arm | None:
    """Of a generic and the original (brand, reference) product, the original."""
    if not any(regex.search(r"(?i)\bgeneric\b", a.label or "") for a in arms):
        return None
    found = [a for a in arms if regex.search(r"(?i)\b(?:original|brand(?:ed)?|reference|innovator|originator)\b", a.label or "")]
    return found[0] if len(found) == 1 else None


def _named_as_comparator(doc: Doc, arm: Arm) -> bool:
    """Whether the arm is first named right after "compared with", "versus" or "than"."""
    if not arm.refs:
        return False
    start = min(s for s, _ in arm.refs)
    return bool(regex.search(r"(?i)(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan)\s+(?:the\s+|with\s+)?$", doc.text[max(0, start - 30) : start]))


def _bracket_after(text: str, end: int) -> str | None:
    """The words of a bracket right after a name, before any count: "(control; n = 33)" ->
    "control", "(IGF0T; n = 70)" -> "IGF0T"; None for a bracket of a count or a number alone."""
    m = regex.match(r"\s*\((?P<inside>[^()]{1,60})\)", text[end : end + 70])
    if not m:
        return None
    words = regex.split(r"\s*[;,]\s*", m["inside"].strip())[0]
    if not regex.search(r"[A-Za-z]{2}", words) or regex.match(r"(?i)n\s*=|\d|p\s*[<=>]|vs\b|range|mean|median|see\b|table|fig", words):
        return None
    return words


#: What a numbered group is, written right after its name: "group C, conventional dietary
#: education", "Group N (n = 45) with normal saline", "group 2: no dye".
_GIVEN_AFTER = compile_regex(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:[,:\u2013\u2014]\s*|\s+(?P<verb>received|receiving|was\s+given|were\s+given|given|with)\s+)"
    r"(?P<what>[^.;,()]{1,60})"
)


#: What a control group received, as the first words of what is said of it ("normal saline",
#: "conventional dietary education", "no dye"; not "X in association with normal saline").
_CONTROL_LEAD = compile_regex(
    r"(?i)(?:the\s+|a\s+|an\s+)?(?:(?:normal|isotonic|physiological|matching|identical)\s+)?"
    r"(?:control|placebo|sham|saline|vehicle|standard|conventional|usual|routine|no\s+\w+|nothing)\b"
)


def _given_after(text: str, start: int, end: int) -> str:
    """For a numbered group's name at ``start:end``: what the text says it received right after
    the name (see :data:`_GIVEN_AFTER`), or "". Not after the last name of a list ("groups K0,
    K1 and K2 were given saline, ... respectively": the verb is the whole list's)."""
    m = _GIVEN_AFTER.match(text, end)
    if m is None or (m["verb"] and regex.search(r"(?<![\w-])(?:[A-Za-z]\d{0,2}[A-Za-z]?|\d{1,2}|[IVX]{1,4})\s*(?:,|\band|\bor)\s*(?:groups?\s+|arms?\s+)?$",
                                                text[max(0, start - 16) : start], regex.IGNORECASE)):
        return ""
    return m["what"]


def _quoted_lead(text: str, start: int) -> str:
    """A role word right before a quoted group name: 'control "arm B"'."""
    m = regex.search(r"(?i)\b(?P<lead>control|placebo|sham)\s*[\"\u201c']\s*$", text[max(0, start - 20) : start])
    return m["lead"] if m else ""


def _bracket_lead(text: str, start: int) -> str:
    """For a name in brackets ("placebo (group 2)"), the few words before the bracket."""
    m = regex.search(r"(?P<lead>(?:[\w+-]+\s+){0,3}[\w+-]+)\s*\(\s*$", text[max(0, start - 60) : start])
    return m["lead"] if m else ""


def _control_context(doc: Doc, arm: Arm, arms: list[Arm] | None = None) -> str:
    """What the text says right after naming ``arm``: from each name to the next name of
    another arm in the same clause (what a control arm was given is said there)."""
    parts = []
    others = [s for other in arms or [] if other is not arm for s, _ in other.refs]
    for start, _end in arm.refs[:4]:
        a, b = doc.clause(start)
        stop = min([s for s in others if start < s < b], default=b)
        parts.append(doc.text[start:stop])
    return " ".join(parts)


# --- mentions to arms ---------------------------------------------------------------------


def _refs_in(arms: list[Arm], start: int, end: int) -> list[tuple[int, Arm]]:
    out = [(s, arm) for arm in arms for s, _ in arm.refs if start <= s < end]
    return sorted(out, key=lambda x: x[0])


#: What separates two alternatives of a sentence: a mention before the first arm named is of
#: another alternative when one of these lies between them.
_ALTERNATIVE = compile_regex(r"(?i)\b(?:or|versus|vs)\b|\bcompared\s+(?:with|to)\b")


def arm_at(doc: Doc, arms: list[Arm], offset: int) -> Arm | None:
    """The arm a mention at ``offset`` belongs to by position (see the module docstring)."""
    if not arms:
        return None
    index = doc.sentence_of(offset)
    start, end = doc.sentences[index]
    refs = _refs_in(arms, start, end)
    if refs:
        before = [r for r in refs if r[0] <= offset]
        if before:
            return before[-1][1]
        if _ALTERNATIVE.search(doc.text, offset, refs[0][0]):
            return None  # "to A 0.2% (n = 73) or B 0.005%": the 0.2% is of the alternative before "or"
        return refs[0][1]
    experimental = [a for a in arms if a.role == "experimental"]
    return experimental[0] if len(experimental) == 1 else None


def _shared_by(doc: Doc, arms: list[Arm], span: dict[str, Any], label: str) -> list[Arm]:
    """The arms a mention in a sentence that names no arm applies to when there are several
    experimental arms: the product and how it is given go to every experimental arm ("injected
    with different amounts of hUC-MSCs via the peripheral vein"), route and frequency also to a
    placebo or sham arm (given the same way); a dose to none (it cannot be told whose it is)."""
    experimental = [a for a in arms if a.role == "experimental"]
    if len(experimental) < 2 or label == schema.DOSE:
        return []
    if label == schema.CELL_TYPE:
        return experimental
    return [a for a in arms if a.role == "experimental" or a.comparator in ("placebo", "sham")]


_ADMIN = compile_regex(r"(?i)\b(?:receiv|infus|inject|transplant|administ|given|treated|deliver|transfus|implant|instill)")


#: A sentence of the inclusion or exclusion criteria.
_CRITERIA = compile_regex(r"(?i)\b(?:inclusion|exclusion|eligibility)\s+criteri|\beligible\b")


def attach_mentions(doc: Doc, arms: list[Arm]) -> None:
    lab_tests = doc.by_label.get(schema.LAB_TEST, [])
    for arm in arms:
        arm.cell_words = doc.by_label.get(schema.CELL_TYPE, [])
    for label, attr in ((schema.CELL_TYPE, "cells"), (schema.DOSE, "doses"), (schema.ROUTE, "routes"), (schema.FREQUENCY, "freqs")):
        for span in doc.by_label.get(label, []):
            attrs = span.get("attrs") or {}
            if attrs.get("negated") is True or attrs.get("hypothetical") is True:
                continue
            if label == schema.CELL_TYPE and any(t["start"] <= span["start"] < t["end"] for t in lab_tests):
                continue  # "CD4+ T cell count": a lab test, not a product
            index = doc.sentence_of(span["start"])
            if _CRITERIA.search(doc.sentence_text(index)) and not _refs_in(arms, *doc.sentences[index]):
                continue  # "Inclusion criteria were body weight 2500 to 4000 g": who was enrolled, no arm's product
            arm = arm_at(doc, arms, span["start"])
            if arm is not None:
                targets = [arm]
            elif label == schema.CELL_TYPE and _refs_in(arms, *doc.sentences[index]):
                targets = []  # a product of an alternative the arms found do not include (a route may be shared)
            else:
                targets = _shared_by(doc, arms, span, label)
            for target in targets:
                if target.role == "control" and label == schema.CELL_TYPE:
                    continue  # "placebo without MSCs", "compared with MSC therapy"
                getattr(target, attr).append(span)
    for arm in arms:  # cell mentions in sentences about giving them, else those named as a product
        given = [s for s in arm.cells if _ADMIN.search(doc.sentence_text(doc.sentence_of(s["start"])))]
        arm.cells = given or [s for s in arm.cells if _named_as_product(doc.text, s)]


#: Words around a cell mention that make it a product given, not cells measured or described
#: ("dendritic cell vaccine", "autologous ...", "stem cell therapy", "MSC infusion").
_PRODUCT_AFTER = compile_regex(
    r"(?i)[\s-]*(?:\([^()]{1,15}\)\s*)?(?:[\w-]+\s+)?(?:vaccines?|therap(?:y|ies)|transplant\w*|infusions?|injections?|implant\w*|"
    r"grafts?|grafting|treatment|immunotherapy|suspensions?|products?|administration|delivery|sheets?)\b"
)


def _named_as_product(text: str, span: dict[str, Any]) -> bool:
    """Whether a cell mention outside any sentence about giving is still named as what is given:
    with a donor word ("autologous"), or a product word after it ("vaccine", "therapy"; the
    pattern is matched at the mention's end, so it has no "^")."""
    attrs = span.get("attrs") or {}
    return bool(attrs.get("donor")) or bool(_PRODUCT_AFTER.match(text, span["end"]))


#: Every participant receives every treatment: a crossover ("cross-over", "change-over",
#: "in randomised order", "two-way crossover"), or both sides of one person ("split-mouth",
#: "the contralateral eye/side"), or "on two occasions".
_CROSSOVER = compile_regex(
    r"(?i)\bcross[\s-]?over\b|\bcrossed\s+over\b|\b(?:two|three|four|\d)[\s-](?:way|period)\s+cross"
    r"|\bchange[\s-]?over\b|\brandomi[sz]ed\s+(?:order|sequence)\b|\brandom\s+(?:order|sequence)\b"
    r"|\bsplit[\s-]mouth\b|\bcontralateral\s+(?:eye|side)\b|\bon\s+(?:two|three|four|2|3|4)\s+(?:separate\s+)?occasions\b"
)


def is_crossover(doc: Doc) -> bool:
    """Whether every participant received the treatments in turn (a crossover design)."""
    return bool(_CROSSOVER.search(doc.text))


def single_arm(doc: Doc) -> Arm | None:
    """The one arm of a study that names no groups but gives a cell product or a dose."""
    given = [s for label in (schema.CELL_TYPE, schema.DOSE, schema.ROUTE)
             for s in doc.by_label.get(label, [])
             if _ADMIN.search(doc.sentence_text(doc.sentence_of(s["start"])))
             and not (s.get("attrs") or {}).get("negated")]
    if not given:
        return None
    given.sort(key=lambda s: s["start"])
    cells = [s for s in given if s["label"] == schema.CELL_TYPE]
    label = None
    if cells:
        label = cells[0]["text"]
        donor = regex.search(r"(?i)\b(autologous|allogeneic|allogenic)\s+$", doc.text[max(0, cells[0]["start"] - 20) : cells[0]["start"]])
        if donor:  # "autologous MSCs": the donor word names the product too
            label = f"{donor.group(1)} {label}"
    return Arm(key="", label=label, first=given[0]["start"], refs=[], role="experimental")
