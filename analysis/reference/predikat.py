"""The predikat kinerja of ASN teachers from its two ratings (Permenpan-RB 6/2022, Lampiran).

A rule of the field, read by the validator (a Kinerja row whose predikat contradicts the
matrix is reported, :func:`check_rows`) and by the kinerja figures
(:mod:`analysis.metrics.kinerja`). The matrix is the quadrant of the Lampiran of
Permenpan-RB 6/2022: behaviour below expectations is Kurang/Misconduct whatever the
results, results below expectations with behaviour at or above is Butuh Perbaikan, both
below is Sangat Kurang, both above is Sangat Baik, every other pair is Baik. The
regulation's own text was not at hand: the matrix is as reproduced by several independent
ASN e-kinerja implementations, which agree cell for cell, and the docs mark it so.
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
PREDIKAT_KEYS: dict[str, str] = {
    "Sangat Baik": "sangat_baik",
    "Baik": "baik",
    "Butuh Perbaikan": "butuh_perbaikan",
    "Kurang": "kurang",
    "Sangat Kurang": "sangat_kurang",
}

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
    k["predikat_sumber"] = np.where(given.notna(), "diberikan", np.where(matrix.notna(), "matriks", None))  # type: ignore[call-overload]
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
    for sk, row, final, mismatch, given, h, p, m in zip(
        sheets,
        r[schema.ROW_COLUMN],
        r["predikat_final"],
        r["tidak_sesuai"],
        r["predikat"],
        r["rating_hasil_kerja"],
        r["rating_perilaku_kerja"],
        r["predikat_matriks"],
    ):
        if final is None or (isinstance(final, float) and np.isnan(final)):
            out.append((sk, int(row), None, None, "error", "problem.kinerja_no_predikat", {}))
            bad.add((sk, int(row)))
        elif mismatch:
            out.append(
                (sk, int(row), "predikat", given, "warning", "problem.kinerja_predikat_mismatch", {"given": given, "hasil": h, "perilaku": p, "expected": m})
            )
    return out, bad
