"""Each pipeline component on small invented sentences (rules system, no trained model)."""

import pytest

from celltx import schema
from tests.conftest import span, spans_of


def test_sentences_split_glued_and_keep_abbreviations(nlp):
    doc = nlp("Cells were given i.v. daily. Liver regeneration.The next step followed et al. work.")
    assert [s.text for s in doc.sents] == [
        "Cells were given i.v. daily.",
        "Liver regeneration.",
        "The next step followed et al. work.",
    ]


def test_sentences_hard_wrapped_lines_are_one_sentence(nlp):
    text = ("Efficacy of two eye drops\n"
            "METHODS: Patients with glaucoma were randomized (drop A, n =\n"
            "60; drop B, n = 58) and IOP decreased from 26.0 +/- 5.1 mm\n"
            "Hg to 17.8 +/- 3.9 mm Hg.\n"
            "RESULTS: Both drops\n"
            "lowered IOP. Criteria were\n"
            "- age over 18\n"
            "Primary outcome: IOP at 12 weeks\n\n"
            "Conclusions differ")
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Efficacy of two eye drops",  # the first line: a title
        "METHODS: Patients with glaucoma were randomized (drop A, n =\n60; drop B, n = 58) and IOP decreased "
        "from 26.0 +/- 5.1 mm\nHg to 17.8 +/- 3.9 mm Hg.",
        "RESULTS: Both drops\nlowered IOP.",
        "Criteria were",  # a list item starts something new
        "- age over 18",
        "Primary outcome: IOP at 12 weeks",  # a field of a record
        "Conclusions differ",  # after a blank line
    ]


def test_lexicon_lab_test_takes_serum_prefix_and_score(extract_rules):
    rec = extract_rules("Serum albumin rose and the MELD score fell.")
    assert spans_of(rec, "LAB_TEST") == [("LAB_TEST", "Serum albumin"), ("LAB_TEST", "MELD score")]


def test_lexicon_routes(extract_rules):
    rec = extract_rules("Cells were injected via the hepatic artery or into the spleen.")
    assert span(rec, "hepatic artery", "ROUTE")["attrs"]["route"] == "hepatic_artery"
    assert span(rec, "into the spleen", "ROUTE")["attrs"]["route"] == "intrasplenic"


@pytest.mark.parametrize(
    "text, code",
    [
        ("Cells were injected intra-arterially in patients after an ischaemic stroke.", "other"),
        ("Bone marrow cells were given by intraarterial infusion into the femoral artery.", "other"),
        ("In decompensated cirrhosis, cells were injected intra-arterially.", "hepatic_artery"),
        ("Cells were given by intra-arterial injection into the hepatic artery.", "hepatic_artery"),
    ],
)
def test_intra_arterial_is_the_hepatic_artery_only_in_an_abstract_about_the_liver(extract_rules, text, code):
    # before: "hepatic_artery" in all four
    routes = [s for s in extract_rules(text)["spans"] if s["label"] == "ROUTE" and "arteri" in s["text"].lower()]
    assert routes and routes[0]["attrs"]["route"] == code


def test_cell_grammar_and_donor(extract_rules):
    rec = extract_rules("Patients received allogeneic umbilical cord-derived mesenchymal stem cells.")
    cell = span(rec, "umbilical cord-derived mesenchymal stem cells", "CELL_TYPE")
    assert cell["attrs"] == {"cl_id": "CL:0002569", "source": "umbilical_cord", "donor": "allogeneic",
                             "negated": False, "hypothetical": False}


def test_abbreviation_inherits_label_and_attributes(extract_rules):
    rec = extract_rules(
        "Autologous bone marrow-derived mononuclear cells (BMMC) were infused. "
        "Serum cholinesterase (SChE) improved; SChE rose further."
    )
    short = span(rec, "BMMC", "CELL_TYPE")
    assert short["attrs"]["cl_id"] == "CL:0010004"
    assert short["attrs"]["donor"] == "autologous"  # copied from the long form
    labs = [s for s in rec["spans"] if s["text"] == "SChE"]
    assert [s["attrs"]["analyte"] for s in labs] == ["cholinesterase", "cholinesterase"]


