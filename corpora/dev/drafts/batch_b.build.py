"""Batch b of the dev corpus: texts and hand-chosen spans, written out as a draft.

Every span below was chosen by hand, reading each sentence against the scheme and
D1-D18. This script only turns the hand-written list into the draft format (span text +
``nth`` occurrence) so that no offset is counted by hand: spans are listed in reading
order and each is looked up from the start of the previous span onwards.

    /tmp/v1/bin/python corpora/dev/drafts/batch_b.build.py   # writes batch_b.draft.jsonl
"""

from __future__ import annotations

import json
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


BM = "bone_marrow"
PB = "peripheral_blood"
AU = "autologous"
AL = "allogeneic"
BMMSC = "CL:0002540"
MSC = "CL:0000134"
BMMNC = "CL:0010004"
MNC = "CL:0000842"
BMC = "CL:0002092"
HSC = "CL:0000037"
SC = "CL:0000034"
PBMC = "CL:2000001"
PBSC = "CL:0002246"

DOCS: list[dict] = []


def doc(did, citation, url, text, spans):
    DOCS.append({"id": did, "citation": citation, "url": url, "text": text, "spans": spans})


# ====================================================================== b01 Suk 2016
doc("dev-b01",
    "Suk KT, Yoon JH, Kim MY, et al. Transplantation with autologous bone marrow-derived "
    "mesenchymal stem cells for alcoholic cirrhosis: Phase 2 trial. Hepatology 2016;64(6):2185-2197",
    "https://pubmed.ncbi.nlm.nih.gov/27339398/",
    "Background and aims: Transplantation of bone marrow-derived mesenchymal stem cells (BM-MSCs) "
    "has been proposed as a way to reverse fibrosis in cirrhosis. This multicentre, open-label, "
    "randomized phase 2 trial tested autologous BM-MSCs in alcoholic cirrhosis.\n"
    "Methods: We enrolled 72 patients with biopsy-proven alcoholic cirrhosis who had abstained from "
    "alcohol for more than 6 months. They were allocated to a control arm or to one of two cell arms "
    "that received either a one-time or a two-time injection of autologous BM-MSCs (5 × 10^7 cells "
    "per injection) into the hepatic artery, starting 30 days after bone marrow aspiration. Liver "
    "biopsy was repeated 6 months after enrolment and adverse events were recorded for 12 months. "
    "The primary endpoint was the change in collagen proportion on picrosirius red staining; "
    "secondary endpoints were liver function tests, the Child-Pugh score and the Model for End-stage "
    "Liver Disease (MELD) score.\n"
    "Results: In the per-protocol analysis, collagen proportion fell by 25% (19.5 ± 9.5% to 14.5 ± "
    "7.1%) in the one-time arm and by 37% (21.1 ± 8.9% to 13.2 ± 6.7%) in the two-time arm "
    "(P < 0.001), and the two-time arm did not outperform the one-time arm (P > 0.05). The "
    "Child-Pugh score improved in both cell arms.\n"
    "Conclusions: Hepatic arterial injection of autologous BM-MSCs reduced fibrosis and improved the "
    "Child-Pugh score in alcoholic cirrhosis; a two-time schedule was no better than a one-time "
    "injection.",
    [
        CT("bone marrow-derived mesenchymal stem cells", BMMSC, BM),
        CT("BM-MSCs", BMMSC, BM),
        CT("BM-MSCs", BMMSC, BM, AU),
        TP("6 months", 180),
        FQ("one-time", 1),
        FQ("two-time", 2),
        CT("BM-MSCs", BMMSC, BM, AU),
        DO("5 × 10^7 cells", 5e7, unit="cells"),
        RT("hepatic artery", "hepatic_artery"),
        TP("30 days", 30),
        TP("6 months", 180),
        TP("12 months", 360),
        LT("Child-Pugh score", "child-pugh"),
        LT("Model for End-stage Liver Disease", "meld"),
        LT("MELD", "meld"),
        FQ("one-time", 1),
        FQ("two-time", 2),
        FQ("two-time", 2),
        FQ("one-time", 1),
        LT("Child-Pugh score", "child-pugh"),
        RT("Hepatic arterial", "hepatic_artery"),
        CT("BM-MSCs", BMMSC, BM, AU),
        LT("Child-Pugh score", "child-pugh"),
        FQ("two-time", 2),
        FQ("one-time", 1),
    ])

# ====================================================================== b02 Lin 2017
doc("dev-b02",
    "Lin BL, Chen JF, Qiu WH, et al. Allogeneic bone marrow-derived mesenchymal stromal cells for "
    "hepatitis B virus-related acute-on-chronic liver failure: A randomized controlled trial. "
    "Hepatology 2017;66(1):209-219",
    "https://doi.org/10.1002/hep.29189",
    "Background: Hepatitis B virus (HBV)-related acute-on-chronic liver failure (ACLF) carries a high "
    "mortality and has few treatment options. We tested whether allogeneic mesenchymal stromal cells "
    "from bone marrow improve its outcome.\n"
    "Methods: Between 2010 and 2013, 110 patients with HBV-related ACLF were randomized in an "
    "open-label trial to standard medical therapy (SMT) alone (n = 54) or to SMT plus allogeneic "
    "bone marrow-derived MSCs (n = 56). Cells were given through a peripheral vein at 1.0 to 10 x "
    "10(5) cells/kg, weekly for 4 weeks, and patients were followed for 24 weeks.\n"
    "Results: Cumulative survival was 73.2% (95% CI 61.6%-84.8%) in the MSC arm and 55.6% (95% CI "
    "42.3%-68.9%) with SMT alone (P = 0.03). No infusion-related side effects occurred, although "
    "fever was more common in the MSC arm during weeks 5-24 of follow-up, and no tumour developed in "
    "either arm. Compared with controls, serum total bilirubin and Model for End-Stage Liver Disease "
    "(MELD) scores improved markedly after MSC treatment. Severe infection was less frequent with "
    "MSCs (16.1% versus 33.3%, P = 0.04), and fewer patients died of multiple organ failure and "
    "severe infection (17.9% versus 37.0%, P = 0.02).\n"
    "Conclusions: Intravenous infusion of allogeneic bone marrow-derived MSCs was safe and improved "
    "24-week survival in HBV-related ACLF.",
    [
        CT("mesenchymal stromal cells", MSC, BM, AL),
        CT("bone marrow-derived MSCs", BMMSC, BM, AL),
        RT("peripheral vein", "intravenous"),
        DO("1.0 to 10 x 10(5) cells/kg", 1e5, 1e6, "cells/kg"),
        FQ("weekly", interval=7),
        TP("4 weeks", 28),
        TP("24 weeks", 168),
        CT("MSC", MSC),
        CT("MSC", MSC),
        TP("weeks 5-24", 35, 168),
        LT("serum total bilirubin", "total bilirubin"),
        LT("Model for End-Stage Liver Disease", "meld"),
        LT("MELD", "meld"),
        CT("MSC", MSC),
        CT("MSCs", MSC),
        RT("Intravenous", "intravenous"),
        CT("bone marrow-derived MSCs", BMMSC, BM, AL),
        TP("24-week", 168),
    ])

