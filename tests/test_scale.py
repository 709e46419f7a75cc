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


def test_spark_recipe(expected, monkeypatch):
    pytest.importorskip("pyspark")
    # Python workers must run this venv, not PATH's python3 (the spark.pyspark.python conf is
    # read by spark-submit only; a SparkContext started from Python reads this variable)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from celltx.scale import spark_extract_udf, spark_map_in_pandas

    spark = (
        SparkSession.builder.master("local[1]")
        .appName("celltx-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(list(zip(IDS, TEXTS)), schema="pmid string, text string").coalesce(1)
        got = df.withColumn("celltx", spark_extract_udf()(F.col("text"))).orderBy("pmid").collect()
        assert [json.loads(r["celltx"]) for r in got] == expected
        fn = spark_map_in_pandas("text", id_column="pmid")
        got = df.mapInPandas(fn, schema="pmid string, text string, celltx string").orderBy("pmid").collect()
        records = [json.loads(r["celltx"]) for r in got]
        assert [r["id"] for r in records] == IDS
        assert [{**r, "id": e["id"]} for r, e in zip(records, expected)] == expected
    finally:
        spark.stop()
