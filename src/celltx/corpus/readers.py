"""Readers for the inputs users bring: text files, JSONL, PubMed XML, MEDLINE, CSV/TSV.

Every reader is a generator of ``{"id", "text", "source", "source_offset"}`` dicts (plus
citation fields where the input has them), so a file of 100,000 abstracts is read in constant
memory. ``source``/``source_offset`` follow the corpus convention that ``celltx validate``
checks: a text file is read whole (``"a.txt"``, offset 0, so the text is the slice
``file[0:len(text)]``); a record of a collection (PubMed XML, MEDLINE, CSV, JSONL) is named
``"FILE:ID"`` with offset 0, as the real-abstract corpus names its records (there is no file
of that name to slice, so the validator skips the text check). A JSONL input that already
carries both fields (a scheme document) keeps them: its text is passed on unchanged. Problems are raised as
:class:`ReaderError` naming the file and the line or record; with ``on_error="skip"`` a
malformed record is reported through the ``report`` callback and skipped instead.

Formats are detected from content (:func:`detect_format`) and can be forced by name:
``txt``, ``jsonl``, ``pubmed`` (``PubmedArticleSet`` XML as exported by PubMed or
E-utilities), ``medline`` (the MEDLINE/nbib text format), ``csv`` and ``tsv``.

``-`` names standard input: it is read whole and then handled as a file named ``stdin`` (format
detected from its content), so ``efetch ... | celltx extract`` reads PubMed XML as a file would.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("auto", "txt", "jsonl", "pubmed", "medline", "csv", "tsv")
#: The input name that means standard input, and the file name it is read as.
STDIN = "-"
STDIN_NAME = "stdin"


class ReaderError(ValueError):
    """An input cannot be read; the message names the file and the line or record."""


Report = Callable[[str], None]


@dataclass(frozen=True)
class _Options:
    """What every reader is given besides the file: the options of :func:`iter_inputs`."""

    encoding: str = "utf-8"
    text_column: str | None = None
    id_column: str | None = None
    on_error: str = "fail"
    report: Report | None = None

    def problem(self, message: str) -> None:
        """A malformed record: raised as a :class:`ReaderError`, or with ``on_error="skip"``
        reported (the caller then skips the record)."""
        if self.on_error == "fail":
            raise ReaderError(message)
        if self.report is not None:
            self.report(message)

    def read(self, path: Path) -> str:
        """The whole file as text in :attr:`encoding` (:func:`read_bytes_as_text`)."""
        return read_bytes_as_text(path, self.encoding)


def read_bytes_as_text(path: Path, encoding: str = "utf-8") -> str:
    """Whole file as text; a decoding error names the file and the byte offset."""
    if not path.exists():
        raise ReaderError(f"{path}: no such file")
    if path.is_dir():
        raise ReaderError(f"{path}: is a directory")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReaderError(f"{path}: cannot read: {err.strerror}") from err
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReaderError(
            f"{path}: not valid {encoding} at byte {err.start}; pass --encoding (e.g. latin-1)"
        ) from err
    except LookupError as err:
        raise ReaderError(f"unknown encoding {encoding!r}") from err
    # a byte-order mark (Excel's "CSV UTF-8", Notepad) is no part of the first id, column or text
    return text[1:] if text.startswith("\ufeff") else text


#: The columns the CSV/TSV reader takes the text from when --text-column is not given.
TEXT_COLUMNS = ("text", "abstract", "Abstract", "AB")
#: A header cell: a short column name, optionally quoted.
_HEADER_CELL = re.compile(r'\s*"?([\w .()/-]{1,40})"?\s*')


def _delimited_header(head: str, text_column: str | None) -> str | None:
    """"csv" or "tsv" when the first line of ``head`` is a header row that names the text
    column (piped standard input and files without a suffix have only their content to go by):
    two or more short column names, one of them the text column."""
    first = head.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    for delimiter, fmt in (("\t", "tsv"), (",", "csv")):
        cells = first.split(delimiter)
        if len(cells) < 2:
            continue
        names = [m.group(1).strip() if (m := _HEADER_CELL.fullmatch(cell)) else None for cell in cells]
        if None not in names and any(n in ((text_column,) if text_column else TEXT_COLUMNS) for n in names):
            return fmt
    return None


def detect_format(path: Path, head: str, text_column: str | None = None) -> str:
    """Guess an input format from the file name and its first characters."""
    suffix = path.suffix.lower()
    stripped = head.lstrip("\ufeff \t\r\n")
    if suffix in (".csv",):
        return "csv"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    if stripped.startswith("<") and ("PubmedArticle" in head or suffix == ".xml"):
        return "pubmed"
    if stripped.startswith("PMID-") or suffix in (".nbib", ".medline"):
        return "medline"
    if stripped.startswith("{") or suffix == ".jsonl":
        return "jsonl"
    if suffix in ("", ".txt"):
        return _delimited_header(head, text_column) or "txt"
    return "txt"


def _head(path: Path, encoding: str) -> str:
    try:
        with path.open("rb") as fh:
            return fh.read(4096).decode(encoding, errors="replace")
    except OSError as err:
        raise ReaderError(f"{path}: cannot read: {err.strerror}") from err
    except LookupError as err:
        raise ReaderError(f"unknown encoding {encoding!r}") from err


def iter_inputs(
    inputs: Iterable[str | Path],
    input_format: str = "auto",
    *,
    encoding: str = "utf-8",
    text_column: str | None = None,
    id_column: str | None = None,
    on_error: str = "fail",
    report: Report | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield ``{"id", "text", "source", "source_offset"}`` records from files and folders, lazily."""
    if input_format not in FORMATS:
        raise ReaderError(
            f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}"
        )
    options = _Options(encoding, text_column, id_column, on_error, report)
    for item in inputs:
        if str(item) == STDIN:
            yield from _read_stdin(input_format, options)
            continue
        path = Path(item)
        if path.is_dir():
            files = folder_inputs(path)
        elif not path.exists():
            raise ReaderError(f"{path}: no such file")
        else:
            files = [path]
        for file in files:
            yield from _read_file(file, input_format, options)