# ====================================================================== b03 Lyra 2007
doc("dev-b03",
    "Lyra AC, Soares MB, da Silva LF, et al. Feasibility and safety of autologous bone marrow "
    "mononuclear cell transplantation in patients with advanced chronic liver disease. World J "
    "Gastroenterol 2007;13(7):1067-1073",
    "https://doi.org/10.3748/wjg.v13.i7.1067",
    "AIM: To assess whether transplantation of autologous bone marrow cells is feasible and safe in "
    "patients with chronic liver disease who are waiting for a liver graft.\n"
    "METHODS: Ten patients (eight men) were enrolled; seven were Child-Pugh class B and three class C. "
    "About 50 mL of bone marrow was aspirated, and bone marrow mononuclear cells were separated on a "
    "Ficoll-Hypaque gradient; no fewer than 100 million cells were delivered into the hepatic artery "
    "with the catheter technique used for chemoembolization. Adverse events were followed for up to "
    "4 mo.\n"
    "RESULTS: Median age was 52 years (range 24-70 years). Every patient went home 48 h after the "
    "infusion, and the only complaint was mild pain at the aspiration site in two patients. Mean "
    "bilirubin fell from 2.78 ± 1.2 at baseline to 2.19 ± 0.9 at 1 mo and 2.10 ± 1.0 at 4 mo. "
    "Albumin rose from 3.47 ± 0.5 at baseline to 3.73 ± 0.5 at 4 mo. The international normalized "
    "ratio (INR) went from 1.48 (SD 0.23) to 1.43 (SD 0.23) one month after transplantation.\n"
    "CONCLUSION: Infusion of autologous bone marrow mononuclear cells into the hepatic artery is "
    "feasible and safe in advanced chronic liver disease and was followed by lower bilirubin and INR "
    "and higher albumin.",
    [
        CT("bone marrow cells", BMC, BM, AU),
        LT("Child-Pugh", "child-pugh"),
        CT("bone marrow mononuclear cells", BMMNC, BM),
        DO("100 million cells", 1e8, unit="cells"),
        RT("hepatic artery", "hepatic_artery"),
        TP("4 mo", 120),
        TP("48 h", 2),
        LT("bilirubin", "total bilirubin", key="bil"),
        LV("2.78 ± 1.2", 2.78, 1.2),
        TP("baseline", 0),
        LV("2.19 ± 0.9", 2.19, 0.9),
        TP("1 mo", 30),
        LV("2.10 ± 1.0", 2.10, 1.0),
        TP("4 mo", 120),
        LT("Albumin", "albumin"),
        LV("3.47 ± 0.5", 3.47, 0.5),
        TP("baseline", 0),
        LV("3.73 ± 0.5", 3.73, 0.5),
        TP("4 mo", 120),
        LT("international normalized ratio", "inr"),
        LT("INR", "inr"),
        LV("1.48 (SD 0.23)", 1.48, 0.23),
        LV("1.43 (SD 0.23)", 1.43, 0.23),
        TP("one month", 30),
        CT("bone marrow mononuclear cells", BMMNC, BM, AU),
        RT("hepatic artery", "hepatic_artery"),
        LT("bilirubin", "total bilirubin"),
        LT("INR", "inr"),
        LT("albumin", "albumin"),
    ])

# ====================================================================== b04 Spahr 2013
doc("dev-b04",
    "Spahr L, Chalandon Y, Terraz S, et al. Autologous bone marrow mononuclear cell transplantation "
    "in patients with decompensated alcoholic liver disease: a randomized controlled trial. PLoS One "
    "2013;8(1):e53719",
    "https://pubmed.ncbi.nlm.nih.gov/23341981/",
    "Objective: Poor liver regeneration is linked to a bad outcome in decompensated alcoholic liver "
    "disease (ALD). We asked whether autologous bone marrow mononuclear cell transplantation improves "
    "liver function in this setting.\n"
    "Design: Fifty-eight patients with cirrhosis (mean age 54 years; mean MELD score 19; alcoholic "
    "steatohepatitis on the baseline biopsy in 81%) were randomized soon after admission to standard "
    "medical therapy alone (n = 30), with steroids when the Maddrey score was ≥32, or to standard "
    "therapy plus G-CSF injections and infusion of autologous bone marrow mononuclear cells (BMMCs) "
    "into the hepatic artery (n = 28). Marrow was harvested, processed and reinfused on the same day. "
    "The primary endpoint was a MELD score decrease of ≥3 points at 3 months, and a repeat liver "
    "biopsy was taken at week 4.\n"
    "Results: At 3 months, 2 patients in the BMMC arm and 4 in the control arm had died. Adverse "
    "events were evenly distributed, and 31% of patients had a moderate alcohol relapse. MELD "
    "improved in parallel in both arms: 18 patients (64%) given BMMCs and 18 (53%) on standard "
    "therapy reached the primary endpoint (p = 0.43). Compared with baseline, the week 4 biopsies "
    "showed less steatosis (p<0.001).\n"
    "Conclusion: Autologous BMMC transplantation was safe but did not improve liver function beyond "
    "standard medical therapy in decompensated ALD.",
    [
        CT("bone marrow mononuclear cell", BMMNC, BM, AU),
        LT("MELD score", "meld"),
        LV("19", 19.0),
        TP("baseline", 0),
        LT("Maddrey score", "maddrey discriminant function"),
        LV("≥32", 32.0, comp=">="),
        CT("bone marrow mononuclear cells", BMMNC, BM, AU),
        CT("BMMCs", BMMNC, BM, AU),
        RT("hepatic artery", "hepatic_artery"),
        LT("MELD score", "meld"),
        LV("≥3 points", 3.0, comp=">=", unit="points"),
        TP("3 months", 90),
        TP("week 4", 28),
        TP("3 months", 90),
        CT("BMMC", BMMNC, BM),
        LT("MELD", "meld"),
        CT("BMMCs", BMMNC, BM),
        TP("baseline", 0),
        TP("week 4", 28),
        CT("BMMC", BMMNC, BM, AU),
    ])

