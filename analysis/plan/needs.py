"""Hours needed and covered per school × subject (the *Kebutuhan Guru* figures).

The hours a school needs in a subject are the JJM taught in it today (Mengajar,
or Rekap Pembelajaran read into Mengajar). They are split by who covers them:
a teacher linier in the subject (Permendikbudristek 7/2024; Permendiknas
16/2007), a teacher out of field, or a teacher whose judgement is unknown.
Linier certified teachers whose counted hours are below 24 JJM (PP 74/2008
Pasal 52 as amended by PP 19/2017; :func:`analysis.metrics.linieritas.jjm_link`) are
the spare capacity a school already has: their gap is counted in the subject
in which they teach the most linier hours.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.core import paths
from analysis.metrics import linieritas

#: Columns of :func:`school_subject` after the keys.
FIGURES = ("jjm_needed", "jjm_linier", "jjm_out", "jjm_unknown", "teachers_linier", "linier_below_24", "jjm_spare", "shortage", "surplus", "balance")
LEVELS = ("npsn", "kecamatan", "district")


def _empty(keys: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object if c in keys else float) for c in [*keys, *FIGURES]})


def school_subject(judged: pd.DataFrame, guru: pd.DataFrame) -> pd.DataFrame:
    """Needs and cover per school × subject.

    Parameters
    ----------
    judged : DataFrame
        :func:`analysis.metrics.linieritas.judge` output (one row per teacher × subject, JJM per week).
    guru : DataFrame
        One row per PTK (for the 24-JJM list, :func:`analysis.metrics.linieritas.jjm_link`).

    Returns
    -------
    DataFrame
        One row per ``npsn`` × ``mata_pelajaran`` taught: ``jjm_needed`` (JP per
        week taught in it; a missing JJM counts 0), ``jjm_linier``, ``jjm_out``,
        ``jjm_unknown`` (their split by the teacher's judgement; they add up to
        ``jjm_needed``), ``teachers_linier`` (distinct linier teachers),
        ``linier_below_24`` (those of them certified with counted hours below
        24, counted in their main linier subject), ``jjm_spare`` (JP per week:
        the sum of those teachers' gaps to 24), ``shortage`` (hours not covered
        by a linier teacher: ``jjm_out`` + ``jjm_unknown``), ``surplus`` (=
        ``jjm_spare``) and ``balance`` (``surplus`` − ``shortage``: below 0 the
        school lacks linier hours in the subject). Sorted by NPSN, then subject.
    """
    keys = ["npsn", "mata_pelajaran"]
    if judged.empty:
        return _empty(keys)
    d = judged.assign(_h=judged["jjm"].fillna(0.0))
    out = d.pivot_table(index=keys, columns="status", values="_h", aggfunc="sum", fill_value=0.0)
    out = out.reindex(columns=list(linieritas.STATUSES), fill_value=0.0)
    out.columns = ["jjm_linier", "jjm_out", "jjm_unknown"]
    out["jjm_needed"] = out.sum(axis=1)
    lin = d[d["status"] == linieritas.LINIER]
    out["teachers_linier"] = lin.groupby(keys)["guru_id"].nunique().reindex(out.index, fill_value=0).astype(float)
    link = linieritas.jjm_link(judged, guru)
    main = lin.sort_values(["_h", "mata_pelajaran"], ascending=[False, True]).drop_duplicates("guru_id")[["guru_id", "mata_pelajaran"]]
    short = link[["guru_id", "npsn", "gap"]].merge(main, on="guru_id", how="inner")
    g = short.groupby(keys)
    out["linier_below_24"] = g.size().reindex(out.index, fill_value=0).astype(float)
    out["jjm_spare"] = g["gap"].sum().reindex(out.index, fill_value=0.0).astype(float)
    out = out.reset_index()
    return _finish(out, keys)


def _finish(out: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    out["shortage"] = out["jjm_out"] + out["jjm_unknown"]
    out["surplus"] = out["jjm_spare"]
    out["balance"] = out["surplus"] - out["shortage"]
    return out.sort_values(keys).reset_index(drop=True)[[*keys, *FIGURES]]


def aggregate(table: pd.DataFrame, sekolah: pd.DataFrame, level: str) -> pd.DataFrame:
    """:func:`school_subject` summed per kecamatan or over the district.

    Parameters
    ----------
    table : DataFrame
        :func:`school_subject` output.
    sekolah : DataFrame
        One row per school (``npsn``, ``kecamatan``).
    level : {"npsn", "kecamatan", "district"}

    Returns
    -------
    DataFrame
        One row per ``level`` key × ``mata_pelajaran`` (``"district"`` has no key
        column beyond the subject), the counts and hours of :data:`FIGURES` summed.

    Raises
    ------
    ValueError
        If ``level`` is not one of :data:`LEVELS`.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    if level == "npsn":
        return table.copy()
    keys = ["mata_pelajaran"] if level == "district" else ["kecamatan", "mata_pelajaran"]
    if table.empty:
        return _empty(keys)
    d = table
    if level == "kecamatan":
        kec = dict(zip(sekolah["npsn"], sekolah["kecamatan"])) if "kecamatan" in sekolah else {}
        d = table.assign(kecamatan=table["npsn"].map(kec).fillna("–"))
    sums = ["jjm_needed", "jjm_linier", "jjm_out", "jjm_unknown", "teachers_linier", "linier_below_24", "jjm_spare"]
    out = d.groupby(keys, as_index=False)[sums].sum()
    return _finish(out, keys)


