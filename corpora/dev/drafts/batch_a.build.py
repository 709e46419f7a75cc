"""Batch a of the dev corpus: texts and hand-chosen spans, written out as a draft.

Focus of the batch: umbilical cord MSCs, cord blood and placenta-derived cells in
decompensated cirrhosis, ACLF, PBC and cholestatic/biliary cirrhosis (mostly Chinese trials).

Every span below was chosen by hand, sentence by sentence, against
shared/ANNOTATION_SCHEME.md and eval/DECISIONS.md. This script only turns the hand-written
lists into the draft format (span text + ``nth`` occurrence): spans are listed in reading
order and each one is looked up from the start of the previous span onwards, so no offset is
counted by hand. It never runs any extractor.

    /tmp/v1/bin/python corpora/dev/drafts/batch_a.build.py          # writes batch_a.draft.jsonl
    /tmp/v1/bin/python corpora/dev/drafts/batch_a.build.py --show   # spans in context, for review
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTE = "written by the celltx team in its own words from the study's reported facts"


# ---------------------------------------------------------------- attribute helpers
def CT(text, cl, source=None, donor=None, **o):
    return ("CELL_TYPE", text, {"cl_id": cl, "source": source, "donor": donor}, o)


def DO(text, low=None, high=None, unit=None, level=None, **o):
    if high is None and low is not None:
        high = low
    return ("DOSE", text, {"low": low, "high": high, "unit": unit, "level": level}, o)


def RT(text, route, **o):
    return ("ROUTE", text, {"route": route}, o)


def FQ(text, count=None, interval=None, **o):
    return ("FREQUENCY", text, {"count": count, "interval_days": interval}, o)


def TP(text, *days, **o):
    return ("TIME_POINT", text, {"days": [float(d) for d in days]}, o)


def LT(text, analyte, **o):
    return ("LAB_TEST", text, {"analyte": analyte}, o)


def LV(text, value=None, sd=None, low=None, high=None, comp=None, unit=None, **o):
    return ("LAB_VALUE", text, {"value": value, "sd": sd, "low": low, "high": high,
                                "comparator": comp, "unit": unit}, o)


UC = "umbilical_cord"
CB = "cord_blood"
BM = "bone_marrow"
PL = "placenta"
AL = "allogeneic"
UCMSC = "CL:0002569"
MSC = "CL:0000134"
SC = "CL:0000034"
BMMSC = "CL:0002540"
HEP = "CL:0000182"
AEC = "CL:0002536"  # epithelial cell of amnion (synonym: amniotic epithelial cell)
H = 1 / 24
MIN = 1 / 1440

DOCS: list[dict] = []


def doc(did, citation, url, text, spans):
    DOCS.append({"id": did, "citation": citation, "url": url, "text": text, "spans": spans})


# ====================================================================== a01 Zhang 2012
doc("dev-a01",
    "Zhang Z, Lin H, Shi M, Xu R, Fu J, Lv J, et al. Human umbilical cord mesenchymal stem cells "
    "improve liver function and ascites in decompensated liver cirrhosis patients. "
    "J Gastroenterol Hepatol 2012;27 Suppl 2:112-120",
    "https://pubmed.ncbi.nlm.nih.gov/22320928/",
    "Background and Aims: Decompensated cirrhosis caused by chronic hepatitis B carries a poor "
    "prognosis, and many patients never reach liver transplantation. Because mesenchymal stem cell "
    "(MSC) transfusion has been linked to regression of liver fibrosis, we asked whether umbilical "
    "cord-derived MSCs (UC-MSCs) are safe and useful in this setting.\n"
    "Methods: Forty-five patients with HBV-related decompensated cirrhosis were enrolled; 30 "
    "received UC-MSC transfusion and 15 received saline as controls. UC-MSCs were given at "
    "0.5×10^6 cells/kg body weight through a peripheral vein three times at 4-week intervals, in "
    "addition to standard care. Clinical and laboratory parameters were recorded during a 1-year "
    "follow-up.\n"
    "Results: No significant side effects or complications occurred in either group. The volume "
    "of ascites fell significantly more in UC-MSC recipients than in controls (P < 0.05). Liver "
    "function also improved after UC-MSC therapy: serum albumin rose, total serum bilirubin fell "
    "and the sodium model for end-stage liver disease (MELD-Na) score decreased.\n"
    "Conclusions: UC-MSC transfusion was clinically safe, improved liver function and reduced "
    "ascites in decompensated cirrhosis, and may offer a new therapeutic approach for these "
    "patients.",
    [
        CT("mesenchymal stem cell", MSC),
        CT("MSC", MSC),
        CT("umbilical cord-derived MSCs", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        DO("0.5×10^6 cells/kg body weight", 5e5, unit="cells/kg"),
        RT("peripheral vein", "intravenous"),
        FQ("three times", 3),
        FQ("4-week intervals", interval=28),
        TP("1-year", 365),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        LT("serum albumin", "albumin"),
        LT("total serum bilirubin", "total bilirubin"),
        LT("sodium model for end-stage liver disease", "meld-na"),
        LT("MELD-Na", "meld-na"),
        CT("UC-MSC", UCMSC, UC),
    ])

# ====================================================================== a02 Shi 2021
doc("dev-a02",
    "Shi M, Li YY, Xu RN, Meng FP, Yu SJ, Fu JL, et al. Mesenchymal stem cell therapy in "
    "decompensated liver cirrhosis: a long-term follow-up analysis of the randomized controlled "
    "clinical trial. Hepatol Int 2021;15(6):1431-1441",
    "https://doi.org/10.1007/s12072-021-10199-2",
    "Background: Infusion of mesenchymal stem cells (MSCs) improves liver function in "
    "decompensated liver cirrhosis (DLC), but whether it changes the long-term outcome of these "
    "patients has not been established.\n"
    "Methods: In this prospective, open-label, randomized controlled trial, 219 patients with "
    "HBV-related DLC were allocated to a control group (n = 111) or to umbilical cord-derived MSC "
    "(UC-MSC) treatment (n = 108) and were followed from October 2010 to October 2017. Treated "
    "patients were infused with UC-MSCs three times at 4-week intervals on top of the "
    "conventional therapy that the control group received alone. Overall survival and "
    "hepatocellular carcinoma (HCC)-free survival were the primary endpoints; liver function and "
    "adverse events were also assessed.\n"
    "Results: Between months 13 and 75 of follow-up, overall survival was significantly higher "
    "with UC-MSC treatment than in controls, whereas HCC-free survival did not differ between the "
    "groups over the 75-month follow-up. Serum albumin, prothrombin activity, cholinesterase and "
    "total bilirubin improved markedly in treated patients during the first 48 weeks. No "
    "significant side effects or treatment-related complications were seen with UC-MSCs.\n"
    "Conclusions: UC-MSC therapy was well tolerated, improved liver function and prolonged "
    "long-term survival in HBV-related DLC, without a measurable effect on HCC-free survival.",
    [
        CT("mesenchymal stem cells", MSC),
        CT("MSCs", MSC),
        CT("umbilical cord-derived MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        FQ("three times", 3),
        FQ("4-week intervals", interval=28),
        TP("months 13 and 75", 390, 2250),
        CT("UC-MSC", UCMSC, UC),
        TP("75-month", 2250),
        LT("Serum albumin", "albumin"),
        LT("prothrombin activity", "prothrombin activity"),
        LT("cholinesterase", "cholinesterase"),
        LT("total bilirubin", "total bilirubin"),
        TP("48 weeks", 336),
        CT("UC-MSCs", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
    ])

# ====================================================================== a03 Wang 2013 PBC
doc("dev-a03",
    "Wang L, Li J, Liu H, Li Y, Fu J, Sun Y, et al. Pilot study of umbilical cord-derived "
    "mesenchymal stem cell transfusion in patients with primary biliary cirrhosis. "
    "J Gastroenterol Hepatol 2013;28 Suppl 1:85-92",
    "https://pubmed.ncbi.nlm.nih.gov/23855301/",
    "Background and aim: About 40% of patients with primary biliary cirrhosis (PBC) respond "
    "incompletely to ursodeoxycholic acid (UDCA). We examined whether transfusion of umbilical "
    "cord-derived mesenchymal stem cells (UC-MSCs) is safe and beneficial in such patients.\n"
    "Methods: This single-arm pilot trial enrolled seven PBC patients (one man, six women; aged "
    "33 to 58 years) who had taken UDCA for at least one year with a suboptimal response. "
    "Cultured UC-MSCs were infused through a peripheral vein at 0.5 × 10(6) cells/kg body weight, "
    "three times at 4-week intervals, and UDCA was continued unchanged. Laboratory parameters "
    "were tested at the 0-, 24- and 48-week time points, and patients were followed for 48 weeks.\n"
    "Results: Treatment was well tolerated; one patient had a self-limiting fever of 37–38°C "
    "within 5 h of a transfusion that settled without treatment. Fatigue and pruritus eased in "
    "most patients. Serum alkaline phosphatase fell from 474.29 ± 223.26 at baseline to "
    "369.86 ± 168.35 IU/L at the end of follow-up (P = 0.044), and γ-glutamyltransferase also "
    "decreased significantly. Alanine aminotransferase, aspartate aminotransferase, total "
    "bilirubin, albumin, prothrombin time activity, international normalized ratio and "
    "immunoglobulin M did not change significantly, and the Mayo risk score remained stable.\n"
    "Conclusions: UC-MSC transfusion was feasible and well tolerated in PBC with an incomplete "
    "response to UDCA and deserves a randomized controlled trial.",
    [
        CT("umbilical cord-derived mesenchymal stem cells", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        TP("one year", 365),
        CT("UC-MSCs", UCMSC, UC),
        RT("peripheral vein", "intravenous"),
        DO("0.5 × 10(6) cells/kg body weight", 5e5, unit="cells/kg"),
        FQ("three times", 3),
        FQ("4-week intervals", interval=28),
        TP("0-, 24- and 48-week", 0, 168, 336),
        TP("48 weeks", 336),
        TP("5 h", 5 * H),
        LT("Serum alkaline phosphatase", "alkaline phosphatase"),
        LV("474.29 ± 223.26", 474.29, 223.26, unit="IU/L"),
        TP("baseline", 0),
        LV("369.86 ± 168.35 IU/L", 369.86, 168.35, unit="IU/L"),
        LT("γ-glutamyltransferase", "gamma-glutamyl transferase"),
        LT("Alanine aminotransferase", "alanine aminotransferase"),
        LT("aspartate aminotransferase", "aspartate aminotransferase"),
        LT("total bilirubin", "total bilirubin"),
        LT("albumin", "albumin"),
        LT("prothrombin time activity", "prothrombin activity"),
        LT("international normalized ratio", "inr"),
        LT("immunoglobulin M", "immunoglobulin m"),
        LT("Mayo risk score", "mayo risk score"),
        CT("UC-MSC", UCMSC, UC),
    ])

# ====================================================================== a04 Xu 2019
doc("dev-a04",
    "Xu WX, He HL, Pan SW, Chen YL, Zhang ML, Zhu S, et al. Combination treatments of plasma "
    "exchange and umbilical cord-derived mesenchymal stem cell transplantation for patients with "
    "hepatitis B virus-related acute-on-chronic liver failure: a clinical trial in China. "
    "Stem Cells Int 2019;2019:4130757",
    "https://doi.org/10.1155/2019/4130757",
    "Background: Hepatitis B virus-related acute-on-chronic liver failure (HBV-ACLF) carries a high "
    "mortality. We evaluated plasma exchange (PE) combined with umbilical cord-derived "
    "mesenchymal stem cell (UC-MSC) transplantation in these patients.\n"
    "Methods: Between January 2012 and September 2017, 110 patients with HBV-ACLF were assigned "
    "according to their treatment to a control group (n = 30), a UC-MSC group (n = 30), a PE group "
    "(n = 30) or a UC-MSC + PE group (n = 20). UC-MSCs were infused intravenously at 1×106 "
    "cells/kg. Hepatic function, coagulation and virological and immunological markers were "
    "assessed at baseline and at 30, 60, 90, 180 and 360 days. The endpoints were death and an "
    "unfavourable outcome (death or need for liver transplantation).\n"
    "Results: Rates of death and of unfavourable outcome at 30, 60 and 90 days were lowest in the "
    "UC-MSC + PE group, although the differences were not significant. In multivariate logistic "
    "regression, hemoglobin, prothrombin activity and the model for end-stage liver disease "
    "(MELD) score were independently associated with an unfavourable outcome (all P < 0.05). "
    "Total bilirubin, alanine aminotransferase, aspartate transaminase and MELD score fell "
    "significantly during treatment (all P < 0.05).\n"
    "Conclusions: Adding UC-MSCs to PE was safe but did not clearly improve short-term survival "
    "in HBV-ACLF.",
    [
        CT("umbilical cord-derived mesenchymal stem cell", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        RT("intravenously", "intravenous"),
        DO("1×106 cells/kg", 1e6, unit="cells/kg"),
        TP("baseline", 0),
        TP("30, 60, 90, 180 and 360 days", 30, 60, 90, 180, 360),
        TP("30, 60 and 90 days", 30, 60, 90),
        CT("UC-MSC", UCMSC, UC),
        LT("hemoglobin", "hemoglobin"),
        LT("prothrombin activity", "prothrombin activity"),
        LT("model for end-stage liver disease", "meld"),
        LT("MELD", "meld"),
        LT("Total bilirubin", "total bilirubin"),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("aspartate transaminase", "aspartate aminotransferase"),
        LT("MELD score", "meld"),
        CT("UC-MSCs", UCMSC, UC),
    ])

# ====================================================================== a05 He 2015
doc("dev-a05",
    "He HL, Xu WX, Wang PP, Li JG, Deng H, Gao ZL. The safety and therapeutic efficacy evaluation "
    "for human umbilical cord mesenchymal stem cells transplantation in patients with "
    "acute-on-chronic liver failure caused by hepatitis B virus. Journal of Tropical Medicine "
    "(Guangzhou) 2015",
    "https://bohrium.dp.tech/paper/arxiv/604b58a16f90b7f6ca9e47b3",
    "Objective: To assess the safety and efficacy of human umbilical cord mesenchymal stem cell "
    "(UC-MSC) transplantation in acute-on-chronic liver failure associated with hepatitis B virus "
    "infection (HBV-ACLF).\n"
    "Methods: One hundred patients with HBV-ACLF were divided into a UC-MSC group (46 patients) "
    "and a control group given standard medical treatment only (54 patients). UC-MSCs were "
    "administered four times at 4-week intervals. Adverse reactions (fever, rash and allergy) "
    "were the primary outcome during a 12-week follow-up. Secondary outcomes were alanine "
    "aminotransferase (ALT), albumin (ALB), total bilirubin (TBil), prothrombin activity (PTA), "
    "creatinine (Cr), symptoms (fatigue, appetite, abdominal distension) and MELD scores.\n"
    "Results: Fever occurred in 15 patients, and no serious adverse reactions or complications "
    "followed transplantation. Symptoms improved from weeks 1 and 2 after treatment, most clearly "
    "at the end of week 4, when fatigue had improved in 40 patients (86.9%) and appetite in 38 "
    "(82.6%) (P<0.05). Compared with controls, ALT and Cr did not fall significantly over the 12 "
    "weeks; ALB and MELD scores improved significantly from week 8, and TBil and PTA improved at "
    "weeks 8 and 12 after UC-MSC transfusion.\n"
    "Conclusions: UC-MSC transplantation was safe in HBV-ACLF and improved liver function during "
    "short-term follow-up.",
    [
        CT("human umbilical cord mesenchymal stem cell", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        FQ("four times", 4),
        FQ("4-week intervals", interval=28),
        TP("12-week", 84),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("ALT", "alanine aminotransferase"),
        LT("albumin", "albumin"),
        LT("ALB", "albumin"),
        LT("total bilirubin", "total bilirubin"),
        LT("TBil", "total bilirubin"),
        LT("prothrombin activity", "prothrombin activity"),
        LT("PTA", "prothrombin activity"),
        LT("creatinine", "creatinine"),
        LT("Cr", "creatinine"),
        LT("MELD scores", "meld"),
        TP("weeks 1 and 2", 7, 14),
        TP("week 4", 28),
        LT("ALT", "alanine aminotransferase"),
        LT("Cr", "creatinine"),
        TP("12 weeks", 84),
        LT("ALB", "albumin"),
        LT("MELD scores", "meld"),
        TP("week 8", 56),
        LT("TBil", "total bilirubin"),
        LT("PTA", "prothrombin activity"),
        TP("weeks 8 and 12", 56, 84),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
    ])

# ====================================================================== a06 Fang 2018
doc("dev-a06",
    "Fang X, et al. A study about immunomodulatory effect and efficacy and prognosis of human "
    "umbilical cord mesenchymal stem cells in patients with chronic hepatitis B-induced "
    "decompensated liver cirrhosis. J Gastroenterol Hepatol 2018;33(4):774-780",
    "https://pubmed.ncbi.nlm.nih.gov/29293276/",
    "Background and Aim: We studied the immunomodulatory effect, short-term efficacy and long-term "
    "prognosis of human umbilical cord mesenchymal stem cells (hUCMSCs), transplanted twice, in "
    "decompensated cirrhosis caused by hepatitis B.\n"
    "Methods: Fifty inpatients (Group A) received standard medical treatment plus hUCMSCs injected "
    "intravenously. Fifty-three patients on the same medical treatment (Group B), matched for age, "
    "sex, baseline alanine aminotransferase, aspartate aminotransferase, albumin, total bilirubin, "
    "prothrombin time, model for end-stage liver disease score and Child-Pugh class, served as "
    "controls.\n"
    "Results: In Group A, interleukin-6 and tumor necrosis factor alpha fell markedly and "
    "interleukin-10 rose at 2 and 4 weeks after treatment, and transforming growth factor beta "
    "increased most at 2 weeks. CD4+ T cells and regulatory T cells were higher, and CD8+ T cells "
    "and B cells lower, than in Group B at 2 and 4 weeks. Aspartate aminotransferase declined "
    "sharply at 8 and 12 weeks, while albumin, total bilirubin and prothrombin time improved from "
    "week 4 to week 12. Gains in model for end-stage liver disease and Child-Pugh scores exceeded "
    "those of Group B from week 4 to week 36. The incidence of liver failure did not differ, but "
    "mortality was lower in Group A.\n"
    "Conclusion: Repeated hUCMSC transplantation may be a suitable option for patients with "
    "HBV-related decompensated cirrhosis.",
    [
        CT("human umbilical cord mesenchymal stem cells", UCMSC, UC),
        CT("hUCMSCs", UCMSC, UC),
        FQ("twice", 2),
        CT("hUCMSCs", UCMSC, UC),
        RT("intravenously", "intravenous"),
        TP("baseline", 0),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("aspartate aminotransferase", "aspartate aminotransferase"),
        LT("albumin", "albumin"),
        LT("total bilirubin", "total bilirubin"),
        LT("prothrombin time", "prothrombin time"),
        LT("model for end-stage liver disease score", "meld"),
        LT("Child-Pugh", "child-pugh"),
        LT("interleukin-6", "interleukin-6"),
        LT("tumor necrosis factor alpha", "tumor necrosis factor-alpha"),
        LT("interleukin-10", "interleukin-10"),
        TP("2 and 4 weeks", 14, 28),
        LT("transforming growth factor beta", "transforming growth factor beta"),
        TP("2 weeks", 14),
        CT("CD4+ T cells", "CL:0000624"),
        CT("regulatory T cells", "CL:0000815"),
        CT("CD8+ T cells", "CL:0000625"),
        CT("B cells", "CL:0000236"),
        TP("2 and 4 weeks", 14, 28),
        LT("Aspartate aminotransferase", "aspartate aminotransferase"),
        TP("8 and 12 weeks", 56, 84),
        LT("albumin", "albumin"),
        LT("total bilirubin", "total bilirubin"),
        LT("prothrombin time", "prothrombin time"),
        TP("week 4", 28),
        TP("week 12", 84),
        LT("model for end-stage liver disease", "meld"),
        LT("Child-Pugh scores", "child-pugh"),
        TP("week 4", 28),
        TP("week 36", 252),
        FQ("Repeated"),
        CT("hUCMSC", UCMSC, UC),
    ])

# ====================================================================== a07 Jia 2020
doc("dev-a07",
    "Jia Y, et al. Enhanced therapeutic effects of umbilical cord mesenchymal stem cells after "
    "prolonged treatment for HBV-related liver failure and liver cirrhosis. "
    "Stem Cell Res Ther 2020;11:277",
    "https://doi.org/10.1186/s13287-020-01787-4",
    "Background: Umbilical cord mesenchymal stem cells (UCMSCs) have shown benefit in hepatitis B "
    "virus (HBV)-related liver disease, but how the length of treatment changes their effect in "
    "liver failure and in cirrhosis is poorly understood.\n"
    "Methods: This retrospective observational study screened the records of 513 patients who "
    "had received stem cell infusions at the Third Affiliated Hospital of Sun Yat-sen University. "
    "Patients who met the criteria for liver failure or for liver cirrhosis were split by "
    "treatment duration: more than 4 weeks of UCMSC therapy (group A, liver failure; group C, "
    "cirrhosis) or less than 4 weeks (groups B and D). Cells were given intravenously at "
    "1 x 10E6 cells/kg. Demographics, biochemistry and model for end-stage liver disease (MELD) "
    "scores were compared at baseline and at 1, 4, 12 and 24 weeks.\n"
    "Results: Sixty-four patients met the liver failure criteria and 59 the cirrhosis criteria. In "
    "the liver failure group, alanine aminotransferase (ALT), aspartate aminotransferase (AST) and "
    "total bilirubin (TBIL) were significantly lower than at baseline at every later visit. "
    "Patients treated for more than 4 weeks improved more than those treated for a shorter time.\n"
    "Conclusions: Prolonged UCMSC treatment enhanced the therapeutic effect in HBV-related liver "
    "failure and liver cirrhosis, and a course longer than 4 weeks may be preferable.",
    [
        CT("Umbilical cord mesenchymal stem cells", UCMSC, UC),
        CT("UCMSCs", UCMSC, UC),
        CT("stem cell", SC),
        TP("4 weeks", 28),
        CT("UCMSC", UCMSC, UC),
        TP("4 weeks", 28),
        RT("intravenously", "intravenous"),
        DO("1 x 10E6 cells/kg", 1e6, unit="cells/kg"),
        LT("model for end-stage liver disease", "meld"),
        LT("MELD", "meld"),
        TP("baseline", 0),
        TP("1, 4, 12 and 24 weeks", 7, 28, 84, 168),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("ALT", "alanine aminotransferase"),
        LT("aspartate aminotransferase", "aspartate aminotransferase"),
        LT("AST", "aspartate aminotransferase"),
        LT("total bilirubin", "total bilirubin"),
        LT("TBIL", "total bilirubin"),
        TP("baseline", 0),
        TP("4 weeks", 28),
        CT("UCMSC", UCMSC, UC),
        TP("4 weeks", 28),
    ])

# ====================================================================== a08 biliary atresia case-control
doc("dev-a08",
    "Outcomes of allogenic umbilical cord mesenchymal stem cell infusion for liver cirrhosis due "
    "to biliary atresia after Kasai operation (matched case-control study, April 2019 - May 2023)",
    "https://arxivlens.com/PaperView/Details/outcomes-of-allogenic-umbilical-cord-mesenchymal-stem-"
    "cell-infusion-for-liver-cirrhosis-due-to-biliary-atresia-after-kasai-operation.-3432-45808343",
    "Background: Kasai portoenterostomy has saved many children with biliary atresia, yet long-term "
    "survival with the native liver remains poor. We evaluated the safety and outcomes of "
    "allogeneic umbilical cord mesenchymal stem cell (UC-MSC) infusion for cirrhosis due to "
    "biliary atresia after a Kasai operation.\n"
    "Methods: This matched case-control study, run from April 2019 to May 2023, included 32 "
    "children with cirrhosis after Kasai portoenterostomy. Sixteen in the cell therapy group "
    "received a single hepatic-artery infusion of UC-MSCs plus standard care at a mean age of "
    "9.0 ± 2.1 months; sixteen matched controls received standard care only. Age at the Kasai "
    "operation was 81.5 days [58–103] in the therapy group and 76.0 days [52–112] in controls "
    "(p = 0.77).\n"
    "Results: At enrollment the groups were comparable in age (9.0 ± 2.1 vs 9.4 ± 5.2 months; "
    "p = 0.52) and Pediatric End-Stage Liver Disease (PELD) score (2.31 ± 4.16 vs 2.69 ± 4.09; "
    "p = 0.80). No severe adverse events related to cell therapy occurred. Over 12 months the cell "
    "therapy group had higher serum albumin (3.9 ± 0.3 vs 3.5 ± 0.4 g/dL, p = 0.02), lower total "
    "bilirubin (p = 0.04) and a greater improvement in alkaline phosphatase (p = 0.03); reductions "
    "in AST, ALT and GGT also favoured UC-MSCs without reaching significance. PELD scores fell to "
    "-3.56 with UC-MSCs versus 1.64 in controls (p < 0.01).\n"
    "Conclusions: A single hepatic-artery infusion of allogeneic UC-MSCs was safe in cirrhosis "
    "after Kasai surgery and may help to preserve liver function.",
    [
        CT("umbilical cord mesenchymal stem cell", UCMSC, UC, AL),
        CT("UC-MSC", UCMSC, UC, AL),
        FQ("single", 1),
        RT("hepatic-artery", "hepatic_artery"),
        CT("UC-MSCs", UCMSC, UC),
        LT("Pediatric End-Stage Liver Disease", "peld", key="peld"),
        LT("PELD", "peld"),
        LV("2.31 ± 4.16", 2.31, 4.16),
        LV("2.69 ± 4.09", 2.69, 4.09),
        TP("12 months", 360),
        LT("serum albumin", "albumin"),
        LV("3.9 ± 0.3", 3.9, 0.3, unit="g/dL"),
        LV("3.5 ± 0.4 g/dL", 3.5, 0.4, unit="g/dL"),
        LT("total bilirubin", "total bilirubin", ctx="lower total bilirubin"),
        LT("alkaline phosphatase", "alkaline phosphatase"),
        LT("AST", "aspartate aminotransferase"),
        LT("ALT", "alanine aminotransferase"),
        LT("GGT", "gamma-glutamyl transferase"),
        CT("UC-MSCs", UCMSC, UC),
        LT("PELD scores", "peld"),
        LV("-3.56", -3.56),
        CT("UC-MSCs", UCMSC, UC),
        LV("1.64", 1.64),
        FQ("single", 1),
        RT("hepatic-artery", "hepatic_artery"),
        CT("UC-MSCs", UCMSC, UC, AL),
    ])

# ====================================================================== a09 Wang KJ 2014 cord blood
doc("dev-a09",
    "Wang KJ, Zhao SM, Wang F, Sun HT, Kou JF. The effect of transplantation of human umbilical "
    "cord blood stem cell on decompensated cirrhosis. Progress in Modern Biomedicine "
    "2014;14(15):2921-2924",
    "http://xdswyxjz.cnjournals.com/xdswyxjzen/ch/reader/view_abstract.aspx?file_no=201415030&flag=1",
    "Objective: To evaluate umbilical cord blood stem cell transplantation for decompensated "
    "cirrhosis and its effect on portal venous hemodynamics.\n"
    "Methods: Thirty patients with decompensated cirrhosis were treated and 20 comparable patients "
    "served as controls. Umbilical cord blood stem cells were separated by a negative-selection "
    "method and slowly injected into the proper hepatic artery through a catheter placed by "
    "femoral artery puncture. Liver function, coagulation indices, alpha-fetoprotein (AFP), CT "
    "liver volume and portal venous hemodynamics were examined before treatment and at 1 week and "
    "1, 3 and 6 months afterwards.\n"
    "Results: Compared with controls at the same visits, serum albumin was clearly better at 4, 12 "
    "and 24 weeks after treatment, prothrombin time (PT) was shorter at 12 and 24 weeks, and AFP "
    "was higher at 4, 12 and 24 weeks. Portal hemodynamic parameters changed no differently in the "
    "two groups, and liver volume tended to increase without reaching significance. One treated "
    "patient was diagnosed with primary hepatocellular carcinoma at week 10, a rate that did not "
    "differ significantly from that of the control group.\n"
    "Conclusion: Cord blood stem cell therapy may improve the synthetic function of the liver and "
    "support its regeneration in decompensated cirrhosis without altering portal hemodynamics.",
    [
        CT("umbilical cord blood stem cell", SC, CB),
        CT("Umbilical cord blood stem cells", SC, CB),
        RT("proper hepatic artery", "hepatic_artery"),
        LT("alpha-fetoprotein", "alpha-fetoprotein"),
        LT("AFP", "alpha-fetoprotein"),
        TP("1 week", 7),
        TP("1, 3 and 6 months", 30, 90, 180),
        LT("serum albumin", "albumin"),
        TP("4, 12 and 24 weeks", 28, 84, 168),
        LT("prothrombin time", "prothrombin time"),
        LT("PT", "prothrombin time"),
        TP("12 and 24 weeks", 84, 168),
        LT("AFP", "alpha-fetoprotein"),
        TP("4, 12 and 24 weeks", 28, 84, 168),
        TP("week 10", 70),
        CT("Cord blood stem cell", SC, CB),
    ])

# ====================================================================== a10 Lim 2024 hAEC
doc("dev-a10",
    "Lim R, Hodge A, Warner S, Moore GT, Correia J, Krause M, et al. Human amniotic epithelial "
    "cell transplantation is safe and well tolerated in patients with compensated cirrhosis: a "
    "first-in-human trial. Stem Cells Transl Med 2024",
    "https://www.aminer.cn/pub/661d879d13fb2c6cf64e32ee/human-amniotic-epithelial-cell-"
    "transplantation-is-safe-and-well-tolerated-in-patients",
    "Background: Placenta-derived human amniotic epithelial cells (hAECs) have anti-inflammatory "
    "and anti-fibrotic effects in models of cirrhosis. This first-in-human phase I trial "
    "(ACTRN12616000437460) examined their safety and tolerability in adults with compensated "
    "cirrhosis.\n"
    "Methods: Nine patients in three cohorts received escalating and repeated doses of "
    "allogeneic hAECs, 0.5–1 × 10^6 cells/kg per infusion. Cohort 1 received 0.5 × 106/kg as a "
    "single IV infusion, cohort 2 received 1 × 106/kg as a single infusion, and cohort 3 received "
    "1 × 106/kg on days 0 and 28. Patients were followed to post-infusion day 56 (D56).\n"
    "Results: No serious adverse events occurred. Six patients had no study-related adverse event "
    "and three reported mild (grade 1) headaches possibly related to the infusion. Platelet count "
    "fell transiently in every patient and returned to pre-infusion values by day 5. FIB-4 was "
    "significantly lower at D56, and serum AST and liver stiffness at D56 were lower than at "
    "baseline, although not significantly. The hepatic venous pressure gradient fell in four "
    "patients, was unchanged in three and rose in two.\n"
    "Conclusions: Intravenous allogeneic hAECs were safe and well tolerated at these doses, with "
    "no difference between one and two doses.",
    [
        CT("Placenta-derived human amniotic epithelial cells", AEC, PL),
        CT("hAECs", AEC, PL),
        FQ("repeated"),
        CT("hAECs", AEC, donor=AL),
        DO("0.5–1 × 10^6 cells/kg", 5e5, 1e6, unit="cells/kg"),
        DO("0.5 × 106/kg", 5e5, unit="cells/kg"),
        FQ("single", 1),
        RT("IV", "intravenous"),
        DO("1 × 106/kg", 1e6, unit="cells/kg"),
        FQ("single", 1),
        DO("1 × 106/kg", 1e6, unit="cells/kg"),
        TP("days 0 and 28", 0, 28),
        TP("day 56", 56),
        TP("D56", 56),
        LT("Platelet count", "platelet count"),
        TP("day 5", 5),
        LT("FIB-4", "fib-4"),
        TP("D56", 56),
        LT("serum AST", "aspartate aminotransferase"),
        TP("D56", 56),
        TP("baseline", 0),
        RT("Intravenous", "intravenous"),
        CT("hAECs", AEC, donor=AL),
    ])

# ====================================================================== a11 Shi 2012 ACLF
doc("dev-a11",
    "Shi M, Zhang Z, Xu R, Lin H, Fu J, Zou Z, et al. Human mesenchymal stem cell transfusion is "
    "safe and improves liver function in acute-on-chronic liver failure patients. "
    "Stem Cells Transl Med 2012;1(10):725-731",
    "https://doi.org/10.5966/sctm.2012-0034",
    "Background: Acute-on-chronic liver failure (ACLF) associated with hepatitis B virus has a high "
    "short-term mortality. We tested whether transfusion of umbilical cord mesenchymal stem cells "
    "(UC-MSCs) is safe and improves liver function in these patients.\n"
    "Methods: Forty-three patients with HBV-related ACLF were studied: 24 received UC-MSCs and 19 "
    "received saline as controls, both on top of standard medical therapy. UC-MSCs were "
    "transfused through an arm vein at 0.5x106 cells/kg, three times at 4-week intervals. Liver "
    "function, model for end-stage liver disease (MELD) score, survival and adverse events were "
    "recorded at 1, 2, 4, 8, 12, 24, 36 and 48 weeks.\n"
    "Results: No significant side effects were seen during or after UC-MSC transfusion. Compared "
    "with controls, patients given UC-MSCs had higher serum albumin, cholinesterase and platelet "
    "counts, and lower total bilirubin, alanine aminotransferase, prothrombin time and MELD "
    "scores during follow-up. Survival was also better in the UC-MSC group.\n"
    "Conclusions: UC-MSC transfusion was safe in HBV-related ACLF and improved liver function and "
    "survival, which supports larger randomized trials.",
    [
        CT("umbilical cord mesenchymal stem cells", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        RT("arm vein", "intravenous"),
        DO("0.5x106 cells/kg", 5e5, unit="cells/kg"),
        FQ("three times", 3),
        FQ("4-week intervals", interval=28),
        LT("model for end-stage liver disease", "meld"),
        LT("MELD", "meld"),
        TP("1, 2, 4, 8, 12, 24, 36 and 48 weeks", 7, 14, 28, 56, 84, 168, 252, 336),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        LT("serum albumin", "albumin"),
        LT("cholinesterase", "cholinesterase"),
        LT("platelet counts", "platelet count"),
        LT("total bilirubin", "total bilirubin"),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("prothrombin time", "prothrombin time"),
        LT("MELD scores", "meld"),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
    ])

# ====================================================================== a12 NCT01342250
doc("dev-a12",
    "ClinicalTrials.gov NCT01342250: Human umbilical cord mesenchymal stem cells (hUC-MSCs) "
    "transplantation for decompensated liver cirrhosis (Shanghai 85 Hospital), registry record",
    "https://clinicaltrials.gov/study/NCT01342250",
    "Brief Summary: Liver transplantation for decompensated liver cirrhosis is limited by donor "
    "shortage, postoperative complications, rejection and cost. Bone marrow-derived mesenchymal "
    "stem cells (BM-MSCs) can replace hepatocytes in the injured liver and rescue experimental "
    "liver failure. This randomized study, which plans to enroll 20 patients, will evaluate the "
    "safety and efficacy of human umbilical cord mesenchymal stem cells (hUC-MSCs) in "
    "decompensated liver cirrhosis.\n"
    "Arms and Interventions:\n"
    "Arm 1: conventional therapy plus low dose hUC-MSCs\n"
    "Arm 2: conventional therapy plus medium dose hUC-MSCs\n"
    "Arm 3: conventional therapy plus high dose hUC-MSCs\n"
    "Outcome Measures:\n"
    "Overall survival. Time frame: 1 year after treatment\n"
    "Improvement of liver function. Time frame: 1 year after treatment\n"
    "Size of the liver and width of the portal vein. Time frame: 1 year after treatment\n"
    "Incidence of hepatocellular carcinoma. Time frame: 1 year after treatment\n"
    "Child-Pugh score, MELD score and SF-36 quality of life. Time frame: 1 year after treatment",
    [
        CT("Bone marrow-derived mesenchymal stem cells", BMMSC, BM),
        CT("BM-MSCs", BMMSC, BM),
        CT("hepatocytes", HEP),
        CT("human umbilical cord mesenchymal stem cells", UCMSC, UC),
        CT("hUC-MSCs", UCMSC, UC),
        DO("low dose", level="low"),
        CT("hUC-MSCs", UCMSC, UC),
        DO("medium dose", level="medium"),
        CT("hUC-MSCs", UCMSC, UC),
        DO("high dose", level="high"),
        CT("hUC-MSCs", UCMSC, UC),
        TP("1 year", 365),
        TP("1 year", 365),
        TP("1 year", 365),
        TP("1 year", 365),
        LT("Child-Pugh score", "child-pugh"),
        LT("MELD score", "meld"),
        TP("1 year", 365),
    ])

# ====================================================================== a13 NCT01220492
doc("dev-a13",
    "ClinicalTrials.gov NCT01220492: Umbilical Cord Mesenchymal Stem Cells for Patients With "
    "Liver Cirrhosis (Beijing 302 Hospital), registry record",
    "https://clinicaltrials.gov/study/NCT01220492",
    "Brief Summary: This randomized trial at Beijing 302 Hospital evaluates the safety and the "
    "longer-term survival of patients with liver cirrhosis who receive umbilical cord mesenchymal "
    "stem cells (UC-MSCs) together with conventional treatment.\n"
    "Arms and Interventions:\n"
    "Experimental: conventional treatment plus MSC. Participants receive conventional treatment "
    "plus a dose of MSC from day 0 through the week 8 study visit and are then followed until the "
    "75-month study visit.\n"
    "Comparator: conventional treatment plus placebo from day 0 through the week 8 study visit; "
    "participants are then followed until the 75-month study visit.\n"
    "Eligibility: liver cirrhosis; a negative pregnancy test in women of childbearing age; written "
    "consent. Exclusion criteria: hepatocellular carcinoma or another malignancy; pregnancy; "
    "sepsis; significant extrahepatic biliary disease (for example common bile duct stones or "
    "PSC); cardiac, renal or respiratory failure; active thrombosis of the portal or hepatic "
    "veins.",
    [
        CT("umbilical cord mesenchymal stem cells", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        CT("MSC", MSC),
        CT("MSC", MSC),
        TP("day 0", 0),
        TP("week 8", 56),
        TP("75-month", 2250),
        TP("day 0", 0),
        TP("week 8", 56),
        TP("75-month", 2250),
    ])

# ====================================================================== a14 NCT01724398
doc("dev-a14",
    "ClinicalTrials.gov NCT01724398: Umbilical Cord Mesenchymal Stem Cells Transplantation "
    "Combined With Plasma Exchange for Patients With Liver Failure (Third Affiliated Hospital of "
    "Sun Yat-sen University), registry record",
    "https://clinicaltrials.gov/study/NCT01724398",
    "Brief Summary: A randomized, open-label study (planned enrollment 120) of human umbilical "
    "cord mesenchymal stem cells (UC-MSCs) combined with plasma exchange (PE) in liver failure "
    "caused by hepatitis B virus.\n"
    "Inclusion: acute-on-chronic liver failure caused by hepatitis B virus; Model for End-Stage "
    "Liver Disease (MELD) <30; written informed consent.\n"
    "Arms and Interventions:\n"
    "Conventional plus UC-MSC: conventional treatment and UC-MSCs given by peripheral vein, "
    "slowly over 30 minutes (1×105/Kg, once a week, 4 times).\n"
    "Conventional plus PE: conventional treatment plus 2000 milliliter plasma exchange (every 3 "
    "days, 3 times).\n"
    "Conventional plus UC-MSC and PE: 2000 milliliter plasma exchange (every 3 days, 3 times) and, "
    "in the same period, i.v. UC-MSCs slowly over 30 minutes (1×105/Kg, once a week, 4 times); "
    "the first two cell infusions follow a plasma exchange.\n"
    "Conventional treatment: antiviral drugs plus hepatoprotective and anti-jaundice "
    "medicines.\n"
    "All participants are followed until the week 48 study visit.",
    [
        CT("human umbilical cord mesenchymal stem cells", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        LT("Model for End-Stage Liver Disease", "meld"),
        LT("MELD", "meld"),
        LV("<30", 30, comp="<"),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        RT("peripheral vein", "intravenous"),
        TP("30 minutes", 30 * MIN),
        DO("1×105/Kg", 1e5, unit="cells/kg"),
        FQ("once a week", interval=7),
        FQ("4 times", 4),
        DO("2000 milliliter", 2000.0, unit="mL"),
        FQ("every 3 days", interval=3),
        FQ("3 times", 3),
        CT("UC-MSC", UCMSC, UC),
        DO("2000 milliliter", 2000.0, unit="mL"),
        FQ("every 3 days", interval=3),
        FQ("3 times", 3),
        RT("i.v.", "intravenous"),
        CT("UC-MSCs", UCMSC, UC),
        TP("30 minutes", 30 * MIN),
        DO("1×105/Kg", 1e5, unit="cells/kg"),
        FQ("once a week", interval=7),
        FQ("4 times", 4),
        TP("week 48", 336),
    ])

# ====================================================================== a15 NCT02812121
doc("dev-a15",
    "ClinicalTrials.gov NCT02812121: UC-MSC Infusion for HBV-Related Acute-on-Chronic Liver "
    "Failure, registry record",
    "https://clinicaltrials.gov/study/NCT02812121",
    "UC-MSC Infusion for HBV-Related Acute-on-Chronic Liver Failure\n"
    "Inclusion Criteria: ACLF, i.e. an acute hepatic insult with jaundice and coagulopathy "
    "(international normalized ratio ≥ 1.5 or prothrombin activity < 40%), complicated within "
    "4 weeks by ascites and/or encephalopathy in a patient with chronic liver disease; HBsAg "
    "positive for more than 6 months; Model for End-Stage Liver Disease scores of 17–30; age 18 "
    "to 65 years.\n"
    "Exclusion Criteria: serious complications within the previous 2 months (e.g. "
    "gastrointestinal bleeding or serious infection); autoimmune disease; other hepatitis virus "
    "infection; liver tumor; bioartificial liver support; previous liver transplantation.\n"
    "Arms:\n"
    "Experimental arm 1: standard medical treatment plus infusions of umbilical cord blood mesenchymal "
    "stem cells via peripheral veins once a week for 8 weeks.\n"
    "Experimental arm 2: standard medical treatment plus the same infusions once a week for 4 weeks.\n"
    "Control arm: standard medical treatment only, including bed rest, nutritional support, "
    "human serum albumin 10g per day until serum albumin reached 35g/L, and plasma 200 ml to "
    "400 ml per day guided by the international normalized ratio.",
    [
        CT("UC-MSC", UCMSC, UC),
        LT("international normalized ratio", "inr"),
        LV("≥ 1.5", 1.5, comp=">="),
        LT("prothrombin activity", "prothrombin activity"),
        LV("< 40%", 40, comp="<", unit="%"),
        TP("4 weeks", 28),
        LT("HBsAg", "hepatitis b surface antigen"),
        TP("6 months", 180),
        LT("Model for End-Stage Liver Disease scores", "meld"),
        LV("17–30", low=17, high=30),
        TP("2 months", 60),
        CT("umbilical cord blood mesenchymal stem cells", MSC, CB),
        RT("peripheral veins", "intravenous"),
        FQ("once a week", interval=7),
        TP("8 weeks", 56),
        FQ("once a week", interval=7),
        TP("4 weeks", 28),
        DO("10g", 10.0, unit="g"),
        FQ("per day", interval=1),
        LT("serum albumin", "albumin"),
        LV("35g/L", 35, unit="g/L"),
        DO("200 ml to 400 ml", 200.0, 400.0, unit="mL"),
        FQ("per day", interval=1),
        LT("international normalized ratio", "inr"),
    ])

# ====================================================================== a16 NCT05985863
doc("dev-a16",
    "ClinicalTrials.gov NCT05985863: Human Umbilical Cord Mesenchymal Stem Cell Transplantation "
    "for The Treatment of Acute-on-Chronic Liver Failure (Beijing 302 Hospital), registry record",
    "https://clinicaltrials.gov/study/NCT05985863",
    "Brief Summary: A randomized, double-blind, placebo-controlled multicenter trial (150 "
    "participants planned) of human umbilical cord mesenchymal stem cell (hUC-MSC) "
    "transplantation for acute-on-chronic liver failure (ACLF).\n"
    "Key inclusion criteria: age 18 to 70 years; APASL-defined ACLF with jaundice (total bilirubin "
    "5 mg/dl or more) and coagulopathy (INR 1.5 or more, or prothrombin activity less than 40%), "
    "complicated within 4 weeks by ascites and/or encephalopathy.\n"
    "Key exclusion criteria: before the onset of liver failure, PLT<50×10^9/L or Child-Pugh "
    "score>9; liver transplantation planned within 3 months; immunosuppressant or immune enhancer "
    "treatment within 1 month.\n"
    "Interventions:\n"
    "Placebo: 5% human serum albumin in 0.9% saline at week0, week1 and week2.\n"
    "hUC-MSC: 1.5×10^8 cells/time, peripheral IV, at week0, week1 and week2.\n"
    "hUC-MSC prolonged: 1.5×10^8 cells/time, peripheral IV, at week4 and week5.\n"
    "All arms also receive standard medical treatment for ACLF.",
    [
        CT("human umbilical cord mesenchymal stem cell", UCMSC, UC),
        CT("hUC-MSC", UCMSC, UC),
        LT("total bilirubin", "total bilirubin"),
        LV("5 mg/dl or more", 5, comp=">=", unit="mg/dL"),
        LT("INR", "inr"),
        LV("1.5 or more", 1.5, comp=">="),
        LT("prothrombin activity", "prothrombin activity"),
        LV("less than 40%", 40, comp="<", unit="%"),
        TP("4 weeks", 28),
        LT("PLT", "platelet count"),
        LV("<50×10^9/L", 50, comp="<", unit="10^9/L"),
        LT("Child-Pugh score", "child-pugh"),
        LV(">9", 9, comp=">"),
        TP("3 months", 90),
        TP("1 month", 30),
        TP("week0", 0),
        TP("week1", 7),
        TP("week2", 14),
        CT("hUC-MSC", UCMSC, UC),
        DO("1.5×10^8 cells/time", 1.5e8, unit="cells"),
        RT("peripheral IV", "intravenous"),
        TP("week0", 0),
        TP("week1", 7),
        TP("week2", 14),
        CT("hUC-MSC", UCMSC, UC),
        DO("1.5×10^8 cells/time", 1.5e8, unit="cells"),
        RT("peripheral IV", "intravenous"),
        TP("week4", 28),
        TP("week5", 35),
    ])

# ====================================================================== a17 NCT03529136
doc("dev-a17",
    "ClinicalTrials.gov NCT03529136: Clinical Trial of Umbilical Cord Mesenchymal Stem Cell "
    "Transfusion in Decompensated Liver Cirrhosis, registry record (eligibility)",
    "https://clinicaltrials.gov/study/NCT03529136",
    "Clinical Trial of Umbilical Cord Mesenchymal Stem Cell Transfusion in Decompensated Liver "
    "Cirrhosis\n"
    "Inclusion Criteria:\n"
    "- Clinically diagnosed decompensated liver cirrhosis.\n"
    "- Hepatitis B or C cirrhosis after antiviral treatment, with viral replication suppressed "
    "for over six months, and liver function still worse than Child-Pugh grade A or a MELD score "
    ">10.\n"
    "- At least one hospital admission for a complication of cirrhosis (ascites, spontaneous "
    "peritonitis, gastrointestinal bleeding or hepatic encephalopathy) during the previous 12 "
    "months despite active medical treatment.\n"
    "- Albumin <35 g/L, total bilirubin <170 umol/L, prothrombin activity >30%, prothrombin time "
    "<20 s and Child-Pugh score >5.\n"
    "- Aged from 18 to 65 years; signed informed consent.\n"
    "Exclusion Criteria:\n"
    "- Malignant tumor of the liver or other organs, or a history of cancer.\n"
    "- Gastrointestinal hemorrhage in the last 30 days.\n"
    "- Severe heart, lung, kidney or blood disease; pregnancy or lactation; allergic "
    "constitution; alcohol or drug abuse.",
    [
        CT("Umbilical Cord Mesenchymal Stem Cell", UCMSC, UC),
        TP("six months", 180),
        LT("Child-Pugh", "child-pugh"),
        LT("MELD score", "meld"),
        LV(">10", 10, comp=">"),
        TP("12 months", 360),
        LT("Albumin", "albumin"),
        LV("<35 g/L", 35, comp="<", unit="g/L"),
        LT("total bilirubin", "total bilirubin"),
        LV("<170 umol/L", 170, comp="<", unit="umol/L"),
        LT("prothrombin activity", "prothrombin activity"),
        LV(">30%", 30, comp=">", unit="%"),
        LT("prothrombin time", "prothrombin time"),
        LV("<20 s", 20, comp="<", unit="s"),
        LT("Child-Pugh score", "child-pugh"),
        LV(">5", 5, comp=">"),
        TP("30 days", 30),
    ])

# ====================================================================== a18 NCT07011199
doc("dev-a18",
    "ClinicalTrials.gov NCT07011199: umbilical cord-derived mesenchymal stem cells by trans-portal "
    "vein injection during Kasai surgery for biliary atresia (Dr. Kariadi General Hospital, "
    "Semarang), registry record",
    "https://clinicaltrials.gov/study/NCT07011199",
    "Brief Summary: This trial with a historical control group asks whether umbilical "
    "cord-derived mesenchymal stem cell (UC-MSC) therapy improves liver function, complications "
    "and survival in infants with biliary atresia who undergo Kasai surgery before 90 days of age. "
    "Enrollment: 14.\n"
    "Intervention: Kasai portoenterostomy combined with intraoperative trans-portal vein injection "
    "of 20 million mesenchymal stem cells derived from umbilical cord tissue, suspended in 5 mL "
    "autologous plasma.\n"
    "Comparator: historical patients who underwent the same Kasai surgery in earlier years "
    "without UC-MSC therapy.\n"
    "Outcome Measures:\n"
    "Serum albumin, a marker of liver synthetic function. Time frame: baseline (pre-op), 4 weeks, "
    "6 weeks, 12 weeks, 24 weeks and 12 months post-operation\n"
    "Total bilirubin, direct bilirubin and indirect bilirubin. Time frame: baseline, 4, 6, 12 and "
    "24 weeks, 12 months",
    [
        CT("umbilical cord-derived mesenchymal stem cell", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        RT("portal vein", "intraportal"),
        DO("20 million mesenchymal stem cells", 2e7, unit="cells"),
        CT("mesenchymal stem cells", MSC, UC),
        CT("UC-MSC", UCMSC, UC),
        LT("Serum albumin", "albumin"),
        TP("baseline", 0),
        TP("4 weeks", 28),
        TP("6 weeks", 42),
        TP("12 weeks", 84),
        TP("24 weeks", 168),
        TP("12 months", 360),
        LT("Total bilirubin", "total bilirubin"),
        LT("direct bilirubin", "direct bilirubin"),
        LT("indirect bilirubin", "indirect bilirubin"),
        TP("baseline", 0),
        TP("4, 6, 12 and 24 weeks", 28, 42, 84, 168),
        TP("12 months", 360),
    ])

# ====================================================================== a19 NCT06564740
doc("dev-a19",
    "ClinicalTrials.gov NCT06564740: Stem Cell Applications in Biliary Atresia Patients "
    "(umbilical cord-derived MSCs via the hepatic artery; Esenyurt State Hospital, Istanbul), "
    "registry record",
    "https://clinicaltrials.gov/study/NCT06564740",
    "Brief Summary: MSC transplantation has shown promise in adults with liver cirrhosis, and "
    "bone marrow-derived stem cell transplantation has been used successfully in children with "
    "biliary atresia (BA). This multicentre randomized controlled trial, planned for 64 infants, "
    "tests umbilical cord-derived mesenchymal stem cell (UC-MSC) therapy in BA.\n"
    "Eligibility: infants two months of age or older with cirrhosis after the Kasai operation "
    "(hepatomegaly, congestive splenomegaly, raised liver enzymes, esophageal varices on "
    "endoscopy, cirrhosis on liver biopsy).\n"
    "Arms and Interventions:\n"
    "Study group: UC-MSC transplantation twice via the hepatic artery, the first after surgery "
    "and the second 6 months later, at 1 million UC-MSC/kg.\n"
    "Control group: no UC-MSC; routine standard treatment continues.\n"
    "Outcome Measures:\n"
    "Adverse events, assessed during the stem cell applications and at 1 week, 1 month, 3 months, "
    "6 months, 1 year and 2 years after the application. Time frame: 2 years",
    [
        CT("MSC", MSC),
        CT("bone marrow-derived stem cell", SC, BM),
        CT("umbilical cord-derived mesenchymal stem cell", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        FQ("twice", 2),
        RT("hepatic artery", "hepatic_artery"),
        TP("6 months", 180),
        DO("1 million UC-MSC/kg", 1e6, unit="cells/kg"),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("stem cell", SC),
        TP("1 week", 7),
        TP("1 month", 30),
        TP("3 months", 90),
        TP("6 months", 180),
        TP("1 year", 365),
        TP("2 years", 730),
        TP("2 years", 730),
    ])

# ====================================================================== a20 NCT04522869
doc("dev-a20",
    "ClinicalTrials.gov NCT04522869: Umbilical Cord Derived Mesenchymal Stem Cell (UC-MSC) "
    "Transplantation for Children Suffering From Biliary Atresia (UCMSCBA; Vinmec Research "
    "Institute of Stem Cell and Gene Technology), registry record",
    "https://clinicaltrials.gov/study/NCT04522869",
    "Umbilical Cord Derived Mesenchymal Stem Cell (UC-MSC) Transplantation for Children Suffering "
    "From Biliary Atresia\n"
    "Brief Summary: Biliary atresia (BA) is the most frequent cause of chronic cholestasis in "
    "newborns and accounts for at least half of pediatric liver transplants; without surgery, "
    "children die of cirrhosis. Isolating MSCs from umbilical cord tissue is less invasive than "
    "harvesting them from bone marrow, and UC-derived MSCs have been safe and effective in adult "
    "cirrhosis. The investigators will compare 17 Kasai-operated BA patients who receive UC-MSC "
    "transplantation with 17 who undergo the Kasai operation alone. UC-MSCs will be transplanted "
    "twice via the hepatic artery, at baseline and 6 months later, at 1 million MSCs per kg of "
    "body weight. Safety will be judged from the frequency and severity of adverse events within "
    "72 hours post-injection.\n"
    "Status: completed; phase 1/phase 2.",
    [
        CT("Umbilical Cord Derived Mesenchymal Stem Cell", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("MSCs", MSC, UC),
        CT("UC-derived MSCs", UCMSC, UC),
        CT("UC-MSC", UCMSC, UC),
        CT("UC-MSCs", UCMSC, UC),
        FQ("twice", 2),
        RT("hepatic artery", "hepatic_artery"),
        TP("baseline", 0),
        TP("6 months", 180),
        DO("1 million MSCs per kg of body weight", 1e6, unit="cells/kg"),
        CT("MSCs", MSC),
        TP("72 hours", 3),
    ])


# ---------------------------------------------------------------- draft writer
def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def build(d: dict) -> dict:
    text = d["text"]
    cursor, spans, relations = 0, [], []
    last_test, keys, label_end = None, {}, {}
    for n, (label, stext, attrs, opts) in enumerate(d["spans"], start=1):
        hits = _occurrences(text, stext)
        cand = [p for p in hits if p >= cursor and p >= label_end.get(label, 0)]
        if "ctx" in opts:
            ctx = opts["ctx"]
            inner = ctx.index(stext)
            cand = [c + inner for c in _occurrences(text, ctx) if c + inner in cand]
        if not cand:
            raise SystemExit(f"{d['id']}: span {n} {label} {stext!r} not found after {cursor}")
        pos = cand[0]
        cursor = pos
        label_end[label] = pos + len(stext)
        sid = f"T{n}"
        spans.append({"id": sid, "label": label, "text": stext, "nth": hits.index(pos),
                      "attrs": dict(attrs)})
        if label == "LAB_TEST":
            last_test = sid
            if "key" in opts:
                keys[opts["key"]] = sid
        if label == "LAB_VALUE":
            tail = keys[opts["test"]] if "test" in opts else last_test
            if tail is None:
                raise SystemExit(f"{d['id']}: value {stext!r} has no test")
            relations.append({"label": "VALUE_OF", "head": sid, "tail": tail})
    return {"id": d["id"], "source": None, "source_offset": None, "scheme_version": 1,
            "text": text,
            "provenance": {"citation": d["citation"], "url": d["url"], "note": NOTE},
            "spans": spans, "relations": relations}


def show(rec: dict) -> None:
    text = rec["text"]
    print(f"===== {rec['id']} ({len(text.split())} words)")
    rel = {r["head"]: r["tail"] for r in rec["relations"]}
    for s in rec["spans"]:
        pos = _occurrences(text, s["text"])[s["nth"]]
        left = text[max(0, pos - 30):pos].replace("\n", " ")
        right = text[pos + len(s["text"]):pos + len(s["text"]) + 30].replace("\n", " ")
        attrs = {k: v for k, v in s["attrs"].items() if v is not None}
        extra = f" -> {rel[s['id']]}" if s["id"] in rel else ""
        print(f"{s['id']:>4} {s['label']:<10} …{left}[{s['text']}]{right}…  {attrs}{extra}")


def main() -> None:
    recs = [build(d) for d in DOCS]
    if "--show" in sys.argv:
        for rec in recs:
            show(rec)
        return
    out = HERE / "batch_a.draft.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                   encoding="utf-8")
    for r in recs:
        print(f"{r['id']}: {len(r['text'].split())} words, {len(r['spans'])} spans, "
              f"{len(r['relations'])} relations")
    print(f"{len(recs)} documents written to {out}")


if __name__ == "__main__":
    main()
