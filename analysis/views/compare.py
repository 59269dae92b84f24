"""Schools side by side: the same figures per school and, per domain, tests across schools.

Per domain, over each teacher's latest assessment (UKG apart):

- Kruskal-Wallis H test (:func:`pingouin.kruskal`) with the effect size
  η²_H = (H − k + 1) / (n − k) (Tomczak & Tomczak 2014);
- Welch's ANOVA (:func:`pingouin.welch_anova`) with partial η² (``np2``);
- pairwise Mann-Whitney U tests with Holm-adjusted p-values and Hedges' g
  (:func:`pingouin.pairwise_tests`, non-parametric, ``padjust="holm"``).

Schools with fewer than :data:`MIN_TEACHERS` assessed teachers are flagged;
a school with fewer than two scores cannot enter a test and is left out of it.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import pandas as pd

from analysis.core import schema
from analysis.core.dataset import Dataset
from analysis.metrics import pkg, privacy, staff
from analysis.metrics.distributions import box_stats
from analysis.views import district

#: Schools with fewer assessed teachers than this are flagged.
MIN_TEACHERS = 10
#: How many schools the comparison takes.
MIN_SCHOOLS, MAX_SCHOOLS = 2, 6

TEST_COLUMNS = ["domain", "schools", "n", "H", "p_kruskal", "eta2_h", "F", "p_welch", "np2", "small_groups"]
PAIR_COLUMNS = ["domain", "A", "B", "U", "p_unc", "p_holm", "hedges"]


def domain_scores(ds: Dataset, npsns: Sequence[str]) -> pd.DataFrame:
    """Latest domain scores of the pendidik of the chosen schools.

    Returns
    -------
    DataFrame
        One row per teacher × domain: ``npsn``, ``guru_id``, ``domain``, ``score`` (0–100).
    """
    guru = staff.pendidik(ds.tables["guru"])
    guru = guru[guru["npsn"].isin(list(npsns))]
    pen = ds.tables["penilaian"][ds.tables["penilaian"]["guru_id"].isin(set(guru["guru_id"])).to_numpy()]
    latest = pkg.latest_per_teacher(pkg.assessment_scores(pen))
    long = pkg.domain_long(latest).merge(guru[["guru_id", "npsn"]], on="guru_id", how="left")
    return long[["npsn", "guru_id", "domain", "score"]]


def group_sizes(scores: pd.DataFrame) -> pd.DataFrame:
    """Assessed teachers per school × domain, flagged under :data:`MIN_TEACHERS`.

    Returns
    -------
    DataFrame
        One row per school × domain: ``npsn``, ``domain``, ``n``, ``small`` (bool).
    """
    n = scores.groupby(["npsn", "domain"]).size().rename("n").reset_index()
    n["small"] = n["n"] < MIN_TEACHERS
    return n


def tests(scores: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tests across schools per domain.

    Parameters
    ----------
    scores : DataFrame
        :func:`domain_scores` output.

    Returns
    -------
    tuple of DataFrame
        ``(omnibus, pairwise)``. ``omnibus``: one row per domain: ``domain``,
        ``schools`` (entering the test), ``n`` (teachers), ``H``, ``p_kruskal``,
        ``eta2_h``, ``F``, ``p_welch``, ``np2``, ``small_groups`` (schools under
        :data:`MIN_TEACHERS`); NaN statistics when fewer than two schools have
        two scores, and NaN Welch figures when a school's scores are all equal
        (its weight is undefined; Kruskal-Wallis still runs). ``pairwise``: one row per domain × pair of schools: ``A``,
        ``B`` (NPSN), ``U``, ``p_unc``, ``p_holm``, ``hedges``.
    """
    import pingouin as pg

    omni, pairs = [], []
    for d in schema.DOMAINS:
        s = scores[scores["domain"] == d]
        sizes = s.groupby("npsn").size()
        usable = sizes[sizes >= 2].index
        s = s[s["npsn"].isin(usable)]
        k, n = len(usable), len(s)
        row = {"domain": d, "schools": k, "n": n, "small_groups": int((sizes < MIN_TEACHERS).sum())}
        if k < 2 or s["score"].nunique() < 2:
            omni.append(row | {c: math.nan for c in ("H", "p_kruskal", "eta2_h", "F", "p_welch", "np2")})
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kw = pg.kruskal(s, dv="score", between="npsn")
            pw = pg.pairwise_tests(s, dv="score", between="npsn", parametric=False, padjust="holm", effsize="hedges")
            try:
                wa = pg.welch_anova(s, dv="score", between="npsn")
                welch = {"F": float(wa["F"].iloc[0]), "p_welch": float(wa["p_unc"].iloc[0]), "np2": float(wa["np2"].iloc[0])}
            except ValueError:  # a school whose scores are all equal: Welch's weights are undefined
                welch = {"F": math.nan, "p_welch": math.nan, "np2": math.nan}
        h = float(kw["H"].iloc[0])
        row |= {"H": h, "p_kruskal": float(kw["p_unc"].iloc[0]), "eta2_h": max(0.0, (h - k + 1) / (n - k)) if n > k else math.nan, **welch}
        omni.append(row)
        for r in pw.itertuples():  # one pair: no p_corr column, and Holm leaves a single p unchanged
            pairs.append(
                {
                    "domain": d,
                    "A": str(r.A),
                    "B": str(r.B),
                    "U": float(r.U_val),
                    "p_unc": float(r.p_unc),
                    "p_holm": float(getattr(r, "p_corr", r.p_unc)),
                    "hedges": float(r.hedges),
                }
            )
    return pd.DataFrame(omni, columns=TEST_COLUMNS), pd.DataFrame(pairs, columns=PAIR_COLUMNS)


