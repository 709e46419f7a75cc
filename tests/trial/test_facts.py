"""celltx.trial.facts: design, N, condition, country, follow-up, adverse events."""

from __future__ import annotations

import pytest

from celltx.trial import facts
from celltx.trial.text import Doc

from .helpers import days, record


def doc(text: str, spans=()) -> Doc:
    return Doc.from_record(record(text, list(spans)))


@pytest.mark.parametrize(
    ("text", "arms", "design"),
    [
        ("Patients were randomized to MSCs or placebo.", 2, "rct"),
        ("Eighty patients will be randomised to early or late infusion.", 2, "protocol"),
        ("In this non-randomized controlled study, 40 patients received cells.", 2, "non_randomized_controlled"),
        ("A single-arm, open-label study of MSC infusion.", 1, "single_arm"),
        ("We report a case series of three children.", 1, "case_series"),
        ("The MSC group was compared with a control group.", 2, "non_randomized_controlled"),
        ("Albumin improved.", 0, None),
        ("A randomized, double-blind, cross-over study of drug Q.", 2, "rct"),
        ("We randomized 68 adults to drug Q or placebo.", 2, "rct"),
        ("The subjects were divided randomly into four groups.", 4, "rct"),
        ("This prospective randomized protocol used three dosing methods.", 3, "rct"),
        ("TITLE: Drug Q in asthma: protocol for randomised controlled home trial", 2, "protocol"),
        ("Is a priming dose necessary in a low-dose insulin protocol for the treatment of ketoacidosis?", 2,
         "non_randomized_controlled"),
        # randomisation written other ways
        ("Thirty subjects were randomly divided into an experimental group and a control group.", 2, "rct"),
        ("Patients were divided into intervention and control groups, randomly.", 2, "rct"),
        ("Groups were formed by computerized random allotment.", 2, "rct"),
        ("A randomized, single-masked (participant), short-term clinical trial.", 2, "rct"),
        ("The PURSUIT trial randomised 10,948 patients to drug Q or placebo.", 2, "rct"),
        ("Further evidence from a randomized experiment in an election.", 2, "rct"),
        # a randomised trial called for, not run
        ("Drug Q was compared with usual care. Larger scale, prospective randomised control studies are needed.", 2,
         "non_randomized_controlled"),
        # a protocol by its section heading or its future tense
        ("ABSTRACT.METHODS/DESIGN: A two-arm trial of drug Q against placebo.", 2, "protocol"),
        ("Outcomes will be assessed at 6 months in both arms.", 2, "protocol"),
    ],
)
def test_design(text, arms, design):
    assert facts.design(doc(text), arms) == design


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("A total of 26 patients were enrolled. Of these, 23 patients received cells.", 26),
        ("Twenty-nine children 2 to 6 years of age participated in this trial.", 29),
        ("A total of 124 patients were initially evaluated. 62 patients were randomized into 2 groups.", 62),
        ("We enrolled 40 patients with cirrhosis.", 40),
        ("Participants with cirrhosis (n = 120) were studied.", 120),
        ("Albumin rose in 12 of 20 patients.", None),
        # a total stated other ways
        ("We considered 84 patients (42 for each group).", 84),
        ("Of 210 eligible participants, 190 completed the study.", 210),
        ("Of 133 subjects randomized, 127 completed the study.", 133),
        ("Data of 67 patients included in the study were analyzed, of which 33 were in group A.", 67),
        ("A randomized study was conducted in 32 healthy male volunteers.", 32),
        ("This was an animal study. We included 21 Wistar rats who were randomly assigned.", 21),
        ("Participants: 138 preterm babies who develop hyperglycaemia.", 138),
        ("A total number of one hundred and sixty (160) patients were randomized into two groups.", 160),
        ("One thousand two hundred eighty-four patients were enrolled; 658 were assigned to A.", 1284),
        ("Thirty-four recreationally active, adult females were recruited.", 34),
        ("METHODS: Forty-seven patients with glaucoma were consecutively\nrandomized to drug A or placebo.", 47),
        # not the enrolled: a planned number, one arm, completers, parts, a genotype
        ("Although 3000 patients were targeted, 1578 patients were recruited and randomized.", 1578),
        ("In this study, 87 patients were randomized to the intervention and 90 to the control group.", None),
        # completers or a planned size count only when no other total is written (D54)
        ("Forty-two patients completed the study.", 42),
        ("Of 50 patients recruited, 42 patients completed the study.", 50),
        ("We aim to recruit 60 adult patients. 1200 patients will be needed for a larger trial.", 60),
        ("Surgery was performed in 89 females and 36 males.", None),
        ("Drug Q was given to genotype 4 patients who were enrolled.", None),
        ("Children aged 6 to 52 months (n = 336) were randomly assigned; 331 children completed the study.", 336),
        ("38 eyes of 38 patients were treated with A while 111 eyes of 111 patients underwent B.", None),
        # arm sizes in brackets, one after another, are no total; a total in brackets after its people is
        ("Patients were randomized to drug A (N = 197) or drug B (N = 103).", None),
        ("Patients were allocated to education (102 patients) or control (109 patients).", None),
        ("Smokers (n = 1071) were randomized to product A (n = 418) or B (n = 653).", 1071),
        ("The participants (52 elderly patients with hypertension) were randomly divided into two groups.", 52),
        ("Sixty patients were divided randomly into three study groups comprising 20 patients in each.", 60),
        # a sentence opening on its participants, people words beyond patients
        ("RESULTS: From 533 patients randomized, 402 patients completed 24 months of therapy.", 533),
        ("METHODS: The 128 patients were randomly divided to 2 groups.", 128),
        ("This was a clinical trial conducted on 60 male and female patients with acne.", 60),
        ("Foals with lesions (n = 54) were randomly allocated to drug A or B.", 54),
        ("A total of 4198 members of an Internet panel read a text.", 4198),
        # a total whose parts follow ("of whom", or in brackets right after it) is still the total
        ("Ninety patients were enrolled, of whom 45 patients received A, and 45 patients received B.", 90),
        ("In the present study, 131 participants (70 men and 61 women) were randomly assigned to A or B.", 131),
        ("A total of 142 subjects were divided into three groups: 59 subjects with infection (group A); 53 subjects "
         "without (group B); and 30 control subjects (group C).", 142),
        # people who are no patients: caregivers, visitors, users, donors, parents
        ("In a RCT, 251 caregivers, of whom six were lost at baseline, were randomly assigned to A or B.", 251),
        ("Of the 216 visitors enrolled in the study, 75 accepted retesting.", 216),
        # the total named with its parts, or as what the sample consisted of; not an arm's "group consisted of"
        ("It was possible to recruit patients (413; 164 A, 125 B, and 124 C) and retention was high.", 413),
        ("The research group consisted of 27 patients diagnosed with OLP, among which 15 received A.", 27),
        ("The control group consisted of 2593 women who received a reminder letter.", None),
        ("Ten adults (age over 18 years) and 10 children were recruited.", None),
        ("Thirty-five golden Syrian hamsters were randomly divided into a control and two treated groups.", 35),
        # a threshold before the entry verb is no count ("score ≥10 were included")
        ("Eight patients with end-stage liver disease having Model for End-Stage Liver Disease score ≥10 were "
         "included.", 8),
        ("A total of 40 were enrolled.", 40),
        # more people nouns: drivers, GPs, toddlers, animals of veterinary trials
        ("A total of 46 older drivers with a driving licence participated in this study.", 46),
        ("Forty-four GPs were recruited from rural practices.", 44),
        ("Thirty heifers were randomly allocated to two diets.", 30),
        # assessors are not enrolled
        ("Two surgeons assessed all wounds. A total of 124 adult patients were randomized into two groups.", 124),
        # adjectives joined by "and" between the count and its people; "(N = 39;" with more in the brackets
        ("A total of 101 adult intubated and mechanically ventilated patients were included.", 101),
        ("Adults (N = 39; body mass index 39.5 kg/m2) participated in a 12-week programme.", 39),
        # no enrolment sentence: one group of people counted as taking part or studied
        ("Methods. Fourteen healthy long-term lens users completed stair ascent and descent.", 14),
        ("This field trial was conducted on 238 rural residents.", 238),
        ("Thirty patients were given drug A and 40 patients were given drug B.", None),
        ("Among 174 patients free of steroids at week 54, 88% remained so.", None),
    ],
)
def test_n_enrolled(text, n):
    assert facts.n_enrolled(doc(text)) == n


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("We enrolled 40 patients with decompensated liver cirrhosis who had ascites.", "decompensated liver cirrhosis"),
        ("Children with idiopathic autism spectrum disorder (ASD) participated.", "idiopathic autism spectrum disorder"),
        ("TITLE: MSCs for Severe Alcoholic Hepatitis: A Randomized Trial\nABSTRACT: text.", "Severe Alcoholic Hepatitis"),
        ("TITLE: Hepatocyte transplantation in children.\nABSTRACT: text.", None),
        # the title's condition comes before the abstract's
        ("TITLE: Cell therapy for the treatment of chronic foot ulcers in Narnia: a pilot trial\n\n"
         "ABSTRACT: Patients with diabetes were enrolled.", "chronic foot ulcers"),
        ("TITLE: Effects of drug Q on serum markers in patients with mild renal failure\n\nABSTRACT: text.",
         "mild renal failure"),
        ("TITLE: Drug Q lowers lipids in hyperlipidemic patients: a randomized trial\n\nABSTRACT: x.",
         "hyperlipidemic patients"),
        ("TITLE: Comparison of two protocols in the management of steroid-induced hyperglycemia among inpatients"
         "\n\nABSTRACT: x.", "steroid-induced hyperglycemia"),
        ("TITLE: Drug Q in cirrhotic ascites patients: a randomized study\n\nABSTRACT: text.", "cirrhotic ascites"),
        ("TITLE: Drug Q in critically ill patients\n\nABSTRACT: text.", "critically ill patients"),
        ("TITLE: Drug Q in a rat model of type 9 diabetes\n\nABSTRACT: text.", "type 9 diabetes"),
        ("TITLE: Drug Q in Acute Lung Injury (ALI): results\n\nABSTRACT: text.", "Acute Lung Injury (ALI)"),
        ("TITLE: Drug Q in Acute Lung Injury (QUOKKA): results\n\nABSTRACT: text.", "Acute Lung Injury"),
        ("TITLE: Drug Q for the treatment of dyslipidemia in patients with coronary artery disease: follow-up\n\nABSTRACT: x.",
         "dyslipidemia in patients with coronary artery disease"),
        ("TITLE: Drug Q in the management of patients with chronic hepatitis Z\n\nABSTRACT: x.", "chronic hepatitis Z"),
        ("TITLE: Drug Q for Tropical Hepatitis in Narnia\n\nABSTRACT: x.", "Tropical Hepatitis"),
        # a title broken over two lines is read as one
        ("TITLE: Vascular function in subjects with type 9\ndiabetes using drug Q\n\nABSTRACT: x.", "type 9 diabetes"),
        # a title about healthy volunteers names no condition, whatever the background says
        ("TITLE: Kinetics of drug Q in healthy volunteers\n\nABSTRACT: Q is used in patients with asthma.", None),
        # the abstract's fuller name of the title's condition
        ("TITLE: Vaccine Q in Chronic Hepatitis Z Patients\n\nABSTRACT: Sixty HBeAg-positive chronic hepatitis Z"
         " patients were immunized.", "HBeAg-positive chronic hepatitis Z"),
        # without a title: "patients undergoing X", "in X patients"
        ("The study included non-diabetic patients undergoing coronary artery bypass grafting.",
         "coronary artery bypass grafting"),
        ("We compared two drops in open-angle glaucoma patients.", "open-angle glaucoma"),
        ("Patients with type 9 diabetes than in controls.", "type 9 diabetes"),
        # a line wrapped inside the phrase, an abbreviation in brackets before "or": one condition,
        # copied with its brackets as written (D57)
        ("Drops were given to patients with angle glaucoma\nor raised eye pressure currently on drug Q.",
         "angle glaucoma or raised eye pressure"),
        ("Drops were given to patients with angle glaucoma (AG) or ocular hypertension (OH).",
         "angle glaucoma (AG) or ocular hypertension (OH)"),
        # one disease with its abbreviation: the shortest phrase, without the brackets
        ("Drops were given to patients with angle glaucoma (AG) during the trial.", "angle glaucoma"),
        # an adjective keeps its people noun, as written; a noun drops it; no count of people
        ("Drops were compared in angle glaucoma and ocular hypertensive patients.",
         "angle glaucoma and ocular hypertensive patients"),
        ("A device was tested in a clinic in six type 9 diabetic patients.", "type 9 diabetic patients"),
        ("A device was tested in a clinic in six chronic hepatitis Z patients.", "chronic hepatitis Z"),
        # not the diagnosis words, a verb after the disease, a dangling preposition; a curly
        # apostrophe stays as written
        ("Thirty patients with a confirmed diagnosis of plaque psoriasis were enrolled.", "plaque psoriasis"),
        ("Many patients with chronic hepatitis use herbal remedies.", "chronic hepatitis"),
        ("TITLE: Drug Q in Patients with Mild Smith\u2019s Syndrome\n\nABSTRACT: x.", "Mild Smith\u2019s Syndrome"),
        # how the patients stand is not the disease: before it or after it
        ("Forty patients with stable angle glaucoma were enrolled.", "angle glaucoma"),
        ("Adults with angle glaucoma inadequately controlled on drug Q were randomized.", "angle glaucoma"),
        ("Adults with angle glaucoma and IOP controlled on drug Q were randomized.", "angle glaucoma"),
        ("TITLE: Drug Q in patients with acute wheezing asthma showing no response to drug P\n\nABSTRACT: x.",
         "acute wheezing asthma"),
        ("Adults with renal colic pain referring to the clinic were randomized.", "renal colic pain"),
        ("We randomized adults with scan-diagnosed adhesive bowel obstruction to surgery or drug Q.",
         "adhesive bowel obstruction"),
        ("TITLE: Drug Q in patients with subclinical inflammation: a randomized trial\n\nABSTRACT: x.",
         "subclinical inflammation"),
        # more disease words: arrest, acne, deafness, migraine, -cele, fistula, hyper-...-ness, -asis
        ("TITLE: Drug Q for sudden deafness refractory to drug P\n\nABSTRACT: x.", "sudden deafness"),
        ("TITLE: Device Q for out-of-hospital cardiac arrest in Narnia\n\nABSTRACT: x.", "out-of-hospital cardiac arrest"),
        ("TITLE: Drug Q as a provocation test for airway hyperresponsiveness: a phase 3 study\n\nABSTRACT: x.",
         "airway hyperresponsiveness"),
        # the disease inside a phrase that starts with something else
        ("TITLE: Plasma in Pump Priming for Congenital Heart Surgery: effects\n\nABSTRACT: x.", "Congenital Heart Surgery"),
        ("TITLE: Drug Q in the first-line therapy of ovarian cancer: a randomized phase III trial\n\nABSTRACT: x.",
         "ovarian cancer"),
        ("TITLE: Drug Q in the Treatment of Indian Patients of Schizophrenia.\n\nABSTRACT: x.", "Schizophrenia"),
        ("TITLE: Drug Q for postoperative delayed union of long-bone fractures\n\nABSTRACT: x.",
         "postoperative delayed union of long-bone fractures"),
        # disease words beyond the common endings
        ("TITLE: Drug Q for drug-induced xerostomia: a randomized trial\n\nABSTRACT: x.", "drug-induced xerostomia"),
        ("TITLE: Drug Q in patients with oral lichen planus\n\nABSTRACT: x.", "oral lichen planus"),
        # what is done about the condition is not the condition
        ("TITLE: Efficacy of drug Q in Improving Radiotherapy-induced Xerostomia\n\nABSTRACT: x.",
         "Radiotherapy-induced Xerostomia"),
        ("TITLE: A text message programme for smoking cessation: a randomized trial\n\nABSTRACT: x.", "smoking"),
        ("TITLE: Drug Q in symptomatic gallstone disease\n\nABSTRACT: x.", "gallstone disease"),
        # "effect of A on X" is read only when nothing else names a condition
        ("TITLE: Effect of homeopathy on chronic tension-type headache: a randomised trial\n\nABSTRACT: x.",
         "chronic tension-type headache"),
        ("TITLE: Effect of drug Q on cerebral edema\n\nABSTRACT: Patients with cerebral ischemia were enrolled.",
         "cerebral ischemia"),
        # a title's condition ends before the drug, setting or circumstance that follows it
        ("TITLE: Drug Q for Benign Prostatic Hyperplasia with Drug Q: a randomized trial\n\nABSTRACT: x.",
         "Benign Prostatic Hyperplasia"),
        ("TITLE: Drug Q for type 2 diabetes in primary care settings\n\nABSTRACT: x.", "type 2 diabetes"),
        ("TITLE: Drug Q in active rheumatoid arthritis despite methotrexate\n\nABSTRACT: x.", "active rheumatoid arthritis"),
        ("TITLE: Drug Q in Stage III Lung Cancer According to Tumour Size\n\nABSTRACT: x.", "Stage III Lung Cancer"),
        ("TITLE: Drug Q in abdominal sepsis requiring a relaparotomy\n\nABSTRACT: x.", "abdominal sepsis"),
        # ... but not before a condition it qualifies
        ("TITLE: Drug Q for chronic kidney disease with albuminuria\n\nABSTRACT: x.", "chronic kidney disease with albuminuria"),
        ("TITLE: Drug Q for heart failure with preserved ejection fraction\n\nABSTRACT: x.",
         "heart failure with preserved ejection fraction"),
        # conditions named by words beyond the disease endings
        ("TITLE: Drug Q for overactive bladder: a randomized trial\n\nABSTRACT: x.", "overactive bladder"),
        ("TITLE: High-dose versus low-dose drug Q in acute asthmatic attack\n\nABSTRACT: x.", "acute asthmatic attack"),
        ("TITLE: Acupuncture in 150 Patients Suffering From Chronic Pains\n\nABSTRACT: x.", "Chronic Pains"),
        ("TITLE: Drug Q for patent ductus arteriosus in preterm infants\n\nABSTRACT: x.", "patent ductus arteriosus"),
        ("TITLE: Device Q for sudden sensorineural hearing loss\n\nABSTRACT: x.", "sudden sensorineural hearing loss"),
    ],
)
def test_condition(text, condition):
    assert facts.condition(doc(text)) == condition


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A single centre (Bristol, UK) trial.", "United Kingdom"),
        ("Egyptian patients with HCV were treated.", "Egypt"),
        # countries listed together, as written; one named twice is one
        ("The trial was conducted in Germany and Austria.", "Germany and Austria"),
        ("Sites in Kenya, South Africa, Swaziland, and Zambia took part.", "Kenya, South Africa, Swaziland, and Zambia"),
        ("Centres in the UK and Ireland.", "UK and Ireland"),
        ("Centres in France and France.", "France"),
        ("Bangladeshi and Pakistani adults took part.", "Bangladesh"),
        # a registry's name is not where the trial ran
        ("Registered at the Australian New Zealand Clinical Trials Registry.", None),
        ("This trial was registered at the Netherlands Trial Register (NTR1).", None),
        # beyond the first seventy names
        ("The trial ran in Zambia.", "Zambia"),
        ("Malawian children were enrolled.", "Malawi"),
        ("Images were analysed with ImageJ/Fiji.", None),
        ("US imaging showed no change.", None),
        ("Chinese medicine was not allowed.", None),
    ],
)
def test_country(text, country):
    assert facts.country(doc(text)) == country


