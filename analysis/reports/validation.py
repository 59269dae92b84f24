"""The validation report as a table and as a downloadable .xlsx workbook.

The workbook is written with openpyxl. Every string is written as a value,
never a formula: text a spreadsheet would take for a formula (beginning with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with an
apostrophe, as the OWASP "CSV injection" guidance advises, because a cell
value comes from the user's file and may be hostile. Control characters a
spreadsheet cannot hold are removed first (:func:`neutralize` does both and
is the one cleaning step of every export: CSV, .xlsx and HTML; it lives in
:mod:`analysis.core.text`, beside the reader's control-character rule).
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analysis.core.dataset import ValidationReport
from analysis.core.text import neutralize
from analysis.i18n import t

#: Columns of :func:`report_frame`, in order.
PROBLEM_COLUMNS = ("sheet", "row", "column", "value", "severity", "message")
#: Columns of the summary sheet, in order.
SUMMARY_COLUMNS = ("sheet", "table", "rows_read", "rows_accepted", "rows_rejected", "rows_blank")


def report_frame(report: ValidationReport, lang: str = "id") -> pd.DataFrame:
    """The problems of a validation report as a table.

    Parameters
    ----------
    report : ValidationReport
    lang : {"id", "en"}
        Language of the messages.

    Returns
    -------
    DataFrame
        One row per problem, columns :data:`PROBLEM_COLUMNS`: ``sheet`` (as in the
        file), ``row`` (Excel row number, nullable Int64), ``column`` (header as
        written), ``value`` (cell as text), ``severity`` (``"error"`` rejects the row,
        ``"warning"`` keeps it) and ``message`` (plain text in ``lang``).
    """
    records = [p.as_dict(lang) for p in report.problems]
    frame = pd.DataFrame.from_records(records, columns=list(PROBLEM_COLUMNS))
    frame["row"] = pd.array(frame["row"].tolist(), dtype="Int64")
    for c in ("sheet", "column", "value", "severity", "message"):
        frame[c] = frame[c].astype(object)
    return frame


def report_xlsx(report: ValidationReport, lang: str = "id") -> bytes:
    """The validation report as an .xlsx workbook.

    Sheets: a summary (file, layout, one row per sheet with rows read /
    accepted / rejected / blank, then the personal-data columns dropped at
    import) and the problems (one row per problem, as :func:`report_frame`
    with localized severity). Strings are neutralized (:func:`neutralize`).

    Parameters
    ----------
    report : ValidationReport
    lang : {"id", "en"}

    Returns
    -------
    bytes
        The workbook's content.
    """
    wb = openpyxl.Workbook()
    bold = Font(bold=True)

    ws = wb.active
    ws.title = t("report.sheet.summary", lang)[:31]
    ws.append([neutralize(t("report.file", lang)), neutralize(report.file)])
    ws.append([neutralize(t("report.layout", lang)), neutralize(report.layout)])
    status = "report.status.unreadable" if not report.readable else ("report.status.rejected" if report.rows_rejected else "report.status.ok")
    ws.append([neutralize(t("report.status", lang)), neutralize(t(status, lang))])
    ws.append([])
    ws.append([t(f"report.col.{c}", lang) for c in SUMMARY_COLUMNS])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for s in report.sheets:
        ws.append([neutralize(s.sheet), neutralize(s.table or ""), s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank])
    ws.append([])
    ws.append([t("report.dropped", lang)])
    ws[ws.max_row][0].font = bold
    if report.dropped_columns:
        for c in report.dropped_columns:
            ws.append([neutralize(c)])
    else:
        ws.append([t("report.dropped.none", lang)])
    for cell in ws["A"][:3]:
        cell.font = bold
    column_widths(ws, (28, 18, 12, 12, 12, 12))

    wp = wb.create_sheet(t("report.sheet.problems", lang)[:31])
    wp.append([t(f"report.col.{c}", lang) for c in PROBLEM_COLUMNS])
    for cell in wp[1]:
        cell.font = bold
    for p in report.problems:
        wp.append(
            [
                neutralize(p.sheet),
                p.row,
                neutralize(p.column),
                neutralize(p.value),
                t(f"report.severity.{p.severity}", lang),
                neutralize(p.message(lang)),
            ]
        )
    wp.freeze_panes = "A2"
    if report.problems:
        wp.auto_filter.ref = f"A1:F{wp.max_row}"
    column_widths(wp, (18, 8, 22, 24, 12, 100))

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def column_widths(ws, widths: tuple[int, ...]) -> None:
    """Set the widths (characters) of the first columns of worksheet ``ws``."""
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
