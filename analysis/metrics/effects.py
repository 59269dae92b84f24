"""Training effects: competency before and after a training, with real statistics.

Design (issue 3 §4):

- **Pairing.** For each teacher × training, the latest assessment strictly
  before the training's start and within ``window_months`` of it (pre), and the
  earliest strictly after its end and within ``window_months`` of it (post), on
  the same instrument (Sumber: PKG, Supervisi, UKG or Mandiri). A teacher's
  pre/post pair is counted once even when several trainings fall between the
  same two assessments (in the per-type breakdown, once in their combination).
- **Tests** per domain: mean change with its 95 % confidence interval and the
  paired t-test (:func:`scipy.stats.ttest_rel`), the Wilcoxon signed-rank test
  (:func:`scipy.stats.wilcoxon`, Wilcoxon 1945; method chosen explicitly, see
  :func:`wilcoxon_test`), Cohen's d_z (mean change / SD of the changes) and
  Hedges' g (:func:`pingouin.compute_effsize`, paired; Hedges & Olkin 1985).
  The t-test p of the four domains of a group is Holm-adjusted
  (:func:`statsmodels.stats.multitest.multipletests`, Holm 1979). The unit of
  these tests is the **teacher**: a teacher assessed three times around two
  trainings gives two pairs that share the middle assessment, which are not
  independent, so each teacher's pairs in a group are averaged first (pre,
  post and change) and the tests run on one value per teacher. ``n`` counts
  pairs, ``n_teachers`` the independent units.
- **Ceiling.** The share of pre and of post scores at :data:`CEILING` (100 on
  the 0–100 scale); a group whose post scores are mostly (> 50 %) there is
  flagged: the scale cannot show how far those teachers rose, and the SD of
  the changes shrinks, so its effect size is not read as a size of effect.
- **Comparison group.** Consecutive same-instrument assessments of teachers who
  had no training between them, over the same period (pre dated within the
  treated pairs' pre-date range); difference-in-differences by OLS
  ``score ~ treated * after`` and, as a sensitivity line for baseline
  imbalance, ANCOVA ``post ~ pre + treated``; both with cluster-robust
  standard errors (by teacher, or by school) and t on G − 1 degrees of
  freedom (:mod:`statsmodels`; Cameron & Miller 2015).
- **Baseline tertiles.** The mean change per third of the pre score.
- **Breakdowns.** A pair around trainings of several types is one pair of the
  combination ("Diklat + MGMP"), never counted as the effect of each type; JP
  bands in the order <30, 30–79, 80+, unknown.
- Groups under :data:`MIN_PAIRS` pairs, or under :data:`MIN_PAIRS` teachers,
  keep n and the mean change, untested.
- A pair whose trainings carry no JP falls in the JP band "unknown", and one
  whose training has no Jenis in the type group "unknown": never silently in
  "<30" nor left out.

A before/after change is not by itself an effect of the training: without a
comparison group, other things that happened over the same months are mixed
in. The sentences of :func:`sentence` say what was observed, not more.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import formatting, schema
from analysis.i18n import t
from analysis.metrics import pkg
from analysis.metrics.participation import participant_rows

#: Smallest number of pairs, and of teachers, tested; fewer are reported as "too few to test".
MIN_PAIRS = 10
#: Group label of pairs whose training has no Jenis, or no JP (by-JP breakdown).
UNKNOWN = "unknown"
#: Default pairing window on each side of a training, months.
DEFAULT_WINDOW = 12

#: Top of the 0–100 domain scale: a score here cannot show a further rise.
CEILING = 100.0
#: A group whose post scores are at the ceiling in more than this share is flagged.
CEILING_SHARE = 0.5
#: Differences are rounded to this many decimals before ranking: averaged
#: scores carry float noise (8.333… − 8.333… ≠ 0) that would split true ties.
ROUND_DECIMALS = 9
#: Largest n for the exact signed-rank distribution (scipy's own threshold).
EXACT_MAX_N = 50
#: Wilcoxon methods reported in ``wilcoxon_method``: exact null distribution (no
#: ties, no zero differences, n ≤ :data:`EXACT_MAX_N`), or the normal
#: approximation with the tie-corrected variance and without continuity correction.
WILCOXON_EXACT, WILCOXON_NORMAL = "exact", "normal"
#: Cluster units of the comparison models.
CLUSTERS = ("teacher", "school")
#: Fewest clusters a cluster-robust model is fitted on (t has G − 1 df).
MIN_CLUSTERS = 2
#: Order of the JP bands.
JP_BANDS = ("<30", "30-79", "80+", UNKNOWN)
#: Joins the types of a pair around trainings of several types.
COMBINED = " + "
#: Baseline thirds of :func:`tertile_table`.
TERTILES = ("low", "middle", "high")

PAIR_COLUMNS = ["guru_id", "sumber", "pre_date", "post_date", "jenis", "jp", "fokus", "domain", "pre", "post", "change"]
EFFECT_COLUMNS = [
    "group", "domain", "n", "n_teachers", "mean_change", "ci_low", "ci_high", "p_ttest", "p_holm", "p_wilcoxon", "wilcoxon_method",
    "d_z", "hedges_g", "pre_ceiling_share", "post_ceiling_share", "ceiling", "too_few",
]  # fmt: skip
DID_COLUMNS = ["domain", "n_treated", "n_control", "treated_change", "control_change", "did", "ci_low", "ci_high", "p_value", "n_clusters", "df", "too_few"]
ANCOVA_COLUMNS = ["domain", "n_treated", "n_control", "estimate", "ci_low", "ci_high", "p_value", "n_clusters", "df", "too_few"]
TERTILE_COLUMNS = ["domain", "tertile", "pre_low", "pre_high", "n_teachers", "mean_change"]


def _training_ends(pelatihan: pd.DataFrame) -> pd.DataFrame:

    pelatihan = participant_rows(pelatihan)
    start = pd.to_datetime(pelatihan["tanggal_mulai"], errors="coerce")
    end = pd.to_datetime(pelatihan["tanggal_selesai"], errors="coerce").fillna(start)
    start = start.fillna(end)
    out = pd.DataFrame(
        {
            "guru_id": pelatihan["guru_id"].to_numpy(dtype=object),
            "start": start.to_numpy(),
            "end": end.to_numpy(),
            "jenis": pelatihan["jenis"].fillna(UNKNOWN).to_numpy(dtype=object),
            "jp": pd.to_numeric(pelatihan["jp"], errors="coerce").to_numpy(dtype=float),
            "fokus": pelatihan["fokus"].to_numpy(dtype=object),
        }
    )
    return out.dropna(subset=["guru_id", "start"]).reset_index(drop=True)


def pairs(scores: pd.DataFrame, pelatihan: pd.DataFrame, window_months: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """Pre/post assessment pairs around each training.

    Parameters
    ----------
    scores : DataFrame
        One row per assessment (:func:`analysis.metrics.pkg.assessment_scores`).
    pelatihan : DataFrame
        One row per teacher × training (``guru_id``, ``jenis``, ``tanggal_mulai``,
        ``tanggal_selesai``, ``jp``, ``fokus``).
    window_months : int
        How far before the start and after the end an assessment may lie (months, ≥ 1).

    Returns
    -------
    DataFrame
        One row per teacher × training × domain with a score on both sides:
        ``guru_id``, ``sumber``, ``pre_date``, ``post_date``, ``jenis``, ``jp``
        (JP hours), ``fokus``, ``domain``, ``pre``, ``post``, ``change`` (0–100 points).
        Not yet de-duplicated: see :func:`unique_pairs`.

    Raises
    ------
    ValueError
        If ``window_months`` < 1.
    """
    if window_months < 1:
        raise ValueError("window_months must be at least 1")
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS})
    tr = _training_ends(pelatihan)
    sc = scores.dropna(subset=["guru_id", "tanggal_penilaian"])
    if tr.empty or sc.empty:
        return empty
    # Vectorised (merge_asof per teacher × instrument): a loop over trainings took seconds
    # on a school and minutes on a district. For each training and each instrument the
    # teacher was assessed with: the last assessment strictly before the start and the
    # first strictly after the end, each within the window; ties on a date are taken as
    # a stable sort by date orders them (the last before, the first after).
    sc = sc.dropna(subset=["sumber"])
    if sc.empty:
        return empty
    win = pd.DateOffset(months=window_months)
    sc = sc.assign(_t=pd.to_datetime(sc["tanggal_penilaian"]).astype("datetime64[ns]")).sort_values("_t", kind="stable")
    inst = sc[["guru_id", "sumber"]].drop_duplicates().reset_index(drop=True)
    inst["_s"] = np.arange(len(inst))  # instruments in the order each teacher first met them
    left = tr.reset_index(names="_i").merge(inst, on="guru_id", how="inner")
    if left.empty:
        return empty
    left["_start"] = pd.to_datetime(left["start"]).astype("datetime64[ns]")
    left["_end"] = pd.to_datetime(left["end"]).astype("datetime64[ns]")
    right = sc[["guru_id", "sumber", "_t", *schema.DOMAINS]]
    side = lambda tag: right.rename(columns={"_t": f"{tag}_date", **{d: f"{tag}_{d}" for d in schema.DOMAINS}})  # noqa: E731
    m = pd.merge_asof(
        left.sort_values("_start", kind="stable"),
        side("pre"),
        left_on="_start",
        right_on="pre_date",
        by=["guru_id", "sumber"],
        direction="backward",
        allow_exact_matches=False,
    )
    m = pd.merge_asof(
        m.sort_values("_end", kind="stable"),
        side("post"),
        left_on="_end",
        right_on="post_date",
        by=["guru_id", "sumber"],
        direction="forward",
        allow_exact_matches=False,
    )
    m = m[m["pre_date"].notna() & m["post_date"].notna()]
    m = m[(m["pre_date"] >= m["_start"] - win) & (m["post_date"] <= m["_end"] + win)]
    if m.empty:
        return empty
    parts = []
    for k, d in enumerate(schema.DOMAINS):
        pre, post = pd.to_numeric(m[f"pre_{d}"], errors="coerce"), pd.to_numeric(m[f"post_{d}"], errors="coerce")
        ok = (pre.notna() & post.notna()).to_numpy()
        if ok.any():
            parts.append(
                pd.DataFrame(
                    {
                        "_i": m["_i"].to_numpy()[ok],
                        "_s": m["_s"].to_numpy()[ok],
                        "_d": k,
                        "guru_id": m["guru_id"].to_numpy()[ok],
                        "sumber": m["sumber"].to_numpy()[ok],
                        "pre_date": m["pre_date"].to_numpy()[ok],
                        "post_date": m["post_date"].to_numpy()[ok],
                        "jenis": m["jenis"].to_numpy()[ok],
                        "jp": m["jp"].to_numpy(dtype=float)[ok],
                        "fokus": m["fokus"].to_numpy()[ok],
                        "domain": d,
                        "pre": pre.to_numpy(dtype=float)[ok],
                        "post": post.to_numpy(dtype=float)[ok],
                    }
                )
            )
    if not parts:
        return empty
    out = pd.concat(parts, ignore_index=True).sort_values(["_i", "_s", "_d"], kind="stable")
    out["change"] = out["post"] - out["pre"]
    return out[PAIR_COLUMNS].reset_index(drop=True)


def _combination(types: pd.Series) -> str | None:
    """The types of the trainings folded into one pair, once each, sorted, "unknown" last: "Diklat + MGMP" (``None`` for a comparison pair)."""
    named = sorted({str(x) for x in types if isinstance(x, str)}, key=lambda x: (x == UNKNOWN, x))
    return COMBINED.join(named) if named else None


def unique_pairs(paired: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Count each teacher's pre/post pair once (once per ``by`` value when grouping).

    Parameters
    ----------
    paired : DataFrame
        Output of :func:`pairs`.
    by : str, optional
        A breakdown column (``"jp_band"``…): a pair is kept once per value.

    Returns
    -------
    DataFrame
        Same columns; one row per teacher × instrument × pre date × post date × domain (× ``by``).
        ``jp`` becomes the total JP of the trainings folded into the pair (NaN
        when any of them has no JP: the total is then unknown), and ``jenis``
        the combination of their types (``"IHT + MGMP"``, or ``"MGMP"`` for
        several MGMP meetings): a pair is one observation of everything it
        followed, never one of each type.
    """
    keys = ["guru_id", "sumber", "pre_date", "post_date", "domain"] + ([by] if by else [])
    if paired.empty:
        return paired
    agg: dict[str, object] = {c: "first" for c in paired.columns if c not in keys}
    agg["jp"] = lambda x: x.sum(min_count=len(x))
    if "jenis" not in keys:
        agg["jenis"] = _combination
    return paired.groupby(keys, sort=True, dropna=False).agg(agg).reset_index()[paired.columns]