#: The files of a folder that are read: the input formats' usual names (and names without a
#: suffix). A review page, brat's .ann/.conf/.json files or a spreadsheet beside the abstracts
#: are not abstracts.
FOLDER_SUFFIXES = frozenset({"", ".txt", ".text", ".jsonl", ".xml", ".csv", ".tsv", ".tab", ".nbib", ".medline"})


def folder_inputs(folder: Path) -> list[Path]:
    """The input files of a folder and its subfolders, in name order: hidden files, files of
    other kinds and the texts of a brat export (a .txt beside its .ann, as ``annotate --brat``
    writes them) are left out."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not files:
        raise ReaderError(f"{folder}: folder is empty")
    kept = [p for p in files if p.suffix.lower() in FOLDER_SUFFIXES
            and not (p.suffix.lower() == ".txt" and p.with_suffix(".ann").exists())]
    if not kept:
        raise ReaderError(f"{folder}: no input files (read: {', '.join(sorted(s for s in FOLDER_SUFFIXES if s))} "
                          "or names without a suffix)")
    return kept


def _read_file(file: Path, input_format: str, options: _Options) -> Iterator[dict[str, Any]]:
    fmt = input_format if input_format != "auto" else detect_format(file, _head(file, options.encoding), options.text_column)
    yield from _READERS[fmt](file, options)


def _read_stdin(input_format: str, options: _Options) -> Iterator[dict[str, Any]]:
    """Standard input, read whole into a file named ``stdin`` and read as any file is.

    The readers take paths (PubMed XML is parsed incrementally from a file); errors name
    ``stdin`` rather than the temporary folder.
    """
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="celltx-stdin-") as folder:
        file = Path(folder) / STDIN_NAME
        file.write_bytes(data)
        try:
            yield from _read_file(file, input_format, options)
        except ReaderError as err:
            raise ReaderError(str(err).replace(str(file), STDIN_NAME)) from err


def add_reader_options(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    """The input options of the commands that read users' files (one wording for all)."""
    parser.add_argument("--input-format", choices=formats, default="auto", metavar="FORMAT",
                        help=f"input format: {', '.join(formats)} (default: auto, detected from the content)")
    parser.add_argument("--text-column", help="CSV/TSV column holding the text (default: text or abstract)")
    parser.add_argument("--id-column", help="CSV/TSV column holding the id (default: id or pmid)")
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")


def read_txt(path: Path, options: _Options) -> Iterator[dict[str, Any]]:
    yield {"id": path.stem, "text": options.read(path), "source": path.name, "source_offset": 0}


