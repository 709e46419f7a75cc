"""Demographics of each arm: ``age`` ({value, sd, low, high}) and ``male`` (a count of men).

What the gold records (``eval/DECISIONS.md`` D50, D54, D56) and so what is read here:

- an age or a number of men the text gives for one arm belongs to that arm: in a bracket after
  the arm's name ("the MSC group (n = 20; 54.2 ± 6.1 years)"), after the name in a sentence
  about age ("mean age: MSC group 54.9 ± 4.5 years; control group 54.0 ± 6.9 years"), or as a
  list in the order of the arms ("mean age 52.5 ± 9.4 vs. 56.4 ± 8.5 years", "... 64.4 and
  63.2 years, respectively");
- a figure for the whole cohort goes to the arms only when each arm *is* the whole cohort: a
  study of one arm, or a crossover (every participant receives every treatment); in a parallel
  trial it stays off the arms;
- ``male`` is a count, written ("12 men", "male/female 12/8") or implied: 0 in a trial of
  women only, the arm's size in a trial of men only, the arm's size less its women when only
  the women are counted ("103 women in each group"). A percentage is never turned into a count
  ("60% male" leaves ``male`` null), and ages of animals are not read (D56: weeks, months).

An age is {value, sd, low, high}: a mean or median with its spread ("54.9 ± 4.5", "67.1 (SD,
±8.7)", "64.4 [13.2]", "median 25, range 21-54") or a range alone ("aged 18 to 50 years").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import Any

import regex

from ..compile_cache import compile_regex
from .arms import Arm
from .counts import Refs, count_refs
from .text import COUNT, PEOPLE, Doc, parse_count

# --- ages ---------------------------------------------------------------------------------

#: A number an age can be (at most three digits, decimals allowed).
_NUM = r"\d{1,3}(?:\.\d+)?"
#: A word that says a number is an age: "age", "aged", "mean age", "ages", "years old"; not
#: "AGE" (an abbreviation), "gestational age", "age-matched".
_AGE_CUE = compile_regex(
    r"(?i)(?<!\b(?:gestational|bone|skeletal|biological|post[\s-]?menstrual|corrected|vascular|lung|heart|brain|dental|school|reproductive|child[\s-]?bearing)\s)"
    r"\b(?-i:[Aa]ge[ds]?)\b(?![\s-]*(?:-|,)?\s*(?:and\s+)?(?:sex|gender)[\s-]*matched)(?![\s-]*matched)"
    r"|\byears?[\s-]+old\b|\byear[\s-]olds?\b"
)
#: Ages with a unit of years (months stay out: infants' and animals' ages, D56).
_YEARS = r"(?:years?|yrs?|y)(?:[\s-]+old)?(?![\w-])"
#: Between the two ends of a range: hyphens and dashes, "to".
_DASH = r"(?:-|\u2010|\u2011|\u2012|\u2013|\u2014|\bto\b)"
#: One age. Either a range alone ("18 to 50 years", "45\u201370 yrs", "between 20 and 72
#: years") or a mean/median with its spread: "54.9 \u00b1 4.5", "67.11 (SD, \u00b18.68)", "58 (9)",
#: "64.4 [13.2]", and a range after it in brackets or after "range" ("25 (21-54)", "25, range 21-54").
_AGE_VALUE = compile_regex(
    rf"(?<![\d.,/:\u00b1+-])(?:"
    rf"(?P<lo_only>{_NUM})\s*(?:{_DASH}|(?<=\bbetween\s+\S+\s*)and)\s*(?P<hi_only>{_NUM})(?:\s*{_YEARS})?"
    rf"|(?P<v>{_NUM})(?![\d/]|\s*(?:%|mg|kg|cm|mm|g\b|ml|months?|weeks?|wks?|days?|h\b|hours?|{_DASH}))"
    rf"(?:\s*(?:\u00b1|\+/-|\+-|\u2213)\s*(?P<sd>{_NUM})"
    rf"|\s*\(\s*(?:(?:SD|S\.D\.|standard deviation)\s*[,:=]?\s*)?(?:\u00b1\s*)?(?P<sd2>{_NUM})\s*\)"
    rf"|\s*\[\s*(?:SD\s*[,:=]?\s*)?(?P<sd3>{_NUM})\s*\])?"
    rf"(?:\s*(?:{_YEARS}\s*)?(?:\(\s*(?:range|IQR|interquartile\s+range)?\s*[:,]?\s*|[,;]\s*(?:range|IQR|interquartile\s+range)\s*[:,]?\s*)"
    rf"(?P<lo>{_NUM})\s*{_DASH}\s*(?P<hi>{_NUM})(?:\s*{_YEARS})?\s*\)?)?"
    r")"
)
#: A threshold, not an age of the enrolled: "aged >= 18 years", "over 65", "older than 40".
_THRESHOLD_BEFORE = compile_regex(r"(?i)(?:[<>\u2264\u2265]=?|\bover|\babove|\bunder|\bbelow|\bthan|\bleast|\bmost)\s*$")
#: After an accepted age, the next value of the same list: "52.5 ± 9.4 vs. 56.4 ± 8.5", "64.4 and 63.2".
_LIST_SEP = compile_regex(r"\s*(?:,\s*|;\s*)?(?:vs\.?|versus|and|or|,|;|/)\s*")
#: What a number that is no age follows: "disease duration 5 ± 2 years", "follow-up of 4.9 years".
_NOT_AGE = compile_regex(
    r"(?i)\b(?:duration|follow[\s-]?up|history|education|schooling|smok\w*|diagnos\w*|onset|illness|disease|experience|"
    r"since|lasting|pack|treatment|therapy|period|time|employment|menopause|marriage|infertility)\b"
)
#: Words of an eligibility criterion, whose age range is no description of the enrolled.
_ELIGIBILITY = compile_regex(r"(?i)\b(?:eligib\w*|inclusion|include[ds]?\s+if|criteria|between\s+the\s+ages|will\s+be\s+(?:included|enrolled|recruited))\b")


def _age_dict(m: regex.Match) -> dict[str, Any] | None:
    """{value, sd, low, high} of one :data:`_AGE_VALUE` match; None when it is no plausible age."""
    if m["lo_only"] is not None:
        return _plausible({"value": None, "sd": None, "low": float(m["lo_only"]), "high": float(m["hi_only"])})
    sd = m["sd"] or m["sd2"] or m["sd3"]
    return _plausible({"value": float(m["v"]), "sd": float(sd) if sd else None,
                       "low": float(m["lo"]) if m["lo"] else None, "high": float(m["hi"]) if m["hi"] else None})


def _plausible(age: dict[str, Any]) -> dict[str, Any] | None:
    """An age of people in years: 0 < value < 120, a range that rises."""
    numbers = [v for v in age.values() if v is not None]
    if not numbers or any(v <= 0 or v >= 120 for v in numbers):
        return None
    if age["low"] is not None and age["high"] is not None and age["low"] >= age["high"]:
        return None
    return age


def _has_years(text: str, m: regex.Match) -> bool:
    """Whether an age match carries a unit of years, inside it or right after it."""
    return bool(regex.search(rf"(?i){_YEARS}", m.group(0)) or regex.match(rf"(?i)\s*\)?\s*{_YEARS}", text[m.end() : m.end() + 12]))


#: A cue after the number of years: "2 to 6 years of age", "45 years old".
_AGE_AFTER = compile_regex(r"(?i)\s*\)?[\s-]*(?:years?|yrs?)?[\s-]+(?:of\s+age|old)\b")
#: After a number of years, what says it is no age: "10 years of education", "5 years since diagnosis".
_YEARS_OF = compile_regex(rf"(?i)^\s*\)?\s*{_YEARS}\s+(?:of|since|after|from|with|in\s+(?:practice|school))\b")


def _ages_after_cue(text: str, start: int, end: int) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, age) of the ages text[start:end] states after an age cue, in order.

    A number is an age when a unit of years follows it, or when it follows the cue closely
    ("mean age was 54", "age: 26.7"), or when it continues a list of ages ("52.5 ± 9.4 vs.
    56.4 ± 8.5 years", "67.1 (SD, ±8.7) years and 64.9 (SD, ±7.5) of the placebo group");
    never when another measure's word stands between the cue and it ("disease duration").
    """
    cues = list(_AGE_CUE.finditer(text, start, end))
    if not cues:
        return []
    out: list[tuple[int, int, dict[str, Any]]] = []
    for m in _AGE_VALUE.finditer(text, start, end):
        age = _age_dict(m)
        if age is None or _THRESHOLD_BEFORE.search(text[max(start, m.start() - 12) : m.start()]):
            continue
        if _AGE_AFTER.match(text, m.end()) and _has_years(text, m):  # "children 2 to 6 years of age"
            out.append((m.start(), m.end(), age))
            continue
        if _YEARS_OF.match(text[m.end() : m.end() + 40]) or m.start() < cues[0].end():
            continue
        cue = [c for c in cues if c.end() <= m.start()][-1]
        gap = text[cue.end() : m.start()]
        prev = out[-1] if out else None
        chained = prev is not None and bool(regex.fullmatch(rf"(?i)(?:\s*{_YEARS})?\s*\)?{_LIST_SEP.pattern}\(?", text[prev[1] : m.start()]))
        if not chained:
            if _NOT_AGE.search(gap) or len(gap) > 150:
                continue
            if not (_has_years(text, m) or (len(gap) <= 40 and not regex.search(r"\d", gap))):
                continue
        elif not (_has_years(text, m) or regex.match(r"(?i)\s*(?:\)|\bvs\b|versus|and|respectively|(?:in|of|for)\s+(?:the\s+)?)", text[m.end() : m.end() + 20])):
            continue
        out.append((m.start(), m.end(), age))
    return out