def wilcoxon_test(change: np.ndarray) -> tuple[float, str | None]:
    """Wilcoxon signed-rank test of paired changes, with the method chosen and named.

    Parameters
    ----------
    change : array of float
        One change per unit (teacher), points.

    Returns
    -------
    (float, str or None)
        Two-sided p and the method: :data:`WILCOXON_EXACT` (exact null
        distribution) when there is no tie, no zero and at most
        :data:`EXACT_MAX_N` values; else :data:`WILCOXON_NORMAL`, the normal
        approximation with the tie-corrected variance and no continuity
        correction (``scipy.stats.wilcoxon(method="asymptotic")``). Zero
        changes are dropped (Wilcoxon 1945's convention, ``zero_method="wilcox"``).
        ``(nan, None)`` when every change is zero.

    Notes
    -----
    Changes are first rounded to :data:`ROUND_DECIMALS` decimals: a teacher's
    averaged scores carry float noise that would otherwise split ties (and turn
    zeros into tiny signed changes). The method is chosen here rather than by
    scipy's ``"auto"``, which with ties and n ≤ 13 runs an exhaustive permutation.
    """
    from scipy import stats

    d = np.round(np.asarray(change, dtype=float), ROUND_DECIMALS)
    nonzero = d[d != 0]
    if len(nonzero) == 0:
        return math.nan, None
    exact = len(nonzero) == len(d) and len(np.unique(np.abs(nonzero))) == len(nonzero) and len(d) <= EXACT_MAX_N
    res = stats.wilcoxon(d, zero_method="wilcox", correction=False, method="exact" if exact else "asymptotic")
    return float(res.pvalue), (WILCOXON_EXACT if exact else WILCOXON_NORMAL)


