"""Out-of-field teaching (guru mengajar bukan bidangnya / tidak linier) and the 24-JJM load.

Rules, as they stand in 2026:

- A **certified** teacher (Sertifikasi filled) is linier in a subject when the
  certificate field covers it (Permendikbudristek 7/2024, which revoked
  Permendikbud 46/2016; its tables are Kepmendikbudristek 449/P/2024). A
  certificate in a madrasah PAI subject group (Pendidikan Agama Islam) covers
  the group: Al-Qur'an Hadis, Akidah Akhlak, Fikih, SKI (KMA 347/2022). In an
  MI, a subject certificate of a class subject also covers *Guru Kelas*
  (KMA 303/2016, conversion of MI subject teachers to class teachers).
- An **uncertified** teacher is judged by study programme: linier when the
  programme qualifies for the subject (Permendiknas 16/2007; ``prodi_mapel.csv``).
  The SD/MI class teacher needs S1/D-IV PGSD/PGMI or psikologi (Permendiknas
  16/2007): not any education programme, not PG-PAUD or PIAUD. Psikologi is not
  linier for BK (Permendiknas 27/2008).
- **Guru kelas.** When Jenis PTK is Guru Kelas, the class subjects Dapodik
  records one by one (Matematika, IPAS, Bahasa Indonesia, Pendidikan Pancasila,
  Seni, ...; ``guru_kelas`` = Ya in ``mata_pelajaran.csv``) are one assignment
  "Guru Kelas" with their JJM summed; Pendidikan Agama, PJOK, the PAI subjects
  and Bahasa Arab stay separate subjects judged on their own.
- A subject, certificate field or programme missing from the reference tables
  (:mod:`analysis.reference.subjects`) gives ``unknown``: never silently a match or a mismatch.
- A judgement that rests on a programme-table row marked ``inferred`` (no primary
  source confirmed the pairing) carries ``inferred`` = True.
- **Qualification.** A teacher below S1/D-IV (jenjang pendidikan SMA, D1, D2,
  D3) is flagged whatever the programme (UU 14/2005 Pasal 9; PP 74/2008 Pasal 2),
  apart from linieritas.
- **24 JJM.** A certified teacher must teach at least 24 face-to-face hours a
  week (PP 74/2008 Pasal 52 as amended by PP 19/2017; Permendikdasmen 11/2025).
  Only linier hours count; tugas tambahan add their equivalent (Permendikdasmen
  11/2025 Pasal 10: 12 JTM; Pasal 11: the others, together at most 6 JTM). Guru BK
  are judged by pupils served (at least 150; PP 74/2008 Pasal 54), heads by
  their own rule: neither is in the 24-JJM list.

A teacher is out of field when any subject taught is tidak linier; shares are
over teachers with at least one judged subject. Teacher figures count pendidik only.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.reference import subjects

LINIER = "linier"
TIDAK_LINIER = "tidak_linier"
UNKNOWN = "unknown"
#: Judgements, in display order.
STATUSES = (LINIER, TIDAK_LINIER, UNKNOWN)

#: Weekly face-to-face hours a certified teacher must teach (PP 74/2008 Pasal 52 as amended by PP 19/2017).
JJM_MINIMUM = 24.0
#: Info GTK JJM bands: (label, lower bound inclusive), highest first.
JJM_BANDS = (("A1", 24.0), ("A2", 18.0), ("A3", 12.0), ("A4", 0.0))
#: Jenjang pendidikan below S1/D-IV (UU 14/2005 Pasal 9; PP 74/2008 Pasal 2).
BELOW_S1 = ("SMA", "D1", "D2", "D3")
#: Jenis PTK whose load is not counted in JJM: BK by pupils (PP 74/2008 Pasal 54), the head by the head's rule.
GURU_BK = "Guru BK"
KEPALA_SEKOLAH = "Kepala Sekolah"
#: The reference table of tugas tambahan and their JTM equivalents (Permendikdasmen 11/2025).
DUTY_FILE = subjects.REFERENCE_DIR / "tugas_tambahan.csv"
#: At most this many JTM a week for the "other" duties together (Permendikdasmen 11/2025 Pasal 11).
OTHER_DUTY_CAP = 6.0

#: Where the rules come from, by the basis of a judgement.
SOURCE_CERTIFICATE = "Permendikbudristek 7/2024"
SOURCE_PROGRAMME = "Permendiknas 16/2007"
SOURCE_KMA_303 = "KMA 303/2016"


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


def _blank(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) or not str(v).strip()


def _judge(subject: str, sertifikasi: str | None, prodi: str | None, jenjang: str | None, table: object) -> tuple[str, str, str]:
    """``(status, basis, source)`` of one canonical subject (see :func:`judge_one`)."""
    if sertifikasi is not None:
        covered = subjects.certificate_subjects(sertifikasi, table)
        if covered is None:
            return UNKNOWN, "sertifikasi_unknown", ""
        if subject in covered:
            as_subject = subjects.is_known_subject(sertifikasi) and subjects.canonical_subject(sertifikasi) == subject
            source = SOURCE_CERTIFICATE if as_subject else (subjects.pairing_source(sertifikasi, subject, table) or SOURCE_CERTIFICATE)
            return LINIER, "sertifikasi", source
        if subject == subjects.GURU_KELAS and jenjang == "MI" and covered & subjects.class_subjects():
            return LINIER, "sertifikasi_kma303", SOURCE_KMA_303
        return TIDAK_LINIER, "sertifikasi", SOURCE_CERTIFICATE
    qualified = subjects.qualified_subjects(prodi, table)
    if qualified is None:
        return UNKNOWN, "prodi_unknown", ""
    if subject in qualified:
        return LINIER, "prodi", subjects.pairing_source(prodi, subject, table) or SOURCE_PROGRAMME
    return TIDAK_LINIER, "prodi", SOURCE_PROGRAMME


def judge_one(
    subject: object,
    sertifikasi: object,
    prodi: object,
    kependidikan: object = None,
    prodi_path: object = None,
    jenjang: object = None,
    with_source: bool = False,
) -> tuple[str, ...]:
    """Judge one teacher × subject.

    Parameters
    ----------
    subject : str
        Subject taught (any written form of ``mata_pelajaran.csv``).
    sertifikasi : str or None
        Field of the teaching certificate; empty when uncertified.
    prodi : str or None
        Study programme (jurusan/prodi).
    kependidikan : bool or None
        Kept for callers; it decides nothing since the class-teacher rule names
        PGSD/PGMI and psikologi only (Permendiknas 16/2007).
    prodi_path : path, optional
        A replacement programme table (default ``data/reference/prodi_mapel.csv``).
    jenjang : str, optional
        The school's jenjang ("MI" lets a subject certificate cover Guru Kelas, KMA 303/2016).
    with_source : bool
        Also return the source of the rule or of the table row the judgement rests on.

    Returns
    -------
    tuple of str
        ``(status, basis)`` or, with ``with_source``, ``(status, basis, source)``:
        status one of :data:`STATUSES`; basis ``"sertifikasi"``,
        ``"sertifikasi_kma303"``, ``"prodi"`` or the reason it is unknown
        (``"subject_unknown"``, ``"sertifikasi_unknown"``, ``"prodi_unknown"``);
        source e.g. "Permendiknas 16/2007", "inferred" or ``""`` when unknown.
    """
    if _blank(subject) or not subjects.is_known_subject(str(subject)):
        out: tuple[str, str, str] = (UNKNOWN, "subject_unknown", "")
    else:
        cert = None if _blank(sertifikasi) else str(sertifikasi)
        out = _judge(
            subjects.canonical_subject(str(subject)),
            cert,
            None if _blank(prodi) else str(prodi),
            None if _blank(jenjang) else str(jenjang),
            prodi_path or subjects.PRODI_FILE,
        )
    return out if with_source else out[:2]


def merge_class_subjects(guru: pd.DataFrame, mengajar: pd.DataFrame) -> pd.DataFrame:
    """A Guru Kelas's class subjects as one "Guru Kelas" assignment.

    Dapodik records a class teacher's hours subject by subject; judged one by
    one a PGSD teacher would be out of field in every one of them. When Jenis
    PTK is Guru Kelas, the rows whose subject is a class subject
    (:func:`analysis.reference.subjects.class_subjects`) or Guru Kelas itself become one
    row "Guru Kelas" (Permendiknas 16/2007; Permendikbudristek 12/2024); the
    other subjects (Pendidikan Agama, PJOK, the PAI subjects, Bahasa Arab)
    stay as they are.

    Parameters
    ----------
    guru : DataFrame
        One row per PTK (``guru_id``, ``jenis_ptk`` if known).
    mengajar : DataFrame
        One row per teacher × subject (``guru_id``, ``mata_pelajaran``, ``jjm``).

    Returns
    -------
    DataFrame
        ``guru_id``, ``mata_pelajaran`` (canonical), ``jjm`` (JP per week; the sum of
        the merged rows, NaN when any of them lacks its JJM), in the input's order
        (a merged row where the first class subject was).
    """
    m = mengajar.loc[mengajar["guru_id"].notna() & mengajar["mata_pelajaran"].notna(), ["guru_id", "mata_pelajaran", "jjm"]].copy()
    names = {x: subjects.canonical_subject(str(x)) for x in pd.unique(m["mata_pelajaran"])}  # once per distinct name, not per row
    m["mata_pelajaran"] = m["mata_pelajaran"].map(names)
    m["jjm"] = pd.to_numeric(m["jjm"], errors="coerce")
    if "jenis_ptk" not in guru or m.empty:
        return m.reset_index(drop=True)
    kelas_ids = set(guru.loc[guru["jenis_ptk"].eq("Guru Kelas").fillna(False).to_numpy(dtype=bool), "guru_id"])
    kelas = subjects.class_subjects() | {subjects.GURU_KELAS}
    merge = m["guru_id"].isin(kelas_ids) & m["mata_pelajaran"].isin(kelas)
    if not merge.any():
        return m.reset_index(drop=True)
    m["_order"] = np.arange(len(m))
    part = m[merge].assign(_na=lambda x: x["jjm"].isna())
    merged = part.groupby("guru_id", sort=False).agg(_order=("_order", "min"), jjm=("jjm", "sum"), _na=("_na", "any")).reset_index()
    merged["jjm"] = merged["jjm"].where(~merged["_na"])
    merged["mata_pelajaran"] = subjects.GURU_KELAS
    out = pd.concat([m[~merge], merged], ignore_index=True).sort_values("_order")
    return out[["guru_id", "mata_pelajaran", "jjm"]].reset_index(drop=True)


def judge(guru: pd.DataFrame, mengajar: pd.DataFrame, prodi_path: object = None, sekolah: pd.DataFrame | None = None) -> pd.DataFrame:
    """Judge every teacher × subject taught.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member (``guru_id``, ``npsn``, ``pendidik``,
        ``sertifikasi``, ``jurusan_prodi``; ``jenis_ptk`` when known, for the
        Guru Kelas assignment, :func:`merge_class_subjects`).
    mengajar : DataFrame
        One row per teacher × subject (``guru_id``, ``mata_pelajaran``, ``jjm``).
    prodi_path : path, optional
        A replacement programme table.
    sekolah : DataFrame, optional
        One row per school (``npsn``, ``jenjang``): an MI's jenjang lets a subject
        certificate cover Guru Kelas (KMA 303/2016). Without it no school is an MI.

    Returns
    -------
    DataFrame
        One row per teacher × subject of a pendidik (a Guru Kelas's class subjects
        as one row "Guru Kelas"): ``guru_id``, ``npsn``, ``mata_pelajaran``
        (canonical), ``jjm`` (JP per week, may be missing), ``status``
        (:data:`STATUSES`), ``basis``, ``sumber`` (the rule or table row the
        judgement rests on), ``inferred`` (bool: it rests on a row marked
        inferred), ``sertifikasi`` and ``jurusan_prodi`` (as written, to list what
        the tables miss). Rows of unknown teachers and of tenaga kependidikan are left out.
    """
    cols = ["guru_id", "npsn", "mata_pelajaran", "jjm", "status", "basis", "sumber", "inferred", "sertifikasi", "jurusan_prodi"]
    if guru.empty or mengajar.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c == "jjm" else bool if c == "inferred" else object) for c in cols})
    teachers = guru.loc[guru["pendidik"].fillna(False).astype(bool).to_numpy(), ["guru_id", "npsn", "sertifikasi", "jurusan_prodi"]]
    df = merge_class_subjects(guru, mengajar).merge(teachers, on="guru_id", how="inner")
    jenjang_of: dict = {}
    if sekolah is not None and len(sekolah) and "jenjang" in sekolah:
        jenjang_of = dict(zip(sekolah["npsn"], sekolah["jenjang"]))
    cache: dict[tuple, tuple[str, str, str]] = {}
    res = []
    for subj, npsn, cert, prodi in zip(df["mata_pelajaran"], df["npsn"], df["sertifikasi"], df["jurusan_prodi"]):
        jen = jenjang_of.get(npsn)
        key = (subj, cert if isinstance(cert, str) else None, prodi if isinstance(prodi, str) else None, jen if isinstance(jen, str) else None)
        if key not in cache:
            cache[key] = judge_one(key[0], key[1], key[2], prodi_path=prodi_path, jenjang=key[3], with_source=True)  # type: ignore[assignment]
        res.append(cache[key])
    status, basis, source = (list(x) for x in zip(*res)) if res else ([], [], [])
    out = pd.DataFrame(
        {
            "guru_id": df["guru_id"].to_numpy(dtype=object),
            "npsn": df["npsn"].to_numpy(dtype=object),
            "mata_pelajaran": df["mata_pelajaran"].to_numpy(dtype=object),
            "jjm": df["jjm"].to_numpy(dtype=float),
            "status": np.array(status, dtype=object),
            "basis": np.array(basis, dtype=object),
            "sumber": np.array(source, dtype=object),
            "inferred": np.array([subjects.is_inferred(x) for x in source], dtype=bool),
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
        (bool: every subject has its JJM), ``any_unknown`` (bool: some subject
        cannot be judged), ``inferred`` (bool: some judgement rests on an inferred
        table row), ``reaches_24_only_out_of_field`` (bool: total ≥ 24 JJM but the
        linier hours alone are not; PP 74/2008 Pasal 52).
    """
    cols = [
        "guru_id",
        "npsn",
        "status",
        "subjects_out",
        "jjm_total",
        "jjm_out",
        "jjm_in",
        "jjm_complete",
        "any_unknown",
        "inferred",
        "reaches_24_only_out_of_field",
    ]
    if judged.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    d = judged.assign(
        _out=judged["status"].eq(TIDAK_LINIER),
        _in=judged["status"].eq(LINIER),
        _unk=judged["status"].eq(UNKNOWN),
        _jjm=judged["jjm"].fillna(0.0),
        _na=judged["jjm"].isna(),
    )
    d["_jjm_out"] = d["_jjm"].where(d["_out"], 0.0)
    d["_jjm_in"] = d["_jjm"].where(d["_in"], 0.0)
    g = d.groupby("guru_id", sort=True)
    out = pd.DataFrame(
        {
            "npsn": g["npsn"].first(),
            "any_out": g["_out"].any(),
            "all_unknown": g["_unk"].all(),
            "any_unknown": g["_unk"].any(),
            "inferred": g["inferred"].any() if "inferred" in d else False,
            "jjm_complete": ~g["_na"].any(),
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
        ``out_of_field_unknown`` (teachers whose subjects are all unknown),
        ``judgements_inferred`` (teacher × subject judgements resting on a table
        row marked inferred) and ``teachers_inferred`` (teachers with one);
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
        "judgements_inferred": int(judged["inferred"].sum()) if "inferred" in judged else 0,
        "teachers_inferred": int(judged.loc[judged["inferred"].astype(bool), "guru_id"].nunique()) if "inferred" in judged else 0,
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
        return pd.DataFrame(
            {"group": pd.Series(dtype=object), "judged": pd.Series(dtype=int), "out_of_field": pd.Series(dtype=int), "share": pd.Series(dtype=float)}
        )
    g = d.groupby("group", sort=True)["out"]
    out = pd.DataFrame({"judged": g.size(), "out_of_field": g.sum().astype(int)})
    out["share"] = out["out_of_field"] / out["judged"]
    return out.reset_index()


def below_s1(guru: pd.DataFrame) -> pd.DataFrame:
    """Pendidik whose qualification is below S1/D-IV.

    A teacher needs an S1 or D-IV degree whatever the programme (UU 14/2005
    Pasal 9; PP 74/2008 Pasal 2): one with jenjang pendidikan SMA, D1, D2 or D3
    is flagged here, apart from linieritas (a D2 PGSD class teacher is linier by
    programme and still below the qualification).

    Parameters
    ----------
    guru : DataFrame
        One row per PTK (``guru_id``, ``npsn``, ``pendidik``, ``jenjang_pendidikan``, ``jurusan_prodi``).

    Returns
    -------
    DataFrame
        One row per such pendidik: ``guru_id``, ``npsn``, ``jenjang_pendidikan``, ``jurusan_prodi``.
    """
    cols = ["guru_id", "npsn", "jenjang_pendidikan", "jurusan_prodi"]
    if guru.empty or "jenjang_pendidikan" not in guru:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    keep = guru["pendidik"].fillna(False).astype(bool).to_numpy() & guru["jenjang_pendidikan"].isin(BELOW_S1).to_numpy()
    g = guru.loc[keep]
    return pd.DataFrame({c: g[c].to_numpy(dtype=object) if c in g else np.full(len(g), None, dtype=object) for c in cols})


@lru_cache(maxsize=4)
def _duty_table(path: str) -> tuple[tuple[str, str, float, str, str], ...]:
    """``(alias normalised, name, jtm, kind, source)``, longest alias first."""
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            for alias in [name, *(row.get("aliases") or "").split(";")]:
                if alias.strip():
                    rows.append((subjects.normalize_name(alias), name, float(row["jjm_equivalent"]), row["kind"].strip(), row["source"].strip()))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def duty_hours(text: object, path: Path | str = DUTY_FILE) -> tuple[float, list[str], list[str]]:
    """The JTM a ``Tugas Tambahan`` cell is worth toward the 24.

    The cell may name several duties (separated by ";", "," or a line break);
    each is matched to ``tugas_tambahan.csv`` by name or alias, a longer name
    matching first and a written name that starts with a known one counting as
    it ("Wakil Kepala Sekolah Bidang Kurikulum"). Permendikdasmen 11/2025:
    a Pasal 10 duty (wakil kepala sekolah, ketua program keahlian, kepala
    perpustakaan, kepala laboratorium/bengkel) is worth 12 JTM, several of
    them still 12; the Pasal 11 duties (wali kelas, pembina OSIS, pembina
    ekstrakurikuler, koordinator, guru piket, ...) add their value, together at
    most :data:`OTHER_DUTY_CAP` (6) JTM.

    Returns
    -------
    tuple
        ``(jtm, known, unknown)``: JTM per week (0 for a blank cell), the duties
        matched (table names) and the parts no row matches (credited nothing).
    """
    if _blank(text):
        return 0.0, [], []
    table = _duty_table(str(path))
    main, other, known, unknown = 0.0, 0.0, [], []
    for part in re.split(r"[;,\n\r]+", str(text)):
        key = subjects.normalize_name(part)
        if not key:
            continue
        hit = next((r for r in table if key == r[0] or key.startswith(r[0] + " ")), None)
        if hit is None:
            unknown.append(part.strip())
            continue
        known.append(hit[1])
        if hit[3] == "melekat":
            main = max(main, hit[2])
        else:
            other += hit[2]
    return main + min(other, OTHER_DUTY_CAP), known, unknown


def duty_credit(guru: pd.DataFrame, path: Path | str = DUTY_FILE) -> pd.DataFrame:
    """The tugas tambahan hours credited to each teacher toward the 24 JJM.

    ``Jam Tugas Tambahan`` is taken as written (Dapodik computes it); where it is
    blank the ``Tugas Tambahan`` text is valued by :func:`duty_hours`.

    Returns
    -------
    DataFrame
        One row per row of ``guru``: ``guru_id``, ``duty_jjm`` (JTM per week),
        ``duty_from`` (``"jam_tugas_tambahan"``, ``"tugas_tambahan"`` or ``None``
        when neither says anything), ``duty_unknown`` (duty names the table
        lacks, joined by "; ", or ``None``).
    """
    n = len(guru)
    hours = pd.to_numeric(guru["jam_tugas_tambahan"], errors="coerce").to_numpy(dtype=float) if "jam_tugas_tambahan" in guru else np.full(n, np.nan)
    texts = guru["tugas_tambahan"].to_numpy(dtype=object) if "tugas_tambahan" in guru else np.full(n, None, dtype=object)
    credit: list[float] = []
    source: list[str | None] = []
    missing: list[str | None] = []
    valued: dict[object, tuple[float, list[str], list[str]]] = {}
    for h, text in zip(hours, texts):
        if not np.isnan(h):
            credit.append(float(h))
            source.append("jam_tugas_tambahan")
            missing.append(None)
            continue
        key = None if _blank(text) else str(text)
        if key not in valued:
            valued[key] = duty_hours(key, path)
        jtm, known, unknown = valued[key]
        credit.append(jtm)
        source.append("tugas_tambahan" if known or unknown else None)
        missing.append("; ".join(unknown) or None)
    return pd.DataFrame(
        {
            "guru_id": guru["guru_id"].to_numpy(dtype=object),
            "duty_jjm": np.array(credit, dtype=float),
            "duty_from": np.array(source, dtype=object),
            "duty_unknown": np.array(missing, dtype=object),
        }
    )


def _link_frame(judged: pd.DataFrame, guru: pd.DataFrame) -> pd.DataFrame:
    """Every certified pendidik with a subject, with what decides whether the 24-JJM list takes them."""
    pt = per_teacher(judged)
    if pt.empty:
        return pt
    info = guru.drop_duplicates("guru_id").set_index("guru_id")
    cert = info["sertifikasi"].reindex(pt["guru_id"])
    pt = pt[(cert.notna() & cert.astype(str).str.strip().ne("")).to_numpy()].copy()
    jenis = info["jenis_ptk"].reindex(pt["guru_id"]) if "jenis_ptk" in info else pd.Series(None, index=pt["guru_id"], dtype=object)
    pt["_head"] = (jenis == KEPALA_SEKOLAH).to_numpy()
    pt["_bk"] = (jenis == GURU_BK).to_numpy()
    duty = duty_credit(guru.drop_duplicates("guru_id")).set_index("guru_id").reindex(pt["guru_id"])
    for c in ("duty_jjm", "duty_from", "duty_unknown"):
        pt[c] = duty[c].to_numpy()
    pt["duty_jjm"] = pt["duty_jjm"].fillna(0.0)
    pt["_undetermined"] = ~pt["_head"] & ~pt["_bk"] & (~pt["jjm_complete"].astype(bool) | pt["any_unknown"].astype(bool))
    pt["jjm_counted"] = pt["jjm_in"] + pt["duty_jjm"]
    return pt


def jjm_link(judged: pd.DataFrame, guru: pd.DataFrame) -> pd.DataFrame:
    """The 24-JJM list: certified teachers whose counted hours are below 24 JJM a week.

    A certified teacher must teach at least 24 face-to-face hours a week (PP
    74/2008 Pasal 52 as amended by PP 19/2017; Permendikdasmen 11/2025). Only
    linier hours count; the tugas tambahan equivalent is added
    (:func:`duty_credit`). Out-of-field hours do not count: they are shown as
    the hours that do not count, never as filling the gap.

    Parameters
    ----------
    judged : DataFrame
        Output of :func:`judge`.
    guru : DataFrame
        One row per teacher (``guru_id``, ``sertifikasi``, ``jenis_ptk``,
        ``jam_tugas_tambahan``, ``tugas_tambahan``; missing columns read as empty).

    Returns
    -------
    DataFrame
        One row per certified pendidik whose counted hours are below 24:
        ``guru_id``, ``npsn``, ``jjm_in`` (linier JJM), ``duty_jjm`` (tugas
        tambahan JTM credited), ``jjm_counted`` (their sum), ``jjm_not_counted``
        (hours taught that do not count: out-of-field), ``jjm_total`` (all hours
        taught), ``gap`` (24 − jjm_counted), ``band`` (Info GTK band of the counted
        hours), ``duty_unknown`` (duty names the table lacks), sorted by gap,
        largest first. Left out: the Kepala Sekolah (the head's own rule), Guru BK
        (judged by pupils served, at least 150, PP 74/2008 Pasal 54: the workbook
        has no pupils column, so they are "not judged by JJM"), and teachers with a
        subject lacking its JJM or judged unknown (the gap cannot be told); see
        :func:`jjm_link_totals`.
    """
    return _link_list(_link_frame(judged, guru))


def _link_list(pt: pd.DataFrame) -> pd.DataFrame:
    """The 24-JJM list from :func:`_link_frame` (see :func:`jjm_link`)."""
    cols = ["guru_id", "npsn", "jjm_in", "duty_jjm", "jjm_counted", "jjm_not_counted", "jjm_total", "gap", "band", "duty_unknown"]
    if pt.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    pt = pt[~pt["_head"] & ~pt["_bk"] & ~pt["_undetermined"] & (pt["jjm_counted"] < JJM_MINIMUM)].copy()
    pt["jjm_not_counted"] = pt["jjm_out"]
    pt["gap"] = JJM_MINIMUM - pt["jjm_counted"]
    pt["band"] = [jjm_band(x) for x in pt["jjm_counted"]]
    return pt.sort_values(["gap", "guru_id"], ascending=[False, True])[cols].reset_index(drop=True)


def jjm_link_totals(judged: pd.DataFrame, guru: pd.DataFrame) -> dict[str, float | int]:
    """The counts around the 24-JJM list (:func:`jjm_link`).

    Returns
    -------
    dict
        ``certified`` (certified pendidik with a subject), ``jjm_short`` (teachers
        in the list), ``jjm_gap_total`` (JJM per week, sum of their gaps),
        ``jjm_not_counted_total`` (their out-of-field hours), ``bk_not_judged``
        (certified Guru BK: judged by pupils served, not JJM), ``heads`` (Kepala
        Sekolah, own rule), ``jjm_undetermined`` (a subject lacks its JJM or is
        unknown), ``duty_unknown`` (teachers with a duty name the table lacks).
    """
    pt = _link_frame(judged, guru)
    link = _link_list(pt)
    if pt.empty:
        return {
            "certified": 0,
            "jjm_short": 0,
            "jjm_gap_total": 0.0,
            "jjm_not_counted_total": 0.0,
            "bk_not_judged": 0,
            "heads": 0,
            "jjm_undetermined": 0,
            "duty_unknown": 0,
        }
    return {
        "certified": int(len(pt)),
        "jjm_short": int(len(link)),
        "jjm_gap_total": float(link["gap"].sum()) if len(link) else 0.0,
        "jjm_not_counted_total": float(link["jjm_not_counted"].sum()) if len(link) else 0.0,
        "bk_not_judged": int(pt["_bk"].sum()),
        "heads": int(pt["_head"].sum()),
        "jjm_undetermined": int(pt["_undetermined"].sum()),
        "duty_unknown": int(pt["duty_unknown"].notna().sum()),
    }


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