def read_jsonl_inputs(path: Path, options: _Options) -> Iterator[dict[str, Any]]:
    text = options.read(path)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            options.problem(f"{path}:{lineno}: invalid JSON ({err.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            options.problem(f"{path}:{lineno}: record has no string field 'text'")
            continue
        doc_id = str(obj.get("id", f"{path.stem}-{lineno}"))
        yield {
            "id": doc_id,
            "text": obj["text"],
            **(_own_source(obj) or _in_collection(path, doc_id)),
            **{k: obj[k] for k in CITATION_FIELDS if isinstance(obj.get(k), (str, int))},
        }


#: Optional study identifiers a reader passes on when the input has them (for ``celltx table``).
CITATION_FIELDS = ("title", "first_author", "year", "pmid")


def _in_collection(path: Path, doc_id: str) -> dict[str, Any]:
    """``source``/``source_offset`` of record ``doc_id`` of a multi-record file."""
    return {"source": f"{path.name}:{doc_id}", "source_offset": 0}


def _own_source(obj: dict[str, Any]) -> dict[str, Any] | None:
    """A JSONL input's own ``source``/``source_offset``, when it has both (a scheme document)."""
    source, offset = obj.get("source"), obj.get("source_offset")
    if isinstance(source, str) and source and isinstance(offset, int) and not isinstance(offset, bool):
        return {"source": source, "source_offset": offset}
    return None


#: A publication year (1800-2099) in a date field.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _article(
    path: Path, pmid: str, title: str, sections: list[str], citation: dict[str, Any],
    no_pmid: str, no_text: str, options: _Options,
) -> dict[str, Any] | None:
    """A PubMed or MEDLINE record: title and abstract sections joined, the PMID as id; ``None``
    when it has no PMID or neither title nor abstract (``no_pmid``/``no_text`` is the problem)."""
    if not pmid:
        options.problem(no_pmid)
    elif not title and not sections:
        options.problem(no_text)
    else:
        text = "\n\n".join(p for p in [title, "\n".join(sections)] if p)
        return {"id": pmid, "text": text, **_in_collection(path, pmid), **citation}
    return None


def _xml_citation(elem: ET.Element, title: str) -> dict[str, Any]:
    """Title, first author ("Shi M") and year of a PubmedArticle, where present."""
    out: dict[str, Any] = {}
    if title:
        out["title"] = title
    author = elem.find(".//AuthorList/Author")
    if author is not None:
        last = _text_of(author.find("LastName")) or _text_of(author.find("CollectiveName"))
        initials = _text_of(author.find("Initials"))
        if last:
            out["first_author"] = f"{last} {initials}".strip()
    for where in (".//PubDate/Year", ".//ArticleDate/Year", ".//PubDate/MedlineDate"):
        year = _YEAR.search(_text_of(elem.find(where)))
        if year:
            out["year"] = year.group()
            break
    return out


def _medline_citation(fields: dict[str, str]) -> dict[str, Any]:
    """TI, the first AU (or FAU) and the year of DP of a MEDLINE record, where present."""
    out: dict[str, Any] = {}
    if fields.get("TI", "").strip():
        out["title"] = fields["TI"].strip()
    author = fields.get("first AU") or fields.get("first FAU")
    if author:
        out["first_author"] = author.strip()
    year = _YEAR.search(fields.get("DP", ""))
    if year:
        out["year"] = year.group()
    return out


def _text_of(elem: ET.Element | None) -> str:
    """Element text with inline markup flattened; ``<sup>6</sup>`` becomes "^6".

    PubMed keeps exponents as markup ("1×10<sup>6</sup> cells/kg"); joining the text alone
    would give "1×106", which only reads right through the lost-superscript rule.
    """
    if elem is None:
        return ""

    def walk(node: ET.Element) -> str:
        parts = [node.text or ""]
        for child in node:
            inner = walk(child)
            parts.append(f"^{inner}" if child.tag == "sup" and inner and not inner.startswith("^") else inner)
            parts.append(child.tail or "")
        return "".join(parts)

    return walk(elem).strip()