def _bracket_age(text: str, open_: int, close: int) -> dict[str, Any] | None:
    """The age in an arm's bracket ("(n = 140; 58.9 ± 7.4 years)", "(group I: n = 35, mean age
    54.2 years)"): a number of years no other measure's word precedes, or one after an age cue."""
    ages = _ages_after_cue(text, open_, close)
    if ages:
        return ages[0][2]
    for m in _AGE_VALUE.finditer(text, open_, close):
        age = _age_dict(m)
        if age is None or not _has_years(text, m) or _YEARS_OF.match(text[m.end() : m.end() + 40]):
            continue
        if _NOT_AGE.search(text[open_ : m.start()]) or _THRESHOLD_BEFORE.search(text[max(open_, m.start() - 12) : m.start()]):
            continue
        return age
    return None


def cohort_age(doc: Doc) -> dict[str, Any] | None:
    """The age of the whole cohort: the first age a sentence that is no eligibility criterion
    states ("Nineteen volunteers (age 21.3 ± 3.9 years)", "52 participants (age 45-70 years)")."""
    for start, end in doc.full_sentences():
        if _ELIGIBILITY.search(doc.text, start, end):
            continue
        ages = _ages_after_cue(doc.text, start, end)
        if ages:
            return ages[0][2]
    return None


