"""Distributions a chart or a table shows: quartiles per group, histogram bins, a level matrix.

Pure aggregation of a column of values (no chart, no labels): the views show them as
tables and :mod:`analysis.charts` draws them, so none of them ever ships one point per
teacher.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def box_stats(values: pd.DataFrame, group: str, value: str, order: list[str] | None = None) -> pd.DataFrame:
    """Quartiles and Tukey fences of ``value`` per ``group``, for a box plot without raw points.

    Parameters
    ----------
    values : DataFrame
        Long table, one row per observation (e.g. one row per teacher × domain),
        with columns ``group`` and ``value`` (numeric; NaN ignored).
    group, value : str
        Column names.
    order : list of str, optional
        Groups to return, in this order; a group with no value gets ``n = 0`` and NaN statistics.

    Returns
    -------
    DataFrame
        One row per group: ``group``, ``n``, ``mean``, ``min``, ``q1``, ``median``,
        ``q3``, ``max``, ``lowerfence``, ``upperfence`` (the most extreme values
        within 1.5 × IQR of the quartiles). Quartiles by linear interpolation
        (numpy's default), so they match ``numpy.percentile``.
    """
    v = values[[group, value]].dropna()
    groups = order if order is not None else list(dict.fromkeys(v[group]))
    rows = []
    for g in groups:
        x = v.loc[v[group] == g, value].astype(float).to_numpy()
        if len(x) == 0:
            rows.append({group: g, "n": 0} | {k: np.nan for k in ("mean", "min", "q1", "median", "q3", "max", "lowerfence", "upperfence")})
            continue
        q1, med, q3 = np.percentile(x, [25, 50, 75])
        iqr = q3 - q1
        lo = x[x >= q1 - 1.5 * iqr].min()
        hi = x[x <= q3 + 1.5 * iqr].max()
        rows.append(
            {group: g, "n": len(x), "mean": x.mean(), "min": x.min(), "q1": q1, "median": med, "q3": q3, "max": x.max(), "lowerfence": lo, "upperfence": hi}
        )
    return pd.DataFrame(rows, columns=[group, "n", "mean", "min", "q1", "median", "q3", "max", "lowerfence", "upperfence"])


def histogram_counts(values: pd.Series, bin_width: float, start: float = 0.0) -> pd.DataFrame:
    """Count values in bins of equal width ``[start + k·w, start + (k+1)·w)``.

    Parameters
    ----------
    values : Series of float
        E.g. JP of training per teacher (NaN ignored).
    bin_width : float
        Width of a bin, > 0.
    start : float
        Lower edge of the first bin; smaller values go in the first bin.

    Returns
    -------
    DataFrame
        One row per bin from the first to the last non-empty one, empty bins
        between kept with ``n = 0``: ``bin_start``, ``bin_end``, ``n``.
        Empty (no rows) when there is no value.

    Raises
    ------
    ValueError
        If ``bin_width`` is not positive.
    """
    if not bin_width > 0:
        raise ValueError("bin_width must be positive")
    x = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    if len(x) == 0:
        return pd.DataFrame({"bin_start": pd.Series([], dtype=float), "bin_end": pd.Series([], dtype=float), "n": pd.Series([], dtype=int)})
    k = np.maximum(np.floor((x - start) / bin_width), 0).astype(int)
    counts = np.bincount(k)
    starts = start + np.arange(len(counts)) * bin_width
    return pd.DataFrame({"bin_start": starts, "bin_end": starts + bin_width, "n": counts.astype(int)})


def level_matrix(counts: pd.DataFrame, rows: list[str], levels: list[int], row: str = "skill", level: str = "level", n: str = "n") -> pd.DataFrame:
    """Pivot long counts (row × level) into a full matrix, zeros where nobody is.

    Parameters
    ----------
    counts : DataFrame
        One row per (``row``, ``level``) with a count ``n``.
    rows, levels : list
        Row and column labels of the result, in order.

    Returns
    -------
    DataFrame
        Index ``rows``, columns ``levels``, integer counts.
    """
    m = counts.pivot_table(index=row, columns=level, values=n, aggfunc="sum", fill_value=0) if len(counts) else pd.DataFrame()
    return m.reindex(index=rows, columns=levels, fill_value=0).fillna(0).astype(int)
