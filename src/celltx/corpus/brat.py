"""Records <-> brat standoff (``ID.txt`` + ``ID.ann``), for reviewing gold in brat.

One document becomes three files in a brat collection folder:

``ID.txt``
    the record's ``text``, byte for byte (UTF-8, line endings untouched).
``ID.ann``
    the annotations, one per line, fields separated by a tab::

        T6\\tLAB_TEST 97 100\\tALT
        A14\\tanalyte T6 alanine_aminotransferase        (see "attribute values" below)
        R1\\tVALUE_OF Arg1:T7 Arg2:T6

    ``T`` lines keep the record's span ids. A span that contains a line break is written as
    brat writes it, as fragments split at the line breaks (``T3\\tDOSE 10 14;15 21\\t...``, the
    fragment texts joined by a space); reading merges the fragments back (only white space may
    lie between them; truly discontinuous spans are refused). ``A`` lines carry ``attrs`` (one
    line per attribute, ``null`` included), ``R`` lines the relations: ``Arg1`` is the
    relation's ``head`` (the LAB_VALUE), ``Arg2`` its ``tail`` (the LAB_TEST).
``ID.json``
    the record's other fields (``id``, ``source``, ``source_offset``, ``scheme_version``,
    ``split``, ...), their order, the record's position in the written list and the spans as
    exported (``spans``: id -> offsets, label, attributes). brat ignores it; without it a
    document reads back with its file name as id and ``scheme_version`` 1.

The file name is the document id with characters other than ``A-Za-z0-9._-`` replaced by
``_`` (the true id is in ``ID.json``).

Attribute values
----------------
brat attribute values are single words (``A1\\tname T1 value``), so values are encoded
reversibly:

* a string that contains no white space, no ``,`` or ``|`` (the separators of
  ``annotation.conf``) and is not itself valid JSON is written as it is (``CL:0000134``,
  ``bone_marrow``, ``umol/L``, ``<=``);
* every other value is written as compact JSON: numbers (``1000000.0``, ``3``), ``null``,
  ``true``/``false``, lists (``[7.0,14.0]``), and strings that would otherwise be ambiguous
  or contain those characters (``"7.5"``, ``"null"``, ``"U\\u0020per\\u0020mL"``: white space
  inside JSON strings, and ``,``/``|`` inside a string value, are written as ``\\uXXXX``
  escapes, so every string value can be listed in ``annotation.conf``).

Reading tries JSON first and falls back to the raw string, which inverts the encoding. An
``A`` line without a value (a brat binary attribute) reads as ``true``.

``annotation.conf`` (:func:`annotation_conf`) declares the seven entity types, ``VALUE_OF``
(``Arg1:LAB_VALUE, Arg2:LAB_TEST``), overlap between entities, and every attribute with its
allowed values: the scheme's values plus ``null``; for free-valued strings (``analyte``,
``unit``, ``cl_id``, ``loinc``) every value the package's lexicons know
(:func:`celltx.normalize.vocabulary.known_values`); and the encoded values seen in the records
given. So a corrected value can be chosen in brat even when no document of the batch has it.

Corrections brat cannot list (numbers, an unlisted unit) are typed into the span's note
(brat's "Notes" field, an ``AnnotatorNotes`` line) as ``name=value`` pairs separated by ``;``
(``value=3.5; unit=mg/dL``); a value reads as JSON where it is JSON (``3.5``, ``[7, 14]``,
``null``), else as the string written. A note's pairs override the span's ``A`` lines; a note
that is not such pairs is a plain comment and is ignored.

Spans added or changed in brat
------------------------------
A span added in brat carries only the attributes the annotator set. A span whose offsets or
label were changed keeps its old ``A`` lines, which describe the old text: reading drops every
attribute still equal to its exported value (``ID.json`` ``spans``) and keeps those the
annotator changed. The attributes missing after that are filled by
:func:`celltx.components.normalizer.fill_missing_attrs` (``celltx import-brat`` does it), so the
text decides what the annotator left alone.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import schema
from ..normalize.vocabulary import known_values
from .jsonl import CorpusError, atomic_write

CONF_NAME = "annotation.conf"
#: Characters brat and ``str.splitlines`` treat as line breaks: never written inside a T line.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_SPAN_ID = re.compile(r"^T\d+$")
_WORD = re.compile(r"^\S+$")
#: Characters that separate values in ``annotation.conf``: never left bare in a string value.
_CONF_SEPARATORS = frozenset(",|")
_UNSAFE_FILE_CHARS = re.compile(r"[^A-Za-z0-9._-]")


# --- attribute values -------------------------------------------------------------------


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def encode_attr_value(value: Any) -> str:
    """The single-word brat form of an attribute value (see the module docstring)."""
    if isinstance(value, str) and value and _WORD.match(value) and not _CONF_SEPARATORS & set(value) and not _is_json(value):
        return value
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    except (TypeError, ValueError) as err:
        raise ValueError(f"attribute value {value!r} cannot be encoded: {err}") from err
    # compact JSON has white space only inside strings, where \\uXXXX escapes are valid; a
    # string value is one JSON string, so its separators can be escaped too
    escaped = _CONF_SEPARATORS if isinstance(value, str) else frozenset()
    return "".join(f"\\u{ord(c):04x}" if c.isspace() or c in escaped else c for c in text)


def decode_attr_value(text: str) -> Any:
    """Inverse of :func:`encode_attr_value`."""
    try:
        return json.loads(text)
    except ValueError:
        return text


# --- one document -----------------------------------------------------------------------


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start..end`` split into maximal runs without line breaks."""
    frags: list[tuple[int, int]] = []
    i = start
    while i < end:
        while i < end and text[i] in LINE_BREAKS:
            i += 1
        j = i
        while j < end and text[j] not in LINE_BREAKS:
            j += 1
        if j > i:
            frags.append((i, j))
        i = j
    return frags