@pytest.mark.parametrize(
    "text, long, short, source",
    [
        ("Umbilical cord MSCs (UC-MSCs) were infused.", "Umbilical cord MSCs", "UC-MSCs", "umbilical_cord"),
        ("Wharton's jelly MSCs (WJ-MSCs) were infused.", "Wharton's jelly MSCs", "WJ-MSCs", "wharton_jelly"),
        ("Adipose-derived MSCs (AD-MSCs) were transplanted.", "Adipose-derived MSCs", "AD-MSCs", "adipose"),
    ],
)
def test_a_cell_product_abbreviated_from_a_long_form_ending_in_its_own_abbreviation(extract_rules, text, long, short, source):
    # before: the long form named no cell word ("cells", "stem", ...), so the short form was
    # taken for an abbreviation of something else and dropped
    rec = extract_rules(text)
    assert span(rec, long, "CELL_TYPE")["attrs"]["source"] == source
    assert span(rec, short, "CELL_TYPE")["attrs"]["source"] == source


@pytest.mark.parametrize(
    "text",
    [
        "Cognitive deficits are side effects of hematopoietic stem cell therapy (HSCT). They persisted after HSCT.",
        "Patients received mesenchymal stem cell infusion (MSCI) twice.",
    ],
)
def test_the_abbreviation_of_a_procedure_on_cells_is_no_cell_type(extract_rules, text):
    # before: "HSCT" was a CELL_TYPE (the scheme: "MSCT = MSC transplantation" is none); the
    # MSCI case, a long form whose cell name is most of it, is a guard that passed before too
    cells = [s["text"] for s in extract_rules(text)["spans"] if s["label"] == "CELL_TYPE"]
    assert cells and not any(c.isupper() for c in cells), cells


def test_a_cell_name_in_brackets_after_another_takes_its_donor_and_source(extract_rules):
    # before: "Tregs" had no donor (the abbreviation detector cannot spell "Tregs" from
    # "regulatory T cells", so the scheme's rule for abbreviations in brackets was not applied)
    rec = extract_rules("Autologous regulatory T cells (Tregs) were infused.")
    assert span(rec, "Tregs", "CELL_TYPE")["attrs"]["donor"] == "autologous"
    assert span(rec, "regulatory T cells", "CELL_TYPE")["attrs"]["donor"] == "autologous"


def test_a_cell_named_after_its_tissue_word(extract_rules):
    # before: nothing ("retinal pigment epithelial cells" is the dictionary's spelling)
    rec = extract_rules("Retinal pigment epithelium cells were implanted subretinally.")
    assert span(rec, "Retinal pigment epithelium cells", "CELL_TYPE")["attrs"]["cl_id"] == "CL:0002586"


def test_numeric_regexes(extract_rules):
    rec = extract_rules(
        "MSCs (0.5-1.0×106 cells/kg) were given once per 4 weeks for 12 weeks, "
        "and assessed at 1, 2 and 6 months."
    )
    assert span(rec, "0.5-1.0×106 cells/kg", "DOSE")["attrs"]["low"] == 500000.0
    assert span(rec, "once per 4 weeks", "FREQUENCY")["attrs"]["interval_days"] == 28.0
    assert span(rec, "12 weeks", "TIME_POINT")["attrs"]["days"] == [84.0]
    assert span(rec, "1, 2 and 6 months", "TIME_POINT")["attrs"]["days"] == [30.0, 60.0, 180.0]
    # the "4 weeks" inside the frequency is not a time point of its own
    assert ("TIME_POINT", "4 weeks") not in spans_of(rec)


