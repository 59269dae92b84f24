"""Training effects: competency before and after a training, with real statistics.

Design (issue 3 §4):

- **Pairing.** For each teacher × training, the latest assessment strictly
  before the training's start and within ``window_months`` of it (pre), and the
  earliest strictly after its end and within ``window_months`` of it (post), on
  the same instrument (Sumber: PKG, Supervisi, UKG or Mandiri). A teacher's
  pre/post pair is counted once overall even when several trainings fall
  between the same two assessments, and once per type in the per-type breakdown.
- **Tests** per domain: mean change with its 95 % confidence interval and the
  paired t-test (:func:`scipy.stats.ttest_rel`), the Wilcoxon signed-rank test
  (:func:`scipy.stats.wilcoxon`), Cohen's d_z (mean change / SD of the changes)
  and Hedges' g (:func:`pingouin.compute_effsize`, paired). The unit of these
  tests is the **teacher**: a teacher assessed three times around two
  trainings gives two pairs that share the middle assessment, which are not
  independent, so each teacher's pairs in a group are averaged first (pre,
  post and change) and the tests run on one value per teacher. ``n`` counts
  pairs, ``n_teachers`` the independent units.
- **Comparison group.** Consecutive same-instrument assessments of teachers who
  had no training between them, over the same period (pre dated within the
  treated pairs' pre-date range); difference-in-differences by OLS
  ``score ~ treated * after`` with standard errors clustered by teacher
  (:mod:`statsmodels`).
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

import numpy as np
import pandas as pd

from analysis import pkg, schema
from analysis.i18n import t

#: Smallest number of pairs, and of teachers, tested; fewer are reported as "too few to test".
MIN_PAIRS = 10
#: Group label of pairs whose training has no Jenis, or no JP (by-JP breakdown).
UNKNOWN = "unknown"
#: Default pairing window on each side of a training, months.
DEFAULT_WINDOW = 12

PAIR_COLUMNS = ["guru_id", "sumber", "pre_date", "post_date", "jenis", "jp", "fokus", "domain", "pre", "post", "change"]
EFFECT_COLUMNS = ["group", "domain", "n", "n_teachers", "mean_change", "ci_low", "ci_high", "p_ttest", "p_wilcoxon", "d_z", "hedges_g", "too_few"]
DID_COLUMNS = ["domain", "n_treated", "n_control", "treated_change", "control_change", "did", "ci_low", "ci_high", "p_value", "too_few"]


def _training_ends(pelatihan: pd.DataFrame) -> pd.DataFrame:
    from analysis.participation import participant_rows

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
        One row per assessment (:func:`analysis.pkg.assessment_scores`).
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
    win = pd.DateOffset(months=window_months)
    sc = sc.sort_values("tanggal_penilaian", kind="stable")
    by_teacher = {g: d for g, d in sc.groupby("guru_id", sort=False)}
    rows = []
    for r in tr.itertuples(index=False):
        a = by_teacher.get(r.guru_id)
        if a is None:
            continue
        for sumber, inst in a.groupby("sumber", sort=False):
            before = inst[(inst["tanggal_penilaian"] < r.start) & (inst["tanggal_penilaian"] >= r.start - win)]
            after = inst[(inst["tanggal_penilaian"] > r.end) & (inst["tanggal_penilaian"] <= r.end + win)]
            if before.empty or after.empty:
                continue
            pre, post = before.iloc[-1], after.iloc[0]
            for d in schema.DOMAINS:
                if pd.notna(pre[d]) and pd.notna(post[d]):
                    rows.append((r.guru_id, sumber, pre["tanggal_penilaian"], post["tanggal_penilaian"], r.jenis, r.jp, r.fokus, d, float(pre[d]), float(post[d]), float(post[d]) - float(pre[d])))
    if not rows:
        return empty
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def unique_pairs(paired: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Count each teacher's pre/post pair once (once per ``by`` value when grouping).

    Parameters
    ----------
    paired : DataFrame
        Output of :func:`pairs`.
    by : str, optional
        A breakdown column (``"jenis"``, ``"jp_band"``…): a pair is kept once per value.

    Returns
    -------
    DataFrame
        Same columns; one row per teacher × instrument × pre date × post date × domain (× ``by``).
        ``jp`` becomes the total JP of the trainings folded into the pair (NaN
        when any of them has no JP: the total is then unknown).
    """
    keys = ["guru_id", "sumber", "pre_date", "post_date", "domain"] + ([by] if by else [])
    if paired.empty:
        return paired
    agg = {c: "first" for c in paired.columns if c not in keys}
    agg["jp"] = lambda x: x.sum(min_count=len(x))
    return paired.groupby(keys, sort=True, dropna=False).agg(agg).reset_index()[paired.columns]


