"""Exports: any table as CSV or .xlsx, the district report as .xlsx with native Excel charts, and HTML reports.

Every text cell is neutralised (:func:`analysis.report.neutralize`: control
characters a spreadsheet cannot hold are removed, then text starting with
= + - @, a tab or CR gets a leading apostrophe, OWASP "CSV injection") and no
string is ever written as a formula; HTML text is cleaned the same way, then escaped. The HTML reports are
self-contained (plotly.js inline, no network), interactive, and print to PDF
from a browser. Sample data carries the "illustrative, not measured" notice.
"""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence

import openpyxl
import pandas as pd
import plotly.graph_objects as go
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from analysis import charts, district, ict, school, schema
from analysis.dataset import Dataset
from analysis.i18n import t
from analysis.report import column_widths, neutralize, strip_control

_BOLD = Font(bold=True)
_NOTICE = PatternFill("solid", fgColor="FFF2CC")


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell neutralised (same shape, same column names, also neutralised)."""
    out = df.map(neutralize) if len(df) else df.copy()
    out.columns = [neutralize(str(c)) for c in df.columns]
    return out


def table_csv(df: pd.DataFrame) -> bytes:
    """A table as CSV bytes (UTF-8 with BOM so Excel reads the accents), cells neutralised."""
    return safe_frame(df).to_csv(index=False).encode("utf-8-sig")


def table_xlsx(df: pd.DataFrame, sheet: str = "Data") -> bytes:
    """A table as an .xlsx workbook (one sheet, bold header, frozen first row), cells neutralised and never formulas."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    _write_table(ws, safe_frame(df))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(v: object) -> object:
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.to_pydatetime()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            return v.item()
        except (ValueError, AttributeError):
            return str(v)
    return v


def _write_table(ws, df: pd.DataFrame, start_row: int | None = None) -> tuple[int, int]:
    """Write a header and rows; returns (header row, last row)."""
    first = start_row or ws.max_row + (1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 0)
    for j, c in enumerate(df.columns, start=1):
        ws.cell(first, j, str(c)).font = _BOLD
    for i, row in enumerate(df.itertuples(index=False), start=first + 1):
        for j, v in enumerate(row, start=1):
            cell = ws.cell(i, j, _cell(v))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    if first == 1:
        ws.freeze_panes = "A2"
    return first, first + len(df)


