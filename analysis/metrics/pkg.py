"""Competency scores: PKG (Penilaian Kinerja Guru, 2009–2022), domain scores and UKG.

PKG K1–K14 is the 2009–2022 instrument (Permenneg PAN-RB 16/2009 and its Pedoman
PK Guru); since 2023 ASN teachers are appraised in PMM kinerja instead
(:mod:`analysis.metrics.kinerja`). Rules:

- Each PKG indicator is scored 0, 1 or 2; per competency the percentage of the
  maximum converts to a value 1–4 (≤25 % → 1, ≤50 % → 2, ≤75 % → 3, >75 % → 4).
- Nilai PKG (0–100) = sum of the 14 competency values / 56 × 100 for a class or
  subject teacher; for a Guru BK (Jenis PTK), whose instrument has 17
  competencies (pedagogik K1–K3, kepribadian K4–K7, sosial K8–K10, profesional
  K11–K17), sum of the 17 values / 68 × 100.
- A domain score = mean of that domain's K values / 4 × 100 (inferred, the usual
  reading). K values run 1–4, so a domain score from them runs **25–100**.
- Where only the four domain scores exist, their combination weights the domains
  as the instrument counts competencies (7:3:2:2; Guru BK 3:4:3:7): for domain
  scores that came from K values this equals Nilai PKG exactly. It is labelled
  "Skor gabungan domain (bukan Nilai PKG)", never Nilai PKG.
- Categories (Pedoman PK Guru, table 12): 91–100 Amat Baik, 76–90 Baik,
  61–75 Cukup, 51–60 Sedang, ≤50 Kurang; applied to the unrounded value
  (>90, >75, >60, >50), and only to rows whose Sumber is PKG (a supervision or
  self-assessment score is not a PKG value).
- UKG tests pedagogik and profesional only, 0–100, minimum standard (2015) 55;
  it is reported apart from PKG and supervision scores (issue 2, decisions).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core import paths, schema

#: PKG categories, best first: (key, lower bound exclusive). Pedoman PK Guru, table 12.
CATEGORIES: tuple[tuple[str, float], ...] = (("amat_baik", 90.0), ("baik", 75.0), ("cukup", 60.0), ("sedang", 50.0), ("kurang", -np.inf))
CATEGORY_KEYS = tuple(k for k, _ in CATEGORIES)
#: UKG minimum standard, 2015 (0–100).
UKG_MINIMUM = 55.0
#: UKG 2015 national reference (Kemendikbud, January 2016, as reported in the press).
UKG_REFERENCE_FILE = paths.REFERENCE_DIR / "ukg_2015.csv"
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


#: Domain weights of the combined score, as the instrument counts competencies (K1–K14: 7:3:2:2).
DOMAIN_WEIGHTS: dict[str, int] = {d: len(items) for d, items in schema.PKG_DOMAIN_ITEMS.items()}
#: The same for the Guru BK instrument (K1–K17: 3:4:3:7).
DOMAIN_WEIGHTS_BK: dict[str, int] = {d: len(items) for d, items in schema.PKG_DOMAIN_ITEMS_BK.items()}
#: ``nilai_basis`` values: Nilai PKG on 14 or on 17 competencies, or the weighted domain combination.
BASIS_PKG, BASIS_PKG_BK, BASIS_DOMAIN = "pkg", "pkg_bk", "domain_composite"


def _bk_rows(penilaian: pd.DataFrame, guru: pd.DataFrame | None, k: pd.DataFrame) -> np.ndarray:
    """Rows scored on the 17-competency Guru BK instrument: all of K1–K17 given and,
    when ``guru`` is given, the teacher's Jenis PTK is Guru BK."""
    complete = k[list(schema.PKG_ITEMS_BK)].notna().all(axis=1).to_numpy()
    if guru is None or "jenis_ptk" not in guru or "guru_id" not in penilaian:
        return complete
    bk_ids = set(guru.loc[guru["jenis_ptk"] == schema.JENIS_PTK_BK, "guru_id"])
    return complete & penilaian["guru_id"].isin(bk_ids).to_numpy()