def record_to_brat(record: Mapping[str, Any]) -> tuple[str, str]:
    """The ``.txt`` and ``.ann`` contents for ``record``.

    Raises :class:`CorpusError` (naming the document and span) for what brat cannot hold:
    span ids that are not ``T<number>``, offsets outside the text, labels or attribute names
    with white space, spans made only of line breaks.
    """
    doc_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        raise CorpusError("record has no 'text' string", doc_id=doc_id)
    lines: list[str] = []
    attr_lines: list[str] = []
    for span in record.get("spans", []) or []:
        sid, label = span.get("id"), span.get("label")
        where = f"span {sid}"
        if not isinstance(sid, str) or not _SPAN_ID.match(sid):
            raise CorpusError(f"{where}: brat needs span ids of the form T<number>", doc_id=doc_id)
        if not isinstance(label, str) or not _WORD.match(label):
            raise CorpusError(f"{where}: label {label!r} is not a single word", doc_id=doc_id)
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise CorpusError(f"{where}: bad offsets {start!r}..{end!r}", doc_id=doc_id)
        frags = _fragments(text, start, end)
        if not frags:
            raise CorpusError(f"{where}: span holds only line breaks", doc_id=doc_id)
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        shown = " ".join(text[s:e] for s, e in frags)
        lines.append(f"{sid}\t{label} {offsets}\t{shown}")
        for name, value in (span.get("attrs") or {}).items():
            if not isinstance(name, str) or not _WORD.match(name):
                raise CorpusError(
                    f"{where}: attribute name {name!r} is not a single word", doc_id=doc_id
                )
            try:
                encoded = encode_attr_value(value)
            except ValueError as err:
                raise CorpusError(f"{where}: {err}", doc_id=doc_id) from err
            attr_lines.append(f"A{len(attr_lines) + 1}\t{name} {sid} {encoded}")
    lines.extend(attr_lines)
    for n, rel in enumerate(record.get("relations", []) or [], start=1):
        label, head, tail = rel.get("label"), rel.get("head"), rel.get("tail")
        for part in (label, head, tail):
            if not isinstance(part, str) or not _WORD.match(part):
                raise CorpusError(f"relation {n}: {part!r} is not a single word", doc_id=doc_id)
        lines.append(f"R{n}\t{label} Arg1:{head} Arg2:{tail}")
    return text, "".join(line + "\n" for line in lines)


