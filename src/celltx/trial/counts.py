"""Participants per arm (the scheme's arm ``n``), read from the text around the arms' names.

Around one name, first found wins: "(n = 30)" after it or inside the bracket holding it ("(MSC
group, n = 30)", "The experimental (n = 140) group"), "group D1, n = 27", "group I included
100 patients", "... in the middle ear (62 patients)", "continuous (112)", "(placebo, 176; A,
174)", "18 eyes (group 1)"; before it "30 patients in the MSC group", "; 20 to the A group",
"87 patients were randomized to the intervention and 90 to the control group", "992
patients were randomized to receive A", "(2248 intervention and 2069 control)", "86 (48.6%)
of 177 in the control group"; a clause naming one arm that ends in "(n = 40)".

For several arms at once: "30 in each group", "two groups of 62 patients", "comprising 30
patients each", "(n = 12/group)", "(both: n = 57)", "k groups (n = m)" when k times m is the
total enrolled, "three equal groups" (the enrolled shared), counts listed with
"respectively"; in a crossover every arm has all the enrolled. Last, the denominator of a
proportion given for one arm ("25/48 (52%) in the HBOT group").

A generic arm name ("control", "intervention") counts wherever the word is written. Counts
in clauses about what happened to some participants (discontinued, dropped out, adverse
events) are not arm sizes.
"""

from __future__ import annotations

import regex

from ..compile_cache import compile_regex
from .arms import _ALLOCATED, Arm, _refs_in
from .text import COUNT, PEOPLE, Doc, clause_within, parse_count

_N_AFTER = compile_regex(r"^[^.;]{0,40}?\(\s*(?:[^()]{0,40}[,;]\s*)?n\s*=\s*(?P<n>\d+)", regex.IGNORECASE)
_N_INSIDE = compile_regex(r"(?i)\bn\s*=\s*(?P<n>\d+)")
#: "Group D0.15, n = 27 vs. Group D0.3, n = 26": n after a comma or colon, no bracket.
_N_NEXT = compile_regex(r"(?i)^\s*[,:]\s*n\s*=\s*(?P<n>\d+)")
#: "gelatin hydrogels with IGF-1 in the middle ear (62 patients)": people counted in brackets
#: after the name and what it says of the treatment.
_PEOPLE_BRACKET_AFTER = compile_regex(rf"(?i)^[^.;()]{{0,40}}?\(\s*(?P<n>{COUNT})\s+{PEOPLE}\s*[;)]")
#: "(n = 40)" ending a sentence that names one arm ("Group I received ... (n = 40).").
_N_IN_SENTENCE = compile_regex(r"(?i)\(\s*n\s*=\s*(?P<n>\d+)\s*\)")
_COUNT_BEFORE = compile_regex(rf"(?<![\w.,])(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\s+(?:were\s+|was\s+)?(?:\w+\s+){{0,3}}?(?:in|to|into|of|from)\s+(?:the\s+)?$", regex.IGNORECASE)
_COUNT_AS = compile_regex(rf"(?:^|[.;,]\s*|\b(?:and|other)\s+)(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\b[^.;]{{0,140}}?\bas\s+(?:the\s+)?$", regex.IGNORECASE)
#: A count with no people noun before the name: "; 20 to the A group", "and 90 to the control
#: group", "and another 20 were randomly assigned to receive B", "and 1164 received placebo",
#: "(60 randomised to control arm"; not "compared with 268 in the control" (a result).
_BARE_COUNT_BEFORE = compile_regex(
    rf"(?:^\s*|[(;,:]\s*|--\s*|\b(?:and|(?<!compared\s)(?<!comparison\s)with|while|whereas)\s+)(?:(?:another|the\s+other|the\s+remaining)\s+)?(?P<n>{COUNT})\s+"
    rf"(?:(?:were|was)\s+\w+\s+|(?:were\s+)?randomly\s+\w+\s+)?"
    rf"(?:(?:(?:were|was)\s+)?(?:to|in|into)\s+(?:the|an?)\s+|(?:to|were\s+on)\s+|(?:were\s+)?(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+to\s+(?:receive\s+)?(?:the\s+)?"
    rf"|(?:were|was)\s+in\s+|received\s+(?:the\s+)?|underwent\s+(?:the\s+)?|served\s+as\s+(?:the\s+)?)$"
    # an item of a list of counts per arm, no article: "68 patients in group 1, [70 in] group 2, and [72 in] group 3";
    # not inside a bracket ("anemia in 3 patients (2 in FLOX arm, one in 3-weeks arm)": events)
    rf"|(?<!\d\s*)[;,]\s*(?:and\s+)?(?P<n>{COUNT})\s+in\s+(?P<listed>)$",
    regex.IGNORECASE)