# --- men and women -------------------------------------------------------------------------

#: The words of a count of men, and of women.
_MEN = r"(?:males?|men|boys)"
#: Who a count of men or women counts ("22 and 21 patients were male", "12 of them were male").
_COUNTED = rf"(?:{PEOPLE}|of\s+(?:them|these|the\s+patients))"
_WOMEN = r"(?:females?|women|girls)"
#: A count of men (group ``m``) or of women alone (group ``f``), never a percentage: "13 men",
#: "seven male", "12 males/8 females", "12 M/8 F", "male/female 12/8", "M/F: 12/8", "sex (M/F)
#: 12/8", "F/M 8/12", "6 women" (the men are then the rest of the arm).
_SEX_COUNT = compile_regex(
    rf"(?i)(?<![\w.,%])(?P<m>{COUNT})\s+(?:were\s+)?{_MEN}(?![\w-])(?!\s*(?:and|or|&)\s+{_WOMEN})"
    rf"|(?<![\w.,%])(?P<m>{COUNT})(?:\s*\(\s*\d+(?:\.\d+)?\s*%\s*\))?(?=(?:\s*(?:,\s*(?:and\s+)?|and\s+){COUNT}(?:\s*\(\s*\d+(?:\.\d+)?\s*%\s*\))?)*\s+(?:{_COUNTED}\s+)?(?:were|was)\s+{_MEN}\b)"
    rf"|(?<![\w.,%])(?P<m>\d+)\s*(?:{_MEN}|(?-i:M))\s*/\s*\d+\s*(?:{_WOMEN}|(?-i:F))\b"
    rf"|\b(?:male|men|(?-i:M))\s*/\s*(?:female|women|(?-i:F))\s*(?:\(\s*n\s*\)\s*)?[:=,]?\s*(?:n\s*=\s*)?(?P<m>\d+)\s*/\s*\d+(?!\s*%|\d)"
    rf"|\b(?:female|women|(?-i:F))\s*/\s*(?:male|men|(?-i:M))\s*(?:\(\s*n\s*\)\s*)?[:=,]?\s*(?:n\s*=\s*)?\d+\s*/\s*(?P<m>\d+)(?!\s*%|\d)"
    rf"|\b(?:sex|gender)\s*\(\s*(?:M/F|male/female|men/women)\s*\)\s*[:=,]?\s*(?P<m>\d+)\s*/\s*\d+(?!\s*%|\d)"
    rf"|(?<![\w.,%])(?P<f>{COUNT})\s+(?:were\s+)?{_WOMEN}(?![\w-])"
)
#: A sentence about what happened to participants, whose counts of men or women are no
#: description of an arm ("2 women had nausea", "46 girls completed the program").
_EVENTS = compile_regex(
    r"(?i)\b(?:adverse|side[\s-]effects?|developed|experienced|died|death|complain\w*|withdr[ae]w\w*|dropped|discontinu\w*|"
    r"lost\s+to|responded|relapsed|completed|finished|had\s+(?:a|an)\b)"
)
#: A sentence that describes who took part (where counts of men and women are the arms').
_DESCRIBES = compile_regex(
    r"(?i)\b(?:age[ds]?|baseline|demographic\w*|characteristics|enrol\w*|includ\w*|recruit\w*|randomi[sz]\w*|"
    r"allocat\w*|assign\w*|participat\w*|consist\w*|compris\w*|studied|divided)\b"
)
#: A word of sex in a sentence (where per-arm counts of men are looked for).
_SEX_CUE = compile_regex(rf"(?i)\b(?:{_MEN}|{_WOMEN}|sex|gender)\b|(?-i:\bM\s*/\s*F\b)")
#: "103 women in each group", "12 men per arm": the same count in every arm.
_SEX_EACH = compile_regex(rf"(?i)(?<![\w.,%])(?P<c>{COUNT})\s+(?:(?P<m>{_MEN})|{_WOMEN})\s+(?:were\s+)?(?:in|per)\s+each\s+(?:group|arm)\b")


