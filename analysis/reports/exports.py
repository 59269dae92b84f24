"""Exports: any table as CSV or .xlsx, the district report as .xlsx with native Excel charts, and HTML reports.

Every text cell is neutralised (:func:`analysis.core.text.neutralize`: control
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

from analysis import charts
from analysis.core import formatting, schema
from analysis.core.dataset import Dataset
from analysis.core.text import neutralize, strip_control
from analysis.i18n import STRINGS, t
from analysis.metrics import ict, privacy, staff
from analysis.metrics.privacy import display_names
from analysis.reports.school_report import HEADLINE, _value
from analysis.reports.validation import column_widths
from analysis.views import district, school

_BOLD = Font(bold=True)
_NOTICE = PatternFill("solid", fgColor="FFF2CC")


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell neutralised (same shape, same column names, also neutralised)."""
    out = df.map(neutralize) if len(df) else df.copy()
    out.columns = [neutralize(str(c)) for c in df.columns]
    return out


def table_kinds(df: pd.DataFrame, kinds: dict[str, str] | None = None) -> dict[str, str]:
    """The kind of each column of ``df`` (:func:`analysis.core.formatting.column_kind`), ``kinds`` taking precedence."""
    given = kinds or {}
    return {c: given.get(c) or formatting.column_kind(c, df.iloc[:, j]) for j, c in enumerate(df.columns)}