def _tests(change: np.ndarray, pre: np.ndarray, post: np.ndarray) -> dict[str, object]:
    import pingouin as pg
    from scipy import stats

    d = np.round(change, ROUND_DECIMALS)
    n = len(d)
    out: dict[str, object] = {"mean_change": _mean(d)}
    sd = d.std(ddof=1)
    if sd == 0:
        # every change equal: the t statistic is undefined; the interval is the point
        out.update(ci_low=out["mean_change"], ci_high=out["mean_change"], p_ttest=math.nan)
    else:
        res = stats.ttest_1samp(d, 0.0)
        ci = res.confidence_interval(0.95)
        out.update(ci_low=float(ci.low), ci_high=float(ci.high), p_ttest=float(res.pvalue))
    out["p_wilcoxon"], out["wilcoxon_method"] = wilcoxon_test(d)
    out["d_z"] = float(d.mean() / sd) if sd > 0 else math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out["hedges_g"] = float(pg.compute_effsize(post, pre, paired=True, eftype="hedges")) if n > 1 and sd > 0 else math.nan
    return out


def holm(p: pd.Series) -> pd.Series:
    """Holm-adjusted p-values (Holm 1979) of one family; untested (NaN) entries stay NaN and are not counted.

    Parameters
    ----------
    p : Series of float
        Raw p-values, e.g. the four domains of one group.

    Returns
    -------
    Series
        Same index, adjusted p (:func:`statsmodels.stats.multitest.multipletests`, ``method="holm"``).
    """
    from statsmodels.stats.multitest import multipletests

    out = pd.Series(math.nan, index=p.index, dtype=float)
    ok = p.notna()
    if ok.any():
        out[ok] = multipletests(p[ok].to_numpy(dtype=float), method="holm")[1]
    return out


def _mean(x: np.ndarray) -> float:
    """Mean rounded as the differences are (no "-0.0" from float noise)."""
    return float(np.round(np.mean(x), ROUND_DECIMALS)) + 0.0


def _at_ceiling(x: pd.Series) -> float:
    return float((x >= CEILING - 10.0**-ROUND_DECIMALS).mean())


def _group_order(group: object, by: str | None) -> tuple:
    if by == "jp_band":
        return (JP_BANDS.index(group) if group in JP_BANDS else len(JP_BANDS), str(group))
    g = str(group)
    return (UNKNOWN in g.split(COMBINED), COMBINED in g, g)


