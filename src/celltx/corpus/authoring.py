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


class DraftError(ValueError):
    """A draft span cannot be placed in the text."""


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def resolve_draft(draft: dict[str, Any]) -> dict[str, Any]:
    """Return a scheme record with offsets for every span of ``draft``.

    Raises :class:`DraftError` naming the document and span when a span text is absent or
    ``nth`` is out of range.
    """
    text = draft["text"]
    record = dict(draft)
    record.setdefault("scheme_version", schema.SCHEME_VERSION)
    record.setdefault("relations", [])
    spans = []
    for span in draft.get("spans", []):
        span = dict(span)
        if "start" in span and "end" in span:
            if text[span["start"] : span["end"]] != span.get("text"):
                raise DraftError(
                    f"{draft.get('id')}: span {span.get('id')} offsets do not match text"
                )
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
        span.pop("nth", None)
        attrs = schema.empty_attrs(span["label"]) if span.get("label") in schema.ATTRS else {}
        attrs.update(span.get("attrs") or {})
        span["attrs"] = attrs
        spans.append(span)
    record["spans"] = spans
    return record


def main(argv: list[str] | None = None) -> int:
    """``python -m celltx.corpus.authoring DRAFT.jsonl OUT.jsonl``: resolve and validate."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m celltx.corpus.authoring DRAFT.jsonl OUT.jsonl", file=sys.stderr)
        return 2
    src, dst = Path(args[0]), Path(args[1])
    out_lines, bad = [], 0
    for lineno, line in enumerate(src.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = resolve_draft(json.loads(line))
        except (DraftError, KeyError, json.JSONDecodeError) as err:
            print(f"{src}:{lineno}: {err}", file=sys.stderr)
            bad += 1
            continue
        for problem in schema.validate_record(record):
            print(f"{src}:{lineno}: {record.get('id')}: {problem}", file=sys.stderr)
            bad += 1
        out_lines.append(json.dumps(record, ensure_ascii=False))
    tmp = dst.with_suffix(dst.suffix + ".tmp")
    tmp.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    tmp.replace(dst)
    print(f"{len(out_lines)} documents written to {dst}; {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
