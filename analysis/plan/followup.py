"""Monitoring after training: each training's follow-up assessment and the overdue list.

A training (a Pelatihan row where the teacher took part, Peran = Peserta or
blank) is due a follow-up assessment ``months`` after it ended (Tanggal Selesai,
else Tanggal Mulai). Any later assessment of the teacher counts as the
follow-up: a Penilaian row dated after the end, or a Kinerja (PMM) row of a
later year than the end, or of the same year when the training ended before
1 July (the year's appraisal then covers it).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.metrics import participation

DEFAULT_MONTHS = 3
STATES = ("done", "overdue", "pending")
COLUMNS = ["guru_id", "npsn", "nama_pelatihan", "jenis", "fokus", "tanggal_selesai", "due", "followup", "state", "days_overdue"]


def schedule(
    pelatihan: pd.DataFrame,
    penilaian: pd.DataFrame,
    kinerja_table: pd.DataFrame | None,
    guru: pd.DataFrame,
    reference_date: date | None,
    months: int = DEFAULT_MONTHS,
) -> pd.DataFrame:
    """Follow-up of every training of the selection's teachers.

    Parameters
    ----------
    pelatihan, penilaian : DataFrame
        The Pelatihan and Penilaian tables (``guru_id``; dates).
    kinerja_table : DataFrame or None
        The Kinerja table (``guru_id``, ``tahun``).
    guru : DataFrame
        One row per PTK (for ``npsn``).
    reference_date : datetime.date or None
        The date "overdue" is judged on; ``None`` (the data holds no date): no schedule
        can be judged and the result is empty.
    months : int
        Months after the end a follow-up is due (≥ 1).

    Returns
    -------
    DataFrame
        One row per participant training row with a date: :data:`COLUMNS`;
        ``due`` and ``followup`` (the first later assessment, NaT if none) are
        Timestamps, ``state`` one of :data:`STATES` (``done``: a follow-up exists;
        ``overdue``: none and ``due`` ≤ reference date; ``pending``: not due yet),
        ``days_overdue`` (days past due, 0 unless overdue). Overdue first, longest first.

    Raises
    ------
    ValueError
        If ``months`` < 1.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    pel = participation.participant_rows(pelatihan)
    if pel.empty or reference_date is None:
        return pd.DataFrame(columns=COLUMNS)
    end = pd.to_datetime(pel["tanggal_selesai"], errors="coerce").fillna(pd.to_datetime(pel["tanggal_mulai"], errors="coerce"))
    t = pd.DataFrame(
        {
            "guru_id": pel["guru_id"].to_numpy(dtype=object),
            "nama_pelatihan": pel["nama_pelatihan"].to_numpy(dtype=object) if "nama_pelatihan" in pel else None,
            "jenis": pel["jenis"].to_numpy(dtype=object) if "jenis" in pel else None,
            "fokus": pel["fokus"].to_numpy(dtype=object) if "fokus" in pel else None,
            "tanggal_selesai": end.to_numpy(),
        }
    )
    t = t[t["tanggal_selesai"].notna()].reset_index(drop=True)
    t["npsn"] = t["guru_id"].map(dict(zip(guru["guru_id"], guru["npsn"])))
    t["due"] = t["tanggal_selesai"] + pd.DateOffset(months=months)
    events = []
    if len(penilaian):
        events.append(
            pd.DataFrame(
                {
                    "guru_id": penilaian["guru_id"].to_numpy(dtype=object),
                    "when": pd.to_datetime(penilaian["tanggal_penilaian"], errors="coerce").to_numpy(),
                    "year_only": False,
                }
            )
        )
    if kinerja_table is not None and len(kinerja_table):
        yr = pd.to_numeric(kinerja_table["tahun"], errors="coerce")
        events.append(
            pd.DataFrame(
                {
                    "guru_id": kinerja_table["guru_id"].to_numpy(dtype=object),
                    "when": pd.to_datetime(yr.astype("Int64").astype(str) + "-12-31", errors="coerce").to_numpy(),
                    "year_only": True,
                }
            )
        )
    ev = pd.concat(events, ignore_index=True).dropna(subset=["when"]) if events else pd.DataFrame(columns=["guru_id", "when", "year_only"])
    ref = pd.Timestamp(reference_date)
    ev = ev[ev["when"] <= ref + pd.offsets.YearEnd(0)] if len(ev) else ev
    m = t.reset_index().merge(ev, on="guru_id", how="left")
    after = m["when"] > m["tanggal_selesai"]
    yearly = m["year_only"].fillna(False).astype(bool)
    ok = after & (~yearly | (m["when"].dt.year > m["tanggal_selesai"].dt.year) | (m["tanggal_selesai"].dt.month < 7))
    ok &= ~yearly | (m["when"].dt.year <= ref.year)
    first = m[ok.fillna(False)].groupby("index")["when"].min()
    t["followup"] = t.index.map(first)
    t["followup"] = pd.to_datetime(t["followup"])
    done = t["followup"].notna()
    overdue = ~done & (t["due"] <= ref)
    t["state"] = ["done" if d else "overdue" if o else "pending" for d, o in zip(done, overdue)]
    t["days_overdue"] = ((ref - t["due"]).dt.days.where(overdue, 0)).astype(int)
    t["_o"] = t["state"].map({"overdue": 0, "pending": 1, "done": 2})
    return t.sort_values(["_o", "days_overdue", "guru_id"], ascending=[True, False, True])[COLUMNS].reset_index(drop=True)


def overdue(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`schedule` whose follow-up is overdue."""
    return table[table["state"] == "overdue"].reset_index(drop=True)


def counts(table: pd.DataFrame) -> dict[str, int]:
    """Trainings per state (``done``, ``overdue``, ``pending``)."""
    return {s: int((table["state"] == s).sum()) if len(table) else 0 for s in STATES}