#: A count before a name that is a group's own name ("group B", "Group H"), which takes no article,
#: in a clause that counts people: "121 patients (62 in group A and 59 in group B)", "Eighteen
#: patients in Group L and 19 in Group H were examined".
_COUNT_IN_NAMED_GROUP = compile_regex(rf"(?i)(?:^\s*|[(;,:]\s*|\band\s+)(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?in\s+$")
_GROUP_NAME = compile_regex(r"(?i)(?:group|arm|cohort)\s+\w")
_PEOPLE_WORD = compile_regex(rf"(?i)\b{PEOPLE}\b")
#: "continuous (112)", "DP (101)", "intervention group (IC: 48; ...)": a bare count in brackets after the name.
_BARE_N_AFTER = compile_regex(r"(?i)^\s*\(\s*(?:(?!n\s*=)[A-Za-z][\w-]{0,9}\s*[:=]\s*)?(?P<n>\d{1,5})\s*[;)]")
#: Inside a bracket listing the arms: "(placebo, 176; baricitinib 2 mg, 174; ...)", "(A: 48; B: 50)".
_LISTED_N_AFTER = compile_regex(r"^\s*[,:]\s*(?P<n>\d{1,5})\s*(?:[;)]|,\s*(?![\d.]))")
#: "86 of 177 in the control group", "86 (48.6%) of 177 in the", "5 of the 30 patients (17%) in
#: group L", "73 of 175 among the": the whole of which a share is given.
_OF_N_BEFORE = compile_regex(
    rf"(?i)\b\d+\s*(?:\([^()]*\)\s*)?(?:out\s+)?of\s+(?:the\s+)?(?P<n>\d+)\s*(?:{PEOPLE}\s*)?(?:\([^()]*\)\s*)?(?:[\w-]+\s+){{0,2}}?(?:in|among)\s+(?:the\s+)?$"
)
#: "992 patients were randomized to receive A", "27 patients underwent B", "20 children received C";
#: not "11 out of 35 individuals assigned to A" (the 11 are a share of the 35).
_COUNT_UNDERWENT = compile_regex(
    rf"(?<![\w.,])(?P<n>{COUNT})\s+(?:(?!(?:of|out)\b)[\w-]+\s+){{0,3}}?{PEOPLE}\s+(?:\([^()]*\)\s+)?(?:underwent|received|were\s+given|were\s+treated\s+with|"
    rf"(?:were\s+)?(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+(?:to|in)\s+(?:receive\s+)?)\s*(?:the\s+|a\s+)?$",
    regex.IGNORECASE)
#: A count of people that is the subject of a clause ending in "received [the name]", further back
#: than :data:`_COUNT_UNDERWENT` reaches: "Eighteen patients underwent conventional treatment
#: (surgery, ...) and received adjuvant autologous dendritic cell [vaccine]". Read from the last
#: count of people before the name, so "18 patients received A and 20 patients received [B]"
#: gives B the 20.
_PEOPLE_COUNT = compile_regex(rf"(?i)(?<![\w.,])(?P<n>{COUNT})\s+(?:(?!(?:of|out)\b)[\w-]+\s+){{0,3}}?{PEOPLE}\b")
_SUBJECT_RECEIVED = compile_regex(
    r"\s+(?:\([^()]*\)\s+)?(?:underwent|received|were\s+given|were\s+treated\s+with)\s(?:[^.;()]|\([^()]*\)){0,160}?"
    r"\b(?:and|then)\s+(?:also\s+)?(?:received|were\s+given|were\s+treated\s+with)\s+(?:(?:the|an?|adjuvant|additional|\w+-?\w*)\s+){0,4}$",
    regex.IGNORECASE)