def _men(m: regex.Match, size: int | None) -> int | None:
    """The men of a :data:`_SEX_COUNT` match: the count of men, or the rest of ``size`` after the women."""
    if m["m"] is not None:
        return parse_count(m["m"])
    women = parse_count(m["f"])
    if women is None or size is None or women > size:
        return None
    return size - women


def _sex_counts(text: str, start: int, end: int) -> list[regex.Match]:
    """The counts of men or women in text[start:end], those of men first when both are written
    ("12 men and 8 women": the 12)."""
    found = list(_SEX_COUNT.finditer(text, start, end))
    return [m for m in found if m["m"] is not None] + [m for m in found if m["m"] is None]


def _describes_people(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] describes who took part (not what happened to them)."""
    return bool(_DESCRIBES.search(text, start, end)) and not _EVENTS.search(text, start, end)


def cohort_men(doc: Doc, size: int | None) -> int | None:
    """The number of men of the whole cohort ("Twenty-two subjects (seven male, 15 female)",
    "All 13 patients (9 males, mean age 62 years)") from a sentence that describes who took
    part; ``size`` the cohort's size, for a count of women alone."""
    for start, end in doc.full_sentences():
        if _ELIGIBILITY.search(doc.text, start, end) or not _describes_people(doc.text, start, end):
            continue
        for m in _sex_counts(doc.text, start, end):
            men = _men(m, size)
            if men is not None:
                return men
    return None


# --- a trial of women only or of men only ---------------------------------------------------------

