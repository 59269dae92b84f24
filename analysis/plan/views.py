"""The plan's tables for a selection, gathered for the pages and the exports (one place, so that they agree).

Also the plan's downloads: one .xlsx workbook (a sheet per table) and a
printable HTML page, per school (for the head's RKAS / PBD planning) or per
district; text neutralised against formula injection (:func:`analysis.core.text.neutralize`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import openpyxl
import pandas as pd

from analysis.core import schema
from analysis.core.dataset import Dataset
from analysis.core.text import neutralize
from analysis.i18n import t
from analysis.metrics import ict, linieritas, participation
from analysis.metrics.privacy import pseudonym
from analysis.plan import followup, geo, needs, training
from analysis.reports import exports
from analysis.views import district
from analysis.views.school import Selection

#: Indicators the map can colour schools by (keys of :func:`analysis.views.district.school_table`).
MAP_INDICATORS = ("out_of_field_share_headcount", "ict_below_target_share", "trained_last_12_months_share", "certified_share", "teachers")


def judged(sel: Selection) -> pd.DataFrame:
    """Every teacher × subject of the selection judged (:func:`analysis.metrics.linieritas.judge`)."""
    return linieritas.judge(sel.guru, sel.tables["mengajar"], sekolah=sel.tables["sekolah"])


def needs_tables(sel: Selection, judged_rows: pd.DataFrame | None = None) -> dict[str, object]:
    """Needs by subject of the selection.

    Returns
    -------
    dict
        ``npsn`` / ``kecamatan`` / ``district`` (:func:`analysis.plan.needs.school_subject`
        and its :func:`~analysis.plan.needs.aggregate` per kecamatan and district)
        and ``totals`` (district sums).
    """
    j = judged(sel) if judged_rows is None else judged_rows
    per_school = needs.school_subject(j, sel.guru)
    return {
        "npsn": per_school,
        "kecamatan": needs.aggregate(per_school, sel.tables["sekolah"], "kecamatan"),
        "district": needs.aggregate(per_school, sel.tables["sekolah"], "district"),
        "totals": needs.totals(per_school),
    }


def training_tables(
    sel: Selection,
    judged_rows: pd.DataFrame | None = None,
    ict_target: int = ict.DEFAULT_TARGET,
    domain_threshold: float = training.DEFAULT_DOMAIN_THRESHOLD,
    followup_months: int = followup.DEFAULT_MONTHS,
    cohort_size: int = training.DEFAULT_COHORT_SIZE,
) -> dict[str, pd.DataFrame]:
    """Training needs, cohorts and the follow-up schedule of the selection.

    Returns
    -------
    dict
        ``needs`` (teacher × need), ``ranked`` (one row per teacher), ``by_school``,
        ``cohorts``, ``schedule`` (one row per training) and ``overdue``.
    """
    j = judged(sel) if judged_rows is None else judged_rows
    kin = sel.tables.get("kinerja")
    rows = training.needs(
        sel.guru, j, sel.tables["pelatihan"], sel.tables["penilaian"], kin, sel.reference_date, ict_target, domain_threshold, participation.DEFAULT_MONTHS
    )
    sched = followup.schedule(sel.tables["pelatihan"], sel.tables["penilaian"], kin, sel.guru, sel.reference_date, followup_months)
    return {
        "needs": rows,
        "ranked": training.ranked(rows),
        "by_school": training.by_school(rows),
        "cohorts": training.cohorts(rows, sel.guru, sel.tables["sekolah"], j, cohort_size),
        "schedule": sched,
        "overdue": followup.overdue(sched),
    }


def map_points(
    ds: Dataset, indicator: str, npsns: Sequence[str] | None = None, ict_target: int = ict.DEFAULT_TARGET, table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Schools with coordinates and one indicator, for the map.

    ``table`` is :func:`analysis.views.district.school_table` of ``ds``, ``npsns`` and
    ``ict_target`` when the caller has it already (the page keeps it across
    indicator changes); else it is computed here.

    Returns
    -------
    DataFrame
        One row per school of the Sekolah table: ``npsn``, ``nama_sekolah``,
        ``kecamatan``, ``jenjang``, ``lintang``, ``bujur`` (NaN without usable
        coordinates), ``value`` (the indicator; shares 0–1).

    Raises
    ------
    ValueError
        If ``indicator`` is not one of :data:`MAP_INDICATORS`.
    """
    if indicator not in MAP_INDICATORS:
        raise ValueError(f"unknown indicator {indicator!r}")
    table = district.school_table(ds, npsns, ict_target) if table is None else table
    coords = geo.coordinates(ds.tables["sekolah"]).drop_duplicates("npsn")
    out = table[["npsn", "nama_sekolah", "kecamatan", "jenjang", indicator]].rename(columns={indicator: "value"}).merge(coords, on="npsn", how="left")
    return out[["npsn", "nama_sekolah", "kecamatan", "jenjang", "lintang", "bujur", "value"]]


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def plan_xlsx(sheets: dict[str, pd.DataFrame], notice: str | None = None) -> bytes:
    """The plan as one workbook: one sheet per table (name → table; characters Excel forbids in a sheet name replaced, cut to 31), cells neutralised, numbers with number formats (:func:`analysis.reports.exports.write_numbers`)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, df in sheets.items():
        ws = wb.create_sheet(_SHEET_BAD.sub(" ", str(name))[:31].strip() or "Data")
        start = None
        if notice:
            ws.cell(row=1, column=1, value=neutralize(notice))
            start = 3
        exports.write_numbers(ws, df, start)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def plan_html(title: str, meta: Sequence[str], sections: Sequence[tuple[str, Sequence[object]]], notice: str | None = None, lang: str = "id") -> str:
    """The plan as a printable, self-contained HTML page (:func:`analysis.reports.exports.html_report`)."""
    return exports.html_report(title, meta, sections, notice, lang)


def topic_label(topic: object, lang: str = "id") -> str:
    """A training topic as a reader sees it: an ICT skill or a domain by its label, "umum" as general, a subject or predikat as written.

    Parameters
    ----------
    topic : object
        A ``topic`` of :func:`analysis.plan.training.training_needs` (ICT skill key, domain key,
        predikat, subject name or ``"umum"``); several joined by "; " are labelled one by one.
    lang : {"id", "en"}

    Returns
    -------
    str
        "–" for a missing topic.
    """

    if topic is None or (isinstance(topic, float) and pd.isna(topic)) or str(topic) in ("", "None"):
        return "–"
    out = []
    for part in str(topic).split("; "):
        if part in schema.ICT_SKILLS:
            out.append(schema.ICT_SKILLS[part][0 if lang == "id" else 1])
        elif part in schema.DOMAINS:
            out.append(t(f"domain.{part}", lang))
        elif part == "umum":
            out.append(t("plan.topic.general", lang))
        else:
            out.append(part)
    return "; ".join(out)


def teacher_label(guru_ids: Sequence[str], guru: pd.DataFrame, salt: str, name_school: str | None) -> list[str]:
    """A label per teacher: the name when ``name_school`` is that teacher's own school (its head is viewing), else the pseudonymous code.

    Names are for the school head only, of that school's teachers (privacy rule
    of the dashboard; :mod:`analysis.metrics.privacy`).
    """

    info = guru.drop_duplicates("guru_id").set_index("guru_id")
    out = []
    for g in guru_ids:
        own = name_school is not None and g in info.index and info.at[g, "npsn"] == name_school and isinstance(info.at[g, "nama"], str)
        out.append(str(info.at[g, "nama"]) if own else pseudonym(str(g), salt))
    return out


def moves_table(moves: pd.DataFrame, guru: pd.DataFrame, salt: str, school_names: dict[str, str], lang: str, name_school: str | None = None) -> pd.DataFrame:
    """The moves as the officer reads them.

    Returns
    -------
    DataFrame
        One row per move of :attr:`~analysis.plan.redistribution.Proposal.moves`:
        ``move_id`` (1, 2, …), ``teacher`` (code, or name for the head of the
        teacher's school, :func:`teacher_label`), ``from_school``, ``to_school``
        (names), ``mata_pelajaran``, ``hours``, ``kind`` and ``reason`` (in ``lang``).
    """

    cols = ["move_id", "teacher", "from_school", "to_school", "mata_pelajaran", "hours", "kind", "reason"]
    if moves.empty:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame(
        {
            "move_id": range(1, len(moves) + 1),
            "teacher": teacher_label(list(moves["guru_id"]), guru, salt, name_school),
            "from_school": [school_names.get(n, n) for n in moves["from_npsn"]],
            "to_school": [school_names.get(n, n) for n in moves["to_npsn"]],
            "mata_pelajaran": moves["mata_pelajaran"].to_numpy(),
            "hours": moves["hours"].to_numpy(),
            "kind": [t(f"plan.kind.{k}", lang) for k in moves["kind"]],
            "reason": [t(r, lang) for r in moves["reason"]],
        }
    )[cols]


def lock_key(moves: pd.DataFrame, rows: Sequence[int]) -> list[tuple]:
    """Locked moves as :class:`~analysis.plan.redistribution.Options` takes them: ``(guru_id, to_npsn, subject, hours)`` of the "take" rows chosen (0-based)."""
    m = moves.iloc[list(rows)]
    m = m[m["kind"] == "take"]
    return [(g, s, j, float(h)) for g, s, j, h in zip(m["guru_id"], m["to_npsn"], m["mata_pelajaran"], m["hours"])]


def drop_key(moves: pd.DataFrame, rows: Sequence[int]) -> set[tuple]:
    """Dropped moves: ``(guru_id, to_npsn, subject)`` of the "take" rows chosen (0-based)."""
    m = moves.iloc[list(rows)]
    m = m[m["kind"] == "take"]
    return set(zip(m["guru_id"], m["to_npsn"], m["mata_pelajaran"]))
