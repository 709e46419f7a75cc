"""celltx.scale: Hugging Face ``datasets`` (num_proc 1 and 2), JSONL/Parquet files, Spark."""

from __future__ import annotations

import json
import sys

import pytest

import celltx

datasets = pytest.importorskip("datasets")

from celltx.scale import annotate_dataset, annotate_jsonl_or_parquet  # noqa: E402

# invented abstracts
TEXTS = [
    "Autologous MSCs (1x10^6 cells/kg) were injected into the hepatic artery of 12 patients.",
    "Twenty patients received CAR-T cells intravenously at 2 x 10^8 cells; CRP fell from 45 mg/L to 8 mg/L by week 4.",
    "Bone marrow mononuclear cells were given intracoronary once; LVEF improved at 6 months.",
    "",
    "Umbilical cord-derived mesenchymal stem cells, 1.0 × 10^6/kg, were infused weekly for 3 weeks; "
    "ALT decreased to 40 U/L at day 28.",
]
IDS = ["p1", "p2", "p3", "p4", "p5"]


@pytest.fixture(scope="module")
def expected():
    return [celltx.extract(t) for t in TEXTS]


@pytest.mark.parametrize("num_proc", [1, 2])
def test_annotate_dataset_equals_extract(expected, num_proc):
    ds = datasets.Dataset.from_dict({"pmid": IDS, "text": TEXTS})
    out = annotate_dataset(ds, num_proc=num_proc, batch_size=2)
    assert out.column_names == ["pmid", "text", "celltx"]
    assert out["pmid"] == IDS
    assert [json.loads(s) for s in out["celltx"]] == expected


def test_annotate_dataset_id_column(expected):
    ds = datasets.Dataset.from_dict({"pmid": IDS, "body": TEXTS})
    out = annotate_dataset(ds, text_column="body", id_column="pmid")
    records = [json.loads(s) for s in out["celltx"]]
    assert [r["id"] for r in records] == IDS
    assert [{**r, "id": e["id"]} for r, e in zip(records, expected)] == expected
    with pytest.raises(KeyError, match="nope"):
        annotate_dataset(ds, text_column="nope")


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_file_round_trip(tmp_path, expected, fmt):
    rows = [{"pmid": i, "text": t} for i, t in zip(IDS, TEXTS)]
    path_in = tmp_path / f"in.{fmt}"
    if fmt == "jsonl":
        path_in.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path_in)
    path_out = tmp_path / "out" / "records.jsonl"
    n = annotate_jsonl_or_parquet(path_in, path_out, id_column="pmid", cache_dir=tmp_path / "hf")
    assert n == len(TEXTS)
    records = [json.loads(line) for line in path_out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == IDS
    assert [{**r, "id": e["id"]} for r, e in zip(records, expected)] == expected
    assert sorted(p.name for p in path_out.parent.iterdir()) == ["records.jsonl"]  # no temp left


def test_file_unknown_suffix(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("text\nx\n")
    with pytest.raises(ValueError, match="parquet"):
        annotate_jsonl_or_parquet(path, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_spark_map_in_pandas_annotates_each_frame(expected):
    """The function handed to ``DataFrame.mapInPandas``, fed frames as Spark feeds them (the
    Spark run itself is not tested here: pyspark is a 300 MB install)."""
    import pandas as pd

    from celltx.scale import OUTPUT_COLUMN, spark_map_in_pandas

    frames = [pd.DataFrame({"pmid": IDS[:2], "text": TEXTS[:2]}), pd.DataFrame({"pmid": IDS[2:], "text": TEXTS[2:]})]
    out = list(spark_map_in_pandas("text", id_column="pmid", batch_size=2)(iter(frames)))
    assert [list(f.columns) for f in out] == [["pmid", "text", OUTPUT_COLUMN]] * 2
    records = [json.loads(v) for f in out for v in f[OUTPUT_COLUMN]]
    assert [r["id"] for r in records] == IDS
    assert [{**r, "id": e["id"]} for r, e in zip(records, expected)] == expected


def test_spark_extract_udf_is_a_series_to_series_pandas_udf(expected, monkeypatch):
    """``spark_extract_udf`` hands pyspark a Series -> Series function with real type hints
    (pyspark reads them to pick the UDF type); pyspark's two names are stood in for."""
    import types

    import pandas as pd

    from celltx.scale import spark_extract_udf

    handed: dict = {}
    functions = types.ModuleType("pyspark.sql.functions")
    functions.pandas_udf = lambda fn, return_type: handed.update(fn=fn, return_type=return_type) or fn
    spark_types = types.ModuleType("pyspark.sql.types")
    spark_types.StringType = lambda: "string"
    for name, module in {"pyspark": types.ModuleType("pyspark"), "pyspark.sql": types.ModuleType("pyspark.sql"),
                         "pyspark.sql.functions": functions, "pyspark.sql.types": spark_types}.items():
        monkeypatch.setitem(sys.modules, name, module)
    udf = spark_extract_udf(batch_size=2)
    assert handed["return_type"] == "string"
    assert udf.__annotations__ == {"texts": pd.Series, "return": pd.Series}
    texts = pd.Series(TEXTS, index=[10, 11, 12, 13, 14])
    result = udf(texts)
    assert list(result.index) == [10, 11, 12, 13, 14]
    assert [json.loads(v) for v in result] == expected