#: Words that name women (or female animals) as participants, or what only women undergo
#: (parturients); "women's" (an institution) is not one. "Caesarean" is not: the babies of such
#: trials are often the participants.
_FEMALE_WORDS = compile_regex(
    r"(?i)\b(?:women|woman|females?|girls?|pregnant|postmenopausal|premenopausal|perimenopausal|nulliparous|"
    r"primigravid\w*|parturients?|mares|ewes|sows|heifers|hens)\b(?!['\u2019]s)"
)
#: Words that name men (or male animals) as participants, or a disease of men only (prostate).
_MALE_WORDS = compile_regex(r"(?i)\b(?:men|man|males?|boys?|stallions|bulls|rams|boars|prostat(?:e|ic|ectomy))\b(?!['\u2019]s)")
#: Signs that both sexes took part: "men and women", "sex-matched", "M/F", "60% male", "(491
#: female, ...)" (a share of the cohort), "female sex" (a covariate), "predominance of women",
#: "22 and 21 patients were male" (a count, unless "all": "All 60 patients were male").
_MIXED = compile_regex(
    r"(?i)\b(?:men|males?|boys)\s+(?:and|or|&)\s+(?:women|females?|girls)\b|\b(?:women|females?|girls)\s+(?:and|or|&)\s+(?:men|males?|boys)\b"
    r"|\bboth\s+(?:sexes|genders)\b|\b(?:sex|gender)[\s-]*matched\b|\b(?:age|sex|gender)[\s,-]+(?:and\s+)?(?:sex|gender)\b"
    r"|\b(?:sex|gender)[\s,-]+(?:and\s+)?age\b|\bby\s+(?:sex|gender)\b|\b(?:sex|gender)\s+(?:ratio|distribution|differences?)\b"
    r"|(?-i:\bM\s*/\s*F\b|\bF\s*/\s*M\b)|\b(?:male|men)\s*/\s*(?:female|women)\b|\b(?:female|women)\s*/\s*(?:male|men)\b"
    r"|\b(?:male|female)\s+(?:sex|gender)\b|\bpredominance\s+of\s+(?:women|men|males|females)\b"
    r"|\d\s*%\s*(?:were\s+)?(?:women|men|males?|females?|boys|girls)\b|\b(?:women|men|males?|females?)\s*[(:,]?\s*\d+(?:\.\d+)?\s*%"
    r"|\(\s*(?:n\s*=\s*)?\d[\d,]*\s+(?:women|men|males?|females?|boys|girls)\b"
    r"|(?<!\ball\s+)\b\d[\d,]*(?:\s*\([^()]{1,12}\))?(?:\s*(?:,|and|or)\s+\d[\d,]*(?:\s*\([^()]{1,12}\))?)*\s+(?:(?:of\s+(?:the|them|these)\s+)?[\w-]+\s+)?(?:were|was)\s+(?:males?|females?|men|women)\b"
)


def single_sex(doc: Doc) -> str | None:
    """"female" when the text speaks of women only (0 men in every arm, D50), "male" when of men
    only (every participant a man), None when both, neither, or a share of one is written."""
    text = doc.text
    if _MIXED.search(text):
        return None
    female, male = bool(_FEMALE_WORDS.search(text)), bool(_MALE_WORDS.search(text))
    if female and not male:
        return "female"
    if male and not female:
        return "male"
    return None


# --- per arm -----------------------------------------------------------------------------------


def _refs(arms: list[Arm], start: int, end: int, names: Refs) -> list[tuple[int, int, Arm]]:
    """(start, end, arm) of the names of arms in text[start:end], in reading order (``names``:
    :func:`.counts.count_refs`, with the uses of generic arm words)."""
    return sorted(((s, e, arm) for arm in arms for s, e in names[id(arm)] if start <= s < end), key=lambda r: r[0])


#: Between two names of arms joined as alternatives ("the MSC or the control group"): a
#: bracket after the second then speaks of both, not of it alone.
_JOINED = compile_regex(r"(?i)^\s*(?:groups?|arms?)?\s*(?:,|and|or|versus|vs\.?|&)\s*(?:the\s+)?$")