def test_follow_up_is_the_longest_study_time_point_outside_eligibility():
    text = "Patients with diabetes for at least 5 years were included. Outcomes at 12 and 24 weeks."
    d = doc(text, [("TIME_POINT", "5 years", days(1825)), ("TIME_POINT", "12 and 24 weeks", days(84, 168))])
    assert facts.follow_up_days(d) == 168.0
    assert facts.follow_up_days(doc("No times.")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Periods were separated by a 3-week washout. Outcomes at 2 weeks.",
        "Periods were separated by a washout period of 3 weeks. Outcomes at 2 weeks.",
        "Sessions at least 3 weeks apart. Outcomes at 2 weeks.",
        "Sessions were separated by 3 weeks. Outcomes at 2 weeks.",
    ],
)
def test_follow_up_leaves_out_the_gap_between_crossover_periods(text):
    surface = next(t for t in ("3-week", "3 weeks") if t in text)
    d = doc(text, [("TIME_POINT", surface, days(21)), ("TIME_POINT", "2 weeks", days(14))])
    assert facts.follow_up_days(d) == 14.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No serious adverse events occurred; fever was observed in 3 patients.", {"events": ["fever"], "serious": False}),
        ("Adverse events included fever, headache and nausea.", {"events": ["fever", "headache", "nausea"], "serious": None}),
        ("Two serious adverse events occurred in the MSC group.", {"events": [], "serious": True}),
        ("Albumin improved.", None),
    ],
)
def test_adverse_events(text, expected):
    assert facts.adverse_events(doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation inside the phrase is copied as written (D57)
        ("Adults with active rheumatoid arthritis (RA) were screened. Sixty patients with active RA were enrolled.",
         "active rheumatoid arthritis"),
        ("Adults with chronic kidney disease (CKD) were screened. Sixty patients with CKD stage 3 were enrolled.",
         "chronic kidney disease"),
        ("Sixty adults with HIV infection were enrolled.", "HIV infection"),
        # a condition named only by an abbreviation the text defines: the phrase that defines it
        ("Zorbitol may help in severe acute quokkaitis (SAQ). Sixty patients with SAQ were randomized.",
         "severe acute quokkaitis"),
        # not defined: kept
        ("Sixty patients with ESRD were randomized.", "ESRD"),
        ("A trial involving ESRD patients with poor attendance.", "ESRD"),
    ],
)
def test_a_condition_abbreviation_is_copied_as_written(text, expected):
    assert facts.condition(doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # events named as having happened, with the words that say which (not how severe)
        ("Zorbitol for glaucoma. Mild conjunctival hyperemia was seen in 12% of patients.", ["conjunctival hyperemia"]),
        ("Zorbitol in diabetes. Rates of nocturnal hypoglycemia were 30% lower with zorbitol.", ["nocturnal hypoglycemia"]),
        ("Zorbitol in gout. Evidence of urinary tract infection was reported in 9% of patients.", ["urinary tract infection"]),
        # what the trial prevents or treats is no adverse event
        ("Zorbitol to prevent diarrhea in dogs. Diarrhea occurred in 12% of dogs.", []),
        ("Zorbitol in children. The aim was to avoid hypoglycemia. Hypoglycemia occurred in 4 children.", []),
        # a list split at 'or' only between whole words
        ("Zorbitol in surgery. Side effects such as hyper- or hypo-tension were rare.", ["hyper- or hypo-tension"]),
        # background and measured items are not events
        ("Zorbitol in surgery. Blood loss, complications and pain score were recorded.", []),
    ],
)
def test_adverse_events_named_in_the_results(text, expected):
    got = facts.adverse_events(doc(text))
    assert (got or {}).get("events", []) == expected