def district_report_xlsx(ds: Dataset, npsns: Sequence[str], lang: str = "id", ict_target: int = ict.DEFAULT_TARGET, filters: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """The district report: headline figures, one row per school, and native Excel charts.

    Parameters
    ----------
    ds : Dataset
    npsns : sequence of str
        The schools (e.g. those passing the overview's filters).
    lang : {"id", "en"}
    ict_target : int
        ICT level 1–4 counted as enough.
    filters : mapping, optional
        The overview's filters (key of :data:`analysis.district.FILTERS` → values),
        written in the summary's header and on the Filter sheet
        (:func:`analysis.district.filter_lines`).

    Returns
    -------
    bytes
        An .xlsx with a summary sheet (the filters, then the headline figures of all the
        schools), a schools sheet (one row per school: the figures of
        :func:`analysis.district.school_table`, shares as percentages) carrying
        two native bar charts (out-of-field share and share below the ICT target
        per school; domain means per school) that reference its cells, then a
        Filter sheet (one line per filter, the reference date, the ICT target).
    """
    from analysis.school_report import HEADLINE, _value

    sel = school.select(ds, list(npsns))
    head = school.headline(sel, ict_target=ict_target)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = t("report.district.sheet.summary", lang)[:31]
    ws.append([t("report.district.title", lang)])
    ws["A1"].font = Font(bold=True, size=13)
    if ds.is_sample:
        ws.append([t("app.sample_notice", lang)])
        ws.cell(ws.max_row, 1).fill = _NOTICE
    lines = district.filter_lines(filters, lang, sel.reference_date, ict_target)
    ws.append([t("report.filter.title", lang)])
    ws.cell(ws.max_row, 1).font = _BOLD
    for label, value in lines:
        ws.append([neutralize(label), neutralize(value)])
    ws.append([])
    ws.append([t("metric.schools", lang), len(npsns)])
    for key, label, kind in HEADLINE:
        ws.append([t(label, lang, target=ict_target), _value(head.get(key), kind)])
        if kind == "share":
            ws.cell(ws.max_row, 2).number_format = "0%"
    column_widths(ws, (46, 18))

    table = district.school_table(ds, list(npsns), ict_target=ict_target)
    figures = list(district.FIGURES)
    labels = {"nama_sekolah": t("col.school", lang), "npsn": "NPSN"} | {f: t(_label(f), lang, target=ict_target) for f in figures}
    out = table[["nama_sekolah", "npsn", *figures]].rename(columns=labels)
    wt = wb.create_sheet(t("report.district.sheet.schools", lang)[:31])
    head_row, last = _write_table(wt, safe_frame(out), start_row=1)
    for j, f in enumerate(figures, start=3):
        kind = _kind(f)
        for i in range(head_row + 1, last + 1):
            c = wt.cell(i, j)
            c.number_format = "0%" if kind == "share" else ("0.0" if kind == "score" else "0")
    column_widths(wt, (36, 12, *([14] * len(figures))))
    if last > head_row:
        cats = Reference(wt, min_col=1, min_row=head_row + 1, max_row=last)
        c1 = BarChart()
        c1.type = "bar"
        c1.title = t("report.district.chart.gaps", lang)
        c1.y_axis.number_format = "0%"
        for f in ("out_of_field_share_headcount", "ict_below_target_share", "trained_last_12_months_share"):
            col = 3 + figures.index(f)
            c1.add_data(Reference(wt, min_col=col, min_row=head_row, max_row=last), titles_from_data=True)
        c1.set_categories(cats)
        c1.height, c1.width = max(7.5, 0.9 * (last - head_row) + 3), 18
        wt.add_chart(c1, f"A{last + 3}")
        c2 = BarChart()
        c2.type = "bar"
        c2.title = t("report.district.chart.domains", lang)
        for d in schema.DOMAINS:
            col = 3 + figures.index(f"domain_mean_{d}")
            c2.add_data(Reference(wt, min_col=col, min_row=head_row, max_row=last), titles_from_data=True)
        c2.set_categories(cats)
        c2.y_axis.scaling.min, c2.y_axis.scaling.max = 0, 100
        c2.height, c2.width = c1.height, 18
        wt.add_chart(c2, f"H{last + 3}")
    wf = wb.create_sheet(t("report.filter.sheet", lang)[:31])
    wf.append([t("report.filter.title", lang)])
    wf["A1"].font = Font(bold=True, size=13)
    for label, value in lines:
        wf.append([neutralize(label), neutralize(value)])
    wf.append([t("metric.schools", lang), len(npsns)])
    column_widths(wf, (30, 40))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _label(figure: str) -> str:
    from analysis.school_report import HEADLINE

    return {k: label for k, label, _ in HEADLINE}.get(figure, "metric.teachers" if figure == "teachers" else figure)


def _kind(figure: str) -> str:
    if figure.endswith("_share") or "share" in figure:
        return "share"
    if figure.startswith("domain_mean_"):
        return "score"
    return "count"


# ------------------------------------------------------------------ HTML


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1100px;margin:2em auto;color:#222;padding:0 1em}
h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.notice{background:#fff2cc;padding:.6em 1em;border-radius:4px}
.meta{color:#555}
table{border-collapse:collapse;font-size:.9em;margin:.6em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
th{background:#f3f3f3}
.figure{page-break-inside:avoid}
@media print{.figure{break-inside:avoid}}
"""


def html_report(title: str, meta: Sequence[str], sections: Sequence[tuple[str, Sequence[object]]], notice: str | None = None, lang: str = "id") -> str:
    """A self-contained HTML report.

    Parameters
    ----------
    title : str
    meta : sequence of str
        Lines under the title (school, reference date…).
    sections : sequence of (heading, items)
        Each item a plotly figure, a DataFrame (escaped HTML table) or a str (paragraph, escaped).
    notice : str, optional
        Highlighted notice (the sample-data label).
    lang : {"id", "en"}
        The page's language attribute.

    Returns
    -------
    str
        One HTML document; plotly.js is embedded once, inline, so it opens offline.
    """
    parts = [f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{_esc(title)}</title><style>{_CSS}</style></head><body>"]
    parts.append(f"<h1>{_esc(title)}</h1>")
    parts += [f"<p class='meta'>{_esc(m)}</p>" for m in meta]
    if notice:
        parts.append(f"<p class='notice'>{_esc(notice)}</p>")
    plotly_js = True
    for heading, items in sections:
        parts.append(f"<h2>{_esc(heading)}</h2>")
        for item in items:
            if isinstance(item, go.Figure):
                parts.append("<div class='figure'>" + item.to_html(full_html=False, include_plotlyjs="inline" if plotly_js else False, config={"displaylogo": False}) + "</div>")
                plotly_js = False
            elif isinstance(item, pd.DataFrame):
                parts.append(safe_frame(item).to_html(index=False, escape=True, na_rep="–"))
            else:
                parts.append(f"<p>{_esc(str(item))}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _esc(text: object) -> str:
    """Text for an HTML report: control characters removed, then HTML-escaped."""
    return html.escape(strip_control(str(text)))


def school_report_html(ds: Dataset, npsn: str, lang: str = "id", show_names: bool = False, ict_target: int = ict.DEFAULT_TARGET) -> str:
    """The Profil Sekolah page as a self-contained HTML report (same figures, same charts).

    Raises
    ------
    KeyError
        If ``npsn`` is not a school of ``ds``.
    """
    from analysis.privacy import display_names

    if npsn not in set(ds.tables["sekolah"]["npsn"]):
        raise KeyError(npsn)
    sel = school.select(ds, npsn)
    head = school.headline(sel, ict_target=ict_target)
    name = str(sel.tables["sekolah"].iloc[0]["nama_sekolah"])
    figures = pd.DataFrame({t("report.school.figure", lang): [t(lbl, lang, target=ict_target) for _, lbl, _ in _headline()], t("report.school.value", lang): [_fmt(head.get(k), kind, lang) for k, _, kind in _headline()]})
    counts = school.staff_tables(sel)
    comp = school.competency_tables(sel)
    oof = school.out_of_field_tables(sel)
    tik = school.ict_tables(sel, ict_target)
    tr = school.training_tables(sel)
    teachers = oof["teachers"]
    listed = pd.DataFrame(
        {
            t("col.teacher", lang): display_names(teachers, show_names).to_numpy() if len(teachers) else [],
            t("col.subjects_out", lang): teachers["subjects_out"].to_numpy(),
            t("col.qualification", lang): teachers["qualification"].to_numpy(),
            t("col.jjm_out", lang): teachers["jjm_out"].to_numpy(),
        }
    )
    sections = [
        (t("report.school.sheet.summary", lang), [figures]),
        (t("profil.section.staff", lang), [charts.count_bars(counts["status_kepegawaian"], "value", "n", lang, "chart.staff.status.title", color="group", color_labels={g: t(f"chart.group.{g}", lang) for g in ("pendidik", "tendik")})]),
        (t("profil.section.competency", lang), [charts.domain_scores_figure(comp["box"], lang), charts.pkg_category_figure(comp["categories"], lang)]),
        (t("profil.section.out_of_field", lang), [charts.out_of_field_by_subject_figure(oof["by_subject"], lang), listed]),
        (t("profil.section.ict", lang), [charts.ict_heatmap(tik["levels"], lang), charts.ict_below_target_figure(tik["below"], lang, ict_target)]),
        (t("profil.section.training", lang), [charts.histogram_figure(tr["jp_bins"], lang, "chart.training.jp.title", "chart.axis.jp"), charts.count_bars(tr["types"], "jenis", "teachers", lang, "chart.training.types.title", "chart.axis.teachers")]),
    ]
    meta = [f"NPSN {npsn}", school.reference_caption(sel, lang), f"{t('report.filter.ict_target', lang)}: {ict_target}"]
    return html_report(f"{t('report.school.title', lang)}: {name}", meta, sections, t("app.sample_notice", lang) if ds.is_sample else None, lang)


def district_report_html(ds: Dataset, npsns: Sequence[str], lang: str = "id", ict_target: int = ict.DEFAULT_TARGET, filters: Mapping[str, Sequence[str]] | None = None) -> str:
    """The overview as a self-contained HTML report: the filters, headline figures, the school table and charts per school.

    ``filters`` (the overview's, as :func:`district_report_xlsx`) are written
    under the title and as the first section (:func:`analysis.district.filter_lines`).
    """
    sel = school.select(ds, list(npsns))
    head = school.headline(sel, ict_target=ict_target)
    figures = pd.DataFrame({t("report.school.figure", lang): [t(lbl, lang, target=ict_target) for _, lbl, _ in _headline()], t("report.school.value", lang): [_fmt(head.get(k), kind, lang) for k, _, kind in _headline()]})
    table = district.school_table(ds, list(npsns), ict_target=ict_target)
    shown = pd.DataFrame({t("col.school", lang): table["nama_sekolah"], "NPSN": table["npsn"]} | {t(_label(f), lang, target=ict_target): [_fmt(v, _kind(f), lang) for v in table[f]] for f in district.FIGURES})
    names = dict(zip(table["npsn"], table["nama_sekolah"]))
    gaps = table.melt(id_vars=["npsn"], value_vars=["out_of_field_share_headcount", "ict_below_target_share"], var_name="figure", value_name="share").dropna()
    gap_fig = charts.matrix_figure(gaps, "npsn", "figure", "share", lang, "report.district.chart.gaps", row_labels=names, col_labels={f: t(_label(f), lang, target=ict_target) for f in gaps["figure"].unique()}, percent=True)
    dom = table.melt(id_vars=["npsn"], value_vars=[f"domain_mean_{d}" for d in schema.DOMAINS], var_name="domain", value_name="mean").dropna()
    dom_fig = charts.matrix_figure(dom, "npsn", "domain", "mean", lang, "report.district.chart.domains", row_labels=names, col_labels={f"domain_mean_{d}": t(f"domain.{d}", lang) for d in schema.DOMAINS}, zrange=(50.0, 100.0))
    lines = district.filter_lines(filters, lang, sel.reference_date, ict_target)
    filter_table = pd.DataFrame({t("report.filter.sheet", lang): [a for a, _ in lines], t("report.school.value", lang): [b for _, b in lines]})
    sections = [(t("report.filter.title", lang), [filter_table]), (t("report.district.sheet.summary", lang), [figures]), (t("report.district.sheet.schools", lang), [shown, gap_fig, dom_fig])]
    meta = [school.reference_caption(sel, lang), f"{t('metric.schools', lang)}: {len(npsns)}", "; ".join(f"{a}: {b}" for a, b in lines)]
    return html_report(t("report.district.title", lang), meta, sections, t("app.sample_notice", lang) if ds.is_sample else None, lang)


def _headline():
    from analysis.school_report import HEADLINE

    return HEADLINE


def _fmt(v: object, kind: str, lang: str = "id") -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if kind == "share":
        return f"{float(v):.0%}"
    if kind == "score":
        text = f"{float(v):.1f}"
        return text.replace(".", ",") if lang == "id" else text
    return f"{int(v)}"


def deidentified_xlsx(ds: Dataset, npsns: Sequence[str] | None = None, lang: str = "id", *, k: int | None = None, min_cell: int | None = None) -> bytes:
    """The researcher export: the de-identified dataset, k-anonymous, as one .xlsx, one sheet per table.

    The Guru sheet is made k-anonymous on :data:`analysis.privacy.QUASI_IDENTIFIERS`
    (:func:`analysis.privacy.enforce_k_anonymity`); a count sheet gives the
    pendidik per school by ASN / Non-ASN with small cells suppressed
    (:func:`analysis.privacy.suppress`); the README sheet says k, the
    generalisations applied and how many rows were blanked or left out.

    Parameters
    ----------
    ds : Dataset
    npsns : sequence of str, optional
        Limit to these schools.
    lang : {"id", "en"}
        Language of the README sheet and the count sheet's headers.
    k : int, optional
        Smallest quasi-identifier group (default :data:`analysis.privacy.K_ANONYMITY`, 5).
    min_cell : int, optional
        Small-cell threshold of the count sheet (default ``$DASBOR_MIN_CELL`` or 10).

    Returns
    -------
    bytes
        Sheets ``README`` (what was removed, k, generalisations, suppressed rows,
        the sample-data notice), ``sekolah``, ``guru``, ``mengajar``,
        ``pelatihan``, ``penilaian`` and the count sheet; cells neutralised.
    """
    from analysis import privacy

    k = privacy.K_ANONYMITY if k is None else k
    threshold = privacy.cell_threshold(min_cell)
    sel = school.select(ds, list(npsns) if npsns is not None else None)
    tables = privacy.deidentified_tables(sel.tables, sel.reference_date, k=k)
    rep: privacy.KAnonymityReport = tables["guru"].attrs["k_anonymity"]
    counts_sheet = t("privacy.sheet.counts", lang)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = t("privacy.readme.sheet", lang)[:31]
    ws.append([t("privacy.readme.title", lang)])
    ws.cell(1, 1).font = _BOLD
    if ds.is_sample:
        ws.append([t("app.sample_notice", lang)])
        ws.cell(ws.max_row, 1).fill = _NOTICE
    if not privacy.codes_protected():
        ws.append([t("privacy.codes_unprotected", lang)])
        ws.cell(ws.max_row, 1).fill = _NOTICE
    steps = ", ".join(t(f"privacy.gen.{g}", lang) for g in rep.generalisations)
    lines = [
        t("export.deid.note", lang),
        t("privacy.readme.codes", lang),
        t("privacy.readme.heads", lang),
        t("privacy.readme.k", lang, qi=", ".join(privacy.QUASI_IDENTIFIERS), k=k, before=rep.k_before, after=rep.k_after),
        t("privacy.readme.generalised", lang, steps=steps) if steps else t("privacy.readme.generalised.none", lang),
        t("privacy.readme.blanked", lang, n=rep.rows_blanked, rows=rep.rows, detail=", ".join(f"{c}: {n}" for c, n in rep.blanked_values.items() if n)),
        t("privacy.readme.dropped", lang, n=rep.rows_dropped),
        t("privacy.readme.cells", lang, sheet=counts_sheet, min=threshold),
    ]
    for line in lines:
        ws.append([neutralize(line)])
    for name, df in tables.items():
        _write_table(wb.create_sheet(name), safe_frame(df), start_row=1)
    _write_table(wb.create_sheet(counts_sheet[:31]), safe_frame(school_counts(sel.tables, lang, threshold)), start_row=1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def school_counts(tables: dict[str, pd.DataFrame], lang: str = "id", min_cell: int | None = None) -> pd.DataFrame:
    """Pendidik per school by ASN / Non-ASN, small cells suppressed (:func:`analysis.privacy.suppress`).

    Returns
    -------
    DataFrame
        One row per school of ``tables["sekolah"]``: ``npsn``, ``nama_sekolah``,
        ASN, Non-ASN and total (headers in ``lang``); counts, or ``"<10"`` where
        under the threshold or where a shown cell would give a hidden one back.
    """
    from analysis import privacy, staff

    guru = staff.pendidik(tables["guru"])
    group = guru["status_kepegawaian"].map(privacy.asn_group).fillna("Non-ASN")
    by = pd.crosstab(guru["npsn"], group).reindex(columns=["ASN", "Non-ASN"], fill_value=0)
    sk = tables["sekolah"][["npsn", "nama_sekolah"]].drop_duplicates("npsn")
    out = sk.merge(by, left_on="npsn", right_index=True, how="left").fillna({"ASN": 0, "Non-ASN": 0})
    out[["ASN", "Non-ASN"]] = out[["ASN", "Non-ASN"]].astype(int)
    out["total"] = out["ASN"] + out["Non-ASN"]
    out = privacy.suppress(out, ["ASN", "Non-ASN", "total"], min_cell)
    names = {"ASN": t("privacy.col.asn", lang), "Non-ASN": t("privacy.col.non_asn", lang), "total": t("privacy.col.total", lang)}
    return out.rename(columns=names).reset_index(drop=True)
