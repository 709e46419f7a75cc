"""Tests for celltx.corpus.readers: format detection, each format, errors, --on-error."""

from __future__ import annotations

from pathlib import Path

import pytest

from celltx.cli import main
from celltx.corpus.readers import ReaderError, detect_format, iter_inputs
from tests.commands.samples import (
    MEDLINE,
    MEDLINE_NO_PMID,
    PMIDS_MEDLINE,
    PMIDS_XML,
    PUBMED_XML,
    broken_xml_line,
    pubmed_with_bad_record,
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(*paths: Path, **kw) -> list[dict]:
    return list(iter_inputs(paths, **kw))


# --- detection --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("export.xml", '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet', "pubmed"),
        ("export.txt", "<?xml version='1.0'?><PubmedArticleSet><PubmedArticle>", "pubmed"),
        ("pubmed-set.nbib", "\nPMID- 1\nOWN - NLM", "medline"),
        ("export.txt", "PMID- 123\nTI  - x", "medline"),
        ("export", "\ufeffPMID- 123", "medline"),
        ("docs.jsonl", '{"id": "a", "text": "x"}', "jsonl"),
        ("docs.json", '{"id": "a", "text": "x"}', "jsonl"),
        ("sheet.csv", "id,text\n1,x", "csv"),
        ("sheet.CSV", "id,text", "csv"),
        ("sheet.tsv", "id\ttext", "tsv"),
        ("abstract.txt", "Autologous MSCs were infused.", "txt"),
        ("notes.md", "<b>not xml</b> plain text", "txt"),
        ("stdin", "id,text\n1,MSCs were given.", "csv"),
        ("stdin", '"PMID","Abstract"\r\n1,x', "csv"),
        ("stdin", "pmid\tsummary\tyear\n1\tx\t2020", "txt"),  # no column the reader takes the text from
        ("stdin", "PMID\tAbstract\n1\tx", "tsv"),
        ("export.txt", "id,text\n1,x", "csv"),
        ("stdin", "Text, abstract and figures were read.", "txt"),
        ("stdin", "MSCs, 1x10^6 cells/kg, were infused.", "txt"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(Path(name), head) == expected


def test_a_named_text_column_identifies_a_header_row():
    assert detect_format(Path("stdin"), "pmid,body\n1,x") == "txt"
    assert detect_format(Path("stdin"), "pmid,body\n1,x", text_column="body") == "csv"


def test_detection_is_used_for_every_file_of_a_folder(tmp_path: Path):
    write(tmp_path, "a.xml", PUBMED_XML)
    write(tmp_path, "b.nbib", MEDLINE)
    write(tmp_path, "c.txt", "Umbilical cord MSCs were given twice.")
    write(tmp_path, ".hidden.txt", "never read")
    records = read(tmp_path)
    assert [r["id"] for r in records] == [*PMIDS_XML, *PMIDS_MEDLINE, "c"]
    assert [(r["source"], r["source_offset"]) for r in records] == [
        *((f"a.xml:{p}", 0) for p in PMIDS_XML), *((f"b.nbib:{p}", 0) for p in PMIDS_MEDLINE), ("c.txt", 0)]


def test_forced_format_overrides_detection(tmp_path: Path):
    path = write(tmp_path, "looks.jsonl", '{"id": "x", "text": "y"}\n')
    assert read(path, input_format="txt") == [
        {"id": "looks", "text": '{"id": "x", "text": "y"}\n', "source": "looks.jsonl", "source_offset": 0}
    ]
    with pytest.raises(ReaderError, match="unknown input format 'xml'"):
        read(path, input_format="xml")


# --- each format ------------------------------------------------------------------------


def test_txt_keeps_the_text_exactly(tmp_path: Path):
    text = "Title line\r\n\r\nMSCs 1×10^6 cells/kg\u2028end"
    path = write(tmp_path, "abs-1.txt", text.encode("utf-8"))
    assert read(path) == [{"id": "abs-1", "text": text, "source": "abs-1.txt", "source_offset": 0}]


def test_jsonl_inputs(tmp_path: Path):
    path = write(tmp_path, "in.jsonl", '{"id": 7, "text": "a"}\n\n{"text": "b", "title": "t"}\n')
    assert [(r["id"], r["text"]) for r in read(path)] == [("7", "a"), ("in-3", "b")]
    assert [r["source"] for r in read(path)] == ["in.jsonl:7", "in.jsonl:in-3"]


def test_jsonl_scheme_documents_keep_their_source(tmp_path: Path):
    line = '{"id": "g1", "text": "a", "source": "001.txt", "source_offset": 412}\n'
    (record,) = read(write(tmp_path, "gold.jsonl", line))
    assert (record["source"], record["source_offset"]) == ("001.txt", 412)


def test_pubmed_xml(tmp_path: Path):
    records = read(write(tmp_path, "export.xml", PUBMED_XML))
    assert [r["id"] for r in records] == list(PMIDS_XML)
    first = records[0]["text"]
    title, sections = first.split("\n\n")
    assert title.startswith("Umbilical cord mesenchymal stem cells")
    assert sections.split("\n")[0] == "BACKGROUND: Few treatments help patients whose cirrhosis has decompensated."
    assert sections.split("\n")[2].startswith("RESULTS: At 24 weeks")
    assert "29±3 to 34±4 g/L & ALT" in first  # entity decoded, UTF-8 kept
    assert "Journal of invented" not in first and "Example" not in first  # only title + abstract
    assert records[1]["text"].count("\n\n") == 1  # unlabelled abstract after the title
    assert records[2]["text"] == "Hepatocyte transplantation in children: a letter without an abstract."


def test_pubmed_superscripts_keep_the_exponent(tmp_path: Path):
    xml = PUBMED_XML.replace("1.0×10^6 cells/kg", "1.0×10<sup>6</sup> cells/kg")
    text = read(write(tmp_path, "export.xml", xml))[0]["text"]
    assert "1.0×106 cells/kg" not in text
    assert "1.0×10^6 cells/kg" in text


def test_medline(tmp_path: Path):
    records = read(write(tmp_path, "export.nbib", MEDLINE))
    assert [r["id"] for r in records] == list(PMIDS_MEDLINE)
    assert records[0]["text"] == (
        "Adipose-derived stromal cells for liver failure: a randomised trial of two dose levels."
        "\n\nSixty patients received autologous adipose-derived MSCs at 2×10^6 cells/kg or placebo "
        "by intraportal infusion. Total bilirubin was 41±9 μmol/L at baseline and 30±7 μmol/L at "
        "8 weeks."
    )
    assert records[2]["text"] == "A title-only record about hepatocyte-like cells."


def test_csv_and_tsv(tmp_path: Path):
    csv_path = write(tmp_path, "sheet.csv",
                     'PMID,Title,Abstract\n11,"T, one","MSCs were given i.v.\nALT fell."\n12,T2,"Hepatocytes, twice."\n')
    records = read(csv_path)
    assert [(r["id"], r["text"]) for r in records] == [
        ("11", "MSCs were given i.v.\nALT fell."), ("12", "Hepatocytes, twice.")]
    tsv_path = write(tmp_path, "sheet.tsv", "key\tbody\na\tMSCs weekly.\nb\tALT 40 U/L.\n")
    records = read(tsv_path, text_column="body", id_column="key")
    assert [(r["id"], r["text"]) for r in records] == [("a", "MSCs weekly."), ("b", "ALT 40 U/L.")]


# --- errors name the file and the line or record ---------------------------------------


def test_malformed_xml_names_file_and_line(tmp_path: Path):
    path = write(tmp_path, "export.xml", pubmed_with_bad_record())
    seen = []
    with pytest.raises(ReaderError, match="malformed XML") as err:
        for record in iter_inputs([path]):
            seen.append(record["id"])
    assert str(err.value).startswith(f"{path}:{broken_xml_line()}: ")
    assert seen == list(PMIDS_XML[:2])  # records before the damage were read


def test_jsonl_bad_line_names_file_and_line(tmp_path: Path):
    path = write(tmp_path, "in.jsonl", '{"id": "a", "text": "x"}\n{"id": "b", "text": \n{"id": "c"}\n')
    with pytest.raises(ReaderError, match=rf"^{path}:2: invalid JSON"):
        read(path)
    reports: list[str] = []
    assert [r["id"] for r in read(path, on_error="skip", report=reports.append)] == ["a"]
    assert reports == [f"{path}:2: invalid JSON (Expecting value)",
                       f"{path}:3: record has no string field 'text'"]


def test_medline_without_pmid_names_file_and_line(tmp_path: Path):
    path = write(tmp_path, "export.nbib", MEDLINE_NO_PMID)
    with pytest.raises(ReaderError, match=rf"^{path}:5: record without PMID$"):
        read(path)


def test_csv_without_text_column(tmp_path: Path):
    path = write(tmp_path, "sheet.csv", "id,title,body\n1,a,b\n")
    with pytest.raises(ReaderError) as err:
        read(path)
    message = str(err.value)
    assert message.startswith(f"{path}: no text column") and "id, title, body" in message
    assert "--text-column" in message
    with pytest.raises(ReaderError, match="no id column 'pmid'"):
        read(path, text_column="body", id_column="pmid")


def test_csv_empty_text_names_the_row(tmp_path: Path):
    path = write(tmp_path, "sheet.csv", "id,text\n1,fine\n2,\n3,also fine\n")
    with pytest.raises(ReaderError, match=rf"^{path}: row 3: empty text column 'text'"):
        read(path)
    assert [r["id"] for r in read(path, on_error="skip")] == ["1", "3"]


@pytest.mark.parametrize("name", ["abstract.txt", "in.jsonl", "export.nbib", "sheet.csv"])
def test_non_utf8_input_names_the_byte_offset(tmp_path: Path, name: str):
    content = {
        "abstract.txt": "Caf\u00e9 MSCs",
        "in.jsonl": '{"id": "a", "text": "Caf\u00e9"}',
        "export.nbib": "PMID- 1\nTI  - Caf\u00e9 cells",
        "sheet.csv": "id,text\n1,Caf\u00e9",
    }[name]
    data = content.encode("latin-1")
    offset = data.index(b"\xe9")
    path = write(tmp_path, name, data)
    with pytest.raises(ReaderError, match=rf"^{path}: not valid utf-8 at byte {offset}; pass --encoding"):
        read(path)
    assert "Caf\u00e9" in read(path, encoding="latin-1")[0]["text"]


def test_missing_file_and_empty_folder(tmp_path: Path):
    with pytest.raises(ReaderError, match="no such file"):
        read(tmp_path / "nope.xml")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReaderError, match="folder is empty"):
        read(tmp_path / "empty")


# --- the same through the command line --------------------------------------------------


def test_cli_reports_reader_errors_in_one_line(tmp_path: Path, capsys):
    path = write(tmp_path, "export.nbib", MEDLINE_NO_PMID)
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(path), "-o", str(out), "--no-progress", "--system", "rules"]) == 2
    err = capsys.readouterr().err
    assert err == f"celltx annotate: error: {path}:5: record without PMID\n"
    assert not out.exists()


