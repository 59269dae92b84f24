"""Competency scores: PKG (Penilaian Kinerja Guru), domain scores and UKG.

Rules (DOMAIN.md §1; Permenpan-RB 16/2009 and its Pedoman PK Guru):

- Each PKG indicator is scored 0, 1 or 2; per competency the percentage of the
  maximum converts to a value 1–4 (≤25 % → 1, ≤50 % → 2, ≤75 % → 3, >75 % → 4).
- Nilai PKG (0–100) = sum of the 14 competency values / 56 × 100.
- A domain score (0–100) = mean of that domain's K values / 4 × 100 (inferred, the usual reading).
- Categories (Pedoman PK Guru, table 12): 91–100 Amat Baik, 76–90 Baik,
  61–75 Cukup, 51–60 Sedang, ≤50 Kurang; applied to the unrounded value
  (>90, >75, >60, >50).
- UKG tests pedagogik and profesional only, 0–100, minimum standard (2015) 55;
  it is reported apart from PKG and supervision scores (issue 2, decisions).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import schema

#: PKG categories, best first: (key, lower bound exclusive). Pedoman PK Guru, table 12.
CATEGORIES: tuple[tuple[str, float], ...] = (("amat_baik", 90.0), ("baik", 75.0), ("cukup", 60.0), ("sedang", 50.0), ("kurang", -np.inf))
CATEGORY_KEYS = tuple(k for k, _ in CATEGORIES)
#: UKG minimum standard, 2015 (0–100).
UKG_MINIMUM = 55.0
#: UKG 2015 national reference (Kemendikbud, January 2016, as reported in the press).
UKG_REFERENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "reference" / "ukg_2015.csv"
#: Assessment sources whose scores make a teacher's competency profile (UKG reported apart).
PROFILE_SOURCES = ("PKG", "Supervisi", "Mandiri")


def competency_value(indicator_scores: Sequence[int]) -> int:
    """The PKG value 1–4 of one competency from its indicator scores.

    Parameters
    ----------
    indicator_scores : sequence of int
        One score per indicator, each 0 (no evidence), 1 (partly met) or 2 (fully met).

    Returns
    -------
    int
        1 when the percentage of the maximum is ≤25 %, 2 when ≤50 %, 3 when ≤75 %, else 4.

    Raises
    ------
    ValueError
        If there is no indicator or a score is not 0, 1 or 2.
    """
    scores = list(indicator_scores)
    if not scores:
        raise ValueError("a competency needs at least one indicator score")
    if any(s not in (0, 1, 2) for s in scores):
        raise ValueError(f"indicator scores must be 0, 1 or 2, got {scores}")
    pct = sum(scores) / (2 * len(scores)) * 100
    for value, upper in ((1, 25), (2, 50), (3, 75)):
        if pct <= upper:
            return value
    return 4


def category(value: float | None) -> str | None:
    """The PKG category key of a 0–100 value (unrounded): ``amat_baik`` … ``kurang``; ``None`` for NaN."""
    if value is None or not np.isfinite(value):
        return None
    for key, low in CATEGORIES:
        if value > low:
            return key
    return CATEGORY_KEYS[-1]


def assessment_scores(penilaian: pd.DataFrame) -> pd.DataFrame:
    """The four domain scores and the overall value of every assessment.

    Parameters
    ----------
    penilaian : DataFrame
        One row per teacher × assessment (``guru_id``, ``tanggal_penilaian``,
        ``sumber``, ``k1``–``k14`` on 1–4, domain scores 0–100).

    Returns
    -------
    DataFrame
        One row per assessment: ``guru_id``, ``tanggal_penilaian``, ``sumber``,
        the four domains (0–100; from K values where the domain's K values are all
        present, else the score given), ``nilai`` (0–100: Nilai PKG when all 14 K
        values are present, else the mean of the four domain scores when all four
        are given, else NaN), ``nilai_basis`` (``"pkg"``, ``"domain_mean"`` or
        ``None``) and ``kategori`` (:data:`CATEGORY_KEYS`, ``None`` without a value).
    """
    cols = ["guru_id", "tanggal_penilaian", "sumber", *schema.DOMAINS, "nilai", "nilai_basis", "kategori"]
    if penilaian.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in (*schema.DOMAINS, "nilai") else object) for c in cols})
    p = penilaian
    out = pd.DataFrame({"guru_id": p["guru_id"].to_numpy(dtype=object), "tanggal_penilaian": pd.to_datetime(p["tanggal_penilaian"], errors="coerce").to_numpy(), "sumber": p["sumber"].to_numpy(dtype=object)})
    k = p[list(schema.PKG_ITEMS)].apply(pd.to_numeric, errors="coerce")
    for d in schema.DOMAINS:
        items = k[list(schema.PKG_DOMAIN_ITEMS[d])]
        from_k = items.mean(axis=1).where(items.notna().all(axis=1)) / 4 * 100
        given = pd.to_numeric(p[d], errors="coerce")
        out[d] = from_k.fillna(given).to_numpy(dtype=float)
    complete_k = k.notna().all(axis=1).to_numpy()
    nilai_pkg = (k.sum(axis=1) / 56 * 100).to_numpy(dtype=float)
    dom = out[list(schema.DOMAINS)]
    domain_mean = dom.mean(axis=1).where(dom.notna().all(axis=1)).to_numpy(dtype=float)
    out["nilai"] = np.where(complete_k, nilai_pkg, domain_mean)
    out["nilai_basis"] = np.where(complete_k, "pkg", np.where(np.isfinite(domain_mean), "domain_mean", None))
    out.loc[out["nilai_basis"].isna(), "nilai_basis"] = None
    out["kategori"] = [category(v) for v in out["nilai"]]
    return out[cols]


def latest_per_teacher(scores: pd.DataFrame, sources: Sequence[str] = PROFILE_SOURCES) -> pd.DataFrame:
    """Each teacher's latest assessment from ``sources`` (UKG left out by default).

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`assessment_scores`.
    sources : sequence of str
        Sumber values to consider.

    Returns
    -------
    DataFrame
        One row per teacher with at least one such assessment with a date and a
        score, same columns as ``scores``. Ties on the date keep the last row read.
    """
    s = scores[scores["sumber"].isin(list(sources)) & scores["tanggal_penilaian"].notna()]
    s = s[s[list(schema.DOMAINS)].notna().any(axis=1)]
    s = s.sort_values(["guru_id", "tanggal_penilaian"], kind="stable")
    return s.groupby("guru_id", sort=True).tail(1).reset_index(drop=True)


def domain_long(latest: pd.DataFrame) -> pd.DataFrame:
    """Latest scores as a long table for distributions.

    Returns
    -------
    DataFrame
        One row per teacher × domain with a score: ``guru_id``, ``domain``, ``score`` (0–100).
    """
    long = latest.melt(id_vars=["guru_id"], value_vars=list(schema.DOMAINS), var_name="domain", value_name="score")
    return long.dropna(subset=["score"]).reset_index(drop=True)


def domain_means(latest: pd.DataFrame) -> dict[str, float | None]:
    """Mean of each domain over teachers' latest assessments.

    Returns
    -------
    dict
        Domain key → mean score 0–100, ``None`` where no teacher has a score.
    """
    out: dict[str, float | None] = {}
    for d in schema.DOMAINS:
        v = pd.to_numeric(latest[d], errors="coerce").dropna() if d in latest else pd.Series(dtype=float)
        out[d] = float(v.mean()) if len(v) else None
    return out


def category_counts(latest: pd.DataFrame) -> pd.DataFrame:
    """Teachers per PKG category (all five categories, zero counts kept).

    Returns
    -------
    DataFrame
        One row per category, best first: ``kategori``, ``n`` (teachers), ``share`` (0–1 of teachers with a category).
    """
    n = latest["kategori"].value_counts().reindex(list(CATEGORY_KEYS), fill_value=0) if "kategori" in latest else pd.Series(0, index=list(CATEGORY_KEYS))
    total = int(n.sum())
    return pd.DataFrame({"kategori": list(CATEGORY_KEYS), "n": n.to_numpy(dtype=int), "share": (n / total).to_numpy(dtype=float) if total else np.full(len(n), np.nan)})


def ukg_reference(path: Path | str = UKG_REFERENCE_FILE) -> pd.DataFrame:
    """UKG 2015 reference means.

    Returns
    -------
    DataFrame
        One row per area (``nasional`` and provinces): ``wilayah``, ``domain``
        (``total``, ``pedagogik``, ``profesional``), ``mean`` (0–100), ``sumber``.

    Raises
    ------
    FileNotFoundError
        If the reference table is missing.
    """
    return pd.read_csv(path, dtype={"wilayah": str, "domain": str, "sumber": str})


def ukg_summary(scores: pd.DataFrame) -> pd.DataFrame:
    """Latest UKG result per teacher against the 2015 minimum standard (55).

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`assessment_scores`.

    Returns
    -------
    DataFrame
        One row per UKG domain (pedagogik, profesional): ``domain``, ``teachers``,
        ``mean`` (0–100), ``below_minimum`` (teachers under 55), ``share_below`` (0–1).
    """
    u = latest_per_teacher(scores, sources=("UKG",))
    rows = []
    for d in schema.UKG_DOMAINS:
        v = pd.to_numeric(u[d], errors="coerce").dropna()
        below = int((v < UKG_MINIMUM).sum())
        rows.append({"domain": d, "teachers": len(v), "mean": float(v.mean()) if len(v) else np.nan, "below_minimum": below, "share_below": below / len(v) if len(v) else np.nan})
    return pd.DataFrame(rows, columns=["domain", "teachers", "mean", "below_minimum", "share_below"])
