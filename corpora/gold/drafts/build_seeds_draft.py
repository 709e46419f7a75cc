"""Build corpora/gold/drafts/seeds.draft.jsonl from the seed captures and hand-written spans.

Documents are cut from seeds/*.txt by a start string and an (inclusive) end string; the script
checks that every slice is found once and that file_text[off:off+len(text)] == text.
Spans below were chosen by hand, sentence by sentence, following eval/GUIDELINES.md; they are
written as text + nth (0-based occurrence in the document text, counting occurrences inside
longer strings) and resolved to offsets by `python -m celltx.corpus.authoring`.
No extractor of the project is used anywhere in this file.

Usage (from the repository root):
    /tmp/v1/bin/python corpora/gold/drafts/build_seeds_draft.py
    /tmp/v1/bin/python -m celltx.corpus.authoring corpora/gold/drafts/seeds.draft.jsonl corpora/gold/seeds.jsonl
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
OUT = ROOT / "corpora" / "gold" / "drafts" / "seeds.draft.jsonl"

F0 = "000_3e4c3f5827215d05.txt"
F1 = "001_f75dfedfc35f7a9e.txt"
F2 = "002_e1034c956d2a0f94.txt"
F3 = "003_706968130f2b5e88.txt"
F4 = "004_a5276a94da947ef9.txt"


def cut(fname: str, start: str, end: str, start_nth: int = 0) -> tuple[int, str]:
    """Slice from the start_nth occurrence of `start` to the end of the first `end` after it."""
    text = (SEEDS / fname).read_text(encoding="utf-8")
    off = -1
    for _ in range(start_nth + 1):
        off = text.find(start, off + 1)
        assert off != -1, (fname, start)
    stop = text.find(end, off)
    assert stop != -1, (fname, end)
    stop += len(end)
    piece = text[off:stop]
    assert text[off : off + len(piece)] == piece
    return off, piece


# ---- span helpers -------------------------------------------------------------------------
def CT(sid, text, cl, source=None, donor=None, nth=0):
    return {"id": sid, "label": "CELL_TYPE", "text": text, "nth": nth,
            "attrs": {"cl_id": cl, "source": source, "donor": donor}}


def DOSE(sid, text, low=None, high=None, unit=None, level=None, nth=0):
    if low is not None and high is None:
        high = low
    return {"id": sid, "label": "DOSE", "text": text, "nth": nth,
            "attrs": {"low": low, "high": high, "unit": unit, "level": level}}


def RT(sid, text, route, nth=0):
    return {"id": sid, "label": "ROUTE", "text": text, "nth": nth, "attrs": {"route": route}}


def FQ(sid, text, count=None, interval_days=None, nth=0):
    return {"id": sid, "label": "FREQUENCY", "text": text, "nth": nth,
            "attrs": {"count": count, "interval_days": interval_days}}


def TP(sid, text, days, nth=0):
    return {"id": sid, "label": "TIME_POINT", "text": text, "nth": nth,
            "attrs": {"days": [float(d) for d in days]}}


def LT(sid, text, analyte, nth=0):
    return {"id": sid, "label": "LAB_TEST", "text": text, "nth": nth, "attrs": {"analyte": analyte}}


def LV(sid, text, value=None, sd=None, low=None, high=None, comparator=None, unit=None, nth=0):
    return {"id": sid, "label": "LAB_VALUE", "text": text, "nth": nth,
            "attrs": {"value": value, "sd": sd, "low": low, "high": high,
                      "comparator": comparator, "unit": unit}}


def VO(head, tail):
    return {"label": "VALUE_OF", "head": head, "tail": tail}


MSC = "CL:0000134"
UCMSC = "CL:0002569"
BMMSC = "CL:0002540"
BMMNC = "CL:0010004"
ADMSC = "CL:0002570"
STEM = "CL:0000034"
HEP = "CL:0000182"
HSC = "CL:0000037"
THIN = "\u2009"  # thin space, as in the capture of seed 001

DOCS = []


def doc(doc_id, fname, start, end, spans, relations=(), start_nth=0):
    off, text = cut(fname, start, end, start_nth)
    DOCS.append({"id": doc_id, "source": fname, "source_offset": off, "scheme_version": 1,
                 "split": "test", "text": text, "spans": list(spans),
                 "relations": list(relations)})


# ---- seed 000: PubMed page -----------------------------------------------------------------
doc("seed-000-title", F0,
    "Effects of allogeneic", "caused by autoimmune diseases",
    [CT("T1", "mesenchymal stem cell", MSC, None, "allogeneic")])

doc("seed-000-abstract", F0, "Aim:", "impact and mechanisms of MSCT in liver cirrhosis.", [
    # Aim
    CT("T1", "mesenchymal stem cells", MSC),
    CT("T2", "MSCs", MSC),
    CT("T3", "MSC", MSC, None, "allogeneic", nth=1),      # allogeneic MSC transplantation
    # Methods
    CT("T4", "MSC", MSC, None, "allogeneic", nth=2),      # allogeneic MSC infusions
    RT("T5", "peripheral vein", "intravenous"),
    LT("T6", "Models of End Stage Liver Disease", "meld"),
    LT("T7", "MELD", "meld"),
    # Results
    LT("T8", "alanine transaminase", "alanine aminotransferase"),
    TP("T9", "6 months", [180]),
    TP("T10", "1 and 2 years", [365, 730]),
    LT("T11", "total bilirubin", "total bilirubin"),
    TP("T12", "6 months", [180], nth=1),
    TP("T13", "1 year", [365]),
    LT("T14", "serum albumin", "albumin"),
    TP("T15", "6 months", [180], nth=2),
    TP("T16", "1 and 2 years", [365, 730], nth=1),
    TP("T17", "2 years", [730], nth=2),                   # "The mean value at 2 years"
    TP("T18", "baseline", [0]),
    LT("T19", "prothrombin time", "prothrombin time"),
    TP("T20", "6 months", [180], nth=3),
    LT("T21", "MELD score", "meld"),
    TP("T22", "6 months", [180], nth=4),
    TP("T23", "1 and 2 years", [365, 730], nth=2),
    TP("T24", "24 h", [1]),
    CT("T25", "MSCs", MSC, nth=1),
    # Conclusion
    RT("T26", "peripheral vein", "intravenous", nth=1),
])

# ---- seed 001: Ovid / EJGH page -------------------------------------------------------------
doc("seed-001-title", F1, "Improvement of liver function", "a phase I\u2013II clinical trial",
    [CT("T1", "mesenchymal stem cell", MSC, None, "autologous")])

doc("seed-001-abstract", F1, "Background\u00a0End-stage",
    "may improve clinical indices of liver function in end-stage liver disease.", [
    # Background
    CT("T1", "mesenchymal stem cells", MSC, None, "autologous"),
    CT("T2", "MSCs", MSC, None, "autologous"),
    # Methods
    LT("T3", "Model for End-Stage Liver Disease score", "meld"),
    LV("T4", "\u226510", value=10.0, comparator=">="),
    CT("T5", "MSCs", MSC, "bone_marrow", "autologous", nth=1),   # taken from iliac crest
    DOSE("T6", "30\u201350 million MSCs", 30e6, 50e6, "cells"),
    CT("T7", "MSCs", MSC, nth=2),
    RT("T8", "peripheral", "intravenous"),
    RT("T9", "portal vein", "intraportal"),
    TP("T10", "baseline", [0]),
    TP("T11", "1, 2, 4, 8, and 24 weeks", [7, 14, 28, 56, 168]),
    # Results
    LT("T12", "Model for End-Stage Liver Disease score", "meld", nth=1),
    LV("T13", "17.9\u00b15.6", value=17.9, sd=5.6),
    LV("T14", "10.7\u00b16.3", value=10.7, sd=6.3),
    LT("T15", "international normalized ratio", "inr"),
    LV("T16", "1.9\u00b10.4", value=1.9, sd=0.4),
    LV("T17", "1.4\u00b10.5", value=1.4, sd=0.5),
    LT("T18", "Serum creatinine", "creatinine"),
    LV("T19", "114\u00b135", value=114.0, sd=35.0, unit="umol/L"),
    LV("T20", "80\u00b118" + THIN + "\u03bcmol/l", value=80.0, sd=18.0, unit="umol/L"),
    LT("T21", "Serum albumin", "albumin"),
    LV("T22", "30\u00b15", value=30.0, sd=5.0, unit="g/L"),
    LV("T23", "33\u00b15" + THIN + "g/l", value=33.0, sd=5.0, unit="g/L"),
    LT("T24", "bilirubin", "total bilirubin"),
    LV("T25", "46\u00b129", value=46.0, sd=29.0, unit="umol/L"),
    LV("T26", "41\u00b131" + THIN + "\u03bcmol/l", value=41.0, sd=31.0, unit="umol/L"),
    # Conclusion
    CT("T27", "MSCs", MSC, nth=3),
], [
    VO("T4", "T3"),
    VO("T13", "T12"), VO("T14", "T12"),
    VO("T16", "T15"), VO("T17", "T15"),
    VO("T19", "T18"), VO("T20", "T18"),
    VO("T22", "T21"), VO("T23", "T21"),
    VO("T25", "T24"), VO("T26", "T24"),
])

# ---- seed 002: trial registry record ---------------------------------------------------------
doc("seed-002-summary", F2, "Liver failure (LF) is a dramatic", "UC-MSCs treatment for these patients.", [
    CT("T1", "liver cells", HEP),
    CT("T2", "bone marrow derived mesenchymal stem cells", BMMSC, "bone_marrow"),
    CT("T3", "BM-MSCs", BMMSC, "bone_marrow"),
    CT("T4", "hepatocytes", HEP),
    CT("T5", "human umbilical cord mesenchymal stem cells", UCMSC, "umbilical_cord"),
    CT("T6", "UC-MSCs", UCMSC, "umbilical_cord"),
    RT("T7", "peripheral vein", "intravenous"),
    CT("T8", "UC-MSCs", UCMSC, "umbilical_cord", nth=1),
])

doc("seed-002-description", F2, "Liver failure (LF) is a severe",
    "innovative cell-based therapies for the treatment of diseases.", [
    CT("T1", "liver cells", HEP),
    CT("T2", "mesenchymal stem cells", MSC),                # recent studies indicate that ...
    CT("T3", "MSCs", MSC),
    CT("T4", "bone marrow derived mesenchymal stem cells", BMMSC, "bone_marrow"),
    CT("T5", "BM-MSCs", BMMSC, "bone_marrow"),
    CT("T6", "hepatocytes", HEP),
    CT("T7", "human umbilical cord MSC", UCMSC, "umbilical_cord"),
    CT("T8", "UC-MSCs", UCMSC, "umbilical_cord"),
    CT("T9", "MSCs", MSC, "umbilical_cord", nth=3),        # MSCs were isolated from umbilical cord
    RT("T10", "i.v.", "intravenous"),
    DOSE("T11", "0.5-1.0\u00d7106 cells/kg", 0.5e6, 1.0e6, "cells/kg"),
    CT("T12", "MSCs", MSC, nth=4),                          # cells/kg of MSCs
    CT("T13", "MSCs", MSC, nth=5),                          # placebo without MSCs
    TP("T14", "2-year", [730]),
])

doc("seed-002-arms", F2, "Participants received", "at 50 ml saline for 12 weeks.", [
    RT("T1", "i.v.", "intravenous"),
    FQ("T2", "once per 4 week", None, 28.0),
    DOSE("T3", "0.5\\*10E6 MSC/kg body", 0.5e6, 0.5e6, "cells/kg"),
    CT("T4", "MSC", MSC),
    TP("T5", "12 weeks", [84]),
    RT("T6", "i.v.", "intravenous", nth=1),
    FQ("T7", "once per 4 week", None, 28.0, nth=1),
    DOSE("T8", "50 ml", 50.0, 50.0, "mL"),
    TP("T9", "12 weeks", [84], nth=1),
])

doc("seed-002-outcomes", F2, "The levels of serum Total Protein",
    "The score for Model for End-Stage Liver Disease\nTime frame: 2 years after treatment", [
    LT("T1", "serum Total Protein", "total protein"),
    LT("T2", "Albumin", "albumin"),
    TP("T3", "2 years", [730], nth=0),
    LT("T4", "serum Total Bilirubin", "total bilirubin"),
    LT("T5", "Direct Bilirubin", "direct bilirubin"),
    TP("T6", "2 years", [730], nth=1),
    LT("T7", "serum Alanine Aminotransferase", "alanine aminotransferase"),
    LT("T8", "ALT", "alanine aminotransferase"),
    LT("T9", "Aspartate Aminotransferase", "aspartate aminotransferase"),
    LT("T10", "AST", "aspartate aminotransferase"),
    LT("T11", "Cholinesterase", "cholinesterase"),
    LT("T12", "CHE", "cholinesterase"),
    TP("T13", "2 years", [730], nth=2),
    LT("T14", "alpha-fetoprotein", "alpha-fetoprotein"),
    LT("T15", "AFP", "alpha-fetoprotein"),
    TP("T16", "2 years", [730], nth=3),
    TP("T17", "2 years", [730], nth=4),                     # content of ascites
    TP("T18", "2 years", [730], nth=5),                     # survival rate and time
    TP("T19", "0 to 24 hours", [0, 1]),
    CT("T20", "UC-MSCs", UCMSC, "umbilical_cord"),
    LT("T21", "Prothrombin Activity", "prothrombin activity"),
    LT("T22", "PA", "prothrombin activity", nth=0),
    LT("T23", "Prothrombin Time", "prothrombin time"),
    LT("T24", "PT", "prothrombin time", nth=0),
    TP("T25", "2 years", [730], nth=6),
    LT("T26", "Model for End-Stage Liver Disease", "meld"),
    TP("T27", "2 years", [730], nth=7),
])

# ---- seed 003: Chinese literature portal ------------------------------------------------------
doc("seed-003-title", F3, "Treatment of human umbilical cord-derived", "liver cirrhosis: A clinical trial.",
    [CT("T1", "human umbilical cord-derived mesenchymal stem cells", UCMSC, "umbilical_cord")])

doc("seed-003-abstract", F3, "Background: Large number",
    "are needed to prove its therapeutic effect.", [
    CT("T1", "Human umbilical cord-derived mesenchymal stem cells", UCMSC, "umbilical_cord"),
    CT("T2", "hUC-MSCs", UCMSC, "umbilical_cord", nth=0),
    CT("T3", "hUC-MSCs", UCMSC, "umbilical_cord", nth=1),   # Aim
    CT("T4", "hUC-MSCs", UCMSC, "umbilical_cord", nth=2),   # Methods
    RT("T5", "peripheral vein", "intravenous"),
    FQ("T6", "3 times", 3, None),
    TP("T7", "24-week", [168]),
    TP("T8", "2-year", [730], nth=0),                       # 2-year survival assessment
    LT("T9", "Serum albumin", "albumin"),
    TP("T10", "days 57 and 85", [57, 85]),
    TP("T11", "baseline", [0]),
    TP("T12", "day 169", [169], nth=0),
    LT("T13", "prothrombin time activity", "prothrombin activity"),
    TP("T14", "day 29", [29]),
    TP("T15", "day 169", [169], nth=1),
    LT("T16", "Interleukin-8", "interleukin-8"),
    TP("T17", "6-month", [180]),
    TP("T18", "2-year", [730], nth=1),                      # 2-year survival rates
    DOSE("T19", "low-dose", level="low"),
    DOSE("T20", "medium-dose", level="medium"),
    DOSE("T21", "high-dose", level="high"),
    TP("T22", "3 months", [90]),
    CT("T23", "hUC-MSCs", UCMSC, "umbilical_cord", nth=3),  # Conclusion
])

# ---- seed 004: BioPortfolio trial page --------------------------------------------------------
doc("seed-004-title", F4, "Mesenchymal Stem Cell Therapy for Liver Cirrhosis",
    "Mesenchymal Stem Cell Therapy for Liver Cirrhosis",
    [CT("T1", "Mesenchymal Stem Cell", MSC)])

doc("seed-004-description", F4, "MSCs have been studied", "local regulatory requirement(s).", [
    CT("T1", "MSCs", MSC, nth=0),
    CT("T2", "MSCs", MSC, nth=1),
    CT("T3", "hematopoietic stem cell", HSC),
    LT("T4", "MELD score", "meld"),
    CT("T5", "MSCs", MSC, None, "autologous", nth=2),      # using autologous MSCs
    CT("T6", "MSCs", MSC, nth=3),                           # use of MSCs as cell therapy
    CT("T7", "MSCs", MSC, None, "autologous", nth=4),      # uses autologous MSCs
    CT("T8", "bone marrow MSC", BMMSC, "bone_marrow"),
    CT("T9", "Stem Cells", STEM),
    CT("T10", "stem cells", STEM, nth=0),                   # These stem cells include
    CT("T11", "bone marrow mesenchymal stem cells", BMMSC, "bone_marrow"),
    CT("T12", "MSC", BMMSC, "bone_marrow", nth=6),  # (MSC) after its long form
    CT("T13", "bone marrow mononuclear cells", BMMNC, "bone_marrow"),
    CT("T14", "MNC", BMMNC, "bone_marrow"),
    CT("T15", "peripheral CD34 positive cells", HSC, "peripheral_blood"),
    CT("T16", "bone marrow stem cell", STEM, "bone_marrow", "autologous"),
    CT("T17", "MSC", MSC, nth=7),                           # MSC therapy
])

doc("seed-004-intervention", F4, "Autologous BM MSC", "Autologous BM MSC",
    [CT("T1", "BM MSC", BMMSC, "bone_marrow", "autologous")])

doc("seed-004-related-1", F4, "Autologous Bone Marrow Mononuclear Cells in Liver Cirrhosis",
    "in patients with liver cirrho...", [
    CT("T1", "Bone Marrow Mononuclear Cells", BMMNC, "bone_marrow", "autologous"),
    CT("T2", "bone marrow-derived mononuclear cells", BMMNC, "bone_marrow", "autologous"),
    CT("T3", "BMMC", BMMNC, "bone_marrow", "autologous"),
])

doc("seed-004-related-2", F4, "A Phase II Open-label Single-arm Study",
    "for the clinical treatment of liver cirrhosis.", [
    CT("T1", "ADSCs", ADMSC, "adipose", None, nth=0),
    CT("T2", "ADSCs", ADMSC, "adipose", "autologous", nth=1),
])

doc("seed-004-related-3", F4, "Intestinal Barrier Function and Liver Cirrhosis",
    "Impairment in the intestinal barrier, change...", [])

doc("seed-004-related-4", F4, "Mesenchymal Stem Cells Transplantation for Liver Cirrhosis Due to HCV",
    "We also aimed to assess liver tissue regene...", [
    CT("T1", "Mesenchymal Stem Cells", MSC),
    CT("T2", "adipose tissue derived mesenchymal stem cells", ADMSC, "adipose", "autologous"),
])

doc("seed-004-related-5", F4, "Autologous Bone Marrow Mononuclear Stem Cell for Children",
    "Children Suffering from Liver Cirrhosis Due to Biliar...", [
    CT("T1", "Bone Marrow Mononuclear Stem Cell", BMMNC, "bone_marrow", "autologous"),
    CT("T2", "bone marrow mononuclear stem cell", BMMNC, "bone_marrow", "autologous"),
])


def main() -> None:
    with OUT.open("w", encoding="utf-8") as fh:
        for d in DOCS:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(DOCS)} draft documents written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