def test_cli_non_utf8(tmp_path: Path, capsys):
    path = write(tmp_path, "abstract.txt", "MSCs \xff".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(path), "-o", str(out), "--no-progress", "--system", "rules"]) == 2
    assert f"{path}: not valid utf-8 at byte 5" in capsys.readouterr().err
    assert main(["annotate", str(path), "-o", str(out), "--no-progress", "--system", "rules",
                 "--encoding", "latin-1"]) == 0
    assert out.exists()


def test_citation_fields_are_passed_on(tmp_path: Path):
    from tests.commands.samples import MEDLINE

    xml = read(write(tmp_path, "export.xml", PUBMED_XML))[0]
    assert xml["first_author"] == "Example A" and xml["year"] and xml["title"]
    medline = read(write(tmp_path, "export.nbib", MEDLINE))[0]
    assert medline["first_author"] == "Example A" and medline["title"]
    plain = read(write(tmp_path, "a.jsonl", '{"id": "x", "text": "y", "title": "T", "year": 2020}\n'))[0]
    assert plain["title"] == "T" and plain["year"] == 2020


def test_a_folder_gives_its_abstracts_not_review_pages_brat_files_or_spreadsheets(tmp_path: Path):
    write(tmp_path, "a.txt", "Umbilical cord MSCs were given twice.")
    write(tmp_path, "review.html", "<html><body>a review page</body></html>")
    write(tmp_path, "sheet.xlsx", b"PK\x03\x04 not text")
    brat = tmp_path / "brat"
    brat.mkdir()
    write(brat, "a.txt", "Umbilical cord MSCs were given twice.")  # a brat document: text + .ann
    write(brat, "a.ann", "T1\tCELL_TYPE 0 19\tUmbilical cord MSCs\n")
    write(brat, "annotation.conf", "[entities]\nCELL_TYPE\n")
    assert [r["id"] for r in read(tmp_path)] == ["a"]


def test_a_folder_without_input_files_names_what_is_read(tmp_path: Path):
    write(tmp_path, "review.html", "<html></html>")
    with pytest.raises(ReaderError, match="no input files"):
        read(tmp_path)
