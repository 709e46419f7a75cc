"""Document-level facts of a trial: design, number enrolled, condition, country, follow-up,
adverse events. Each reads the text around the mentions and returns ``None`` when the text
does not say (values are read, never guessed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from .. import schema
from ..resources import read_jsonl_resource
from .text import COUNT, PEOPLE, Doc, norm_space, parse_count

DESIGNS = ("rct", "non_randomized_controlled", "single_arm", "case_series", "protocol", "other")

_PROTOCOL = regex.compile(
    r"(?i)\bstudy protocol\b|\bprotocol (?:for|of) (?:a|an|the)\b|\btrial protocol\b"
    r"|\b(?:will|shall) be (?:randomi[sz]ed|recruited|enrolled|included|allocated|assigned|treated|given|infused|injected|administered)\b"
    r"|\b(?:will|shall) (?:receive|undergo|enrol|recruit|randomi[sz]e)\b"
    r"|\bis (?:designed|planned) to\b|\bare (?:designed|planned) to\b"
)
_REVIEW = regex.compile(
    r"(?i)\b(?:this|the present|our) (?:review|overview)\b|\bsystematic review\b|\bmeta-analys[ie]s\b|\bwe review\b"
    r"|\btraining set\b|\bbiomarkers?\b[^.]{0,60}\b(?:identif|detect|discover)"
)
_NON_RANDOM = regex.compile(r"(?i)\bnon[\s-]?randomi[sz]ed\b|\bnot randomi[sz]ed\b|\bquasi[\s-]?randomi[sz]ed\b")
_RANDOM = regex.compile(
    r"(?i)\brandomi[sz]ed[\s,-]+(?:\w+[\s,-]+){0,3}?(?:trial|study|pilot|controlled|clinical|fashion|manner|design)\b"
    r"|\b(?:were|was|be|been|being|patients|participants|subjects)\s+(?:\w+\s+)?randomi[sz]ed\b|\brandomi[sz]ed\s+(?:\(|to|into|in\s+a|1:1|2:1)"
    r"|\brandomi[sz]ation\b|\brandomly\s+(?:assigned|allocated|divided\s+into\s+(?:\d|two|three|four)|selected\s+to)\b|\bRCT\b"
)
_EXPERIENCE = regex.compile(r"(?i)\bour (?:\w+ )?experience\b|\bcase series\b|\bcase reports?\b|\bwe (?:report|describe)\b")
_SINGLE_ARM = regex.compile(r"(?i)\bsingle[\s\u2010-](?:arm|group)\b|\bone[\s-]arm\b|\bopen[\s-]label,? (?:single|pilot)\b|\buncontrolled\b")
_CASE_SERIES = regex.compile(r"(?i)\bcase series\b|\bcase reports?\b|\bwe report\b|\bwe describe\b|\bretrospective(?:ly)?\b")
_PHASE1 = regex.compile(r"(?i)\bphase (?:I|1)\b(?![I/\d])|\bpilot study\b|\bfirst[\s-]in[\s-]human\b")


def design(doc: Doc, n_arms: int) -> str | None:
    """rct, non_randomized_controlled, single_arm, case_series, protocol or other (see module)."""
    text = doc.text
    if _PROTOCOL.search(text):
        return "protocol"
    if _REVIEW.search(text) and n_arms == 0:
        return "other"
    if _NON_RANDOM.search(text):
        return "non_randomized_controlled" if n_arms != 1 else "single_arm"
    if _RANDOM.search(text):
        return "rct"
    if _SINGLE_ARM.search(text):
        return "single_arm"
    if (_CASE_SERIES.search(text) or _EXPERIENCE.search(text)) and n_arms <= 1:
        return "case_series"
    if n_arms >= 2:
        return "non_randomized_controlled"  # groups compared without randomisation
    if n_arms == 1 and (_PHASE1.search(text) or n_enrolled(doc) is not None):
        return "single_arm"
    return None


# --- number enrolled ----------------------------------------------------------------------

_ENROL_VERBS = (
    r"(?:enrolled|enroled|randomi[sz]ed|included|recruited|participated|entered|registered|"
    r"allocated|assigned|studied|treated|underwent|received|completed|took part|immuni[sz]ed|vaccinated|"
    r"injected|infused|transplanted|divided|considered)"
)
_NOT_ENROLMENT = regex.compile(r"(?i)\bscreened\b|\bassessed for eligibility\b|\bevaluated for\b|\binitially\b|\bapproached\b")
_TOTAL_RE = regex.compile(
    rf"(?i)\b(?:a\s+total\s+of|total(?:ly)?|overall|in\s+all)\s*,?\s*(?P<n>{COUNT})\s+(?:\w+[\s-]+){{0,4}}?{PEOPLE}\b"
)
_ALL_OF_RE = regex.compile(rf"(?i)\ball\s+(?P<n>{COUNT})\s+(?:of\s+them|{PEOPLE})\b")
_TRIAL_OF_RE = regex.compile(
    rf"(?i)\b(?:trial|study)\s+(?:of|in|including|enrolling|involving)\s+(?P<n>{COUNT})\s+(?:[\w'-]+[\s-]+){{0,5}}?{PEOPLE}\b"
)
_BARE_ENROLLED_RE = regex.compile(
    rf"(?i)(?<![\w.,])(?P<n>{COUNT})\s+(?:(?:were|was)\s+)(?:finally\s+)?(?:enrolled|randomi[sz]ed|included|recruited)\b"
)
_EACH_AFTER = regex.compile(r"(?i)^[^.;]{0,40}?\b(?:to|in|for|per)\s+each\s+(?:group|arm)\b")
_COUNT_PEOPLE_RE = regex.compile(rf"(?<![\w.,])(?P<n>{COUNT})\s+(?:[\w'-]+[\s-]+){{0,5}}?{PEOPLE}\b")
_N_EQUALS_RE = regex.compile(rf"(?i)\b{PEOPLE}\b[^.;()]{{0,60}}\(\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*\)")
_WE_ENROLLED_RE = regex.compile(
    rf"(?i)\b(?:we|study)\s+(?:enrolled|randomi[sz]ed|included|recruited)\s+(?P<n>{COUNT})\s+(?:[\w'-]+[\s-]+){{0,5}}?{PEOPLE}\b"
)


def n_enrolled(doc: Doc) -> int | None:
    """Participants enrolled or randomised in total, as written ("A total of 26 patients were
    enrolled", "Twenty-nine children ... participated", "we randomized 62 patients")."""
    candidates: list[tuple[int, int, int]] = []  # (priority, position, n)
    for index in range(len(doc.sentences)):
        start, _ = doc.sentences[index]
        sentence = doc.sentence_text(index)
        if _NOT_ENROLMENT.search(sentence) and not regex.search(r"(?i)\brandomi[sz]ed\b", sentence):
            continue
        has_verb = regex.search(rf"(?i)\b{_ENROL_VERBS}\b", sentence) is not None
        for m in _TOTAL_RE.finditer(sentence):
            candidates.append((0 if has_verb else 3, start + m.start(), parse_count(m["n"]) or 0))
        for m in _ALL_OF_RE.finditer(sentence):
            candidates.append((0, start + m.start(), parse_count(m["n"]) or 0))
        for m in _TRIAL_OF_RE.finditer(sentence):
            candidates.append((1, start + m.start(), parse_count(m["n"]) or 0))
        for m in _BARE_ENROLLED_RE.finditer(sentence):
            candidates.append((1, start + m.start(), parse_count(m["n"]) or 0))
        for m in _WE_ENROLLED_RE.finditer(sentence):
            candidates.append((0, start + m.start(), parse_count(m["n"]) or 0))
        if has_verb:
            for m in _COUNT_PEOPLE_RE.finditer(sentence):
                before = sentence[max(0, m.start() - 12) : m.start()]
                if regex.search(r"(?i)(?:of|in|among|from|aged|age|and|the)\s*$", before):
                    continue  # "11 of 110", "in 44 patients": parts, not the total
                if _EACH_AFTER.match(sentence[m.end() :]):
                    continue  # "Eleven patients were randomized to each group": per arm
                n = parse_count(m["n"])
                if n is None:
                    continue
                priority = 1 if regex.search(r"(?i)\b(?:enrolled|randomi[sz]ed|included|recruited|participated)\b", sentence) else 2
                candidates.append((priority, start + m.start(), n))
        for m in _N_EQUALS_RE.finditer(sentence):
            if not regex.search(r"(?i)\b(?:group|arm)\b", m.group()):
                candidates.append((2, start + m.start(), parse_count(m["n"].replace(",", "")) or 0))
    candidates = [c for c in candidates if c[2] > 0]
    if not candidates:
        return None
    candidates.sort()
    return candidates[0][2]


# --- condition -----------------------------------------------------------------------------

_CONDITION_RE = regex.compile(
    rf"(?i)\b{PEOPLE}\s+(?:who\s+(?:had|have)|with|suffering\s+from|diagnosed\s+with|having)\s+(?P<c>[^.;:()\[\]\n]{{3,120}})"
)
_TITLE_FOR_RE = regex.compile(
    r"(?i)\b(?:for|in|of)\s+(?:the\s+)?(?:treatment\s+of\s+|management\s+of\s+|patients\s+with\s+)?(?P<c>[^.;:()\[\]]{3,100}?)\s*(?::|$|\.\s|\s-\s|\s\u2013\s)"
)
_CONDITION_STOP = regex.compile(
    r"(?i)\s*(?:,|\bwho\b|\bwere\b|\bwas\b|\bwill\b|\bare\b|\bis\b|\breceived\b|\breceiving\b|\bunderwent\b|\bundergoing\b"
    r"|\baged\b|\bat\s+(?:a|an|the|\d)|\bfrom\b|\bin\s+(?:a|an|the|this|our|\d)|\bby\b|\btreated\b|\bto\s+(?:receive|evaluate|assess|compare)\b"
    r"|\bbetween\b|\band\s+(?:a|an|the|were|\d)|\bwhile\b|\bwhen\b|\bthat\b|\bwhich\b|\bduring\b|\bafter\b|\bbefore\b"
    r"|\benrolled\b|\bincluded\b|\brandomi[sz]ed\b|\bor\s+(?:a|an|the)\b|\bvs\b|\bversus\b|\bcompared\b|\bwithout\b|\bon\b"
    r"|\s[\u2013\u2014-]\s|\bABSTRACT\b|\bas\s+well\s+as\b|\bfollowing\b|\bwith\b)"
)
_CONDITION_BAD = regex.compile(
    r"(?i)^(?:a|an|the|this|these|their|its|no|normal|high|low|both|either|each|all|any|mean|median|baseline|"
    r"respect|regard|terms)\b"
)


def _clean_condition(raw: str) -> str | None:
    stop = _CONDITION_STOP.search(raw)
    text = raw[: stop.start()] if stop else raw
    text = norm_space(text).strip(" -,")
    if not text or _CONDITION_BAD.match(text) or len(text) < 3 or len(text.split()) > 10:
        return None
    if regex.match(r"^\d", text) or regex.fullmatch(rf"(?i)(?:[\w-]+\s+)?{PEOPLE}", text):
        return None  # "in children", "in elderly patients": people, not a disease
    text = regex.sub(rf"(?i)\s+{PEOPLE}$", "", text)  # "chronic hepatitis B patients"
    if regex.match(rf"(?i){PEOPLE}\b", text):
        return None
    return text


def condition(doc: Doc) -> str | None:
    """The disease (and cause) as written: "patients with decompensated cirrhosis" -> that,
    read in the abstract before the title ("Children with Autism" is the title's short form);
    else a title's "for/in X:" phrase. An abbreviation the abstract defines is written out
    ("active RA" -> "active rheumatoid arthritis"): a reviewer's table cannot rely on the
    abstract's abbreviations."""
    found = _condition_as_written(doc)
    return _expand_abbreviations(found, doc.text) if found else found


def _expand_abbreviations(condition_text: str, text: str) -> str:
    """Each capitalised abbreviation of ``condition_text`` replaced by the words the text
    defines it with ("rheumatoid arthritis (RA)"): the long form is the words before the
    brackets whose initials spell the abbreviation."""
    def expand(m: regex.Match) -> str:
        short = m.group()
        letters = [c for c in short.lower() if c.isalpha()]
        for d in regex.finditer(rf"((?:[A-Za-z][\w'-]*\s+){{1,{len(letters) + 2}}})\(\s*{regex.escape(short)}\s*[),;]", text):
            words = d.group(1).split()
            for k in range(len(letters), len(words) + 1):
                chunk = words[-k:]
                initials = [w[0].lower() for w in chunk if w.lower() not in ("of", "and", "the", "in", "with")]
                if initials == letters:
                    return " ".join(chunk)
        return short
    return regex.sub(r"\b[A-Z]{2,6}\b", expand, condition_text)


def _condition_as_written(doc: Doc) -> str | None:
    text = doc.text
    title = _title(doc)
    body_start = text.find(title) + len(title) if title and title in text else 0
    for start in (body_start, 0):
        for m in _CONDITION_RE.finditer(text, start):
            found = _clean_condition(m["c"])
            if found:
                return found
    if title:
        for m in reversed(list(_TITLE_FOR_RE.finditer(title))):
            found = _clean_condition(m["c"])
            if found and not regex.search(r"(?i)\b(?:trial|study|effect|efficacy|safety|randomi|vaccine|therapy|treatment)\b", found):
                return found
    return None


def _title(doc: Doc) -> str | None:
    m = regex.search(r"(?m)^\s*TITLE[:.]?\s*\n?\s*(?P<t>[^\n]+)", doc.text)
    if m:
        return m["t"].strip()
    title = doc.meta.get("title")
    return title if isinstance(title, str) else None


# --- country -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[regex.Pattern, str], ...]:
    out = []
    for row in read_jsonl_resource("countries.jsonl"):
        names = [row["name"], *row.get("aliases", [])]
        for name in names:
            escaped = regex.escape(name)
            if len(name.replace(".", "")) <= 3 and name.upper() == name:
                # "UK", "USA": only where a place is named ("in the UK", "Bristol, UK")
                pattern = rf"(?:\bin\s+(?:the\s+)?|,\s*|\(\s*)(?-i:{escaped})(?![\w.])"
            else:
                pattern = rf"(?<![\w-]){escaped}(?![\w-])"
            out.append((regex.compile(pattern, regex.IGNORECASE if name.upper() != name else 0), row["name"]))
        for demonym in row.get("demonyms", []):
            out.append(
                (
                    regex.compile(
                        rf"(?<![\w-]){regex.escape(demonym)}\s+(?:[\w-]+\s+){{0,3}}?(?:{PEOPLE}|population|cohort|hospitals?|centers?|centres?|sites?)\b"
                    ),
                    row["name"],
                )
            )
    return tuple(out)


def country(doc: Doc) -> str | None:
    """Where the trial ran: the first country named in the text ("conducted in Germany",
    "Bristol, UK", "Egyptian patients"), by its name in ``patterns/countries.jsonl``."""
    best: tuple[int, str] | None = None
    for pattern, name in _country_patterns():
        m = pattern.search(doc.text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


# --- follow-up -----------------------------------------------------------------------------

ELIGIBILITY_CUE = regex.compile(
    r"(?i)\binclusion\b|\bexclusion\b|\beligib|\bcriteri|\bexcluded\b|\bwere included\b(?! in the (?:final )?analys)|\bhistory of\b"
    r"|\bprior to (?:enrol|inclusion|randomi)|\bbefore (?:enrol|inclusion|randomi)|\bduration of (?:diabetes|disease)"
)


def follow_up_days(doc: Doc) -> float | None:
    """The longest follow-up or assessment time point in days (eligibility windows and times
    shorter than an hour left out)."""
    best: float | None = None
    for span in doc.by_label.get(schema.TIME_POINT, []):
        attrs = span.get("attrs") or {}
        if attrs.get("hypothetical") is True:
            continue
        if ELIGIBILITY_CUE.search(doc.sentence_text(doc.sentence_of(span["start"]))):
            continue
        for day in attrs.get("days") or []:
            if not isinstance(day, (int, float)) or isinstance(day, bool) or day < 1 / 24:
                continue  # baseline, or minutes timing a procedure ("5 min before reperfusion")
            if best is None or day > best:
                best = float(day)
    return best


# --- adverse events ------------------------------------------------------------------------

_AE_SENTENCE = regex.compile(
    r"(?i)\badverse (?:events?|effects?|reactions?)\b|\bside[\s-]effects?\b|\bcomplications?\b|\btoxicit"
)
_NO_SERIOUS = regex.compile(
    r"(?i)\b(?:no|without|neither)\b[^.;]{0,40}\b(?:serious|severe|major)\b[^.;]{0,20}\b(?:adverse|side|complication|event)"
    r"|\b(?:serious|severe|major) (?:adverse (?:events?|effects?|reactions?)|complications?|side[\s-]effects?)\b[^.;]{0,30}\b(?:were not|was not|did not|none)\b"
    r"|\bno (?:treatment|procedure)[\s-]related (?:serious )?adverse"
)
_SERIOUS = regex.compile(
    r"(?i)(?<!\bno\s)(?<!\bwithout\s)\b(?:serious|severe|major) (?:adverse (?:events?|effects?|reactions?)|complications?)\b[^.;]{0,40}\b(?:occurred|were (?:observed|reported|noted)|developed|in \d)"
)
_AE_LIST = regex.compile(
    r"(?i)(?:adverse (?:events?|effects?|reactions?)|side[\s-]effects?|complications?)\s+(?:(?<=(?:most|more) (?:common|frequent)[^.;]{0,30})(?:were|was)|included|including|such as|consisted of|were mainly|were mostly|:)\s*"
    r"(?:(?:mild|transient|self-limiting|minor|common|the most common)\s+)*(?P<list>[^.;]{3,200})"
)
_AE_SEEN = regex.compile(
    r"(?i)(?:^|[;,:]\s*|\b(?:and|but|while|whereas)\s+)(?P<list>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*(?:\s*(?:,|and|or)\s*(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)*)\s+"
    r"(?:was|were)\s+(?:observed|reported|noted|seen|recorded|found|the most common)\b"
)
_AE_NOT_ITEM = regex.compile(
    r"(?i)^(?:no|none|not|similar|observed|reported|rare|mild|common|frequent|the|a|an|any|all|significant|there|these|this|it|they|which|that"
    r"|adverse|side|serious|severe|complications?|events?|effects?|reactions?|toxicity|patients?|differences?"
    r"|also|noted|recorded|observed|seen|found|documented|transient|well|generally|uncommon|more|less|higher|lower"
    r"|comparable|statistically|reversible|in|at|for|on|during|after|within|both|each|two|three|one)\b"
)
_AE_ITEM_STOP = regex.compile(r"(?i)\b(?:which|that|in\s+\d|in\s+the|after|during|were|was|and\s+resolved|resolved|without|with\s+no)\b|\(|\d")


def adverse_events(doc: Doc) -> dict[str, Any] | None:
    """``{"events": [...as written], "serious": bool|None}`` from the adverse-event sentences;
    ``None`` when the text reports none of it."""
    events: list[str] = []
    serious: bool | None = None
    found = False
    for index in range(len(doc.sentences)):
        sentence = doc.sentence_text(index)
        if not _AE_SENTENCE.search(sentence):
            continue
        found = True
        if _NO_SERIOUS.search(sentence) or regex.search(r"(?i)\bno (?:adverse|side[\s-]effects?|complications?)\b", sentence):
            serious = False if serious is None else serious
        elif _SERIOUS.search(sentence):
            serious = True
        chunks = [m["list"] for m in _AE_LIST.finditer(sentence)]
        chunks += [m["list"] for m in _AE_SEEN.finditer(sentence)]
        for chunk in chunks:
            stop = _AE_ITEM_STOP.search(chunk)
            if stop:
                chunk = chunk[: stop.start()]
            for item in regex.split(r",|\band\b|\bor\b|/", chunk):
                item = norm_space(item).strip(" ,:-")
                if (
                    item
                    and len(item.split()) <= 5
                    and not _AE_NOT_ITEM.match(item)
                    and item.lower() not in (e.lower() for e in events)
                ):
                    events.append(item)
    if not found:
        return None
    return {"events": events, "serious": serious}
