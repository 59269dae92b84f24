"""Who gets which training: a ranked needs list per teacher and cohorts a KKG, MGMP or Balai could run.

A need is one of:

- ``ict``: an ICT skill rated below the target level (:func:`analysis.metrics.ict.teacher_gaps`);
- ``domain``: a competency domain of the latest assessment (PKG, or the four
  domain scores; 0–100) below a threshold (:mod:`analysis.metrics.pkg`);
- ``kinerja``: a PMM predikat kinerja of Butuh Perbaikan or below in the latest
  year (Permenpan-RB 6/2022; :func:`analysis.metrics.kinerja.needs_attention`);
- ``out_of_field``: a subject taught out of field: subject training until the
  teacher is reassigned (:mod:`analysis.metrics.linieritas`);
- ``no_training``: no training as a participant in the 12 months counted back
  from the dataset's reference date (:mod:`analysis.metrics.participation`).

Cohorts group needs with the same topic in the same kecamatan: for SD/MI the
forum is the KKG; for SMP/MTs and above the MGMP of the subject (a subject's
training) or of the teacher's main subject (other needs).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from analysis.core import schema
from analysis.metrics import ict, kinerja, linieritas, participation, pkg

KINDS = ("out_of_field", "kinerja", "domain", "ict", "no_training")
#: Weight of each kind in a teacher's priority score (higher first).
PRIORITY = {"out_of_field": 5, "kinerja": 4, "domain": 3, "ict": 2, "no_training": 1}
DEFAULT_DOMAIN_THRESHOLD = 70.0
DEFAULT_COHORT_SIZE = 30
KKG_JENJANG = ("SD", "MI", "SDLB")
NEED_COLUMNS = ["guru_id", "npsn", "kind", "topic", "detail"]


def needs(
    guru: pd.DataFrame,
    judged: pd.DataFrame,
    pelatihan: pd.DataFrame,
    penilaian: pd.DataFrame,
    kinerja_table: pd.DataFrame | None,
    reference_date: date | None,
    ict_target: int = ict.DEFAULT_TARGET,
    domain_threshold: float = DEFAULT_DOMAIN_THRESHOLD,
    months: int = participation.DEFAULT_MONTHS,
) -> pd.DataFrame:
    """Every training need of every pendidik.

    Parameters
    ----------
    guru : DataFrame
        One row per PTK.
    judged : DataFrame
        :func:`analysis.metrics.linieritas.judge` output.
    pelatihan, penilaian, kinerja_table : DataFrame
        The Pelatihan, Penilaian and Kinerja tables (``kinerja_table`` may be ``None``).
    reference_date : datetime.date
        The date the 12 months count back from.
    ict_target : int
        ICT level 1–4 counted as enough.
    domain_threshold : float
        A domain score (0–100) below it is a need.
    months : int
        Look-back window of ``no_training``.

    Returns
    -------
    DataFrame
        One row per teacher × need: ``guru_id``, ``npsn``, ``kind`` (:data:`KINDS`),
        ``topic`` (ICT skill key, domain, predikat, subject, or ``"umum"``),
        ``detail`` (the level, score, predikat or JJM behind it, as a number or text).
    """
    p = guru[guru["pendidik"].fillna(False).astype(bool).to_numpy()].drop_duplicates("guru_id")
    home = dict(zip(p["guru_id"], p["npsn"]))
    rows: list[tuple] = []
    if all(s in p for s in ict.SKILLS):
        lv = p[list(ict.SKILLS)].apply(pd.to_numeric, errors="coerce")
        for skill in ict.SKILLS:
            below = lv[skill].lt(ict_target) & lv[skill].notna()
            rows += [(g, home[g], "ict", skill, float(v)) for g, v in zip(p.loc[below, "guru_id"], lv.loc[below, skill])]
    if len(penilaian):
        latest = pkg.latest_per_teacher(pkg.assessment_scores(penilaian, guru))
        latest = latest[latest["guru_id"].isin(home)]
        for d in schema.DOMAINS:
            low = latest[pd.to_numeric(latest[d], errors="coerce").lt(domain_threshold)]
            rows += [(g, home[g], "domain", d, round(float(v), 1)) for g, v in zip(low["guru_id"], low[d])]
    if kinerja_table is not None and len(kinerja_table):
        att = kinerja.needs_attention(kinerja_table, guru)
        rows += [(g, home[g], "kinerja", str(pr), int(y)) for g, pr, y in zip(att["guru_id"], att["predikat"], att["tahun"]) if g in home]
    if len(judged):
        out = judged[judged["status"] == linieritas.TIDAK_LINIER]
        rows += [
            (g, home[g], "out_of_field", s, float(0 if pd.isna(h) else h)) for g, s, h in zip(out["guru_id"], out["mata_pelajaran"], out["jjm"]) if g in home
        ]
    recent = set(participation.trainings_in_window(pelatihan, reference_date, months)["guru_id"]) if len(pelatihan) else set()
    rows += [(g, home[g], "no_training", "umum", months) for g in p["guru_id"] if g not in recent]
    return pd.DataFrame(rows, columns=NEED_COLUMNS)


def ranked(need_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per teacher with a need, most urgent first.

    Returns
    -------
    DataFrame
        ``guru_id``, ``npsn``, ``score`` (sum of :data:`PRIORITY` over the
        teacher's needs), ``needs`` (count), ``kinds`` (the kinds joined by "; ",
        in :data:`KINDS` order), ``topics`` (the topics joined by "; "); sorted by
        score, then needs, then ``guru_id``.
    """
    cols = ["guru_id", "npsn", "score", "needs", "kinds", "topics"]
    if need_rows.empty:
        return pd.DataFrame(columns=cols)
    d = need_rows.assign(_w=need_rows["kind"].map(PRIORITY), _o=need_rows["kind"].map({k: i for i, k in enumerate(KINDS)})).sort_values(
        ["guru_id", "_o", "topic"]
    )
    g = d.groupby("guru_id", sort=False)
    out = pd.DataFrame(
        {
            "npsn": g["npsn"].first(),
            "score": g["_w"].sum(),
            "needs": g.size(),
            "kinds": g["kind"].agg(lambda s: "; ".join(dict.fromkeys(s))),
            "topics": g["topic"].agg(lambda s: "; ".join(dict.fromkeys(s))),
        }
    ).reset_index()
    return out.sort_values(["score", "needs", "guru_id"], ascending=[False, False, True])[cols].reset_index(drop=True)


