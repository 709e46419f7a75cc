"""Records <-> Hugging Face ``datasets.DatasetDict`` (one split per value of the ``split`` field).

Each record is one row with the columns of :data:`FEATURES`:

``id``, ``text``
    as in the record.
``spans``
    a list of ``{id, label, start, end, text, attrs}``; ``attrs`` is the attribute dict as a
    JSON string (attribute values differ in type between labels, which Arrow columns cannot
    hold), e.g. ``'{"days": [168.0]}'``.
``relations``
    a list of ``{label, head, tail}`` (span ids).
``source``, ``source_offset``, ``scheme_version``
    as in the record (null when absent).
``meta``
    a JSON string with everything else needed to rebuild the record exactly: the other fields
    (``provenance``, ...), which fields the record had and in which order, and its position
    in the input, so :func:`datasetdict_to_records` returns the records in their original
    order.

A record goes to the split named by its ``split`` field; records without one go to
``default_split`` (an error when that is ``None``). On the way back ``split`` is set from the
name of the split the row is in, for records that had the field.

``datasets`` is imported when these functions are called, not when the module is imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .jsonl import CorpusError

if TYPE_CHECKING:  # pragma: no cover
    from datasets import DatasetDict, Features

#: Record fields that have their own column (everything else goes to ``meta``).
COLUMNS = ("id", "text", "spans", "relations", "source", "source_offset", "scheme_version")


def _datasets():
    try:
        import datasets
    except ImportError as err:  # e.g. a pyarrow built for another NumPy
        raise CorpusError(f"the 'datasets' package cannot be imported: {err}") from err
    return datasets


def features() -> Features:
    """The ``datasets.Features`` of a celltx dataset."""
    ds = _datasets()
    string, int64 = ds.Value("string"), ds.Value("int64")
    return ds.Features(
        {
            "id": string,
            "text": string,
            "spans": [
                {
                    "id": string,
                    "label": string,
                    "start": int64,
                    "end": int64,
                    "text": string,
                    "attrs": string,
                }
            ],
            "relations": [{"label": string, "head": string, "tail": string}],
            "source": string,
            "source_offset": int64,
            "scheme_version": int64,
            "meta": string,
        }
    )


def record_to_row(record: Mapping[str, Any], position: int = 0) -> dict[str, Any]:
    """One dataset row for ``record`` (see the module docstring)."""
    doc_id = record.get("id")
    if not isinstance(record.get("text"), str):
        raise CorpusError("record has no 'text' string", doc_id=doc_id)
    spans = []
    for span in record.get("spans", []) or []:
        try:
            attrs = json.dumps(span.get("attrs") or {}, ensure_ascii=False)
        except (TypeError, ValueError) as err:
            raise CorpusError(
                f"span {span.get('id')}: attrs cannot be written as JSON: {err}", doc_id=doc_id
            ) from err
        spans.append(
            {
                "id": span.get("id"),
                "label": span.get("label"),
                "start": span.get("start"),
                "end": span.get("end"),
                "text": span.get("text"),
                "attrs": attrs,
            }
        )
    relations = [
        {"label": r.get("label"), "head": r.get("head"), "tail": r.get("tail")}
        for r in record.get("relations", []) or []
    ]
    fields = {k: v for k, v in record.items() if k not in COLUMNS and k != "split"}
    meta = {"fields": fields, "order": list(record.keys()), "position": position}
    return {
        "id": doc_id,
        "text": record["text"],
        "spans": spans,
        "relations": relations,
        "source": record.get("source"),
        "source_offset": record.get("source_offset"),
        "scheme_version": record.get("scheme_version"),
        "meta": json.dumps(meta, ensure_ascii=False),
    }


def row_to_record(row: Mapping[str, Any], split: str | None = None) -> dict[str, Any]:
    """The record for one dataset row (inverse of :func:`record_to_row`)."""
    meta = json.loads(row["meta"]) if row.get("meta") else {}
    spans = [
        {
            "id": s["id"],
            "start": s["start"],
            "end": s["end"],
            "label": s["label"],
            "text": s["text"],
            "attrs": json.loads(s["attrs"]) if s.get("attrs") else {},
        }
        for s in row.get("spans") or []
    ]
    relations = [
        {"label": r["label"], "head": r["head"], "tail": r["tail"]}
        for r in row.get("relations") or []
    ]
    values = {column: row.get(column) for column in COLUMNS}
    values.update(spans=spans, relations=relations, split=split)
    values.update(meta.get("fields", {}))
    order = meta.get("order")
    if order is None:
        order = [c for c in COLUMNS if c in row] + (["split"] if split is not None else [])
    return {key: values.get(key) for key in order}


def records_to_datasetdict(
    records: Iterable[Mapping[str, Any]], default_split: str | None = "train"
) -> DatasetDict:
    """A ``DatasetDict`` with one ``Dataset`` per split (in order of first appearance).

    Records without a ``split`` field go to ``default_split``; with ``default_split=None``
    such a record raises :class:`~celltx.corpus.jsonl.CorpusError`.
    """
    ds = _datasets()
    rows: dict[str, list[dict[str, Any]]] = {}
    for position, record in enumerate(records):
        split = record.get("split", default_split)
        if split is None:
            raise CorpusError(
                "record has no 'split' field and no default split was given",
                doc_id=record.get("id"),
            )
        if not isinstance(split, str) or not split:
            raise CorpusError(f"split {split!r} is not a non-empty string", doc_id=record.get("id"))
        rows.setdefault(split, []).append(record_to_row(record, position))
    feats = features()
    return ds.DatasetDict(
        {name: ds.Dataset.from_list(items, features=feats) for name, items in rows.items()}
    )


def datasetdict_to_records(dataset_dict: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The records of a ``DatasetDict`` (inverse of :func:`records_to_datasetdict`).

    Records come back in their original order when every row carries its position, else
    split by split.
    """
    out: list[tuple[int | None, int, dict[str, Any]]] = []
    for name, dataset in dataset_dict.items():
        for row in dataset:
            meta = json.loads(row["meta"]) if row.get("meta") else {}
            position = meta.get("position")
            out.append(
                (
                    position if isinstance(position, int) else None,
                    len(out),
                    row_to_record(row, name),
                )
            )
    if all(p is not None for p, _, _ in out):
        out.sort(key=lambda item: (item[0], item[1]))
    return [record for _, _, record in out]
