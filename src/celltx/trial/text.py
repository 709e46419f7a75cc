"""What the trial summary reads from a record: its text in sentences and clauses, its mentions.

:class:`Doc` wraps one scheme record (``text``, ``spans``, ``relations``): spans by label in
reading order, the LAB_TEST each LAB_VALUE is VALUE_OF, sentence and clause bounds. Counting
words ("Twenty-nine", "62", "one hundred") are read by :func:`parse_count`.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from .. import schema
from ..table import sentence_bounds

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}

#: A count written in digits ("1,234") or in words ("Twenty-nine", "one hundred and five").
_SEP = r"[\s\u2010\u2011-]+"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_BELOW_100 = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:{_SEP}{_UNIT_WORD})?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine)"
)
#: A count written in digits ("1,234") or in words ("Twenty-nine", "one hundred and five",
#: "One thousand two hundred eighty-four").
COUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    rf"|(?i:(?:{_UNIT_WORD}{_SEP}thousand(?:{_SEP}and)?{_SEP})?(?:{_UNIT_WORD}{_SEP}hundred(?:{_SEP}and)?{_SEP})?{_BELOW_100}(?!{_SEP}(?:hundred|thousand))"
    rf"|(?:{_UNIT_WORD}{_SEP}thousand(?:{_SEP}and)?{_SEP})?{_UNIT_WORD}{_SEP}hundred"
    rf"|{_UNIT_WORD}{_SEP}thousand))"
)

#: Nouns that name the people a trial enrols.
PEOPLE = (
    r"(?:patients|participants|subjects|children|infants|neonates|adults|adolescents|women|men|"
    r"individuals|volunteers|cases|persons|people|eyes|outpatients|inpatients|recipients|"
    r"smokers|mothers|girls|boys|students|athletes|elderly)"
)


def parse_count(text: str) -> int | None:
    """"62" -> 62; "1,234" -> 1234; "Twenty-nine" -> 29; "one hundred and five" -> 105."""
    t = text.strip().lower()
    if regex.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    words = [w for w in regex.split(r"[\s\u2010\u2011-]+", t) if w and w != "and"]
    if not words:
        return None
    total = 0
    current = 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    total += current
    return total


def norm_space(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Doc:
    """One record as the summariser reads it."""

    text: str
    spans: list[dict[str, Any]]
    by_label: dict[str, list[dict[str, Any]]]
    value_of: dict[str, dict[str, Any]]
    values_of_test: dict[str, list[dict[str, Any]]]
    sentences: list[tuple[int, int]]
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Doc:
        text = record.get("text") if isinstance(record.get("text"), str) else ""
        spans = []
        for span in record.get("spans") or []:
            if not isinstance(span, Mapping):
                continue
            start, end = span.get("start"), span.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                spans.append(dict(span, attrs=dict(span.get("attrs") or {})))
        spans = schema.sort_spans(spans)
        by_label: dict[str, list[dict[str, Any]]] = {label: [] for label in schema.LABELS}
        for span in spans:
            by_label.setdefault(span["label"], []).append(span)
        value_of: dict[str, dict[str, Any]] = {}
        values_of_test: dict[str, list[dict[str, Any]]] = {}
        for head, tail in schema.value_of_pairs(record, spans):
            value_of[head["id"]] = tail
            values_of_test.setdefault(tail["id"], []).append(head)
        meta = {k: record.get(k) for k in ("id", "title", "pmid", "source") if record.get(k)}
        return cls(text, spans, by_label, value_of, values_of_test, sentence_bounds(text), meta)

    # --- where things are ---------------------------------------------------------------

    def sentence_of(self, offset: int) -> int:
        starts = self.meta.get("_starts")
        if starts is None:
            starts = self.meta["_starts"] = [s for s, _ in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return i
        for j, (start, end) in enumerate(self.sentences):  # between sentences: as before
            if start <= offset < end:
                return j
        return len(self.sentences) - 1

    def full_sentences(self) -> list[tuple[int, int]]:
        """Sentence bounds with a sentence cut at a line break joined to the next ("Forty
        patients were\nrandomized ..." in hard-wrapped text): a sentence that ends without
        . ! ? : continues."""
        out: list[tuple[int, int]] = []
        for start, end in self.sentences:
            if out and not regex.search(r"[.!?:]\s*$", self.text[out[-1][0] : out[-1][1]]) and regex.match(r"\s*[a-z(]", self.text[start:end]):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def clause(self, offset: int) -> tuple[int, int]:
        """The ";"-separated part of the sentence around ``offset``: a ";" inside brackets
        ("(-5.0 kg vs. -4.1 kg; p = 0.002)", "(... = -7.9 mg/dl; p = 0.04; 95% CI ...)") does not
        end the clause."""
        start, end = self.sentences[self.sentence_of(offset)]
        return clause_within(self.text, start, end, offset)

    def in_range(self, label: str, start: int, end: int) -> list[dict[str, Any]]:
        return [s for s in self.by_label.get(label, []) if start <= s["start"] < end]

    def in_sentence(self, label: str, index: int) -> list[dict[str, Any]]:
        start, end = self.sentences[index]
        return self.in_range(label, start, end)


def clause_within(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """The ";"-separated part of ``text[start:end]`` around ``offset``; a ";" inside brackets
    ends nothing."""
    depth, left, right = 0, -1, -1
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            if i < offset:
                left = i
            else:
                right = i
                break
    return (start if left < 0 else left + 1, end if right < 0 else right)