#: A count right before the name in a list of the arms' sizes: "(2248 intervention and 2069
#: control)", "and 73 TEGAFOX", "(24 ET/22 CG)", "32 receiving PCR".
_COUNT_RIGHT_BEFORE = compile_regex(r"(?i)(?:[(,;:/]\s*|\b(?:and|with)\s+)(?P<n>\d{1,5})\s+(?:receiving\s+|received\s+|on\s+)?$")
#: "group I included 100 patients", "the MSC group (30 patients)"; not "in the A group nine
#: patients desaturated" (a count with no verb of composition is a result).
_COUNT_AFTER = compile_regex(
    rf"^\s*(?:\(\s*|(?:included|consisted\s+of|comprised|enrolled|contained|had|with|of)\s+)(?P<n>{COUNT})\s+{PEOPLE}\b", regex.IGNORECASE)
#: A count before a bracket holding the name: "performed in 18 eyes (group 1)".
_COUNT_BEFORE_BRACKET = compile_regex(rf"(?i)(?<![\w.,])(?P<n>{COUNT})\s+{PEOPLE}\s*\(\s*$")
#: "45 patients received X + Y (UK group)", "20 patients were treated with X (tablet form) at a
#: dose of 500 mg once daily for 30 days (Group A)": the count of a clause that ends with the
#: arm's name in brackets.
_COUNT_GIVEN_BEFORE_BRACKET = compile_regex(
    rf"(?i)(?<![\w.,])(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{PEOPLE}\s+(?:were\s+|was\s+)?"
    rf"(?:received|receiving|treated\s+with|given)\s"
    rf"(?:[^.;()]|\([^()]*\)){{1,120}}?\(\s*$"
)
#: A count after a bracket holding the name: "(group 2) in 17 eyes".
_COUNT_AFTER_BRACKET = compile_regex(rf"(?i)^\s*\)\s*(?:in|of)\s+(?P<n>{COUNT})\s+{PEOPLE}\b")
#: What happened to some participants: a count in such a clause is of them, not of an arm
#: ("Six patients were discontinued from A", "dropped out (control: 4, intervention: 1)").
_EVENTS = compile_regex(
    r"(?i)\b(?:discontinu\w*|withdr[ae]w\w*|dropped|drop[\s-]?outs?|died|deaths?|lost\s+to|excluded|adverse|"
    r"developed|experienced|complain\w*|recorded|occurred|observed|reported|relapsed|failed)\b"
)
#: Counts listed for "respectively": "19 and 13 patients", "30, 31 and 29 participants".
_COUNT_LIST = compile_regex(rf"(?i)(?<![\w.,/])(?P<list>{COUNT}(?:\s*,\s*{COUNT})*\s*,?\s+and\s+{COUNT})\s+(?:[\w-]+\s+)?{PEOPLE}\b")
#: Counts listed before the arms they are in: "221 and 113 in vaccine and control arms, respectively".
_COUNT_LIST_IN = compile_regex(
    rf"(?i)(?<![\w.,/])(?P<list>{COUNT}(?:\s*,\s*{COUNT})*\s*,?\s+and\s+{COUNT})\s+(?:{PEOPLE}\s+)?(?:were\s+)?(?:in|into|to)\s+(?:the\s+)?"
)
#: The rest of a list of numbers of something other than people ("at [10] and 21 hours").
_LIST_OF_OTHER = compile_regex(rf"(?i)\s*(?:,|and)\s*(?:{COUNT}\s*(?:,|,?\s*and)\s*)*{COUNT}\s+(?!{PEOPLE}\b)[a-z]")
#: A count of the next arm after an alternative ("54 in the A group, and 53 in the B group",
#: "60 randomised to A, 60 randomised to B", "5 of the 30 in A, and 9 of the 30 in B", "and 16
#: patients (control group)"): the count before the first name is then that arm's own.
_OWN_COUNT = compile_regex(
    rf"(?i)\(\s*n\s*=|\b\d+\s+(?:{PEOPLE}\s+)?(?:in|to|were|received|randomi[sz]ed|assigned|allocated)\b|\(\s*\d+\s*\)|\b\d+\s+of\s+(?:the\s+)?\d+"
    rf"|(?<![\w.,]){COUNT}\s+{PEOPLE}\s*\((?=[^()]*\b(?:group|arm)\b)"  # "and 16 patients (control group) ..."
)
#: What a number just before a count says it is no count of people ("aged 30", "3 mg").
_NOT_A_COUNT_BEFORE = compile_regex(r"(?i)\b(?:aged|age|years?|%|mg|days?|weeks?|months?)\s*$")