# ====================================================================== b05 Zhang 2018
doc("dev-b05",
    "Zhang W, Teng M, Liu B, et al. Repeated Autologous Bone Marrow Transfusion through Portal Vein "
    "for Treating Decompensated Liver Cirrhosis after Splenectomy. Gastroenterol Res Pract "
    "2018;2018:4136082",
    "https://doi.org/10.1155/2018/4136082",
    "Objective: To examine repeated intraportal transfusion of autologous bone marrow in patients "
    "with decompensated cirrhosis who had undergone splenectomy.\n"
    "Methods: Twenty-five patients undergoing splenectomy for decompensated cirrhosis were divided "
    "into a transfusion group (n = 15) and a control group (n = 10), and all received routine medical "
    "care. During surgery a port (Celsite Implantofix) was placed in the portal vein through the "
    "right gastro-omental vein. In the transfusion group, 18 mL of autologous bone marrow drawn from "
    "the anterior superior iliac spine was infused through the port three times, at 1 week, 1 month "
    "and 3 months after the operation; the control group received nothing. Serum albumin (ALB), "
    "alanine aminotransferase (ALT), total bilirubin (TB), prothrombin activity (PTA), "
    "cholinesterase (CHE), alpha-fetoprotein (AFP) and liver stiffness were measured before surgery "
    "and at 1, 3 and 6 months.\n"
    "Results: At baseline the groups were comparable: ALT was 32.42 ± 21.41 U/L in the transfusion "
    "group and 30.29 ± 15.84 U/L in controls, PTA 56.23 ± 11.27% and 66.29 ± 9.14%, ALB 32.14 ± 5.46 "
    "and 32.64 ± 5.2 g/L, CHE 3060 ± 847.9 and 3065 ± 1661 U/L, and the Child-Pugh score 7.71 ± 1.48 "
    "and 7.44 ± 1.23 (all P > 0.05).\n"
    "Conclusions: Repeated portal delivery of autologous bone marrow through an implanted port was "
    "feasible after splenectomy, starting from comparable liver function in both groups.",
    [
        FQ("repeated"),
        RT("intraportal", "intraportal"),
        RT("portal vein", "intraportal"),
        DO("18 mL", 18.0, unit="mL"),
        FQ("three times", 3),
        TP("1 week", 7),
        TP("1 month", 30),
        TP("3 months", 90),
        LT("Serum albumin", "albumin"),
        LT("ALB", "albumin"),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("ALT", "alanine aminotransferase"),
        LT("total bilirubin", "total bilirubin"),
        LT("TB", "total bilirubin"),
        LT("prothrombin activity", "prothrombin activity"),
        LT("PTA", "prothrombin activity"),
        LT("cholinesterase", "cholinesterase"),
        LT("CHE", "cholinesterase"),
        LT("alpha-fetoprotein", "alpha-fetoprotein"),
        LT("AFP", "alpha-fetoprotein"),
        TP("1, 3 and 6 months", 30, 90, 180),
        TP("baseline", 0),
        LT("ALT", "alanine aminotransferase"),
        LV("32.42 ± 21.41 U/L", 32.42, 21.41, unit="U/L"),
        LV("30.29 ± 15.84 U/L", 30.29, 15.84, unit="U/L"),
        LT("PTA", "prothrombin activity"),
        LV("56.23 ± 11.27%", 56.23, 11.27, unit="%"),
        LV("66.29 ± 9.14%", 66.29, 9.14, unit="%"),
        LT("ALB", "albumin"),
        LV("32.14 ± 5.46", 32.14, 5.46, unit="g/L"),
        LV("32.64 ± 5.2 g/L", 32.64, 5.2, unit="g/L"),
        LT("CHE", "cholinesterase"),
        LV("3060 ± 847.9", 3060.0, 847.9, unit="U/L"),
        LV("3065 ± 1661 U/L", 3065.0, 1661.0, unit="U/L"),
        LT("Child-Pugh score", "child-pugh"),
        LV("7.71 ± 1.48", 7.71, 1.48),
        LV("7.44 ± 1.23", 7.44, 1.23),
        FQ("Repeated"),
        RT("portal", "intraportal"),
    ])

# ====================================================================== b06 Esmaeilzadeh 2019
doc("dev-b06",
    "Esmaeilzadeh A, Ommati H, Kooshyar MM, et al. Autologous Bone Marrow Stem Cell Transplantation "
    "in Liver Cirrhosis after Correcting Nutritional Anomalies, A Controlled Clinical Study. Cell J "
    "2019;21(3):268-273",
    "https://doi.org/10.22074/cellj.2019.6108",
    "Objective: Patients with cirrhosis often carry nutritional deficits and bone marrow "
    "abnormalities that may blunt the benefit of cell therapy. We asked whether correcting them "
    "before marrow aspiration would help autologous bone marrow cell transplantation.\n"
    "Materials and Methods: In this controlled trial, 20 patients with decompensated cirrhosis were "
    "randomly assigned to an experimental or a control group. Vitamin B12, folate, serum iron, total "
    "iron binding capacity (TIBC) and ferritin were measured before any intervention, and marrow "
    "biopsies were examined for iron stores, fibrosis and cell populations. Deficiencies were "
    "corrected with supplements, after which mononuclear cells (MNCs) were isolated from bone marrow "
    "aspirates and transfused through a peripheral vein in the experimental group. The model for "
    "end-stage liver disease (MELD) score, international normalized ratio (INR), serum albumin and "
    "bilirubin were recorded at baseline and 3 and 6 months after transplantation.\n"
    "Results: Compared with baseline and with the control group, the experimental group improved "
    "significantly after cell transplantation in MELD score (P=0.0001), INR (P=0.012), bilirubin "
    "(P<0.0001) and albumin (P<0.0001).\n"
    "Conclusion: Correcting nutritional anomalies before marrow harvest, followed by intravenous "
    "infusion of autologous bone marrow MNCs, was associated with better liver function in "
    "decompensated cirrhosis.",
    [
        CT("bone marrow cell", BMC, BM, AU),
        LT("Vitamin B12", "vitamin b12"),
        LT("folate", "folate"),
        LT("serum iron", "iron"),
        LT("total iron binding capacity", "total iron binding capacity"),
        LT("TIBC", "total iron binding capacity"),
        LT("ferritin", "ferritin"),
        CT("mononuclear cells", MNC, BM),
        CT("MNCs", MNC, BM),
        RT("peripheral vein", "intravenous"),
        LT("model for end-stage liver disease", "meld"),
        LT("MELD", "meld"),
        LT("international normalized ratio", "inr"),
        LT("INR", "inr"),
        LT("serum albumin", "albumin"),
        LT("bilirubin", "total bilirubin"),
        TP("baseline", 0),
        TP("3 and 6 months", 90, 180),
        TP("baseline", 0),
        LT("MELD score", "meld"),
        LT("INR", "inr"),
        LT("bilirubin", "total bilirubin"),
        LT("albumin", "albumin"),
        RT("intravenous", "intravenous"),
        CT("bone marrow MNCs", BMMNC, BM, AU),
    ])

# ====================================================================== b07 Sharma 2020
doc("dev-b07",
    "Sharma M, Kulkarni A, Sasikala M, et al. Long-term Outcome of Autologous Hematopoietic Stem "
    "Cell Infusion in Cirrhosis: Waning Effect over Time. J Clin Transl Hepatol 2020;8(4):385-390",
    "https://doi.org/10.14218/JCTH.2020.00052",
    "Background and Aims: Little is known about how long the benefit of hematopoietic stem cell "
    "therapy lasts in cirrhosis. We report long-term results of autologous CD34+ cell infusion.\n"
    "Methods: Patients with cirrhosis of non-viral cause received standard care (n = 23) or "
    "autologous CD34+ cells infused into the hepatic artery (n = 22). Before leukapheresis, the cell "
    "group was given granulocyte colony-stimulating factor (G-CSF) 520 µg per day for 3 days; "
    "controls received standard care alone.\n"
    "Results: On the third day of G-CSF the mean circulating CD34+ cell count was 27.00 ± 20.43 "
    "cells/µL, and purity of the infused product was 80-90%. The model for end-stage liver disease "
    "(MELD) score was significantly lower in the cell group than in controls at 3 months (15.75 ± "
    "5.13 vs. 19.94 ± 6.68, p = 0.04) and at 1 year (15.5 ± 5.3 vs. 19.8 ± 6.4, p = 0.04), but not "
    "at the end of the second year (17.2 ± 5.5 vs. 20.3 ± 6.8, p = 0.17) or the third year (18.4 ± "
    "6.1 vs. 21.3 ± 6.4, p = 0.25). Mortality did not differ (6/23 vs. 5/23).\n"
    "Conclusions: Hepatic arterial infusion of autologous CD34+ cells improved the MELD score for up "
    "to 1 year, but the gain had faded by 3 years.",
    [
        CT("hematopoietic stem cell", HSC),
        CT("CD34+ cell", HSC, None, AU),
        CT("CD34+ cells", HSC, None, AU),
        RT("hepatic artery", "hepatic_artery"),
        DO("520 µg", 520.0, unit="ug"),
        FQ("per day", interval=1),
        TP("3 days", 3),
        TP("third day", 3),
        LT("CD34+ cell count", "cd34+ cell count"),
        CT("CD34+ cell", HSC),
        LV("27.00 ± 20.43 cells/µL", 27.0, 20.43, unit="cells/uL"),
        LT("model for end-stage liver disease", "meld"),
        LT("MELD", "meld", key="meld"),
        TP("3 months", 90),
        LV("15.75 ± 5.13", 15.75, 5.13),
        LV("19.94 ± 6.68", 19.94, 6.68),
        TP("1 year", 365),
        LV("15.5 ± 5.3", 15.5, 5.3),
        LV("19.8 ± 6.4", 19.8, 6.4),
        TP("second year", 730),
        LV("17.2 ± 5.5", 17.2, 5.5),
        LV("20.3 ± 6.8", 20.3, 6.8),
        TP("third year", 1095),
        LV("18.4 ± 6.1", 18.4, 6.1),
        LV("21.3 ± 6.4", 21.3, 6.4),
        RT("Hepatic arterial", "hepatic_artery"),
        CT("CD34+ cells", HSC, None, AU),
        LT("MELD score", "meld"),
        TP("1 year", 365),
        TP("3 years", 1095),
    ])