def assessment_scores(penilaian: pd.DataFrame, guru: pd.DataFrame | None = None) -> pd.DataFrame:
    """The four domain scores and the overall value of every assessment.

    Parameters
    ----------
    penilaian : DataFrame
        One row per teacher × assessment (``guru_id``, ``tanggal_penilaian``,
        ``sumber``, ``k1``–``k14`` on 1–4, optionally ``k15``–``k17`` (Guru BK),
        domain scores 0–100).
    guru : DataFrame, optional
        One row per teacher with ``guru_id`` and ``jenis_ptk``: a row is scored
        on the Guru BK instrument only when the teacher is a Guru BK and K1–K17
        are all given. Without it, a row with all of K1–K17 is read as the BK
        instrument (only that instrument has K15–K17).

    Returns
    -------
    DataFrame
        One row per assessment: ``guru_id``, ``tanggal_penilaian``, ``sumber``,
        the four domains (0–100; from K values where the domain's K values are
        all present — 25–100 then — else the score given), ``nilai`` (0–100:
        Nilai PKG when the instrument's K values are all present — sum/56×100,
        Guru BK sum/68×100 — else the domain scores weighted 7:3:2:2 (Guru BK
        3:4:3:7) when all four are given, else NaN), ``nilai_basis``
        (:data:`BASIS_PKG`, :data:`BASIS_PKG_BK`, :data:`BASIS_DOMAIN` or ``None``)
        and ``kategori`` (:data:`CATEGORY_KEYS` for Sumber PKG with a value, else ``None``).

    Notes
    -----
    Source: Permenneg PAN-RB 16/2009 and its Pedoman PK Guru (14 and 17
    competencies, Nilai PKG, categories). A class or subject teacher's K15–K17
    are ignored.
    """
    cols = ["guru_id", "tanggal_penilaian", "sumber", *schema.DOMAINS, "nilai", "nilai_basis", "kategori"]
    if penilaian.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in (*schema.DOMAINS, "nilai") else object) for c in cols})
    p = penilaian
    out = pd.DataFrame(
        {
            "guru_id": p["guru_id"].to_numpy(dtype=object),
            "tanggal_penilaian": pd.to_datetime(p["tanggal_penilaian"], errors="coerce").to_numpy(),
            "sumber": p["sumber"].to_numpy(dtype=object),
        }
    )
    k = p.reindex(columns=list(schema.PKG_ITEMS_BK)).apply(pd.to_numeric, errors="coerce")
    bk = _bk_rows(p, guru, k)
    for d in schema.DOMAINS:
        scores = []
        for grouping in (schema.PKG_DOMAIN_ITEMS, schema.PKG_DOMAIN_ITEMS_BK):
            items = k[list(grouping[d])]
            scores.append((items.mean(axis=1).where(items.notna().all(axis=1)) / 4 * 100).to_numpy(dtype=float))
        from_k = np.where(bk, scores[1], scores[0])
        given = pd.to_numeric(p[d], errors="coerce").to_numpy(dtype=float)
        out[d] = np.where(np.isfinite(from_k), from_k, given)
    complete_14 = k[list(schema.PKG_ITEMS)].notna().all(axis=1).to_numpy()
    nilai_14 = (k[list(schema.PKG_ITEMS)].sum(axis=1) / (4 * len(schema.PKG_ITEMS)) * 100).to_numpy(dtype=float)
    nilai_17 = (k[list(schema.PKG_ITEMS_BK)].sum(axis=1) / (4 * len(schema.PKG_ITEMS_BK)) * 100).to_numpy(dtype=float)
    dom = out[list(schema.DOMAINS)].to_numpy(dtype=float)
    all_dom = np.isfinite(dom).all(axis=1)
    bk_teacher = (
        bk if guru is None or "jenis_ptk" not in guru else p["guru_id"].isin(set(guru.loc[guru["jenis_ptk"] == schema.JENIS_PTK_BK, "guru_id"])).to_numpy()
    )
    w14 = np.array([DOMAIN_WEIGHTS[d] for d in schema.DOMAINS], dtype=float)
    w17 = np.array([DOMAIN_WEIGHTS_BK[d] for d in schema.DOMAINS], dtype=float)
    with np.errstate(invalid="ignore"):
        composite = np.where(bk_teacher, np.nan_to_num(dom) @ w17 / w17.sum(), np.nan_to_num(dom) @ w14 / w14.sum())
    composite = np.where(all_dom, composite, np.nan)
    out["nilai"] = np.where(bk, nilai_17, np.where(complete_14, nilai_14, composite))
    basis = np.where(bk, BASIS_PKG_BK, np.where(complete_14, BASIS_PKG, np.where(np.isfinite(composite), BASIS_DOMAIN, "")))
    out["nilai_basis"] = [b or None for b in basis]
    is_pkg = out["sumber"].eq("PKG").to_numpy()
    out["kategori"] = [category(v) if ok else None for v, ok in zip(out["nilai"], is_pkg)]
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
    return pd.DataFrame(
        {"kategori": list(CATEGORY_KEYS), "n": n.to_numpy(dtype=int), "share": (n / total).to_numpy(dtype=float) if total else np.full(len(n), np.nan)}
    )


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
        rows.append(
            {
                "domain": d,
                "teachers": len(v),
                "mean": float(v.mean()) if len(v) else np.nan,
                "below_minimum": below,
                "share_below": below / len(v) if len(v) else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=["domain", "teachers", "mean", "below_minimum", "share_below"])
