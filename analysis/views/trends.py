"""Figures of each school over its reference years, for the trend views of Ringkasan and Profil Sekolah.

Input is what :func:`analysis.store.years_for` returns: per (NPSN, year) the
school's data of that year. Every figure is the one the pages show for a single
year (:func:`analysis.views.school.headline`, :func:`analysis.views.school.competency_tables`),
so a trend line never disagrees with the page of that year.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.core.dataset import Dataset
from analysis.metrics.pkg import CATEGORIES as _PKG_CATEGORIES
from analysis.views import school

#: PKG categories, best first, as :data:`analysis.metrics.pkg.CATEGORIES` bands them.
CATEGORIES = tuple(k for k, _ in _PKG_CATEGORIES)
#: Share columns of :func:`school_trends` (0–1), each weighted by ``teachers`` in :func:`district_trends`.
SHARES = ("out_of_field_share", "trained_share", "ict_below_target_share")
COLUMNS = ("npsn", "year", "teachers", *SHARES, "assessed", *(f"pkg_{c}" for c in CATEGORIES))


def school_trends(years: Mapping[tuple[str, int], Dataset], ict_target: int = 3) -> pd.DataFrame:
    """One row per school × reference year: the year's headline figures and PKG distribution.

    Parameters
    ----------
    years : mapping of (str, int) to Dataset
        ``(npsn, year)`` → that school's data of that year (:func:`analysis.store.years_for`).
    ict_target : int
        ICT level (1–4) a teacher should reach; below it counts in ``ict_below_target_share``.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`, sorted by NPSN then year: ``teachers`` (count),
        ``out_of_field_share`` (headcount share of teachers teaching a subject
        outside their qualification, 0–1), ``trained_share`` (share trained in
        the 12 months before the reference date), ``ict_below_target_share``
        (share of teacher × skill levels below ``ict_target``), ``assessed``
        (teachers with a PKG/predikat in that year's data) and ``pkg_<category>``
        (their count per category). A share is ``NaN`` when the year has no
        teacher to divide by. Empty (with the columns) for no input.
    """

    rows = []
    for (npsn, year), ds in sorted(years.items()):
        sel = school.select(ds, npsn)
        head = school.headline(sel, ict_target=ict_target)
        cats = school.competency_tables(sel)["categories"]
        counts = dict(zip(cats["kategori"], cats["n"])) if len(cats) else {}
        rows.append(
            {
                "npsn": str(npsn),
                "year": int(year),
                "teachers": int(head.get("teachers") or 0),
                "out_of_field_share": head.get("out_of_field_share_headcount"),
                "trained_share": head.get("trained_last_12_months_share"),
                "ict_below_target_share": head.get("ict_below_target_share"),
                "assessed": int(sum(counts.get(c, 0) for c in CATEGORIES)),
                **{f"pkg_{c}": int(counts.get(c, 0)) for c in CATEGORIES},
            }
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in SHARES:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    return out


def district_trends(per_school: pd.DataFrame) -> pd.DataFrame:
    """One row per year over all schools of :func:`school_trends`: counts summed, shares weighted by teachers.

    Parameters
    ----------
    per_school : DataFrame
        :func:`school_trends`.

    Returns
    -------
    DataFrame
        ``year``, ``schools`` (with data that year), ``teachers`` and the other
        columns of :func:`school_trends` but ``npsn``; a share is the
        teacher-weighted mean of the schools' shares (the schools without a
        value that year left out), ``NaN`` when none has one.
    """
    cols = ["year", "schools", "teachers", *SHARES, "assessed", *(f"pkg_{c}" for c in CATEGORIES)]
    if per_school.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for year, g in per_school.groupby("year", sort=True):
        row = {"year": int(year), "schools": int(g["npsn"].nunique()), "teachers": int(g["teachers"].sum())}
        for c in SHARES:
            have = g[g[c].notna() & (g["teachers"] > 0)]
            row[c] = float((have[c] * have["teachers"]).sum() / have["teachers"].sum()) if len(have) else float("nan")
        for c in ("assessed", *(f"pkg_{k}" for k in CATEGORIES)):
            row[c] = int(g[c].sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def long_shares(trend: pd.DataFrame) -> pd.DataFrame:
    """The share columns of a trend table in long form for a line chart: one row per (npsn,) year × figure.

    Returns
    -------
    DataFrame
        The trend's id columns (``npsn`` when present, ``year``), ``figure``
        (a name of :data:`SHARES`) and ``value`` (0–1, rows without a value dropped).
    """
    ids = [c for c in ("npsn", "year") if c in trend.columns]
    if trend.empty:
        return pd.DataFrame(columns=[*ids, "figure", "value"])
    out = trend.melt(id_vars=ids, value_vars=list(SHARES), var_name="figure", value_name="value")
    return out.dropna(subset=["value"]).reset_index(drop=True)