#: The same size for every arm: "30 in each group", "(40 for both groups)", "28 patients per arm",
#: "12 in each regimen", "each group having 10 patients", "two groups of 62 patients", "two
#: groups of 22, one of which", "groups of 23 patients each", "comprising 30 patients each",
#: "groups each of 18 patients", "(n = 12/group)", "(each n = 20)", "(both: n = 57)", "(n = 25 for
#: each)".
_EACH_GROUP = (
    compile_regex(rf"(?i)(?<![\w.,])(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:(?:were|was)\s+\w+\s+)?(?:(?:in|per|to|for|into)\s+each|per)\s+(?:(?:treatment|study)\s+)?(?:group|arm|regimen)\b"),
    compile_regex(rf"(?i)\(\s*(?P<n>\d+)\s+(?:{PEOPLE}\s+)?(?:for|in)\s+(?:each|both)(?:\s+(?:groups?|arms?))?\s*\)"),
    compile_regex(rf"(?i)\beach\s+(?:group|arm)\s+(?:having|had|included|including|comprised|comprising|consisting\s+of|of)\s+(?P<n>{COUNT})\s+(?:{PEOPLE}|\w+)\b"),
    compile_regex(rf"(?i)\b(?:two|three|four|five|six|[2-6])\s+(?:(?:equal|treatment|study|parallel)\s+)?(?:groups|arms)\s+(?:of|with)\s+(?P<n>{COUNT})(?:\s+(?:{PEOPLE}|\w+)\b|\s*[,;)]\s*(?!\d))"),
    compile_regex(rf"(?i)\b(?:groups|arms)\b[^.;]{{0,60}}?\bof\s+(?P<n>{COUNT})\s+(?:{PEOPLE}|\w+)\s+(?:in\s+)?each\b"),
    compile_regex(rf"(?i)\b(?:groups?|arms?)\b[^.;]{{0,40}}?\b(?:comprising|including|containing|consisting\s+of|with)\s+(?P<n>{COUNT})\s+(?:{PEOPLE}|\w+)\s+(?:in\s+)?each\b"),
    compile_regex(rf"(?i)\b(?:groups|arms)\s+(?:\w+\s+)?each\s+(?:of|with)\s+(?P<n>{COUNT})\s+(?:{PEOPLE}|\w+)\b"),
    compile_regex(r"(?i)\(\s*(?:each|both)\s*(?:group\s*)?[:,]?\s*n\s*=\s*(?P<n>\d+)\s*\)|\(\s*n\s*=\s*(?P<n>\d+)\s*(?:each|per\s+(?:group|arm)|/\s*(?:group|arm)|(?:in|for)\s+(?:each|both)(?:\s+(?:groups?|arms?))?)\s*\)"),
)
#: "divided into two groups (n = 10)", "4 experimental groups (n=14) and two control groups
#: (n=6)": the size of each of the groups counted, when the counts add up to those enrolled.
_K_GROUPS_N = compile_regex(
    r"(?i)\b(?P<k>two|three|four|five|six|[2-9])\s+(?:(?P<role>experimental|treatment|intervention|study|control)\s+)?(?:groups|arms)\s*\(\s*n\s*=\s*(?P<n>\d+)\s*\)"
)
#: "randomized into three equal groups": the enrolled shared evenly.
_EQUAL_GROUPS = compile_regex(r"(?i)\b(?P<k>two|three|four|five|six|[2-6])\s+equal(?:[\s-]sized)?\s+(?:groups|arms)\b")
#: A proportion whose denominator is an arm's size, before the arm's name: "25/48 (52%) in the
#: HBOT group", "35 out of 39 (90%) subjects from the VXP group"; not "164/181 of CPD treated
#: patients" (a share of a subset).
_FRACTION_BEFORE = compile_regex(
    rf"(?i)(?<![\w.,/])(?:{COUNT})\s*(?:/|\bout\s+of\b|\bof\b)\s*(?P<n>\d{{1,5}})(?![\d./])(?:\s*\([^()]*\))?\s*(?:[\w-]+\s+){{0,2}}?(?:(?:in|from|among)\s+(?:the\s+)?|of\s+the\s+)$"
)
#: A proportion right after the name: "fenoldopam (6/20 dogs; 30%)"; not a dose ("(320/9 ug").
_FRACTION_AFTER = compile_regex(
    r"^\s*(?:group|arm)?\s*\(\s*\d{1,5}\s*/\s*(?P<n>\d{1,5})(?![\d./])"
    r"(?!\s*(?:mg|\u00b5g|\u03bcg|ug|mcg|g|kg|ml|mL|l|L|IU|U|%|mmol|mol|nmol)\b)(?=\s*(?:[;,)]|[A-Za-z]+\s*[;,)]))"
)
#: Proportions of something other than the participants ("20/21 contacts", "12/40 lesions"):
#: their denominators are no arm's size.
_OTHER_UNITS = compile_regex(
    rf"(?i)\b\d+\s*/\s*\d+\s*(?:\([^()]*\)\s*)?(?!{PEOPLE}\b|(?:dogs|cats|rats|mice|animals|horses|pigs|rabbits)\b)[a-z]+s\b"
)
#: An arm named by a short form and a group word ("FE group", "CP Group"): the short form alone
#: names it too.
_SHORT_NAME = compile_regex(r"(?P<short>[A-Z][A-Z0-9]{1,6})\s+(?i:group|arm)$")
#: Keys of arms named by a generic word: every use of the word names the arm when counting.
_GENERIC_WORDS = {"control", "intervention", "experimental", "treatment", "study", "test", "placebo", "active"}