# ====================================================================== b08 NCT00476060 (registry)
doc("dev-b08",
    "ClinicalTrials.gov NCT00476060: autologous bone marrow mesenchymal stem cell transplantation in "
    "decompensated cirrhosis, multicenter randomized placebo-controlled trial (Mohamadnejad M et al., "
    "Digestive Disease Research Center, Tehran)",
    "https://clinicaltrials.gov/study/NCT00476060",
    "Brief summary: Liver transplantation is the standard treatment for decompensated cirrhosis, but "
    "it is limited by the small donor pool, long waiting lists and its complications. Animal studies "
    "suggest that bone marrow stem cell transplantation can make liver fibrosis regress, and the "
    "investigators' phase 1 study of bone marrow mesenchymal stem cell (MSC) transplantation in 4 "
    "patients with cirrhosis found the procedure safe and feasible. This multicenter, randomized, "
    "placebo-controlled trial will test its efficacy in patients with decompensated cirrhosis who are "
    "on the waiting list for liver transplantation.\n"
    "Design: Thirty-six patients will be allocated by block randomization to a treatment arm or a "
    "placebo arm after written informed consent.\n"
    "Arms and interventions:\n"
    "- Experimental: bone marrow is aspirated from each patient, and autologous bone marrow "
    "mesenchymal stem cells are cultured and then infused through a peripheral vein.\n"
    "- Placebo comparator: a matching placebo is infused in the same way.\n"
    "Follow-up: all patients will be followed for 1 year.",
    [
        CT("bone marrow stem cell", SC, BM),
        CT("bone marrow mesenchymal stem cell", BMMSC, BM),
        CT("MSC", BMMSC, BM),
        CT("bone marrow mesenchymal stem cells", BMMSC, BM, AU),
        RT("peripheral vein", "intravenous"),
        TP("1 year", 365),
    ])

# ====================================================================== b09 NCT01854125 (registry)
doc("dev-b09",
    "ClinicalTrials.gov NCT01854125: Efficacy of Autologous Mesenchymal Stem Cell Transplantation Via "
    "Liver Artery in Liver Cirrhosis Patients With Refractory Ascites (Nanjing PLA General Hospital)",
    "https://clinicaltrials.gov/study/NCT01854125",
    "Study: autologous MSC transplantation through the liver artery for cirrhosis with refractory "
    "ascites (NCT01854125)\n"
    "Brief summary: Cirrhosis is the end point of chronic liver disease, and quality of life is very "
    "poor once ascites becomes refractory. This study will evaluate transplantation of autologous "
    "bone marrow mesenchymal stem cells (BMSCs) via the liver artery in patients with Child-Pugh B or "
    "C cirrhosis and refractory ascites. MSCs have immunomodulatory and antifibrotic effects, and the "
    "assessments will include liver function, change in ascites, the Child-Pugh score and quality of "
    "life.\n"
    "Eligibility: aged 18 to 65 years; ultrasonographic evidence of cirrhosis; refractory ascites. "
    "Exclusion: moderate to severe hepatic encephalopathy or variceal bleeding within the 2 months "
    "before enrolment; prothrombin time < 30 s; severe heart, kidney or lung disease; liver tumour "
    "on ultrasonography, CT or MRI; pregnancy or lactation; vascular thrombosis on imaging.\n"
    "Intervention: Biological: autologous bone marrow mesenchymal stem cell transplantation. Every "
    "patient is given 1x106 MSCs per kg, infused via the liver artery.\n"
    "Enrollment: 30 (estimated). Site: Jinling Hospital, Nanjing, China.",
    [
        CT("MSC", MSC, None, AU),
        RT("liver artery", "hepatic_artery"),
        CT("bone marrow mesenchymal stem cells", BMMSC, BM, AU),
        CT("BMSCs", BMMSC, BM, AU),
        RT("liver artery", "hepatic_artery"),
        LT("Child-Pugh", "child-pugh"),
        CT("MSCs", MSC),
        LT("Child-Pugh score", "child-pugh"),
        TP("2 months", 60),
        LT("prothrombin time", "prothrombin time"),
        LV("< 30 s", 30.0, comp="<", unit="s"),
        CT("bone marrow mesenchymal stem cell", BMMSC, BM, AU),
        DO("1x106 MSCs per kg", 1e6, unit="cells/kg"),
        CT("MSCs", MSC),
        RT("liver artery", "hepatic_artery"),
    ])

# ====================================================================== b10 NCT02327832 (registry)
doc("dev-b10",
    "ClinicalTrials.gov NCT02327832: cultured autologous bone marrow-derived mesenchymal stem cell "
    "infusion for decompensated liver cirrhosis (Yamaguchi University Graduate School of Medicine)",
    "https://clinicaltrials.gov/study/NCT02327832",
    "Brief summary: This non-randomized, open-label study will evaluate infusion of cultured "
    "autologous bone marrow-derived mesenchymal stem cells (ABMSCs) in decompensated liver cirrhosis. "
    "Eligible patients have a Child-Pugh score ≥7 (Child-Pugh B) and cannot be expected to improve "
    "further on current medical treatment; they are 20 to 75 years old and have a serum total "
    "bilirubin of 3.0 to 5.0 mg/dL, or a total bilirubin <3.0 mg/dL if they are judged unsuitable for "
    "general anaesthesia. About 30 mL of bone marrow is collected from both iliac crests under local "
    "anaesthesia and a cell fraction is prepared at the Center for Regenerative and Cell Therapy, "
    "Yamaguchi University Hospital. After 3 weeks of subculture the cells are infused through a "
    "peripheral vein.\n"
    "Intervention: Biological: cultured autologous bone marrow-derived mesenchymal stem cells, "
    "infused intravenously.\n"
    "Enrollment: 10\n"
    "Outcome measures:\n"
    "- Incidence of adverse events. Time frame: up to 24 weeks after the infusion\n"
    "- Child-Pugh score. Time frame: up to 24 weeks after the infusion\n"
    "- Serum albumin. Time frame: up to 24 weeks after the infusion\n"
    "- Serum fibrosis markers. Time frame: up to 24 weeks after the infusion\n"
    "- Improvement or disappearance of lower-limb oedema. Time frame: up to 24 weeks after the "
    "infusion\n"
    "- Subjective symptom scores (SF-36). Time frame: up to 24 weeks after the infusion",
    [
        CT("bone marrow-derived mesenchymal stem cells", BMMSC, BM, AU),
        CT("ABMSCs", BMMSC, BM, AU),
        LT("Child-Pugh score", "child-pugh"),
        LV("≥7", 7.0, comp=">="),
        LT("Child-Pugh", "child-pugh"),
        LT("serum total bilirubin", "total bilirubin"),
        LV("3.0 to 5.0 mg/dL", None, low=3.0, high=5.0, unit="mg/dL"),
        LT("total bilirubin", "total bilirubin"),
        LV("<3.0 mg/dL", 3.0, comp="<", unit="mg/dL"),
        TP("3 weeks", 21),
        RT("peripheral vein", "intravenous"),
        CT("bone marrow-derived mesenchymal stem cells", BMMSC, BM, AU),
        RT("intravenously", "intravenous"),
        TP("24 weeks", 168),
        LT("Child-Pugh score", "child-pugh"),
        TP("24 weeks", 168),
        LT("Serum albumin", "albumin"),
        TP("24 weeks", 168),
        TP("24 weeks", 168),
        TP("24 weeks", 168),
        TP("24 weeks", 168),
    ])

