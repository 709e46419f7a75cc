"""Participants per arm (the scheme's arm ``n``), read from the text around the arms' names.

Counts per arm come from "(n = 30)" after an arm's name or inside the bracket holding it,
"30 patients in the MSC group", "group I included 100 patients", "27 patients underwent
EDWS", "30 in each group" and "respectively" lists.
"""

from __future__ import annotations

import regex

from .arms import Arm, _refs_in
from .text import COUNT, PEOPLE, Doc, parse_count

_N_AFTER = regex.compile(r"^[^.;]{0,40}?\(\s*(?:[^()]{0,40}[,;]\s*)?n\s*=\s*(?P<n>\d+)", regex.IGNORECASE)
_N_INSIDE = regex.compile(r"(?i)\bn\s*=\s*(?P<n>\d+)")
_COUNT_BEFORE = regex.compile(rf"(?<![\w.,])(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\s+(?:were\s+|was\s+)?(?:\w+\s+){{0,3}}?(?:in|to|into|of|from)\s+(?:the\s+)?$", regex.IGNORECASE)
_COUNT_AS = regex.compile(rf"(?:^|[.;,]\s*|\b(?:and|other)\s+)(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\b[^.;]{{0,140}}?\bas\s+(?:the\s+)?$", regex.IGNORECASE)
_BARE_COUNT_BEFORE = regex.compile(
    rf"(?:^|[;,:]\s*|\b(?:and|with)\s+)(?P<n>{COUNT})\s+(?:(?:were|was)\s+\w+\s+|(?:were\s+)?randomly\s+\w+\s+)?(?:(?:to|in|into)\s+the\s+|(?:to|were\s+on)\s+)$",
    regex.IGNORECASE)
#: "continuous (112)", "DP (101)", "intervention group (IC: 48; ...)": a bare count in brackets after the name.
_BARE_N_AFTER = regex.compile(r"(?i)^\s*\(\s*(?:(?!n\s*=)[A-Za-z][\w-]{0,9}\s*[:=]\s*)?(?P<n>\d{1,5})\s*[;)]")
_OF_N_BEFORE = regex.compile(r"\b\d+\s+of\s+(?P<n>\d+)\s*(?:\([^()]*\)\s*)?(?:[\w-]+\s+){0,2}?in\s+the\s+$", regex.IGNORECASE)
_COUNT_UNDERWENT = regex.compile(rf"(?P<n>{COUNT})\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\s+(?:underwent|received|were\s+given|were\s+treated\s+with|were\s+assigned\s+to|were\s+randomi[sz]ed\s+to)\s+(?:the\s+)?$", regex.IGNORECASE)
_COUNT_AFTER = regex.compile(rf"^\s*(?:\(\s*)?(?:included|consisted\s+of|comprised|enrolled|contained|had|with|of)?\s*(?P<n>{COUNT})\s+{PEOPLE}\b", regex.IGNORECASE)
_EACH_GROUP = regex.compile(
    rf"(?P<n>{COUNT})\s+(?:{PEOPLE}\s+)?(?:(?:were|was)\s+\w+\s+)?(?:in|per|to|for)\s+each\s+(?:group|arm)", regex.IGNORECASE
)
def fill_counts(doc: Doc, arms: list[Arm]) -> None:
    text = doc.text
    for arm in arms:
        for start, end in arm.refs:
            if arm.n is not None:
                break
            clause_start, clause_end = doc.clause(start)
            # "(MSC group, n = 30)": n inside the bracket holding the name
            open_ = text.rfind("(", clause_start, start)
            close = text.find(")", start, clause_end)
            if open_ >= 0 and close >= 0 and text.rfind(")", open_, start) < 0:
                m = _N_INSIDE.search(text, end, close)
                if m:
                    arm.n = int(m["n"])
                    continue
            m = _N_AFTER.match(text[end:clause_end])
            if m and regex.match(r"(?i)[^()]*\bp\s*[<=>]", text[end + m.end() : clause_end]):
                m = None  # "more burning with X (n = 7, p = 0.013)": a count of events, not of the arm
            if m and not _refs_between(arms, arm, end, end + m.start("n")):
                arm.n = int(m["n"])
                continue
            m = _COUNT_AFTER.match(text[end:clause_end])
            if m:
                arm.n = parse_count(m["n"])
                continue
            m = _BARE_N_AFTER.match(text[end:clause_end])
            if m and int(m["n"]) > 1:
                arm.n = int(m["n"])
                continue
            window = max([clause_start, start - 200] + [e for other in arms if other is not arm for _, e in other.refs if e <= start])
            before = text[window:start]
            near = before[-80:]
            m = (_OF_N_BEFORE.search(near) or _COUNT_BEFORE.search(near) or _BARE_COUNT_BEFORE.search(near)
                 or _COUNT_UNDERWENT.search(near) or _COUNT_AS.search(before))
            if m and regex.match(r"\s*(?:,|or\b|versus\b|vs\b)", text[end:clause_end]) and _refs_between(arms, arm, end, end + 40):
                continue  # "183 patients were randomized to placebo or X ...": all of them, not one arm
            if m and not regex.search(r"(?i)\b(?:aged|age|years?|%|mg|days?|weeks?|months?)\s*$", before[: m.start("n")]):
                arm.n = parse_count(m["n"])
    m = _EACH_GROUP.search(text)
    if m and len(arms) >= 2:
        n = parse_count(m["n"])
        for arm in arms:
            if arm.n is None:
                arm.n = n
    _respectively_counts(doc, arms)


def _refs_between(arms: list[Arm], own: Arm, start: int, end: int) -> bool:
    return any(arm is not own and start <= s < end for arm in arms for s, _ in arm.refs)


def _respectively_counts(doc: Doc, arms: list[Arm]) -> None:
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
                  if regex.match(rf"(?i)\s*(?:{PEOPLE}|and|,|\))", sentence[m.end() :] or ")")]
        counts = [c for c in counts if c]
        if len(refs) >= 2 and len(counts) == len(refs) and regex.search(PEOPLE, sentence):
            for arm, n in zip(refs, counts):
                if arm.n is None:
                    arm.n = n
