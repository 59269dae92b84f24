"""PMM kinerja: the yearly predikat kinerja of ASN teachers since 2023.

Since the 2023 appraisal year, ASN teachers (PNS and PPPK) are appraised in the
PMM "Pengelolaan Kinerja" feature (moved to Ruang GTK in 2025) under
Permenpan-RB 6/2022 (pengelolaan kinerja pegawai ASN), Permenpan-RB 1/2023
(jabatan fungsional) and Perdirjen GTK 7607/B.B1/HK.03/2023. A teacher's year
ends in a **predikat kinerja** (Sangat Baik, Baik, Butuh Perbaikan,
Kurang/Misconduct, Sangat Kurang) set from two ratings, of *hasil kerja* and
of *perilaku kerja*, each Di Atas / Sesuai / Di Bawah Ekspektasi. The PKG
K1–K14 instrument (Permenneg PAN-RB 16/2009) is the 2009–2022 record and stays
in :mod:`analysis.metrics.pkg`.

Rules:

- The predikat from the two ratings (:data:`analysis.reference.predikat.PREDIKAT_MATRIX`), the quadrant of
  the Lampiran of Permenpan-RB 6/2022: behaviour below expectations is
  Kurang/Misconduct whatever the results, results below expectations with
  behaviour at or above is Butuh Perbaikan, both below is Sangat Kurang, both
  above is Sangat Baik, every other pair is Baik. The regulation's own text was
  not at hand: the matrix is as reproduced by several independent ASN
  e-kinerja implementations, which agree cell for cell, and the docs mark it so.
- A row with both ratings and no predikat gets the matrix's predikat
  (``predikat_sumber = "matriks"``); a row whose predikat disagrees with the
  matrix keeps the predikat given (the appraiser's decision is the record) and
  is reported as a warning by :func:`check_rows`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.reference.predikat import (
    ASN_STATUS as ASN_STATUS,
    NEEDS_ATTENTION,
    PREDIKAT,
    PREDIKAT_KEYS as PREDIKAT_KEYS,
    PREDIKAT_MATRIX as PREDIKAT_MATRIX,
    RATINGS as RATINGS,
    check_rows as check_rows,
    predikat_from_ratings as predikat_from_ratings,
    ratings_table,
)


def latest_per_teacher_year(kinerja: pd.DataFrame) -> pd.DataFrame:
    """One settled predikat per teacher × year (the last row read wins a repeated year).

    Parameters
    ----------
    kinerja : DataFrame
        As for :func:`ratings_table`.

    Returns
    -------
    DataFrame
        One row per teacher × year with a predikat: ``guru_id``, ``tahun`` (int), ``predikat_final``, ``predikat_sumber``.
    """
    r = ratings_table(kinerja)
    cols = ["guru_id", "tahun", "predikat_final", "predikat_sumber"]
    if r.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    r = r[r["predikat_final"].notna() & r["guru_id"].notna() & pd.to_numeric(r["tahun"], errors="coerce").notna()]
    r = r.assign(tahun=pd.to_numeric(r["tahun"]).astype(int))
    return r.drop_duplicates(["guru_id", "tahun"], keep="last")[cols].sort_values(["guru_id", "tahun"]).reset_index(drop=True)


def predikat_distribution(kinerja: pd.DataFrame, guru: pd.DataFrame) -> pd.DataFrame:
    """Teachers per predikat, per school and year (all five predikat, zero counts kept).

    Parameters
    ----------
    kinerja : DataFrame
        As for :func:`ratings_table`.
    guru : DataFrame
        One row per teacher: ``guru_id``, ``npsn`` (a teacher's school is their Guru row's).

    Returns
    -------
    DataFrame
        One row per school × year × predikat, best predikat first: ``npsn``,
        ``tahun`` (int), ``predikat``, ``n`` (teachers), ``share`` (0–1 of that
        school's rated teachers that year). Empty when no row has a predikat.
    """
    cols = ["npsn", "tahun", "predikat", "n", "share"]
    per = latest_per_teacher_year(kinerja).merge(guru[["guru_id", "npsn"]].drop_duplicates("guru_id"), on="guru_id", how="inner")
    if per.empty:
        return pd.DataFrame(
            {
                "npsn": pd.Series(dtype=object),
                "tahun": pd.Series(dtype=int),
                "predikat": pd.Series(dtype=object),
                "n": pd.Series(dtype=int),
                "share": pd.Series(dtype=float),
            }
        )
    counts = per.groupby(["npsn", "tahun", "predikat_final"]).size()
    groups = per[["npsn", "tahun"]].drop_duplicates().sort_values(["npsn", "tahun"])
    full = pd.MultiIndex.from_tuples([(n, y, p) for n, y in groups.itertuples(index=False) for p in PREDIKAT], names=["npsn", "tahun", "predikat"])
    out = counts.reindex(full, fill_value=0).rename("n").reset_index()
    total = out.groupby(["npsn", "tahun"])["n"].transform("sum")
    out["share"] = out["n"] / total
    out["n"] = out["n"].astype(int)
    return out[cols]


def distribution_wide(dist: pd.DataFrame) -> pd.DataFrame:
    """:func:`predikat_distribution` as a table to read: one row per school × year.

    Returns
    -------
    DataFrame
        ``npsn``, ``tahun``, one count column per predikat (best first, named as
        the predikat) and ``total`` (rated teachers).
    """
    if dist.empty:
        return pd.DataFrame(columns=["npsn", "tahun", *PREDIKAT, "total"])
    wide = dist.pivot_table(index=["npsn", "tahun"], columns="predikat", values="n", aggfunc="sum", fill_value=0).reindex(columns=list(PREDIKAT), fill_value=0)
    wide["total"] = wide.sum(axis=1)
    wide.columns.name = None
    return wide.reset_index()


def needs_attention(kinerja: pd.DataFrame, guru: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """Teachers rated Butuh Perbaikan or below (Kurang, Sangat Kurang) in one year.

    Parameters
    ----------
    kinerja : DataFrame
        As for :func:`ratings_table`.
    guru : DataFrame
        One row per teacher: ``guru_id``, ``nama``, ``npsn``, ``status_kepegawaian``.
    year : int, optional
        The appraisal year; ``None`` for the latest year in ``kinerja``.

    Returns
    -------
    DataFrame
        One row per such teacher, worst predikat first: ``guru_id``, ``nama``,
        ``npsn``, ``status_kepegawaian``, ``tahun``, ``predikat``. Names are for
        the school head only: callers label rows with
        :func:`analysis.metrics.privacy.display_names`.
    """
    cols = ["guru_id", "nama", "npsn", "status_kepegawaian", "tahun", "predikat"]
    per = latest_per_teacher_year(kinerja)
    if per.empty:
        return pd.DataFrame(columns=cols)
    y = int(per["tahun"].max()) if year is None else int(year)
    low = per[(per["tahun"] == y) & per["predikat_final"].isin(list(NEEDS_ATTENTION))].rename(columns={"predikat_final": "predikat"})
    g = guru[["guru_id", "nama", "npsn", "status_kepegawaian"]].drop_duplicates("guru_id")
    out = low.merge(g, on="guru_id", how="inner")
    out["_rank"] = out["predikat"].map({p: i for i, p in enumerate(PREDIKAT)})
    return out.sort_values(["_rank", "npsn", "guru_id"], ascending=[False, True, True])[cols].reset_index(drop=True)


def years(kinerja: pd.DataFrame) -> list[int]:
    """Appraisal years present, latest first."""
    if kinerja.empty:
        return []
    return sorted({int(y) for y in pd.to_numeric(kinerja["tahun"], errors="coerce").dropna()}, reverse=True)


def praktik_totals(kinerja: pd.DataFrame) -> pd.DataFrame:
    """Observed praktik kinerja items per rating level, summed over the rows given.

    Returns
    -------
    DataFrame
        Three rows (``praktik_belum``, ``praktik_belum_efektif``, ``praktik_efektif``):
        ``level``, ``n`` (items), ``share`` (0–1 of all items; NaN without items).
    """
    levels = ["praktik_belum", "praktik_belum_efektif", "praktik_efektif"]
    n = [int(pd.to_numeric(kinerja[c], errors="coerce").fillna(0).sum()) if c in kinerja else 0 for c in levels]
    total = sum(n)
    return pd.DataFrame({"level": levels, "n": n, "share": [v / total if total else np.nan for v in n]})


def school_tables(kinerja: pd.DataFrame, guru: pd.DataFrame, year: int | None = None) -> dict[str, object]:
    """Everything a page shows about predikat kinerja for a selection of teachers.

    Parameters
    ----------
    kinerja : DataFrame
        The selection's Kinerja rows (with ``guru_id``).
    guru : DataFrame
        The selection's teachers (``guru_id``, ``nama``, ``npsn``, ``status_kepegawaian``).
    year : int, optional
        Year of the attention list; ``None`` for the latest year.

    Returns
    -------
    dict
        ``distribution`` (:func:`predikat_distribution`), ``wide``
        (:func:`distribution_wide`), ``years`` (latest first), ``year`` (of the
        attention list, ``None`` without data) and ``attention``
        (:func:`needs_attention`).
    """
    ys = years(kinerja)
    chosen = year if year is not None else (ys[0] if ys else None)
    dist = predikat_distribution(kinerja, guru)
    return {
        "distribution": dist,
        "wide": distribution_wide(dist),
        "years": ys,
        "year": chosen,
        "attention": needs_attention(kinerja, guru, chosen) if chosen is not None else needs_attention(kinerja.iloc[0:0], guru),
    }
