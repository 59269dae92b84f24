"""One school's figures, gathered from the analyses for the *Profil Sekolah* page and the reports.

Nothing is computed here that an analysis module does not define: this module
selects one school's rows (or a district's) and calls :mod:`analysis.metrics.staff`,
:mod:`analysis.metrics.participation`, :mod:`analysis.metrics.pkg`, :mod:`analysis.metrics.ict` and
:mod:`analysis.metrics.linieritas`, so that a page, the command line and a report
show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis.core import formatting, schema
from analysis.core.dataset import Dataset
from analysis.core.results import Result
from analysis.i18n import t as tr
from analysis.metrics import effects, ict, linieritas, participation, pkg, staff
from analysis.metrics.distributions import box_stats, histogram_counts
from analysis.metrics.privacy import display_names, pseudonym


@dataclass
class Selection:
    """The tables of one school (or of the schools chosen), rows only of its teachers.

    Attributes
    ----------
    tables : dict of str to DataFrame
        Same tables as :class:`analysis.core.dataset.Dataset`, filtered.
    reference_date : datetime.date or None
        The date "last 12 months" counts back from (the whole dataset's, so
        that schools compare on the same window); ``None`` when the data holds
        no date and none was set (never the clock).
    reference_set : bool
        Whether a user set that date (else it is the latest date in the data).
    reference_source : str or None
        :meth:`analysis.core.dataset.Dataset.reference_source`: ``"set"``,
        ``"tanggal_unduh"``, ``"data"`` or ``None``.
    """

    tables: dict[str, pd.DataFrame]
    reference_date: date | None
    reference_set: bool = False
    reference_source: str | None = None

    @property
    def guru(self) -> pd.DataFrame:
        return self.tables["guru"]


#: Headline figures (:func:`headline`) as reports and the overview name them: key → (string key, kind "count" / "share" / "score").
HEADLINE: tuple[tuple[str, str, str], ...] = (
    ("teachers", "metric.teachers", "count"),
    ("staff", "metric.staff", "count"),
    ("certified_share", "metric.certified_share", "share"),
    ("out_of_field_share_headcount", "metric.out_of_field_share", "share"),
    ("out_of_field_share_jjm", "report.school.oof_jjm", "share"),
    ("out_of_field_unknown", "report.school.oof_unknown", "count"),
    ("ict_below_target_share", "metric.ict_below_target_share", "share"),
    ("trained_last_12_months_share", "metric.trained_share", "share"),
    ("domain_mean_pedagogik", "metric.domain_mean_pedagogik", "score"),
    ("domain_mean_kepribadian", "metric.domain_mean_kepribadian", "score"),
    ("domain_mean_sosial", "metric.domain_mean_sosial", "score"),
    ("domain_mean_profesional", "metric.domain_mean_profesional", "score"),
)


def schools_in(ds: Dataset) -> dict[str, str | None]:
    """Every school the dataset knows, NPSN → Nama Sekolah (``None`` when unnamed).

    The ``Sekolah`` table's schools first, in its order; then, in NPSN order,
    any NPSN that only ``Guru`` names (a Guru-only CSV, a teacher whose school
    row is missing), so that the app, the reports and ``summary`` all see the
    same schools.

    Returns
    -------
    dict
        NPSN (8-digit text) → name or ``None``.
    """
    sk = ds.tables["sekolah"]
    out: dict[str, str | None] = {
        str(n): (str(name) if isinstance(name, str) and name.strip() else None) for n, name in zip(sk["npsn"], sk["nama_sekolah"]) if isinstance(n, str) and n
    }
    for n in sorted(set(ds.tables["guru"]["npsn"].dropna().astype(str)) - set(out)):
        out[n] = None
    return out


def select(ds: Dataset, npsn: str | list[str] | None = None, reference_date: date | None = None) -> Selection:
    """The rows of one or more schools.

    Parameters
    ----------
    ds : Dataset
    npsn : str or list of str, optional
        The school(s); ``None`` keeps every school.
    reference_date : datetime.date, optional
        Overrides :meth:`Dataset.reference_date`.

    Returns
    -------
    Selection
        ``sekolah`` and ``guru`` filtered by NPSN; ``mengajar``, ``pelatihan``,
        ``penilaian`` and ``kinerja`` by the selected teachers' ``guru_id``; ``kendala`` by NPSN.
    """
    ref = ds.reference_date(reference_date)
    chosen = reference_date is not None or ds.as_of is not None
    source = ds.reference_source(reference_date)
    if npsn is None:
        return Selection(dict(ds.tables), ref, chosen, source)
    wanted = {npsn} if isinstance(npsn, str) else set(npsn)
    t = ds.tables
    guru = t["guru"][t["guru"]["npsn"].isin(wanted).to_numpy()]
    ids = set(guru["guru_id"])
    out = {
        "sekolah": t["sekolah"][t["sekolah"]["npsn"].isin(wanted).to_numpy()],
        "guru": guru,
        "kendala": t["kendala"][t["kendala"]["npsn"].isin(wanted).to_numpy()],
    }
    for k in ("mengajar", "pelatihan", "penilaian", "kinerja"):
        if k in t:
            out[k] = t[k][t[k]["guru_id"].isin(ids).to_numpy()]
    return Selection(out, ref, chosen, source)


def reference_caption(sel: Selection, lang: str) -> str:
    """The sentence that says which date "last 12 months" counts back from, and where that date comes from.

    Four cases: set by the user, the Dapodik download date (Tanggal Unduh),
    the latest training or assessment date, or no date at all (the figures
    that need one say so; the clock is never used).
    """

    if sel.reference_date is None:
        return tr("profil.reference_date.none", lang)
    key = {"set": "profil.reference_date.set", "tanggal_unduh": "profil.reference_date.unduh"}.get(
        sel.reference_source or ("set" if sel.reference_set else "data"), "profil.reference_date"
    )
    return tr(key, lang, date=formatting.date(sel.reference_date, lang))


@dataclass(frozen=True, eq=False)
class TrainingTables(Result):
    """What :func:`training_tables` returns (read by attribute or, as before, by name).

    Attributes
    ----------
    per_teacher : DataFrame
        One row per pendidik (:func:`analysis.metrics.participation.per_teacher`).
    types : DataFrame
        One row per Jenis pelatihan.
    jp_bins : DataFrame
        One row per JP bin: ``bin_start``, ``bin_end``, ``n`` teachers.
    untrained : DataFrame
        One row per pendidik with no training in the window.
    """

    per_teacher: pd.DataFrame
    types: pd.DataFrame
    jp_bins: pd.DataFrame
    untrained: pd.DataFrame


def training_tables(sel: Selection, months: int = participation.DEFAULT_MONTHS, jp_bin: float = 10.0) -> TrainingTables:
    """Training participation of the selection.

    Parameters
    ----------
    sel : Selection
    months : int
        Look-back window (default 12).
    jp_bin : float
        Width of the JP-per-teacher histogram bins, JP hours.

    Returns
    -------
    dict
        ``per_teacher`` (:func:`analysis.metrics.participation.per_teacher`, one row per
        pendidik), ``types`` (one row per Jenis), ``jp_bins`` (one row per JP bin:
        bin_start, bin_end, n teachers), ``untrained`` (one row per pendidik with
        no training in the window).
    """

    pt = participation.per_teacher(sel.guru, sel.tables["pelatihan"], sel.reference_date, months)
    return TrainingTables(
        per_teacher=pt,
        types=participation.type_counts(sel.guru, sel.tables["pelatihan"], sel.reference_date, months),
        jp_bins=histogram_counts(pt["jp"], jp_bin),
        untrained=participation.untrained(pt),
    )


@dataclass(frozen=True, eq=False)
class StaffTables(Result):
    """What :func:`staff_tables` returns (read by attribute or, as before, by name).

    Attributes
    ----------
    status_kepegawaian, jk, age_band : DataFrame
        One row per value × group (pendidik / tendik) with ``n``
        (:func:`analysis.metrics.staff.staff_counts`).
    """

    status_kepegawaian: pd.DataFrame
    jk: pd.DataFrame
    age_band: pd.DataFrame


def staff_tables(sel: Selection) -> StaffTables:
    """Head counts by status kepegawaian, gender and age band (teachers and support staff).

    Returns
    -------
    dict
        ``status``, ``jk``, ``age_band``: each one row per value × group (pendidik /
        tendik) with ``n`` (:func:`analysis.metrics.staff.staff_counts`).
    """
    guru, ref = _dated(sel)
    return StaffTables(**{by: staff.staff_counts(guru, by, ref) for by in ("status_kepegawaian", "jk", "age_band")})


def _dated(sel: Selection) -> tuple[pd.DataFrame, date]:
    """The teachers and the date ages count from; with no reference date every age is unknown (never the clock)."""
    if sel.reference_date is not None:
        return sel.guru, sel.reference_date
    return sel.guru.assign(tanggal_lahir=pd.Series(pd.NaT, index=sel.guru.index, dtype="datetime64[ns]")), date(1900, 1, 1)


def headline(sel: Selection, ict_target: int = ict.DEFAULT_TARGET, months: int = participation.DEFAULT_MONTHS) -> dict[str, float | int | None]:
    """The headline figures (cards) of the selection.

    Parameters
    ----------
    sel : Selection
    ict_target : int
        ICT level 1–4 counted as enough.
    months : int
        Training look-back window.

    Returns
    -------
    dict
        ``schools``, ``teachers`` (pendidik), ``staff`` (tenaga kependidikan),
        ``certified``, ``certified_share`` (0–1), ``out_of_field_share_headcount``
        and ``out_of_field_share_jjm`` (0–1 of judged teachers / JJM),
        ``out_of_field_unknown`` (teachers), ``ict_below_target_share`` (0–1,
        mean over the six skills), ``trained_last_12_months_share`` (0–1) and
        ``domain_mean_<domain>`` (0–100); ``None`` where the data cannot say.
    """
    head: dict[str, float | int | None] = {"schools": int(sel.tables["sekolah"]["npsn"].nunique())}
    head.update(staff.headline(sel.guru))
    judged = linieritas.judge(sel.guru, sel.tables["mengajar"], sekolah=sel.tables["sekolah"])
    totals = linieritas.totals(judged)
    head.update(totals)
    head["ict_below_target_share"] = ict.mean_below_share(ict.below_target(sel.guru, ict_target))
    head["trained_last_12_months_share"] = participation.recorded_trained_share(sel.guru, sel.tables["pelatihan"], sel.reference_date, months)
    latest = pkg.latest_per_teacher(pkg.assessment_scores(sel.tables["penilaian"], sel.guru))
    latest = latest[latest["guru_id"].isin(set(staff.pendidik(sel.guru)["guru_id"]))]
    for d, v in pkg.domain_means(latest).items():
        head[f"domain_mean_{d}"] = v
    return head


def assessment_years(sel: Selection) -> list[int]:
    """Years with a PKG, supervision or self assessment of the selection's teachers, latest first."""
    p = sel.tables["penilaian"]
    p = p[p["sumber"].isin(list(pkg.PROFILE_SOURCES)).to_numpy()]
    years = pd.to_datetime(p["tanggal_penilaian"], errors="coerce").dt.year.dropna().astype(int)
    return sorted(set(years), reverse=True)


