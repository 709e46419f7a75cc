"""Invented inputs in the real PubMed XML and MEDLINE (nbib) formats, shared by the tests.

The abstracts are made up for the tests (no text copied from papers); the markup follows
what PubMed's "Save -> PubMed/XML" and "Save -> PubMed (MEDLINE)" exports produce.
"""

from __future__ import annotations

PMIDS_XML = ("90000001", "90000002", "90000003")

PUBMED_XML = """\
<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet>
<PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">
        <PMID Version="1">90000001</PMID>
        <DateCompleted>
            <Year>2024</Year>
            <Month>03</Month>
            <Day>11</Day>
        </DateCompleted>
        <Article PubModel="Print-Electronic">
            <Journal>
                <ISSN IssnType="Electronic">0000-0000</ISSN>
                <JournalIssue CitedMedium="Internet">
                    <Volume>12</Volume>
                    <Issue>4</Issue>
                    <PubDate><Year>2024</Year><Month>Apr</Month></PubDate>
                </JournalIssue>
                <Title>Journal of invented hepatology</Title>
                <ISOAbbreviation>J Invent Hepatol</ISOAbbreviation>
            </Journal>
            <ArticleTitle>Umbilical cord mesenchymal stem cells for decompensated cirrhosis: an open pilot study.</ArticleTitle>
            <Pagination><MedlinePgn>101-109</MedlinePgn></Pagination>
            <Abstract>
                <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Few treatments help patients whose cirrhosis has decompensated.</AbstractText>
                <AbstractText Label="METHODS" NlmCategory="METHODS">Forty patients received allogeneic umbilical cord MSCs at 1.0×10^6 cells/kg via the peripheral vein once every 4 weeks.</AbstractText>
                <AbstractText Label="RESULTS" NlmCategory="RESULTS">At 24 weeks, serum albumin rose from 29±3 to 34±4 g/L &amp; ALT fell to 38 U/L. No patient had elevated bilirubin.</AbstractText>
            </Abstract>
            <AuthorList CompleteYN="Y">
                <Author ValidYN="Y"><LastName>Example</LastName><ForeName>Ann</ForeName><Initials>A</Initials></Author>
                <Author ValidYN="Y"><LastName>Sample</LastName><ForeName>Bo</ForeName><Initials>B</Initials></Author>
            </AuthorList>
            <Language>eng</Language>
            <PublicationTypeList>
                <PublicationType UI="D017426">Clinical Trial, Phase I</PublicationType>
            </PublicationTypeList>
        </Article>
        <MedlineJournalInfo><Country>Nowhere</Country><MedlineTA>J Invent Hepatol</MedlineTA></MedlineJournalInfo>
    </MedlineCitation>
    <PubmedData>
        <PublicationStatus>ppublish</PublicationStatus>
        <ArticleIdList>
            <ArticleId IdType="pubmed">90000001</ArticleId>
            <ArticleId IdType="doi">10.0000/invented.1</ArticleId>
        </ArticleIdList>
    </PubmedData>
</PubmedArticle>
<PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
        <PMID Version="1">90000002</PMID>
        <Article PubModel="Print">
            <Journal><Title>Invented cell therapy reports</Title></Journal>
            <ArticleTitle>Autologous bone marrow mononuclear cells given into the hepatic artery.</ArticleTitle>
            <Abstract>
                <AbstractText>Twelve patients with alcoholic cirrhosis were given autologous bone marrow mononuclear cells through the hepatic artery. ALT was 52±10 U/L at 12 weeks.</AbstractText>
            </Abstract>
            <Language>eng</Language>
        </Article>
    </MedlineCitation>
    <PubmedData>
        <ArticleIdList><ArticleId IdType="pubmed">90000002</ArticleId></ArticleIdList>
    </PubmedData>
</PubmedArticle>
<PubmedArticle>
    <MedlineCitation Status="PubMed-not-MEDLINE" Owner="NLM">
        <PMID Version="1">90000003</PMID>
        <Article PubModel="Electronic">
            <Journal><Title>Invented letters</Title></Journal>
            <ArticleTitle>Hepatocyte transplantation in children: a letter without an abstract.</ArticleTitle>
            <Language>eng</Language>
        </Article>
    </MedlineCitation>
    <PubmedData>
        <ArticleIdList><ArticleId IdType="pubmed">90000003</ArticleId></ArticleIdList>
    </PubmedData>
</PubmedArticle>
</PubmedArticleSet>
"""

PMIDS_MEDLINE = ("90000011", "90000012", "90000013")

MEDLINE = """\

PMID- 90000011
OWN - NLM
STAT- MEDLINE
DCOM- 20240115
IS  - 0000-0001 (Electronic)
VI  - 3
DP  - 2024 Jan
TI  - Adipose-derived stromal cells for liver failure: a randomised trial of two
      dose levels.
PG  - 11-19
AB  - Sixty patients received autologous adipose-derived MSCs at 2×10^6 cells/kg or
      placebo by intraportal infusion. Total bilirubin was 41±9 μmol/L at baseline
      and 30±7 μmol/L at 8 weeks.
FAU - Example, Ann
AU  - Example A
AD  - Invented Hospital, Nowhere.
LA  - eng
PT  - Journal Article
PT  - Randomized Controlled Trial
TA  - J Invent Hepatol
JT  - Journal of invented hepatology
SO  - J Invent Hepatol. 2024 Jan;3(1):11-19.

PMID- 90000012
OWN - NLM
STAT- MEDLINE
DP  - 2023 Nov
TI  - Repeated infusions of cord blood cells.
AB  - Patients were given cord blood mononuclear cells intravenously twice, with the
      MELD score recorded at 4 weeks.
AU  - Sample B
LA  - eng
PT  - Journal Article
SO  - Invent Cell Rep. 2023 Nov;7:201-4.

PMID- 90000013
OWN - NLM
STAT- Publisher
DP  - 2025 Feb
TI  - A title-only record about hepatocyte-like cells.
LA  - eng
PT  - Letter
SO  - Invent Lett. 2025 Feb;1:1.
"""

#: A MEDLINE file whose second record lost its PMID line.
MEDLINE_NO_PMID = """\
PMID- 90000021
TI  - First record is fine.
AB  - Autologous MSCs were infused via the hepatic artery.

OWN - NLM
TI  - Second record has no PMID.
AB  - Umbilical cord MSCs were infused intravenously.

PMID- 90000023
TI  - Third record is fine too.
AB  - ALT was 40 U/L at 4 weeks.
"""


def pubmed_with_bad_record() -> str:
    """The PubMed XML with a broken element in its last article (well-formedness error)."""
    broken = PUBMED_XML.replace(
        "<ArticleTitle>Hepatocyte transplantation", "<ArticleTitle><b>Hepatocyte transplantation"
    )
    assert broken != PUBMED_XML
    return broken


def broken_xml_line() -> int:
    """The line of the closing tag the parser trips over in :func:`pubmed_with_bad_record`."""
    text = pubmed_with_bad_record()
    return text[: text.index("</ArticleTitle>", text.index("<b>Hepatocyte"))].count("\n") + 1