def by_school(need_rows: pd.DataFrame) -> pd.DataFrame:
    """Teachers with each kind of need per school (one row per NPSN, one column per kind, and ``teachers`` with any)."""
    if need_rows.empty:
        return pd.DataFrame(columns=["npsn", *KINDS, "teachers"])
    m = need_rows.drop_duplicates(["guru_id", "kind"]).pivot_table(index="npsn", columns="kind", values="guru_id", aggfunc="count", fill_value=0)
    m = m.reindex(columns=list(KINDS), fill_value=0)
    m["teachers"] = need_rows.groupby("npsn")["guru_id"].nunique()
    return m.reset_index().sort_values(["teachers", "npsn"], ascending=[False, True]).reset_index(drop=True)


def cohorts(need_rows: pd.DataFrame, guru: pd.DataFrame, sekolah: pd.DataFrame, judged: pd.DataFrame, max_size: int = DEFAULT_COHORT_SIZE) -> pd.DataFrame:
    """Training groups: same kind and topic, same kecamatan, same forum (KKG for SD/MI; MGMP per subject above).

    Parameters
    ----------
    need_rows : DataFrame
        :func:`needs` output.
    guru, sekolah : DataFrame
        For each teacher's school, the school's kecamatan and jenjang.
    judged : DataFrame
        For each teacher's main subject (most JJM), the MGMP of a non-subject need.
    max_size : int
        Largest cohort; a bigger group is split into near-equal cohorts.

    Returns
    -------
    DataFrame
        One row per cohort: ``kecamatan``, ``forum`` (``"KKG"`` or ``"MGMP"``),
        ``mgmp_subject`` (the MGMP's subject, ``None`` for KKG), ``kind``,
        ``topic``, ``part`` (1, 2, … when split), ``size`` (teachers),
        ``schools`` (distinct schools), ``guru_ids`` (list of ``guru_id``);
        largest first.
    """
    cols = ["kecamatan", "forum", "mgmp_subject", "kind", "topic", "part", "size", "schools", "guru_ids"]
    if need_rows.empty:
        return pd.DataFrame(columns=cols)
    sk = sekolah.drop_duplicates("npsn").set_index("npsn")
    d = need_rows.drop_duplicates(["guru_id", "kind", "topic"]).copy()
    d["kecamatan"] = d["npsn"].map(sk["kecamatan"] if "kecamatan" in sk else {}).fillna("–")
    jen = d["npsn"].map(sk["jenjang"] if "jenjang" in sk else {})
    d["forum"] = np.where(jen.isin(KKG_JENJANG), "KKG", "MGMP")
    main = (
        judged.assign(_h=judged["jjm"].fillna(0))
        .sort_values(["_h", "mata_pelajaran"], ascending=[False, True])
        .drop_duplicates("guru_id")
        .set_index("guru_id")["mata_pelajaran"]
        if len(judged)
        else pd.Series(dtype=object)
    )
    subj = np.where(d["kind"].eq("out_of_field"), d["topic"], d["guru_id"].map(main))
    d["mgmp_subject"] = np.where(d["forum"].eq("MGMP"), subj, None)
    d["mgmp_subject"] = d["mgmp_subject"].where(pd.notna(d["mgmp_subject"]), None)
    rows = []
    keys = ["kecamatan", "forum", "mgmp_subject", "kind", "topic"]
    for k, grp in d.groupby(keys, dropna=False, sort=True):
        ids = sorted(grp["guru_id"])
        parts = max(1, -(-len(ids) // max_size))
        for i, chunk in enumerate(np.array_split(np.array(ids, dtype=object), parts), start=1):
            members = list(chunk)
            rows.append((*k, i, len(members), int(grp.loc[grp["guru_id"].isin(members), "npsn"].nunique()), members))
    out = pd.DataFrame(rows, columns=cols)
    out["mgmp_subject"] = out["mgmp_subject"].where(out["mgmp_subject"].notna(), None)
    return out.sort_values(["size", "kecamatan", "kind", "topic"], ascending=[False, True, True, True]).reset_index(drop=True)