@dataclass(frozen=True, eq=False)
class CompetencyTables(Result):
    """What :func:`competency_tables` returns (read by attribute or, as before, by name).

    Attributes
    ----------
    latest : DataFrame
        One row per teacher: the latest PKG of the period.
    by_school : DataFrame
        One row per school × domain: mean score 0–100.
    box : DataFrame
        One row per domain: quartiles for a box plot.
    categories : DataFrame
        One row per PKG category: count.
    ukg : DataFrame
        One row per UKG domain: mean 0–100 and teachers.
    """

    latest: pd.DataFrame
    by_school: pd.DataFrame
    box: pd.DataFrame
    categories: pd.DataFrame
    ukg: pd.DataFrame


def competency_tables(sel: Selection, year: int | None = None) -> CompetencyTables:
    """Four-domain competency of the selection's pendidik, latest assessment each (UKG apart).

    Returns
    -------
    dict
        ``latest`` (one row per teacher, :func:`analysis.metrics.pkg.latest_per_teacher`),
        ``box`` (one row per domain: quartiles for a box plot, :func:`analysis.metrics.distributions.box_stats`),
        ``categories`` (one row per PKG category: ``kategori``, ``n``, ``share``),
        ``ukg`` (one row per UKG domain, :func:`analysis.metrics.pkg.ukg_summary`),
        ``by_school`` (one row per school × domain: ``npsn``, ``domain``, ``mean`` 0–100, ``n``).
    year : int, optional
        Only assessments of that year (the latest of each teacher within it);
        ``None`` for each teacher's latest assessment.
    """

    ids = set(staff.pendidik(sel.guru)["guru_id"])
    scores = pkg.assessment_scores(sel.tables["penilaian"], sel.guru)
    scores = scores[scores["guru_id"].isin(ids)]
    ukg_scores = scores
    if year is not None:
        scores = scores[scores["tanggal_penilaian"].dt.year == year]
    latest = pkg.latest_per_teacher(scores)
    long = pkg.domain_long(latest).merge(sel.guru[["guru_id", "npsn"]], on="guru_id", how="left")
    by_school = long.groupby(["npsn", "domain"], sort=True)["score"].agg(mean="mean", n="size").reset_index()
    by_school["_d"] = by_school["domain"].map({d: i for i, d in enumerate(schema.DOMAINS)})
    by_school = by_school.sort_values(["npsn", "_d"]).drop(columns="_d").reset_index(drop=True)
    return CompetencyTables(
        latest=latest,
        by_school=by_school,
        box=box_stats(pkg.domain_long(latest), "domain", "score", order=list(schema.DOMAINS)),
        categories=pkg.category_counts(latest),
        ukg=pkg.ukg_summary(ukg_scores),
    )