def _joined_to_previous(text: str, refs: list[tuple[int, int, Arm]], ref: tuple[int, int, Arm]) -> bool:
    """Whether the name ``ref`` follows another arm's name as its alternative ("A or B (...)")."""
    before = [r for r in refs if r[1] <= ref[0] and r[2] is not ref[2]]
    return bool(before) and bool(_JOINED.match(text[before[-1][1] : ref[0]]))


def _bracket_of(text: str, start: int, end: int, stop: int) -> tuple[int, int] | None:
    """The bracket right after a name ("The MSC (n = 20; ...) group") or around it ("(group I:
    n = 35, ...)"): its inside as (open + 1, close)."""
    m = regex.match(r"\s*(?:(?:group|arm|cohort)\s*)?\(", text[end:stop])
    if m:
        open_ = end + m.end()
    else:
        open_ = text.rfind("(", max(0, start - 3), start)
        if open_ < 0 or text[open_ + 1 : start].strip():
            return None
        open_ += 1
    depth = 1
    for i in range(open_, stop):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return open_, i
    return None


#: After a value, the name of its arm: "64.9 (SD, ±7.5) of the placebo group", "54 years in the MSC arm".
_OWNER_AFTER = compile_regex(rf"(?i)^\s*(?:{_YEARS})?\s*\)?\s*,?\s*(?:in|of|for|among)\s+(?:the\s+)?(?:patients\s+(?:in|of)\s+(?:the\s+)?)?")


def _assign(doc: Doc, arms: list[Arm], names: Refs, values: list[tuple[int, int, Any]], start: int, end: int) -> list[tuple[Arm, Any]]:
    """Which arm each value of a sentence belongs to.

    A list of values with no name between them ("52.5 vs. 56.4 vs. 55.8 years", "64.4 and
    63.2 years, respectively") goes to the arms the sentence names before it, in order, or when
    it names fewer and the list compares one value per arm ("vs."), to the arms in order of
    first mention. A
    value alone goes to the name right before it ("the MSC group: 54.9 ± 4.5 years", "the
    calcitonin group was 67.1"), else to the name right after it ("64.9 of the placebo group");
    a value no arm's name is close to describes the whole cohort and goes to none.
    """
    text = doc.text
    refs = _refs(arms, start, end, names)
    out: list[tuple[Arm, Any]] = []
    runs: list[list[tuple[int, int, Any]]] = []
    for value in values:
        if runs and not any(runs[-1][-1][1] <= r[0] < value[0] for r in refs) and value[0] - runs[-1][-1][1] <= 40:
            runs[-1].append(value)
        else:
            runs.append([value])
    for run in runs:
        if len(run) >= 2:
            named: list[Arm] = []
            for r in refs:
                if r[0] < run[0][0] and r[2] not in named:
                    named.append(r[2])
            respectively = bool(regex.match(r"(?i)[^.;]{0,60}?\brespectively\b", text[run[-1][1] : end]))
            if len(named) == len(run) and (respectively or not any(run[0][0] <= r[0] < run[-1][1] for r in refs)):
                out.extend(zip(named, (v[2] for v in run)))
                continue
            if len(run) == len(arms) and len(named) <= 1 and all(
                    regex.search(r"(?i)\bvs\b|\bversus\b", text[a[1] : b[0]]) for a, b in zip(run, run[1:])):
                out.extend(zip(arms, (v[2] for v in run)))
                continue
        for value in run:  # each value by the name next to it
            owner = _owner(text, refs, values, value, start, end)
            if owner is not None:
                out.append((owner, value[2]))
    return out


def _owner(text: str, refs: list[tuple[int, int, Arm]], values: list[tuple[int, int, Any]], value: tuple[int, int, Any],
           start: int, end: int) -> Arm | None:
    """The arm whose name is right before ``value`` (after the value before it) or right after
    it ("64.9 of the placebo group"); None when no name is that close."""
    previous_end = max([v[1] for v in values if v[1] <= value[0]], default=start)
    before = [r for r in refs if previous_end <= r[0] and r[1] <= value[0]]
    if before:
        ref = before[-1]
        gap = text[ref[1] : value[0]]
        # "paricalcitol in children aged 10-16 years": the people treated, not the arm's
        if len(gap) <= 60 and ";" not in gap and not regex.search(rf"(?i)\b{PEOPLE}\b", gap) and not _joined_to_previous(text, refs, ref):
            return ref[2]
        return None
    after = _OWNER_AFTER.match(text[value[1] : end])
    if after:
        owner = [r for r in refs if r[0] == value[1] + after.end()]
        if owner:
            return owner[0][2]
    return None


