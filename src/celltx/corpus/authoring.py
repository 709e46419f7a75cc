"""Hand-annotation helper: resolve spans written as text to character offsets.

Annotators write a *draft* record where a span names its text instead of its offsets::

    {"id": "dev-001", "text": "...", "spans": [
        {"id": "T1", "label": "CELL_TYPE", "text": "MSCs", "nth": 1, "attrs": {...}}]}

``nth`` (0-based, default 0) picks which occurrence of the exact, case-sensitive substring
is meant, counting every occurrence in the document text (also those inside longer words).
:func:`resolve_draft` fills ``start``/``end``; spans that already carry offsets are checked
rather than moved. Reading the text and choosing the spans stays the annotator's job: this
only removes the arithmetic, which is where hand-written offsets go wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .. import schema
from .jsonl import write_jsonl


class DraftError(ValueError):
    """A draft span cannot be placed in the text."""


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _place_reading_order(text: str, span: dict[str, Any], cursor: int, doc_id: Any) -> int:
    """Start of ``span`` when spans are listed in reading order (``"order": "reading"``).

    The span is the first occurrence of its text at or after ``cursor`` (the previous span's
    start), skipping ``skip`` further occurrences when given. Listing spans by start offset,
    an enclosing span before the spans inside it, is all an annotator has to do.
    """
    needle = span["text"]
    skip = int(span.pop("skip", 0))
    i = text.find(needle, cursor)
    for _ in range(skip):
        if i == -1:
            break
        i = text.find(needle, i + 1)
    if i == -1:
        raise DraftError(
            f"{doc_id}: span {span.get('id')} {needle!r} not found after offset {cursor} "
            f"(skip={skip}); spans must be listed in reading order"
        )
    return i


def resolve_draft(draft: dict[str, Any]) -> dict[str, Any]:
    """Return a scheme record with offsets for every span of ``draft``.

    Two ways to place a span without counting characters: ``nth`` (0-based occurrence of the
    exact substring in the whole text, the default) or, when the draft says
    ``"order": "reading"``, the next occurrence after the previous span's start. A LAB_VALUE
    may name its test with ``"of": "<span id>"``, which becomes a VALUE_OF relation.
    Raises :class:`DraftError` naming the document and span when a span cannot be placed.
    """
    text = draft["text"]
    reading = draft.get("order") == "reading"
    record = {k: v for k, v in draft.items() if k != "order"}
    record.setdefault("scheme_version", schema.SCHEME_VERSION)
    relations = list(draft.get("relations") or [])
    spans = []
    cursor = 0
    for n, span in enumerate(draft.get("spans", []), start=1):
        span = dict(span)
        span.setdefault("id", f"T{n}")
        if "start" in span and "end" in span:
            if text[span["start"] : span["end"]] != span.get("text"):
                raise DraftError(
                    f"{draft.get('id')}: span {span.get('id')} offsets do not match text"
                )
        elif reading:
            span["start"] = _place_reading_order(text, span, cursor, draft.get("id"))
            span["end"] = span["start"] + len(span["text"])
        else:
            needle = span["text"]
            nth = int(span.pop("nth", 0))
            hits = _occurrences(text, needle)
            if nth >= len(hits):
                raise DraftError(
                    f"{draft.get('id')}: span {span.get('id')} {needle!r}: occurrence {nth} "
                    f"requested, {len(hits)} found"
                )
            span["start"] = hits[nth]
            span["end"] = hits[nth] + len(needle)
        cursor = span["start"]
        span.pop("nth", None)
        target = span.pop("of", None)
        if target is not None:
            relations.append({"label": schema.VALUE_OF, "head": span["id"], "tail": target})
        attrs = schema.empty_attrs(span["label"]) if span.get("label") in schema.ATTRS else {}
        attrs.update(span.get("attrs") or {})
        span["attrs"] = attrs
        spans.append(span)
    record["spans"] = spans
    record["relations"] = relations
    return record


def merge_texts(
    texts: list[dict[str, Any]], annotations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Join annotation drafts (``id`` + spans, no text) to their text records, by id.

    Annotators never retype a text: the text, ``source`` and provenance come from the
    batch's ``*.texts.jsonl``; the draft adds ``spans`` (and ``order``/``relations``).
    Documents of the text file without a draft are left out; a draft without a text is an
    error.
    """
    by_id = {t["id"]: t for t in texts}
    out = []
    for ann in annotations:
        if ann.get("id") not in by_id:
            raise DraftError(f"draft {ann.get('id')!r} has no text record")
        base = {k: v for k, v in by_id[ann["id"]].items() if k not in ("spans", "relations")}
        base.update({k: v for k, v in ann.items() if k != "id"})
        out.append(base)
    return out