@dataclass(frozen=True, eq=False)
class OutOfFieldTables(Result):
    """What :func:`out_of_field_tables` returns (read by attribute or, as before, by name).

    Attributes
    ----------
    judged : DataFrame
        One row per teacher × subject taught, with its linieritas status.
    by_subject : DataFrame
        One row per subject: linier / out-of-field counts and share 0–1.
    unknown : int
        Teachers whose linieritas cannot be judged.
    teachers : DataFrame
        One row per out-of-field teacher × subject.
    totals : dict
        Headcount and JJM shares out of field.
    by_status : DataFrame
        One row per status kepegawaian.
    by_certification : DataFrame
        One row per sertifikasi group.
    by_school : DataFrame
        One row per school: shares out of field.
    jjm_link : DataFrame
        One row per teacher: counted JJM against the 24-JJM rule.
    jjm_totals : dict
        Totals of the JJM link.
    below_s1 : DataFrame
        One row per teacher below S1/D4.
    inferred : DataFrame
        One row per judgement that used an inferred rule.
    missing : DataFrame
        One row per entry with no rule: subject or programme unknown.
    """

    judged: pd.DataFrame
    by_subject: pd.DataFrame
    unknown: int
    teachers: pd.DataFrame
    totals: dict
    by_status: pd.DataFrame
    by_certification: pd.DataFrame
    by_school: pd.DataFrame
    jjm_link: pd.DataFrame
    jjm_totals: dict
    below_s1: pd.DataFrame
    inferred: pd.DataFrame
    missing: pd.DataFrame