def box_by_school(scores: pd.DataFrame, npsns: Sequence[str]) -> pd.DataFrame:
    """Quartiles per school × domain for side-by-side boxes (:func:`analysis.metrics.distributions.box_stats`).

    Returns
    -------
    DataFrame
        One row per school × domain: ``npsn``, ``domain``, ``n``, ``mean``, quartiles and fences.
    """

    frames = []
    for n in npsns:
        st = box_stats(scores[scores["npsn"] == n], "domain", "score", order=list(schema.DOMAINS))
        frames.append(st.assign(npsn=n))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["npsn", "domain", "n"])


def school_table_for(table: pd.DataFrame, suppress: bool, min_cell: int | None = None) -> pd.DataFrame:
    """The per-school table as a role may see it: for researchers, small schools' figures are ``"<10"``.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.views.district.school_table` output (one row per school, ``teachers`` = pendidik).
    suppress : bool
        ``True`` for the researcher (peneliti) role.
    min_cell : int, optional
        Threshold (default :func:`analysis.metrics.privacy.cell_threshold`: ``$DASBOR_MIN_CELL`` or 10).

    Returns
    -------
    DataFrame
        Same rows and columns. When ``suppress``, every figure of a school
        with fewer than ``min_cell`` pendidik (its count included) holds the
        marker ``"<10"`` and its band columns ``"none"`` (no colour gives it away).
    """

    if not suppress or table.empty:
        return table
    figures = [f for f in district.FIGURES if f in table.columns and f != "teachers"]
    out = privacy.suppress_small_groups(table, "teachers", figures, min_cell)
    small = out["teachers"].astype(str) == privacy.suppressed_marker(min_cell)
    for c in [c for c in out.columns if c.startswith("band_")]:
        out[c] = out[c].where(~small, "none")
    return out


def small_schools(table: pd.DataFrame, suppress: bool, min_cell: int | None = None) -> set[str]:
    """NPSN of the schools whose figures a researcher may not see (:func:`school_table_for`); empty unless ``suppress``."""

    if not suppress or table.empty:
        return set()
    n = pd.to_numeric(table["teachers"], errors="coerce")
    return set(table.loc[n.isna() | (n < privacy.cell_threshold(min_cell)), "npsn"].astype(str))


def without_schools(df: pd.DataFrame, npsns: set[str], col: str = "npsn") -> pd.DataFrame:
    """``df`` without the rows of the schools ``npsns`` (a chart over suppressed schools)."""
    return df[~df[col].astype(str).isin(npsns)] if npsns else df