def labelled(df: pd.DataFrame, headers: dict[str, str], kinds: dict[str, str] | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """The columns ``headers`` names (column → header), renamed, and the kind of each header.

    The kinds are found on the analysis column names (:func:`table_kinds`,
    ``kinds`` taking precedence), before the headers hide them; the pair is what
    a page shows and downloads (:func:`table_csv`, :func:`table_xlsx`).
    """
    raw = df[list(headers)].reset_index(drop=True)
    kind = table_kinds(raw, kinds)
    return raw.rename(columns=headers), {headers[c]: kind[c] for c in raw.columns}


def table_csv(df: pd.DataFrame, kinds: dict[str, str] | None = None, lang: str = "id") -> bytes:
    """A table as CSV bytes (UTF-8 with BOM so Excel reads the accents), cells neutralised.

    The CSV is for machines and is the same in both languages: dot decimals,
    no thousands separator, comma-separated. Numbers are rounded by their kind
    (:func:`analysis.core.formatting.csv_value`): whole numbers, JJM and JP without
    ".0", shares in percent with one decimal and " (%)" in their header,
    scores one decimal, effect sizes two, p-values three, other decimals
    three; dates as yyyy-mm-dd; a missing value is an empty cell, never "None".

    Parameters
    ----------
    df : DataFrame
        The table as shown, one row per whatever it lists.
    kinds : dict, optional
        Column → kind (:data:`analysis.core.formatting.KINDS`, or ``coordinate``);
        columns not named are inferred from their name and values.
    lang : {"id", "en"}
        Language of the headers (only the " (%)" unit is added).
    """
    k = table_kinds(df, kinds)
    out = pd.DataFrame(
        {j: [_csv_text(formatting.csv_value(v, k[c])) for v in df.iloc[:, j]] for j, c in enumerate(df.columns)}, columns=range(df.shape[1]), dtype=object
    )
    out.columns = [formatting.csv_header(c, k[c], lang) for c in df.columns]
    return safe_frame(out).to_csv(index=False).encode("utf-8-sig")


def _csv_text(v: object) -> object:
    """A CSV cell's number as its text ("80", "71.2"), so that a column of ints and floats is not widened to "80.0"."""
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def table_xlsx(df: pd.DataFrame, sheet: str = "Data", kinds: dict[str, str] | None = None) -> bytes:
    """A table as an .xlsx workbook (one sheet, bold header, frozen first row), cells neutralised and never formulas.

    Numbers stay numbers with a number format by kind (:data:`analysis.core.formatting.XLSX_FORMATS`:
    shares as "0.0%", counts "#,##0", scores "0.0", dates "DD/MM/YYYY"), so Excel
    shows them with the reader's own decimal and thousands separators; a
    float column of whole numbers (JJM, teachers) is written as integers.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    write_numbers(ws, df, 1, kinds)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_numbers(ws, df: pd.DataFrame, start_row: int | None = None, kinds: dict[str, str] | None = None) -> tuple[int, int]:
    """Write ``df`` (header and rows, cells neutralised) into the worksheet ``ws`` with a number format per column kind.

    Parameters
    ----------
    ws : openpyxl Worksheet
    df : DataFrame
    start_row : int, optional
        Row of the header (default: after what the sheet holds).
    kinds : dict, optional
        Column → kind (:func:`table_kinds` infers the others).

    Returns
    -------
    (int, int)
        The header row and the last row written.
    """
    k = table_kinds(df, kinds)
    first, last = _write_table(ws, safe_frame(_whole_as_int(df, k)), start_row=start_row)
    for j, c in enumerate(df.columns, start=1):
        number_format = formatting.XLSX_FORMATS.get(k[c])
        if number_format:
            for i in range(first + 1, last + 1):
                if not isinstance(ws.cell(i, j).value, str):
                    ws.cell(i, j).number_format = number_format
    return first, last


def _whole_as_int(df: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """``df`` with whole-number floats of count and hours columns as ints (Excel shows "6", never "6.0")."""
    cols = [
        df.iloc[:, j].tolist()
        if not (kinds[c] in ("count", "hours") and pd.api.types.is_float_dtype(df.iloc[:, j]))
        else [None if formatting.is_missing(v) else (int(v) if float(v).is_integer() else float(v)) for v in df.iloc[:, j]]
        for j, c in enumerate(df.columns)
    ]
    out = pd.DataFrame(dict(enumerate(cols)), index=df.index, columns=range(df.shape[1]))
    out.columns = df.columns
    return out


def download_name(key: str, ext: str, lang: str) -> str:
    """The file name of a table's download, in ``lang``.

    The name is the string ``file.table.<key>`` (``key`` the table's widget key,
    e.g. ``profil_untrained`` → "guru_tanpa_pelatihan" / "untrained_teachers"),
    else ``file.table.<name>`` of the name after the page prefix (a section
    shared by several pages: ``profil_trend_table`` → "tren"), else
    "tabel_<key>" / "table_<key>".

    Examples
    --------
    >>> download_name("profil_untrained", "csv", "id"), download_name("profil_untrained", "xlsx", "en")
    ('guru_tanpa_pelatihan.csv', 'untrained_teachers.xlsx')
    >>> download_name("komp_trend_table", "csv", "id")
    'tren.csv'
    """

    for candidate in (key, key.split("_", 1)[-1]):
        if f"filename.table.{candidate}" in STRINGS:
            return f"{t(f'filename.table.{candidate}', lang)}.{ext}"
    return f"{t('filename.table', lang, name=key)}.{ext}"


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


def district_report_xlsx(
    ds: Dataset, npsns: Sequence[str], lang: str = "id", ict_target: int = ict.DEFAULT_TARGET, filters: Mapping[str, Sequence[str]] | None = None
) -> bytes:
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
        The overview's filters (key of :data:`analysis.views.district.FILTERS` → values),
        written in the summary's header and on the Filter sheet
        (:func:`analysis.views.district.filter_lines`).

    Returns
    -------
    bytes
        An .xlsx with a summary sheet (the filters, then the headline figures of all the
        schools), a schools sheet (one row per school: the figures of
        :func:`analysis.views.district.school_table`, shares as percentages) carrying
        two native bar charts (out-of-field share and share below the ICT target
        per school; domain means per school) that reference its cells, then a
        Filter sheet (one line per filter, the reference date, the ICT target).
    """

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
            ws.cell(ws.max_row, 2).number_format = formatting.XLSX_FORMATS["share"]
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
            c.number_format = formatting.XLSX_FORMATS[kind]
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
                item.update_layout(separators=formatting.plotly_separators(lang))
                parts.append(
                    "<div class='figure'>"
                    + item.to_html(full_html=False, include_plotlyjs="inline" if plotly_js else False, config={"displaylogo": False})
                    + "</div>"
                )
                plotly_js = False
            elif isinstance(item, pd.DataFrame):
                parts.append(safe_frame(display_frame(item, lang)).to_html(index=False, escape=True, na_rep=formatting.MISSING))
            else:
                parts.append(f"<p>{_esc(str(item))}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def display_frame(df: pd.DataFrame, lang: str, kinds: dict[str, str] | None = None) -> pd.DataFrame:
    """``df`` with every cell as text in ``lang`` (:func:`analysis.core.formatting.cell`, kinds by :func:`table_kinds`): how an HTML report prints a table."""
    k = table_kinds(df, kinds)
    out = pd.DataFrame(
        {j: [formatting.cell(v, k[c], lang) for v in df.iloc[:, j]] for j, c in enumerate(df.columns)}, index=df.index, columns=range(df.shape[1]), dtype=object
    )
    out.columns = df.columns
    return out


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

    if npsn not in set(ds.tables["sekolah"]["npsn"]):
        raise KeyError(npsn)
    sel = school.select(ds, npsn)
    head = school.headline(sel, ict_target=ict_target)
    name = str(sel.tables["sekolah"].iloc[0]["nama_sekolah"])
    figures = pd.DataFrame(
        {
            t("report.school.figure", lang): [t(lbl, lang, target=ict_target) for _, lbl, _ in _headline()],
            t("report.school.value", lang): [_fmt(head.get(k), kind, lang) for k, _, kind in _headline()],
        }
    )
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
        (
            t("profil.section.staff", lang),
            [
                charts.count_bars(
                    counts["status_kepegawaian"],
                    "value",
                    "n",
                    lang,
                    "chart.staff.status.title",
                    color="group",
                    color_labels={g: t(f"chart.group.{g}", lang) for g in ("pendidik", "tendik")},
                )
            ],
        ),
        (t("profil.section.competency", lang), [charts.domain_scores_figure(comp["box"], lang), charts.pkg_category_figure(comp["categories"], lang)]),
        (t("profil.section.out_of_field", lang), [charts.out_of_field_by_subject_figure(oof["by_subject"], lang), listed]),
        (t("profil.section.ict", lang), [charts.ict_heatmap(tik["levels"], lang), charts.ict_below_target_figure(tik["below"], lang, ict_target)]),
        (
            t("profil.section.training", lang),
            [
                charts.histogram_figure(tr["jp_bins"], lang, "chart.training.jp.title", "chart.axis.jp"),
                charts.count_bars(tr["types"], "jenis", "teachers", lang, "chart.training.types.title", "chart.axis.teachers"),
            ],
        ),
    ]
    meta = [f"NPSN {npsn}", school.reference_caption(sel, lang), f"{t('report.filter.ict_target', lang)}: {ict_target}"]
    return html_report(f"{t('report.school.title', lang)}: {name}", meta, sections, t("app.sample_notice", lang) if ds.is_sample else None, lang)


def district_report_html(
    ds: Dataset, npsns: Sequence[str], lang: str = "id", ict_target: int = ict.DEFAULT_TARGET, filters: Mapping[str, Sequence[str]] | None = None
) -> str:
    """The overview as a self-contained HTML report: the filters, headline figures, the school table and charts per school.

    ``filters`` (the overview's, as :func:`district_report_xlsx`) are written
    under the title and as the first section (:func:`analysis.views.district.filter_lines`).
    """
    sel = school.select(ds, list(npsns))
    head = school.headline(sel, ict_target=ict_target)
    figures = pd.DataFrame(
        {
            t("report.school.figure", lang): [t(lbl, lang, target=ict_target) for _, lbl, _ in _headline()],
            t("report.school.value", lang): [_fmt(head.get(k), kind, lang) for k, _, kind in _headline()],
        }
    )
    table = district.school_table(ds, list(npsns), ict_target=ict_target)
    shown = pd.DataFrame(
        {t("col.school", lang): table["nama_sekolah"], "NPSN": table["npsn"]}
        | {t(_label(f), lang, target=ict_target): [_fmt(v, _kind(f), lang) for v in table[f]] for f in district.FIGURES}
    )
    names = dict(zip(table["npsn"], table["nama_sekolah"]))
    gaps = table.melt(id_vars=["npsn"], value_vars=["out_of_field_share_headcount", "ict_below_target_share"], var_name="figure", value_name="share").dropna()
    gap_fig = charts.matrix_figure(
        gaps,
        "npsn",
        "figure",
        "share",
        lang,
        "report.district.chart.gaps",
        row_labels=names,
        col_labels={f: t(_label(f), lang, target=ict_target) for f in gaps["figure"].unique()},
        percent=True,
    )
    dom = table.melt(id_vars=["npsn"], value_vars=[f"domain_mean_{d}" for d in schema.DOMAINS], var_name="domain", value_name="mean").dropna()
    dom_fig = charts.matrix_figure(
        dom,
        "npsn",
        "domain",
        "mean",
        lang,
        "report.district.chart.domains",
        row_labels=names,
        col_labels={f"domain_mean_{d}": t(f"domain.{d}", lang) for d in schema.DOMAINS},
        zrange=(50.0, 100.0),
    )
    lines = district.filter_lines(filters, lang, sel.reference_date, ict_target)
    filter_table = pd.DataFrame({t("report.filter.sheet", lang): [a for a, _ in lines], t("report.school.value", lang): [b for _, b in lines]})
    sections = [
        (t("report.filter.title", lang), [filter_table]),
        (t("report.district.sheet.summary", lang), [figures]),
        (t("report.district.sheet.schools", lang), [shown, gap_fig, dom_fig]),
    ]
    meta = [school.reference_caption(sel, lang), f"{t('metric.schools', lang)}: {len(npsns)}", "; ".join(f"{a}: {b}" for a, b in lines)]
    return html_report(t("report.district.title", lang), meta, sections, t("app.sample_notice", lang) if ds.is_sample else None, lang)


def _headline():

    return HEADLINE


def _fmt(v: object, kind: str, lang: str = "id") -> str:
    """A figure of an HTML report, written as the page writes it (:func:`analysis.core.formatting.value`)."""
    return formatting.value(v, kind, lang)


def deidentified_xlsx(ds: Dataset, npsns: Sequence[str] | None = None, lang: str = "id", *, k: int | None = None, min_cell: int | None = None) -> bytes:
    """The researcher export: the de-identified dataset, k-anonymous, as one .xlsx, one sheet per table.

    The Guru sheet is made k-anonymous on :data:`analysis.metrics.privacy.QUASI_IDENTIFIERS`
    (:func:`analysis.metrics.privacy.enforce_k_anonymity`); a count sheet gives the
    pendidik per school by ASN / Non-ASN with small cells suppressed
    (:func:`analysis.metrics.privacy.suppress`); the README sheet says k, the
    generalisations applied and how many rows were blanked or left out.

    Parameters
    ----------
    ds : Dataset
    npsns : sequence of str, optional
        Limit to these schools.
    lang : {"id", "en"}
        Language of the README sheet and the count sheet's headers.
    k : int, optional
        Smallest quasi-identifier group (default :data:`analysis.metrics.privacy.K_ANONYMITY`, 5).
    min_cell : int, optional
        Small-cell threshold of the count sheet (default ``$DASBOR_MIN_CELL`` or 10).

    Returns
    -------
    bytes
        Sheets ``README`` (what was removed, k, generalisations, suppressed rows,
        the sample-data notice), ``sekolah``, ``guru``, ``mengajar``,
        ``pelatihan``, ``penilaian`` and the count sheet; cells neutralised.
    """

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
    """Pendidik per school by ASN / Non-ASN, small cells suppressed (:func:`analysis.metrics.privacy.suppress`).

    Returns
    -------
    DataFrame
        One row per school of ``tables["sekolah"]``: ``npsn``, ``nama_sekolah``,
        ASN, Non-ASN and total (headers in ``lang``); counts, or ``"<10"`` where
        under the threshold or where a shown cell would give a hidden one back.
    """

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
