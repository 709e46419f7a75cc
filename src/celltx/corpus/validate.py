"""Check corpus files against the annotation scheme (the engine behind ``celltx validate``).

Every record of every file is checked with :func:`celltx.schema.validate_record` (offsets,
span text, labels, overlaps, attribute names and values, relations). On top of that:

* document ids must be present and unique across all the files checked;
* ``source``/``source_offset`` come together, and when the source file can be found, the
  record's ``text`` must equal ``source_text[source_offset:source_offset + len(text)]``
  (the file read as UTF-8 with its line endings untouched). Source files are looked up in
  the folder given as ``sources``, else in the nearest ``seeds/`` folder found by walking up
  from each corpus file (``corpora/gold/x.jsonl`` -> ``seeds/`` next to ``corpora/``).
  Records whose source file cannot be found are counted as skipped, not as problems.

Each problem is a :class:`Problem`, printed as ``FILE: DOC_ID: SPAN_ID: problem`` (``-`` when
the problem is not about one span). Files that cannot be read (bad JSON, bad encoding) are
collected separately in :attr:`ValidationReport.unreadable`.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema
from .jsonl import CorpusError, corpus_files, read_jsonl_numbered

#: Folder name searched for source files when no ``sources`` folder is given.
SOURCES_DIR_NAME = "seeds"
NO_SPAN = "-"

_SPAN_PROBLEM = re.compile(r"^span (\S+): (.*)$", re.S)
_SPANS_PROBLEM = re.compile(r"^spans (\S+) and (\S+): (.*)$", re.S)


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (file, document, span) and what it is."""

    file: str
    doc_id: str
    span_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.doc_id}: {self.span_id}: {self.message}"


@dataclass
class ValidationReport:
    """What :func:`validate_paths` found."""

    files: list[str] = field(default_factory=list)
    documents: int = 0
    spans: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[CorpusError] = field(default_factory=list)
    sources_checked: int = 0
    sources_skipped: int = 0

    @property
    def exit_code(self) -> int:
        """2 if some input could not be read, 1 if there are problems, else 0."""
        if self.unreadable:
            return 2
        return 1 if self.problems else 0

    def summary(self) -> str:
        """A few lines: files, documents, spans per label, source checks, problems."""
        labels = [*schema.LABELS, *sorted(set(self.spans) - set(schema.LABELS))]
        total = sum(self.spans.values())
        lines = [
            f"{len(self.files)} file{'s' * (len(self.files) != 1)}, "
            f"{self.documents} document{'s' * (self.documents != 1)}, "
            f"{total} span{'s' * (total != 1)}"
        ]
        width = max(len(label) for label in labels)
        lines += [f"  {label:<{width}}  {self.spans.get(label, 0):>6}" for label in labels]
        lines.append(
            f"source text checked for {self.sources_checked} document(s)"
            + (
                f", {self.sources_skipped} skipped (source file not found)"
                if self.sources_skipped
                else ""
            )
        )
        problems = len(self.problems)
        lines.append(f"{problems} problem{'s' * (problems != 1)}")
        if self.unreadable:
            lines.append(f"{len(self.unreadable)} file(s) could not be read")
        return "\n".join(lines)


def split_problem(message: str) -> tuple[str, str]:
    """``(span_id, rest)`` for a :func:`~celltx.schema.validate_record` message."""
    match = _SPAN_PROBLEM.match(message)
    if match:
        return match.group(1), match.group(2)
    match = _SPANS_PROBLEM.match(message)
    if match:
        return f"{match.group(1)},{match.group(2)}", match.group(3)
    return NO_SPAN, message


def find_sources_dir(path: str | os.PathLike[str]) -> Path | None:
    """The nearest ``seeds/`` folder at or above ``path``'s folder, or ``None``."""
    start = Path(path).resolve()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        candidate = folder / SOURCES_DIR_NAME
        if candidate.is_dir():
            return candidate
    return None


class _SourceCache:
    """Source texts by name: a plain file ("ctc-glaucoma/x.txt"), or one record of a JSONL
    file named by its id ("real-abstracts/rct_abstracts.jsonl:PMC102323", the record's
    "text"), each file read once."""

    def __init__(self) -> None:
        self._texts: dict[Path, str | None] = {}
        self._records: dict[Path, dict[str, str] | None] = {}

    def text(self, path: Path) -> str | None:
        if path not in self._texts:
            try:
                with open(path, encoding="utf-8", newline="") as handle:
                    self._texts[path] = handle.read()
            except (OSError, UnicodeDecodeError):
                self._texts[path] = None
        return self._texts[path]

    def record_text(self, path: Path, record_id: str) -> str | None:
        if path not in self._records:
            raw = self.text(path)
            table: dict[str, str] | None = None
            if raw is not None:
                table = {}
                for line in raw.splitlines():
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(row, dict) and isinstance(row.get("text"), str):
                        table[str(row.get("id"))] = row["text"]
            self._records[path] = table
            self._texts.pop(path, None)  # keep the table, not the whole file twice
        table = self._records[path]
        return None if table is None else table.get(record_id)

    def source_text(self, sources_dir: Path, source: str) -> str | None:
        name, sep, record_id = source.partition(".jsonl:")
        if sep:
            return self.record_text(sources_dir / f"{name}.jsonl", record_id)
        return self.text(sources_dir / source)


