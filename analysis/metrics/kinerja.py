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

- The predikat from the two ratings (:data:`PREDIKAT_MATRIX`), the quadrant of
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

from analysis.core import schema

#: Predikat, best first (the schema's allowed values).
PREDIKAT = schema.PREDIKAT_KINERJA
#: Ratings, best first.
RATINGS = schema.RATING_KINERJA
#: Predikat that call for the head's attention: Butuh Perbaikan or below.
NEEDS_ATTENTION = PREDIKAT[2:]
#: Predikat → its string-table suffix (``kinerja.predikat.<key>``) and colour key.
PREDIKAT_KEYS: dict[str, str] = {"Sangat Baik": "sangat_baik", "Baik": "baik", "Butuh Perbaikan": "butuh_perbaikan", "Kurang": "kurang", "Sangat Kurang": "sangat_kurang"}

_ATAS, _SESUAI, _BAWAH = RATINGS
#: (rating hasil kerja, rating perilaku kerja) → predikat kinerja (Permenpan-RB 6/2022, Lampiran).
PREDIKAT_MATRIX: dict[tuple[str, str], str] = {
    (_ATAS, _ATAS): "Sangat Baik",
    (_ATAS, _SESUAI): "Baik",
    (_ATAS, _BAWAH): "Kurang",
    (_SESUAI, _ATAS): "Baik",
    (_SESUAI, _SESUAI): "Baik",
    (_SESUAI, _BAWAH): "Kurang",
    (_BAWAH, _ATAS): "Butuh Perbaikan",
    (_BAWAH, _SESUAI): "Butuh Perbaikan",
    (_BAWAH, _BAWAH): "Sangat Kurang",
}
#: Status kepegawaian appraised in PMM kinerja: ASN (PNS and PPPK).
ASN_STATUS = ("PNS", "PNS Diperbantukan", "PNS Depag", "PPPK", "CPNS")


def predikat_from_ratings(hasil_kerja: str | None, perilaku_kerja: str | None) -> str | None:
    """The predikat kinerja of two ratings by the Permenpan-RB 6/2022 matrix.

    Parameters
    ----------
    hasil_kerja, perilaku_kerja : str or None
        One of :data:`RATINGS` each.

    Returns
    -------
    str or None
        One of :data:`PREDIKAT`; ``None`` when a rating is missing or not one of :data:`RATINGS`.
    """
    return PREDIKAT_MATRIX.get((hasil_kerja, perilaku_kerja))  # type: ignore[arg-type]


def _clean(series: pd.Series, allowed: tuple[str, ...]) -> pd.Series:
    return series.astype(object).where(series.isin(list(allowed)), None)


def ratings_table(kinerja: pd.DataFrame) -> pd.DataFrame:
    """Every Kinerja row with its predikat settled.

    Parameters
    ----------
    kinerja : DataFrame
        One row per teacher × year: ``guru_id``, ``tahun``, ``predikat``,
        ``rating_hasil_kerja``, ``rating_perilaku_kerja`` (other columns kept).

    Returns
    -------
    DataFrame
        Same rows plus ``predikat_matriks`` (the matrix's predikat of the two
        ratings, ``None`` without both), ``predikat_final`` (the predikat given
        when it is one of :data:`PREDIKAT`, else the matrix's), ``predikat_sumber``
        (``"diberikan"``, ``"matriks"`` or ``None``) and ``tidak_sesuai`` (bool:
        a given predikat disagrees with the matrix).
    """
    k = kinerja.copy()
    if k.empty:
        for c in ("predikat_matriks", "predikat_final", "predikat_sumber"):
            k[c] = pd.Series(dtype=object)
        k["tidak_sesuai"] = pd.Series(dtype=bool)
        return k
    given = _clean(k["predikat"], PREDIKAT)
    matrix = pd.Series([predikat_from_ratings(h, p) for h, p in zip(k["rating_hasil_kerja"], k["rating_perilaku_kerja"])], index=k.index, dtype=object)
    k["predikat_matriks"] = matrix
    k["predikat_final"] = given.where(given.notna(), matrix)
    k["predikat_sumber"] = np.where(given.notna(), "diberikan", np.where(matrix.notna(), "matriks", None))
    k.loc[k["predikat_final"].isna(), "predikat_sumber"] = None
    k["tidak_sesuai"] = (given.notna() & matrix.notna() & (given != matrix)).to_numpy(dtype=bool)
    return k


def check_rows(kinerja: pd.DataFrame, sheet: str = "Kinerja") -> tuple[list[tuple[str, int, str | None, object, str, str, dict]], set[tuple[str, int]]]:
    """Problems of Kinerja rows the column checks cannot see.

    Parameters
    ----------
    kinerja : DataFrame
        Validated ``Kinerja`` rows with ``_row`` (Excel row), ``predikat`` and the
        two ratings, and ``_sheet`` (the sheet each row came from) when the
        table was read from several sheets.
    sheet : str
        The sheet name used for rows without ``_sheet``.

    Returns
    -------
    problems : list of tuple
        ``(sheet, excel_row, column_key, value, severity, code, params)``: ``problem.kinerja_no_predikat``
        (error: neither a predikat nor both ratings) and
        ``problem.kinerja_predikat_mismatch`` (warning: the predikat given is not
        the matrix's for the two ratings; params ``given``, ``hasil``, ``perilaku``, ``expected``).
    rejected : set of tuple
        ``(sheet, excel_row)`` of the rows to reject (the errors).
    """
    out: list[tuple[str, int, str | None, object, str, str, dict]] = []
    bad: set[tuple[str, int]] = set()
    if kinerja.empty:
        return out, bad
    r = ratings_table(kinerja)
    sheets = r["_sheet"] if "_sheet" in r else pd.Series(sheet, index=r.index)
    for sk, row, final, mismatch, given, h, p, m in zip(sheets, r[schema.ROW_COLUMN], r["predikat_final"], r["tidak_sesuai"], r["predikat"], r["rating_hasil_kerja"], r["rating_perilaku_kerja"], r["predikat_matriks"]):
        if final is None or (isinstance(final, float) and np.isnan(final)):
            out.append((sk, int(row), None, None, "error", "problem.kinerja_no_predikat", {}))
            bad.add((sk, int(row)))
        elif mismatch:
            out.append((sk, int(row), "predikat", given, "warning", "problem.kinerja_predikat_mismatch", {"given": given, "hasil": h, "perilaku": p, "expected": m}))
    return out, bad


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
        return pd.DataFrame({"npsn": pd.Series(dtype=object), "tahun": pd.Series(dtype=int), "predikat": pd.Series(dtype=object),
                             "n": pd.Series(dtype=int), "share": pd.Series(dtype=float)})
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
