"""Training participation: who took part in what, how many JP, and who had none lately.

"Last 12 months" counts back from the dataset's reference date (the latest
date in the loaded data unless the user sets one, issue 2 "Decisions"), so
that figures do not drift as days pass. A training counts in the window when
it ended (``tanggal_selesai``, else ``tanggal_mulai``) after the day twelve
months before the reference date and on or before the reference date.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.core import schema
from analysis.metrics.staff import pendidik

#: Default look-back window, months.
DEFAULT_MONTHS = 12


def window_start(reference_date: date, months: int = DEFAULT_MONTHS) -> pd.Timestamp:
    """First excluded day of the look-back window: ``reference_date`` minus ``months`` calendar months.

    Parameters
    ----------
    reference_date : datetime.date
    months : int
        Window length, ≥ 1.

    Returns
    -------
    Timestamp
        A training counts when it ended strictly after this day.

    Raises
    ------
    ValueError
        If ``months`` < 1.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    return pd.Timestamp(reference_date) - pd.DateOffset(months=months)


#: Roles (Peran) that count as taking part in a training; a speaker or a committee member did not train.
PARTICIPANT_ROLES = ("Peserta",)


def participant_rows(pelatihan: pd.DataFrame) -> pd.DataFrame:
    """The training rows where the teacher took part as a participant (Peran = Peserta, or not given).

    Pemateri, Narasumber and Panitia rows are left out of every participation
    figure, the training-needs list and the training-effect pairs.
    """
    if pelatihan.empty or "peran" not in pelatihan:
        return pelatihan
    peran = pelatihan["peran"]
    return pelatihan[(peran.isna() | peran.isin(list(PARTICIPANT_ROLES))).to_numpy()]


def trainings_in_window(pelatihan: pd.DataFrame, reference_date: date | None, months: int = DEFAULT_MONTHS) -> pd.DataFrame:
    """The training rows that ended within the window.

    Parameters
    ----------
    pelatihan : DataFrame
        One row per teacher × training (``tanggal_mulai``, ``tanggal_selesai``).
    reference_date : datetime.date or None
        ``None`` (the data holds no date): no window, no row.
    months : int

    Returns
    -------
    DataFrame
        The participant rows (:func:`participant_rows`) of ``pelatihan`` whose end
        (start when the end is missing) is in (``reference_date`` − ``months``,
        ``reference_date``]; same columns.
    """
    pelatihan = participant_rows(pelatihan)
    if reference_date is None:
        return pelatihan.iloc[0:0]
    end = pd.to_datetime(pelatihan["tanggal_selesai"], errors="coerce").fillna(pd.to_datetime(pelatihan["tanggal_mulai"], errors="coerce"))
    mask = (end > window_start(reference_date, months)) & (end <= pd.Timestamp(reference_date))
    return pelatihan[mask.to_numpy()]


def per_teacher(guru: pd.DataFrame, pelatihan: pd.DataFrame, reference_date: date | None, months: int = DEFAULT_MONTHS) -> pd.DataFrame:
    """Training of each teacher (pendidik) in the window.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member (``guru_id``, ``npsn``, ``pendidik``).
    pelatihan : DataFrame
        One row per teacher × training.
    reference_date : datetime.date
    months : int

    Returns
    -------
    DataFrame
        One row per pendidik: ``guru_id``, ``npsn``, ``trainings`` (count in the
        window), ``jp`` (JP hours in the window; a row without JP adds 0),
        ``trained`` (bool: at least one training in the window), ``last_training``
        (end date of the latest training ever recorded, NaT if none). Only
        participant rows count (:func:`participant_rows`).
    """
    teachers = pendidik(guru)[["guru_id", "npsn"]].reset_index(drop=True)
    inwin = trainings_in_window(pelatihan, reference_date, months)
    jp = pd.to_numeric(inwin["jp"], errors="coerce").fillna(0.0).astype(float)
    agg = (
        pd.DataFrame({"guru_id": inwin["guru_id"].to_numpy(dtype=object), "jp": jp.to_numpy()})
        .groupby("guru_id")
        .agg(trainings=("jp", "size"), jp=("jp", "sum"))
    )
    pelatihan = participant_rows(pelatihan)
    end = pd.to_datetime(pelatihan["tanggal_selesai"], errors="coerce").fillna(pd.to_datetime(pelatihan["tanggal_mulai"], errors="coerce"))
    last = end.groupby(pelatihan["guru_id"]).max() if len(pelatihan) else pd.Series(dtype="datetime64[ns]")
    out = teachers.join(agg, on="guru_id")
    out["trainings"] = out["trainings"].fillna(0).astype(int)
    out["jp"] = out["jp"].fillna(0.0).astype(float)
    out["trained"] = out["trainings"] > 0
    out["last_training"] = pd.to_datetime(out["guru_id"].map(last)) if len(last) else pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    return out