def out_of_field_tables(sel: Selection, prodi_path: object = None) -> OutOfFieldTables:
    """Out-of-field teaching of the selection.

    Returns
    -------
    dict
        ``judged`` (one row per teacher × subject, :func:`analysis.metrics.linieritas.judge`),
        ``by_subject`` (one row per subject, :func:`analysis.metrics.linieritas.by_subject`),
        ``unknown`` (int: teachers whose subjects are all unknown),
        ``teachers`` (one row per out-of-field teacher: ``guru_id``, ``nama``,
        ``npsn``, ``subjects_out``, ``qualification`` (sertifikasi, else jurusan/prodi),
        ``jjm_out``, ``jjm_total`` (JP per week), ``reaches_24_only_out_of_field``,
        ``status_kepegawaian``), ``totals`` (:func:`analysis.metrics.linieritas.totals`),
        ``by_status`` / ``by_certification`` / ``by_school`` (one row per group),
        ``jjm_link`` (one row per certified teacher whose counted hours are
        under 24, :func:`analysis.metrics.linieritas.jjm_link`), ``jjm_totals``
        (:func:`analysis.metrics.linieritas.jjm_link_totals`), ``below_s1`` (one row per
        pendidik below S1/D-IV, :func:`analysis.metrics.linieritas.below_s1`),
        ``inferred`` (one row per teacher × subject judgement resting on a table
        row marked inferred: ``guru_id``, ``nama``, ``npsn``, ``mata_pelajaran``,
        ``status``, ``qualification``) and ``missing`` (one row per programme,
        certificate field or subject the reference tables lack).
    prodi_path : path, optional
        A replacement programme table (:func:`analysis.reference.subjects.read_prodi_table`).
    """
    judged = linieritas.judge(sel.guru, sel.tables["mengajar"], prodi_path, sekolah=sel.tables["sekolah"])
    pt = linieritas.per_teacher(judged)
    out = pt[pt["status"] == linieritas.TIDAK_LINIER].drop(columns=["status", "npsn"])
    info = sel.guru[["guru_id", "nama", "npsn", "sertifikasi", "jurusan_prodi", "status_kepegawaian"]]
    out = out.merge(info, on="guru_id", how="left")
    out["qualification"] = out["sertifikasi"].where(out["sertifikasi"].notna() & out["sertifikasi"].astype(str).str.strip().ne(""), out["jurusan_prodi"])
    cols = ["guru_id", "nama", "npsn", "subjects_out", "qualification", "jjm_out", "jjm_total", "reaches_24_only_out_of_field", "status_kepegawaian"]
    inferred = judged.loc[judged["inferred"].astype(bool), ["guru_id", "mata_pelajaran", "status", "sumber"]].merge(info, on="guru_id", how="left")
    inferred["qualification"] = inferred["sertifikasi"].where(
        inferred["sertifikasi"].notna() & inferred["sertifikasi"].astype(str).str.strip().ne(""), inferred["jurusan_prodi"]
    )
    return OutOfFieldTables(
        judged=judged,
        by_subject=linieritas.by_subject(judged),
        unknown=int((pt["status"] == linieritas.UNKNOWN).sum()),
        teachers=out[cols].sort_values(["npsn", "jjm_out"], ascending=[True, False]).reset_index(drop=True),
        totals=linieritas.totals(judged),
        by_status=linieritas.by_group(judged, sel.guru, "status_kepegawaian"),
        by_certification=linieritas.by_group(judged, sel.guru, "sertifikasi"),
        by_school=linieritas.school_shares(judged),
        jjm_link=linieritas.jjm_link(judged, sel.guru),
        jjm_totals=linieritas.jjm_link_totals(judged, sel.guru),
        below_s1=linieritas.below_s1(sel.guru),
        inferred=inferred[["guru_id", "nama", "npsn", "mata_pelajaran", "status", "qualification", "sumber"]].reset_index(drop=True),
        missing=linieritas.unknown_entries(judged),
    )