def effect_table(paired: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Per domain (and group): n, mean change with 95 % CI, p-values, effect sizes, ceiling shares.

    Parameters
    ----------
    paired : DataFrame
        Output of :func:`pairs` (de-duplicated here).
    by : str, optional
        Breakdown column: ``"jenis"`` (the combination of types a pair
        followed, :func:`unique_pairs`), ``"jp_band"``; ``None`` for all trainings together.

    Returns
    -------
    DataFrame
        One row per group × domain with pairs, groups in order (types
        alphabetically, then combinations, then unknown; JP bands <30, 30-79,
        80+, unknown): ``group`` (``"all"`` without ``by``), ``domain``, ``n``
        (pairs), ``n_teachers`` (teachers, the unit of the tests),
        ``mean_change`` (points, 0–100 scale: the mean over teachers of each
        teacher's mean change), ``ci_low``, ``ci_high`` (95 % CI of the mean
        change, t-based), ``p_ttest`` (paired t-test), ``p_holm`` (that p
        Holm-adjusted over the tested domains of the group), ``p_wilcoxon`` and
        ``wilcoxon_method`` (:func:`wilcoxon_test`), ``d_z``, ``hedges_g``,
        ``pre_ceiling_share``, ``post_ceiling_share`` (0–1 of the pairs' pre and
        post scores at :data:`CEILING`), ``ceiling`` (post share above
        :data:`CEILING_SHARE`: the effect size is not read as one), ``too_few``
        (fewer than :data:`MIN_PAIRS` pairs or teachers: statistics NaN).
    """
    u = unique_pairs(paired, by if by != "jenis" else None)
    if u.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in EFFECT_COLUMNS})
    groups = u.groupby([by, "domain"], sort=False) if by else u.groupby(["domain"], sort=False)
    rows = []
    for key, g in groups:
        group, domain = key if by else ("all", key[0])
        per_teacher = g.groupby("guru_id", sort=False)[["pre", "post", "change"]].mean()
        n, n_teachers = len(g), len(per_teacher)
        too_few = n < MIN_PAIRS or n_teachers < MIN_PAIRS
        post_share = _at_ceiling(g["post"])
        row = {
            "group": group,
            "domain": domain,
            "n": n,
            "n_teachers": n_teachers,
            "too_few": too_few,
            "pre_ceiling_share": _at_ceiling(g["pre"]),
            "post_ceiling_share": post_share,
            "ceiling": post_share > CEILING_SHARE,
        }
        change = per_teacher["change"].to_numpy(dtype=float)
        if too_few:
            row.update(
                mean_change=_mean(change),
                ci_low=math.nan,
                ci_high=math.nan,
                p_ttest=math.nan,
                p_wilcoxon=math.nan,
                wilcoxon_method=None,
                d_z=math.nan,
                hedges_g=math.nan,
            )
        else:
            row.update(_tests(change, per_teacher["pre"].to_numpy(dtype=float), per_teacher["post"].to_numpy(dtype=float)))
        rows.append(row)
    out = pd.DataFrame(rows).reindex(columns=EFFECT_COLUMNS)
    out["p_holm"] = pd.concat([holm(g["p_ttest"]) for _, g in out.groupby("group", sort=False)]) if len(out) else math.nan
    out["_g"] = [_group_order(x, by) for x in out["group"]]
    out["_d"] = out["domain"].map({d: i for i, d in enumerate(schema.DOMAINS)})
    return out.sort_values(["_g", "_d"]).drop(columns=["_g", "_d"]).reset_index(drop=True)


def control_pairs(scores: pd.DataFrame, pelatihan: pd.DataFrame, treated: pd.DataFrame, window_months: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """Comparison pairs: consecutive assessments with no training between them, over the treated period.

    Parameters
    ----------
    scores : DataFrame
        :func:`analysis.metrics.pkg.assessment_scores` output.
    pelatihan : DataFrame
        Training rows.
    treated : DataFrame
        :func:`unique_pairs` of the treated pairs (sets the period and the instruments).
    window_months : int
        Longest gap between the two assessments is twice this.

    Returns
    -------
    DataFrame
        One row per teacher × consecutive pair × domain: columns as :func:`pairs`
        (``jenis`` and ``fokus`` empty, ``jp`` 0).
    """
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS})
    if treated.empty or scores.empty:
        return empty
    lo, hi = treated["pre_date"].min(), treated["pre_date"].max()
    instruments = set(treated["sumber"])
    tr = _training_ends(pelatihan)
    spans = {g: d[["start", "end"]].to_numpy() for g, d in tr.groupby("guru_id")}
    max_gap = pd.DateOffset(months=2 * window_months)
    rows = []
    sc = scores[scores["sumber"].isin(instruments)].dropna(subset=["guru_id", "tanggal_penilaian"]).sort_values("tanggal_penilaian", kind="stable")
    for (gid, sumber), a in sc.groupby(["guru_id", "sumber"], sort=False):
        a = a.reset_index(drop=True)
        for i in range(len(a) - 1):
            pre, post = a.iloc[i], a.iloc[i + 1]
            p0, p1 = pre["tanggal_penilaian"], post["tanggal_penilaian"]
            if not (lo <= p0 <= hi) or p1 > p0 + max_gap or p1 <= p0:
                continue
            s = spans.get(gid)
            if s is not None and any((st_ < p1) and (en > p0) for st_, en in s):
                continue  # a training overlaps the interval
            for d in schema.DOMAINS:
                if pd.notna(pre[d]) and pd.notna(post[d]):
                    rows.append((gid, sumber, p0, p1, None, 0.0, None, d, float(pre[d]), float(post[d]), float(post[d]) - float(pre[d])))
    return pd.DataFrame(rows, columns=PAIR_COLUMNS) if rows else empty


def _clusters(part: pd.DataFrame, cluster: str, schools: dict | None) -> np.ndarray:
    ids = part["guru_id"].astype(str)
    if cluster == "school":
        # a teacher without a school is a cluster of one, never merged with others
        ids = pd.Series([str(schools.get(g)) if schools.get(g) is not None else f"?{g}" for g in part["guru_id"]], index=part.index)
    return ids.to_numpy()


def _cluster_fit(formula: str, data: pd.DataFrame, term: str) -> dict[str, float]:
    """OLS with cluster-robust (CR1) standard errors and t on G − 1 df (Cameron & Miller 2015)."""
    import statsmodels.formula.api as smf

    groups = pd.factorize(data["cluster"])[0]
    n_clusters = int(groups.max()) + 1
    if n_clusters < MIN_CLUSTERS:
        return {"n_clusters": n_clusters, "too_few": True}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = smf.ols(formula, data=data).fit(cov_type="cluster", cov_kwds={"groups": groups, "use_correction": True, "df_correction": True}, use_t=True)
    ci = fit.conf_int(0.05).loc[term]
    return {
        "estimate": float(fit.params[term]),
        "ci_low": float(ci[0]),
        "ci_high": float(ci[1]),
        "p_value": float(fit.pvalues[term]),
        "n_clusters": n_clusters,
        "df": int(fit.df_resid_inference),
        "too_few": False,
    }


def _comparison_rows(treated: pd.DataFrame, control: pd.DataFrame, columns: list[str], fit) -> pd.DataFrame:
    """One row per domain with treated pairs: counts, and ``fit(tr, co)`` when both sides have :data:`MIN_PAIRS`."""
    rows = []
    for d in schema.DOMAINS:
        tr = treated[treated["domain"] == d] if not treated.empty else treated
        co = control[control["domain"] == d] if not control.empty else control
        nt, nc = len(tr), len(co)
        if nt == 0:
            continue
        row = {
            "domain": d,
            "n_treated": nt,
            "n_control": nc,
            "treated_change": float(tr["change"].mean()),
            "control_change": float(co["change"].mean()) if nc else math.nan,
            "too_few": True,
        }
        if nt >= MIN_PAIRS and nc >= MIN_PAIRS:
            row.update(fit(tr, co))
        rows.append(row)
    return pd.DataFrame(rows).reindex(columns=columns)


def did_table(treated: pd.DataFrame, control: pd.DataFrame, cluster: str = "teacher", schools: dict | None = None) -> pd.DataFrame:
    """Difference-in-differences per domain, cluster-robust standard errors, t on G − 1 df.

    Parameters
    ----------
    treated, control : DataFrame
        :func:`unique_pairs` of the trained teachers' pairs and :func:`control_pairs`.
    cluster : {"teacher", "school"}
        Cluster unit of the standard errors.
    schools : dict, optional
        ``guru_id`` → NPSN; required for ``cluster="school"``.

    Returns
    -------
    DataFrame
        One row per domain: ``domain``, ``n_treated``, ``n_control`` (pairs),
        ``treated_change``, ``control_change`` (mean points), ``did`` (the
        ``treated × after`` coefficient of ``score ~ treated * after``, points),
        ``ci_low``, ``ci_high`` (95 %, t on ``df`` = G − 1), ``p_value``,
        ``n_clusters`` (G), ``df``, ``too_few`` (either side under
        :data:`MIN_PAIRS`, or under :data:`MIN_CLUSTERS` clusters: no model fitted).

    Raises
    ------
    ValueError
        For an unknown ``cluster``, or ``"school"`` without ``schools``.

    Notes
    -----
    Cluster-robust errors with the CR1 small-sample factor and t(G − 1)
    reference distribution, as Cameron & Miller (2015, "A practitioner's guide
    to cluster-robust inference") advise for few clusters (statsmodels
    ``use_t=True``, ``df_correction=True``).
    """
    _check_cluster(cluster, schools)

    def fit(tr: pd.DataFrame, co: pd.DataFrame) -> dict[str, float]:
        frames = []
        for flag, part in ((1, tr), (0, co)):
            cl = _clusters(part, cluster, schools)
            frames.append(pd.DataFrame({"score": part["pre"].to_numpy(float), "treated": flag, "after": 0, "cluster": cl}))
            frames.append(pd.DataFrame({"score": part["post"].to_numpy(float), "treated": flag, "after": 1, "cluster": cl}))
        res = _cluster_fit("score ~ treated * after", pd.concat(frames, ignore_index=True), "treated:after")
        return {("did" if k == "estimate" else k): v for k, v in res.items()}

    return _comparison_rows(treated, control, DID_COLUMNS, fit)


def ancova_table(treated: pd.DataFrame, control: pd.DataFrame, cluster: str = "teacher", schools: dict | None = None) -> pd.DataFrame:
    """ANCOVA per domain, the sensitivity line beside the DiD for baseline imbalance.

    Parameters
    ----------
    treated, control, cluster, schools
        As :func:`did_table`.

    Returns
    -------
    DataFrame
        One row per domain: ``domain``, ``n_treated``, ``n_control`` (pairs),
        ``estimate`` (the ``treated`` coefficient of ``post ~ pre + treated``,
        one row per pair, points: the post-score gap at equal pre score),
        ``ci_low``, ``ci_high``, ``p_value``, ``n_clusters``, ``df``, ``too_few``,
        with the same clustering and t(G − 1) as :func:`did_table`.

    Notes
    -----
    The DiD assumes the two groups would have changed alike; when the trained
    start lower or higher, regression to the mean moves them apart anyway.
    ANCOVA adjusts for the pre score instead; two estimates that agree are the
    more convincing, two that differ say the baseline matters.
    """
    _check_cluster(cluster, schools)

    def fit(tr: pd.DataFrame, co: pd.DataFrame) -> dict[str, float]:
        data = pd.concat(
            [
                pd.DataFrame(
                    {"pre": part["pre"].to_numpy(float), "post": part["post"].to_numpy(float), "treated": flag, "cluster": _clusters(part, cluster, schools)}
                )
                for flag, part in ((1, tr), (0, co))
            ],
            ignore_index=True,
        )
        return _cluster_fit("post ~ pre + treated", data, "treated")

    return _comparison_rows(treated, control, ANCOVA_COLUMNS, fit)


def _check_cluster(cluster: str, schools: dict | None) -> None:
    if cluster not in CLUSTERS:
        raise ValueError(f"cluster must be one of {CLUSTERS}, not {cluster!r}")
    if cluster == "school" and schools is None:
        raise ValueError("cluster='school' needs the guru_id → NPSN mapping (schools=)")


def tertile_table(treated: pd.DataFrame) -> pd.DataFrame:
    """Mean change per third of the baseline (pre) score, per domain.

    Parameters
    ----------
    treated : DataFrame
        :func:`unique_pairs` of the trained teachers' pairs.

    Returns
    -------
    DataFrame
        One row per domain × non-empty tertile: ``domain``, ``tertile``
        (``"low"``, ``"middle"``, ``"high"``), ``pre_low``, ``pre_high`` (the
        lowest and highest pre score in it), ``n_teachers``, ``mean_change``
        (points). The unit is the teacher (pairs averaged first, as in
        :func:`effect_table`); cut points are the 1/3 and 2/3 quantiles of the
        teachers' pre scores (linear interpolation), a teacher on a cut point
        falls in the lower third. Domains with fewer than three teachers are left out.

    Notes
    -----
    Low starters gaining most and high starters least is what regression to
    the mean and a ceiling produce on their own; read beside the ANCOVA line.
    """
    rows = []
    if treated.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in TERTILE_COLUMNS})
    for d in schema.DOMAINS:
        pt = treated[treated["domain"] == d].groupby("guru_id")[["pre", "change"]].mean()
        if len(pt) < 3:
            continue
        q1, q2 = np.quantile(pt["pre"].to_numpy(float), [1 / 3, 2 / 3])
        third = np.where(pt["pre"] <= q1, 0, np.where(pt["pre"] <= q2, 1, 2))
        for i, name in enumerate(TERTILES):
            part = pt[third == i]
            if len(part):
                rows.append(
                    {
                        "domain": d,
                        "tertile": name,
                        "pre_low": float(part["pre"].min()),
                        "pre_high": float(part["pre"].max()),
                        "n_teachers": len(part),
                        "mean_change": float(part["change"].mean()),
                    }
                )
    return pd.DataFrame(rows, columns=TERTILE_COLUMNS)


def jp_band(jp: float) -> str:
    """JP band of the trainings folded into a pair: "<30", "30-79", "80+" (a course of 30–80 JP earns 1 PKB credit point: Pedoman Kegiatan PKB, Permenpan-RB 16/2009), :data:`UNKNOWN` without JP."""
    if jp is None or not np.isfinite(jp):
        return UNKNOWN
    if jp < 30:
        return "<30"
    return "30-79" if jp < 80 else "80+"


@dataclass(frozen=True, eq=False)
class Effects:
    """Every training-effect table of one selection (:func:`analyse`).

    Attributes
    ----------
    pairs : DataFrame
        :func:`pairs`, one row per teacher × training × domain.
    overall, by_type, by_jp : DataFrame
        :func:`effect_table` of all trainings, by the types' combination, by JP band.
    by_tertile : DataFrame
        :func:`tertile_table`.
    control : DataFrame
        :func:`control_pairs`.
    did, ancova : DataFrame
        :func:`did_table` and :func:`ancova_table`.
    cluster : str
        Cluster unit of the two models (``"teacher"`` or ``"school"``).

    Compared by identity (``eq=False``): tables do not have one truth value.
    """

    pairs: pd.DataFrame
    overall: pd.DataFrame
    by_type: pd.DataFrame
    by_jp: pd.DataFrame
    by_tertile: pd.DataFrame
    control: pd.DataFrame
    did: pd.DataFrame
    ancova: pd.DataFrame
    cluster: str = "teacher"


def analyse(
    penilaian: pd.DataFrame, pelatihan: pd.DataFrame, window_months: int = DEFAULT_WINDOW, cluster: str = "teacher", schools: dict | None = None
) -> Effects:
    """Every training-effect table at once.

    Parameters
    ----------
    penilaian, pelatihan : DataFrame
        The dataset's tables (already limited to the teachers of interest).
    window_months : int
        Pairing window on each side, months.
    cluster : {"teacher", "school"}
        Cluster unit of the DiD and ANCOVA standard errors (teacher by default;
        school for a district-wide analysis of several schools).
    schools : dict, optional
        ``guru_id`` → NPSN, needed for ``cluster="school"``.

    Returns
    -------
    Effects

    Raises
    ------
    ValueError
        As :func:`pairs` and :func:`did_table`.
    """
    _check_cluster(cluster, schools)
    scores = pkg.assessment_scores(penilaian)
    paired = pairs(scores, pelatihan, window_months)
    u = unique_pairs(paired)
    banded = u.assign(jp_band=[jp_band(x) for x in u["jp"]]) if not u.empty else u.assign(jp_band=pd.Series(dtype=object))
    control = control_pairs(scores, pelatihan, u, window_months)
    uc = unique_pairs(control)
    return Effects(
        pairs=paired,
        overall=effect_table(paired),
        by_type=effect_table(paired, "jenis"),
        by_jp=effect_table(banded, "jp_band") if not u.empty else effect_table(u),
        by_tertile=tertile_table(u),
        control=control,
        did=did_table(u, uc, cluster, schools),
        ancova=ancova_table(u, uc, cluster, schools),
        cluster=cluster,
    )


def _num(x: float, lang: str, digits: int = 1) -> str:
    """A number of a sentence in ``lang`` (:func:`analysis.core.formatting.number`)."""
    return formatting.number(x, lang, digits)


def sentence(row: pd.Series | dict, lang: str, training: str | None = None) -> str:
    """One plain sentence that reads an effect-table row, without a causal claim.

    Parameters
    ----------
    row : Series or dict
        A row of :func:`effect_table`.
    lang : {"id", "en"}
    training : str, optional
        Name of the training group ("KKG"); ``None`` for all trainings.

    Returns
    -------
    str
        e.g. "After KKG, pedagogik rose by 6.1 points (95% CI 3.2 to 9.0, n = 40 teachers, 48 pairs)."
        Groups under :data:`MIN_PAIRS` say they are too few to test; an interval
        that includes 0 says the change cannot be told apart from none; a
        ``ceiling`` row says the ceiling limits the measure.
    """
    domain = t(f"domain.{row['domain']}", lang)
    who = t("effects.after_training", lang, training=training) if training else t("effects.after_any", lang)
    n = int(row["n"])
    teachers = int(row.get("n_teachers", n))
    ceiling = " " + t("effects.ceiling_note", lang, share=formatting.share(row["post_ceiling_share"], lang, 0)) if row.get("ceiling") else ""
    if row["too_few"]:
        return t("effects.sentence.too_few", lang, who=who, domain=domain, n=n, teachers=teachers, change=_num(row["mean_change"], lang)) + ceiling
    change = float(row["mean_change"])
    verb = t("effects.rose" if change > 0 else ("effects.fell" if change < 0 else "effects.unchanged"), lang)
    text = t(
        "effects.sentence",
        lang,
        who=who,
        domain=domain,
        verb=verb,
        change=_num(abs(change), lang),
        lo=_num(row["ci_low"], lang),
        hi=_num(row["ci_high"], lang),
        n=n,
        teachers=teachers,
    )
    if row["ci_low"] <= 0 <= row["ci_high"]:
        text += " " + t("effects.includes_zero", lang)
    return text + ceiling


def did_sentence(row: pd.Series | dict, lang: str, cluster: str = "teacher") -> str:
    """One plain sentence that reads a :func:`did_table` row, without a causal claim.

    Parameters
    ----------
    row : Series or dict
        A row of :func:`did_table`.
    lang : {"id", "en"}
    cluster : {"teacher", "school"}
        The cluster unit the row was fitted with (:attr:`Effects.cluster`).

    Returns
    -------
    str
        e.g. "Compared with untrained teachers over the same period, trained
        teachers' pedagogik changed by 13.3 points more (95% CI 10.8 to 15.8,
        t on 46 df, 47 teacher clusters; 64 trained pairs, 34 comparison
        pairs)." plus the zero note when the interval includes zero; a row
        without a model says it had too few pairs or clusters.
    """
    nt, nc = int(row["n_treated"]), int(row["n_control"])
    if row["too_few"]:
        return t("effects.did.too_few", lang, domain=t(f"domain.{row['domain']}", lang), nt=nt, nc=nc)
    return _model_sentence("effects.did_sentence", row, float(row["did"]), ("effects.did.more", "effects.did.less"), lang, cluster, nt=nt, nc=nc)


def ancova_sentence(row: pd.Series | dict, lang: str, cluster: str = "teacher") -> str:
    """The sensitivity line of an :func:`ancova_table` row: the post-score gap at equal pre score.

    Returns
    -------
    str
        e.g. "Sensitivity (ANCOVA, post ~ pre + trained): at equal pre scores,
        trained teachers' pedagogik is 12.0 points higher (95% CI 9.1 to 14.9,
        t on 46 df, 47 teacher clusters)."; too few pairs or clusters says so.
    """
    if row["too_few"]:
        return t("effects.ancova.too_few", lang, domain=t(f"domain.{row['domain']}", lang))
    return _model_sentence("effects.ancova_sentence", row, float(row["estimate"]), ("effects.ancova.higher", "effects.ancova.lower"), lang, cluster)


def _model_sentence(key: str, row: pd.Series | dict, value: float, directions: tuple[str, str], lang: str, cluster: str, **extra: object) -> str:
    """A comparison model's sentence: size and direction, CI, t's df, G and the cluster unit, the zero note."""
    text = t(
        key,
        lang,
        domain=t(f"domain.{row['domain']}", lang),
        value=_num(abs(value), lang),
        direction=t(directions[0] if value >= 0 else directions[1], lang),
        lo=_num(row["ci_low"], lang),
        hi=_num(row["ci_high"], lang),
        df=int(row["df"]),
        g=int(row["n_clusters"]),
        cluster=t(f"effects.cluster.{cluster}", lang),
        **extra,
    )
    if row["ci_low"] <= 0 <= row["ci_high"]:
        text += " " + t("effects.includes_zero", lang)
    return text


def group_label(group: str, lang: str, by: str = "jenis") -> str:
    """Display label of a breakdown group: the Jenis (or combination "Diklat + MGMP") as written, a JP band as "30-79 JP", "unknown" in ``lang``."""
    if by == "jp_band":
        return t("effects.jp.unknown", lang) if group == UNKNOWN else t("dampak.jp_band", lang, band=group)
    return COMBINED.join(t("effects.group.unknown", lang) if x == UNKNOWN else x for x in str(group).split(COMBINED))


def format_effect(x: float, ceiling: bool, lang: str) -> str:
    """An effect size as a table shows it: two decimals, marked "(ceiling)" when the post scores are mostly at 100, "–" when untested."""
    if formatting.is_missing(x):
        return formatting.MISSING
    text = formatting.effect(x, lang)
    return t("effects.flag.ceiling", lang, value=text) if ceiling else text


def method_label(method: str | None, lang: str) -> str:
    """The Wilcoxon method of a row (:func:`wilcoxon_test`) in words, "–" when untested."""
    return t(f"effects.wilcoxon.{method}", lang) if method in (WILCOXON_EXACT, WILCOXON_NORMAL) else "–"


def format_p(p: float, lang: str) -> str:
    """A p-value as read in a table: "< 0.001" below a thousandth, three decimals otherwise, "–" when untested."""
    return formatting.p_value(p, lang)


#: Effect-table column → string key of its header, in display order.
EFFECT_HEADERS = {
    "domain": "report.school.domain", "n": "col.pairs", "n_teachers": "col.teachers", "mean_change": "col.mean_change", "ci_low": "col.ci_low", "ci_high": "col.ci_high",
    "p_ttest": "col.p_ttest", "p_holm": "effects.col.p_holm", "p_wilcoxon": "col.p_wilcoxon", "wilcoxon_method": "effects.col.wilcoxon_method",
    "d_z": "col.d_z", "hedges_g": "col.hedges_g", "pre_ceiling_share": "effects.col.pre_ceiling", "post_ceiling_share": "effects.col.post_ceiling",
}  # fmt: skip
#: Comparison-model columns → header keys (:func:`did_table`, :func:`ancova_table`, :func:`tertile_table`).
DID_HEADERS = {
    "domain": "report.school.domain", "n_treated": "col.n_treated", "n_control": "col.n_control", "treated_change": "col.treated_change", "control_change": "col.control_change",
    "did": "col.did", "ci_low": "col.ci_low", "ci_high": "col.ci_high", "p_value": "col.p_value", "n_clusters": "effects.col.n_clusters", "df": "effects.col.df",
}  # fmt: skip
ANCOVA_HEADERS = {
    "domain": "report.school.domain", "n_treated": "col.n_treated", "n_control": "col.n_control", "estimate": "effects.col.estimate", "ci_low": "col.ci_low", "ci_high": "col.ci_high",
    "p_value": "col.p_value", "n_clusters": "effects.col.n_clusters", "df": "effects.col.df",
}  # fmt: skip
TERTILE_HEADERS = {
    "domain": "report.school.domain",
    "tertile": "effects.col.tertile",
    "pre_low": "effects.col.pre_low",
    "pre_high": "effects.col.pre_high",
    "n_teachers": "col.teachers",
    "mean_change": "col.mean_change",
}


def display_table(table: pd.DataFrame, lang: str, by: str | None = None) -> pd.DataFrame:
    """An effect, DiD, ANCOVA or tertile table as a page shows it: labels in ``lang``, p-values and effect sizes as text.

    Parameters
    ----------
    table : DataFrame
        :func:`effect_table`, :func:`did_table`, :func:`ancova_table` or :func:`tertile_table` output.
    lang : {"id", "en"}
    by : str, optional
        The breakdown of an effect table (``"jenis"``, ``"jp_band"``): group labels from :func:`group_label`.

    Returns
    -------
    DataFrame
        Same rows; numbers rounded to 3 decimals, ``domain`` and ``group``
        labelled, p-values through :func:`format_p`, the Wilcoxon method in
        words, ceiling shares kept as shares 0–1 (shown in percent by the table), effect sizes through
        :func:`format_effect` (marked where the ceiling limits them).
    """
    out = table.assign(domain=[t(f"domain.{d}", lang) for d in table["domain"]]).round(3)
    if "group" in table and by:
        out["group"] = [group_label(g, lang, by) for g in table["group"]]
    for c in ("p_ttest", "p_holm", "p_wilcoxon", "p_value"):
        if c in table:
            out[c] = [format_p(p, lang) for p in table[c]]
    if "wilcoxon_method" in table:
        out["wilcoxon_method"] = [method_label(m, lang) for m in table["wilcoxon_method"]]
    if "ceiling" in table:
        for c in ("d_z", "hedges_g"):
            out[c] = [format_effect(x, bool(f), lang) for x, f in zip(table[c], table["ceiling"])]
        for c in ("pre_ceiling_share", "post_ceiling_share"):
            out[c] = table[c]  # shares 0–1: a table shows them in percent (analysis.core.formatting.share)
    if "tertile" in table:
        out["tertile"] = [t(f"effects.tertile.{x}", lang) for x in table["tertile"]]
    return out


#: Verdicts of :func:`verdict`, in the order a reader meets them.
VERDICTS = ("rose", "fell", "unclear", "too_few")
ANSWER_COLUMNS = ["group", "domain", "n", "n_teachers", "mean_change", "ci_low", "ci_high", "post_ceiling_share", "ceiling", "too_few", "verdict"]


def verdict(row: pd.Series | dict) -> str:
    """The one-word reading of an effect-table row.

    Rule: ``"too_few"`` when the group was not tested (under :data:`MIN_PAIRS`
    pairs or teachers); ``"rose"`` when the whole 95 % CI of the mean change is
    above 0, ``"fell"`` when it is below 0; ``"unclear"`` when it includes 0
    (the change cannot be told apart from none).

    Returns
    -------
    str
        One of :data:`VERDICTS`.
    """
    if row["too_few"] or not np.isfinite(row["ci_low"]) or not np.isfinite(row["ci_high"]):
        return "too_few"
    if row["ci_low"] > 0:
        return "rose"
    return "fell" if row["ci_high"] < 0 else "unclear"


def answer_table(res: Effects, tested_only: bool = False) -> pd.DataFrame:
    """One answer per training type and domain: all trainings first, then each type (or combination) of :attr:`Effects.by_type`.

    Parameters
    ----------
    res : Effects
        :func:`analyse`.
    tested_only : bool
        Leave out the type groups none of whose domains was tested (too few
        teachers); ``"all"`` is always kept. ``attrs["untested_groups"]`` counts them.

    Returns
    -------
    DataFrame
        One row per group × domain, ``"all"`` first then the types in
        :func:`effect_table`'s order, domains in :data:`analysis.core.schema.DOMAINS`
        order: ``group``, ``domain``, ``n`` (pairs), ``n_teachers``,
        ``mean_change`` (points, 0–100 scale), ``ci_low``, ``ci_high`` (95 % CI;
        NaN when untested), ``post_ceiling_share`` (0–1), ``ceiling`` (bool),
        ``too_few`` (bool), ``verdict`` (:func:`verdict`); :func:`analysis.charts.effects_figure` draws it.
    """
    parts = [tab for tab in (res.overall, res.by_type) if len(tab)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ANSWER_COLUMNS})
    both = pd.concat(parts, ignore_index=True)
    both["verdict"] = [verdict(r) for _, r in both.iterrows()]
    both["ceiling"] = both["ceiling"].fillna(False).astype(bool)
    tested = {g for g, v in zip(both["group"], both["verdict"]) if v != "too_few"} | {"all"}
    untested = len(set(both["group"]) - tested)
    if tested_only:
        both = both[both["group"].isin(tested)]
    out = both[ANSWER_COLUMNS].reset_index(drop=True)
    out.attrs["untested_groups"] = untested
    return out


#: Mark of each verdict in the answer grid.
VERDICT_MARKS = {"rose": "▲", "fell": "▼", "unclear": "≈", "too_few": "·"}


def answer_grid(answer: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`answer_table` as one compact grid: one row per training group, one cell per domain.

    Parameters
    ----------
    answer : DataFrame
        :func:`answer_table`.
    lang : {"id", "en"}

    Returns
    -------
    DataFrame
        One row per group in ``answer``'s order: ``group`` (label; "all
        trainings" for ``"all"``), ``n_teachers`` (most teachers of its
        domains), then one column per domain of :data:`analysis.core.schema.DOMAINS`
        holding "▲ +6.1 (3.2 to 9.0)": the verdict's mark
        (:data:`VERDICT_MARKS`), the mean change in points and its 95 % CI
        ("–" untested, a ceiling-limited cell marked "*").
    """

    def cell(r) -> str:
        x = float(r["mean_change"])
        change = ("+" if x > 0 else "") + _num(x, lang)
        ci = t("effects.answer.ci", lang, lo=_num(float(r["ci_low"]), lang), hi=_num(float(r["ci_high"]), lang)) if r["verdict"] != "too_few" else "–"
        return f"{VERDICT_MARKS[r['verdict']]} {change} ({ci})" + ("*" if r["ceiling"] else "")

    rows = []
    for group, g in answer.groupby("group", sort=False):
        row = {"group": t("chart.effects.all", lang) if group == "all" else group_label(group, lang), "n_teachers": int(g["n_teachers"].max())}
        by = {r["domain"]: cell(r) for _, r in g.iterrows()}
        row.update({d: by.get(d, "–") for d in schema.DOMAINS})
        rows.append(row)
    return pd.DataFrame(rows, columns=["group", "n_teachers", *schema.DOMAINS])


#: Answer-table column → header key (:func:`answer_display`).
ANSWER_HEADERS = {"group": "effects.col.training", "n_teachers": "col.teachers", **{d: f"domain.{d}" for d in schema.DOMAINS}}