def brat_to_record(
    text: str,
    ann: str,
    meta: Mapping[str, Any] | None = None,
    doc_id: str | None = None,
    where: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """The record for a ``.txt`` text and ``.ann`` contents (inverse of :func:`record_to_brat`).

    ``meta`` is the content of ``ID.json`` (other record fields and their order); without it
    the record gets ``doc_id`` and the defaults of :func:`celltx.schema.new_record`. ``where``
    (the ``.ann`` path) is used in error messages.
    """
    the_id = meta["fields"].get("id", doc_id) if meta and "fields" in meta else doc_id
    spans: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    notes: list[tuple[int, str, str]] = []

    def fail(lineno: int, reason: str) -> CorpusError:
        return CorpusError(reason, where, lineno, the_id)

    for lineno, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ann_id, _, rest = line.partition("\t")
        kind = ann_id[:1]
        if kind == "T":
            type_offsets, sep, shown = rest.partition("\t")
            label, _, offsets = type_offsets.partition(" ")
            if not sep or not offsets:
                raise fail(lineno, f"malformed T line {line!r}")
            try:
                frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
            except ValueError:
                raise fail(lineno, f"malformed offsets {offsets!r}") from None
            if any(len(f) != 2 or not 0 <= f[0] < f[1] <= len(text) for f in frags):
                raise fail(lineno, f"offsets {offsets!r} outside the text (length {len(text)})")
            for (_, e1), (s2, _) in zip(frags, frags[1:], strict=False):
                if s2 < e1 or text[e1:s2].strip():
                    raise fail(lineno, f"{ann_id}: discontinuous span {offsets!r} is not supported")
            expected = " ".join(text[s:e] for s, e in frags)
            if shown != expected:
                raise fail(lineno, f"{ann_id}: text {shown!r} != document text {expected!r}")
            start, end = frags[0][0], frags[-1][1]
            if ann_id in by_id:
                raise fail(lineno, f"duplicate id {ann_id}")
            span = {
                "id": ann_id,
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "attrs": {},
            }
            spans.append(span)
            by_id[ann_id] = span
        elif kind in ("A", "M"):
            fields = rest.split(" ", 2)
            if len(fields) < 2:
                raise fail(lineno, f"malformed attribute line {line!r}")
            name, target = fields[0], fields[1]
            value = decode_attr_value(fields[2]) if len(fields) == 3 else True
            if target not in by_id:
                raise fail(lineno, f"{ann_id}: attribute {name} of unknown span {target}")
            if name in by_id[target]["attrs"]:
                raise fail(lineno, f"{ann_id}: attribute {name} given twice for {target}")
            by_id[target]["attrs"][name] = value
        elif kind == "R":
            label, *args = rest.split() or [""]
            roles = dict(a.split(":", 1) for a in args if ":" in a)
            if "Arg1" not in roles or "Arg2" not in roles:
                raise fail(lineno, f"{ann_id}: relation needs Arg1 and Arg2")
            relations.append({"label": label, "head": roles["Arg1"], "tail": roles["Arg2"]})
        elif kind == "#":
            kind_target, _, body = rest.partition("\t")
            note_kind, _, target = kind_target.partition(" ")
            if note_kind == "AnnotatorNotes":
                notes.append((lineno, target, body))
        elif kind == "N":
            continue  # normalisations have no place in the scheme
        else:
            raise fail(lineno, f"unsupported annotation line {line!r}")

    noted: set[tuple[str, str]] = set()
    for lineno, target, body in notes:
        if target not in by_id:
            raise fail(lineno, f"note on unknown span {target}")
        for name, value in _note_attrs(body, by_id[target]["label"]).items():
            by_id[target]["attrs"][name] = value
            noted.add((target, name))
    exported = meta.get("spans") if meta else None
    if isinstance(exported, dict):
        _drop_stale_attrs(spans, exported, noted)

    if meta and "order" in meta:
        fields = meta.get("fields", {})
        built = {"text": text, "spans": spans, "relations": relations}
        return {key: built[key] if key in built else fields.get(key) for key in meta["order"]}
    record: dict[str, Any] = dict(schema.new_record(text, the_id))
    record["spans"], record["relations"] = spans, relations
    return record


_NOTE_PAIR = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$", re.S)


def _note_attrs(body: str, label: str) -> dict[str, Any]:
    """The ``name=value`` pairs of an annotator's note that name attributes of ``label``.

    A note that is not made of such pairs only is a comment: nothing is read from it.
    """
    names = {*schema.ATTRS.get(label, {}), *schema.OPTIONAL_ATTRS.get(label, {}), *schema.EXTRA_ATTRS}
    out: dict[str, Any] = {}
    for part in body.split(";"):
        match = _NOTE_PAIR.match(part)
        if match is None or match.group(1) not in names:
            return {}
        value = match.group(2)
        out[match.group(1)] = decode_attr_value(value) if value else None
    return out


def _drop_stale_attrs(
    spans: list[dict[str, Any]], exported: Mapping[str, Any], noted: set[tuple[str, str]]
) -> None:
    """Drop, from spans whose offsets or label changed since export, the attributes the
    annotator left at their exported value: they describe the old span (module docstring)."""
    for span in spans:
        before = exported.get(span["id"])
        if not isinstance(before, Mapping):
            continue  # added in brat: every attribute it has was set by hand
        if [before.get("start"), before.get("end"), before.get("label")] == [span["start"], span["end"], span["label"]]:
            continue
        old = before.get("attrs") or {}
        for name in list(span["attrs"]):
            if (span["id"], name) not in noted and name in old and span["attrs"][name] == old[name]:
                del span["attrs"][name]


def _exported_spans(record: Mapping[str, Any]) -> dict[str, Any]:
    """The spans as written, for ``ID.json``: what :func:`_drop_stale_attrs` compares with."""
    return {
        span["id"]: {key: span.get(key) for key in ("start", "end", "label", "attrs")}
        for span in record.get("spans", []) or []
    }


# --- collections ------------------------------------------------------------------------


def file_stem(doc_id: Any, position: int) -> str:
    """A safe file name stem for a document id (``doc-<position>`` when there is no id)."""
    if not isinstance(doc_id, str) or not doc_id:
        return f"doc-{position:05d}"
    stem = _UNSAFE_FILE_CHARS.sub("_", doc_id)
    return "_" + stem if stem.startswith(".") else stem


def write_brat(
    folder: str | os.PathLike[str], records: Iterable[Mapping[str, Any]], conf: bool = True
) -> int:
    """Write ``records`` as a brat collection in ``folder`` (created if needed); return the count.

    Writes ``ID.txt``, ``ID.ann`` and ``ID.json`` per document (each atomically) and, with
    ``conf``, an ``annotation.conf`` offering every value brat can list (:func:`annotation_conf`).
    Existing files of the same names are replaced; other files are left alone.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CorpusError("is not a directory", folder)
    records = list(records)
    # every file name is checked before the first file is written: two documents that would
    # share one name leave the folder as it was, not half replaced
    stems: dict[str, Any] = {}
    names: list[str] = []
    for position, record in enumerate(records):
        stem = file_stem(record.get("id"), position)
        if stem.lower() in stems:
            raise CorpusError(
                f"documents {stems[stem.lower()]!r} and {record.get('id')!r} map to the same "
                f"file name {stem}; nothing was written",
                folder,
            )
        stems[stem.lower()] = record.get("id")
        names.append(stem)
    folder.mkdir(parents=True, exist_ok=True)
    for position, (record, stem) in enumerate(zip(records, names)):
        text, ann = record_to_brat(record)
        fields = {k: v for k, v in record.items() if k not in ("text", "spans", "relations")}
        meta = {"fields": fields, "order": list(record.keys()), "position": position,
                "spans": _exported_spans(record)}
        atomic_write(folder / f"{stem}.txt", text)
        atomic_write(folder / f"{stem}.ann", ann)
        atomic_write(folder / f"{stem}.json", json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    if conf:
        write_annotation_conf(folder, records)
    return len(records)


def _read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise CorpusError(f"not valid UTF-8 at byte offset {err.start}", path) from err
    except OSError as err:
        raise CorpusError(f"cannot read: {err.strerror or err}", path) from err


def read_brat_document(ann_path: str | os.PathLike[str]) -> dict[str, Any]:
    """The record for one ``ID.ann`` (with its ``ID.txt`` and, if present, ``ID.json``)."""
    ann_path = Path(ann_path)
    txt_path = ann_path.with_suffix(".txt")
    meta_path = ann_path.with_suffix(".json")
    if not ann_path.is_file():
        raise CorpusError("no such file", ann_path)
    if not txt_path.is_file():
        raise CorpusError("no matching .txt file", ann_path)
    meta = None
    if meta_path.is_file():
        try:
            meta = json.loads(_read_text(meta_path))
        except ValueError as err:
            raise CorpusError(f"invalid JSON: {err}", meta_path) from err
    return brat_to_record(
        _read_text(txt_path), _read_text(ann_path), meta, doc_id=ann_path.stem, where=ann_path
    )


def _position(ann_path: Path) -> int | None:
    meta_path = ann_path.with_suffix(".json")
    if not meta_path.is_file():
        return None
    try:
        position = json.loads(_read_text(meta_path)).get("position")
    except (ValueError, AttributeError):
        return None
    return position if isinstance(position, int) else None


def read_brat(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The records of a brat collection folder (searched recursively) or of one ``.ann`` file.

    Documents written by :func:`write_brat` come back in the order they were written; others
    follow in file name order.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError("no such file or directory", path)
    if path.is_file():
        return iter([read_brat_document(path)])
    anns = sorted(path.rglob("*.ann"))
    keyed = [(_position(p), p) for p in anns]
    keyed.sort(key=lambda item: (item[0] is None, item[0] or 0, item[1]))
    return (read_brat_document(p) for _, p in keyed)


# --- annotation.conf --------------------------------------------------------------------


def _conf_safe(value: str) -> bool:
    return bool(value) and not any(c.isspace() or c in _CONF_SEPARATORS for c in value)


def annotation_conf(records: Iterable[Mapping[str, Any]] | None = None) -> str:
    """brat's ``annotation.conf`` for the scheme: the scheme's values, the lexicons' values of
    free-valued strings and the values seen in ``records`` (module docstring)."""
    seen: dict[str, set[str]] = {}
    for record in records or []:
        for span in record.get("spans", []) or []:
            for name, value in (span.get("attrs") or {}).items():
                seen.setdefault(name, set()).add(encode_attr_value(value))
    # attribute -> (labels it applies to, allowed values in order)
    specs: dict[str, tuple[list[str], list[str]]] = {}
    for label in schema.LABELS:
        spec = {**schema.ATTRS[label], **schema.OPTIONAL_ATTRS.get(label, {})}
        for name, (_kind, allowed) in spec.items():
            labels, values = specs.setdefault(name, ([], []))
            labels.append(label)
            for value in allowed or ():
                if value not in values:
                    values.append(value)
    for name in schema.EXTRA_ATTRS:
        labels, values = specs.setdefault(name, ([], []))
        labels.extend(x for x in schema.LABELS if x not in labels)
        values.extend(v for v in ("true", "false") if v not in values)
    lines = [
        "# brat configuration for the celltx annotation scheme "
        f"(version {schema.SCHEME_VERSION}); written by celltx.corpus.brat",
        "",
        "[entities]",
        *schema.LABELS,
        "",
        "[relations]",
        f"{schema.VALUE_OF}\tArg1:{schema.LAB_VALUE}, Arg2:{schema.LAB_TEST}",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    known = known_values()
    for name, (labels, values) in specs.items():
        extra = [encode_attr_value(v) for v in known.get(name, ())] + sorted(seen.get(name, ()))
        values = [v for v in dict.fromkeys([*values, "null", *extra]) if _conf_safe(v)]
        lines.append(f"{name}\tArg:{'|'.join(labels)}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def write_annotation_conf(
    folder: str | os.PathLike[str], records: Iterable[Mapping[str, Any]] | None = None
) -> Path:
    """Write :func:`annotation_conf` to ``folder/annotation.conf``; return its path."""
    return atomic_write(Path(folder) / CONF_NAME, annotation_conf(records))