def heatmap_matrix(table: pd.DataFrame, row: str = "npsn", value: str = "balance") -> pd.DataFrame:
    """Rows × subjects of one figure, for the heatmap (aggregated, never per teacher).

    Returns
    -------
    DataFrame
        Index the ``row`` keys, columns the subjects (most hours needed first), cells
        ``value`` (NaN where the subject is not taught there).
    """
    if table.empty:
        return pd.DataFrame()
    order = table.groupby("mata_pelajaran")["jjm_needed"].sum().sort_values(ascending=False).index
    m = table.pivot_table(index=row, columns="mata_pelajaran", values=value, aggfunc="sum")
    return m.reindex(columns=order)


def totals(table: pd.DataFrame) -> dict[str, float]:
    """District sums of the hour figures of :func:`school_subject` (JP per week; teachers counted)."""
    return {f: float(table[f].sum()) if len(table) else 0.0 for f in FIGURES}


#: Weekly JP per subject per jenjang × tingkat (Kepmendikbudristek 56/M/2022 → Permendikbudristek 12/2024; KMA 347/2022 for madrasah).
STRUCTURE_FILE = paths.REFERENCE_DIR / "struktur_kurikulum.csv"


def curriculum_structure(path: Path | str = STRUCTURE_FILE) -> pd.DataFrame:
    """The curriculum structure table: one row per jenjang × tingkat × subject.

    Columns ``jenjang``, ``tingkat`` (int), ``mata_pelajaran``, ``jp_intrakurikuler``
    and ``jp_kokurikuler`` (JP a week), ``minggu`` (effective weeks a year),
    ``sumber``, ``status`` (``"inferred"`` where no primary source was confirmed, else empty).
    """
    df = pd.read_csv(path, dtype={"jenjang": str, "mata_pelajaran": str, "sumber": str, "status": str}, keep_default_na=False)
    return df.astype({"tingkat": int, "jp_intrakurikuler": float, "jp_kokurikuler": float, "minggu": int})


def curriculum_hours(rombel: pd.DataFrame, sekolah: pd.DataFrame, structure: pd.DataFrame | None = None, kokurikuler: bool = True) -> pd.DataFrame:
    """Hours a school needs per subject from its classes: rombel × the structure's weekly JP.

    Parameters
    ----------
    rombel : DataFrame
        One row per school × tingkat: ``npsn``, ``tingkat`` (1–12), ``rombel`` (classes).
    sekolah : DataFrame
        One row per school (``npsn``, ``jenjang``).
    structure : DataFrame, optional
        :func:`curriculum_structure` (default: the bundled table).
    kokurikuler : bool
        Count the co-curricular (projek) JP a week as teaching hours too.

    Returns
    -------
    DataFrame
        One row per ``npsn`` × ``mata_pelajaran``: ``jjm_curriculum`` (JP a week),
        ``inferred`` (bool: some row behind it is marked inferred). A jenjang ×
        tingkat the table lacks gives no row.
    """
    st = curriculum_structure() if structure is None else structure
    jen = dict(zip(sekolah["npsn"], sekolah["jenjang"]))
    r = rombel.assign(jenjang=rombel["npsn"].map(jen), tingkat=pd.to_numeric(rombel["tingkat"], errors="coerce"))
    m = r.merge(st, on=["jenjang", "tingkat"], how="inner")
    m["jjm_curriculum"] = m["rombel"].astype(float) * (m["jp_intrakurikuler"] + (m["jp_kokurikuler"] if kokurikuler else 0.0))
    m["inferred"] = m["status"].eq("inferred")
    out = m.groupby(["npsn", "mata_pelajaran"], as_index=False).agg(jjm_curriculum=("jjm_curriculum", "sum"), inferred=("inferred", "any"))
    return out.sort_values(["npsn", "mata_pelajaran"]).reset_index(drop=True)