def check_source(record: Mapping[str, Any], source_text: str) -> str | None:
    """A problem if ``record["text"]`` is not the slice of ``source_text`` it claims to be."""
    text, offset = record["text"], record["source_offset"]
    if offset + len(text) > len(source_text):
        return (
            f"text runs past the end of {record['source']} (offset {offset} + length "
            f"{len(text)} > {len(source_text)})"
        )
    piece = source_text[offset : offset + len(text)]
    for k, (a, b) in enumerate(zip(text, piece, strict=True)):
        if a != b:
            return (
                f"text differs from {record['source']} at offset {offset}: first difference at "
                f"text[{k}] ({a!r} in the record, {b!r} in the source)"
            )
    return None


def _source_problems(
    record: Mapping[str, Any],
    sources_dir: Path | None,
    cache: _SourceCache,
    report: ValidationReport,
) -> list[str]:
    source, offset = record.get("source"), record.get("source_offset")
    if source is None and offset is None:
        return []
    if source is None:
        return [f"source_offset is {offset!r} but source is missing"]
    if not isinstance(source, str) or not source:
        return [f"source {source!r} is not a file name"]
    if offset is None:
        return [f"source is {source!r} but source_offset is missing"]
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        return [f"source_offset {offset!r} is not a non-negative integer"]
    if not isinstance(record.get("text"), str):
        return []
    source_text = cache.source_text(sources_dir, source) if sources_dir is not None else None
    if source_text is None:
        report.sources_skipped += 1
        return []
    report.sources_checked += 1
    problem = check_source(record, source_text)
    return [problem] if problem else []


def _record_problems(
    record: Mapping[str, Any],
    sources_dir: Path | None,
    cache: _SourceCache,
    report: ValidationReport,
    require_relations: bool,
) -> list[tuple[str, str]]:
    """``(span_id, message)`` pairs for one record; counts its spans into ``report``."""
    problems: list[tuple[str, str]] = []
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        problems.append((NO_SPAN, f"record has no document id (got {doc_id!r})"))
    spans = record.get("spans")
    if isinstance(spans, list):
        report.spans.update(str(s.get("label")) for s in spans if isinstance(s, Mapping))
        if not all(isinstance(s, Mapping) for s in spans):
            return problems + [(NO_SPAN, "field 'spans' holds something other than objects")]
    relations = record.get("relations", [])
    if not isinstance(relations, list) or not all(isinstance(r, Mapping) for r in relations):
        return problems + [(NO_SPAN, "field 'relations' is not a list of objects")]
    for message in schema.validate_record(record, require_relations=require_relations):
        problems.append(split_problem(message))
    for message in _source_problems(record, sources_dir, cache, report):
        problems.append((NO_SPAN, message))
    return problems


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
    sources: str | os.PathLike[str] | None = None,
    require_relations: bool = True,
) -> ValidationReport:
    """Validate every record of every corpus file under ``paths`` (see the module docstring).

    ``paths`` are files or folders (searched as :func:`~celltx.corpus.jsonl.iter_corpus`
    does: ``*.jsonl``, recursively, ``drafts/`` skipped). A path that does not exist raises
    :class:`CorpusError`; a file that cannot be read is recorded in ``unreadable`` (its
    records before the unreadable line are still checked) and the next file is read.
    """
    report = ValidationReport()
    sources_dir = Path(sources) if sources is not None else None
    if sources_dir is not None and not sources_dir.is_dir():
        raise CorpusError("sources folder does not exist", sources_dir)
    cache = _SourceCache()
    seen_ids: dict[str, str] = {}
    paths_list = list(paths)
    for path in corpus_files(paths_list):
        name = str(path)
        report.files.append(name)
        file_sources = sources_dir if sources_dir is not None else find_sources_dir(path)
        try:
            for lineno, record in read_jsonl_numbered(path):
                report.documents += 1
                doc_id = record.get("id")
                shown_id = doc_id if isinstance(doc_id, str) and doc_id else f"(line {lineno})"
                if isinstance(doc_id, str) and doc_id and doc_id not in seen_ids:
                    seen_ids[doc_id] = f"{name}:{lineno}"
                elif isinstance(doc_id, str) and doc_id:
                    report.problems.append(
                        Problem(
                            name,
                            shown_id,
                            NO_SPAN,
                            f"duplicate document id (first seen in {seen_ids[doc_id]})",
                        )
                    )
                for span_id, message in _record_problems(
                    record, file_sources, cache, report, require_relations
                ):
                    report.problems.append(Problem(name, shown_id, span_id, message))
        except CorpusError as err:
            report.unreadable.append(err)
    _check_trial_sidecars(paths_list, seen_ids, report)
    return report


def _check_trial_sidecars(paths: list, seen_ids: dict[str, str], report: ValidationReport) -> None:
    """Check the gold trial summaries in ``trials.jsonl`` next to the corpus files: each line
    ``{"id", "trial"}``, the trial valid (:func:`celltx.trial.validate_trial`), the id that of a
    document read. Other sidecars (a sealed ``trials_test.jsonl``) are not opened."""
    from ..trial.summary import validate_trial
    from .jsonl import trial_sidecars

    folders = {Path(p) if Path(p).is_dir() else Path(p).parent for p in paths}
    for folder in sorted(folders):
        for file in sorted({f for f in [folder / "trials.jsonl", *folder.rglob("trials.jsonl")]
                            if f.is_file() and "drafts" not in f.parts}):
            name = str(file)
            report.files.append(name)
            try:
                trials = trial_sidecars([file])
            except CorpusError as err:
                report.unreadable.append(err)
                continue
            for doc_id, trial in trials.items():
                for message in validate_trial(trial):
                    report.problems.append(Problem(name, doc_id, NO_SPAN, f"trial: {message}"))
                if seen_ids and doc_id not in seen_ids:
                    report.problems.append(Problem(name, doc_id, NO_SPAN, "trial summary of an unknown document"))