def test_distractors_are_not_mentions(extract_rules):
    rec = extract_rules("Patients aged 18 to 65 years were enrolled in 2014 (P<0.05); 26 patients completed.")
    assert spans_of(rec) == []


def test_merge_keeps_one_span_per_label_and_position(extract_rules):
    rec = extract_rules("Model for End-Stage Liver Disease score improved.")
    assert spans_of(rec, "LAB_TEST") == [("LAB_TEST", "Model for End-Stage Liver Disease score")]


def test_merge_excludes_organisation_names(extract_rules):
    rec = extract_rules("Cell Biology Department, Stem Cell Technology Company, Tehran.")
    assert spans_of(rec, "CELL_TYPE") == []


def test_linker_pairs_values_with_nearest_preceding_test_and_shares_units(extract_rules):
    rec = extract_rules("Albumin changed from 30±5 to 33±5 g/l and bilirubin from 46±29 to 41±31 μmol/l.")
    by_id = {s["id"]: s for s in rec["spans"]}
    pairs = sorted((by_id[r["head"]]["text"], by_id[r["tail"]]["text"]) for r in rec["relations"])
    assert pairs == [("30±5", "Albumin"), ("33±5 g/l", "Albumin"), ("41±31 μmol/l", "bilirubin"), ("46±29", "bilirubin")]
    assert span(rec, "30±5", "LAB_VALUE")["attrs"]["unit"] == "g/L"


def test_linker_respectively(extract_rules):
    rec = extract_rules("ALT and AST were 45 U/L and 60 U/L, respectively.")
    by_id = {s["id"]: s for s in rec["spans"]}
    pairs = sorted((by_id[r["head"]]["text"], by_id[r["tail"]]["text"]) for r in rec["relations"])
    assert pairs == [("45 U/L", "ALT"), ("60 U/L", "AST")]


def test_linker_drops_numbers_without_a_test(extract_rules):
    rec = extract_rules("Survival was 87.5% at 2 years.")
    assert spans_of(rec, "LAB_VALUE") == []


def test_context_flags_negation(extract_rules):
    rec = extract_rules("The control group received placebo without MSCs.")
    assert span(rec, "MSCs", "CELL_TYPE")["attrs"]["negated"] is True


@pytest.mark.parametrize(
    "text, mention",
    [
        ("There was no significant change in AST after treatment.", "AST"),
        ("No statistically significant differences in serum albumin were found.", "serum albumin"),
        ("No increase in bilirubin was seen.", "bilirubin"),
        ("The groups did not differ in ALT.", "ALT"),
        ("MSC infusion did not significantly change serum albumin.", "serum albumin"),
        ("Cells were given without relevant changes in creatinine.", "creatinine"),
        ("HbA1c declined from 8.4 to 7.1% in the treated group.", "HbA1c"),
        ("Plasma free fatty acids fell after the meal.", "Plasma free fatty acids"),
        ("Postprandial insulin rather than glucose explained the effect.", "glucose"),
        ("MSCs raised IL-6 but not IgG levels.", "IgG"),
        ("The difference in serum albumin was not significant.", "serum albumin"),
        ("There was no apparent difference in creatinine.", "creatinine"),
        ("Treatment had no effects on fasting blood glucose.", "fasting blood glucose"),
    ],
)
def test_no_change_in_a_test_reports_a_result_it_does_not_negate_the_test(extract_rules, text, mention):
    # medspaCy's "no"/"not"/"without" cues alone marked these tests negated (patterns/context_rules.jsonl)
    assert span(extract_rules(text), mention, "LAB_TEST")["attrs"]["negated"] is False


def test_only_cell_products_and_test_findings_are_negated(extract_rules):
    # a dose or a route in a negation's scope is not itself negated
    rec = extract_rules("Controls received no MSCs or oral prednisolone 40 mg.")
    assert span(rec, "MSCs", "CELL_TYPE")["attrs"]["negated"] is True
    assert span(rec, "oral", "ROUTE")["attrs"]["negated"] is False
    assert span(rec, "40 mg", "DOSE")["attrs"]["negated"] is False