def _load_any(path: Path) -> list[dict[str, Any]]:
    """Records from a JSONL file or a JSON file holding a list."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(raw)
        return data if isinstance(data, list) else [data]
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def show(record: dict[str, Any], width: int = 30) -> str:
    """Every span of a resolved record in its context, for the review pass."""
    text = record["text"]
    by_id = {s["id"]: s for s in record["spans"]}
    of = {r["head"]: r["tail"] for r in record.get("relations", [])}
    lines = [f"== {record.get('id')} ({record.get('split', '?')}) {len(record['spans'])} spans"]
    for s in sorted(record["spans"], key=lambda s: (s["start"], -s["end"])):
        left = text[max(0, s["start"] - width) : s["start"]].replace("\n", " ")
        right = text[s["end"] : s["end"] + width].replace("\n", " ")
        attrs = {k: v for k, v in s["attrs"].items() if v is not None}
        link = f" -> {of[s['id']]} {by_id[of[s['id']]]['text']!r}" if s["id"] in of else ""
        lines.append(
            f"{s['id']:>4} {s['label']:<10} ...{left}[{s['text']}]{right}... {attrs}{link}"
        )
    return "\n".join(lines)


USAGE = """usage:
  python -m celltx.corpus.authoring DRAFT.jsonl OUT.jsonl
      resolve drafts that carry their own text
  python -m celltx.corpus.authoring build TEXTS.jsonl ANNOTATIONS.jsonl|.json OUT.jsonl
      join annotations to the batch's texts by id, resolve, validate, write OUT atomically
  python -m celltx.corpus.authoring show TEXTS.jsonl ANNOTATIONS.jsonl|.json [ID ...]
      print every span in context (for the second pass)"""


def _resolve_all(drafts: list[dict[str, Any]], where: str) -> tuple[list[dict[str, Any]], int]:
    out, bad = [], 0
    for n, draft in enumerate(drafts, start=1):
        try:
            record = resolve_draft(draft)
        except (DraftError, KeyError, TypeError) as err:
            print(f"{where}: record {n}: {err}", file=sys.stderr)
            bad += 1
            continue
        for problem in schema.validate_record(record):
            print(f"{where}: {record.get('id')}: {problem}", file=sys.stderr)
            bad += 1
        out.append(record)
    return out, bad


def main(argv: list[str] | None = None) -> int:
    """Command line: see :data:`USAGE`."""
    args = sys.argv[1:] if argv is None else argv
    try:
        if len(args) == 4 and args[0] == "build":
            drafts = merge_texts(_load_any(Path(args[1])), _load_any(Path(args[2])))
            records, bad = _resolve_all(drafts, args[2])
            dst = Path(args[3])
        elif len(args) >= 3 and args[0] == "show":
            drafts = merge_texts(_load_any(Path(args[1])), _load_any(Path(args[2])))
            wanted = set(args[3:])
            records, bad = _resolve_all(
                [d for d in drafts if not wanted or d["id"] in wanted], args[2]
            )
            for record in records:
                print(show(record))
            return 1 if bad else 0
        elif len(args) == 2:
            records, bad = _resolve_all(_load_any(Path(args[0])), args[0])
            dst = Path(args[1])
        else:
            print(USAGE, file=sys.stderr)
            return 2
    except (OSError, json.JSONDecodeError, DraftError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    write_jsonl(dst, records)
    print(f"{len(records)} documents written to {dst}; {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
