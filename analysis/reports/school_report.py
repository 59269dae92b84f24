"""A school's report as an .xlsx workbook: the Profil Sekolah figures, ready to print or forward.

Written with openpyxl, every string neutralised (:func:`analysis.core.text.neutralize`).
Teachers appear by name only when ``show_names`` is set (the school's own head);
otherwise by pseudonymous code (:func:`analysis.metrics.privacy.display_names`). Sample
data carries the "illustrative, not measured" notice on every sheet.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from analysis.core import formatting, schema
from analysis.core.dataset import Dataset
from analysis.core.text import neutralize
from analysis.i18n import t
from analysis.metrics import ict
from analysis.metrics.privacy import display_names
from analysis.reports.validation import column_widths
from analysis.views import school
from analysis.views.school import HEADLINE as HEADLINE

_BOLD = Font(bold=True)
_NOTICE = PatternFill("solid", fgColor="FFF2CC")


_SHARE_FORMAT = formatting.XLSX_FORMATS["share"]


def _whole(v: object) -> object:
    """A JJM or JP figure as a cell: an int when whole (Excel never shows "6.0"), else the float; ``None`` when missing."""
    if formatting.is_missing(v):
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


def _value(v: object, kind: str) -> object:
    """A headline figure as a cell: a score rounded to one decimal, a share 0–1 (shown in percent by its number format), a count as an int."""
    if formatting.is_missing(v):
        return None
    if kind == "score":
        return round(float(v), 1)
    if kind == "share":
        return round(float(v), 4)
    return int(v)  # type: ignore[call-overload]


def school_report_xlsx(ds: Dataset, npsn: str, lang: str = "id", show_names: bool = False, ict_target: int = ict.DEFAULT_TARGET) -> bytes:
    """One school's figures as a workbook.

    Parameters
    ----------
    ds : Dataset
    npsn : str
        The school.
    lang : {"id", "en"}
    show_names : bool
        Teachers' names instead of codes; only for the school's own head.
    ict_target : int
        ICT level 1–4 counted as enough.

    Returns
    -------
    bytes
        An .xlsx with sheets: summary (school identity, reference date, the
        headline figures; shares as Excel percentages), competency (one row per
        domain, then one per PKG category), out of field (one row per subject,
        then one per out-of-field teacher), ICT (one row per skill) and training
        (one row per Jenis, then one per teacher without training in 12 months).

    Raises
    ------
    KeyError
        If ``npsn`` is not a school of ``ds``.
    """
    if npsn not in set(ds.tables["sekolah"]["npsn"]):
        raise KeyError(npsn)
    sel = school.select(ds, npsn)
    head = school.headline(sel, ict_target=ict_target)
    row = sel.tables["sekolah"].iloc[0]
    wb = openpyxl.Workbook()

    def start(ws, title_key: str) -> None:
        ws.append([neutralize(t(title_key, lang))])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([neutralize(f"{row['nama_sekolah']} · NPSN {npsn}")])
        if ds.is_sample:
            ws.append([t("app.sample_notice", lang)])
            ws.cell(ws.max_row, 1).fill = _NOTICE
        ws.append([])

    def header(ws, keys: list[str]) -> None:
        ws.append([t(k, lang) for k in keys])
        for c in ws[ws.max_row]:
            c.font = _BOLD

    ws = wb.active
    ws.title = t("report.school.sheet.summary", lang)[:31]
    start(ws, "report.school.title")
    for label, value in (
        ("report.school.jenjang", row.get("jenjang")),
        ("report.school.status", row.get("status")),
        ("report.school.kecamatan", row.get("kecamatan")),
        ("report.school.kabupaten", row.get("kabupaten_kota")),
        ("report.school.reference_date", formatting.date(sel.reference_date, lang)),
        ("report.school.ict_target", ict_target),
    ):
        ws.append([t(label, lang), neutralize(None if value is None or value != value else value)])
    ws.append([])
    header(ws, ["report.school.figure", "report.school.value"])
    for key, label, kind in HEADLINE:
        ws.append([t(label, lang, target=ict_target), _value(head.get(key), kind)])
        if kind == "share":
            ws.cell(ws.max_row, 2).number_format = _SHARE_FORMAT
    column_widths(ws, (44, 18))

    comp = school.competency_tables(sel)
    wc = wb.create_sheet(t("report.school.sheet.competency", lang)[:31])
    start(wc, "profil.section.competency")
    header(wc, ["report.school.domain", "report.school.n", "report.school.mean", "report.school.median", "report.school.q1", "report.school.q3"])
    first = wc.max_row + 1
    for r in comp["box"].itertuples():
        wc.append([t(f"domain.{r.domain}", lang), int(r.n), *(None if v != v else round(float(v), 1) for v in (r.mean, r.median, r.q1, r.q3))])
    _bar_chart(wc, t("chart.domain.title", lang), first - 1, wc.max_row, (3,), "H2", y_max=100)
    wc.append([])
    header(wc, ["report.school.category", "report.school.n", "report.school.share"])
    for r in comp["categories"].itertuples():
        wc.append([t(f"chart.band.{r.kategori}", lang), int(r.n), None if r.share != r.share else round(float(r.share), 4)])
        wc.cell(wc.max_row, 3).number_format = _SHARE_FORMAT
    column_widths(wc, (30, 10, 10, 10, 10, 10))

    oof = school.out_of_field_tables(sel)
    wo = wb.create_sheet(t("report.school.sheet.out_of_field", lang)[:31])
    start(wo, "profil.section.out_of_field")
    header(
        wo, ["col.subject", "report.school.teachers", "chart.oof.linier", "chart.oof.tidak_linier", "chart.oof.unknown", "report.school.share_out", "col.jjm"]
    )
    first = wo.max_row + 1
    for r in oof["by_subject"].itertuples():
        wo.append(
            [
                neutralize(r.mata_pelajaran),
                int(r.teachers),
                int(r.linier),
                int(r.tidak_linier),
                int(r.unknown),
                None if r.share_out != r.share_out else round(float(r.share_out), 4),
                _whole(r.jjm),
            ]
        )
        wo.cell(wo.max_row, 6).number_format = _SHARE_FORMAT
    if wo.max_row >= first:
        _bar_chart(wo, t("chart.oof.title", lang), first - 1, wo.max_row, (4, 3, 5), "J2", stacked=True, horizontal=True)
    wo.append([])
    header(wo, ["col.teacher", "col.subjects_out", "col.qualification", "report.school.jjm_out", "report.school.jjm_total", "col.status"])
    teachers = oof["teachers"]
    names = display_names(teachers, show_names, ds.id) if len(teachers) else pd.Series(dtype=object)
    for name, r in zip(names, teachers.itertuples()):
        wo.append(
            [
                neutralize(name),
                neutralize(r.subjects_out),
                neutralize(r.qualification),
                _whole(r.jjm_out),
                _whole(r.jjm_total),
                neutralize(r.status_kepegawaian),
            ]
        )
    column_widths(wo, (36, 30, 30, 12, 12, 18, 10))

    tik = school.ict_tables(sel, ict_target)
    wi = wb.create_sheet(t("report.school.sheet.ict", lang)[:31])
    start(wi, "profil.section.ict")
    i = 0 if lang == "id" else 1
    levels = tik["levels"].pivot(index="skill", columns="level", values="n")
    header(wi, ["report.school.skill", *(f"ict.level.{lv}" for lv in ict.LEVELS), "report.school.below_share"])
    below = tik["below"].set_index("skill")["share"]
    first = wi.max_row + 1
    for s in ict.SKILLS:
        wi.append([schema.ICT_SKILLS[s][i], *(int(levels.loc[s, lv]) for lv in ict.LEVELS), None if below[s] != below[s] else round(float(below[s]), 4)])
        wi.cell(wi.max_row, 6).number_format = _SHARE_FORMAT
    _bar_chart(wi, t("chart.ict.title", lang), first - 1, wi.max_row, (2, 3, 4, 5), "H2", stacked=True, horizontal=True)
    column_widths(wi, (40, 14, 14, 14, 18, 16))

    tr = school.training_tables(sel)
    wt = wb.create_sheet(t("report.school.sheet.training", lang)[:31])
    start(wt, "profil.section.training")
    header(wt, ["report.school.jenis", "report.school.participations", "report.school.teachers", "report.school.jp"])
    for r in tr["types"].itertuples():
        wt.append([neutralize(r.jenis), int(r.participations), int(r.teachers), _whole(r.jp)])
    wt.append([])
    wt.append([t("profil.training.none_list", lang)])
    wt.cell(wt.max_row, 1).font = _BOLD
    header(wt, ["col.teacher", "col.status", "col.last_training"])
    un = school.untrained_list(sel, tr["untrained"])
    names = display_names(un, show_names, ds.id) if len(un) else pd.Series(dtype=object)
    for name, r in zip(names, un.itertuples()):
        last = None if pd.isna(r.last_training) else pd.Timestamp(r.last_training).to_pydatetime()
        wt.append([neutralize(name), neutralize(r.status_kepegawaian), last])
        wt.cell(wt.max_row, 3).number_format = formatting.XLSX_FORMATS["date"]
    column_widths(wt, (36, 18, 18, 12))

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _bar_chart(
    ws,
    title: str,
    header_row: int,
    last_row: int,
    value_cols: tuple[int, ...],
    anchor: str,
    stacked: bool = False,
    horizontal: bool = False,
    y_max: float | None = None,
) -> None:
    """A native Excel bar chart over rows ``header_row+1..last_row`` (categories in column A, series in ``value_cols``)."""
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    for col in value_cols:
        chart.add_data(Reference(ws, min_col=col, min_row=header_row, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    if y_max is not None:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, y_max
    chart.height, chart.width = max(7.5, 0.7 * (last_row - header_row) + 4), 16
    ws.add_chart(chart, anchor)
