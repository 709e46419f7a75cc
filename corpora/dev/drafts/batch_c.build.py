"""Batch c of the dev corpus: texts and hand-chosen spans, written out as a draft.

Every span below was chosen by hand, reading each sentence against the scheme (v1, with its
Clarifications) and eval/DECISIONS.md. This script only turns the hand-written list into the
draft format (span text + ``nth``): each span is written as a short context string in which
the span is marked with [brackets]; the context must occur exactly once in the document, and
the script converts the marked position into the ``nth`` occurrence of the span text (counting
every occurrence, also inside longer words), so no offset or occurrence is counted by hand.
No extractor, NER component or pattern file of the project is used.

    /tmp/v1/bin/python corpora/dev/drafts/batch_c.build.py        # writes batch_c.draft.jsonl
    /tmp/v1/bin/python -m celltx.corpus.authoring corpora/dev/drafts/batch_c.draft.jsonl \
        corpora/dev/batch_c.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTE = "written by the celltx team in its own words from the study's reported facts"


# ---------------------------------------------------------------- attribute helpers
def CT(ctx, cl, source=None, donor=None, **o):
    return ("CELL_TYPE", ctx, {"cl_id": cl, "source": source, "donor": donor}, o)


def DO(ctx, low=None, high=None, unit=None, level=None, **o):
    if high is None and low is not None:
        high = low
    return ("DOSE", ctx, {"low": low, "high": high, "unit": unit, "level": level}, o)


def RT(ctx, route, **o):
    return ("ROUTE", ctx, {"route": route}, o)


def FQ(ctx, count=None, interval=None, **o):
    return ("FREQUENCY", ctx, {"count": count, "interval_days": interval}, o)


def TP(ctx, *days, **o):
    return ("TIME_POINT", ctx, {"days": [float(d) for d in days]}, o)


def LT(ctx, analyte, **o):
    """LAB_TEST; o['key'] names it for VALUE_OF links."""
    return ("LAB_TEST", ctx, {"analyte": analyte}, o)


def LV(ctx, value=None, sd=None, low=None, high=None, comp=None, unit=None, **o):
    """LAB_VALUE; o['of'] is the key of the LAB_TEST it reports."""
    return ("LAB_VALUE", ctx, {"value": value, "sd": sd, "low": low, "high": high,
                               "comparator": comp, "unit": unit}, o)


# Cell Ontology ids (D5; others checked with cellxgene-ontology-guide, see review log)
SC = "CL:0000034"        # stem cell
MSC = "CL:0000134"       # mesenchymal stem cell
BMMSC = "CL:0002540"     # mesenchymal stem cell of the bone marrow
UCMSC = "CL:0002569"     # mesenchymal stem cell of umbilical cord
ADMSC = "CL:0002570"     # mesenchymal stem cell of adipose tissue
HEP = "CL:0000182"       # hepatocyte
BMMNC = "CL:0010004"     # mononuclear cell of bone marrow
MNC = "CL:0000842"       # mononuclear leukocyte (mononuclear cell)
PBMC = "CL:2000001"      # peripheral blood mononuclear cell
PBSC = "CL:0002246"      # peripheral blood stem cell
HSC = "CL:0000037"       # hematopoietic stem cell (CD34+ cells)
STROMA = "CL:0000499"    # stromal cell
BMSTROMA = "CL:0010001"  # stromal cell of bone marrow
HPC = "CL:0002196"       # hepatic oval stem cell (synonyms: hepatic/liver progenitor cell)

BM, AD, UC, PB, MB, LIV = "bone_marrow", "adipose", "umbilical_cord", "peripheral_blood", \
    "menstrual_blood", "liver"
AU, AL = "autologous", "allogeneic"

DOCS: list[dict] = []


def doc(did, citation, url, text, spans):
    DOCS.append({"id": did, "citation": citation, "url": url, "text": text, "spans": spans})


# ================================================================ c01 Sakai 2017 (ADRC)
doc("dev-c01",
    "Sakai Y, Takamura M, Seki A, et al. Phase I clinical study of liver regenerative therapy for "
    "cirrhosis by intrahepatic arterial infusion of freshly isolated autologous adipose "
    "tissue-derived stromal/stem (regenerative) cell. Regen Ther 2017;6:52-64",
    "https://doi.org/10.1016/j.reth.2016.12.001",
    "Introduction: The stromal fraction of adipose tissue is rich in mesenchymal stem cells, which "
    "makes it an attractive source for repairing damaged organs. We asked whether freshly isolated "
    "autologous adipose tissue-derived stromal/stem cells can be given safely to patients with "
    "cirrhosis.\n"
    "Methods: In this phase I study, four patients with liver cirrhosis underwent liposuction of "
    "subcutaneous fat, and adipose tissue-derived regenerative cells (ADRCs) were isolated with a "
    "closed tissue-dissociation device without culture. The autologous ADRCs were then infused into "
    "the hepatic artery through a catheter. The primary endpoint was safety one month after the "
    "infusion; the isolated cells were also characterised.\n"
    "Results: Two patients had hepatitis C-related cirrhosis, one had cirrhosis due to nonalcoholic "
    "steatohepatitis and one had hepatitis B-related cirrhosis. No serious adverse event occurred "
    "during the 1-month observation period. Serum albumin was stable or rose during this period and "
    "during further follow-up of about 1 year in two patients and 6 months in a third. Hepatocyte "
    "growth factor and interleukin-6, both linked to liver regeneration, had increased in every "
    "patient 1 day after ADRC infusion.\n"
    "Conclusions: Intrahepatic arterial delivery of freshly isolated autologous ADRCs appeared safe "
    "in this small series of patients with cirrhosis.",
    [
        CT("rich in [mesenchymal stem cells]", MSC),
        CT("autologous [adipose tissue-derived stromal/stem cells]", ADMSC, AD, AU),
        CT("[adipose tissue-derived regenerative cells]", ADMSC, AD),
        CT("regenerative cells ([ADRCs])", ADMSC, AD),
        CT("The autologous [ADRCs]", ADMSC, AD, AU),
        RT("into the [hepatic artery]", "hepatic_artery"),
        TP("safety [one month] after", 30),
        TP("the [1-month] observation", 30),
        LT("[Serum albumin] was stable", "albumin"),
        TP("about [1 year]", 365),
        TP("[6 months] in a third", 180),
        LT("[Hepatocyte growth factor]", "hepatocyte growth factor"),
        LT("and [interleukin-6]", "interleukin-6"),
        TP("patient [1 day] after", 1),
        CT("after [ADRC] infusion", ADMSC, AD),
        RT("[Intrahepatic arterial] delivery", "hepatic_artery"),
        CT("isolated autologous [ADRCs] appeared", ADMSC, AD, AU),
    ])

# ================================================================ c02 Sakai 2021 (ADRC NASH)
doc("dev-c02",
    "Sakai Y, Fukunishi S, Takamura M, et al. Clinical trial of autologous adipose tissue-derived "
    "regenerative (stem) cells therapy for exploration of its safety and efficacy. "
    "Regen Ther 2021;18:97-101",
    "https://doi.org/10.1016/j.reth.2021.04.003",
    "Background: Cirrhosis caused by nonalcoholic steatohepatitis (NASH) and fatty liver disease is "
    "becoming more common as the metabolic syndrome spreads. Stromal cells isolated from fat contain "
    "mesenchymal stem cells with regenerative and immunomodulatory properties.\n"
    "Methods: In a multicentre exploratory trial registered as UMIN000022601, patients with "
    "cirrhosis due to NASH or fatty liver disease had subcutaneous fat harvested, and autologous "
    "adipose tissue-derived regenerative (stem) cells (ADRCs) were isolated with an investigational "
    "tissue-dissociation device and infused through the hepatic artery. Serum "
    "albumin, prothrombin activity, adverse events and device malfunction were the prespecified "
    "endpoints, and patients were followed for 24 weeks.\n"
    "Results: Seven patients completed treatment and the 24-week follow-up. Serum albumin "
    "concentration rose in 6 of the 7 patients, and prothrombin activity improved in 5 of 7. No "
    "serious or non-serious adverse event related to the trial was recorded, and the device worked "
    "without malfunction in every procedure.\n"
    "Conclusions: Hepatic arterial infusion of freshly isolated autologous ADRCs was well tolerated "
    "in NASH-related cirrhosis and was followed by better hepatic synthetic function in most "
    "patients.",
    [
        CT("[Stromal cells] isolated from fat", STROMA, AD),
        CT("contain [mesenchymal stem cells]", MSC),
        CT("autologous [adipose tissue-derived regenerative (stem) cells]", ADMSC, AD, AU),
        CT("(stem) cells ([ADRCs])", ADMSC, AD, AU),
        RT("through the [hepatic artery]", "hepatic_artery"),
        LT("[Serum albumin], prothrombin", "albumin"),
        LT("albumin, [prothrombin activity], adverse", "prothrombin activity"),
        TP("followed for [24 weeks]", 168),
        TP("the [24-week] follow-up", 168),
        LT("[Serum albumin] concentration rose", "albumin"),
        LT("and [prothrombin activity] improved", "prothrombin activity"),
        RT("[Hepatic arterial] infusion", "hepatic_artery"),
        CT("isolated autologous [ADRCs] was", ADMSC, AD, AU),
    ])

# ================================================================ c03 NCT02297867 (ADSC registry)
doc("dev-c03",
    "ClinicalTrials.gov NCT02297867: Clinical Trial Study About Human Adipose-Derived Stem Cells in "
    "the Liver Cirrhosis (Gwo Xi Stem Cell Applied Technology Co., Ltd.), phase 1",
    "https://clinicaltrials.gov/study/NCT02297867",
    "Brief Summary: Cirrhosis has few treatment options short of liver transplantation. This phase 1 "
    "study examines whether autologous adipose-derived stem cells (ADSCs) can be given safely to "
    "patients with liver cirrhosis and whether they improve the disease.\n"
    "Detailed Description: For each participant, 1 mL of ADSC suspension is injected "
    "intrahepatically through an 18-gauge needle under ultrasound guidance.\n"
    "Intervention: Drug: autologous ADSCs, intrahepatic injection\n"
    "Eligibility: Adults aged 20 to 80 years with liver cirrhosis and normal coagulation. Main "
    "exclusions: cirrhosis caused by hepatitis B or C; kidney failure with blood urea nitrogen > 50; "
    "anaemia with hematocrit < 25; uncontrolled hypertension (systolic pressure > 180 mmHg or "
    "diastolic pressure > 110 mmHg) or uncontrolled diabetes (fasting blood sugar > 200 mg/dl); "
    "major surgery within the previous 3 months; acute stroke within 1 month; liver cancer, liver "
    "abscess or acute hepatitis.\n"
    "Enrollment: 6 participants",
    [
        CT("autologous [adipose-derived stem cells]", ADMSC, AD, AU),
        CT("stem cells ([ADSCs])", ADMSC, AD, AU),
        DO("[1 mL] of ADSC", 1.0, unit="mL"),
        CT("of [ADSC] suspension", ADMSC, AD),
        RT("injected [intrahepatically]", "intrahepatic"),
        CT("Drug: autologous [ADSCs]", ADMSC, AD, AU),
        RT("[intrahepatic] injection", "intrahepatic"),
        LT("with [blood urea nitrogen]", "blood urea nitrogen", key="bun"),
        LV("nitrogen [> 50]", 50.0, comp=">", of="bun"),
        LT("with [hematocrit]", "hematocrit", key="hct"),
        LV("hematocrit [< 25]", 25.0, comp="<", of="hct"),
        LT("([fasting blood sugar]", "fasting blood glucose", key="fbs"),
        LV("sugar [> 200 mg/dl]", 200.0, comp=">", unit="mg/dL", of="fbs"),
        TP("previous [3 months]", 90),
        TP("within [1 month]", 30),
    ])

# ================================================================ c04 NCT01483248 (MenSC registry)
doc("dev-c04",
    "ClinicalTrials.gov NCT01483248: Human Menstrual Blood-derived Mesenchymal Stem Cells for "
    "Patients With Liver Cirrhosis (S-Evans Biosciences), phase 1/2",
    "https://clinicaltrials.gov/study/NCT01483248",
    "Brief Summary: Liver transplantation remains the most effective treatment for end-stage liver "
    "disease, but donor shortage, cost and rejection restrict its use. This phase 1/2 study will "
    "evaluate the safety and efficacy of menstrual blood-derived stem cells (MenSCs) in patients "
    "with liver cirrhosis.\n"
    "Detailed Description: Participants are randomised to one of two arms. MenSCs are expanded and "
    "harvested in a GMP laboratory and given by intravenous injection, and patients are closely "
    "monitored after the cells are injected. Follow-up visits continue for at least 2 years, and "
    "ascites volume, serum alanine aminotransferase, total bilirubin, prothrombin time, albumin, "
    "MELD score and Child-Pugh score are recorded at every visit.\n"
    "Arms:\n"
    "Experimental: conventional therapy plus MenSC transplantation for 2 weeks\n"
    "Placebo Comparator: conventional therapy plus placebo for 2 weeks\n"
    "Outcome Measures:\n"
    "Change in MELD score\n"
    "Time frame: up to 2 years\n"
    "Change in Child-Pugh score\n"
    "Time frame: up to 2 years\n"
    "Serum alanine aminotransferase, total bilirubin, albumin and prothrombin time\n"
    "Time frame: up to 2 years\n"
    "Eligibility: Women aged 20 to 50 years with liver cirrhosis and a negative pregnancy test; "
    "thrombosis of the portal or hepatic veins excludes participation. Estimated enrollment: 50.",
    [
        CT("of [menstrual blood-derived stem cells]", SC, MB),
        CT("stem cells ([MenSCs])", SC, MB),
        CT("arms. [MenSCs] are expanded", SC, MB),
        RT("by [intravenous] injection", "intravenous"),
        TP("for at least [2 years], and", 730),
        LT("[serum alanine aminotransferase], total", "alanine aminotransferase"),
        LT("aminotransferase, [total bilirubin], prothrombin time, albumin,", "total bilirubin"),
        LT("bilirubin, [prothrombin time], albumin,", "prothrombin time"),
        LT("time, [albumin],", "albumin"),
        LT("[MELD score] and Child-Pugh score are", "meld"),
        LT("and [Child-Pugh score] are", "child-pugh"),
        CT("plus [MenSC] transplantation", SC, MB),
        TP("transplantation for [2 weeks]", 14),
        TP("placebo for [2 weeks]", 14),
        LT("Change in [MELD score]", "meld"),
        TP("MELD score\nTime frame: up to [2 years]", 730),
        LT("Change in [Child-Pugh score]", "child-pugh"),
        TP("Child-Pugh score\nTime frame: up to [2 years]", 730),
        LT("[Serum alanine aminotransferase]", "alanine aminotransferase"),
        LT("aminotransferase, [total bilirubin], albumin and", "total bilirubin"),
        LT("bilirubin, [albumin] and prothrombin", "albumin"),
        LT("and [prothrombin time]\n", "prothrombin time"),
        TP("prothrombin time\nTime frame: up to [2 years]", 730),
    ])

# ================================================================ c05 Ambrosino 2005 (CN1)
doc("dev-c05",
    "Ambrosino G, Varotto S, Strom SC, et al. Isolated hepatocyte transplantation for "
    "Crigler-Najjar syndrome type 1. Cell Transplant 2005;14(2-3):151-157",
    "https://pubmed.ncbi.nlm.nih.gov/15881424/",
    "Background: Crigler-Najjar syndrome type 1 (CN1) is an inherited absence of hepatic uridine "
    "diphosphoglucuronate glucuronosyltransferase (UDPGT) activity. We attempted to restore "
    "conjugation by allogeneic hepatocyte transplantation in a child with CN1.\n"
    "Methods: A 9-year-old boy was prepared with plasmapheresis and immunosuppressed with "
    "prednisolone and tacrolimus. When a graft became available, 7.5 x 10(9) hepatocytes were "
    "isolated from the donor liver and infused percutaneously into the portal vein. Phenobarbitone "
    "was added 2 weeks later to induce UDPGT activity in the transplanted cells, and nocturnal "
    "phototherapy was continued throughout. Total bilirubin was used as the marker of graft "
    "function.\n"
    "Results: The infusion caused no complications and no relevant change in vital signs. Mean +/- "
    "SD bilirubin fell from 530 +/- 38 micromol/L before to 359 +/- 46 micromol/L after "
    "transplantation (p < 0.001). After phenobarbitone was introduced, tacrolimus levels dropped and "
    "alanine aminotransferase (ALT) and bilirubin rose; after treatment of rejection bilirubin fell "
    "again but settled at a higher level. Because jaundice was only partly corrected and night-time "
    "phototherapy was poorly tolerated, the parents declined further cell infusions and asked for "
    "liver transplantation. At 24 months the boy was well on tacrolimus and prednisolone.\n"
    "Conclusions: Isolated hepatocyte transplantation lowered bilirubin in CN1, but only partly and "
    "not durably.",
    [
        CT("allogeneic [hepatocyte] transplantation", HEP, donor=AL),
        DO("[7.5 x 10(9) hepatocytes]", 7.5e9, unit="cells"),
        CT("7.5 x 10(9) [hepatocytes] were", HEP, LIV),
        RT("into the [portal vein]", "intraportal"),
        TP("added [2 weeks] later", 14),
        LT("[Total bilirubin] was used", "total bilirubin"),
        LT("SD [bilirubin] fell", "total bilirubin", key="bil"),
        LV("from [530 +/- 38 micromol/L]", 530.0, sd=38.0, unit="umol/L", of="bil"),
        LV("to [359 +/- 46 micromol/L]", 359.0, sd=46.0, unit="umol/L", of="bil"),
        LT("introduced, [tacrolimus] levels", "tacrolimus"),
        LT("[alanine aminotransferase] (ALT)", "alanine aminotransferase"),
        LT("aminotransferase ([ALT])", "alanine aminotransferase"),
        LT("(ALT) and [bilirubin] rose", "total bilirubin"),
        LT("rejection [bilirubin] fell", "total bilirubin"),
        TP("At [24 months]", 720),
        CT("Isolated [hepatocyte] transplantation", HEP),
        LT("lowered [bilirubin] in", "total bilirubin"),
    ])

# ================================================================ c06 Horslen 2003 (OTC)
doc("dev-c06",
    "Horslen SP, McCowan TC, Goertzen TC, et al. Isolated hepatocyte transplantation in an infant "
    "with a severe urea cycle disorder. Pediatrics 2003;111(6):1262-1267",
    "https://doi.org/10.1542/peds.111.6.1262",
    "Objective: Isolated hepatocytes correct inborn errors of metabolism in animal models. Building "
    "on our experience with hepatocyte transplantation in Crigler-Najjar syndrome, we attempted "
    "metabolic reconstitution by hepatocyte transplantation in a boy with severe ornithine "
    "transcarbamylase (OTC) deficiency.\n"
    "Methods: OTC deficiency had been diagnosed before birth, and the newborn was managed "
    "intensively to prevent hyperammonaemia. Hepatocytes were isolated by collagenase perfusion "
    "from donated livers that had not been used for organ transplantation. They were infused in "
    "batches over 4 weeks, starting shortly after birth, through an umbilical venous catheter whose "
    "tip lay in the portal vein. Tacrolimus and corticosteroids were given for immunosuppression.\n"
    "Results: More than 4 billion viable hepatocytes were transplanted within 3.5 weeks. Between "
    "days 20 and 31 of life the infant was metabolically stable: he tolerated a normal protein "
    "intake while phenylbutyrate was weaned, and plasma ammonia and glutamine stayed within normal "
    "limits. On day 31 of life hyperammonaemia returned abruptly and protein tolerance fell back to "
    "baseline. Stability was regained only after liver transplantation at 6 months of age.\n"
    "Conclusions: Hepatocyte transplantation gave temporary relief of hyperammonaemia and protein "
    "intolerance; the benefit was lost after 11 days, probably because the cells were rejected "
    "under insufficient immunosuppression.",
    [
        CT("Isolated [hepatocytes] correct", HEP),
        CT("experience with [hepatocyte] transplantation", HEP),
        CT("reconstitution by [hepatocyte] transplantation", HEP),
        CT("[Hepatocytes] were isolated", HEP, LIV),
        TP("batches over [4 weeks]", 28),
        RT("an [umbilical venous] catheter", "other"),
        RT("lay in the [portal vein]", "intraportal"),
        DO("More than [4 billion viable hepatocytes]", 4e9, unit="cells"),
        CT("4 billion viable [hepatocytes]", HEP),
        TP("within [3.5 weeks]", 24.5),
        LT("[plasma ammonia] and glutamine", "ammonia"),
        LT("ammonia and [glutamine] stayed", "glutamine"),
        TP("fell back to [baseline]", 0),
        CT("Conclusions: [Hepatocyte] transplantation", HEP),
        TP("after [11 days]", 11),
    ])

# ================================================================ c07 Meyburg 2009 (UCD LCT)
doc("dev-c07",
    "Meyburg J, Das AM, Hoerster F, et al. One liver for four children: first clinical series of "
    "liver cell transplantation for severe neonatal urea cycle defects. "
    "Transplantation 2009;87(5):636-641",
    "https://pubmed.ncbi.nlm.nih.gov/19295306/",
    "Background: Urea cycle disorders (UCD) that present in the neonatal period carry a poor "
    "prognosis despite diet and drugs. Liver cell transplantation (LCT) may be a less invasive "
    "alternative or complement to orthotopic liver transplantation.\n"
    "Methods: Hepatocytes were isolated under good manufacturing practice conditions from the liver "
    "of a single donor, a 9-day-old neonate, and cryopreserved. Four children with severe "
    "neonatal-onset UCD, aged 1 day to 3 years, received repeated intraportal infusions of these "
    "cryopreserved hepatocytes. Access to the portal vein was obtained surgically in two children, "
    "whereas in two neonates a catheter could be placed through the umbilical vein. Each infusion "
    "was monitored with Doppler ultrasound and portal venous pressure measurement.\n"
    "Results: LCT was feasible in all four children, with no portal vein thrombosis and no "
    "extrahepatic shunting. All children were metabolically stable during observation periods of "
    "4 to 13 months. One child with ornithine transcarbamylase deficiency diagnosed before birth "
    "died of a metabolic crisis after 4 months.\n"
    "Conclusions: Given the poor outlook of UCD under conservative therapy, LCT had clear benefits, "
    "with fewer periods of hyperammonaemia and fewer clinical crises over up to 13 months. It is "
    "not a permanent cure, but it may considerably improve bridging to liver transplantation.",
    [
        CT("[Liver cell] transplantation (LCT)", HEP),
        CT("[Hepatocytes] were isolated", HEP, LIV),
        FQ("received [repeated] intraportal", None, None),
        RT("repeated [intraportal] infusions", "intraportal"),
        CT("these cryopreserved [hepatocytes]", HEP),
        RT("Access to the [portal vein]", "intraportal"),
        RT("through the [umbilical vein]", "other"),
        TP("periods of [4 to 13 months]", 120, 390),
        TP("crisis after [4 months]", 120),
        TP("over up to [13 months]", 390),
    ])

# ================================================================ c08 Puppi 2008 (OTC + APOLT)
doc("dev-c08",
    "Puppi J, Tan N, Mitry RR, et al. Hepatocyte transplantation followed by auxiliary liver "
    "transplantation--a novel treatment for ornithine transcarbamylase deficiency. "
    "Am J Transplant 2008;8(2):452-457",
    "https://doi.org/10.1111/j.1600-6143.2007.02058.x",
    "Severe neonatal-onset ornithine transcarbamylase (OTC) deficiency exposes the brain to "
    "recurrent hyperammonaemia. We describe a child with severe OTC deficiency, diagnosed before "
    "birth, in whom hepatocyte transplantation was used for the first time as a bridge to auxiliary "
    "partial orthotopic liver transplantation (APOLT). Over a period of 6 months the patient "
    "received a total of 1.74 x 10(9) hepatocytes, fresh and cryopreserved, administered "
    "intraportally, under immunosuppression with tacrolimus and prednisolone. Except during "
    "episodes of sepsis, blood ammonia fell steadily and serum urea rose gradually during the first "
    "6 months of life. The child tolerated a normal protein intake and showed normal growth and "
    "neurological development. APOLT was carried out successfully at 7 months of age. Hepatocyte "
    "transplantation combined with APOLT can thus be an effective treatment for severe OTC "
    "deficiency and may improve neurodevelopmental outcome.",
    [
        CT("whom [hepatocyte] transplantation", HEP),
        TP("Over a period of [6 months]", 180),
        DO("total of [1.74 x 10(9) hepatocytes]", 1.74e9, unit="cells"),
        CT("1.74 x 10(9) [hepatocytes], fresh", HEP),
        RT("administered [intraportally]", "intraportal"),
        LT("[blood ammonia] fell", "ammonia"),
        LT("[serum urea] rose", "urea"),
        CT("age. [Hepatocyte] transplantation", HEP),
    ])

# ================================================================ c09 NCT04229901 (DHELIVER)
doc("dev-c09",
    "ClinicalTrials.gov NCT04229901: Study to Evaluate the Efficacy and Safety of HepaStem in "
    "Patients With Acute on Chronic Liver Failure (ACLF) (DHELIVER), phase 2b (Cellaion SA, formerly "
    "Promethera)",
    "https://clinicaltrials.gov/study/NCT04229901",
    "Brief Summary: This randomised (2:1), double-blind, placebo-controlled phase 2b study tests a "
    "regimen of two infusions of HepaStem, a product made of allogeneic human liver-derived "
    "progenitor cells, added to standard of care in patients with grade 1 or 2 acute-on-chronic "
    "liver failure (ACLF) diagnosed within 1 week before inclusion.\n"
    "Arms:\n"
    "Experimental: HepaStem by intravenous infusion, twice, one week apart, plus standard of care\n"
    "Placebo Comparator: placebo by intravenous infusion, twice, one week apart, plus standard of "
    "care\n"
    "Outcome Measures:\n"
    "Overall survival\n"
    "Time frame: day 90 after the first infusion\n"
    "Transplant-free survival\n"
    "Time frame: day 90 after the first infusion\n"
    "Survival without ACLF and with a MELD-Na score < 15\n"
    "Time frame: day 90\n"
    "Eligibility: Adults aged 18 to 75 years with ACLF grade 1 or 2 (EASL-CLIF definition) and "
    "total bilirubin ≥ 5 mg/dL. Main exclusions: MELD-Na score > 35; cirrhosis of biliary or "
    "autoimmune origin; complete portal vein thrombosis; fibrinogen < 80 mg/dL or platelets "
    "< 50 x 10³/mm³; chronic dialysis; a thrombotic event within 12 months before screening; mean "
    "blood pressure that cannot be kept above 60 despite vasopressors.\n"
    "Enrollment: 133 patients",
    [
        CT("allogeneic [human liver-derived progenitor cells]", HPC, LIV, AL),
        TP("within [1 week] before", 7),
        RT("HepaStem by [intravenous] infusion", "intravenous"),
        FQ("HepaStem by intravenous infusion, [twice]", 2),
        TP("HepaStem by intravenous infusion, twice, [one week] apart", 7),
        RT("placebo by [intravenous] infusion", "intravenous"),
        FQ("placebo by intravenous infusion, [twice]", 2),
        TP("placebo by intravenous infusion, twice, [one week] apart", 7),
        TP("Overall survival\nTime frame: [day 90]", 90),
        TP("Transplant-free survival\nTime frame: [day 90]", 90),
        LT("with a [MELD-Na score] < 15", "meld-na", key="mna1"),
        LV("score [< 15]", 15.0, comp="<", of="mna1"),
        TP("< 15\nTime frame: [day 90]", 90),
        LT("definition) and [total bilirubin]", "total bilirubin", key="tb"),
        LV("bilirubin [≥ 5 mg/dL]", 5.0, comp=">=", unit="mg/dL", of="tb"),
        LT("exclusions: [MELD-Na score]", "meld-na", key="mna2"),
        LV("score [> 35]", 35.0, comp=">", of="mna2"),
        LT("thrombosis; [fibrinogen]", "fibrinogen", key="fib"),
        LV("fibrinogen [< 80 mg/dL]", 80.0, comp="<", unit="mg/dL", of="fib"),
        LT("or [platelets]", "platelet count", key="plt"),
        LV("platelets [< 50 x 10³/mm³]", 50.0, comp="<", unit="10^3/mm3", of="plt"),
        TP("within [12 months] before", 360),
    ])

# ================================================================ c10 NCT01591200 (Stempeutics)
doc("dev-c10",
    "ClinicalTrials.gov NCT01591200: Dose Finding Study to Assess Safety and Efficacy of Stem Cells "
    "in Liver Cirrhosis (Stempeutics Research), phase 2",
    "https://clinicaltrials.gov/study/NCT01591200",
    "Brief Summary: This randomised, multicentre, dose-escalation phase 2 study evaluates the safety "
    "and efficacy of ex vivo cultured adult allogeneic mesenchymal stem cells in alcoholic liver "
    "cirrhosis. The cells are injected into the hepatic artery and patients are followed for 2 "
    "years.\n"
    "Arms:\n"
    "Experimental: Stem cells low dose. Low dose of allogeneic bone marrow-derived mesenchymal stem "
    "cells through the hepatic artery\n"
    "Experimental: Stem cells intermediate dose. Intermediate dose of the same cells through the "
    "hepatic artery\n"
    "Experimental: Stem cells high dose. High dose of the same cells through the hepatic artery\n"
    "No Intervention: Control. Standard protocol of care alone\n"
    "Outcome Measures:\n"
    "Safety (adverse events)\n"
    "Time frame: 24 months\n"
    "Change in Child-Pugh score and MELD score\n"
    "Time frame: 24 months\n"
    "Eligibility: Alcoholic cirrhosis in adults aged 18 to 65 years, decompensated (Child-Pugh class "
    "B or C; Child-Pugh score ≥7 and <14), with a MELD score of at least 10, normal AFP and "
    "Hb>10gm/dl. Exclusions include platelet count < 30,000/mm3, serum sodium <129mEq/L, serum "
    "creatinine > 2 mg/dl and alcohol intake above 30 gm/day during the last 3 months.",
    [
        CT("adult allogeneic [mesenchymal stem cells]", MSC, donor=AL),
        RT("injected into the [hepatic artery]", "hepatic_artery"),
        TP("followed for [2 \nyears]".replace(" \n", " "), 730),
        CT("Experimental: [Stem cells] low dose", SC),
        DO("Stem cells [low dose]", level="low"),
        DO("[Low dose] of allogeneic", level="low"),
        CT("allogeneic [bone marrow-derived mesenchymal stem cells]", BMMSC, BM, AL),
        RT("stem cells through the [hepatic artery]", "hepatic_artery"),
        CT("Experimental: [Stem cells] intermediate", SC),
        DO("Stem cells [intermediate dose]", level="medium"),
        DO("[Intermediate dose] of the", level="medium"),
        RT("Intermediate dose of the same cells through the [hepatic artery]", "hepatic_artery"),
        CT("Experimental: [Stem cells] high", SC),
        DO("Stem cells [high dose]", level="high"),
        DO("[High dose] of the", level="high"),
        RT("High dose of the same cells through the [hepatic artery]", "hepatic_artery"),
        TP("(adverse events)\nTime frame: [24 months]", 720),
        LT("Change in [Child-Pugh score] and", "child-pugh"),
        LT("and [MELD score]\n", "meld"),
        TP("MELD score\nTime frame: [24 months]", 720),
        LT("decompensated ([Child-Pugh] class", "child-pugh"),
        LT("C; [Child-Pugh score] ≥7", "child-pugh", key="cp"),
        LV("score [≥7] and", 7.0, comp=">=", of="cp"),
        LV("and [<14]", 14.0, comp="<", of="cp"),
        LT("with a [MELD score] of", "meld", key="meld"),
        LV("of [at least 10]", 10.0, comp=">=", of="meld"),
        LT("normal [AFP]", "alpha-fetoprotein"),
        LT("and [Hb]>10", "hemoglobin", key="hb"),
        LV("Hb[>10gm/dl]", 10.0, comp=">", unit="g/dL", of="hb"),
        LT("include [platelet count]", "platelet count", key="plt"),
        LV("count [< 30,000/mm3]", 30000.0, comp="<", unit="/mm3", of="plt"),
        LT("[serum sodium] <129", "sodium", key="na"),
        LV("sodium [<129mEq/L]", 129.0, comp="<", unit="mEq/L", of="na"),
        LT("[serum \ncreatinine]".replace(" \n", " "), "creatinine", key="cr"),
        LV("creatinine [> 2 mg/dl]", 2.0, comp=">", unit="mg/dL", of="cr"),
        TP("during the last [3 months]", 90),
    ])

# ================================================================ c11 Cardinale 2014 (hBTSC)
doc("dev-c11",
    "Cardinale V, Carpino G, Gentile R, et al. Transplantation of human fetal biliary tree "
    "stem/progenitor cells into two patients with advanced liver cirrhosis. "
    "BMC Gastroenterol 2014;14:204",
    "https://doi.org/10.1186/s12876-014-0204-z",
    "Background: Adult liver tissue and other kinds of stem cells have recognised limits as sources "
    "for cell therapy of liver disease. We describe the first transplantation of human fetal "
    "biliary tree stem cells through the hepatic artery in patients with advanced cirrhosis.\n"
    "Methods: Stem/progenitor cells were immunosorted from human fetal biliary tree tissue under "
    "current good manufacturing practice (cGMP) and extensively characterised. Two patients with "
    "advanced cirrhosis (Child-Pugh class C) received the cells via the hepatic artery and were "
    "followed for 12 months.\n"
    "Results: The procedure proved entirely safe. No immunosuppressive drugs were needed, and "
    "neither patient had adverse effects attributable to the cells or any sign of an immune "
    "complication. Both patients improved clinically and biochemically during the 6-month "
    "follow-up, and the second patient remained stably improved for 12 months.\n"
    "Conclusions: Human fetal biliary tree stem cells are a suitable and abundant source for cell "
    "therapy of cirrhosis. They can be isolated under cGMP conditions and infused easily and "
    "safely, which provides the basis for controlled clinical trials.",
    [
        CT("other kinds of [stem cells]", SC),
        CT("of [human fetal biliary tree stem cells] through", SC),
        RT("stem cells through the [hepatic artery]", "hepatic_artery"),
        CT("[Stem/progenitor cells] were", SC),
        LT("([Child-Pugh] class C)", "child-pugh"),
        RT("cells via the [hepatic artery]", "hepatic_artery"),
        TP("followed for [12 months]", 360),
        TP("the [6-month] follow-up", 180),
        TP("improved for [12 months]", 360),
        CT("[Human fetal biliary tree stem cells] are", SC),
    ])

# ================================================================ c12 El-Ansary 2012 (HCV)
doc("dev-c12",
    "El-Ansary M, Abdel-Aziz I, Mogawer S, et al. Phase II trial: undifferentiated versus "
    "differentiated autologous mesenchymal stem cells transplantation in Egyptian patients with HCV "
    "induced liver cirrhosis. Stem Cell Rev Rep 2012;8(3):972-981",
    "https://doi.org/10.1007/s12015-011-9322-y",
    "Aim: To compare autologous bone marrow-derived mesenchymal stem cells (MSCs), given either "
    "undifferentiated or after hepatic differentiation, in patients with cirrhosis caused by "
    "chronic hepatitis C virus infection.\n"
    "Methods: Twenty-five patients with Child-Pugh class C cirrhosis and a MELD score >12 were "
    "enrolled. Fifteen received MSCs (group I), split into subgroup Ia (undifferentiated cells) and "
    "subgroup Ib (differentiated cells); ten patients kept on conventional supportive treatment "
    "served as controls (group II). For each treated patient, 90 ml of bone marrow was aspirated "
    "from the iliac bone for MSC separation, and the cells were characterised by flow cytometry for "
    "CD271, CD29 and CD34; hepatic differentiation was confirmed by immunohistochemistry. About "
    "1 million MSCs/Kg, suspended in saline, were infused slowly intravenously over 15 min at "
    "5 drops/min in a single session.\n"
    "Results: At 3 and 6 months after infusion, liver function tests had partly improved in the MSC "
    "group, with higher prothrombin concentration and serum albumin and lower bilirubin and MELD "
    "score. Subgroups Ia and Ib did not differ in clinical or laboratory findings.\n"
    "Conclusion: Both undifferentiated and differentiated autologous bone marrow MSCs are candidate "
    "treatments for liver cirrhosis.",
    [
        CT("autologous [bone marrow-derived mesenchymal stem cells]", BMMSC, BM, AU),
        CT("stem cells ([MSCs])", BMMSC, BM, AU),
        LT("with [Child-Pugh] class C", "child-pugh"),
        LT("and a [MELD score] >12", "meld", key="meld"),
        LV("score [>12]", 12.0, comp=">", of="meld"),
        CT("Fifteen received [MSCs]", MSC),
        CT("for [MSC] separation", MSC, BM),
        DO("About \n[1 million MSCs/Kg]".replace(" \n", " "), 1e6, unit="cells/kg"),
        CT("1 million [MSCs]/Kg", MSC),
        RT("slowly [intravenously]", "intravenous"),
        TP("over [15 min]", 15 / 1440),
        FQ("in a [single] session", 1),
        TP("At [3 and 6 months]", 90, 180),
        CT("in the [MSC] group", MSC),
        LT("higher [prothrombin concentration]", "prothrombin concentration"),
        LT("and [serum albumin] and lower", "albumin"),
        LT("lower [bilirubin]", "total bilirubin"),
        LT("and [MELD \nscore]".replace(" \n", " "), "meld"),
        CT("autologous [bone marrow MSCs]", BMMSC, BM, AU),
    ])

# ================================================================ c13 Salama 2014 (HCV, PV)
doc("dev-c13",
    "Salama H, Zekri AR, Medhat E, et al. Peripheral vein infusion of autologous mesenchymal stem "
    "cells in Egyptian HCV-positive patients with end-stage liver disease. "
    "Stem Cell Res Ther 2014;5(3):70",
    "https://doi.org/10.1186/scrt459",
    "Introduction: We asked whether autologous mesenchymal stem cells (MSCs) infused into a "
    "peripheral vein could help patients with end-stage liver disease after hepatitis C virus (HCV) "
    "infection.\n"
    "Methods: Forty patients with post-HCV end-stage liver disease were randomised into two equal "
    "groups. Group 1 received granulocyte colony-stimulating factor (G-CSF) for 5 days followed by "
    "an infusion of autologous MSCs through a peripheral vein; group 2 received regular supportive "
    "treatment only. Hepatic fibrosis was followed with serum procollagen III C peptide (PIIICP) and "
    "procollagen III N peptide (PIIINP).\n"
    "Results: In group 1, 54% of patients showed near normalisation of liver enzymes and better "
    "synthetic function, with significant changes in albumin (P = 0.000), bilirubin (P = 0.002), "
    "international normalized ratio (INR) (P = 0.017), prothrombin concentration (P = 0.029) and "
    "alanine transaminase (ALT) (P = 0.029); a further 13% remained clinically and biochemically "
    "stable. No patient in group 2 improved significantly. Pretreatment PIIICP and PIIINP were "
    "9.4 ± 4.2 and 440 ± 189, respectively, and fell to 8.1 ± 2.6 and 388 ± 102, respectively, "
    "3 months after MSC therapy (P = 0.7). At 3 months, PIIINP correlated with prothrombin "
    "concentration (r = -0.5).\n"
    "Conclusions: Peripheral vein infusion of autologous MSCs appears as effective as the "
    "intrahepatic route used in earlier studies and supports liver function in end-stage HCV "
    "disease.",
    [
        CT("autologous [mesenchymal stem cells]", MSC, donor=AU),
        CT("stem cells ([MSCs])", MSC, donor=AU),
        RT("into a \n[peripheral vein]".replace(" \n", " "), "intravenous"),
        TP("for [5 days]", 5),
        CT("infusion of autologous [MSCs] through", MSC, donor=AU),
        RT("through a [peripheral vein]", "intravenous"),
        LT("[serum procollagen III C peptide]", "procollagen iii c peptide"),
        LT("peptide ([PIIICP]) and", "procollagen iii c peptide"),
        LT("and \n[procollagen III N peptide]".replace(" \n", " "), "procollagen iii n peptide"),
        LT("([PIIINP]).", "procollagen iii n peptide"),
        LT("changes in [albumin]", "albumin"),
        LT("0.000), [bilirubin]", "total bilirubin"),
        LT("[international normalized ratio] (INR)", "inr"),
        LT("ratio ([INR])", "inr"),
        LT("0.017), [prothrombin concentration]", "prothrombin concentration"),
        LT("[alanine transaminase] (ALT)", "alanine aminotransferase"),
        LT("transaminase ([ALT])", "alanine aminotransferase"),
        LT("Pretreatment [PIIICP]", "procollagen iii c peptide", key="c"),
        LT("PIIICP and [PIIINP] were", "procollagen iii n peptide", key="n"),
        LV("[9.4 ± 4.2]", 9.4, sd=4.2, of="c"),
        LV("[440 ± 189]", 440.0, sd=189.0, of="n"),
        LV("[8.1 ± 2.6]", 8.1, sd=2.6, of="c"),
        LV("[388 ± 102]", 388.0, sd=102.0, of="n"),
        TP("respectively, \n[3 months] after".replace(" \n", " "), 90),
        CT("after [MSC] therapy", MSC),
        TP("At [3 months], PIIINP", 90),
        LT("3 months, [PIIINP] correlated", "procollagen iii n peptide"),
        LT("with [prothrombin \nconcentration]".replace(" \n", " "), "prothrombin concentration"),
        RT("[Peripheral vein] infusion", "intravenous"),
        CT("infusion of autologous [MSCs] appears", MSC, donor=AU),
        RT("the \n[intrahepatic] route".replace(" \n", " "), "intrahepatic"),
    ])

# ================================================================ c14 Amin 2013 (intrasplenic)
doc("dev-c14",
    "Amin MA, Sabry D, Rashed LA, et al. Short-term evaluation of autologous transplantation of "
    "bone marrow-derived mesenchymal stem cells in patients with cirrhosis: Egyptian study. "
    "Clin Transplant 2013;27(4):607-612",
    "https://doi.org/10.1111/ctr.12179",
    "Background: Stem cell-based therapy is being explored as an alternative to liver "
    "transplantation. We evaluated the safety and efficacy of autologous bone marrow-derived "
    "stromal cells in patients with cirrhosis after hepatitis C.\n"
    "Methods: Twenty patients with end-stage liver cirrhosis were enrolled. Bone marrow was "
    "aspirated from each patient, and 10 × 10(6) bone marrow stromal cells, isolated from the "
    "aspirate and suspended in 10 mL normal saline, were injected into the spleen under "
    "ultrasonographic guidance. Patients were then reviewed monthly for six months.\n"
    "Results: At the end of follow-up, total bilirubin, aspartate transaminase (AST) and alanine "
    "transaminase (ALT) had fallen significantly (p < 0.01), as had prothrombin time (PT) and the "
    "international normalized ratio (INR) (p < 0.05), whereas albumin and prothrombin "
    "concentration (PC) had risen significantly (p < 0.05).\n"
    "Conclusion: Intrasplenic injection of autologous bone marrow stromal cells was safe and "
    "feasible and improved liver function in Egyptian patients with HCV-related cirrhosis.",
    [
        CT("[Stem cell]-based therapy", SC),
        CT("autologous [bone marrow-derived \nstromal cells]".replace(" \n", " "), BMSTROMA, BM, AU),
        DO("[10 × 10(6) bone marrow stromal cells]", 1e7, unit="cells"),
        CT("10 × 10(6) [bone marrow stromal cells]", BMSTROMA, BM),
        RT("injected [into the spleen]", "intrasplenic"),
        TP("for [six months]", 180),
        LT("follow-up, [total bilirubin]", "total bilirubin"),
        LT("[aspartate transaminase] (AST)", "aspartate aminotransferase"),
        LT("transaminase ([AST])", "aspartate aminotransferase"),
        LT("and \n[alanine transaminase]".replace(" \n", " "), "alanine aminotransferase"),
        LT("transaminase ([ALT])", "alanine aminotransferase"),
        LT("[prothrombin time] (PT)", "prothrombin time"),
        LT("time ([PT])", "prothrombin time"),
        LT("the \n[international normalized ratio]".replace(" \n", " "), "inr"),
        LT("ratio ([INR])", "inr"),
        LT("whereas [albumin]", "albumin"),
        LT("and [prothrombin \nconcentration]".replace(" \n", " "), "prothrombin concentration"),
        LT("concentration ([PC])", "prothrombin concentration"),
        RT("[Intrasplenic] injection", "intrasplenic"),
        CT("autologous [bone marrow stromal cells] was", BMSTROMA, BM, AU),
    ])

# ================================================================ c15 NCT01342250 (hUC-MSC)
doc("dev-c15",
    "ClinicalTrials.gov NCT01342250: Human umbilical cord mesenchymal stem cells transplantation "
    "for patients with decompensated liver cirrhosis (Shanghai 85 Hospital), phase 1/2",
    "https://clinicaltrials.gov/study/NCT01342250",
    "Brief Summary: Liver transplantation can cure decompensated cirrhosis, but donor shortage, "
    "postoperative complications, rejection and cost limit its use. Bone marrow-derived mesenchymal "
    "stem cells (BM-MSCs) can replace hepatocytes in the injured liver and rescue experimental "
    "liver failure. This randomised phase 1/2 study will evaluate the safety and efficacy of human "
    "umbilical cord mesenchymal stem cells (hUC-MSCs) in patients with decompensated liver "
    "cirrhosis.\n"
    "Arms:\n"
    "Experimental: conventional therapy plus low dose hUC-MSCs\n"
    "Experimental: conventional therapy plus medium dose hUC-MSCs\n"
    "Experimental: conventional therapy plus high dose hUC-MSCs\n"
    "Outcome Measures:\n"
    "Overall survival\n"
    "Time frame: 1 year after treatment\n"
    "Improvement of liver function\n"
    "Time frame: 1 year after treatment\n"
    "Liver size and portal vein width\n"
    "Time frame: 1 year after treatment\n"
    "Incidence of hepatocellular carcinoma within 1 year\n"
    "Time frame: 1 year after treatment\n"
    "Child-Pugh score, MELD score and SF-36 quality of life\n"
    "Time frame: 1 year after treatment\n"
    "Enrollment: 20 patients",
    [
        CT("[Bone marrow-derived mesenchymal \nstem cells]".replace(" \n", " "), BMMSC, BM),
        CT("stem cells ([BM-MSCs])", BMMSC, BM),
        CT("replace [hepatocytes]", HEP),
        CT("[human \numbilical cord mesenchymal stem cells]".replace(" \n", " "), UCMSC, UC),
        CT("stem cells ([hUC-MSCs])", UCMSC, UC),
        DO("plus [low dose] hUC", level="low"),
        CT("low dose [hUC-MSCs]", UCMSC, UC),
        DO("plus [medium dose] hUC", level="medium"),
        CT("medium dose [hUC-MSCs]", UCMSC, UC),
        DO("plus [high dose] hUC", level="high"),
        CT("high dose [hUC-MSCs]", UCMSC, UC),
        TP("Overall survival\nTime frame: [1 year]", 365),
        TP("liver function\nTime frame: [1 year]", 365),
        TP("vein width\nTime frame: [1 year]", 365),
        TP("carcinoma within [1 year]", 365),
        TP("within 1 year\nTime frame: [1 year]", 365),
        LT("[Child-Pugh score], MELD", "child-pugh"),
        LT("score, [MELD score] and", "meld"),
        TP("quality of life\nTime frame: [1 year]", 365),
    ])

# ================================================================ c16 NCT01454336 (Royan)
doc("dev-c16",
    "ClinicalTrials.gov NCT01454336: Transplantation of Autologous Mesenchymal Stem Cell in "
    "Decompensate Cirrhotic Patients With Pioglitazone (Royan Institute), phase 1",
    "https://clinicaltrials.gov/study/NCT01454336",
    "Brief Summary: Liver transplantation is the only effective treatment for end-stage cirrhosis, "
    "but donors are scarce and the operation carries surgical, immunological and financial "
    "burdens. Because mesenchymal stem cells (MSCs) modulate the immune response in fibrosis, this "
    "phase 1 study examines autologous MSCs combined with pioglitazone in decompensated "
    "cirrhosis.\n"
    "Detailed Description: Bone marrow (200 mL) is aspirated from the iliac crest under general "
    "anaesthesia on two occasions, 6 months apart. Mononuclear cells are separated on a Ficoll-Paque "
    "gradient, cultured in T150 flasks and expanded over several passages. The resulting MSCs are "
    "injected twice, 6 months apart, via the portal vein under ultrasound guidance. Every patient "
    "also takes 30 mg pioglitazone daily for 24 months. After cell therapy, patients are seen every "
    "week for 6 months.\n"
    "Outcome Measures:\n"
    "ALT, AST and serum albumin\n"
    "Time frame: 6 months\n"
    "Reduction in liver fibrosis grade\n"
    "Time frame: 6 months\n"
    "Eligibility: Cirrhotic patients aged 18 to 65 years, with cirrhosis confirmed by elastography, "
    "biopsy or ultrasound. Exclusions include portal vein thrombosis, grade 3-4 hepatic "
    "encephalopathy, serum creatinine above 1.5 mg/dL and Child-Pugh class B or C.\n"
    "Enrollment: 3 patients",
    [
        CT("Because [mesenchymal stem cells]", MSC),
        CT("stem cells ([MSCs]) modulate", MSC),
        CT("examines autologous [MSCs]", MSC, donor=AU),
        TP("two occasions, [6 months] apart", 180),
        CT("[Mononuclear cells] are separated", MNC),
        CT("The resulting [MSCs]", MSC),
        FQ("injected [twice]", 2),
        TP("twice, [6 months] apart", 180),
        RT("via the [portal vein] under", "intraportal"),
        DO("[30 mg] pioglitazone", 30.0, unit="mg"),
        FQ("pioglitazone [daily]", None, 1.0),
        TP("daily for [24 months]", 720),
        TP("every \nweek for [6 months]".replace(" \n", " "), 180),
        LT("Outcome Measures:\n[ALT]", "alanine aminotransferase"),
        LT("ALT, [AST] and", "aspartate aminotransferase"),
        LT("and [serum albumin]\n", "albumin"),
        TP("serum albumin\nTime frame: [6 months]", 180),
        TP("fibrosis grade\nTime frame: [6 months]", 180),
        LT("[serum creatinine] above", "creatinine", key="cr"),
        LV("creatinine [above 1.5 mg/dL]", 1.5, comp=">", unit="mg/dL", of="cr"),
        LT("and [Child-Pugh] class", "child-pugh"),
    ])

# ================================================================ c17 Amer 2011 (HLC IS/IH)
doc("dev-c17",
    "Amer ME, El-Sayed SZ, El-Kheir WA, et al. Clinical and laboratory evaluation of patients with "
    "end-stage liver cell failure injected with bone marrow-derived hepatocyte-like cells. "
    "Eur J Gastroenterol Hepatol 2011;23(10):936-941",
    "https://doi.org/10.1097/MEG.0b013e3283488b00",
    "Aim: Bone marrow-derived stem cells are thought to help repopulate the injured liver. We "
    "evaluated transplantation of autologous bone marrow-derived hepatocyte-like cells in patients "
    "with end-stage liver disease caused by chronic hepatitis C.\n"
    "Methods: Forty patients were divided into two groups. In group I (n = 20), autologous bone "
    "marrow-derived mesenchymal stem cells were stimulated towards the hepatic lineage and then "
    "transplanted either intrasplenically (10 patients) or intrahepatically (10 patients). Group II "
    "(n = 20) received conventional supportive treatment only. Follow-up included clinical "
    "examination, laboratory tests, abdominal ultrasonography, the Child score, the Model for End "
    "Stage Liver Disease (MELD) score, a fatigue scale and performance status.\n"
    "Results: Compared with controls, group I showed significant improvement in ascites, lower limb "
    "oedema and serum albumin, and significantly better Child score, MELD score, fatigue scale and "
    "performance status. Outcomes did not differ between the intrasplenic and intrahepatic "
    "routes.\n"
    "Conclusion: Injection of autologous bone marrow-derived mesenchymal stem cells was safe and "
    "effective in the short term in end-stage liver failure; the optimal cell dose, the lifespan of "
    "the injected cells and long-term complications remain to be studied.",
    [
        CT("Aim: [Bone marrow-derived stem cells]", SC, BM),
        CT("autologous [bone marrow-derived hepatocyte-like cells]", HEP, BM, AU),
        CT("autologous [bone \nmarrow-derived mesenchymal stem cells] were".replace(" \n", " "),
           BMMSC, BM, AU),
        RT("either [intrasplenically]", "intrasplenic"),
        RT("or [intrahepatically]", "intrahepatic"),
        LT("the [Child score], the", "child-pugh"),
        LT("the [Model for End \nStage Liver Disease]".replace(" \n", " "), "meld"),
        LT("Disease ([MELD]) score", "meld"),
        LT("and [serum albumin], and", "albumin"),
        LT("better [Child score]", "child-pugh"),
        LT("score, [MELD score], fatigue", "meld"),
        RT("the [intrasplenic] and", "intrasplenic"),
        RT("and [intrahepatic] \nroutes".replace(" \n", " "), "intrahepatic"),
        CT("autologous [bone marrow-derived mesenchymal stem cells] was", BMMSC, BM, AU),
    ])

# ================================================================ c18 Nguyen 2022 (BA, HA)
doc("dev-c18",
    "Nguyen TL, Nguyen HP, Ngo DM, et al. Autologous bone marrow mononuclear cell infusion for "
    "liver cirrhosis after the Kasai operation in children with biliary atresia. "
    "Stem Cell Res Ther 2022;13",
    "https://doi.org/10.1186/s13287-022-02762-x",
    "Aim: To assess the safety and early results of autologous bone marrow mononuclear cell (BMMNC) "
    "infusion in children with liver cirrhosis due to biliary atresia (BA) after the Kasai "
    "operation.\n"
    "Methods: In this open-label trial, run from January 2017 to December 2019, 19 children with "
    "post-Kasai cirrhosis were treated. Under general anaesthesia, bone marrow was harvested by "
    "anterior iliac crest puncture, mononuclear cells (MNCs) were separated from the marrow by Ficoll "
    "gradient centrifugation, and the cells were infused into the hepatic artery. The procedure was "
    "repeated 6 months later. Serum bilirubin, albumin, alanine aminotransferase, aspartate "
    "aminotransferase, gamma-glutamyl transferase and prothrombin time were measured at baseline and "
    "3, 6 and 12 months after the first transplantation, and changes in Pediatric End-Stage Liver "
    "Disease (PELD) scores were analysed with a mixed-effect model.\n"
    "Results: Mean cell doses were 50.1 ± 58.5 × 106 MNCs/kg, including 3.5 ± 2.8 × 106 CD34+ "
    "cells/kg, at the first transplantation and 57.1 ± 42.0 × 106 MNCs/kg, including 3.7 ± 2.7 × "
    "106 CD34+ cells/kg, at the second. No severe adverse event related to the cells occurred. One "
    "child died of variceal rupture 5 months after the first infusion; the other 18 survived. Liver "
    "function was maintained or improved and PELD scores fell significantly.\n"
    "Conclusion: Autologous BMMNC infusion for BA-related cirrhosis is safe and may preserve or "
    "improve liver function.",
    [
        CT("autologous [bone marrow mononuclear cell] (BMMNC)", BMMNC, BM, AU),
        CT("cell ([BMMNC])", BMMNC, BM, AU),
        CT("puncture, [mononuclear cells] (MNCs)", MNC, BM),
        CT("cells ([MNCs]) were", MNC, BM),
        RT("into the [hepatic artery]", "hepatic_artery"),
        FQ("was \n[repeated]".replace(" \n", " "), None, None),
        TP("repeated [6 months] later", 180),
        LT("[Serum bilirubin]", "total bilirubin"),
        LT("bilirubin, [albumin]", "albumin"),
        LT("albumin, [alanine aminotransferase]", "alanine aminotransferase"),
        LT("[aspartate \naminotransferase]".replace(" \n", " "), "aspartate aminotransferase"),
        LT("[gamma-glutamyl transferase]", "gamma-glutamyl transferase"),
        LT("and [prothrombin time] were", "prothrombin time"),
        TP("at [baseline] and", 0),
        TP("and \n[3, 6 and 12 months]".replace(" \n", " "), 90, 180, 360),
        LT("[Pediatric End-Stage Liver \nDisease]".replace(" \n", " "), "peld"),
        LT("Disease ([PELD]) scores", "peld"),
        DO("[50.1 ± 58.5 × 106 MNCs/kg]", 50.1e6, unit="cells/kg"),
        CT("58.5 × 106 [MNCs]/kg", MNC),
        DO("[3.5 ± 2.8 × 106 CD34+ \ncells/kg]".replace(" \n", " "), 3.5e6, unit="cells/kg"),
        CT("2.8 × 106 [CD34+ \ncells]".replace(" \n", " "), HSC),
        DO("[57.1 ± 42.0 × 106 MNCs/kg]", 57.1e6, unit="cells/kg"),
        CT("42.0 × 106 [MNCs]/kg", MNC),
        DO("[3.7 ± 2.7 × \n106 CD34+ cells/kg]".replace(" \n", " "), 3.7e6, unit="cells/kg"),
        CT("106 [CD34+ cells]/kg, at the second", HSC),
        TP("rupture [5 months] after", 150),
        LT("and [PELD scores] fell", "peld"),
        CT("Autologous [BMMNC] infusion", BMMNC, BM, AU),
    ])

# ================================================================ c19 Nguyen 2024 (BA, UV)
doc("dev-c19",
    "Nguyen TL, Nguyen HP, Phan TKT, et al. Modified Kasai operation combined with autologous bone "
    "marrow mononuclear cell infusion for biliary atresia. BMC Surg 2024;24(1):368",
    "https://doi.org/10.21203/rs.3.rs-3357053/v1",
    "Aim: To evaluate the safety and outcomes of a modified Kasai operation combined with autologous "
    "bone marrow mononuclear cell (BMMNC) infusion for biliary atresia (BA).\n"
    "Methods: Ten consecutive children with BA who had the modified Kasai operation plus autologous "
    "BMMNC infusion between January 2015 and December 2021 were compared with ten matched children "
    "who had the modified Kasai operation alone. The Kasai procedure was modified by partly "
    "exteriorising the liver and by encircling and retracting the two hepatic pedicles laterally. "
    "Bone marrow was harvested from the anterior iliac crest under general anaesthesia before the "
    "operation, and after processing the BMMNCs were infused through the umbilical vein at the end "
    "of surgery. Serum bilirubin, albumin, ALT, AST, GGT and prothrombin time were monitored at "
    "baseline, six months, twelve months and the last follow-up, and PELD scores were compared with "
    "mixed-effects analysis.\n"
    "Results: No complication related to the operation or to the cell infusion occurred. On "
    "average, 85.5 ± 56.0 x 106 BMMNCs/kg, including 10.0 ± 3.6 x 106 CD34+ cells/kg, were infused. "
    "All ten children in the cell therapy group were alive after a mean follow-up of 4.5 years.\n"
    "Conclusion: Combining a modified Kasai operation with autologous BMMNC infusion through the "
    "umbilical vein was safe in infants with BA.",
    [
        CT("autologous \n[bone marrow mononuclear cell] (BMMNC)".replace(" \n", " "), BMMNC, BM, AU),
        CT("cell ([BMMNC])", BMMNC, BM, AU),
        CT("plus autologous \n[BMMNC] infusion between".replace(" \n", " "), BMMNC, BM, AU),
        CT("processing the [BMMNCs] were", BMMNC, BM),
        RT("infused through the [umbilical vein] at", "other"),
        LT("[Serum bilirubin]", "total bilirubin"),
        LT("bilirubin, [albumin]", "albumin"),
        LT("albumin, [ALT]", "alanine aminotransferase"),
        LT("ALT, [AST]", "aspartate aminotransferase"),
        LT("AST, [GGT]", "gamma-glutamyl transferase"),
        LT("GGT and [prothrombin time]", "prothrombin time"),
        TP("at \n[baseline], six".replace(" \n", " "), 0),
        TP("baseline, [six months]", 180),
        TP("months, [twelve months]", 360),
        LT("and [PELD scores] were", "peld"),
        DO("[85.5 ± 56.0 x 106 BMMNCs/kg]", 85.5e6, unit="cells/kg"),
        CT("x 106 [BMMNCs]/kg", BMMNC, BM),
        DO("[10.0 ± 3.6 x 106 CD34+ cells/kg]", 10.0e6, unit="cells/kg"),
        CT("3.6 x 106 [CD34+ cells]/kg", HSC),
        TP("follow-up of [4.5 years]", 4.5 * 365),
        CT("with autologous [BMMNC] infusion through", BMMNC, BM, AU),
        RT("through the \n[umbilical vein] was".replace(" \n", " "), "other"),
    ])

# ================================================================ c20 Al Tayeb 2015 (PB-MNC)
doc("dev-c20",
    "Al Tayeb H, El Dorry A, Amer N, et al. Autologous Stem Cells Transplantation in Egyptian "
    "Patients with Liver Cirrhosis on Top of Hepatitis C Virus. Int J Stem Cells 2015;8(2):209-218",
    "https://doi.org/10.15283/ijsc.2015.8.2.209",
    "Background and Objectives: We assessed the safety and feasibility of autologous stem cell "
    "transplantation (SCT) for liver cirrhosis due to hepatitis C virus (HCV) in Egyptian "
    "patients.\n"
    "Methods: Twenty patients with HCV-induced cirrhosis were split into two groups. In group I "
    "(10 patients with a Child score > or =9), stem cells were mobilised with granulocyte "
    "colony-stimulating factor (G-CSF), peripheral blood stem cells were collected by "
    "leukapheresis, and the G-CSF-mobilised peripheral blood mononuclear cells (PB-MNCs) were "
    "counted by flow cytometry before injection into the hepatic artery. Group II comprised 10 "
    "patients with HCV cirrhosis who served as controls. The groups were compared over 6 months of "
    "follow-up.\n"
    "Results: The procedure was well tolerated and mobilisation succeeded; the harvests contained "
    "25x106 to 191x106 G-CSF PB-MNCs. During the first 2-3 months after the procedure, group I "
    "showed better quality of life, serum albumin, total bilirubin, liver enzymes and Child-Pugh "
    "score.\n"
    "Conclusion: Autologous SCT is safe in HCV-induced cirrhosis. It improves quality of life and "
    "liver function only transiently and does not change life expectancy or the course of "
    "cirrhosis.",
    [
        CT("autologous [stem cell] \ntransplantation".replace(" \n", " "), SC, donor=AU),
        LT("a [Child score] >", "child-pugh", key="cs"),
        LV("score [> or =9]", 9.0, comp=">=", of="cs"),
        CT("=9), [stem cells] were", SC),
        CT("[peripheral blood stem cells] were", PBSC, PB),
        CT("G-CSF-mobilised [peripheral blood mononuclear cells]", PBMC, PB),
        CT("cells ([PB-MNCs]) were", PBMC, PB),
        RT("injection into the [hepatic artery]", "hepatic_artery"),
        TP("over [6 months]", 180),
        DO("contained \n[25x106 to 191x106 G-CSF PB-MNCs]".replace(" \n", " "), 25e6, 191e6,
           unit="cells"),
        CT("191x106 G-CSF [PB-MNCs]", PBMC, PB),
        TP("first [2-3 months]", 60, 90),
        LT("life, [serum albumin]", "albumin"),
        LT("albumin, [total bilirubin]", "total bilirubin"),
        LT("and [Child-Pugh \nscore]".replace(" \n", " "), "child-pugh"),
    ])


# ---------------------------------------------------------------- conversion to draft
def _occ(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def place(text: str, ctx: str, did: str) -> tuple[str, int, int]:
    """Return (span text, nth, start) for a context string with one [marked] span."""
    if "[" not in ctx:
        ctx = "[" + ctx + "]"
    a, b = ctx.index("["), ctx.index("]")
    span = ctx[a + 1:b]
    plain = ctx[:a] + span + ctx[b + 1:]
    hits = _occ(text, plain)
    if len(hits) != 1:
        raise SystemExit(f"{did}: context {ctx!r} found {len(hits)} times")
    start = hits[0] + a
    nth = _occ(text, span).index(start)
    return span, nth, start


def build() -> list[dict]:
    records = []
    for d in DOCS:
        text, spans, rels, keys = d["text"], [], [], {}
        placed = []
        for label, ctx, attrs, opt in d["spans"]:
            span, nth, start = place(text, ctx, d["id"])
            placed.append((start, label, span, nth, attrs, opt))
        placed.sort(key=lambda p: (p[0], -len(p[2])))
        for i, (start, label, span, nth, attrs, opt) in enumerate(placed, start=1):
            sid = f"T{i}"
            spans.append({"id": sid, "label": label, "text": span, "nth": nth, "attrs": attrs})
            if "key" in opt:
                keys[opt["key"]] = sid
        for i, (start, label, span, nth, attrs, opt) in enumerate(placed, start=1):
            if label == "LAB_VALUE":
                rels.append({"label": "VALUE_OF", "head": f"T{i}", "tail": keys[opt["of"]]})
        records.append({
            "id": d["id"], "source": None, "source_offset": None, "scheme_version": 1,
            "text": text,
            "provenance": {"citation": d["citation"], "url": d["url"], "note": NOTE},
            "spans": spans, "relations": rels,
        })
    return records


if __name__ == "__main__":
    recs = build()
    out = HERE / "batch_c.draft.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                   encoding="utf-8")
    for r in recs:
        words = len(r["text"].split())
        flag = "" if 120 <= words <= 280 else "  <-- length"
        print(f"{r['id']}: {words} words, {len(r['spans'])} spans, "
              f"{len(r['relations'])} VALUE_OF{flag}", file=sys.stderr)
    print(f"{len(recs)} documents written to {out}", file=sys.stderr)