def _tests(change: np.ndarray, pre: np.ndarray, post: np.ndarray) -> dict[str, float]:
    from scipy import stats
    import pingouin as pg

    n = len(change)
    out = {"mean_change": float(change.mean())}
    res = stats.ttest_rel(post, pre)
    ci = res.confidence_interval(0.95)
    sd = change.std(ddof=1)
    out.update(ci_low=float(ci.low), ci_high=float(ci.high), p_ttest=float(res.pvalue))
    if sd == 0:
        # every change equal: the t statistic is undefined; the interval is the point
        out.update(ci_low=out["mean_change"], ci_high=out["mean_change"], p_ttest=math.nan)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out["p_wilcoxon"] = float(stats.wilcoxon(post, pre).pvalue)
    except ValueError:  # all differences zero
        out["p_wilcoxon"] = math.nan
    out["d_z"] = float(change.mean() / sd) if sd > 0 else math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out["hedges_g"] = float(pg.compute_effsize(post, pre, paired=True, eftype="hedges")) if n > 1 and sd > 0 else math.nan
    return out


def effect_table(paired: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Per domain (and group): n, mean change with 95 % CI, p-values and effect sizes.

    Parameters
    ----------
    paired : DataFrame
        Output of :func:`pairs` (de-duplicated here).
    by : str, optional
        Breakdown column, e.g. ``"jenis"``; ``None`` for all trainings together.

    Returns
    -------
    DataFrame
        One row per group × domain with pairs: ``group`` (``"all"`` without
        ``by``), ``domain``, ``n`` (pairs), ``n_teachers`` (teachers, the unit
        of the tests), ``mean_change`` (points, 0–100 scale: the mean over
        teachers of each teacher's mean change), ``ci_low``, ``ci_high`` (95 %
        CI of the mean change, t-based), ``p_ttest`` (paired t-test),
        ``p_wilcoxon`` (signed-rank), ``d_z``, ``hedges_g``, ``too_few``
        (fewer than :data:`MIN_PAIRS` pairs or teachers: statistics NaN).
    """
    u = unique_pairs(paired, by)
    if u.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in EFFECT_COLUMNS})
    groups = u.groupby([by, "domain"], sort=True) if by else u.groupby(["domain"], sort=False)
    rows = []
    for key, g in groups:
        group, domain = (key if by else ("all", key[0]))
        per_teacher = g.groupby("guru_id", sort=False)[["pre", "post", "change"]].mean()
        n, n_teachers = len(g), len(per_teacher)
        too_few = n < MIN_PAIRS or n_teachers < MIN_PAIRS
        row = {"group": group, "domain": domain, "n": n, "n_teachers": n_teachers, "too_few": too_few}
        change = per_teacher["change"].to_numpy(dtype=float)
        if too_few:
            row.update(mean_change=float(change.mean()), ci_low=math.nan, ci_high=math.nan, p_ttest=math.nan, p_wilcoxon=math.nan, d_z=math.nan, hedges_g=math.nan)
        else:
            row.update(_tests(change, per_teacher["pre"].to_numpy(dtype=float), per_teacher["post"].to_numpy(dtype=float)))
        rows.append(row)
    out = pd.DataFrame(rows, columns=EFFECT_COLUMNS)
    out["_d"] = out["domain"].map({d: i for i, d in enumerate(schema.DOMAINS)})
    return out.sort_values(["group", "_d"]).drop(columns="_d").reset_index(drop=True)


def control_pairs(scores: pd.DataFrame, pelatihan: pd.DataFrame, treated: pd.DataFrame, window_months: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """Comparison pairs: consecutive assessments with no training between them, over the treated period.

    Parameters
    ----------
    scores : DataFrame
        :func:`analysis.pkg.assessment_scores` output.
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


def did_table(treated: pd.DataFrame, control: pd.DataFrame) -> pd.DataFrame:
    """Difference-in-differences per domain, teacher-clustered standard errors.

    Parameters
    ----------
    treated, control : DataFrame
        :func:`unique_pairs` of the trained teachers' pairs and :func:`control_pairs`.

    Returns
    -------
    DataFrame
        One row per domain: ``domain``, ``n_treated``, ``n_control`` (pairs),
        ``treated_change``, ``control_change`` (mean points), ``did`` (the
        ``treated × after`` coefficient of ``score ~ treated * after``, points),
        ``ci_low``, ``ci_high`` (95 %), ``p_value``, ``too_few`` (either side
        under :data:`MIN_PAIRS`: no model fitted).
    """
    import statsmodels.formula.api as smf

    rows = []
    for d in schema.DOMAINS:
        tr = treated[treated["domain"] == d] if not treated.empty else treated
        co = control[control["domain"] == d] if not control.empty else control
        nt, nc = len(tr), len(co)
        if nt == 0:
            continue
        row = {"domain": d, "n_treated": nt, "n_control": nc, "treated_change": float(tr["change"].mean()), "control_change": float(co["change"].mean()) if nc else math.nan}
        if nt < MIN_PAIRS or nc < MIN_PAIRS:
            row.update(did=math.nan, ci_low=math.nan, ci_high=math.nan, p_value=math.nan, too_few=True)
            rows.append(row)
            continue
        frames = []
        for treated_flag, part in ((1, tr), (0, co)):
            ids = part["guru_id"].astype(str) + "|" + part["sumber"].astype(str)
            frames.append(pd.DataFrame({"score": part["pre"].to_numpy(float), "treated": treated_flag, "after": 0, "cluster": part["guru_id"].astype(str).to_numpy(), "unit": ids.to_numpy()}))
            frames.append(pd.DataFrame({"score": part["post"].to_numpy(float), "treated": treated_flag, "after": 1, "cluster": part["guru_id"].astype(str).to_numpy(), "unit": ids.to_numpy()}))
        long = pd.concat(frames, ignore_index=True)
        groups = pd.factorize(long["cluster"])[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = smf.ols("score ~ treated * after", data=long).fit(cov_type="cluster", cov_kwds={"groups": groups})
        ci = fit.conf_int().loc["treated:after"]
        row.update(did=float(fit.params["treated:after"]), ci_low=float(ci[0]), ci_high=float(ci[1]), p_value=float(fit.pvalues["treated:after"]), too_few=False)
        rows.append(row)
    return pd.DataFrame(rows, columns=DID_COLUMNS)


def jp_band(jp: float) -> str:
    """JP band of the trainings folded into a pair: "<30", "30-79", "80+" (30–80 JP earn 1 PKB credit; DOMAIN.md §5), :data:`UNKNOWN` without JP."""
    if jp is None or not np.isfinite(jp):
        return UNKNOWN
    if jp < 30:
        return "<30"
    return "30-79" if jp < 80 else "80+"


def analyse(penilaian: pd.DataFrame, pelatihan: pd.DataFrame, window_months: int = DEFAULT_WINDOW) -> dict[str, pd.DataFrame]:
    """Every training-effect table at once.

    Parameters
    ----------
    penilaian, pelatihan : DataFrame
        The dataset's tables (already limited to the teachers of interest).
    window_months : int
        Pairing window on each side, months.

    Returns
    -------
    dict
        ``pairs`` (:func:`pairs`), ``overall`` (:func:`effect_table`, all trainings),
        ``by_type`` (by Jenis), ``by_jp`` (by JP band of the pair), ``control``
        (:func:`control_pairs`), ``did`` (:func:`did_table`).
    """
    scores = pkg.assessment_scores(penilaian)
    paired = pairs(scores, pelatihan, window_months)
    overall = effect_table(paired)
    by_type = effect_table(paired, "jenis")
    u = unique_pairs(paired)
    banded = u.assign(jp_band=[jp_band(x) for x in u["jp"]]) if not u.empty else u.assign(jp_band=pd.Series(dtype=object))
    by_jp = effect_table(banded, "jp_band") if not u.empty else effect_table(u)
    control = control_pairs(scores, pelatihan, u, window_months)
    return {"pairs": paired, "overall": overall, "by_type": by_type, "by_jp": by_jp, "control": control, "did": did_table(u, unique_pairs(control))}


def _num(x: float, lang: str, digits: int = 1) -> str:
    s = f"{x:.{digits}f}"
    return s.replace(".", ",") if lang == "id" else s


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
        that includes 0 says the change cannot be told apart from none.
    """
    domain = t(f"domain.{row['domain']}", lang)
    who = t("effects.after_training", lang, training=training) if training else t("effects.after_any", lang)
    n = int(row["n"])
    teachers = int(row.get("n_teachers", n))
    if row["too_few"]:
        return t("effects.sentence.too_few", lang, who=who, domain=domain, n=n, teachers=teachers, change=_num(row["mean_change"], lang))
    change = float(row["mean_change"])
    verb = t("effects.rose" if change > 0 else ("effects.fell" if change < 0 else "effects.unchanged"), lang)
    text = t("effects.sentence", lang, who=who, domain=domain, verb=verb, change=_num(abs(change), lang), lo=_num(row["ci_low"], lang), hi=_num(row["ci_high"], lang), n=n, teachers=teachers)
    if row["ci_low"] <= 0 <= row["ci_high"]:
        text += " " + t("effects.includes_zero", lang)
    return text


def did_sentence(row: pd.Series | dict, lang: str) -> str:
    """One plain sentence that reads a :func:`did_table` row, without a causal claim.

    Parameters
    ----------
    row : Series or dict
        A row of :func:`did_table`.
    lang : {"id", "en"}

    Returns
    -------
    str
        e.g. "Compared with untrained teachers over the same period, trained
        teachers' pedagogik changed by 13.3 points more (95% CI 10.8 to 15.8;
        64 trained pairs, 34 comparison pairs)." plus the zero note when the
        interval includes zero; a row without a model says it had too few pairs.
    """
    domain = t(f"domain.{row['domain']}", lang)
    nt, nc = int(row["n_treated"]), int(row["n_control"])
    if row["too_few"]:
        return t("effects.did.too_few", lang, domain=domain, nt=nt, nc=nc)
    did = float(row["did"])
    text = t(
        "effects.did_sentence",
        lang,
        domain=domain,
        did=_num(abs(did), lang),
        direction=t("effects.did.more" if did >= 0 else "effects.did.less", lang),
        lo=_num(row["ci_low"], lang),
        hi=_num(row["ci_high"], lang),
        nt=nt,
        nc=nc,
    )
    if row["ci_low"] <= 0 <= row["ci_high"]:
        text += " " + t("effects.includes_zero", lang)
    return text


def group_label(group: str, lang: str, by: str = "jenis") -> str:
    """Display label of a breakdown group: the Jenis as written, a JP band as "30-79 JP", or "unknown" in ``lang``."""
    if group == UNKNOWN:
        return t("effects.group.unknown" if by == "jenis" else "effects.jp.unknown", lang)
    return t("dampak.jp_band", lang, band=group) if by == "jp_band" else str(group)


def format_p(p: float, lang: str) -> str:
    """A p-value as read in a table: "< 0.001" below a thousandth, three decimals otherwise, "–" when untested."""
    if p is None or not np.isfinite(p):
        return "–"
    text = "< 0.001" if p < 0.001 else f"{p:.3f}"
    return text.replace(".", ",") if lang == "id" else text