# ====================================================================== b11 Gupta 2021 (stempeucel)
doc("dev-b11",
    "Gupta PK, Chullikana A, Raviraja NS, et al. A Phase II Dose Escalation Study of Intraarterial "
    "(Hepatic) Adult Human Bone Marrow Derived, Cultured, Pooled, Allogeneic Mesenchymal Stromal "
    "Cells (Stempeucel) in Patients with Alcoholic Liver Cirrhosis. Int J Regen Med 2021;4(1)",
    "https://doi.org/10.31487/j.RGM.2021.01.02",
    "Background: Alcoholic cirrhosis has a poor prognosis, and liver transplantation is costly, needs "
    "lifelong immunosuppression and is limited by organ supply.\n"
    "Aims: To assess the safety and feasibility of hepatic arterial administration of stempeucel, a "
    "pooled product of cultured allogeneic bone marrow-derived mesenchymal stromal cells, in "
    "alcoholic cirrhosis, and to look for efficacy and a dose-response.\n"
    "Methods: Sixty patients aged 18-65 years with Child-Pugh class B or C disease and a Model for "
    "End-Stage Liver Disease score of ≥10 were to be enrolled into six groups of 10: 2.5 million "
    "cells/kg body weight (low dose), 5 million cells/kg body weight (intermediate dose) or 7.5 "
    "million cells/kg body weight (high dose), each with its own control group. Cells were delivered "
    "into the hepatic artery by femoral catheterization (Seldinger technique) on top of the standard "
    "protocol of care, which the control groups received alone. Visits took place at 1 week, 1 month, "
    "3 months and 6 months and included liver function tests, MELD and Child-Pugh scores, the SF-36 "
    "questionnaire, transient elastography and CT liver volume.\n"
    "Results: The injection was well tolerated, and most treatment-emergent adverse events were "
    "judged unrelated or remotely related to the product. Thirty serious adverse events occurred in "
    "10 patients.\n"
    "Conclusions: Hepatic arterial delivery of pooled allogeneic bone marrow mesenchymal stromal "
    "cells was feasible in alcoholic cirrhosis across the three dose levels tested.",
    [
        RT("hepatic arterial", "hepatic_artery"),
        CT("bone marrow-derived mesenchymal stromal cells", BMMSC, BM, AL),
        LT("Child-Pugh", "child-pugh"),
        LT("Model for End-Stage Liver Disease score", "meld"),
        LV("≥10", 10.0, comp=">="),
        DO("2.5 million cells/kg body weight", 2.5e6, unit="cells/kg"),
        DO("low dose", level="low"),
        DO("5 million cells/kg body weight", 5e6, unit="cells/kg"),
        DO("intermediate dose", level="medium"),
        DO("7.5 million cells/kg body weight", 7.5e6, unit="cells/kg"),
        DO("high dose", level="high"),
        RT("hepatic artery", "hepatic_artery"),
        TP("1 week", 7),
        TP("1 month", 30),
        TP("3 months", 90),
        TP("6 months", 180),
        LT("MELD", "meld"),
        LT("Child-Pugh scores", "child-pugh"),
        RT("Hepatic arterial", "hepatic_artery"),
        CT("bone marrow mesenchymal stromal cells", BMMSC, BM, AL),
    ])

# ====================================================================== b12 Deng 2015
doc("dev-b12",
    "Deng Q, Cai T, Zhang S, et al. Autologous Peripheral Blood Stem Cell Transplantation Improves "
    "Portal Hemodynamics in Patients with Hepatitis B Virus-related Decompensated Cirrhosis. Hepat "
    "Mon 2015;15(12):e32498",
    "https://doi.org/10.5812/hepatmon.32498",
    "Background: Chronic hepatitis B virus (HBV) infection can progress to decompensated cirrhosis, "
    "a terminal condition.\n"
    "Objectives: To find out whether transplantation of autologous peripheral blood stem cells "
    "(APBSCs) improves portal haemodynamics in HBV-related decompensated cirrhosis.\n"
    "Patients and Methods: This prospective study enrolled 68 inpatients with HBV-related "
    "decompensated cirrhosis: 33 underwent APBSC transplantation and 35 served as controls, and both "
    "groups received the same conventional medical treatment. Liver function was judged by total "
    "bilirubin, prothrombin activity and albumin, together with spleen size and portal vein "
    "haemodynamics, and all patients were followed up at 24, 36 and 48 weeks after the procedure.\n"
    "Results: No serious reaction occurred after transplantation. Compared with controls, albumin and "
    "prothrombin activity were significantly better in the transplantation group at 24, 36 and 48 "
    "weeks, and spleen length and portal vein diameter had clearly decreased by 48 weeks. Peak portal "
    "flow velocity and mean maximum portal flow rose in the APBSC group at 36 and 48 weeks, "
    "respectively, while the narrower portal vein lowered portal pressure.\n"
    "Conclusions: APBSC transplantation benefits patients with HBV-related decompensated cirrhosis "
    "and deserves wider clinical use.",
    [
        CT("peripheral blood stem cells", PBSC, PB, AU),
        CT("APBSCs", PBSC, PB, AU),
        CT("APBSC", PBSC, PB, AU),
        LT("total bilirubin", "total bilirubin"),
        LT("prothrombin activity", "prothrombin activity"),
        LT("albumin", "albumin"),
        TP("24, 36 and 48 weeks", 168, 252, 336),
        LT("albumin", "albumin"),
        LT("prothrombin activity", "prothrombin activity"),
        TP("24, 36 and 48 weeks", 168, 252, 336),
        TP("48 weeks", 336),
        CT("APBSC", PBSC, PB, AU),
        TP("36 and 48 weeks", 252, 336),
        CT("APBSC", PBSC, PB, AU),
    ])

