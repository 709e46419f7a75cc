"""Reading and writing corpus files: JSON Lines, one scheme record (see :mod:`celltx.schema`) a line.

* :func:`read_jsonl` reads one file and fails with a :class:`CorpusError` that names the file,
  the line and, when known, the document id.
* :func:`iter_corpus` reads files and folders (recursively, ``*.jsonl``, skipping ``drafts/``)
  in a stable, sorted order, optionally keeping one ``split``.
* :func:`trial_sidecars` / :func:`join_trials` read the gold trial summaries kept next to the
  corpus files (``trials.jsonl``: ``{"id", "trial"}`` a line) and join them to documents by id.
* :func:`write_jsonl` writes atomically: a temporary file in the same folder, renamed at the end.

These functions do not validate records against the scheme; that is
:func:`celltx.schema.validate_record` (and ``celltx validate``).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: Folders with this name are skipped when a directory is searched (hand-written drafts).
SKIP_DIRS = frozenset({"drafts"})
#: File name pattern searched for in directories.
PATTERN = "*.jsonl"
#: Sidecar files of document-level gold (``{"id", "trial"}`` a line, joined to the documents of
#: the same folder by id; see :func:`trial_sidecars`): never read as documents themselves.
SIDECAR_PATTERNS = ("trials.jsonl", "trials_*.jsonl")


class CorpusError(ValueError):
    """A corpus file cannot be read; the message names the file, line and document id.

    The parts are also available as attributes (``path``, ``line``, ``doc_id``, ``reason``).
    """

    def __init__(
        self,
        reason: str,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        doc_id: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = None if path is None else str(path)
        self.line = line
        self.doc_id = doc_id
        where = ""
        if self.path is not None:
            where = self.path if line is None else f"{self.path}:{line}"
        if doc_id is not None:
            where = f"{where}: {doc_id}" if where else str(doc_id)
        super().__init__(f"{where}: {reason}" if where else reason)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise CorpusError("no such file", path)
    if path.is_dir():
        raise CorpusError("is a directory, expected a .jsonl file", path)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Yield one record (a ``dict``) per non-blank line of ``path``.

    Raises :class:`CorpusError` for a missing file, a directory, bytes that are not UTF-8
    (with the byte offset), a line that is not JSON or not a JSON object (with file:line and
    the document id when it can be seen on the line). A UTF-8 byte-order mark is accepted.
    """
    return (record for _, record in read_jsonl_numbered(path))