@pytest.mark.parametrize(
    "text, mention, label",
    [
        # a cue reaches a few words, not the end of a long sentence
        ("Patients who received no antibiotics in the first week of the study had higher serum ALT.",
         "serum ALT", "LAB_TEST"),
        # both conditions of a comparison
        ("T cells were cultured in the presence or absence of NK cells.", "NK cells", "CELL_TYPE"),
        # "free" in a compound is no negation cue (medspaCy reads it backwards)
        ("Serum ALT and disease-free survival improved.", "Serum ALT", "LAB_TEST"),
    ],
)
def test_mentions_near_a_cue_that_are_not_negated(extract_rules, text, mention, label):
    assert span(extract_rules(text), mention, label)["attrs"]["negated"] is False


@pytest.mark.parametrize(
    "text, mention, label",
    [
        ("The control group received placebo with no MSCs.", "MSCs", "CELL_TYPE"),
        ("The control group received standard therapy without MSC infusion.", "MSC", "CELL_TYPE"),
        ("All patients tested negative for HBeAg.", "HBeAg", "LAB_TEST"),
        ("There was no evidence of HBV DNA in serum.", "HBV DNA", "LAB_TEST"),
    ],
)
def test_absence_is_still_a_negation(extract_rules, text, mention, label):
    assert span(extract_rules(text), mention, label)["attrs"]["negated"] is True


def test_every_output_record_is_valid(extract_rules):
    rec = extract_rules("Serum ALT fell from 80±10 U/L to 40±8 U/L after 3 infusions of 1×10^6 MSCs/kg.")
    assert schema.validate_record(rec) == []


def test_negative_lab_value_keeps_its_sign(extract_rules):
    rec = extract_rules("ALT was -5.2 U/L after infusion; AST was 5-10 U/L.")
    assert span(rec, "-5.2 U/L", "LAB_VALUE")["attrs"]["value"] == -5.2
    assert span(rec, "5-10 U/L", "LAB_VALUE")["attrs"]["low"] == 5.0


def test_empty_third_party_matchers_do_not_warn():
    """scispaCy's and medspaCy's matchers that are empty by design are called without W036
    (it once flooded every test run and was silenced suite-wide)."""
    import warnings

    import celltx

    nlp = celltx.load("rules")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"\[W036\]")
        doc = nlp("Patients (n = 12) did not receive MSCs; ALT (alanine aminotransferase) fell to 40 U/L.")
    assert doc.spans["celltx"]


def test_an_abbreviation_found_to_be_a_lab_test_makes_its_long_form_one(extract_rules):
    rec = extract_rules("Trefoil factor 3 (TFF3) is a small peptide. The mean serum TFF3 values were 23.6 ng/ml.")
    tests = {s["text"]: s["attrs"]["analyte"] for s in rec["spans"] if s["label"] == "LAB_TEST"}
    assert tests == {"Trefoil factor 3": "trefoil factor 3", "TFF3": "trefoil factor 3", "serum TFF3": "tff3"}


def test_a_virus_named_before_its_rna_is_no_lab_test(extract_rules):
    rec = extract_rules("Chronic hepatitis C virus (HCV) infection was studied; serum HCV RNA fell.")
    assert [s["text"] for s in rec["spans"] if s["label"] == "LAB_TEST"] == ["serum HCV RNA"]


def test_a_long_form_that_names_the_analyte_otherwise_keeps_the_abbreviation(extract_rules):
    rec = extract_rules("N-terminal of the prohormone of brain natriuretic peptide (NT-proBNP) was measured. "
                        "NT-proBNP fell by 164 pg/mL.")
    assert [s["text"] for s in rec["spans"] if s["label"] == "LAB_TEST"].count("NT-proBNP") == 2