def read_pubmed(path: Path, options: _Options) -> Iterator[dict[str, Any]]:
    """PubMed XML: title + labelled abstract sections ("BACKGROUND: ..."), PMID as id."""
    if not path.exists():
        raise ReaderError(f"{path}: no such file")
    n = 0
    try:
        for _event, elem in ET.iterparse(str(path), events=("end",)):
            if elem.tag not in ("PubmedArticle", "PubmedBookArticle"):
                continue
            n += 1
            pmid = _text_of(elem.find(".//PMID"))
            title = _text_of(elem.find(".//ArticleTitle")) or _text_of(elem.find(".//BookTitle"))
            sections = []
            for part in elem.findall(".//Abstract/AbstractText"):
                label = part.get("Label")
                body = _text_of(part)
                sections.append(f"{label}: {body}" if label else body)
            citation = _xml_citation(elem, title)
            elem.clear()
            record = _article(path, pmid, title, sections, citation, f"{path}: record {n}: no PMID",
                              f"{path}: PMID {pmid}: no title and no abstract", options)
            if record is not None:
                yield record
    except ET.ParseError as err:
        line, col = err.position
        raise ReaderError(
            f"{path}:{line}: malformed XML at column {col} ({err.msg if hasattr(err, 'msg') else err})"
        ) from err
    if n == 0:  # other XML (a web page, a JATS article) would otherwise give nothing, silently
        raise ReaderError(f"{path}: no PubmedArticle records; celltx reads PubMed XML exports "
                          "(pass --input-format txt to read the file as plain text)")


def read_medline(path: Path, options: _Options) -> Iterator[dict[str, Any]]:
    """MEDLINE/nbib: "PMID- ", "TI  - ", "AB  - " fields, continuation lines indented 6 spaces."""
    text = options.read(path)
    fields: dict[str, str] = {}
    current: str | None = None
    start_line = 1

    def flush(at_line: int) -> Iterator[dict[str, Any]]:
        if not fields:
            return
        pmid = fields.get("PMID", "").strip()
        title, abstract = fields.get("TI", "").strip(), fields.get("AB", "").strip()
        record = _article(path, pmid, title, [abstract] if abstract else [], _medline_citation(fields),
                          f"{path}:{start_line}: record without PMID",
                          f"{path}:{start_line}: PMID {pmid}: no TI or AB field", options)
        if record is not None:
            yield record

    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            yield from flush(lineno)
            fields, current, start_line = {}, None, lineno + 1
            continue
        if len(line) >= 6 and line[4] == "-" and line[:4].strip() and line[:4] == line[:4].upper():
            tag = line[:4].strip()
            if tag == "PMID" and "PMID" in fields:
                yield from flush(lineno)
                fields, start_line = {}, lineno
            current = tag
            value = line[6:].strip()
            fields.setdefault(f"first {tag}", value)  # the first author of repeated AU lines
            fields[tag] = f"{fields[tag]} {value}" if tag in fields else value
        elif line.startswith("      ") and current is not None:
            fields[current] = fields[current] + " " + line.strip()
        else:
            options.problem(f"{path}:{lineno}: not a MEDLINE field line")
    yield from flush(len(text.splitlines()) + 1)


def _read_delimited(path: Path, options: _Options, delimiter: str) -> Iterator[dict[str, Any]]:
    text = options.read(path)
    text_column, id_column = options.text_column, options.id_column
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = reader.fieldnames or []
    tcol = text_column or next(
        (c for c in TEXT_COLUMNS if c in columns), None
    )
    if tcol is None or tcol not in columns:
        raise ReaderError(
            f"{path}: no text column {text_column or '(text/abstract)'}; columns are {', '.join(columns)}; use --text-column"
        )
    icol = id_column or next((c for c in ("id", "pmid", "PMID", "ID") if c in columns), None)
    if id_column and id_column not in columns:
        raise ReaderError(f"{path}: no id column {id_column!r}; columns are {', '.join(columns)}")
    for n, row in enumerate(reader, start=1):
        value = row.get(tcol)
        if value is None or not value.strip():
            options.problem(f"{path}: row {n + 1}: empty text column {tcol!r}")
            continue
        doc_id = str((row.get(icol) if icol else None) or f"{path.stem}-{n}")
        yield {"id": doc_id, "text": value, **_in_collection(path, doc_id)}


def read_csv(path: Path, options: _Options) -> Iterator[dict[str, Any]]:
    return _read_delimited(path, options, ",")


def read_tsv(path: Path, options: _Options) -> Iterator[dict[str, Any]]:
    return _read_delimited(path, options, "\t")


_READERS = {
    "txt": read_txt,
    "jsonl": read_jsonl_inputs,
    "pubmed": read_pubmed,
    "medline": read_medline,
    "csv": read_csv,
    "tsv": read_tsv,
}