def _per_arm(doc: Doc, arms: list[Arm], cue: Callable[[int, int], bool], find: Callable[[int, int], list[tuple[int, int, Any]]],
             in_bracket: Callable[[int, int], Any]) -> Iterator[tuple[Arm, Any]]:
    """(arm, value) of values given for one arm: in a bracket at an arm's name, then in the
    sentences ``cue`` accepts (``find`` lists a sentence's values)."""
    text = doc.text
    names = count_refs(doc, arms)
    sentences = doc.full_sentences()  # hard-wrapped text: a sentence cut at a line break is whole
    starts = [s for s, _ in sentences]
    for arm in arms:
        for start, end in names[id(arm)]:
            s0, s1 = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
            refs = _refs(arms, s0, s1, names)
            ref = next((r for r in refs if r[0] == start and r[2] is arm), None)
            if ref is None or _joined_to_previous(text, refs, ref):
                continue
            bracket = _bracket_of(text, start, end, s1)
            if bracket is None or any(bracket[0] <= r[0] < bracket[1] for r in refs if r[2] is not arm):
                continue
            value = in_bracket(*bracket)
            if value is not None:
                yield arm, value
    for start, end in sentences:
        if not cue(start, end) or _ELIGIBILITY.search(text, start, end):
            continue
        yield from _assign(doc, arms, names, find(start, end), start, end)


def fill_demographics(doc: Doc, arms: list[Arm], whole_cohort: bool, cohort_size: int | None = None) -> None:
    """Set ``age`` and ``male`` of the arms (see the module docstring).

    ``whole_cohort``: each arm is the whole cohort (one arm, or a crossover), so the cohort's
    age and number of men are the arms'; ``cohort_size`` is its size (to count men as the rest
    after the women).
    """
    text = doc.text

    def age_sentence(start: int, end: int) -> bool:
        return bool(_AGE_CUE.search(text, start, end))

    def ages(start: int, end: int) -> list[tuple[int, int, Any]]:
        # a range alone in a sentence describes who could take part, not one arm
        return [a for a in _ages_after_cue(text, start, end) if a[2]["value"] is not None]

    def sex_sentence(start: int, end: int) -> bool:
        return bool(_SEX_CUE.search(text, start, end)) and _describes_people(text, start, end)

    def sex_counts(start: int, end: int) -> list[tuple[int, int, Any]]:
        # the men when written ("13 men and 6 women": one value, 13), else the women
        counts = _sex_counts(text, start, end)
        men = [c for c in counts if c["m"] is not None]
        return sorted(((c.start(), c.end(), c) for c in (men or counts)), key=lambda v: v[0])

    def bracket_sex(start: int, end: int) -> regex.Match | None:
        return next(iter(_sex_counts(text, start, end)), None)

    if len(arms) >= 2:
        for arm, age in _per_arm(doc, arms, age_sentence, ages, lambda a, b: _bracket_age(text, a, b)):
            if arm.age is None:
                arm.age = age
        for arm, count in _per_arm(doc, arms, sex_sentence, sex_counts, bracket_sex):
            if arm.male is None:
                arm.male = _men(count, arm.n)
        each = _SEX_EACH.search(text)
        if each:
            count = parse_count(each["c"])
            for arm in arms:
                if arm.male is None and count is not None:
                    men = count if each["m"] else (arm.n - count if arm.n is not None and count <= arm.n else None)
                    arm.male = men
    if whole_cohort and arms:
        age = cohort_age(doc)
        men = cohort_men(doc, cohort_size)
        for arm in arms:
            if arm.age is None:
                arm.age = age
            if arm.male is None:
                arm.male = men
    sex = single_sex(doc)
    for arm in arms:
        if arm.male is None and sex == "female":
            arm.male = 0
        elif arm.male is None and sex == "male":
            arm.male = arm.n