@pytest.mark.parametrize(
    "text, name",
    [("Time with sensor glucose below 3.9 mmol/l was shorter.", "sensor glucose"),
     ("Urinary sodium excretion fell in both arms.", "Urinary sodium excretion"),
     ("The 24-hour urinary sodium was lower.", "24-hour urinary sodium"),
     ("The 2-h plasma glucose was 7.8 mmol/L.", "2-h plasma glucose")],
)
def test_lexicon_lab_test_takes_name_words_from_the_word_lists(extract_rules, text, name):
    assert spans_of(extract_rules(text), "LAB_TEST") == [("LAB_TEST", name)]


def test_lexicon_does_not_take_a_name_word_twice_or_across_a_comma(extract_rules):
    rec = extract_rules("The MELD score scores were high. After 24-hour, plasma glucose fell.")
    assert spans_of(rec, "LAB_TEST") == [("LAB_TEST", "MELD score"), ("LAB_TEST", "plasma glucose")]


@pytest.mark.parametrize(
    "text, names",
    [("HCO3− rose and Na+ fell.", ["HCO3−", "Na+"]),
     ("The HCO3- level was low.", ["HCO3-"]),
     ("The cholesterol ratios and fibrinogen binding fell.", ["cholesterol ratios", "fibrinogen binding"])],
)
def test_lexicon_lab_test_takes_a_glued_charge_and_name_words(extract_rules, text, names):
    assert [s[1] for s in spans_of(extract_rules(text), "LAB_TEST")] == names


def test_lexicon_a_suspended_hyphen_is_no_charge(extract_rules):
    rec = extract_rules("AST- and ALT levels rose.")
    assert spans_of(rec, "LAB_TEST") == [("LAB_TEST", "AST"), ("LAB_TEST", "ALT")]


def test_a_coordinated_exclusion_carries_along_its_list_and_stops_at_other_words():
    from celltx.components.merge import _spread

    view = "shares were 61, 48 and 55% in the arms; HbA1c 6.9%"
    spans = {"61": (12, 14), "48": (16, 18), "55%": (23, 26), "6.9%": (46, 50)}
    for text, (start, end) in spans.items():
        assert view[start:end] == text
    verdicts = {("LAB_VALUE", *span): 0 for span in spans.values()}
    verdicts[("LAB_VALUE", *spans["55%"])] = 2  # the cue was read next to the last item
    _spread(view, verdicts)
    assert [text for text, span in spans.items() if verdicts[("LAB_VALUE", *span)]] == ["61", "48", "55%"]
    verdicts = {("LAB_VALUE", *span): 0 for span in spans.values()}
    verdicts[("LAB_VALUE", *spans["55%"])] = 1  # a plain exclusion stays where it is
    _spread(view, verdicts)
    assert [text for text, span in spans.items() if verdicts[("LAB_VALUE", *span)]] == ["55%"]


def test_a_given_substance_is_a_product_in_the_whole_document_unless_measured():
    """A ``given`` exclusion row marks the substance; its other bare mentions are dropped, a
    mention with a measurement cue is kept (celltx_merge)."""
    from celltx.pipeline import build

    nlp = build("rules")  # a pipeline of its own: its merge patterns are changed below
    merge = nlp.get_pipe("celltx_merge")
    rows = [dict(r) for r in merge.default_patterns()]
    assert any(r.get("given") for r in rows)
    text = "Treatment with zinc was tested. Zinc was well tolerated. Plasma zinc and zinc levels rose."

    def tests() -> list[str]:
        doc = nlp(text)
        return [s.text for s in doc.spans[schema.SPANS_KEY] if s.label_ == schema.LAB_TEST]

    assert tests() == ["Plasma zinc", "zinc"]
    merge.set_patterns([r for r in rows if not r.get("given")])
    assert "Zinc" in tests()  # without the given rows the bare mention is a lab test again
