"""Document-level facts of a trial: design, number enrolled, condition, country, follow-up,
adverse events. Each reads the text around the mentions and returns ``None`` when the text
does not say (values are read, never guessed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from .. import schema
from ..compile_cache import compile_regex
from ..resources import read_jsonl_resource
from .text import COUNT, PEOPLE, Doc, norm_space, parse_count

DESIGNS = ("rct", "non_randomized_controlled", "single_arm", "case_series", "protocol", "other")

_PROTOCOL = compile_regex(
    r"(?i)\bstudy protocol\b|\bprotocol (?:for|of) (?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:randomi[sz]ed|controlled|trial|study|pilot)\b"
    r"|\btrial protocol\b"
    r"|\b(?:will|shall) be (?:randomi[sz]ed|recruited|enrolled|included|allocated|assigned|treated|given|infused|injected|administered)\b"
    r"|\b(?:will|shall) (?:receive|undergo|enrol|recruit|randomi[sz]e)\b"
    r"|\bis (?:designed|planned) to\b|\bare (?:designed|planned) to\b"
    r"|\bwe will\b|\bwill be (?:assessed|measured|evaluated|compared|collected|analy[sz]ed|followed(?: up)?)\b"
    r"|\bMETHODS?\s*/\s*DESIGN\b"  # the section heading of published trial protocols
)
_REVIEW = compile_regex(
    r"(?i)\b(?:this|the present|our) (?:review|overview)\b|\bsystematic review\b|\bmeta-analys[ie]s\b|\bwe review\b"
    r"|\btraining set\b|\bbiomarkers?\b[^.]{0,60}\b(?:identif|detect|discover)"
)
_NON_RANDOM = compile_regex(r"(?i)\bnon[\s-]?randomi[sz]ed\b|\bnot randomi[sz]ed\b|\bquasi[\s-]?randomi[sz]ed\b")
_RANDOM = compile_regex(
    r"(?i)\brandomi[sz]ed[\s,-]+(?:(?:\([\w\s-]+\)|[\w\u2010-]+)[\s,-]+){0,6}?(?:trials?|stud(?:y|ies)|pilot|controlled|clinical|fashion|manner|design|protocol|cross[\s-]?over|sessions?|order|sequence|experiments?|comparisons?|allocation)\b"
    r"|\b(?:we|they)\s+randomi[sz]ed\b|\b(?:divided|assigned|allocated|distributed)\s+(?:\w+\s+){0,4}?randomly\b"
    r"|\b(?:were|was|be|been|being|patients|participants|subjects)\s+(?:\w+\s+)?randomi[sz]ed\b|\brandomi[sz]ed\s+(?:\(|to|into|in\s+a|1:1|2:1)"
    r"|\brandomi[sz]ation\b|\brandomly\s+(?:assigned|allocated|divided\s+into\s+(?:\d|two|three|four)|selected\s+to)\b|\bRCT\b"
    r"|\brandomly\s+(?:and\s+\w+\s+)?(?:divided|assigned|allocated|distributed|split|placed|classified|administered|applied|stimulated|performed)\b"
    r"|\b(?:divided|assigned|allocated|included|distributed)\b[^.;]{0,60}\brandomly\b"
    r"|\brandom\s+(?:sequence|order|allotment|allocation|assignment)\b"
    r"|\b(?:trial|study)\s+(?:[A-Z][A-Z0-9-]*\s+)?randomi[sz]ed\s+(?:\d|[a-z]+\s+)"
)
#: A randomised trial recommended, not run ("randomized studies are needed", "Further randomised
#: trials should ...").
_WANTED = compile_regex(
    r"(?i)[^.;]{0,80}?\b(?:(?:are|is|would\s+be)\s+(?:needed|warranted|required|necessary)|should|could)\b"
)
_WANTED_BEFORE = compile_regex(r"(?i)\b(?:further|future|larger|more)(?:[\s,-]+(?!(?:from|of|in|by|with)\b)[\w-]+){0,3}[\s,-]*$")


def _randomised(text: str) -> bool:
    """A randomisation the text reports, not one it calls for."""
    return any(
        not _WANTED.match(text, m.end()) and not _WANTED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        for m in _RANDOM.finditer(text)
    )


_EXPERIENCE = compile_regex(r"(?i)\bour (?:\w+ )?experience\b|\bcase series\b|\bcase reports?\b|\bwe (?:report|describe)\b")
_SINGLE_ARM = compile_regex(r"(?i)\bsingle[\s\u2010-](?:arm|group)\b|\bone[\s-]arm\b|\bopen[\s-]label,? (?:single|pilot)\b|\buncontrolled\b")
_CASE_SERIES = compile_regex(r"(?i)\bcase series\b|\bcase reports?\b|\bwe report\b|\bwe describe\b|\bretrospective(?:ly)?\b")
_PHASE1 = compile_regex(r"(?i)\bphase (?:I|1)\b(?![I/\d])|\bpilot study\b|\bfirst[\s-]in[\s-]human\b")


def design(doc: Doc, n_arms: int) -> str | None:
    """rct, non_randomized_controlled, single_arm, case_series, protocol or other (see module)."""
    text = doc.text
    if _PROTOCOL.search(text):
        return "protocol"
    if _REVIEW.search(text) and n_arms == 0:
        return "other"
    if _NON_RANDOM.search(text):
        return "non_randomized_controlled" if n_arms != 1 else "single_arm"
    if _randomised(text):
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
    r"injected|infused|transplanted|divided|grouped|considered)"
)
#: Verbs that say who entered the trial (not who finished or was analysed).
_ENTRY_VERBS = r"(?:enrolled|enroled|randomi[sz]ed|randomly|included|recruited|participated|entered|registered|took part)"
#: Who a trial enrols, wider than :data:`PEOPLE` (animals, staff, babies).
N_PEOPLE = (
    rf"(?:{PEOPLE}|(?:out|in)-patients|females|males|babies|nurses|employees|workers|rats|mice|animals|pigs|rabbits|dogs|healthy\s+controls"
    r"|sheep|horses|foals|cats|hamsters|monkeys|piglets|newborns|residents|attendees|clients|pupils|respondents|members"
    r"|veterans|soldiers|physicians|teachers|couples|dyads|families|caregivers|carers|visitors|users|donors|parents"
    r"|seniors|drivers|GPs|practitioners|teenagers|toddlers|preschoolers"
    r"|schoolchildren|twins|runners|cyclists|swimmers|players|footballers|recruits|cadets|prisoners|inmates|drinkers"
    r"|cows|calves|cattle|heifers|ewes|lambs|goats|chickens|hens|broilers)"
)
_NOT_ENROLMENT = compile_regex(r"(?i)\bscreened\b|\bassessed for eligibility\b|\bevaluated for\b|\binitially\b|\bapproached\b")
#: Words between a count and its people ("Twenty-eight overweight, male subjects"): no number,
#: no time unit ("12 months and adults"), no "of" list ("12 of 20 patients").
_BETWEEN = (
    r"(?:(?i:(?:male|female|men|women|boys|girls)\s+(?:and|or)\s+)"  # "60 male and female patients"
    r"|(?!(?:of|to|with|than|in|for|at|on|from|by|after|before|months?|years?|weeks?|days?|hours?)\b|and\s+(?:\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b))[A-Za-z][\w'\u2019-]*,?[\s-]+){0,8}?"
)
_TOTAL_RE = compile_regex(
    rf"(?i)\b(?:a\s+total\s+(?:number\s+)?of|total(?:ly)?|overall|in\s+all)\s*,?\s*(?P<n>{COUNT})\s+(?:\(\d+\)\s+)?{_BETWEEN}{N_PEOPLE}\b"
)
_ALL_OF_RE = compile_regex(rf"(?i)\ball\s+(?P<n>{COUNT})\s+(?:of\s+them|{N_PEOPLE})\b")
_TRIAL_OF_RE = compile_regex(
    rf"(?i)\b(?:trial|study|design|conducted|performed|undertaken|carried\s+out)\b(?:[^.;:]|(?<=\d)\.(?=\d)){{0,200}}?(?:\b(?:of|in|on|including|enrolling|involving|among|with)|,)?"
    rf"\s+(?:the\s+)?(?P<n>{COUNT})\s+(?:\(\d+\)\s+)?{_BETWEEN}{N_PEOPLE}\b"
)
_BARE_ENROLLED_RE = compile_regex(
    rf"(?i)(?<![\w.,/-])(?<![<>≤≥=]\s?)(?<!\b(?:score|scores|level|levels|grade|stage)\s)"
    rf"(?P<n>{COUNT})\s+(?:(?:were|was)\s+)(?:finally\s+)?(?:enrolled|randomi[sz]ed|included|recruited)\b"
)
#: "Of 2028 patients enrolled, ...", "Of 110 eligible participants, ...", "Data of 67 patients included".
_OF_TOTAL_RE = compile_regex(
    rf"(?:^\s*|[.:]\s+|\b[Dd]ata\s+)(?i:of)\s+(?:the\s+|a\s+total\s+of\s+)?(?P<n>{COUNT})\s+(?:eligible\s+)?{_BETWEEN}{N_PEOPLE}\s*"
    rf"(?:(?:who\s+)?(?:were|was)\s+)?(?:enrolled|randomi[sz]ed|included|recruited|eligible|entered|participating)?"
)
#: "Participants: 138 preterm babies"; "the research group consisted of 27 patients" (not "the
#: control group consisted of": an arm); "recruited patients (413; 164 A, 125 B and 124 C)": the
#: total, then its parts, in brackets after the people.
_LABELLED_RE = compile_regex(
    rf"(?i)\b(?:participants|subjects|patients|sample)\s*:\s*(?P<n>{COUNT})\s+{_BETWEEN}{N_PEOPLE}\b"
    rf"|\b(?:research\s+group|sample|population)\s+(?:consisted|comprised|was\s+composed)\s+of\s+(?P<n>{COUNT})\s+{_BETWEEN}{N_PEOPLE}\b"
    rf"|\b{N_PEOPLE}\s*\(\s*(?P<n>\d[\d,]*)\s*;\s*\d[\d,]*\s+[^()]*\)"
)
_EACH_AFTER = compile_regex(r"(?i)^[^.;(]{0,40}?\b(?:to|in|for|per)\s+each(?:\s+(?:group|arm)\b|\s*[.;,)])")
_COUNT_PEOPLE_RE = compile_regex(rf"(?<![\w.,/-])(?P<n>{COUNT})\s+(?:\(\d+(?:\.\d+)?\s*%?\)\s+)?{_BETWEEN}{N_PEOPLE}\b")
_N_EQUALS_RE = compile_regex(rf"(?i)\b{PEOPLE}\b[^.;()]{{0,60}}\(\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*[);,]")
#: A protocol's planned size ("We aim to recruit 60 adult patients", "we will randomise 1230 women").
_WILL_ENROL_RE = compile_regex(
    rf"(?i)\b(?:(?:aim|plan|intend|expect)s?\s+to|will)\s+(?:recruit|enrol|enroll|randomi[sz]e|include)\s+(?:a\s+total\s+of\s+)?"
    rf"(?P<n>{COUNT})\s+{_BETWEEN}{N_PEOPLE}\b"
)
#: "Foals with lesions (n = 54) were randomly allocated": a count in brackets before the entry verb.
_N_ENTERED_RE = compile_regex(
    r"(?i)\(\s*n\s*=\s*(?P<n>\d[\d,]*)\s*\)\s+(?:were|was)\s+(?:randomly|randomi[sz]ed|enrolled|included|recruited)\b"
)
_WE_ENROLLED_RE = compile_regex(
    rf"(?i)\b(?:we|study)\s+(?:enrolled|randomi[sz]ed|included|recruited)\s+(?P<n>{COUNT})\s+{_BETWEEN}{N_PEOPLE}\b"
)
#: A planned or hoped-for number ("Although 3000 patients were targeted"), not the enrolled.
_PLANNED_AFTER = compile_regex(r"(?i)^[^.;]{0,30}?\b(?:were|was|are|is)\s+(?:targeted|planned|needed|required|calculated|expected|anticipated)\b|^\s*\(?\s*planned")
_PART_AFTER = compile_regex(rf"(?i)^\s+(?:\w+\s+)?and\s+{COUNT}\s+(?:[\w-]+\s+){{0,2}}?{N_PEOPLE}\b")
_OTHER_PART = compile_regex(
    rf"(?i)\b(?:and|while|whereas)\s+(?:the\s+)?(?:other\s+)?(?:{COUNT})\s+(?:[\w-]+\s+){{0,2}}?{N_PEOPLE}\b"
)
#: What introduces the parts of a total: "Ninety patients were enrolled, [of whom] 45 ... and 45
#: ...", "131 participants [(]70 men and 61 women) were ...", "142 subjects were [divided into
#: three groups:] 59 subjects ...; 53 ...; and 30 ...".
_PARTS_OF = compile_regex(
    rf"(?i)^\s*\(\s*{COUNT}\s+(?:[\w-]+\s+){{0,2}}?{N_PEOPLE}\b|\b(?:of\s+whom|of\s+these|of\s+which|among\s+them|including)\b"
    r"|\b(?:divided|split|classified|stratified|grouped|categori[sz]ed)\s+(?:in|into)\s+(?:two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+)?(?:groups|arms|cohorts)\s*:"
)
#: Arm sizes listed in one sentence ("87 patients were randomized to A and 90 to B").
_ARM_LIST_AFTER = compile_regex(
    rf"(?i)^\s+(?:were|was)\s+(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+to\s+(?:the\s+|receive\s+)?[^.;]{{0,60}}?\band\s+(?:{COUNT})\s+(?:{PEOPLE}\s+)?(?:to|in|into|were|received)\b"
)


def _enrol_candidate(sentence: str, start: int, priority: int, m: regex.Match) -> tuple[int, int, int] | None:
    """(priority, offset, n) of one count of ``sentence`` read as the number enrolled, or
    ``None`` when the words around it make it something else."""
    after = sentence[m.end() :]
    if _EACH_AFTER.match(after) or _ARM_LIST_AFTER.match(after):
        return None  # one arm's size
    if _PLANNED_AFTER.match(after):
        priority = max(priority, 3)  # a planned size: a protocol's total (D54) when nothing was enrolled
    if _PART_AFTER.match(after) or regex.search(
        r"(?i)\b(?:genotype|type|stage|grade|phase|class|day|week|group)[\s-]*$", sentence[: m.start("n")]
    ):
        return None  # "89 females and 36 males": a part; "genotype 4 patients": no count
    part = _OTHER_PART.search(after) if priority >= 1 else None
    if part and not _PARTS_OF.search(after[: part.start()]):
        return None  # "20 eyes ... were treated with A, and 20 eyes ... with B": arms listed
    clause = regex.split(r"[;,]\s", after, maxsplit=1)[0][:80]
    if priority >= 1 and regex.match(
        r"(?i)^\s*(?:\([^()]*\)\s*)?(?:(?:have|has)\s+)?(?:completed|finished|were\s+analy[sz]ed)\b", clause
    ):
        priority = max(priority, 3)  # who finished or was analysed: the total only when no other is written (D54)
    if priority == 2 and regex.search(rf"(?i)\b{_ENTRY_VERBS}\b", clause):
        priority = 1
    n = parse_count(m["n"].replace(",", "") if m["n"][0].isdigit() else m["n"])
    return (priority, start + m.start("n"), n) if n else None


def n_enrolled(doc: Doc) -> int | None:
    """Participants enrolled or randomised in total, as written ("A total of 26 patients were
    enrolled", "Twenty-nine children ... participated", "we randomized 62 patients", "Of 110
    eligible participants, ...", "a study in 40 patients"); a planned number or the size of
    one arm is not it, and arms are never summed."""
    candidates: list[tuple[int, int, int]] = []  # (priority, position, n)
    for start, end in doc.full_sentences():
        sentence = doc.text[start:end]
        if _NOT_ENROLMENT.search(sentence) and not regex.search(r"(?i)\brandomi[sz]ed\b|\brandomly\b", sentence):
            continue
        has_verb = regex.search(rf"(?i)\b{_ENROL_VERBS}\b", sentence) is not None
        entry = regex.search(rf"(?i)\b{_ENTRY_VERBS}\b", sentence) is not None

        def add(priority: int, m: regex.Match, sentence: str = sentence, start: int = start) -> None:
            found = _enrol_candidate(sentence, start, priority, m)
            if found is not None:
                candidates.append(found)

        for m in _TOTAL_RE.finditer(sentence):
            add(0 if entry else 2 if has_verb else 3, m)
        for m in _ALL_OF_RE.finditer(sentence):
            add(0, m)
        for m in _OF_TOTAL_RE.finditer(sentence):
            add(0 if entry else 2, m)
        for m in _LABELLED_RE.finditer(sentence):
            add(0, m)
        for m in _TRIAL_OF_RE.finditer(sentence):
            add(1, m)
        for m in _BARE_ENROLLED_RE.finditer(sentence):
            add(1, m)
        for m in _WE_ENROLLED_RE.finditer(sentence):
            add(0, m)
        if has_verb:
            for m in _COUNT_PEOPLE_RE.finditer(sentence):
                before = sentence[max(0, m.start() - 24) : m.start()]
                if before.endswith("(") and len(regex.findall(rf"\(\s*{COUNT}\s", sentence)) > 1:
                    continue  # "education (102 patients) or control (109 patients)": arm sizes
                if regex.search(r"(?i)(?:of|in|among|from|aged|age|and|while|whereas|the|with)\s*$", before) and not regex.search(
                    r"(?i)\b(?:group|total|cohort|sample|series|number|data)\s+(?:of|from)\s*$", before
                ):
                    if regex.search(r"(?:^|[^\w\s]\s*)(?:The|In|Among|From)\s+$|\b(?:sample|study)\s+of\s+$", before):
                        # "The 128 patients were ...", "From 533 patients randomized", "In 14 patients
                        # with ...": a sentence opening on its participants names the total.
                        add(2 if regex.match(rf"(?i)^[^.;]{{0,40}}?\b{_ENTRY_VERBS}\b", sentence[m.end() :]) else 3, m)
                    continue  # "11 of 110", "in 44 patients": parts, not the total
                add(2, m)
        for m in _WILL_ENROL_RE.finditer(sentence):
            add(3, m)
        for m in _N_ENTERED_RE.finditer(sentence):
            if not regex.search(r"(?i)\b(?:group|arm)\b", sentence[max(0, m.start() - 40) : m.start()]):
                add(1, m)
        several = len(regex.findall(r"(?i)\(\s*n\s*=", sentence)) > 1
        for m in _N_EQUALS_RE.finditer(sentence):
            # one "(N = 197)" among several is an arm's size ("randomized to A (N = 197) or B
            # (N = 103)") unless it follows its people word ("Smokers (n = 1071) ... A (n = 418)")
            if several and not regex.search(rf"(?i)\b{N_PEOPLE}\s*\(\s*n\s*=", m.group()):
                continue
            if not regex.search(r"(?i)\b(?:group|arm)\b", m.group()):
                add(2, m)
    if not candidates:
        return _first_count_of_people(doc)
    candidates.sort()
    return candidates[0][2]


def _first_count_of_people(doc: Doc) -> int | None:
    """When no sentence says how many were enrolled: a sentence after the title that counts
    one group of people and says they took part ("Fourteen healthy wearers completed ...",
    "20 healthy subjects were given ...") or were studied ("conducted on 238 rural farmers",
    "a cohort of 2,664 adolescents"); a sentence counting several groups is left alone (arms,
    parts)."""
    _, body_start = _title_and_end(doc)
    for start, end in doc.full_sentences():
        if end <= body_start:
            continue
        sentence = doc.text[start:end]
        if _NOT_ENROLMENT.search(sentence):
            continue
        counts = list(_COUNT_PEOPLE_RE.finditer(sentence))
        if len(counts) != 1:
            continue  # several groups counted: arms or parts, not the total
        m = counts[0]
        before = sentence[max(0, m.start() - 24) : m.start()]
        if regex.search(r"(?i)\b(?:of|than|and|or|aged|age|the|these|those|remaining|other|among|per|each)\s*$|[/%(]\s*$", before):
            continue  # "11 of 20 patients", "among 174 patients": a part of a total
        if not _TOOK_PART_AFTER.match(sentence[m.end() :]) and not _STUDIED_IN_BEFORE.search(sentence[: m.start()]):
            continue
        found = _enrol_candidate(sentence, start, 4, m)
        if found is not None and found[2] >= 2:
            return found[2]
    return None


#: What the people counted did as participants ("Fourteen healthy wearers [completed] stair
#: ascent", "20 healthy subjects [were given] a diet"), said right after them.
_TOOK_PART_AFTER = compile_regex(
    r"(?i)^(?:\s*\([^()]{0,80}\))?(?:\s*,[^,;.]{0,60},)?\s+(?:(?:were|was|had|have)\s+(?:all\s+)?)?"
    r"(?:participated|completed|performed|underwent|took\s+part|studied|evaluated|examined|assessed|investigated|tested"
    r"|treated|given|received|administered|followed|observed|analy[sz]ed|interviewed|surveyed|selected)\b"
)
#: How a study names its participants before counting them ("conducted on 238 rural farmers",
#: "measured in 18 adults", "a cohort of 2,664 adolescents", "data from 125 patients").
_STUDIED_IN_BEFORE = compile_regex(
    r"(?i)\b(?:conducted|performed|carried\s+out|measured|studied|tested|evaluated|investigated|examined|administered|applied"
    r"|given|data|cohort|sample|population|consist(?:s|ed)?)\s+(?:on|in|of|to|from|for|with)\s+(?:a\s+(?:total\s+of\s+)?)?$"
)


# --- condition -----------------------------------------------------------------------------

#: Words and endings that name a disease, a state or a procedure a trial is about
#: ("cirrhosis", "type 2 diabetes", "heart failure", "hyperlipidemic", "knee arthroplasty").
_DISEASE_WORD = compile_regex(
    r"(?i)\b(?:\w+(?:itis|osis|oses|emia|aemia|emias|aemias|penia|plegia|algia|uria|oxia|oma|omas|pathy|pathies"
    r"|plasia|trophy|ectomy|otomy|plasty|emic|aemic|lipidemic|ism)"
    r"|(?:pre|hyper|hypo)?[\s-]?tensi(?:on|ve)|hyper\w*(?:sensitivity|activity|reactivity)|dys\w+|disease|diseases|disorders?|syndromes?|failure|infections?|infected|cancers?|tumou?rs?"
    r"|diabetes|diabetic|prediabetes|injury|injuries|insufficiency|deficiency|deficient|fractures?|glaucoma|stroke"
    r"|infarction|sepsis|septic|malaria|HIV|AIDS|hepatitis|obes\w*|overweight|asthma|ascites|incontinence|ill|illness"
    r"|transplant\w*|surgery|surgeries|operations?|bypass|grafting|lesions?|ulcers?|ulceration|wounds?|burns?|pain"
    r"|depression|autism|sclerosis|stones?|intolerant|intolerance|resistance|resistant|angina|arrhythmias?"
    r"|fibrillation|shock|trauma|palsy|epilepsy|dementia|schizophrenia|psoriasis|eczema|leiomyomas?|fibroids?"
    r"|cholestasis|cirrhotic|hepatic|renal|pathology|preeclampsia|pregnan\w+|prematurity|preterm|smokers?"
    r"|mania|constipation|cataracts?|amputation|impairment|distress|jaundice|ha?emorrhage|necrolysis|\w+opia|\w+iasis"
    r"|pneumonia|gout|insomnia|hernias?|bleeding|nausea|vomiting|infertility|anxiety|ischa?emia|leuka?emia|presbyop\w+"
    r"|inflammation|obstructions?|herpes|defects?|prolapse|apnea|apnoea"
    r"|arrest|acne|deafness|migraines?|\w+celes?|fistula\w*|hyper\w+ness|\w+asis|caries|delirium|agitation|vertigo|tinnitus"
    r"|fever|cough|frailty|heatstroke|(?:non|mal)?union"
    r"|diarrho?ea|headaches?|aneurysms?|degeneration|influenza|aphasia|dependence|disabilit(?:y|ies)|chlamydia|dengue"
    r"|\w+stomia|urticaria|lymph(?:o)?edema|syncope|emphysema|abscess(?:es)?|effusions?|pre-eclampsia|purpura|myoclonus"
    r"|intussusception|allerg(?:y|ies)|macrosomia|malformations?|anomal(?:y|ies)|gravis|planus|malocclusion|smoking"
    r"|\w*obese|eating|wrinkles|scars?|tuberculosis|measles|cholera|typhoid|leprosy|rabies|hepatotoxicity|toxicity"
    r"|dermatitis|alopecia|vitiligo|rosacea|keloids?|xerosis|hyperhidrosis|halitosis|gingivitis|periodontitis|sinusitis"
    r"|rhinitis|otitis|conjunctivitis|keratitis|uveitis|blepharitis|myopia|hyperopia|amblyopia|strabismus|dry\s+eye"
    r"|spasticity|neuropathy|sciatica|lumbago|tendinopathy|fasciitis|bursitis|spondyl\w+|scoliosis|osteoporosis"
    r"|sarcopenia|cachexia|malnutrition|undernutrition|under-nutrition|stunting|wasting|anorexia|bulimia|addiction"
    r"|alcoholism|craving|withdrawal|hot\s+flash(?:es)?|hot\s+flushes|dysmenorrh\w+|endometriosis"
    r"|polyps?|hemorrhoids?|haemorrhoids?|fissures?|colic|reflux|dyspepsia|gastroparesis|pancreatitis|cholecystitis"
    r"|appendicitis|diverticul\w+|colitis|ileus|hiccups?|snoring|enuresis|bacteriuria|pyelonephritis|cystitis|nephrolithiasis"
    r"|pains|asthmatic|flatfoot|flat\s+feet|(?:ex|in)tubation|\w+scopy|biops(?:y|ies)|dialysis|abortion|revasculari[sz]ation"
    r"|(?:caesarean|cesarean)\s+(?:sections?|deliver(?:y|ies))|hearing\s+loss|cognitive\s+decline|overactive\s+bladder"
    r"|low\s+vision|sore\s+throat|refractive\s+errors?|detachment|dissection|occlusion|ductus\s+arteriosus|falls)\b"
    r"|(?-i:\b(?!(?:BID|QID|TID)\b)[A-Z]{2,4}D\b)"  # "COPD", "PTSD", "ESRD": a disease or disorder by its abbreviation
)
#: Words that show a phrase is not a disease (the study, a drug, a measure).
_NOT_DISEASE = compile_regex(
    r"(?i)\b(?:trials?|study|studies|effects?|efficacy|safety|randomi[sz]\w*|vaccines?|protocols?|strategies|method"
    r"|results?|analys[ie]s|levels?|concentrations?|markers?|biomarkers?|outcomes?|rats?|mice|model|review|guidelines?"
    r"|programm?e?s?|mechanisms?|metabolism|combination|score|doses?)\b"
)
#: People nouns and the words that describe people rather than the disease ("healthy",
#: "postmenopausal women"): they are dropped from a condition.
_PEOPLE_WORDS = (
    r"(?:patients?|participants?|subjects?|children|child|infants?|neonates?|adults?|adolescents?|women|woman|men|man"
    r"|males?|females?|individuals?|volunteers?|cases?|persons?|people|eyes|outpatients?|inpatients?|recipients?"
    r"|mothers?|girls?|boys?|population|cohort|humans?)"
)
_PEOPLE_DESCRIPTORS = (
    r"(?:healthy|older|elderly|young|younger|aged|adult|pediatric|paediatric|postmenopausal|premenopausal|hospitali[sz]ed"
    r"|japanese|chinese|korean|egyptian|indian|american|european|african|asian|caucasian|treatment[\s-]na[iï]ve|na[iï]ve"
    r"|male|female)"
)
#: Words after a disease that say how the patients stand or where they come from, not what
#: they have ("glaucoma [inadequately controlled] on ...", "asthma [showing] refractoriness",
#: "pain [referring to] the emergency department", "glaucoma [and IOP] controlled on ..."):
#: the condition ends before them.
_STATUS_STOP = (
    r"\b(?:showing|referring|presenting|seeking|attending|admitted|undergoing|scheduled|uncontrolled|especially"
    r"|(?:in|not\s+)?adequately|insufficiently|poorly|refractory\s+to|not\s+controlled"
    r"|and\s+(?:IOP|intraocular|inadequate|insufficient|poor|an?)\b)"
)
#: The same before the disease ("[stable] open angle glaucoma", "[newly detected and
#: previously untreated] glaucoma", "[inadequately controlled] glaucoma"): left out.
_STATUS_LEAD = compile_regex(
    r"(?i)^(?:(?:stable|consecutive|symptomatic|well[\s-]controlled|(?:newly|recently)\s+(?:detected|diagnosed)|previously\s+(?:un)?treated"
    r"|(?:[\w-]+[\s-])?(?:diagnosed|confirmed|proven)"
    r"|(?:(?:in|not\s+)?adequately|insufficiently|poorly|un)?\s*controlled)(?:\s*,|\s+and)?\s+)+"
)
#: Where a condition phrase in a title ends: a method, a place, a population, a trial name.
_TITLE_STOP = compile_regex(
    r"(?i)\s*(?:" + _STATUS_STOP + r"|,|\(|\[|\busing\b|\bby\b|\bon\b|\bamong\b|\bat\b|\bfrom\b|\bversus\b|\bvs\.?\s|\bcompared\b|\bthan\b"
    r"|\bdespite\b|\baccording\b|\bprior\s+to\b|\bprior$|\brequiring\b|\btaking\b|\bconsuming\b|\bwithout\b|\bbetween\b"
    r"|\bwith\s+(?:or\s+without|a|an|the)\b|\bfollowing\b|\btreated\b|\breceiving\b|\bwho\b|\bwhen\b|\bafter\b|\bbefore\b|\bduring\b"
    r"|\bthrough\b|\bvia\b|\bin\s+(?!" + _PEOPLE_WORDS + r"\b)(?:(?:a|an|the|[A-Z][a-z]+)\b)"
    r"|\band\s+(?:its|their|the|review|presentation)\b|\bis\b|\bare\b|\bwas\b|\bwere\b|\bdoes\b|\bdo\b|\bcan\b|\bmay\b)"
)
#: How a title names its condition, most telling first: "for the treatment of X", "patients
#: with X", "in X patients" / "for X", and "(model) of X" ending a title part.
_TITLE_ANCHORS = (
    (compile_regex(
        r"(?i)\b(?:treatment|management|prevention|correction|control|resection)\s+of\s+(?:the\s+|a\s+)?(?P<c>.+)"
        r"|\b(?:treating|preventing|managing|correcting)\s+(?P<c>.+)"
    ), False),
    (compile_regex(
        rf"(?i)\b{_PEOPLE_WORDS}\s+(?:with|who\s+have|who\s+had|suffering\s+from|diagnosed\s+with|undergoing|requiring|following|after)\s+(?P<c>.+)"
    ), False),
    (compile_regex(r"(?i)\b(?:in|for)\s+(?:the\s+|a\s+)?(?P<c>.+)"), False),
    (compile_regex(r"(?i)\bof\s+(?:the\s+|a\s+)?(?P<c>.+)"), True),
)


def _initials_of(short: str, before: str) -> bool:
    """Whether ``short`` ("SHPT") abbreviates the words ending ``before``."""
    letters = [c for c in short.lower() if c.isalpha()]
    words = [w for w in regex.split(r"[\s-]+", before) if w and w.lower() not in ("of", "and", "the", "in", "with")]
    return bool(letters) and len(words) >= len(letters) and [w[0].lower() for w in words[-len(letters):]] == letters


def _clean_title_condition(raw: str, whole: bool = False) -> str | None:
    """The condition at the start of ``raw``: cut at a method/place/population word, without
    trailing people nouns ("cirrhotic ascites patients" -> "cirrhotic ascites"; "critically ill
    patients" keeps its noun: the adjective alone names nothing) or leading "healthy". A
    bracket stays when it abbreviates the words before it or is one plain word ("leiomyoma
    (fibroid)"), not when it names the trial ("(REFRESH)"). ``whole``: only a phrase that
    runs to the end of ``raw``."""
    text = _STATUS_LEAD.sub("", raw.lstrip())
    # "X in patients with Y" stays one condition; any other "in/with ..." ends it
    keep = regex.match(rf"(?i)(.+?\s+in\s+{_PEOPLE_WORDS}\s+(?:with|undergoing)\s+)(.*)", text)
    head, tail = (keep.group(1), keep.group(2)) if keep else ("", text)
    pos = 0
    while True:
        stop = _TITLE_STOP.search(tail, pos)
        if stop is None or stop.group().strip() != "(":
            break
        bracket = regex.match(r"\(\s*([^()]{1,40}?)\s*\)", tail[stop.end() - 1 :])
        if bracket and (_initials_of(bracket.group(1), tail[: stop.start()])
                        or regex.fullmatch(r"[A-Za-z][a-z]+", bracket.group(1))):
            pos = stop.end() - 1 + bracket.end()
            continue
        break
    if stop and whole:
        return None
    if stop and stop.start() == 0 and not head:
        return None
    text = head + (tail[: stop.start()] if stop else tail)
    text = norm_space(text).strip(" -,.?!'\"\u2018\u2019\u201c\u201d")
    # "(management of) [a cohort of] patients with X": the people are not the condition
    text = regex.sub(
        rf"(?i)^(?:(?:a\s+)?(?:cohort|group|series)\s+of\s+)?(?:{_PEOPLE_DESCRIPTORS}\s+)*{_PEOPLE_WORDS}\s+(?:with|who\s+have|suffering\s+from)\s+",
        "", text)
    text = regex.sub(rf"(?i)^(?:{_PEOPLE_DESCRIPTORS}\s+)+(?=\w)", "", text)
    text = regex.sub(r"(?i)\s+(?:treatment|therapy|management|care)$", "", text)
    text = regex.sub(rf"(?i)(?<!\bin)\s+{_PEOPLE_WORDS}['\u2019]?(?=\s+with\s)", "", text)  # "X patients with Y"
    if regex.match(rf"(?i){_PEOPLE_WORDS}\b", text):
        return None
    people = regex.search(rf"(?i)(?:\s+{_PEOPLE_DESCRIPTORS})*\s+{_PEOPLE_WORDS}['\u2019]?$", text)
    if people and not _ADJECTIVE_END.search(text[: people.start()]):
        text = text[: people.start()]  # "cirrhotic ascites patients": the noun names the disease
    text = norm_space(text).strip(" -,")
    text = _without_circumstance(text)
    if not text or len(text.split()) > 12 or regex.fullmatch(rf"(?i){_PEOPLE_WORDS}", text):
        return None
    return text


def _without_circumstance(text: str) -> str:
    """A title's condition without what follows a "with" or "in" that names no disease:
    "[benign prostatic hyperplasia] with silodosin", "[atherosclerosis] in patients with
    insulin" (the drug, the people); "chronic kidney disease with albuminuria" keeps its
    "with". (Most title phrases already end before an "in": :data:`_TITLE_STOP`.)"""
    for m in regex.finditer(r"(?i)\s+(?:with|in)\s+", text):
        head, tail = text[: m.start()], text[m.end() :]
        if regex.match(rf"(?i)(?:{_PEOPLE_DESCRIPTORS}\s+)*{_PEOPLE_WORDS}\b", tail):
            continue  # "X in patients with Y" / "in children": read by the people rules
        if len(head.split()) == 1 and _ADJECTIVE_END.search(head):
            continue  # "pregnant with high haemoglobin": the adjective alone names no condition
        if regex.match(r"(?i)(?:preserved|reduced|mildly\s+reduced|mid-range)\b", tail):
            continue  # "heart failure with preserved ejection fraction" is one condition
        if _disease_like(head) and not _disease_like(tail):
            text = head
            break
    return regex.sub(rf"(?i)\s+in\s+(?:{_PEOPLE_DESCRIPTORS}\s+)*{_PEOPLE_WORDS}$", "", text)  # "atherosclerosis [in patients]"


#: A word that can only describe the people ("diabetic", "hypertensive", "HCV-infected",
#: "glucose-intolerant"): a condition ending in one keeps its people noun (D57: "type 2
#: diabetic patients", "hypercholesterolemic subjects").
_ADJECTIVE_END = compile_regex(r"(?i)(?:ic|ill|ive|ed|ous|ant|ent|obese)$")


def _disease_like(text: str) -> bool:
    return bool(_DISEASE_WORD.search(text)) and not _NOT_DISEASE.search(text)


def _title_parts(title: str) -> list[str]:
    return [p for p in regex.split(r"\s*[:;?]\s+|\s+[-\u2013\u2014]\s+|\s*[-\u2013\u2014]\s+(?=an?\s)|\.\s+|[:;.]$", title) if p]


#: The weakest title construction, read only when neither the title's other constructions nor
#: the abstract's "patients with X" name a condition: "Effect of homeopathy on [chronic
#: tension-type headache]", "... to prevent [cellulitis]" (the "on" phrase is as often an outcome).
_TITLE_ON = ((compile_regex(r"(?i)\b(?:on|against|to\s+(?:prevent|reduce|treat))\s+(?:the\s+|a\s+)?(?P<c>.+)"), False),)


def _condition_from_title(title: str, anchors: tuple[tuple[regex.Pattern, bool], ...] = _TITLE_ANCHORS) -> str | None:
    """The condition a title names: in its first part that names one, by the most telling
    construction (:data:`_TITLE_ANCHORS`)."""
    parts = _title_parts(title)
    for anchor, whole in anchors:
        for part in parts:
            matches = list(anchor.finditer(part, overlapped=True))
            for m in reversed(matches) if whole else matches:  # "score of [emergency operations]"
                found = _clean_title_condition(m["c"], whole)
                if found and _disease_like(found):
                    return _inner_condition(found)
    return None


def _inner_condition(found: str) -> str:
    """The disease inside a phrase that starts with something else ("Pump Priming for
    [Congenital Heart Surgery]", "Bronchial Biopsies of [COPD]", "the first-line therapy of
    [ovarian cancer]", "Indian Patients of [Schizophrenia]"): the part after the first "for",
    "of", "in" or "with" whose head names no disease while the rest does."""
    for m in regex.finditer(r"(?i)\s+(?:for|of|in|with)\s+(?:the\s+)?", found):
        head, tail = found[: m.start()], found[m.end() :]
        if not _disease_like(head) and _disease_like(tail) and not regex.match(rf"(?i){_PEOPLE_WORDS}\b", tail):
            return _inner_condition(tail)
    return found


_CONDITION_RE = compile_regex(
    rf"(?i)\b{PEOPLE}\s+(?:who\s+(?:had|have)|with|suffering\s+from|diagnosed\s+with|having)\s+(?P<c>[^.;:()\[\]\n]{{3,120}})"
)
_CONDITION_STOP = compile_regex(
    r"(?i)\s*(?<!-)(?:" + _STATUS_STOP + r"|,|\bwho\b|\bwere\b|\bwas\b|\bwill\b|\bare\b|\bis\b|\breceived\b|\breceiving\b|\bunderwent\b|\bundergoing\b"
    r"|\baged\b|\bat\s+(?:a|an|the|\d)|\bfrom\b|\bin\s+(?:a|an|the|this|our|\d)|\bby\b|\btreated\b|\bto\s+(?:receive|evaluate|assess|compare|investigate|illustrate)\b"
    r"|\bto\b|\bthan\b|\bbetween\b|\band\s+(?:a|an|the|were|\d)|\bwhile\b|\bwhen\b|\bthat\b|\bwhich\b|\bduring\b|\bafter\b|\bbefore\b"
    r"|\benrolled\b|\bincluded\b|\brandomi[sz]ed\b|\bor\s+(?:a|an|the)\b|\bvs\b|\bversus\b|\bcompared\b|\bwithout\b|\bon\b"
    r"|\s[\u2013\u2014-]\s|\bABSTRACT\b|\bas\s+well\s+as\b|\bfollowing\b|\bwith\b|\bcurrently\b)"
)
_CONDITION_BAD = compile_regex(
    r"(?i)^(?:a|an|the|this|these|their|its|no|normal|high|low|both|either|each|all|any|mean|median|baseline|"
    r"respect|regard|terms|different|various|other)\b"
)


def _clean_condition(raw: str) -> str | None:
    raw = _STATUS_LEAD.sub("", raw.lstrip())
    stop = _CONDITION_STOP.search(raw)
    text = raw[: stop.start()] if stop else raw
    text = norm_space(text).strip(" -,")
    text = regex.sub(r"(?i)\s+(?:and|or)$", "", text)
    text = _tidy_condition(text, diagnosis=False) or ""
    text = regex.sub(r"(?i)^an?\s+(?=(?:[\w-]+\s+)?diagnos[ie]s\s+of\b)", "", text)  # "a confirmed diagnosis of X"
    if not text or _CONDITION_BAD.match(text) or len(text) < 3 or len(text.split()) > 10:
        return None
    if regex.match(r"^\d", text) or regex.fullmatch(rf"(?i)(?:[\w-]+\s+)?{PEOPLE}", text):
        return None  # "in children", "in elderly patients": people, not a disease
    people = regex.search(rf"(?i)\s+{PEOPLE}['\u2019]?$", text)
    if people and not _ADJECTIVE_END.search(text[: people.start()]):
        text = text[: people.start()]  # "chronic hepatitis B patients"; "diabetic patients" keeps its noun
    if regex.match(rf"(?i){PEOPLE}\b", text):
        return None
    return text


def condition(doc: Doc) -> str | None:
    """The disease (and cause) as written. A title says what the trial is about ("... for
    Severe Alcoholic Hepatitis: a randomized trial", "... in patients with X", "... in X
    patients"); without one that names a disease, the abstract's "patients with X". A title
    about healthy volunteers names none. The phrase is copied as written (D57): abbreviations,
    adjectives ("type 2 diabetic patients") and apostrophes are left as the text has them."""
    found = _condition_as_written(doc)
    if found and regex.fullmatch(r"[A-Z][A-Z0-9]{1,6}", found):
        found = _long_form(found, doc.text) or found
    return _tidy_condition(found) if found else found


def _long_form(short: str, text: str) -> str | None:
    """The words the text defines the abbreviation ``short`` with ("rheumatoid arthritis
    (RA)"): the words before the brackets whose initials spell it. A condition named only by
    an abbreviation is given by the phrase the text writes for it."""
    letters = [c for c in short.lower() if c.isalpha()]
    for d in regex.finditer(rf"((?:[A-Za-z][\w'-]*\s+){{1,{len(letters) + 2}}})\(\s*{regex.escape(short)}\s*[),;]", text):
        words = d.group(1).split()
        for k in range(len(letters), len(words) + 1):
            chunk = words[-k:]
            initials = [w[0].lower() for w in chunk if w.lower() not in ("of", "and", "the", "in", "with")]
            if initials == letters:
                return " ".join(chunk)
    return None


def _tidy_condition(text: str, diagnosis: bool = True) -> str | None:
    """A found condition without what is not the disease: "confirmed diagnosis of X" -> "X", a
    dangling preposition ("orgasmic disorder in"), a verb phrase after it ("fibromyalgia use
    complementary ...")."""
    if diagnosis:
        text = regex.sub(r"(?i)^(?:an?\s+)?(?:(?:confirmed|established|definite|documented|clinical|new)\s+)?diagnos[ie]s\s+of\s+", "", text)
    text = regex.sub(r"(?i)\s+(?:use|uses|used|have|has|need|needs|remain|remains|show|shows|often|usually|may|can)\b.*$", "", text)
    text = regex.sub(r"(?i)(?:\s+(?:in|of|with|for|and|or|at|on|to))+$", "", text).strip(" ,")
    # what is done about the condition is not the condition: "[Improving] X", "smoking
    # [cessation]", "chlamydia [testing]"
    text = regex.sub(r"(?i)^(?:improving|reducing|preventing|treating|managing|controlling)\s+(?=\w)", "", text)
    text = regex.sub(r"(?i)(?<=\w)\s+(?:cessation|testing|screening|enrolled|included)$", "", text)
    return text or None


_BODY_PEOPLE_OF = compile_regex(
    rf"(?i)\b{PEOPLE}\s+(?:undergoing|requiring|scheduled\s+for|operated\s+(?:on\s+)?for|at\s+(?:high\s+)?risk\s+(?:of|for))\s+(?P<c>[^.;:()\[\]\n]{{3,120}})"
)
_BODY_X_PEOPLE = compile_regex(
    rf"(?i)(?:\b(?:in|for|among|of|involving|including|enrolling)\s+|(?<![\w.,]){COUNT}\s+)(?P<c>(?:[\w'\u2019/-]+\s+){{1,6}}?){PEOPLE}\b"
)


def _body_conditions(doc: Doc, start: int) -> list[tuple[int, str]]:
    """(offset, condition) of the abstract's "patients with X", then "patients undergoing
    X", then "in X patients" / "N X patients", each in reading order."""
    # a line wrapped inside a phrase ("glaucoma\nor ocular hypertension") and an abbreviation in
    # brackets after its long form ("glaucoma (POAG) or ...") do not end the condition (both
    # replaced by as many spaces, so offsets stay)
    text = regex.sub(r"(?<=\S)\n(?=[a-z])", " ", doc.text)
    text = regex.sub(r"(?<=[a-z])\s*\([A-Z]{2,6}\)(?=\s+(?:or|and)\s+[a-z])", lambda m: " " * len(m.group()), text)
    found: list[tuple[int, int, str]] = []

    def add(rank: int, m: regex.Match, c: str | None) -> None:
        if c and regex.fullmatch(r"[A-Z][A-Z0-9]{1,6}", c):
            long = _long_form(c, doc.text)  # "patients with SAP": the disease the text spells out
            if long and (_disease_like(long) or _disease_like(c)):
                found.append((rank, m.start(), long))
                return
        if c and _disease_like(c):
            found.append((rank, m.start(), _as_in_text(c, text, doc.text, m.start("c"))))

    for m in _CONDITION_RE.finditer(text, start):
        add(0, m, _clean_condition(m["c"]))
    for m in _BODY_PEOPLE_OF.finditer(text, start):
        add(1, m, _clean_title_condition(m["c"]))
    for m in _BODY_X_PEOPLE.finditer(text, start, overlapped=True):
        c = _clean_title_condition(regex.sub(rf"(?i)^{COUNT}\s+(?=\S)", "", norm_space(m["c"])))  # "in eight type 1 diabetic patients"
        if c and not _CONDITION_BAD.match(c) and not regex.match(r"\d|(?i)non[\s-]?\w+$", c):
            if _ADJECTIVE_END.search(c):
                c += " " + m.group().split()[-1]  # "type 2 diabetic patients": the adjective keeps its noun
            add(2, m, c)
    for m in _TREATMENT_OF.finditer(text, start):
        add(3, m, _clean_condition(m["c"]))
    return [(pos, c) for _, pos, c in sorted(found)]


def _as_in_text(found: str, masked: str, text: str, start: int) -> str:
    """``found`` (read from ``masked``, where an abbreviation in brackets inside a list of
    conditions was blanked) as the text writes it from ``start`` on: the brackets stay where
    they were ("glaucoma (POAG) or ocular hypertension (OH)"), with one closing the list when
    the list has them inside."""
    words = found.split()
    # a pattern made from this document's words: regex's own in-process cache, never the
    # persistent compile cache (which would grow with every document read)
    m = regex.compile(r"\s+".join(regex.escape(w) for w in words), regex.IGNORECASE).search(masked, start, start + 4 * len(found) + 200)
    if m is None:
        return found
    end = m.end()
    if "(" in text[m.start() : end]:
        after = regex.match(r"\s*\([A-Z][\w/-]{1,7}\)", text[end:])
        if after:
            end += after.end()
    return norm_space(text[m.start() : end])


#: "... for the treatment of acute mania", "in the treatment of X": the disease treated.
_TREATMENT_OF = compile_regex(r"(?i)\b(?:for|in)\s+(?:the\s+)?treatment\s+of\s+(?P<c>[^.;:()\[\]\n]{3,120})")


def _condition_as_written(doc: Doc) -> str | None:
    title, body_start = _title_and_end(doc)
    body = _body_conditions(doc, body_start)
    if title:
        found = _condition_from_title(title)
        if found:
            # the abstract's fuller name of the title's condition ("HBeAg-positive chronic hepatitis B")
            for _, c in body[:1]:
                if _norm(c).endswith(_norm(found)) and len(c) > len(found):
                    extra = _norm(c)[: len(_norm(c)) - len(_norm(found))].split()
                    if len(extra) <= 3 and not any(w in ("of", "for", "in", "with", "to", "and", "or") for w in extra):
                        return c  # "[HBeAg-positive] chronic hepatitis B", not "undergone primary surgery for [X]"
            return found
        if regex.search(r"(?i)\bhealthy\b", title):
            return None  # a study of healthy volunteers
        for m in _TREATMENT_OF.finditer(title):
            c = _clean_condition(m["c"])
            if c and _disease_like(c):
                return c
    if body:
        return body[0][1]
    if title and not regex.search(r"(?i)\bhealthy\b", title):
        found = _condition_from_title(title, _TITLE_ON)
        if found:
            return found
    return _aim_condition(doc, body_start)


#: The sentence that states what a trial is for ("PURPOSE: To compare A and B in X", "The aim
#: was to ..."): read like a title when the text has none that names a condition.
_AIM_SENTENCE = compile_regex(
    r"(?i)\b(?:purpose|aims?|objectives?|goal)\b|^\s*(?:[A-Z ]+:\s*)?to\s+(?:compare|evaluate|determine|assess|investigate|examine|study|test)\b"
    r"|\b(?:sought|aimed|designed|intended|set\s+out)\s+to\s+(?:compare|evaluate|determine|assess|investigate|examine|study|test|explore)\b"
)


def _aim_condition(doc: Doc, start: int) -> str | None:
    for s_start, s_end in doc.full_sentences():
        if s_end <= start:
            continue
        sentence = doc.text[s_start:s_end]
        if _AIM_SENTENCE.search(sentence):
            found = _condition_from_title(norm_space(sentence))
            if found and found.count("(") == 1:
                found = regex.sub(r"\s*\([A-Z][\w/-]{1,7}\)$", "", found)  # one disease: without its abbreviation
            return found
    return None


def _norm(text: str) -> str:
    return " ".join(regex.sub(r"[\u2010-\u2015-]", " ", text.lower()).split())


def _title(doc: Doc) -> str | None:
    return _title_and_end(doc)[0]


def _title_and_end(doc: Doc) -> tuple[str | None, int]:
    """The title (its lines joined) and where the text after it starts (0 without one)."""
    m = regex.search(r"(?m)^\s*TITLE[:.]?\s*\n?\s*(?P<t>[^\n]+(?:\n[^\S\n]*\S[^\n]*)*)", doc.text)
    if m:
        return norm_space(m["t"]), m.end()  # a title broken over lines is one title
    title = doc.meta.get("title")
    if isinstance(title, str):
        at = doc.text.find(title)
        return title, at + len(title) if at >= 0 else 0
    m = _FIRST_LINE_TITLE.match(doc.text)
    if m:  # plain text whose first line is the title (no "TITLE:" label, no metadata)
        return norm_space(m["t"]), m.end("t")
    return None, 0


#: A first line that reads as a title: not a sentence (no final full stop), not a section
#: heading ("BACKGROUND:"), with a line after it that starts anew (a capital: a line wrapped
#: inside a sentence goes on in lower case).
_FIRST_LINE_TITLE = compile_regex(
    r"^\s*(?!(?i:abstract|background|introduction|objectives?|aims?|purpose|methods?|results?|conclusions?|context)\b)"
    r"(?P<t>[^\n]{20,300}?[^.\s:,;])[^\S\n]*\n\s*[A-Z]"
)


# --- country -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[regex.Pattern, str, bool], ...]:
    """(pattern, country, is a demonym) per name, alias and demonym; the name is group "c"."""
    out = []
    for row in read_jsonl_resource("countries.jsonl"):
        names = [row["name"], *row.get("aliases", [])]
        for name in names:
            escaped = regex.escape(name)
            if len(name.replace(".", "")) <= 3 and name.upper() == name:
                # "UK", "USA": only where a place is named ("in the UK", "Bristol, UK")
                pattern = rf"(?:\bin\s+(?:the\s+)?|,\s*|\(\s*)(?P<c>(?-i:{escaped}))(?![\w.])"
            else:
                pattern = rf"(?<![\w-])(?P<c>{escaped})(?![\w-])"
            out.append((compile_regex(pattern, regex.IGNORECASE if name.upper() != name else 0), row["name"], False))
        for demonym in row.get("demonyms", []):
            out.append(
                (
                    compile_regex(
                        rf"(?<![\w-])(?P<c>{regex.escape(demonym)})\s+(?:[\w-]+\s+){{0,3}}?(?:{PEOPLE}|population|cohort|hospitals?|centers?|centres?|sites?)\b"
                    ),
                    row["name"],
                    True,
                )
            )
    return tuple(out)


#: A country inside a registry's name ("Australian New Zealand Clinical Trials Registry",
#: "Netherlands Trial Register"): where the trial was registered, not where it ran.
_REGISTRY_AFTER = compile_regex(r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:trials?\s+)?regist(?:ry|er)\b")
#: What joins the countries of a list ("Kenya, South Africa, Swaziland, and Zambia").
_COUNTRY_JOIN = compile_regex(r"(?i)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def country(doc: Doc) -> str | None:
    """Where the trial ran: the first country named in the text ("conducted in Germany",
    "Bristol, UK", "Egyptian patients"), by its name in ``patterns/countries.jsonl``; a list of
    countries named together ("in Australia and New Zealand") as written."""
    found: dict[int, tuple[int, str, bool]] = {}  # start -> (end, name, demonym), the longest at a start
    for pattern, name, demonym in _country_patterns():
        for m in pattern.finditer(doc.text):
            start, end = m.span("c")
            if _REGISTRY_AFTER.match(doc.text, end):
                continue
            if start not in found or end > found[start][0]:
                found[start] = (end, name, demonym)
    if not found:
        return None
    first = min(found)
    end, name, demonym = found[first]
    names = {name}
    while not demonym:  # the countries listed after the first ("Bangladeshi and Pakistani men": no list)
        join = _COUNTRY_JOIN.match(doc.text, end)
        nxt = found.get(join.end()) if join else None
        if nxt is None or nxt[1] in names or nxt[2]:
            break
        end = nxt[0]
        names.add(nxt[1])
    if len(names) == 1:
        return name
    return norm_space(doc.text[first:end])


# --- follow-up -----------------------------------------------------------------------------

ELIGIBILITY_CUE = compile_regex(
    r"(?i)\binclusion\b|\bexclusion\b|\beligib|\bcriteri|\bexcluded\b|\bwere included\b(?! in the (?:final )?analys)|\bhistory of\b"
    r"|\bprior to (?:enrol|inclusion|randomi)|\bbefore (?:enrol|inclusion|randomi)|\bduration of (?:diabetes|disease)"
)


#: The time between crossover periods ("a 2-week washout", "at least 1 week apart", "washout
#: period of 3 weeks", "separated by 7 days").
_GAP_AFTER = compile_regex(r"(?i)[\s-]*(?:\)\s*)?(?:(?:drug|treatment)[\s-]+)?(?:wash[\s-]?out|apart\b|interval\s+between)")
_GAP_BEFORE = compile_regex(r"(?i)(?:wash[\s-]?out(?:\s+(?:period|interval|phase))?(?:\s+(?:of|lasting))?|separated\s+by(?:\s+an?)?|interval\s+of)\s*(?:at\s+least\s+)?$")


def follow_up_days(doc: Doc, until: int | None = None) -> float | None:
    """The longest follow-up or assessment time point in days (eligibility windows and times
    shorter than an hour left out); ``until``: of the time points written before that offset."""
    best: float | None = None
    for span in doc.by_label.get(schema.TIME_POINT, []):
        if until is not None and span["start"] >= until:
            break
        attrs = span.get("attrs") or {}
        if attrs.get("hypothetical") is True:
            continue
        if ELIGIBILITY_CUE.search(doc.sentence_text(doc.sentence_of(span["start"]))):
            continue
        if _GAP_AFTER.match(doc.text, span["end"]) or _GAP_BEFORE.search(doc.text[max(0, span["start"] - 40) : span["start"]]):
            continue  # a washout or the gap between crossover periods, not a time of assessment
        for day in attrs.get("days") or []:
            if not isinstance(day, (int, float)) or isinstance(day, bool) or day < 1 / 24:
                continue  # baseline, or minutes timing a procedure ("5 min before reperfusion")
            if best is None or day > best:
                best = float(day)
    return best


# --- adverse events ------------------------------------------------------------------------

_AE_SENTENCE = compile_regex(
    r"(?i)\badverse (?:events?|effects?|reactions?)\b|\bside[\s-]effects?\b|\bcomplications?\b|\btoxicit"
)
_NO_SERIOUS = compile_regex(
    r"(?i)\b(?:no|without|neither)\b[^.;]{0,40}\b(?:serious|severe|major)\b[^.;]{0,20}\b(?:adverse|side|complication|event)"
    r"|\b(?:serious|severe|major) (?:adverse (?:events?|effects?|reactions?)|complications?|side[\s-]effects?)\b[^.;]{0,30}\b(?:were not|was not|did not|none)\b"
    r"|\bno (?:treatment|procedure)[\s-]related (?:serious )?adverse"
)
_SERIOUS = compile_regex(
    r"(?i)(?<!\bno\s)(?<!\bwithout\s)\b(?:serious|severe|major) (?:adverse (?:events?|effects?|reactions?)|complications?)\b[^.;]{0,40}\b(?:occurred|were (?:observed|reported|noted)|developed|in \d)"
)
_AE_LIST = compile_regex(
    r"(?i)(?:adverse (?:events?|effects?|reactions?)|side[\s-]effects?|complications?)\s+(?:(?<=(?:most|more) (?:common|frequent)[^.;]{0,30})(?:were|was)|included|including|such as|consisted of|were mainly|were mostly|:)\s*"
    r"(?:(?:mild|transient|self-limiting|minor|common|the most common)\s+)*(?P<list>[^.;]{3,200})"
)
_AE_SEEN = compile_regex(
    r"(?i)(?:^|[;,:]\s*|\b(?:and|but|while|whereas)\s+)(?P<list>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*(?:\s*(?:,|and|or)\s*(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)*)\s+"
    r"(?:was|were)\s+(?:observed|reported|noted|seen|recorded|found|the most common)\b"
)
_AE_NOT_ITEM = compile_regex(
    r"(?i)^(?:no|none|not|similar|observed|reported|rare|mild|common|frequent|the|a|an|any|all|significant|there|these|this|it|they|which|that"
    r"|adverse|side|serious|severe|complications?|events?|effects?|reactions?|toxicity|patients?|differences?"
    r"|also|noted|recorded|observed|seen|found|documented|transient|well|generally|uncommon|more|less|higher|lower|clinically"
    r"|comparable|statistically|reversible|in|at|for|on|during|after|within|both|each|two|three|one)\b"
)
_AE_ITEM_STOP = compile_regex(r"(?i)\b(?:which|that|in\s+\d|in\s+the|in\s+(?:group|arm)s?\b|after|during|were|was|and\s+resolved|resolved|without|with\s+no)\b|\(|\d")


#: Names of adverse events a trial reports without calling them so ("more conjunctival
#: hyperemia with X", "hypercalcemia occurred in 21%"), with the words before them that are
#: part of the name (site, kind: "ocular", "nocturnal", "urinary tract"); severity words
#: ("mild", "grade 3") are not. Pain, infection and reactions only with such a word.
_AE_HEAD = (
    r"hypoglyc(?:a)?emi(?:a|c\s+events?)|hyperkal(?:a)?emia|hypercalc(?:a)?emia|hypokal(?:a)?emia|hyponatr(?:a)?emia"
    r"|hyperbilirubin(?:a)?emia|hyper(?:a)?emia|fever|pyrexia|diarrh(?:o)?ea|nausea|vomiting|headaches?|fatigue|myalgia"
    r"|arthralgia|neutropenia|an(?:a)?emia|thrombocytopenia|leukopenia|hypotension|bradycardia|tachycardia"
    r"|hypersensitivity|mucositis|myelotoxicity|(?:h(?:a)?ematological\s+|non-h(?:a)?ematological\s+|cardiovascular\s+|hepatic\s+|renal\s+)toxicity"
    r"|stinging|burning|redness|irritation|discomfort|itching|pruritus|rash|conjunctivitis|(?:o)?edema|swelling|dizziness"
    r"|somnolence|constipation|rebleeding|h(?:a)?ematoma|pneumothorax|taste\s+perversion|bitter\s+taste|thrombotic\s+events"
    r"|blurred\s+vision|dry\s+mouth|drug\s+intolerance|skin\s+reactions?|iris\s+colou?r\s+change|vision\s+change"
)
_AE_SITE = (
    r"(?:ocular|conjunctival|eye|skin|genital|urinary\s+tract|respiratory(?:\s+tract)?|nocturnal|confirmed|severe|symptomatic"
    r"|allergic|injection[\s-]site|postoperative|wound|abdominal|chest|gastrointestinal)"
)
_AE_NEEDS_SITE = r"(?:pain|infections?|reactions?)"
_AE_TERM = compile_regex(
    rf"(?i)(?<![\w-])(?:(?P<site>{_AE_SITE}(?:\s+{_AE_SITE})?)\s+)?(?P<head>{_AE_HEAD})(?![\w-])"
    rf"|(?<![\w-])(?P<site2>{_AE_SITE})\s+(?P<head2>{_AE_NEEDS_SITE})(?![\w-])"
)
#: A sentence reporting events that happened (not a definition, a criterion or a background).
_AE_OCCURRED = compile_regex(
    r"(?i)\boccur|\breported\b|\bobserved\b|\bexperienc|\bincidences?\b|\brates?\s+of\b|\bevents?\s+of\b|\bmore\b|\bless\b"
    r"|\bfewer\b|\bhad\s+(?:a|an)\b|\bsuffered\b|\bdeveloped\b|\bdocumented\b|\bnoted\b|\brecorded\b|\badverse\b"
    r"|\bside[\s-]effects?\b|\btolera|\bdiscontinu|\bwithdr[ae]w|\bcases?\s+(?:of\b|>)|\bepisodes?\s+of\b|\bmost\s+(?:common|frequent|often)"
    r"|\btoxicit|\b(?:was|were)\s+(?:found|seen)\b(?!\s+(?:to|that|between|in\s+the\s+(?:level|concentration)))"
)
_AE_NOT_OCCURRED = compile_regex(
    r"(?i)\b(?:history|risk|prevention|treatment|management|symptoms?|scores?|scales?|severity|relief|intensity)\s+of\s+$"
    r"|\b(?:without|no|prevent(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|treat(?:s|ed|ing)?|for)\s+(?:\w+\s+){0,2}$"
)


def _occurred_events(doc: Doc, arms: list[Any] | None) -> list[str]:
    """Adverse events named as having happened in a sentence of the results (see ``_AE_HEAD``),
    not those reported only for a control arm (the summary records the treated arms' events)."""
    out: list[str] = []
    aims = _ae_aims(doc)
    for start, end in doc.full_sentences()[1:]:
        sentence = doc.text[start:end]
        if not _AE_OCCURRED.search(sentence) or regex.search(
                r"(?i)\b(?:aim|objective|purpose|hypothesi[sz]|primary\s+(?:end\s*point|outcome)|will\s+be|were\s+(?:assessed|measured|compared|recorded\s+as)"
                r"|(?:was|were)\s+assessed\s+(?:with|by)|defined\s+as)\b", sentence):
            continue
        for m in _AE_TERM.finditer(sentence):
            left = max(sentence.rfind(";", 0, m.start()), sentence.rfind(",", 0, m.start())) + 1
            right = min([i for i in (sentence.find(";", m.end()), sentence.find(",", m.end())) if i >= 0], default=len(sentence))
            if _AE_NOT_OCCURRED.search(sentence[: m.start()][-40:]) or ELIGIBILITY_CUE.search(sentence[left:right]):
                continue
            if regex.match(r"(?i)\s+(?:scores?|scales?|levels?|relief|threshold|intensity)\b", sentence[m.end() :]):
                continue  # "pain scores", "redness score": a measure, not an event
            if _ae_key(m["head"] or m["head2"]) in aims:
                continue  # what the trial treats, prevents or measures ("incidence of diarrhea" in the title)
            if arms and _control_only(doc, arms, start + m.start()):
                continue
            site = m["site"] or m["site2"] or ""
            head = m["head"] or m["head2"]
            if not regex.match(r"(?i)hypoglyc", head):  # "severe hypoglycaemia" is a kind of event; "severe rash" is not
                site = regex.sub(r"(?i)^(?:severe|confirmed|symptomatic)(?:\s+|$)", "", site)
            item = norm_space(f"{site} {head}")
            if item.lower() not in (e.lower() for e in out):
                out.append(item)
    return out


def _ae_key(head: str) -> str:
    """"Hypoglycaemia" and "hypoglycemia" alike."""
    return regex.sub(r"(?<=[a-z])[ao]e", "e", norm_space(head).lower())


def _ae_aims(doc: Doc) -> set[str]:
    """Event names the trial is about rather than events it caused: written in the title, or
    after "preventing", "reduce", "treatment of" ("the aim of preventing anemia")."""
    title, _ = _title_and_end(doc)
    found = {_ae_key(m["head"] or m["head2"]) for m in _AE_TERM.finditer(title or doc.sentence_text(0) if doc.sentences else "")}
    for m in _AE_TERM.finditer(doc.text):
        if regex.search(r"(?i)\b(?:prevent(?:ing|ion)?|prophylaxis|treatment|treating|to\s+reduce|avoid(?:ing|ance)?|development|at\s+risk)\s+(?:of\s+|against\s+|for\s+)?(?:the\s+)?(?:[\w-]+\s+){0,1}$",
                        doc.text[max(0, m.start() - 60) : m.start()]):
            found.add(_ae_key(m["head"] or m["head2"]))
    return found


def _control_only(doc: Doc, arms: list[Any], offset: int) -> bool:
    """Whether the event at ``offset`` is reported for a control arm: the arm named nearest
    before it in its clause (else first after it) is a control."""
    a, b = doc.clause(offset)
    refs = sorted((s, arm) for arm in arms for s, _ in arm.refs if a <= s < b)
    if not refs:
        return False
    before = [arm for s, arm in refs if s < offset]
    if before:
        return before[-1].role == "control"
    first, owner = refs[0]
    if regex.search(r"(?i)\band\b|[;,]|\bwhereas\b|\bwhile\b|\bcompared\b|\bthan\b|\bvs\b|\bversus\b", doc.text[offset:first]):
        return False  # "in 12% of X patients and 5% of placebo patients": not the placebo arm's alone
    return owner.role == "control"


def adverse_events(doc: Doc, arms: list[Any] | None = None) -> dict[str, Any] | None:
    """``{"events": [...as written], "serious": bool|None}`` from the adverse-event sentences
    and events named as having happened; ``None`` when the text reports none of it."""
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
            if regex.search(r"(?i)\b(?:were|was)\s+(?:recorded|assessed|measured|evaluated|compared)\b", sentence) and not regex.search(r"(?i)\bin\s+\d", sentence):
                continue  # "..., complications, pain score ... were recorded": what was measured
            for item in regex.split(r",|(?<!-\s)\band\b|(?<!-\s)\bor\b|/", chunk):
                item = norm_space(item).strip(" ,:-")
                if not item or _AE_NOT_ITEM.match(item):
                    continue
                item = regex.sub(r"(?i)^(?:(?:whereas|while|but|multiple|several|some|many|other)\s+)+", "", item)
                if len(item.split()) <= 5 and item.lower() not in (e.lower() for e in events):
                    events.append(item)
    for item in _occurred_events(doc, arms):
        shorter = [i for i, e in enumerate(events) if e.lower() in item.lower()]
        if shorter:  # "burning" from a list, "eye burning" as the event is named elsewhere
            events[shorter[0]] = item
        elif not any(item.lower() in e.lower() for e in events):
            events.append(item)
    if arms:  # "serious adverse events: G-CSF 15 (37.5%) of 40 versus placebo 7": an arm, no event
        names = {norm_space(doc.text[a:b]).lower() for arm in arms for a, b in arm.refs}
        names |= {norm_space(arm.label).lower() for arm in arms if arm.label}
        events = [e for e in events if e.lower() not in names]
    if not found and not events:
        return None
    return {"events": events, "serious": serious}
