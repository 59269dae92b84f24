"""A dataset table as bytes and back, dtypes kept exactly (Parquet through pyarrow).

Why blobs and not one SQL table per dataset table: the tables carry derived
columns beside the schema's (``guru_id``, ``pendidik``, ``jjm_source``, …) and
pandas dtypes that SQL types do not keep apart (``Int64`` and ``boolean`` with
missing values, ``datetime64[ns]``, text as ``object`` with ``None``), and
:mod:`analysis.core.schema` gains sheets and columns as the project grows: a blob
per submission × table needs no migration when it does, and reads back exactly
what was validated (``pandas.testing.assert_frame_equal`` holds, ``attrs``
included). Every analysis runs in pandas on a school's whole tables, so
nothing is lost by not querying teacher rows in SQL; what the data layer does
query — schools, kabupaten, uploader, time, counts — lives in typed columns
of :mod:`analysis.store.models`.
"""

from __future__ import annotations

import io

import pandas as pd
import pyarrow.parquet as pq


def to_parquet(df: pd.DataFrame) -> bytes:
    """One table as Parquet bytes (zstd), index, dtypes and ``attrs`` in the pandas metadata.

    Raises
    ------
    pyarrow.ArrowException
        If an ``object`` column mixes kinds of values Arrow cannot store in one
        column (the validator gives text columns text only).
    """
    buf = io.BytesIO()
    df.to_parquet(buf, engine="pyarrow", compression="zstd")
    return buf.getvalue()


def from_parquet(data: bytes) -> pd.DataFrame:
    """The table :func:`to_parquet` wrote, with every dtype as it was.

    pandas 3 reads text back as ``str``; columns that were ``object`` are
    turned back into ``object`` with ``None`` for a missing value, as the
    validator builds them (:func:`analysis.ingest.load.conform`).
    """
    table = pq.read_table(io.BytesIO(data))
    meta = table.schema.pandas_metadata or {}
    df = table.to_pandas()
    for col in meta.get("columns", []):
        name = col.get("name")
        if col.get("numpy_type") == "object" and name in df.columns:
            s = df[name]
            df[name] = s.astype(object).where(s.notna(), None)
    return df