# ====================================================================== b13 Mohamadnejad 2007
doc("dev-b13",
    "Mohamadnejad M, Namiri M, Bagheri M, et al. Phase 1 human trial of autologous bone "
    "marrow-hematopoietic stem cell transplantation in patients with decompensated cirrhosis. World J "
    "Gastroenterol 2007;13(24):3359-3363",
    "https://doi.org/10.3748/wjg.v13.i24.3359",
    "AIM: To evaluate the safety and feasibility of transplanting autologous CD34+ hematopoietic stem "
    "cells from bone marrow through the hepatic artery in patients with decompensated cirrhosis, for "
    "whom liver transplantation is limited by donor shortage.\n"
    "METHODS: Four patients with decompensated cirrhosis took part. Approximately 200 mL of bone "
    "marrow was aspirated from each patient for CD34+ cell selection. Each patient then received "
    "3–10 million CD34+ cells, infused slowly into the hepatic artery. Clinical condition and liver "
    "tests were followed after the infusion.\n"
    "RESULTS: Patient 1 showed a marginal rise in serum albumin with no significant change in the "
    "other test results, and in patient 2 the prothrombin time decreased.\n"
    "CONCLUSION: Infusion of autologous bone marrow CD34+ cells through the hepatic artery is "
    "technically feasible in decompensated cirrhosis; larger controlled studies are needed to judge "
    "its safety and benefit.",
    [
        CT("CD34+ hematopoietic stem cells", HSC, BM, AU),
        RT("hepatic artery", "hepatic_artery"),
        CT("CD34+ cell", HSC, BM),
        DO("3–10 million CD34+ cells", 3e6, 1e7, "cells"),
        CT("CD34+ cells", HSC),
        RT("hepatic artery", "hepatic_artery"),
        LT("serum albumin", "albumin"),
        LT("prothrombin time", "prothrombin time"),
        CT("bone marrow CD34+ cells", HSC, BM, AU),
        RT("hepatic artery", "hepatic_artery"),
    ])

# ====================================================================== b14 Peng 2011
doc("dev-b14",
    "Peng L, Xie DY, Lin BL, et al. Autologous bone marrow mesenchymal stem cell transplantation in "
    "liver failure patients caused by hepatitis B: short-term and long-term outcomes. Hepatology "
    "2011;54(3):820-828",
    "https://doi.org/10.1002/hep.24434",
    "Background: The short-term efficacy and long-term prognosis of autologous bone marrow "
    "mesenchymal stem cell transplantation in liver failure caused by hepatitis B are not known.\n"
    "Methods: Of 527 inpatients with hepatitis B-related liver failure who received the same medical "
    "treatment, 53 also underwent a single transplantation of autologous marrow mesenchymal stem "
    "cells (MMSCs). A control group of 105 patients was matched for age, sex and biochemical indexes, "
    "including alanine aminotransferase (ALT), albumin (ALB), total bilirubin (TBIL), prothrombin "
    "time (PT) and the Model for End-Stage Liver Disease (MELD) score. From each patient 120 mL of "
    "bone marrow was collected, diluted and separated, and the MMSC suspension was infused slowly "
    "through the proper hepatic artery.\n"
    "Results: Every transplantation was technically successful, without serious side effects or "
    "complications. Compared with the control group, ALB, TBIL, PT and the MELD score improved "
    "markedly from 2-3 weeks after transplantation.\n"
    "Conclusions: A single hepatic arterial transplantation of autologous MMSCs was safe and improved "
    "short-term liver function in patients with hepatitis B-related liver failure.",
    [
        CT("bone marrow mesenchymal stem cell", BMMSC, BM, AU),
        FQ("single", 1),
        CT("marrow mesenchymal stem cells", BMMSC, BM, AU),
        CT("MMSCs", BMMSC, BM, AU),
        LT("alanine aminotransferase", "alanine aminotransferase"),
        LT("ALT", "alanine aminotransferase"),
        LT("albumin", "albumin"),
        LT("ALB", "albumin"),
        LT("total bilirubin", "total bilirubin"),
        LT("TBIL", "total bilirubin"),
        LT("prothrombin time", "prothrombin time"),
        LT("PT", "prothrombin time"),
        LT("Model for End-Stage Liver Disease", "meld"),
        LT("MELD", "meld"),
        CT("MMSC", BMMSC, BM),
        RT("proper hepatic artery", "hepatic_artery"),
        LT("ALB", "albumin"),
        LT("TBIL", "total bilirubin"),
        LT("PT", "prothrombin time"),
        LT("MELD score", "meld"),
        TP("2-3 weeks", 14, 21),
        FQ("single", 1),
        RT("hepatic arterial", "hepatic_artery"),
        CT("MMSCs", BMMSC, BM, AU),
    ])

# ====================================================================== b15 NCT01741090 (registry)
doc("dev-b15",
    "ClinicalTrials.gov NCT01741090: The Effectiveness and Safety for Mesenchymal Stem Cell for "
    "Alcoholic Liver Cirrhosis (Yonsei University); results published as Jang YO et al., Liver Int "
    "2014;34(1):33-41",
    "https://clinicaltrials.gov/study/NCT01741090",
    "Official title (paraphrased): effectiveness and safety of autologous bone marrow-derived "
    "mesenchymal stem cells for hepatic failure caused by alcoholic liver cirrhosis (NCT01741090)\n"
    "Brief summary: Bone marrow-derived mesenchymal stem cells (BM-MSCs) can differentiate into "
    "hepatocytes and have antifibrotic effects in experimental models, but had not been studied in "
    "people with alcoholic cirrhosis. This phase II study examines their antifibrotic effect. Eleven "
    "patients with alcoholic cirrhosis (10 men, 1 woman) in Child-Pugh class B who had stayed "
    "abstinent for at least 2 months were enrolled. Liver biopsy, hepatic venous pressure gradient "
    "(HVPG) measurement and blood tests were done at baseline. BM-MSCs were isolated from each "
    "patient's marrow, expanded for one month and injected two times, at weeks 4 and 8, through the "
    "right hepatic artery; each session delivered BM-MSCs at 5x10E6 cells/mL. Biopsy, HVPG and "
    "fibrosis-related gene expression in liver tissue were reassessed 12 weeks after the second "
    "injection.\n"
    "Eligibility: alcoholic liver cirrhosis, Child-Pugh class B or C (score ≥ 7), confirmed "
    "clinically or by biopsy; no alcohol in the past 6 months; informed consent.\n"
    "Intervention: Biological: mesenchymal stem cell injection.\n"
    "Enrollment: 12\n"
    "Primary outcome: improvement of the liver histological grade (Metavir and Laennec). Time frame: "
    "6 months",
    [
        CT("bone marrow-derived mesenchymal stem cells", BMMSC, BM, AU),
        CT("Bone marrow-derived mesenchymal stem cells", BMMSC, BM),
        CT("BM-MSCs", BMMSC, BM),
        CT("hepatocytes", "CL:0000182"),
        LT("Child-Pugh", "child-pugh"),
        TP("2 months", 60),
        TP("baseline", 0),
        CT("BM-MSCs", BMMSC, BM),
        TP("one month", 30),
        FQ("two times", 2),
        TP("weeks 4 and 8", 28, 56),
        RT("right hepatic artery", "hepatic_artery"),
        CT("BM-MSCs", BMMSC, BM),
        DO("5x10E6 cells/mL", 5e6, unit="cells/mL"),
        TP("12 weeks", 84),
        LT("Child-Pugh", "child-pugh"),
        LV("≥ 7", 7.0, comp=">="),
        TP("6 months", 180),
        CT("mesenchymal stem cell", MSC),
        TP("6 months", 180),
    ])