def test_an_event_reported_for_the_control_arm_only_is_not_the_treated_arms():
    from celltx.trial.summary import summarize

    text = ("Adults were randomized to the zorbitol group or the placebo group. "
            "In the placebo group, dizziness occurred in 8 patients. Nausea was more frequent in the zorbitol group.")
    assert summarize(record(text, []))["adverse_events"]["events"] == ["Nausea"]


def test_an_arm_named_in_an_adverse_event_sentence_is_no_event():
    import celltx

    # before: "G-CSF", the experimental arm, was an adverse event (the spacing is that of a
    # corpus whose text was tokenised before it was shared)
    text = ("Sixty patients were randomized to G-CSF or placebo . G-CSF ( 10 mg/kg ) or placebo was given for 5 days .\n"
            "There were no significant differences between groups in the number of participants with serious adverse "
            "events : G-CSF 15 ( 37.5 % ) of 40 versus placebo 7 ( 35 % ) of 20 , or death at 90 days .")
    trial = celltx.extract(text, trial=True)["trial"]
    assert [a["label"] for a in trial["arms"]] == ["G-CSF", "placebo"]
    assert trial["adverse_events"]["events"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TITLE: Zorbitol versus kalidone in COPD: a randomized trial\nAdults were randomized.", "COPD"),
        ("TITLE: Zorbitol for the treatment of acute mania: a randomized trial\nAdults were randomized.", "acute mania"),
        ("TITLE: Topical zorbitol for the treatment of toxic epidermal necrolysis: study protocol\nAdults will be randomized.",
         "toxic epidermal necrolysis"),
        ("Ninety children with functional constipation were randomized to zorbitol or placebo.", "functional constipation"),
    ],
)
def test_condition_named_by_an_abbreviation_or_after_treatment_of(text, expected):
    assert facts.condition(doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # without a title, the aim sentence says what the trial is about, like a title would
        ("PURPOSE: To compare zorbitol with kalidone in preserving vision in low-pressure glaucoma. "
         "METHODS: Forty eyes were randomized.", "low-pressure glaucoma"),
        ("PURPOSE: To compare zorbitol and kalidone in normal-tension glaucoma (NTG). METHODS: Forty eyes were randomized.",
         "normal-tension glaucoma"),
        # the participants as the methods name them come first
        ("PURPOSE: To compare zorbitol and kalidone in glaucoma. METHODS: Forty patients with angle glaucoma were randomized.",
         "angle glaucoma"),
    ],
)
def test_condition_from_the_aim_sentence_without_a_title(text, expected):
    assert facts.condition(doc(text)) == expected