def trained_share(per_teacher_table: pd.DataFrame) -> pd.DataFrame:
    """Share of teachers with at least one training in the window, per school.

    Parameters
    ----------
    per_teacher_table : DataFrame
        Output of :func:`per_teacher`.

    Returns
    -------
    DataFrame
        One row per NPSN: ``npsn``, ``teachers``, ``trained`` (count),
        ``trained_share`` (0–1), ``jp_mean`` (JP per teacher, untrained counted as 0).
    """
    cols = ["npsn", "teachers", "trained", "trained_share", "jp_mean"]
    if per_teacher_table.empty:
        return pd.DataFrame(columns=cols)
    g = per_teacher_table.groupby("npsn", sort=False)
    out = g.agg(teachers=("guru_id", "size"), trained=("trained", "sum"), jp_mean=("jp", "mean")).reset_index()
    out["trained"] = out["trained"].astype(int)
    out["trained_share"] = out["trained"] / out["teachers"]
    return out[cols]


def type_counts(guru: pd.DataFrame, pelatihan: pd.DataFrame, reference_date: date | None, months: int = DEFAULT_MONTHS) -> pd.DataFrame:
    """Participation by training type (Jenis) in the window, teachers only.

    Parameters
    ----------
    guru, pelatihan : DataFrame
        As in :func:`per_teacher`.
    reference_date : datetime.date
    months : int

    Returns
    -------
    DataFrame
        One row per Jenis present, in the schema's order (Diklat, Bimtek, Workshop,
        Seminar, IHT, KKG, MGMP, PMM, Kursus, Penataran; others after, then
        ``"unknown"``): ``jenis``, ``participations`` (rows), ``teachers`` (distinct),
        ``jp`` (sum of JP hours).
    """
    ids = set(pendidik(guru)["guru_id"])
    inwin = trainings_in_window(pelatihan, reference_date, months)
    inwin = inwin[inwin["guru_id"].isin(ids).to_numpy()]
    cols = ["jenis", "participations", "teachers", "jp"]
    if inwin.empty:
        return pd.DataFrame(columns=cols)
    jenis = inwin["jenis"].astype(object).map(lambda v: "unknown" if v is None or v != v or str(v).strip() == "" else str(v))
    frame = pd.DataFrame(
        {"jenis": jenis.to_numpy(), "guru_id": inwin["guru_id"].to_numpy(), "jp": pd.to_numeric(inwin["jp"], errors="coerce").fillna(0).to_numpy()}
    )
    out = frame.groupby("jenis").agg(participations=("guru_id", "size"), teachers=("guru_id", "nunique"), jp=("jp", "sum")).reset_index()
    order = list(schema.JENIS_PELATIHAN)
    out["rank"] = out["jenis"].map(lambda j: order.index(j) if j in order else (len(order) + 1 if j == "unknown" else len(order)))
    out = out.sort_values(["rank", "jenis"]).drop(columns="rank").reset_index(drop=True)
    out[["participations", "teachers"]] = out[["participations", "teachers"]].astype(int)
    return out[cols]


def untrained(per_teacher_table: pd.DataFrame) -> pd.DataFrame:
    """Teachers with no training in the window (the list a school head acts on).

    Parameters
    ----------
    per_teacher_table : DataFrame
        Output of :func:`per_teacher`.

    Returns
    -------
    DataFrame
        The untrained rows: ``guru_id``, ``npsn``, ``last_training`` (NaT if never),
        oldest last training first (never trained first).
    """
    out = per_teacher_table[~per_teacher_table["trained"]][["guru_id", "npsn", "last_training"]]
    return out.sort_values("last_training", na_position="first").reset_index(drop=True)


def recorded_trained_share(guru: pd.DataFrame, pelatihan: pd.DataFrame, reference_date: date | None, months: int = DEFAULT_MONTHS) -> float | None:
    """Share of pendidik trained in the window, over the teachers whose file recorded trainings.

    A teacher from a file without a Pelatihan sheet (``guru.pelatihan_recorded``
    False, e.g. a Dapodik export) is neither trained nor untrained: the data
    cannot say, so they are left out of the denominator.

    Returns
    -------
    float or None
        0–1; ``None`` when no teacher's file recorded trainings.
    """
    pt = per_teacher(guru, pelatihan, reference_date, months)
    if "pelatihan_recorded" in guru:
        recorded = set(guru.loc[guru["pelatihan_recorded"].fillna(False).astype(bool).to_numpy(), "guru_id"])
        pt = pt[pt["guru_id"].isin(recorded)]
    return float(pt["trained"].mean()) if len(pt) else None
