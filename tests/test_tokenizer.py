import spacy

from celltx.tokenizer import CelltxTokenizer


def tokens(text: str) -> list[str]:
    doc = CelltxTokenizer(spacy.blank("en").vocab)(text)
    assert doc.text == text  # never changes the text
    return [t.text for t in doc]


def test_numbers_with_spread_split_at_plus_minus():
    assert tokens("30±5 g/l") == ["30", "±", "5", "g", "/", "l"]


def test_decimal_and_grouped_numbers_stay_whole():
    assert tokens("17.9 and 1,500 mg") == ["17.9", "and", "1,500", "mg"]


def test_hyphenated_abbreviations_stay_whole_for_the_abbreviation_detector():
    assert tokens("(hUC-MSCs) IL-8 24-week") == ["(", "hUC-MSCs", ")", "IL-8", "24-week"]


def test_dotted_abbreviations_and_multipliers():
    assert tokens("i.v. 0.5-1.0×106 cells/kg") == ["i.v.", "0.5-1.0", "×", "106", "cells", "/", "kg"]


def test_glued_sentence_end_is_split():
    assert tokens("regeneration.The") == ["regeneration", ".", "The"]


def test_odd_whitespace_is_kept_so_offsets_never_move():
    text = "a\u00a0b\n\n  c\u200bd"
    doc = CelltxTokenizer(spacy.blank("en").vocab)(text)
    assert doc.text == text
    # the zero-width space is not Python white space: it becomes a token of its own
    assert [t.text for t in doc if t.text.strip()] == ["a", "b", "c", "\u200b", "d"]


def test_superscript_exponent_stays_with_its_base():
    assert tokens("1×10⁶ cells") == ["1", "×", "10⁶", "cells"]


def test_the_text_it_records_is_the_docs_text():
    """The tokenizer records each Doc's text (extensions.doc_text then needs not rebuild it)."""
    from pathlib import Path

    from celltx.extensions import _TEXTS

    texts = ["", " ", "a  b\n\n c ", "\x00 x\u200b y\t\u00a0z ", "lone \ud800 surrogate", "30±5 μmol/l,"]
    texts += [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))]
    tok = CelltxTokenizer(spacy.blank("en").vocab)
    for text in texts:
        doc = tok(text)
        assert _TEXTS[doc] == doc.text


def test_a_route_abbreviation_hyphened_to_what_is_given_is_a_token_of_its_own():
    assert tokens("IV-PCA and iv-infusion") == ["IV", "-", "PCA", "and", "iv", "-", "infusion"]
    # inside a longer name (DSM-IV-TR) the hyphens stay
    assert tokens("DSM-IV-TR criteria") == ["DSM-IV-TR", "criteria"]


def test_single_session_splits_like_single_dose():
    assert tokens("single-session") == ["single", "-", "session"]


def test_the_pieces_are_the_token_pattern_s_matches_whichever_module_reads_them():
    import json
    from pathlib import Path

    from celltx import tokenizer
    from celltx.components.stdlib_twin import text_is_safe
    from celltx.textnorm import shadow

    assert tokenizer._PIECES_TWIN is not None
    repo = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "seeds").glob("*.txt"))]
    for path in sorted((repo / "corpora" / "dev").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts += ["a  b\n c \u00a0d", "  lead", "x\t\ty", "MSC-treated 10-week CD34+ 1,500 i.v. e.g. naïve-derived"]
    safe = 0
    for text in texts:
        view = shadow(text)
        pieces = [m.group() for m in tokenizer.TOKEN_RE.finditer(view)]
        assert tokenizer._PIECES_RE.findall(view) == pieces
        if text_is_safe(view):
            safe += 1
            assert tokenizer._PIECES_TWIN.findall(view) == pieces
    assert safe > 20