# ====================================================================== b16 NCT03838250 (registry)
doc("dev-b16",
    "ClinicalTrials.gov NCT03838250: Study to Evaluate Hepatic Artery Injection of Autologous Human "
    "Bone Marrow-Derived MSCs in Patients With Alcoholic LC (Cellgram; University of Utah)",
    "https://clinicaltrials.gov/study/NCT03838250",
    "Brief summary: This open-label study evaluates the safety and efficacy of a single dose of "
    "Cellgram, a preparation of autologous bone marrow-derived mesenchymal stem cells (MSCs), given "
    "via the hepatic artery to patients with decompensated alcoholic liver cirrhosis. After consent, "
    "approximately 15 to 30 mL of bone marrow is aspirated from the posterior iliac crest under local "
    "anaesthesia. About 30 days later participants are admitted on day 1, undergo hepatic artery "
    "catheterization by an interventional radiologist and receive the cell injection; they remain in "
    "hospital for observation for 24 hours after the infusion and then return for study visits over "
    "1 year.\n"
    "Arm: Experimental: Cellgram (bone marrow-derived MSCs), single hepatic arterial injection.\n"
    "Key eligibility: alcoholic liver cirrhosis diagnosed on clinical, biochemical, radiological or "
    "histological grounds; age 18 to 70 years; Child-Pugh class B (7 to 9 points); no alcohol or "
    "other hepatotoxic substances within 6 months before screening and throughout the study. "
    "Exclusion includes a baseline creatinine >1.7 mg/dL and/or eGFR <30 mL/min/1.73 m2, a malignant "
    "hematologic disease, or a solid cancer within 5 years before screening.\n"
    "Enrollment: 10 (estimated)\n"
    "Primary outcome: incidence of serious adverse events during the study.",
    [
        FQ("single", 1),
        CT("bone marrow-derived mesenchymal stem cells", BMMSC, BM, AU),
        CT("MSCs", BMMSC, BM, AU),
        RT("hepatic artery", "hepatic_artery"),
        TP("30 days", 30),
        TP("day 1", 1),
        RT("hepatic artery", "hepatic_artery"),
        TP("24 hours", 1),
        TP("1 year", 365),
        CT("bone marrow-derived MSCs", BMMSC, BM),
        FQ("single", 1),
        RT("hepatic arterial", "hepatic_artery"),
        LT("Child-Pugh", "child-pugh"),
        LV("7 to 9 points", None, low=7.0, high=9.0, unit="points"),
        TP("6 months", 180),
        TP("baseline", 0),
        LT("creatinine", "creatinine"),
        LV(">1.7 mg/dL", 1.7, comp=">", unit="mg/dL"),
        LT("eGFR", "estimated glomerular filtration rate"),
        LV("<30 mL/min/1.73 m2", 30.0, comp="<", unit="mL/min/1.73 m2"),
        TP("5 years", 1825),
    ])

# ====================================================================== b17 Hua 2020
doc("dev-b17",
    "Hua et al. Therapeutic effects of mesenchymal stem cells for refractory ascites in patient with "
    "liver cirrhosis. AJTM 2020;4",
    "https://ajtm.journals.publicknowledgeproject.org/index.php/ajtm/article/view/597",
    "Background and aims: Refractory ascites is a serious complication of decompensated cirrhosis "
    "that needs new treatments. Given their antifibrotic and regenerative properties, mesenchymal "
    "stem cells (MSCs) are candidates, and we evaluated autologous bone marrow-derived MSCs "
    "(ABM-MSCs) in decompensated cirrhosis with refractory ascites.\n"
    "Methods: In this phase I, prospective, single-centre study, 39 patients with chronic hepatitis "
    "B, decompensated cirrhosis and refractory ascites were recruited between January 2012 and June "
    "2014. They received standard medical treatment (SMT) plus a single dose of ABM-MSCs, "
    "approximately 1.0×106 cells/kg, infused through the hepatic artery. Another 39 patients with the "
    "same condition treated with SMT alone between February 2012 and December 2014 formed the control "
    "group. Liver function, need for paracentesis, survival and complications were assessed, and "
    "adverse events were monitored for up to 2 years after infusion.\n"
    "Results: Neither group had significant side effects or serious complications. At week 48, serum "
    "albumin and prothrombin time had increased and serum total bilirubin had fallen compared with "
    "baseline (P < 0.05). The Model for End-Stage Liver Disease score was lower in the ABM-MSC group "
    "than in controls (14.41±3.39 vs 16.50±3.17, p=0.006), and 2-year survival was higher.\n"
    "Conclusions: A single hepatic arterial infusion of ABM-MSCs was safe and improved liver function "
    "and survival in HBV-related cirrhosis with refractory ascites.",
    [
        CT("mesenchymal stem cells", MSC),
        CT("MSCs", MSC),
        CT("bone marrow-derived MSCs", BMMSC, BM, AU),
        CT("ABM-MSCs", BMMSC, BM, AU),
        FQ("single", 1, ctx="single dose"),
        CT("ABM-MSCs", BMMSC, BM, AU),
        DO("1.0×106 cells/kg", 1e6, unit="cells/kg"),
        RT("hepatic artery", "hepatic_artery"),
        TP("2 years", 730),
        TP("week 48", 336),
        LT("serum albumin", "albumin"),
        LT("prothrombin time", "prothrombin time"),
        LT("serum total bilirubin", "total bilirubin"),
        TP("baseline", 0),
        LT("Model for End-Stage Liver Disease score", "meld"),
        CT("ABM-MSC", BMMSC, BM, AU),
        LV("14.41±3.39", 14.41, 3.39),
        LV("16.50±3.17", 16.50, 3.17),
        TP("2-year", 730),
        FQ("single", 1),
        RT("hepatic arterial", "hepatic_artery"),
        CT("ABM-MSCs", BMMSC, BM, AU),
    ])

# ====================================================================== b18 Liu 2023
doc("dev-b18",
    "Liu BC, Cheng MR, Lang L, et al. Autologous bone marrow infusion via portal vein combined with "
    "splenectomy for decompensated liver cirrhosis: A retrospective study. World J Gastrointest Surg "
    "2023;15(9):1919-1931",
    "https://doi.org/10.4240/wjgs.v15.i9.1919",
    "Background: Autologous bone marrow infusion (ABMI) had given good results in earlier patients "
    "with decompensated liver cirrhosis (DLC) and acquired immunodeficiency syndrome, but the "
    "contribution of splenectomy was unclear.\n"
    "Aim: To examine ABMI combined with splenectomy for DLC.\n"
    "Methods: In this retrospective study, 83 patients with DLC were divided, according to whether "
    "splenectomy was performed, into an intervention group (n = 43) and a control group (n = 40). "
    "Both groups received ABMI through the right omental vein, and the intervention group also "
    "underwent splenectomy.\n"
    "Results: After ABMI, prothrombin time, serum total bilirubin, ascites volume and the model for "
    "end-stage liver disease score had fallen significantly and albumin had risen in both groups "
    "compared with before infusion (P < 0.01), without differences between the groups (P > 0.05). "
    "White blood cell count and platelet count rose in both groups (P < 0.01), more so in the "
    "intervention group (P < 0.01). The CD4+ T cell count and the CD8+ T cell count also increased "
    "after ABMI in both groups (P < 0.01); in the intervention group the CD8+ T cells rose "
    "continuously and the rise took less time.\n"
    "Conclusion: ABMI through the portal vein significantly improves liver synthetic and secretory "
    "function in DLC, and adding splenectomy promotes recovery of bone marrow haematopoiesis and "
    "cellular immunity.",
    [
        RT("right omental vein", "intraportal"),
        LT("prothrombin time", "prothrombin time"),
        LT("serum total bilirubin", "total bilirubin"),
        LT("model for end-stage liver disease score", "meld"),
        LT("albumin", "albumin"),
        LT("White blood cell count", "white blood cell count"),
        CT("White blood cell", "CL:0000738"),
        LT("platelet count", "platelet count"),
        LT("CD4+ T cell count", "cd4+ t cell count"),
        CT("CD4+ T cell", "CL:0000624"),
        LT("CD8+ T cell count", "cd8+ t cell count"),
        CT("CD8+ T cell", "CL:0000625"),
        CT("CD8+ T cells", "CL:0000625"),
        RT("portal vein", "intraportal"),
    ])