def _clause(doc: Doc, offset: int) -> tuple[int, int]:
    """The ";"-separated part of the whole sentence around ``offset`` (a sentence cut at a line
    break of hard-wrapped text is joined to its rest; a ";" inside brackets ends nothing)."""
    start, end = next(((a, b) for a, b in doc.full_sentences() if a <= offset < b), doc.sentences[doc.sentence_of(offset)])
    return clause_within(doc.text, start, end, offset)


Refs = dict[int, list[tuple[int, int]]]


def count_refs(doc: Doc, arms: list[Arm]) -> Refs:
    """The names of each arm for counting: its references; for an arm named by a short form and
    a group word ("the FE group") every use of the short form; and for an arm named by a generic
    word ("control", "intervention", "experimental") every use of the word, which the arm
    finder does not take as a reference ("87 patients were randomized to the intervention and
    90 to the control group", "The experimental (n = 140) group")."""
    out: Refs = {id(arm): list(arm.refs) for arm in arms}
    taken = [r for arm in arms for r in arm.refs]

    def add_uses(arm: Arm, pattern: str) -> None:
        for m in regex.finditer(pattern, doc.text):
            if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
                out[id(arm)].append((m.start(), m.end()))
        out[id(arm)].sort()

    for arm in arms:
        short = _SHORT_NAME.match(arm.label or "")
        if short:  # "the FE group": also "(FE; n = 11)", "(CP n = 313; Control n = 314)"
            add_uses(arm, rf"(?<![\w/+-]){regex.escape(short['short'])}(?![\w/+-])")
        word = arm.key.removesuffix("s")  # "controls group"
        if word in _GENERIC_WORDS and sum(1 for o in arms if o.key.removesuffix("s") == word) == 1:
            add_uses(arm, rf"(?i)(?<![\w-]){regex.escape(word)}s?(?:\s+(?:groups?|arms?))?(?![\w-])")
    return out