def read_jsonl_numbered(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Like :func:`read_jsonl`, yielding ``(line_number, record)`` pairs (1-based lines)."""
    path = Path(path)
    _check_file(path)  # eagerly: a missing file fails at the call, not at the first next()
    return _read_lines(path)


def _read_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as err:
        raise CorpusError(f"cannot open: {err.strerror or err}", path) from err
    offset = 0
    try:
        for lineno, raw in enumerate(handle, start=1):
            line_start = offset
            offset += len(raw)
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
                line_start += 3
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise CorpusError(
                    f"not valid UTF-8 at byte offset {line_start + err.start} "
                    f"(byte 0x{raw[err.start]:02x})",
                    path,
                    lineno,
                ) from err
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(
                    f"invalid JSON at column {err.pos + 1}: {err.msg}", path, lineno, _peek_id(line)
                ) from err
            if not isinstance(record, dict):
                raise CorpusError(
                    f"expected a JSON object (one document), got {type(record).__name__}",
                    path,
                    lineno,
                )
            yield lineno, record
    except OSError as err:
        raise CorpusError(f"read error: {err.strerror or err}", path) from err
    finally:
        handle.close()


def _peek_id(line: str) -> str | None:
    """Best-effort document id from a line that does not parse as JSON."""
    key = '"id"'
    i = line.find(key)
    if i == -1:
        return None
    rest = line[i + len(key) :].lstrip()
    if not rest.startswith(":"):
        return None
    rest = rest[1:].lstrip()
    try:
        value, _ = json.JSONDecoder().raw_decode(rest)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str) else None


def corpus_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The ``.jsonl`` files named by ``paths`` (files kept as given, folders searched).

    Folders are searched recursively for ``*.jsonl``, skipping any folder named ``drafts``;
    their files come in sorted order. A file reached twice (named and inside a named folder)
    is listed once, where first reached. Raises :class:`CorpusError` for a path that does not
    exist.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    seen: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                found.extend(
                    Path(root) / n
                    for n in names
                    if Path(n).match(PATTERN) and not is_sidecar(Path(n))
                )
            found.sort()
        elif path.exists():
            found = [path]
        else:
            raise CorpusError("no such file or directory", path)
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is a trial-summary sidecar (``trials.jsonl``, ``trials_<split>.jsonl``)."""
    return any(path.match(pattern) for pattern in SIDECAR_PATTERNS)


def trial_sidecars(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    names: Iterable[str] = ("trials.jsonl",),
) -> dict[str, dict[str, Any]]:
    """Gold trial summaries (document id -> ``trial`` object) from the sidecar files next to
    the corpus files named by ``paths``.

    A sidecar holds ``{"id": ..., "trial": {...}}`` a line (``ANNOTATION_SCHEME.md``, "Trial
    summary"). Only the file ``names`` are read (by default ``trials.jsonl``; a split kept apart,
    such as a sealed ``trials_test.jsonl``, is read only when named). Raises
    :class:`CorpusError` for a malformed line or an id given twice.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    folders: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for root, dirs, _ in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                folders.append(Path(root))
        else:
            folders.append(path.parent if str(path.parent) else Path("."))
    out: dict[str, dict[str, Any]] = {}
    seen: set[Path] = set()
    for folder in folders:
        for name in names:
            file = folder / name
            if not file.is_file() or file.resolve() in seen:
                continue
            seen.add(file.resolve())
            for lineno, record in read_jsonl_numbered(file):
                doc_id, trial = record.get("id"), record.get("trial")
                if not isinstance(doc_id, str) or not isinstance(trial, dict):
                    raise CorpusError("expected {\"id\": ..., \"trial\": {...}}", file, lineno)
                if doc_id in out:
                    raise CorpusError("trial summary given twice", file, lineno, doc_id)
                out[doc_id] = trial
    return out


def join_trials(records: Iterable[dict[str, Any]], trials: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """``records`` with the sidecar ``trial`` of their id (a record's own ``trial`` is kept)."""
    out = []
    for record in records:
        trial = trials.get(str(record.get("id")))
        if trial is not None and "trial" not in record:
            record = {**record, "trial": trial}
        out.append(record)
    return out


def iter_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], split: str | None = None
) -> Iterator[dict[str, Any]]:
    """Yield the records of every corpus file under ``paths`` (see :func:`corpus_files`).

    With ``split``, only records whose ``"split"`` field equals it are yielded (records
    without the field are skipped).
    """
    for path in corpus_files(paths):
        for record in read_jsonl(path):
            if split is None or record.get("split") == split:
                yield record


def write_jsonl(path: str | os.PathLike[str], records: Iterable[dict[str, Any]]) -> int:
    """Write ``records`` to ``path`` as JSON Lines (UTF-8, non-ASCII kept); return the count.

    The data goes to a temporary file in the same folder, which replaces ``path`` only when
    every record was written: a failure (unserialisable record, full disk, an exception
    from the ``records`` iterator) leaves any earlier ``path`` untouched.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CorpusError("folder does not exist", folder)
    if path.is_dir():
        raise CorpusError("is a directory, expected a file name", path)
    count = 0
    with atomic_target(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            try:
                line = json.dumps(record, ensure_ascii=False)
            except (TypeError, ValueError) as err:
                doc_id = record.get("id") if isinstance(record, dict) else None
                raise CorpusError(
                    f"record {count + 1} cannot be written as JSON: {err}", path, None, doc_id
                ) from err
            out.write(line + "\n")
            count += 1
        out.flush()
        os.fsync(out.fileno())
    return count


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8, line endings untouched) to ``path`` via temp file + rename."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise CorpusError("folder does not exist", folder)
    if path.is_dir():
        raise CorpusError("is a directory, expected a file name", path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_target(path) as tmp, tmp.open("wb") as out:
        out.write(payload)
        out.flush()
        os.fsync(out.fileno())
    return path


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file next to ``path`` to write into; renamed over ``path`` when the block
    ends normally (keeping the old file's mode), deleted when it raises.

    For writers that want a file name (CSV, Excel, Parquet libraries) rather than bytes.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield Path(tmp_name)
        _set_mode(tmp_name, path)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _set_mode(tmp_name: str, path: Path) -> None:
    """Give the temp file the mode of the file it replaces (or the default for a new file)."""
    if path.exists():
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, path.stat().st_mode & 0o7777)
    else:
        os.chmod(tmp_name, 0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
