"""ICT mastery (penguasaan TIK): six self-rated skills on levels 1–4.

Levels: 1 belum mampu, 2 dasar, 3 mahir, 4 mampu mengajarkan (issue 2). The
target level is a user setting (default 3, "mahir"); a teacher below it in a
skill has a gap in that skill. Teacher figures count pendidik only (UU 20/2003 Pasal 39);
a teacher who left a skill empty is left out of that skill's counts.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from analysis.core import schema
from analysis.metrics import participation, staff

SKILLS = tuple(schema.ICT_SKILLS)
LEVELS = tuple(schema.ICT_LEVELS)
DEFAULT_TARGET = 3


def _check_target(target: int) -> None:
    if target not in LEVELS:
        raise ValueError(f"target must be one of {LEVELS}, got {target!r}")


def level_counts(guru: pd.DataFrame) -> pd.DataFrame:
    """Teachers per skill × level.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member, with the six ``tik_*`` columns (1–4).

    Returns
    -------
    DataFrame
        One row per skill × level (all 6 × 4, zero counts kept): ``skill``,
        ``level`` (1–4), ``n`` (pendidik).
    """
    p = staff.pendidik(guru)
    rows = []
    for s in SKILLS:
        v = pd.to_numeric(p[s], errors="coerce") if s in p else pd.Series(dtype=float)
        counts = v.value_counts()
        for lv in LEVELS:
            rows.append({"skill": s, "level": lv, "n": int(counts.get(float(lv), 0))})
    return pd.DataFrame(rows, columns=["skill", "level", "n"])


def below_target(guru: pd.DataFrame, target: int = DEFAULT_TARGET) -> pd.DataFrame:
    """Share of teachers below the target level, per skill.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member.
    target : int
        Level 1–4 counted as enough.

    Returns
    -------
    DataFrame
        One row per skill: ``skill``, ``rated`` (pendidik with a rating),
        ``below`` (rated below ``target``), ``share`` (0–1, NaN when nobody is rated).

    Raises
    ------
    ValueError
        If ``target`` is not 1–4.
    """
    _check_target(target)
    p = staff.pendidik(guru)
    rows = []
    for s in SKILLS:
        v = pd.to_numeric(p[s], errors="coerce").dropna() if s in p else pd.Series(dtype=float)
        below = int((v < target).sum())
        rows.append({"skill": s, "rated": len(v), "below": below, "share": below / len(v) if len(v) else np.nan})
    return pd.DataFrame(rows, columns=["skill", "rated", "below", "share"])


def mean_below_share(shares: pd.DataFrame) -> float | None:
    """Mean over skills of the share below target (skills nobody rated left out); ``None`` when no skill is rated."""
    v = shares["share"].dropna()
    return float(v.mean()) if len(v) else None


def below_by_group(guru: pd.DataFrame, by: str, target: int = DEFAULT_TARGET, reference_date: date | None = None) -> pd.DataFrame:
    """Share below target per skill and group of teachers.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member.
    by : {"age_band", "status_kepegawaian", "sertifikasi", "npsn"}
        Grouping; ``"sertifikasi"`` groups certified / uncertified.
    target : int
        Level 1–4 counted as enough.
    reference_date : datetime.date, optional
        Needed for ``"age_band"``.

    Returns
    -------
    DataFrame
        One row per group × skill: ``group``, ``skill``, ``rated``, ``below``, ``share`` (0–1).

    Raises
    ------
    ValueError
        If ``by`` is unknown, ``target`` is not 1–4, or ``age_band`` is asked without a reference date.
    """
    _check_target(target)
    p = staff.pendidik(guru)
    if by == "age_band":
        if reference_date is None:
            raise ValueError("age_band needs a reference date")
        groups = staff.age_band(p, reference_date)
    elif by == "sertifikasi":
        groups = pd.Series(np.where(staff.is_certified(p), "certified", "uncertified"), index=p.index)
    elif by in ("status_kepegawaian", "npsn"):
        groups = p[by].fillna("unknown")
    else:
        raise ValueError(f"unknown grouping {by!r}")
    frames = []
    order = [*staff.AGE_BANDS, "unknown"] if by == "age_band" else []
    rank = {g: i for i, g in enumerate(order)}
    parts = sorted(p.groupby(groups.to_numpy(), sort=True), key=lambda kv: rank.get(kv[0], len(rank)))  # stable: others stay sorted
    for g, part in parts:
        b = below_target(part, target)
        frames.append(b.assign(group=g))
    if not frames:
        return pd.DataFrame(columns=["group", "skill", "rated", "below", "share"])
    return pd.concat(frames, ignore_index=True)[["group", "skill", "rated", "below", "share"]]


def teacher_gaps(guru: pd.DataFrame, target: int = DEFAULT_TARGET) -> pd.DataFrame:
    """Skills below target per teacher, for training needs.

    Returns
    -------
    DataFrame
        One row per pendidik with at least one skill below ``target``:
        ``guru_id``, ``npsn``, ``gaps`` (number of skills below), ``skills``
        (skill keys below target, joined by ";"), sorted by ``gaps`` descending.
    """
    _check_target(target)
    p = staff.pendidik(guru)
    levels = p[list(SKILLS)].apply(pd.to_numeric, errors="coerce")
    below = levels.lt(target) & levels.notna()
    gaps = below.sum(axis=1)
    skills = below.apply(lambda r: ";".join(s for s, b in zip(SKILLS, r) if b), axis=1) if len(p) else pd.Series(dtype=object)
    out = pd.DataFrame({"guru_id": p["guru_id"], "npsn": p["npsn"], "gaps": gaps.astype(int), "skills": skills})
    out = out[out["gaps"] > 0].sort_values(["gaps", "guru_id"], ascending=[False, True])
    return out.reset_index(drop=True)


def training_needs(
    guru: pd.DataFrame, pelatihan: pd.DataFrame, reference_date: date | None, target: int = DEFAULT_TARGET, months: int = participation.DEFAULT_MONTHS
) -> pd.DataFrame:
    """The training-needs list a school head acts on.

    Teachers below ``target`` on at least one skill who had no TIK-focused
    training (Fokus = TIK) in the ``months`` before ``reference_date``.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member.
    pelatihan : DataFrame
        One row per teacher × training (``guru_id``, ``fokus``, dates).
    reference_date : datetime.date
    target : int
        Level 1–4 counted as enough.
    months : int
        Look-back window.

    Returns
    -------
    DataFrame
        One row per such pendidik: ``guru_id``, ``npsn``, ``gaps`` (skills below
        target), ``skills`` (keys joined by ";"), ``last_tik_training`` (end date of
        the latest TIK-focused training ever, NaT if none); most gaps first.
    """
    gaps = teacher_gaps(guru, target)
    pelatihan = participation.participant_rows(pelatihan)
    tik = pelatihan[pelatihan["fokus"].eq("TIK").fillna(False).to_numpy(dtype=bool)] if len(pelatihan) else pelatihan
    recent = set(participation.trainings_in_window(tik, reference_date, months)["guru_id"]) if len(tik) else set()
    out = gaps[~gaps["guru_id"].isin(recent)].copy()
    if len(tik):
        end = pd.to_datetime(tik["tanggal_selesai"], errors="coerce").fillna(pd.to_datetime(tik["tanggal_mulai"], errors="coerce"))
        last = end.groupby(tik["guru_id"]).max()
        out["last_tik_training"] = pd.to_datetime(out["guru_id"].map(last))
    else:
        out["last_tik_training"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    return out.reset_index(drop=True)