def _between(arms: list[Arm], refs: Refs, own: Arm, start: int, end: int) -> bool:
    """Whether another arm is named in text[start:end]."""
    return any(arm is not own and start <= s < end for arm in arms for s, _ in refs[id(arm)])


def _count_at(doc: Doc, arms: list[Arm], refs: Refs, arm: Arm, start: int, end: int) -> int | None:
    """The size of ``arm`` read around its name at text[start:end], or None."""
    text = doc.text
    if regex.match(r"/[A-Z]", text[end : end + 2]) or regex.search(r"[A-Za-z]/$", text[max(0, start - 2) : start]):
        return None  # "TRAV/BIM, n = 41": a sequence of a crossover, not the arm (but "5 mg/day (n = 30)")
    clause_start, clause_end = _clause(doc, start)
    # "(MSC group, n = 30)": n inside the bracket holding the name
    open_ = text.rfind("(", clause_start, start)
    close = text.find(")", start, clause_end)
    inside = open_ >= 0 and close >= 0 and text.rfind(")", open_, start) < 0
    events = bool(_EVENTS.search(text, clause_start, clause_end))
    if inside:
        m = _N_INSIDE.search(text, end, close)
        if m and not _between(arms, refs, arm, end, m.start()):
            return int(m["n"])
        m = _LISTED_N_AFTER.match(text[end:close + 1])
        if m and int(m["n"]) > 1 and not events:
            return int(m["n"])
    m = _N_AFTER.match(text[end:clause_end])
    if m and regex.match(r"(?i)[^()]*\bp\s*[<=>]|[^()]*\)\s*than\b", text[end + m.end() : clause_end]):
        m = None  # "more burning with X (n = 7, p = 0.013)", "more often with X (n = 12) than with Y": events
    if m and not _between(arms, refs, arm, end, end + m.start("n")):
        return int(m["n"])
    m = _N_NEXT.match(text[end:clause_end])
    if m:
        return int(m["n"])
    m = _COUNT_AFTER.match(text[end:clause_end]) or _PEOPLE_BRACKET_AFTER.match(text[end:clause_end])
    if m and not _between(arms, refs, arm, end, end + m.start("n")):
        return parse_count(m["n"])
    m = _BARE_N_AFTER.match(text[end:clause_end])
    if m and int(m["n"]) > 1 and not events:
        return int(m["n"])
    if inside and not text[open_ + 1 : start].strip() and not text[end:close].strip():
        # a bracket of the name alone: "in 18 eyes (group 1)", "(group 2) in 17 eyes"
        m = _COUNT_BEFORE_BRACKET.search(text[max(clause_start, open_ - 40) : open_ + 1]) or _COUNT_AFTER_BRACKET.match(text[end:clause_end])
        if m and not events:
            return parse_count(m["n"])
        window = max(clause_start, open_ - 200)
        m = _COUNT_GIVEN_BEFORE_BRACKET.search(text[window : open_ + 1])
        if m and not events and not _between(arms, refs, arm, window + m.end("n"), open_):
            return parse_count(m["n"])
    window = max([clause_start, start - 200] + [e for other in arms if other is not arm for _, e in refs[id(other)] if e <= start])
    before = text[window:start]
    near = before[-80:]
    m = (_OF_N_BEFORE.search(near) or _COUNT_BEFORE.search(near) or _BARE_COUNT_BEFORE.search(near)
         or _COUNT_UNDERWENT.search(near) or _COUNT_AS.search(before) or _subject_received(before))
    if m is not None and m.re is _BARE_COUNT_BEFORE and m["listed"] is not None and inside:
        m = None  # a list inside a bracket counts events: "anemia in 3 (2 in FLOX arm, one in B arm)"
    if m is None and _GROUP_NAME.match(text, start, end):
        m = _COUNT_IN_NAMED_GROUP.search(near)
        if m and not _PEOPLE_WORD.search(text, clause_start, start - len(near) + m.start("n")):
            m = None  # "complete responses were three in arm A and two in arm B": no people counted
    if m is None and regex.match(r"\s*(?:[),;/]|and\b|or\b|vs\b|versus\b)", text[end:clause_end] or ")"):
        m = _COUNT_RIGHT_BEFORE.search(near)  # "(2248 intervention and 2069 control)"
    # (a bracket after the name may hold its dose: "randomized to MSCs (1x10^6 cells/kg) or placebo")
    if m and regex.match(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,|or\b|versus\b|vs\b)", text[end:clause_end]) and _between(arms, refs, arm, end, end + 80):
        following = min(s for other in arms if other is not arm for s, _ in refs[id(other)] if end <= s < end + 80)
        if not _OWN_COUNT.search(text, end, following + 40):
            return None  # "183 patients were randomized to placebo or X ...": all of them, not one arm
    if m and _EVENTS.search(before[m.start() :]):
        return None  # "Six patients were discontinued from A": not the arm's size
    if m and not _NOT_A_COUNT_BEFORE.search(before[: m.start("n")]):
        return parse_count(m["n"])
    # "Group I received ... (n = 40).": the one "(n = N)" of a clause that names this arm alone
    said = list(_N_IN_SENTENCE.finditer(text, clause_start, clause_end))
    if len(said) == 1 and not events and not _between(arms, refs, arm, clause_start, clause_end) and said[0].start() > start:
        return int(said[0]["n"])
    return None


