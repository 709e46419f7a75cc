"""Scaling out: celltx over Hugging Face ``datasets`` and Apache Spark.

Each document becomes one column value ``celltx``: the record :func:`celltx.extract` returns,
serialised as a JSON string (records hold nested, variably typed attributes that do not fit
one Arrow schema well). ``json.loads`` gives back exactly ``celltx.extract(text)``.

Hugging Face ``datasets`` (``Dataset.map(batched=True, num_proc=...)``)::

    import datasets, json
    from celltx.scale import annotate_dataset, annotate_jsonl_or_parquet

    ds = datasets.Dataset.from_dict({"pmid": ["1", "2"], "text": [abstract1, abstract2]})
    out = annotate_dataset(ds, text_column="text", id_column="pmid", num_proc=4)
    records = [json.loads(r) for r in out["celltx"]]

    # local JSONL or Parquet in, JSONL of records out (written atomically)
    annotate_jsonl_or_parquet("abstracts.parquet", "records.jsonl", id_column="pmid", num_proc=4)

The pipeline is loaded lazily in each worker process (``celltx.load`` caches it per process),
so nothing large is pickled and ``num_proc > 1`` works. ``map`` results are never taken from
the ``datasets`` cache (``load_from_cache_file=False``): its fingerprint would not notice a
new celltx version or model.

Apache Spark: see :func:`spark_extract_udf` (a pandas UDF) and :func:`spark_map_in_pandas`
(a function for ``DataFrame.mapInPandas``). pyspark is imported only inside them; celltx does
not depend on it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api import extract_many

if TYPE_CHECKING:  # pragma: no cover
    import datasets
    import pandas as pd

#: Name of the column that holds the JSON records.
OUTPUT_COLUMN = "celltx"


def _records_json(
    texts: Iterable[Any], ids: Iterable[Any] | None, batch_size: int, system: str
) -> list[str]:
    """JSON strings of the records for ``texts`` (``None`` is read as empty text).

    Runs in the calling process (a ``datasets`` or Spark worker): ``extract_many`` loads the
    pipeline through ``celltx.load``, which builds it once per process and caches it.
    """
    texts = ["" if t is None else t for t in texts]
    items: list[Any] = texts if ids is None else [
        t if i is None else (str(i), t) for i, t in zip(ids, texts, strict=True)
    ]
    records = extract_many(items, batch_size=batch_size, system=system)
    return [json.dumps(r, ensure_ascii=False) for r in records]


def _map_batch(
    batch: dict[str, list[Any]], text_column: str, id_column: str | None, batch_size: int, system: str
) -> dict[str, list[str]]:
    ids = batch[id_column] if id_column is not None else None
    return {OUTPUT_COLUMN: _records_json(batch[text_column], ids, batch_size, system)}


def annotate_dataset(
    ds: datasets.Dataset,
    text_column: str = "text",
    id_column: str | None = None,
    num_proc: int | None = None,
    batch_size: int = 32,
    system: str = "full",
) -> datasets.Dataset:
    """``ds`` with a new string column ``celltx``: each row's record as JSON.

    ``json.loads(row["celltx"]) == celltx.extract(row[text_column], system=system)``, except
    that with ``id_column`` the record's ``"id"`` is ``str(row[id_column])``. ``batch_size``
    is both the ``map`` batch and the ``nlp.pipe`` batch; ``num_proc`` worker processes each
    load the pipeline once.
    """
    for column in (text_column, id_column):
        if column is not None and column not in ds.column_names:
            raise KeyError(f"column {column!r} not in dataset (columns: {', '.join(ds.column_names)})")
    if OUTPUT_COLUMN in ds.column_names:
        raise ValueError(f"dataset already has a {OUTPUT_COLUMN!r} column")
    return ds.map(
        _map_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc if num_proc and num_proc > 1 else None,
        fn_kwargs={"text_column": text_column, "id_column": id_column, "batch_size": batch_size, "system": system},
        load_from_cache_file=False,
        desc="celltx",
    )


def _builder_for(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")):
        return "json"
    raise ValueError(f"{path}: expected a .jsonl/.json/.ndjson or .parquet file")


def annotate_jsonl_or_parquet(
    path_in: str | os.PathLike,
    path_out: str | os.PathLike,
    text_column: str = "text",
    id_column: str | None = None,
    num_proc: int | None = None,
    batch_size: int = 32,
    system: str = "full",
    cache_dir: str | os.PathLike | None = None,
) -> int:
    """Annotate a local JSONL or Parquet file; write one JSON record per line to ``path_out``.

    The input is read with ``datasets.load_dataset("json" | "parquet", data_files=path_in,
    split="train")`` (a local file only, nothing from the Hub). The output is written to a
    temporary file in the same directory and renamed into place, so ``path_out`` is either
    the old file or the complete new one. Returns the number of records written.
    """
    import datasets

    path_in, path_out = Path(path_in), Path(path_out)
    if not path_in.is_file():
        raise FileNotFoundError(path_in)
    ds = datasets.load_dataset(
        _builder_for(path_in),
        data_files=str(path_in),
        split="train",
        cache_dir=None if cache_dir is None else str(cache_dir),
    )
    out = annotate_dataset(ds, text_column, id_column, num_proc=num_proc, batch_size=batch_size, system=system)
    path_out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path_out.parent, prefix=f".{path_out.name}.", suffix=".tmp")
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for batch in out.select_columns([OUTPUT_COLUMN]).iter(batch_size=1000):
                for line in batch[OUTPUT_COLUMN]:
                    f.write(line)
                    f.write("\n")
                    n += 1
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path_out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


# --- Apache Spark -----------------------------------------------------------------------


def spark_extract_udf(system: str = "full", batch_size: int = 32) -> Any:
    """A Spark pandas UDF: a string column of texts -> a string column of JSON records.

    Every Python worker builds the pipeline once (``celltx.load`` caches it per process) and
    runs each Arrow batch through ``nlp.pipe``. Needs ``pyspark`` with ``pandas`` and
    ``pyarrow`` on the driver and on every executor, and celltx (with its model) installed
    on the executors. Local mode::

        import os, sys
        from pyspark.sql import SparkSession, functions as F
        from celltx.scale import spark_extract_udf

        os.environ["PYSPARK_PYTHON"] = sys.executable  # workers use this venv, not PATH's python3
        spark = (SparkSession.builder.master("local[4]")
                 .config("spark.sql.execution.arrow.maxRecordsPerBatch", 256).getOrCreate())
        df = spark.read.parquet("abstracts.parquet")           # columns: pmid, text
        out = df.withColumn("celltx", spark_extract_udf()(F.col("text")))
        out.select("pmid", "celltx").write.mode("overwrite").parquet("records.parquet")

    On a cluster, ship celltx to the executors (``pip install celltx`` in the executor image,
    or ``spark-submit --archives celltx_env.tar.gz#env`` built with ``venv-pack`` plus
    ``--conf spark.pyspark.python=./env/bin/python``) and use the same code with
    ``SparkSession.builder.getOrCreate()``; size ``spark.executor.cores`` to the CPUs each
    executor has, because each core runs its own Python worker with its own pipeline
    (roughly 0.5-1 GB each; set ``spark.executor.pyspark.memory`` accordingly).
    Parse with ``F.from_json`` or ``json.loads`` downstream.
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf
    from pyspark.sql.types import StringType

    def celltx_extract(texts):
        return pd.Series(_records_json(texts.tolist(), None, batch_size, system), index=texts.index)

    # real classes, not the strings ``from __future__ import annotations`` would leave behind:
    # pyspark reads these hints to pick the UDF type (Series -> Series)
    celltx_extract.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    return pandas_udf(celltx_extract, StringType())


def spark_map_in_pandas(
    text_column: str = "text", id_column: str | None = None, system: str = "full", batch_size: int = 32
) -> Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]:
    """A function for ``DataFrame.mapInPandas``: each frame gets a string column ``celltx``.

    ::

        fn = spark_map_in_pandas("text", id_column="pmid")
        out = df.mapInPandas(fn, schema=df.schema.add("celltx", "string"))

    Unlike :func:`spark_extract_udf` this can set each record's ``"id"`` from ``id_column``.
    Needs no pyspark import itself.
    """

    def annotate_frames(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for frame in frames:
            ids = frame[id_column].tolist() if id_column is not None else None
            values = _records_json(frame[text_column].tolist(), ids, batch_size, system)
            yield frame.assign(**{OUTPUT_COLUMN: values})

    return annotate_frames


__all__ = [
    "OUTPUT_COLUMN",
    "annotate_dataset",
    "annotate_jsonl_or_parquet",
    "spark_extract_udf",
    "spark_map_in_pandas",
]
