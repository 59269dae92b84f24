"""Who works at a school: teachers (pendidik) and support staff, by status, gender and age band.

The building blocks the other analyses share: the pendidik filter
(teacher figures count pendidik only: UU 20/2003 Pasal 39 and Dapodik's Jenis PTK), age bands counted back
from the dataset's reference date, and joining a table keyed by ``guru_id``
to its school's NPSN.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.core import schema

#: Age bands, youngest first (years completed at the reference date).
AGE_BANDS: tuple[str, ...] = ("<30", "30-39", "40-49", "50+")
#: Label of a teacher whose birth date is missing.
UNKNOWN = "unknown"
#: Groups of staff: pendidik (teachers, including the school head) and tenaga kependidikan.
STAFF_GROUPS: tuple[str, ...] = ("pendidik", "tendik")


def pendidik(guru: pd.DataFrame) -> pd.DataFrame:
    """The teachers among the staff (pendidik), head of school included.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member, with ``pendidik`` (bool) or ``jenis_ptk``.

    Returns
    -------
    DataFrame
        The rows of ``guru`` whose staff member is a pendidik (UU 20/2003 Pasal 39; Dapodik's Jenis PTK), same columns.
    """
    if "pendidik" in guru:
        mask = guru["pendidik"].fillna(False).astype(bool)
    else:
        mask = guru["jenis_ptk"].map(lambda v: schema.is_pendidik(v)).astype(bool)
    return guru[mask.to_numpy()]


def age_years(guru: pd.DataFrame, reference_date: date | None) -> pd.Series:
    """Age in completed years at ``reference_date``.

    Parameters
    ----------
    guru : DataFrame
        One row per person, with ``tanggal_lahir`` (date or datetime; missing allowed).
    reference_date : datetime.date or None
        ``None`` (the data holds no date): every age is unknown.

    Returns
    -------
    Series of float
        Same index as ``guru``; NaN where the birth date is missing or after the reference date.
    """
    born = pd.to_datetime(guru["tanggal_lahir"], errors="coerce")
    if reference_date is None:
        return pd.Series(float("nan"), index=guru.index, dtype=float)
    ref = pd.Timestamp(reference_date)
    years = ref.year - born.dt.year - ((born.dt.month > ref.month) | ((born.dt.month == ref.month) & (born.dt.day > ref.day))).astype(int)
    return years.where(born <= ref).astype(float)


def age_band(guru: pd.DataFrame, reference_date: date | None) -> pd.Series:
    """Age band of each person at ``reference_date``: one of :data:`AGE_BANDS` or ``"unknown"``.

    Parameters
    ----------
    guru : DataFrame
        One row per person, with ``tanggal_lahir``.
    reference_date : datetime.date
        Usually :meth:`analysis.core.dataset.Dataset.reference_date`.

    Returns
    -------
    Series of str
        Same index as ``guru``.
    """
    age = age_years(guru, reference_date)
    band = pd.cut(age, bins=[-1, 29, 39, 49, 200], labels=list(AGE_BANDS))
    return band.astype(object).where(age.notna(), UNKNOWN).astype(object)


def with_npsn(df: pd.DataFrame, guru: pd.DataFrame) -> pd.DataFrame:
    """Add the school's NPSN to a table keyed by ``guru_id``.

    Parameters
    ----------
    df : DataFrame
        Any table with ``guru_id`` (``mengajar``, ``pelatihan``, ``penilaian``).
    guru : DataFrame
        One row per person, with ``guru_id`` and ``npsn``.

    Returns
    -------
    DataFrame
        ``df`` with an ``npsn`` column (replacing any there), same rows and order;
        NaN where the teacher is not in ``guru``.
    """
    lookup = dict(zip(guru["guru_id"], guru["npsn"]))
    out = df.copy()
    out["npsn"] = out["guru_id"].map(lookup).astype(object) if len(out) else pd.Series([], dtype=object)
    return out


def is_certified(guru: pd.DataFrame) -> pd.Series:
    """Whether each teacher holds a teaching certificate (sertifikasi field filled).

    Parameters
    ----------
    guru : DataFrame
        One row per person, with ``sertifikasi`` (certificate field, empty if none).

    Returns
    -------
    Series of bool
        Same index as ``guru``.
    """
    s = guru["sertifikasi"].astype(object)
    return s.map(lambda v: v is not None and v == v and str(v).strip() != "").astype(bool)


def staff_counts(guru: pd.DataFrame, by: str, reference_date: date | None = None) -> pd.DataFrame:
    """Head counts of teachers and support staff by one attribute.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member (one school, or several).
    by : {"status_kepegawaian", "jk", "age_band"}
        The attribute. ``"age_band"`` needs ``reference_date``.
    reference_date : datetime.date, optional

    Returns
    -------
    DataFrame
        One row per value × group: ``value`` (a status, ``"L"``/``"P"``, an age
        band; ``"unknown"`` where missing), ``group`` (``"pendidik"`` or
        ``"tendik"``), ``n`` (people). Values in a stable order (the schema's list,
        age bands youngest first, unknown last); zero rows are left out.

    Raises
    ------
    ValueError
        If ``by`` is not one of the three, or ``"age_band"`` lacks ``reference_date``.
    """
    if by == "age_band":
        if reference_date is None:
            raise ValueError("age_band needs a reference_date")
        values = age_band(guru, reference_date)
        order = [*AGE_BANDS, UNKNOWN]
    elif by in ("status_kepegawaian", "jk"):
        values = guru[by].astype(object).map(lambda v: UNKNOWN if v is None or v != v or str(v).strip() == "" else str(v))
        known = list(schema.STATUS_KEPEGAWAIAN) if by == "status_kepegawaian" else ["L", "P"]
        order = known + sorted(set(values) - set(known) - {UNKNOWN}) + [UNKNOWN]
    else:
        raise ValueError(f"unknown attribute {by!r}")
    group = pd.Series(["pendidik" if p else "tendik" for p in guru["pendidik"].fillna(False).astype(bool)], index=guru.index)
    counts = pd.DataFrame({"value": values.to_numpy(), "group": group.to_numpy()}).value_counts().rename("n").reset_index()
    counts["rank"] = counts["value"].map({v: i for i, v in enumerate(order)})
    counts["grank"] = counts["group"].map({g: i for i, g in enumerate(STAFF_GROUPS)})
    counts = counts.sort_values(["rank", "grank"]).drop(columns=["rank", "grank"]).reset_index(drop=True)
    counts["n"] = counts["n"].astype(int)
    return counts[["value", "group", "n"]]


def headline(guru: pd.DataFrame) -> dict[str, float | int | None]:
    """Head counts and certified share of one school or a district.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member.

    Returns
    -------
    dict
        ``teachers`` (pendidik), ``staff`` (tenaga kependidikan), ``certified``
        (pendidik with a teaching certificate) and ``certified_share`` (0–1 of
        pendidik; ``None`` when there is no teacher).
    """
    p = pendidik(guru)
    n = len(p)
    cert = int(is_certified(p).sum()) if n else 0
    return {"teachers": n, "staff": len(guru) - n, "certified": cert, "certified_share": (cert / n) if n else None}