def _subject_received(before: str) -> regex.Match | None:
    """The last count of people in ``before`` when the clause it begins ends in "... and received"
    right before the name (see :data:`_SUBJECT_RECEIVED`)."""
    counts = list(_PEOPLE_COUNT.finditer(before))
    if counts and _SUBJECT_RECEIVED.fullmatch(before, counts[-1].end()):
        return counts[-1]
    return None


def fill_counts(doc: Doc, arms: list[Arm], enrolled: int | None = None, crossover: bool = False) -> None:
    """Set each arm's ``n`` from the text (see the module docstring). ``enrolled`` (the total
    the text writes) checks a size given once for several groups ("two groups (n = 10)") and
    is the size of every arm of a ``crossover`` (every participant receives every treatment)."""
    refs = count_refs(doc, arms)
    for arm in arms:
        for start, end in refs[id(arm)]:
            if arm.n is not None:
                break
            arm.n = _count_at(doc, arms, refs, arm, start, end)
    if arms:
        _same_sizes(doc, arms, enrolled)
    _respectively_counts(doc, arms)
    if crossover and len(arms) >= 2 and enrolled is not None:
        for arm in arms:
            if arm.n is None:
                arm.n = enrolled
    _other_of_two(doc, arms)
    _fraction_counts(doc, arms, refs)


def _other_of_two(doc: Doc, arms: list[Arm]) -> None:
    """Two arms, one of known size: an allocating sentence that gives two sizes in brackets,
    one of them that size ("assigned to intervention (n = 30) or control group (n = 31)", the
    control known as 31), gives the other arm the other size."""
    if len(arms) != 2 or sum(arm.n is None for arm in arms) != 1:
        return
    known = next(arm for arm in arms if arm.n is not None)
    for start, end in doc.full_sentences():
        sentence = doc.text[start:end]
        sizes = [int(m["n"]) for m in _N_IN_SENTENCE.finditer(sentence)]
        if len(sizes) == 2 and known.n in sizes and _ALLOCATED.search(sentence):
            sizes.remove(known.n)
            next(arm for arm in arms if arm.n is None).n = sizes[0]
            return


