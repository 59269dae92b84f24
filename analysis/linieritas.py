"""Out-of-field teaching (guru mengajar bukan bidangnya / tidak linier).

Rules (DOMAIN.md §2):

- A **certified** teacher (Sertifikasi filled) is linier in a subject when the
  certificate field covers it (Permendikbud 46/2016, Pasal 1 and 3).
- An **uncertified** teacher is judged by study programme: linier when the
  programme qualifies for the subject (Permendiknas 16/2007); for the SD/MI
  class teacher (*Guru Kelas*) PGSD/PGMI, psychology or any education programme
  (Kependidikan = Ya) qualifies.
- A subject, certificate field or programme missing from the reference tables
  (:mod:`analysis.subjects`) gives ``unknown``: never silently a match or a mismatch.

A teacher is out of field when any subject taught is tidak linier; shares are
over teachers with at least one judged subject (issue 2, decisions). Teacher
figures count pendidik only (DOMAIN.md §4).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import subjects

LINIER = "linier"
TIDAK_LINIER = "tidak_linier"
UNKNOWN = "unknown"
#: Judgements, in display order.
STATUSES = (LINIER, TIDAK_LINIER, UNKNOWN)

#: Weekly face-to-face hours a certified teacher must teach (PP 74/2008 Pasal 52).
JJM_MINIMUM = 24.0
#: Info GTK JJM bands: (label, lower bound inclusive), highest first.
JJM_BANDS = (("A1", 24.0), ("A2", 18.0), ("A3", 12.0), ("A4", 0.0))

_PSIKOLOGI = "psikologi"


def jjm_band(jjm: float | None) -> str | None:
    """The Info GTK band of a weekly teaching load: A1 ≥24, A2 18–23, A3 12–17, A4 <12 JJM.

    Returns ``None`` for a missing load.
    """
    if jjm is None or pd.isna(jjm):
        return None
    for label, low in JJM_BANDS:
        if jjm >= low:
            return label
    return JJM_BANDS[-1][0]


def judge_one(subject: object, sertifikasi: object, prodi: object, kependidikan: object, prodi_path: object = None) -> tuple[str, str]:
    """Judge one teacher × subject.

    Parameters
    ----------
    subject : str
        Canonical subject taught.
    sertifikasi : str or None
        Field of the teaching certificate; empty when uncertified.
    prodi : str or None
        Study programme (jurusan/prodi).
    kependidikan : bool or None
        Whether the programme is an education (teacher-training) programme.
    prodi_path : path, optional
        A replacement programme table (default ``data/reference/prodi_mapel.csv``).

    Returns
    -------
    tuple of str
        ``(status, basis)``: status one of :data:`STATUSES`; basis ``"sertifikasi"``,
        ``"prodi"``, ``"kependidikan"`` or the reason it is unknown
        (``"subject_unknown"``, ``"sertifikasi_unknown"``, ``"prodi_unknown"``).
    """
    if subject is None or (isinstance(subject, float) and np.isnan(subject)) or not subjects.is_known_subject(str(subject)):
        return UNKNOWN, "subject_unknown"
    subject = subjects.canonical_subject(str(subject))
    table = prodi_path or subjects.PRODI_FILE
    has_cert = sertifikasi is not None and not (isinstance(sertifikasi, float) and np.isnan(sertifikasi)) and str(sertifikasi).strip() != ""
    if has_cert:
        covered = subjects.certificate_subjects(sertifikasi, table)
        if covered is None:
            return UNKNOWN, "sertifikasi_unknown"
        return (LINIER if subject in covered else TIDAK_LINIER), "sertifikasi"
    qualified = subjects.qualified_subjects(prodi, table)
    if subject == subjects.GURU_KELAS:
        if qualified and subject in qualified:
            return LINIER, "prodi"
        if subjects.normalize_name(prodi) == _PSIKOLOGI:
            return LINIER, "prodi"
        if kependidikan is None:
            kependidikan = subjects.is_education_programme(prodi, table)
        if kependidikan is True or (isinstance(kependidikan, (bool, np.bool_)) and bool(kependidikan)):
            return LINIER, "kependidikan"
        if kependidikan is False or (isinstance(kependidikan, (bool, np.bool_)) and not bool(kependidikan)):
            return TIDAK_LINIER, "kependidikan"
        if qualified is not None:
            return TIDAK_LINIER, "prodi"
        return UNKNOWN, "prodi_unknown"
    if qualified is None:
        return UNKNOWN, "prodi_unknown"
    return (LINIER if subject in qualified else TIDAK_LINIER), "prodi"


def judge(guru: pd.DataFrame, mengajar: pd.DataFrame, prodi_path: object = None) -> pd.DataFrame:
    """Judge every teacher × subject taught.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member (``guru_id``, ``npsn``, ``pendidik``,
        ``sertifikasi``, ``jurusan_prodi``, ``kependidikan``).
    mengajar : DataFrame
        One row per teacher × subject (``guru_id``, ``mata_pelajaran``, ``jjm``).
    prodi_path : path, optional
        A replacement programme table.

    Returns
    -------
    DataFrame
        One row per teacher × subject of a pendidik: ``guru_id``, ``npsn``,
        ``mata_pelajaran`` (canonical), ``jjm`` (JP per week, may be missing),
        ``status`` (:data:`STATUSES`), ``basis``, ``sertifikasi`` and
        ``jurusan_prodi`` (as written, to list what the tables miss). Rows of unknown teachers and
        of tenaga kependidikan are left out.
    """
    cols = ["guru_id", "npsn", "mata_pelajaran", "jjm", "status", "basis", "sertifikasi", "jurusan_prodi"]
    if guru.empty or mengajar.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c == "jjm" else object) for c in cols})
    teachers = guru.loc[guru["pendidik"].fillna(False).astype(bool).to_numpy(), ["guru_id", "npsn", "sertifikasi", "jurusan_prodi", "kependidikan"]]
    m = mengajar.loc[mengajar["guru_id"].notna() & mengajar["mata_pelajaran"].notna(), ["guru_id", "mata_pelajaran", "jjm"]]
    df = m.merge(teachers, on="guru_id", how="inner")
    cache: dict[tuple, tuple[str, str]] = {}
    statuses, bases, names = [], [], []
    for subj, cert, prodi, kep in zip(df["mata_pelajaran"], df["sertifikasi"], df["jurusan_prodi"], df["kependidikan"]):
        kep_v = None if kep is None or (isinstance(kep, float) and np.isnan(kep)) or kep is pd.NA else bool(kep)
        key = (subj, cert if isinstance(cert, str) else None, prodi if isinstance(prodi, str) else None, kep_v)
        if key not in cache:
            cache[key] = judge_one(*key, prodi_path=prodi_path)
        s, b = cache[key]
        statuses.append(s)
        bases.append(b)
        names.append(subjects.canonical_subject(str(subj)))
    out = pd.DataFrame(
        {
            "guru_id": df["guru_id"].to_numpy(dtype=object),
            "npsn": df["npsn"].to_numpy(dtype=object),
            "mata_pelajaran": np.array(names, dtype=object),
            "jjm": pd.to_numeric(df["jjm"], errors="coerce").to_numpy(dtype=float),
            "status": np.array(statuses, dtype=object),
            "basis": np.array(bases, dtype=object),
            "sertifikasi": df["sertifikasi"].to_numpy(dtype=object),
            "jurusan_prodi": df["jurusan_prodi"].to_numpy(dtype=object),
        }
    )
    return out[cols]


def per_teacher(judged: pd.DataFrame) -> pd.DataFrame:
    """One row per pendidik with at least one subject.

    Parameters
    ----------
    judged : DataFrame
        Output of :func:`judge`.

    Returns
    -------
    DataFrame
        ``guru_id``, ``npsn``, ``status`` (``tidak_linier`` when any subject is;
        ``unknown`` when every subject is; else ``linier``), ``subjects_out``
        (the tidak-linier subjects joined by "; "), ``jjm_total``, ``jjm_out``,
        ``jjm_in`` (JP per week; subjects with no JJM count 0), ``jjm_complete``
        (bool: every subject has its JJM), ``reaches_24_only_out_of_field``
        (bool: total ≥ 24 JJM but the linier hours alone are not; PP 74/2008 Pasal 52).
    """
    cols = ["guru_id", "npsn", "status", "subjects_out", "jjm_total", "jjm_out", "jjm_in", "jjm_complete", "reaches_24_only_out_of_field"]
    if judged.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    d = judged.assign(
        _out=judged["status"].eq(TIDAK_LINIER),
        _in=judged["status"].eq(LINIER),
        _unk=judged["status"].eq(UNKNOWN),
        _jjm=judged["jjm"].fillna(0.0),
    )
    d["_jjm_out"] = d["_jjm"].where(d["_out"], 0.0)
    d["_jjm_in"] = d["_jjm"].where(d["_in"], 0.0)
    g = d.groupby("guru_id", sort=True)
    out = pd.DataFrame(
        {
            "npsn": g["npsn"].first(),
            "any_out": g["_out"].any(),
            "all_unknown": g["_unk"].all(),
            "jjm_complete": g["jjm"].apply(lambda s: bool(s.notna().all())),
            "jjm_total": g["_jjm"].sum(),
            "jjm_out": g["_jjm_out"].sum(),
            "jjm_in": g["_jjm_in"].sum(),
        }
    )
    out_subjects = d[d["_out"]].groupby("guru_id")["mata_pelajaran"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    out["subjects_out"] = out_subjects.reindex(out.index)
    out["status"] = np.where(out["any_out"], TIDAK_LINIER, np.where(out["all_unknown"], UNKNOWN, LINIER))
    out["reaches_24_only_out_of_field"] = (out["jjm_total"] >= JJM_MINIMUM) & (out["jjm_in"] < JJM_MINIMUM) & out["any_out"]
    return out.reset_index()[cols]


def school_shares(judged: pd.DataFrame) -> pd.DataFrame:
    """Out-of-field shares per school.

    Parameters
    ----------
    judged : DataFrame
        Output of :func:`judge`.

    Returns
    -------
    DataFrame
        One row per NPSN: ``teachers`` (pendidik with a subject), ``judged``
        (with at least one judged subject), ``out_of_field`` (teachers),
        ``out_of_field_unknown`` (teachers whose subjects are all unknown),
        ``share_headcount`` (out_of_field / judged, 0–1, NaN when none judged),
        ``jjm_judged``, ``jjm_out`` (JP per week over judged subjects),
        ``share_jjm`` (0–1, NaN when no judged hours).
    """
    cols = ["npsn", "teachers", "judged", "out_of_field", "out_of_field_unknown", "share_headcount", "jjm_judged", "jjm_out", "share_jjm"]
    if judged.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "npsn" else float) for c in cols})
    pt = per_teacher(judged)
    pt = pt.assign(_judged=pt["status"].ne(UNKNOWN), _out=pt["status"].eq(TIDAK_LINIER), _unk=pt["status"].eq(UNKNOWN))
    g = pt.groupby("npsn", sort=True)
    res = pd.DataFrame(
        {
            "teachers": g.size(),
            "judged": g["_judged"].sum(),
            "out_of_field": g["_out"].sum(),
            "out_of_field_unknown": g["_unk"].sum(),
        }
    )
    jd = judged[judged["status"].ne(UNKNOWN)].assign(_j=lambda x: x["jjm"].fillna(0.0))
    jd = jd.assign(_jo=jd["_j"].where(jd["status"].eq(TIDAK_LINIER), 0.0))
    hours = jd.groupby("npsn").agg(jjm_judged=("_j", "sum"), jjm_out=("_jo", "sum"))
    res = res.join(hours, how="left").fillna({"jjm_judged": 0.0, "jjm_out": 0.0})
    res["share_headcount"] = np.where(res["judged"] > 0, res["out_of_field"] / res["judged"].where(res["judged"] > 0, 1), np.nan)
    res["share_jjm"] = np.where(res["jjm_judged"] > 0, res["jjm_out"] / res["jjm_judged"].where(res["jjm_judged"] > 0, 1), np.nan)
    for c in ("teachers", "judged", "out_of_field", "out_of_field_unknown"):
        res[c] = res[c].astype(int)
    return res.reset_index()[cols]


def by_subject(judged: pd.DataFrame) -> pd.DataFrame:
    """Out-of-field teaching per subject.

    Parameters
    ----------
    judged : DataFrame
        Output of :func:`judge`.

    Returns
    -------
    DataFrame
        One row per subject taught: ``mata_pelajaran``, ``teachers`` (pendidik
        teaching it), ``linier``, ``tidak_linier``, ``unknown`` (teachers),
        ``share_out`` (tidak_linier / (linier + tidak_linier), 0–1, NaN when none
        judged), ``jjm`` and ``jjm_out`` (JP per week), sorted by ``share_out``
        then ``teachers``, descending.
    """
    cols = ["mata_pelajaran", "teachers", LINIER, TIDAK_LINIER, UNKNOWN, "share_out", "jjm", "jjm_out"]
    if judged.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "mata_pelajaran" else float) for c in cols})
    d = judged.drop_duplicates(["guru_id", "mata_pelajaran", "status"])
    counts = pd.crosstab(d["mata_pelajaran"], d["status"]).reindex(columns=list(STATUSES), fill_value=0)
    j = judged.assign(_j=judged["jjm"].fillna(0.0))
    j = j.assign(_jo=j["_j"].where(j["status"].eq(TIDAK_LINIER), 0.0))
    hours = j.groupby("mata_pelajaran").agg(jjm=("_j", "sum"), jjm_out=("_jo", "sum"))
    out = counts.join(hours)
    out["teachers"] = d.groupby("mata_pelajaran")["guru_id"].nunique()
    judged_n = out[LINIER] + out[TIDAK_LINIER]
    out["share_out"] = np.where(judged_n > 0, out[TIDAK_LINIER] / judged_n.where(judged_n > 0, 1), np.nan)
    out = out.reset_index().rename(columns={"index": "mata_pelajaran"})
    out = out.sort_values(["share_out", "teachers", "mata_pelajaran"], ascending=[False, False, True], na_position="last")
    return out[cols].reset_index(drop=True)


def totals(judged: pd.DataFrame) -> dict[str, float | int | None]:
    """Out-of-field figures over all the teachers of ``judged`` (a school or a district).

    Returns
    -------
    dict
        ``out_of_field_share_headcount`` (0–1 of teachers with a judged subject),
        ``out_of_field_share_jjm`` (0–1 of judged JJM), ``out_of_field`` (teachers),
        ``out_of_field_unknown`` (teachers whose subjects are all unknown);
        shares ``None`` when nothing could be judged.
    """
    pt = per_teacher(judged)
    judged_teachers = int(pt["status"].ne(UNKNOWN).sum())
    out_teachers = int(pt["status"].eq(TIDAK_LINIER).sum())
    known = judged[judged["status"].ne(UNKNOWN)]
    jjm_all = float(known["jjm"].fillna(0).sum())
    jjm_out = float(known.loc[known["status"].eq(TIDAK_LINIER), "jjm"].fillna(0).sum())
    return {
        "out_of_field": out_teachers,
        "out_of_field_unknown": int(pt["status"].eq(UNKNOWN).sum()),
        "out_of_field_share_headcount": out_teachers / judged_teachers if judged_teachers else None,
        "out_of_field_share_jjm": jjm_out / jjm_all if jjm_all > 0 else None,
    }


def by_group(judged: pd.DataFrame, guru: pd.DataFrame, by: str) -> pd.DataFrame:
    """Out-of-field share of teachers per group.

    Parameters
    ----------
    judged : DataFrame
        Output of :func:`judge`.
    guru : DataFrame
        One row per teacher (for ``status_kepegawaian`` and ``sertifikasi``).
    by : {"status_kepegawaian", "sertifikasi", "npsn"}
        ``"sertifikasi"`` groups ``certified`` / ``uncertified``.

    Returns
    -------
    DataFrame
        One row per group: ``group``, ``judged`` (teachers with a judged subject),
        ``out_of_field`` (teachers), ``share`` (0–1, NaN when none judged).

    Raises
    ------
    ValueError
        If ``by`` is not one of the groupings above.
    """
    if by not in ("status_kepegawaian", "sertifikasi", "npsn"):
        raise ValueError(f"unknown grouping {by!r}")
    pt = per_teacher(judged)
    pt = pt[pt["status"] != UNKNOWN]
    info = guru.set_index("guru_id")
    if by == "sertifikasi":
        cert = info["sertifikasi"].reindex(pt["guru_id"])
        groups = np.where(cert.notna() & cert.astype(str).str.strip().ne(""), "certified", "uncertified")
    else:
        groups = info[by].reindex(pt["guru_id"]).fillna("unknown").to_numpy() if by != "npsn" else pt["npsn"].to_numpy()
    d = pd.DataFrame({"group": groups, "out": pt["status"].eq(TIDAK_LINIER).to_numpy()})
    if d.empty:
        return pd.DataFrame({"group": pd.Series(dtype=object), "judged": pd.Series(dtype=int), "out_of_field": pd.Series(dtype=int), "share": pd.Series(dtype=float)})
    g = d.groupby("group", sort=True)["out"]
    out = pd.DataFrame({"judged": g.size(), "out_of_field": g.sum().astype(int)})
    out["share"] = out["out_of_field"] / out["judged"]
    return out.reset_index()


def jjm_link(judged: pd.DataFrame, guru: pd.DataFrame) -> pd.DataFrame:
    """The 24-JJM link: certified teachers whose own-field hours are below 24 JJM.

    A certified teacher must teach at least 24 JJM a week (PP 74/2008 Pasal 52);
    where the school lacks hours in the certificate's subject, out-of-field hours
    fill the gap (DOMAIN.md §2, study 002).

    Parameters
    ----------
    judged : DataFrame
        Output of :func:`judge`.
    guru : DataFrame
        One row per teacher (``guru_id``, ``sertifikasi``).

    Returns
    -------
    DataFrame
        One row per certified pendidik with linier JJM < 24 (the Kepala Sekolah,
        whose minimum is 6 JJM, and teachers with a subject lacking its JJM left
        out: their gap cannot be told): ``guru_id``, ``npsn``,
        ``jjm_in``, ``jjm_out``, ``jjm_total`` (JP per week), ``gap`` (24 − jjm_in),
        ``filled_out_of_field`` (out-of-field hours counted toward the gap, ≤ gap),
        ``band`` (Info GTK band of the total), sorted by gap, largest first.
    """
    cols = ["guru_id", "npsn", "jjm_in", "jjm_out", "jjm_total", "gap", "filled_out_of_field", "band"]
    pt = per_teacher(judged)
    if pt.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    cert = guru.set_index("guru_id")["sertifikasi"].reindex(pt["guru_id"])
    certified = (cert.notna() & cert.astype(str).str.strip().ne("")).to_numpy()
    jenis = guru.set_index("guru_id")["jenis_ptk"].reindex(pt["guru_id"]) if "jenis_ptk" in guru else pd.Series(None, index=pt["guru_id"])
    not_head = (jenis != "Kepala Sekolah").to_numpy()  # a head's minimum is 6 JJM, not 24 (PP 74/2008 Pasal 54; inferred here)
    keep = certified & not_head & pt["jjm_complete"].to_numpy(dtype=bool) & (pt["status"] != UNKNOWN).to_numpy() & (pt["jjm_in"] < JJM_MINIMUM).to_numpy()
    pt = pt[keep].copy()
    pt["gap"] = JJM_MINIMUM - pt["jjm_in"]
    pt["filled_out_of_field"] = np.minimum(pt["gap"], pt["jjm_out"])
    pt["band"] = [jjm_band(x) for x in pt["jjm_total"]]
    return pt.sort_values(["gap", "guru_id"], ascending=[False, True])[cols].reset_index(drop=True)


def unknown_entries(judged: pd.DataFrame) -> pd.DataFrame:
    """What the reference tables miss: the programmes, certificate fields and subjects judged unknown.

    Returns
    -------
    DataFrame
        One row per missing entry: ``kind`` (``"prodi"``, ``"sertifikasi"`` or
        ``"subject"``), ``name`` (as written), ``teachers`` (distinct pendidik), sorted by teachers.
    """
    u = judged[judged["status"] == UNKNOWN]
    if u.empty:
        return pd.DataFrame({"kind": pd.Series(dtype=object), "name": pd.Series(dtype=object), "teachers": pd.Series(dtype=int)})
    kind = u["basis"].map({"prodi_unknown": "prodi", "sertifikasi_unknown": "sertifikasi", "subject_unknown": "subject"})
    name = np.where(kind == "prodi", u["jurusan_prodi"], np.where(kind == "sertifikasi", u["sertifikasi"], u["mata_pelajaran"]))
    d = pd.DataFrame({"kind": kind.to_numpy(), "name": pd.Series(name).fillna("–").to_numpy(), "guru_id": u["guru_id"].to_numpy()})
    out = d.groupby(["kind", "name"])["guru_id"].nunique().rename("teachers").reset_index()
    return out.sort_values(["teachers", "kind", "name"], ascending=[False, True, True]).reset_index(drop=True)