def test_doses_are_no_disease():
    # "Doses" ends like "stenoses": a title about two doses of a drug names no condition
    text = "TITLE: A Comparative Study of Two Different Doses of Epidural Drug Q with Drug P\n\nABSTRACT: x."
    assert facts.condition(doc(text)) is None


def test_a_condition_with_a_hyphenated_stop_word_inside_is_kept_whole():
    # before: "acute-" (the "on" of "acute-on-chronic" ended the phrase), so no condition
    text = "We evaluated MSC infusion in patients with acute-on-chronic liver failure (ACLF). Sixty patients were randomized."
    assert facts.condition(doc(text)) == "acute-on-chronic liver failure"


def test_a_first_line_without_a_full_stop_is_the_title_of_plain_text():
    # before: plain text had no title unless labelled "TITLE:", so the condition was missed
    text = "Autologous bone marrow cell infusion in alcoholic cirrhosis: a randomized trial\nFifty adults were enrolled."
    assert facts.condition(doc(text)) == "alcoholic cirrhosis"
    # a section heading or a sentence is no title
    assert facts._title_and_end(doc("BACKGROUND: cirrhosis is common\nFifty adults were enrolled."))[0] is None
    assert facts._title_and_end(doc("Cirrhosis is a common disease of the liver.\nFifty adults were enrolled."))[0] is None


def test_a_study_that_sought_to_evaluate_a_treatment_for_a_disease_names_it():
    # before: no condition (only "aim", "objective", "purpose" and "To compare ..." opened an aim)
    text = ("This study sought to evaluate an autologous dendritic cell vaccine for glioblastoma multiforme (GBM). "
            "Patients were randomized into 2 groups.")
    assert facts.condition(doc(text)) == "glioblastoma multiforme"