@dataclass(frozen=True, eq=False)
class IctTables(Result):
    """What :func:`ict_tables` returns (read by attribute or, as before, by name).

    Attributes
    ----------
    by_status : DataFrame
        Share below the target level, per status kepegawaian.
    by_certification : DataFrame
        Per sertifikasi group.
    by_school : DataFrame
        Per school (NPSN).
    needs : DataFrame
        One row per teacher × skill below target with their ICT training.
    levels : DataFrame
        One row per skill × level 1–4: count.
    below : DataFrame
        One row per skill: share of teachers below the target level.
    by_age : DataFrame
        Per age band.
    """

    by_status: pd.DataFrame
    by_certification: pd.DataFrame
    by_school: pd.DataFrame
    needs: pd.DataFrame
    levels: pd.DataFrame
    below: pd.DataFrame
    by_age: pd.DataFrame


def ict_tables(sel: Selection, target: int = ict.DEFAULT_TARGET) -> IctTables:
    """ICT mastery of the selection's pendidik.

    Returns
    -------
    dict
        ``levels`` (one row per skill × level: ``skill``, ``level``, ``n``),
        ``below`` (one row per skill: ``skill``, ``rated``, ``below``, ``share`` 0–1),
        ``by_age`` (one row per age band × skill, shares below target),
        ``by_status``, ``by_certification``, ``by_school`` (likewise), ``needs``
        (:func:`analysis.metrics.ict.training_needs`, one row per teacher to train).
    """
    return IctTables(
        by_status=ict.below_by_group(sel.guru, "status_kepegawaian", target),
        by_certification=ict.below_by_group(sel.guru, "sertifikasi", target),
        by_school=ict.below_by_group(sel.guru, "npsn", target),
        needs=ict.training_needs(sel.guru, sel.tables["pelatihan"], sel.reference_date, target),
        levels=ict.level_counts(sel.guru),
        below=ict.below_target(sel.guru, target),
        by_age=ict.below_by_group(_dated(sel)[0], "age_band", target, _dated(sel)[1]),
    )