def _same_sizes(doc: Doc, arms: list[Arm], enrolled: int | None) -> None:
    """Sizes given once for several arms: "30 in each group", "two groups of 62 patients",
    "4 experimental groups (n = 14) and two control groups (n = 6)", "three equal groups"."""
    text = doc.text
    for pattern in _EACH_GROUP:
        m = pattern.search(text)
        if m:
            n = parse_count(m["n"])
            for arm in arms:
                if arm.n is None:
                    arm.n = n
            return
    said = [(parse_count(m["k"]), m["role"], int(m["n"])) for m in _K_GROUPS_N.finditer(text)]
    if said and enrolled is not None and sum(k * n for k, _, n in said if k) == enrolled:
        for k, role, n in said:
            if role is None and k == len(arms):
                targets = arms
            else:
                want = "control" if role and role.lower() == "control" else "experimental"
                targets = [a for a in arms if a.role == want]
                if len(targets) != k:
                    continue
            for arm in targets:
                if arm.n is None:
                    arm.n = n
        return
    m = _EQUAL_GROUPS.search(text)
    k = parse_count(m["k"]) if m else None
    if k and enrolled is not None and len(arms) <= k and enrolled % k == 0:
        for arm in arms:  # one arm found of k equal ones still has the k-th part
            if arm.n is None:
                arm.n = enrolled // k


def _fraction_counts(doc: Doc, arms: list[Arm], refs: Refs) -> None:
    """Last resort: the denominator of a proportion given for one arm ("25/48 (52%) in the HBOT
    group", "fenoldopam (6/20 dogs; 30%)"): the arm's size as analysed."""
    text = doc.text
    for arm in arms:
        if arm.n is not None:
            continue
        for start, end in refs[id(arm)]:
            clause_start, clause_end = _clause(doc, start)
            window = max([clause_start] + [e for other in arms if other is not arm for _, e in refs[id(other)] if e <= start])
            m = _FRACTION_BEFORE.search(text[max(window, start - 80) : start]) or _FRACTION_AFTER.match(text[end:clause_end])
            if m and int(m["n"]) > 1 and not _OTHER_UNITS.search(text, clause_start, clause_end):
                arm.n = int(m["n"])
                break


def _refs_between(arms: list[Arm], own: Arm, start: int, end: int) -> bool:
    return any(arm is not own and start <= s < end for arm in arms for s, _ in arm.refs)


def _respectively_counts(doc: Doc, arms: list[Arm]) -> None:
    """Sizes listed in the order of the arms named with them: "19 and 13 patients received A or
    B, respectively" (a list of counts in the clause of "respectively"), else a sentence with as
    many counts of people as arms."""
    text = doc.text
    for m in regex.finditer(r"(?i)\brespectively\b", text):
        start, end = _clause(doc, m.start())
        listed = _COUNT_LIST.search(text, start, end) or _COUNT_LIST_IN.search(text, start, end)
        refs: list[Arm] = []
        for _, arm in _refs_in(arms, start, end):
            if arm not in refs:
                refs.append(arm)
        if listed is None or len(refs) < 2:
            continue
        counts = [parse_count(c) for c in regex.findall(rf"(?i){COUNT}", listed["list"])]
        if len(counts) == len(refs) and all(counts):
            for arm, n in zip(refs, counts):
                if arm.n is None:
                    arm.n = n
    for index in range(len(doc.sentences)):
        sentence = doc.sentence_text(index)
        if "respectively" not in sentence.lower():
            continue
        start, end = doc.sentences[index]
        refs = []
        for _, arm in _refs_in(arms, start, end):
            if arm not in refs:
                refs.append(arm)
        counts = [parse_count(m["n"]) for m in regex.finditer(rf"(?P<n>{COUNT})\s+(?:{PEOPLE}\b)?", sentence)
                  if regex.match(rf"(?i)\s*(?:{PEOPLE}|and|,|\))", sentence[m.end() :] or ")")
                  and not _LIST_OF_OTHER.match(sentence, m.end())]
        counts = [c for c in counts if c]
        if len(refs) >= 2 and len(counts) == len(refs) and regex.search(PEOPLE, sentence):
            for arm, n in zip(refs, counts):
                if arm.n is None:
                    arm.n = n