# ====================================================================== b19 Liu 2021
doc("dev-b19",
    "Liu B, Cheng M, Lang L, Li L, Si Y, Wang G. Autologous Bone Marrow Cell Infusion for the "
    "Treatment of Decompensated Liver Cirrhosis Patients With Type 2 Diabetes Mellitus. Front Physiol "
    "2021;12:730797",
    "https://doi.org/10.3389/fphys.2021.730797",
    "Aim: To find out whether autologous bone marrow cell infusion (ABMI) through the right omental "
    "vein (ROV) has a regulatory effect in patients with decompensated liver cirrhosis (DLC) and "
    "type 2 diabetes mellitus (T2DM).\n"
    "Methods: Twenty-four DLC patients with T2DM were divided into an observation group (n=14), "
    "given ABMI through both the ROV and the right omental artery (ROA), and a control group (n=10), "
    "given ABMI through the ROV alone.\n"
    "Results: At 1, 3, 6, and 12 months after ABMI, prothrombin time, total bilirubin and the volume "
    "of ascites were significantly lower and serum albumin significantly higher than before ABMI in "
    "both groups (p<0.01), with no difference between the groups at any time point (p>0.05). Fasting "
    "blood glucose and glycosylated hemoglobin had decreased in both groups at 6 and 12 months "
    "compared with before ABMI (p<0.05 or p<0.01), and the decrease was more marked in the "
    "observation group at each time point (p<0.01). Insulin requirements in the observation group at "
    "3, 6, and 12 months were significantly lower than before ABMI in the control group (p<0.01).\n"
    "Conclusion: ABMI through the ROV and ROA showed a significant therapeutic effect in DLC "
    "patients with T2DM.",
    [
        CT("bone marrow cell", BMC, BM, AU),
        RT("right omental vein", "intraportal"),
        RT("ROV", "intraportal"),
        RT("ROV", "intraportal"),
        RT("right omental artery", "other"),
        RT("ROA", "other"),
        RT("ROV", "intraportal"),
        TP("1, 3, 6, and 12 months", 30, 90, 180, 360),
        LT("prothrombin time", "prothrombin time"),
        LT("total bilirubin", "total bilirubin"),
        LT("serum albumin", "albumin"),
        LT("Fasting blood glucose", "fasting blood glucose"),
        LT("glycosylated hemoglobin", "glycosylated hemoglobin"),
        TP("6 and 12 months", 180, 360),
        TP("3, 6, and 12 months", 90, 180, 360),
        RT("ROV", "intraportal"),
        RT("ROA", "other"),
    ])

# ====================================================================== b20 Yu 2017
doc("dev-b20",
    "Yu SJ, Yoon JH, Kim W, et al. Ultrasound-guided percutaneous portal transplantation of "
    "peripheral blood monocytes in patients with liver cirrhosis. Korean J Intern Med "
    "2017;32(2):261-268",
    "https://doi.org/10.3904/kjim.2015.267",
    "Background/Aims: Liver transplantation is the only definitive cure for cirrhosis, but donor "
    "organs are scarce, which makes cell therapy attractive. We explored the safety and efficacy of "
    "delivering peripheral blood mononuclear cells (PBMCs) into the portal vein under ultrasound "
    "guidance in cirrhotic patients.\n"
    "Methods: Nine patients with decompensated cirrhosis were randomized into three groups of three: "
    "controls (group 1), granulocyte-colony stimulating factor (G-CSF) mobilization for 3 days "
    "(group 2), or G-CSF mobilization followed by leukapheresis and transplantation of the mobilized "
    "autologous PBMCs by percutaneous ultrasound-guided puncture of the portal vein (group 3). Liver "
    "function and clinical course were followed.\n"
    "Results: Child-Turcotte-Pugh and model for end-stage liver disease scores were similar across "
    "the groups at baseline. Liver function tended to improve in group 3 compared with group 1 at 6 "
    "months after treatment. G-CSF mobilization and percutaneous portal delivery of PBMCs were well "
    "tolerated without related complications, and the portal vein was still patent on imaging at the "
    "end of the study.\n"
    "Conclusions: Transplantation of autologous PBMCs through ultrasound-guided percutaneous portal "
    "vein puncture may be a safe alternative treatment for patients with decompensated cirrhosis.",
    [
        CT("peripheral blood mononuclear cells", PBMC, PB),
        CT("PBMCs", PBMC, PB),
        RT("portal vein", "intraportal"),
        TP("3 days", 3),
        CT("PBMCs", PBMC, PB, AU),
        RT("portal vein", "intraportal"),
        LT("Child-Turcotte-Pugh", "child-pugh"),
        LT("model for end-stage liver disease scores", "meld"),
        TP("baseline", 0),
        TP("6 months", 180),
        RT("portal", "intraportal"),
        CT("PBMCs", PBMC, PB),
        CT("PBMCs", PBMC, PB, AU),
        RT("portal vein", "intraportal"),
    ])


# ---------------------------------------------------------------- placement and output
def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def build(d: dict) -> dict:
    text = d["text"]
    cursor, used, spans, relations = 0, set(), [], []
    last_test, keys, label_end = None, {}, {}
    for n, (label, stext, attrs, opts) in enumerate(d["spans"], start=1):
        hits = _occurrences(text, stext)
        cand = [p for p in hits
                if p >= cursor and p >= label_end.get(label, 0) and (label, p) not in used]
        if "ctx" in opts:  # the span is the one inside this longer phrase
            ctx = opts["ctx"]
            cand = [c + ctx.index(stext) for c in _occurrences(text, ctx)
                    if c + ctx.index(stext) in cand]
        if not cand:
            raise SystemExit(f"{d['id']}: span {n} {label} {stext!r} not found after {cursor}")
        pos = cand[0]
        used.add((label, pos))
        cursor = pos
        label_end[label] = pos + len(stext)
        sid = f"T{n}"
        spans.append({"id": sid, "label": label, "text": stext, "nth": hits.index(pos),
                      "attrs": attrs})
        if label == "LAB_TEST":
            last_test = sid
            if "key" in opts:
                keys[opts["key"]] = sid
        if label == "LAB_VALUE":
            tail = keys[opts["test"]] if "test" in opts else last_test
            if tail is None:
                raise SystemExit(f"{d['id']}: value {stext!r} has no test")
            relations.append({"label": "VALUE_OF", "head": sid, "tail": tail})
    words = len(text.split())
    return {"id": d["id"], "source": None, "source_offset": None, "scheme_version": 1,
            "text": text,
            "provenance": {"citation": d["citation"], "url": d["url"], "note": NOTE},
            "spans": spans, "relations": relations, "_words": words}


def main() -> None:
    lines = []
    for d in DOCS:
        rec = build(d)
        words = rec.pop("_words")
        print(f"{rec['id']}: {words} words, {len(rec['spans'])} spans, "
              f"{len(rec['relations'])} relations")
        lines.append(json.dumps(rec, ensure_ascii=False))
    (HERE / "batch_b.draft.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
