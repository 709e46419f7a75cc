"""TIME_POINT values in days and FREQUENCY count/interval."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import regex

from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from ..rx import rx
from ..textnorm import shadow
from .numbers import NUMW, PLUS_MINUS, RANGE_SEP, parse_number

UNIT_DAYS = {
    "min": 1 / 1440, "mins": 1 / 1440, "minute": 1 / 1440, "minutes": 1 / 1440,
    "h": 1 / 24, "hr": 1 / 24, "hrs": 1 / 24, "hour": 1 / 24, "hours": 1 / 24,
    "d": 1.0, "day": 1.0, "days": 1.0,
    "w": 7.0, "wk": 7.0, "wks": 7.0, "week": 7.0, "weeks": 7.0,
    "mo": 30.0, "mos": 30.0, "month": 30.0, "months": 30.0,
    "y": 365.0, "yr": 365.0, "yrs": 365.0, "year": 365.0, "years": 365.0,
}
_UNIT_RE = r"(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)"


def _unit_days(word: str) -> float | None:
    return UNIT_DAYS.get(word.lower())


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12}
#: What may stand between an ordinal and its unit ("1st [postoperative] day"); the matcher's
#: ``{ORDINAL_QUALIFIER}`` building block (``patterns/numeric.jsonl``) is this same regex.
ORDINAL_QUALIFIER = r"(?:post-?operative|post-?transplant(?:ation)?|treatment)"
#: A course length written after a rate with a multiplication sign ("q3w [× 4]", "weekly
#: [x 6]"): the number of administrations. The matcher's ``{COURSE_COUNT}`` building block is
#: this same regex (a power of ten, "× 10^6", is never a count; "weekly ×6 weeks" is a duration).
COURSE_COUNT = r"(?:\s*[×xX]\s*(?P<course>\d{1,2})(?![\w^]|[.,]\d|\s*(?:10|\^)|\s*(?:days?|weeks?|wks?|months?|years?|hours?|h|d)\b))"
_COURSE_RE = compile_regex(rf"{COURSE_COUNT}$")
_ORDINAL_RE = compile_regex(
    rf"(?i)^(?P<n>[a-z]+|\d+(?:st|nd|rd|th))\s+(?:{ORDINAL_QUALIFIER}\s+)?(?P<unit>{_UNIT_RE})$"
)
#: "8th and 12th week", "first, third and fifth day": ordinals sharing one unit.
_ORDINAL_LIST_RE = compile_regex(
    rf"(?i)^(?P<items>(?:[a-z]+|\d+(?:st|nd|rd|th))(?:\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)"
    rf"(?:[a-z]+|\d+(?:st|nd|rd|th)))+)\s+(?:{ORDINAL_QUALIFIER}\s+)?(?P<unit>{_UNIT_RE})$"
)


def _ordinal_number(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    return int(rx(r"\D").sub("", word)) if word[:1].isdigit() else None


def parse_time_days(text: str) -> list[float] | None:
    """"[1, 2, 4, 8, and 24 weeks]" -> [7, 14, 28, 56, 168]; "[day 29]" -> [29]; "[baseline]" -> [0]."""
    t = shadow(text).strip()
    # "25 ± 11 months": a mean with its spread is one time, the mean's
    t = rx(rf"({NUMW})\s*{PLUS_MINUS}\s*{NUMW}").sub(r"\1", t)
    t = rx(r"(?i)^(?:a|an)\s+(?=[a-z])").sub("1 ", t)  # "a week before operation"
    t = rx(r"^POD\s?(?=\d)").sub("day ", t)  # "POD1": postoperative day 1
    if rx(r"(?i)base[\s-]?line").fullmatch(t):
        return [0.0]
    if t.lower() in _RATE_WORDS:  # "measured [annually]": the assessment interval (D49)
        return [_RATE_WORDS[t.lower()]]
    ordinals = _ORDINAL_LIST_RE.match(t)
    if ordinals:  # each ordinal of the list, in the shared unit
        factor = _unit_days(ordinals.group("unit"))
        numbers = [
            _ordinal_number(w) for w in rx(r"\s*(?:,\s*(?:and\s+)?|\band\s+|\bor\s+)").split(ordinals.group("items"))
        ]
        if factor is not None and numbers and None not in numbers:
            return [float(f"{n * factor:.10g}") for n in numbers]  # type: ignore[operator]
    ordinal = _ORDINAL_RE.match(t)
    n = _ordinal_number(ordinal.group("n")) if ordinal else None
    if ordinal and n is not None:
        factor = _unit_days(ordinal.group("unit"))
        return [float(f"{n * factor:.10g}")] if factor is not None else None
    lead = rx(rf"(?i)^(?P<unit>{_UNIT_RE})s?(?=\s|\d|-\d)").match(t)
    if lead:  # "day 29", "days 57 and 85", "week 12", "day-14"
        factor = _unit_days(lead.group("unit"))
        nums = [parse_number(m.group()) for m in rx(NUMW).finditer(t[lead.end():])]
    else:
        units = rx(rf"(?i)(?<![A-Za-z])({_UNIT_RE})(?![A-Za-z])").findall(t)
        if not units:
            if _INTERVALS_WORD.search(t):  # "at regular [weekly intervals]", "[2-weekly intervals]":
                interval = parse_frequency(t)["interval_days"]  # the interval, read as the rate is
                return [interval] if isinstance(interval, float) else None
            return None
        factor = _unit_days(units[-1])
        body = t[: t.lower().rfind(units[-1].lower())]
        nums = [parse_number(m.group()) for m in rx(rf"(?i)(?<![\w.]){NUMW}(?![\w])").finditer(body)]
    if not nums and factor is not None and rx(rf"(?i){_UNIT_RE}").fullmatch(t):
        nums = [1.0]  # "for a further [year]": the unit word alone is one unit
    values = [n * factor for n in nums if n is not None and factor is not None]
    return [float(f"{v:.10g}") for v in values] or None


_INTERVAL_RE = compile_regex(
    rf"(?i)(?:per|every|each|a|an|/|q)\s*(?:(?P<n>{NUMW})\s*)?(?:other\s+)?(?P<unit>{_UNIT_RE})\b"
)
_RATE_WORDS = {"daily": 1.0, "weekly": 7.0, "biweekly": 14.0, "fortnightly": 14.0,
               "monthly": 30.0, "yearly": 365.0, "annually": 365.0, "annual": 365.0, "nightly": 1.0}
_COUNT_RE = compile_regex(rf"(?i)(?P<n>{NUMW})\s+(?:times?|doses|injections|infusions|courses|sessions)")
_COUNT_WORDS = {"once": 1, "twice": 2, "thrice": 3, "single": 1, "one-time": 1, "two-time": 2,
                "three-time": 3, "once-only": 1}
_INTERVALS_RE = compile_regex(rf"(?i)(?P<n>{NUMW})[\s-]*(?P<unit>{_UNIT_RE})s?\s+intervals?")


@lru_cache(maxsize=1)
def frequency_terms() -> tuple[tuple[regex.Pattern, dict], ...]:
    """Fixed FREQUENCY notations (``patterns/frequency_terms.jsonl``), compiled once.

    The same rows give the matcher its ``FREQ_TERM`` building block (:func:`freq_term_regex`)
    and the parser its readings, so a notation is written in one place.
    """
    return tuple(
        (compile_regex(rf"(?:{row['regex']})"), row)
        for row in read_jsonl_resource("frequency_terms.jsonl")
    )


def freq_term_regex() -> str:
    """All fixed FREQUENCY notations as one alternation (for ``{FREQ_TERM}`` in patterns)."""
    return "|".join(f"(?:{row['regex']})" for _, row in frequency_terms())


def _fixed_term(t: str) -> dict[str, object] | None:
    for pattern, row in frequency_terms():
        m = pattern.fullmatch(t)
        if not m:
            continue
        if "per_unit" in row:
            n = parse_number(m.group("n"))
            interval = n * UNIT_DAYS[row["per_unit"]] if n is not None else None
        elif row.get("per_week_days"):  # "3 days/week": on average every 7/3 days
            n = parse_number(m.group("n"))
            interval = 7 / n if n else None
        elif row["interval_days"] is None:  # a range of rates ("4 to 6 days/week", D43)
            interval = None
        else:
            interval = float(Fraction(str(row["interval_days"])))
        return {
            "count": None,
            "interval_days": float(f"{interval:.10g}") if interval is not None else None,
        }
    return None


#: "2-4 times", "2 to 4 times", "2 and 4 times" (after "between"): a range of counts.
_COUNT_RANGE_RE = compile_regex(rf"(?i)^(?:{NUMW})(?:{RANGE_SEP}|\s+and\s+)(?:{NUMW})\s+times\b")


#: "every-4-weeks" read as "every 4 weeks"; "[3-weekly intervals]" read as its rate "3-weekly".
_EVERY_HYPHENS = compile_regex(r"(?i)\bevery-(\w+)-")
_INTERVALS_WORD = compile_regex(r"(?i)\s+intervals?$")
#: "8 hourly", "6-hourly": every N hours.
_N_HOURLY = compile_regex(r"(?i)^(\w+)[\s-]?hourly$")


def parse_frequency(text: str) -> dict[str, object]:
    """"[once per 4 week]" -> interval 28; "[3 times]" -> count 3; "[twice daily]" -> interval 0.5."""
    t = _N_HOURLY.sub(r"every \1 hours", _EVERY_HYPHENS.sub(r"every \1 ", shadow(text).strip()))
    course = _COURSE_RE.search(t)
    if course and course.start() > 0:  # "q3w × 4": the rate's interval and 4 administrations
        out = parse_frequency(text[: course.start()])
        out["count"] = int(course.group("course"))
        return out
    fixed = _fixed_term(_INTERVALS_WORD.sub("", t))
    if fixed is not None:
        return fixed
    low = t.lower()
    bare = rx(rf"(?i)^(?P<n>{NUMW})\s*(?P<unit>{_UNIT_RE})s?$").match(t)
    if bare:  # a duration alone as a rate ("over 30 min/[8 h]", "10 ug/h/[7 days]", D62): its interval
        n, days = parse_number(bare.group("n")), _unit_days(bare.group("unit"))
        if n is not None and days is not None:
            return {"count": None, "interval_days": float(f"{n * days:.10g}")}
    if _COUNT_RANGE_RE.match(t):  # "2-4 times a day": a range of rates gives neither (D43)
        return {"count": None, "interval_days": None}
    count: float | None = None
    interval: float | None = None
    per_period = 1.0
    first = low.split()[0] if low.split() else ""
    m = _COUNT_RE.search(t)
    if first in _COUNT_WORDS:
        per_period = float(_COUNT_WORDS[first])
    elif m:
        per_period = parse_number(m.group("n")) or 1.0
    rate = next((d for w, d in _RATE_WORDS.items() if rx(rf"\b{w}\b").search(low)), None)
    im = _INTERVAL_RE.search(t)
    spaced = _INTERVALS_RE.search(t)
    if spaced:  # "4-week intervals"
        n = parse_number(spaced.group("n"))
        days = _unit_days(spaced.group("unit"))
        if n is not None and days is not None:
            return {"count": None, "interval_days": float(f"{n * days:.10g}")}
    in_period = rx(rf"(?i)\bin\s+(?:(?P<n>{NUMW})\s+)?(?P<unit>{_UNIT_RE})\b").search(t)
    if in_period:  # "four times in one year": a count over a period, not a rate
        count = per_period
    elif rate is not None:
        interval = rate / per_period
    elif im:
        n = parse_number(im.group("n")) if im.group("n") else 1.0
        days = _unit_days(im.group("unit"))
        if n is not None and days is not None:
            interval = n * days * (2.0 if "other" in low else 1.0) / per_period
    elif first in _COUNT_WORDS or m:
        count = per_period
    return {
        "count": int(count) if count is not None else None,
        "interval_days": float(f"{interval:.10g}") if interval is not None else None,
    }
