"""The district view: schools filtered by jenjang, kecamatan, naungan and status, one row per school, and a teacher's page.

Every figure comes from :func:`analysis.views.school.headline`, so the overview, the
school page, the comparison and the reports agree; colour bands come from
:mod:`analysis.reference.bands`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis.core import formatting, schema
from analysis.core.dataset import Dataset
from analysis.core.results import Result
from analysis.i18n import t
from analysis.metrics import ict, linieritas, participation, pkg, staff
from analysis.reference import bands
from analysis.views import school

#: Filterable school attributes (columns of the Sekolah sheet), in display order.
FILTERS: tuple[str, ...] = ("jenjang", "kecamatan", "naungan", "status")
#: Figures of the per-school table, in display order (keys of :func:`analysis.views.school.headline`).
FIGURES: tuple[str, ...] = (
    "teachers",
    "certified_share",
    "out_of_field_share_headcount",
    "ict_below_target_share",
    "trained_last_12_months_share",
    "domain_mean_pedagogik",
    "domain_mean_kepribadian",
    "domain_mean_sosial",
    "domain_mean_profesional",
)


def filter_options(ds: Dataset) -> dict[str, list[str]]:
    """The values each filter can take in ``ds``.

    Returns
    -------
    dict
        Filter key → sorted distinct non-empty values of that Sekolah column.
    """
    sk = ds.tables["sekolah"]
    return {f: sorted({str(v) for v in sk[f].dropna() if str(v).strip()}) for f in FILTERS}


def filtered_npsn(ds: Dataset, filters: Mapping[str, Sequence[str]]) -> list[str]:
    """NPSN of the schools that pass every filter.

    Parameters
    ----------
    ds : Dataset
    filters : mapping
        Filter key → accepted values; an empty or missing list accepts every value.

    Returns
    -------
    list of str
        In the Sekolah table's order.

    Raises
    ------
    KeyError
        If a filter key is not one of :data:`FILTERS`.
    """
    sk = ds.tables["sekolah"]
    mask = pd.Series(True, index=sk.index)
    for key, values in filters.items():
        if key not in FILTERS:
            raise KeyError(key)
        if values:
            mask &= sk[key].astype(str).isin([str(v) for v in values])
    return [str(n) for n in sk.loc[mask, "npsn"]]


def school_table(ds: Dataset, npsns: Sequence[str] | None = None, ict_target: int = ict.DEFAULT_TARGET, reference_date: date | None = None) -> pd.DataFrame:
    """One row per school with the overview figures and their colour bands.

    Parameters
    ----------
    ds : Dataset
    npsns : sequence of str, optional
        Schools to include (default: all of the Sekolah table).
    ict_target : int
        ICT level 1–4 counted as enough.
    reference_date : datetime.date, optional
        Overrides the data's reference date (one date for all schools).

    Returns
    -------
    DataFrame
        One row per school: ``npsn``, ``nama_sekolah``, the :data:`FILTERS`
        columns, every figure of :data:`FIGURES` (counts; shares 0–1; means
        0–100; NaN where the data cannot say) and ``band_<figure>`` for each
        figure with a rule in :data:`analysis.reference.bands.RULES`.
    """
    ref = ds.reference_date(reference_date)
    sk = ds.tables["sekolah"]
    if npsns is not None:
        wanted = [str(n) for n in npsns]
        sk = sk[sk["npsn"].isin(wanted)]
    rows = []
    for rec in sk.to_dict("records"):
        head = school.headline(school.select(ds, rec["npsn"], ref), ict_target=ict_target)
        row = {"npsn": rec["npsn"], "nama_sekolah": rec["nama_sekolah"], **{f: rec.get(f) for f in FILTERS}}
        for f in FIGURES:
            v = head.get(f)
            row[f] = float("nan") if v is None else v
            if f in bands.RULES:
                row[f"band_{f}"] = bands.band(f, None if v is None else float(v))
        rows.append(row)
    cols = ["npsn", "nama_sekolah", *FILTERS, *FIGURES, *(f"band_{f}" for f in FIGURES if f in bands.RULES)]
    return pd.DataFrame(rows, columns=cols)


def teacher_choices(ds: Dataset, npsn: str) -> pd.DataFrame:
    """The pendidik of one school, for the teacher picker.

    Returns
    -------
    DataFrame
        One row per pendidik: ``guru_id``, ``nama``, ``jenis_ptk``, in the Guru sheet's order.
    """
    g = staff.pendidik(ds.tables["guru"])
    return g.loc[g["npsn"] == npsn, ["guru_id", "nama", "jenis_ptk"]].reset_index(drop=True)


@dataclass(frozen=True, eq=False)
class TeacherProfile(Result):
    """What :func:`teacher_profile` returns (read by attribute or, as before, by name).

    Attributes
    ----------
    profile : dict
        The teacher's own fields (name, NUPTK, status, jurusan/prodi, sertifikasi, ...), ``age`` in
        years and ``age_band``; ``None`` where unknown.
    subjects : DataFrame
        One row per subject taught: ``mata_pelajaran``, ``jjm``, linieritas ``status``, ``basis``, ``sumber``, ``inferred``.
    assessments : DataFrame
        One row per assessment × domain (long), scores 0–100.
    nilai : DataFrame
        One row per assessment: date, source (PKG / UKG / ...), score 0–100 and PKG category.
    trainings : DataFrame
        One row per training attended.
    trained_last_12_months : bool
        Any training in the 12 months before the reference date.
    ict : DataFrame
        One row per ICT skill: self-rated level 1–4 (NaN when not rated).
    """

    profile: dict
    subjects: pd.DataFrame
    assessments: pd.DataFrame
    nilai: pd.DataFrame
    trainings: pd.DataFrame
    trained_last_12_months: bool
    ict: pd.DataFrame


def teacher_profile(ds: Dataset, guru_id: str, reference_date: date | None = None) -> TeacherProfile:
    """Everything the teacher view shows about one teacher.

    Parameters
    ----------
    ds : Dataset
    guru_id : str
        The teacher (``guru.guru_id``).
    reference_date : datetime.date, optional

    Returns
    -------
    dict
        ``profile`` (dict: npsn, nama, nuptk, nip, jk, jenis_ptk, status_kepegawaian,
        jenjang_pendidikan, jurusan_prodi, sertifikasi, tahun_sertifikasi, jjm, age
        in years, age_band; the page decides what a role may see), ``subjects`` (one row per
        subject: ``mata_pelajaran``, ``jjm``, ``status``, ``basis``, ``sumber``, ``inferred``),
        ``assessments`` (one row per assessment × domain: ``tanggal_penilaian``,
        ``sumber``, ``domain``, ``score`` 0–100), ``nilai`` (one row per assessment:
        date, sumber, ``nilai``, ``kategori``), ``trainings`` (one row per training,
        latest first: ``nama_pelatihan``, ``jenis``, ``penyelenggara``,
        ``tanggal_mulai``, ``tanggal_selesai``, ``jp``, ``fokus``), ``ict`` (one row
        per skill: ``skill``, ``level`` 1–4 or NaN).

    Raises
    ------
    KeyError
        If ``guru_id`` is not a teacher of ``ds``.
    """
    g = ds.tables["guru"]
    rows = g[g["guru_id"] == guru_id]
    if rows.empty:
        raise KeyError(guru_id)
    rec = rows.iloc[0]
    ref = ds.reference_date(reference_date)
    age = staff.age_years(rows, ref).iloc[0]
    keys = (
        "npsn",
        "nama",
        "nuptk",
        "nip",
        "jk",
        "jenis_ptk",
        "status_kepegawaian",
        "jenjang_pendidikan",
        "jurusan_prodi",
        "sertifikasi",
        "tahun_sertifikasi",
        "jjm",
    )
    band = staff.age_band(rows, ref).iloc[0]
    profile = {k: (None if pd.isna(rec[k]) else rec[k]) for k in keys} | {
        "age": None if pd.isna(age) else int(age),
        "age_band": None if band == "unknown" else band,
    }
    judged = linieritas.judge(rows, ds.tables["mengajar"][ds.tables["mengajar"]["guru_id"] == guru_id], sekolah=ds.tables["sekolah"])
    pen = ds.tables["penilaian"][ds.tables["penilaian"]["guru_id"] == guru_id]
    scores = pkg.assessment_scores(pen).sort_values("tanggal_penilaian")
    long = scores.melt(id_vars=["tanggal_penilaian", "sumber"], value_vars=list(schema.DOMAINS), var_name="domain", value_name="score").dropna(subset=["score"])
    pel = ds.tables["pelatihan"][ds.tables["pelatihan"]["guru_id"] == guru_id]
    trainings = pel[["nama_pelatihan", "jenis", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp", "fokus"]].sort_values(
        "tanggal_mulai", ascending=False
    )
    ict_levels = pd.DataFrame({"skill": list(ict.SKILLS), "level": [pd.to_numeric(rec[s], errors="coerce") for s in ict.SKILLS]})
    return TeacherProfile(
        profile=profile,
        subjects=judged[["mata_pelajaran", "jjm", "status", "basis", "sumber", "inferred"]].reset_index(drop=True),
        assessments=long.reset_index(drop=True),
        nilai=scores[["tanggal_penilaian", "sumber", "nilai", "kategori"]].reset_index(drop=True),
        trainings=trainings.reset_index(drop=True),
        trained_last_12_months=bool(len(participation.trainings_in_window(pel, ref))),
        ict=ict_levels,
    )


def filter_lines(
    filters: Mapping[str, Sequence[str]] | None, lang: str, reference_date: date, ict_target: int = ict.DEFAULT_TARGET, schools: Sequence[str] | None = None
) -> list[tuple[str, str]]:
    """The filters a report was made with, as (label, value) lines in ``lang``, for its header and its Filter sheet.

    Parameters
    ----------
    filters : mapping, optional
        Filter key of :data:`FILTERS` → accepted values (empty: every value, written "All").
    lang : {"id", "en"}
    reference_date : datetime.date
        The report's reference date (written dd/mm/yyyy).
    ict_target : int
        ICT level 1–4 counted as enough.
    schools : sequence of str, optional
        School names when the report covers a choice of schools (one school for a school report).

    Returns
    -------
    list of (str, str)
        One line per filter of :data:`FILTERS`, then the schools (when given),
        the reference date and the ICT target level.
    """

    filters = filters or {}
    lines = [(t(f"ringkasan.filter.{f}", lang), ", ".join(str(v) for v in filters.get(f) or ()) or t("report.filter.all", lang)) for f in FILTERS]
    if schools is not None:
        lines.append((t("report.filter.schools", lang), ", ".join(str(s) for s in schools)))
    lines.append((t("report.filter.reference_date", lang), formatting.date(reference_date, lang)))
    lines.append((t("report.filter.ict_target", lang), str(ict_target)))
    return lines