def untrained_list(sel: Selection, untrained: pd.DataFrame) -> pd.DataFrame:
    """The untrained teachers with what a school head needs to plan training.

    Parameters
    ----------
    untrained : DataFrame
        :func:`analysis.metrics.participation.untrained` output (one row per pendidik).

    Returns
    -------
    DataFrame
        Same rows plus ``nama`` and ``status_kepegawaian``, ordered by last training (never trained first).
    """
    out = untrained.merge(sel.guru[["guru_id", "nama", "status_kepegawaian"]], on="guru_id", how="left")
    return out.sort_values(["last_training", "guru_id"], na_position="first").reset_index(drop=True)


def effect_tables(sel: Selection, window_months: int = 12, cluster: str = "teacher") -> effects.Effects:
    """Training effects of the selection's pendidik (:func:`analysis.metrics.effects.analyse`, an ``Effects``).

    ``cluster="school"`` clusters the comparison models' errors by the teachers' NPSN.
    """

    teachers = staff.pendidik(sel.guru)
    ids = set(teachers["guru_id"])
    pen = sel.tables["penilaian"][sel.tables["penilaian"]["guru_id"].isin(ids).to_numpy()]
    pel = sel.tables["pelatihan"][sel.tables["pelatihan"]["guru_id"].isin(ids).to_numpy()]
    schools = dict(zip(teachers["guru_id"], teachers["npsn"])) if cluster == "school" else None
    return effects.analyse(pen, pel, window_months, cluster, schools)


def teacher_labels(sel: Selection, table: pd.DataFrame, show_names: bool, salt: str) -> pd.DataFrame:
    """``table`` (one row per teacher, with ``guru_id``) plus a ``teacher`` column: names for the school head, codes otherwise."""

    merged = table.merge(sel.guru[["guru_id", "nama"]], on="guru_id", how="left") if "nama" not in table else table
    return merged.assign(teacher=display_names(merged, show_names, salt).to_numpy() if len(merged) else [])


def teacher_codes(sel: Selection, salt: str, show_names: bool) -> dict[str, str]:
    """Pseudonymous code → label (name for the school head, else the code) of each pendidik, for a teacher picker.

    The code, not the NUPTK, goes into links, so a shared URL never carries a teacher's identity.
    """

    p = staff.pendidik(sel.guru)
    if p.empty:
        return {}
    return dict(zip((pseudonym(g, salt) for g in p["guru_id"]), display_names(p, show_names, salt)))
